"""Convert the PETRARCH2 production dictionaries into newsgraph's packaged data files.

    python scripts/convert_petrarch.py [--reference ../shared/reference] [--out src/newsgraph/ontology/data/petrarch]

Reads ``petrarch2/CAMEO.2.0.txt`` (verb patterns), ``Phoenix.agents.txt`` (generic agents),
``Phoenix.{Countries,International,MilNonState}.actors.txt`` (named actors with dated roles) and
``plover/CAMEO2PLOVER-2021.txt`` and ``cameo/cameo-codes.utf8.csv`` (code -> PLOVER type, mode,
context, Goldstein). Writes ``verbs.jsonl``, ``agents.tsv``, ``actors.tsv``, ``cameo_plover.tsv``
and ``NOTICE.md``. Deterministic: the same input gives byte-identical output. A malformed or
missing input stops with a message naming the file and line.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_REFERENCE = HERE.parent.parent / "shared" / "reference"
DEFAULT_OUT = HERE.parent / "src" / "newsgraph" / "ontology" / "data" / "petrarch"
ACTOR_FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")
MIT_NOTICE_END = "CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE."
# Codes whose first three letters are no country: international and transnational actors.
NON_STATE_PREFIXES = ("IGO", "IMG", "NGO", "NGM", "MNC", "UIS", "INT")
ARMED_CODES = ("REB", "INS", "MIL", "SEP", "RAD", "UAF")


class ConversionError(Exception):
    """An input file is missing or unreadable as a whole: the message names the file (and line)."""


# Records skipped as malformed, "file:line: what" each: printed and listed in NOTICE.md.
SKIPPED: list[str] = []


def skip(where: str, what: str) -> None:
    SKIPPED.append(f"{Path(where.split(':')[0]).name}:{where.rsplit(':', 1)[-1]}: {what}")


def read_text(path: Path) -> list[str]:
    """A dictionary file's lines: UTF-8 where it is, Latin-1 otherwise (the Phoenix files mix them)."""
    if not path.is_file():
        raise ConversionError(f"{path}: no such file")
    data = path.read_bytes()
    try:
        return data.decode("utf-8").splitlines()
    except UnicodeDecodeError:
        return data.decode("latin-1").splitlines()


def phrase(word: str) -> str:
    """PETRARCH's spelling of a word or phrase to ours: lower case, underscores to spaces."""
    return " ".join(word.replace("_", " ").lower().split())


# --- verbs -------------------------------------------------------------------------------------

def _tokens(text: str, where: str) -> list[str]:
    """A pattern's items: words, {multi word} nouns and (prepositional phrases), kept whole."""
    out: list[str] = []
    j = 0
    while j < len(text):
        c = text[j]
        if c.isspace():
            j += 1
            continue
        if c in "({":
            close = ")" if c == "(" else "}"
            k = text.find(close, j)
            if k < 0:
                raise ConversionError(f"{where}: unclosed {c!r}")
            out.append(text[j:k + 1])
            j = k + 1
            continue
        k = j
        while k < len(text) and not text[k].isspace() and text[k] not in "({":
            k += 1
        out.append(text[j:k])
        j = k
    return out


def _code(text: str) -> tuple[str | None, str | None]:
    """ "[163]" -> ("163", None); "[042:043]" -> ("042", "043"); "[---]" -> (None, None)."""
    text = text.strip()
    if not text or text.startswith("---"):
        return None, None
    first, _, second = text.partition(":")
    return (first or second or None), (second or None)


@dataclass
class VerbDictionary:
    synsets: dict[str, list[str]] = field(default_factory=dict)
    verbs: dict[str, dict[str, object]] = field(default_factory=dict)
    blocks: dict[str, list[dict[str, object]]] = field(default_factory=dict)

    def alternatives(self, word: str, depth: int = 0) -> list[str]:
        if word.startswith("&"):
            if depth > 8:
                return []
            members = self.synsets.get(word.rstrip("_").upper(), [])
            return [alt for m in members for alt in self.alternatives(m, depth + 1)]
        return [phrase(word)]

    def item(self, token: str) -> list[str]:
        """One pattern word (or {multi word noun}) as its sorted alternatives."""
        if token.startswith("{"):
            alts = [""]
            for w in token[1:-1].split():
                alts = [f"{a} {x}".strip() for a in alts for x in self.alternatives(w)]
            return sorted(set(alts))
        return sorted(set(self.alternatives(token)))


