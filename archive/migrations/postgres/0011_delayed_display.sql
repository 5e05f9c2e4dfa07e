-- Delayed display: a professional may hold back a result or document from the person
-- (and from those who act for them) until a set time, for example until the doctor has
-- talked it through. Until then the person sees that it exists, its kind, its
-- organisation and when it appears, never its content. Finnish local time to the
-- minute, as recorded_at; NULL: shown at once. Rows already stored are shown at once.
-- Keep in step with ../sqlite/0011_delayed_display.sql.
ALTER TABLE document ADD COLUMN shown_from TEXT;
