-- Citizens' reports of what is wrong on a page of an office, the keys
-- that hash a sender's address for the rate limits, and the counts of
-- those limits.
--
-- Portable SQL, as 0001: BIGINT and TEXT only, ids given by the program,
-- times in seconds since 1970 (UTC).

CREATE TABLE feedback (
    id BIGINT PRIMARY KEY,
    -- The office the host named (never the form).
    office TEXT NOT NULL,
    -- The page's path, without its query; one of the office's own pages.
    page TEXT NOT NULL,
    -- The service's slug when the page is a service's, else ''.
    service TEXT NOT NULL,
    lang TEXT NOT NULL,
    -- 'wrong', 'outdated', 'unclear', 'overcharged' or 'other'.
    category TEXT NOT NULL,
    body TEXT NOT NULL,
    -- A phone number or e-mail address the sender typed to be answered;
    -- '' when none was given, or once deleted.
    contact TEXT NOT NULL,
    at BIGINT NOT NULL,
    -- When a member of staff marked it handled (0: not yet), who, and
    -- their note.
    handled_at BIGINT NOT NULL,
    handled_by TEXT NOT NULL,
    note TEXT NOT NULL
);

CREATE INDEX feedback_office_at ON feedback (office, at);
CREATE INDEX feedback_at ON feedback (at);

-- The random key a sender's address is hashed with (one row, id 1); a new
-- one each day, so that no stored hash can be tied to an address after.
CREATE TABLE feedback_keys (
    id BIGINT PRIMARY KEY,
    secret TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

-- Reports counted per window: 'client:<keyed hash>', 'office:<id>', 'all'.
CREATE TABLE feedback_limits (
    key TEXT PRIMARY KEY,
    window_start BIGINT NOT NULL,
    count BIGINT NOT NULL
);
