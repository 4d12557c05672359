/// The spreadsheet form of each JSON route that exports (docs/DECISIONS.md, "Spreadsheets"):
/// which rows, which columns, their Chinese headers. One table per route, in one place.
enum ExportTables {
    private typealias C = JSONColumn

    private static let institution = [
        C("institution_code", "单位编码", "institution.code"), C("institution_name", "单位名称", "institution.name"),
    ]

    static let rankings = SpreadsheetExport(
        name: "ranking", chineseName: "排名", filename: "ranking", itemArrays: [["entries"], ["unranked"]],
        columns: [C("rank", "名次")] + institution + [
            C("institution_kind", "单位类型", "institution.kind", .label(ChineseLabels.institutionKind)),
            C("score", "得分"), C("grade", "等级", nil, .label(ChineseLabels.grade)),
            C("inspection", "检查得分", "components.inspection"), C("ledger", "台帐得分", "components.ledger"),
            C("facility", "设施得分", "components.facility"), C("publicity", "宣传得分", "components.publicity"),
            C("inspections", "检查次数"), C("previous_rank", "上期名次"), C("change", "名次变化"),
            C("unranked_reason", "未排名原因", "reason", omitWhenEmpty: true),
        ])

    static let findings = SpreadsheetExport(
        name: "findings", chineseName: "问题清单", filename: "findings", itemArrays: [["items"]],
        columns: [
            C("id", "编号"), C("inspection_id", "检查编号"), C("institution_id", "单位编号"), C("item_code", "检查项"),
            C("item_title_zh", "检查项名称"), C("description", "问题描述"),
            C("severity", "严重程度", nil, .label(ChineseLabels.findingSeverity)), C("rectify_by", "整改期限", nil, .date),
            C("status", "状态", nil, .label(ChineseLabels.findingStatus)), C("overdue", "是否逾期"),
            C("rectified_late", "是否逾期整改"), C("rectified_at", "整改时间"), C("rectification_note", "整改说明"),
            C("verified_at", "复核时间"), C("reopen_reason", "退回原因"), C("created_at", "创建时间"),
        ],
        paginated: true)

    static let ledgerReports = SpreadsheetExport(
        name: "ledger reports", chineseName: "台帐报送", filename: "ledger-reports", itemArrays: [["items"]],
        columns: institution + [
            C("status", "报送状态", nil, .label(ChineseLabels.reportStatus)), C("entry_count", "记录条数"),
            C("submitted_at", "提交时间"), C("accepted_at", "通过时间"), C("returned_at", "退回时间"), C("late", "是否逾期"),
        ],
        paginated: true)

    static let facilityCompliance = SpreadsheetExport(
        name: "facility compliance", chineseName: "设施达标", filename: "facility-compliance", itemArrays: [["items"]],
        columns: institution + [
            C("as_of", "截至日期", nil, .date), C("compliant", "是否达标"), C("score", "得分"),
            C("shortfalls", "不足之处", nil, .joined(member: "message")),
        ],
        paginated: true)

    static let coverage = SpreadsheetExport(
        name: "coverage", chineseName: "全覆盖", filename: "coverage", itemArrays: [["items"]],
        columns: institution + [
            C("covered", "是否全覆盖"), C("unmet", "未达条件", nil, .joined(member: "code")),
            C("unmet_zh", "原因", "unmet", .joined(member: "message_zh")),
        ])

    private static let ledgerFigures = [
        C("total_kg", "总重量（公斤）"), C("entry_count", "记录条数"),
        C("recyclable_kg", "可回收物（公斤）", "totals.recyclable"), C("hazardous_kg", "有害垃圾（公斤）", "totals.hazardous"),
        C("food_kg", "厨余垃圾（公斤）", "totals.food"), C("residual_kg", "其他垃圾（公斤）", "totals.residual"),
        C("recovered_kg", "回收利用量（公斤）"), C("recovery_rate", "回收利用率"), C("hazardous_handled_kg", "有害垃圾处置量（公斤）"),
    ]

    static let ledgerStats = SpreadsheetExport(
        name: "ledger statistics", chineseName: "台帐统计", filename: "ledger-statistics", itemArrays: [["groups"]],
        columns: [
            C("category", "类别", nil, .label(ChineseLabels.category), omitWhenEmpty: true),
            C("month", "月份", omitWhenEmpty: true),
            C("institution_code", "单位编码", "institution.code", omitWhenEmpty: true),
            C("institution_name", "单位名称", "institution.name", omitWhenEmpty: true),
        ] + ledgerFigures + [
            C("headcount", "人数"), C("working_days", "工作日"), C("kg_per_staff_per_working_day", "人均每工作日（公斤）"),
        ])

    static let overview = SpreadsheetExport(
        name: "overview", chineseName: "总体情况", filename: "overview", itemArrays: [],
        columns: [
            C("period", "期间"), C("as_of", "截至日期", nil, .date), C("district_name", "区县"),
            C("active_institutions", "在用单位数"), C("covered", "覆盖单位数", "coverage.covered"),
            C("coverage_rate", "覆盖率", "coverage.rate"), C("reports_due", "应报送", "reporting.due"),
            C("reports_on_time", "按时报送", "reporting.on_time"), C("reports_late", "逾期报送", "reporting.late"),
            C("reports_missing", "未报送", "reporting.missing"), C("on_time_rate", "按时报送率", "reporting.on_time_rate"),
            C("total_kg", "总重量（公斤）", "ledger.total_kg"), C("recovery_rate", "回收利用率", "ledger.recovery_rate"),
            C("inspections", "检查次数", "inspection.inspections"),
            C("inspected_institutions", "受检单位数", "inspection.inspected_institutions"),
            C("mean_score", "平均得分", "inspection.mean_score"), C("findings", "问题数", "findings.total"),
            C("findings_open", "未整改", "findings.open"), C("findings_overdue", "逾期未整改", "findings.overdue"),
            C("findings_verified", "已复核", "findings.verified"),
        ])
}
