"""The SQLite store: migrations, pragmas, idempotent transactional batches, entity keys, WAL readers."""

from __future__ import annotations

import re
import sqlite3
import time
from datetime import date
from pathlib import Path

import pytest

from newsgraph import nlp, pipeline
from newsgraph.errors import StoreError
from newsgraph.extract import extract
from newsgraph.ingest import iter_paths, read_path
from newsgraph.model import Actor, Document, Event, Evidence, Extraction, Relation, Role, Span, TimeValue
from newsgraph.names import name_key
from newsgraph.query import Query
from newsgraph.resolve import entity_id, resolve_key
from newsgraph.store import AddResult, Store, fts_query, migrations


def sentences(text: str) -> list[Span]:
    return [Span(m.start(), m.end(), m.group(), i) for i, m in enumerate(re.finditer(r"\S[^.]*\.", text))]


def actor(text: str, name: str, kind: str = "person", country: str | None = "MMR", **kw: object) -> Actor:
    start = text.index(name)
    return Actor(key=name, name=name, kind=kind, country=country,
                 mentions=[Span(start, start + len(name), name, 0)], **kw)  # type: ignore[arg-type]


def extraction(text: str, source: str, actors: list[Actor], published: date = date(2023, 6, 1),
               event_type: str = "CONSULT", confidence: float = 0.7) -> Extraction:
    """One document whose first sentence states one event between its first two actors."""
    doc = Document.from_text(text, source, published=published)
    sents = sentences(text)
    ev = Event(type=event_type, mode=None, source=actors[0], target=actors[1] if len(actors) > 1 else None,
               time=TimeValue("in June", "2023-06", "month"), confidence=confidence,
               evidence=[Evidence(doc.id, source, sents[0].text, sents[0].start, sents[0].end, 0)])
    return Extraction(document=doc, actors=actors, events=[ev], sentences=sents)


def doc_a() -> Extraction:
    text = "Min Aung Hlaing met Sergei Lavrov in Moscow. Talks went on."
    return extraction(text, "a.txt", [
        actor(text, "Min Aung Hlaing", aliases=["Senior General Min Aung Hlaing"],
              roles=[Role("commander-in-chief", "Tatmadaw")]),
        actor(text, "Sergei Lavrov", country="RUS", sector="GOV")])


def doc_b() -> Extraction:
    text = "MIN AUNG HLAING hosted Dmitry Lavrov. Nothing else."
    return extraction(text, "b.txt", [
        actor(text, "MIN AUNG HLAING", aliases=["Senior General Min Aung Hlaing", "the junta chief"],
              roles=[Role("commander-in-chief", "Tatmadaw")]),
        actor(text, "Dmitry Lavrov", country="RUS")], published=date(2024, 1, 5))


def count(store: Store, table: str) -> int:
    return int(store._rows(f"SELECT count(*) AS n FROM {table}")[0]["n"])


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "news.db"


# --- opening ---------------------------------------------------------------------------------------

def test_migrations_are_recorded_and_reopening_is_a_no_op(db: Path) -> None:
    with Store.open(db) as store:
        first = store.applied_migrations()
    assert [m["version"] for m in first] == [v for v, _, _ in migrations()]
    assert first[0]["name"] == "0001_initial.sql" and first[0]["applied_at"]
    with Store.open(db) as store:
        assert store.applied_migrations() == first


def test_pragmas_wal_foreign_keys_normal_sync(db: Path) -> None:
    with Store(db) as store:
        assert store.pragma("journal_mode") == "wal"
        assert store.pragma("foreign_keys") == 1
        assert store.pragma("synchronous") == 1  # NORMAL
        assert store.pragma("busy_timeout") > 0


def test_a_file_that_is_not_a_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    junk = tmp_path / "notes.db"
    junk.write_bytes(b"this is not sqlite\n" * 200)
    with pytest.raises(StoreError, match="notes.db"):
        Store.open(junk)
    assert junk.read_bytes() == b"this is not sqlite\n" * 200


def test_another_sqlite_database_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE things (x)")
    conn.close()
    with pytest.raises(StoreError, match="other.db: not a newsgraph store"):
        Store.open(other)


