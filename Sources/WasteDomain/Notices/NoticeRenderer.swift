import Foundation

/// Renders a notice as Markdown, plain text or a printable A4 HTML page.
public enum NoticeRenderer {
    public static func markdown(_ content: NoticeContent) -> String {
        var lines: [String] = []
        lines.append("**\(content.issuingOffice)**")
        lines.append("")
        lines.append(content.numberText)
        lines.append("")
        lines.append("# \(content.title)")
        lines.append("")
        lines.append("\(content.addressees)：")
        lines.append("")
        lines.append("## 一、总体情况")
        lines.append("")
        lines.append(NoticeText.overall(content).joined())
        lines.append("")
        lines.append("## 二、表扬单位")
        lines.append("")
        lines.append(NoticeText.praised(content))
        lines.append("")
        lines.append("## 三、存在问题及通报批评单位")
        lines.append("")
        lines.append(NoticeText.problemsIntro(content))
        lines.append("")
        for (index, problem) in content.problems.enumerated() {
            lines.append("\(index + 1). \(problem.itemCode) \(problem.itemTitle)：\(problem.count)处（\(problem.institutions.joined(separator: "、"))）")
        }
        if !content.problems.isEmpty { lines.append("") }
        lines.append(NoticeText.criticizedIntro(content))
        lines.append("")
        for unit in content.criticized {
            lines.append("- \(unit.name)：\(unit.reasons.joined(separator: "；"))")
        }
        if !content.criticized.isEmpty { lines.append("") }
        lines.append("## 四、整改要求")
        lines.append("")
        for (index, requirement) in NoticeText.requirements.enumerated() {
            lines.append("\(index + 1). \(requirement)")
        }
        lines.append("")
        lines.append(NoticeText.rectificationsIntro(content))
        lines.append("")
        if !content.rectifications.isEmpty {
            lines.append("| 单位 | 项目 | 问题 | 整改期限 | 状态 |")
            lines.append("|---|---|---|---|---|")
            for item in content.rectifications {
                lines.append("| \(cell(item.institution)) | \(item.itemCode) | \(cell(item.description)) | \(item.rectifyBy) | \(item.overdue ? "已逾期" : "整改中") |")
            }
            lines.append("")
        }
        lines.append("附件：得分排名表")
        lines.append("")
        lines.append("\(content.issuingOffice)")
        lines.append("")
        lines.append(content.issuedOnChinese)
        lines.append("")
        lines.append("---")
        lines.append("")
        lines.append("### 附件 得分排名表")
        lines.append("")
        lines.append("| 名次 | 单位 | 类别 | 得分 | 等次 |")
        lines.append("|---|---|---|---|---|")
        for unit in content.ranking {
            lines.append("| \(unit.rank) | \(cell(unit.name)) | \(unit.kind.chineseName) | \(PeriodScore.text(hundredths: unit.score)) | \(unit.grade.chineseName) |")
        }
        if content.unrankedCount > 0 {
            lines.append("")
            lines.append("另有\(content.unrankedCount)家单位本期无有效检查记录，未参加排名。")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func plainText(_ content: NoticeContent) -> String {
        var lines: [String] = [content.issuingOffice, content.numberText, "", content.title, "", "\(content.addressees)：", ""]
        lines.append("一、总体情况")
        lines.append("    " + NoticeText.overall(content).joined())
        lines.append("二、表扬单位")
        lines.append("    " + NoticeText.praised(content))
        lines.append("三、存在问题及通报批评单位")
        lines.append("    " + NoticeText.problemsIntro(content))
        for (index, problem) in content.problems.enumerated() {
            lines.append("    （\(index + 1)）\(problem.itemCode) \(problem.itemTitle)：\(problem.count)处（\(problem.institutions.joined(separator: "、"))）")
        }
        lines.append("    " + NoticeText.criticizedIntro(content))
        for unit in content.criticized { lines.append("    \(unit.name)：\(unit.reasons.joined(separator: "；"))") }
        lines.append("四、整改要求")
        for (index, requirement) in NoticeText.requirements.enumerated() { lines.append("    （\(index + 1)）\(requirement)") }
        lines.append("    " + NoticeText.rectificationsIntro(content))
        for item in content.rectifications {
            lines.append("    \(item.institution)：\(item.itemCode) \(item.description)，整改期限\(item.rectifyBy)\(item.overdue ? "（已逾期）" : "")")
        }
        lines.append("")
        lines.append("附件：得分排名表")
        lines.append("")
        lines.append(content.issuingOffice)
        lines.append(content.issuedOnChinese)
        lines.append("")
        lines.append("附件  得分排名表")
        lines.append("名次\t单位\t类别\t得分\t等次")
        for unit in content.ranking {
            lines.append("\(unit.rank)\t\(unit.name)\t\(unit.kind.chineseName)\t\(PeriodScore.text(hundredths: unit.score))\t\(unit.grade.chineseName)")
        }
        if content.unrankedCount > 0 { lines.append("另有\(content.unrankedCount)家单位本期无有效检查记录，未参加排名。") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A Markdown table cell: pipes and line breaks would break the table.
    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "｜").replacingOccurrences(of: "\n", with: " ")
    }
}
