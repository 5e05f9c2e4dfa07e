-- What the front page calls new is counted by index, however long a person's history
-- or trail:
-- * others' events on a person's trail (the disclosure log and its news) by (subject,
--   actor, time), so that the person's own events, however many a long session
--   writes, are not scanned;
-- * documents released from a delay by (person, shown_from), beside the documents
--   recorded since, which document_by_time finds.
-- Keep in step with ../postgres/0015_indexes_for_news.sql.
CREATE INDEX audit_event_by_subject_actor ON audit_event (subject_id, actor_id, at_ms);
CREATE INDEX document_by_release ON document (person_id, shown_from) WHERE shown_from IS NOT NULL;
