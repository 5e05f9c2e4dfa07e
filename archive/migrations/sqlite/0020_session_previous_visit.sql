-- The end of the person's previous visit (their last audited action before this
-- sign-in, UTC milliseconds; NULL on a first visit), found once when the session
-- begins and kept with it, switching whom to act for included: the front page counts
-- what is new from it without reading the audit trail on every view. Sessions begun
-- before this migration have none (their front page tells nothing new until the next
-- sign-in).
ALTER TABLE web_session ADD COLUMN previous_visit_ms BIGINT;
