"""Actors named in one parsed document, resolved within the document.

Finds people, organisations, countries and the collective nouns news uses ("the junta", "Russian
firms", "rebel groups"), then links later references to the actor they stand for: surnames to full
names, acronyms and "the commission" to the organisation, "the minister" to the office holder,
"the regime" to the country's government. Countries, sectors and roles come from titles, nationality
adjectives, possessives and appositions, read against the vocabularies in ``ontology/data``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.places import gazetteer
from newsgraph.model import Actor, Document, Evidence, Place, Role
from newsgraph.model import Span as TextSpan
from newsgraph.names import compact_key, name_key
from newsgraph.ontology import countries, petrarch, vocab

# "MOSCOW –", "NAYPYITAW, March 2 (Reuters) -": where the report was filed.
# "LIMA -", "DHAKA, Nov 17 (Reuters) -", "LONDON (AP) —"
DATELINE = re.compile(r"^\s*([A-Z][A-Z .'-]{2,40}?)(?:,(?P<tail>[^\n–—-]{0,40})|\s*\([^()\n]{1,30}\))?"
                      r"\s+(?:--|[–—-])\s")

MODIFIER_DEPS = {"compound", "amod", "npadvmod", "nmod"}
# Prepositions whose object is a place more often than a person ("an attack on Kyiv", "in Naypyitaw").
HALF_NAMES = {"North", "South", "East", "West"}  # "the North" for North Korea, in an article that names it
PLACE_PREPS = {"in", "to", "at", "from", "near", "outside", "on", "into", "across", "over", "toward",
               "towards", "around", "inside"}
# Sector codes of the actor dictionary that the data model keeps as they are.
KNOWN_SECTORS = {"GOV", "MIL", "REB", "OPP", "BUS", "MED", "IGO", "CVL", "COP", "JUD", "NGO", "INS", "ELI"}
# Collective actors that act in their own country unless the text says otherwise.
DOMESTIC_KINDS = ("police",)
# A state's missions abroad: a crowd protests at them; a capital before them is no owner ("its Kyiv embassy").
MISSION_NOUNS = {"embassy", "embassies", "consulate", "consulates", "mission", "missions", "chancery"}
# Who takes to the streets (a state or its organs protesting is a diplomatic protest, told with its target).
CROWD_KINDS = {"group", "person", "organisation", "party"}
# Events that happen where their actors are: the place's country is a nameless group's country, and a
# state may do them in a town of its own ("the army bombed a village").
ON_THE_GROUND = {"ASSAULT", "COERCE", "PROTEST", "MOBILIZE"}
# Words before a facility head that make a name a facility's ("X Air Base", "Y Naval Base", "Z Power Plant").
FACILITY_KINDS = frozenset({"air", "naval", "military", "army", "navy", "power", "nuclear", "detention", "refugee",
                            "oil", "gas", "sea", "river", "international"})
# Entity labels the model sometimes puts on a person's full name; a name the actor dictionaries list
# as a person is read as that person under them.
MISTAKEN_NAME_LABELS = frozenset({"PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE"})
# Verbs of coercion a state's forces mostly turn on its own people: their object's country is no
# reason to think the forces foreign ("soldiers detained the prime minister").
HOME_COERCION = frozenset({"arrest", "detain", "jail", "imprison", "hold", "charge", "sentence", "question",
                           "remove", "oust", "depose", "dismiss", "sack", "disperse", "raid"})
DATELINE_WEIGHT = 5  # where the reporter files from counts as five mentions of that state
# Prepositions that place a collective actor ("police in Nairobi", "officials from Ghana").
LOCATING_PREPS = {"in", "from"}
ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC"}
# Prepositions of an office to whom it serves: "an aide to President X", "spokesman for the Kremlin";
# not the offices sent to someone ("a special envoy to President X" serves the sender).
SERVING_PREPS = {"to", "for", "of"}
SENT_OFFICES = {"envoy", "ambassador", "mediator", "emissary", "representative", "delegate", "negotiator"}


# Words of institutions' names in the languages whose names carry particles ("Banco do Brasil",
# "Palacio de la Moneda"): such a name is no person's.
INSTITUTION_WORDS = frozenset({"banco", "casa", "palacio", "palácio", "ministerio", "ministério", "partido",
                               "frente", "consejo", "conselho", "tribunal", "corte", "fuerzas", "forças",
                               "instituto", "universidad", "universidade", "hotel", "plaza", "praça"})

# Countries whose leaders' names are written family name first in English news ("Kim" is Kim Jong Un).
FAMILY_NAME_FIRST = frozenset({"CHN", "PRK", "KOR", "TWN", "HKG", "MAC", "VNM"})
# Countries whose people English news calls by their given or first name ("Prabowo" is Prabowo
# Subianto, "Srettha" Srettha Thavisin, "Lula" Lula da Silva, "Anwar" Anwar Ibrahim, whose second
# name is his father's): the first word is the short name there too.
GIVEN_NAME_USED = frozenset({"IDN", "THA", "BRA", "MYS", "ISL"})
FIRST_WORD_NAMED = FAMILY_NAME_FIRST | GIVEN_NAME_USED

# Lower-case particles inside names ("Ursula von der Leyen", "Charles de Gaulle").
NAME_PARTICLES = frozenset({"von", "van", "der", "den", "de", "la", "le", "da", "do", "dos", "du", "des", "di"})

# Last words of a portfolio the model takes into a name ("Minister for Foreign Affairs Tobias X").
PORTFOLIO_WORDS = frozenset({"affairs", "action", "defence", "defense", "finance", "economy", "trade", "energy",
                             "health", "interior", "justice", "security", "development", "cooperation",
                             "environment", "industry", "agriculture", "education", "transport", "culture"})


def own_place(name: str, any_country_name: bool = True) -> Place | None:
    """The place ``name`` is the own name of (a city's main name; a country by any of its names
    unless ``any_country_name`` is off), or None: not one known only by another of its spellings
    ("Lula" is only an alternate name of Luleå)."""
    place = gazetteer().lookup(name)
    if place is None or ((place.feature != "country" or not any_country_name)
                         and compact_key(place.name) != compact_key(name)):
        return None
    return place


def _named_place(word: str) -> bool:
    """Whether a word is a place's own name (see ``own_place``)."""
    return own_place(word) is not None


def short_name_of(actor: Actor, key: str) -> bool:
    """Whether a one-word name (folded) is how the text may call a person named in full before: the
    surname; the first word where names are written family name first or people go by their given
    name; any word of a given-name-called person's name ("Lula" of Luiz Inacio Lula da Silva)."""
    if actor.kind != "person" or not key:
        return False
    words = name_key(actor.name).split()
    if len(words) < 2:
        return False
    if words[-1] == key or (words[0] == key and actor.country in FIRST_WORD_NAMED):
        return True
    return actor.country in GIVEN_NAME_USED and key in words[1:] and len(key) > 3  # no "da", "dos"


def _force_word(name: str) -> str:
    """The head noun a force is called by ("riot police" -> "police"): the key of ``named_forces``."""
    return name.split()[-1].lower()


def _spelling(key: str) -> str:
    """A name folded over the ways news transliterates it: doubled letters as one, a final "-iy", "-yy",
    "-ij" or "-ii" as "-y" ("Zelenskiy", "Zelenskyy" and "Zelensky" are one name; "Mohammadi" is not
    "Mohammad")."""
    words = []
    for word in key.split():
        word = re.sub(r"(iy|yy|ij|ii|y)$", "y", word)
        words.append(re.sub(r"(.)\1+", r"\1", word))
    return " ".join(words)


def strip_honorifics(words: list[str]) -> list[str]:
    hon = vocab.honorifics()
    while len(words) > 1 and words[0].lower() in hon:
        words = words[1:]
    return words


def title_of(words: list[str]) -> tuple[str, str] | None:
    """The longest office title at the end of ``words`` ("Prime Minister") and its sector."""
    lowered = [w.lower() for w in words]
    table = vocab.titles()
    for n in range(min(4, len(lowered)), 0, -1):
        cand = " ".join(lowered[-n:])
        if cand in table:
            return " ".join(words[-n:]), table[cand]
    return None


@dataclass
class ActorTable:
    """The actors of one document and which tokens mention which actor."""

    doc: Doc
    actors: list[Actor] = field(default_factory=list)
    by_token: dict[int, Actor] = field(default_factory=dict)
    by_key: dict[str, Actor] = field(default_factory=dict)
    published: str | None = None

    def at(self, i: int) -> Actor | None:
        return self.by_token.get(i)

    def get_or_add(self, key: str, name: str, kind: str, country: str | None = None,
                   sector: str | None = None) -> Actor:
        actor = self.by_key.get(key)
        if actor is None:
            actor = Actor(key=key, name=name, kind=kind, country=country, sector=sector)
            self.by_key[key] = actor
            self.actors.append(actor)
        else:
            actor.country = actor.country or country
            actor.sector = actor.sector or sector
        return actor

    def country_actor(self, iso3: str) -> Actor:
        name = countries.country_name(iso3) or iso3
        return self.get_or_add(f"country:{iso3}", name, "country", iso3, None)

    def government_of(self, iso3: str) -> Actor:
        """The state's government as a side no word of the text names ("took to the streets": against it)."""
        name = f"{countries.country_name(iso3) or iso3} government"
        return self.get_or_add(f"group:government:GOV:{iso3}:plain:", name, "government", iso3, "GOV")

    def fold(self, actor: Actor, into: Actor) -> None:
        """Merge ``actor`` into ``into``, found to be one actor: its mentions, names and tokens."""
        into.mentions.extend(actor.mentions)
        into.aliases.extend(a for a in actor.aliases + [actor.name] if a not in into.aliases)
        for i, a in list(self.by_token.items()):
            if a is actor:
                self.by_token[i] = into
        self.actors.remove(actor)
        self.by_key.pop(actor.key, None)

    def mention(self, actor: Actor, start: int, end: int, alias: bool = True) -> None:
        """Record tokens [start, end) as a mention of ``actor``; ``alias=False`` for a generic
        reference ("the bloc", "the minister"), which is no name of the actor to match others by."""
        span = self.doc[start:end]
        for i in range(start, end):
            self.by_token[i] = actor
        if alias and span.text not in actor.aliases and span.text != actor.name:
            actor.aliases.append(span.text)
        sent_index = sentence_index_of(self.doc, start)
        actor.mentions.append(TextSpan(span.start_char, span.end_char, span.text, sent_index))


# Prepositions that set a scene: a town after them is where something happens.
SCENE_PREPS = frozenset({"in", "at", "near", "outside", "across", "around", "inside", "into", "through"})
# Parts of speech that never start an actor the pass below reads (it reads nouns, names, adjectives
# such as "Western", and "North" as an adverb or a name).
_NEVER_NAMES = frozenset({"PUNCT", "DET", "ADP", "CCONJ", "SCONJ", "PART", "SPACE", "NUM", "AUX", "PRON", "VERB"})


def lived_at(prep: Token) -> bool:
    """Whether a preposition says, in a relative clause on one person, where that person lives ("his
    son Tarek Hossain, who has lived in London since 2008", "his brother, who lives in Johannesburg"):
    a place that is no scene of the story nor anyone's state in it (not "Uyghurs living in Urumqi",
    "people who lived in Rafah", "a priest who lives in Kaduna": the ones acted on, where they are)."""
    verb = prep.head
    person = verb.head
    return prep.dep_ == "prep" and verb.pos_ == "VERB" and verb.dep_ == "relcl" \
        and verb.lemma_.lower() in vocab.residence_verbs() and (person.ent_type_ == "PERSON" or (
            person.tag_ == "NN" and any(c.dep_ == "poss" for c in person.children)))


def lived_in(ent: Span) -> bool:
    """Whether a place name is where a named person lives (``lived_at``), as "in London" or "in
    Maiduguri, Nigeria" (the apposition read at the town)."""
    root = ent.root.head if ent.root.dep_ == "appos" else ent.root
    return root.dep_ == "pobj" and lived_at(root.head)


def sentences(doc: Doc) -> list[Span]:
    """The document's sentences, built once: spaCy makes new Span objects at every ``doc.sents``."""
    sents = doc.user_data.get("_sents")
    if sents is None:
        sents = doc.user_data["_sents"] = list(doc.sents)
    return sents  # type: ignore[no-any-return]


def _main_clause_subject(tok: Token) -> bool:
    """Whether a word is (or names the owner of) the subject of its sentence's main clause: "Sudan
    has been in turmoil since ..."; not a state in a time or cause phrase ("after Russia launched",
    "in response to China's drills"), which is as often the other side."""
    if tok.dep_ in ("poss", "compound", "amod"):
        tok = tok.head
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return False
    return tok.head.dep_ in ("ROOT", "conj", "ccomp") and tok.head.head.dep_ != "advcl"


def side(actor: Actor | None) -> str:
    """What the scorer and the rules tell actors apart by: the country, else the actor itself."""
    return "" if actor is None else actor.country or actor.key


# Sectors outside the state: at home they stand against the state's organs (the opposition
# accusing the police, the government blaming rebels), so within a country they are sides apart.
OUTSIDE_STATE = frozenset({"OPP", "REB", "CVL", "MED", "NGO", "BUS", "HRI", "LAB", "PTY"})
POPULAR = frozenset({"OPP", "CVL", "PTY"})  # an opposition, its party and its supporters: one camp


def camp(actor: Actor | None) -> str:
    """A side finer than ``side`` at home: the state and its organs are one camp with the country;
    outside it, the opposition with its supporters is one, and rebels, press, rights groups, unions
    and business each another; so an opposition leader may accuse the police, not his own supporters,
    and rights groups may accuse rebels."""
    if actor is not None and actor.country and actor.kind != "country" and actor.sector in OUTSIDE_STATE:
        return f"{actor.country}/{'popular' if actor.sector in POPULAR else actor.sector}"
    return side(actor)


def branch_of_state(actor: Actor) -> bool:
    """A court or a legislature (by sector, or by a word of its name): a branch of its state that
    stands apart from the executive and from the other branches."""
    return actor.kind not in ("country", "person") and (actor.sector in ("JUD", "LEG") or bool(
        set(name_key(actor.name).split()) & vocab.modality_words()["branch_words"]))


