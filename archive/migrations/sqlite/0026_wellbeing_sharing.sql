-- Who may use a person's wellbeing data besides them. Apps reach it through the FHIR
-- interface with an access token their OAuth client id names; phr_app is the register
-- of apps admitted to Kanta PHR (not per person). The person's choices: every change
-- is an event, kept (permission 'read' or 'read-write', '' when withdrawn), keyed by
-- time like the audit trail; what is in force now is one row a recipient, written in
-- the same transaction, which every app request and organisation query reads.
-- recipient_kind is 'organisation' (an organisation's id) or 'app' (a phr_app id).
-- Keep in step with ../postgres/0026_wellbeing_sharing.sql.
CREATE TABLE phr_app (
    id BIGINT NOT NULL PRIMARY KEY,
    client_id TEXT NOT NULL CONSTRAINT phr_app_client_unique UNIQUE,
    name TEXT NOT NULL,
    maker TEXT NOT NULL
);

CREATE TABLE wellbeing_share_event (
    person_id BIGINT NOT NULL REFERENCES person (id),
    at_ms BIGINT NOT NULL,
    id BIGINT NOT NULL,
    recipient_kind TEXT NOT NULL,
    recipient_id BIGINT NOT NULL,
    permission TEXT NOT NULL,
    written_by BIGINT NOT NULL REFERENCES person (id),
    PRIMARY KEY (person_id, at_ms, id)
);

CREATE TABLE wellbeing_share (
    person_id BIGINT NOT NULL REFERENCES person (id),
    recipient_kind TEXT NOT NULL,
    recipient_id BIGINT NOT NULL,
    permission TEXT NOT NULL,
    since_ms BIGINT NOT NULL,
    PRIMARY KEY (person_id, recipient_kind, recipient_id)
);
