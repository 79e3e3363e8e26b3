"""The orchestrator end to end: real readers, the real spaCy model and a real SQLite file in tmp_path.

The good articles are invented (tests/fixtures/cli/); the bad inputs (empty, binary, a JSONL file with
one malformed line) are written here by the tests.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from newsgraph import pipeline
from newsgraph.errors import StoreError
from newsgraph.query import Query
from newsgraph.store import Store

FIXTURES = Path(__file__).parent / "fixtures" / "cli"
GOOD = ("chile_aid.txt", "kenya_talks.txt")
WIRE_LINES = [
    json.dumps({"text": "Brazil and Argentina agreed to build a new bridge across the Uruguay River, officials "
                        "said on 3 March 2024.", "url": "https://wire.example/bridge", "published": "2024-03-04"}),
    '{"text": "Spain accused Morocco of',  # cut off mid-string: malformed
    json.dumps({"text": "The Philippines protested to China after coast guard vessels blocked a supply mission "
                        "near a disputed shoal.", "published": "2024-03-05"}),
]
PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """2 good articles, an empty file, a binary file, and a JSONL file whose line 2 is malformed."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in GOOD:
        shutil.copy(FIXTURES / name, folder / name)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "scan.txt").write_bytes(PNG_BYTES)
    (folder / "wire.jsonl").write_text("\n".join(WIRE_LINES) + "\n", encoding="utf-8")
    return folder


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "store.db"


def stats(db: Path) -> dict[str, Any]:
    with Store.open(db) as store:
        return Query(store).stats()


def stored_sources(db: Path) -> set[str]:
    con = sqlite3.connect(db)
    try:
        return {row[0] for row in con.execute("SELECT source FROM documents")}
    finally:
        con.close()


def error_about(errors: list[str], where: str) -> str:
    found = [e for e in errors if e.startswith(where + ":")]
    assert len(found) == 1, f"expected one error starting with {where!r}, got {errors}"
    return found[0]


def expected_sources(corpus: Path) -> set[str]:
    return {str(corpus / "chile_aid.txt"), str(corpus / "kenya_talks.txt"), "https://wire.example/bridge",
            f"{corpus / 'wire.jsonl'}:3"}


def test_good_documents_stored_and_bad_ones_reported(corpus: Path, db: Path) -> None:
    report = pipeline.ingest([str(corpus)], db)

    assert (report.ingested, report.skipped, report.failed) == (4, 0, 3), report.errors
    assert len(report.errors) == 3
    assert "empty" in error_about(report.errors, str(corpus / "empty.txt"))
    assert "binary" in error_about(report.errors, str(corpus / "scan.txt"))
    assert "malformed JSON" in error_about(report.errors, f"{corpus / 'wire.jsonl'}:2")
    assert stored_sources(db) == expected_sources(corpus)
    counts = stats(db)
    assert counts["documents"] == 4
    assert counts["events"] > 0
    assert report.events == counts["events"], "the summary's event count must be what was stored"
    assert report.words > 0


def test_reingesting_the_same_inputs_adds_nothing(corpus: Path, db: Path) -> None:
    pipeline.ingest([str(corpus)], db)
    before = stats(db)

    again = pipeline.ingest([str(corpus)], db)

    assert (again.ingested, again.skipped, again.failed) == (0, 4, 3)
    assert again.events == 0
    assert stats(db) == before  # documents, sentences, entities, mentions, events, relations, by type


def test_same_article_twice_in_one_batch_is_stored_once(tmp_path: Path, db: Path) -> None:
    folder = tmp_path / "dupes"
    folder.mkdir()
    text = (FIXTURES / "kenya_talks.txt").read_text(encoding="utf-8")
    (folder / "kenya_talks.txt").write_text(text, encoding="utf-8")
    (folder / "kenya_talks_crlf.txt").write_bytes(text.replace("\n", "\r\n").encode("utf-8"))

    report = pipeline.ingest([str(folder)], db)

    assert (report.ingested, report.skipped, report.failed) == (1, 1, 0)
    assert stats(db)["documents"] == 1


