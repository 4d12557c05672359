-- Ledger (台帐): entries with weights in integer grams, and the monthly report workflow.
-- Dates are "YYYY-MM-DD", months "YYYY-MM", instants RFC 3339 UTC text.

CREATE TABLE ledger_entries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,   -- entries are deleted: ids must never be reused
    institution_id INTEGER NOT NULL REFERENCES institutions(id),
    occurred_on TEXT NOT NULL,
    month TEXT NOT NULL CHECK (month = substr(occurred_on, 1, 7)),   -- the report it belongs to
    category TEXT NOT NULL CHECK (category IN ('recyclable', 'hazardous', 'food', 'residual')),
    subcategory TEXT,
    weight_g INTEGER NOT NULL CHECK (weight_g > 0 AND weight_g <= 100000000),  -- kg × 1000, exact
    weighed INTEGER NOT NULL DEFAULT 1 CHECK (weighed IN (0, 1)),              -- 0: estimated
    stage TEXT NOT NULL CHECK (stage IN ('collected', 'transported', 'treated')),
    hauler TEXT,
    destination TEXT,
    disposal TEXT CHECK (disposal IN ('recycled', 'composted', 'incinerated', 'landfilled',
                                      'hazardous_treatment', 'other')),
    manifest_no TEXT,
    note TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
-- Listing one institution's entries page by page, and one month of it for reports.
CREATE INDEX ledger_entries_by_institution ON ledger_entries(institution_id, id);
CREATE INDEX ledger_entries_by_month ON ledger_entries(institution_id, month);
-- Statistics over a date range: covering, so sums never touch the table.
CREATE INDEX ledger_entries_for_stats
    ON ledger_entries(occurred_on, institution_id, category, stage, disposal, weight_g);

-- One row per institution and month once the report has left `open`; no row means open.
CREATE TABLE ledger_reports (
    id INTEGER PRIMARY KEY,
    institution_id INTEGER NOT NULL REFERENCES institutions(id),
    month TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'submitted', 'accepted', 'returned')),
    submitted_at TEXT,
    submitted_by INTEGER REFERENCES users(id),
    accepted_at TEXT,
    accepted_by INTEGER REFERENCES users(id),
    returned_at TEXT,
    returned_by INTEGER REFERENCES users(id),
    return_reason TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (institution_id, month)
);
CREATE INDEX ledger_reports_by_month ON ledger_reports(month, status);
