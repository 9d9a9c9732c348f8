-- An account's revision: raised whenever its sessions are all ended (a
-- set-password link issued, a password set, the account disabled). A
-- sign-in opens its session only if the revision is still the one it read
-- before checking the password, so that a password checked just before a
-- reset or a change opens nothing.
ALTER TABLE accounts ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;
