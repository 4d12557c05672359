-- wrk script: one ledger entry per POST (single-entry create), token from the TOKEN environment variable.
-- usage: TOKEN=... wrk -t2 -c64 -d15s -s scripts/ledger-post.lua http://127.0.0.1:PORT
wrk.method = "POST"
wrk.path = "/v1/institutions/1/ledger-entries"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
wrk.body = '{"occurred_on":"2026-11-02","category":"湿垃圾","weight_kg":12.345,"stage":"collected","hauler":"尖山区环卫所"}'

-- wrk reports "Non-2xx or 3xx responses" itself; every success is a 201.
