extension NoticeRenderer {
    /// A printable A4 page after GB/T 9704-2012: red issuing-office mark and rule, number,
    /// title, addressees, numbered sections, signature block, then the attachment table.
    public static func html(_ content: NoticeContent) -> String {
        var body = ""
        body += "<div class=\"mark\">\(escape(content.issuingOffice))文件</div>\n"
        body += "<div class=\"number\">\(escape(content.numberText))</div>\n<hr class=\"red\">\n"
        body += "<h1>\(escape(content.title))</h1>\n"
        body += "<p class=\"addressees\">\(escape(content.addressees))：</p>\n"
        body += "<h2>一、总体情况</h2>\n<p>\(escape(NoticeText.overall(content).joined()))</p>\n"
        body += "<h2>二、表扬单位</h2>\n<p>\(escape(NoticeText.praised(content)))</p>\n"
        body += "<h2>三、存在问题及通报批评单位</h2>\n<p>\(escape(NoticeText.problemsIntro(content)))</p>\n"
        if !content.problems.isEmpty {
            body += "<ol>\n" + content.problems.map { problem in
                "<li>\(escape(problem.itemCode)) \(escape(problem.itemTitle))：\(problem.count)处（\(escape(problem.institutions.joined(separator: "、")))）</li>"
            }.joined(separator: "\n") + "\n</ol>\n"
        }
        body += "<p>\(escape(NoticeText.criticizedIntro(content)))</p>\n"
        if !content.criticized.isEmpty {
            body += "<ul>\n" + content.criticized.map { "<li>\(escape($0.name))：\(escape($0.reasons.joined(separator: "；")))</li>" }
                .joined(separator: "\n") + "\n</ul>\n"
        }
        body += "<h2>四、整改要求</h2>\n<ol>\n" + NoticeText.requirements.map { "<li>\(escape($0))</li>" }.joined(separator: "\n") + "\n</ol>\n"
        body += "<p>\(escape(NoticeText.rectificationsIntro(content)))</p>\n"
        if !content.rectifications.isEmpty {
            body += "<table><thead><tr><th>单位</th><th>项目</th><th>问题</th><th>整改期限</th><th>状态</th></tr></thead><tbody>\n"
            body += content.rectifications.map { item in
                "<tr><td>\(escape(item.institution))</td><td>\(escape(item.itemCode))</td><td>\(escape(item.description))</td>"
                    + "<td>\(item.rectifyBy)</td><td>\(item.overdue ? "已逾期" : "整改中")</td></tr>"
            }.joined(separator: "\n") + "\n</tbody></table>\n"
        }
        body += "<p class=\"attachment\">附件：得分排名表</p>\n"
        body += "<div class=\"signature\"><div>\(escape(content.issuingOffice))</div><div>\(content.issuedOnChinese)</div></div>\n"
        body += "<section class=\"annex\"><h3>附件</h3><h1>得分排名表</h1>\n"
        body += "<table><thead><tr><th>名次</th><th>单位</th><th>类别</th><th>得分</th><th>等次</th></tr></thead><tbody>\n"
        body += content.ranking.map { unit in
            "<tr><td>\(unit.rank)</td><td>\(escape(unit.name))</td><td>\(unit.kind.chineseName)</td>"
                + "<td class=\"num\">\(PeriodScore.text(hundredths: unit.score))</td><td>\(unit.grade.chineseName)</td></tr>"
        }.joined(separator: "\n") + "\n</tbody></table>\n"
        if content.unrankedCount > 0 { body += "<p>另有\(content.unrankedCount)家单位本期无有效检查记录，未参加排名。</p>\n" }
        body += "</section>\n"
        return """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <title>\(escape(content.title))</title>
        <style>
          @page { size: A4; margin: 37mm 26mm 35mm 28mm; }
          body { font-family: "FangSong", "STFangsong", "仿宋", "Noto Serif CJK SC", serif; font-size: 16pt; line-height: 28pt;
                 color: #000; max-width: 156mm; margin: 0 auto; }
          .mark { color: #c00; text-align: center; font-family: "SimSun", "Noto Serif CJK SC", serif; font-size: 30pt;
                  font-weight: bold; letter-spacing: 2pt; margin-top: 10mm; }
          .number { text-align: center; margin: 8mm 0 2mm; }
          hr.red { border: 0; border-top: 2px solid #c00; margin: 0 0 10mm; }
          h1 { font-family: "SimSun", "Noto Serif CJK SC", serif; font-size: 22pt; line-height: 32pt; text-align: center; }
          h2 { font-family: "SimHei", "Noto Sans CJK SC", sans-serif; font-size: 16pt; font-weight: normal; margin: 0; }
          p { text-indent: 2em; margin: 0; }
          p.addressees, p.attachment { text-indent: 0; }
          p.attachment { margin-top: 14pt; }
          ol, ul { margin: 0; padding-left: 2em; }
          table { border-collapse: collapse; width: 100%; font-size: 12pt; line-height: 18pt; margin: 6pt 0; }
          th, td { border: 1px solid #000; padding: 2pt 4pt; }
          td.num { text-align: right; }
          .signature { text-align: right; margin: 24pt 4em 0 0; }
          .annex { page-break-before: always; }
          .annex h3 { font-family: "SimHei", sans-serif; font-weight: normal; font-size: 16pt; }
        </style>
        </head>
        <body>
        \(body)</body>
        </html>

        """
    }

    /// Text for HTML content: every markup character escaped.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
