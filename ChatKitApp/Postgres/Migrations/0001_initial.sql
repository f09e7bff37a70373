-- Threads, items, attachment metadata and feedback. Every key leads with user_id: each query is
-- scoped by user, and the tables can be distributed by user (Citus) without changing a key.
-- Documents are jsonb (the protocol's storage JSON) so new item fields need no migration; the
-- columns beside them are the ones queries filter and sort on.

CREATE TABLE threads (
    user_id    text        NOT NULL,
    id         text        NOT NULL,
    -- Insertion order breaks created_at ties, so keyset pages never repeat or skip a thread.
    seq        bigint      GENERATED ALWAYS AS IDENTITY,
    created_at timestamptz NOT NULL,
    data       jsonb       NOT NULL,
    PRIMARY KEY (user_id, id)
);

-- threads.list: one index range scan per page, in either direction.
CREATE UNIQUE INDEX threads_user_page ON threads (user_id, created_at, seq);

CREATE TABLE thread_items (
    user_id    text        NOT NULL,
    thread_id  text        NOT NULL,
    id         text        NOT NULL,
    seq        bigint      GENERATED ALWAYS AS IDENTITY,
    created_at timestamptz NOT NULL,
    type       text        NOT NULL,
    data       jsonb       NOT NULL,
    PRIMARY KEY (user_id, thread_id, id),
    -- Deleting a thread deletes its items in the same statement.
    FOREIGN KEY (user_id, thread_id) REFERENCES threads (user_id, id) ON DELETE CASCADE
);

-- items.list: one index range scan per page, in either direction.
CREATE UNIQUE INDEX thread_items_page ON thread_items (user_id, thread_id, created_at, seq);

CREATE TABLE attachments (
    user_id   text  NOT NULL,
    id        text  NOT NULL,
    -- Set once a user message references the attachment; the thread's deletion removes it.
    thread_id text,
    data      jsonb NOT NULL,
    PRIMARY KEY (user_id, id)
);

CREATE INDEX attachments_thread ON attachments (user_id, thread_id) WHERE thread_id IS NOT NULL;

-- Ratings from items.feedback. Kept apart from threads on purpose: no foreign key, so the
-- record of a rating outlives edits to the history it rated.
CREATE TABLE feedback (
    user_id    text        NOT NULL,
    thread_id  text        NOT NULL,
    seq        bigint      GENERATED ALWAYS AS IDENTITY,
    item_ids   text[]      NOT NULL,
    kind       text        NOT NULL CHECK (kind IN ('positive', 'negative')),
    created_at timestamptz NOT NULL,
    PRIMARY KEY (user_id, thread_id, seq)
);
