-- newsgraph store, version 6: the graph, the map and date-filtered event lists at a million events.
-- Like 0005, every table here is derived data kept exact by triggers on the rows it derives from
-- (so every write path keeps it right without knowing it exists), filled here from existing rows.
-- Counters are never deleted: a row whose n fell to 0 stays, and reads keep n > 0.
-- A "month" below is the first 7 characters of a date ("2024-03", or "2024" for a year), '' undated.

-- Per ordered pair of entities: the merged events (primary reports, not rejected) with one as source
-- and the other as target, per type, mode ('' missing) and months of date_start / date_end. Both
-- directions are stored (outgoing = 1: entity_id is the source), so an entity's neighbourhood is one
-- range of the primary key. The graph's edges and its since/until/type filters read this.
CREATE TABLE entity_pairs (
    entity_id TEXT NOT NULL,
    other_id  TEXT NOT NULL,
    outgoing  INTEGER NOT NULL,
    type      TEXT NOT NULL,
    mode      TEXT NOT NULL,
    first     TEXT NOT NULL,        -- month of date_start
    last      TEXT NOT NULL,        -- month of date_end
    n         INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (entity_id, other_id, outgoing, type, mode, first, last)
) STRICT, WITHOUT ROWID;

-- The same events per unordered pair, whatever their type and date: an entity's neighbours by how
-- many events they share, without reading a hub's hundred thousand entity_pairs rows.
CREATE TABLE entity_links (
    entity_id TEXT NOT NULL,
    other_id  TEXT NOT NULL,
    n         INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (entity_id, other_id)
) STRICT, WITHOUT ROWID;

INSERT INTO entity_pairs (entity_id, other_id, outgoing, type, mode, first, last, n)
    SELECT a, b, o, type, m, f, l, count(*) FROM (
        SELECT source_entity AS a, target_entity AS b, 1 AS o, type, coalesce(mode, '') AS m,
               coalesce(substr(date_start, 1, 7), '') AS f, coalesce(substr(date_end, 1, 7), '') AS l FROM events
            WHERE is_primary = 1 AND rejected = 0 AND source_entity IS NOT NULL AND target_entity IS NOT NULL
              AND source_entity != target_entity
        UNION ALL
        SELECT target_entity, source_entity, 0, type, coalesce(mode, ''), coalesce(substr(date_start, 1, 7), ''),
               coalesce(substr(date_end, 1, 7), '') FROM events
            WHERE is_primary = 1 AND rejected = 0 AND source_entity IS NOT NULL AND target_entity IS NOT NULL
              AND source_entity != target_entity)
    GROUP BY 1, 2, 3, 4, 5, 6, 7;
INSERT INTO entity_links (entity_id, other_id, n)
    SELECT entity_id, other_id, sum(n) FROM entity_pairs GROUP BY 1, 2;

