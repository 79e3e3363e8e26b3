"""FollowTheMoney (FtM) export: the graph as entities Aleph, OpenSanctions' yente and nomenklatura read.

Entities become Person/PublicBody/Organization/Company/... by kind, relations become Membership,
Directorship, Sanction or UnknownLink, events become FtM Events with the actors involved. Which
schema a kind or relation gets is data (``ontology/data/ftm.toml``). Ids are hashes of newsgraph
ids (``make_id``), so re-exporting the same store gives the same FtM ids. Actors that events or
relations name but ``entities`` does not hold are emitted from their actor ref first, so every link
points at an entity in the same output.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any, TextIO
from urllib.parse import urlsplit

from newsgraph.errors import InputError
from newsgraph.export._common import (
    Record,
    maps,
    opt_float,
    opt_int,
    opt_map,
    opt_str,
    report,
    req_str,
    require,
    strs,
    where,
)

if TYPE_CHECKING:
    from followthemoney import EntityProxy, Model, Schema

DATA_FILE = "ftm.toml"
ID_PREFIX = "newsgraph"


@dataclass(frozen=True)
class LinkSpec:
    schema: str
    role: str


@dataclass(frozen=True)
class FtmMapping:
    kinds: dict[str, str]
    default_kind: str
    relations: dict[str, LinkSpec]
    fallback: LinkSpec


@cache
def mapping() -> FtmMapping:
    """The kind → schema and relation → link tables from the ontology data directory."""
    raw = tomllib.loads(files("newsgraph.ontology").joinpath("data", DATA_FILE).read_text(encoding="utf-8"))
    kinds = dict(raw["kinds"])
    rels = {name: LinkSpec(spec["schema"], spec["role"]) for name, spec in raw["relations"].items()}
    return FtmMapping(kinds=kinds, default_kind=kinds.pop("default"), relations=rels, fallback=rels.pop("fallback"))


def _model() -> Model:
    ftm = require("followthemoney", "sanctions", "FollowTheMoney export")
    model: Model = ftm.model
    return model


def ftm_id(record_kind: str, newsgraph_id: str) -> str:
    """The FtM id of a newsgraph record (the hash ``EntityProxy.make_id`` computes): stable across
    exports, distinct across record kinds."""
    from followthemoney.util import make_entity_id

    return str(make_entity_id(ID_PREFIX, record_kind, newsgraph_id))


def _urls(record: Record) -> list[str]:
    """Evidence sources that are web addresses (FtM would turn a file name into ``http://name/``)."""
    out = []
    for ev in maps(record, "evidence"):
        src = opt_str(ev, "source")
        if src and urlsplit(src).scheme in ("http", "https"):
            out.append(src)
    return list(dict.fromkeys(out))


def _first_sentence(record: Record) -> str | None:
    evidence = maps(record, "evidence")
    return opt_str(evidence[0], "sentence") if evidence else None


def _add_dates(proxy: EntityProxy, value: str | None) -> None:
    """An ISO date, or a ``start/end`` range as startDate and endDate."""
    if not value:
        return
    if "/" in value:
        start, _, end = value.partition("/")
        proxy.add("startDate", start, quiet=True)
        proxy.add("endDate", end, quiet=True)
    else:
        proxy.add("date", value, quiet=True)


def _checked(proxy: EntityProxy) -> EntityProxy:
    missing = [p for p in proxy.schema.required if not proxy.has(p)]
    if missing:
        raise ValueError(f"no usable value for {', '.join(missing)} of the {proxy.schema.name}")
    return proxy


def _entity(model: Model, record: Record) -> EntityProxy:
    """An entity (full record or bare actor ref) as the schema of its kind."""
    maps_ = mapping()
    kind = opt_str(record, "kind") or ""
    proxy = model.make_entity(maps_.kinds.get(kind, maps_.default_kind))
    proxy.id = ftm_id("entity", req_str(record, "id"))
    proxy.add("name", req_str(record, "name"))
    proxy.add("alias", [a for a in strs(record, "aliases") if a != record.get("name")])
    proxy.add("country", opt_str(record, "country"))
    if proxy.schema.get("position") is not None:
        for role in maps(record, "roles"):
            title, org = opt_str(role, "title"), opt_str(role, "organisation")
            if title:
                proxy.add("position", f"{title}, {org}" if org else title)
    for match in maps(record, "sanctions"):
        score = opt_float(match, "score")
        proxy.add("notes", "Possible match on sanctions list {}: {} {}{}{}".format(
            opt_str(match, "list") or "?", opt_str(match, "party_id") or "", opt_str(match, "party_name") or "",
            f" (score {score:.2f})" if score is not None else "",
            f"; {e}" if (e := opt_str(match, "explanation")) else ""))
    return _checked(proxy)


def _interval(proxy: EntityProxy, record: Record) -> None:
    """What every link and event carries: the newsgraph id, the first evidence sentence, URLs."""
    proxy.add("recordId", req_str(record, "id"))
    proxy.add("summary", _first_sentence(record))
    proxy.add("sourceUrl", _urls(record))


def _unknown_link(model: Model, link_id: str, subject: str, obj: str, role: str) -> EntityProxy:
    proxy = model.make_entity("UnknownLink")
    proxy.id = link_id
    proxy.add("subject", subject)
    proxy.add("object", obj)
    proxy.add("role", role)
    return proxy


def _fits(schema: Schema, prop_range: Schema | None) -> bool:
    return prop_range is None or schema.is_a(prop_range)


Stubs = dict[str, "EntityProxy"]  # newsgraph actor id → entity made from a ref, not yet emitted


class _Emitter:
    """Keeps which actors are out already, so refs become stub entities exactly once.

    ``event`` and ``relation`` return the stubs they need apart from their links: a record that
    fails half-way must not leave a stub marked as emitted.
    """

    def __init__(self, model: Model) -> None:
        self.model = model
        self.out: dict[str, EntityProxy] = {}  # newsgraph entity id → emitted proxy

    def actor(self, ref: Record, pending: Stubs) -> EntityProxy:
        ng_id = req_str(ref, "id")
        proxy = self.out.get(ng_id) or pending.get(ng_id)
        if proxy is None:
            proxy = pending[ng_id] = _entity(self.model, ref)
        return proxy

    def emit(self, ng_id: str, proxy: EntityProxy) -> dict[str, Any]:
        self.out[ng_id] = proxy
        return proxy.to_dict()

    def event(self, event: Record) -> tuple[Stubs, list[EntityProxy]]:
        model = self.model
        pending: Stubs = {}
        etype, mode = req_str(event, "type"), opt_str(event, "mode")
        src_ref, tgt_ref = opt_map(event, "source"), opt_map(event, "target")
        src = self.actor(src_ref, pending) if src_ref else None
        tgt = self.actor(tgt_ref, pending) if tgt_ref else None
        ev_id = ftm_id("event", req_str(event, "id"))
        schema = model.get("Event")
        if schema is None:  # an FtM without Event: a dyadic event is a link, a one-sided one has no form
            if src is None or tgt is None or src.id is None or tgt.id is None:
                return pending, []
            link = _unknown_link(model, ev_id, src.id, tgt.id, f"{etype} {mode or ''}".strip())
            _interval(link, event)
            _add_dates(link, opt_str(opt_map(event, "date"), "value"))
            return pending, [_checked(link)]
        proxy = model.make_entity(schema)
        proxy.id = ev_id
        head = etype + (f" ({mode})" if mode else "")
        parties = " → ".join(str(p.first("name")) for p in (src, tgt) if p is not None)
        proxy.add("name", f"{head}: {parties}" if parties else head)
        proxy.add("keywords", [etype, mode, opt_str(event, "context"), opt_str(event, "modality")])
        counts = [f"{n} {label}" for label in ("sources", "articles", "reports")
                  if (n := opt_int(event, label)) is not None]
        confidence = opt_float(event, "confidence")
        proxy.add("description", "; ".join([
            *(f"{role}: {p.first('name')}" for role, p in (("source", src), ("target", tgt)) if p is not None),
            *([f"modality: {m}"] if (m := opt_str(event, "modality")) else []),
            *([f"confidence: {confidence:.2f}"] if confidence is not None else []), *counts]))
        _interval(proxy, event)
        _add_dates(proxy, opt_str(opt_map(event, "date"), "value"))
        place = opt_map(event, "place")
        proxy.add("location", opt_str(place, "name"))
        proxy.add("country", opt_str(place, "country"))
        extra = []
        involved = schema.get("involved")
        for role, party in (("source", src), ("target", tgt)):
            if party is None or party.id is None:
                continue
            if involved is not None and _fits(party.schema, involved.range):
                proxy.add("involved", party.id)
            else:  # not a legal entity (a project, say): say how it is involved with a link
                extra.append(_unknown_link(model, ftm_id("event-" + role, req_str(event, "id")),
                                           ev_id, party.id, role))
        return pending, [_checked(proxy), *extra]

    def relation(self, relation: Record) -> tuple[Stubs, list[EntityProxy]]:
        model = self.model
        pending: Stubs = {}
        name = req_str(relation, "relation")
        src_ref, tgt_ref = opt_map(relation, "source"), opt_map(relation, "target")
        if not src_ref or not tgt_ref:
            raise ValueError("a relation needs both a source and a target")
        src, tgt = self.actor(src_ref, pending), self.actor(tgt_ref, pending)
        assert src.id is not None and tgt.id is not None  # _entity always sets one
        maps_ = mapping()
        spec = maps_.relations.get(name, LinkSpec(maps_.fallback.schema, name.replace("_", " ")))
        schema = model.get(spec.schema)
        if schema is None:
            raise ValueError(f"{DATA_FILE} maps {name!r} to {spec.schema!r}, which this FtM version lacks")
        link_id = ftm_id("relation", req_str(relation, "id"))
        if schema.name == "Sanction":
            proxy = model.make_entity(schema)
            proxy.id = link_id
            proxy.add("entity", tgt.id)
            proxy.add("authority", src.first("name"))
            proxy.add("country", opt_str(src_ref, "country"))
        elif (schema.source_prop is not None and schema.target_prop is not None
              and _fits(src.schema, schema.source_prop.range) and _fits(tgt.schema, schema.target_prop.range)):
            proxy = model.make_entity(schema)
            proxy.id = link_id
            proxy.add(schema.source_prop, src.id)
            proxy.add(schema.target_prop, tgt.id)
            proxy.add("role", spec.role)
        else:  # e.g. "leads" with a person as the led: no Directorship can say that
            proxy = _unknown_link(model, link_id, src.id, tgt.id, spec.role)
        _interval(proxy, relation)
        for key in ("first_seen", "last_seen"):
            _add_dates(proxy, opt_str(relation, key))
        return pending, [_checked(proxy)]


def ftm_entities(entities: Iterable[Record], events: Iterable[Record], relations: Iterable[Record],
                 errors: list[InputError] | None = None) -> Iterator[dict[str, Any]]:
    """FtM entity dicts (``EntityProxy.to_dict()``): entities, then events, then relations.

    Streams: each input is read once. A malformed record is skipped and its InputError appended to
    ``errors``; without a list the first one is raised.
    """
    from followthemoney.exc import InvalidData

    model = _model()
    emitter = _Emitter(model)
    for i, entity in enumerate(entities):
        try:
            ng_id = req_str(entity, "id")
            proxy = None if ng_id in emitter.out else _entity(model, entity)  # the same entity twice: once
        except (ValueError, AttributeError, InvalidData) as e:
            report(errors, InputError(where("entity", entity, i), str(e)))
            continue
        if proxy is not None:
            yield emitter.emit(ng_id, proxy)
    steps = [("event", events, emitter.event), ("relation", relations, emitter.relation)]
    for what, records, convert in steps:
        for i, record in enumerate(records):
            try:
                stubs, links = convert(record)
            except (ValueError, AttributeError, InvalidData) as e:
                report(errors, InputError(where(what, record, i), str(e)))
                continue
            for ng_id, stub in stubs.items():
                yield emitter.emit(ng_id, stub)
            for link in links:
                yield link.to_dict()


def write_ftm(entities: Iterable[Record], events: Iterable[Record], relations: Iterable[Record], fp: TextIO,
              errors: list[InputError] | None = None) -> int:
    """Write FtM entities as JSON lines (what ``ftm`` tools and yente read); return how many."""
    n = 0
    for entity in ftm_entities(entities, events, relations, errors):
        fp.write(json.dumps(entity, ensure_ascii=False, sort_keys=True) + "\n")
        n += 1
    return n
