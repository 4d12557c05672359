import WasteDomain

/// The editable content of an institution (SPEC §5), exactly as stored: the unit of
/// validation, comparison ("unchanged" on import) and the CSV row.
struct InstitutionFields: Sendable, Equatable {
    var code: String
    var name: String
    var kind: InstitutionKind
    var parentDepartment: String?
    var address: String?
    var headcount: Int
    var floors: Int
    var hasCanteen: Bool
    /// m² × 100, so areas with two decimals are exact.
    var buildingAreaCentiM2: Int64?
    var contactName: String?
    var contactPhone: String?
    /// `YYYY-MM-DD`.
    var workingBodyEstablishedOn: String?
    /// `YYYY-MM-DD`.
    var planSubmittedOn: String?
    var status: InstitutionStatus

    /// The starting point of a new institution: the schema's defaults, required fields empty.
    static let blank = InstitutionFields(
        code: "", name: "", kind: .other, parentDepartment: nil, address: nil, headcount: 0, floors: 1,
        hasCanteen: false, buildingAreaCentiM2: nil, contactName: nil, contactPhone: nil,
        workingBodyEstablishedOn: nil, planSubmittedOn: nil, status: .active)

    /// The fields in API and CSV order, by their snake_case names.
    static let names = [
        "code", "name", "kind", "parent_department", "address", "headcount", "floors", "has_canteen",
        "building_area_m2", "contact_name", "contact_phone", "working_body_established_on",
        "plan_submitted_on", "status",
    ]

    /// The fields a clerk may change on its own institution; the rest are the office's.
    static let profileNames: Set<String> = [
        "address", "headcount", "floors", "has_canteen", "building_area_m2", "contact_name",
        "contact_phone", "working_body_established_on", "plan_submitted_on",
    ]

    /// The fields a body must give when creating (and a CSV header must have).
    static let requiredNames = ["code", "name", "kind"]

    /// The SQL columns in the order of ``sqlValues``.
    static let columns = [
        "code", "name", "kind", "parent_department", "address", "headcount", "floors", "has_canteen",
        "building_area_centi_m2", "contact_name", "contact_phone", "working_body_established_on",
        "plan_submitted_on", "status",
    ]
}
