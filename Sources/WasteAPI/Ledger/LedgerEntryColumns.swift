import Spreadsheet
import WasteDomain

/// The spreadsheet columns of ledger entries: ``LedgerEntryCSV/header`` with their Chinese
/// headers in one table (the resource description can take it over), and the typed cells of
/// an export in either header language.
enum LedgerEntryColumns {
    /// Column code → Chinese header, for every column of ``LedgerEntryCSV/header``.
    static let chinese: [String: String] = [
        "id": "编号", "institution_id": "单位编号", "occurred_on": "日期", "category": "类别", "subcategory": "细类",
        "weight_kg": "重量（公斤）", "weighed": "是否称重", "stage": "环节", "hauler": "收运单位", "destination": "去向",
        "disposal": "处置方式", "manifest_no": "联单号", "note": "备注", "created_at": "创建时间", "updated_at": "更新时间",
        "version": "版本",
    ]

    static let columns: [SheetColumn] = LedgerEntryCSV.header.map { key in
        SheetColumn(key, chinese[key] ?? key, width: ["created_at", "updated_at"].contains(key) ? 22 : nil)
    }

    static func sheet(_ records: [LedgerEntryRecord], headers language: HeaderLanguage) -> Sheet {
        Sheet(name: language == .chinese ? "台帐" : "ledger entries", columns: columns,
              rows: records.map { cells($0, language) })
    }

    /// One row, in the order of ``LedgerEntryCSV/header``.
    static func cells(_ record: LedgerEntryRecord, _ language: HeaderLanguage) -> [Cell] {
        let f = record.fields
        let zh = language == .chinese
        func label(_ table: ChineseLabels.Table, _ code: String?) -> Cell {
            guard let code else { return .empty }
            return .text(zh ? table.label(code) : code)
        }
        let date = SheetDate(year: f.occurredOn.year, month: f.occurredOn.month, day: f.occurredOn.day).map(Cell.date)
        return [
            .integer(record.id), .integer(record.institutionID), date ?? .text(f.occurredOn.description),
            label(ChineseLabels.category, f.category.rawValue), label(ChineseLabels.subcategory, f.subcategory),
            .number(Weight.kilogramsText(f.grams)), zh ? .text(ChineseLabels.yesNo(f.weighed)) : .bool(f.weighed),
            label(ChineseLabels.stage, f.stage.rawValue), .text(f.hauler), .text(f.destination),
            label(ChineseLabels.disposal, f.disposal?.rawValue), .text(f.manifestNo), .text(f.note),
            .text(record.createdAt), .text(record.updatedAt), .integer(record.version),
        ]
    }
}
