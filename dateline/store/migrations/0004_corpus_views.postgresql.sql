-- Migration 4, PostgreSQL's part: the words of the corpus views found through trigram
-- indexes of the columns themselves (pg_trgm, a trusted extension: the database's owner
-- may create it), which serve ILIKE '%syria%' as SQLite's FTS5 trigram tables serve their
-- phrase.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX IF NOT EXISTS linked_events_words ON linked_events USING gin (words gin_trgm_ops);
CREATE INDEX IF NOT EXISTS claims_words ON claims USING gin (words gin_trgm_ops);
