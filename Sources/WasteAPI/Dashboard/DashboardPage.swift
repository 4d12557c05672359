/// The dashboard at `GET /`: one self-contained page (no external scripts, fonts or CDNs:
/// government intranets are offline) that polls the ranking, the overview and the ledger
/// statistics with `If-None-Match`, so a poll that finds nothing new costs a 304.
///
/// The server marks the page with `data-public-read` when it runs with `--public-read`, so the
/// page hides its token box without probing the API (docs/DECISIONS.md, "Dashboard pages").
enum DashboardPage {
    static func html(publicRead: Bool) -> String {
        let marker = publicRead ? " data-public-read=\"1\"" : ""
        return #"<!DOCTYPE html>\#n<html lang="zh-CN"\#(marker)>\#n"# + head + body + "<script>\n" + DashboardScript.js
            + "</script>\n</body>\n</html>\n"
    }

    private static let head = #"""
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>生活垃圾分类工作看板 · wastesort</title>
<style>
"""# + DashboardStyle.css + "</style>\n</head>\n"

    private static let body = #"""
<body>
<header>
  <h1 id="title">生活垃圾分类工作看板</h1>
  <label>考核期 <select id="period"></select></label>
  <span class="token"><input id="token" type="password" placeholder="访问令牌 (viewer token)" size="20"><button id="save">保存</button></span>
  <span id="status">—</span>
</header>
<main>
  <div class="figures" id="figures"></div>
  <section id="ranking-box">
    <h2>考核排名 Ranking <small id="ranking-count"></small></h2>
    <div class="tablebox"><table id="ranking"><thead><tr><th>名次</th><th>单位</th><th class="num">得分</th><th>等次</th><th class="num wide">变化</th></tr></thead><tbody></tbody></table></div>
    <p class="muted" id="unranked"></p>
  </section>
  <section id="overdue-box">
    <h2>逾期未整改 Overdue rectifications <small id="overdue-count"></small></h2>
    <div class="tablebox"><table id="overdue"><thead><tr><th>单位</th><th>问题</th><th>整改期限</th></tr></thead><tbody></tbody></table></div>
  </section>
  <section id="chart-box">
    <h2>分类收运量（公斤/月） Weights by category per month</h2>
    <div id="chart"></div>
  </section>
</main>

"""#
}
