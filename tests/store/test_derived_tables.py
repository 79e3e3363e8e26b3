"""The derived tables of migration 0005 (entity_stats, event_entities, store_counts) stay exact
through every write path: ingest (resolution and event merging), analyst split, merge, reject and
undo; and the reads that use them answer what the original full scans answered."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from newsgraph import pipeline
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

    kept = {r["name"]: r["n"] for r in store._rows("SELECT name, n FROM store_counts") if r["n"]}
    live = store._rows("SELECT type, count(*) AS n FROM events WHERE is_primary = 1 AND rejected = 0 GROUP BY type")
    want = {f"type:{r['type']}": r["n"] for r in live}
    for name, sql in (("documents", "documents"), ("sentences", "sentences"), ("mentions", "mentions"),
                      ("relation_statements", "relations"), ("reports", "events WHERE rejected = 0"),
                      ("events", "events WHERE is_primary = 1 AND rejected = 0")):
        want[name] = store._rows(f"SELECT count(*) AS n FROM {sql}")[0]["n"]
    assert kept == {k: v for k, v in want.items() if v}


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
            assert store.place_rows(entity=a) == scans.place_rows(entity=a)
            for many in (1, 10**9):  # every entity read as a hub, then none
                monkeypatch.setattr(reads, "MANY_MENTIONS", many)
                monkeypatch.setattr(reads, "MANY_EVENTS", many)
                assert store.mention_evidence_rows(a, 50) == scans._rows(
                    'SELECT DISTINCT m.doc_id, d.source, trim(coalesce(s.text, m.text)) AS sentence,'
                    ' coalesce(s.start, m.start) AS start, coalesce(s."end", m."end") AS "end"'
                    " FROM mentions m JOIN documents d ON d.id = m.doc_id"
                    ' LEFT JOIN sentences s ON s.doc_id = m.doc_id AND s.start <= m.start AND m."end" <= s."end"'
                    " WHERE m.entity_id = ? ORDER BY d.published IS NULL, d.published, m.doc_id, 4 LIMIT 50", (a,))
                assert store.entity_quantity_rows(a) == scans._rows(
                    "SELECT q.value, q.unit, q.text, q.kind, e.cluster AS event_id, e.type, e.date_value AS date"
                    " FROM events e JOIN event_quantities q ON q.event_id = e.id"
                    " WHERE (e.source_entity = :e OR e.target_entity = :e) AND e.rejected = 0"
                    " ORDER BY e.date_start IS NULL, e.date_start DESC, q.rowid LIMIT 50", {"e": a})
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
                                                 "is_primary = 1 AND rejected = 0", "published IS NULL"))]
        kinds = {r["name"]: r["type"] for r in store._rows("SELECT name, type FROM sqlite_master")}
        for name in names:
            store._db.execute(f"DROP {kinds[name].upper()} IF EXISTS {name}")
        store._db.execute("DELETE FROM schema_migrations WHERE version = 5")
        assert "event_entities" not in {r["name"] for r in store._rows("SELECT name FROM sqlite_master")}
    with Store.open(db) as store:  # migrated again
        assert [m["version"] for m in store.applied_migrations()][-1] == 5
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