-- One merged event more (new.*) or less (old.*) between its source and target.
CREATE TRIGGER entity_pairs_ai AFTER INSERT ON events
    WHEN new.is_primary = 1 AND new.rejected = 0 AND new.source_entity != new.target_entity BEGIN
    INSERT INTO entity_pairs (entity_id, other_id, outgoing, type, mode, first, last)
        SELECT a, b, o, new.type, coalesce(new.mode, ''), coalesce(substr(new.date_start, 1, 7), ''),
               coalesce(substr(new.date_end, 1, 7), '')
        FROM (SELECT new.source_entity AS a, new.target_entity AS b, 1 AS o
              UNION ALL SELECT new.target_entity, new.source_entity, 0)
        WHERE NOT EXISTS (SELECT 1 FROM entity_pairs p WHERE p.entity_id = a AND p.other_id = b AND p.outgoing = o
                          AND p.type = new.type AND p.mode = coalesce(new.mode, '')
                          AND p.first = coalesce(substr(new.date_start, 1, 7), '')
                          AND p.last = coalesce(substr(new.date_end, 1, 7), ''));
    UPDATE entity_pairs SET n = n + 1
        WHERE entity_id = new.source_entity AND other_id = new.target_entity AND outgoing = 1 AND type = new.type
          AND mode = coalesce(new.mode, '') AND first = coalesce(substr(new.date_start, 1, 7), '')
          AND last = coalesce(substr(new.date_end, 1, 7), '');
    UPDATE entity_pairs SET n = n + 1
        WHERE entity_id = new.target_entity AND other_id = new.source_entity AND outgoing = 0 AND type = new.type
          AND mode = coalesce(new.mode, '') AND first = coalesce(substr(new.date_start, 1, 7), '')
          AND last = coalesce(substr(new.date_end, 1, 7), '');
    INSERT INTO entity_links (entity_id, other_id)
        SELECT a, b FROM (SELECT new.source_entity AS a, new.target_entity AS b
                          UNION ALL SELECT new.target_entity, new.source_entity)
        WHERE NOT EXISTS (SELECT 1 FROM entity_links l WHERE l.entity_id = a AND l.other_id = b);
    UPDATE entity_links SET n = n + 1 WHERE entity_id = new.source_entity AND other_id = new.target_entity;
    UPDATE entity_links SET n = n + 1 WHERE entity_id = new.target_entity AND other_id = new.source_entity;
END;
CREATE TRIGGER entity_pairs_ad AFTER DELETE ON events
    WHEN old.is_primary = 1 AND old.rejected = 0 AND old.source_entity != old.target_entity BEGIN
    UPDATE entity_pairs SET n = n - 1
        WHERE entity_id = old.source_entity AND other_id = old.target_entity AND outgoing = 1 AND type = old.type
          AND mode = coalesce(old.mode, '') AND first = coalesce(substr(old.date_start, 1, 7), '')
          AND last = coalesce(substr(old.date_end, 1, 7), '');
    UPDATE entity_pairs SET n = n - 1
        WHERE entity_id = old.target_entity AND other_id = old.source_entity AND outgoing = 0 AND type = old.type
          AND mode = coalesce(old.mode, '') AND first = coalesce(substr(old.date_start, 1, 7), '')
          AND last = coalesce(substr(old.date_end, 1, 7), '');
    UPDATE entity_links SET n = n - 1 WHERE entity_id = old.source_entity AND other_id = old.target_entity;
    UPDATE entity_links SET n = n - 1 WHERE entity_id = old.target_entity AND other_id = old.source_entity;
END;
-- An update counts as a delete of the old row and an insert of the new one, when anything counted
-- changed (the resolver re-writes cluster and is_primary of many reports to the same values).
CREATE TRIGGER entity_pairs_au_old AFTER UPDATE OF is_primary, rejected, source_entity, target_entity, type, mode,
    date_start, date_end ON events
    WHEN old.is_primary = 1 AND old.rejected = 0 AND old.source_entity != old.target_entity
     AND (new.is_primary IS NOT old.is_primary OR new.rejected IS NOT old.rejected
          OR new.source_entity IS NOT old.source_entity OR new.target_entity IS NOT old.target_entity
          OR new.type IS NOT old.type OR new.mode IS NOT old.mode OR new.date_start IS NOT old.date_start
          OR new.date_end IS NOT old.date_end) BEGIN
    UPDATE entity_pairs SET n = n - 1
        WHERE entity_id = old.source_entity AND other_id = old.target_entity AND outgoing = 1 AND type = old.type
          AND mode = coalesce(old.mode, '') AND first = coalesce(substr(old.date_start, 1, 7), '')
          AND last = coalesce(substr(old.date_end, 1, 7), '');
    UPDATE entity_pairs SET n = n - 1
        WHERE entity_id = old.target_entity AND other_id = old.source_entity AND outgoing = 0 AND type = old.type
          AND mode = coalesce(old.mode, '') AND first = coalesce(substr(old.date_start, 1, 7), '')
          AND last = coalesce(substr(old.date_end, 1, 7), '');
    UPDATE entity_links SET n = n - 1 WHERE entity_id = old.source_entity AND other_id = old.target_entity;
    UPDATE entity_links SET n = n - 1 WHERE entity_id = old.target_entity AND other_id = old.source_entity;
