-- newsgraph store, version 1: documents, sentences (+ FTS5), entities, events, relations.
-- STRICT tables: a value of the wrong type fails the batch instead of being stored silently.
-- Never edit a migration that has shipped: add 0002_*.sql instead.

CREATE TABLE documents (
    id          TEXT PRIMARY KEY,
    source      TEXT NOT NULL,
    url         TEXT,
    title       TEXT,
    published   TEXT,               -- ISO date or NULL
    language    TEXT NOT NULL DEFAULT 'en',
    outlet      TEXT,
    text        TEXT NOT NULL,
    ingested_at TEXT NOT NULL
) STRICT;

CREATE TABLE sentences (
    id      INTEGER PRIMARY KEY,     -- FTS5 content_rowid
    doc_id  TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx     INTEGER NOT NULL,
    start   INTEGER NOT NULL,
    "end"   INTEGER NOT NULL CHECK ("end" >= start),
    text    TEXT NOT NULL,
    UNIQUE (doc_id, idx)
) STRICT;

-- External-content FTS: the text is stored once (in sentences); triggers keep the index in step.
CREATE VIRTUAL TABLE sentences_fts USING fts5(
    text, content='sentences', content_rowid='id',
    tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER sentences_ai AFTER INSERT ON sentences BEGIN
    INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER sentences_ad AFTER DELETE ON sentences BEGIN
    INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER sentences_au AFTER UPDATE ON sentences BEGIN
    INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text);
END;

CREATE TABLE entities (
    id      TEXT PRIMARY KEY,        -- short hash of key
    name    TEXT NOT NULL,
    norm    TEXT NOT NULL,           -- normalised name, for case/diacritic-insensitive lookup
    kind    TEXT NOT NULL,
    country TEXT,
    sector  TEXT,
    key     TEXT NOT NULL UNIQUE     -- newsgraph.resolve.resolve_key
) STRICT;
CREATE INDEX entities_norm ON entities(norm);
CREATE INDEX entities_kind_country ON entities(kind, country);

CREATE TABLE entity_aliases (
    entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    alias     TEXT NOT NULL,
    norm      TEXT NOT NULL,
    PRIMARY KEY (entity_id, alias)
) STRICT;
CREATE INDEX entity_aliases_norm ON entity_aliases(norm);

CREATE TABLE entity_roles (
    entity_id    TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    title        TEXT NOT NULL,
    organisation TEXT,
    seen         TEXT,
    doc_id       TEXT REFERENCES documents(id) ON DELETE SET NULL
) STRICT;
CREATE INDEX entity_roles_entity ON entity_roles(entity_id);

CREATE TABLE mentions (
    entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    doc_id    TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start     INTEGER NOT NULL,
    "end"     INTEGER NOT NULL CHECK ("end" >= start),
    text      TEXT NOT NULL,
    sentence  INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX mentions_entity ON mentions(entity_id);
CREATE INDEX mentions_doc ON mentions(doc_id, sentence);

CREATE TABLE events (
    id             TEXT PRIMARY KEY,
    type           TEXT NOT NULL,
    mode           TEXT,
    context        TEXT,
    modality       TEXT NOT NULL,
    confidence     REAL NOT NULL CHECK (confidence BETWEEN 0 AND 1),
    source_entity  TEXT REFERENCES entities(id),
    target_entity  TEXT REFERENCES entities(id),
    date_text      TEXT,
    date_value     TEXT,             -- ISO YYYY, YYYY-MM, YYYY-MM-DD or A/B
    date_precision TEXT,
    date_start     TEXT,             -- first / last ISO prefix of date_value, for since/until
    date_end       TEXT,
    place_name     TEXT,
    place_country  TEXT,
    place_lat      REAL,
    place_lon      REAL,
    trigger        TEXT
) STRICT;
CREATE INDEX events_type ON events(type);
CREATE INDEX events_source ON events(source_entity);
CREATE INDEX events_target ON events(target_entity);
CREATE INDEX events_date ON events(date_start, date_end);

CREATE TABLE evidence (
    event_id       TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    doc_id         TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    source         TEXT NOT NULL,
    sentence       TEXT NOT NULL,
    start          INTEGER NOT NULL,
    "end"          INTEGER NOT NULL CHECK ("end" >= start),
    sentence_index INTEGER NOT NULL DEFAULT 0,
    UNIQUE (event_id, doc_id, start, "end")
) STRICT;
CREATE INDEX evidence_doc ON evidence(doc_id);

CREATE TABLE event_quantities (
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    value    REAL NOT NULL,
    unit     TEXT NOT NULL,
    text     TEXT NOT NULL,
    kind     TEXT NOT NULL
) STRICT;
CREATE INDEX event_quantities_event ON event_quantities(event_id);

CREATE TABLE relations (
    id            TEXT PRIMARY KEY,  -- short hash of source|relation|target
    source_entity TEXT NOT NULL REFERENCES entities(id),
    relation      TEXT NOT NULL,
    target_entity TEXT NOT NULL REFERENCES entities(id),
    first_seen    TEXT,
    last_seen     TEXT
) STRICT;
CREATE INDEX relations_source ON relations(source_entity);
CREATE INDEX relations_target ON relations(target_entity);

CREATE TABLE relation_evidence (
    relation_id    TEXT NOT NULL REFERENCES relations(id) ON DELETE CASCADE,
    doc_id         TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    source         TEXT NOT NULL,
    sentence       TEXT NOT NULL,
    start          INTEGER NOT NULL,
    "end"          INTEGER NOT NULL CHECK ("end" >= start),
    sentence_index INTEGER NOT NULL DEFAULT 0,
    UNIQUE (relation_id, doc_id, start, "end")
) STRICT;
