-- newsgraph store, version 7: an ingest batch derives event_entities once, not once per row.
-- The per-row triggers of 0006 re-derived a merged event's rows for every report inserted (and again
-- for every report an entity move touched), which cost ingest about a fifth of its speed. Store.add
-- now sets derive_state.defer_event_entities inside its transaction, writes the batch, re-derives
-- the rows of every merged event the batch touched in two set-based statements, and clears the flag
-- before the transaction ends (a rollback clears it too). Every other write path is unchanged.

CREATE TABLE derive_state (
    id                   INTEGER PRIMARY KEY CHECK (id = 1),
    defer_event_entities INTEGER NOT NULL DEFAULT 0 CHECK (defer_event_entities IN (0, 1))
) STRICT;
INSERT INTO derive_state (id, defer_event_entities) VALUES (1, 0);

DROP TRIGGER event_entities_ai;
DROP TRIGGER event_entities_ad;
DROP TRIGGER event_entities_au;
CREATE TRIGGER event_entities_ai AFTER INSERT ON events
    WHEN (SELECT defer_event_entities FROM derive_state) = 0 BEGIN
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
CREATE TRIGGER event_entities_ad AFTER DELETE ON events
    WHEN (SELECT defer_event_entities FROM derive_state) = 0 BEGIN
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
    date_start, date_end, type, mode, place_name, place_country, place_lat, place_lon ON events
    WHEN (SELECT defer_event_entities FROM derive_state) = 0 BEGIN
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
