-- Migration 6 (Dateline 0.3): events and counts are found as candidates by the ISO weeks
-- their days touch, not by each day: a few index keys per item instead of up to 32, and
-- fewer rows to write and read for each article linked (and statements, with what a claim
-- awaits, are stored under the week they were said in). The keys an older store holds
-- would find nothing under the new ones, so its links are forgotten here, as a relink's
-- clear forgets them; every link table is made from the document records, which stay.
-- The next `ingest`, `links`, `story` or `relink` links every document again.
DELETE FROM link_items;
DELETE FROM link_keys;
DELETE FROM link_pairs;
DELETE FROM link_judgements;
DELETE FROM linked_documents;
DELETE FROM actor_names;
DELETE FROM actors;
INSERT INTO links_changes (kind, name) VALUES ('all', '') ON CONFLICT DO NOTHING;
