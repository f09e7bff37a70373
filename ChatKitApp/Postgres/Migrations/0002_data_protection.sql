-- ASP.NET Core data-protection keys (they encrypt and sign the auth cookie and antiforgery
-- tokens). Kept here when the app runs on PostgreSQL so every instance shares one key ring: a
-- cookie issued by one instance is valid on all, and survives restarts and redeployments.
-- Not user data, so not keyed by user_id.

CREATE TABLE data_protection_keys (
    name       text        PRIMARY KEY,
    xml        text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
