#!/usr/bin/env python3
"""Evidence throughput: 8 clients upload, then download, 5 MiB photos at once, with the server's
resident memory sampled meanwhile (docs/PERFORMANCE.md, "Evidence uploads and downloads").

    scripts/evidence-bench.py [--binary .build/release/wastesort] [--clients 8] [--files 4] [--mib 5]

Starts `wastesort serve` on a temporary database (stopped by PID at exit), creates an
institution, then each client uploads `--files` raw JPEG-shaped bodies of `--mib` MiB over its
own keep-alive connection, then downloads each. Prints MB/s both ways, the peak and the idle
VmRSS of the server, and the load average. Python 3 standard library only.
"""
import argparse, atexit, hashlib, http.client, json, os, random, shutil, signal, subprocess, sys
import tempfile, threading, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PASSWORD = "evidence-bench-password"


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "wastesort"))
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--files", type=int, default=4)
    parser.add_argument("--mib", type=int, default=5)
    args = parser.parse_args()
    workdir = tempfile.mkdtemp(prefix="evidence-bench-")
    env = dict(os.environ, WASTESORT_ADMIN_PASSWORD=PASSWORD)
    server = subprocess.Popen([args.binary, "serve", "--db", os.path.join(workdir, "bench.db"), "--port", "0", "--quiet"],
                              stdout=subprocess.PIPE, text=True, env=env)

    def stop():
        if server.poll() is None:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()
        shutil.rmtree(workdir, ignore_errors=True)
    atexit.register(stop)
    port = None
    while port is None:
        line = server.stdout.readline()
        if not line:
            sys.exit("the server did not start")
        if "serving" in line:
            port = int(line.rsplit(":", 1)[1].split()[0])
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("POST", "/v1/sessions", body=json.dumps({"username": "admin", "password": PASSWORD}),
                 headers={"Content-Type": "application/json"})
    token = json.loads(conn.getresponse().read())["token"]
    auth = {"Authorization": f"Bearer {token}"}
    conn.request("POST", "/v1/institutions", body=json.dumps({"code": "BENCH-1", "name": "测速单位", "kind": "party_government_organ",
                                                                "headcount": 100, "floors": 3, "has_canteen": True}),
                 headers={**auth, "Content-Type": "application/json"})
    institution = json.loads(conn.getresponse().read())["id"]
    conn.close()
    size = args.mib << 20
    bodies = [b"\xff\xd8\xff\xe0" + random.Random(n).randbytes(size - 6) + b"\xff\xd9" for n in range(args.clients * args.files)]
    urls, errors, lock = [], [], threading.Lock()
    idle_rss = rss_kib(server.pid)
    peak = [idle_rss]
    sampling = threading.Event()

    def sample():
        while not sampling.is_set():
            peak[0] = max(peak[0], rss_kib(server.pid))
            time.sleep(0.05)

    def upload(client):
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        for n in range(args.files):
            body = bodies[client * args.files + n]
            c.request("POST", f"/v1/institutions/{institution}/attachments?kind=other&filename=p{client}-{n}.jpg", body=body,
                      headers={**auth, "Content-Type": "image/jpeg"})
            response = c.getresponse()
            data = response.read()
            if response.status != 201:
                errors.append(f"upload {response.status} {data[:100]!r}")
                continue
            with lock:
                urls.append((json.loads(data)["items"][0]["url"], hashlib.sha256(body).hexdigest()))
        c.close()

    def download(mine):
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        for url, digest in mine:
            c.request("GET", url, headers=auth)
            response = c.getresponse()
            data = response.read()
            if response.status != 200 or hashlib.sha256(data).hexdigest() != digest:
                errors.append(f"download {url}: {response.status}")
        c.close()

    def timed(target, argsets):
        threads = [threading.Thread(target=target, args=a) for a in argsets]
        started = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        return time.perf_counter() - started

    sampler = threading.Thread(target=sample)
    sampler.start()
    load_before = os.getloadavg()[0]
    up = timed(upload, [(c,) for c in range(args.clients)])
    up_peak = peak[0]
    peak[0] = rss_kib(server.pid)
    down = timed(download, [(urls[c::args.clients],) for c in range(args.clients)])
    sampling.set()
    sampler.join()
    total = args.clients * args.files * size / 1e6
    print(f"load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after")
    print(f"{args.clients} clients x {args.files} files x {args.mib} MiB: upload {total / up:.0f} MB/s ({up:.1f} s), "
          f"download {total / down:.0f} MB/s ({down:.1f} s), {len(errors)} errors")
    print(f"server VmRSS: idle {idle_rss / 1024:.0f} MiB, peak {up_peak / 1024:.0f} MiB uploading, {peak[0] / 1024:.0f} MiB downloading")
    for error in errors[:5]:
        print("  " + error)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
