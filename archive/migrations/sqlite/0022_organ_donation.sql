-- The organ donation testament, one row per version: writing or changing it adds a
-- version, and so does withdrawing it (withdrawn = 1, decision ''), so its history is
-- kept. decision is 'yes', 'yes-except' or 'no'; excluded holds the codes of the
-- organs and tissues excluded (with 'yes-except' only), separated by spaces; language
-- the language the notes were written in ('fi', 'sv' or 'en').
CREATE TABLE organ_donation (
    person_id BIGINT NOT NULL REFERENCES person (id),
    version BIGINT NOT NULL,
    decision TEXT NOT NULL,
    excluded TEXT NOT NULL,
    notes TEXT NOT NULL,
    language TEXT NOT NULL,
    withdrawn BIGINT NOT NULL DEFAULT 0,
    written_by BIGINT NOT NULL REFERENCES person (id),
    written_ms BIGINT NOT NULL,
    PRIMARY KEY (person_id, version)
);
