-- Inspections (检查考核): versioned scoring rubrics with the default 100-point rubric,
-- inspections scored on them, and the rectification findings (整改) they raise.
-- Points are stored as integer tenths (rubric items and scores have at most one decimal).

-- A rubric never changes once stored: `version` numbers them, `active` marks the one new
-- inspections are scored on. At most one is active (the partial unique index).
CREATE TABLE rubrics (
    id INTEGER PRIMARY KEY,
    version INTEGER NOT NULL UNIQUE CHECK (version >= 1),
    name TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 0 CHECK (active IN (0, 1)),
    activated_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX rubrics_one_active ON rubrics(active) WHERE active = 1;

CREATE TABLE rubric_sections (
    rubric_id INTEGER NOT NULL REFERENCES rubrics(id),
    code TEXT NOT NULL,
    position INTEGER NOT NULL,
    title_zh TEXT NOT NULL,
    title_en TEXT NOT NULL,
    PRIMARY KEY (rubric_id, code)
);

CREATE TABLE rubric_items (
    rubric_id INTEGER NOT NULL REFERENCES rubrics(id),
    code TEXT NOT NULL,
    section TEXT NOT NULL,
    position INTEGER NOT NULL,
    title_zh TEXT NOT NULL,
    title_en TEXT NOT NULL,
    max_tenths INTEGER NOT NULL CHECK (max_tenths > 0),
    PRIMARY KEY (rubric_id, code),
    FOREIGN KEY (rubric_id, section) REFERENCES rubric_sections(rubric_id, code)
);

-- Only `finalized` inspections count; `voided` ones are kept with their reason.
CREATE TABLE inspections (
    id INTEGER PRIMARY KEY,
    institution_id INTEGER NOT NULL REFERENCES institutions(id),
    rubric_id INTEGER NOT NULL REFERENCES rubrics(id),
    inspected_on TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('monthly', 'unannounced', 'semiannual', 'spot')),
    inspector_id INTEGER NOT NULL REFERENCES users(id),
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'finalized', 'voided')),
    total_tenths INTEGER NOT NULL CHECK (total_tenths >= 0),
    bins_checked INTEGER CHECK (bins_checked >= 1),
    bins_correct INTEGER CHECK (bins_correct >= 0 AND bins_correct <= bins_checked),
    note TEXT,
    finalized_at TEXT,
    finalized_by INTEGER REFERENCES users(id),
    voided_at TEXT,
    voided_by INTEGER REFERENCES users(id),
    void_reason TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    CHECK ((bins_checked IS NULL) = (bins_correct IS NULL)),
    CHECK ((status = 'voided') = (void_reason IS NOT NULL))
);
CREATE INDEX inspections_by_institution ON inspections(institution_id, inspected_on, id);
CREATE INDEX inspections_counted ON inspections(inspected_on, institution_id) WHERE status = 'finalized';

CREATE TABLE inspection_scores (
    inspection_id INTEGER NOT NULL REFERENCES inspections(id),
    code TEXT NOT NULL,
    position INTEGER NOT NULL,
    score_tenths INTEGER NOT NULL CHECK (score_tenths >= 0),
    note TEXT,
    PRIMARY KEY (inspection_id, code)
);

-- 整改通知: `pending` while the inspection is a draft, `open` once it is finalized,
-- `withdrawn` when it is voided. `rectified_on` is the district date of `rectified_at`,
-- kept so that "rectified late" is a plain comparison with `rectify_by`.
CREATE TABLE findings (
    id INTEGER PRIMARY KEY AUTOINCREMENT,   -- pending findings are replaced: ids must never be reused
    inspection_id INTEGER NOT NULL REFERENCES inspections(id),
    institution_id INTEGER NOT NULL REFERENCES institutions(id),
    position INTEGER NOT NULL,
    item_code TEXT NOT NULL,
    description TEXT NOT NULL,
    severity TEXT NOT NULL CHECK (severity IN ('minor', 'major')),
    rectify_by TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'open', 'rectified', 'verified', 'withdrawn')),
    rectified_at TEXT,
    rectified_on TEXT,
    rectified_by INTEGER REFERENCES users(id),
    rectification_note TEXT,
    verified_at TEXT,
    verified_by INTEGER REFERENCES users(id),
    reopened_at TEXT,
    reopen_reason TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX findings_by_status ON findings(status, id);
CREATE INDEX findings_by_institution ON findings(institution_id, status, id);
CREATE INDEX findings_by_inspection ON findings(inspection_id, position);

-- The default rubric: the three areas of 公共机构生活垃圾分类工作评价参考标准 (2019), 100 points.
INSERT INTO rubrics (id, version, name, active, activated_at, created_at, updated_at) VALUES
    (1, 1, '公共机构生活垃圾分类工作评价参考标准（2019）', 1,
     strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));

INSERT INTO rubric_sections (rubric_id, code, position, title_zh, title_en) VALUES
    (1, 'A', 1, '组织管理', 'Organisation'),
    (1, 'B', 2, '宣传教育', 'Publicity and education'),
    (1, 'C', 3, '投放收运', 'Disposal and collection');

INSERT INTO rubric_items (rubric_id, code, section, position, title_zh, title_en, max_tenths) VALUES
    (1, 'A1', 'A', 1, '领导重视、机构健全、职责明确、专人联络', 'Leader in charge, a working department, clear duties and a named liaison', 50),
    (1, 'A2', 'A', 2, '制定工作目标，落实源头减量措施', 'Targets set and source-reduction measures taken', 50),
    (1, 'A3', 'A', 3, '制定实施方案和任务清单', 'Implementation plan and task list', 50),
    (1, 'A4', 'A', 4, '有年度工作计划，定期召开工作会议并总结', 'Annual plan, regular meetings and summaries', 50),
    (1, 'A5', 'A', 5, '逐级签订目标责任书', 'Signed responsibility letters', 50),
    (1, 'A6', 'A', 6, '落实专项工作经费', 'Dedicated funding', 50),
    (1, 'B1', 'B', 7, '宣传海报、电子屏、楼道和食堂宣传', 'Posters, screens, corridor and canteen publicity', 100),
    (1, 'B2', 'B', 8, '开展业务培训', 'Training held', 50),
    (1, 'B3', 'B', 9, '党员干部宣誓、签订承诺书、志愿者服务', 'Pledges, commitment letters and volunteers', 50),
    (1, 'B4', 'B', 10, '职工知晓率随机抽查', 'Staff awareness in a random check', 50),
    (1, 'C1', 'C', 11, '分类收集容器按标准配齐配足', 'Containers configured to the standard', 100),
    (1, 'C2', 'C', 12, '标识规范，张贴投放指南', 'Correct signage and a posted disposal guide', 50),
    (1, 'C3', 'C', 13, '投放准确率（目标≥90%）', 'Disposal accuracy (target ≥ 90 %)', 150),
    (1, 'C4', 'C', 14, '及时清运，无满溢', 'Timely removal, no overflow', 50),
    (1, 'C5', 'C', 15, '与有资质的收运单位签订协议，有害垃圾单独存放', 'Contracts with qualified haulers, hazardous waste stored apart', 50),
    (1, 'C6', 'C', 16, '台帐完整，按时报送', 'Ledger complete and reported on time', 50);
