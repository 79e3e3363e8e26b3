-- newsgraph store, version 5: what the read paths need to answer in milliseconds at a million events.
-- Both tables below are derived data, kept exact by triggers on the rows they derive from, so every
-- write path (ingest, the resolver re-pointing keys, event merging, analyst decisions, cascading
-- deletes) keeps them right without knowing they exist. Both are filled here from existing rows.

-- Per entity: its non-rejected reports (as source or target, counted once) and its mentions: the
-- counts the entity list sorts on, which were correlated count(*)s over every entity before.
CREATE TABLE entity_stats (
    entity_id TEXT PRIMARY KEY,
    events    INTEGER NOT NULL DEFAULT 0,
    mentions  INTEGER NOT NULL DEFAULT 0
) STRICT, WITHOUT ROWID;

INSERT INTO entity_stats (entity_id, events, mentions)
    SELECT entity, sum(ev), sum(mn) FROM (
        SELECT source_entity AS entity, 1 AS ev, 0 AS mn FROM events WHERE rejected = 0 AND source_entity IS NOT NULL
        UNION ALL SELECT target_entity, 1, 0 FROM events
            WHERE rejected = 0 AND target_entity IS NOT NULL AND target_entity IS NOT source_entity
        UNION ALL SELECT entity_id, 0, 1 FROM mentions)
    GROUP BY entity;

-- No UPSERT: an outer INSERT OR IGNORE / OR REPLACE would override a trigger's conflict clause.
CREATE TRIGGER entity_stats_event_ai AFTER INSERT ON events WHEN new.rejected = 0 BEGIN
    INSERT INTO entity_stats (entity_id) SELECT x FROM (SELECT new.source_entity AS x UNION SELECT new.target_entity)
        WHERE x IS NOT NULL AND x NOT IN (SELECT entity_id FROM entity_stats);
    UPDATE entity_stats SET events = events + 1 WHERE entity_id IN (new.source_entity, new.target_entity);
END;
CREATE TRIGGER entity_stats_event_ad AFTER DELETE ON events WHEN old.rejected = 0 BEGIN
    UPDATE entity_stats SET events = events - 1 WHERE entity_id IN (old.source_entity, old.target_entity);
END;
CREATE TRIGGER entity_stats_event_au AFTER UPDATE OF source_entity, target_entity, rejected ON events
    WHEN old.source_entity IS NOT new.source_entity OR old.target_entity IS NOT new.target_entity
      OR old.rejected != new.rejected BEGIN
    UPDATE entity_stats SET events = events - 1
        WHERE old.rejected = 0 AND entity_id IN (old.source_entity, old.target_entity);
    INSERT INTO entity_stats (entity_id) SELECT x FROM (SELECT new.source_entity AS x UNION SELECT new.target_entity)
        WHERE new.rejected = 0 AND x IS NOT NULL AND x NOT IN (SELECT entity_id FROM entity_stats);
    UPDATE entity_stats SET events = events + 1
        WHERE new.rejected = 0 AND entity_id IN (new.source_entity, new.target_entity);
END;
CREATE TRIGGER entity_stats_mention_ai AFTER INSERT ON mentions BEGIN
    INSERT INTO entity_stats (entity_id) SELECT new.entity_id
        WHERE new.entity_id NOT IN (SELECT entity_id FROM entity_stats);
    UPDATE entity_stats SET mentions = mentions + 1 WHERE entity_id = new.entity_id;
END;
CREATE TRIGGER entity_stats_mention_ad AFTER DELETE ON mentions BEGIN
    UPDATE entity_stats SET mentions = mentions - 1 WHERE entity_id = old.entity_id;
END;
CREATE TRIGGER entity_stats_mention_au AFTER UPDATE OF entity_id ON mentions
    WHEN old.entity_id IS NOT new.entity_id BEGIN
    UPDATE entity_stats SET mentions = mentions - 1 WHERE entity_id = old.entity_id;
    INSERT INTO entity_stats (entity_id) SELECT new.entity_id
        WHERE new.entity_id NOT IN (SELECT entity_id FROM entity_stats);
    UPDATE entity_stats SET mentions = mentions + 1 WHERE entity_id = new.entity_id;
