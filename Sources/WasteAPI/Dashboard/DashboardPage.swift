/// The dashboard at `GET /`: one self-contained page (no external scripts, fonts or CDNs:
/// government intranets are offline) that polls the ranking, the overview and the ledger
/// statistics with `If-None-Match`, so a poll that finds nothing new costs a 304.
enum DashboardPage {
    static let html = #"""
<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>生活垃圾分类工作看板 · wastesort</title>
<style>
  :root { --blue:#1f5fbf; --red:#d62f2f; --green:#2e9b46; --grey:#6b6b6b; --ink:#1d2733; --line:#dfe4ea; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 14px/1.5 "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif;
         color: var(--ink); background: #f4f6f8; }
  header { background: #a3192b; color: #fff; padding: 12px 24px; display: flex; align-items: center; gap: 16px; flex-wrap: wrap; }
  header h1 { font-size: 20px; margin: 0; flex: 1; }
  header select, header input, header button { font: inherit; padding: 4px 8px; border-radius: 4px; border: 1px solid #e8b4bb; }
  main { display: grid; grid-template-columns: 2fr 1fr; gap: 16px; padding: 16px 24px; }
  section { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 12px 16px; }
  section h2 { font-size: 16px; margin: 0 0 8px; }
  .figures { grid-column: 1 / -1; display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px; }
  .figure { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 10px 14px; }
  .figure b { display: block; font-size: 24px; }
  .figure span { color: #5b6673; font-size: 12px; }
  table { width: 100%; border-collapse: collapse; }
  th, td { text-align: left; padding: 5px 6px; border-bottom: 1px solid var(--line); white-space: nowrap; }
  td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
  .grade { padding: 1px 6px; border-radius: 3px; color: #fff; font-size: 12px; }
  .excellent { background: #2e7d32; } .good { background: #1f5fbf; } .pass { background: #8d6e00; } .fail { background: #c62828; }
  .up { color: #2e7d32; } .down { color: #c62828; }
  #status { font-size: 12px; opacity: .85; }
  .muted { color: #7a8591; }
  #chart svg { width: 100%; height: auto; }
  @media (max-width: 900px) { main { grid-template-columns: 1fr; } }
</style>
</head>
<body>
<header>
  <h1 id="title">生活垃圾分类工作看板</h1>
  <label>考核期 <select id="period"></select></label>
  <input id="token" type="password" placeholder="访问令牌 (viewer token)" size="24">
  <button id="save">保存</button>
  <span id="status">—</span>
</header>
<main>
  <div class="figures" id="figures"></div>
  <section>
    <h2>考核排名 Ranking</h2>
    <table id="ranking"><thead><tr><th>名次</th><th>单位</th><th class="num">得分</th><th>等次</th><th class="num">变化</th></tr></thead><tbody></tbody></table>
    <p class="muted" id="unranked"></p>
  </section>
  <section>
    <h2>逾期未整改 Overdue rectifications</h2>
    <table id="overdue"><thead><tr><th>单位</th><th>问题</th><th>整改期限</th></tr></thead><tbody></tbody></table>
  </section>
  <section style="grid-column: 1 / -1">
    <h2>分类收运量（公斤/月） Weights by category per month</h2>
    <div id="chart"></div>
  </section>
</main>
<script>
"use strict";
const CATEGORIES = [["recyclable","可回收物","#1f5fbf"],["hazardous","有害垃圾","#d62f2f"],["food","厨余垃圾","#2e9b46"],["residual","其他垃圾","#6b6b6b"]];
const GRADES = {excellent:"优秀", good:"良好", pass:"合格", fail:"不合格"};
const cache = {};
const $ = (id) => document.getElementById(id);
const esc = (text) => String(text ?? "").replace(/[&<>"']/g, (c) => ({"&":"&amp;","<":"&lt;",">":"&gt;",'"':"&quot;","'":"&#39;"}[c]));

function periods() {
  const now = new Date(), year = now.getFullYear(), half = now.getMonth() < 6 ? 1 : 2, quarter = Math.floor(now.getMonth() / 3) + 1;
  const list = [`${year}-H${half}`, `${year}-Q${quarter}`, `${year}`];
  if (half === 2) list.push(`${year}-H1`); else list.push(`${year - 1}-H2`);
  return list;
}

async function poll(path) {
  const headers = {};
  const token = localStorage.getItem("wastesort-token");
  if (token) headers["Authorization"] = "Bearer " + token;
  if (cache[path]) headers["If-None-Match"] = cache[path].etag;
  const response = await fetch(path, {headers});
  if (response.status === 304) return {data: cache[path].data, fresh: false};
  if (!response.ok) throw new Error(response.status + " " + path);
  const data = await response.json();
  cache[path] = {etag: response.headers.get("ETag"), data};
  return {data, fresh: true};
}

function figure(value, label) { return `<div class="figure"><b>${esc(value)}</b><span>${esc(label)}</span></div>`; }
function percent(rate) { return rate == null ? "—" : (rate * 100).toFixed(1) + "%"; }

function renderOverview(o) {
  if (o.district_name) $("title").textContent = o.district_name + " 公共机构生活垃圾分类工作看板";
  $("figures").innerHTML = [
    figure(o.active_institutions ?? "—", "在册公共机构"),
    figure(percent(o.coverage?.rate), "分类全覆盖率"),
    figure(percent(o.reporting?.on_time_rate), "台帐按时报送率"),
    figure(o.inspection?.mean_score ?? "—", "检查平均得分"),
    figure(o.findings?.open ?? "—", "未整改问题"),
    figure(o.findings?.overdue ?? "—", "逾期未整改"),
    figure(o.publicity?.trainings ?? "—", "开展培训次数"),
    figure(percent(o.publicity?.awareness_rate), "知晓率"),
  ].join("");
  const rows = (o.overdue_findings || []).slice(0, 15).map((f) =>
    `<tr><td>${esc(f.institution?.name)}</td><td>${esc(f.item_code)} ${esc(f.description)}</td><td>${esc(f.rectify_by)}</td></tr>`);
  $("overdue").tBodies[0].innerHTML = rows.join("") || `<tr><td colspan="3" class="muted">无</td></tr>`;
}

function renderRanking(r) {
  const rows = (r.entries || []).map((e) => {
    const change = e.change == null ? "—" : e.change > 0 ? `<span class="up">↑${e.change}</span>` : e.change < 0 ? `<span class="down">↓${-e.change}</span>` : "0";
    return `<tr><td>${e.rank}</td><td>${esc(e.institution.name)}</td><td class="num">${esc(e.score)}</td>` +
           `<td><span class="grade ${esc(e.grade)}">${GRADES[e.grade] || esc(e.grade)}</span></td><td class="num">${change}</td></tr>`;
  });
  $("ranking").tBodies[0].innerHTML = rows.join("") || `<tr><td colspan="5" class="muted">本期暂无排名</td></tr>`;
  const unranked = r.unranked || [];
  $("unranked").textContent = unranked.length ? `未排名 ${unranked.length} 家（本期无有效检查）` : "";
}

function renderChart(stats) {
  const months = (stats.groups || []).map((g) => g.month);
  const width = 900, height = 260, left = 60, bottom = 30, top = 10;
  const totals = (stats.groups || []).map((g) => CATEGORIES.reduce((sum, [code]) => sum + Number(g.totals?.[code] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const step = months.length ? (width - left) / months.length : 0, bar = step * 0.6;
  let svg = `<svg viewBox="0 0 ${width} ${height + bottom}" role="img" aria-label="weights by category per month">`;
  for (let i = 0; i <= 4; i++) {
    const y = top + (height - top) * (1 - i / 4), value = Math.round(max * i / 4);
    svg += `<line x1="${left}" x2="${width}" y1="${y}" y2="${y}" stroke="#e5e9ee"/><text x="${left - 6}" y="${y + 4}" text-anchor="end" font-size="11" fill="#5b6673">${value}</text>`;
  }
  (stats.groups || []).forEach((g, i) => {
    let y = height;
    const x = left + i * step + (step - bar) / 2;
    for (const [code, , colour] of CATEGORIES) {
      const value = Number(g.totals?.[code] ?? 0), h = (height - top) * value / max;
      if (h > 0) svg += `<rect x="${x}" y="${y - h}" width="${bar}" height="${h}" fill="${colour}"><title>${esc(g.month)} ${code}: ${value} kg</title></rect>`;
      y -= h;
    }
    svg += `<text x="${x + bar / 2}" y="${height + 18}" text-anchor="middle" font-size="11" fill="#5b6673">${esc(g.month)}</text>`;
  });
  svg += `</svg>`;
  const legend = CATEGORIES.map(([, name, colour]) => `<span style="display:inline-block;margin-right:14px"><span style="display:inline-block;width:10px;height:10px;background:${colour};margin-right:4px"></span>${name}</span>`).join("");
  $("chart").innerHTML = svg + `<div>${legend}</div>`;
}

async function refresh() {
  const period = $("period").value, year = period.slice(0, 4);
  try {
    const [ranking, overview, ledger] = await Promise.all([
      poll(`/v1/rankings?period=${period}`), poll(`/v1/stats/overview?period=${period}`),
      poll(`/v1/stats/ledger?period=${year}&group_by=month`)]);
    if (ranking.fresh) renderRanking(ranking.data);
    if (overview.fresh) renderOverview(overview.data);
    if (ledger.fresh) renderChart(ledger.data);
    $("status").textContent = "更新于 " + new Date().toLocaleTimeString("zh-CN");
  } catch (error) {
    $("status").textContent = String(error.message).startsWith("401") ? "需要访问令牌 (token required)" : "加载失败: " + error.message;
  }
}

$("period").innerHTML = periods().map((p) => `<option>${p}</option>`).join("");
$("period").addEventListener("change", refresh);
$("token").value = localStorage.getItem("wastesort-token") || "";
$("save").addEventListener("click", () => { localStorage.setItem("wastesort-token", $("token").value.trim()); refresh(); });
refresh();
setInterval(refresh, 30000);
</script>
</body>
</html>
"""#
}
