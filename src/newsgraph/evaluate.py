"""Scores exported events against a hand-made gold file, so extraction quality is measured.

The rules are those of the gold README (``../shared/gold/README.md``): an extracted event matches a
gold event when its sentence contains the gold evidence string, its type is one of the gold types
and its source and target agree at country-or-organisation level (either order for symmetric
types). Precision and recall come from that match; actor (entity level), date, modality, quantity
and place accuracy are measured on the matched required events. Events are the dicts of the JSONL
export. An event merged across articles is scored once in each article it has evidence from, as
that article reports it; where the gold lists ``duplicate_groups`` (gold event ids that are one
happening), the report says how many came out as one exported event. Figures agree with the
reference scorer (``../shared/tools/score.py``).

:func:`score` also explains the errors (:class:`Explanation`): each missed required gold event and
each false positive gets one :class:`Cause`, and matched events with a wrong modality or date are
counted. :func:`evaluate_corpora` ingests the bundled dev and test corpora (or given folders) with
the real pipeline and scores each.
"""

from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from functools import partial
from importlib import resources
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from newsgraph import ontology
from newsgraph.errors import GoldFormatError, InputError
from newsgraph.names import scorer_key

Json = dict[str, Any]

_ISO = r"\d{4}(?:-\d{2}(?:-\d{2})?)?"
_DATE_ISO = re.compile(rf"{_ISO}(?:/{_ISO})?")




# --- reading -------------------------------------------------------------------------------------

def load_gold(path: Path) -> Json:
    """Read a gold file and check its shape; GoldFormatError("<path>: <what is wrong>") if bad."""
    data = _read_json(path)
    problem = _gold_problem(data) or _groups_problem(data)
    if problem:
        raise GoldFormatError(f"{path}: {problem}")
    return data


def load_gold_files(paths: Iterable[Path]) -> Json:
    """Several gold files read as one: documents and ``duplicate_groups`` concatenated, entities
    and places unioned (an event may name an entity another file defines).

    GoldFormatError names the file when it is malformed, when it defines an entity id another file
    defined differently (alias order aside), or when it repeats a document or an event id of another
    file. A place defined twice keeps its first definition (places are not scored).
    """
    files = [(Path(p), _read_json(Path(p))) for p in paths]
    merged: Json = {"entities": {}, "places": {}, "documents": [], "duplicate_groups": []}
    defined_in: dict[str, Path] = {}
    for path, data in files:
        if not isinstance(data, dict) or not isinstance(data.get("entities"), dict):
            raise GoldFormatError(f"{path}: {_gold_problem(data)}")
        for gid, ent in data["entities"].items():
            if gid in merged["entities"] and _entity_key(merged["entities"][gid]) != _entity_key(ent):
                raise GoldFormatError(f"{path}: entities.{gid}: defined differently in {defined_in[gid]}")
            merged["entities"].setdefault(gid, ent)
            defined_in.setdefault(gid, path)
        places = data.get("places") or {}
        if not isinstance(places, dict):
            raise GoldFormatError(f"{path}: 'places' must be an object of name -> place")
        for name, place in places.items():
            merged["places"].setdefault(name, place)
    doc_in: dict[str, Path] = {}
    event_in: dict[str, Path] = {}
    for path, data in files:
        problem = _gold_problem({**data, "entities": merged["entities"]})
        if problem:
            raise GoldFormatError(f"{path}: {problem}")
        groups = data.get("duplicate_groups") or []
        if not isinstance(groups, list):
            raise GoldFormatError(f"{path}: 'duplicate_groups' must be a list")
        for doc in data["documents"]:
            if doc["doc"] in doc_in:
                raise GoldFormatError(f"{path}: document {doc['doc']!r} is annotated in {doc_in[doc['doc']]} too")
            doc_in[doc["doc"]] = path
            for ev in doc["events"]:
                if ev["id"] in event_in:
                    raise GoldFormatError(f"{path}: event id {ev['id']!r} is used in {event_in[ev['id']]} too")
                event_in[ev["id"]] = path
        merged["documents"] += data["documents"]
        merged["duplicate_groups"] += groups
    problem = _groups_problem(merged)
    if problem:
        raise GoldFormatError(f"{', '.join(str(p) for p, _ in files)}: {problem}")
    return _one_id_per_actor(merged) if len(files) > 1 else merged


def _one_id_per_actor(gold: Json) -> Json:
    """Merge entities that several files define under their own ids for the same actor (same
    name, kind and country: "North Atlantic Treaty Organization" in two batches). Otherwise the
    scorer, which finds a predicted actor's entity by name, gives it the first file's id, and an
    event of the second file naming the same actor by its own id would never match."""
    first: dict[tuple[str, Any, Any], str] = {}
    canonical: dict[str, str] = {}
    for gid, ent in gold["entities"].items():
        names = [ent.get("name"), *[a for a in ent.get("aliases", []) if _proper_name(a)]]
        keys = [(scorer_key(n), ent.get("kind"), ent.get("country")) for n in names if scorer_key(n)]
        keep = next((first[k] for k in keys if k in first), gid)  # "NATO" in one file, its full name in another
        for k in keys:
            first.setdefault(k, keep)
        canonical[gid] = keep
        if keep != gid:
            kept = gold["entities"][keep]
            kept["aliases"] = list(dict.fromkeys([*kept.get("aliases", []), ent.get("name"),
                                                  *ent.get("aliases", [])]))
    if all(gid == keep for gid, keep in canonical.items()):
        return gold
    gold["entities"] = {gid: ent for gid, ent in gold["entities"].items() if canonical[gid] == gid}
    for doc in gold["documents"]:
        for item in [*doc.get("events", []), *doc.get("relations", [])]:
            for role in ("source", "target"):
                if item.get(role) in canonical:
                    item[role] = canonical[item[role]]
    return gold


def _proper_name(alias: object) -> bool:
    """Whether an alias is a name ("NATO", "Vladimir Putin"), not a description two actors could
    share ("the bloc", "the alliance")."""
    return isinstance(alias, str) and alias[:1].isupper() and not alias.lower().startswith("the ")


def _read_json(path: Path) -> Any:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as e:
        raise GoldFormatError(f"{path}: cannot read: {e.strerror or e}") from e
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise GoldFormatError(f"{path}: not valid JSON: {e}") from e


