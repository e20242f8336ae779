-- Migration 5 (Dateline 0.3): publishing the corpus views group by group. Linking a
-- document changes a few groups; the views of migration 4 were written again whole after
-- each ingest, which reads the whole store (tens of seconds on a large one). Linking now
-- notes what it changed, in the transaction that changes it, and publishing
-- (corpus/publish.py) writes again the rows of those groups and the counts of the
-- speakers, outlets and actors they name, nothing else.

-- What changed since the views were last written: a group made, changed, undone or
-- judged again ('group', its name); an actor given a name or seen again ('actor', its id);
-- a name form learned ('form') or seen again ('seen'), which may give a name of a
-- published group an actor or a fuller name; everything ('all', ''), after a relink's clear.
CREATE TABLE IF NOT EXISTS links_changes (
    kind TEXT NOT NULL,            -- group | actor | form | seen | all
    name TEXT NOT NULL,
    PRIMARY KEY (kind, name)
);

-- The name forms a published group's rows looked up and found no actor for, so that the
-- group is written again when a later document makes one of them an actor's.
CREATE TABLE IF NOT EXISTS links_unresolved (
    form TEXT NOT NULL,
    grp TEXT NOT NULL,
    PRIMARY KEY (form, grp)
);
CREATE INDEX IF NOT EXISTS links_unresolved_grp ON links_unresolved (grp);

-- The published claims by the keys of their speaker's name as their first report gives it
-- (corpus/names.py), with the fullest name they were published under: a name form learned
-- or seen later may make another name the fullest (Actors.canonical), and the claims of a
-- speaker it is the same as are found here and written again if it does.
CREATE TABLE IF NOT EXISTS links_speakers (
    key TEXT NOT NULL,
    grp TEXT NOT NULL,
    name TEXT NOT NULL,
    type TEXT,
    speaker TEXT NOT NULL,
    PRIMARY KEY (key, grp)
);
CREATE INDEX IF NOT EXISTS links_speakers_grp ON links_speakers (grp);
CREATE INDEX IF NOT EXISTS links_speakers_name ON links_speakers (key, name, type, speaker);

-- A group's contradictions, found to be written again.
CREATE INDEX IF NOT EXISTS contradictions_grp ON contradictions (grp);
-- What is counted again for the speakers, names and actors of the groups written again,
-- read from these indexes alone: a speaker's claims by status and its actor, the actor of
-- a name, the events an actor acted in or was acted on.
CREATE INDEX IF NOT EXISTS claims_speaker_status ON claims (speaker, status, actor);
CREATE INDEX IF NOT EXISTS linked_event_actors_name_actor ON linked_event_actors (name, actor);
CREATE INDEX IF NOT EXISTS linked_event_actors_actor_event ON linked_event_actors (actor, role, event);
DROP INDEX IF EXISTS linked_event_actors_actor;  -- the one above serves what it served

-- The last time a document was linked, read from the index's end rather than from every
-- row: part of the state of linking the views are compared with (store/corpus.py: stamp).
CREATE INDEX IF NOT EXISTS linked_documents_linked_at ON linked_documents (linked_at);

-- The schema the views were written under: views written before this migration (or
-- under an older one) were not followed by the notes above, and are written again whole.
ALTER TABLE links_published ADD COLUMN schema INTEGER NOT NULL DEFAULT 0;
