"""The `newsgraph` command as a user runs it: subprocesses of the installed package on a real SQLite file.

Every process pays for importing spaCy, so the module runs each command once, two phases in parallel
(what needs no store, then the reads of one shared store) and the tests look at the recorded results.
Commands run in the scratch folder with relative paths, so messages stay short and predictable.
"""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tomllib
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures" / "cli"
NEWSGRAPH = [sys.executable, "-m", "newsgraph.cli"]
SCRIPT = shutil.which("newsgraph", path=str(Path(sys.executable).parent))  # the installed console script
DB = "store-under-test.db"  # long enough that the summary line passes 80 columns
EXPORT_KEYS = {"id", "type", "mode", "context", "modality", "confidence", "source", "target", "date", "place",
               "quantities", "evidence", "sources", "articles", "reports"}

SCRIPT_TAG = "<script>alert(1)</script>"
HOSTILE_SENTENCES = [
    f"Bolivia condemned Paraguay over the {SCRIPT_TAG} incident at the border.",
    "Argentina criticised Uruguay over the caf\u00e9 \u202egnirts\u202c zero\u200bwidth \U0001f600 \u4e2d\u6587 [/x] "
    "dispute.",
    "Colombia condemned Ecuador after the \x1b[31mRED\x1b[0m raid in Quito; $(touch pwned) '; DROP TABLE events; --",
]
HOSTILE = "Date: 2024-03-04\n\n" + "\n".join(HOSTILE_SENTENCES) + "\n"

GOLD: dict[str, Any] = {
    "entities": {
        "ruto": {"name": "William Ruto", "kind": "person", "country": "KEN", "sector": "GOV",
                 "aliases": ["Kenyan President William Ruto"]},
        "hassan": {"name": "Samia Suluhu Hassan", "kind": "person", "country": "TZA", "sector": "GOV",
                   "aliases": ["Tanzanian President Samia Suluhu Hassan"]},
        "chile": {"name": "Chile", "kind": "country", "country": "CHL", "sector": None, "aliases": []},
        "peru": {"name": "Peru", "kind": "country", "country": "PER", "sector": None, "aliases": []},
    },
    "places": {"Arusha": {"country": "TZA", "lat": -3.37, "lon": 36.68}},
    "documents": [
        {"doc": "kenya_talks.txt", "published": "2024-03-01", "relations": [], "events": [
            {"id": "k-1", "type": "CONSULT", "mode": "meet", "source": "ruto", "target": "hassan",
             "date": "on Thursday", "date_iso": "2024-02-29", "location": "Arusha", "modality": "asserted",
             "evidence": "met Tanzanian President Samia Suluhu Hassan in Arusha", "required": True,
             "quantities": []},
            {"id": "k-2", "type": "AGREE", "mode": "sign", "source": "ruto", "target": "hassan", "date": None,
             "date_iso": None, "location": None, "modality": "asserted",
             "evidence": "signed an agreement to cut tariffs", "required": True, "quantities": []},
        ]},
        {"doc": "chile_aid.txt", "published": None, "relations": [], "events": [
            {"id": "c-1", "type": "AID", "mode": "provide", "source": "chile", "target": "peru",
             "date": "on Monday", "date_iso": None, "location": None, "modality": "asserted",
             "evidence": "pledged 5 million dollars in emergency aid to Peru", "required": True,
             "quantities": [{"value": 5000000, "unit": "dollars"}]},
        ]},
    ],
}


@dataclass
class Run:
    args: list[str]
    returncode: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr

    def lines(self) -> list[str]:
        """Stdout split on newlines only (JSONL may hold U+2028, which str.splitlines would split on)."""
        return [line for line in self.stdout.split("\n") if line.strip()]