def _entity_key(ent: Any) -> Any:
    """An entity definition compared across files: aliases as a set."""
    if not isinstance(ent, dict):
        return ent
    aliases = ent.get("aliases") or []
    return {**ent, "aliases": sorted(set(aliases)) if isinstance(aliases, list) else aliases}


def load_events(path: Path) -> list[Json]:
    """Read a JSONL event export (blank lines skipped)."""
    return [ev for _, ev in _jsonl_objects(path, "an event")]


def load_relations(path: Path) -> list[Json]:
    """Read a JSONL relation export (blank lines skipped); InputError("<path>:<line>") names a bad one."""
    out = []
    for n, rel in _jsonl_objects(path, "a relation"):
        if not isinstance(rel.get("relation"), str) or not all(
                isinstance(rel.get(k), dict) for k in ("source", "target")):
            raise InputError(f"{path}:{n}", "a relation needs a 'relation' name and 'source' and 'target' objects")
        out.append(rel)
    return out


def _jsonl_objects(path: Path, what: str) -> list[tuple[int, Json]]:
    """(line number, object) for each non-blank line of a JSONL file."""
    out = []
    with Path(path).open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                raise InputError(f"{path}:{n}", f"not valid JSON: {e.msg}") from e
            if not isinstance(obj, dict):
                raise InputError(f"{path}:{n}", f"{what} must be a JSON object")
            out.append((n, obj))
    return out


def _gold_problem(data: Any) -> str | None:
    """The first thing wrong with a gold dict, named by where it is; None when it is fine."""
    if not isinstance(data, dict):
        return "the top level must be an object"
    ents = data.get("entities")
    if not isinstance(ents, dict):
        return "'entities' must be an object of id -> entity"
    for gid, ent in ents.items():
        if not isinstance(ent, dict) or not isinstance(ent.get("name"), str):
            return f"entities.{gid}: needs a string 'name'"
        if not isinstance(ent.get("country"), str | None):
            return f"entities.{gid}.country: must be a string or null"
        aliases = ent.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            return f"entities.{gid}.aliases: must be a list of strings"
    docs = data.get("documents")
    if not isinstance(docs, list):
        return "'documents' must be a list"
    ids: set[str] = set()
    for i, doc in enumerate(docs):
        where = f"documents[{i}]"
        if not isinstance(doc, dict) or not isinstance(doc.get("doc"), str) or not doc["doc"]:
            return f"{where}: needs a 'doc' file name"
        if not isinstance(doc.get("events"), list) or not isinstance(doc.get("relations", []), list):
            return f"{where}: 'events' and 'relations' must be lists"
        for j, ev in enumerate(doc["events"]):
            problem = _event_problem(ev, ents)
            if problem:
                return f"{where}.events[{j}]{problem}"
            if ev["id"] in ids:
                return f"{where}.events[{j}]: duplicate id {ev['id']!r}"
            ids.add(ev["id"])
        for j, rel in enumerate(doc.get("relations", [])):
            if not isinstance(rel, dict) or not all(isinstance(rel.get(k), str) for k in
                                                    ("source", "relation", "target")):
                return f"{where}.relations[{j}]: needs string 'source', 'relation' and 'target'"
            for k in ("source", "target"):
                if rel[k] not in ents:
                    return f"{where}.relations[{j}].{k}: unknown entity {rel[k]!r}"
    return None


def _groups_problem(data: Json) -> str | None:
    """What is wrong with the ``duplicate_groups`` of a valid gold dict (each group: ``members``, the
    ids of gold events that report one happening); None when fine or absent."""
    groups = data.get("duplicate_groups")
    if groups is None:
        return None
    if not isinstance(groups, list):
        return "'duplicate_groups' must be a list"
    ids = {ev["id"] for d in data["documents"] for ev in d["events"]}
    for i, grp in enumerate(groups):
        members = grp.get("members") if isinstance(grp, dict) else None
        if not isinstance(members, list) or not all(isinstance(m, str) for m in members):
            return f"duplicate_groups[{i}]: needs 'members', a list of gold event ids"
        unknown = [m for m in members if m not in ids]
        if unknown:
            return f"duplicate_groups[{i}]: unknown event {unknown[0]!r}"
    return None


def _event_problem(ev: Any, ents: dict[str, Any]) -> str | None:
    if not isinstance(ev, dict):
        return ": must be an object"
    if not isinstance(ev.get("id"), str):
        return ": needs a string 'id'"
    t = ev.get("type")
    if not (isinstance(t, str) or (isinstance(t, list) and t and all(isinstance(x, str) for x in t))):
        return ".type: must be a type name or a non-empty list of them"
    for k in ("source", "target"):
        if ev.get(k) is not None and ev[k] not in ents:
            return f".{k}: unknown entity {ev[k]!r}"
    if not isinstance(ev.get("evidence"), str) or not scorer_key(ev["evidence"]):
        return ".evidence: must be a non-empty string"
    if not isinstance(ev.get("required", True), bool):
        return ".required: must be true or false"
    for k in ("modality", "location"):
        if not isinstance(ev.get(k), str | None):
            return f".{k}: must be a string or null"
    iso = ev.get("date_iso")
    if iso is not None and not (isinstance(iso, str) and _DATE_ISO.fullmatch(iso)):
        return f".date_iso: {iso!r} is not YYYY, YYYY-MM, YYYY-MM-DD or A/B"
    qs = ev.get("quantities") or []
    if not isinstance(qs, list) or not all(
        isinstance(q, dict) and isinstance(q.get("value"), int | float) and not isinstance(q["value"], bool)
        and isinstance(q.get("unit"), str) for q in qs
    ):
        return ".quantities: must be a list of {value: number, unit: string}"
    return None


# --- mapping actors onto gold entities ---------------------------------------------------------

