-- Server-side sessions (ChatKit:Auth), so sign-out and registration end cookies at once instead of
-- when they expire. Every account cookie names a row in sessions; it is refused once the row is
-- gone or expired (expires_at follows the cookie's sliding renewal). Guests cost no row: a guest
-- cookie is refused only when its user id is in retired_guests, written when the guest registers,
-- signs in to an account or signs out, and forgotten once every cookie it refused has expired.

CREATE TABLE sessions (
    session_id text        PRIMARY KEY,
    user_id    text        NOT NULL,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL
);

CREATE INDEX sessions_user_id ON sessions (user_id);

CREATE TABLE retired_guests (
    user_id    text        PRIMARY KEY,
    retired_at timestamptz NOT NULL
);

CREATE INDEX retired_guests_retired_at ON retired_guests (retired_at);

-- Failed sign-ins are throttled per client address and e-mail address (in the app) instead of
-- locking the account for everyone, so the account's own counters go.
ALTER TABLE accounts DROP COLUMN failed_attempts, DROP COLUMN locked_until;
