-- Rate-limit windows of different lengths (a minute, a day) side by side: each row
-- says when its window ends, and ended windows are removed by that, so a day's count
-- is never forgotten with the minutes' (which the window start alone could not tell).
-- Rows from before know no end and are removed at the next clean-up.
-- Keep in step with ../sqlite/0016_rate_limit_windows.sql.
ALTER TABLE rate_limit ADD COLUMN window_end_ms BIGINT NOT NULL DEFAULT 0;
DROP INDEX rate_limit_by_window;
CREATE INDEX rate_limit_by_end ON rate_limit (window_end_ms);
