-- Certificates and statements on their forms (Kela's SV 6, SV 7, SV 10, SV 67;
-- Traficom's driving-licence health certificate), and where each was forwarded through
-- Kanta and when: a forwarding is a disclosure, shown in the person's disclosure log.
-- guardian_may_see / denied_to_guardian as for documents.
-- Times: issued_at and sent_at Finnish local 'YYYY-MM-DDTHH:MM'.
-- Keep in step with ../sqlite/0019_certificates.sql.
CREATE TABLE certificate (
    person_id BIGINT NOT NULL REFERENCES person (id),
    id BIGINT NOT NULL,
    form TEXT NOT NULL,
    issued_at TEXT NOT NULL,
    organisation_id BIGINT NOT NULL REFERENCES organisation (id),
    unit_id BIGINT NOT NULL REFERENCES care_unit (id),
    issuer_role TEXT NOT NULL,
    content TEXT NOT NULL,
    language TEXT NOT NULL,
    guardian_may_see BIGINT NOT NULL DEFAULT 0,
    denied_to_guardian BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (person_id, id)
);
CREATE INDEX certificate_by_time ON certificate (person_id, issued_at DESC, id DESC);

CREATE TABLE certificate_forwarding (
    person_id BIGINT NOT NULL REFERENCES person (id),
    certificate_id BIGINT NOT NULL,
    recipient TEXT NOT NULL,
    sent_at TEXT NOT NULL,
    PRIMARY KEY (person_id, certificate_id, recipient),
    FOREIGN KEY (person_id, certificate_id) REFERENCES certificate (person_id, id)
);
CREATE INDEX certificate_forwarding_by_time ON certificate_forwarding (person_id, sent_at DESC);
