-- Sign-ins under way at the identity provider: single use, bound to the browser that
-- started them, kept at most ten minutes. Only hashes of the state and of the
-- browser's cookie are stored.
CREATE TABLE login_attempt (
    state_hash TEXT PRIMARY KEY,
    browser_hash TEXT NOT NULL,
    nonce TEXT NOT NULL,
    pkce_verifier TEXT NOT NULL,
    created_ms BIGINT NOT NULL
);
CREATE INDEX login_attempt_by_age ON login_attempt (created_ms);