def test_missing_store_without_create(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such store"):
        Store.open(tmp_path / "nope.db", create=False)
    assert not (tmp_path / "nope.db").exists()


def test_a_store_from_a_newer_version_is_refused(db: Path) -> None:
    Store.open(db).close()
    with sqlite3.connect(db) as conn:
        conn.execute("INSERT INTO schema_migrations VALUES (9999, '9999_future.sql', 'x')")
    conn.close()
    with pytest.raises(StoreError, match="newer newsgraph"):
        Store.open(db)


# --- writing ---------------------------------------------------------------------------------------

def test_add_is_idempotent(db: Path) -> None:
    with Store.open(db) as store:
        a = doc_a()
        assert not store.has_document(a.document.id)
        assert store.add([a]) == AddResult(added=1, skipped=0)
        assert store.has_document(a.document.id)
        before = {t: count(store, t) for t in ("documents", "sentences", "entities", "mentions", "events")}
        assert store.add([a, doc_a()]) == AddResult(added=0, skipped=2)
        assert {t: count(store, t) for t in before} == before
        assert store.add([doc_b(), doc_b()]) == AddResult(added=1, skipped=1)  # twice in one batch
        assert before == {"documents": 1, "sentences": 2, "entities": 2, "mentions": 2, "events": 1}


def _bad_confidence() -> Extraction:
    text = "Kan Zaw signed a deal with Rosatom. It was big."
    return extraction(text, "bad.txt", [actor(text, "Kan Zaw"), actor(text, "Rosatom", kind="business")],
                      confidence=2.0)  # violates CHECK (confidence BETWEEN 0 AND 1)


def _unbindable() -> Extraction:
    ex = _bad_confidence()
    ex.events[0].confidence = object()  # type: ignore[assignment]
    return ex


def _wrong_type() -> Extraction:
    ex = _bad_confidence()
    ex.events[0].confidence = "high"  # type: ignore[assignment]  # STRICT table refuses text
    return ex


@pytest.mark.parametrize("bad", [_bad_confidence, _unbindable, _wrong_type])
def test_a_failing_batch_rolls_back_entirely(db: Path, bad: object) -> None:
    with Store.open(db) as store:
        store.add([doc_a()])
        before = {t: count(store, t) for t in ("documents", "sentences", "entities", "entity_aliases",
                                               "entity_roles", "mentions", "events", "evidence")}
        b = doc_b()
        with pytest.raises(StoreError, match="batch of 2 documents not stored"):
            store.add([b, bad()])  # type: ignore[operator]
        assert not store.has_document(b.document.id)
        assert {t: count(store, t) for t in before} == before
        assert store.search_sentences("hosted") == []  # FTS rolled back with its table
        assert store.add([b]).added == 1  # the store is still usable


def test_a_non_sqlite_error_mid_batch_also_rolls_back(db: Path) -> None:
    with Store.open(db) as store:
        b = doc_b()
        broken = doc_a()
        broken.actors[0].name = None  # type: ignore[assignment]
        with pytest.raises(TypeError):
            store.add([b, broken])
        assert count(store, "documents") == 0 and count(store, "entities") == 0


def test_same_key_is_one_entity_with_merged_aliases_roles_and_mentions(db: Path) -> None:
    with Store.open(db) as store:
        store.add([doc_a(), doc_b()])
        rows = store._rows("SELECT id, name FROM entities WHERE norm = 'min aung hlaing'")
        assert len(rows) == 1
        eid = rows[0]["id"]
        assert rows[0]["name"] == "Min Aung Hlaing"  # as written, not shouted, whichever came first
        assert eid == entity_id(resolve_key(doc_a().actors[0]))
        mentions = store._rows("SELECT doc_id FROM mentions WHERE entity_id = ?", (eid,))
        assert {m["doc_id"] for m in mentions} == {doc_a().document.id, doc_b().document.id}
        aliases = [a["alias"] for a in store.alias_rows([eid])]
        assert sorted(aliases) == ["MIN AUNG HLAING", "Senior General Min Aung Hlaing", "the junta chief"]
        roles = store.role_rows(eid)  # same title, different dates seen: both kept, no duplicates
        assert [(r["title"], r["seen"]) for r in roles] == [("commander-in-chief", "2023-06-01"),
                                                           ("commander-in-chief", "2024-01-05")]
        lavrovs = store._rows("SELECT name FROM entities WHERE norm LIKE '%lavrov' ORDER BY name")
        assert [r["name"] for r in lavrovs] == ["Dmitry Lavrov", "Sergei Lavrov"]


def test_sector_is_filled_in_later_but_never_overwritten(db: Path) -> None:
    text = "Russia met Myanmar. Fine."
    first = extraction(text, "1.txt", [actor(text, "Russia", "government", "RUS"),
                                       actor(text, "Myanmar", "government")])
    text2 = "Russia met Myanmar again. Fine."
    second = extraction(text2, "2.txt", [actor(text2, "Russia", "government", "RUS", sector="GOV"),
                                         actor(text2, "Myanmar", "government", sector="MIL")])
    with Store.open(db) as store:
        store.add([first])
        store.add([second])
        sectors = {r["name"]: r["sector"] for r in store._rows("SELECT name, sector FROM entities")}
        assert sectors == {"Russia": "GOV", "Myanmar": "MIL"}


@pytest.mark.parametrize("order", [("ELI", "GOV"), ("GOV", "ELI")])
def test_a_state_office_is_the_sector_kept_whatever_the_order_of_the_articles(db: Path, order) -> None:
    """A minister an undated dictionary role calls an elite (ELI) in one article and a government
    official in another acts for his state: the entity keeps GOV, read in either order."""
    texts = [f"Wang Yi met Kishida. Fine {n}." for n in (1, 2)]
    with Store.open(db) as store:
        for n, (text, sector) in enumerate(zip(texts, order, strict=True)):
            store.add([extraction(text, f"{n}.txt", [actor(text, "Wang Yi", country="CHN", sector=sector),
                                                      actor(text, "Kishida", country="JPN", sector="GOV")])])
        sectors = {r["name"]: r["sector"] for r in store._rows("SELECT name, sector FROM entities")}
        assert sectors["Wang Yi"] == "GOV"


def test_event_actors_missing_from_the_actor_list_still_become_entities(db: Path) -> None:
    ex = doc_a()
    ex.actors = []
    with Store.open(db) as store:
        store.add([ex])
        assert count(store, "entities") == 2 and count(store, "events") == 1


def test_relations_keep_first_and_last_seen(db: Path) -> None:
    a, b = doc_a(), doc_b()
    mah_a, mah_b = a.actors[0], b.actors[0]
    tat_a = Actor("t", "Tatmadaw", "military", "MMR")
    a.relations = [Relation(mah_a, "leads", tat_a, seen="2023-06-01")]
    b.relations = [Relation(mah_b, "leads", Actor("t", "Tatmadaw", "military", "MMR"), seen="2021-02-01",
                            evidence=[Evidence(b.document.id, "b.txt", "x", 0, 1)])]
    with Store.open(db) as store:
        store.add([a, b])
        relations = Query(store).relations()
        assert [(r["source"]["name"], r["relation"], r["target"]["name"], r["first_seen"], r["last_seen"])
                for r in relations] == [("Min Aung Hlaing", "leads", "Tatmadaw", "2021-02-01", "2023-06-01")]
        assert len(relations[0]["evidence"]) == 2  # one row per stating article
        assert count(store, "relations") == 2


# --- resolve keys ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("a", "b"), [
    ("U.S.", "us"), ("Côte d'Ivoire", "COTE DIVOIRE"), ("Al-Assad", "al assad"),
    ("  Min   Aung Hlaing ", "min aung hlaing"), ("Šojgu", "sojgu"),
])
def test_normalised_names_compare_equal(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


def test_resolve_key_uses_name_country_and_kind() -> None:
    def key(name: str, country: str | None = "RUS", kind: str = "person") -> str:
        return resolve_key(Actor("k", name, kind, country))
    assert key("Sergei Lavrov") == "sergei lavrov|RUS|person" == key("SERGEI LAVROV", "rus")
    assert key("Sergei Lavrov") != key("Dmitry Lavrov")
    assert key("Sergei Lavrov") != key("Sergei Lavrov", None)
    assert key("Georgia", "GEO", "country") != key("Georgia", "USA", "place")
    assert entity_id(key("Sergei Lavrov")) == entity_id(key("Sergei Lavrov")) and len(entity_id("x")) == 16


# --- full-text search and concurrency ----------------------------------------------------------------

@pytest.mark.parametrize("hostile", ['"a OR', "NEAR(", "AND", "*", '""', "-x", "col:x", "^min", "(", "'", ""])
def test_fts_input_never_raises(db: Path, hostile: str) -> None:
    with Store.open(db) as store:
        store.add([doc_a()])
        assert isinstance(store.search_sentences(hostile), list)
    assert fts_query('say "hi"') == '"say" """hi"""'


def test_a_reader_is_not_blocked_by_an_open_write_transaction(db: Path) -> None:
    with Store.open(db) as store:
        store.add([doc_a()])
    writer = sqlite3.connect(db, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("INSERT INTO documents (id, source, text, ingested_at) VALUES ('x', 's', 't', 'now')")
        started = time.perf_counter()
        with Store.open(db, create=False) as reader:
            assert reader.counts()["documents"] == 1  # sees the last commit, not the open transaction
            assert reader.search_sentences("Lavrov")
        assert time.perf_counter() - started < 2
        with Store(db, timeout=0.1) as second_writer, pytest.raises(StoreError, match="locked"):
            second_writer.add([doc_b()])
        writer.execute("COMMIT")
        with Store.open(db, create=False) as reader:
            assert reader.counts()["documents"] == 2
    finally:
        writer.close()


def test_a_merge_owed_by_a_run_that_died_is_finished_by_the_next(tmp_path: Path) -> None:
    """Batches stored with merge=False and never merged (the process stopped before its merge step)
    are merged by the next ingest, though it skips every document as already stored."""
    corpus = Path(__file__).parent.parent / "fixtures" / "resolve"
    docs = [d for p in iter_paths([str(corpus)]) for d in read_path(p) if not isinstance(d, Exception)]
    clean, died = tmp_path / "clean.db", tmp_path / "died.db"
    pipeline.ingest([str(corpus)], clean)
    with Store.open(died) as store:  # what a run that dies after its batches leaves behind
        store.add([extract(d, sd) for sd, d in nlp.parse_with((d.text, d) for d in docs)], merge=False)
    with Store.open(died) as a, Store.open(clean) as b:
        assert Query(a).stats()["events"] > Query(b).stats()["events"]
    again = pipeline.ingest([str(corpus)], died)
    assert again.ingested == 0 and again.skipped == len(docs)
    with Store.open(died) as a, Store.open(clean) as b:
        assert Query(a).stats() == Query(b).stats()
        assert a._rows("SELECT count(*) AS n FROM pending_merge_documents")[0]["n"] == 0


def test_a_court_named_without_its_state_never_joins_another_states_court(db: Path) -> None:
    """"The Supreme Court" of a story whose state the extractor could not tell is that story's own:
    it never becomes the Korean Supreme Court another article named, nor the court of a third
    stateless story; a named organisation with no state ("Human Rights Watch") still joins across."""
    def story(text: str, source: str, court_country: str | None) -> Extraction:
        return extraction(text, source, [actor(text, "Supreme Court", "organisation", court_country),
                                         actor(text, "Human Rights Watch", "organisation", None)])
    with Store.open(db) as store:
        store.add([story("Supreme Court met Human Rights Watch in Seoul.", "kor.txt", "KOR"),
                   story("Supreme Court met Human Rights Watch in Brasilia.", "bra.txt", None),
                   story("Supreme Court met Human Rights Watch in Lilongwe.", "mwi.txt", None)])
        courts = store._rows("SELECT id, country FROM entities WHERE norm = 'supreme court'")
        assert len(courts) == 3 and sorted(str(r["country"]) for r in courts) == ["KOR", "None", "None"]
        assert len(store._rows("SELECT id FROM entities WHERE norm = 'human rights watch'")) == 1
