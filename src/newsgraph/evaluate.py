"""Scores exported events against a hand-made gold file, so extraction quality is measured.

The rules are those of the gold README (``../shared/gold/README.md``): an extracted event matches a
gold event when its sentence contains the gold evidence string, its type is one of the gold types
and its source and target agree at country-or-organisation level (either order for symmetric
types). Precision and recall come from that match; actor (entity level), date, modality, quantity
and place accuracy are measured on the matched required events. Events are the dicts of the JSONL
export. Figures agree with the reference scorer (``../shared/tools/score.py``).
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from newsgraph import ontology
from newsgraph.errors import GoldFormatError, InputError

Json = dict[str, Any]

_ISO = r"\d{4}(?:-\d{2}(?:-\d{2})?)?"
_DATE_ISO = re.compile(rf"{_ISO}(?:/{_ISO})?")


def _norm(text: object) -> str:
    """Lower-case words and digits only, so evidence and names compare across punctuation."""
    return re.sub(r"[^a-z0-9]+", " ", str(text or "").lower()).strip()


# --- reading -------------------------------------------------------------------------------------

def load_gold(path: Path) -> Json:
    """Read a gold file and check its shape; GoldFormatError("<path>: <what is wrong>") if bad."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as e:
        raise GoldFormatError(f"{path}: cannot read: {e.strerror or e}") from e
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise GoldFormatError(f"{path}: not valid JSON: {e}") from e
    problem = _gold_problem(data)
    if problem:
        raise GoldFormatError(f"{path}: {problem}")
    return data


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
    if not isinstance(ev.get("evidence"), str) or not _norm(ev["evidence"]):
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
        aliases = [(_norm(a), gid) for gid, e in entities.items() for a in [e["name"], *e.get("aliases", [])]]
        self._aliases = sorted((a for a in aliases if a[0]), key=lambda a: -len(a[0]))  # longest first

    def entity_of(self, actor: Json | None) -> str | None:
        """Exact alias; else the longest alias inside the name; else the shortest alias holding it."""
        name = _norm((actor or {}).get("name"))
        if not name:
            return None
        padded = f" {name} "
        for a, gid in self._aliases:
            if a == name:
                return gid
        for a, gid in self._aliases:
            if len(a) > 3 and f" {a} " in padded:
                return gid
        for a, gid in reversed(self._aliases):
            if len(name) > 3 and padded in f" {a} ":
                return gid
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
        return self.key_of_entity(gid) if gid else (_norm(actor.get("name")) or None)


def document_of(record: Json, doc_names: list[str]) -> str | None:
    """The gold document an event (or relation) belongs to: named by its evidence source path/URL."""
    for ev in record.get("evidence") or []:
        src = str(ev.get("source") or ev.get("doc") or "")
        for name in doc_names:
            if src.endswith(name) or name in src:
                return name
    return None


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


def _states(p: Json, evidence: str) -> bool:
    """Whether one of the event's evidence sentences contains the gold evidence string."""
    needle = _norm(evidence)
    return any(needle in _norm(e.get("sentence")) for e in p.get("evidence") or [])


def _quantity_found(gq: Json, predicted: list[Json]) -> bool:
    """A predicted amount within 1% of the gold one whose unit or text names the gold unit."""
    unit = _norm(gq["unit"]).rstrip("s")
    for q in predicted:
        try:
            value = float(q["value"])
        except (KeyError, TypeError, ValueError):
            continue
        said = _norm(q.get("unit")).rstrip("s") + " " + _norm(q.get("text"))
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

    FIGURES = ("events_predicted", "precision", "recall", "f1", "actor_entity_accuracy", "actor_recall",
               "date_accuracy", "modality_accuracy", "quantity_accuracy", "place_accuracy")

    def to_dict(self) -> Json:
        return asdict(self)

    def _figure_rows(self) -> list[tuple[str, str]]:
        rows = [(k.replace("_", " "), "n/a" if getattr(self, k) is None else str(getattr(self, k)))
                for k in self.FIGURES]
        rows.append(("events outside gold", str(self.events_outside_gold)))
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
    """Score exported events against a gold dict (as returned by load_gold)."""
    index = GoldIndex(gold["entities"])
    symmetric = frozenset(n for n, t in ontology.event_types().items() if t.symmetric)
    names = [d["doc"] for d in gold["documents"]]
    by_doc: dict[str, list[Json]] = {n: [] for n in names}
    outside = 0
    for ev in events:
        doc = document_of(ev, names)
        if doc is None:
            outside += 1
        else:
            by_doc[doc].append(ev)

    matched, found = Ratio(), Ratio()  # matched / predicted, found / required
    strict, dates, modality, quantities, places, actors = Ratio(), Ratio(), Ratio(), Ratio(), Ratio(), Ratio()
    misses: list[Json] = []
    false_pos: list[Json] = []
    counts: list[DocumentCounts] = []
    for d in gold["documents"]:
        preds = by_doc[d["doc"]]
        hits = _match(d["events"], preds, index, symmetric)
        c = DocumentCounts(d["doc"], predicted=len(preds), matched=len(hits))
        for g in d["events"]:
            if not g.get("required", True):
                continue
            i = hits.get(g["id"])
            c.required += 1
            c.found += i is not None
            if i is None:
                misses.append({"doc": d["doc"], "id": g["id"], "type": g["type"], "evidence": g["evidence"]})
                continue
            p = preds[i]
            strict.add(_actors_agree(index, g, p, symmetric, strict=True))
            if g.get("date_iso"):
                value = str((p.get("date") or {}).get("value") or "")
                dates.add(bool(value) and value.startswith(g["date_iso"].split("/")[0]))
            if "modality" in g:
                modality.add(p.get("modality") == g["modality"])
            for q in g.get("quantities") or []:
                quantities.add(_quantity_found(q, p.get("quantities") or []))
            if g.get("location"):
                places.add(_norm(g["location"])[:5] in _norm((p.get("place") or {}).get("name")))
        taken = set(hits.values())
        for i, p in enumerate(preds):
            if i not in taken:
                false_pos.append(_false_positive(d["doc"], p))
        c.false_positives = len(preds) - len(taken)
        _count_actor_recall(d, preds, index, actors)
        matched.hits += c.matched
        matched.total += c.predicted
        found.hits += c.found
        found.total += c.required
        counts.append(c)

    return EvalReport(
        events_predicted=matched.total, precision=matched.value, recall=found.value,
        f1=f1_score(matched.value, found.value),
        actor_entity_accuracy=strict.value, actor_recall=actors.value,
        date_accuracy=dates.value, modality_accuracy=modality.value,
        quantity_accuracy=quantities.value, place_accuracy=places.value,
        misses=misses, false_positives=false_pos, documents=counts, events_outside_gold=outside,
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
