-- Migration 4 (Dateline 0.3): the links record published as tables. The link tables of
-- migration 3 say which items are one group; the links record (corpus/record.py) is made
-- from them by reading the whole store, which takes seconds on a large one. The pages,
-- the API's lists and the exports read these tables instead, written from one links
-- record after linking (corpus/publish.py), so a page of claims is an indexed read.
--
-- Every row can be made again from the link tables (`dateline relink`, or any ingest).
-- Ids are the store's group names made URL-safe: the group "<document key>/V3" is the
-- linked event "<document key>-V3"; a contradiction adds "-X1", "-X2"... to its group's.
-- `doc` columns are store keys (what /read/{key} opens); `document` columns the record ids
-- the links record uses.

-- When the tables were last written, and from which state of the link tables.
CREATE TABLE IF NOT EXISTS links_published (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    stamp TEXT NOT NULL,           -- the linked documents' count, last rowid and last time
    published_at TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS linked_events (
    id TEXT PRIMARY KEY,
    grp TEXT NOT NULL,             -- the group in link_items
    type TEXT NOT NULL,
    mode TEXT,
    date_start TEXT,               -- when it happened, as narrow as the reports allow
    date_end TEXT,
    day TEXT NOT NULL,             -- what lists order by: date_start, else the first report's day, else ''
    factuality TEXT NOT NULL,      -- asserted | claimed | denied | possible | disputed
    place TEXT,                    -- the most precise place with coordinates
    country TEXT,
    latitude DOUBLE PRECISION,     -- 8 bytes in both SQLite and PostgreSQL (whose REAL has 4)
    longitude DOUBLE PRECISION,
    precision TEXT,                -- town | region | country: how closely `place` pins it down
    places TEXT NOT NULL,          -- every place, JSON as in the links record
    actors TEXT,                   -- names as the reports give them, '; '-joined
    targets TEXT,
    reports INTEGER NOT NULL,
    outlets INTEGER NOT NULL,
    sources TEXT,                  -- the outlets, '; '-joined
    first_doc TEXT,
    first_document TEXT,
    first_published TEXT,
    background INTEGER NOT NULL,   -- 1: dated long before the first article that tells it
    words TEXT NOT NULL            -- lower-case words the `q` filter looks in
);
-- newest first, and the filters that look inside text or coordinates read this index
-- rather than the rows, so a count over a filter of words stays a scan of narrow entries
CREATE INDEX IF NOT EXISTS linked_events_day ON linked_events (day, id, date_end, latitude, longitude, words, sources);
CREATE INDEX IF NOT EXISTS linked_events_type ON linked_events (type, day, date_end);
CREATE INDEX IF NOT EXISTS linked_events_factuality ON linked_events (factuality, day, date_end);
CREATE INDEX IF NOT EXISTS linked_events_country ON linked_events (country, day, date_end);
CREATE INDEX IF NOT EXISTS linked_events_background ON linked_events (background, day, date_end);

CREATE TABLE IF NOT EXISTS linked_event_reports (
    event TEXT NOT NULL,
    position INTEGER NOT NULL,     -- first reported first
    doc TEXT NOT NULL,
    document TEXT NOT NULL,
    item TEXT NOT NULL,            -- the event mention: V3
    source TEXT,
    published TEXT,
    factuality TEXT,
    statement TEXT,                -- the statement it is attributed to, if any
    speaker TEXT,
    PRIMARY KEY (event, position)
);
CREATE INDEX IF NOT EXISTS linked_event_reports_item ON linked_event_reports (doc, item);
CREATE INDEX IF NOT EXISTS linked_event_reports_source ON linked_event_reports (source, event);

-- Who acted and who was acted on, each name with its actor (actors.id) when one is known.
CREATE TABLE IF NOT EXISTS linked_event_actors (
    event TEXT NOT NULL,
    role TEXT NOT NULL,            -- actor | target
    name TEXT NOT NULL,
    actor INTEGER,
    PRIMARY KEY (event, role, name)
);
CREATE INDEX IF NOT EXISTS linked_event_actors_actor ON linked_event_actors (actor, role);
CREATE INDEX IF NOT EXISTS linked_event_actors_name ON linked_event_actors (name, role, event);

-- Each name linked_event_actors holds, once: a filter's text is looked for among these
-- few thousand rather than in every event's names.
CREATE TABLE IF NOT EXISTS linked_event_names (
    name TEXT PRIMARY KEY,
    actor INTEGER
);

CREATE TABLE IF NOT EXISTS claims (
    id TEXT PRIMARY KEY,
    grp TEXT NOT NULL,
    speaker TEXT NOT NULL,
    speaker_type TEXT,
    actor INTEGER,                 -- the speaker's actor, when known
    stance TEXT,
    content TEXT,                  -- what the first report says was said
    status TEXT NOT NULL,          -- open | confirmed | refuted
    status_date TEXT,              -- the day of the latest change of status
    settled TEXT,                  -- the day of the first: outlets reporting it after are not charged with it
    reports INTEGER NOT NULL,
    outlets INTEGER NOT NULL,
    sources TEXT,
    first_doc TEXT,
    first_document TEXT,
    first_published TEXT,
    day TEXT NOT NULL,             -- first_published, else ''
    history TEXT NOT NULL,         -- JSON: [{date, status, evidence: [{document, doc, item}]}]
    words TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS claims_day ON claims (day, id, actor, speaker, words, sources);
CREATE INDEX IF NOT EXISTS claims_status ON claims (status, day);
CREATE INDEX IF NOT EXISTS claims_actor ON claims (actor, day);
CREATE INDEX IF NOT EXISTS claims_speaker ON claims (speaker, day);

-- Each speaker of the claims, once, with its actor: a filter's text is looked for among these.
CREATE TABLE IF NOT EXISTS claim_speakers (
    speaker TEXT PRIMARY KEY,
    actor INTEGER
);

CREATE TABLE IF NOT EXISTS claim_reports (
    claim TEXT NOT NULL,
    position INTEGER NOT NULL,
    doc TEXT NOT NULL,
    document TEXT NOT NULL,
    statement TEXT NOT NULL,
    source TEXT,
    published TEXT,
    PRIMARY KEY (claim, position)
);
CREATE INDEX IF NOT EXISTS claim_reports_item ON claim_reports (doc, statement);
CREATE INDEX IF NOT EXISTS claim_reports_source ON claim_reports (source, claim);

CREATE TABLE IF NOT EXISTS contradictions (
    id TEXT PRIMARY KEY,
    grp TEXT NOT NULL,
    kind TEXT NOT NULL,            -- figure | denial | factuality | detail
    about TEXT NOT NULL,
    event TEXT,                    -- the linked event it is about, when it is about one
    place TEXT,
    country TEXT,
    day TEXT NOT NULL,             -- the earliest publication among its items, else ''
    sides INTEGER NOT NULL,
    items INTEGER NOT NULL,
    sources TEXT,
    words TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS contradictions_day ON contradictions (day, id);
CREATE INDEX IF NOT EXISTS contradictions_kind ON contradictions (kind, day);

CREATE TABLE IF NOT EXISTS contradiction_items (
    contradiction TEXT NOT NULL,
    side INTEGER NOT NULL,
    n INTEGER NOT NULL,
    position TEXT,                 -- what the side holds: "denied", "12 people"...
    doc TEXT NOT NULL,
    document TEXT NOT NULL,
    item TEXT NOT NULL,
    source TEXT,
    published TEXT,
    PRIMARY KEY (contradiction, side, n)
);

CREATE TABLE IF NOT EXISTS track_record (
    kind TEXT NOT NULL,            -- speaker | source
    name TEXT NOT NULL,
    actor INTEGER,
    claims INTEGER NOT NULL,
    confirmed INTEGER NOT NULL,
    refuted INTEGER NOT NULL,
    open INTEGER NOT NULL,
    PRIMARY KEY (kind, name)
);
CREATE INDEX IF NOT EXISTS track_record_claims ON track_record (claims);

-- Each linked event, claim and contradiction as the API gives it (JSON), written once: a
-- page of a list is its rows' texts put together. Kept apart from the tables above so that
-- their rows stay narrow for the filters that read them.
CREATE TABLE IF NOT EXISTS corpus_items (
    id TEXT PRIMARY KEY,
    item TEXT NOT NULL
);

-- Each actor of the actors table as of the last publication, with what it did.
CREATE TABLE IF NOT EXISTS actor_summary (
    actor INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT,
    aliases TEXT NOT NULL,         -- JSON list of every name seen, most seen first
    as_actor INTEGER NOT NULL,     -- linked events it acted in
    as_target INTEGER NOT NULL,    -- linked events done to it
    claims INTEGER NOT NULL,
    words TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS actor_summary_name ON actor_summary (name);

-- The flat tables the exports write and Datasette shows: one row per item; the reports
-- are in the child tables (linked_event_reports, claim_reports, contradiction_items).
CREATE VIEW linked_event_rows AS
SELECT id AS linked_event_id, type AS event_type, mode AS sub_event_type, date_start, date_end, factuality,
       place AS location, country, latitude, longitude, precision, actors AS actor, targets AS target,
       reports, outlets, sources, first_document, first_published, background, places
FROM linked_events;

CREATE VIEW claim_rows AS
SELECT id AS claim_id, speaker, speaker_type, stance, content, status, status_date, reports, outlets, sources,
       first_document, first_published, history
FROM claims;

CREATE VIEW contradiction_rows AS
SELECT id AS contradiction_id, kind, about, event AS linked_event_id, place AS location, country,
       day AS first_published, sides, items, sources
FROM contradictions;

CREATE VIEW linked_event_report_rows AS
SELECT event AS linked_event_id, position, document, doc AS document_key, item AS event_id, source, published,
       factuality, statement AS attributed_to_statement, speaker AS attributed_to
FROM linked_event_reports;

CREATE VIEW claim_report_rows AS
SELECT claim AS claim_id, position, document, doc AS document_key, statement AS statement_id, source, published
FROM claim_reports;

CREATE VIEW contradiction_item_rows AS
SELECT contradiction AS contradiction_id, side, n AS position, position AS side_holds, document,
       doc AS document_key, item AS item_id, source, published
FROM contradiction_items;

CREATE VIEW actor_rows AS
SELECT actor AS actor_id, name, type, aliases, as_actor, as_target, claims
FROM actor_summary;
