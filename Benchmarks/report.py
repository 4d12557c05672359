#!/usr/bin/env python3
"""Turns the rows that Benchmarks/run measured into one table (stdout) and a JSON file.

Each raw row is tab-separated: round, server, scenario, status ("ok" or the reason it was not
run), then for "ok" rows: peak RSS in kB (VmHWM summed over the server's processes), the most
threads seen, the response body size, the path of wrk's output and, for wastesort's POST row, the
ledger entries its database gained during the row (wrk's count of responses excludes the requests
still in flight when it stops, at most one per connection). Repeated rounds are reduced to medians.
"""
import argparse
import json
import os
import platform
import re
import statistics
import subprocess
from datetime import datetime, timezone

SERVERS = ["wastesort", "hummingbird", "vapor", "flyingfox", "nginx"]
SCENARIOS = {
    "small_c64": "small GET c64",
    "small_c256": "small GET c256",
    "ranking_c64": "ranking GET c64",
    "institution_c64": "institution JSON c64",
    "ledger_page_c64": "ledger page JSON c64",
    "post_c64": "POST 1 KB c64",
    "close_c16": "Connection: close c16",
}
# Rows whose notes give the response size: what each request moves.
SIZED = {"ranking_c64", "institution_c64", "ledger_page_c64"}
# What each server does per request in a row, where it is not the same for all: printed under the table.
SCENARIO_NOTES = {
    "ranking_c64": "ranking: `{ranking}` on the generated district, ~50 KB (one institution kind: the "
                   "unranked list of the whole district alone outgrows 50 KB); wastesort answers its remembered "
                   "ranking (computed once, before the row), the peers and nginx send the captured bytes (equal JSON "
                   "but generated_at).",
    "institution_c64": "institution: `{institution}`; wastesort reads the row from SQLite and writes "
                       "the JSON per request; the peers hold the captured institution in memory as a Codable struct "
                       "and encode it with JSONEncoder per request (equal JSON, checked before the row).",
    "ledger_page_c64": "ledger page: `{ledger_page}`; wastesort reads 51 rows "
                       "from SQLite and writes the page per request; the peers slice 50 in-memory Codable entries "
                       "and encode them with JSONEncoder per request (equal JSON, checked before the row).",
    "post_c64": "POST: `POST /v1/institutions/{{id}}/ledger-entries` with Fixtures/ledger-entry.json; in wastesort "
                "every request creates an entry (validated, stored with its audit event, answered 201 only after "
                "its transaction commits: an acknowledged durable write, synchronous=FULL, group commit); the peers "
                "decode the same body with JSONDecoder into a Codable and answer 201 with the entry encoded by "
                "JSONEncoder, storing nothing.",
}
UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def parse_wrk(text):
    """Requests/s, p50 and p99 in ms, and every error count wrk reports."""
    result = {"requests_per_second": None, "p50_ms": None, "p99_ms": None,
              "requests": None, "non_2xx": 0, "socket_errors": 0}
    if m := re.search(r"Requests/sec:\s+([\d.]+)", text):
        result["requests_per_second"] = float(m.group(1))
    for pct, key in (("50", "p50_ms"), ("99", "p99_ms")):
        if m := re.search(rf"^\s+{pct}(?:\.000)?%\s+([\d.]+)(us|ms|s|m)\s*$", text, re.M):
            result[key] = float(m.group(1)) * UNIT_MS[m.group(2)]
    if m := re.search(r"(\d+) requests in", text):
        result["requests"] = int(m.group(1))
    if m := re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text):
        result["non_2xx"] = int(m.group(1))
    if m := re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text):
        result["socket_errors"] = sum(int(g) for g in m.groups())
    return result


def read_rows(path):
    rows = {}
    with open(path, encoding="utf-8") as raw:
        for line in raw:
            fields = line.rstrip("\n").split("\t")
            round_, server, scenario, status = fields[:4]
            entry = {"round": int(round_), "status": status}
            if status == "ok":
                rss, threads, body, wrk_path = fields[4:8]
                stored = fields[8] if len(fields) > 8 else ""
                with open(wrk_path, encoding="utf-8", errors="replace") as wrk:
                    entry.update(parse_wrk(wrk.read()))
                entry["stored"] = int(stored) if stored.lstrip("-").isdigit() else None
                entry.update(peak_rss_mb=int(rss) / 1024, threads=int(threads),
                             body_bytes=int(body) if body.isdigit() else None)
            rows.setdefault((server, scenario), []).append(entry)
    return rows


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def reduce_rows(rows):
    """One record per (server, scenario): medians over rounds, errors summed."""
    reduced = {}
    for key, runs in rows.items():
        ok = [r for r in runs if r["status"] == "ok" and r["requests_per_second"]]
        if not ok:
            reduced[key] = {"status": runs[0]["status"] if runs[0]["status"] != "ok" else "wrk failed"}
            continue
        reduced[key] = {
            "status": "ok", "rounds": len(ok),
            "requests_per_second": median([r["requests_per_second"] for r in ok]),
            "p50_ms": median([r["p50_ms"] for r in ok]),
            "p99_ms": median([r["p99_ms"] for r in ok]),
            "peak_rss_mb": median([r["peak_rss_mb"] for r in ok]),
            "threads": max(r["threads"] for r in ok),
            "body_bytes": ok[0]["body_bytes"],
            "non_2xx": sum(r["non_2xx"] for r in ok),
            "socket_errors": sum(r["socket_errors"] for r in ok),
            "per_round_requests_per_second": [r["requests_per_second"] for r in ok],
            # POST rows of wastesort: entries stored during wrk, against the 201s wrk counted.
            "entries_stored": sum(r["stored"] for r in ok) if all(r["stored"] is not None for r in ok) else None,
            "requests_answered": sum(r["requests"] or 0 for r in ok),
        }
    return reduced


