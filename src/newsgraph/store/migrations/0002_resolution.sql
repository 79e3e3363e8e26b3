-- newsgraph store, version 2: cross-document resolution.
-- Actors as each document names them get rows of their own; entities are what the resolver makes
-- of them (re-derived when new articles arrive, so every table keeps the actor it came from).
-- Events stay one row per report (one document's statement); `cluster` groups the reports of one
-- happening and `is_primary` marks the report that speaks for it. Relations become one row per
-- stated tie, grouped into standing relations by the query layer.

CREATE TABLE actors (
    id        TEXT PRIMARY KEY,          -- doc id / entity-free key hash: stable for one statement
    doc_id    TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    key       TEXT NOT NULL,             -- newsgraph.resolve.resolve_key
    name      TEXT NOT NULL,
    kind      TEXT NOT NULL,
    country   TEXT,
    sector    TEXT,
    aliases   TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(aliases))
) STRICT;
CREATE INDEX actors_doc ON actors(doc_id);
CREATE INDEX actors_key ON actors(key, doc_id);

-- What the resolver clusters: every actor key once, with the union of what documents said of it
-- and in how many documents it appears; entity_id is the resolver's current answer.
CREATE TABLE actor_keys (
    key       TEXT PRIMARY KEY,
    name      TEXT NOT NULL,
    kind      TEXT NOT NULL,
    country   TEXT,
    sector    TEXT,
    aliases   TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(aliases)),
    documents INTEGER NOT NULL DEFAULT 0,
    entity_id TEXT REFERENCES entities(id)
) STRICT;
CREATE INDEX actor_keys_entity ON actor_keys(entity_id);

-- Blocking keys: the resolver compares a new actor key only with keys sharing one of these.
CREATE TABLE key_blocks (
    block TEXT NOT NULL,
    key   TEXT NOT NULL REFERENCES actor_keys(key) ON DELETE CASCADE,
    PRIMARY KEY (block, key)
) STRICT, WITHOUT ROWID;
CREATE INDEX key_blocks_key ON key_blocks(key);

ALTER TABLE mentions ADD COLUMN actor_id TEXT REFERENCES actors(id) ON DELETE CASCADE;
ALTER TABLE entity_roles ADD COLUMN actor_id TEXT REFERENCES actors(id) ON DELETE CASCADE;
ALTER TABLE events ADD COLUMN doc_id TEXT REFERENCES documents(id) ON DELETE CASCADE;
ALTER TABLE events ADD COLUMN source_actor TEXT REFERENCES actors(id);
ALTER TABLE events ADD COLUMN target_actor TEXT REFERENCES actors(id);
ALTER TABLE events ADD COLUMN position INTEGER NOT NULL DEFAULT 0;   -- trigger offset in the document
ALTER TABLE events ADD COLUMN cluster TEXT;                          -- the merged event's id
ALTER TABLE events ADD COLUMN is_primary INTEGER NOT NULL DEFAULT 1 CHECK (is_primary IN (0, 1));
CREATE INDEX mentions_actor ON mentions(actor_id);
CREATE INDEX events_cluster ON events(cluster);
CREATE INDEX events_primary ON events(is_primary, date_start);
CREATE INDEX events_source_actor ON events(source_actor);
CREATE INDEX events_type_source_date ON events(type, source_entity, date_start);
CREATE INDEX events_type_target_date ON events(type, target_entity, date_start);
CREATE INDEX documents_published ON documents(published);
CREATE INDEX entity_roles_actor ON entity_roles(actor_id);
CREATE INDEX events_target_actor ON events(target_actor);

-- Stores made by version 1 keep their data: one actor per (document, entity) it was seen in. Their
-- entities keep their ids (the key-derived id of version 1) until the next ingest re-resolves them.
INSERT OR IGNORE INTO actors (id, doc_id, key, name, kind, country, sector)
    SELECT m.doc_id || '/' || n.id, m.doc_id, n.key, n.name, n.kind, n.country, n.sector
    FROM mentions m JOIN entities n ON n.id = m.entity_id;
UPDATE events SET doc_id = (SELECT doc_id FROM evidence v WHERE v.event_id = events.id ORDER BY rowid LIMIT 1);
INSERT OR IGNORE INTO actors (id, doc_id, key, name, kind, country, sector)
    SELECT e.doc_id || '/' || n.id, e.doc_id, n.key, n.name, n.kind, n.country, n.sector
    FROM events e JOIN entities n ON n.id IN (e.source_entity, e.target_entity) WHERE e.doc_id IS NOT NULL;
INSERT INTO actor_keys (key, name, kind, country, sector, documents, entity_id)
    SELECT n.key, n.name, n.kind, n.country, n.sector, (SELECT count(*) FROM actors a WHERE a.key = n.key), n.id
    FROM entities n;
UPDATE mentions SET actor_id = doc_id || '/' || entity_id;
UPDATE entity_roles SET actor_id = doc_id || '/' || entity_id
    WHERE doc_id IS NOT NULL AND (doc_id || '/' || entity_id) IN (SELECT id FROM actors);
UPDATE events SET source_actor = doc_id || '/' || source_entity WHERE source_entity IS NOT NULL;
UPDATE events SET target_actor = doc_id || '/' || target_entity WHERE target_entity IS NOT NULL;
UPDATE events SET cluster = id;

-- Relations were never written by version 1: replace them with one row per stated tie.
DROP TABLE relation_evidence;
DROP TABLE relations;
CREATE TABLE relations (
    id             TEXT PRIMARY KEY,     -- hash of doc, actors, relation and sentence
    doc_id         TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    source_actor   TEXT NOT NULL REFERENCES actors(id),
    relation       TEXT NOT NULL,
    target_actor   TEXT NOT NULL REFERENCES actors(id),
    source_entity  TEXT REFERENCES entities(id),
    target_entity  TEXT REFERENCES entities(id),
    seen           TEXT,                 -- ISO date the tie was reported
    source         TEXT NOT NULL,        -- the document's path or URL
    sentence       TEXT NOT NULL,
    start          INTEGER NOT NULL,
    "end"          INTEGER NOT NULL CHECK ("end" >= start),
    sentence_index INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX relations_entities ON relations(source_entity, relation, target_entity);
CREATE INDEX relations_target ON relations(target_entity);
CREATE INDEX relations_source_actor ON relations(source_actor);
CREATE INDEX relations_target_actor ON relations(target_actor);
