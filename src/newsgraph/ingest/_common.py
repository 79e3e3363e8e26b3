"""Checks and header parsing shared by the readers.

Readers raise ``InputError`` from here; ``read_path`` turns that into a yielded value so one bad
file never stops a batch.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from newsgraph.errors import InputError

BOM = b"\xef\xbb\xbf"
_TEXT_CONTROLS = {9, 10, 12, 13}  # tab, newline, form feed, carriage return
# A key, a colon, a value: "Date: 2 March 2024". "date 2024-03-02 text..." (no colon) is matched
# separately because the article may continue on the same line.
_HEADER = re.compile(r"^[ \t]*(title|date|published|url|source|outlet)[ \t]*:[ \t]*(.*?)[ \t]*$", re.I)
_BARE_DATE = re.compile(r"^[ \t]*(?:date|published)[ \t]+(\d{4}-\d{2}-\d{2})\b[ \t]*(.*)$", re.I)
_ISO_PREFIX = re.compile(r"^(\d{4}-\d{2}-\d{2})\b[ \t]*(.*)$")
_YEAR = re.compile(r"\b\d{4}\b")


def decode(data: bytes, where: str, encoding: str = "utf-8") -> str:
    """Bytes → text with LF line ends, or InputError naming what is wrong (empty, binary, ...)."""
    if not data.strip():
        raise InputError(where, "empty file")
    sniff_binary(data[:8192], where)
    if b"\x00" in data:
        raise InputError(where, "binary file (contains NUL bytes)")
    skip = len(BOM) if data.startswith(BOM) else 0
    try:
        text = data[skip:].decode(encoding)
    except UnicodeDecodeError as e:
        name = "UTF-8" if encoding == "utf-8" else encoding
        raise InputError(where, f"invalid {name} at byte {e.start + skip}") from None
    if not text.strip():
        raise InputError(where, "empty file (whitespace only)")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def sniff_binary(sample: bytes, where: str) -> None:
    """Refuse UTF-16 and binary data (NUL bytes, or over 10% control bytes in the sample)."""
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(where, "UTF-16 encoded; convert it to UTF-8")
    if b"\x00" in sample:
        raise InputError(where, "binary file (contains NUL bytes)")
    controls = sum(1 for b in sample if (b < 32 and b not in _TEXT_CONTROLS) or b == 127)
    if controls > len(sample) * 0.1:
        raise InputError(where, "binary file (mostly non-text bytes)")


def parse_date(value: str) -> date:
    """A publication date in any form dateparser reads; it must name a day, month and year.

    Relative forms ("yesterday") are refused: they would silently take today's date.
    """
    value = value.strip().strip("\"'")
    try:
        return datetime.fromisoformat(value).date()  # 2024-03-02, 2024-03-02T09:30:00Z
    except ValueError:
        pass
    if not _YEAR.search(value):
        raise ValueError(f"bad date {value!r}: needs a day, month and four-digit year")
    import dateparser  # slow import; only for non-ISO dates

    parsed = dateparser.parse(value, settings={"REQUIRE_PARTS": ["day", "month", "year"]})
    if parsed is None:
        raise ValueError(f"bad date {value!r}: not a day, month and year dateparser can read")
    return parsed.date()


def split_header(text: str, where: str) -> tuple[dict[str, str], str]:
    """Strip ``key: value`` lines (title, date, url, source) from the top of a text.

    Returns the fields (``date`` normalised to ISO) and the rest of the text. A ``date
    YYYY-MM-DD`` line without a colon may carry the first line of the article after the date.
    """
    meta: dict[str, str] = {}
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        line = lines[i].rstrip("\r")
        if not line.strip():
            i += 1
            continue
        bare = _BARE_DATE.match(line)
        keyed = None if bare else _HEADER.match(line)
        if bare is None and keyed is None:
            break
        if bare is not None:
            key, value, rest = "date", bare.group(1), bare.group(2)
        else:
            assert keyed is not None
            key, value, rest = keyed.group(1).lower(), keyed.group(2), ""
        if key in ("date", "published"):
            key = "date"
            iso = _ISO_PREFIX.match(value)
            if iso is not None and iso.group(2)[:1].isalpha():  # "date: 2024-03-02 The article..."
                value, rest = iso.group(1), iso.group(2)
            try:
                meta["date"] = parse_date(value).isoformat()
            except ValueError as e:
                raise InputError(f"{where}:{i + 1}", str(e)) from None
        elif key == "outlet":
            meta["source"] = value
        else:
            meta[key] = value
        if rest:
            lines[i] = rest
            break
        i += 1
    body = "\n".join(lines[i:]).strip()
    return meta, body


def check_body(body: str, where: str) -> str:
    if not body.strip():
        raise InputError(where, "no article text (only header lines)")
    return body


def meta_date(meta: dict[str, str], fallback: date | None) -> date | None:
    """The file's own date wins; the caller's ``--published`` only fills a gap."""
    return date.fromisoformat(meta["date"]) if "date" in meta else fallback
