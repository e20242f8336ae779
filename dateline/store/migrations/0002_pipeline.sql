-- Migration 2 (Dateline 0.2): each document says which pipeline made its record (the
-- versions of Dateline, its data files and the spaCy model, as JSON), so that
-- `dateline reextract` finds the records an upgrade would change through an index.
-- Records stored before it have none: they count as made by an older pipeline.

ALTER TABLE documents ADD COLUMN pipeline TEXT;
CREATE INDEX IF NOT EXISTS documents_pipeline ON documents (pipeline);