class GoldIndex:
    """Maps extracted actors onto gold entities by name and alias (reused for relation scoring)."""

    def __init__(self, entities: dict[str, Json]) -> None:
        self.entities = entities
        aliases = [(scorer_key(a), gid) for gid, e in entities.items() for a in [e["name"], *e.get("aliases", [])]]
        self._aliases = sorted((a for a in aliases if a[0]), key=lambda a: -len(a[0]))  # longest first
        # Indexes over word runs, so that a lookup reads a name's few word runs instead of every
        # alias of the gold (tens of thousands on the dev corpus: the scoring's cost): the first
        # alias in that order equal to a run, and the last alias in it holding each run.
        self._first: dict[str, int] = {}
        self._last_holding: dict[str, int] = {}
        for at, (a, _) in enumerate(self._aliases):
            self._first.setdefault(a, at)
            for run in _word_runs(a):
                self._last_holding[run] = at
        self._memo: dict[str, str | None] = {}

    def entity_of(self, actor: Json | None) -> str | None:
        """Exact alias; else the longest alias inside the name; else the shortest alias holding it."""
        name = scorer_key((actor or {}).get("name"))
        if not name:
            return None
        if name not in self._memo:
            self._memo[name] = self._entity_of_name(name)
        return self._memo[name]

    def _entity_of_name(self, name: str) -> str | None:
        if (at := self._first.get(name)) is not None:
            return self._aliases[at][1]
        inside = [at for run in _word_runs(name) if len(run) > 3 and (at := self._first.get(run)) is not None]
        if inside:
            return self._aliases[min(inside)][1]
        if len(name) > 3 and (at := self._last_holding.get(name)) is not None:
            return self._aliases[at][1]
        return None

    def key_of_entity(self, gid: str | None) -> str | None:
        """Country-or-organisation key: the entity's country, or the entity itself when it has none."""
        return None if gid is None else (self.entities[gid].get("country") or gid)

    def key_of_actor(self, actor: Json | None) -> str | None:
        """The same key for an extracted actor: its country, else its gold entity's, else its name."""
        if not actor:
            return None
        if actor.get("country"):
            return str(actor["country"]).upper()
        gid = self.entity_of(actor)
        return self.key_of_entity(gid) if gid else (scorer_key(actor.get("name")) or None)


