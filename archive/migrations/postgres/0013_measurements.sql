-- What a professional measured (height, weight, blood pressure): the values of a
-- document of kind 'measurement', in order (a blood pressure has two: systolic and
-- diastolic). LOINC codes. Visibility, delay and the guardian rule are the document's.
-- Keep in step with ../sqlite/0013_measurements.sql.
CREATE TABLE measurement_value (
    person_id BIGINT NOT NULL,
    document_id BIGINT NOT NULL,
    position BIGINT NOT NULL,
    code TEXT NOT NULL,
    value DOUBLE PRECISION NOT NULL,
    unit TEXT NOT NULL,
    PRIMARY KEY (person_id, document_id, position),
    FOREIGN KEY (person_id, document_id) REFERENCES document (person_id, id)
);