def sentence_evidence(doc: Doc, document: Document, index: int) -> Evidence:
    """The evidence row of sentence ``index`` (its text without surrounding blanks and its offsets),
    built once per sentence: every event and tie the sentence states shares it."""
    cache = doc.user_data.setdefault("_evidence", {})
    found = cache.get(index)
    if found is None:
        sent = sentences(doc)[index]
        raw = sent.text
        text = raw.strip()
        start = sent.start_char + (len(raw) - len(raw.lstrip()))
        found = cache[index] = Evidence(document.id, document.source, text, start, start + len(text), index)
    return found  # type: ignore[no-any-return]


def sentence_index_of(doc: Doc, token_i: int) -> int:
    starts = doc.user_data.get("_sent_starts")
    if starts is None:  # computed once per document, not once per mention
        starts = doc.user_data["_sent_starts"] = [s.start for s in sentences(doc)]
    return max(0, bisect_right(starts, token_i) - 1)


def coordination_head(tok: Token) -> Token:
    """The first of the words coordinated with ``tok`` ("Russia" for "North Korea" in "Russia and North
    Korea"; the first verb of "met and agreed"): the one the parser hangs the rest on."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def sentence_of(tok: Token) -> Span:
    """``tok.sent`` from the sentences built once (spaCy's ``Token.sent`` walks the parse each call)."""
    return sentences(tok.doc)[sentence_index_of(tok.doc, tok.i)]


def entities(doc: Doc) -> list[Span]:
    """The document's named entities, built once: ``doc.ents`` makes new spans at every call."""
    ents = doc.user_data.get("_ents")
    if ents is None:
        ents = doc.user_data["_ents"] = list(doc.ents)
    return ents  # type: ignore[no-any-return]


def entity_at(tok: Token) -> Span | None:
    """The named-entity span covering a token (indexed once per document: doc.ents builds new spans)."""
    doc = tok.doc
    index = doc.user_data.get("_ent_at")
    if index is None:
        index = doc.user_data["_ent_at"] = {i: e for e in entities(doc) for i in range(e.start, e.end)}
    return index.get(tok.i)


def aligned_with(t: Token) -> bool:
    """Whether a nationality word says whom someone sides with or against, not whose they are:
    "pro-Russian", "anti-Chinese" (one token or three)."""
    if t.lower_.startswith(("pro-", "anti-")):
        return True
    return t.i >= 2 and t.doc[t.i - 1].text in ("-", "\u2013") and t.doc[t.i - 2].lower_ in ("pro", "anti")


def _country_of_modifiers(tokens: list[Token]) -> str | None:
    """A country named by a nationality adjective, a compound or a possessive among ``tokens``."""
    tokens = [t for t in tokens if not aligned_with(t)]  # "pro-Russian separatists" are not Russia's
    for t in tokens:  # "the U.S.-led coalition", "a Saudi-led coalition": the leader's side
        if t.lower_.endswith("-led") and (code := countries.country_code(t.text[:-4])):
            return code
        if t.lower_ == "led" and (code := next((c for k in t.children if k.dep_ in ("npadvmod", "compound")
                                                and (c := countries.country_code(k.text))), None)):
            return code
    for t in tokens:  # the whole entity first: "South Korean" is not "Korean"
        if t.ent_type_ in ("GPE", "NORP"):
            ent = entity_at(t)
            code = countries.country_code(ent.text) if ent is not None else None
            if code:
                return code
    for t in tokens:
        if t.ent_type_ in ("GPE", "NORP") or t.pos_ in ("PROPN", "ADJ"):
            code = countries.country_code(t.text)
            if code:
                return code
    for t in tokens:  # "Taliban fighters", "Houthi rebels": a group the actor dictionary places
        if t.pos_ == "PROPN" or t.ent_type_ in ("NORP", "ORG"):
            ent = entity_at(t)
            known = petrarch.lookup_actor(ent.text if ent is not None else t.text)
            if known is not None and known.kind in ("armed-group", "organisation") \
                    and (code := known.country_on(None)):
                return code
    return None


def _place_modifier(tokens: list[Token], police: bool) -> tuple[str, int] | None:
    """The state of a capital or city a court, a ministry or police are named by ("a Tehran court",
    "Istanbul police"), with that word's token; not an international body's seat ("Hague judges",
    "Strasbourg judges", "Brussels officials"; police there are the host's), nor "pro-Moscow"."""
    for t in tokens:
        if aligned_with(t):
            continue
        ent = entity_at(t)
        name = ent.text if ent is not None and t.ent_type_ == "GPE" else t.text
        bare = name.lower().removeprefix("the ")
        if not police and (bare in vocab.international_seats() or f"the {bare}" in vocab.international_seats()):
            continue
        if t.ent_type_ == "GPE" and ent is not None:
            place = gazetteer().lookup(name)
            code = countries.capital_of(name) or (place.country if place is not None else None)
        else:  # an untagged word may be a town's name ("Federal police"); a capital it may be ("Kyiv")
            code = countries.capital_of(name) if t.is_title else None
        if code:
            return code, t.i
    return None


def _verb_over(noun: Token) -> Token:
    """The verb a noun is the object of, directly or through a preposition ("urged the government",
    "called on the government")."""
    return noun.head.head if noun.dep_ == "pobj" else noun.head


def state_of_place(name: str) -> str | None:
    """The state a place name names: a country's own name, else the country of the town or region."""
    place = gazetteer().lookup(name)
    return countries.country_code(name) or (place.country if place is not None else None)


def _left_modifiers(head: Token) -> list[Token]:
    """Tokens left of ``head`` inside its noun phrase (compounds, adjectives, possessives)."""
    return [t for t in head.subtree if t.i < head.i and t.dep_ not in ("punct", "cc", "prep")]


class _Finder:
    """One pass over a parsed document that fills an ActorTable."""

    def __init__(self, doc: Doc, published: str | None) -> None:
        self.doc = doc
        self.text = doc.text  # Doc.text joins every token: read it once
        self.table = ActorTable(doc, published=published)
        self.collective_pending: list[tuple[Actor, Token]] = []
        self.named_forces: dict[str, str] = {}  # "police" -> the country of the last named force ("the Nicaraguan
        # National Police") before the first bare mention
        self.person_mentions: list[tuple[Actor, int, int]] = []
        self.title_tokens: list[Token] = []
        self.leading_titles: list[tuple[int, tuple[str, str]]] = []
        self.affiliations: list[tuple[Actor, Actor]] = []  # (member, the actor it belongs to)
        self.served: list[tuple[Actor, Token]] = []  # (person, whom their office serves: "aide to X")
        self.guessed: set[int] = set()  # ids of collectives whose country the text did not state
        self.half_names: list[Token] = []  # "the North", "the South", read after every country is known
        self.person_titles: set[int] = set()  # collectives read from an office title before a person's name
        self.unplaceable: set[int] = set()  # collectives some mention of which says they are no one state's here
        # ("judges at the ICC"): collective nouns of an international body's staff, read once bodies are known
        self.staff: list[tuple[Token, tuple[str, dict[str, str]], Span]] = []
        self.guessed_at: set[int] = set()  # tokens read as a state's institution by guess ("the ministry")
        self.organs: dict[str, Actor] = {}  # "board" -> the organisation whose Board was named last
        self.organ_names: dict[str, Actor] = {}  # "committee of ministers" -> the organisation it is of
        self._person_name_words: set[str] | None = None  # (person_name_words, read once)
        self.place_hints: dict[int, tuple[str, int]] = {}  # id(collective) -> (the state of the capital or
        # city it is named by, that word's token): "a Tehran court" (weighed in resolve_pending_countries)

    # -- people ---------------------------------------------------------------------------
    def person_span(self, ent: Span) -> tuple[int, int]:
        """Extend a PERSON span over capitalised name tokens the model left out ("Min Aung" + "Hlaing")."""
        start, end = ent.start, ent.end
        doc = self.doc
        while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ \
                and not doc[end].whitespace_ and doc[end + 1].is_alpha:
            end += 2  # "Moon Jae" + "-in"
        while end < len(self.doc) and self.doc[end].pos_ == "PROPN" and self.doc[end].is_title \
                and not self.doc[end].ent_type_ and self.doc[end].lower_ not in vocab.titles():
            end += 1
        while end < len(doc) and (doc[end - 1].lower_ in NAME_PARTICLES or doc[end].lower_ in NAME_PARTICLES):
            nxt = end  # "Ursula von" + "der Leyen", "Luiz Inácio Lula" + "da Silva"
            while nxt < len(doc) and doc[nxt].lower_ in NAME_PARTICLES:
                nxt += 1
            if nxt < len(doc) and doc[nxt].is_title and doc[nxt].pos_ == "PROPN" and nxt - end <= 2:
                end = nxt + 1
            else:
                break
        while start > 0:
            prev = self.doc[start - 1]
            if prev.pos_ == "PROPN" and prev.is_title and not prev.ent_type_ and not self.is_vocab(prev):
                start -= 1  # "Min" + "Aung Hlaing"
            elif prev.lower_ in vocab.honorifics():
                start -= 1
            else:
                break
        while end > start + 1 and (doc[end - 1].tag_ == "POS" or doc[end - 1].text in ("'s", "’s", "'", "’")):
            end -= 1  # "Vladimir Putin's rule": the name without its possessive
        return start, end

    @staticmethod
    def is_vocab(tok: Token) -> bool:
        """Words that are titles or collective nouns, not parts of a name ("Junta boss", "President")."""
        low = tok.lower_
        return low in vocab.titles() or low in vocab.collective_nouns() or low in vocab.honorifics() \
            or countries.country_code(tok.text) is not None

    def add_person(self, start: int, end: int) -> Actor | None:
        if end - start == 1 and start > 0 and self.doc[start - 1].lower_ == "the" \
                and (self.doc[start].tag_ in ("NNPS", "NNS")
                     or (self.doc[start].text.endswith("s") and not self.doc[start].text.endswith("ss"))):
            return self.add_org(start, end)  # "the Houthis": a named group, not a person
        words = strip_honorifics([t.text for t in self.doc[start:end]])
        portfolio = max((k for k, w in enumerate(words[:-1]) if w.lower() in PORTFOLIO_WORDS), default=-1)
        if portfolio >= 0:
            words = words[portfolio + 1:]  # "Minister for Foreign Affairs Tobias Billström": the name after it
        lead = _leading_title(words)
        if lead is not None:  # "Crown Prince Mohammed bin Salman": the title is a role, not the name
            self.leading_titles.append((start, lead))
            words = words[len(lead[0].split()):]
        span = self.doc[start:end]
        name = self.text[span[len(span) - len(words)].idx:span.end_char]  # as written: "Moon Jae-in"
        if not name_key(name) or any(ch.isdigit() for ch in name):
            return None  # nothing nameable left (a lone title or symbol), or a model of arms ("F-16s")
        key = "person:" + name_key(name)
        existing = self.table.by_key.get(key)
        if existing is None and len(words) == 1:  # a surname alone refers to the full name seen before
            existing = self.person_by_surname(name)
        if existing is None and len(words) == 1 and (name.lower() in vocab.unit_nouns() or self.town_not_person(
                start, end, name)):
            return None  # "Jets struck towns": a word for a force; "troops enter Kherson": a town
        folded = _spelling(name_key(name))
        if existing is None and len(folded) > 5:  # "Zelenskyy" after "Zelensky", "Zelenskiy": one name in two
            # spellings
            existing = next((a for a in reversed(self.table.actors) if a.kind == "person"
                             and folded in (_spelling(name_key(a.name)), _spelling(name_key(a.name).split()[-1]))),
                            None)
        if existing is None and len(words) > 1:
            # a full name seen after its surname alone: upgrade the surname-only actor
            short = self.table.by_key.get("person:" + name_key(words[-1]))
            if short is not None and len(short.name.split()) == 1:  # never rename a full name
                short.aliases.append(short.name)
                short.name = name
                self.table.by_key[key] = short
                existing = short
        actor = existing or self.table.get_or_add(key, name, "person")
        self.mention_person(actor, start, end)
        return actor

    def town_not_person(self, start: int, end: int, name: str) -> bool:
        """Whether a one-word name the model took for a person is a town's: the town's own name, no
        known surname nor a word of a person's name in the text, and nowhere in the text titled
        ("Mayor Imamoglu", "leader Malema") nor the one who speaks or accuses ("Malema accused the
        ANC"): "troops enter Kherson", "Kherson was returning to Ukrainian control"."""
        if not _named_place(name) or petrarch.is_known_surname(name) or name_key(name) in self.person_name_words():
            return False
        for tok in self.doc:
            if tok.text != self.doc[end - 1].text:
                continue
            prev = self.doc[tok.i - 1] if tok.i > 0 else None
            if prev is not None and (prev.lower_ in vocab.titles() or prev.pos_ == "PROPN"):
                return False
            if tok.dep_ == "nsubj" and (tok.head.lemma_.lower() in vocab.saying_verbs() or any(
                    t.type in ("ACCUSE", "REQUEST", "REJECT", "SUPPORT", "THREATEN")
                    for t in vocab.verb_triggers().get(tok.head.lemma_.lower(), ()))):
                return False
        return True

    def person_name_words(self) -> set[str]:
        """The words of the names of more than one word the model tags as people in the document."""
        if self._person_name_words is None:
            self._person_name_words = {name_key(t.text) for ent in entities(self.doc)
                                       if ent.label_ == "PERSON" and len(ent) > 1 for t in ent}
        return self._person_name_words

    def mention_person(self, actor: Actor, start: int, end: int) -> None:
        """A mention of a person, kept also among the person mentions whose context is read later."""
        self.table.mention(actor, start, end)
        self.person_mentions.append((actor, start, end))

    def person_by_surname(self, word: str) -> Actor | None:
        """The person named in full earlier whose surname ``word`` is (the latest one); in names
        written family name first ("Kim Jong Un", "Xi Jinping"), the first word."""
        key = name_key(word)
        return next((a for a in reversed(self.table.actors) if short_name_of(a, key)), None)

    def read_person_context(self, actor: Actor, start: int, end: int) -> None:
        """Title, country and organisation from the words around a person's name."""
        head = self.doc[end - 1]
        mods = [t for t in _left_modifiers(head) if t.i < start]
        cut = max((t.i for t in mods if t.dep_ in ("cc", "conj") or t.lower_ == "and"), default=-1)
        mods = [t for t in mods if t.i > cut]  # "Egypt's X and Sudan's army chief Y": Y is Sudan's
        appos = [c for c in head.children if c.dep_ == "appos" and _titled(c)]
        phrases: list[list[Token]] = [mods] + [list(a.subtree) for a in appos]
        if head.dep_ == "appos" and head.head.i < start and _titled(head.head):
            # "Argentina's president Javier Milei": the name stands in apposition to its title
            phrase = [t for t in head.head.subtree if t.i < start]
            cut = max((t.i for t in phrase if t.dep_ == "cc" or t.lower_ == "and"), default=-1)
            phrases.append([t for t in phrase if t.i > cut])  # "X's president A and Y's army chief B"
        for tokens in phrases:
            if not tokens:
                continue
            words = [t.text for t in tokens if t.dep_ not in ("det", "case", "punct")]
            title = None
            for cut in range(len(words), 0, -1):
                title = title_of(words[:cut])
                if title:
                    break
            if tokens is not mods and title is None:
                continue  # an apposition without a title may name someone else
            code = _country_of_modifiers(tokens)
            if code and not actor.country:
                actor.country = code
            if tokens is not mods and not code:  # "X, an aide to President Y": Y's state, once Y is read
                self.served += [(actor, t) for t in tokens if t.dep_ == "pobj" and t.head.lower_ in SERVING_PREPS
                                and t.head.head.dep_ == "appos" and t.head.head.lemma_.lower() not in SENT_OFFICES]
            org = None
            for t in tokens:
                other = self.table.at(t.i)
                if other is not None and other is not actor and other.kind not in ("person", "country") \
                        and t.i not in self.guessed_at:  # "Foreign ministry spokesman X": whose ministry is a guess
                    org = other
                elif other is None and t.lower_ in vocab.collective_nouns() \
                        and t.lower_ not in vocab.neutral_institutions():  # "junta minister", not "ministry spokesman"
                    org = self.nearest_collective(t.lower_)
            if title:
                role_text = " ".join(w for w in words if countries.country_code(w) is None)
                role_text = role_text.strip() or title[0]
                if org is not None and role_text.lower().startswith(name_key(org.name)):
                    role_text = role_text[len(org.name):].strip()
                if org is not None and org.kind == "igo":
                    actor.sector = actor.sector or org.sector
                elif not self.office_ended(tokens, title[0]):  # "former president X" holds no office
                    actor.sector = actor.sector or title[1]
                role = Role(title=role_text, organisation=org.name if org else None, seen=self.table.published)
                if all(r.title != role.title for r in actor.roles):
                    actor.roles.append(role)
            if org is not None:
                if org.kind == "igo":
                    actor.sector = "IGO"
                elif not actor.country:
                    self.affiliations.append((actor, org))
        if not actor.country and actor.sector in ("GOV", "MIL") and not any(r.organisation for r in actor.roles):
            # "Foreign Minister Pekka Haavisto of Finland", "President Salva Kiir of South Sudan": a state's
            # officer, with the state after the name (the whole name: not "Sudan" of "South Sudan")
            actor.country = next((code for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                                  for o in c.children if o.dep_ == "pobj" and o.pos_ == "PROPN"
                                  and (code := countries.country_code(
                                      ent.text if (ent := entity_at(o)) is not None else o.text))), None)

    def armed_group_before(self, head: Token, window: int = 5) -> Actor | None:
        """The named armed group mentioned last before ``head``, within ``window`` sentences back."""
        here = sentence_index_of(self.doc, head.i)
        best: tuple[int, Actor] | None = None
        for actor in self.table.actors:
            if actor.key.startswith("group:") or not (actor.kind == "armed-group" or (
                    actor.kind == "organisation" and _listed_group_name(actor.name))):
                continue
            starts = [m.start for m in actor.mentions if m.start < head.idx and here - m.sentence <= window]
            if starts and (best is None or max(starts) > best[0]):
                best = (max(starts), actor)
        if best is None:
            return None
        placed = {code for ent in head.sent.ents
                  if ent.label_ in ("GPE", "LOC") and (code := state_of_place(ent.text))}
        known = petrarch.lookup_actor(best[1].name)  # (the dictionary's countries are applied later)
        home = best[1].country or (known.country_on(None) if known is not None else None)
        if home and placed and home not in placed:
            return None  # "Boko Haram kidnapped students in Nigeria. In Somalia, troops killed the militants"
        return best[1]

    def nearest_collective(self, word: str) -> Actor | None:
        """The document's collective actor of the kind ``word`` names ("junta" minister)."""
        spec = vocab.collective_nouns()[word]
        for actor in self.table.actors:
            if actor.key.startswith("group:") and actor.kind == spec["kind"]:
                return actor
        return None

    # -- organisations and countries --------------------------------------------------------
    def add_org(self, start: int, end: int) -> Actor | None:
        actor = self._add_org(start, end)
        if self.organs:
            self.forget_organ(actor, self.doc[start:end].text)
        return actor

    def _add_org(self, start: int, end: int) -> Actor | None:
        span = self.doc[start:end]
        tokens = [t for t in span if t.dep_ != "det" and t.text not in ("'s", "’s")]
        if not tokens:
            return None
        name = self.text[tokens[0].idx:tokens[-1].idx + len(tokens[-1])]
        if "(" in name and ")" not in name:  # "Allied Democratic Forces (ADF": the model cut the acronym off
            name = name.split("(")[0].strip()
        if not name_key(name):
            return None
        organisation = self.organ_of(start, end, name)
        if organisation is not None:
            return organisation
        met = vocab.metonyms().get(name.lower()) or _metonym_after_country(name)
        if met:
            owner = next((c for c in self.doc[end - 1].children if c.dep_ in ("poss", "amod") and c.i < start), None)
            own = owner is not None and countries.country_code(owner.text)
            if own and own != met["country"]:  # "Peru's Congress" is Peru's, not the one on Capitol Hill
                actor = self.table.get_or_add(f"org:{own.lower()}:{name_key(name)}", name, met["kind"], own,
                                              met["sector"])
                self.table.mention(actor, start, end)
                return actor
            actor = self.table.get_or_add("org:" + name_key(name), name, met["kind"], met["country"], met["sector"])
            self.table.mention(actor, start, end)
            return actor
        igo = countries.igo(name)
        if igo:
            actor = self.table.get_or_add("igo:" + igo["key"], igo["name"], "igo", None, "IGO")
            self.table.mention(actor, start, end)
            return actor
        if len(tokens) == 1 and tokens[0].text.isupper():
            for actor in self.table.actors:  # an acronym of an organisation named before
                if actor.kind != "person" and _acronym(actor.name) == tokens[0].text:
                    self.table.mention(actor, start, end)
                    return actor
        if len(tokens) <= 3:
            words = name_key(name).split()
            for actor in reversed(self.table.actors):  # a surname the model took for an organisation
                # ("Chin'ono", "López Obrador" after "Andrés Manuel López Obrador")
                if actor.kind == "person" and words and name_key(actor.name).split()[-len(words):] == words:
                    self.table.mention(actor, start, end)
                    return actor
        if len(tokens) == 1 and tokens[0].text in vocab.common_acronyms():
            return None  # "LNG", "GDP": a thing the model took for an organisation
        if _model_designation(tokens):
            return None  # "a Russian Mi-24 helicopter", "F-16s": a make of weapon, not an organisation
        head = tokens[-1].lemma_.lower()
        party_congress = head == "congress" and len(tokens) >= 3 and not any(
            t.like_num or t.ent_type_ in ("ORDINAL", "DATE") for t in tokens)  # "the African National Congress",
        # "the All Progressives Congress" are parties; "the 20th Party Congress" is a gathering
        if (head in vocab.gathering_heads() or tokens[-1].lower_ in vocab.gathering_heads()) and not party_congress:
            return None  # "the Eastern Economic Forum" is where actors meet, not an actor
        if head in vocab.instrument_heads() or tokens[-1].lower_ in vocab.instrument_heads():
            return None  # "the Treaty on Good-Neighbourliness" is what actors sign
        spec = vocab.organisation_heads().get("party" if party_congress else head) \
            or vocab.organisation_heads().get(tokens[-1].lower_)
        kind = spec["kind"] if spec else "organisation"
        sector = spec["sector"] if spec else None
        country = next((c for t in tokens if (c := countries.country_code(t.text))), None)
        owned = False  # the state is the name's possessor ("Japan's Defence Ministry"), not in the name
        if country is None:  # "Iran's Revolutionary Guards", "the Revolutionary Guards of Iran"
            head_tok = self.doc[end - 1]
            owner = next((c for h in self.doc[start:end] for c in h.children
                          if c.dep_ == "poss" and c.i < start), None)  # "China's Ministry of State Security"
            if owner is not None:
                ent = entity_at(owner)
                country = countries.country_code(ent.text if ent is not None else owner.text)
                known = self.table.at(owner.i)  # "the island nation's defence ministry"
                country = country or (known.country if known is not None and known.kind == "country" else None)
                owned = country is not None
            before = self.doc[start - 1] if start > 0 else None
            if country is None and kind in ("government", "military", "police") and before is not None \
                    and before.dep_ in ("amod", "compound") and start <= before.head.i < end \
                    and before.ent_type_ in ("NORP", "GPE"):
                said = entity_at(before)  # the whole word: not "pro-Russian"
                country = countries.country_code(said.text if said is not None else before.text)  # "the Spanish
                owned = country is not None  # [Interior Ministry]": the model left the nationality out of the name
            country = country or self.country_of_phrase(head_tok)
        if country is None and tokens[-1].lower_ in vocab.facility_heads():  # "Sittwe Naval Base"
            for t in tokens[:-1]:
                place = gazetteer().lookup(t.text) if t.is_title else None
                if place is not None and place.country:
                    country = place.country
                    break
        if kind == "igo" and country:
            kind, sector = "organisation", sector if sector != "IGO" else None
        if len(tokens) == 1 and len(key := name_key(name)) > 3:  # "the Houthis" after "Houthi rebels": one group
            twin = self.table.by_key.get("org:" + (key[:-1] if key.endswith("s") else key + "s"))
            if twin is not None and twin.kind in ("organisation", "armed-group"):
                self.table.mention(twin, start, end)
                return twin
        actor = self.state_body(name, kind, country, sector, owned)
        self.table.mention(actor, start, end)
        return actor

    def organ_of(self, start: int, end: int, name: str) -> Actor | None:
        """ "The Board of Governors of the IAEA", "the Peace and Security Council of the African Union":
        an organ acts as the organisation it belongs to, and a bare "the Board" after it is that
        organisation again, until another body of that name is told. An organ we list by its own name
        stays itself ("the Security Council of the United Nations", "the Council of Europe")."""
        root = self.doc[start:end].root
        head = root.lower_
        if head not in vocab.organ_heads() or not root.is_title:
            return None
        found = _organ_owner(root)
        if found is None:
            owner_actor = self.organ_names.get(name_key(name))  # "the Committee of Ministers" again
            if owner_actor is None and _bare(root) and not any(c.dep_ == "prep" for c in root.children) \
                    and countries.igo(name) is None:
                owner_actor = self.organs.get(head)  # "the Board" alone, after an organ so named (not "the
            if owner_actor is None:  # Council of Europe", "the Board of Trade", "the Constitutional Court")
                return None
        else:
            owner, named_until = found
            named = [t for t in self.doc[start:root.i + 1] if t.dep_ != "det"]
            own = countries.igo(name) or (countries.igo(self.doc[named[0].i:root.i + 1].text) if named else None)
            if own is not None and name_key(owner["name"]) in name_key(own["name"]):
                owner = own  # "the Security Council of the United Nations", "the Council of the European
                # Union": an organ we list by its own name
            owner_actor = self.table.get_or_add("igo:" + owner["key"], owner["name"], "igo", None, "IGO")
            self.organs[head] = owner_actor
            own_name = name_key(" ".join(t.text for t in self.doc[start:named_until] if t.dep_ != "det"))
            if len(own_name.split()) > 1:  # "the Committee of Ministers [of the Council of Europe]"
                self.organ_names[own_name] = owner_actor
        self.table.mention(owner_actor, start, end, alias=False)  # "Authority" names no organisation
        return owner_actor

    def forget_organ(self, actor: Actor | None, name: str) -> None:
        """Another body named with an organ's head word ("Hungary's Constitutional Court", "the UN
        Security Council"): a bare "the Court" / "the Council" no longer means the organ (the other rules
        of references read it, as if no organ had been named)."""
        for word in set(name_key(name).split()) & self.organs.keys():  # (or "the Court of Appeal in Lagos")
            if self.organs[word] is not actor:
                del self.organs[word]

    def state_body(self, name: str, kind: str, country: str | None, sector: str | None, owned: bool) -> Actor:
        """The actor of an organisation's name. A state body named with its owner is that state's own
        ("Japan's Defence Ministry" and "South Korea's Defence Ministry" are two ministries); the name
        alone is the one named last ("the Defence Ministry" after them), and a body named alone before
        its owner is told is that owner's ("the Defence Ministry said ... Russia's Defence Ministry")."""
        plain = "org:" + name_key(name)
        if owned and country and kind in ("government", "military", "police"):
            key = f"org:{country.lower()}:{name_key(name)}"
            earlier = self.table.by_key.get(plain)
            if key not in self.table.by_key and earlier is not None and earlier.country is None \
                    and ((dateline := find_dateline(self.text)) is None or dateline.country in (None, country)):
                # not "KYIV - The Defence Ministry said ... Russia's Defence Ministry denied": Kyiv's own spoke
                earlier.country = country  # the same body, its owner now told
                self.table.by_key[key] = earlier
            return self.table.get_or_add(key, name, kind, country, sector)
        if country is None and plain not in self.table.by_key:
            owned_body = next((a for a in reversed(self.table.actors) if a.key.startswith("org:")
                               and a.key.endswith(":" + name_key(name)) and a.key != plain), None)
            if owned_body is not None:
                return owned_body
        return self.table.get_or_add(plain, name, kind, country, sector)

    def add_gpe(self, ent: Span) -> Actor | None:
        text = ent.text
        code = countries.country_code(text)
        if code:
            actor = self.table.country_actor(code)
            self.table.mention(actor, ent.start, ent.end)
            return actor
        met = vocab.metonyms().get(name_key(text))
        if met:
            return self.add_org(ent.start, ent.end)
        return None  # a city or region: a place, not an actor (events decide if it stands for one)

    # -- collective nouns ---------------------------------------------------------------------
    def add_collective(self, head: Token, spec: dict[str, str], phrase: str) -> Actor:
        mods = _left_modifiers(head)
        if head.dep_ == "compound" and head.head.lower_ in vocab.unit_nouns():  # "Chinese coast guard vessels"
            mods += [t for t in _left_modifiers(head.head) if t.i < head.i and t not in mods and t.i != head.i]
        cut = max((t.i for t in mods if t.dep_ in ("cc", "conj")), default=-1)
        mods = [t for t in mods if t.i > cut]  # "the Congolese government and M23 rebels": not the government's words
        start = min([t.i for t in mods] + [head.i])
        country = _country_of_modifiers([t for t in mods if t.dep_ != "det"])
        if country is None:  # "the island nation's defence ministry": a reference resolved before
            country = next((a.country for t in mods if (a := self.table.at(t.i)) is not None
                            and a.kind == "country"), None)
        if country is None:
            country = self.country_of_phrase(head)
        kind, sector = spec["kind"], spec["sector"]
        earlier = self.same_noun_before(head, mods)
        if earlier is not None:  # "EU foreign ministers met ... The ministers agreed": the same people
            self.table.mention(earlier, start, head.i + 1, alias=False)
            return earlier
        if kind in ("armed-group", "military"):  # "RSF fighters", "Hezbollah militants": the group itself
            named = next((a for t in mods if (a := self.table.at(t.i)) is not None and not a.key.startswith("group:")
                          and a.kind in ("armed-group", "organisation", "military", "igo")), None)  # "the OPEC cartel"
            if named is not None:
                self.table.mention(named, start, head.i + 1, alias=False)
                return named
            proper = [t for t in mods if t.i < head.i and self.table.at(t.i) is None
                      and not countries.country_code(t.text)
                      and ((t.pos_ == "PROPN" and t.ent_type_ != "NORP") or (t.text.isupper() and len(t.text) > 1)
                           or (t.ent_type_ == "NORP" and _known_group(t.text)))]  # "M23", "RSF", "Houthi";
            # not "Kurdish", "Sunni" or "Islamist": a people or a creed names no one group
            if country is None and proper and proper[-1].i - proper[0].i + 1 == len(proper):
                # "M23 rebels", "Houthi fighters": the group they belong to, named by the text
                group = self.add_org(proper[0].i, proper[-1].i + 1)
                if group is not None and group.kind in ("organisation", "armed-group") and group.country is None:
                    if group.kind == "organisation" and group.sector is None:
                        group.kind, group.sector = "armed-group", "REB"
                    self.table.mention(group, start, head.i + 1, alias=False)
                    return group
        if kind == "armed-group" and country is None and head.tag_ == "NNS" \
                and any(t.dep_ == "det" and t.lower_ == "the" for t in mods) and not any(
                    c.dep_ in ("relcl", "acl") or (c.dep_ == "prep" and c.lower_ in ("behind", "from"))
                    for c in head.children):
            named = self.armed_group_before(head)
            if named is not None:  # "al-Shabaab claimed the raid ... the militants struck again": the group
                self.table.mention(named, start, head.i + 1, alias=False)  # named last, in the last sentences
                return named  # (not "its fighters", whose owner "its" says; not "the militants behind X")
        bloc = next((b for t in mods if t.text in vocab.bloc_adjectives()
                     and (b := self.add_bloc(vocab.bloc_adjectives()[t.text], t.i)) is not None), None)
        if bloc is None and country is None and kind in ("government", "military"):
            # "EU foreign ministers", "ASEAN leaders": the organisation's own people
            bloc = next((a for t in mods if (a := self.table.at(t.i)) is not None and a.kind == "igo"), None)
            if bloc is None:
                bloc = next((self.add_org(t.i, t.i + 1) for t in mods if t.pos_ == "PROPN"
                             and (org := countries.igo(t.text)) is not None and org["kind"] in ("igo", "bloc")), None)
        if bloc is not None and country is None:  # "Western governments" are the West
            self.table.mention(bloc, start, head.i + 1, alias=False)
            return bloc
        owner = next((a for t in mods if (a := self.table.at(t.i)) is not None
                      and a.kind in ("government", "person")), None)  # "junta media", "Ruto's government"
        style = _style([t.lower_ for t in mods] + phrase.split()) if kind == "government" else ""
        pronoun_owned = any(t.tag_ == "PRP$" for t in mods)  # "their embassies": whose is the pronoun's to say
        guess = False
        leader = self.leader_named_in(mods) if kind == "government" and owner is None else None
        day = _day(self.table.published)
        if country is None and leader is not None and day is not None:  # "Trump administration officials" in
            holders = petrarch.office_holders_named(leader.text, day)  # 2019: the one state a holder of that
            country = next(iter(holders)) if len(holders) == 1 else None  # name then led
        named_after = leader is not None or self.owned_by_person(head, mods)
        if country is None and not pronoun_owned and not named_after:  # a leader's government is never the
            # last government named, nor the article's most named state
            for prev in reversed(self.table.actors):  # "the junta" after "the Myanmar junta"
                if kind in ("government", "military") and prev.kind == kind and prev.country \
                        and prev.key.startswith("group:") and (prev.sector == "LEG") == (sector == "LEG") \
                        and (kind != "government" or _style(prev.key.split(":")) == style):
                    country = prev.country
                    guess = True
                    break
                if kind in DOMESTIC_KINDS and prev.kind == kind and prev.country and prev.key.startswith("org:"):
                    # the force named before, weighed where police are placed (resolve_pending_countries)
                    self.named_forces.setdefault(_force_word(phrase), prev.country)
        key = _group_key(kind, sector, country, style, phrase)
        if pronoun_owned and country is None and kind in ("government", "military") + DOMESTIC_KINDS:
            key += f"@{head.i}"  # "its parliament" is its owner's, not the other unplaced "Interior Minister"'s
            # state: one actor each until their states are known (finalise_collectives merges twins)
        actor = self.table.get_or_add(key, phrase, kind, country, sector)
        if head.dep_ == "compound" and head.head.ent_type_ == "PERSON":
            self.person_titles.add(id(actor))  # "Interior Minister Jean Dupuis"
        if guess:
            self.guessed_at.update(range(start, head.i + 1))
        if country is None and kind in ("government", "police") and head.lemma_.lower() not in MISSION_NOUNS \
                and not any(t.dep_ == "poss" or t.tag_ == "PRP$" for t in mods):  # not "its Kyiv embassy"
            hint = _place_modifier([t for t in mods if t.dep_ in ("compound", "amod")], police=kind == "police")
            if hint is not None:
                self.place_hints[id(actor)] = hint
        if owner is not None and owner is not actor and country is None:
            self.affiliations.append((actor, owner))
        self.table.mention(actor, start, head.i + 1)
        both = any(c.dep_ == "prep" and c.lower_ in ("of", "from") and any(
            p.dep_ == "pobj" and any(d.lower_ in ("both", "two") for d in p.children) for p in c.children)
            for c in head.children)  # "officers from both sides": the two sides, no one country
        foreign = any(t.lower_ in ("foreign", "unnamed", "unidentified", "third") for t in mods) \
            and head.lemma_.lower() not in ("ministry", "minister", "office", "service", "affairs", "policy")
        if country is None and owner is None and not both and not foreign and not named_after:  # "a foreign
            self.collective_pending.append((actor, head))
        elif country is None:
            self.unplaceable.add(id(actor))  # "foreign forces", "officers from both sides": whose, no twin says
        return actor

    @staticmethod
    def office_ended(tokens: list[Token], title: str) -> bool:
        """Whether a description says its title is no longer held: "former" (or "ex", "late") on the
        title or on the name ("Kyrgyz former president", "ex-President"); not "the former Soviet
        republic's president", where "former" is the country's."""
        titled = {w.lower() for w in title.split()}
        ended = vocab.cue_words("offices", "ended")
        return any(t.lower_ in ended and (t.head.lower_ in titled or t.head.pos_ == "PROPN") for t in tokens)

    def leader_named_in(self, mods: list[Token]) -> Token | None:
        """The surname a government is named after ("Trump administration officials", "the Sanchez
        government"): a capitalised modifier that no actor holds and that the dictionaries list as a
        person's last name."""
        return next((t for t in mods if (t.pos_ == "PROPN" or t.is_title) and t.dep_ in ("compound", "amod", "nmod")
                     and self.table.at(t.i) is None and not countries.country_code(t.text)
                     and petrarch.is_known_surname(t.text)), None)

    def owned_by_person(self, head: Token, mods: list[Token]) -> bool:
        """Whether a collective is a person's: "Ruto's government", "the Kennedy administration"."""
        leaders_own = head.lemma_.lower() in vocab.cue_words("offices", "governments")
        for t in mods:
            actor = self.table.at(t.i)
            if actor is not None and actor.kind == "person" and (t.dep_ == "poss" or leaders_own):
                return True
        return False

    def same_noun_before(self, head: Token, mods: list[Token]) -> Actor | None:
        """The actor a bare definite plural ("the ministers", "the 27 leaders") points back at: the
        latest earlier mention, a few sentences back at most, whose head is the same noun."""
        if head.tag_ != "NNS" or not mods or any(
                t.dep_ not in ("det", "nummod") or (t.dep_ == "det" and t.lower_ not in ("the", "these", "those"))
                for t in mods) or not any(t.dep_ == "det" for t in mods):
            return None
        if any(c.dep_ == "prep" and c.lower_ in ("of", "from") for c in head.children):
            return None  # "the ministers of Brazil and India" say whose they are
        floor = sentences(self.doc)[max(0, sentence_index_of(self.doc, head.i) - 4)].start
        for i in range(head.i - 1, floor - 1, -1):
            tok = self.doc[i]
            if tok.lower_ != head.lower_:
                continue
            for t in [tok] + [c for c in tok.children if c.dep_ in ("compound", "amod", "poss")]:
                actor = self.table.at(t.i)
                if actor is None and t is not tok and t.ent_type_ in ("NORP", "GPE") \
                        and (code := countries.country_code(t.text)):
                    actor = self.table.country_actor(code)  # "Chinese officials ... the officials"
                if actor is not None and (actor.country or actor.kind == "igo"):
                    return actor
        return None

    def country_of_phrase(self, head: Token) -> str | None:
        """The country a noun phrase's own prepositions give it: "the government of South Sudan",
        "police in Nairobi" (a place's country), "officials from Ghana"."""
        owned = any(c.dep_ == "poss" for c in head.children)  # "its embassy in Damascus": not Syria's
        for c in head.children:
            if c.dep_ != "prep" or c.lower_ not in (LOCATING_PREPS | {"of"} if not owned else {"of"}):
                continue
            for p in c.children:
                if p.dep_ != "pobj":
                    continue
                ent = entity_at(p)
                # a name the model did not tag runs through its compounds ("Novi Sad")
                text = ent.text if ent is not None else " ".join(
                    t.text for t in p.lefts if t.dep_ == "compound" and t.pos_ == "PROPN") + " " + p.text
                text = text.strip()
                code = countries.country_code(text)
                if code is None and c.lower_ in LOCATING_PREPS and (p.ent_type_ in ("GPE", "LOC") or p.pos_ == "PROPN"):
                    place = gazetteer().lookup(text)
                    code = place.country if place is not None else None
                if code:
                    return code
        return None

    def link_family_names(self) -> None:
        """A lone "Kim" or "Xi" after "Kim Jong Un" or "Xi Jinping": the family name, written first in
        those countries' names, is the person once their country is known (not "Joe" for Biden)."""
        full = [a for a in self.table.actors if a.kind == "person" and a.country in FIRST_WORD_NAMED
                and len(a.name.split()) > 1]
        for short in [a for a in self.table.actors if len(a.name.split()) == 1 and (a.kind == "person" or (
                a.kind == "organisation" and a.country is None and a.key.startswith("org:")))]:  # (the model
            # takes "Wang" for an organisation now and then)
            kept = next((a for a in full if short_name_of(a, name_key(short.name))), None)
            if kept is not None:
                self.table.fold(short, kept)

    def link_given_names(self) -> None:
        """A lone "Prabowo" or "Lula" that no model took for this person (often for a place, or for
        nothing) once the full name's country says people there go by that name; only a word no
        actor holds and no place or country is named by, and only where one person fits."""
        people = [a for a in self.table.actors if a.kind == "person" and a.country in GIVEN_NAME_USED]
        if not people:
            return
        for tok in self.doc:
            if tok.pos_ != "PROPN" or not tok.is_title or tok.i in self.table.by_token \
                    or countries.country_code(tok.text) or tok.ent_type_ in ("DATE", "TIME", "NORP") \
                    or _named_place(tok.text):
                continue  # "Washington" stays the city, whoever is called Washington Reis
            if any(n.pos_ == "PROPN" for n in self.doc[max(tok.i - 1, 0):tok.i + 2] if n.i != tok.i):
                continue  # part of a longer name
            key = name_key(tok.text)
            fits = [a for a in people if short_name_of(a, key)
                    and min(m.start for m in a.mentions) < tok.idx]
            if len(fits) == 1:
                self.table.mention(fits[0], tok.i, tok.i + 1)

    def finalise_collectives(self) -> None:
        """Name collectives after their country and merge those that turned out to be one actor."""
        self.join_owned_twins()
        for actor in list(self.table.actors):
            if not actor.key.startswith("group:"):
                continue
            _, kind, sector, _, style, phrase = actor.key.split(":", 5)
            phrase = OWNED_MARK.sub("", phrase)
            key = _group_key(kind, sector, actor.country, style, phrase)
            actor.name = _group_name(actor, style, phrase)
            if key == actor.key:
                continue
            kept = self.table.by_key.get(key)
            if kept is None:
                del self.table.by_key[actor.key]
                actor.key = key
                self.table.by_key[key] = actor
                continue
            self.table.fold(actor, kept)

    def collective_phrase(self, tok: Token) -> tuple[str, dict[str, str]] | None:
        if tok.pos_ not in ("NOUN", "PROPN") or tok.ent_type_ in ("PERSON", "ORG", "GPE"):
            return None
        table = vocab.agent_nouns()
        prev = self.doc[tok.i - 1] if tok.i > 0 else None
        if prev is not None and f"{prev.lower_} {tok.lower_}" in table:
            return f"{prev.lower_} {tok.lower_}", table[f"{prev.lower_} {tok.lower_}"]
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in vocab.titles():
            return None  # "head of government", "minister of defence": part of a title
        if _counted_people(tok):
            return "people", {"kind": "group", "sector": "CVL"}
        if tok.lower_ in table:
            if tok.lower_ in vocab.unit_nouns() and any(c.dep_ in ("compound", "amod") and c.lower_ in table
                                                         for c in tok.children):
                return None  # "police units": the police, read at its modifier
            if tok.lower_ in vocab.unit_nouns() and not any(
                    c.dep_ in ("compound", "amod") and countries.country_code(c.text) for c in tok.children):
                return None  # "Tajik units" are forces; "settlement units", "rescue units" are not
            if tok.dep_ in ("compound", "amod") and tok.head.lower_ not in table \
                    and tok.head.lower_ not in vocab.unit_nouns():
                return None  # "junta media", "military support": a modifier, not an actor
            if tok.dep_ == "compound" and tok.head.i == tok.i + 1 and table[tok.lower_]["kind"] == "group" \
                    and f"{tok.lower_} {tok.head.lower_}" in table:
                return None  # "opposition lawmakers": one actor, read at its head (not "police officers")
            return tok.lower_, table[tok.lower_]
        return None

    # -- the pass -----------------------------------------------------------------------------
    def run(self) -> ActorTable:
        doc = self.doc
        ents = {e.start: e for e in entities(doc)}
        i = 0
        dateline = DATELINE.match(self.text)
        if dateline:  # "GENEVA –" says where the report was filed, not who acted
            while i < len(doc) and doc[i].idx < dateline.end(0):
                i += 1
        while i < len(doc):
            ent = ents.get(i)
            if ent is not None and ent.label_ not in ("ORG", "PERSON", "NORP") and ent.root.pos_ == "PROPN" \
                    and not countries.country_code(ent.text) and countries.igo(ent.text) is not None:
                self.add_org(ent.start, ent.end)  # an organisation we know, the model took for a place ("the
                i = ent.end  # Mercosur trade bloc")
                continue
            if ent is not None and ent.label_ in ACTOR_LABELS:
                i = self.take_entity(ent)
                continue
            if ent is not None and ent.root.pos_ == "PROPN" and countries.country_code(ent.text):
                self.add_gpe(ent)  # a country the model mislabelled ("Niger" as a date)
                i = ent.end
                continue
            if ent is not None and ent.label_ in MISTAKEN_NAME_LABELS and len(ent) == 1 \
                    and (known := self.person_by_surname(ent.text)) is not None:
                self.mention_person(known, ent.start, ent.end)  # "called for Chin'ono to be freed": the
                # surname taken for a product
                i = ent.end
                continue
            if ent is not None and ent.label_ in MISTAKEN_NAME_LABELS and len(ent) > 1 \
                    and (listed_as := petrarch.lookup_actor(ent.text)) is not None and listed_as.kind == "person":
                self.add_person(ent.start, ent.end)  # "Manasseh Sogavare" taken for a product: the dictionaries
                i = ent.end  # know him
                continue
            tok = doc[i]
            if tok.is_upper and len(tok) > 1 and not tok.ent_type_ and i not in self.table.by_token:
                known = next((a for a in self.table.actors if a.kind not in ("person", "country")
                              and (_acronym(a.name) == tok.text or tok.text in a.aliases)), None)
                if known is not None:  # "the EEC" where the model saw no entity
                    self.table.mention(known, i, i + 1)
                    i += 1
                    continue
                if countries.igo(tok.text) is not None:  # "ECOWAS demanded ...": an organisation we know
                    self.add_org(i, i + 1)
                    i += 1
                    continue
                if _unknown_acronym_actor(tok) and self.add_org(i, i + 1) is not None:
                    i += 1  # "accused the GRU of attacks": an organisation the model did not tag
                    continue
            if tok.lower_ in vocab.organ_heads() and tok.pos_ in ("NOUN", "PROPN") and not tok.ent_type_ \
                    and i not in self.table.by_token:
                if tok.is_title and self.organ_of(i, i + 1, tok.text) is not None:
                    i += 1  # "The Authority of Heads of State ... of ECOWAS", untagged: that organisation
                    continue
                if tok.lower_ in self.organs and not _bare(tok):
                    del self.organs[tok.lower_]  # "the military council in Khartoum": another council now
            if tok.pos_ in _NEVER_NAMES:
                i += 1  # every test below wants a noun, a name or an adjective
                continue
            if tok.pos_ == "PROPN" and tok.is_title and not tok.ent_type_ and i not in self.table.by_token:
                end = next((j for j in range(min(len(doc), i + 6), i + 1, -1)
                            if doc[j - 1].pos_ in ("PROPN", "NUM") and countries.igo(doc[i:j].text)), None)
                if end is not None:  # "the Group of Seven": a known organisation the model did not see
                    self.add_org(i, end)
                    i = end
                    continue
            if tok.pos_ == "PROPN" and not tok.ent_type_ and i not in self.table.by_token and _known_group(tok.text):
                self.add_org(i, i + 1)  # "Hezbollah fighters", "RSF units": a group the model left unnamed
                i += 1
                continue
            if tok.pos_ == "PROPN" and tok.is_title and not tok.ent_type_ and i not in self.table.by_token \
                    and (i + 1 == len(doc) or doc[i + 1].pos_ != "PROPN") and not self.is_vocab(tok):
                known = self.person_by_surname(tok.text)
                if known is not None:  # "Sall himself congratulated ...": the model tagged him once only
                    self.mention_person(known, i, i + 1)
                    i += 1
                    continue
            if tok.pos_ == "PROPN" and tok.is_title and not tok.ent_type_:
                j = i
                while j < len(doc) and doc[j].pos_ == "PROPN" and not doc[j].ent_type_ and doc[j].is_title:
                    j += 1
                last = doc[j - 1].lower_
                if j - i >= 2 and last in vocab.organisation_heads():
                    self.add_org(i, j)  # an unlabelled organisation name ("Sittwe Naval Base")
                    i = j
                    continue
                if 2 <= j - i <= 4 and (j == len(doc) or doc[j].pos_ != "PROPN") \
                        and (listed := petrarch.lookup_actor(run := doc[i:j].text)) is not None \
                        and listed.kind == "person" \
                        and set(name_key(listed.actor_id).split()) >= set(name_key(run).split()) \
                        and doc[j - 1].lower_ not in vocab.geographic_heads() \
                        and doc[j - 1].lower_ not in vocab.organisation_heads() \
                        and name_key(run) not in vocab.metonyms():
                    # a leader the model did not tag ("Xi Jinping received ..."), by the dictionary's own name
                    # (not one of its aliases: "White House" stands for a president there)
                    self.add_person(i, j)
                    i = j
                    continue
            if self.link_org_reference(tok):
                i += 1
                continue
            if tok.text in vocab.bloc_adjectives() and tok.dep_ == "amod" and tok.head.pos_ == "NOUN" \
                    and i not in self.table.by_token:  # "Western criticism", "Western governments"
                self.add_bloc(vocab.bloc_adjectives()[tok.text], i)
            if tok.text in HALF_NAMES and i > 0 and doc[i - 1].lower_ == "the":
                self.half_names.append(tok)  # "the North": resolved once every country is known
            if tok.tag_ == "NNS" and tok.lemma_.lower() in vocab.pair_heads() and i not in self.table.by_token \
                    and (earlier := self.same_noun_before(tok, _left_modifiers(tok))) is not None:
                self.table.mention(earlier, tok.left_edge.i, i + 1, alias=False)  # "the 27 leaders"
                i += 1
                continue
            found = self.collective_phrase(tok)
            if found is not None and tok.dep_ in ("appos", "attr", "oprd") and any(
                    d.dep_ == "det" and d.lower_ in ("a", "an") for d in tok.children):
                found = None  # "called Xi a dictator", "is a regime": what someone is called, not an actor
            if found is not None and i not in self.table.by_token:
                body = _international_body_after(tok)
                if body is not None:
                    self.staff.append((tok, found, body))
                else:
                    self.add_collective(tok, found[1], found[0])
            elif tok.lower_ in vocab.titles() and tok.dep_ not in MODIFIER_DEPS and (
                    tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and not tok.ent_type_ and i > 0
                                           and doc[i - 1].lower_ == "the")):  # "thanked the Chancellor"
                self.title_tokens.append(tok)
            i += 1
        for tok, found, body in self.staff:
            self.link_staff(tok, found, body)
        for actor, start, end in self.person_mentions:
            self.read_person_context(actor, start, end)
            for at, (title, sector) in self.leading_titles:
                if at == start and all(r.title != title for r in actor.roles):
                    actor.roles.append(Role(title=title, seen=self.table.published))
                    actor.sector = actor.sector or sector
        self.apply_known_actors()
        self.link_family_names()
        self.link_given_names()
        for tok in self.half_names:
            self.link_half_name(tok)
        for tok in self.title_tokens:
            self.link_title(tok)
        self.link_weapon_owners()
        self.resolve_pending_countries()
        self.finalise_collectives()
        return self.table

    def join_owned_twins(self) -> None:
        """An unplaced collective ("the army", "the ministry") is the one a pronoun owns elsewhere ("its army")
        when that one was placed and is the only one of its kind placed so: "Chad said its army would
        withdraw ... Nigeria urged the army to stay". Not an office title before a person's name ("Interior
        Minister Jean Dupuis"), whose state no other body's owner tells."""
        for plain in self.table.actors:
            if plain.country or not plain.key.startswith("group:") or OWNED_MARK.search(plain.key) \
                    or plain.kind not in ("government", "military") \
                    or id(plain) in self.person_titles or id(plain) in self.unplaceable:
                continue  # (police are placed by their scene, later)
            states = {a.country for a in self.table.actors
                      if a.country and a.key.startswith(plain.key + "@")}
            if len(states) == 1:
                plain.country = states.pop()

    def link_staff(self, tok: Token, found: tuple[str, dict[str, str]], body: Span) -> None:
        """Judges, prosecutors or inspectors "at"/"of"/"from" an international body speak and act for it
        ("Judges at the International Criminal Court rejected ..."), not for the story's state."""
        actor = next((a for t in body if (a := self.table.at(t.i)) is not None), None)
        if actor is None or actor.kind == "person" or actor.country is not None:
            self.add_collective(tok, found[1], found[0])
            return
        start = min([t.i for t in _left_modifiers(tok)] + [tok.i])
        self.table.mention(actor, start, tok.i + 1, alias=False)

    def link_weapon_owners(self) -> None:
        """ "Houthi drones struck their position", "a Hezbollah rocket": a weapon named after a group the
        story names elsewhere (by that name, or its plural) is that group's; a name no group of the story
        holds ("Shahed drones") stays a make, and a town's ("a Hama strike") the place struck."""
        weapons = vocab.modality_words()["weapon_nouns"]
        groups = {name_key(a.name): a for a in self.table.actors
                  if a.kind in ("armed-group", "organisation") and a.key.startswith("org:")}
        for tok in self.doc:
            if tok.pos_ != "PROPN" or tok.dep_ not in ("compound", "amod") or tok.i in self.table.by_token \
                    or tok.head.lemma_.lower() not in weapons or gazetteer().lookup(tok.text) is not None:
                continue
            word = name_key(tok.text)
            group = groups.get(word) or groups.get(word + "s")
            if group is not None:
                self.table.mention(group, tok.i, tok.i + 1, alias=False)

    def titled_before(self, ent: Span) -> bool:
        """Whether a title or honorific stands right before an entity ("Senator Jordan")."""
        if ent.start == 0:
            return False
        prev = self.doc[ent.start - 1].lower_.rstrip(".")
        return prev in vocab.titles() or prev in vocab.honorifics()

    def titled_name(self, ent: Span) -> bool:
        """Whether an ORG span is really a person's name: an office title or honorific right before
        it, and no word of it that heads organisation names."""
        if ent.start == 0 or len(ent) > 4 or any(not t.is_title for t in ent if t.is_alpha):
            return False
        prev = self.doc[ent.start - 1].lower_.rstrip(".")
        if prev not in vocab.titles() and prev not in vocab.honorifics():
            return False
        heads = vocab.organisation_heads()
        return not any(t.lower_ in heads or t.lemma_.lower() in heads or t.lower_ in vocab.gathering_heads()
                       or countries.country_code(t.text) or countries.igo(t.text) for t in ent)

    def take_entity(self, ent: Span) -> int:
        label = ent.label_
        text = ent.text
        if ent[-1].lower_ in vocab.geographic_heads():
            return ent.end  # "Escoda Shoal" (whatever the model calls it): a place, not an actor
        if label in ("NORP", "GPE") and aligned_with(ent[-1]):
            return ent.end  # "pro-Iranian militias": a stance, no state acting
        if label != "PERSON" and len(ent) == 1:
            for actor in reversed(self.table.actors):  # "Modi" tagged as a place after "Narendra Modi"
                if short_name_of(actor, name_key(text)):
                    self.table.mention(actor, ent.start, ent.end)
                    return ent.end
        if label in ("PERSON", "ORG") and len(ent) == 1 and ent[0].lower_ in vocab.titles() \
                and any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in ent.root.children):
            self.title_tokens.append(ent[0])  # "Qatar's Emir, Sheikh Tamim ...": a title, the name follows
            return ent.end
        if label == "PERSON" and len(ent) > 2 and ent[-1].lower_ in vocab.facility_heads() \
                and ent[-2].lower_ in FACILITY_KINDS:
            label = "FAC"  # "Eindhoven Air Base" tagged as a person: a place named after a town (not
            # "Dave Camp" or "Robert Plant")
        if label == "PERSON":
            known_person = any(name_key(text) in name_key(a.name).split() for a in self.table.actors
                               if a.kind == "person")
            if countries.country_code(text) and not known_person and not self.titled_before(ent):
                self.add_gpe(ent)  # "Burkina Faso" tagged as a person; not "Senator Jordan"'s surname
                return ent.end
            root = ent.root
            in_place_prep = root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPS
            # one word anywhere; "by a protester in Wan Chai" only where a preposition places it
            # (by its own name only: "Lula", an old name of Luleå, is a person)
            place = own_place(text) if len(ent) == 1 or (in_place_prep and len(ent) <= 3) else None
            placed = place is not None and (place.feature == "country" or in_place_prep
                or (root.dep_ == "dobj" and root.head.lemma_ in ("visit", "tour", "reach", "leave")))
            if placed and not known_person:
                return ent.end  # the model's error: a city tagged as a person ("visited Naypyitaw")
            known = petrarch.lookup_actor(text) if len(ent) == 1 and not known_person else None
            if known is not None and known.kind == "country" and (code := known.country_on(_day(self.table.published))):
                self.table.mention(self.table.country_actor(code), ent.start, ent.end)
                return ent.end  # a capital tagged as a person ("blamed Kyiv"): the dictionary knows it
            if not known_person and not self.titled_before(ent) and _listed_group_name(text):
                self.add_org(ent.start, ent.end)  # "Al-Shabaab" tagged as a person: the dictionary's name of
                return ent.end  # a group (not "Nasrallah", filed under his movement; not "Osama bin Laden")
            s, e = self.person_span(ent)
            self.add_person(s, e)
            return e
        if label == "GPE" or (label == "NORP" and ent.root.pos_ in ("PROPN", "NOUN")
                              and ent.root.dep_ not in MODIFIER_DEPS):
            root = ent.root
            if self.add_gpe(ent) is None and label == "GPE" and len(ent) == 1 and root.pos_ == "PROPN" \
                    and gazetteer().lookup(text) is None and petrarch.lookup_actor(text) is None \
                    and (root.dep_ in ("nsubj", "nsubjpass", "dobj")
                         or (root.dep_ == "pobj" and root.head.lower_ in ("with", "by", "to"))) \
                    and petrarch.office_holders_named(text, _day(self.table.published)):
                self.add_person(ent.start, ent.end)  # "Blinken spoke with Wang Yi": a surname taken for a
                # place, where a side stands (not "attacked villages in Sabah")
            return ent.end
        if label in ("ORG", "FAC") and (self.titled_name(ent) or _particled_name(ent)):
            s, e = self.person_span(ent)  # "President Kassym-Jomart Tokayev", "Lula da Silva" as organisations
            self.add_person(s, e)
            return e
        if label in ("ORG", "FAC"):
            root = ent.root
            if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.i == root.head.i - 1 \
                    and f"{root.head.head.lower_} of {text.lower()}" in vocab.titles():
                return ent.end  # "Secretary of State Marco Rubio": part of a title, no organisation
            if len(ent) == 1 and root.dep_ in MODIFIER_DEPS and root.head.pos_ == "NOUN" \
                    and root.head.is_lower and not text.isupper() and name_key(text) not in vocab.metonyms() \
                    and not countries.igo(text) and not _known_group(text) and not _hostile_act(root.head):
                return ent.end  # a name used as a modifier of a common noun, not an actor ("Hezbollah fighters"
                # is, and so is the author of "Houthi attacks")
            listed = petrarch.lookup_actor(text) if len(ent) == 1 else None
            if len(ent) == 1 and root.pos_ == "PROPN" and not countries.igo(text) \
                    and name_key(text) not in vocab.metonyms() and (listed is None or listed.kind == "person") \
                    and petrarch.office_holders_named(text, _day(self.table.published)):
                self.add_person(ent.start, ent.end)  # "Macron said ...": a leader's surname the model took for
                return ent.end  # an organisation, in the years he held office
            if countries.country_code(text) and not countries.igo(text):
                self.add_gpe(ent)
            elif len(ent) == 1 and (place := gazetteer().lookup(text)) is not None and place.country \
                    and place.feature == "city" and name_key(text) not in vocab.metonyms() and not countries.igo(text):
                pass  # "recalled its ambassador from Bamako": a city the model took for an organisation
            else:
                start, end = _whole_name(ent)
                start += 1 if self.doc[start].lower_ == "the" else 0
                self.add_org(start, end)
                return end
            return ent.end
        return ent.end

    def link_org_reference(self, tok: Token) -> bool:
        """ "The commission" / "the union": the organisation named before whose name ends so."""
        if tok.pos_ not in ("NOUN", "PROPN") or tok.ent_type_ or tok.i in self.table.by_token \
                or not tok.is_lower:
            return False
        if tok.lower_ not in vocab.org_references() and tok.lower_ not in ("country", "nation") \
                and tok.lower_ not in self.organs \
                and tok.lower_ not in vocab.country_references() \
                and not any(name_key(a.name).endswith(" " + tok.lower_) for a in self.table.actors):
            return False  # cheap test first: the ordered scan below is only for likely references
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            return False
        if (tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].pos_ == "PROPN") \
                or (tok.lower_ == "group" and any(c.dep_ == "prep" and c.lower_ == "of" and any(
                    g.dep_ == "pobj" for g in c.children) for c in tok.children)):
            return False  # "the militant group Jaish al-Adl": the name follows; "the group of experts" says
            # who (not "accused the group of attacking", "accused the bloc of protectionism")
        if self.link_country_reference(tok):
            return True
        before = [self.table.by_token[i] for i in sorted(self.table.by_token) if i < tok.i]
        generic = vocab.org_references().get(tok.lower_)
        for actor in reversed(before):  # "the union": an organisation whose name ends so
            words = name_key(actor.name).split()
            if actor.kind not in ("person", "country") and not actor.key.startswith("group:") \
                    and len(words) > 1 and words[-1] == tok.lower_ and self.named_as_head(actor):
                self.table.mention(actor, tok.i - 1, tok.i + 1, alias=False)
                return True
        if tok.lower_ in self.organs and _bare(tok):  # "the board" after "the Board of Governors of the IAEA"
            self.table.mention(self.organs[tok.lower_], tok.i - 1, tok.i + 1, alias=False)  # (not "the city
            return True  # council", "the company's board")
        for actor in reversed(before):
            if tok.lower_ in ("country", "nation") and actor.kind == "country" and \
                    tok.dep_ not in ("nsubj", "nsubjpass"):
                self.table.mention(actor, tok.i - 1, tok.i + 1, alias=False)  # "froze the country's assets"
                return True
            if actor.kind in ("person", "country") or actor.key.startswith("group:"):
                continue
            if generic == actor.kind and not (generic == "igo" and tok.lower_ in vocab.organ_heads()
                                              and not _bare(tok)):
                self.table.mention(actor, tok.i - 1, tok.i + 1, alias=False)  # (not "the constitutional court"
                return True  # after an international one)
        return False

    def link_half_name(self, tok: Token) -> bool:
        """ "The North" / "the South": the country of the article named "North ..." / "South ..."."""
        if (tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].pos_ == "PROPN") or tok.i in self.table.by_token:
            return False
        half = next((a for a in self.table.actors if a.kind == "country" and a.name.startswith(tok.text + " ")), None)
        if half is None:  # "urged the West to go further": the bloc, when no "West ..." state is named
            return countries.igo(tok.text) is not None and self.add_bloc(tok.text, tok.i, tok.i - 1) is not None
        self.table.mention(half, tok.i - 1, tok.i + 1, alias=False)  # "accused the North of jamming signals"
        return True

    def add_bloc(self, name: str, i: int, start: int | None = None) -> Actor | None:
        """A bloc of states with no country of its own ("the West"), mentioned at token ``i``."""
        bloc = countries.igo(name)
        if bloc is None:
            return None
        actor = self.table.get_or_add("igo:" + bloc["key"], bloc["name"], "igo", None, "IGO")
        self.table.mention(actor, i if start is None else start, i + 1, alias=False)
        return actor

    def link_country_reference(self, tok: Token) -> bool:
        """ "The kingdom", "the Gulf state", "the island nation": the country named last before.
        Words that name many things ("state", "island") count only with a describing modifier."""
        needs_modifier = vocab.country_references().get(tok.lower_)
        if needs_modifier is None:
            return False
        described = any(c.dep_ in ("amod", "compound") and c.i < tok.i for c in tok.children)
        if needs_modifier and not described:
            return False
        for i in sorted((i for i in self.table.by_token if i < tok.i), reverse=True):
            actor = self.table.by_token[i]
            if actor.kind == "country":
                self.table.mention(actor, tok.left_edge.i, tok.i + 1, alias=False)
                return True
        return False

    def named_as_head(self, actor: Actor) -> bool:
        """Whether some mention of ``actor`` heads its noun phrase (not "European Union-sanctioned")."""
        for m in actor.mentions:
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and span.root.dep_ not in MODIFIER_DEPS:
                return True
        return False

    def link_title(self, tok: Token) -> None:
        """ "The minister" / "junta boss": the most recent person holding that title (of the state a
        possessive or demonym names: "Ghana's ambassador" is no French one); not a title that names its
        holder or whose office it is ("the President of China, Xi Jinping")."""
        if tok.i in self.table.by_token:
            return
        if any(c.dep_ == "appos" or (c.dep_ == "prep" and c.lower_ == "of") for c in tok.children):
            return
        owners = {code for c in tok.children if c.dep_ in ("poss", "amod", "compound") and c.pos_ != "PRON"
                  and (code := countries.country_code(c.text))}  # "Ghana's ambassador", "the Algerian envoy"
        before = [self.table.by_token[i] for i in sorted(self.table.by_token) if i < tok.i]
        for actor in reversed(before):
            if owners and actor.country is not None and actor.country not in owners:
                continue  # not the French ambassador named before
            if actor.kind == "person" and any(tok.lower_ in r.title.lower().split() for r in actor.roles):
                self.table.mention(actor, tok.i - (1 if tok.i and self.doc[tok.i - 1].lower_ == "the" else 0),
                                   tok.i + 1, alias=False)
                return

    def apply_known_actors(self) -> None:
        """Country and sector of people and organisations the actor dictionary knows, as of the
        article's date, where the article itself did not say ("Putin" is Russian wherever he is)."""
        day = _day(self.table.published)
        for actor in self.table.actors:
            if actor.kind == "country" or actor.key.startswith("group:") or actor.country or actor.sector == "IGO":
                continue  # an international official speaks for the organisation, not a country
            names = [n for n in [actor.name, *actor.aliases] if len(n.split()) > 1  # "Hassan" alone is anyone
                     or actor.kind != "person"]  # but "Hamas" is one group
            known = next((k for n in names if (k := petrarch.lookup_actor(n)) is not None
                          and (k.kind == "person") == (actor.kind == "person")
                          and (len(n.split()) > 1 or k.kind == "armed-group")), None)
            if known is None:
                if actor.kind == "person" and day is not None and len(actor.name.split()) == 1:
                    actor.country = self.office_holder_country(actor.name, day)
                continue
            actor.country = known.country_on(day)
            if known.kind == "armed-group" and actor.kind == "organisation":
                actor.kind = "armed-group"  # "Hezbollah positions" are an armed group's
            sector = known.sector_on(day)
            if sector and not actor.sector:
                actor.sector = sector if sector in KNOWN_SECTORS else actor.sector

    def office_holder_country(self, surname: str, day: date) -> str | None:
        """The country of the one office holder of the dictionaries with this surname on the
        article's date, when the article names that country too ("Erdogan met Putin in Sochi"):
        a surname alone is anyone, an office holder's surname in a story about his state is him."""
        holders = petrarch.office_holders_named(surname, day)
        if len(holders) != 1:
            return None
        (code,) = holders
        named = {a.country for a in self.table.actors if a.country} | \
                {c for e in entities(self.doc) if e.label_ in ("NORP", "GPE") and (c := countries.country_code(e.text))}
        return code if code in named else None

    def resolve_pending_countries(self) -> None:
        """Give a collective with no stated country the most salient country it is not opposed to."""
        for person, served in self.served:
            other = self.table.at(served.i)
            if not person.country and other is not None and other is not person and other.country \
                    and other.kind in ("person", "country", "government"):
                person.country = other.country
        salience: Counter[str] = Counter()
        for actor in self.table.actors:  # states named, and the people and bodies of a known state
            if actor.country and (actor.kind == "country" or id(actor) not in self.guessed):
                salience[actor.country] += len(actor.mentions)
        towns: list[tuple[int, str]] = []  # (token, country) of each town or region named as a scene
        states: list[tuple[int, str]] = []  # ... and of each country so named ("protested in Kenya")
        dateline = find_dateline(self.doc.text)  # "BOGOTA (wire) -": where the reporter stands
        dateline_code = dateline.country if dateline is not None else None
        if dateline_code:
            salience[dateline_code] += DATELINE_WEIGHT
        for ent in entities(self.doc):
            if ent.label_ not in ("GPE", "LOC"):
                continue
            if lived_in(ent):
                continue  # "who has lived in London since 2008": where someone lives says no one's state
            scene = ent.root.head if ent.root.dep_ == "appos" else ent.root  # "in Borno state, Nigeria"
            at_scene = scene.dep_ == "pobj" and scene.head.lower_ in SCENE_PREPS  # "in Caracas"; not
            if code := countries.country_code(ent.text):  # "Washington said"
                if at_scene:
                    states.append((ent.start, code))
            elif (place := gazetteer().lookup(ent.text)) is not None and place.country:
                salience[place.country] += 1
                if at_scene:
                    towns.append((ent.start, place.country))
        guessed = self.guessed
        paragraphs = _Paragraphs(self.doc)
        # bodies a capital names first: "Kurdish-led forces accused the Damascus government" sets the forces
        # against Syria's government, as when the government had its state from the start
        pending = sorted(self.collective_pending, key=lambda ah: id(ah[0]) not in self.place_hints)
        for actor, head in pending:
            if actor.country or actor.kind not in ("government", "military") + DOMESTIC_KINDS:
                continue
            styled = actor.kind == "government" and ":plain:" not in actor.key  # "the junta", "the civilian government"
            owned = any(c.dep_ == "poss" and c.pos_ == "PRON" and not own_plural_subject(c)
                        for c in head.children)  # "its embassy"; not "A and B reopened their embassies"
            domestic = actor.kind in DOMESTIC_KINDS  # police act at home
            # "the government" as an object ("accused the government of ..."), placed by no preposition:
            # the government the story is about, as a subject's would be
            the_government = actor.kind == "government" and head.dep_ not in ("nsubj", "nsubjpass") and any(
                c.dep_ == "det" and c.lower_ == "the" for c in head.children) and not any(
                c.dep_ == "prep" and c.lower_ in LOCATING_PREPS | {"of", "at"} and any(
                    g.dep_ == "pobj" for g in c.children) for c in head.children)  # (not "of selling ...")
            hint = self.place_hints.get(id(actor))
            if hint is not None and hint[0] in self.states_named_besides(hint[1]) \
                    and hint[0] not in self.opposed_countries(actor, people=False):
                actor.country = hint[0]  # "a Tehran court" in a story that names Iran: Iran's (not Libya's
                guessed.add(id(actor))  # for "a Tripoli court" in a story of Lebanon), whoever it tries
                continue
            if head.dep_ not in ("nsubj", "nsubjpass") and not styled and not owned and not domestic \
                    and not the_government:
                continue  # "deployed troops to Poland", "thanked lawmakers": whose, the text does not say
            if owned and (said := self.pronoun_owner_country(head)) is not None:
                actor.country = said  # "Russia's defence ministry said its forces had hit ...": Russia's
                continue
            opposed = self.opposed_countries(actor)
            ranked = salience.most_common()
            if not domestic and not owned:  # "Sudan has been in turmoil since the army ...": the state named
                # just before it in its own sentence, before the article's most named state (a dateline abroad
                # included); not for "its embassy", whose owner the nearest state is not ("Israel attacked its")
                sent = sentence_of(head)
                here = [a.country for i in range(head.i - 1, sent.start - 1, -1)  # the nearest before it
                        if (a := self.table.at(i)) is not None and a.kind == "country" and a.country
                        and (_main_clause_subject(self.doc[i])  # not "After Russia launched missiles, the army"
                             or self.doc[i].head.i in (head.i, head.head.i))]  # "Myanmar's military junta leader"
                ranked = [(code, 0) for code in dict.fromkeys(here)] + ranked
            if domestic:  # police act where the text places them: a town of their own sentence ("arrested X
                # in Budapest"), the nearest town before, the dateline, a town after, then a country named as
                # a scene in their own paragraph or the story's lead, before them then after (not "trained in
                # Iran" a paragraph before police in Tajikistan shot him), then the most named state (on dev a
                # dateline placed police better than a country named in passing)
                sent = sentence_of(head)
                near = [code for i, code in towns if sent.start <= i < sent.end]
                near += [code for i, code in towns if i < head.i][::-1]
                if (named := self.named_forces.get(_force_word(actor.name))) is not None:
                    near.append(named)  # "police arrested X" after "the Nicaraguan National Police placed Y
                    # under house arrest" in a press release from Washington: that force, before the dateline
                near += [dateline_code] if dateline_code else []
                near += [code for i, code in towns if i > head.i]
                paras = {paragraphs.of(head.idx), paragraphs.lead}  # their own and the story's lead
                near += [code for i, code in states if i < head.i and paragraphs.of(self.doc[i].idx) in paras][::-1]
                near += [code for i, code in states if i > head.i and paragraphs.of(self.doc[i].idx) in paras]
                ranked = [(code, 0) for code in near] + ranked
            if the_government:  # "Ghanaian students urged the government to ...": their own, a demand at
                # home (not a foreign state's; a state's own demand says nothing of whose government)
                own = [a.country for a in self.verb_subjects(head) if a.country and a.kind in CROWD_KINDS
                       and a.kind != "person" and a.sector not in ("GOV", "MIL") and id(a) not in guessed]
                # (a person's own state is no clue: an envoy or a former premier from abroad urges it too)
                verb = _verb_over(head)
                abroad = {(a.country if (a := self.table.at(t.i)) is not None else self.named_state(t))
                          for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree
                          if t.dep_ == "pobj" and t.head.lower_ in LOCATING_PREPS} - {None}
                if own and abroad - {own[0]}:
                    own = []  # "Ukrainian refugees in Poland urged the government": their host's
                if own and own[0] not in opposed:
                    actor.country = own[0]
                    guessed.add(id(actor))
                    continue
            if the_government and ranked and ranked[0][0] in {
                    a.country for a in self.verb_subjects(head) if a.kind in ("country", "government")
                    or a.sector == "GOV"}:
                continue  # "Pakistan accused the government": the story's state accuses, whose is untold
            for code, _ in ranked:
                if code not in opposed:
                    actor.country = code
                    guessed.add(id(actor))
                    break
        for actor in self.table.actors:  # police no rule above placed ("Riot police", the model's "Riot" a
            # person): the force named before, if any
            if actor.kind in DOMESTIC_KINDS and not actor.country and actor.key.startswith("group:") \
                    and (named := self.named_forces.get(_force_word(actor.name))) is not None:
                actor.country = named
                guessed.add(id(actor))
        bodies = [a for a in self.table.actors if a.key.startswith("org:")
                  and vocab.any_states_institution(a.name, a.kind)]
        body_ids = {id(a) for a in bodies}
        acting: Counter[str] = Counter()  # the states the story names, by their own names, leaders and bodies
        for actor in self.table.actors:  # (not "Venezuelan migrants": a people names no state acting)
            if actor.country and id(actor) not in self.guessed and id(actor) not in body_ids and (
                    actor.kind in ("country", "government", "military") or actor.sector in ("GOV", "MIL")):
                acting[actor.country] += len(actor.mentions)
        bodies = [a for a in bodies if not a.country]  # a body the dictionary places keeps its state
        # "The Supreme Court", "the Ministry of Finance" named alone are the story's state's own: where the story
        # is filed, whose leader it opens with, then the state it names acting far more than any other (of two
        # named alike, either may be the other side: "aid for Ukraine", "Mexico's ministry said")
        choices = [c for c in (dateline_code, self.lead_state({id(a) for a in bodies})) if c] if bodies else []
        told = [(c, n) for c, n in acting.most_common() if n > 0]
        if told and (len(told) == 1 or told[0][1] >= 2 * told[1][1]):
            choices.append(told[0][0])
        for actor in bodies:  # never a state the body acts on (a person it acts on may be its own: "the
            opposed = self.opposed_countries(actor, people=False)  # ministry urged the president")
            code = next((c for c in choices if c not in opposed), None)
            if code is not None:
                actor.country = code
                guessed.add(id(actor))
        for member, org in self.affiliations:  # "junta media", "junta minister X"
            if not member.country and org.country and id(org) not in guessed:
                member.country = org.country  # not a guess: "ministry spokesman X" stays stateless

    def states_named_besides(self, i: int) -> set[str]:
        """The states the story names other than by the word at token ``i`` (there or anywhere: "Tripoli"
        twice is no second witness for Libya): by a state, a body, a person or a place."""
        word = self.doc[i].lower_
        out = {a.country for j, a in self.table.by_token.items()
               if self.doc[j].lower_ != word and a.country and id(a) not in self.guessed}
        for ent in entities(self.doc):
            if ent.label_ in ("GPE", "LOC") and word not in ent.text.lower().split() \
                    and (code := state_of_place(ent.text)):
                out.add(code)
        return out

    def lead_state(self, unknown: set[int]) -> str | None:
        """The state of the first subject the story's opening sentence names with a known country
        ("President Akufo-Addo says ...", "... Foreign Affairs Secretary Locsin said"): whose story it is
        (not one of the bodies, by ``id``, whose state is being decided)."""
        sents = sentences(self.doc)
        if not sents:
            return None
        for tok in sents[0]:
            actor = self.table.at(tok.i)
            if actor is not None and actor.country and id(actor) not in self.guessed \
                    and id(actor) not in unknown \
                    and tok.dep_ in ("nsubj", "nsubjpass") and actor.kind in ("person", "country", "government"):
                return actor.country
        return None

    def verb_subjects(self, head: Token) -> list[Actor]:
        """The actors of the subject of the verb a noun is the object of (through a preposition)."""
        verb = _verb_over(head)
        return [a for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree
                if (a := self.table.at(t.i)) is not None]

    def pronoun_owner_country(self, head: Token) -> str | None:
        """Whose "its forces" / "their troops" are, by the clause above: the country of the subject
        of the nearest governing verb, the speaker of reported words included ("Russia's defence
        ministry said its forces had hit ..."), before any guess from the article's salience."""
        pron = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in ("its", "their")), None)
        if pron is not None and head.dep_ == "pobj" and head.head.lower_ == "of" \
                and head.head.head.dep_ in ("nsubj", "nsubjpass"):
            head = head.head.head  # "four of its soldiers had been killed": the subject is the count
        if pron is None or head.dep_ not in ("nsubj", "nsubjpass"):
            return None  # "Israel attacked its embassy": whose, the verb's subject does not say
        for verb in head.ancestors:
            if verb.pos_ not in ("VERB", "AUX"):
                continue
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < pron.i
                         and not (head.left_edge.i <= c.i <= head.right_edge.i)), None)
            if subj is None:
                continue
            actor = self.table.at(subj.i)
            code = actor.country if actor is not None else None
            code = code or next((countries.country_code(c.text) for c in subj.children if c.dep_ == "poss"
                                 and countries.country_code(c.text)), None)
            if code is None and subj.ent_type_ == "GPE":
                code = countries.country_code(subj.text)
            return code  # the nearest subject decides, stated or not
        return None

    def named_state(self, tok: Token) -> str | None:
        """The state an object no actor holds stands for: a capital or city ("accused Madrid of"),
        or the nationality of a plain noun ("blacklisted 15 North Korean individuals")."""
        if tok.ent_type_ == "GPE":
            place = gazetteer().lookup(tok.text)
            return place.country if place is not None else None
        if tok.pos_ == "NOUN":
            return _country_of_modifiers([c for c in tok.children if c.dep_ in ("amod", "compound")])
        return None

    def opposed_countries(self, actor: Actor, people: bool = True) -> set[str]:
        """Countries coordinated with the actor ("ties between Russia and the regime") or on the
        other side of its verb ("the ministers warned Venezuela": not Venezuela's ministers); with
        ``people=False``, only those of states and bodies, not of persons."""
        out: set[str] = set()
        heads = {i for i, a in self.table.by_token.items() if a is actor}
        for i in heads:
            tok = self.doc[i]
            related = list(tok.conjuncts) + ([tok.head] if tok.dep_ == "conj" else [])
            allied = set() if _against_each_other(tok) else set(related)
            if tok.dep_ in ("nsubj", "nsubjpass"):
                domestic = tok.head.lemma_.lower() in HOME_COERCION  # "soldiers detained Prime Minister X":
                related += [t for c in tok.head.children if c.dep_ in ("dobj", "dative", "prep")  # his own state's
                            for t in ([c] if c.dep_ != "prep" else list(c.children))
                            if not (domestic and (a := self.table.at(t.i)) is not None and a.kind == "person")]
                if any(t.type == "REQUEST" for t in vocab.verb_triggers().get(tok.head.lemma_.lower(), ())):
                    for asked in (s for c in tok.head.children if c.dep_ == "ccomp"  # "the ministry demanded
                                  for s in c.children if s.dep_ == "nsubj"):  # that Tehran release the ship"
                        if self.table.at(asked.i) is None and asked.ent_type_ == "GPE" \
                                and (code := self.named_state(asked)):
                            out.add(code)  # (a capital asked stands for its state)
                        elif (a := self.table.at(asked.i)) is not None and a.kind in ("country", "government"):
                            related.append(asked)  # not "urged that Kenyans stay at home": its own people
            related += [c for c in tok.children if c.dep_ == "appos"]
            related += [t for t in tok.subtree if t.dep_ == "poss"] if tok.dep_ != "poss" else []
            for r in related:
                other = self.table.at(r.i)
                if other is None and (r.dep_ in ("dobj", "dative") or (
                        r.dep_ == "pobj" and r.head.lower_ not in SCENE_PREPS | {"from", "to"})) \
                        and not _acts_on_the_ground(tok.head) and (code := self.named_state(r)):
                    out.add(code)  # "accused Madrid of ...", "blacklisted 15 North Korean individuals" (not
                    continue  # "the army bombed Nyala": a place of its own country struck)
                if other is None or not other.country or other is actor or (other.kind == "person" and not people):
                    continue
                if actor.kind in DOMESTIC_KINDS and other.kind not in ("country", "government", "military", "police"):
                    continue  # "security forces fired at crowds", "police arrested the BNP's leader": police
                    # turn on their own people, parties and citizens; only another state's organs oppose them
                if r in allied and actor.kind in FORCES and other.kind in FORCES + ("government",):
                    continue  # "lost soldiers and police officers", "capture the police chief and government
                    # ministers": one state's forces and officials, side by side
                out.add(other.country)
        return out