def add_ratios(reduced):
    for (server, scenario), record in reduced.items():
        ours = reduced.get(("wastesort", scenario), {})
        if server == "wastesort" or record["status"] != "ok":
            record["wastesort_ratio"] = None
        elif ours.get("status") == "ok":
            record["wastesort_ratio"] = ours["requests_per_second"] / record["requests_per_second"]
        else:
            record["wastesort_ratio"] = None


def fmt_ms(value):
    return "—" if value is None else (f"{value:.2f} ms" if value < 10 else f"{value:.1f} ms")


def table(reduced, servers, scenarios):
    header = ["server", "scenario", "req/s", "p50", "p99", "peak RSS", "threads", "wastesort/peer", "notes"]
    lines = []
    for scenario in scenarios:
        for server in servers:
            record = reduced.get((server, scenario))
            if record is None:
                continue
            if record["status"] != "ok":
                lines.append([server, SCENARIOS[scenario], record["status"], "", "", "", "", "", ""])
                continue
            notes = []
            if record["non_2xx"]:
                notes.append(f"{record['non_2xx']} non-2xx")
            if record["socket_errors"]:
                notes.append(f"{record['socket_errors']} socket errors")
            if record["entries_stored"] is not None:
                notes.append(f"{record['entries_stored']:,} entries stored for {record['requests_answered']:,} responses")
            if record["body_bytes"] is not None and scenario in SIZED:
                notes.append(f"body {record['body_bytes']} B")
            ratio = record["wastesort_ratio"]
            lines.append([server, SCENARIOS[scenario], f"{record['requests_per_second']:,.0f}",
                          fmt_ms(record["p50_ms"]), fmt_ms(record["p99_ms"]),
                          f"{record['peak_rss_mb']:.1f} MB", str(record["threads"]),
                          "—" if ratio is None else f"{ratio:.2f}×", ", ".join(notes)])
    return header, lines


def render_markdown(header, lines):
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(cells) + " |" for cells in lines]
    return "\n".join(out)


def machine():
    def first(cmd):
        try:
            return subprocess.run(cmd, capture_output=True, text=True, timeout=10).stdout.strip().splitlines()[0]
        except (OSError, IndexError, subprocess.SubprocessError):
            return None
    model = None
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            model = next((l.split(":", 1)[1].strip() for l in info if l.startswith("model name")), None)
    except OSError:
        pass
    memory = None
    try:
        with open("/proc/meminfo", encoding="utf-8") as info:
            memory = f"{int(info.readline().split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    return {"cpus": os.cpu_count(), "cpu_model": model, "memory": memory, "kernel": platform.release(),
            "swift": first(["swift", "--version"]), "wrk": first(["wrk", "--version"]) or "wrk",
            "nginx": subprocess.run(["sh", "-c", "nginx -v 2>&1"], capture_output=True, text=True).stdout.strip()}


def main():
    parser = argparse.ArgumentParser()
    for name in ("raw", "json", "duration", "load-before", "load-after", "command"):
        parser.add_argument(f"--{name}", required=True)
    parser.add_argument("--rounds", type=int, required=True)
    parser.add_argument("--capture", help="capture.json of the run: the paths every server was asked")
    args = parser.parse_args()
    capture = {}
    if args.capture and os.path.exists(args.capture):
        with open(args.capture, encoding="utf-8") as manifest:
            capture = json.load(manifest)
    paths = {"ranking": "GET /v1/rankings?period=…&kind=…&limit=N", "institution": "GET /v1/institutions/{id}",
             "ledger_page": "GET /v1/institutions/{id}/ledger-entries?limit=50"}
    paths.update({key: f"GET {path}" for key, path in capture.get("paths", {}).items()})

    reduced = reduce_rows(read_rows(args.raw))
    add_ratios(reduced)
    servers = [s for s in SERVERS if any(k[0] == s for k in reduced)]
    scenarios = [s for s in SCENARIOS if any(k[1] == s for k in reduced)]
    header, lines = table(reduced, servers, scenarios)
    markdown = render_markdown(header, lines)
    notes = [SCENARIO_NOTES[s].format(**paths) for s in scenarios if s in SCENARIO_NOTES]
    document = {
        "generated_at": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "command": args.command, "duration": args.duration, "rounds": args.rounds,
        "load_before": args.load_before, "load_after": args.load_after, "machine": machine(),
        "rows": [dict(server=k[0], scenario=k[1], **v) for k, v in sorted(reduced.items(),
                 key=lambda item: (list(SCENARIOS).index(item[0][1]), SERVERS.index(item[0][0])))],
        "table_markdown": markdown,
        "notes": notes,
        "capture": capture,
    }
    with open(args.json, "w", encoding="utf-8") as out:
        json.dump(document, out, ensure_ascii=False, indent=2)
        out.write("\n")
    print(markdown)
    for note in notes:
        print(f"\n- {note}", end="")
    print()
    print(f"\nload before: {args.load_before.strip()}\nload after:  {args.load_after.strip()}")
    print(f"medians of {args.rounds} round(s) of {args.duration} per row; JSON: {args.json}")


if __name__ == "__main__":
    main()
