-- Migration 3 (Dateline 0.3): the corpus layer. What many articles tell together: which
-- event mentions are one happening, which statements one claim, which figures count one
-- thing; and what follows from that (contradictions, what became of each claim).
--
-- Every table here is made from the document records and can be made again from them
-- (`dateline relink`); linking never changes a record. Items are named as the records
-- name them: (documents.key, item id "V3" / "S2" / "F1").

-- Each linkable item of a document, as the linker reads it (JSON); its part, the items
-- it is connected to through pairs judged alike (link_pairs); and its group, the linked
-- event, claim or count it belongs to, made by clustering its part (corpus/link.py).
-- Parts and groups are named by their first member ("key/V3").
CREATE TABLE IF NOT EXISTS link_items (
    doc TEXT NOT NULL REFERENCES documents (key),
    item TEXT NOT NULL,
    kind TEXT NOT NULL,            -- event | statement | figure
    part TEXT NOT NULL,
    grp TEXT NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (doc, item)
);
CREATE INDEX IF NOT EXISTS link_items_part ON link_items (part);
CREATE INDEX IF NOT EXISTS link_items_grp ON link_items (grp);

-- The index that finds the candidates of a new item without reading the store: two items
-- that may be linked share a key (an event's family and one of its days, a speaker's name
-- key, a figure's category and day, a place a holding claim is about).
CREATE TABLE IF NOT EXISTS link_keys (
    kind TEXT NOT NULL,            -- event | statement | figure | holding
    key TEXT NOT NULL,
    doc TEXT NOT NULL,
    item TEXT NOT NULL,
    PRIMARY KEY (kind, key, doc, item)
);
CREATE INDEX IF NOT EXISTS link_keys_item ON link_keys (doc, item);

-- The pairs judged alike enough, with their likeness: the edges of the parts, kept so
-- that parts can be made again when a document goes.
CREATE TABLE IF NOT EXISTS link_pairs (
    doc TEXT NOT NULL,
    item TEXT NOT NULL,
    other_doc TEXT NOT NULL,
    other_item TEXT NOT NULL,
    likeness REAL NOT NULL,
    PRIMARY KEY (doc, item, other_doc, other_item)
);
CREATE INDEX IF NOT EXISTS link_pairs_other ON link_pairs (other_doc, other_item);

-- What is judged of a group: its contradictions, and for a claim its status and history (JSON).
CREATE TABLE IF NOT EXISTS link_judgements (
    grp TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    judged TEXT NOT NULL
);

-- The documents whose items are linked: a document stored but not here (a run killed
-- between storing and linking) is linked by the next ingest or relink.
CREATE TABLE IF NOT EXISTS linked_documents (
    doc TEXT PRIMARY KEY REFERENCES documents (key),
    linked_at TEXT NOT NULL
);

-- One actor across articles: every name form seen, and the actor it stands for.
CREATE TABLE IF NOT EXISTS actors (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,            -- the fullest name seen
    type TEXT
);
CREATE TABLE IF NOT EXISTS actor_names (
    form TEXT PRIMARY KEY,         -- the folded name (corpus/names.py)
    actor INTEGER NOT NULL REFERENCES actors (id),
    name TEXT NOT NULL,            -- as first written
    seen INTEGER NOT NULL          -- in how many items
);
CREATE INDEX IF NOT EXISTS actor_names_actor ON actor_names (actor);