FORCES = ("military",) + DOMESTIC_KINDS  # a state's armed and police forces
FIGHTS = frozenset({"fighting", "fight", "clash", "battle", "war", "skirmish", "confrontation", "exchange"})
RECIPROCAL_FIGHTS = frozenset({"clash", "skirmish", "exchange", "trade"})  # verbs whose subjects fight each other


class _Paragraphs:
    """Where a text's paragraphs (split by blank lines) start, and which one is the story's lead (the first
    that is no "date:" or "title:" header)."""

    def __init__(self, doc: Doc) -> None:
        text = doc.text.replace("\r\n", "\n")
        self.starts = [0] + [m.end() for m in re.finditer(r"\n\s*\n", text)]
        heads = [k for k, start in enumerate(self.starts)
                 if not text[start:start + 6].lower().startswith(("date:", "title:")) and text[start:].strip()]
        self.lead = heads[0] if heads else 0

    def of(self, offset: int) -> int:
        return bisect_right(self.starts, offset) - 1


def _against_each_other(tok: Token) -> bool:
    """Whether the names coordinated with ``tok`` face each other: "fighting between the army and police",
    "police and Pakistani soldiers exchanged fire", "clashed" (not "a joint operation between police and
    soldiers", "police and soldiers fought back")."""
    root = coordination_head(tok)
    if root.head.lower_ == "between":
        return root.head.head.lemma_.lower() in FIGHTS
    verb = root.head
    fights = verb.lemma_.lower() in RECIPROCAL_FIGHTS and any(
        t.mode == "fight" for t in vocab.verb_triggers().get(verb.lemma_.lower(), ()))
    fought = [c for c in verb.children if (c.dep_ == "dobj" and c.lower_ not in ("fire", "gunfire", "shots", "blows"))
              or (c.dep_ == "prep" and c.lower_ in ("against", "with") and not any(
                  g.lower_ == "other" for g in c.subtree))]  # "clashed with each other" is each other
    return root.dep_ in ("nsubj", "nsubjpass") and fights and not fought


