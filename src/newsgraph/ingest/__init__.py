"""Ingest: files in, ``Document`` records out.

``iter_paths`` expands the command line's files, folders and globs; ``read_path`` reads one file
and yields its Documents, plus an ``InputError`` for each bad file or JSONL line, so that a batch
carries on past bad input and can report it.
"""

from __future__ import annotations

import glob
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

from newsgraph.errors import InputError
from newsgraph.ingest.html import read_html
from newsgraph.ingest.jsonl import read_jsonl
from newsgraph.ingest.text import read_md, read_txt
from newsgraph.model import Document

__all__ = ["MAX_BYTES", "SUFFIXES", "iter_paths", "read_path"]

# Per file (per record for JSONL). A long news article is well under 100 kB of text; a saved page
# with inline scripts and styles rarely passes 2 MB. Anything bigger is almost surely not one
# article (a dump, a log, a book) and would be read into memory whole and then parsed by spaCy,
# whose default limit is 1,000,000 characters, so refuse it up front with a clear reason.
MAX_BYTES = 5_000_000

Reader = Callable[[bytes, str, date | None, str | None], Document]
_READERS: dict[str, Reader] = {
    ".txt": read_txt, ".text": read_txt, ".md": read_md, ".markdown": read_md,
    ".html": read_html, ".htm": read_html,
}
_JSONL = (".jsonl", ".ndjson")
SUFFIXES: tuple[str, ...] = (*_READERS, *_JSONL)
_GLOB_CHARS = set("*?[")


def iter_paths(inputs: list[str]) -> Iterator[Path]:
    """Files as given; folders recursively (sorted, known suffixes, hidden entries skipped); globs.

    Every input is checked before the first path is returned, so a typo fails the run at once
    (InputError) rather than after half the batch. A file reached twice is returned once.
    """
    found: list[Path] = []
    for item in inputs:
        path = Path(item)
        if path.is_file():
            found.append(path)
        elif path.is_dir():
            found.extend(_walk(path))
        elif _GLOB_CHARS & set(item):
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                raise InputError(item, "no files match this pattern")
            hits = [p for m in matches for p in (_walk(Path(m)) if Path(m).is_dir() else [Path(m)])
                    if p.is_file() and p.suffix.lower() in SUFFIXES]
            if not hits:
                raise InputError(item, f"matches no file ending in {', '.join(SUFFIXES)}")
            found.extend(hits)
        else:
            raise InputError(item, "no such file or directory")
    seen: set[Path] = set()
    unique = []
    for p in found:
        key = p.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(p)
    return iter(unique)


def _walk(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*")
                  if p.is_file() and p.suffix.lower() in SUFFIXES
                  and not any(part.startswith(".") for part in p.relative_to(folder).parts))


def read_path(path: Path, published: date | None = None,
              source: str | None = None) -> Iterator[Document | InputError]:
    """Documents from one file, and an InputError (yielded, not raised) for each bad part.

    ``published`` fills the date when the file gives none; ``source`` (the outlet) fills the
    outlet when the file names none. ``Document.source`` is the path as given, or for JSONL the
    record's URL else ``file:LINE``.
    """
    where = str(path)
    suffix = path.suffix.lower()
    try:
        if suffix in _JSONL:
            yield from read_jsonl(path, published, source, MAX_BYTES)
            return
        reader = _READERS.get(suffix)
        if reader is None:
            raise InputError(where, f"unsupported suffix {suffix or '(none)'!r}; "
                                    f"expected one of {', '.join(SUFFIXES)}")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(where, f"file is {size:,} bytes, over the {MAX_BYTES:,}-byte limit")
        yield reader(path.read_bytes(), where, published, source)
    except InputError as e:
        yield e
    except OSError as e:
        yield InputError(where, f"cannot read: {e.strerror or e}")
