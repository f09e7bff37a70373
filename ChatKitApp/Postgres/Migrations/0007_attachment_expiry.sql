-- When each attachment row was created, so uploads never sent in a message (thread_id still null)
-- can expire (ChatKit:Attachments:UnattachedRetention). Stamped by the database on insert; the store's
-- upsert never touches it, so uploading the bytes or sending the attachment keeps the original time.
-- A stable default: existing rows get the time of this migration, without a table rewrite.
ALTER TABLE attachments ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();

-- Existing unsent uploads whose bytes arrived earlier are as old as their bytes.
UPDATE attachments a SET created_at = b.created_at
FROM attachment_blobs b
WHERE a.thread_id IS NULL AND b.user_id = a.user_id AND b.id = a.id AND b.created_at < a.created_at;

-- The sweep: unsent attachments by age, without reading the (far more numerous) sent ones.
CREATE INDEX attachments_unattached ON attachments (created_at) WHERE thread_id IS NULL;