def read_verbs(path: Path) -> VerbDictionary:
    lines = read_text(path)
    d = VerbDictionary()
    start = next((i for i, line in enumerate(lines) if line.startswith("####### VERB PATTERNS")), None)
    if start is None:
        raise ConversionError(f"{path}: no '####### VERB PATTERNS' section")
    current: str | None = None
    for line in lines[:start]:
        text = line.split("#")[0].strip()
        if text.startswith("&"):
            current = text.rstrip("_").upper()
            d.synsets[current] = []
        elif text.startswith("+") and current is not None:
            d.synsets[current].append(text[1:])
    block_verbs: list[tuple[str, list[str], str | None]] = []
    block_code: str | None = None
    block_name = ""
    block_patterns: list[dict[str, object]] = []

    def flush() -> None:
        if not block_verbs:
            return
        d.blocks[block_name] = block_patterns
        for name, forms, own in block_verbs:  # a verb listed in two blocks takes the patterns of both
            entry = d.verbs.setdefault(name, {"verb": name, "forms": [], "code": None, "blocks": []})
            entry["forms"] = sorted(set(entry["forms"]) | set(forms))  # type: ignore[arg-type]
            entry["code"] = own if own is not None else (entry["code"] or block_code)
            entry["blocks"].append(block_name)  # type: ignore[attr-defined]

    for n in range(start + 1, len(lines)):
        line = lines[n]
        where = f"{path}:{n + 1}"
        if line.startswith("######## TRANSFORMATIONS"):
            break
        text = line.split("#")[0].rstrip()
        if not text.strip():
            continue
        m = re.match(r"^---\s+(\S+)\s+\[(.*?)\]", text)
        if m:
            flush()
            block_verbs, block_patterns = [], []
            block_code = _code(m.group(2))[0]
            block_name = f"{m.group(1)}@{n + 1}"  # a block's name and line: names repeat
            continue
        if text.startswith("-"):
            block_patterns.extend(_pattern(d, text[1:].strip(), where, n + 1))
            continue
        verb = _verb_line(text.strip(), where)
        if verb is not None:
            block_verbs.append(verb)
    flush()
    return d


def _verb_line(text: str, where: str) -> tuple[str, list[str], str | None] | None:
    text = text.split(";")[0].strip()  # an old TABARI-style comment ("SCRAP ;shan 8/30/93")
    own = None
    m = re.search(r"\[([^\]]*)\]", text)
    if m:
        own = _code(m.group(1))[0]
        text = (text[:m.start()] + text[m.end():]).strip()
    forms: list[str] = []
    m = re.search(r"\{([^}]*)\}", text)
    if m:
        forms = [phrase(x.lstrip("+")) for x in m.group(1).split()]
        text = (text[:m.start()] + text[m.end():]).strip()
    name = phrase(text.lstrip("+"))
    if not name or " " in name and not text.startswith("+"):
        skip(where, f"cannot read a verb from {text!r}")
        return None
    return name, forms, own


def _pattern(d: VerbDictionary, body: str, where: str, line: int) -> list[dict[str, object]]:
    m = re.search(r"\[([^\]]*)\]\s*$", body)
    if not m:
        skip(where, f"a pattern without a [code]: {body!r}")
        return []
    code, code2 = _code(m.group(1))
    items = _tokens(body[:m.start()].strip(), where)
    if "*" not in items:
        return []  # a pattern that does not place its verb codes nothing we can read
    star = items.index("*")
    subject: list[list[str]] = []
    obj: list[list[str]] = []
    preps: list[dict[str, object]] = []
    source = target = None
    for k, item in enumerate(items):
        if item == "*" or item in ("%", "^", "|"):
            continue
        if item.startswith("("):
            inner = _tokens(item[1:-1], where)
            if not inner:
                continue
            prep = phrase(inner[0])
            words: list[list[str]] = []
            for x in inner[1:]:
                if x == "$":
                    source = f"prep:{prep}"
                elif x == "+":
                    target = f"prep:{prep}"
                elif x not in ("%", "^", "|"):
                    words.append(d.item(x))
            preps.append({"prep": prep, "words": words})
        elif item == "$":
            source = "subject" if k < star else "object"
        elif item == "+":
            target = "subject" if k < star else "object"
        else:
            (subject if k < star else obj).append(d.item(item))
    return [{"code": code, "code2": code2, "line": line, "object": obj, "preps": preps, "source": source,
             "subject": subject, "target": target}]


