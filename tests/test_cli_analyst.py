"""`newsgraph analyst ...`: corrections from the command line, run as a user runs them."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from conftest import NEWSGRAPH
from newsgraph import pipeline

KIMS = Path(__file__).parent / "fixtures" / "resolve" / "e_two_kims.txt"


def run(*args: str, ok: bool = True) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([NEWSGRAPH, *args], capture_output=True, text=True, timeout=120)
    assert (done.returncode == 0) == ok, done.stderr
    return done


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "kims.db"
    assert pipeline.ingest([str(KIMS)], path).ingested == 1
    return path


def test_merge_log_and_undo(db: Path) -> None:
    merged = json.loads(run("analyst", "merge", "Kim Jong Un", "Kim Hong-kyun", "--db", str(db), "--who", "eve",
                            "--note", "testing").stdout)
    shown = json.loads(run("show", "Kim Hong-kyun", "--json", "--db", str(db)).stdout)
    assert shown["id"] == merged["entity"] and len(shown["events"]) == 2
    log = json.loads(run("analyst", "log", "--json", "--db", str(db)).stdout)
    assert [(r["action"], r["who"], r["detail"]["note"]) for r in log] == [("merge", "eve", "testing")]
    run("analyst", "undo", str(merged["decision"]), "--db", str(db))
    again = json.loads(run("show", "Kim Hong-kyun", "--json", "--db", str(db)).stdout)
    assert len(again["events"]) == 1
    assert "undo" in run("analyst", "log", "--db", str(db)).stdout


def test_reject_and_errors_name_what_is_wrong(db: Path) -> None:
    def events() -> list[dict]:
        return [json.loads(line) for line in run("events", "--json", "--db", str(db)).stdout.splitlines()]

    event = events()[0]
    done = json.loads(run("analyst", "reject", event["id"], "--db", str(db)).stdout)
    assert done["event"] == event["id"]
    assert [e["id"] for e in events()] != [] and event["id"] not in [e["id"] for e in events()]
    assert "already rejected" in run("analyst", "reject", event["id"], "--db", str(db), ok=False).stderr
    assert "no entity is called 'Nobody'" in run("analyst", "merge", "Nobody", "Kim Jong Un", "--db", str(db),
                                                 ok=False).stderr
    assert "no decision has id 42" in run("analyst", "undo", "42", "--db", str(db), ok=False).stderr
