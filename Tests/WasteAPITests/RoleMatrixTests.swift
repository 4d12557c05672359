import Foundation
import HTTPCore
import Testing
@testable import WasteAPI
import WasteDomain

/// SPEC §4: "Every endpoint's role rule is tested." Every route in `Application.docs` is called by
/// every kind of caller, so a new route is covered the moment it is registered.
@Suite struct RoleMatrixTests {
    /// What a caller must get: 401, 403, or through the access check (any other status below 500).
    enum Outcome: CustomStringConvertible {
        case unauthorized, forbidden, admitted

        var description: String {
            switch self {
            case .unauthorized: "401"
            case .forbidden: "403"
            case .admitted: "neither 401 nor 403"
            }
        }

        func accepts(_ status: Int) -> Bool {
            switch self {
            case .unauthorized: status == 401
            case .forbidden: status == 403
            case .admitted: status != 401 && status != 403 && status < 500
            }
        }
    }

    /// The outcome a route's declared `Access` promises to `caller`.
    static func expected(_ doc: RouteDoc, _ caller: MatrixCaller, publicRead: Bool) -> Outcome {
        if doc.access == .anyone { return .admitted }  // a stale token must not block login either
        switch caller {
        case .anonymous:
            let isRead = doc.method == .GET || doc.method == .HEAD
            return isRead && doc.access.allowsAnonymous(publicReadEnabled: publicRead) ? .admitted : .unauthorized
        case .malformed, .expired, .revoked:
            return .unauthorized
        case .role(let role):
            return doc.access.permits(role, publicReadEnabled: publicRead) ? .admitted : .forbidden
        }
    }

    /// Operational routes serve fixed content to anyone; they get their own check below.
    static func isOperational(_ doc: RouteDoc) -> Bool {
        doc.access == .anyone && doc.tag == "operations"
    }

    /// Reads and creations first, deletions after them, and deletions of the caller's own
    /// session (no path parameter, e.g. `DELETE /v1/sessions/current`) last, since those revoke
    /// the very tokens the other calls need.
    static func callingOrder(_ docs: [RouteDoc]) -> [RouteDoc] {
        func rank(_ doc: RouteDoc) -> Int {
            guard doc.method == .DELETE else { return 0 }
            return doc.path.contains("{") ? 1 : 2
        }
        return docs.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(\.element)
    }

    @Test(arguments: [false, true])
    func everyRouteAnswersEachCallerAsItsAccessRuleSays(publicRead: Bool) throws {
        let fixture = try RoleMatrixFixture(publicRead: publicRead)
        let routes = Self.callingOrder(fixture.app.app.docs.filter { !Self.isOperational($0) })
        #expect(!routes.isEmpty)
        var mismatches: [String] = []
        for doc in routes {
            let path = fixture.concretePath(doc.path)
            for caller in MatrixCaller.all {
                let outcome = Self.expected(doc, caller, publicRead: publicRead)
                let response = try fixture.call(doc.method.rawValue, path, as: caller)
                if !outcome.accepts(response.status) {
                    mismatches.append("\(doc.method) \(doc.path) (\(describe(doc.access))) as \(caller): expected \(outcome), got "
                                      + "\(response.status) \(response.json["detail"]?.stringValue ?? "")")
                }
            }
        }
        if !mismatches.isEmpty {
            Issue.record("public read \(publicRead): \(mismatches.count) mismatches:\n\(mismatches.joined(separator: "\n"))")
        }
    }

    @Test func operationalRoutesAnswerWithoutATokenAndIgnoreABadOne() throws {
        let app = try TestApp()
        let operational = app.app.docs.filter(Self.isOperational)
        #expect(operational.contains { $0.path == "/healthz" })
        for doc in operational {
            for headers in [[], [("Authorization", "Bearer nope")]] {
                // The one operational route with a parameter is a problem type's page.
                let path = doc.path.replacingOccurrences(of: "{type}", with: "validation")
                let response = try app.client.request(doc.method.rawValue, path, headers: headers)
                #expect(response.status == 200, "\(doc.method) \(doc.path) with \(headers): \(response.status)")
            }
        }
    }

    /// The matrix checks the server against the declared rules; this checks the declared rules
    /// against the SPEC, through a table written independently of the route files.
    @Test func declaredAccessMatchesTheSpecification() throws {
        let app = try TestApp()
        var mismatches: [String] = []
        for doc in app.app.docs {
            guard let rule = SpecAccessTable.rule(doc.method, doc.path) else { continue }
            mismatches += rule.violations(by: doc.access).map { "\(doc.method) \(doc.path) declares \(describe(doc.access)): \($0)" }
        }
        if !mismatches.isEmpty {
            Issue.record("\(mismatches.count) access rules differ from the SPEC:\n\(mismatches.joined(separator: "\n"))")
        }
    }

    @Test func aWrongDeclarationIsCaughtByTheTable() throws {
        let rule = try #require(SpecAccessTable.rule(.GET, "/v1/institutions"))
        #expect(!rule.violations(by: .authenticated).isEmpty, "viewers may not list institutions")
        #expect(rule.violations(by: .staff).isEmpty)
        let admin = try #require(SpecAccessTable.rule(.POST, "/v1/institutions"))
        #expect(!admin.violations(by: .office).isEmpty)
        let aggregate = try #require(SpecAccessTable.rule(.GET, "/v1/rankings"))
        #expect(!aggregate.violations(by: .authenticated).isEmpty, "rankings are public with --public-read")
        #expect(aggregate.violations(by: .aggregates).isEmpty)
    }

    @Test func orderingPutsSelfRevokingRoutesLast() {
        func doc(_ method: HTTPMethod, _ path: String) -> RouteDoc {
            RouteDoc(method: method, path: path, access: .authenticated, summary: "", tag: "", query: [], body: nil,
                     bodyMediaType: nil, success: 200, response: nil)
        }
        let ordered = Self.callingOrder([doc(.DELETE, "/v1/sessions/current"), doc(.DELETE, "/v1/tokens/{id}"),
                                         doc(.GET, "/v1/me"), doc(.POST, "/v1/tokens")])
        #expect(ordered.map { "\($0.method) \($0.path)" }
                == ["GET /v1/me", "POST /v1/tokens", "DELETE /v1/tokens/{id}", "DELETE /v1/sessions/current"])
    }
}

/// `roles(admin,inspector)`: an access rule in failure messages.
func describe(_ access: Access) -> String {
    switch access {
    case .anyone: "anyone"
    case .authenticated: "authenticated"
    case .roles(let roles): "roles(\(roles.sorted().map(\.rawValue).joined(separator: ",")))"
    case .publicRead(let roles): "publicRead(\(roles.sorted().map(\.rawValue).joined(separator: ",")))"
    }
}
