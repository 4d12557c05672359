-- The first month whose ledger report an institution owes (docs/API.md, "Reporting obligation").
-- Existing institutions owe from the month they were registered in: the first day of their
-- registration month (created_at is an RFC 3339 UTC instant), so no month they reported is lost
-- from their record. New registrations default to the first day of the following month.
ALTER TABLE institutions ADD COLUMN reporting_starts_on TEXT
    CHECK (reporting_starts_on IS NULL OR reporting_starts_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');
UPDATE institutions SET reporting_starts_on = substr(created_at, 1, 7) || '-01';
