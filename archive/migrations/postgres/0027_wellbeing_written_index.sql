-- What the person's apps wrote since the previous visit (the front page's news):
-- their measurements by when each was written.
CREATE INDEX wellbeing_observation_written ON wellbeing_observation (person_id, updated_ms);
