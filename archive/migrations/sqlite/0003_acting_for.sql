-- Whom a session acts for; NULL for the person themself. Switching starts a new session.
ALTER TABLE web_session ADD COLUMN acting_for_id BIGINT;
