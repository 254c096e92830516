-- Signatures of the Slack requests the bot acted on, kept while a replay of one could still pass
-- the signature's 5-minute window: a request seen again is not acted on twice, on any replica.
CREATE TABLE revoke_seen_request (
    signature VARCHAR(100) PRIMARY KEY,
    seen_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX revoke_seen_request_age ON revoke_seen_request (seen_at);
