-- Fair obligations, honest scores and the notice's life cycle (docs/DECISIONS.md, issue 12).

-- Empty months: a month without entries is submitted only as a declared `no_waste`, with its reason.
ALTER TABLE ledger_reports ADD COLUMN no_waste INTEGER NOT NULL DEFAULT 0 CHECK (no_waste IN (0, 1));
ALTER TABLE ledger_reports ADD COLUMN no_waste_reason TEXT;

-- Measured rubric items: an item may be scored from the data (`accuracy_sample`, `ledger`); an
-- inspection keeps the measured score beside the one the inspector gave.
ALTER TABLE rubric_items ADD COLUMN source TEXT CHECK (source IN ('accuracy_sample', 'ledger'));
ALTER TABLE inspection_scores ADD COLUMN measured_tenths INTEGER CHECK (measured_tenths >= 0);
UPDATE rubric_items SET source = 'accuracy_sample' WHERE rubric_id = 1 AND code = 'C3';
UPDATE rubric_items SET source = 'ledger' WHERE rubric_id = 1 AND code = 'C6';

-- The notice's life cycle: a published notice may be superseded by a later one for the same
-- (period, kind), or withdrawn with a reason; it stays readable and its number is never reused.
-- `status` keeps 'draft'/'published' (its CHECK cannot change without rebuilding the table);
-- superseded and withdrawn are these columns.
ALTER TABLE notices ADD COLUMN supersedes INTEGER REFERENCES notices(id);
ALTER TABLE notices ADD COLUMN superseded_by INTEGER REFERENCES notices(id);
ALTER TABLE notices ADD COLUMN withdrawn_at TEXT;
ALTER TABLE notices ADD COLUMN withdrawn_by INTEGER REFERENCES users(id);
ALTER TABLE notices ADD COLUMN withdrawal_reason TEXT;
