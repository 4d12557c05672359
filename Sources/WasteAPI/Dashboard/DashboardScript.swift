/// The dashboard's script. It remembers each period's last answer and ETag (a 304 redraws the
/// selected period from memory), takes a token from `#token=…` (a fragment never reaches the
/// server or its access log), draws the chart over the selected period's months with 1-2-5
/// ticks, and in wall mode (`/?wall=1`) pages the ranking and the overdue list on a timer.
enum DashboardScript {
    static let js = #"""
"use strict";
const CATEGORIES = [["recyclable","可回收物","#1f5fbf"],["hazardous","有害垃圾","#d62f2f"],["food","厨余垃圾","#2e9b46"],["residual","其他垃圾","#6b6b6b"]];
const GRADES = {excellent:"优秀", good:"良好", pass:"合格", fail:"不合格"};
const NUMERALS = ["一","二","三","四"];
const TOKEN_KEY = "wastesort-token";
const WALL = new URLSearchParams(location.search).get("wall") === "1";
// seconds per page of the wall lists: `&every=N` (at least 2), 10 by default
const PAGE_SECONDS = Math.max(2, Number(new URLSearchParams(location.search).get("every")) || 10);
const memory = {};      // path → {etag, data}: every period's last answer
const shown = {};       // slot → the path whose answer is on screen
const $ = (id) => document.getElementById(id);
const esc = (text) => String(text ?? "").replace(/[&<>"']/g, (c) => ({"&":"&amp;","<":"&lt;",">":"&gt;",'"':"&quot;","'":"&#39;"}[c]));
const pad = (n) => String(n).padStart(2, "0");

function thisMonth() { const now = new Date(); return `${now.getFullYear()}-${pad(now.getMonth() + 1)}`; }

function periods() {
  const now = new Date(), year = now.getFullYear(), month = now.getMonth() + 1;
  const half = month <= 6 ? 1 : 2, quarter = Math.floor((month - 1) / 3) + 1;
  return [`${year}-H${half}`, `${year}-Q${quarter}`, `${year}-${pad(month)}`, `${year}`,
          half === 2 ? `${year}-H1` : `${year - 1}-H2`];
}

function periodName(code) {
  const m = /^(\d{4})(?:-(H|Q)?(\d{1,2}))?$/.exec(code);
  if (!m) return code;
  const [, year, kind, index] = m;
  if (!index) return `${year}年`;
  if (kind === "H") return index === "1" ? `${year}年上半年` : `${year}年下半年`;
  if (kind === "Q") return `${year}年第${NUMERALS[Number(index) - 1]}季度`;
  return `${year}年${Number(index)}月`;
}

function periodMonths(code) {
  const m = /^(\d{4})(?:-(H|Q)?(\d{1,2}))?$/.exec(code);
  if (!m) return [];
  const [, year, kind, index] = m, i = Number(index);
  const [first, count] = !index ? [1, 12] : kind === "H" ? [(i - 1) * 6 + 1, 6] : kind === "Q" ? [(i - 1) * 3 + 1, 3] : [i, 1];
  return Array.from({length: count}, (_, k) => `${year}-${pad(first + k)}`);
}

function tokenFromFragment() {
  const match = /(?:^#|&)token=([^&]*)/.exec(location.hash);
  if (!match) return;
  localStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]).trim());
  history.replaceState(null, "", location.pathname + location.search);  // the token does not stay on screen
}

async function poll(path) {
  const headers = {};
  const token = localStorage.getItem(TOKEN_KEY);
  if (token) headers["Authorization"] = "Bearer " + token;
  if (memory[path]) headers["If-None-Match"] = memory[path].etag;
  const response = await fetch(path, {headers, cache: "no-store"});
  if (response.status === 304 && memory[path]) return {path, data: memory[path].data, fresh: false};
  if (!response.ok) throw new Error(response.status + " " + path);
  const data = await response.json();
  memory[path] = {etag: response.headers.get("ETag"), data};
  return {path, data, fresh: true};
}

function figure(value, label) { return `<div class="figure"><b>${esc(value)}</b><span>${esc(label)}</span></div>`; }
function percent(rate) { return rate == null ? "—" : (rate * 100).toFixed(1) + "%"; }

function renderOverview(o) {
  if (o.district_name) $("title").textContent = String(o.district_name).trim() + "公共机构生活垃圾分类工作看板";
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
  const list = o.overdue_findings || [], total = o.findings?.overdue ?? list.length;
  const rows = list.map((f) =>
    `<tr><td class="name">${esc(f.institution?.name)}</td><td class="name">${esc(f.item_code)} ${esc(f.description)}</td><td>${esc(f.rectify_by)}</td></tr>`);
  $("overdue").tBodies[0].innerHTML = rows.join("") || `<tr><td colspan="3" class="muted">无</td></tr>`;
  $("overdue-count").dataset.total = `共${total}项` + (list.length < total ? `，列出前${list.length}项` : "");
}

function renderRanking(r) {
  const entries = r.entries || [];
  const rows = entries.map((e) => {
    const change = e.change == null ? "—" : e.change > 0 ? `<span class="up">↑${e.change}</span>` : e.change < 0 ? `<span class="down">↓${-e.change}</span>` : "0";
    return `<tr><td>${e.rank}</td><td class="name">${esc(e.institution.name)}</td><td class="num">${esc(e.score)}</td>` +
           `<td><span class="grade ${esc(e.grade)}">${GRADES[e.grade] || esc(e.grade)}</span></td><td class="num wide">${change}</td></tr>`;
  });
  $("ranking").tBodies[0].innerHTML = rows.join("") || `<tr><td colspan="5" class="muted">本期暂无排名</td></tr>`;
  $("ranking-count").dataset.total = `共${entries.length}项`;
  const unranked = r.unranked || [];
  $("unranked").textContent = unranked.length ? `未排名 ${unranked.length} 家（本期无有效检查）` : "";
}

/// A round step (1, 2 or 5 times a power of ten) giving at most `count` intervals up to `max`.
function niceStep(max, count) {
  const raw = max / count, power = Math.pow(10, Math.floor(Math.log10(raw)));
  for (const factor of [1, 2, 5, 10]) if (factor * power >= raw) return factor * power;
  return 10 * power;
}

function renderChart(period, stats) {
  const byMonth = {};
  for (const g of stats.groups || []) byMonth[g.month] = g;
  const months = periodMonths(period), running = thisMonth();
  const width = 900, height = 250, left = 70, bottom = 36, top = 24, plot = height - top;
  const totals = months.map((m) => CATEGORIES.reduce((sum, [code]) => sum + Number(byMonth[m]?.totals?.[code] ?? 0), 0));
  const step = niceStep(Math.max(1, ...totals), 4), max = Math.max(step, Math.ceil(Math.max(1, ...totals) / step) * step);
  const slot = months.length ? (width - left) / months.length : 0, bar = Math.min(slot * 0.6, 90);
  let svg = `<svg viewBox="0 0 ${width} ${height + bottom}" role="img" aria-label="weights by category per month">`;
  for (let value = 0; value <= max; value += step) {
    const y = top + plot * (1 - value / max);
    svg += `<line x1="${left}" x2="${width}" y1="${y}" y2="${y}" stroke="#e5e9ee"/><text class="tick" x="${left - 6}" y="${y + 4}" text-anchor="end" font-size="14" fill="#5b6673">${value.toLocaleString("zh-CN")}</text>`;
  }
  months.forEach((month, i) => {
    const g = byMonth[month], partial = month === running, future = month > running;
    const x = left + i * slot + (slot - bar) / 2;
    let y = height;
    for (const [code, name, colour] of CATEGORIES) {
      const value = Number(g?.totals?.[code] ?? 0);
      if (value <= 0) continue;
      const h = Math.max(3, plot * value / max);  // a small category (hazardous) keeps a visible sliver
      svg += `<rect x="${x}" y="${y - h}" width="${bar}" height="${h}" fill="${colour}"${partial ? ' fill-opacity="0.45"' : ""}><title>${esc(month)} ${name}: ${value} kg</title></rect>`;
      y -= h;
    }
    if (partial && totals[i] > 0) svg += `<rect x="${x}" y="${y}" width="${bar}" height="${height - y}" fill="none" stroke="#1d2733" stroke-dasharray="4 3"/>`;
    const hazardous = Number(g?.totals?.hazardous ?? 0);
    const kilograms = hazardous >= 10 ? Math.round(hazardous) : hazardous.toFixed(1);
    if (hazardous > 0) svg += `<text x="${x + bar / 2}" y="${y - 6}" text-anchor="middle" font-size="15" fill="#d62f2f">有害 ${kilograms}</text>`;
    const label = `${Number(month.slice(5))}月` + (partial ? "（进行中）" : future ? "（未到）" : "");
    svg += `<text class="month" x="${left + i * slot + slot / 2}" y="${height + 18}" text-anchor="middle" font-size="15" fill="#5b6673">${label}</text>`;
  });
  svg += `</svg>`;
  const legend = CATEGORIES.map(([, name, colour]) => `<span><i style="background:${colour}"></i>${name}</span>`).join("") +
    (months.includes(running) ? `<span class="muted">虚线框：本月进行中，数据未全</span>` : "");
  $("chart").innerHTML = svg + `<div class="legend">${legend}</div>`;
}

function draw(slot, answer, render) {
  if (!answer.fresh && shown[slot] === answer.path) return;  // nothing new and it is already on screen
  render(answer.data);
  shown[slot] = answer.path;
}

async function refresh() {
  const period = $("period").value;
  try {
    const [ranking, overview, ledger] = await Promise.all([
      poll(`/v1/rankings?period=${period}`), poll(`/v1/stats/overview?period=${period}`),
      poll(`/v1/stats/ledger?period=${period}&group_by=month`)]);
    if ($("period").value !== period) return;  // the user switched while this answer travelled
    draw("ranking", ranking, renderRanking);
    draw("overview", overview, renderOverview);
    draw("chart", ledger, (data) => renderChart(period, data));
    paginate(false);
    $("status").textContent = "更新于 " + new Date().toLocaleTimeString("zh-CN");
  } catch (error) {
    $("status").textContent = String(error.message).startsWith("401") ? "需要访问令牌 (token required)" : "加载失败: " + error.message;
  }
}

/// Wall mode: show as many rows as fit the box (rows differ in height when a name wraps), and
/// the next page on every tick.
const pages = {ranking: 0, overdue: 0};
function paginate(advance) {
  for (const id of ["ranking", "overdue"]) {
    const count = $(id + "-count"), rows = Array.from($(id).tBodies[0].rows);
    if (!WALL) { count.textContent = count.dataset.total || ""; continue; }
    rows.forEach((row) => row.classList.remove("away"));
    const room = $(id).parentElement.clientHeight - $(id).tHead.offsetHeight;
    const pageOf = [];
    let page = 0, used = 0;
    for (const row of rows) {
      const height = row.offsetHeight;
      if (used > 0 && used + height > room) { page += 1; used = 0; }
      pageOf.push(page);
      used += height;
    }
    const total = page + 1;
    pages[id] = advance ? (pages[id] + 1) % total : Math.min(pages[id], total - 1);
    rows.forEach((row, i) => { if (pageOf[i] !== pages[id]) row.classList.add("away"); });
    count.textContent = (count.dataset.total || "") + (total > 1 ? ` · 第${pages[id] + 1}/${total}页` : "");
  }
}

tokenFromFragment();
if (WALL) document.documentElement.classList.add("wall");
$("period").innerHTML = periods().map((p) => `<option value="${p}">${periodName(p)}</option>`).join("");
$("period").addEventListener("change", () => { pages.ranking = pages.overdue = 0; refresh(); });
$("token").value = localStorage.getItem(TOKEN_KEY) || "";
$("save").addEventListener("click", () => { localStorage.setItem(TOKEN_KEY, $("token").value.trim()); refresh(); });
window.addEventListener("resize", () => paginate(false));
refresh();
setInterval(refresh, 30000);
if (WALL) setInterval(() => paginate(true), PAGE_SECONDS * 1000);

"""#
}
