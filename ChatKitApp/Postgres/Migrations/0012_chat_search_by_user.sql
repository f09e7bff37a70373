-- Chat search reads only the searching user's messages (issue 21: a word in 10 % of the messages of a
-- user with 100,000 of them). The index of 0009 was on search_vector alone: a common word's index hits
-- were every user's messages, nearly every page of thread_items was read to drop the other users' rows
-- and rank the rest, and that touched more pages than shared_buffers holds, so each search re-read them.
-- One GIN index on (user_id, search_vector) gives only the user's matches, and it replaces the old one:
-- every search is scoped to a user.
--
-- A GIN index on a text column needs the btree_gin extension (in PostgreSQL's contrib, shipped with the
-- server packages; "trusted", so the database owner or any role with CREATE on the database may install
-- it). It goes into pg_catalog, like plpgsql: it then belongs to no application schema, so dropping one
-- (a test schema, a tenant) cannot drop it and the indexes of the others with it. If the application's
-- role may not create it, an administrator runs once, before upgrading:
--     CREATE EXTENSION btree_gin SCHEMA pg_catalog;
-- Migrations of different schemas run at once (the migrator's lock is per schema), so a database-wide
-- advisory lock (class "CKIT", key 12) serializes the check-and-create.
SELECT pg_advisory_xact_lock(1128221012, 12);
CREATE EXTENSION IF NOT EXISTS btree_gin SCHEMA pg_catalog;

-- Building the index reads thread_items once and blocks writes to it meanwhile (no CONCURRENTLY inside
-- the migration's transaction): on a large database, run this migration in a quiet hour.
CREATE INDEX thread_items_search_by_user ON thread_items USING gin (user_id, search_vector);
DROP INDEX thread_items_search;
