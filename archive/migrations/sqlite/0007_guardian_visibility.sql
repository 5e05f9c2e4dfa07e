-- Guardians of 10-17-year-olds see only what a professional marked visible to
-- guardians: a row that does not say so is not shown. The marks of 0001 and 0004
-- defaulted to visible (failing open) and are no longer read; these default to not
-- visible. Rows already stored start hidden: a mark is made, never assumed.
-- Keep in step with ../postgres/0007_guardian_visibility.sql.
ALTER TABLE document ADD COLUMN guardian_may_see BIGINT NOT NULL DEFAULT 0;
ALTER TABLE prescription ADD COLUMN guardian_may_see BIGINT NOT NULL DEFAULT 0;