def _whole_name(ent: Span) -> tuple[int, int]:
    """An organisation's span widened over the capitalised words of its name the model left out or cut
    off: "National [Congress] Party" is no "Congress" (not over a title, a possessive or a place)."""
    doc = ent.doc

    def part(t: Token) -> bool:  # (an adjacent ORG too: the model cuts "the National | Congress")
        return t.pos_ == "PROPN" and t.is_title and t.ent_type_ in ("", "ORG") and t.lower_ not in vocab.titles()

    def titled(j: int) -> bool:  # "Trade Representative Katherine Tai", "Interior Minister X", "UN High
        # Commissioner ...": a title
        words = [t.lower_ for t in doc[j:j + 3]]
        return any(k < len(doc) and doc[k].ent_type_ == "PERSON" for k in (j + 1, j + 2)) or any(
            w in vocab.titles() for w in words[1:] + [" ".join(words[:2])])
    start, end = ent.start, ent.end
    while start > 0 and part(doc[start - 1]) and not doc[start - 1].is_sent_start:
        start -= 1  # (not a sentence's first word: "Opposition Chadema Party leaders")
    while end < len(doc) and doc[end - 1].tag_ != "POS" and part(doc[end]) and not titled(end):
        end += 1  # (not past "Bashir's", nor into a title)
    return start, end


