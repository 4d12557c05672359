#!/usr/bin/env python3
"""Captures what the peers serve from a running wastesort, so every server sends the same JSON.

    capture.py capture --base URL --token T --out DIR --period P [--kind K] [--target-bytes 50000]
    capture.py verify --url URL --expect FILE [--header 'Name: value']... [--ignore MEMBER]...

`capture` asks a wastesort serving a generated district (`wastesort generate`) for
  ranking.json      GET /v1/rankings?period=P[&kind=K]&limit=N, N chosen so the body is the largest
                    under --target-bytes (~50 KB); the unranked list is not cut by limit, so with
                    5,000 institutions the ranking of one kind is taken (the kind that fits the most
                    entries); stored byte for byte (the peers send these bytes);
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


KINDS = ["party_government_organ", "public_institution", "social_organization", "state_enterprise", "other"]


def ranking_path(period, kind, limit):
    return f"/v1/rankings?period={period}" + (f"&kind={kind}" if kind else "") + f"&limit={limit}"


def compact(document):
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()


def largest_fitting(client, period, kind, target):
    """(limit, estimated size) of the most entries whose body fits in `target`, or None.

    The whole ranking is fetched once; smaller limits are sized by cutting its entries locally
    (calibrated on the real body), since each new query costs wastesort a cold computation."""
    whole = client.get(ranking_path(period, kind, 100_000))
    document = json.loads(whole)
    offset = len(whole) - len(compact(document))

    def size(limit):
        return len(compact(dict(document, entries=document["entries"][:limit]))) + offset

    low, high = 0, len(document["entries"])
    while low < high:
        middle = (low + high + 1) // 2
        low, high = (middle, high) if size(middle) <= target else (low, middle - 1)
    return (low, size(low)) if low >= 20 else None


def pick_ranking(client, period, target, kind):
    """(kind, limit): the district-wide ranking when ~`target` bytes hold at least 20 entries;
    otherwise the kind that fits the most. The unranked list is never cut by `limit`, and with
    5,000 institutions it alone outgrows 50 KB, so the ranking of one kind is what fits."""
    candidates = []
    for choice in ([kind] if kind else [None] + KINDS):
        fit = largest_fitting(client, period, choice, target)
        if fit and choice is None:
            return None, fit[0]
        if fit:
            candidates.append((fit[0], choice))
    if not candidates:
        raise SystemExit(f"no {period} ranking fits in {target} bytes with 20 entries or more")
    limit, choice = max(candidates)
    while limit > 1 and len(client.get(ranking_path(period, choice, limit))) > target:
        limit -= 1
    return choice, limit


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
    kind, limit = pick_ranking(client, args.period, args.target_bytes, args.kind)
    institution_id = pick_institution(client)
    paths = {
        "ranking": ranking_path(args.period, kind, limit),
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
        "period": args.period, "ranking_kind": kind, "ranking_limit": limit, "institution_id": institution_id,
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
    take.add_argument("--kind", help="rank one institution kind (default: all, or the kind that fits the target)")
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
