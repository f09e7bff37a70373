-- Share links (POST /api/chats/{thread_id}/share): at most one per thread, holding a snapshot of
-- the thread taken when it was shared (the thread's ChatKit JSON with its items then), so nothing
-- said later shows on the link. The link's token is never stored, only its SHA-256: whoever reads
-- this table (a backup, a replica) learns no live link. Deleting the thread deletes its link.
CREATE TABLE shares (
    token_hash bytea       PRIMARY KEY CHECK (octet_length(token_hash) = 32),
    user_id    text        NOT NULL,
    thread_id  text        NOT NULL,
    shared_at  timestamptz NOT NULL,
    snapshot   jsonb       NOT NULL,
    -- One link per thread; also the index the cascade and a revocation look rows up by.
    UNIQUE (user_id, thread_id),
    FOREIGN KEY (user_id, thread_id) REFERENCES threads (user_id, id) ON DELETE CASCADE
);