@pytest.mark.parametrize("missing", ["no_such_folder", "no_such_*.txt"])
def test_missing_path_is_reported_and_the_others_still_ingested(tmp_path: Path, db: Path, missing: str) -> None:
    given = str(tmp_path / missing)
    inputs = [given, *(str(FIXTURES / name) for name in GOOD)]

    report = pipeline.ingest(inputs, db)

    assert (report.ingested, report.failed) == (2, 1)
    message = error_about(report.errors, given)
    assert "no such file" in message or "no files match" in message
    assert stored_sources(db) == {str(FIXTURES / name) for name in GOOD}


def test_extraction_error_fails_that_document_only(corpus: Path, db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_extract = pipeline.extract

    def flaky(document, sdoc):  # type: ignore[no-untyped-def]
        if document.source.endswith("chile_aid.txt"):
            raise RuntimeError("parser exploded")
        return real_extract(document, sdoc)

    monkeypatch.setattr(pipeline, "extract", flaky)
    report = pipeline.ingest([str(corpus)], db)

    assert (report.ingested, report.failed) == (3, 4)
    message = error_about(report.errors, str(corpus / "chile_aid.txt"))
    assert "extraction failed" in message and "RuntimeError" in message and "parser exploded" in message
    assert stored_sources(db) == expected_sources(corpus) - {str(corpus / "chile_aid.txt")}

    monkeypatch.undo()  # the failed document was not stored, so a later run picks it up
    retry = pipeline.ingest([str(corpus)], db)
    assert (retry.ingested, retry.skipped) == (1, 3)
    assert stored_sources(db) == expected_sources(corpus)


def test_store_failure_propagates_and_keeps_finished_chunks(tmp_path: Path, db: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    inputs = [str(FIXTURES / name) for name in GOOD]  # chile_aid.txt is read first
    real_add = Store.add
    calls: list[int] = []

    def add_then_fail(self, extractions, merge=True):  # type: ignore[no-untyped-def]
        calls.append(1)
        if len(calls) == 2:
            raise StoreError("disk full (simulated)")
        return real_add(self, extractions, merge=merge)

    monkeypatch.setattr(pipeline, "CHUNK", 1)  # one document per write transaction
    monkeypatch.setattr(Store, "add", add_then_fail)
    with pytest.raises(StoreError, match="simulated"):  # the pipeline does not swallow store errors
        pipeline.ingest(inputs, db)

    assert stored_sources(db) == {inputs[0]}  # the chunk committed before the failure is kept
    monkeypatch.undo()
    resumed = pipeline.ingest(inputs, db)
    assert (resumed.ingested, resumed.skipped, resumed.failed) == (1, 1, 0)
    assert stored_sources(db) == set(inputs)


def test_failed_later_batch_loses_nothing_already_stored(tmp_path: Path, db: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    kenya, chile = str(FIXTURES / "kenya_talks.txt"), str(FIXTURES / "chile_aid.txt")
    pipeline.ingest([kenya], db)
    before = stats(db)

    def broken_add(self, extractions, merge=True):  # type: ignore[no-untyped-def]
        raise StoreError("database is locked (simulated)")

    monkeypatch.setattr(Store, "add", broken_add)
    with pytest.raises(StoreError, match="simulated"):
        pipeline.ingest([chile], db)

    assert stats(db) == before
    assert stored_sources(db) == {kenya}
    monkeypatch.undo()
    assert pipeline.ingest([chile], db).ingested == 1  # the file is still usable afterwards


def test_error_half_way_through_a_batch_writes_no_half_document(tmp_path: Path, db: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    kenya, chile = str(FIXTURES / "kenya_talks.txt"), str(FIXTURES / "chile_aid.txt")
    pipeline.ingest([kenya], db)
    before = stats(db)
    real = Store._write_rows

    def fail_on_event(self, rows):  # type: ignore[no-untyped-def]
        real(self, rows)  # the batch's mentions and events are written, then the batch breaks
        raise RuntimeError("constraint trouble (simulated)")

    monkeypatch.setattr(Store, "_write_rows", fail_on_event)
    with pytest.raises(RuntimeError, match="simulated"):
        pipeline.ingest([chile], db)

    monkeypatch.undo()
    assert stats(db) == before  # the broken batch was rolled back whole: no document, mention or event
    assert pipeline.ingest([chile], db).ingested == 1


def test_a_run_merges_reports_of_one_happening_spread_over_batches(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """With one document per batch, the merge still happens (once, at the end of the run)."""
    corpus = Path(__file__).parent / "fixtures" / "resolve"
    monkeypatch.setattr(pipeline, "CHUNK", 1)
    db = tmp_path / "chunks.db"
    pipeline.ingest([str(corpus)], db)
    with Store.open(db) as store:
        sources = sorted(e["sources"] for e in Query(store).events())
    assert sources[-1] == 3


def test_text_too_long_for_the_parser_is_refused_from_a_file_and_from_a_post(tmp_path: Path) -> None:
    """One size check for every way in: a file is reported and skipped, a posted text refused."""
    from newsgraph import nlp
    from newsgraph.errors import InputError
    from newsgraph.workspace import Workspace

    long_text = "Officials met in the capital on Monday. " * (nlp.MAX_CHARS // 40 + 1)
    (tmp_path / "long.txt").write_text(long_text, encoding="utf-8")
    report = pipeline.IngestReport()
    assert list(pipeline.read_documents([str(tmp_path / "long.txt")], report)) == []
    assert report.failed == 1 and "over the parser's" in report.errors[0]
    ws = Workspace(tmp_path / "ws.db", create=True)
    with pytest.raises(InputError, match="over the parser's"):
        ws.ingest_text(long_text, who="ana")
    assert ws.query.audit() == [] and ws.query.stats()["documents"] == 0


def _ingest_two(tmp_path: Path, first: str, second: str, type_: str) -> list[dict[str, Any]]:
    """Two articles ingested in order into a new store: the merged events of one type."""
    (tmp_path / "a.txt").write_text(first, encoding="utf-8")
    (tmp_path / "b.txt").write_text(second, encoding="utf-8")
    db = tmp_path / "two.db"
    pipeline.ingest([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], db)
    with Store.open(db) as store:
        return [e for e in Query(store).events() if e["type"] == type_]


@pytest.mark.parametrize("chunk", [64, 1])  # one batch, or the later report merged against the stored one
def test_a_report_dated_only_by_its_story_joins_the_report_that_states_the_day(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int) -> None:
    monkeypatch.setattr(pipeline, "CHUNK", chunk)
    agree = _ingest_two(tmp_path, "date: 2024-06-03\n\nKazakhstan and Kyrgyzstan signed a border treaty in "
                        "Astana on Monday.\n", "date: 2024-06-07\n\nKazakhstan and Kyrgyzstan signed a border "
                        "treaty, officials said.\n", "AGREE")
    assert len(agree) == 1 and agree[0]["sources"] == 2
    assert agree[0]["date"]["value"] == "2024-06-03"  # the stated day speaks for the event


@pytest.mark.parametrize("chunk", [64, 1])  # one batch, or the later report merged against the stored one
def test_a_state_and_its_government_reported_by_two_outlets_are_one_event(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int) -> None:
    """Merging compares sides state by state: "Italy" in one article, "the Italian government" in
    another, each condemning Israel the same day, are one condemnation reported twice."""
    monkeypatch.setattr(pipeline, "CHUNK", chunk)
    accuse = _ingest_two(tmp_path, "date: 2024-10-11\n\nItaly condemned Israel on Thursday over the shelling of "
                         "a peacekeepers' base.\n", "date: 2024-10-11\n\nROME - The Italian government condemned "
                         "Israel on Thursday over the shelling, officials said.\n", "ACCUSE")
    assert len(accuse) == 1 and accuse[0]["sources"] == 2
