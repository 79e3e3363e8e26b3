"""The derived tables of migrations 0005 (entity_stats, event_entities, store_counts) and 0006
(entity_pairs, entity_links, event_months, place_types, place_months, entity_places) stay exact
through every write path: ingest (resolution and event merging), analyst split, merge, reject and
undo; and the reads that use them answer what the original full scans answered."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from newsgraph import pipeline
from newsgraph.query import Query
from newsgraph.store import Store, reads

CORPUS = Path(__file__).parent.parent / "fixtures" / "resolve"
OUTLETS = [str(CORPUS / n) for n in ("a_steppe_wire.txt", "b_highland_daily.txt", "c_central_asia_review.txt")]
LATER = [str(CORPUS / n) for n in ("d_steppe_wire_2023.txt", "e_two_kims.txt")]
SAMPLE = sorted(str(p) for p in (Path(__file__).parents[2] / "src" / "newsgraph" / "data" / "sample").glob("*.txt"))


def ingest(db: Path, files: list[str]) -> None:
    report = pipeline.ingest(files, db)
    assert not report.errors


def assert_exact(store: Store) -> None:
    """Every derived row equals what a full recount of the base tables gives."""
    stats = {r["entity_id"]: (r["events"], r["mentions"]) for r in store._rows("SELECT * FROM entity_stats")}
    events: Counter[str] = Counter()
    for r in store._rows("SELECT source_entity, target_entity FROM events WHERE rejected = 0"):
        events.update({r["source_entity"], r["target_entity"]} - {None})
    mentions = Counter(r["entity_id"] for r in store._rows("SELECT entity_id FROM mentions"))
    expected = {e: (events[e], mentions[e]) for e in events.keys() | mentions.keys()}
    assert {e: n for e, n in stats.items() if n != (0, 0)} == expected

    involved = {tuple(r.values()) for r in store._rows(
        "SELECT entity_id, event_id, cluster, undated, date_start, date_end, type, mode, seq FROM event_entities")}
    recount = {tuple(r.values()) for r in store._rows(
        "SELECT x.entity, p.id, p.cluster, p.date_start IS NULL, p.date_start, p.date_end, p.type, p.mode, p.rowid"
        " FROM events p JOIN (SELECT cluster, source_entity AS entity FROM events UNION"
        " SELECT cluster, target_entity FROM events) x ON x.cluster = p.cluster"
        " WHERE p.is_primary = 1 AND p.rejected = 0 AND x.entity IS NOT NULL")}
    assert involved == recount
    assert store._rows("SELECT count(*) AS n FROM event_entities")[0]["n"] == len(recount)
    months = Counter((r[0], (r[4] or "")[:7], r[6], r[7] or "") for r in recount)
    assert {(r["entity_id"], r["month"], r["type"], r["mode"]): r["n"] for r in store._rows(
        "SELECT * FROM entity_months WHERE n != 0")} == months

    assert_exact_0006(store)

    kept = {r["name"]: r["n"] for r in store._rows("SELECT name, n FROM store_counts") if r["n"]}
    live = store._rows("SELECT type, count(*) AS n FROM events WHERE is_primary = 1 AND rejected = 0 GROUP BY type")
    want = {f"type:{r['type']}": r["n"] for r in live}
    for name, sql in (("documents", "documents"), ("sentences", "sentences"), ("mentions", "mentions"),
                      ("relation_statements", "relations"), ("reports", "events WHERE rejected = 0"),
                      ("events", "events WHERE is_primary = 1 AND rejected = 0")):
        want[name] = store._rows(f"SELECT count(*) AS n FROM {sql}")[0]["n"]
    assert kept == {k: v for k, v in want.items() if v}


def assert_exact_0006(store: Store) -> None:
    """The tables of migration 0006 equal full recounts of the events."""
    live = store._rows("SELECT * FROM events WHERE is_primary = 1 AND rejected = 0")

    def month(d: str | None) -> str:
        return (d or "")[:7]

    pairs: Counter[tuple] = Counter()
    links: Counter[tuple] = Counter()
    for e in live:
        s, t = e["source_entity"], e["target_entity"]
        if s is None or t is None or s == t:
            continue
        rest = (e["type"], e["mode"] or "", month(e["date_start"]), month(e["date_end"]))
        pairs.update([(s, t, 1, *rest), (t, s, 0, *rest)])
        links.update([(s, t), (t, s)])
    assert {tuple(r.values())[:-1]: r["n"] for r in store._rows(
        "SELECT entity_id, other_id, outgoing, type, mode, first, last, n FROM entity_pairs WHERE n != 0")} == pairs
    assert {(r["entity_id"], r["other_id"]): r["n"] for r in store._rows(
        "SELECT * FROM entity_links WHERE n != 0")} == links
    assert {(r["type"], r["first"], r["last"]): r["n"] for r in store._rows(
        "SELECT * FROM event_months WHERE n != 0")} == Counter(
        (e["type"], month(e["date_start"]), month(e["date_end"])) for e in live)
    located = [e for e in live if e["place_lat"] is not None]
    where = [(e["place_name"], e["place_country"], e["place_lat"], e["place_lon"]) for e in located]
    assert {tuple(r.values())[:-1]: r["n"] for r in store._rows(
        "SELECT name, country, lat, lon, type, n FROM place_types WHERE n != 0")} == Counter(
        (*w, e["type"]) for w, e in zip(where, located, strict=True))
    assert {tuple(r.values())[:-1]: r["n"] for r in store._rows(
        "SELECT name, country, lat, lon, first, last, n FROM place_months WHERE n != 0")} == Counter(
        (*w, month(e["date_start"]), month(e["date_end"])) for w, e in zip(where, located, strict=True))
    # one row per key, however often counters went up and down
    for table, key in (("place_types", "name, country, lat, lon, type"),
                       ("place_months", "name, country, lat, lon, first, last"),
                       ("entity_places", "entity_id, name, country, lat, lon")):
        assert not store._rows(f"SELECT 1 FROM {table} GROUP BY {key} HAVING count(*) > 1")
    involved = store._rows("SELECT i.entity_id, i.place_name, i.place_country, i.place_lat, i.place_lon,"
                           " e.place_name AS e_name, e.place_country AS e_country, e.place_lat AS e_lat,"
                           " e.place_lon AS e_lon FROM event_entities i JOIN events e ON e.id = i.event_id")
    assert all((r["place_name"], r["place_country"], r["place_lat"], r["place_lon"])
               == (r["e_name"], r["e_country"], r["e_lat"], r["e_lon"]) for r in involved)
    assert {tuple(r.values())[:-1]: r["n"] for r in store._rows(
        "SELECT entity_id, name, country, lat, lon, n FROM entity_places WHERE n != 0")} == Counter(
        (r["entity_id"], r["e_name"], r["e_country"], r["e_lat"], r["e_lon"]) for r in involved
        if r["e_lat"] is not None)


def plain_graph(store: Store, center: str, limit: int = 50) -> dict:
    """The graph from a straightforward query over the events: neighbours, then edges among them."""
    live = ("FROM events e WHERE e.is_primary = 1 AND e.rejected = 0 AND e.source_entity IS NOT NULL"
            " AND e.target_entity IS NOT NULL AND e.source_entity != e.target_entity")
    weights = store._rows(
        f"SELECT CASE WHEN e.source_entity = :c THEN e.target_entity ELSE e.source_entity END AS id, count(*) AS n"
        f" {live} AND :c IN (e.source_entity, e.target_entity) GROUP BY 1 ORDER BY n DESC, id", {"c": center})
    nodes = [center] + [w["id"] for w in weights[:limit]]
    ids = ", ".join("?" * len(nodes))
    edges = store._rows(
        "SELECT e.source_entity AS source, e.target_entity AS target, e.type, count(*) AS weight,"
        " substr(min(e.date_start), 1, 7) AS first, substr(max(e.date_end), 1, 7) AS last"
        f" {live} AND e.source_entity IN ({ids}) AND e.target_entity IN ({ids}) GROUP BY 1, 2, 3"
        " ORDER BY weight DESC, source, target, type", nodes + nodes) if len(nodes) > 1 else []
    return {"nodes": [(n, {w["id"]: w["n"] for w in weights}.get(n, sum(w["n"] for w in weights))) for n in nodes],
            "edges": edges}


def assert_reads_as_scans(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """Entity filters through event_entities answer what the cluster subqueries answered, and the
    hub plans of an entity's evidence and amounts what the plain ones answer."""
    scans = Store(store.path)
    scans._involved = lambda entity, other, reports, cluster: (False, entity, other)  # type: ignore[method-assign]
    ids = [r["id"] for r in store.entity_rows()]
    try:
        for i, a in enumerate(ids):
            for b in (None, a, ids[(i + 1) % len(ids)], ids[0]):
                for extra in ({}, {"type": "CONSULT"}, {"since": "2023", "until": "2024-06"}, {"modality": "asserted"}):
                    f = {"entity": a, "other": b, **extra}
                    assert store.event_rows(**f) == scans.event_rows(**f)
                    assert store.event_count(**f) == scans.event_count(**f)
                assert store.event_rows(entity=a, other=b, limit=2, offset=1) == \
                    scans.event_rows(entity=a, other=b, limit=2, offset=1)
            assert store.type_counts(a) == scans._rows(
                "SELECT type, count(*) AS n FROM events WHERE is_primary = 1 AND rejected = 0 AND cluster IN"
                " (SELECT cluster FROM events WHERE source_entity = :e OR target_entity = :e)"
                " GROUP BY type ORDER BY n DESC, type", {"e": a})
            places = ("SELECT e.place_name AS name, e.place_country AS country, e.place_lat AS lat,"
                      " e.place_lon AS lon, count(*) AS events FROM events e WHERE e.is_primary = 1"
                      " AND e.rejected = 0 AND e.place_lat IS NOT NULL AND ({})"
                      " GROUP BY 1, 2, 3, 4 ORDER BY events DESC, name, country, lat, lon")
            assert store.place_rows(entity=a) == scans._rows(places.format(
                "e.cluster IN (SELECT cluster FROM events WHERE :e IN (source_entity, target_entity))"), {"e": a})
            assert store.place_rows(entity=a, since="2023") == scans._rows(places.format(
                "e.cluster IN (SELECT cluster FROM events WHERE :e IN (source_entity, target_entity))"
                " AND substr(e.date_end, 1, 4) >= '2023'"), {"e": a})
            for kinds, since, until in (((), None, None), (("CONSULT", "MEET"), None, None), ((), "2023", "2024-06"),
                                        ((), "2023-03-01", None), (("CONSULT",), None, "2024-01-15")):
                got = Query(store).graph(a, list(kinds), since, until, limit=3)
                if kinds or since or until:  # filtered: compare with a graph over the filtered events
                    continue
                want = plain_graph(store, a, limit=3)
                assert [(n["id"], n["events"]) for n in got["nodes"]] == want["nodes"]
                assert [{k: e[k] for k in ("source", "target", "type", "weight", "first", "last")}
                        for e in got["edges"]] == want["edges"]
            for many in (1, 10**9):  # every entity read as a hub, then none
                monkeypatch.setattr(reads, "MANY_MENTIONS", many)
                monkeypatch.setattr(reads, "MANY_EVENTS", many)
                assert store.mention_evidence_rows(a, 50) == scans._rows(
                    'SELECT DISTINCT m.doc_id, d.source, trim(coalesce(s.text, m.text)) AS sentence,'
                    ' coalesce(s.start, m.start) AS start, coalesce(s."end", m."end") AS "end"'
                    " FROM mentions m JOIN documents d ON d.id = m.doc_id"
                    ' LEFT JOIN sentences s ON s.doc_id = m.doc_id AND s.start <= m.start AND m."end" <= s."end"'
                    " WHERE m.entity_id = ? ORDER BY d.published IS NULL, d.published, m.doc_id, 4 LIMIT 50", (a,))
                assert store.entity_quantity_rows(a) == scans._rows(  # newest merged events first
                    "SELECT q.value, q.unit, q.text, q.kind, e.cluster AS event_id, e.type, e.date_value AS date"
                    " FROM events p JOIN events e ON e.cluster = p.cluster JOIN event_quantities q ON q.event_id = e.id"
                    " WHERE p.is_primary = 1 AND p.rejected = 0 AND (e.source_entity = :e OR e.target_entity = :e)"
                    " AND e.rejected = 0 ORDER BY p.date_start IS NULL, p.date_start DESC, p.rowid DESC, e.rowid,"
                    " q.rowid LIMIT 50", {"e": a})
        plain = ("SELECT e.id FROM events e WHERE e.is_primary = 1 AND e.rejected = 0{}"
                 " ORDER BY e.date_start IS NULL, e.date_start, e.rowid")
        for f, sql in (({"since": "2023"}, " AND substr(e.date_end, 1, 4) >= '2023'"),
                       ({"until": "2023-06"}, " AND substr(e.date_start, 1, min(7, length(e.date_start)))"
                                              " <= substr('2023-06', 1, min(7, length(e.date_start)))"),
                       ({"type": "CONSULT", "since": "2023-05-02", "until": "2024"},
                        " AND e.type = 'CONSULT' AND substr(e.date_end, 1, min(10, length(e.date_end)))"
                        " >= substr('2023-05-02', 1, min(10, length(e.date_end)))"
                        " AND substr(e.date_start, 1, 4) <= '2024'")):
            want = [r["id"] for r in scans._rows(plain.format(sql))]
            assert [r["id"] for r in store.event_rows(**f)] == want
            assert [r["id"] for r in store.event_rows(**f, limit=3, offset=2)] == want[2:5]
            assert store.event_count(**f) == len(want)
        everywhere = ("SELECT e.place_name AS name, e.place_country AS country, e.place_lat AS lat,"
                      " e.place_lon AS lon, count(*) AS events FROM events e WHERE e.is_primary = 1 AND e.rejected = 0"
                      " AND e.place_lat IS NOT NULL{} GROUP BY 1, 2, 3, 4"
                      " ORDER BY events DESC, name, country, lat, lon")
        assert store.place_rows() == scans._rows(everywhere.format(""))
        assert store.place_rows(type="CONSULT") == scans._rows(everywhere.format(" AND e.type = 'CONSULT'"))
        assert store.place_rows(since="2023", until="2023-09") == scans._rows(everywhere.format(
            " AND substr(e.date_end, 1, 4) >= '2023' AND substr(e.date_start, 1, min(7, length(e.date_start)))"
            " <= substr('2023-09', 1, min(7, length(e.date_start)))"))
    finally:
        scans.close()


