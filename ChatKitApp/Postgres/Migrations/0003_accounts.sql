-- Registered users (ChatKit:Auth). user_id is the id every chat row is keyed by; a guest who
-- registers keeps theirs, so their threads need no copying. E-mail addresses are stored
-- normalized (upper case), which is what the unique constraint compares.

CREATE TABLE accounts (
    user_id         text        PRIMARY KEY,
    email           text        NOT NULL UNIQUE,
    password_hash   text        NOT NULL,
    failed_attempts integer     NOT NULL DEFAULT 0,
    locked_until    timestamptz,
    created_at      timestamptz NOT NULL
);
