-- The person's own FHIR Patient resource, as they or their app last wrote it through
-- the FHIR interface (PUT /fhir/Patient/<their patient id>): the JSON as received, with
-- the id and meta this service gives it; NULL until one is written. version is its
-- meta.versionId (0: none written yet), updated_ms when it was written.
ALTER TABLE wellbeing_patient ADD COLUMN resource TEXT;
ALTER TABLE wellbeing_patient ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE wellbeing_patient ADD COLUMN updated_ms BIGINT;
