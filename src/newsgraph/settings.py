"""Configuration, declared once: where the store lives and how hard to work."""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_DB = "newsgraph.db"


def default_db() -> Path:
    """The store file: $NEWSGRAPH_DB, else ./newsgraph.db."""
    return Path(os.environ.get("NEWSGRAPH_DB", DEFAULT_DB))


def sample_corpus() -> Path:
    """The bundled sample articles (written by the newsgraph developers for demo and tests)."""
    return Path(__file__).parent / "data" / "sample"


def sample_gold() -> Path:
    return Path(__file__).parent / "data" / "sample.gold.json"
