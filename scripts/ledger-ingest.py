#!/usr/bin/env python3
"""Measures ledger ingest against a running server: POSTs `--batches` batches of `--size`
entries (one keep-alive connection per client, `--clients` clients) and prints entries/s.

Needs an institution to write to: pass `--db` (the server's SQLite file) and it inserts one.

usage: scripts/ledger-ingest.py --port P --password PW --db /tmp/x.db [--batches 40] [--size 500] [--clients 1]
"""
import argparse, base64, hashlib, http.client, json, os, sqlite3, threading, time

def login(port, password):
    c = http.client.HTTPConnection("127.0.0.1", port)
    c.request("POST", "/v1/sessions", json.dumps({"username": "admin", "password": password}),
              {"Content-Type": "application/json"})
    r = c.getresponse()
    body = json.loads(r.read())
    assert r.status == 201, body
    return body["token"]

def ensure_fixtures(db, password):
    """An institution to write to, and `admin` when the server has not bootstrapped it."""
    con = sqlite3.connect(db, timeout=10)
    if con.execute("SELECT COUNT(*) FROM users WHERE username = 'admin'").fetchone()[0] == 0:
        salt = os.urandom(16)
        key = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 1000, 32)
        encoded = "pbkdf2-sha256$1000$%s$%s" % (base64.b64encode(salt).decode(), base64.b64encode(key).decode())
        con.execute("""INSERT INTO users (username, display_name, role, password_hash, created_at, updated_at)
                       VALUES ('admin', 'admin', 'admin', ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')""", (encoded,))
    con.execute("""INSERT OR IGNORE INTO institutions (id, code, name, kind, headcount, created_at, updated_at)
                   VALUES (1, 'BENCH', 'bench', 'other', 100, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')""")
    con.commit()
    con.close()

def batch(size, seed):
    cats = ["recyclable", "food", "residual", "hazardous", "湿垃圾", "干垃圾"]
    return json.dumps({"entries": [
        {"occurred_on": "2026-11-%02d" % (1 + (seed + i) % 20), "category": cats[(seed + i) % len(cats)],
         "weight_kg": round(0.001 * (1 + (seed * 7 + i) % 99999), 3), "stage": "collected",
         "hauler": "尖山区环卫所", "disposal": "recycled" if i % 2 else "incinerated"} for i in range(size)]})

def client(port, token, bodies, statuses):
    c = http.client.HTTPConnection("127.0.0.1", port)
    headers = {"Content-Type": "application/json", "Authorization": "Bearer " + token}
    for body in bodies:
        c.request("POST", "/v1/institutions/1/ledger-entries", body, headers)
        r = c.getresponse()
        r.read()
        statuses.append(r.status)

def main():
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--password", required=True)
    p.add_argument("--db", required=True)
    p.add_argument("--batches", type=int, default=40)
    p.add_argument("--size", type=int, default=500)
    p.add_argument("--clients", type=int, default=1)
    p.add_argument("--print-token", action="store_true", help="only set up, log in and print a token (for wrk)")
    a = p.parse_args()
    ensure_fixtures(a.db, a.password)
    token = login(a.port, a.password)
    if a.print_token:
        print(token)
        return
    bodies = [batch(a.size, n) for n in range(a.batches)]
    statuses = []
    per = [bodies[i::a.clients] for i in range(a.clients)]
    threads = [threading.Thread(target=client, args=(a.port, token, b, statuses)) for b in per]
    start = time.perf_counter()
    for t in threads: t.start()
    for t in threads: t.join()
    elapsed = time.perf_counter() - start
    ok = statuses.count(201)
    print(f"{a.clients} client(s), {a.batches} batches of {a.size}: {ok}/{len(statuses)} × 201 in {elapsed:.2f} s "
          f"= {ok * a.size / elapsed:,.0f} entries/s ({elapsed / max(len(statuses), 1) * 1000:.1f} ms per batch)")

if __name__ == "__main__":
    main()
