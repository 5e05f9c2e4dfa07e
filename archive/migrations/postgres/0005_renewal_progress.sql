-- A renewal request that was granted names the prescription it produced; the new
-- prescription names the one it renews.
ALTER TABLE renewal_request ADD COLUMN renewed_prescription_id BIGINT;
ALTER TABLE prescription ADD COLUMN renewed_from BIGINT;
CREATE INDEX renewal_request_by_status ON renewal_request (status, updated_ms);
