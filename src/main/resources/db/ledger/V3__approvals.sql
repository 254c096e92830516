-- Approvals gathered toward the number an action needs (REVOKE_DEACTIVATE_APPROVALS,
-- REVOKE_DELETE_APPROVALS): one row per request, action and approver, so the same person twice
-- counts once, and approvals made on several replicas at once all count.
CREATE TABLE revoke_approval (
    request_id  VARCHAR(64) NOT NULL REFERENCES revoke_request (id),
    action      VARCHAR(16) NOT NULL,
    approver    VARCHAR(64) NOT NULL,
    approved_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (request_id, action, approver)
);

-- The decision a delivery was planned with: a channel record says what that decision did, even when
-- it is retried after the request has moved on.
ALTER TABLE revoke_outbox ADD COLUMN decision_id BIGINT;