def test_derived_tables_stay_exact_through_ingest_and_analyst_decisions(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "derived.db"
    ingest(db, OUTLETS)
    with Store.open(db) as store:
        assert_exact(store)
        japarov = store.entity_rows(name="Sadyr Japarov", limit=1)[0]["id"]
        split = store.split_entity(japarov, ["Sadyr Zhaparov"], who="ana")
        assert_exact(store)
    ingest(db, OUTLETS + LATER + SAMPLE[:4])
    with Store.open(db) as store:
        assert_exact(store)
        kims = [store.entity_rows(name=n, limit=1)[0]["id"] for n in ("Kim Jong Un", "Kim Hong-kyun")]
        merged = store.merge_entities(kims, who="bo")
        assert_exact(store)
        cluster = store._rows("SELECT cluster FROM events WHERE is_primary = 1 AND rejected = 0 LIMIT 1")[0]["cluster"]
        rejected = store.reject_event(cluster, who="cy")
        assert_exact(store)
        assert_reads_as_scans(store, monkeypatch)
        for done in (rejected, merged, split):
            store.undo_decision(done["decision"], who="cy")
            assert_exact(store)
        assert_reads_as_scans(store, monkeypatch)


def test_the_migration_fills_the_derived_tables_from_existing_rows(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    ingest(db, OUTLETS + LATER)
    with Store.open(db) as store:  # back to a version 4 store with the same rows
        names = [r["name"] for r in store._rows("SELECT sql, name, type FROM sqlite_master") if r["sql"]
                 and any(t in r["sql"] for t in ("entity_stats", "event_entities", "entity_months", "store_counts",
                                                 "is_primary = 1 AND rejected = 0", "published IS NULL",
                                                 "entity_pairs", "entity_links", "event_months", "place_types",
                                                 "place_months", "entity_places", "derive_state", "events_doc",
                                                 "pending_merge"))]
        kinds = {r["name"]: r["type"] for r in store._rows("SELECT name, type FROM sqlite_master")}
        for name in names:
            store._db.execute(f"DROP {kinds[name].upper()} IF EXISTS {name}")
        store._db.execute("DELETE FROM schema_migrations WHERE version >= 5")
        assert "event_entities" not in {r["name"] for r in store._rows("SELECT name FROM sqlite_master")}
    with Store.open(db) as store:  # migrated again
        assert [m["version"] for m in store.applied_migrations()][-5:] == [5, 6, 7, 8, 9]
        assert_exact(store)


def test_stats_counts_come_from_the_counters(tmp_path: Path) -> None:
    db = tmp_path / "stats.db"
    ingest(db, SAMPLE[:3])
    with Store.open(db) as store:
        counts = store.counts()
        assert list(counts) == ["documents", "sentences", "entities", "actor_keys", "mentions", "events", "reports",
                                "relations", "relation_statements", "by_type"]
        assert counts["documents"] == 3
        assert counts["events"] == store._rows(
            "SELECT count(*) AS n FROM events WHERE is_primary = 1 AND rejected = 0")[0]["n"]
        assert sum(counts["by_type"].values()) == counts["events"]
        assert list(counts["by_type"].values()) == sorted(counts["by_type"].values(), reverse=True)


def test_a_batch_derives_event_entities_right_across_chunks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With one id per IN-list chunk, a report that moves between merged events has its old row
    and its new one in different chunks: every stale row must go before any new one is written."""
    monkeypatch.setattr(reads, "CHUNK", 1)
    db = tmp_path / "chunked.db"
    for files in (OUTLETS[:1], OUTLETS[1:] + LATER):  # the second run merges reports into the first's events
        ingest(db, files)
    with Store.open(db) as store:
        assert_exact(store)
        assert store._rows("SELECT defer_event_entities AS d FROM derive_state")[0]["d"] == 0


def test_batches_that_merge_as_they_go_keep_the_tables_exact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Store.add(merge=True) merges inside the batch, with the per-row triggers deferred."""
    original = Store.add

    def add_and_merge(self: Store, extractions, merge: bool = True):  # type: ignore[no-untyped-def]
        return original(self, extractions, merge=True)

    monkeypatch.setattr(Store, "add", add_and_merge)
    db = tmp_path / "merging.db"
    for files in (OUTLETS[:1], OUTLETS[1:], LATER):
        ingest(db, files)
        with Store.open(db) as store:
            assert_exact(store)
    with Store.open(db) as store:
        assert [e["articles"] for e in Query(store).timeline("Kassym-Jomart Tokayev", "Sadyr Japarov")] == [1, 3]