def _env() -> dict[str, str]:
    """The caller's environment minus what changes how rich lays out output or where the store is."""
    drop = {"COLUMNS", "LINES", "FORCE_COLOR", "NO_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "NEWSGRAPH_DB"}
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env["PYTHONUTF8"] = "1"
    return env


def run(args: list[str], cwd: Path, command: list[str] = NEWSGRAPH) -> Run:
    done = subprocess.run([*command, *args], cwd=cwd, env=_env(), capture_output=True, text=True,
                          encoding="utf-8", errors="replace", timeout=180)
    return Run(args, done.returncode, done.stdout, done.stderr)


def run_all(jobs: dict[str, tuple[list[str], list[str]]], cwd: Path) -> dict[str, Run]:
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        futures = {name: pool.submit(run, args, cwd, command) for name, (args, command) in jobs.items()}
        return {name: f.result() for name, f in futures.items()}


def flat(text: str) -> str:
    """Whitespace collapsed, so text rich wrapped onto several lines can still be found."""
    return " ".join(text.split())


def entry_point_is_stale() -> bool:
    """Whether the installed `newsgraph` script calls something other than what pyproject.toml declares."""
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    installed = [ep.value for ep in entry_points(group="console_scripts", name="newsgraph")]
    return installed != [declared["newsgraph"]]


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Run]]:
    """A scratch folder with one store ingested through the CLI, and the result of every command."""
    root = tmp_path_factory.mktemp("cli")
    corpus, bad = root / "corpus", root / "bad"
    corpus.mkdir()
    bad.mkdir()
    for name in ("kenya_talks.txt", "chile_aid.txt"):
        shutil.copy(FIXTURES / name, corpus / name)
    (corpus / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    shutil.copy(FIXTURES / "chile_aid.txt", bad / "chile_aid.txt")
    (bad / "scan.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x08\x06\x00\x00")
    (root / "gold.json").write_text(json.dumps(GOLD), encoding="utf-8")
    (root / "broken.gold.json").write_text('{"entities": {}, "documents": [', encoding="utf-8")

    cli, db = NEWSGRAPH, ["--db", DB]
    results = run_all({
        "ingest": (["ingest", "corpus", *db, "--published", "2024-03-02"], cli),
        "ingest_bad": (["ingest", "bad", "--db", "bad.db"], cli),
        "bad_published": (["ingest", "corpus", "--db", "never.db", "--published", "notadate"], cli),
        "missing_db": (["events", "--db", "missing.db"], cli),
    }, root)
    reads = {
        "events_json": (["events", *db, "--json"], cli),
        "events_type": (["events", *db, "--json", "--type", "agree"], cli),
        "events_actor": (["events", *db, "--json", "--actor", "ruto"], cli),
        "events_table": (["events", *db], cli),
        "export_jsonl": (["export", *db, "--format", "jsonl"], cli),
        "export_csv": (["export", *db, "--format", "csv", "-o", "events.csv"], cli),
        "entities": (["entities", *db], cli),
        "show": (["show", "William Ruto", *db], cli),
        "show_hostile": (["show", "Colombia", *db], cli),
        "show_nobody": (["show", "Nobody", *db], cli),
        "evaluate": (["evaluate", "gold.json", *db, "--json"], cli),
        "evaluate_broken": (["evaluate", "broken.gold.json", *db, "--json"], cli),
    }
    if SCRIPT:
        reads["script_evaluate_broken"] = (["evaluate", "broken.gold.json", *db], [SCRIPT])
    results.update(run_all(reads, root))
    return root, results


@pytest.fixture(scope="module")
def root(world: tuple[Path, dict[str, Run]]) -> Path:
    return world[0]


@pytest.fixture(scope="module")
def runs(world: tuple[Path, dict[str, Run]]) -> dict[str, Run]:
    return world[1]


@pytest.fixture(scope="module")
def events(runs: dict[str, Run]) -> list[dict[str, Any]]:
    r = runs["events_json"]
    assert r.returncode == 0, r.output
    return [json.loads(line) for line in r.lines()]


def names(event: dict[str, Any]) -> Iterable[str]:
    return [a["name"] for a in (event["source"], event["target"]) if a]


def documents(root: Path) -> dict[str, dict[str, Any]]:
    con = sqlite3.connect(root / DB)
    con.row_factory = sqlite3.Row
    try:
        return {Path(r["source"]).name: dict(r) for r in con.execute("SELECT * FROM documents")}
    finally:
        con.close()


SUMMARY = re.compile(r"^ingested (\d+), skipped (\d+)\b[^\n]*?, failed (\d+)", re.M)


# --- ingest --------------------------------------------------------------------------------------

def test_ingest_prints_summary_and_exits_0(runs: dict[str, Run]) -> None:
    r = runs["ingest"]
    assert r.returncode == 0, r.output
    m = SUMMARY.search(r.stderr)
    assert m, r.stderr
    assert m.groups() == ("3", "0", "0")
    assert "error" not in r.stderr.lower()


def test_ingest_with_a_bad_file_exits_1_and_names_it(runs: dict[str, Run]) -> None:
    r = runs["ingest_bad"]
    assert r.returncode == 1, r.output
    assert "bad/scan.txt: binary file" in flat(r.stderr)
    m = SUMMARY.search(r.stderr)
    assert m and m.groups() == ("1", "0", "1"), r.stderr  # the good file beside it is still stored
    assert "Traceback" not in r.output


def test_ingest_error_is_one_plain_line(runs: dict[str, Run]) -> None:
    r = runs["ingest_bad"]
    about = [line for line in r.stderr.splitlines() if "scan.txt" in line]
    assert about == ["error: bad/scan.txt: binary file (contains NUL bytes)"], r.stderr


def test_piped_output_is_not_hard_wrapped(runs: dict[str, Run]) -> None:
    assert any(SUMMARY.match(line) and line.endswith(f"-> {DB}") for line in runs["ingest"].stderr.splitlines()), \
        runs["ingest"].stderr
    sentence = ("Kenyan President William Ruto met Tanzanian President Samia Suluhu Hassan in Arusha on Thursday "
                "to discuss cross-border trade.")
    assert any(sentence in line for line in runs["show"].stdout.splitlines()), runs["show"].stdout


def test_published_fills_a_missing_date_only(root: Path, runs: dict[str, Run], events: list[dict[str, Any]]) -> None:
    docs = documents(root)
    assert docs["chile_aid.txt"]["published"] == "2024-03-02"  # no date of its own: --published fills it
    assert docs["kenya_talks.txt"]["published"] == "2024-03-01"  # its own Date: header wins
    aid = [e for e in events if e["type"] == "AID" and "Chile" in names(e)]
    assert aid, events
    assert aid[0]["date"]["value"] == "2024-02-26"  # "on Monday", resolved against 2024-03-02


def test_published_that_is_not_a_date_is_rejected(root: Path, runs: dict[str, Run]) -> None:
    r = runs["bad_published"]
    assert r.returncode == 2, r.output
    assert "--published" in r.stderr and "'notadate' is not a date (YYYY-MM-DD)" in r.stderr
    assert "Traceback" not in r.output
    assert not (root / "never.db").exists()


# --- reading -------------------------------------------------------------------------------------

def test_events_json_lines_have_exactly_the_export_keys(events: list[dict[str, Any]]) -> None:
    assert len(events) >= 5
    for event in events:
        assert set(event) == EXPORT_KEYS
        assert event["evidence"], event
        for ev in event["evidence"]:
            assert set(ev) == {"doc_id", "source", "sentence", "start", "end"}
            assert ev["sentence"].strip()


def test_type_filter_narrows(runs: dict[str, Run], events: list[dict[str, Any]]) -> None:
    r = runs["events_type"]
    assert r.returncode == 0, r.output
    rows = [json.loads(line) for line in r.lines()]
    assert 0 < len(rows) < len(events)
    assert {e["type"] for e in rows} == {"AGREE"}
    assert {e["id"] for e in rows} == {e["id"] for e in events if e["type"] == "AGREE"}


def test_actor_filter_narrows(runs: dict[str, Run], events: list[dict[str, Any]]) -> None:
    r = runs["events_actor"]
    assert r.returncode == 0, r.output
    rows = [json.loads(line) for line in r.lines()]
    assert 0 < len(rows) < len(events)
    assert all(any("Ruto" in n for n in names(e)) for e in rows), rows


def test_export_jsonl_is_the_events(runs: dict[str, Run], events: list[dict[str, Any]]) -> None:
    r = runs["export_jsonl"]
    assert r.returncode == 0, r.output
    exported = [json.loads(line) for line in r.lines()]
    assert all(set(e) == EXPORT_KEYS for e in exported)
    assert sorted(exported, key=lambda e: e["id"]) == sorted(events, key=lambda e: e["id"])


def test_export_csv_has_gdelt_columns(root: Path, runs: dict[str, Run], events: list[dict[str, Any]]) -> None:
    r = runs["export_csv"]
    assert r.returncode == 0, r.output
    with (root / "events.csv").open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        rows = list(reader)
        header = reader.fieldnames or []
    for column in ("GLOBALEVENTID", "SQLDATE", "Actor1Name", "Actor2Name", "EventCode", "EventRootCode",
                   "QuadClass", "GoldsteinScale", "SOURCEURL"):
        assert column in header
    assert {row["GLOBALEVENTID"] for row in rows} == {e["id"] for e in events}
    meeting = next(row for row in rows if row["PLOVER_Type"] == "CONSULT" and "Ruto" in row["Actor1Name"])
    assert meeting["SQLDATE"] == "20240229"
    assert meeting["SOURCEURL"] == "corpus/kenya_talks.txt"
    for row in rows:
        assert row["EventRootCode"] and row["QuadClass"] in {"1", "2", "3", "4"}, row
        assert -10 <= float(row["GoldsteinScale"]) <= 10


def test_entities_lists_the_actors(runs: dict[str, Run]) -> None:
    r = runs["entities"]
    assert r.returncode == 0, r.output
    for name in ("Chile", "Peru", "Ruto", "Paraguay"):
        assert name in r.stdout


def test_show_prints_the_actor_and_its_evidence(runs: dict[str, Run]) -> None:
    r = runs["show"]
    assert r.returncode == 0, r.output
    assert r.stdout.startswith("William Ruto")
    text = flat(r.stdout)
    assert "met Tanzanian President Samia Suluhu Hassan in Arusha on Thursday" in text
    assert "corpus/kenya_talks.txt" in text


def test_show_unknown_actor_fails_clearly(runs: dict[str, Run]) -> None:
    r = runs["show_nobody"]
    assert r.returncode != 0
    assert "no actor named 'Nobody'" in r.stderr
    assert r.stdout == ""
    assert "Traceback" not in r.output


def test_missing_store_fails_naming_the_file(root: Path, runs: dict[str, Run]) -> None:
    r = runs["missing_db"]
    assert r.returncode != 0
    assert "missing.db" in r.stderr and "no such store" in r.stderr
    assert "Traceback" not in r.output
    assert not (root / "missing.db").exists()  # reading never creates a store


# --- evaluate ------------------------------------------------------------------------------------

def test_evaluate_json_reports_precision_and_recall(runs: dict[str, Run]) -> None:
    r = runs["evaluate"]
    assert r.returncode == 0, r.output
    report = json.loads(r.stdout)
    for key in ("precision", "recall", "f1", "events_predicted", "misses", "false_positives"):
        assert key in report
    for key in ("precision", "recall", "f1"):
        assert report[key] is None or 0 <= report[key] <= 1
    assert report["events_predicted"] > 0
    assert {d["doc"] for d in report["documents"]} == {"kenya_talks.txt", "chile_aid.txt"}


def test_evaluate_malformed_gold_fails_clearly(runs: dict[str, Run]) -> None:
    r = runs["evaluate_broken"]
    assert r.returncode != 0
    assert "broken.gold.json: not valid JSON" in flat(r.stderr)
    assert "Traceback" not in r.output
    assert r.stdout == ""


@pytest.mark.skipif(SCRIPT is None, reason="no installed newsgraph script beside the interpreter")
@pytest.mark.xfail(entry_point_is_stale(), strict=True,
                   reason="stale install: the .venv `newsgraph` script calls newsgraph.cli:app, not pyproject's "
                          "newsgraph.cli:main, so every NewsgraphError is a rich traceback; reinstall (make install)")
def test_installed_script_reports_errors_without_traceback(runs: dict[str, Run]) -> None:
    r = runs["script_evaluate_broken"]
    assert r.returncode == 2
    assert "broken.gold.json: not valid JSON" in flat(r.stderr)
    assert "Traceback" not in r.output


# --- hostile text --------------------------------------------------------------------------------

def test_hostile_text_is_stored_verbatim(root: Path) -> None:
    stored = documents(root)["hostile.txt"]["text"]
    assert stored == "\n".join(HOSTILE_SENTENCES)


def test_hostile_text_is_exported_as_escaped_json_data(root: Path, runs: dict[str, Run]) -> None:
    r = runs["export_jsonl"]
    for line in r.lines():
        assert not any(ord(c) < 32 for c in line), repr(line)  # control characters are \u-escaped
    sentences = {ev["sentence"] for line in r.lines() for ev in json.loads(line)["evidence"]}
    for sentence in HOSTILE_SENTENCES:
        assert sentence in sentences  # exactly as written: tags, bidi controls, emoji, escapes
    assert json.dumps(HOSTILE_SENTENCES[2], ensure_ascii=False)[1:-1] in r.stdout
    assert not (root / "pwned").exists() and not (root / "corpus" / "pwned").exists()
    assert documents(root)  # "DROP TABLE" stayed text


def test_events_table_shows_article_text_literally(runs: dict[str, Run]) -> None:
    r = runs["events_table"]
    assert r.returncode == 0, r.output
    assert "Traceback" not in r.output
    assert "[/x]" in r.stdout


def test_terminal_output_carries_no_escape_sequences_from_articles(runs: dict[str, Run]) -> None:
    r = runs["show_hostile"]
    assert r.returncode == 0, r.output
    assert "RED" in r.stdout
    assert "\x1b" not in r.stdout
