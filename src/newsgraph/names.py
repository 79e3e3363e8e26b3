"""How names are compared, declared once for the whole code base.

Three keys, each for one job (accents dropped and case folded in all three):

- ``name_key``: a name as words ("Côte d'Ivoire" -> "cote divoire", "U.S. Army" -> "us army").
  Actors within a document and entities across documents are keyed by it, and stores keep it.
- ``compact_key``: a place or country spelling with no spaces and "St." read as "saint"
  ("Nay Pyi Taw" = "Naypyitaw", "St. Petersburg" = "Saint-Petersburg"). The gazetteer and the
  country vocabulary are indexed by it.
- ``scorer_key``: lower-case ASCII words and digits, exactly as the reference scorer
  (``../shared/tools/score.py``) compares evidence strings, so our figures agree with it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters NFKD does not decompose into ASCII + combining mark.
_LETTERS = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th",
                          "ı": "i", "ħ": "h", "ŀ": "l"})
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'"})
_DROP = re.compile(r"[.']")            # "U.S." is "US", "d'Ivoire" is "divoire"
_SPLIT = re.compile(r"[\W_]+")          # any other punctuation separates words: "Al-Assad"
_SAINT = re.compile(r"\b(st|ste)\b\.?")
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
_NOT_WORD = re.compile(r"[\W_]+")
_MARKS = re.compile(r"[\u02b0-\u036f]+")  # modifier letters and combining accents
_NOT_SCORER_WORD = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """A name as single-spaced words, accents, periods and apostrophes dropped. Stores keep it in
    their ``norm`` columns: it must not change without a migration that recomputes them."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().translate(_QUOTES)
    return " ".join(_SPLIT.sub(" ", _DROP.sub("", plain)).split())


def _saint(m: re.Match[str]) -> str:
    return "sainte" if m.group(1) == "ste" else "saint"


def compact_key(name: str) -> str:
    """A place spelling with no spaces or punctuation, "St." as "saint"."""
    if name.isascii():  # fast path: the gazetteer folds ~200k names at build time
        s = name.lower()
        return _NOT_ALNUM.sub("", _SAINT.sub(_saint, s) if "st" in s else s)
    s = _MARKS.sub("", unicodedata.normalize("NFKD", name.casefold().translate(_LETTERS)))  # accents first:
    s = _SAINT.sub(_saint, s) if "st" in s else s  # a mark before "st" is no word break ("Khōst" is no saint)
    return _NOT_WORD.sub("", s)


def scorer_key(text: object) -> str:
    """Lower-case ASCII words and digits, as the reference scorer compares evidence and names."""
    return _NOT_SCORER_WORD.sub(" ", str(text or "").lower()).strip()
