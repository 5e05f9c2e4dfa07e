-- Social-welfare client documents, by service task, and the client relationships
-- with their designated worker. The service tasks and document kinds the archive never
-- shows (shelter and domestic-violence services, payment commitments) are a rule of
-- the archive's model, not a flag here. guardian_may_see / denied_to_guardian as for
-- health documents: a professional decides for each document of a minor.
-- Times: recorded_at Finnish local 'YYYY-MM-DDTHH:MM', started_on 'YYYY-MM-DD'.
-- Keep in step with ../sqlite/0018_social_welfare.sql.
CREATE TABLE social_client (
    person_id BIGINT NOT NULL REFERENCES person (id),
    service_task TEXT NOT NULL,
    organisation_id BIGINT NOT NULL REFERENCES organisation (id),
    started_on TEXT NOT NULL,
    worker_name TEXT NOT NULL,
    worker_role TEXT NOT NULL,
    worker_phone TEXT,
    PRIMARY KEY (person_id, service_task, organisation_id)
);

CREATE TABLE social_document (
    person_id BIGINT NOT NULL REFERENCES person (id),
    id BIGINT NOT NULL,
    service_task TEXT NOT NULL,
    kind TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    organisation_id BIGINT NOT NULL REFERENCES organisation (id),
    unit_id BIGINT NOT NULL REFERENCES care_unit (id),
    title TEXT NOT NULL,
    body TEXT,
    language TEXT NOT NULL,
    guardian_may_see BIGINT NOT NULL DEFAULT 0,
    denied_to_guardian BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (person_id, id)
);
CREATE INDEX social_document_by_time ON social_document (person_id, recorded_at DESC, id DESC);
