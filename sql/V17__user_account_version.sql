-- A user's account counts its changes (password, roles, region, enabled): every sign-in remembered on any
-- instance (a dashboard session, a verified HTTP Basic password) holds the count it was made at, and is
-- given up at its next request once the count has moved. A count rather than updated_at: the service's
-- clock ticks in whole seconds, and a change in the second of a sign-in must still count.
ALTER TABLE app_user ADD COLUMN account_version BIGINT NOT NULL DEFAULT 0;
