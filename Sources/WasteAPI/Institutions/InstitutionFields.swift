import JSON
import WasteDomain

/// The editable content of an institution (公共机构), exactly as stored: the unit of validation,
/// comparison ("unchanged" on import) and the spreadsheet row. Its one declaration is
/// ``description``; `docs/API.md` explains the fields.
struct InstitutionFields: Sendable, Equatable {
    var code = ""
    var name = ""
    var kind = InstitutionKind.other
    var parentDepartment: String?
    var address: String?
    /// Micro-degrees (WGS 84), for the "photo taken far from the institution" warning.
    var latitudeMicro: Int64?
    var longitudeMicro: Int64?
    var headcount = 0
    var floors = 1
    var hasCanteen = false
    /// m² × 100, so areas with two decimals are exact.
    var buildingAreaCentiM2: Int64?
    var contactName: String?
    var contactPhone: String?
    var workingBodyEstablishedOn: CalendarDate?
    var planSubmittedOn: CalendarDate?
    /// The first day of the first month whose ledger the institution owes (docs/API.md).
    var reportingStartsOn: CalendarDate?
    var status = InstitutionStatus.active

    /// With the default reporting start filled in when registering: the first day of the month
    /// after `today` (the district's date), so a unit never owes the month it joined in.
    func registering(today: CalendarDate) -> InstitutionFields {
        var fields = self
        if fields.reportingStartsOn == nil { fields.reportingStartsOn = today.yearMonth.next.firstDay }
        return fields
    }

    static let maxNameLength = 100
    static let maxCodeLength = 32

    static let description = ResourceDescription<InstitutionFields>(
        table: "institutions", entity: "institution", schema: "Institution", blank: InstitutionFields(), fields: [
            .init("code", \.code, .text(minLength: 1, maxLength: maxCodeLength, pattern: "^[A-Za-z0-9._-]{1,32}$", check: codeProblem),
                  zh: "单位编码", required: true, doc: "Unique unit code."),
            .init("name", \.name, .text(minLength: 1, maxLength: maxNameLength, check: blankProblem),
                  zh: "单位名称", required: true, doc: "Unique name, e.g. 尖山区教育局."),
            .init("kind", \.kind, .enumeration(aliases: kindNames), zh: "单位类型", required: true,
                  doc: "Input also accepts the Chinese names 党政机关, 事业单位, 团体组织, 国有企业, 其他; output is always the code."),
            .init("parent_department", \.parentDepartment, .text(maxLength: 100), zh: "主管部门", emptyIsNull: true),
            .init("address", \.address, .text(maxLength: 200), zh: "地址", clerk: true, emptyIsNull: true),
            .init("latitude", \.latitudeMicro, .coordinate(limit: 90), zh: "纬度",
                  doc: "WGS 84 degrees; a rectification photo taken more than 1 km away carries a warning."),
            .init("longitude", \.longitudeMicro, .coordinate(limit: 180), zh: "经度", doc: "WGS 84 degrees."),
            .init("headcount", \.headcount, .integer(min: 0, max: 1_000_000), zh: "在编人数", clerk: true),
            .init("floors", \.floors, .integer(min: 0, max: 300), zh: "楼层数", clerk: true),
            .init("has_canteen", \.hasCanteen, .boolean, zh: "有无食堂", clerk: true),
            .init("building_area_m2", \.buildingAreaCentiM2, .scaled(decimals: 2, min: 0, max: 100_000_000_000),
                  zh: "建筑面积（平方米）", column: "building_area_centi_m2", clerk: true, doc: "At most 2 decimals."),
            .init("contact_name", \.contactName, .text(maxLength: 50), zh: "联系人", clerk: true, emptyIsNull: true),
            .init("contact_phone", \.contactPhone, .text(maxLength: 32, pattern: "^[0-9 +()-]*$", check: phoneProblem),
                  zh: "联系电话", clerk: true, emptyIsNull: true),
            .init("working_body_established_on", \.workingBodyEstablishedOn, .date, zh: "工作机构成立日期", clerk: true,
                  doc: "When the working body (工作机构) was set up."),
            .init("plan_submitted_on", \.planSubmittedOn, .date, zh: "实施方案报送日期", clerk: true,
                  doc: "When the implementation plan (实施方案) was submitted."),
            .init("reporting_starts_on", \.reportingStartsOn, .date, zh: "台账报送起始日期",
                  doc: "The first day of the first month whose ledger report the institution owes; months before it are never due. "
                      + "Left out on registration: the first day of the month after registration (docs/API.md)."),
            .init("status", \.status, .enumeration(), zh: "状态"),
        ])

    /// Codes and Chinese names both name a kind on input; output always uses the code.
    static let kindNames = Dictionary(uniqueKeysWithValues: InstitutionKind.allCases.map { ($0.chineseName, $0) })

    @Sendable private static func codeProblem(_ code: String) -> (code: String, message: String)? {
        code.unicodeScalars.allSatisfy(isCodeScalar) ? nil
            : (FieldError.Code.invalidFormat, "must be 1 to \(maxCodeLength) letters, digits, '-', '_' or '.'")
    }

    private static func isCodeScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                           || scalar == "-" || scalar == "_" || scalar == ".")
    }

    @Sendable private static func blankProblem(_ name: String) -> (code: String, message: String)? {
        name.contains(where: { !$0.isWhitespace }) ? nil : (FieldError.Code.tooShort, "must not be blank")
    }

    @Sendable private static func phoneProblem(_ phone: String) -> (code: String, message: String)? {
        phone.unicodeScalars.allSatisfy({ $0.isASCII && "0123456789 +-()".unicodeScalars.contains($0) }) ? nil
            : (FieldError.Code.invalidFormat, "may hold only digits, spaces and + - ( )")
    }
}