# --- CAMEO -> PLOVER ---------------------------------------------------------------------------

def read_plover(path: Path, codebook: Path) -> dict[str, tuple[str, str, str, str]]:
    """code -> (type, mode, context, goldstein) for every code the table or the codebook lists."""
    table: dict[str, tuple[str, str, str]] = {}
    for n, line in enumerate(read_text(path), 1):
        text = line.split("#")[0].strip()
        if not text or set(text) == {"~"}:  # blank, or the rule that ends the table
            continue
        m = re.match(r"^(\d+):\s*(.*)$", text)
        if not m:
            skip(f"{path}:{n}", f"expected 'CODE: TYPE, mode, context', found {text!r}")
            continue
        parts = [p.strip() for p in m.group(2).split(",")] + ["", ""]
        if parts[0]:
            table[m.group(1)] = (parts[0], parts[1], parts[2])
    goldstein: dict[str, str] = {}
    if not codebook.is_file():
        raise ConversionError(f"{codebook}: no such file")
    with codebook.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            goldstein[row["code"].strip()] = (row.get("goldstein") or "").strip()
    out: dict[str, tuple[str, str, str, str]] = {}
    for code in sorted(set(table) | set(goldstein)):
        plover = plover_of(code, table)
        if plover is not None:
            out[code] = (*plover, goldstein.get(code, ""))
    return out


def plover_of(code: str | None, table: dict[str, tuple[str, str, str]]) -> tuple[str, str, str] | None:
    """The PLOVER reading of a CAMEO code: the longest listed prefix; 01x statements have none;
    02x appeals are REQUEST (the table starts at 03)."""
    digits = re.sub(r"[^0-9]", "", code or "")
    if not digits or digits.startswith("01"):
        return None
    if digits.startswith("02"):
        return ("REQUEST", "", "")
    for k in range(len(digits), 1, -1):
        if digits[:k] in table:
            return table[digits[:k]]
    return None


# --- agents and actors -------------------------------------------------------------------------

