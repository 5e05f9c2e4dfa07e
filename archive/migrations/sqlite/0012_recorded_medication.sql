-- Medication that care recorded without a prescription: given in hospital, at a health
-- centre or in social care. It joins the medication list beside what prescriptions
-- show, each line saying where it comes from. Guardians of 10-17-year-olds see a row
-- only when a professional marked it so (as documents and prescriptions).
-- Keep in step with ../postgres/0012_recorded_medication.sql.
CREATE TABLE recorded_medication (
    person_id BIGINT NOT NULL REFERENCES person (id),
    id BIGINT NOT NULL,
    product TEXT NOT NULL,
    strength TEXT NOT NULL,
    form TEXT NOT NULL,
    atc TEXT NOT NULL,
    dose TEXT NOT NULL,
    language TEXT NOT NULL,
    setting TEXT NOT NULL,
    organisation_id BIGINT NOT NULL REFERENCES organisation (id),
    started_on TEXT NOT NULL,
    ended_on TEXT,
    guardian_may_see BIGINT NOT NULL DEFAULT 0,
    denied_to_guardian BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (person_id, id)
);
