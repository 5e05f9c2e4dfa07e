-- Appointments: what a provider has booked for the person, as the provider told it.
-- released = 0: the provider has not told the client (never shown). The kinds the
-- archive never shows (psychiatry, clinical genetics) are a rule of the archive's
-- model, not a flag here. guardian_may_see / denied_to_guardian as for documents.
-- Times: starts_at and booked_at Finnish local 'YYYY-MM-DDTHH:MM'.
-- A unit's street address, for appointments and their calendar entries.
-- Keep in step with ../sqlite/0017_appointments.sql.
ALTER TABLE care_unit ADD COLUMN street_address TEXT;

CREATE TABLE appointment (
    person_id BIGINT NOT NULL REFERENCES person (id),
    id BIGINT NOT NULL,
    organisation_id BIGINT NOT NULL REFERENCES organisation (id),
    unit_id BIGINT NOT NULL REFERENCES care_unit (id),
    starts_at TEXT NOT NULL,
    minutes BIGINT NOT NULL,
    kind TEXT NOT NULL,
    mode TEXT NOT NULL,
    professional_role TEXT NOT NULL,
    join_url TEXT,
    preparation TEXT,
    language TEXT NOT NULL,
    booking_reference TEXT NOT NULL,
    booking_service_url TEXT NOT NULL,
    booked_at TEXT NOT NULL,
    released BIGINT NOT NULL DEFAULT 0,
    guardian_may_see BIGINT NOT NULL DEFAULT 0,
    denied_to_guardian BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (person_id, id)
);
CREATE INDEX appointment_by_time ON appointment (person_id, starts_at, id);
CREATE INDEX appointment_by_booking ON appointment (person_id, booked_at);
