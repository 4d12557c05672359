-- Publicity and training activities, awareness surveys, task lists and dedicated funding
-- (SPEC §5): four institution-scoped resources of the same shape. Rows are deleted for real
-- on DELETE; the audit log keeps each deleted row as its `before`.
-- Dates are "YYYY-MM-DD"; money is integer fen (yuan × 100).

CREATE TABLE activities (
    id INTEGER PRIMARY KEY AUTOINCREMENT,   -- rows are deleted: ids must never be reused
    institution_id INTEGER NOT NULL REFERENCES institutions(id),
    kind TEXT NOT NULL CHECK (kind IN ('training', 'pledge', 'commitment_signing', 'materials', 'other')),
    title TEXT NOT NULL,
    held_on TEXT NOT NULL,
    participants INTEGER NOT NULL DEFAULT 0 CHECK (participants >= 0),
    materials_count INTEGER NOT NULL DEFAULT 0 CHECK (materials_count >= 0),
    note TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX activities_by_institution ON activities(institution_id, id);
CREATE INDEX activities_by_date ON activities(held_on, kind);

CREATE TABLE surveys (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    institution_id INTEGER NOT NULL REFERENCES institutions(id),
    surveyed_on TEXT NOT NULL,
    respondents INTEGER NOT NULL CHECK (respondents >= 1),
    aware INTEGER NOT NULL CHECK (aware BETWEEN 0 AND respondents),
    participating INTEGER NOT NULL CHECK (participating BETWEEN 0 AND respondents),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX surveys_by_institution ON surveys(institution_id, id);
CREATE INDEX surveys_by_date ON surveys(surveyed_on);

CREATE TABLE tasks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    institution_id INTEGER NOT NULL REFERENCES institutions(id),
    title TEXT NOT NULL,
    owner TEXT NOT NULL,
    due_on TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'done')),
    done_on TEXT,
    note TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    CHECK ((status = 'done') = (done_on IS NOT NULL))
);
CREATE INDEX tasks_by_institution ON tasks(institution_id, id);
CREATE INDEX tasks_by_due ON tasks(status, due_on);

CREATE TABLE funding (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    institution_id INTEGER NOT NULL REFERENCES institutions(id),
    year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    budget_fen INTEGER NOT NULL CHECK (budget_fen >= 0),
    spent_fen INTEGER NOT NULL DEFAULT 0 CHECK (spent_fen >= 0),
    purpose TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX funding_by_institution ON funding(institution_id, id);
CREATE INDEX funding_by_year ON funding(year);
