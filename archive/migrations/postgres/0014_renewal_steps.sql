-- Each step of a renewal request with its time: sent, taken up by the unit, and its
-- answer (renewed, rejected) or its expiry. A request passes through a status once.
-- Requests already stored get the steps their row tells (when sent, and the status it
-- reached, at its last change).
-- Keep in step with ../sqlite/0014_renewal_steps.sql.
CREATE TABLE renewal_step (
    person_id BIGINT NOT NULL,
    request_id BIGINT NOT NULL,
    status TEXT NOT NULL,
    at_ms BIGINT NOT NULL,
    PRIMARY KEY (person_id, request_id, status),
    FOREIGN KEY (person_id, request_id) REFERENCES renewal_request (person_id, id)
);
INSERT INTO renewal_step (person_id, request_id, status, at_ms)
    SELECT person_id, id, 'sent', created_ms FROM renewal_request;
INSERT INTO renewal_step (person_id, request_id, status, at_ms)
    SELECT person_id, id, status, updated_ms FROM renewal_request WHERE status <> 'sent';