def _bare(noun: Token) -> bool:
    """ "The Board", "the council('s)": a definite noun with no word that says whose or which it is (not
    "the constitutional court", "the city council", "the company's board", "Iran's Board of Trade")."""
    return noun.dep_ not in MODIFIER_DEPS and any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children) \
        and not any(c.dep_ in MODIFIER_DEPS | {"poss", "nummod"} for c in noun.children)


def _organ_owner(root: Token, depth: int = 4) -> tuple[dict[str, Any], int] | None:
    """The international organisation an organ's name says it belongs to: an acronym beside it ("the
    Authority ... (ECOWAS)", wherever the parser hangs it) or the object of its chain of "of" ("the
    Authority of Heads of State and Government of the Economic Community of West African States"), with
    where the organ's own name ends."""
    level = [root]
    for _ in range(depth):
        for t in level:
            for c in t.children:
                if c.dep_ == "appos" and (owner := countries.igo(c.text)) is not None:
                    return owner, c.left_edge.i
        objects = [o for t in level for p in t.children if p.dep_ == "prep" and p.lower_ == "of"
                   for o in p.children if o.dep_ == "pobj"]
        for o in objects:
            aside = {t.i for c in o.children if c.dep_ in ("appos", "punct") for t in c.subtree}
            words = [t for t in o.subtree if t.dep_ != "det" and t.i not in aside]
            named = [t for t in words if t.i <= o.i]
            for phrase in (words, named):
                if phrase and (owner := countries.igo(root.doc[phrase[0].i:phrase[-1].i + 1].text)) is not None:
                    return owner, o.head.i
        level = objects
        if not level:
            break
    return None


