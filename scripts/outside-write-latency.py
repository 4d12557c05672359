#!/usr/bin/env python3
"""How soon a running server's remembered ranking and overview show a write made by another
process: `wastesort import institutions` (the CLI, its own process) against `wastesort serve` on
the same database. Prints, per round, the time from the import's exit to the first request that
sees the changed ETag, for /v1/rankings and /v1/stats/overview.

    scripts/outside-write-latency.py [--bin .build/release/wastesort] [--rounds 5]
"""
import argparse, datetime, json, os, re, subprocess, tempfile, time, urllib.request

parser = argparse.ArgumentParser()
parser.add_argument("--bin", default=".build/release/wastesort")
parser.add_argument("--rounds", type=int, default=5)
args = parser.parse_args()
work = tempfile.mkdtemp()
db = os.path.join(work, "d.db")
env = dict(os.environ, WASTESORT_ADMIN_PASSWORD="latency-pass-1")
server = subprocess.Popen([args.bin, "serve", "--db", db, "--port", "0", "--quiet"], env=env,
                          stdout=subprocess.PIPE, text=True)
try:
    line = ""
    while "serving" not in line:
        line = server.stdout.readline()
    port = int(re.search(r":(\d+) ", line).group(1))
    base = f"http://127.0.0.1:{port}"

    def call(path, body=None, token=None):
        request = urllib.request.Request(base + path, data=json.dumps(body).encode() if body else None,
                                         headers={"Content-Type": "application/json", "Accept-Language": "en",
                                                  **({"Authorization": f"Bearer {token}"} if token else {})})
        with urllib.request.urlopen(request) as response:
            return response.headers.get("ETag"), response.read()

    _, body = call("/v1/sessions", {"username": "admin", "password": "latency-pass-1"})
    token = json.loads(body)["token"]
    now = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=8)))
    period = f"{now.year:04d}-{now.month:02d}"
    for round in range(args.rounds):
        paths = [f"/v1/rankings?period={period}", f"/v1/stats/overview?period={period}"]
        before = {path: call(path, token=token)[0] for path in paths}
        csv = os.path.join(work, f"units-{round}.csv")
        with open(csv, "w") as f:
            f.write(f"code,name,kind,headcount,floors\nLAT-{round},延迟测试单位{round},党政机关,10,2\n")
        subprocess.run([args.bin, "import", "institutions", csv, "--db", db], check=True, capture_output=True)
        done = time.monotonic()
        seen, stale = {}, {path: 0 for path in paths}
        while len(seen) < len(paths) and time.monotonic() - done < 30:
            for path in paths:
                if path in seen:
                    continue
                if call(path, token=token)[0] != before[path]:
                    seen[path] = (time.monotonic() - done) * 1000
                else:
                    stale[path] += 1
        print(f"round {round + 1}: ranking changed after {seen.get(paths[0], float('nan')):.1f} ms "
              f"({stale[paths[0]]} stale answers before), overview after {seen.get(paths[1], float('nan')):.1f} ms "
              f"({stale[paths[1]]} stale) (from the import's exit; includes recomputing them)")
finally:
    server.terminate()
    server.wait()
