-- Facilities (投放设施): collection points with bins, storage rooms, hauler contracts, and the
-- versioned configuration standard they are judged by. Facility rows are soft-deleted
-- (deleted_at) so compliance on a past day still sees what existed then.

CREATE TABLE collection_points (
    id INTEGER PRIMARY KEY,
    institution_id INTEGER NOT NULL REFERENCES institutions(id),
    location TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('office_floor', 'canteen', 'entrance', 'outdoor', 'other')),
    floor INTEGER,
    bins TEXT NOT NULL DEFAULT '{}',       -- JSON {category code: {count, capacity_l}}, validated by the API
    signage_ok INTEGER NOT NULL DEFAULT 0 CHECK (signage_ok IN (0, 1)),
    note TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    deleted_at TEXT
);
CREATE INDEX collection_points_by_institution ON collection_points(institution_id, id);

CREATE TABLE storage_rooms (
    id INTEGER PRIMARY KEY,
    institution_id INTEGER NOT NULL REFERENCES institutions(id),
    location TEXT NOT NULL,
    area_centi_m2 INTEGER CHECK (area_centi_m2 > 0),   -- m² × 100
    categories TEXT NOT NULL DEFAULT '[]',              -- JSON array of category codes kept apart
    sealed INTEGER NOT NULL DEFAULT 0 CHECK (sealed IN (0, 1)),
    ventilated INTEGER NOT NULL DEFAULT 0 CHECK (ventilated IN (0, 1)),
    signage_ok INTEGER NOT NULL DEFAULT 0 CHECK (signage_ok IN (0, 1)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    deleted_at TEXT
);
CREATE INDEX storage_rooms_by_institution ON storage_rooms(institution_id, id);

CREATE TABLE hauler_contracts (
    id INTEGER PRIMARY KEY,
    institution_id INTEGER NOT NULL REFERENCES institutions(id),
    category TEXT NOT NULL CHECK (category IN ('recyclable', 'hazardous', 'food', 'residual')),
    hauler TEXT NOT NULL,
    licence_no TEXT NOT NULL,
    valid_from TEXT NOT NULL,
    valid_to TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    deleted_at TEXT,
    CHECK (valid_from <= valid_to)
);
CREATE INDEX hauler_contracts_by_institution ON hauler_contracts(institution_id, id);

-- Every version of the standard is kept; the latest created on or before a day applies to it.
CREATE TABLE facility_standards (
    version INTEGER PRIMARY KEY,
    document TEXT NOT NULL,                -- {"rules": [...]}, validated by the API
    created_at TEXT NOT NULL,
    created_by INTEGER REFERENCES users(id) -- NULL: shipped with the system
);

-- Version 1: the default standard of SPEC §5 (kept equal to FacilityStandard() by a test).
-- Dated at the epoch so that it applies to every past day.
INSERT INTO facility_standards (version, document, created_at, created_by) VALUES (1, '{"rules":[' ||
    '{"code":"hazardous_point","enabled":true},' ||
    '{"code":"office_point_bins","enabled":true,"categories":["recyclable","residual"]},' ||
    '{"code":"canteen_point_bins","enabled":true,"categories":["food"]},' ||
    '{"code":"bin_sets_per_headcount","enabled":true,"staff_per_bin_set":50},' ||
    '{"code":"office_points_per_floor","enabled":true,"points_per_floor":1},' ||
    '{"code":"storage_room","enabled":true,"headcount_threshold":100,"when_canteen":true,"require_sealed":false,"require_ventilated":false},' ||
    '{"code":"signage","enabled":true},' ||
    '{"code":"hauler_contracts","enabled":true}' ||
    ']}', '1970-01-01T00:00:00Z', NULL);