END;
CREATE TRIGGER entity_pairs_au_new AFTER UPDATE OF is_primary, rejected, source_entity, target_entity, type, mode,
    date_start, date_end ON events
    WHEN new.is_primary = 1 AND new.rejected = 0 AND new.source_entity != new.target_entity
     AND (new.is_primary IS NOT old.is_primary OR new.rejected IS NOT old.rejected
          OR new.source_entity IS NOT old.source_entity OR new.target_entity IS NOT old.target_entity
          OR new.type IS NOT old.type OR new.mode IS NOT old.mode OR new.date_start IS NOT old.date_start
          OR new.date_end IS NOT old.date_end) BEGIN
    INSERT INTO entity_pairs (entity_id, other_id, outgoing, type, mode, first, last)
        SELECT a, b, o, new.type, coalesce(new.mode, ''), coalesce(substr(new.date_start, 1, 7), ''),
               coalesce(substr(new.date_end, 1, 7), '')
        FROM (SELECT new.source_entity AS a, new.target_entity AS b, 1 AS o
              UNION ALL SELECT new.target_entity, new.source_entity, 0)
        WHERE NOT EXISTS (SELECT 1 FROM entity_pairs p WHERE p.entity_id = a AND p.other_id = b AND p.outgoing = o
                          AND p.type = new.type AND p.mode = coalesce(new.mode, '')
                          AND p.first = coalesce(substr(new.date_start, 1, 7), '')
                          AND p.last = coalesce(substr(new.date_end, 1, 7), ''));
    UPDATE entity_pairs SET n = n + 1
        WHERE entity_id = new.source_entity AND other_id = new.target_entity AND outgoing = 1 AND type = new.type
          AND mode = coalesce(new.mode, '') AND first = coalesce(substr(new.date_start, 1, 7), '')
          AND last = coalesce(substr(new.date_end, 1, 7), '');
    UPDATE entity_pairs SET n = n + 1
        WHERE entity_id = new.target_entity AND other_id = new.source_entity AND outgoing = 0 AND type = new.type
          AND mode = coalesce(new.mode, '') AND first = coalesce(substr(new.date_start, 1, 7), '')
          AND last = coalesce(substr(new.date_end, 1, 7), '');
    INSERT INTO entity_links (entity_id, other_id)
        SELECT a, b FROM (SELECT new.source_entity AS a, new.target_entity AS b
                          UNION ALL SELECT new.target_entity, new.source_entity)
        WHERE NOT EXISTS (SELECT 1 FROM entity_links l WHERE l.entity_id = a AND l.other_id = b);
    UPDATE entity_links SET n = n + 1 WHERE entity_id = new.source_entity AND other_id = new.target_entity;
    UPDATE entity_links SET n = n + 1 WHERE entity_id = new.target_entity AND other_id = new.source_entity;
END;

-- Merged events per type and months of date_start / date_end: how many events a type and/or a
-- since/until filter (at month or year precision) lists, and the earliest month such an event can
-- start in, where a date-ordered walk of the events may begin.
CREATE TABLE event_months (
    type  TEXT NOT NULL,
    first TEXT NOT NULL,
    last  TEXT NOT NULL,
    n     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (type, first, last)
) STRICT, WITHOUT ROWID;

INSERT INTO event_months (type, first, last, n)
    SELECT type, coalesce(substr(date_start, 1, 7), ''), coalesce(substr(date_end, 1, 7), ''), count(*)
    FROM events WHERE is_primary = 1 AND rejected = 0 GROUP BY 1, 2, 3;

