-- Prescriptions, their dispensations, and renewal requests. Per person, person first.
CREATE TABLE prescription (
    person_id BIGINT NOT NULL REFERENCES person (id),
    id BIGINT NOT NULL,
    product TEXT NOT NULL,
    atc TEXT NOT NULL,
    strength TEXT NOT NULL,
    form TEXT NOT NULL,
    package_size TEXT NOT NULL,
    dosage TEXT NOT NULL,
    amount TEXT NOT NULL,
    packages BIGINT NOT NULL,
    prescriber TEXT NOT NULL,
    organisation_id BIGINT NOT NULL REFERENCES organisation (id),
    issued_on TEXT NOT NULL,
    validity_months BIGINT NOT NULL,
    narcotic BIGINT NOT NULL DEFAULT 0,
    cns BIGINT NOT NULL DEFAULT 0,
    cancelled BIGINT NOT NULL DEFAULT 0,
    visible_to_guardian BIGINT NOT NULL DEFAULT 1,
    denied_to_guardian BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (person_id, id)
);
CREATE INDEX prescription_by_issue ON prescription (person_id, issued_on DESC, id DESC);

CREATE TABLE dispensation (
    person_id BIGINT NOT NULL,
    prescription_id BIGINT NOT NULL,
    id BIGINT NOT NULL,
    dispensed_on TEXT NOT NULL,
    pharmacy TEXT NOT NULL,
    packages BIGINT NOT NULL,
    PRIMARY KEY (person_id, prescription_id, id),
    FOREIGN KEY (person_id, prescription_id) REFERENCES prescription (person_id, id)
);

-- A renewal request: one per idempotency key (a resubmitted form makes none more), and
-- at most one open (sent or in processing) per prescription.
CREATE TABLE renewal_request (
    person_id BIGINT NOT NULL,
    id BIGINT NOT NULL,
    prescription_id BIGINT NOT NULL,
    organisation_id BIGINT NOT NULL REFERENCES organisation (id),
    message TEXT,
    share_other_prescriptions BIGINT NOT NULL DEFAULT 0,
    status TEXT NOT NULL,
    reason TEXT,
    idempotency_key TEXT NOT NULL,
    requested_by BIGINT NOT NULL REFERENCES person (id),
    created_ms BIGINT NOT NULL,
    updated_ms BIGINT NOT NULL,
    PRIMARY KEY (person_id, id),
    FOREIGN KEY (person_id, prescription_id) REFERENCES prescription (person_id, id),
    CONSTRAINT renewal_request_idempotency UNIQUE (person_id, idempotency_key)
);
CREATE UNIQUE INDEX renewal_request_one_open ON renewal_request (person_id, prescription_id)
    WHERE status IN ('sent', 'in-processing');
