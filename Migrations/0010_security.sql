-- Security, second round (issue 13; docs/DECISIONS.md "Security, second round").

-- `wastesort user unlock USERNAME` records an unlock here; the running server keeps its login
-- throttle in memory and, when a lock would refuse a login, lifts it if an unlock of that
-- username was recorded after the lock's first failure.
CREATE TABLE login_unlocks (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL COLLATE NOCASE,
    unlocked_at TEXT NOT NULL
);
CREATE INDEX login_unlocks_by_username ON login_unlocks(username, unlocked_at);

-- The TOTP second factor (RFC 6238): the shared secret (base32), when it was confirmed (NULL
-- while enrolment is pending) and the last time step used, so a code is never accepted twice.
CREATE TABLE user_totp (
    user_id INTEGER PRIMARY KEY REFERENCES users(id),
    secret TEXT NOT NULL,
    created_at TEXT NOT NULL,
    enabled_at TEXT,
    last_step INTEGER NOT NULL DEFAULT 0
);

-- Institution codes are unique regardless of letter case. Codes that already differ only in
-- case stop the upgrade, naming them, rather than losing a row: SQLite's RAISE works only in
-- triggers, so the message travels as the text of a deliberately invalid JSON path, which
-- SQLite quotes in its error ("JSON path error near '…'").
SELECT CASE WHEN count(*) > 0 THEN json_extract('{}',
        'institution codes that differ only in letter case: ' || group_concat(codes, '; ')
        || ' (rename one of each, then start again)') END
FROM (SELECT group_concat(code, ' = ') AS codes FROM institutions
      GROUP BY code COLLATE NOCASE HAVING count(*) > 1);
CREATE UNIQUE INDEX institutions_code_nocase ON institutions(code COLLATE NOCASE);
