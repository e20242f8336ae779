-- Migration 3, PostgreSQL's part. What the corpus layer reads of SQLite's rowid is given
-- a column of that name, numbered as rows are written: the order a document's items were
-- stored in (link_items), and the last document linked, which changes when one is linked
-- again (linked_documents; dialect.py's upsert gives a row written again a new one, as
-- SQLite's INSERT OR REPLACE does). The likeness of a pair is kept in 8 bytes, as SQLite
-- keeps it: a pair compared again compares alike on both.
ALTER TABLE link_items ADD COLUMN rowid BIGINT GENERATED ALWAYS AS IDENTITY;
ALTER TABLE linked_documents ADD COLUMN rowid BIGINT GENERATED ALWAYS AS IDENTITY;
CREATE INDEX IF NOT EXISTS linked_documents_rowid ON linked_documents (rowid);
ALTER TABLE link_pairs ALTER COLUMN likeness TYPE DOUBLE PRECISION;
