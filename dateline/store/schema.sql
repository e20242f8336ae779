-- The Dateline store: one SQLite file, readable with plain SQL and Datasette.
--
-- `documents` keeps each article once, keyed by a hash of its text with whitespace
-- normalised, with its whole record as JSON. `sources` lists every place an article was
-- read (two outlets, a feed and an archive...). The layer tables flatten the record so
-- that a question like "every denial by a ministry in March" is one SELECT; their rows
-- are written in the same transaction as the document, so a document is never half there.
-- The *_rows views are the flat tables of `dateline export` (CSV, Parquet).

CREATE TABLE IF NOT EXISTS documents (
    key TEXT PRIMARY KEY,          -- sha256 of the text, whitespace normalised
    id TEXT NOT NULL,              -- the record's document.id
    title TEXT,
    url TEXT,
    source TEXT,
    published TEXT,
    dateline TEXT,
    language TEXT,
    text TEXT NOT NULL,
    record TEXT NOT NULL,          -- the document record (dateline.document/1), JSON
    stored_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_published ON documents (published);

CREATE TABLE IF NOT EXISTS sources (
    doc TEXT NOT NULL REFERENCES documents (key),
    origin TEXT NOT NULL,          -- the file (absolute path) or URL read
    locator TEXT NOT NULL,         -- where in it: "line 12", "entry 3", "record at byte 5120"; '' for all of it
    reader TEXT NOT NULL,          -- text, html, feed, warc, jsonl
    url TEXT,
    source TEXT,
    title TEXT,
    published TEXT,
    version INTEGER,               -- 1 for the first text seen at this url, 2 for a changed one, ...
    meta TEXT,                     -- other metadata the source carried, JSON
    first_seen TEXT NOT NULL,
    PRIMARY KEY (doc, origin, locator)  -- one wire story on two lines of one dump: two sources
);
CREATE INDEX IF NOT EXISTS sources_url ON sources (url);

CREATE TABLE IF NOT EXISTS entities (
    doc TEXT NOT NULL REFERENCES documents (key),
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    title TEXT,
    affiliation TEXT,              -- entity id in the same document
    mentions INTEGER NOT NULL,
    first_start INTEGER,
    PRIMARY KEY (doc, id)
);
CREATE INDEX IF NOT EXISTS entities_name ON entities (name);

CREATE TABLE IF NOT EXISTS places (
    doc TEXT NOT NULL REFERENCES documents (key),
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    geonameid INTEGER,
    lat REAL,
    lon REAL,
    country TEXT,
    admin1 TEXT,
    mentions INTEGER NOT NULL,
    first_start INTEGER,
    PRIMARY KEY (doc, id)
);
CREATE INDEX IF NOT EXISTS places_country ON places (country);

CREATE TABLE IF NOT EXISTS times (
    doc TEXT NOT NULL REFERENCES documents (key),
    id TEXT NOT NULL,
    type TEXT NOT NULL,
    value TEXT,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    PRIMARY KEY (doc, id)
);

CREATE TABLE IF NOT EXISTS statements (
    doc TEXT NOT NULL REFERENCES documents (key),
    id TEXT NOT NULL,
    speaker_entity TEXT,
    speaker TEXT,                  -- the resolved entity's name, else the speaker phrase
    speaker_text TEXT,             -- the speaker phrase as written at this attribution
    cue TEXT NOT NULL,
    kind TEXT NOT NULL,
    stance TEXT NOT NULL,
    channel TEXT,
    content TEXT NOT NULL,
    content_start INTEGER NOT NULL,
    content_end INTEGER NOT NULL,
    time TEXT,
    sentence_start INTEGER,
    sentence_end INTEGER,
    PRIMARY KEY (doc, id)
);
CREATE INDEX IF NOT EXISTS statements_speaker ON statements (speaker);

CREATE TABLE IF NOT EXISTS events (
    doc TEXT NOT NULL REFERENCES documents (key),
    id TEXT NOT NULL,
    type TEXT NOT NULL,
    mode TEXT,
    trigger TEXT NOT NULL,
    trigger_start INTEGER NOT NULL,
    trigger_end INTEGER NOT NULL,
    factuality TEXT NOT NULL,
    attributed_to TEXT,            -- statement id in the same document
    time TEXT,
    sentence_start INTEGER,
    sentence_end INTEGER,
    PRIMARY KEY (doc, id)
);
CREATE INDEX IF NOT EXISTS events_type ON events (type);

-- who acted, on whom, where: one row per argument, in the record's order
CREATE TABLE IF NOT EXISTS event_arguments (
    doc TEXT NOT NULL REFERENCES documents (key),
    event TEXT NOT NULL,
    role TEXT NOT NULL,            -- actor, target, place
    position INTEGER NOT NULL,
    ref TEXT NOT NULL,             -- entity id (actor, target) or place id (place)
    PRIMARY KEY (doc, event, role, position)
);

CREATE TABLE IF NOT EXISTS figures (
    doc TEXT NOT NULL REFERENCES documents (key),
    id TEXT NOT NULL,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    value REAL,
    low REAL,
    high REAL,
    qualifier TEXT NOT NULL,
    category TEXT NOT NULL,
    place TEXT,
    time TEXT,
    attributed_to TEXT,
    sentence_start INTEGER,
    sentence_end INTEGER,
    PRIMARY KEY (doc, id)
);
CREATE INDEX IF NOT EXISTS figures_category ON figures (category);

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