END;

-- Per entity, the merged events it takes part in: one row per (entity, primary non-rejected report)
-- whose merged event (cluster) has a report naming the entity as source or target, rejected or
-- not: exactly what `e.cluster IN (SELECT cluster FROM events WHERE source_entity = X OR
-- target_entity = X)` keeps of the primary reports. With the primary report's date, type and mode
-- copied in, an entity's timeline walks an index in date order, and its totals, counts per type and
-- trend read only its own rows, however many events a hub has.
CREATE TABLE event_entities (
    entity_id  TEXT NOT NULL,
    event_id   TEXT NOT NULL,          -- the primary report (events.id)
    cluster    TEXT NOT NULL,          -- the merged event
    undated    INTEGER NOT NULL,       -- date_start IS NULL: undated events sort last
    date_start TEXT,
    date_end   TEXT,
    type       TEXT NOT NULL,
    mode       TEXT,
    seq        INTEGER NOT NULL,       -- the primary report's rowid: the order of reports on one date
    PRIMARY KEY (entity_id, event_id)
) STRICT, WITHOUT ROWID;
-- An entity's timeline in its order (events.date_start IS NULL, date_start, rowid): any page is an
-- index walk. VACUUM keeps the rowids of events (it copies the table b-tree as it is).
CREATE INDEX event_entities_date ON event_entities(entity_id, undated, date_start, seq);
CREATE INDEX event_entities_cluster ON event_entities(cluster);

INSERT INTO event_entities (entity_id, event_id, cluster, undated, date_start, date_end, type, mode, seq)
    SELECT x.entity, p.id, p.cluster, p.date_start IS NULL, p.date_start, p.date_end, p.type, p.mode, p.rowid
    FROM (SELECT cluster, source_entity AS entity FROM events WHERE source_entity IS NOT NULL
          UNION SELECT cluster, target_entity FROM events WHERE target_entity IS NOT NULL) x
    JOIN events p ON p.cluster = x.cluster
    WHERE p.is_primary = 1 AND p.rejected = 0;

-- A report that comes, goes or changes re-derives the rows of its merged event(s): a few reports each.
CREATE TRIGGER event_entities_ai AFTER INSERT ON events BEGIN
    DELETE FROM event_entities WHERE cluster = new.cluster;
    INSERT INTO event_entities (entity_id, event_id, cluster, undated, date_start, date_end, type, mode, seq)
        SELECT x.entity, p.id, p.cluster, p.date_start IS NULL, p.date_start, p.date_end, p.type, p.mode, p.rowid
        FROM (SELECT source_entity AS entity FROM events WHERE cluster = new.cluster AND source_entity IS NOT NULL
              UNION SELECT target_entity FROM events WHERE cluster = new.cluster AND target_entity IS NOT NULL) x
        JOIN events p ON p.cluster = new.cluster
        WHERE p.is_primary = 1 AND p.rejected = 0;
END;
CREATE TRIGGER event_entities_ad AFTER DELETE ON events BEGIN
    DELETE FROM event_entities WHERE cluster = old.cluster;
    INSERT INTO event_entities (entity_id, event_id, cluster, undated, date_start, date_end, type, mode, seq)
        SELECT x.entity, p.id, p.cluster, p.date_start IS NULL, p.date_start, p.date_end, p.type, p.mode, p.rowid
        FROM (SELECT source_entity AS entity FROM events WHERE cluster = old.cluster AND source_entity IS NOT NULL
              UNION SELECT target_entity FROM events WHERE cluster = old.cluster AND target_entity IS NOT NULL) x
        JOIN events p ON p.cluster = old.cluster
        WHERE p.is_primary = 1 AND p.rejected = 0;
