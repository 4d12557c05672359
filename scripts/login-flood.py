#!/usr/bin/env python3
"""Login flood (issue 13, F2): CLIENTS threads send wrong logins as fast as they are answered for
SECONDS, while another process times an authenticated `GET /v1/me` every 20 ms. Prints the
p50/p95/max of /v1/me before and during the flood, and the flood's answers by status.

    swift build --product wastesort
    scripts/login-flood.py --binary .build/debug/wastesort [--clients 24] [--seconds 10] [--botnet]

The script starts its own server on a fresh database in a temporary directory (stopped by PID at
the end). Each wrong login names a new random username, so no per-username lock ends the flood
early. With --botnet the server runs with --trusted-proxy 127.0.0.1 and every wrong login
carries a new random X-Forwarded-For address: the worst case for the throttle (no client is ever
locked, so every attempt reaches the password check). --legacy omits the flags an older binary
(before issue 13) does not know.
"""
import argparse, http.client, json, multiprocessing, os, random, re, signal, statistics, subprocess, sys, tempfile, threading, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PASSWORD = "login-flood-admin-password"


def start_server(binary, directory, migrations, botnet):
    env = dict(os.environ, WASTESORT_ADMIN_PASSWORD=PASSWORD, WASTESORT_MIGRATIONS=migrations)
    command = [binary, "serve", "--db", os.path.join(directory, "flood.db"), "--port", "0", "--quiet"]
    if botnet:
        command += ["--trusted-proxy", "127.0.0.1"]
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    deadline = time.time() + 60
    while time.time() < deadline:
        line = process.stdout.readline()
        match = re.search(r"serving http://[^:]+:(\d+)", line or "")
        if match:
            return process, int(match.group(1))
        if process.poll() is not None:
            break
    process.kill()
    sys.exit("the server did not start")


def request(connection, method, path, body=None, headers=None):
    data = json.dumps(body).encode() if body is not None else None
    all_headers = {"Content-Type": "application/json"} if data else {}
    all_headers.update(headers or {})
    connection.request(method, path, body=data, headers=all_headers)
    response = connection.getresponse()
    payload = response.read()
    return response.status, payload


def login(port):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    status, payload = request(connection, "POST", "/v1/sessions", {"username": "admin", "password": PASSWORD})
    if status != 201:
        sys.exit(f"admin login failed: {status} {payload[:200]}")
    return json.loads(payload)["token"]


def time_me(port, token, seconds, results):
    """Runs in its own process (no GIL shared with the flood): /v1/me every 20 ms."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    timings = []
    end = time.time() + seconds
    while time.time() < end:
        started = time.perf_counter()
        status, _ = request(connection, "GET", "/v1/me", headers={"Authorization": f"Bearer {token}"})
        elapsed = (time.perf_counter() - started) * 1000
        if status != 200:
            results.put(("error", status))
            return
        timings.append(elapsed)
        time.sleep(max(0, 0.02 - elapsed / 1000))
    results.put(("timings", timings))


def flood(port, seconds, botnet, counts, lock):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    end = time.time() + seconds
    while time.time() < end:
        body = {"username": f"u{random.getrandbits(40):x}", "password": "wrong-password-guess"}
        headers = {}
        if botnet:
            headers["X-Forwarded-For"] = f"10.{random.randrange(256)}.{random.randrange(256)}.{random.randrange(1, 255)}"
        try:
            status, _ = request(connection, "POST", "/v1/sessions", body, headers)
        except (OSError, http.client.HTTPException):
            status = "error"
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        with lock:
            counts[status] = counts.get(status, 0) + 1


def summary(timings):
    ordered = sorted(timings)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return f"n={len(ordered)} p50={statistics.median(ordered):.1f} ms p95={p95:.1f} ms max={ordered[-1]:.1f} ms"


def measure(port, token, seconds):
    results = multiprocessing.Queue()
    process = multiprocessing.Process(target=time_me, args=(port, token, seconds, results))
    process.start()
    kind, value = results.get()
    process.join()
    if kind == "error":
        sys.exit(f"GET /v1/me answered {value}")
    return value


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/debug/wastesort"))
    parser.add_argument("--migrations", default=os.path.join(ROOT, "Migrations"))
    parser.add_argument("--clients", type=int, default=24)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--botnet", action="store_true", help="random X-Forwarded-For per login, via --trusted-proxy")
    parser.add_argument("--legacy", action="store_true", help="a binary from before issue 13 (no --trusted-proxy)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        process, port = start_server(args.binary, directory, args.migrations, args.botnet and not args.legacy)
        try:
            token = login(port)
            quiet = measure(port, token, 3)
            counts, lock = {}, threading.Lock()
            threads = [threading.Thread(target=flood, args=(port, args.seconds, args.botnet, counts, lock))
                       for _ in range(args.clients)]
            for thread in threads:
                thread.start()
            time.sleep(0.5)  # let the flood build up before timing
            loaded = measure(port, token, args.seconds - 1)
            for thread in threads:
                thread.join()
        finally:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
        print(f"load average before: {os.getloadavg()[0]:.2f}")
        print(f"GET /v1/me without flood: {summary(quiet)}")
        print(f"GET /v1/me during flood:  {summary(loaded)}")
        rate = sum(v for v in counts.values()) / args.seconds
        print(f"flood ({args.clients} clients, {args.seconds:g} s{', botnet' if args.botnet else ''}): "
              + ", ".join(f"{k}: {v}" for k, v in sorted(counts.items(), key=str)) + f" ({rate:.0f} req/s)")


if __name__ == "__main__":
    main()
