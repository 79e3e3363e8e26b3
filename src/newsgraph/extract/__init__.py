"""The extract stage: one parsed document in, one Extraction out. Pure: no database, no files.

Because it only reads its arguments, the same function runs in a local loop, in worker processes,
or inside a distributed engine.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from spacy.tokens import Doc
from spacy.tokens import Span as Phrase

from newsgraph.extract.actors import ActorTable, entities, find_actors, find_dateline, lived_in, sentences
from newsgraph.extract.aims import aim_unaimed
from newsgraph.extract.events import find_event_candidates, find_events, placed_speaker
from newsgraph.extract.filter import Features
from newsgraph.extract.modality import tense_lookup
from newsgraph.extract.places import gazetteer, home_crowds, home_opposition, place_unplaced
from newsgraph.extract.proposer import pair_options, propose_events, sentence_features
from newsgraph.extract.quantities import find_quantities
from newsgraph.extract.relations import find_relations
from newsgraph.extract.time import date_untimed, find_times
from newsgraph.model import Actor, Document, Event, Extraction, Place, Quantity, Span, TimeValue
from newsgraph.ontology import countries, vocab


@dataclass(frozen=True)
class SentenceCandidate:
    """A sentence naming two sides, as the type proposer sees it."""

    index: int
    text: str
    pairs: list[tuple[Actor, Actor, Features]]  # each ordered pair of sides, with the pair model's features
    features: Features  # what the type model reads
    told: bool


PLACE_LABELS = {"GPE", "LOC", "FAC", "PERSON", "ORG"}


def find_places(doc: Doc, story_countries: set[str] | None = None) -> list[Place]:
    """Entity spans that the gazetteer knows as places (cities, regions, countries), with offsets;
    a town's name read in the country its phrase names ("Juba, South Sudan"), else in the countries
    the story names (its actors', ``story_countries``, its places' and its nationality words') where
    it can be (``Gazetteer.read_in_story``)."""
    gaz = gazetteer()
    out: list[Place] = []
    located: set[int] = set()  # offsets of the places named as a scene ("near Khost")
    name_words = {t.lower_ for ent in entities(doc) if ent.label_ == "PERSON" and len(ent) > 1 for t in ent}
    for ent in entities(doc):
        if ent.label_ not in PLACE_LABELS:
            continue
        text = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
        feature = ent[-1].lower_ in vocab.geographic_heads()  # "Escoda Shoal" tagged as a person
        if ent.label_ in ("PERSON", "ORG") and (len(ent) > 1 or countries.igo(text)) and not feature:
            continue  # only a single-token person/org can be a mislabelled town ("Naypyitaw")
        if ent.label_ == "PERSON" and not feature and (ent.text.lower() in name_words
                                                        or ent.root.dep_ in ("nsubj", "nsubjpass")):
            continue  # "Kim invited Putin": a name the article gave in full, or someone who acts
        if lived_in(ent):
            continue  # "who has lived in London since 2008": where someone lives, no scene of the story
        place = gaz.lookup(text)
        beside = _country_of_place(ent, ("appos", "npadvmod")) if place is not None else None
        if place is not None and beside and place.country != beside:  # "in Borno state, Nigeria"
            there = gaz.lookup(text, beside)  # the phrase says whose it is: a town of it,
            if there is not None and there.country == beside:  # else (a small town) only its country
                place = there
            elif place.feature == "city" and place.geonameid not in gaz.prominent:
                place = Place(text, beside, None, None, feature="region")
        if place is not None:  # named as the article spells it; the geonameid makes variants one place
            out.append(replace(place, name=text, start=ent.start_char, end=ent.end_char))
            if _located(ent):
                located.add(ent.start_char)
        elif (ent.label_ in ("GPE", "LOC", "FAC") or feature) and _located(ent) and not countries.country_code(text) \
                and any(t.is_title or t.is_upper for t in ent):  # "in absentia", tagged as a place, names none
            out.append(Place(text, _country_of_place(ent), None, None, feature="region",
                             start=ent.start_char, end=ent.end_char))  # "in Afghanistan's Paktika province"
    taken = {i for ent in entities(doc) for i in range(ent.start, ent.end)}
    for tok in doc:  # "the city of Belém" where the model saw no entity: the phrase says it is a place
        if tok.pos_ == "PROPN" and tok.i not in taken and tok.dep_ == "pobj" and tok.head.lower_ == "of" \
                and tok.head.head.lemma_.lower() in vocab.place_nouns():
            span = doc[min(t.i for t in tok.subtree if t.pos_ == "PROPN"):tok.i + 1]
            place = gaz.lookup(span.text)
            if place is not None:
                out.append(replace(place, name=span.text, start=span.start_char, end=span.end_char))
                located.add(span.start_char)  # "the city of Belém"
    named = (story_countries or set()) | {
        code for ent in entities(doc) if ent.label_ == "NORP" if (code := countries.country_code(ent.text))}
    vouching = [p for p in out if p.country and (p.feature in ("country", "region") or p.geonameid in gaz.prominent)]
    votes = Counter(p.country for p in vouching if p.country)  # "Damascus", "Texas": but no town vouches for itself
    out = [gaz.read_in_story(p, p.start in located,
                             named | {c for c, n in votes.items() if n > (p in vouching and p.country == c)})
           for p in out]
    return sorted(out, key=lambda p: p.start)


LOCATIVE_PREPS = {"in", "at", "near", "off", "outside", "around", "inside", "into"}


def _located(ent: Phrase) -> bool:
    """Whether a name stands where a place does: after a locative preposition ("in Paktika province",
    "near Escoda Shoal") or before a place noun ("Panjgur district")."""
    root = ent.root
    head = root.head if root.dep_ == "compound" else root
    if head is not root and head.lemma_.lower() not in vocab.place_nouns():
        return False
    return head.dep_ == "pobj" and head.head.lower_ in LOCATIVE_PREPS


def _country_of_place(ent: Phrase, deps: tuple[str, ...] = ("poss", "appos", "npadvmod")) -> str | None:
    """The country a place phrase names ("Afghanistan's Paktika province", "Juba, South Sudan"), by
    the words of its name ("South Sudan", not "Sudan")."""
    head = ent.root.head if ent.root.dep_ == "compound" else ent.root
    for tok in list(head.children) + list(ent.root.children):
        if tok.dep_ in deps and (code := countries.country_code(tok.doc[tok.left_edge.i:tok.i + 1].text)):
            return code
    return None


def _read(document: Document, doc: Doc) -> tuple[ActorTable, list[TimeValue], list[Place], list[Quantity],
                                                  Place | None]:
    """The stages events are read against: actors, times, places, amounts, the dateline."""
    published = document.published.isoformat() if document.published else None
    actors = find_actors(doc, published)
    return (actors, find_times(document.text, document.published, tense_lookup(doc)),
            find_places(doc, {a.country for a in actors.actors if a.country}), find_quantities(document.text),
            find_dateline(document.text))


def extract(document: Document, doc: Doc) -> Extraction:
    """Actors, events, times, places and quantities of one document, from its spaCy parse."""
    table, times, places, quantities, dateline = _read(document, doc)
    held: set[str] = set()
    events = find_events(doc, table, document, times, places, quantities, dateline, held)
    events = date_untimed(events + propose_events(doc, document, table, events), document.published)
    scenes = [p for p in places if (span := doc.char_span(p.start, p.end, alignment_mode="expand")) is None
              or not placed_speaker(span.root)]  # "officials in Accra said ...": not where it happened
    events = place_unplaced(events, scenes, dateline)
    home_crowds(events)
    home_opposition(events)
    events = aim_unaimed(events, held, table.government_of)
    relations = find_relations(doc, table, document, dateline)
    spans = [Span(s.start_char, s.end_char, s.text, i) for i, s in enumerate(sentences(doc))]
    return Extraction(document=document, actors=table.actors, events=events, relations=relations, places=places,
                      times=times, quantities=quantities, sentences=spans)


def sentence_candidates(document: Document, doc: Doc) -> tuple[list[Event], list[SentenceCandidate]]:
    """The rules' events of one document and, for each sentence naming two sides, the pairs a
    proposal could link and the features the type proposer reads: what
    ``scripts/train_type_proposer.py`` learns from (``told``: the rules found an event there)."""
    table, times, places, quantities, dateline = _read(document, doc)
    events = find_events(doc, table, document, times, places, quantities, dateline)
    told = {e.sentence_index for ev in events for e in ev.evidence}
    out = []
    for s_index, sent in enumerate(sentences(doc)):
        if pairs := pair_options(sent, table):
            out.append(SentenceCandidate(s_index, sent.text.strip(), pairs, sentence_features(sent, table),
                                         s_index in told))
    return events, out


def event_candidates(document: Document, doc: Doc, all_implicit: bool = False) -> list[tuple[Event, Features]]:
    """The events the rules propose for one document, with the features the learned filter reads,
    before that filter: what ``scripts/train_event_filter.py`` learns from (and, with
    ``all_implicit``, every option for an unsaid side: what ``scripts/train_implicit_ranker.py``
    learns from)."""
    table, times, places, quantities, dateline = _read(document, doc)
    return find_event_candidates(doc, table, document, times, places, quantities, dateline, all_implicit)