CREATE TRIGGER event_months_ai AFTER INSERT ON events WHEN new.is_primary = 1 AND new.rejected = 0 BEGIN
    INSERT INTO event_months (type, first, last)
        SELECT new.type, coalesce(substr(new.date_start, 1, 7), ''), coalesce(substr(new.date_end, 1, 7), '')
        WHERE NOT EXISTS (SELECT 1 FROM event_months WHERE type = new.type
                          AND first = coalesce(substr(new.date_start, 1, 7), '')
                          AND last = coalesce(substr(new.date_end, 1, 7), ''));
    UPDATE event_months SET n = n + 1 WHERE type = new.type AND first = coalesce(substr(new.date_start, 1, 7), '')
        AND last = coalesce(substr(new.date_end, 1, 7), '');
END;
CREATE TRIGGER event_months_ad AFTER DELETE ON events WHEN old.is_primary = 1 AND old.rejected = 0 BEGIN
    UPDATE event_months SET n = n - 1 WHERE type = old.type AND first = coalesce(substr(old.date_start, 1, 7), '')
        AND last = coalesce(substr(old.date_end, 1, 7), '');
END;
CREATE TRIGGER event_months_au_old AFTER UPDATE OF is_primary, rejected, type, date_start, date_end ON events
    WHEN old.is_primary = 1 AND old.rejected = 0
     AND (new.is_primary IS NOT old.is_primary OR new.rejected IS NOT old.rejected OR new.type IS NOT old.type
          OR new.date_start IS NOT old.date_start OR new.date_end IS NOT old.date_end) BEGIN
    UPDATE event_months SET n = n - 1 WHERE type = old.type AND first = coalesce(substr(old.date_start, 1, 7), '')
        AND last = coalesce(substr(old.date_end, 1, 7), '');
END;
CREATE TRIGGER event_months_au_new AFTER UPDATE OF is_primary, rejected, type, date_start, date_end ON events
    WHEN new.is_primary = 1 AND new.rejected = 0
     AND (new.is_primary IS NOT old.is_primary OR new.rejected IS NOT old.rejected OR new.type IS NOT old.type
          OR new.date_start IS NOT old.date_start OR new.date_end IS NOT old.date_end) BEGIN
    INSERT INTO event_months (type, first, last)
        SELECT new.type, coalesce(substr(new.date_start, 1, 7), ''), coalesce(substr(new.date_end, 1, 7), '')
        WHERE NOT EXISTS (SELECT 1 FROM event_months WHERE type = new.type
                          AND first = coalesce(substr(new.date_start, 1, 7), '')
                          AND last = coalesce(substr(new.date_end, 1, 7), ''));
    UPDATE event_months SET n = n + 1 WHERE type = new.type AND first = coalesce(substr(new.date_start, 1, 7), '')
        AND last = coalesce(substr(new.date_end, 1, 7), '');
END;