def read_agents(path: Path) -> dict[str, set[str]]:
    """Generic agent nouns -> sector codes (the "~" dropped), substitution sets and plurals expanded."""
    subs: dict[str, list[str]] = {}
    out: dict[str, set[str]] = {}
    for n, line in enumerate(read_text(path), 1):
        text = line.split("#")[0].strip()
        if not text:
            continue
        m = re.match(r"^!(\w+)!\s*=\s*(.+)$", text)
        if m:
            subs[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        m = re.match(r"^([^\[{]+?)\s*(\{[^}]*\})?\s*\[([^\]]*)\]", text)
        if not m:
            skip(f"{path}:{n}", f"expected 'AGENT [~CODE]', found {text!r}")
            continue
        codes = {c.strip().lstrip("~") for group in re.findall(r"\[([^\]]*)\]", text) for c in group.split()
                 if c.strip().lstrip("~")}  # "PROTESTER [~OPP] [~CVL]": both sectors
        names = [m.group(1).strip()]
        if m.group(2):
            names += m.group(2)[1:-1].split()
        else:
            names.append(_plural(m.group(1).strip()))
        for name in names:
            for form in _substitute(name, subs):
                key = phrase(form)
                if key:
                    out.setdefault(key, set()).update(codes)
    return out


def _substitute(name: str, subs: dict[str, list[str]]) -> list[str]:
    m = re.search(r"!(\w+)!", name)
    if not m:
        return [name]
    return [x for w in subs.get(m.group(1), [""]) for x in _substitute(name[:m.start()] + w + name[m.end():], subs)]


def _plural(name: str) -> str:
    if "!" in name:
        return name
    if re.search(r"(s|x|ch|sh)_?$", name, re.I):
        return re.sub(r"_?$", "ES", name, count=1)
    if re.search(r"[^AEIOU]Y_?$", name, re.I):
        return re.sub(r"Y(_?)$", r"IES\1", name, count=1)
    return re.sub(r"(_?)$", r"S\1", name, count=1)


def _date(text: str, where: str) -> str:
    """yymmdd (or yyyymmdd) -> ISO date; two-digit years up to 30 are 20yy, later ones 19yy."""
    if len(text) == 8 and text.isdigit():
        y, rest = text[:4], text[4:]
    elif len(text) == 6 and text.isdigit():
        y, rest = ("20" if int(text[:2]) <= 30 else "19") + text[:2], text[2:]
    else:
        return ""  # a malformed date is read as an open bound, not guessed
    month, day = int(rest[:2]), int(rest[2:])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return ""
    return f"{y}-{rest[:2]}-{rest[2:]}"


def _role(text: str, where: str) -> str:
    """ "[RUSGOV 991231-080507]" -> "RUSGOV@1999-12-31@2008-05-07"; ">yymmdd" from, "<yymmdd" until."""
    parts = text.split()
    code = parts[0]
    start = end = ""
    if len(parts) > 1:
        span = parts[1]
        if span.startswith(">"):
            start = _date(span[1:], where)
        elif span.startswith("<"):
            end = _date(span[1:], where)
        elif "-" in span:
            a, _, b = span.partition("-")
            start, end = _date(a, where), _date(b, where)
    return f"{code}@{start}@{end}"


def _kind(codes: list[str], country_file: bool) -> str:
    bare = [c.split("@")[0] for c in codes]
    if bare and bare[0].startswith("IGO"):
        return "igo"
    if any(b[3:6] in ARMED_CODES or b.startswith("IMG") for b in bare) and not country_file:
        return "armed-group"
    if country_file and any(len(b) == 3 for b in bare):
        return "country"  # a state: its names, adjectives and cities
    if country_file:
        return "person"
    return "organisation"


def read_actors(path: Path) -> list[tuple[str, str, str, str]]:
    """(phrase, actor id, kind, codes) for every name and alias of every entry."""
    rows: list[tuple[str, str, str, str]] = []
    country_file = "Countries" in path.name
    entry: list[str] = []
    roles: list[str] = []

    def flush() -> None:
        if entry and roles:
            actor_id = phrase(entry[0]).title()
            kind = _kind(roles, country_file)
            for name in entry:
                key = phrase(name)
                if key:
                    rows.append((key, actor_id, kind, ";".join(roles)))

    for n, line in enumerate(read_text(path), 1):
        where = f"{path}:{n}"
        text = line.split("#")[0].rstrip()
        if not text.strip():
            continue
        stripped = text.strip()
        if stripped.startswith("[") and not text[0].isalnum():
            roles.extend(_role(r, where) for r in re.findall(r"\[([^\]]+)\]", stripped))
            continue
        if stripped.startswith("+"):
            entry.append(stripped[1:].split("[")[0].strip())
            roles.extend(_role(r, where) for r in re.findall(r"\[([^\]]+)\]", stripped))
            continue
        flush()
        entry, roles = [stripped.split("[")[0].strip()], []
        roles.extend(_role(r, where) for r in re.findall(r"\[([^\]]+)\]", stripped))
    flush()
    return rows


def licence_text(path: Path) -> str:
    """The MIT licence as it heads a dictionary file, comment marks removed."""
    lines = [line.lstrip("#").rstrip()[1:] if line.startswith("# ") else line.lstrip("#").rstrip()
             for line in read_text(path) if line.startswith("#")]
    start = next((i for i, line in enumerate(lines) if "The MIT License" in line), None)
    end = next((i for i, line in enumerate(lines) if MIT_NOTICE_END in line), None)
    if start is None or end is None:
        raise ConversionError(f"{path}: no MIT licence text in its header")
    return "\n".join(lines[start:end + 1]).strip() + "\n"


# --- writing -----------------------------------------------------------------------------------

def convert(reference: Path, out: Path) -> dict[str, int]:
    SKIPPED.clear()
    p2 = reference / "petrarch2"
    verbs = read_verbs(p2 / "CAMEO.2.0.txt")
    plover = read_plover(reference / "plover" / "CAMEO2PLOVER-2021.txt", reference / "cameo" / "cameo-codes.utf8.csv")
    agents = read_agents(p2 / "Phoenix.agents.txt")
    actors = sorted({row for name in ACTOR_FILES for row in read_actors(p2 / name)})
    out.mkdir(parents=True, exist_ok=True)
    with (out / "verbs.jsonl").open("w", encoding="utf-8", newline="\n") as f:
        for name in sorted(verbs.verbs):
            f.write(json.dumps(verbs.verbs[name], sort_keys=True, ensure_ascii=False) + "\n")
    with (out / "verb_blocks.jsonl").open("w", encoding="utf-8", newline="\n") as f:
        for name in sorted(verbs.blocks):
            f.write(json.dumps({"block": name, "patterns": verbs.blocks[name]}, sort_keys=True,
                               ensure_ascii=False) + "\n")
    with (out / "cameo_plover.tsv").open("w", encoding="utf-8", newline="\n") as f:
        f.write("code\ttype\tmode\tcontext\tgoldstein\n")
        for code, row in sorted(plover.items()):
            f.write("\t".join((code, *row)) + "\n")
    with (out / "agents.tsv").open("w", encoding="utf-8", newline="\n") as f:
        f.write("phrase\tcodes\n")
        for key in sorted(agents):
            f.write(f"{key}\t{';'.join(sorted(agents[key]))}\n")
    with (out / "actors.tsv").open("w", encoding="utf-8", newline="\n") as f:
        f.write("phrase\tactor_id\tkind\tcodes\n")
        for row in actors:
            f.write("\t".join(row) + "\n")
    counts = {"verbs": len(verbs.verbs), "patterns": sum(len(p) for p in verbs.blocks.values()),
              "cameo codes": len(plover), "agent phrases": len(agents), "actor phrases": len(actors)}
    write_notice(out / "NOTICE.md", licence_text(p2 / "CAMEO.2.0.txt"), counts)
    return counts


def write_notice(path: Path, licence: str, counts: dict[str, int]) -> None:
    figures = "\n".join(f"- {k}: {v}" for k, v in counts.items())
    skipped = "\n".join(f"- {s}" for s in SKIPPED) or "- none"
    path.write_text(f"""# PETRARCH2 dictionaries, converted

The files in this folder are generated by `scripts/convert_petrarch.py` (`make vocab`) from the
dictionaries PETRARCH2 and the Phoenix event data set coded news with, as kept in the project's
shared reference folder (`reference/petrarch2/`, from the public repository openeventdata/petrarch2,
`petrarch2/data/dictionaries/`, commit 676801cd9cb2924bbbad09f86d15c9323e7097bf), mapped to PLOVER
with `reference/plover/CAMEO2PLOVER-2021.txt` (openeventdata/PLOVER) and to Goldstein scores with
`reference/cameo/cameo-codes.csv` (andybega/icews). Do not edit them by hand: correct or extend them
in `ontology/data/triggers.toml` and `actors.toml`, which are read first.

What the conversion does:
- `verbs.jsonl`: one object per verb (lower case; phrasal verbs such as PETRARCH's `+BRING_OUT` as
  "bring out"), its inflected forms, the block's default CAMEO code (or the verb's own), and the
  blocks it is listed in. `verb_blocks.jsonl`: each block's patterns, which apply to every verb of
  the block: the words before `*` (`subject`), after it (`object`) and in each
  parenthesised phrase (`preps`), each word a list of alternatives with `&SYNONYM` sets expanded;
  `$`/`+` give the `source`/`target` slot. `[---]` is kept as code null (the construction codes
  nothing); `[042:043]` keeps 042 as `code` and 043 as `code2`. The TRANSFORMATIONS section (rules
  rewriting reported-speech events) is not converted.
- `cameo_plover.tsv`: CAMEO code -> PLOVER type, mode, context (longest listed prefix; 01x
  statements have no type; 02x appeals are REQUEST) and Goldstein score.
- `agents.tsv`: generic agent nouns (singular and plural; `!PERSON!` sets expanded; a plural is
  made by English rules when the file lists none) -> sector codes without the `~`.
- `actors.tsv`: every name and alias of the country, international and non-state actor files ->
  the entry's main name, a kind, and its codes as `CODE@START@END` (ISO dates; PETRARCH's `>yymmdd`
  is a start, `<yymmdd` an end; two-digit years up to 30 are read as 20yy, later ones as 19yy; a
  malformed date is left open). Phoenix.Countries.actors.txt is read as Latin-1 where it is not
  UTF-8. Coverage of office holders ends around 2018.

Counts:
{figures}

Records skipped as malformed in the source:
{skipped}

The dictionaries are distributed under the MIT licence:

Copyright (c) 2014, 2015 Open Event Data Alliance

{licence}""", encoding="utf-8", newline="\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reference", type=Path, default=DEFAULT_REFERENCE)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    try:
        counts = convert(args.reference, args.out)
    except ConversionError as e:
        print(f"convert_petrarch: {e}", file=sys.stderr)
        return 1
    for line in SKIPPED:
        print(f"convert_petrarch: skipped {line}", file=sys.stderr)
    print("wrote " + ", ".join(f"{v} {k}" for k, v in counts.items()) + f" to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
