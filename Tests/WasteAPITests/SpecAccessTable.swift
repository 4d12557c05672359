import HTTPCore
@testable import WasteAPI
import WasteDomain

/// Who may call what, written from SPEC §1, §3, §4 and §5 by hand, independently of the route
/// files, so that a wrongly declared `Access` fails a test instead of being enforced faithfully.
///
/// Where the SPEC is explicit a rule names every role; where it only implies part of the answer
/// (e.g. whether an admin may also record inspections) the rule names just the roles it settles.
/// Viewers "can only read aggregates and published notices" (§4): they are refused everywhere
/// else except the self-service routes (`/v1/me`, tokens, settings, categories).
struct SpecAccessRule {
    /// Roles the SPEC lets through.
    let allowed: Set<Role>
    /// Roles the SPEC refuses.
    let denied: Set<Role>
    /// Whether anonymous GETs are allowed under `--public-read`; nil when the SPEC does not say.
    var publicRead: Bool? = false
    var anyone = false

    /// How `access` breaks this rule; empty when it does not.
    func violations(by access: Access) -> [String] {
        if anyone { return access == .anyone ? [] : ["the SPEC lets anyone call it without a token"] }
        var found: [String] = []
        if access == .anyone { found.append("needs no token, but the SPEC restricts it") }
        let refused = allowed.filter { !access.permits($0, publicReadEnabled: false) }
        let admitted = denied.filter { access.permits($0, publicReadEnabled: false) }
        if !refused.isEmpty { found.append("refuses \(refused.sorted().map(\.rawValue)), which the SPEC allows") }
        if !admitted.isEmpty { found.append("admits \(admitted.sorted().map(\.rawValue)), which the SPEC refuses") }
        if let publicRead, access.allowsAnonymous(publicReadEnabled: true) != publicRead {
            found.append(publicRead ? "is not readable anonymously under --public-read" : "is readable anonymously")
        }
        return found
    }
}

enum SpecAccessTable {
    private static let everyRole = Set(Role.allCases)
    private static let adminOnly = SpecAccessRule(allowed: [.admin], denied: [.inspector, .clerk, .viewer])
    private static let selfService = SpecAccessRule(allowed: everyRole, denied: [])
    /// Rankings, statistics, published notices: every role, and the public with --public-read.
    private static let aggregate = SpecAccessRule(allowed: everyRole, denied: [], publicRead: true)
    /// An institution's own data: office and its clerk read it; viewers do not.
    private static let institutionRead = SpecAccessRule(allowed: [.admin, .inspector, .clerk], denied: [.viewer])
    /// What clerks report for their institution (§1 users); viewers never write.
    private static let clerkWrite = SpecAccessRule(allowed: [.clerk], denied: [.viewer])
    private static let officeOnly = SpecAccessRule(allowed: [.admin, .inspector], denied: [.clerk, .viewer])
    private static let inspectorWork = SpecAccessRule(allowed: [.inspector], denied: [.clerk, .viewer])
    private static let officeRead = SpecAccessRule(allowed: [.admin, .inspector], denied: [.viewer])

    /// The rule for a route, matching `{parameters}` whatever their names; nil when the table is silent.
    static func rule(_ method: HTTPMethod, _ path: String) -> SpecAccessRule? {
        rules["\(method.rawValue) \(shape(path))"]
    }

