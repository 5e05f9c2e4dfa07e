-- The living will, one row per version: writing or changing it adds a version, and so
-- does withdrawing it (withdrawn = 1), so its history is kept. The structured wishes
-- about life-sustaining treatment are 'want', 'refuse' or 'undecided'.
CREATE TABLE living_will (
    person_id BIGINT NOT NULL REFERENCES person (id),
    version BIGINT NOT NULL,
    wishes TEXT NOT NULL,
    resuscitation TEXT NOT NULL,
    ventilation TEXT NOT NULL,
    tube_feeding TEXT NOT NULL,
    dialysis TEXT NOT NULL,
    pain_relief TEXT NOT NULL,
    withdrawn BIGINT NOT NULL DEFAULT 0,
    written_by BIGINT NOT NULL REFERENCES person (id),
    written_ms BIGINT NOT NULL,
    PRIMARY KEY (person_id, version)
);
