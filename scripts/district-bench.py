#!/usr/bin/env python3
"""Times the district-wide computations on a large generated district: the ranking cold (a
fresh server per run, so nothing is remembered) and cached, the overview, the ledger statistics
and the quarterly notice. Prints medians of --runs runs with wall time and the server's CPU time.

    swift build -c release --product wastesort
    scripts/district-bench.py --binary .build/release/wastesort --db /tmp/big.db [--runs 5]

Without --db, or when the file is missing, it generates one first (`wastesort generate
--institutions 5000 --months 24`, one to two minutes). The database is only read, but each server
start applies pending migrations to it. Every server it starts is stopped by PID.
"""
import argparse, http.client, os, signal, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PASSWORD = "district-bench-password"


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Server:
    def __init__(self, binary, db, port):
        env = dict(os.environ, WASTESORT_ADMIN_PASSWORD=PASSWORD, WASTESORT_MIGRATIONS=os.path.join(ROOT, "Migrations"))
        self.process = subprocess.Popen([binary, "serve", "--db", db, "--port", str(port), "--quiet"], env=env,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.port = port
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                if self.get("/healthz")[0] == 200:
                    return
            except OSError:
                time.sleep(0.1)
        self.stop()
        sys.exit("the server did not start")

    def get(self, path, token=None, headers=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        all_headers = dict(headers or {})
        if token:
            all_headers["Authorization"] = "Bearer " + token
        started = time.perf_counter()
        connection.request("GET", path, headers=all_headers)
        response = connection.getresponse()
        body = response.read()
        elapsed = time.perf_counter() - started
        connection.close()
        return response.status, elapsed, body, response.getheader("etag")

    def timed(self, path, token, headers=None):
        """(wall seconds, server CPU seconds, status, bytes, etag) of one request."""
        before = cpu_seconds(self.process.pid)
        status, wall, body, etag = self.get(path, token, headers)
        return wall, cpu_seconds(self.process.pid) - before, status, len(body), etag

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()


def token(binary, db):
    env = dict(os.environ, WASTESORT_MIGRATIONS=os.path.join(ROOT, "Migrations"))
    out = subprocess.run([binary, "token", "create", "--db", db, "--username", "admin", "--name", "district-bench"],
                         env=env, check=True, capture_output=True, text=True).stdout
    return out.strip().splitlines()[-1]


def median_row(name, samples):
    walls = [s[0] * 1000 for s in samples]
    cpus = [s[1] * 1000 for s in samples]
    statuses = sorted({s[2] for s in samples})
    print(f"| {name} | {statistics.median(walls):.1f} ms | {statistics.median(cpus):.0f} ms | "
          f"{min(walls):.1f}–{max(walls):.1f} ms | {samples[0][3]:,} B | {statuses} |")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/release/wastesort"))
    parser.add_argument("--db")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--port", type=int, default=18097)
    parser.add_argument("--period", default="2026")
    args = parser.parse_args()

    db = args.db or os.path.join(tempfile.mkdtemp(prefix="district-bench-"), "district.db")
    if not os.path.exists(db):
        env = dict(os.environ, WASTESORT_ADMIN_PASSWORD=PASSWORD, WASTESORT_MIGRATIONS=os.path.join(ROOT, "Migrations"))
        print(f"generating {db} …", flush=True)
        subprocess.run([args.binary, "generate", "--db", db, "--institutions", "5000", "--months", "24"], env=env,
                       check=True, stdout=subprocess.DEVNULL)
    subprocess.run([args.binary, "migrate", "--db", db], check=True, capture_output=True,
                   env=dict(os.environ, WASTESORT_MIGRATIONS=os.path.join(ROOT, "Migrations")))
    bearer = token(args.binary, db)
    ranking = f"/v1/rankings?period={args.period}"
    print(f"load before: {os.getloadavg()[0]:.2f}")
    print("| measurement | wall (median) | server CPU (median) | wall range | body | status |")
    print("|---|---|---|---|---|---|")

    cold, cached, not_modified = [], [], []
    for _ in range(args.runs):
        server = Server(args.binary, db, args.port)
        try:
            cold.append(server.timed(ranking, bearer))
            cached.append(server.timed(ranking, bearer))
            not_modified.append(server.timed(ranking, bearer, {"If-None-Match": cached[-1][4]}))
        finally:
            server.stop()
    median_row(f"ranking {args.period}, cold (fresh server)", cold)
    median_row(f"ranking {args.period}, remembered", cached)
    median_row(f"ranking {args.period}, If-None-Match", not_modified)

    server = Server(args.binary, db, args.port)
    try:
        for name, path in [("overview 2026-H2", "/v1/stats/overview?period=2026-H2"),
                           ("ledger statistics 2026-H2", "/v1/stats/ledger?period=2026-H2"),
                           ("quarterly notice 2026-Q3, HTML", "/v1/notices/preview?period=2026-Q3&kind=quarterly&format=html")]:
            median_row(name, [server.timed(path, bearer) for _ in range(args.runs)])
    finally:
        server.stop()
    print(f"load after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