    /// `/v1/institutions/{}/ledger-reports/{}`: the path with parameter names erased.
    static func shape(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("{") && $0.hasSuffix("}") ? "{}" : String($0) }
            .joined(separator: "/")
    }

    private static let rules: [String: SpecAccessRule] = {
        var table: [String: SpecAccessRule] = [
            // §4, §5 auth and people
            "POST /v1/sessions": SpecAccessRule(allowed: everyRole, denied: [], publicRead: nil, anyone: true),
            "DELETE /v1/sessions/current": selfService,
            "GET /v1/me": selfService,
            "GET /v1/users": adminOnly, "POST /v1/users": adminOnly,
            "GET /v1/users/{}": SpecAccessRule(allowed: [.admin], denied: [.viewer]),
            "PATCH /v1/users/{}": adminOnly, "DELETE /v1/users/{}": adminOnly,
            "GET /v1/tokens": selfService, "POST /v1/tokens": selfService, "DELETE /v1/tokens/{}": selfService,
            "GET /v1/audit-events": adminOnly,
            // §3 settings and categories
            "GET /v1/settings": selfService, "PUT /v1/settings": adminOnly,
            "GET /v1/categories": SpecAccessRule(allowed: everyRole, denied: [], publicRead: nil),
            // institutions
            "GET /v1/institutions": SpecAccessRule(allowed: [.admin, .inspector], denied: [.viewer]),
            "POST /v1/institutions": adminOnly,
            "GET /v1/institutions/{}": institutionRead,
            "PATCH /v1/institutions/{}": SpecAccessRule(allowed: [.admin], denied: [.viewer]),
            "DELETE /v1/institutions/{}": adminOnly,
            "POST /v1/institutions/import": adminOnly,
            // ledger
            "GET /v1/institutions/{}/ledger-entries": institutionRead,
            "POST /v1/institutions/{}/ledger-entries": clerkWrite,
            "GET /v1/ledger-entries/{}": institutionRead,
            "PATCH /v1/ledger-entries/{}": clerkWrite, "DELETE /v1/ledger-entries/{}": clerkWrite,
            "GET /v1/institutions/{}/ledger-reports/{}": institutionRead,
            "POST /v1/institutions/{}/ledger-reports/{}/submit": clerkWrite,
            "POST /v1/institutions/{}/ledger-reports/{}/accept": officeOnly,
            "POST /v1/institutions/{}/ledger-reports/{}/return": officeOnly,
            "GET /v1/ledger-reports": officeRead,
            "GET /v1/stats/ledger": aggregate,
            // facilities
            "PUT /v1/facility-standard": adminOnly,
            "GET /v1/institutions/{}/facility-compliance": institutionRead,
            // inspections
            "POST /v1/rubrics": adminOnly,
            "GET /v1/inspections": officeRead, "POST /v1/inspections": inspectorWork,
            "PATCH /v1/inspections/{}": inspectorWork,
            "POST /v1/inspections/{}/finalize": inspectorWork, "POST /v1/inspections/{}/void": inspectorWork,
            "GET /v1/findings": officeRead,
            "POST /v1/findings/{}/rectify": clerkWrite,
            "POST /v1/findings/{}/verify": inspectorWork, "POST /v1/findings/{}/reopen": inspectorWork,
            // scores, rankings, notices, overview
            "PUT /v1/scoring-scheme": adminOnly,
            "GET /v1/rankings": aggregate,
            "GET /v1/stats/overview": aggregate,
            "GET /v1/notices": aggregate, "GET /v1/notices/{}": aggregate,
            "GET /v1/notices/preview": officeRead,
            "POST /v1/notices": adminOnly, "POST /v1/notices/{}/publish": adminOnly,
            // SPEC §10: coverage per institution for staff; withdrawing a notice is the office's admin
            "GET /v1/coverage": SpecAccessRule(allowed: [.admin, .inspector, .clerk], denied: [.viewer]),
            "POST /v1/notices/{}/withdraw": adminOnly,
        ]
        // per-institution records clerks keep (§5 facilities, contracts, publicity, surveys, tasks, funding)
        for kind in ["collection-points", "storage-rooms", "contracts", "activities", "surveys", "tasks", "funding"] {
            table["GET /v1/institutions/{}/\(kind)"] = institutionRead
            table["POST /v1/institutions/{}/\(kind)"] = clerkWrite
            table["GET /v1/\(kind)/{}"] = institutionRead
            table["PATCH /v1/\(kind)/{}"] = clerkWrite
            table["DELETE /v1/\(kind)/{}"] = clerkWrite
        }
        return table
    }()
}