END;
CREATE TRIGGER event_entities_au AFTER UPDATE OF cluster, is_primary, rejected, source_entity, target_entity,
    date_start, date_end, type, mode ON events BEGIN
    DELETE FROM event_entities WHERE cluster IN (old.cluster, new.cluster);
    INSERT INTO event_entities (entity_id, event_id, cluster, undated, date_start, date_end, type, mode, seq)
        SELECT x.entity, p.id, p.cluster, p.date_start IS NULL, p.date_start, p.date_end, p.type, p.mode, p.rowid
        FROM (SELECT cluster, source_entity AS entity FROM events
                  WHERE cluster IN (old.cluster, new.cluster) AND source_entity IS NOT NULL
              UNION SELECT cluster, target_entity FROM events
                  WHERE cluster IN (old.cluster, new.cluster) AND target_entity IS NOT NULL) x
        JOIN events p ON p.cluster = x.cluster
        WHERE p.is_primary = 1 AND p.rejected = 0;
END;

-- Per entity, its merged events per month (the first 7 characters of date_start, '' undated), type
-- and mode (a missing mode is ''): its trend, counts per type and total without reading its events.
CREATE TABLE entity_months (
    entity_id TEXT NOT NULL,
    month     TEXT NOT NULL,
    type      TEXT NOT NULL,
    mode      TEXT NOT NULL,
    n         INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (entity_id, month, type, mode)
) STRICT, WITHOUT ROWID;

INSERT INTO entity_months (entity_id, month, type, mode, n)
    SELECT entity_id, coalesce(substr(date_start, 1, 7), ''), type, coalesce(mode, ''), count(*)
    FROM event_entities GROUP BY 1, 2, 3, 4;

CREATE TRIGGER entity_months_ai AFTER INSERT ON event_entities BEGIN
    INSERT INTO entity_months (entity_id, month, type, mode)
        SELECT new.entity_id, coalesce(substr(new.date_start, 1, 7), ''), new.type, coalesce(new.mode, '')
        WHERE NOT EXISTS (SELECT 1 FROM entity_months WHERE entity_id = new.entity_id
                          AND month = coalesce(substr(new.date_start, 1, 7), '') AND type = new.type
                          AND mode = coalesce(new.mode, ''));
    UPDATE entity_months SET n = n + 1 WHERE entity_id = new.entity_id
        AND month = coalesce(substr(new.date_start, 1, 7), '') AND type = new.type AND mode = coalesce(new.mode, '');
END;
CREATE TRIGGER entity_months_ad AFTER DELETE ON event_entities BEGIN
    UPDATE entity_months SET n = n - 1 WHERE entity_id = old.entity_id
        AND month = coalesce(substr(old.date_start, 1, 7), '') AND type = old.type AND mode = coalesce(old.mode, '');
END;

-- The event list of one type in date order (events.date_start IS NULL, date_start, rowid), over
-- merged events only: its first page is the first index entries, its count reads no event row.
CREATE INDEX events_live_type_date ON events(type, date_start IS NULL, date_start, date_end)
    WHERE is_primary = 1 AND rejected = 0;

-- An entity's graph groups its merged events by (source, target, type, mode): these partial
-- indexes hold exactly those events' grouping columns, so the grouping reads no table row.
CREATE INDEX events_edges_source ON events(source_entity, target_entity, type, mode, date_start, date_end)
    WHERE is_primary = 1 AND rejected = 0;
CREATE INDEX events_edges_target ON events(target_entity, source_entity, type, mode, date_start, date_end)
    WHERE is_primary = 1 AND rejected = 0;

-- Row counts behind /api/stats (count(*) over millions of rows each time, before): documents,
-- sentences, mentions, relation statements, reports and merged events that are not rejected, and
-- merged events per type ('type:ASSAULT'). Absent = 0.
CREATE TABLE store_counts (
    name TEXT PRIMARY KEY,
    n    INTEGER NOT NULL DEFAULT 0
) STRICT, WITHOUT ROWID;