def _particled_name(ent: Span) -> bool:
    """Whether an entity reads as a person's name with a particle ("Luiz Inácio Lula da Silva"): capitalised
    words around a name particle, and no word that heads an organisation's name."""
    inner = list(ent)[1:-1]
    return len(ent) >= 4 and any(t.lower_ in NAME_PARTICLES for t in inner) \
        and all(t.is_title or t.lower_ in NAME_PARTICLES for t in ent) \
        and not any(t.lower_ in vocab.organisation_heads() or t.lower_ in INSTITUTION_WORDS for t in ent)


def _hostile_act(noun: Token) -> bool:
    """Whether a noun names an attack on someone named after it ("the Wagner attacks on the border
    posts"): its modifier is its author. Not "the Reuters arrests" or "the Aramco strikes", whose
    modifier is who was hit."""
    return any(spec.type == "ASSAULT" for spec in vocab.noun_triggers().get(noun.lemma_.lower(), ())) \
        and any(c.dep_ == "prep" and c.lower_ in ("on", "against") for c in noun.children)


def _acts_on_the_ground(verb: Token) -> bool:
    """Whether a verb can tell an act of force on a place ("bombed Nyala", "seized the town")."""
    return any(t.type in ON_THE_GROUND for t in vocab.verb_triggers().get(verb.lemma_.lower(), ()))


