#!/usr/bin/env python3
"""Opens N idle keep-alive connections to a server on loopback, reports the server's RSS
and thread count while they are open, then closes them. Bounded: holds them `--hold` seconds.

usage: scripts/idle-connections.py --port 8080 --pid PID [--count 10000] [--hold 3]
"""
import argparse, resource, socket, time

def status(pid):
    fields = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            key, _, value = line.partition(":")
            fields[key] = value.strip()
    return fields

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--pid", type=int, required=True)
    parser.add_argument("--count", type=int, default=10000)
    parser.add_argument("--hold", type=float, default=3)
    args = parser.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, args.count + 1000), hard))
    before = status(args.pid)
    sockets = []
    for i in range(args.count):
        s = socket.create_connection(("127.0.0.1", args.port))
        if i % 100 == 0:   # every 100th connection does one request, so they are real HTTP clients
            s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
            s.recv(4096)
        sockets.append(s)
    time.sleep(args.hold)
    during = status(args.pid)
    probe = socket.create_connection(("127.0.0.1", args.port))
    probe.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
    answered = probe.recv(4096).startswith(b"HTTP/1.1 200")
    for s in sockets:
        s.close()
    print(f"connections={args.count} rss_before={before['VmRSS']} rss_with_idle={during['VmRSS']} "
          f"threads_before={before['Threads']} threads_with_idle={during['Threads']} still_answers={answered}")

if __name__ == "__main__":
    main()
