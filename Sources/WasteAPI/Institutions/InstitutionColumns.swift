import JSON
import Spreadsheet
import WasteDomain

/// The spreadsheet columns of institutions, from ``InstitutionFields/description`` (one column
/// per field, its JSON name and its Chinese header), with what spreadsheets need beyond it: the
/// Chinese labels of its enums, other Chinese headers the offices use, and typed cells.
enum InstitutionColumns {
    private static var description: ResourceDescription<InstitutionFields> { InstitutionFields.description }

    /// Enum fields and their Chinese labels (`?headers=zh` writes them; imports read them).
    static let labels: [String: ChineseLabels.Table] = ["kind": ChineseLabels.institutionKind, "status": ChineseLabels.institutionStatus]

    /// Other Chinese headers the offices' own sheets use, by field name.
    static let chineseAliases: [String: String] = [
        "编码": "code", "单位代码": "code", "名称": "name", "单位": "name", "类型": "kind", "单位性质": "kind",
        "人数": "headcount", "职工人数": "headcount", "楼层": "floors", "食堂": "has_canteen", "是否有食堂": "has_canteen",
        "建筑面积": "building_area_m2", "建筑面积(平方米)": "building_area_m2", "电话": "contact_phone",
        "工作机构成立时间": "working_body_established_on", "方案报送日期": "plan_submitted_on", "方案报送时间": "plan_submitted_on",
        "台帐报送起始日期": "reporting_starts_on",
    ]

    static var columns: [SheetColumn] { description.fields.map { SheetColumn($0.name, $0.headerZH) } }

    /// The field a header cell names: its name (any letter case), its Chinese header or an
    /// alias; the text itself when it names none (the header check reports it).
    static func column(forHeader text: String) -> String {
        if let field = description.field(forHeader: text) { return field.name }
        if let name = chineseAliases[text] { return name }
        let lowered = text.lowercased()
        return description.names.contains(lowered) ? lowered : text
    }

    /// An imported cell in the form the description reads: Chinese labels as codes, the date
    /// forms of Chinese sheets (2026/11/4, 2026年11月4日) as `YYYY-MM-DD`.
    static func importCell(_ column: String, _ cell: String) -> String {
        let trimmed = cell.trimmingCellSpaces
        guard !trimmed.isEmpty else { return cell }
        if let table = labels[column] { return table.code(trimmed) }
        if dateFields.contains(column) { return SheetDate(text: trimmed)?.description ?? cell }
        return cell
    }

    private static let dateFields = Set(InstitutionFields.description.fields.filter { $0.valueSchema["format"] == "date" }.map(\.name))

    static func sheet(_ items: [InstitutionFields], headers language: HeaderLanguage) -> Sheet {
        let fields = description.fields
        return Sheet(name: language == .chinese ? "公共机构" : "institutions", columns: columns, rows: items.map { item in
            fields.map { field in cell(field.json(item), field: field.name, language) }
        })
    }

    /// A field's JSON value as a typed cell: numbers stay exact, dates are dates, enums are
    /// codes (English) or labels (Chinese), booleans true/false or 是/否.
    private static func cell(_ value: JSONValue, field: String, _ language: HeaderLanguage) -> Cell {
        switch value {
        case .null: return .empty
        case .bool(let flag): return language == .chinese ? .text(ChineseLabels.yesNo(flag)) : .bool(flag)
        case .number(let number): return .number(number.text)
        case .string(let text):
            if dateFields.contains(field), let date = SheetDate(text: text) { return .date(date) }
            if language == .chinese, let table = labels[field] { return .text(table.label(text)) }
            return .text(text)
        case .array, .object: return .text(value.serializedString())
        }
    }
}