def _listed_group_name(name: str) -> bool:
    """Whether the actor dictionary lists ``name`` as an armed group under that very name ("Al-Shabaab",
    "Boko Haram"), not as a person it files under a group ("Nasrallah" under Hezbollah) nor a person's
    name with a particle inside ("Osama bin Laden", "Ayman al-Zawahiri")."""
    known = petrarch.lookup_actor(name)
    words = name_key(name).split()
    return known is not None and known.kind == "armed-group" and set(words) <= set(name_key(known.actor_id).split()) \
        and not any(w in vocab.particles() for w in words[1:])


def _known_group(name: str) -> bool:
    """Whether the actor dictionary knows a name as an armed group ("Hezbollah", "Al-Shabaab")."""
    known = petrarch.lookup_actor(name) if len(name) > 2 else None
    return known is not None and known.kind == "armed-group"


def own_plural_subject(pron: Token) -> bool:
    """Whether a plural pronoun outside the subject points at its own clause's coordinated
    subject ("Iran and Saudi Arabia will reopen their embassies"): the subjects' own, no third party."""
    if pron.lower_ not in ("they", "them", "their", "theirs") or pron.dep_ in ("nsubj", "nsubjpass"):
        return False
    subj = None
    for verb in (a for a in pron.ancestors if a.pos_ in ("VERB", "AUX")):
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None or verb.dep_ not in ("xcomp", "conj"):
            break  # "A and B agreed to resume ties and reopen their embassies": the subject above
    return subj is not None and subj.i < pron.i and bool(subj.conjuncts)


