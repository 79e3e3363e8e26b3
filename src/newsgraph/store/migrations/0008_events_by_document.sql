-- newsgraph store, version 8: events by document, and place names migrated in full.
-- Every batch and every merge looks up the reports of the documents it wrote; without an index on
-- events(doc_id) that scanned the whole table, so ingest slowed in proportion to the store's size.
CREATE INDEX events_doc ON events(doc_id);

-- 0006 copied the primary report's place into event_entities only for places with coordinates; a
-- place known by name alone (a US state) is copied too when rows are derived afresh: do the same here.
UPDATE event_entities SET (place_name, place_country) =
    (SELECT place_name, place_country FROM events WHERE id = event_entities.event_id)
    WHERE place_name IS NULL
      AND event_id IN (SELECT id FROM events WHERE place_name IS NOT NULL AND place_lat IS NULL);
