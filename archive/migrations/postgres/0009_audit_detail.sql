-- An audit event names what was read: beside an object's id, what narrowed a list
-- (the health records' filter), as "name=value" pairs.
-- Keep in step with ../sqlite/0009_audit_detail.sql.
ALTER TABLE audit_event ADD COLUMN object_detail TEXT;
