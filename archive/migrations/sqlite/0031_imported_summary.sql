-- Patient summaries written outside Kanta (HL7 IPS documents, `omakanta import-fhir`),
-- kept as the person's data: each summary once (its own identifier, per person), with
-- the organisation it came from (sector 'imported') and the service event its entries
-- were written under as documents; its medicines are recorded medication (setting
-- 'imported'), each with its code's system, since a summary from elsewhere may code
-- medicines in SNOMED CT or a national list rather than ATC (NULL: ATC, as before).
-- Keep in step with the other database's 0031_imported_summary.sql.
ALTER TABLE recorded_medication ADD COLUMN code_system TEXT;

CREATE TABLE imported_summary (
    person_id BIGINT NOT NULL REFERENCES person (id),
    id BIGINT NOT NULL,
    identifier TEXT NOT NULL,
    organisation_id BIGINT NOT NULL REFERENCES organisation (id),
    service_event_id BIGINT NOT NULL,
    imported_ms BIGINT NOT NULL,
    PRIMARY KEY (person_id, id),
    CONSTRAINT imported_summary_once UNIQUE (person_id, identifier),
    FOREIGN KEY (person_id, service_event_id) REFERENCES service_event (person_id, id)
);
