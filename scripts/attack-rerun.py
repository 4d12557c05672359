#!/usr/bin/env python3
"""Reruns issue 13's attack reproductions F1, F4, F6 and F7 (ledger-reports) against a binary and
prints one line per reproduction: what was sent and what came back. F2 is scripts/login-flood.py.

    scripts/attack-rerun.py --binary .build/debug/wastesort
    scripts/attack-rerun.py --binary /path/to/old/wastesort --migrations /path/to/old/Migrations --legacy

Each run starts its own server on a fresh database in a temporary directory, with
--trusted-proxy 127.0.0.1 unless --legacy (a binary from before issue 13), so that an
X-Forwarded-For header stands for a client address. The server is stopped by PID at the end.
"""
import argparse, http.client, json, os, re, signal, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PASSWORD = "attack-rerun-admin-password"


class Client:
    def __init__(self, port):
        self.port = port

    def send(self, method, path, body=None, token=None, headers=None, raw=None, content_type="application/json"):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        data = raw if raw is not None else (json.dumps(body, ensure_ascii=False).encode() if body is not None else None)
        all_headers = {"Content-Type": content_type} if data is not None else {}
        if token:
            all_headers["Authorization"] = f"Bearer {token}"
        all_headers.update(headers or {})
        connection.request(method, path, body=data, headers=all_headers)
        response = connection.getresponse()
        payload = response.read()
        connection.close()
        try:
            parsed = json.loads(payload)
        except ValueError:
            parsed = None
        return response.status, parsed, payload

    def login(self, username, password, address=None):
        headers = {"X-Forwarded-For": address} if address else {}
        return self.send("POST", "/v1/sessions", {"username": username, "password": password}, headers=headers)


def start(binary, directory, migrations, legacy):
    env = dict(os.environ, WASTESORT_ADMIN_PASSWORD=PASSWORD, WASTESORT_MIGRATIONS=migrations)
    command = [binary, "serve", "--db", os.path.join(directory, "attack.db"), "--port", "0", "--quiet"]
    if not legacy:
        command += ["--trusted-proxy", "127.0.0.1"]
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    deadline = time.time() + 60
    while time.time() < deadline:
        match = re.search(r"serving http://[^:]+:(\d+)", process.stdout.readline() or "")
        if match:
            return process, int(match.group(1))
        if process.poll() is not None:
            break
    process.kill()
    sys.exit("the server did not start")


def report(finding, what, result):
    print(f"{finding}\t{what}\t{result}")


def run(client):
    token = client.login("admin", PASSWORD, "198.51.100.8")[1]["token"]  # before F1 locks anything
    # F1: five wrong passwords for admin from client A, then the right one from A and from B.
    for _ in range(5):
        client.login("admin", "wrong-password", "203.0.113.9")
    report("F1", "right password from A after 5 wrong from A", client.login("admin", PASSWORD, "203.0.113.9")[0])
    report("F1", "right password from B after 5 wrong from A", client.login("admin", PASSWORD, "198.51.100.7")[0])
    # F1: one password sprayed over 40 usernames from one client.
    statuses = [client.login(f"user{n}", "Summer2026!", "203.0.113.50")[0] for n in range(40)]
    report("F1", "spray: 40 usernames from one client, statuses of the last 5", statuses[-5:])

    def institution(code, name, extra=None):
        payload = {"code": code, "name": name, "kind": "other"}
        payload.update(extra or {})
        return client.send("POST", "/v1/institutions", payload, token=token)

    # F4: look-alike duplicates.
    report("F4", "JS-0004 then js-0004", [institution("JS-0004", "甲单位")[0], institution("js-0004", "乙单位")[0]])
    institution("BASE1", "丙单位")
    looks = [("trailing space", "丙单位 "), ("leading space", " 丙单位"), ("zero-width space", "丙\u200b单位"),
             ("NUL", "丙单位\u0000"), ("right-to-left override", "\u202e丙单位"), ("\\n\\t", "丙\n\t单位")]
    for number, (label, name) in enumerate(looks):
        report("F4", f"name with {label} next to 丙单位", institution(f"LOOK{number}", name)[0])
    report("F4", "Café in NFC then NFD", [institution("CAFE1", "Café")[0], institution("CAFE2", "Cafe\u0301")[0]])
    raw = b'{"code":"NUL1","name":"nul","kind":"other","address":"a\\u0000b"}'
    report("F4", "escaped \\u0000 in free text (address)",
           client.send("POST", "/v1/institutions", raw=raw, token=token)[0])
    # F6: a clerk moved to another institution keeps its tokens?
    _, first, _ = institution("MOVE1", "迁出单位")
    _, second, _ = institution("MOVE2", "迁入单位")
    _, user, _ = client.send("POST", "/v1/users", {"username": "mover", "display_name": "M", "role": "clerk",
                                                  "institution_id": first["id"], "password": "mover-long-password"}, token=token)
    _, session, _ = client.login("mover", "mover-long-password", "198.51.100.9")
    clerk = session["token"]
    client.send("GET", "/v1/me", token=clerk)
    client.send("PATCH", f"/v1/users/{user['id']}", {"institution_id": second["id"]}, token=token)
    report("F6", "old session after the move: GET /v1/me", client.send("GET", "/v1/me", token=clerk)[0])
    # F7: ledger-reports of a month over 2,000 institutions.
    lines = ["code,name,kind"] + [f"BIG{n:05d},大单位{n},other" for n in range(2000)]
    status, _, _ = client.send("POST", "/v1/institutions/import", raw=("\n".join(lines) + "\n").encode(), token=token,
                               content_type="text/csv; charset=utf-8")
    status, body, payload = client.send("GET", "/v1/ledger-reports?month=2026-10", token=token)
    report("F7", "GET /v1/ledger-reports?month= over 2,000+ institutions",
           f"{status}, {len(body['items'])} items, {len(payload):,} bytes, next_cursor={'next_cursor' in body and body['next_cursor'] is not None}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/debug/wastesort"))
    parser.add_argument("--migrations", default=os.path.join(ROOT, "Migrations"))
    parser.add_argument("--legacy", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        process, port = start(args.binary, directory, args.migrations, args.legacy)
        try:
            run(Client(port))
        finally:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()


if __name__ == "__main__":
    main()
