"""Plain-text and Markdown articles, with optional ``date:``/``title:``/``url:`` header lines."""

from __future__ import annotations

import re
from datetime import date

from newsgraph.errors import InputError
from newsgraph.ingest._common import check_body, decode, meta_date, parse_date, split_header
from newsgraph.model import Document

_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_FRONT_KEY = {"title": "title", "date": "date", "published": "date", "url": "url",
              "source": "source", "outlet": "source"}
_MD_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^[ \t]*(```|~~~).*$\n?", re.M), ""),                # code fences (keep the code)
    (re.compile(r"^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$", re.M), ""),  # horizontal rules
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),                         # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),                     # [text](url)
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),                    # [text][ref]
    (re.compile(r"^[ \t]*\[[^\]]+\]:[ \t]+\S+.*$\n?", re.M), ""),     # [ref]: url
    (re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t#]*$", re.M), r"\1"),  # headings
    (re.compile(r"^[ \t]*>[ \t]?", re.M), ""),                         # block quotes
    (re.compile(r"^([ \t]*)[-*+][ \t]+", re.M), r"\1"),                # bullets
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),             # strong
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),  # *em*
    (re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"), r"\1"),   # _em_ (not snake_case)
    (re.compile(r"`([^`\n]+)`"), r"\1"),                               # inline code
]
_H1 = re.compile(r"\A[ \t]{0,3}#[ \t]+(.*?)[ \t#]*(?:\n|\Z)")


def read_txt(data: bytes, where: str, published: date | None, outlet: str | None) -> Document:
    """The text is kept as written (offsets point into it); only the header lines go."""
    meta, body = split_header(decode(data, where), where)
    return _document(meta, check_body(body, where), where, published, outlet)


def read_md(data: bytes, where: str, published: date | None, outlet: str | None) -> Document:
    """Markdown is stripped lightly to prose; a leading ``# Heading`` becomes the title."""
    text = decode(data, where)
    meta: dict[str, str] = {}
    front = _FRONT.match(text)
    if front:
        for line in front.group(1).split("\n"):
            key, sep, value = line.partition(":")
            field = _FRONT_KEY.get(key.strip().lower())
            if sep and field and value.strip():
                meta[field] = value.strip().strip("\"'")
        text = text[front.end():]
        if "date" in meta:
            meta["date"] = _front_date(meta["date"], where)
    header, body = split_header(text, where)
    meta = {**header, **meta}
    h1 = _H1.match(body)
    if h1:
        meta.setdefault("title", _strip_md(h1.group(1)))
        body = body[h1.end():]
    body = re.sub(r"\n{3,}", "\n\n", _strip_md(body)).strip()
    return _document(meta, check_body(body, where), where, published, outlet)


def _front_date(value: str, where: str) -> str:
    try:
        return parse_date(value).isoformat()
    except ValueError as e:
        raise InputError(where, f"front matter: {e}") from None


def _strip_md(text: str) -> str:
    for pattern, repl in _MD_RULES:
        text = pattern.sub(repl, text)
    return text


def _document(meta: dict[str, str], body: str, where: str, published: date | None,
              outlet: str | None) -> Document:
    return Document.from_text(body, where, title=meta.get("title") or None, url=meta.get("url") or None,
                              published=meta_date(meta, published), outlet=meta.get("source") or outlet)
