-- Migration 1, SQLite's part: the runs table (an INTEGER PRIMARY KEY numbers itself) and the
-- flat views, which use SQLite's GLOB and group_concat.

CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    started TEXT NOT NULL,
    finished TEXT,                 -- null: still running, or killed
    sources TEXT NOT NULL,         -- JSON list of what was given
    read INTEGER NOT NULL DEFAULT 0,
    stored INTEGER NOT NULL DEFAULT 0,
    known INTEGER NOT NULL DEFAULT 0,
    problems INTEGER NOT NULL DEFAULT 0
);

-- Events as rows an ACLED user recognises: when, what, who against whom, where, and
-- from which sentence of which outlet, under whose word.
CREATE VIEW IF NOT EXISTS event_rows AS
SELECT
    e.doc || '/' || e.id AS event_id,
    -- a day (or coarser) from the event's own time when it names one, else the publication day
    CASE WHEN t.value GLOB '[0-9][0-9][0-9][0-9]*' THEN substr(t.value, 1, 10)
         ELSE substr(d.published, 1, 10) END AS event_date,
    e.type AS event_type,
    e.mode AS sub_event_type,
    (SELECT group_concat(name, '; ') FROM (SELECT en.name FROM event_arguments a JOIN entities en
        ON en.doc = a.doc AND en.id = a.ref WHERE a.doc = e.doc AND a.event = e.id AND a.role = 'actor'
        ORDER BY a.position)) AS actor,
    (SELECT group_concat(name, '; ') FROM (SELECT en.name FROM event_arguments a JOIN entities en
        ON en.doc = a.doc AND en.id = a.ref WHERE a.doc = e.doc AND a.event = e.id AND a.role = 'target'
        ORDER BY a.position)) AS target,
    p.name AS location,
    p.admin1 AS admin1,
    p.country AS country,
    p.lat AS latitude,
    p.lon AS longitude,
    d.source AS source,
    d.url AS source_url,
    substr(d.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) AS source_sentence,
    e.trigger AS trigger,
    s.speaker AS attributed_to,
    e.factuality AS factuality,
    d.title AS title,
    d.published AS published,
    e.doc AS doc,
    e.id AS id
FROM events e
JOIN documents d ON d.key = e.doc
LEFT JOIN times t ON t.doc = e.doc AND t.id = e.time
LEFT JOIN event_arguments pa ON pa.doc = e.doc AND pa.event = e.id AND pa.role = 'place' AND pa.position = 0
LEFT JOIN places p ON p.doc = pa.doc AND p.id = pa.ref
LEFT JOIN statements s ON s.doc = e.doc AND s.id = e.attributed_to;

CREATE VIEW IF NOT EXISTS statement_rows AS
SELECT
    s.doc || '/' || s.id AS statement_id,
    CASE WHEN t.value GLOB '[0-9][0-9][0-9][0-9]*' THEN substr(t.value, 1, 10)
         ELSE substr(d.published, 1, 10) END AS date,
    s.speaker, s.speaker_text, en.type AS speaker_type, en.title AS speaker_title,
    s.cue, s.kind, s.stance, s.channel, s.content,
    substr(d.text, s.sentence_start + 1, s.sentence_end - s.sentence_start) AS source_sentence,
    d.source AS source, d.url AS source_url, d.title AS title, d.published AS published,
    s.doc AS doc, s.id AS id
FROM statements s
JOIN documents d ON d.key = s.doc
LEFT JOIN entities en ON en.doc = s.doc AND en.id = s.speaker_entity
LEFT JOIN times t ON t.doc = s.doc AND t.id = s.time;

CREATE VIEW IF NOT EXISTS figure_rows AS
SELECT
    f.doc || '/' || f.id AS figure_id,
    CASE WHEN t.value GLOB '[0-9][0-9][0-9][0-9]*' THEN substr(t.value, 1, 10)
         ELSE substr(d.published, 1, 10) END AS date,
    f.category, f.qualifier, f.value, f.low, f.high, f.text,
    p.name AS location, p.admin1 AS admin1, p.country AS country, p.lat AS latitude, p.lon AS longitude,
    s.speaker AS attributed_to,
    substr(d.text, f.sentence_start + 1, f.sentence_end - f.sentence_start) AS source_sentence,
    d.source AS source, d.url AS source_url, d.title AS title, d.published AS published,
    f.doc AS doc, f.id AS id
FROM figures f
JOIN documents d ON d.key = f.doc
LEFT JOIN times t ON t.doc = f.doc AND t.id = f.time
LEFT JOIN places p ON p.doc = f.doc AND p.id = f.place
LEFT JOIN statements s ON s.doc = f.doc AND s.id = f.attributed_to;

CREATE VIEW IF NOT EXISTS place_rows AS
SELECT
    p.doc || '/' || p.id AS place_id,
    p.name, p.kind, p.geonameid, p.lat AS latitude, p.lon AS longitude, p.country, p.admin1, p.mentions,
    d.source AS source, d.url AS source_url, d.title AS title, d.published AS published,
    p.doc AS doc, p.id AS id
FROM places p
JOIN documents d ON d.key = p.doc;

CREATE VIEW IF NOT EXISTS document_rows AS
SELECT
    d.key, d.id, d.title, d.url, d.source, d.published, d.dateline, d.language,
    length(d.text) AS characters,
    (SELECT count(*) FROM sources s WHERE s.doc = d.key) AS sources,
    (SELECT count(*) FROM statements s WHERE s.doc = d.key) AS statements,
    (SELECT count(*) FROM events e WHERE e.doc = d.key) AS events,
    (SELECT count(*) FROM figures f WHERE f.doc = d.key) AS figures,
    (SELECT count(*) FROM places p WHERE p.doc = d.key) AS places,
    d.stored_at
FROM documents d;
