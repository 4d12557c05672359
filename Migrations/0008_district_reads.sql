-- Rankings, the overview and notices read the counted inspections and the submitted reports of
-- every institution at once. Indexes that hold every column those reads need spare one table
-- lookup per row: on a district of 5,000 institutions, most of a cold ranking's time.
DROP INDEX inspections_counted;
CREATE INDEX inspections_counted
    ON inspections(inspected_on, id, institution_id, kind, rubric_id, total_tenths) WHERE status = 'finalized';

DROP INDEX ledger_reports_by_month;
CREATE INDEX ledger_reports_by_month ON ledger_reports(month, status, institution_id, submitted_at);

-- Publicity facts (trainings and pledges of a period) for every institution at once.
DROP INDEX activities_by_date;
CREATE INDEX activities_by_date ON activities(held_on, kind, institution_id);

-- The facility rules need only the number of bins of each category at a collection point.
-- Reading them out of the `bins` document for every point of a district costs more than the
-- rest of the facility load together, so the counts are kept beside it, by triggers, whatever
-- writes the document. `bins` stays the record the API shows.
ALTER TABLE collection_points ADD COLUMN recyclable_bins INTEGER;
ALTER TABLE collection_points ADD COLUMN hazardous_bins INTEGER;
ALTER TABLE collection_points ADD COLUMN food_bins INTEGER;
ALTER TABLE collection_points ADD COLUMN residual_bins INTEGER;

UPDATE collection_points SET
    recyclable_bins = json_extract(bins, '$.recyclable.count'),
    hazardous_bins = json_extract(bins, '$.hazardous.count'),
    food_bins = json_extract(bins, '$.food.count'),
    residual_bins = json_extract(bins, '$.residual.count');

CREATE TRIGGER collection_points_bin_counts_after_insert AFTER INSERT ON collection_points
BEGIN
    UPDATE collection_points SET
        recyclable_bins = json_extract(NEW.bins, '$.recyclable.count'),
        hazardous_bins = json_extract(NEW.bins, '$.hazardous.count'),
        food_bins = json_extract(NEW.bins, '$.food.count'),
        residual_bins = json_extract(NEW.bins, '$.residual.count')
    WHERE id = NEW.id;
END;

CREATE TRIGGER collection_points_bin_counts_after_update AFTER UPDATE OF bins ON collection_points
BEGIN
    UPDATE collection_points SET
        recyclable_bins = json_extract(NEW.bins, '$.recyclable.count'),
        hazardous_bins = json_extract(NEW.bins, '$.hazardous.count'),
        food_bins = json_extract(NEW.bins, '$.food.count'),
        residual_bins = json_extract(NEW.bins, '$.residual.count')
    WHERE id = NEW.id;
END;
