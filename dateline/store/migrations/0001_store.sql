-- Migration 1: the store of Dateline 0.1 (store version 1). SQL common to SQLite and PostgreSQL.
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
