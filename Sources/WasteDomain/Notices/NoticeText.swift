import Foundation
import JSON

/// The sentences and figures of a notice's body, shared by every format so they say the same
/// thing in the same words (docs/NOTICE-FORMAT.md lists the rules they follow).
enum NoticeText {
    static func overall(_ content: NoticeContent) -> String {
        let o = content.overall
        var sentences = ["\(content.period.chineseName)，区生活垃圾分类工作领导小组办公室对全区\(o.activeInstitutions)家党政机关等公共机构生活垃圾分类工作开展检查，共检查\(o.inspectedInstitutions)家单位、\(o.inspections)次。"]
        if let mean = o.meanScore {
            sentences.append("参加排名单位平均得分\(PeriodScore.text(hundredths: mean))分。")
        }
        var rates: [String] = []
        if let onTime = o.onTimeRate { rates.append("台账按时报送率\(percent(onTime))") }
        if let coverage = o.coverageRate { rates.append("生活垃圾分类覆盖率\(percent(coverage))") }
        if !rates.isEmpty { sentences.append(rates.joined(separator: "，") + "。") }
        if !o.totalsByCategory.isEmpty {
            let totals = o.totalsByCategory.map { "\($0.category.chineseName)\(weight(kilograms: $0.kilograms))" }.joined(separator: "，")
            sentences.append("各单位台账记录分类收运量：\(totals)。")
        }
        if !content.noWasteMonths.isEmpty {
            let months = content.noWasteMonths.map { "\($0.name)\($0.month.month)月（\($0.reason)）" }.joined(separator: "、")
            sentences.append("申报当月无生活垃圾产生的单位：\(months)。")
        }
        if let asOf = content.dataAsOfChinese { sentences.append("（\(asOf)）") }
        return sentences.joined()
    }

    static func praised(_ content: NoticeContent) -> String {
        guard !content.praised.isEmpty else { return "本期无考核等次为优秀的单位。" }
        let names = content.praised.map { "\($0.name)（\(PeriodScore.text(hundredths: $0.score))分）" }.joined(separator: "、")
        return "以下单位工作扎实、成效明显，予以通报表扬：\(names)。"
    }

    static func problemsIntro(_ content: NoticeContent) -> String {
        content.problems.isEmpty ? "本期检查未发现需整改的问题。" : "检查中发现的主要问题按考核项目归类如下："
    }

    /// `垃圾分类台账记录：3处，涉及甲单位、乙单位。`
    static func problem(_ problem: NoticeContent.Problem) -> String {
        "\(itemTitle(problem.itemTitle, code: problem.itemCode))：\(problem.count)处，涉及\(problem.institutions.joined(separator: "、"))。"
    }

    static func criticizedIntro(_ content: NoticeContent) -> String {
        content.criticized.isEmpty ? "本期无通报批评单位。" : "以下单位工作不到位，予以通报批评："
    }

    static func criticized(_ unit: NoticeContent.CriticizedUnit) -> String {
        "\(unit.name)：\(unit.reasons.map(standardTerms).joined(separator: "；"))。"
    }

    /// The requirements, each a second-level heading (a short title, then its sentence).
    static let requirements: [(title: String, text: String)] = [
        ("抓好问题整改。", "各单位要对照本通报指出的问题，逐项制定整改措施，明确责任人和整改时限，按期完成整改并报区生活垃圾分类工作领导小组办公室。"),
        ("压实主体责任。", "被通报批评的单位要深刻剖析原因，主要负责同志要亲自研究部署，切实抓好整改落实。"),
        ("规范台账报送。", "各单位要按时、完整报送生活垃圾分类台账信息，确保全过程量化管理数据真实准确。"),
    ]

    static let rectificationTitle = "按期完成整改。"

