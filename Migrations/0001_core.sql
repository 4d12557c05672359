-- Core schema: district settings, institutions, people and access, audit, idempotency.
-- Instants are RFC 3339 UTC text ("2026-11-29T03:12:45Z"); dates are "YYYY-MM-DD".

CREATE TABLE settings (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    document TEXT NOT NULL,                -- the settings as JSON, validated by the API
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE institutions (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('party_government_organ', 'public_institution',
                                       'social_organization', 'state_enterprise', 'other')),
    parent_department TEXT,
    address TEXT,
    headcount INTEGER NOT NULL DEFAULT 0 CHECK (headcount >= 0),
    floors INTEGER NOT NULL DEFAULT 1 CHECK (floors >= 0),
    has_canteen INTEGER NOT NULL DEFAULT 0 CHECK (has_canteen IN (0, 1)),
    building_area_centi_m2 INTEGER CHECK (building_area_centi_m2 >= 0),   -- m² × 100
    contact_name TEXT,
    contact_phone TEXT,
    working_body_established_on TEXT,
    plan_submitted_on TEXT,
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX institutions_by_kind ON institutions(kind, id);
CREATE INDEX institutions_by_status ON institutions(status, id);

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'inspector', 'clerk', 'viewer')),
    institution_id INTEGER REFERENCES institutions(id),
    password_hash TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    CHECK ((role = 'clerk') = (institution_id IS NOT NULL))
);
CREATE INDEX users_by_institution ON users(institution_id);

-- Session and API tokens; only the SHA-256 of a token is stored.
CREATE TABLE tokens (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id),
    kind TEXT NOT NULL CHECK (kind IN ('session', 'api')),
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    expires_at TEXT,
    revoked_at TEXT,
    last_used_at TEXT
);
CREATE INDEX tokens_by_user ON tokens(user_id, id);

CREATE TABLE audit_events (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor_id INTEGER,
    actor_username TEXT,
    entity TEXT NOT NULL,
    entity_id INTEGER,
    action TEXT NOT NULL,
    before TEXT,
    after TEXT
);
CREATE INDEX audit_by_entity ON audit_events(entity, entity_id, id);
CREATE INDEX audit_by_actor ON audit_events(actor_id, id);
CREATE INDEX audit_by_time ON audit_events(at, id);

-- Responses of creating POSTs by Idempotency-Key, so a retried script creates nothing twice.
CREATE TABLE idempotency_keys (
    user_id INTEGER NOT NULL,
    key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    status INTEGER NOT NULL,
    headers TEXT NOT NULL,                 -- JSON object of the replayed headers
    body BLOB NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (user_id, key)
);
