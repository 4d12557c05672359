-- District settings: one row, edited through PUT /v1/settings.
CREATE TABLE settings (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    document TEXT NOT NULL,            -- the settings as JSON, validated by the API
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
