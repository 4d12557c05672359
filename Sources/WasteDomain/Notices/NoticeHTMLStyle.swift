/// The print style of the notice page, after GB/T 9704-2012 (docs/NOTICE-FORMAT.md). Fonts are the
/// standard's names first, then the common Windows, macOS and Linux (Noto CJK) equivalents; no
/// font is downloaded.
enum NoticeHTMLStyle {
    static let xiaobiaosong = "\"方正小标宋简体\", \"FZXiaoBiaoSong-B05S\", \"华文中宋\", \"STZhongsong\", \"宋体\", \"SimSun\", \"Noto Serif CJK SC\", \"Source Han Serif SC\", serif"
    static let fangsong = "\"仿宋_GB2312\", \"FangSong_GB2312\", \"仿宋\", \"FangSong\", \"STFangsong\", \"Noto Serif CJK SC\", \"Source Han Serif SC\", serif"
    static let heiti = "\"黑体\", \"SimHei\", \"STHeiti\", \"Noto Sans CJK SC\", \"Source Han Sans SC\", sans-serif"
    static let kaiti = "\"楷体_GB2312\", \"KaiTi_GB2312\", \"楷体\", \"KaiTi\", \"STKaiti\", \"Noto Serif CJK SC\", serif"
    static let songti = "\"宋体\", \"SimSun\", \"STSong\", \"Noto Serif CJK SC\", \"Source Han Serif SC\", serif"

    static var css: String {
        let line = NoticeLayout.typeAreaHeightMM / Double(NoticeLayout.linesPerPage)
        return """
          @page { size: A4; margin: 37mm 26mm 35mm 28mm; }
          @page :right { @bottom-right { content: "— " counter(page) " —"; font-family: \(songti); font-size: 14pt;
                                         vertical-align: top; padding-top: 7mm; margin-right: 1em; } }
          @page :left { @bottom-left { content: "— " counter(page) " —"; font-family: \(songti); font-size: 14pt;
                                       vertical-align: top; padding-top: 7mm; margin-left: 1em; } }
          @page colophon { @bottom-right { content: none; } @bottom-left { content: none; } }
          html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          body { font-family: \(fangsong); font-size: 16pt; line-height: \(String(format3(line)))mm; color: #000;
                 max-width: 156mm; margin: 0 auto; }
          .masthead { margin-top: 35mm; border-bottom: 1.5pt solid #\(NoticeLayout.red); padding-bottom: 4mm; margin-bottom: \(format3(line * 2))mm; }
          .mark { display: flex; justify-content: center; white-space: nowrap; color: #\(NoticeLayout.red);
                  font-family: \(xiaobiaosong); line-height: 1.2; }
          .mark span { display: inline-block; transform-origin: 50% 50%; }
          .number { text-align: center; margin-top: \(format3(line * 2))mm; }
          h1.title, h2.attachment-title { font-family: \(xiaobiaosong); font-size: 22pt; font-weight: normal;
                     line-height: \(format3(line * 1.4))mm; text-align: center; margin: 0 0 \(format3(line))mm; }
          h2, h3 { font-size: 16pt; font-weight: normal; margin: 0; text-indent: 2em; }
          h2.l1, span.l1 { font-family: \(heiti); }
          h3.l2, span.l2 { font-family: \(kaiti); }
          p { text-indent: 2em; margin: 0; text-align: justify; }
          p.addressees { text-indent: 0; }
          p.attachment-note { margin-top: \(format3(line))mm; }
          .signature { margin: \(format3(line * 2))mm 2em 0 auto; width: max-content; max-width: 100%; text-align: left; }
          .signature .date { padding-left: 2em; }
          section.attachment { break-before: page; }
          section.attachment .label { font-family: \(heiti); margin-bottom: \(format3(line))mm; }
          p.note { margin-top: 0.5em; }
          table { border-collapse: collapse; width: 100%; font-size: 10.5pt; line-height: 1.5; margin: 0; }
          thead { display: table-header-group; }
          tr { break-inside: avoid; }
          th, td { border: 0.5pt solid #000; padding: 1pt 1mm; vertical-align: middle; }
          th { font-family: \(heiti); font-weight: normal; }
          td.num { text-align: right; }
          td.one-line, th { white-space: nowrap; }
          footer.colophon { page: colophon; break-inside: avoid; break-before: page; display: flex; flex-direction: column;
                            justify-content: flex-end; height: 224mm; font-size: 14pt; line-height: 1.6; }
          footer.colophon p { text-indent: 0; margin: 0; padding: 0 1em; border-bottom: 0.35mm solid #000; }
          footer.colophon p:first-child { border-top: 0.35mm solid #000; }
          footer.colophon p.cc { border-bottom-width: 0.25mm; }
          footer.colophon p.printing { display: flex; justify-content: space-between; }
          @media screen { body { margin: 20mm auto; } footer.colophon { height: auto; margin-top: 20mm; } }
        """
    }

    private static func format3(_ value: Double) -> String {
        String(Double(Int((value * 1000).rounded())) / 1000)
    }
}
