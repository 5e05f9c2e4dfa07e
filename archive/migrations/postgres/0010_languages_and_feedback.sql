-- The language each record is written in (a page marks its text so, whatever the
-- interface's language: a document, its service event, a prescription's form and
-- dosage), the language a person chose for the service (kept for the
-- next sign-in on any device; NULL until they choose), and the accessibility
-- feedback the statement's form receives (Act 306/2019: a feedback channel).
-- Keep in step with ../sqlite/0010_languages_and_feedback.sql.
ALTER TABLE service_event ADD COLUMN language TEXT NOT NULL DEFAULT 'fi';
ALTER TABLE document ADD COLUMN language TEXT NOT NULL DEFAULT 'fi';
ALTER TABLE prescription ADD COLUMN language TEXT NOT NULL DEFAULT 'fi';
ALTER TABLE person ADD COLUMN chosen_language TEXT;

CREATE TABLE accessibility_feedback (
    id BIGINT PRIMARY KEY,
    received_ms BIGINT NOT NULL,
    -- Which page or part of the service it is about, in the sender's words.
    page TEXT,
    -- The interface's language when it was sent, to answer in.
    language TEXT NOT NULL,
    message TEXT NOT NULL,
    -- How the sender wants an answer (an e-mail address or a phone number), if at all.
    contact TEXT,
    -- The form's key: the same form sent again is kept once.
    idempotency_key TEXT NOT NULL CONSTRAINT accessibility_feedback_key_unique UNIQUE
);
CREATE INDEX accessibility_feedback_by_time ON accessibility_feedback (received_ms);