INSERT INTO store_counts (name, n)
    SELECT 'documents', count(*) FROM documents
    UNION ALL SELECT 'sentences', count(*) FROM sentences
    UNION ALL SELECT 'mentions', count(*) FROM mentions
    UNION ALL SELECT 'relation_statements', count(*) FROM relations
    UNION ALL SELECT 'reports', count(*) FROM events WHERE rejected = 0
    UNION ALL SELECT 'events', count(*) FROM events WHERE is_primary = 1 AND rejected = 0
    UNION ALL SELECT 'type:' || type, count(*) FROM events WHERE is_primary = 1 AND rejected = 0 GROUP BY type;

CREATE TRIGGER store_counts_documents_ai AFTER INSERT ON documents BEGIN
    UPDATE store_counts SET n = n + 1 WHERE name = 'documents';
END;
CREATE TRIGGER store_counts_documents_ad AFTER DELETE ON documents BEGIN
    UPDATE store_counts SET n = n - 1 WHERE name = 'documents';
END;
CREATE TRIGGER store_counts_sentences_ai AFTER INSERT ON sentences BEGIN
    UPDATE store_counts SET n = n + 1 WHERE name = 'sentences';
END;
CREATE TRIGGER store_counts_sentences_ad AFTER DELETE ON sentences BEGIN
    UPDATE store_counts SET n = n - 1 WHERE name = 'sentences';
END;
CREATE TRIGGER store_counts_mentions_ai AFTER INSERT ON mentions BEGIN
    UPDATE store_counts SET n = n + 1 WHERE name = 'mentions';
END;
CREATE TRIGGER store_counts_mentions_ad AFTER DELETE ON mentions BEGIN
    UPDATE store_counts SET n = n - 1 WHERE name = 'mentions';
END;
CREATE TRIGGER store_counts_relations_ai AFTER INSERT ON relations BEGIN
    UPDATE store_counts SET n = n + 1 WHERE name = 'relation_statements';
END;
CREATE TRIGGER store_counts_relations_ad AFTER DELETE ON relations BEGIN
    UPDATE store_counts SET n = n - 1 WHERE name = 'relation_statements';
END;
CREATE TRIGGER store_counts_events_ai AFTER INSERT ON events WHEN new.rejected = 0 BEGIN
    UPDATE store_counts SET n = n + 1 WHERE name = 'reports';
    INSERT INTO store_counts (name) SELECT 'type:' || new.type
        WHERE new.is_primary = 1 AND 'type:' || new.type NOT IN (SELECT name FROM store_counts);
    UPDATE store_counts SET n = n + 1 WHERE new.is_primary = 1 AND name IN ('events', 'type:' || new.type);
END;
CREATE TRIGGER store_counts_events_ad AFTER DELETE ON events WHEN old.rejected = 0 BEGIN
    UPDATE store_counts SET n = n - 1 WHERE name = 'reports';
    UPDATE store_counts SET n = n - 1 WHERE old.is_primary = 1 AND name IN ('events', 'type:' || old.type);
END;
CREATE TRIGGER store_counts_events_au AFTER UPDATE OF is_primary, rejected, type ON events
    WHEN old.is_primary != new.is_primary OR old.rejected != new.rejected OR old.type != new.type BEGIN
    UPDATE store_counts SET n = n - 1 WHERE old.rejected = 0 AND name = 'reports';
    UPDATE store_counts SET n = n - 1
        WHERE old.rejected = 0 AND old.is_primary = 1 AND name IN ('events', 'type:' || old.type);
    UPDATE store_counts SET n = n + 1 WHERE new.rejected = 0 AND name = 'reports';
    INSERT INTO store_counts (name) SELECT 'type:' || new.type
        WHERE new.rejected = 0 AND new.is_primary = 1 AND 'type:' || new.type NOT IN (SELECT name FROM store_counts);
    UPDATE store_counts SET n = n + 1
        WHERE new.rejected = 0 AND new.is_primary = 1 AND name IN ('events', 'type:' || new.type);
END;

-- Articles in the order an entity's evidence lists them (undated last): a hub's first sentences are
-- found in its first articles instead of sorting every article that mentions it.
CREATE INDEX documents_order ON documents(published IS NULL, published, id);
