import HTTPCore
import JSON
import Routing
import Storage
import WasteDomain

/// `POST /v1/inspections/{id}/finalize` and `…/void {reason}`.
///
/// Finalizing makes a draft count and opens its findings; it is immutable afterwards. Voiding
/// (of a draft or a finalized inspection, with a required reason) keeps the record but stops
/// it counting and withdraws its findings. Drafts are voided rather than deleted.
enum InspectionLifecycleRoutes {
    static func register(in routes: inout APIRoutes) {
        routes.add(.POST, "/v1/inspections/{id}/finalize", access: .office,
                   summary: "Finalize a draft: it counts from now on and its findings open", tag: "inspections",
                   response: "Inspection") { context in
            try transition(context, to: .finalized, reason: nil)
        }
        routes.add(.POST, "/v1/inspections/{id}/void", access: .office,
                   summary: "Void an inspection with a reason: kept, no longer counted, findings withdrawn", tag: "inspections",
                   body: "VoidRequest", response: "Inspection") { context in
            var reader = JSONFieldReader(try context.jsonObject(), allowedKeys: ["reason"])
            let reason = reader.string("reason", required: true, minLength: 1, maxLength: 500)
            guard reader.isValid, let reason else { throw HTTPError.validation(reader.errors) }
            return try transition(context, to: .voided, reason: reason)
        }
    }

    private static func transition(_ context: APIContext, to next: InspectionStatus, reason: String?) throws -> HTTPResponse {
        let id = try context.parameters.id()
        let caller = try context.caller()
        return try context.services.database.write { db in
            guard let current = try InspectionRecord.find(db, id: id) else { throw HTTPError.notFound() }
            try Conditional.requireMatch(context.request.headers, etag: current.etag)
            guard current.status.canTransition(to: next) else {
                throw HTTPError.conflict("inspection \(id) is \(current.status.rawValue); it cannot be \(next.rawValue)", field: "status")
            }
            switch next {
            case .finalized: try InspectionStore.finalize(db, id: id, by: caller.userID, now: context.now)
            case .voided: try InspectionStore.void(db, id: id, reason: reason ?? "", by: caller.userID, now: context.now)
            case .draft: break
            }
            guard let updated = try InspectionRecord.find(db, id: id) else { throw HTTPError.notFound() }
            let view = try InspectionRoutes.View(db, now: context.now)
            try AuditTrail.record(db, context: context, entity: "inspection", id: id,
                                  action: next == .finalized ? "finalize" : "void",
                                  before: view.json(current), after: view.json(updated))
            return view.response(updated)
        }
    }
}
