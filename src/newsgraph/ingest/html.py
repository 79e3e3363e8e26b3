"""HTML pages: the article body via trafilatura, without navigation, footers and sidebars."""

from __future__ import annotations

import codecs
import re
from datetime import date
from typing import Any

from newsgraph.errors import InputError
from newsgraph.ingest._common import decode, parse_date
from newsgraph.model import Document

_MIN_WORDS = 5
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)


def read_html(data: bytes, where: str, published: date | None, outlet: str | None) -> Document:
    """Title, date, canonical URL and site name come from the page's metadata when it has them.

    The page's date wins over ``published``; the caller's outlet wins over the guessed site name.
    """
    import trafilatura  # heavy import; only when an HTML file is read

    page = decode(data, where, _encoding(data))
    found = trafilatura.bare_extraction(
        page, with_metadata=True, include_comments=False, include_tables=False,
        favor_precision=True,
        # the page's own publication date, not a date guessed from its text or "last modified"
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    meta: dict[str, Any] = {} if found is None else found if isinstance(found, dict) else found.as_dict()
    text = (meta.get("text") or "").strip()
    if len(text.split()) < _MIN_WORDS:  # a stray menu item or caption is not an article
        raise InputError(where, "no article text found in the HTML")
    title = meta.get("title") or None
    lines = text.split("\n")
    if title and lines[0].strip() == title.strip() and len(lines) > 1:
        text = "\n".join(lines[1:]).strip()  # the headline repeated as the first paragraph
    day = published
    if meta.get("date"):
        try:
            day = parse_date(str(meta["date"]))
        except ValueError:
            pass  # a metadata date we cannot read is no reason to drop the article
    return Document.from_text(text, where, title=title, url=meta.get("url") or None,
                              published=day, outlet=outlet or meta.get("sitename") or None)


def _encoding(data: bytes) -> str:
    """The charset the page declares, if Python knows it; UTF-8 otherwise."""
    m = _CHARSET.search(data[:4096])
    if m:
        try:
            return codecs.lookup(m.group(1).decode("ascii")).name
        except LookupError:
            pass
    return "utf-8"
