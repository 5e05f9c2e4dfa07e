-- Every request writes audit events (a front page nine), and each index is written
-- with each row. (subject, time) has served no read since the disclosure log and its
-- news read a person's trail by (subject, actor, time) (0015), which also serves any
-- read by subject: dropped. Kept: the primary key, (subject, actor, time) and
-- (actor, time) (the previous visit, at sign-in).
-- Keep in step with ../sqlite/0021_audit_one_index_fewer.sql.
DROP INDEX audit_event_by_time;
