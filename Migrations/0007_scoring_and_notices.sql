-- Scoring schemes (versioned; the latest applies) and notices (通报).

CREATE TABLE scoring_schemes (
    version INTEGER PRIMARY KEY CHECK (version >= 1),
    document TEXT NOT NULL,                 -- the scheme as JSON, validated by the API
    created_at TEXT NOT NULL,
    created_by INTEGER REFERENCES users(id) -- NULL: shipped with the system
);

CREATE TABLE notices (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('monthly', 'quarterly', 'semiannual')),
    period TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('draft', 'published')),
    year INTEGER,                           -- numbering year, set on publication
    sequence INTEGER,                       -- 序号 within the year, set on publication
    number TEXT,                            -- e.g. 尖垃分办〔2026〕7号
    content TEXT NOT NULL,                  -- the notice content as JSON; frozen once published
    created_at TEXT NOT NULL,
    created_by INTEGER REFERENCES users(id),
    updated_at TEXT NOT NULL,
    published_at TEXT,
    published_by INTEGER REFERENCES users(id),
    version INTEGER NOT NULL DEFAULT 1,
    CHECK ((status = 'published') = (number IS NOT NULL)),
    UNIQUE (year, sequence)
);
CREATE INDEX notices_by_year ON notices(year, sequence);
CREATE INDEX notices_by_period ON notices(period, kind);
