"""Shared fixtures: the spaCy pipeline, loaded once per session, and a one-call text extractor."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from newsgraph import nlp as nlp_module
from newsgraph.extract import extract
from newsgraph.model import Document, Extraction

ExtractText = Callable[..., Extraction]


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    """The pinned spaCy pipeline (``newsgraph.nlp.load()``), loaded once for the whole run."""
    return nlp_module.load()


@pytest.fixture(scope="session")
def extract_text(nlp) -> ExtractText:  # type: ignore[no-untyped-def]
    """``extract_text(text, published=None)``: the extract stage run on a piece of text."""

    def run(text: str, published: date | None = None) -> Extraction:
        document = Document.from_text(text, source="test.txt", published=published)
        return extract(document, nlp(text))

    return run


@pytest.fixture
def rules_text(extract_text, monkeypatch) -> ExtractText:  # type: ignore[no-untyped-def]
    """``extract_text`` with the learned event filter off: what the rules state, for a test of a
    rule whose event the filter, a statistical precision trade-off, may drop."""
    from newsgraph.extract import events
    from newsgraph.extract.filter import EventFilter

    monkeypatch.setattr(events, "event_filter", lambda: EventFilter({}, 0.0, 0.0, enabled=False))
    return extract_text


# --- a real `newsgraph serve` on a loopback port, for the API and browser tests ---------------------

NEWSGRAPH = str(Path(sys.executable).parent / "newsgraph")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    """A running ``newsgraph serve``: its base URL, store file and token (None: read-only)."""

    url: str
    db: Path
    token: str | None
    process: subprocess.Popen[bytes]
    log: Path

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def start_server(db: Path, token: str | None = None, log_dir: Path | None = None, *extra: str) -> Server:
    """Start the server the way a user does (the installed console script), wait until it answers."""
    port = free_port()
    env = dict(os.environ)
    env.pop("NEWSGRAPH_TOKEN", None)
    if token:
        env["NEWSGRAPH_TOKEN"] = token
    log = (log_dir or db.parent) / f"serve-{port}.log"
    with log.open("wb") as out:
        command = [NEWSGRAPH, "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port), *extra]
        proc = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"newsgraph serve exited with {proc.returncode}: {log.read_text()}")
        try:
            with urllib.request.urlopen(url + "/api/stats", timeout=2) as r:
                if r.status == 200:
                    return Server(url, db, token, proc, log)
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError(f"newsgraph serve did not answer within 60 s: {log.read_text()}")