    /// What the list in 附件2 holds, worded after what it holds: overdue items are not asked to be
    /// done "before the deadline".
    static func rectifications(_ content: NoticeContent, attachment: String) -> String {
        let total = content.rectifications.count
        guard total > 0 else { return "本期检查发现的问题均已完成整改。" }
        // findings rectified late are listed with the overdue ones (docs/DECISIONS.md, issue 12)
        let late = content.rectifications.filter(\.rectifiedLate).count
        let open = total - late
        let overdue = content.rectifications.filter { $0.overdue && !$0.rectifiedLate }.count
        var text = "截至\(date(content.issuedOn))，"
        if open > 0 {
            text += "尚有\(open)项问题未完成整改（清单见\(attachment)），"
            if overdue == open {
                text += "均已超过整改期限，请相关单位立即整改。"
            } else if overdue == 0 {
                text += "均在整改期限内，请相关单位于整改期限前完成。"
            } else {
                text += "其中\(overdue)项已超过整改期限，请相关单位立即整改；\(open - overdue)项尚在整改期限内，请相关单位于整改期限前完成。"
            }
        }
        if late > 0 {
            text += (open > 0 ? "另有" : "有") + "\(late)项问题逾期完成整改" + (open > 0 ? "" : "（清单见\(attachment)）")
                + "，相关单位要说明逾期原因。"
        }
        return text
    }

    static func rectificationStatus(_ item: NoticeContent.Rectification) -> String {
        item.rectifiedLate ? "逾期整改" : item.overdue ? "已逾期" : "整改期限内"
    }

    /// 另有N家单位未参加排名：甲（本期未接受检查）、乙（…）。
    static func unranked(_ content: NoticeContent) -> String? {
        guard content.unrankedCount > 0 else { return nil }
        guard !content.unranked.isEmpty else { return "另有\(content.unrankedCount)家单位本期无有效检查记录，未参加排名。" }
        let names = content.unranked.map { "\($0.name)（\($0.reason)）" }.joined(separator: "、")
        return "另有\(content.unrankedCount)家单位未参加排名：\(names)。"
    }

    /// A rubric item as official text names it: by its title; the code only when no title is known.
    static func itemTitle(_ title: String, code: String) -> String { title.isEmpty ? code : standardTerms(title) }

    /// The title of the item `code`, from the problems the notice lists (every open finding of the
    /// period is among them).
    static func itemTitle(code: String, in content: NoticeContent) -> String {
        itemTitle(content.problems.first { $0.itemCode == code }?.itemTitle ?? "", code: code)
    }

    /// `2026年11月5日`: dates in prose and tables.
    static func date(_ date: CalendarDate) -> String { "\(date.year)年\(date.month)月\(date.day)日" }

    /// Weights of 1 t or more in 吨 with two decimals, smaller ones in 公斤 with one; rounded half up
    /// from the exact decimal text (`35945.787` → `35.95吨`, `512.34` → `512.3公斤`).
    static func weight(kilograms text: String) -> String {
        guard let number = JSONNumber(text), case .value(let grams) = number.scaledInteger(decimals: 3) else {
            return "\(text)公斤"
        }
        if grams >= 1_000_000 {
            return fixed(roundedDivision(grams, by: 10_000), decimals: 2) + "吨"
        }
        return fixed(roundedDivision(grams, by: 100), decimals: 1) + "公斤"
    }

    /// Text stored before the standard term was adopted reads with it: 台账, not 台帐.
    static func standardTerms(_ text: String) -> String {
        text.replacingOccurrences(of: "台帐", with: "台账")
    }

    static func percent(_ rate: Double) -> String {
        let tenths = Int((rate * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }

    private static func roundedDivision(_ value: Int64, by divisor: Int64) -> Int64 {
        value >= 0 ? (value + divisor / 2) / divisor : -((-value + divisor / 2) / divisor)
    }

    private static func fixed(_ scaled: Int64, decimals: Int) -> String {
        var divisor: Int64 = 1
        for _ in 0..<decimals { divisor *= 10 }
        let sign = scaled < 0 ? "-" : ""
        let magnitude = scaled.magnitude
        let fraction = String(magnitude % UInt64(divisor))
        return "\(sign)\(magnitude / UInt64(divisor)).\(String(repeating: "0", count: decimals - fraction.count))\(fraction)"
    }
}
