-- Rate-limit counters that several servers share: one row per limit, key and window.
-- Keys are hashed (a client address or a person's id never stands here as it is).
-- Keep in step with ../postgres/0008_rate_limit.sql.
CREATE TABLE rate_limit (
    key_hash TEXT NOT NULL,
    window_start_ms BIGINT NOT NULL,
    events BIGINT NOT NULL,
    PRIMARY KEY (key_hash, window_start_ms)
);
CREATE INDEX rate_limit_by_window ON rate_limit (window_start_ms);
