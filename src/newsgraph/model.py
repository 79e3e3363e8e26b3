"""The nouns of newsgraph: the one vocabulary every pipeline stage shares.

Stages pass these dataclasses to each other; nothing else crosses a stage boundary. They are
plain data (no I/O, no spaCy objects) so that an extraction can be pickled into a worker
process or a Spark task and back.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, Literal

Kind = Literal[
    "person", "government", "military", "armed-group", "business", "media", "igo",
    "country", "place", "project", "organisation", "group",
]
Modality = Literal["asserted", "planned", "hypothetical", "negated", "reported-claim"]
Precision = Literal["day", "month", "year", "decade", "range"]

MODALITIES: tuple[str, ...] = ("asserted", "planned", "hypothetical", "negated", "reported-claim")


def normalise_text(text: str) -> str:
    """Canonical form of an article's text for hashing: NFC, unified quotes, collapsed blanks."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text).strip()


def document_id(text: str) -> str:
    """Content hash of the normalised text: the same article ingested twice has one id."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Document:
    """One article as ingested. ``source`` is the path or URL it came from."""

    id: str
    source: str
    text: str
    title: str | None = None
    url: str | None = None
    published: date | None = None
    language: str = "en"
    outlet: str | None = None

    @classmethod
    def from_text(cls, text: str, source: str, **kw: Any) -> Document:
        return cls(id=document_id(text), source=source, text=text, **kw)


@dataclass(frozen=True)
class Span:
    """Character offsets into a document's text, plus the sentence they sit in."""

    start: int
    end: int
    text: str
    sentence: int = 0


@dataclass
class Role:
    """A title an actor was reported to hold ("Prime Minister"), and when it was reported."""

    title: str
    organisation: str | None = None
    seen: str | None = None  # ISO date of the article that reported it


@dataclass(eq=False)  # identity: two actors are the same only if they are one object
class Actor:
    """An actor as one document names it, after in-document coreference.

    ``key`` is unique within the document; cross-document resolution (the resolve stage) maps
    actors onto canonical entities.
    """

    key: str
    name: str
    kind: str
    country: str | None = None  # ISO 3166 alpha-3
    sector: str | None = None   # GOV, MIL, REB, BUS, MED, IGO, CVL, ...
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)

    def ref(self) -> dict[str, Any]:
        return {"id": self.key, "name": self.name, "kind": self.kind,
                "country": self.country, "sector": self.sector}


@dataclass(frozen=True)
class TimeValue:
    """A time expression normalised against the publication date, at the precision it gives.

    ``value`` is ISO: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or a range ``A/B``; None when the
    text cannot be fixed (no publication date for a relative expression). An event whose sentence
    states no time is given the time it is told at (the dated event just before it, else the
    publication date): that time has empty ``text`` and no offsets, so it is never taken for words
    of the article.
    """

    text: str
    value: str | None
    precision: Precision | None
    start: int = -1
    end: int = -1
    # For an expression that counts from the time the story is at ("later that day": 0, "a day
    # earlier": -1), those days; its value is fixed once the story's time is known (extract.time).
    relative_days: int | None = None


@dataclass(frozen=True)
class Place:
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None = None
    feature: str = "city"  # city, country, region, port, ...
    start: int = -1
    end: int = -1


@dataclass(frozen=True)
class Quantity:
    """An amount with its unit: money (ISO currency), energy (MW), volume (barrel), people."""

    value: float
    unit: str
    text: str
    kind: str = "count"  # money, power, energy, volume, mass, percent, people, count, duration
    start: int = -1
    end: int = -1


@dataclass(frozen=True)
class Evidence:
    doc_id: str
    source: str
    sentence: str
    start: int  # char offsets of the sentence in the document
    end: int
    sentence_index: int = 0


@dataclass(eq=False)
class Event:
    type: str
    mode: str | None
    source: Actor | None
    target: Actor | None
    modality: str = "asserted"
    context: str | None = None
    time: TimeValue | None = None
    place: Place | None = None
    quantities: list[Quantity] = field(default_factory=list)
    confidence: float = 0.5
    evidence: list[Evidence] = field(default_factory=list)
    trigger: str | None = None
    position: int = -1  # character offset of the trigger in the document: reading order

    @property
    def id(self) -> str:
        """Stable id from what the event is and where it is stated."""
        ev = self.evidence[0] if self.evidence else None
        key = "|".join([
            self.type, self.mode or "", self.source.key if self.source else "",
            self.target.key if self.target else "", ev.doc_id if ev else "",
            str(ev.start) if ev else "", self.trigger or "",
        ])
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


@dataclass
class Relation:
    """A standing tie (holds_office_in, leads, member_of, ...) with the evidence stating it."""

    source: Actor
    relation: str
    target: Actor
    evidence: list[Evidence] = field(default_factory=list)
    seen: str | None = None


@dataclass
class Extraction:
    """Everything the extract stage found in one document: pure data, no database ids."""

    document: Document
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    times: list[TimeValue] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)


def to_dict(obj: Any) -> Any:
    """Dataclass → JSON-ready dict (dates as ISO strings)."""
    def conv(v: Any) -> Any:
        if isinstance(v, date):
            return v.isoformat()
        if isinstance(v, dict):
            return {k: conv(x) for k, x in v.items()}
        if isinstance(v, list | tuple):
            return [conv(x) for x in v]
        return v
    return conv(asdict(obj))
