-- Reminders (催报, 督办): who wants which events where, the events themselves, and the durable
-- outbox of deliveries the delivery worker sends (docs/ARCHITECTURE.md, "Reminders").

CREATE TABLE subscriptions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,   -- ids are never reused: deliveries name them
    channel TEXT NOT NULL CHECK (channel IN ('webhook', 'wecom', 'dingtalk', 'email')),
    events TEXT NOT NULL,                   -- JSON array of event names
    institution_id INTEGER REFERENCES institutions(id),   -- NULL: every institution
    url TEXT,                               -- webhook, wecom, dingtalk
    secret TEXT,                            -- webhook signing secret, dingtalk signing secret; never returned
    addresses TEXT,                         -- email: JSON array of addresses
    created_at TEXT NOT NULL,
    created_by INTEGER REFERENCES users(id),
    deleted_at TEXT,                        -- deleted subscriptions keep their deliveries' history
    CHECK ((channel = 'email') = (addresses IS NOT NULL)),
    CHECK ((channel = 'email') = (url IS NULL))
);
CREATE INDEX subscriptions_live ON subscriptions(deleted_at, institution_id);

-- One row per event, subject and district day: the scheduler and the domain hooks insert with
-- ON CONFLICT DO NOTHING, so a subject is reminded at most once a day whatever runs twice.
CREATE TABLE reminder_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    event TEXT NOT NULL,
    subject TEXT NOT NULL,                  -- e.g. ledger_report:12:2026-11, finding:31
    day TEXT NOT NULL,                      -- the district date it was produced for
    institution_id INTEGER REFERENCES institutions(id),
    message TEXT NOT NULL,                  -- Chinese, for the person who must act
    payload TEXT NOT NULL,                  -- JSON: the event document webhooks receive
    created_at TEXT NOT NULL,
    UNIQUE (event, subject, day)
);

CREATE TABLE deliveries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    delivery_id TEXT NOT NULL UNIQUE,       -- X-Wastesort-Delivery: the same on every retry
    event_id INTEGER NOT NULL REFERENCES reminder_events(id),
    subscription_id INTEGER NOT NULL REFERENCES subscriptions(id),
    status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,       -- unix seconds
    window_started_at INTEGER NOT NULL,     -- retries stop 24 h after this (reset by a manual retry)
    last_attempt_at TEXT,
    last_status INTEGER,                    -- HTTP status of the last attempt, if any
    last_error TEXT,
    delivered_at TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX deliveries_due ON deliveries(status, next_attempt_at);
CREATE INDEX deliveries_by_status ON deliveries(status, id);
