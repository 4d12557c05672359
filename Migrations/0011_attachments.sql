-- Evidence (佐证材料): photos and documents on inspections, findings (`stage`: found or
-- rectified) and institutions (`kind` of document). The bytes are files named by their SHA-256
-- in the directory beside the database (docs/DECISIONS.md, "Evidence files beside the
-- database"); a row is committed only after its file is durable. Several rows may name one file.
CREATE TABLE attachments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,   -- ids are never reused: URLs of deleted files stay dead
    owner_type TEXT NOT NULL CHECK (owner_type IN ('inspection', 'finding', 'institution')),
    owner_id INTEGER NOT NULL,
    institution_id INTEGER NOT NULL REFERENCES institutions(id),
    stage TEXT CHECK (stage IN ('found', 'rectified')),
    kind TEXT CHECK (kind IN ('plan', 'task_list', 'commitment', 'responsibility_letter', 'training', 'publicity', 'other')),
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    size INTEGER NOT NULL CHECK (size > 0),
    media_type TEXT NOT NULL,
    filename TEXT NOT NULL,
    -- From the photo's EXIF data, when present: capture time (ISO 8601, with its offset) and position.
    taken_at TEXT,
    latitude REAL,
    longitude REAL,
    -- JSON array of {code, message}: what the office should look at (never a refusal).
    warnings TEXT NOT NULL DEFAULT '[]',
    uploaded_by INTEGER NOT NULL REFERENCES users(id),
    uploaded_at TEXT NOT NULL,
    CHECK ((owner_type = 'finding') = (stage IS NOT NULL)),
    CHECK ((owner_type = 'institution') = (kind IS NOT NULL))
);
CREATE INDEX attachments_by_owner ON attachments(owner_type, owner_id, id);
CREATE INDEX attachments_by_hash ON attachments(sha256);

-- Where an institution is, for the "photo taken far away" warning; set by the institution API.
ALTER TABLE institutions ADD COLUMN latitude REAL;
ALTER TABLE institutions ADD COLUMN longitude REAL;
