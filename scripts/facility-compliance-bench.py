#!/usr/bin/env python3
"""Times facility compliance for a district of N institutions (default 5000).

Seeds a fresh database directly with SQL (institutions with a few collection points, a storage
room and hauler contracts each), starts `wastesort serve` on it, and times
GET /v1/facility-compliance/summary and every page of GET /v1/facility-compliance.

    swift build -c release --product wastesort
    scripts/facility-compliance-bench.py .build/release/wastesort [N]
"""
import base64, hashlib, json, os, random, sqlite3, subprocess, sys, tempfile, time, urllib.request

binary = sys.argv[1] if len(sys.argv) > 1 else ".build/release/wastesort"
count = int(sys.argv[2]) if len(sys.argv) > 2 else 5000
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
work = tempfile.mkdtemp(prefix="wastesort-bench-")
db_path = os.path.join(work, "bench.db")
env = dict(os.environ, WASTESORT_ADMIN_PASSWORD="bench-password", WASTESORT_MIGRATIONS=os.path.join(root, "Migrations"))
subprocess.run([binary, "migrate", "--db", db_path], env=env, check=True, capture_output=True)

random.seed(7)
stamp = "2020-01-01T00:00:00Z"
db = sqlite3.connect(db_path)
points = rooms = contracts = 0
with db:
    for i in range(1, count + 1):
        headcount, floors, canteen = random.randint(10, 300), random.randint(1, 6), random.random() < 0.4
        db.execute("INSERT INTO institutions (id, code, name, kind, headcount, floors, has_canteen, status, created_at, updated_at)"
                   " VALUES (?, ?, ?, 'public_institution', ?, ?, ?, 'active', ?, ?)",
                   (i, f"U{i:05}", f"单位{i}", headcount, floors, int(canteen), stamp, stamp))
        kinds = [("office_floor", f) for f in range(1, min(floors, 3) + 1)] + [("entrance", None)] + ([("canteen", None)] if canteen else [])
        for kind, floor in kinds:
            bins = {c: {"count": random.randint(0, 3), "capacity_l": 120} for c in ["recyclable", "hazardous", "food", "residual"]}
            db.execute("INSERT INTO collection_points (institution_id, location, kind, floor, bins, signage_ok, created_at, updated_at)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                       (i, f"{floor or 1}楼{kind}", kind, floor, json.dumps(bins), int(random.random() < 0.9), stamp, stamp))
            points += 1
        cats = random.sample(["recyclable", "hazardous", "food", "residual"], random.randint(2, 4))
        db.execute("INSERT INTO storage_rooms (institution_id, location, area_centi_m2, categories, sealed, ventilated, signage_ok,"
                   " created_at, updated_at) VALUES (?, '暂存间', 1200, ?, 1, 1, 1, ?, ?)", (i, json.dumps(cats), stamp, stamp))
        rooms += 1
        for c in random.sample(["recyclable", "hazardous", "food", "residual"], random.randint(2, 4)):
            db.execute("INSERT INTO hauler_contracts (institution_id, category, hauler, licence_no, valid_from, valid_to, created_at,"
                       " updated_at) VALUES (?, ?, '环卫公司', 'L-1', '2020-01-01', '2030-12-31', ?, ?)", (i, c, stamp, stamp))
            contracts += 1
    # The admin user (serve creates none on this branch): PasswordHasher's pbkdf2-sha256 format.
    salt = os.urandom(16)
    key = hashlib.pbkdf2_hmac("sha256", b"bench-password", salt, 1000, 32)
    encoded = "$".join(["pbkdf2-sha256", "1000", base64.b64encode(salt).decode(), base64.b64encode(key).decode()])
    db.execute("INSERT OR IGNORE INTO users (username, display_name, role, password_hash, created_at, updated_at)"
               " VALUES ('admin', 'admin', 'admin', ?, ?, ?)", (encoded, stamp, stamp))
db.close()
print(f"seeded {count} institutions, {points} collection points, {rooms} storage rooms, {contracts} contracts")

port = 18000 + random.randint(0, 1000)
server = subprocess.Popen([binary, "serve", "--db", db_path, "--port", str(port), "--quiet"], env=env,
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
base = f"http://127.0.0.1:{port}"
try:
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/healthz", timeout=1)
            break
        except Exception:
            time.sleep(0.1)
    login = urllib.request.Request(base + "/v1/sessions", data=json.dumps({"username": "admin", "password": "bench-password"}).encode(),
                                   headers={"Content-Type": "application/json"})
    token = json.load(urllib.request.urlopen(login))["token"]

    ticks = os.sysconf("SC_CLK_TCK")

    def cpu_ms():
        # The server's user + system CPU time: honest even when other jobs load the machine.
        with open(f"/proc/{server.pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) * 1000 / ticks

    def get(path):
        request = urllib.request.Request(base + path, headers={"Authorization": f"Bearer {token}"})
        start = time.perf_counter()
        body = urllib.request.urlopen(request).read()
        return (time.perf_counter() - start) * 1000, json.loads(body)

    def measured(path):
        cpu = cpu_ms()
        ms, body = get(path)
        return ms, cpu_ms() - cpu, body

    for run in range(3):
        ms, cpu, summary = measured("/v1/facility-compliance/summary?as_of=2020-06-30")
        print(f"summary run {run + 1}: {ms:.0f} ms wall, {cpu:.0f} ms server CPU  institutions={summary['institutions']} compliant={summary['compliant']} "
              f"mean_score={summary['mean_score']}")
    for run in range(2):
        total, cpu_total, pages, items, cursor = 0.0, 0.0, 0, 0, None
        while True:
            ms, cpu, page = measured("/v1/facility-compliance?as_of=2020-06-30&limit=500" + (f"&cursor={cursor}" if cursor else ""))
            total, cpu_total, pages = total + ms, cpu_total + cpu, pages + 1
            items, cursor = items + len(page["items"]), page["next_cursor"]
            if not cursor:
                break
        print(f"all pages run {run + 1}: {total:.0f} ms wall, {cpu_total:.0f} ms server CPU for {pages} pages of 500 ({items} institutions)")
    ms, _ = get("/v1/institutions/2500/facility-compliance?as_of=2020-06-30")
    print(f"one institution: {ms:.1f} ms")
finally:
    server.terminate()
    server.wait(timeout=15)
