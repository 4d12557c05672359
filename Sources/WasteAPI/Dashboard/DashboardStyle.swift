/// The dashboard's stylesheet: the desk layout, the phone layout (nothing wider than 360 px:
/// tables scroll inside their own box) and the wall layout (`/?wall=1`: one screen, no scrolling,
/// the lists paged by the script). See docs/DECISIONS.md, "Dashboard pages".
enum DashboardStyle {
    static let css = #"""
  :root { --blue:#1f5fbf; --red:#d62f2f; --green:#2e9b46; --grey:#6b6b6b; --ink:#1d2733; --line:#dfe4ea; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 14px/1.5 "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif;
         color: var(--ink); background: #f4f6f8; }
  header { background: #a3192b; color: #fff; padding: 12px 24px; display: flex; align-items: center; gap: 8px 16px; flex-wrap: wrap; }
  header h1 { font-size: 20px; margin: 0; flex: 1 1 260px; min-width: 0; }
  header select, header input, header button { font: inherit; padding: 4px 8px; border-radius: 4px; border: 1px solid #e8b4bb; max-width: 100%; }
  .token { display: flex; gap: 8px; flex-wrap: wrap; min-width: 0; }
  html[data-public-read] .token { display: none; }
  main { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 1fr); gap: 16px; padding: 16px 24px; }
  section { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 12px 16px; min-width: 0; }
  section h2 { font-size: 16px; margin: 0 0 8px; display: flex; flex-wrap: wrap; gap: 4px 12px; align-items: baseline; }
  section h2 small { font-weight: normal; color: #5b6673; font-size: 13px; }
  .figures { grid-column: 1 / -1; display: grid; grid-template-columns: repeat(auto-fit, minmax(130px, 1fr)); gap: 12px; }
  .figure { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 10px 14px; min-width: 0; }
  .figure b { display: block; font-size: 24px; }
  .figure span { color: #5b6673; font-size: 12px; }
  .tablebox { overflow-x: auto; max-width: 100%; }
  table { width: 100%; border-collapse: collapse; }
  th, td { text-align: left; padding: 5px 6px; border-bottom: 1px solid var(--line); white-space: nowrap; }
  td.name { white-space: normal; min-width: 6em; }
  td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
  .grade { padding: 1px 6px; border-radius: 3px; color: #fff; font-size: 12px; }
  .excellent { background: #2e7d32; } .good { background: #1f5fbf; } .pass { background: #8d6e00; } .fail { background: #c62828; }
  .up { color: #2e7d32; } .down { color: #c62828; }
  #status { font-size: 12px; opacity: .85; }
  .muted { color: #7a8591; }
  #chart-box { grid-column: 1 / -1; }
  #chart svg { width: 100%; height: auto; display: block; }
  .legend span { display: inline-block; margin-right: 14px; white-space: nowrap; }
  .legend i { display: inline-block; width: 10px; height: 10px; margin-right: 4px; }
  @media (max-width: 900px) { main { grid-template-columns: minmax(0, 1fr); } }
  @media (max-width: 480px) {
    header { padding: 10px 12px; } header h1 { font-size: 17px; }
    main { padding: 10px 8px; gap: 10px; } section { padding: 10px; }
    .figures { grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 8px; }
    .figure b { font-size: 20px; }
    th, td { padding: 4px 3px; }
    .wide { display: none; }
  }
  /* wall mode: one screen, nothing scrolls; the script pages the lists to fit their boxes */
  html.wall, html.wall body { height: 100%; overflow: hidden; }
  html.wall body { display: flex; flex-direction: column; }
  html.wall header { padding: 8px 20px; flex: none; }
  html.wall main { flex: 1; min-height: 0; padding: 10px 20px; gap: 10px;
                   grid-template-columns: minmax(0, 1.25fr) minmax(0, 1fr); grid-template-rows: auto minmax(0, 1fr) minmax(0, 1fr); }
  html.wall .figures { grid-template-columns: repeat(8, minmax(0, 1fr)); gap: 8px; }
  html.wall .figure { padding: 6px 10px; } html.wall .figure b { font-size: 22px; }
  html.wall section { display: flex; flex-direction: column; min-height: 0; padding: 8px 12px; }
  html.wall #ranking-box { grid-row: 2 / 4; }
  html.wall #chart-box { grid-column: 2; }
  html.wall .tablebox { flex: 1; min-height: 0; overflow: hidden; }
  html.wall #chart { flex: 1; min-height: 0; display: flex; flex-direction: column; }
  html.wall #chart svg { flex: 1; min-height: 0; height: 100%; }
  html.wall tr.away { display: none; }
"""#
}
