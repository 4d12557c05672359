/// The sentences of a notice's body, shared by every format so they say the same thing.
enum NoticeText {
    static func overall(_ content: NoticeContent) -> [String] {
        let o = content.overall
        var sentences = ["\(content.period.chineseName)，区生活垃圾分类工作领导小组办公室对全区\(o.activeInstitutions)家党政机关等公共机构生活垃圾分类工作开展检查，共检查\(o.inspectedInstitutions)家单位、\(o.inspections)次。"]
        if let mean = o.meanScore {
            sentences.append("参加排名单位平均得分\(PeriodScore.text(hundredths: mean))分。")
        }
        var rates: [String] = []
        if let onTime = o.onTimeRate { rates.append("台帐按时报送率\(percent(onTime))") }
        if let coverage = o.coverageRate { rates.append("生活垃圾分类覆盖率\(percent(coverage))") }
        if !rates.isEmpty { sentences.append(rates.joined(separator: "，") + "。") }
        if !o.totalsByCategory.isEmpty {
            let totals = o.totalsByCategory.map { "\($0.category.chineseName)\($0.kilograms)公斤" }.joined(separator: "，")
            sentences.append("各单位台帐记录分类收运量：\(totals)。")
        }
        return sentences
    }

    static func praised(_ content: NoticeContent) -> String {
        guard !content.praised.isEmpty else { return "本期无考核等次为优秀的单位。" }
        let names = content.praised.map { "\($0.name)（\(PeriodScore.text(hundredths: $0.score))分）" }.joined(separator: "、")
        return "以下单位工作扎实、成效明显，考核等次为优秀，予以通报表扬：\(names)。"
    }

    static func criticizedIntro(_ content: NoticeContent) -> String {
        content.criticized.isEmpty ? "本期无通报批评单位。" : "以下单位工作不到位，予以通报批评："
    }

    static func problemsIntro(_ content: NoticeContent) -> String {
        content.problems.isEmpty ? "本期检查未发现需整改的问题。" : "检查中发现的主要问题（按考核项目归类）："
    }

    static let requirements = [
        "各单位要对照本通报指出的问题，逐项制定整改措施，明确责任人和整改时限，按期完成整改并报区生活垃圾分类工作领导小组办公室。",
        "被通报批评的单位要深刻剖析原因，主要负责同志要亲自研究部署，切实抓好整改落实。",
        "各单位要按时、完整报送生活垃圾分类台帐信息，确保全过程量化管理数据真实准确。",
    ]

    static func rectificationsIntro(_ content: NoticeContent) -> String {
        content.rectifications.isEmpty ? "本期无待整改事项。" : "以下问题尚未完成整改，请相关单位于整改期限前完成："
    }

    static func percent(_ rate: Double) -> String {
        let tenths = Int((rate * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }
}
