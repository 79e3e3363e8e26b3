"""Shared fixtures: the spaCy pipeline, loaded once per session, and a one-call text extractor."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

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
