-- My wellbeing data (Kanta PHR). The person's FHIR patient id: opaque (a random UUID,
-- never the identity code), made on first use.
CREATE TABLE wellbeing_patient (
    person_id BIGINT NOT NULL REFERENCES person (id),
    patient_id TEXT NOT NULL CONSTRAINT wellbeing_patient_id_unique UNIQUE,
    PRIMARY KEY (person_id)
);

-- One row per measurement, an Observation: resource is the JSON as written (by the
-- person's form through the typed FHIR model, or by an app), returned as it is; the
-- other columns are what is searched and plotted. measure is the kind's code
-- ('blood-pressure', …); effective the time as given (a day, 2026-12-07, or a moment
-- with its offset), effective_ms its instant (a day's Finnish midnight); value2 the
-- second component (blood pressure's diastolic); version the resource's versionId;
-- source '' for the person's form, else the app's client id.
CREATE TABLE wellbeing_observation (
    person_id BIGINT NOT NULL REFERENCES person (id),
    id BIGINT NOT NULL,
    resource_id TEXT NOT NULL,
    measure TEXT NOT NULL,
    effective TEXT NOT NULL,
    effective_ms BIGINT NOT NULL,
    value1 DOUBLE PRECISION NOT NULL,
    value2 DOUBLE PRECISION,
    version BIGINT NOT NULL,
    source TEXT NOT NULL,
    resource TEXT NOT NULL,
    written_by BIGINT NOT NULL REFERENCES person (id),
    updated_ms BIGINT NOT NULL,
    PRIMARY KEY (person_id, id)
);
CREATE UNIQUE INDEX wellbeing_observation_resource ON wellbeing_observation (person_id, resource_id);
CREATE INDEX wellbeing_observation_series ON wellbeing_observation (person_id, measure, effective_ms);

-- Each measurement's identifiers ('system|value'), for a create repeated after a lost
-- answer (If-None-Exist: identifier=…).
CREATE TABLE wellbeing_identifier (
    person_id BIGINT NOT NULL,
    identifier TEXT NOT NULL,
    observation_id BIGINT NOT NULL,
    PRIMARY KEY (person_id, identifier, observation_id)
);
