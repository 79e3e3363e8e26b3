"""Analyst corrections through the real store: merge, split, reject and undo, each audited, and
each still in force after later ingests (tests/fixtures/resolve, through the real parser)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph import pipeline
from newsgraph.errors import InputError, NotFound
from newsgraph.query import Query
from newsgraph.store import Store

CORPUS = Path(__file__).parent.parent / "fixtures" / "resolve"
OUTLETS = [str(CORPUS / n) for n in ("a_steppe_wire.txt", "b_highland_daily.txt", "c_central_asia_review.txt")]
LATER = [str(CORPUS / n) for n in ("d_steppe_wire_2023.txt", "e_two_kims.txt")]
# Names both Kims and both presidents again, in new spellings (Tokaev, Dzhaparov): new keys that
# must join the entities an analyst corrected.
AGAIN = str(Path(__file__).parent.parent / "fixtures" / "analyst" / "kims_and_presidents_later.txt")


def ingest(db: Path, files: list[str]) -> None:
    report = pipeline.ingest(files, db)
    assert not report.errors


def entity(db: Path, name: str) -> dict:
    with Store.open(db) as store:
        found = Query(store).entity(name, events=False)
    assert found is not None, name
    return found


def test_a_split_survives_later_ingests_and_undo_restores_it(tmp_path: Path) -> None:
    db = tmp_path / "split.db"
    ingest(db, OUTLETS)
    before = entity(db, "Sadyr Japarov")
    assert {"Sadyr Japarov", "Sadyr Zhaparov"} <= {before["name"], *before["aliases"]}
    with Store.open(db) as store:
        done = store.split_entity(before["id"], ["Sadyr Zhaparov"], who="ana", note="two spellings, checking")
    ingest(db, OUTLETS + LATER)  # the same articles again, and new ones naming him both ways
    after, split = entity(db, "Sadyr Japarov"), entity(db, "Sadyr Zhaparov")
    assert after["id"] != split["id"]
    assert "Sadyr Zhaparov" not in {after["name"], *after["aliases"]}
    assert split["id"] == done["split"] and split["name"] == "Sadyr Zhaparov"
    with Store.open(db) as store:
        store.undo_decision(done["decision"], who="ana")
        audit = Query(store).audit()
    assert entity(db, "Sadyr Japarov")["id"] == entity(db, "Sadyr Zhaparov")["id"]
    assert [(a["action"], a["who"]) for a in audit] == [("undo", "ana"), ("split", "ana")]
    assert audit[1]["detail"]["note"] == "two spellings, checking"


def test_a_merge_overrides_the_country_rule_and_survives_ingest(tmp_path: Path) -> None:
    db = tmp_path / "merge.db"
    ingest(db, [str(CORPUS / "e_two_kims.txt")])
    north, south = entity(db, "Kim Jong Un"), entity(db, "Kim Hong-kyun")
    with Store.open(db) as store:
        done = store.merge_entities([north["id"], south["id"]], who="bo")
    ingest(db, OUTLETS + LATER + [AGAIN])  # a new article names both Kims again
    merged = entity(db, "Kim Jong Un")
    assert merged["id"] == done["entity"] == entity(db, "Kim Hong-kyun")["id"]
    assert sum(merged["event_counts"].values()) == 4
    with Store.open(db) as store:
        store.undo_decision(done["decision"], who="bo")
    assert entity(db, "Kim Jong Un")["id"] != entity(db, "Kim Hong-kyun")["id"]


def test_a_rejected_event_stays_hidden_and_new_reports_do_not_join_it(tmp_path: Path) -> None:
    db = tmp_path / "reject.db"
    ingest(db, OUTLETS[:2])
    with Store.open(db) as store:
        q = Query(store)
        meeting = q.timeline("Kassym-Jomart Tokayev", "Sadyr Japarov")[0]
        assert meeting["articles"] == 2
        done = store.reject_event(meeting["id"], who="cy", note="wrong date")
        assert q.event(meeting["id"]) is None
        assert q.stats()["events"] == 0
    ingest(db, OUTLETS)  # two stored (skipped), one new outlet of the same meeting
    with Store.open(db) as store:
        q = Query(store)
        shown = q.timeline("Kassym-Jomart Tokayev", "Sadyr Japarov")
        assert [e["articles"] for e in shown] == [1]  # the new report stands alone
        store.undo_decision(done["decision"], who="cy")
        shown = q.timeline("Kassym-Jomart Tokayev", "Sadyr Japarov")
        assert [e["articles"] for e in shown] == [3]  # back together with the new one


def test_bad_decisions_are_refused_and_leave_no_trace(tmp_path: Path) -> None:
    db = tmp_path / "bad.db"
    ingest(db, OUTLETS[:1])
    with Store.open(db) as store:
        tokayev = Query(store).find_entity_id("Kassym-Jomart Tokayev")
        with pytest.raises(NotFound):
            store.merge_entities([tokayev, "nope"], who="x")
        with pytest.raises(InputError, match="at least two"):
            store.merge_entities([tokayev, tokayev], who="x")
        with pytest.raises(InputError, match="none of"):
            store.split_entity(tokayev, ["Nobody Atall"], who="x")
        with pytest.raises(InputError, match="nothing would remain"):
            store.split_entity(tokayev, [n for n in [entity(db, tokayev)["name"], *entity(db, tokayev)["aliases"]]],
                               who="x")
        with pytest.raises(NotFound):
            store.reject_event("0000", who="x")
        with pytest.raises(NotFound):
            store.undo_decision(99, who="x")
        assert Query(store).decisions() == [] and Query(store).audit() == []


def test_undoing_a_merge_also_parts_the_spellings_that_joined_after_it(tmp_path: Path) -> None:
    """Tokaev and Dzhaparov arrive while the two presidents are (wrongly) merged; undoing the
    merge must send each new spelling to its own president, as resolving from scratch would."""
    db = tmp_path / "undo.db"
    ingest(db, OUTLETS)
    tokayev, japarov = entity(db, "Kassym-Jomart Tokayev"), entity(db, "Sadyr Japarov")
    with Store.open(db) as store:
        done = store.merge_entities([tokayev["id"], japarov["id"]], who="bo")
    ingest(db, [AGAIN])
    assert entity(db, "Sadyr Dzhaparov")["id"] == entity(db, "Kassym-Jomart Tokaev")["id"]
    with Store.open(db) as store:
        store.undo_decision(done["decision"], who="bo")
    assert entity(db, "Sadyr Dzhaparov")["id"] == entity(db, "Sadyr Japarov")["id"]
    assert entity(db, "Kassym-Jomart Tokaev")["id"] == entity(db, "Kassym-Jomart Tokayev")["id"]
    assert entity(db, "Sadyr Japarov")["id"] != entity(db, "Kassym-Jomart Tokayev")["id"]