def _word_runs(key: str) -> set[str]:
    """Every run of consecutive words of a scorer key ("a b c": "a", "a b", "b c", ...)."""
    words = key.split(" ")
    return {" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)}


def document_of(record: Json, doc_names: list[str]) -> str | None:
    """The gold document an event (or relation) belongs to: named by its evidence source path/URL."""
    for ev in record.get("evidence") or []:
        src = str(ev.get("source") or ev.get("doc") or "")
        for name in doc_names:
            if src.endswith(name) or name in src:
                return name
    return None


def per_document(events: list[Json], doc_names: list[str]) -> list[Json]:
    """An event merged across articles, as each gold document reports it: one copy per gold document
    its evidence comes from, holding that document's evidence (evidence outside the gold dropped).
    Events with evidence from at most one document are kept as they are."""
    out = []
    for ev in events:
        groups: dict[str | None, list[Json]] = {}
        for e in ev.get("evidence") or []:
            groups.setdefault(document_of({"evidence": [e]}, doc_names), []).append(e)
        if len(groups) <= 1:
            out.append(ev)
        else:
            out += [dict(ev, evidence=evs) for doc, evs in groups.items() if doc]
    return out


# --- matching ------------------------------------------------------------------------------------

def _types(gold_event: Json) -> set[str]:
    t = gold_event["type"]
    return set(t) if isinstance(t, list) else {t}


def _actors_agree(index: GoldIndex, g: Json, p: Json, symmetric: frozenset[str], strict: bool) -> bool:
    """Gold and predicted actors agree (a null gold actor accepts anything), swapped if symmetric."""
    if strict:
        want = (g.get("source"), g.get("target"))
        got = (index.entity_of(p.get("source")), index.entity_of(p.get("target")))
    else:
        want = (index.key_of_entity(g.get("source")), index.key_of_entity(g.get("target")))
        got = (index.key_of_actor(p.get("source")), index.key_of_actor(p.get("target")))

    def agree(w: tuple[str | None, str | None], h: tuple[str | None, str | None]) -> bool:
        return all(a is None or a == b for a, b in zip(w, h, strict=True))

    return agree(want, got) or (bool(_types(g) & symmetric) and agree(want, got[::-1]))


def matches_gold(gold: Json, doc: str, predicted: list[Json]) -> list[bool]:
    """For each predicted event of gold document ``doc``: whether it matches one of the document's
    gold events (required or not) by the scoring rule (evidence, type, country-or-organisation
    actors). Not one-to-one: it labels candidates for learning, it does not score."""
    index = GoldIndex(gold["entities"])
    symmetric = frozenset(n for n, t in ontology.event_types().items() if t.symmetric)
    events: list[Json] = next((d["events"] for d in gold["documents"] if d["doc"] == doc), [])
    return [any(p.get("type") in _types(g) and _states(p, g["evidence"])
                and _actors_agree(index, g, p, symmetric, strict=False) for g in events) for p in predicted]


def _states(p: Json, evidence: str) -> bool:
    """Whether one of the event's evidence sentences contains the gold evidence string."""
    needle = scorer_key(evidence)
    return any(needle in scorer_key(e.get("sentence")) for e in p.get("evidence") or [])


def _quantity_found(gq: Json, predicted: list[Json]) -> bool:
    """A predicted amount within 1% of the gold one whose unit or text names the gold unit."""
    unit = scorer_key(gq["unit"]).rstrip("s")
    for q in predicted:
        try:
            value = float(q["value"])
        except (KeyError, TypeError, ValueError):
            continue
        said = scorer_key(q.get("unit")).rstrip("s") + " " + scorer_key(q.get("text"))
        if abs(value - gq["value"]) <= 0.01 * abs(gq["value"]) and unit in said:
            return True
    return False


def _match(gold_events: list[Json], preds: list[Json], index: GoldIndex,
           symmetric: frozenset[str]) -> dict[str, int]:
    """Gold event id -> index of the prediction it matched: first fit, required events first."""
    used: dict[str, int] = {}
    taken: set[int] = set()
    for g in sorted(gold_events, key=lambda g: not g.get("required", True)):
        for i, p in enumerate(preds):
            if (i not in taken and isinstance(p.get("type"), str) and p["type"] in _types(g)
                    and _states(p, g["evidence"]) and _actors_agree(index, g, p, symmetric, strict=False)):
                used[g["id"]] = i
                taken.add(i)
                break
    return used


# --- why an event was missed or found wrongly ----------------------------------------------------

class Cause(StrEnum):
    """Why a gold event was missed, a false positive was extracted, or a matched event is off.

    "In the sentence" means: a predicted event whose evidence sentence (in that document) contains
    the gold evidence string, the relation matching uses. Predictions already credited to another
    gold event are not candidates: one extracted event cannot state two gold events.

    A missed required gold event gets the first cause of :data:`MISS_CAUSES` that applies:

    - ``no trigger``: no free predicted event in the sentence at all;
    - ``actor missing``: one with an acceptable type, but a null source or target;
    - ``wrong actor``: one with an acceptable type and both actors, disagreeing at
      country-or-organisation level;
    - ``wrong type``: events in the sentence, none of an acceptable type.

    A matched required event counts under each of :data:`MATCH_CAUSES` that applies: ``wrong
    modality`` (the modality differs from the gold one), ``wrong date`` (the gold has a ``date_iso``
    the predicted date does not start with). Matched events are not errors of precision or recall.

    A false positive gets the first cause of :data:`FALSE_POSITIVE_CAUSES` that applies:

    - ``no gold event``: its sentence holds no gold event at all (a spurious trigger);
    - ``wrong type``: an unmatched gold event in the sentence has the same actors (as the match
      counts them) but other types;
    - ``wrong actor``: an unmatched gold event in the sentence has an acceptable type but other actors;
    - ``extra``: any other case, typically an additional event in a sentence whose gold events are
      already matched (a second trigger, or a second reading of the same statement).
    """

    NO_TRIGGER = "no trigger"
    ACTOR_MISSING = "actor missing"
    WRONG_ACTOR = "wrong actor"
    WRONG_TYPE = "wrong type"
    WRONG_MODALITY = "wrong modality"
    WRONG_DATE = "wrong date"
    NO_GOLD_EVENT = "no gold event"
    EXTRA = "extra"


MISS_CAUSES = (Cause.NO_TRIGGER, Cause.ACTOR_MISSING, Cause.WRONG_ACTOR, Cause.WRONG_TYPE)  # checked in this order
MATCH_CAUSES = (Cause.WRONG_MODALITY, Cause.WRONG_DATE)
FALSE_POSITIVE_CAUSES = (Cause.NO_GOLD_EVENT, Cause.WRONG_TYPE, Cause.WRONG_ACTOR, Cause.EXTRA)  # in this order
EXPLAIN_KINDS = (("misses", MISS_CAUSES), ("matched", MATCH_CAUSES), ("false_positives", FALSE_POSITIVE_CAUSES))


@dataclass
class Explanation:
    """Counts per cause for each kind (``misses``, ``matched``, ``false_positives``; every cause of
    the kind present, zero or more) and the items behind them, in document order."""

    counts: dict[str, dict[str, int]] = field(default_factory=lambda: {
        kind: {str(c): 0 for c in causes} for kind, causes in EXPLAIN_KINDS})
    items: list[Json] = field(default_factory=list)

    def add(self, kind: str, cause: Cause, item: Json) -> None:
        self.counts[kind][str(cause)] += 1
        self.items.append({"kind": kind, "cause": str(cause), **item})

    def to_dict(self) -> Json:
        return {"counts": {k: dict(v) for k, v in self.counts.items()}, "items": list(self.items)}

    def rows(self) -> list[tuple[str, str, int]]:
        """(kind, cause, count) in the order causes are documented."""
        return [(kind, str(c), self.counts[kind][str(c)]) for kind, causes in EXPLAIN_KINDS for c in causes]

    def format_text(self) -> str:
        """Counts per cause, then each item under its kind and cause."""
        out = []
        for kind, cause, n in self.rows():
            out.append(f"{kind.replace('_', ' ')}: {cause}: {n}")
            out += [f"  {_item_text(i)}" for i in self.items if i["kind"] == kind and i["cause"] == cause]
        return "\n".join(out)


def _item_text(item: Json) -> str:
    def side(x: Json | None) -> str:
        if not x:
            return "-"
        extra = "".join(f" {k}={x[k]}" for k in ("modality", "date_iso", "date") if k in x)
        return f"{_type_text(x['type'])} {x.get('source') or '-'} -> {x.get('target') or '-'}{extra}"

    said = item.get("evidence") or item.get("sentence")
    return f"[{item['doc']}] gold {side(item.get('gold'))} | predicted {side(item.get('predicted'))}: \"{said}\""


def _gold_side(g: Json) -> Json:
    return {"id": g["id"], "type": g["type"], "source": g.get("source"), "target": g.get("target")}


def _predicted_side(p: Json) -> Json:
    evidence = p.get("evidence") or [{}]
    return {"type": p.get("type"), "source": (p.get("source") or {}).get("name"),
            "target": (p.get("target") or {}).get("name"), "sentence": evidence[0].get("sentence")}


def _miss_cause(g: Json, free: list[Json], index: GoldIndex,
                symmetric: frozenset[str]) -> tuple[Cause, Json | None]:
    """Why required gold event ``g`` was missed, and the prediction that says so (see Cause)."""
    said = [p for p in free if _states(p, g["evidence"])]
    if not said:
        return Cause.NO_TRIGGER, None
    typed = [p for p in said if p.get("type") in _types(g)]
    for p in typed:
        if not p.get("source") or not p.get("target"):
            return Cause.ACTOR_MISSING, p
    if typed:  # an acceptable type with agreeing actors would have matched
        return Cause.WRONG_ACTOR, typed[0]
    return Cause.WRONG_TYPE, said[0]


def _false_positive_cause(p: Json, golds: list[Json], matched: set[str], index: GoldIndex,
                          symmetric: frozenset[str]) -> tuple[Cause, Json | None]:
    """Why prediction ``p`` matched no gold event, and the gold event that says so (see Cause)."""
    here = [g for g in golds if _states(p, g["evidence"])]
    if not here:
        return Cause.NO_GOLD_EVENT, None
    open_ = [g for g in here if g["id"] not in matched]
    for g in open_:
        if p.get("type") not in _types(g) and _actors_agree(index, g, p, symmetric, strict=False):
            return Cause.WRONG_TYPE, g
    for g in open_:
        if p.get("type") in _types(g):
            return Cause.WRONG_ACTOR, g
    fits = [g for g in here if p.get("type") in _types(g) and _actors_agree(index, g, p, symmetric, strict=False)]
    return Cause.EXTRA, (fits or here)[0]


# --- the report ----------------------------------------------------------------------------------

@dataclass
class Ratio:
    """A hits-over-total tally; its value is None when there was nothing to measure."""

    hits: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.hits += bool(ok)
        self.total += 1

    @property
    def value(self) -> float | None:
        return round(self.hits / self.total, 3) if self.total else None


def f1_score(precision: float | None, recall: float | None) -> float:
    """F1 of the figures as reported (rounded), so a reader can recompute it; 0.0 if either is 0/None."""
    return round(2 * precision * recall / (precision + recall), 3) if precision and recall else 0.0


@dataclass
class DocumentCounts:
    doc: str
    predicted: int = 0
    matched: int = 0
    false_positives: int = 0
    required: int = 0
    found: int = 0


@dataclass
class EvalReport:
    """Figures (rounded to 3 places; None when there was nothing to measure) and the errors behind them."""

    events_predicted: int
    precision: float | None
    recall: float | None
    f1: float
    actor_entity_accuracy: float | None
    actor_recall: float | None
    date_accuracy: float | None
    modality_accuracy: float | None
    quantity_accuracy: float | None
    place_accuracy: float | None
    misses: list[Json] = field(default_factory=list)
    false_positives: list[Json] = field(default_factory=list)
    documents: list[DocumentCounts] = field(default_factory=list)
    events_outside_gold: int = 0  # events whose evidence names no gold document: not scored
    # Event P/R when the matched actors must also be the gold entities (entity level, not country).
    strict_precision: float | None = None
    strict_recall: float | None = None
    # The gold's duplicate_groups: how many there are, how many had two or more members matched, and
    # how many of those were matched by one exported event (merged across articles).
    duplicate_groups: int = 0
    duplicate_groups_found: int = 0
    duplicate_groups_merged: int = 0
    explanation: Explanation = field(default_factory=Explanation)

    FIGURES = ("events_predicted", "precision", "recall", "f1", "strict_precision", "strict_recall",
               "actor_entity_accuracy", "actor_recall", "date_accuracy", "modality_accuracy",
               "quantity_accuracy", "place_accuracy")

    def to_dict(self, explain: bool = False) -> Json:
        """Figures, errors and per-document counts; ``explain`` adds the causes (``explain``)."""
        data = asdict(self)
        del data["explanation"]
        if explain:
            data["explain"] = self.explanation.to_dict()
        return data

    def figures(self) -> Json:
        """The headline figures alone (no lists), duplicate groups included."""
        return {k: getattr(self, k) for k in (*self.FIGURES, "events_outside_gold", "duplicate_groups",
                                              "duplicate_groups_found", "duplicate_groups_merged")}

    def duplicates_text(self) -> str:
        """"x of y" duplicate groups merged (found: with two or more members matched); n/a if none."""
        if not self.duplicate_groups:
            return "n/a"
        return f"{self.duplicate_groups_merged} of {self.duplicate_groups} (found {self.duplicate_groups_found})"

    def _figure_rows(self) -> list[tuple[str, str]]:
        rows = [(k.replace("_", " "), "n/a" if getattr(self, k) is None else str(getattr(self, k)))
                for k in self.FIGURES]
        rows.append(("events outside gold", str(self.events_outside_gold)))
        if self.duplicate_groups:
            rows.append(("duplicate sets merged", self.duplicates_text()))
        return rows

    def _miss_lines(self) -> list[str]:
        return [f"{m['id']} {_type_text(m['type'])} [{m['doc']}]: \"{m['evidence']}\"" for m in self.misses]

    def _fp_lines(self) -> list[str]:
        return [f"{p['type']} {p['source'] or '-'} -> {p['target'] or '-'} [{p['doc']}]: \"{p['sentence']}\""
                for p in self.false_positives]

    def format_text(self) -> str:
        """The report as plain text: figures, per-document counts, misses, false positives."""
        out = [f"{k:<24}{v}" for k, v in self._figure_rows()]
        out += ["", "per document:"]
        out += [f"  {d.doc}  predicted {d.predicted}, matched {d.matched}, false positives "
                f"{d.false_positives}, required {d.required}, found {d.found}" for d in self.documents]
        out += ["", f"missed required events: {len(self.misses)}"] + [f"  {x}" for x in self._miss_lines()]
        out += ["", f"false positives: {len(self.false_positives)}"] + [f"  {x}" for x in self._fp_lines()]
        return "\n".join(out)

    def render(self, console: Console) -> None:
        """The same report on a rich console."""
        figures = Table("measure", "value", title="evaluation")
        for k, v in self._figure_rows():
            figures.add_row(k, v)
        console.print(figures)
        docs = Table("document", "predicted", "matched", "false pos.", "required", "found")
        for d in self.documents:
            docs.add_row(d.doc, *(str(x) for x in (d.predicted, d.matched, d.false_positives,
                                                    d.required, d.found)))
        console.print(docs)
        for title, lines in (("missed required events", self._miss_lines()),
                             ("false positives", self._fp_lines())):
            console.print(f"[bold]{title}: {len(lines)}[/bold]")
            for line in lines:
                console.print(f"  {escape(line)}")


def _type_text(t: str | list[str]) -> str:
    return "/".join(t) if isinstance(t, list) else t


# --- scoring -------------------------------------------------------------------------------------

def score(gold: Json, events: list[Json]) -> EvalReport:
    """Score exported events against a gold dict (as returned by load_gold), explaining the errors."""
    index = GoldIndex(gold["entities"])
    symmetric = frozenset(n for n, t in ontology.event_types().items() if t.symmetric)
    names = [d["doc"] for d in gold["documents"]]
    by_doc: dict[str, list[Json]] = {n: [] for n in names}
    outside = 0
    for ev in per_document(events, names):
        doc = document_of(ev, names)
        if doc is None:
            outside += 1
        else:
            by_doc[doc].append(ev)

    matched, found = Ratio(), Ratio()  # matched / predicted, found / required
    strict, dates, modality, quantities, places, actors = Ratio(), Ratio(), Ratio(), Ratio(), Ratio(), Ratio()
    strict_matched = 0  # matched events (required or not) whose actors are the gold entities
    misses: list[Json] = []
    false_pos: list[Json] = []
    counts: list[DocumentCounts] = []
    matched_id: dict[str, Any] = {}  # gold event id -> id of the exported event that matched it
    why = Explanation()
    for d in gold["documents"]:
        preds = by_doc[d["doc"]]
        hits = _match(d["events"], preds, index, symmetric)
        taken = set(hits.values())
        free = [p for i, p in enumerate(preds) if i not in taken]
        c = DocumentCounts(d["doc"], predicted=len(preds), matched=len(hits))
        for g in d["events"]:
            i = hits.get(g["id"])
            entity_level = i is not None and _actors_agree(index, g, preds[i], symmetric, strict=True)
            strict_matched += entity_level
            if i is not None:
                matched_id[g["id"]] = preds[i].get("id")
            if not g.get("required", True):
                continue
            c.required += 1
            c.found += i is not None
            if i is None:
                misses.append({"doc": d["doc"], "id": g["id"], "type": g["type"], "evidence": g["evidence"]})
                cause, near = _miss_cause(g, free, index, symmetric)
                why.add("misses", cause, {"doc": d["doc"], "id": g["id"], "evidence": g["evidence"],
                                          "gold": _gold_side(g), "predicted": near and _predicted_side(near)})
                continue
            p = preds[i]
            strict.add(entity_level)
            item = {"doc": d["doc"], "id": g["id"], "evidence": g["evidence"]}
            if g.get("date_iso"):
                value = str((p.get("date") or {}).get("value") or "")
                dates.add(ok := bool(value) and value.startswith(g["date_iso"].split("/")[0]))
                if not ok:
                    why.add("matched", Cause.WRONG_DATE, {
                        **item, "gold": {**_gold_side(g), "date_iso": g["date_iso"]},
                        "predicted": {**_predicted_side(p), "date": (p.get("date") or {}).get("value")}})
            if "modality" in g:
                modality.add(p.get("modality") == g["modality"])
                if p.get("modality") != g["modality"]:
                    why.add("matched", Cause.WRONG_MODALITY, {
                        **item, "gold": {**_gold_side(g), "modality": g["modality"]},
                        "predicted": {**_predicted_side(p), "modality": p.get("modality")}})
            for q in g.get("quantities") or []:
                quantities.add(_quantity_found(q, p.get("quantities") or []))
            if g.get("location"):
                places.add(scorer_key(g["location"])[:5] in scorer_key((p.get("place") or {}).get("name")))
        for p in free:
            false_pos.append(_false_positive(d["doc"], p))
            cause, near = _false_positive_cause(p, d["events"], set(hits), index, symmetric)
            why.add("false_positives", cause, {"doc": d["doc"], "sentence": _predicted_side(p)["sentence"],
                                               "gold": near and _gold_side(near), "predicted": _predicted_side(p)})
        c.false_positives = len(free)
        _count_actor_recall(d, preds, index, actors)
        matched.hits += c.matched
        matched.total += c.predicted
        found.hits += c.found
        found.total += c.required
        counts.append(c)

    groups = gold.get("duplicate_groups") or []
    found_groups = merged_groups = 0
    for grp in groups:
        ids = [matched_id[m] for m in grp["members"] if m in matched_id]
        if len(ids) >= 2:
            found_groups += 1
            merged_groups += len(set(ids)) == 1
    strict_p = Ratio(strict_matched, matched.total).value
    return EvalReport(
        events_predicted=matched.total, precision=matched.value, recall=found.value,
        f1=f1_score(matched.value, found.value),
        actor_entity_accuracy=strict.value, actor_recall=actors.value,
        date_accuracy=dates.value, modality_accuracy=modality.value,
        quantity_accuracy=quantities.value, place_accuracy=places.value,
        misses=misses, false_positives=false_pos, documents=counts, events_outside_gold=outside,
        strict_precision=strict_p, strict_recall=Ratio(strict.hits, found.total).value,
        duplicate_groups=len(groups), duplicate_groups_found=found_groups, duplicate_groups_merged=merged_groups,
        explanation=why,
    )


def _count_actor_recall(doc: Json, preds: list[Json], index: GoldIndex, tally: Ratio) -> None:
    """Per document: is each gold entity of a required event named by some extracted actor?"""
    wanted = {g[k] for g in doc["events"] if g.get("required", True) for k in ("source", "target")
              if g.get(k) is not None}
    seen = {index.entity_of(p.get(k)) for p in preds for k in ("source", "target")}
    for gid in sorted(wanted):
        tally.add(gid in seen)


def _false_positive(doc: str, p: Json) -> Json:
    evidence = p.get("evidence") or [{}]
    return {"doc": doc, "id": p.get("id"), "type": p.get("type"),
            "source": (p.get("source") or {}).get("name"), "target": (p.get("target") or {}).get("name"),
            "sentence": evidence[0].get("sentence")}


# --- relations -------------------------------------------------------------------------------------

SYMMETRIC_RELATIONS = frozenset({"ally_of"})


@dataclass
class RelationDocument:
    """One gold document's relation counts and the errors behind them."""

    doc: str
    predicted: int = 0
    gold: int = 0
    matched: int = 0         # lenient
    strict_matched: int = 0
    misses: list[Json] = field(default_factory=list)           # gold relations no prediction matched
    false_positives: list[Json] = field(default_factory=list)  # predictions matching no gold relation


@dataclass
class RelationReport:
    """Relation figures against the gold ``relations`` of each document.

    The headline ``precision``/``recall``/``f1`` are the lenient figures: a predicted relation
    matches a gold one of the same type (``ally_of`` in either order) when each end names the gold
    entity, or names the same country-or-organisation (the entity's country; an organisation with no
    country is itself) with the same kind family (person or not). The ``strict_`` figures need both
    ends to name the gold entities. Matching is one to one, per document.
    """

    predicted: int
    gold: int
    precision: float | None
    recall: float | None
    f1: float
    strict_precision: float | None
    strict_recall: float | None
    strict_f1: float
    documents: list[RelationDocument] = field(default_factory=list)
    relations_outside_gold: int = 0  # predictions whose evidence names no gold document: not scored

    FIGURES = ("predicted", "gold", "precision", "recall", "f1", "strict_precision", "strict_recall",
               "strict_f1", "relations_outside_gold")

    def to_dict(self) -> Json:
        return asdict(self)

    def format_text(self) -> str:
        """Figures (lenient first), then per document its counts, misses and false positives."""
        out = [f"{k.replace('_', ' '):<24}{'n/a' if getattr(self, k) is None else getattr(self, k)}"
               for k in self.FIGURES]
        for d in self.documents:
            out += ["", f"{d.doc}: predicted {d.predicted}, gold {d.gold}, matched {d.matched} "
                        f"(strict {d.strict_matched})"]
            out += [f"  missed: {_relation_text(m)}" for m in d.misses]
            out += [f"  false positive: {_relation_text(p)}" for p in d.false_positives]
        return "\n".join(out)


def _relation_text(r: Json) -> str:
    line = f"{r['source']} {r['relation']} {r['target']}"
    return line + (f' ("{r["sentence"]}")' if r.get("sentence") else "")


def _relation_docs(rel: Json, names: list[str]) -> list[str]:
    """Every gold document one of the relation's evidence rows comes from."""
    docs = [document_of({"evidence": [ev]}, names) for ev in rel.get("evidence") or []]
    return list(dict.fromkeys(d for d in docs if d is not None))


def _family(kind: object) -> str:
    return "person" if kind == "person" else "other"


def _end_agrees(index: GoldIndex, gid: str, actor: Json | None, strict: bool) -> bool:
    """One end of a relation: the gold entity itself; leniently, its country-or-organisation with the
    same kind family."""
    if not actor:
        return False
    if index.entity_of(actor) == gid:
        return True
    if strict:
        return False
    return index.key_of_actor(actor) == index.key_of_entity(gid) and \
        _family(actor.get("kind")) == _family(index.entities[gid].get("kind"))


def _relation_agrees(index: GoldIndex, g: Json, p: Json, strict: bool) -> bool:
    if p.get("relation") != g["relation"]:
        return False
    ends = [(g["source"], p.get("source")), (g["target"], p.get("target"))]
    if all(_end_agrees(index, gid, a, strict) for gid, a in ends):
        return True
    return g["relation"] in SYMMETRIC_RELATIONS and _end_agrees(index, g["source"], p.get("target"), strict) \
        and _end_agrees(index, g["target"], p.get("source"), strict)


def _max_matching(edges: dict[int, list[int]], start: dict[int, int] | None = None) -> dict[int, int]:
    """Maximum one-to-one matching (gold index -> prediction index) by augmenting paths, grown from
    ``start`` (augmenting never unmatches a pair's gold or prediction)."""
    owner: dict[int, int] = {p: g for g, p in (start or {}).items()}

    def augment(g: int, seen: set[int]) -> bool:
        for p in edges.get(g, []):
            if p in seen:
                continue
            seen.add(p)
            if p not in owner or augment(owner[p], seen):
                owner[p] = g
                return True
        return False

    for g in edges:
        if g not in (start or {}):
            augment(g, set())
    return {g: p for p, g in owner.items()}


def score_relations(gold: Json, relations: list[Json]) -> RelationReport:
    """Score exported relations (the relation shape: source/target actor refs, relation, evidence)
    against the ``relations`` of each gold document. A prediction belongs to every gold document its
    evidence comes from; the same tie in two documents counts once in each. Headline figures are
    lenient (country-or-organisation level); ``strict_*`` are entity level."""
    index = GoldIndex(gold["entities"])
    names = [d["doc"] for d in gold["documents"]]
    by_doc: dict[str, list[Json]] = {n: [] for n in names}
    outside = 0
    for rel in relations:
        docs = _relation_docs(rel, names)
        outside += not docs
        for doc in docs:
            by_doc[doc].append(rel)
    lenient, strict, found, strict_found = Ratio(), Ratio(), Ratio(), Ratio()
    documents = []
    for d in gold["documents"]:
        golds, preds = d.get("relations", []), by_doc[d["doc"]]
        strict_hits = _max_matching({i: [j for j, p in enumerate(preds) if _relation_agrees(index, g, p, True)]
                                     for i, g in enumerate(golds)})
        hits = _max_matching({i: [j for j, p in enumerate(preds) if _relation_agrees(index, g, p, False)]
                              for i, g in enumerate(golds)}, strict_hits)  # entity-level pairs kept
        report = RelationDocument(d["doc"], len(preds), len(golds), len(hits), len(strict_hits))
        report.misses = [{"doc": d["doc"], **{k: g[k] for k in ("source", "relation", "target")}}
                         for i, g in enumerate(golds) if i not in hits]
        taken = set(hits.values())
        report.false_positives = [_relation_row(d["doc"], p) for j, p in enumerate(preds) if j not in taken]
        for tally, n in ((lenient, len(hits)), (strict, len(strict_hits))):
            tally.hits += n
            tally.total += len(preds)
        for tally, n in ((found, len(hits)), (strict_found, len(strict_hits))):
            tally.hits += n
            tally.total += len(golds)
        documents.append(report)
    return RelationReport(
        predicted=lenient.total, gold=found.total,
        precision=lenient.value, recall=found.value, f1=f1_score(lenient.value, found.value),
        strict_precision=strict.value, strict_recall=strict_found.value,
        strict_f1=f1_score(strict.value, strict_found.value),
        documents=documents, relations_outside_gold=outside,
    )


def _relation_row(doc: str, p: Json) -> Json:
    evidence = [e for e in p.get("evidence") or [] if document_of({"evidence": [e]}, [doc])] or [{}]
    return {"doc": doc, "source": (p.get("source") or {}).get("name"), "relation": p.get("relation"),
            "target": (p.get("target") or {}).get("name"), "sentence": evidence[0].get("sentence")}


# --- the bundled corpora: dev and the frozen test part ---------------------------------------------

PARTS = ("dev", "test")
GOLD_GLOB = "*.gold.json"


@dataclass
class CorpusFolder:
    """A folder of articles and the gold that annotates them: ``gold`` files, or, when None, every
    ``*.gold.json`` in the folder at the time it is scored (annotators add them as they go)."""

    path: Path
    gold: list[Path] | None = None

    def gold_files(self) -> list[Path]:
        if self.gold is not None:
            return [g for g in self.gold if g.is_file()]
        return sorted(self.path.glob(GOLD_GLOB)) if self.path.is_dir() else []

    def articles(self) -> list[Path]:
        """The files ``newsgraph ingest FOLDER`` reads, but the folder's README (not an article)."""
        from newsgraph.ingest import iter_paths

        if not self.path.is_dir():
            return []
        return [p for p in iter_paths([str(self.path)]) if not p.name.upper().startswith("README")]


def _package_data(*parts: str) -> Path:
    """A folder or file of the package's data (importlib.resources; installed packages are files)."""
    return Path(str(resources.files("newsgraph").joinpath("data", *parts)))


def bundled_corpora() -> dict[str, list[CorpusFolder]]:
    """``dev``: the sample articles (``data/sample/``, gold ``data/sample.gold.json``) and
    ``data/corpus/dev/``; ``test``: ``data/corpus/test/``, the frozen test part. The corpus folders'
    gold is every ``*.gold.json`` in them."""
    return {"dev": [CorpusFolder(_package_data("sample"), [_package_data("sample.gold.json")]),
                    CorpusFolder(_package_data("corpus", "dev"))],
            "test": [CorpusFolder(_package_data("corpus", "test"))]}


@dataclass
class PartResult:
    """One part (dev or test) ingested into its own store and scored; ``report`` is None when the
    part has no gold yet (``notes`` say why)."""

    name: str
    folders: list[str]
    gold_files: list[str]
    articles: int = 0
    documents: int = 0  # gold documents scored
    report: EvalReport | None = None
    notes: list[str] = field(default_factory=list)

    def to_dict(self, explain: bool = False) -> Json:
        data: Json = {"folders": self.folders, "gold_files": self.gold_files, "articles": self.articles,
                      "documents": self.documents, "scored": self.report is not None,
                      "figures": self.report.figures() if self.report else None, "notes": self.notes}
        if explain:
            data["explain"] = self.report.explanation.to_dict() if self.report else None
        return data


def evaluate_part(name: str, folders: list[CorpusFolder], workdir: Path,
                  on_progress: Callable[[int], None] | None = None) -> PartResult:
    """Ingest a part's articles into a fresh store under ``workdir`` with the real pipeline (what
    ``newsgraph ingest`` runs), export its events as ``export --format jsonl`` does (one per
    happening, merged across articles) and score them against the part's gold, merged
    (:func:`load_gold_files`). A folder without gold is noted, not an error; so is a gold document
    whose article is not in the folders (it is left out of the score, not counted as all misses)."""
    from newsgraph import pipeline
    from newsgraph.export.writer import rows
    from newsgraph.query import Query
    from newsgraph.store import Store

    result = PartResult(name, [str(f.path) for f in folders], [])
    gold_files: list[Path] = []
    for f in folders:
        found = f.gold_files()
        if not f.path.is_dir():
            result.notes.append(f"{f.path}: no such folder yet")
        elif not found:
            result.notes.append(f"{f.path}: no gold ({GOLD_GLOB}) yet")
        gold_files += found
    result.gold_files = [str(g) for g in gold_files]
    if not gold_files:
        result.notes.append(f"{name}: not scored (no gold yet)")
        return result
    gold = load_gold_files(gold_files)
    articles = [a for f in folders for a in f.articles()]
    result.articles = len(articles)
    sources = [str(a) for a in articles]
    present = [d for d in gold["documents"] if any(s.endswith(d["doc"]) or d["doc"] in s for s in sources)]
    absent = [d["doc"] for d in gold["documents"] if d not in present]
    if absent:
        result.notes.append(f"{name}: {len(absent)} gold document(s) without their article, not scored: "
                            + ", ".join(absent))
    gold = {**gold, "documents": present}
    result.documents = len(present)
    db = workdir / f"{name}.db"
    ingest = pipeline.ingest(sources, db, on_progress=on_progress)
    result.notes += [f"{name}: {message}" for message in ingest.errors]
    with Store.open(db) as store:
        events = rows(Query(store), "events")
    result.report = score(gold, events)
    return result


def evaluate_corpora(parts: dict[str, list[CorpusFolder]] | None = None,
                     on_progress: Callable[[str, int], None] | None = None) -> dict[str, PartResult]:
    """Every part (by default the bundled ones, :func:`bundled_corpora`) scored in its own
    temporary store; ``on_progress(part, n)`` is called as articles are ingested."""
    parts = parts if parts is not None else bundled_corpora()
    out = {}
    with tempfile.TemporaryDirectory(prefix="newsgraph-eval-") as tmp:
        for name, folders in parts.items():
            out[name] = evaluate_part(name, folders, Path(tmp), partial(on_progress, name) if on_progress else None)
    return out


CORPUS_ROWS: tuple[tuple[str, str], ...] = (
    ("articles ingested", "articles"), ("gold documents", "documents"), ("events scored", "events_predicted"),
    ("precision", "precision"), ("recall", "recall"), ("F1", "f1"),
    ("strict actor precision", "strict_precision"), ("strict actor recall", "strict_recall"),
    ("date accuracy", "date_accuracy"), ("modality accuracy", "modality_accuracy"),
    ("place accuracy", "place_accuracy"), ("quantity accuracy", "quantity_accuracy"),
)
UNSCORED = "—"


def corpus_table(results: dict[str, PartResult], explain: bool = False) -> list[list[str]]:
    """Rows of [measure, one value per part]: the figures, duplicate sets merged ("x of y") and, with
    ``explain``, the count per cause. A part with no gold shows "—" throughout."""
    parts = list(results.values())

    def value(r: PartResult, key: str) -> str:
        if key in ("articles", "documents"):
            return str(getattr(r, key)) if r.report else UNSCORED
        if r.report is None:
            return UNSCORED
        v = getattr(r.report, key)
        return "n/a" if v is None else str(v)

    table = [[label, *(value(r, key) for r in parts)] for label, key in CORPUS_ROWS]
    table.append(["duplicate sets merged", *(r.report.duplicates_text() if r.report else UNSCORED for r in parts)])
    if explain:
        for kind, causes in EXPLAIN_KINDS:
            for c in causes:
                table.append([f"{kind.replace('_', ' ')}: {c}",
                              *(str(r.report.explanation.counts[kind][str(c)]) if r.report else UNSCORED
                                for r in parts)])
    return table