-- Merged events in date order from a given month on (since/until given: undated ones are left out,
-- so the order is date_start, rowid: this index's own order), in all and per type.
CREATE INDEX events_live_day ON events(date_start) WHERE is_primary = 1 AND rejected = 0;
CREATE INDEX events_live_type_day ON events(type, date_start) WHERE is_primary = 1 AND rejected = 0;

-- Places with coordinates: merged events per place and type (the map, and the map of one type), and
-- per place and months (the map since/until). A place is (name, country, lat, lon) as events carry it.
CREATE TABLE place_types (
    name    TEXT,
    country TEXT,
    lat     REAL NOT NULL,
    lon     REAL,
    type    TEXT NOT NULL,
    n       INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX place_types_key ON place_types(lat, lon, name, country, type);
CREATE TABLE place_months (
    name    TEXT,
    country TEXT,
    lat     REAL NOT NULL,
    lon     REAL,
    first   TEXT NOT NULL,
    last    TEXT NOT NULL,
    n       INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX place_months_key ON place_months(lat, lon, name, country, first, last);

INSERT INTO place_types (name, country, lat, lon, type, n)
    SELECT place_name, place_country, place_lat, place_lon, type, count(*) FROM events
    WHERE is_primary = 1 AND rejected = 0 AND place_lat IS NOT NULL GROUP BY 1, 2, 3, 4, 5;
INSERT INTO place_months (name, country, lat, lon, first, last, n)
    SELECT place_name, place_country, place_lat, place_lon, coalesce(substr(date_start, 1, 7), ''),
           coalesce(substr(date_end, 1, 7), ''), count(*) FROM events
    WHERE is_primary = 1 AND rejected = 0 AND place_lat IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6;

CREATE TRIGGER place_counts_ai AFTER INSERT ON events
    WHEN new.is_primary = 1 AND new.rejected = 0 AND new.place_lat IS NOT NULL BEGIN
    INSERT INTO place_types (name, country, lat, lon, type)
        SELECT new.place_name, new.place_country, new.place_lat, new.place_lon, new.type
        WHERE NOT EXISTS (SELECT 1 FROM place_types WHERE lat = new.place_lat AND lon IS new.place_lon
                          AND name IS new.place_name AND country IS new.place_country AND type = new.type);
    UPDATE place_types SET n = n + 1 WHERE lat = new.place_lat AND lon IS new.place_lon AND name IS new.place_name
        AND country IS new.place_country AND type = new.type;
    INSERT INTO place_months (name, country, lat, lon, first, last)
        SELECT new.place_name, new.place_country, new.place_lat, new.place_lon,
               coalesce(substr(new.date_start, 1, 7), ''), coalesce(substr(new.date_end, 1, 7), '')
        WHERE NOT EXISTS (SELECT 1 FROM place_months WHERE lat = new.place_lat AND lon IS new.place_lon
                          AND name IS new.place_name AND country IS new.place_country
                          AND first = coalesce(substr(new.date_start, 1, 7), '')
                          AND last = coalesce(substr(new.date_end, 1, 7), ''));
    UPDATE place_months SET n = n + 1 WHERE lat = new.place_lat AND lon IS new.place_lon
        AND name IS new.place_name AND country IS new.place_country
        AND first = coalesce(substr(new.date_start, 1, 7), '') AND last = coalesce(substr(new.date_end, 1, 7), '');
END;
CREATE TRIGGER place_counts_ad AFTER DELETE ON events
    WHEN old.is_primary = 1 AND old.rejected = 0 AND old.place_lat IS NOT NULL BEGIN
    UPDATE place_types SET n = n - 1 WHERE lat = old.place_lat AND lon IS old.place_lon AND name IS old.place_name
        AND country IS old.place_country AND type = old.type;
    UPDATE place_months SET n = n - 1 WHERE lat = old.place_lat AND lon IS old.place_lon
        AND name IS old.place_name AND country IS old.place_country
        AND first = coalesce(substr(old.date_start, 1, 7), '') AND last = coalesce(substr(old.date_end, 1, 7), '');
END;
CREATE TRIGGER place_counts_au_old AFTER UPDATE OF is_primary, rejected, type, date_start, date_end, place_name,
    place_country, place_lat, place_lon ON events
    WHEN old.is_primary = 1 AND old.rejected = 0 AND old.place_lat IS NOT NULL
     AND (new.is_primary IS NOT old.is_primary OR new.rejected IS NOT old.rejected OR new.type IS NOT old.type
          OR new.date_start IS NOT old.date_start OR new.date_end IS NOT old.date_end
          OR new.place_name IS NOT old.place_name OR new.place_country IS NOT old.place_country
          OR new.place_lat IS NOT old.place_lat OR new.place_lon IS NOT old.place_lon) BEGIN
    UPDATE place_types SET n = n - 1 WHERE lat = old.place_lat AND lon IS old.place_lon AND name IS old.place_name
        AND country IS old.place_country AND type = old.type;
    UPDATE place_months SET n = n - 1 WHERE lat = old.place_lat AND lon IS old.place_lon
        AND name IS old.place_name AND country IS old.place_country
        AND first = coalesce(substr(old.date_start, 1, 7), '') AND last = coalesce(substr(old.date_end, 1, 7), '');
END;
CREATE TRIGGER place_counts_au_new AFTER UPDATE OF is_primary, rejected, type, date_start, date_end, place_name,
    place_country, place_lat, place_lon ON events
    WHEN new.is_primary = 1 AND new.rejected = 0 AND new.place_lat IS NOT NULL
     AND (new.is_primary IS NOT old.is_primary OR new.rejected IS NOT old.rejected OR new.type IS NOT old.type
          OR new.date_start IS NOT old.date_start OR new.date_end IS NOT old.date_end
          OR new.place_name IS NOT old.place_name OR new.place_country IS NOT old.place_country
          OR new.place_lat IS NOT old.place_lat OR new.place_lon IS NOT old.place_lon) BEGIN
    INSERT INTO place_types (name, country, lat, lon, type)
        SELECT new.place_name, new.place_country, new.place_lat, new.place_lon, new.type
        WHERE NOT EXISTS (SELECT 1 FROM place_types WHERE lat = new.place_lat AND lon IS new.place_lon
                          AND name IS new.place_name AND country IS new.place_country AND type = new.type);
    UPDATE place_types SET n = n + 1 WHERE lat = new.place_lat AND lon IS new.place_lon AND name IS new.place_name
        AND country IS new.place_country AND type = new.type;
    INSERT INTO place_months (name, country, lat, lon, first, last)
        SELECT new.place_name, new.place_country, new.place_lat, new.place_lon,
               coalesce(substr(new.date_start, 1, 7), ''), coalesce(substr(new.date_end, 1, 7), '')
        WHERE NOT EXISTS (SELECT 1 FROM place_months WHERE lat = new.place_lat AND lon IS new.place_lon
                          AND name IS new.place_name AND country IS new.place_country
                          AND first = coalesce(substr(new.date_start, 1, 7), '')
                          AND last = coalesce(substr(new.date_end, 1, 7), ''));
    UPDATE place_months SET n = n + 1 WHERE lat = new.place_lat AND lon IS new.place_lon
        AND name IS new.place_name AND country IS new.place_country
        AND first = coalesce(substr(new.date_start, 1, 7), '') AND last = coalesce(substr(new.date_end, 1, 7), '');
END;

-- Per entity and place: its merged events there (the map of one actor). They follow event_entities,
-- which now carries the primary report's place (re-derived with the rest of its row, below).
ALTER TABLE event_entities ADD COLUMN place_name TEXT;
ALTER TABLE event_entities ADD COLUMN place_country TEXT;
ALTER TABLE event_entities ADD COLUMN place_lat REAL;
ALTER TABLE event_entities ADD COLUMN place_lon REAL;
UPDATE event_entities SET (place_name, place_country, place_lat, place_lon) =
    (SELECT place_name, place_country, place_lat, place_lon FROM events WHERE id = event_entities.event_id)
    WHERE event_id IN (SELECT id FROM events WHERE is_primary = 1 AND rejected = 0 AND place_lat IS NOT NULL);

DROP TRIGGER event_entities_ai;
DROP TRIGGER event_entities_ad;
DROP TRIGGER event_entities_au;
CREATE TRIGGER event_entities_ai AFTER INSERT ON events BEGIN
    DELETE FROM event_entities WHERE cluster = new.cluster;
    INSERT INTO event_entities (entity_id, event_id, cluster, undated, date_start, date_end, type, mode, seq,
                                place_name, place_country, place_lat, place_lon)
        SELECT x.entity, p.id, p.cluster, p.date_start IS NULL, p.date_start, p.date_end, p.type, p.mode, p.rowid,
               p.place_name, p.place_country, p.place_lat, p.place_lon
        FROM (SELECT source_entity AS entity FROM events WHERE cluster = new.cluster AND source_entity IS NOT NULL
              UNION SELECT target_entity FROM events WHERE cluster = new.cluster AND target_entity IS NOT NULL) x
        JOIN events p ON p.cluster = new.cluster
        WHERE p.is_primary = 1 AND p.rejected = 0;
END;
CREATE TRIGGER event_entities_ad AFTER DELETE ON events BEGIN
    DELETE FROM event_entities WHERE cluster = old.cluster;
    INSERT INTO event_entities (entity_id, event_id, cluster, undated, date_start, date_end, type, mode, seq,
                                place_name, place_country, place_lat, place_lon)
        SELECT x.entity, p.id, p.cluster, p.date_start IS NULL, p.date_start, p.date_end, p.type, p.mode, p.rowid,
               p.place_name, p.place_country, p.place_lat, p.place_lon
        FROM (SELECT source_entity AS entity FROM events WHERE cluster = old.cluster AND source_entity IS NOT NULL
              UNION SELECT target_entity FROM events WHERE cluster = old.cluster AND target_entity IS NOT NULL) x
        JOIN events p ON p.cluster = old.cluster
        WHERE p.is_primary = 1 AND p.rejected = 0;
END;
CREATE TRIGGER event_entities_au AFTER UPDATE OF cluster, is_primary, rejected, source_entity, target_entity,
    date_start, date_end, type, mode, place_name, place_country, place_lat, place_lon ON events BEGIN
    DELETE FROM event_entities WHERE cluster IN (old.cluster, new.cluster);
    INSERT INTO event_entities (entity_id, event_id, cluster, undated, date_start, date_end, type, mode, seq,
                                place_name, place_country, place_lat, place_lon)
        SELECT x.entity, p.id, p.cluster, p.date_start IS NULL, p.date_start, p.date_end, p.type, p.mode, p.rowid,
               p.place_name, p.place_country, p.place_lat, p.place_lon
        FROM (SELECT cluster, source_entity AS entity FROM events
                  WHERE cluster IN (old.cluster, new.cluster) AND source_entity IS NOT NULL
              UNION SELECT cluster, target_entity FROM events
                  WHERE cluster IN (old.cluster, new.cluster) AND target_entity IS NOT NULL) x
        JOIN events p ON p.cluster = x.cluster
        WHERE p.is_primary = 1 AND p.rejected = 0;
END;

CREATE TABLE entity_places (
    entity_id TEXT NOT NULL,
    name      TEXT,
    country   TEXT,
    lat       REAL NOT NULL,
    lon       REAL,
    n         INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX entity_places_key ON entity_places(entity_id, lat, lon, name, country);

INSERT INTO entity_places (entity_id, name, country, lat, lon, n)
    SELECT entity_id, place_name, place_country, place_lat, place_lon, count(*) FROM event_entities
    WHERE place_lat IS NOT NULL GROUP BY 1, 2, 3, 4, 5;

CREATE TRIGGER entity_places_ai AFTER INSERT ON event_entities WHEN new.place_lat IS NOT NULL BEGIN
    INSERT INTO entity_places (entity_id, name, country, lat, lon)
        SELECT new.entity_id, new.place_name, new.place_country, new.place_lat, new.place_lon
        WHERE NOT EXISTS (SELECT 1 FROM entity_places WHERE entity_id = new.entity_id AND lat = new.place_lat
                          AND lon IS new.place_lon AND name IS new.place_name AND country IS new.place_country);
    UPDATE entity_places SET n = n + 1 WHERE entity_id = new.entity_id AND lat = new.place_lat
        AND lon IS new.place_lon AND name IS new.place_name AND country IS new.place_country;
END;
CREATE TRIGGER entity_places_ad AFTER DELETE ON event_entities WHEN old.place_lat IS NOT NULL BEGIN
    UPDATE entity_places SET n = n - 1 WHERE entity_id = old.entity_id AND lat = old.place_lat
        AND lon IS old.place_lon AND name IS old.place_name AND country IS old.place_country;
END;
