#!/usr/bin/env python3
"""Captures what the peers serve from a running wastesort, so every server sends the same JSON.

    capture.py capture --base URL --token T --out DIR [--period P] [--target-bytes 50000]
    capture.py verify --url URL --expect FILE [--header 'Name: value']... [--ignore MEMBER]...

`capture` asks a wastesort serving a generated district (`wastesort generate`) for
  ranking.json      GET /v1/rankings?period=P&limit=N, N chosen so the body is the largest under
                    --target-bytes (~50 KB); stored byte for byte (the peers send these bytes);
  institution.json  GET /v1/institutions/{id} of the first institution with more than 50 entries;
  ledger-page.json  GET /v1/institutions/{id}/ledger-entries?limit=50 (50 items and a next_cursor);
and writes capture.json: the exact paths asked, so the runner makes wastesort answer the same
queries on the same database. The peers decode institution.json and ledger-page.json into Codable
structs at start and encode them again on every request.

`verify` fetches URL and exits 1 unless its JSON equals FILE's (same members, same values; member
order and number spelling may differ; --ignore drops a top-level member from both, such as the
ranking's generated_at): the runner refuses to measure a server whose body differs.

`Benchmarks/run fixtures` runs `capture` into Benchmarks/Fixtures (the committed copies, which a
peer started by hand loads); every benchmark run captures again into its work directory.
"""
import argparse
import json
import sys
import urllib.request
from datetime import datetime, timezone
from pathlib import Path

LEDGER_LIMIT = 50


def fetch(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(request, timeout=120) as response:
        if response.status != 200:
            raise SystemExit(f"{url} answered {response.status}")
        return response.read()


class WastesortClient:
    def __init__(self, base, token):
        self.base = base.rstrip("/")
        self.headers = {"Authorization": f"Bearer {token}"}

    def get(self, path):
        return fetch(self.base + path, self.headers)


def ranking_path(period, limit):
    return f"/v1/rankings?period={period}&limit={limit}"


def pick_ranking_limit(client, period, target):
    """The largest limit whose body fits in `target` bytes (entries have nearly the same size)."""
    sizes = {}

    def size(limit):
        if limit not in sizes:
            sizes[limit] = len(client.get(ranking_path(period, limit)))
        return sizes[limit]

    entries = len(json.loads(client.get(ranking_path(period, 100_000)))["entries"])
    if entries < 20:
        raise SystemExit(f"the {period} ranking has {entries} entries: generate more data or pick another period")
    low, high = 10, 100
    per_entry = max(1.0, (size(high) - size(low)) / (high - low))
    limit = min(entries, max(1, low + int((target - size(low)) / per_entry)))
    while limit > 1 and size(limit) > target:
        limit -= 1
    while limit < entries and size(limit + 1) <= target:
        limit += 1
    return limit


def pick_institution(client):
    """The first institution (in id order) with more than one page of ledger entries."""
    cursor = None
    for _ in range(20):
        path = "/v1/institutions?limit=25" + (f"&cursor={cursor}" if cursor else "")
        listing = json.loads(client.get(path))
        for item in listing["items"]:
            page = json.loads(client.get(f"/v1/institutions/{item['id']}/ledger-entries?limit={LEDGER_LIMIT}"))
            if len(page["items"]) == LEDGER_LIMIT and page.get("next_cursor"):
                return item["id"]
        cursor = listing.get("next_cursor")
        if not cursor:
            break
    raise SystemExit(f"no institution has more than {LEDGER_LIMIT} ledger entries: generate more months")


def capture(args):
    client = WastesortClient(args.base, args.token)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    limit = pick_ranking_limit(client, args.period, args.target_bytes)
    institution_id = pick_institution(client)
    paths = {
        "ranking": ranking_path(args.period, limit),
        "institution": f"/v1/institutions/{institution_id}",
        "ledger_page": f"/v1/institutions/{institution_id}/ledger-entries?limit={LEDGER_LIMIT}",
    }
    files = {"ranking": "ranking.json", "institution": "institution.json", "ledger_page": "ledger-page.json"}
    sizes = {}
    for key, path in paths.items():
        body = client.get(path)
        json.loads(body)  # refuse to store anything but JSON
        (out / files[key]).write_bytes(body)
        sizes[key] = len(body)
    manifest = {
        "captured_at": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "period": args.period, "ranking_limit": limit, "institution_id": institution_id,
        "paths": paths, "files": files, "bytes": sizes,
    }
    (out / "capture.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    for key in paths:
        print(f"{files[key]}: {sizes[key]} bytes from {paths[key]}", file=sys.stderr)


def verify(args):
    headers = dict(h.split(": ", 1) for h in args.header)
    try:
        got = json.loads(fetch(args.url, headers))
    except (OSError, ValueError) as error:
        print(f"{args.url}: {error}", file=sys.stderr)
        return 1
    expected = json.loads(Path(args.expect).read_bytes())
    for name in args.ignore:
        got.pop(name, None)
        expected.pop(name, None)
    if got != expected:
        print(f"{args.url}: JSON differs from {args.expect}", file=sys.stderr)
        return 1
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    take = commands.add_parser("capture")
    take.add_argument("--base", required=True)
    take.add_argument("--token", required=True)
    take.add_argument("--out", required=True)
    take.add_argument("--period", required=True)
    take.add_argument("--target-bytes", type=int, default=50_000)
    check = commands.add_parser("verify")
    check.add_argument("--url", required=True)
    check.add_argument("--expect", required=True)
    check.add_argument("--header", action="append", default=[])
    check.add_argument("--ignore", action="append", default=[], help="a top-level member that may differ")
    args = parser.parse_args()
    if args.command == "capture":
        capture(args)
        return 0
    return verify(args)


if __name__ == "__main__":
    sys.exit(main())
