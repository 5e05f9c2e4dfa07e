-- A care organisation's query is an audit event whose actor is an organisation, its
-- unit and a professional role, not a person: actor_id becomes optional, and exactly
-- one of a person or an organisation acts. (The prescription centre's renewal desk,
-- which writes as actor 0, stays a person-shaped actor of its own.) The table is made
-- anew as in 0021, its rows copied, its indexes and append-only triggers made again;
-- one more index finds a person's trail by organisation and time (the disclosure
-- log's filter). What a query disclosed, document by document, is kept beside its
-- event in audit_event_object, keyed by the event and as append-only as it.
-- Keep in step with ../sqlite/0024_providers_in_the_audit_trail.sql.
CREATE TABLE audit_event_acted (
    subject_id BIGINT NOT NULL,
    at_ms BIGINT NOT NULL,
    id BIGINT NOT NULL,
    actor_id BIGINT,
    actor_organisation_id BIGINT,
    actor_unit_id BIGINT,
    actor_role TEXT,
    acting_right TEXT NOT NULL,
    action TEXT NOT NULL,
    object_id BIGINT,
    object_detail TEXT,
    purpose TEXT NOT NULL,
    outcome TEXT NOT NULL,
    PRIMARY KEY (subject_id, at_ms, id),
    CONSTRAINT audit_event_one_actor CHECK (
        (actor_id IS NULL AND actor_organisation_id IS NOT NULL AND actor_role IS NOT NULL)
        OR (actor_id IS NOT NULL AND actor_organisation_id IS NULL AND actor_unit_id IS NULL AND actor_role IS NULL)
    )
);
INSERT INTO audit_event_acted (subject_id, at_ms, id, actor_id, acting_right, action, object_id, object_detail, purpose, outcome)
SELECT subject_id, at_ms, id, actor_id, acting_right, action, object_id, object_detail, purpose, outcome FROM audit_event;
DROP TABLE audit_event;
ALTER TABLE audit_event_acted RENAME TO audit_event;
CREATE INDEX audit_event_by_actor ON audit_event (actor_id, at_ms DESC);
CREATE INDEX audit_event_by_subject_actor ON audit_event (subject_id, actor_id, at_ms);
CREATE INDEX audit_event_by_subject_organisation ON audit_event (subject_id, actor_organisation_id, at_ms);

CREATE TABLE audit_event_object (
    subject_id BIGINT NOT NULL,
    at_ms BIGINT NOT NULL,
    event_id BIGINT NOT NULL,
    object_kind TEXT NOT NULL,
    object_id BIGINT NOT NULL,
    PRIMARY KEY (subject_id, at_ms, event_id, object_kind, object_id)
);
CREATE TRIGGER audit_event_no_change BEFORE UPDATE OR DELETE ON audit_event
FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_event_object_no_change BEFORE UPDATE OR DELETE ON audit_event_object
FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_event_object_no_truncate BEFORE TRUNCATE ON audit_event_object
FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
