-- Others' events on a person's trail, and care organisations' queries, each in an index
-- of its own that holds only them (partial), by subject and time: the front page's
-- counts since the previous visit and the disclosure log read these, never the
-- person's own events, however many their visit writes. The (subject, actor, time)
-- index served the counts only while the planner chose it: PostgreSQL's plan kept for
-- a connection could read the subject's whole trail since the previous visit by the
-- primary key (subject, time) instead, and a front page then cost more with every
-- page of the same visit (BENCHMARKS.md). A query's `actor_id <> subject_id` or
-- `actor_id IS NULL` is the index's own condition, so both databases can prove it
-- serves.
CREATE INDEX audit_event_by_others ON audit_event (subject_id, at_ms, actor_id)
    WHERE actor_id <> subject_id;
CREATE INDEX audit_event_by_providers ON audit_event (subject_id, at_ms, actor_organisation_id)
    WHERE actor_id IS NULL;
