"""How names are compared, declared once for the whole code base.

Three keys, each for one job, all built on the same folding of letters (accents and modifier
letters dropped, the letters NFKD cannot decompose mapped to ASCII, case folded):

- ``name_key``: a name as words ("Côte d'Ivoire" -> "cote divoire", "U.S. Army" -> "us army",
  "Russia's" -> "russia"). Actors within a document and entities across documents are keyed by it.
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
_POSSESSIVE = re.compile(r"'s\b")
_DROP = re.compile(r"[.']")            # "U.S." is "US", "d'Ivoire" is "divoire"
_SPLIT = re.compile(r"[\W_]+")          # any other punctuation separates words: "Al-Assad"
_SAINT = re.compile(r"\b(st|ste)\b\.?")
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
_NOT_WORD = re.compile(r"[\W_\u02b0-\u036f]+")
_NOT_SCORER_WORD = re.compile(r"[^a-z0-9]+")


def fold_letters(text: str) -> str:
    """Case folded, accents and modifier letters dropped; letters of every script are kept (a
    name in Cyrillic or Arabic must not fold to nothing)."""
    decomposed = unicodedata.normalize("NFKD", text).casefold().translate(_LETTERS)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """A name as single-spaced words, without possessives, periods or apostrophes."""
    plain = _POSSESSIVE.sub("", fold_letters(name).translate(_QUOTES))
    return " ".join(_SPLIT.sub(" ", _DROP.sub("", plain)).split())


def _saint(m: re.Match[str]) -> str:
    return "sainte" if m.group(1) == "ste" else "saint"


def compact_key(name: str) -> str:
    """A place spelling with no spaces or punctuation, "St." as "saint"."""
    if name.isascii():  # fast path: the gazetteer folds ~200k names at build time
        s = name.lower()
        return _NOT_ALNUM.sub("", _SAINT.sub(_saint, s) if "st" in s else s)
    s = unicodedata.normalize("NFKD", name.casefold().translate(_LETTERS))
    s = _SAINT.sub(_saint, s) if "st" in s else s
    return _NOT_WORD.sub("", s)  # drops combining accents and modifier letters


def scorer_key(text: object) -> str:
    """Lower-case ASCII words and digits, as the reference scorer compares evidence and names."""
    return _NOT_SCORER_WORD.sub(" ", str(text or "").lower()).strip()
