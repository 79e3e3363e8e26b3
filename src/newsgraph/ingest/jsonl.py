"""JSON Lines: one article per line, ``{"text": ..., "title", "url", "published", "source"}``.

Each line stands alone: a bad line yields an InputError naming ``file:LINE`` and the batch goes on.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from newsgraph.errors import InputError
from newsgraph.ingest._common import BOM, parse_date, sniff_binary
from newsgraph.model import Document

_STRING_FIELDS = ("title", "url", "source", "outlet", "published")


def read_jsonl(path: Path, published: date | None, outlet: str | None,
               max_bytes: int) -> Iterator[Document | InputError]:
    """Stream the file; ``max_bytes`` bounds each record, not the file (dumps may be large)."""
    where = str(path)
    with path.open("rb") as f:
        try:
            sniff_binary(f.read(8192), where)
        except InputError as e:
            yield e
            return
        f.seek(0)
        lineno = seen = 0
        while raw := f.readline(max_bytes + 1):
            lineno += 1
            if len(raw) > max_bytes and not raw.endswith(b"\n"):
                while raw and not raw.endswith(b"\n"):  # skip the rest of the long line
                    raw = f.readline(1 << 20)
                yield InputError(f"{where}:{lineno}", f"record over the {max_bytes}-byte limit")
                seen += 1
                continue
            if lineno == 1 and raw.startswith(BOM):
                raw = raw[len(BOM):]
            if not raw.strip():
                continue
            seen += 1
            try:
                yield _record(raw, f"{where}:{lineno}", published, outlet)
            except InputError as e:
                yield e
        if not seen:
            yield InputError(where, "empty file")


def _record(raw: bytes, where: str, published: date | None, outlet: str | None) -> Document:
    try:
        line = raw.decode("utf-8").strip()
    except UnicodeDecodeError as e:
        raise InputError(where, f"invalid UTF-8 at byte {e.start} of the line") from None
    try:
        obj: Any = json.loads(line)
    except json.JSONDecodeError as e:
        raise InputError(where, f"malformed JSON: {e.msg} (column {e.colno})") from None
    if not isinstance(obj, dict):
        raise InputError(where, f"expected a JSON object, got {type(obj).__name__}")
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(where, "no non-empty string field 'text'")
    for name in _STRING_FIELDS:
        if obj.get(name) is not None and not isinstance(obj[name], str):
            raise InputError(where, f"field {name!r} must be a string, got {type(obj[name]).__name__}")
    day = published
    if obj.get("published"):
        try:
            day = parse_date(obj["published"])
        except ValueError as e:
            raise InputError(where, f"published: {e}") from None
    url = obj.get("url") or None
    text = text.replace("\r\n", "\n").strip()
    return Document.from_text(text, url or where, title=obj.get("title") or None, url=url,
                              published=day, outlet=obj.get("source") or obj.get("outlet") or outlet)
