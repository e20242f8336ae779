-- Migration 7 (Dateline 0.3): the names of the published claims' speakers, once per key.
-- links_speakers holds a row per claim and key, so that the names a common key ("army")
-- has were found among every claim of it, more of them as the store grows; here they are
-- a few rows. A name stays when its claims go: looked up again, it finds no claim in
-- links_speakers, and a relink's clear empties the table.
CREATE TABLE IF NOT EXISTS links_speaker_names (
    key TEXT NOT NULL,
    name TEXT NOT NULL,
    type TEXT NOT NULL,  -- '' for a name of no type
    PRIMARY KEY (key, name, type)
);
INSERT INTO links_speaker_names (key, name, type)
SELECT DISTINCT key, name, COALESCE(type, '') FROM links_speakers WHERE true ON CONFLICT DO NOTHING;
