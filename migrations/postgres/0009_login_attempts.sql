-- Sign-in attempts, counted before the password is checked, per key: the tenant and
-- the account (any address), the account from one address, or one address. Kept in
-- the database so a restart or a second replica neither resets nor multiplies them.
-- The key is a SHA-256 of what it names: no address or e-mail is stored in clear (an
-- address could still be found by hashing guesses; a keyed hash is noted as follow-up).
CREATE TABLE login_attempts (
    key_hash        TEXT PRIMARY KEY,
    window_start    BIGINT NOT NULL,
    attempts        BIGINT NOT NULL,
    last_attempt_at BIGINT NOT NULL
);
CREATE INDEX login_attempts_window ON login_attempts (window_start);
