-- The staff area: accounts, their set-password links and sessions,
-- sign-in throttles, the audit log, who published each version, and the
-- texts kept for a clerk.
--
-- Portable SQL, the same for SQLite and PostgreSQL: BIGINT and TEXT
-- only, ids given by the program, times in seconds since 1970 (UTC) but
-- the audit log's, in milliseconds so that its order is the order things
-- happened in.

CREATE TABLE accounts (
    id BIGINT PRIMARY KEY,
    -- The name signed in with, lower case, NFC.
    name TEXT NOT NULL UNIQUE,
    -- The office the account edits; NULL for an administrator.
    office TEXT,
    admin BIGINT NOT NULL,
    -- An argon2id PHC string; NULL until a password is set.
    password_hash TEXT,
    disabled BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    password_at BIGINT
);

CREATE TABLE password_links (
    -- SHA-256 of the link's token: the token itself is never stored.
    token_hash TEXT PRIMARY KEY,
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);

CREATE INDEX password_links_account ON password_links (account_id);

CREATE TABLE sessions (
    -- SHA-256 of the cookie's token.
    token_hash TEXT PRIMARY KEY,
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    -- The host the session was opened on, keyed: it is good there only.
    host TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    seen_at BIGINT NOT NULL
);

CREATE INDEX sessions_account ON sessions (account_id);

CREATE TABLE throttles (
    -- 'account:<hash of the name typed>' or 'client:<address>'.
    key TEXT PRIMARY KEY,
    failures BIGINT NOT NULL,
    last_at BIGINT NOT NULL,
    until_at BIGINT NOT NULL
);

CREATE TABLE audit (
    at_ms BIGINT NOT NULL,
    -- The account's name, or for a failed sign-in with a name that is no
    -- account's, 'unknown:' and the start of its hash.
    account TEXT,
    office TEXT,
    action TEXT NOT NULL,
    detail TEXT NOT NULL,
    client TEXT
);

CREATE INDEX audit_at ON audit (at_ms);

CREATE TABLE versions (
    office TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    account TEXT NOT NULL,
    note TEXT NOT NULL,
    at BIGINT NOT NULL,
    PRIMARY KEY (office, content_hash)
);

CREATE TABLE drafts (
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    office TEXT NOT NULL,
    -- 'proposal': a checked change waiting to be published; 'unsent': a
    -- form sent after the session ended.
    kind TEXT NOT NULL,
    -- Where the text goes: the form's path, or what the proposal does.
    target TEXT NOT NULL,
    -- The content hash of the charter the text was based on.
    base_hash TEXT NOT NULL,
    body TEXT NOT NULL,
    saved_at BIGINT NOT NULL,
    PRIMARY KEY (account_id, office, kind)
);