def _day(iso: str | None) -> date | None:
    try:
        return date.fromisoformat(iso) if iso else None
    except ValueError:
        return None


def _leading_title(words: list[str]) -> tuple[str, str] | None:
    """A title at the start of a name span, leaving at least two words of name."""
    table = vocab.titles()
    for n in range(min(3, len(words) - 2), 0, -1):
        cand = " ".join(words[:n])
        if cand.lower() in table:
            return cand, table[cand.lower()]
    return None


def _titled(tok: Token) -> bool:
    """Whether an apposition names an office ("the EEC's commissioner for ..."), not something else."""
    words = [t.text for t in tok.subtree if t.i <= tok.i and t.dep_ not in ("det", "case", "punct", "poss")]
    return title_of(words) is not None


def _style(words: list[str]) -> str:
    for style, marks in vocab.government_styles().items():
        if marks & set(words):
            return style
    return "plain"


DESIGNATION = re.compile(r"^[A-Z][A-Za-z]{0,4}-\d{1,4}[A-Za-z]{0,2}s?$")  # "Mi-24", "F-16s", "S-400", "RQ-4A"; not
# "M23" or "G20", groups written without the hyphen


def _unknown_acronym_actor(tok: Token) -> bool:
    """An untagged acronym where an actor stands (subject, object, after a preposition), that is
    no country, no common abbreviation ("GDP", "LNG") and no Roman numeral: an organisation."""
    text = tok.text
    return tok.pos_ == "PROPN" and text.isalpha() and 2 < len(text) <= 6 \
        and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos") \
        and text not in vocab.common_acronyms() and countries.country_code(text) is None \
        and not ROMAN.match(text)


ROMAN = re.compile(r"^[IVX]+$")  # "II", "XIV"; not "MDC", a party


def _model_designation(tokens: list[Token]) -> bool:
    """Whether a name is a weapon's make, perhaps after a nationality: "Russian Mi-24", "Su-25"."""
    rest = [t for t in tokens if not (t.ent_type_ == "NORP" or countries.country_code(t.text))]
    return bool(rest) and DESIGNATION.match("".join(t.text_with_ws.strip() for t in rest)) is not None


OWNED_MARK = re.compile(r"@\d+$")  # the token of a pronoun-owned collective, kept apart until placed


def _international_body_after(tok: Token) -> Span | None:
    """The international body a staff noun belongs to by a preposition ("judges at the ICC",
    "inspectors from the IAEA", "monitors of the OSCE"); none when a modifier gives the people a
    nationality or an owner of their own ("Kenyan judges", "its diplomats at the IAEA")."""
    mods = [t for t in _left_modifiers(tok) if t.dep_ != "det"]
    if tok.lower_ not in vocab.staff_nouns() or _country_of_modifiers(mods) is not None \
            or any(t.dep_ == "poss" or t.tag_ == "PRP$" for t in mods):
        return None  # not "protesters at the European Parliament", "Israel's lawyers at the ICJ"
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("at", "of", "from"):
            continue
        for obj in prep.children:
            ent = entity_at(obj)
            if obj.dep_ == "pobj" and ent is not None and ent.label_ == "ORG" and countries.igo(ent.text) \
                    and not obj.conjuncts and not _listed_on(ent):
                return ent  # not "diplomats from the EU, the US and Britain": each their own
    return None


def _metonym_after_country(name: str) -> dict[str, str] | None:
    """A state's body named with its state before it, as one name ("U.S. State Department", "British
    Foreign Office"): the body, when that is the state it belongs to."""
    words = name.split()
    for n in (1, 2):
        code = countries.country_code(" ".join(words[:n]))
        met = vocab.metonyms().get(" ".join(words[n:]).lower()) if code and len(words) > n else None
        if met is not None and met["country"] == code:
            return met
    return None


def _listed_on(ent: Span) -> bool:
    """Whether a name opens a list of names ("the European Union, the United States, Britain and ..."),
    however the parser hung the rest."""
    doc = ent.doc
    nxt = [t for t in doc[ent.end:ent.end + 3] if t.dep_ != "det"]
    return len(nxt) >= 2 and nxt[0].lower_ in (",", "and", "or") and nxt[1].ent_type_ in ("GPE", "ORG", "NORP")


def _group_key(kind: str, sector: str, country: str | None, style: str, phrase: str) -> str:
    """Within a document, one actor per country and kind (and style for governments); firms,
    rebel groups and media keep their own phrase: different ones are not one actor."""
    own = phrase if kind in ("business", "group", "media", "armed-group") else ""
    return f"group:{kind}:{sector}:{country or '?'}:{style or ''}:{own}"


def _group_name(actor: Actor, style: str, phrase: str) -> str:
    phrase = phrase or next((m.text.split()[-1].lower() for m in actor.mentions), actor.kind)
    if not actor.country:
        return phrase
    country = countries.country_name(actor.country) or actor.country
    if actor.kind == "government":
        said = " ".join([actor.name] + actor.aliases).lower()
        if "junta" in said:
            return f"{country} junta"
        label = {"military": "military government", "civilian": "civilian government"}.get(style, "government")
        return f"{country} {label}"
    if actor.kind == "military":
        return f"{country} {'armed forces' if phrase in ('forces', 'armed forces', 'troops', 'soldiers') else phrase}"
    return f"{demonym(actor.country)} {phrase}"


def demonym(iso3: str) -> str:
    """ "Russian" for RUS; the country name when the vocabulary has no adjective."""
    row = countries.countries().get(iso3)
    if row is None:
        return iso3
    return row.demonyms[0] if row.demonyms else row.name


def _counted_people(tok: Token) -> bool:
    """ "At least 45 people", "dozens of people", "several men": people the text counts, which stand
    for a group (of victims, detainees, marchers); "people familiar with the matter" do not."""
    nouns, counting, crowd_verbs = vocab.counted_people()
    if tok.lower_ not in nouns or tok.dep_ in MODIFIER_DEPS:
        return False
    head = tok.head  # "dozens of people": the counting word heads the phrase
    phrase = head.head if tok.dep_ == "pobj" and head.lower_ == "of" else tok
    if phrase.dep_ == "nsubj" and phrase.head.lemma_.lower() not in crowd_verbs:
        return False  # "several men attacked", "thousands of people welcomed the Pope": doers the text
        # leaves unnamed, no group; not "thousands of people marched to demand ...": a crowd
    if any((c.dep_ == "nummod" and c.like_num) or (c.dep_ in ("amod", "det") and c.lower_ in counting)
           for c in tok.children):
        return True
    return phrase is not tok and phrase.lower_ in counting


def _acronym(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def find_dateline(text: str) -> Place | None:
    """The place a wire dateline names ("BOGOTA (wire) - ..."), with its offsets in the text."""
    m = DATELINE.match(text)
    if not m:
        return None
    name = m.group(1).strip().title()
    # "TRIPOLI, Lebanon, May 6 (Reuters) -": the state after the comma says which Tripoli, and places a
    # town the gazetteer lacks ("PSARADES, Greece"); a date after it says nothing of the place
    state = next((p.strip() for p in (m["tail"] or "").split("(")[0].split(",")
                  if p.strip() and not any(ch.isdigit() for ch in p)), None)
    place = gazetteer().lookup(f"{name}, {state}") if state else None
    code = countries.country_code(state) if state else None
    if code and (place is None or place.country != code) and not (
            place is not None and (region := gazetteer().lookup(state or "", place.country)) is not None
            and region.feature == "region" and region.country == place.country):  # "ATLANTA, Georgia": the US state
        place = Place(name=name, country=code, lat=None, lon=None)
    place = place or gazetteer().lookup(name)
    return replace(place, name=name, start=m.start(1), end=m.end(1)) if place else None


def find_actors(doc: Doc, published: str | None = None) -> ActorTable:
    """All actors of a parsed document, with their mentions, resolved within the document."""
    return _Finder(doc, published).run()
