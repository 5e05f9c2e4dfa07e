-- The archive's first schema (PostgreSQL). Keep in step with ../sqlite/0001_archive.sql.
-- Per-person tables lead with person_id in their keys and indexes.
-- Times: TEXT 'YYYY-MM-DDTHH:MM' in Finnish local time for clinical records,
-- BIGINT unix milliseconds (UTC) for audit and sessions. Flags: 0 or 1.

CREATE TABLE person (
    id BIGINT PRIMARY KEY,
    hetu TEXT NOT NULL CONSTRAINT person_hetu_unique UNIQUE,
    given_name TEXT NOT NULL,
    family_name TEXT NOT NULL,
    birth_date TEXT NOT NULL,
    language TEXT NOT NULL DEFAULT 'fi',
    non_disclosure BIGINT NOT NULL DEFAULT 0,
    has_court_guardian BIGINT NOT NULL DEFAULT 0,
    in_care BIGINT NOT NULL DEFAULT 0,
    demo_note TEXT
);

CREATE TABLE organisation (
    id BIGINT PRIMARY KEY,
    oid TEXT NOT NULL CONSTRAINT organisation_oid_unique UNIQUE,
    name TEXT NOT NULL,
    sector TEXT NOT NULL
);

CREATE TABLE care_unit (
    id BIGINT PRIMARY KEY,
    organisation_id BIGINT NOT NULL REFERENCES organisation (id),
    name TEXT NOT NULL
);

CREATE TABLE service_event (
    person_id BIGINT NOT NULL REFERENCES person (id),
    id BIGINT NOT NULL,
    organisation_id BIGINT NOT NULL REFERENCES organisation (id),
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    started_at TEXT NOT NULL,
    minor_decides BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (person_id, id)
);

CREATE TABLE document (
    person_id BIGINT NOT NULL,
    id BIGINT NOT NULL,
    service_event_id BIGINT NOT NULL,
    kind TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    organisation_id BIGINT NOT NULL REFERENCES organisation (id),
    unit_id BIGINT NOT NULL REFERENCES care_unit (id),
    professional TEXT,
    title TEXT NOT NULL,
    body TEXT,
    code_system TEXT,
    code TEXT,
    code_display TEXT,
    visible_to_guardian BIGINT NOT NULL DEFAULT 1,
    denied_to_guardian BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (person_id, id),
    FOREIGN KEY (person_id, service_event_id) REFERENCES service_event (person_id, id)
);
CREATE INDEX document_by_time ON document (person_id, recorded_at DESC, id DESC);
CREATE INDEX document_by_kind ON document (person_id, kind, recorded_at DESC, id DESC);
CREATE INDEX document_by_organisation ON document (person_id, organisation_id, recorded_at DESC, id DESC);

CREATE TABLE lab_result (
    person_id BIGINT NOT NULL,
    document_id BIGINT NOT NULL,
    test_code TEXT NOT NULL,
    test_name TEXT NOT NULL,
    value DOUBLE PRECISION NOT NULL,
    unit TEXT NOT NULL,
    reference_low DOUBLE PRECISION,
    reference_high DOUBLE PRECISION,
    flag TEXT NOT NULL,
    taken_at TEXT NOT NULL,
    PRIMARY KEY (person_id, document_id),
    FOREIGN KEY (person_id, document_id) REFERENCES document (person_id, id)
);
CREATE INDEX lab_result_by_test ON lab_result (person_id, test_code, taken_at);

CREATE TABLE guardianship (
    child_id BIGINT NOT NULL REFERENCES person (id),
    guardian_id BIGINT NOT NULL REFERENCES person (id),
    PRIMARY KEY (child_id, guardian_id)
);
CREATE INDEX guardianship_by_guardian ON guardianship (guardian_id);

CREATE TABLE mandate (
    principal_id BIGINT NOT NULL REFERENCES person (id),
    id BIGINT NOT NULL,
    holder_id BIGINT NOT NULL REFERENCES person (id),
    scope TEXT NOT NULL,
    valid_from TEXT NOT NULL,
    valid_until TEXT NOT NULL,
    PRIMARY KEY (principal_id, id)
);
CREATE INDEX mandate_by_holder ON mandate (holder_id);

-- Append-only: the triggers below refuse any change to a written event.
CREATE TABLE audit_event (
    subject_id BIGINT NOT NULL,
    id BIGINT NOT NULL,
    at_ms BIGINT NOT NULL,
    actor_id BIGINT NOT NULL,
    acting_right TEXT NOT NULL,
    action TEXT NOT NULL,
    object_id BIGINT,
    purpose TEXT NOT NULL,
    outcome TEXT NOT NULL,
    PRIMARY KEY (subject_id, id)
);
CREATE INDEX audit_event_by_time ON audit_event (subject_id, at_ms DESC);
CREATE INDEX audit_event_by_actor ON audit_event (actor_id, at_ms DESC);
CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit events are append-only';
END;
$$;
CREATE TRIGGER audit_event_no_change BEFORE UPDATE OR DELETE ON audit_event
FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();

CREATE TABLE web_session (
    token_hash TEXT PRIMARY KEY,
    person_id BIGINT NOT NULL REFERENCES person (id),
    created_ms BIGINT NOT NULL,
    last_seen_ms BIGINT NOT NULL
);
CREATE INDEX web_session_by_person ON web_session (person_id);
