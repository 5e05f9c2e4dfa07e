-- Consents to Kanta's services used in other EU countries (the ePrescription, the
-- Patient Summary), as the consents and denials of 0023: every change an event, kept
-- (given = 1, withdrawn = 0), keyed by time; what is in force one row a service,
-- written in the same transaction. service is 'eprescription' or 'patient-summary'.
-- Where each service works is not here: it is dated data in the code
-- (archive/src/abroad/countries.tsv).
CREATE TABLE abroad_consent_event (
    person_id BIGINT NOT NULL REFERENCES person (id),
    at_ms BIGINT NOT NULL,
    id BIGINT NOT NULL,
    service TEXT NOT NULL,
    given BIGINT NOT NULL,
    written_by BIGINT NOT NULL REFERENCES person (id),
    PRIMARY KEY (person_id, at_ms, id)
);

CREATE TABLE abroad_consent_in_force (
    person_id BIGINT NOT NULL REFERENCES person (id),
    service TEXT NOT NULL,
    since_ms BIGINT NOT NULL,
    PRIMARY KEY (person_id, service)
);
