-- Requests name their InfluxDB target (INFLUX_TARGETS_<NAME>_*; INFLUX_URL is the target "default"),
-- and a token's ID may be an InfluxDB 3 token name, longer than an authorization ID.
ALTER TABLE revoke_request ADD COLUMN target VARCHAR(64) NOT NULL DEFAULT 'default';
ALTER TABLE revoke_request ALTER COLUMN authorization_id SET DATA TYPE VARCHAR(400);
