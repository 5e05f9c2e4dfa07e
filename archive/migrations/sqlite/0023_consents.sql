-- Consents and denials. Every change is an event, kept (given = 1, withdrawn = 0),
-- keyed by time like the audit trail; what is in force now is one row a choice,
-- written in the same transaction, which the providers' queries read. kind is
-- 'disclosure-consent', 'deny-service-event', 'deny-organisation', 'deny-register',
-- 'deny-prescription' or 'deny-research-contact'; target the id or register code it
-- is about, or ''.
CREATE TABLE consent_event (
    person_id BIGINT NOT NULL REFERENCES person (id),
    at_ms BIGINT NOT NULL,
    id BIGINT NOT NULL,
    kind TEXT NOT NULL,
    target TEXT NOT NULL,
    given BIGINT NOT NULL,
    written_by BIGINT NOT NULL REFERENCES person (id),
    PRIMARY KEY (person_id, at_ms, id)
);

CREATE TABLE consent_in_force (
    person_id BIGINT NOT NULL REFERENCES person (id),
    kind TEXT NOT NULL,
    target TEXT NOT NULL,
    since_ms BIGINT NOT NULL,
    PRIMARY KEY (person_id, kind, target)
);

-- The Kanta information notice, acknowledged once a version.
CREATE TABLE notice_acknowledgement (
    person_id BIGINT NOT NULL REFERENCES person (id),
    version TEXT NOT NULL,
    at_ms BIGINT NOT NULL,
    PRIMARY KEY (person_id, version)
);
