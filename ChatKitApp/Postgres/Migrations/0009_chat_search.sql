-- Search across a user's chats (GET /api/chats/search). The words of user and assistant messages,
-- taken from the item documents' content[*].text, kept as a generated tsvector: PostgreSQL computes
-- it on every insert and update, so no writer (and no trigger) has to remember it. Other item kinds
-- (tools, widgets, hidden context) get NULL and are never found. The expression is IMMUTABLE, as a
-- generated column needs: a fixed text search configuration ('english', so "replies" finds "reply")
-- and the jsonpath function without time zone.
-- Adding a stored column rewrites thread_items once, under an exclusive lock: on a large database,
-- run this migration in a quiet hour.
ALTER TABLE thread_items ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    CASE WHEN type IN ('user_message', 'assistant_message')
        THEN jsonb_to_tsvector('english'::regconfig, jsonb_path_query_array(data, '$.content[*].text'), '["string"]')
    END) STORED;

-- websearch_to_tsquery matches go through this index; the user filter is applied to its hits.
CREATE INDEX thread_items_search ON thread_items USING gin (search_vector);
