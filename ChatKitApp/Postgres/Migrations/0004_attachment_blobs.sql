-- Attachment bytes, apart from the jsonb metadata so listing attachments never reads them.
-- The foreign key removes the bytes with their attachment row, which the thread's deletion removes.
CREATE TABLE attachment_blobs (
    user_id    text        NOT NULL,
    id         text        NOT NULL,
    content    bytea       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, id),
    FOREIGN KEY (user_id, id) REFERENCES attachments (user_id, id) ON DELETE CASCADE
);
