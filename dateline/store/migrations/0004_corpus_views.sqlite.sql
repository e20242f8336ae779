-- Migration 4, SQLite's part: the words of the corpus views in FTS5 trigram indexes, so a
-- filter of words (`q`) finds its rows through an index rather than by
-- reading every row: LIKE '%syria%' on an FTS5 trigram column is served by the index for a
-- text of three characters or more. Rows share their table's rowid; corpus/publish.py fills
-- them with the tables.
CREATE VIRTUAL TABLE IF NOT EXISTS linked_event_words USING fts5 (words, tokenize = 'trigram');
CREATE VIRTUAL TABLE IF NOT EXISTS claim_words USING fts5 (words, tokenize = 'trigram');
