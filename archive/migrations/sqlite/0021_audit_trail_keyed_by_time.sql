-- The audit trail keyed by (subject, time, id), not (subject, id). The id is random
-- (no sequence to share between servers), so under the old key each new event went
-- to a random place in its subject's range: a front page's nine events dirtied up to
-- nine pages of the key's index, each written whole to the WAL (and on PostgreSQL
-- after a checkpoint as a full page). Keyed by time, a subject's new events go
-- together at the end of its range; the id keeps two events of one millisecond apart.
-- The key also serves what (subject, time) served, so that index goes. The table is
-- made anew (neither database changes a primary key in place the same way), its rows
-- copied; its other indexes, and the triggers that keep it append-only, made again.
-- Keep in step with ../postgres/0021_audit_trail_keyed_by_time.sql.
CREATE TABLE audit_event_keyed (
    subject_id BIGINT NOT NULL,
    at_ms BIGINT NOT NULL,
    id BIGINT NOT NULL,
    actor_id BIGINT NOT NULL,
    acting_right TEXT NOT NULL,
    action TEXT NOT NULL,
    object_id BIGINT,
    object_detail TEXT,
    purpose TEXT NOT NULL,
    outcome TEXT NOT NULL,
    PRIMARY KEY (subject_id, at_ms, id)
);
INSERT INTO audit_event_keyed (subject_id, at_ms, id, actor_id, acting_right, action, object_id, object_detail, purpose, outcome)
SELECT subject_id, at_ms, id, actor_id, acting_right, action, object_id, object_detail, purpose, outcome FROM audit_event;
DROP TABLE audit_event;
ALTER TABLE audit_event_keyed RENAME TO audit_event;
CREATE INDEX audit_event_by_actor ON audit_event (actor_id, at_ms DESC);
CREATE INDEX audit_event_by_subject_actor ON audit_event (subject_id, actor_id, at_ms);
CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
