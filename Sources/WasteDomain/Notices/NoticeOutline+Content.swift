extension NoticeOutline {
    static let rankingAttachment = "得分排名表"
    static let rectificationAttachment = "整改问题清单"

    /// Lays out `content`: the body in four numbered sections, 附件1 the ranking, 附件2 the findings
    /// still to rectify, and the 版记.
    public init(_ content: NoticeContent) {
        var body: [Block] = []
        func heading(_ level: Level, _ n: Int, _ title: String, _ text: String = "") {
            body.append(.numbered(level: level, number: level.number(n), title: title, text: text))
        }
        heading(.one, 1, "总体情况")
        body.append(.paragraph(NoticeText.overall(content)))
        heading(.one, 2, "表扬单位")
        body.append(.paragraph(NoticeText.praised(content)))
        heading(.one, 3, "存在问题及通报批评单位")
        heading(.two, 1, "存在的主要问题")
        body.append(.paragraph(NoticeText.problemsIntro(content)))
        for (index, problem) in content.problems.enumerated() {
            heading(.three, index + 1, "", NoticeText.problem(problem))
        }
        heading(.two, 2, "通报批评单位")
        body.append(.paragraph(NoticeText.criticizedIntro(content)))
        for (index, unit) in content.criticized.enumerated() {
            heading(.three, index + 1, "", NoticeText.criticized(unit))
        }
        heading(.one, 4, "整改要求")
        for (index, requirement) in NoticeText.requirements.enumerated() {
            heading(.two, index + 1, requirement.title, requirement.text)
        }
        heading(.two, NoticeText.requirements.count + 1, NoticeText.rectificationTitle,
                NoticeText.rectifications(content, attachment: "附件2"))

        self.init(mark: "\(content.issuingOffice)文件", number: content.numberText, title: content.title,
                  addressees: "\(content.addressees)：", body: body,
                  attachmentTitles: [Self.rankingAttachment, Self.rectificationAttachment],
                  signature: content.issuingOffice, date: content.issuedOnChinese,
                  attachments: [Self.ranking(content), Self.rectifications(content)],
                  colophon: Colophon(copiesTo: content.copiesTo.flatMap { $0.isEmpty ? nil : $0 },
                                     printingOffice: content.printingOffice.flatMap { $0.isEmpty ? nil : $0 } ?? content.issuingOffice,
                                     printedOn: "\(content.issuedOnChinese)印发"))
    }

    static func ranking(_ content: NoticeContent) -> Attachment {
        let rows = content.ranking.map { unit in
            [String(unit.rank), unit.name, unit.kind.chineseName, PeriodScore.text(hundredths: unit.score), unit.grade.chineseName]
        }
        let table = Table(columns: ["名次", "单位", "类别", "得分", "等次"], rows: rows, widths: [10, 46, 18, 13, 13],
                          oneLineColumns: [0, 3, 4], numericColumns: [0, 3])
        return Attachment(label: "附件1", title: rankingAttachment, table: rows.isEmpty ? nil : table,
                          notes: (rows.isEmpty ? ["本期无参加排名的单位。"] : []) + [NoticeText.unranked(content)].compactMap { $0 })
    }

    static func rectifications(_ content: NoticeContent) -> Attachment {
        let rows = content.rectifications.enumerated().map { index, item in
            [String(index + 1), item.institution, NoticeText.itemTitle(code: item.itemCode, in: content), NoticeText.standardTerms(item.description) + item.photoMarker,
             NoticeText.date(item.rectifyBy), NoticeText.rectificationStatus(item)]
        }
        let table = Table(columns: ["序号", "单位", "考核项目", "问题", "整改期限", "状态"], rows: rows,
                          widths: [7, 22, 17, 23, 21, 10], oneLineColumns: [0, 4, 5], numericColumns: [0])
        return Attachment(label: "附件2", title: rectificationAttachment, table: rows.isEmpty ? nil : table,
                          notes: rows.isEmpty ? ["本期无待整改问题。"] : [])
    }
}
