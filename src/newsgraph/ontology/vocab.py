"""Loads the extraction vocabularies (actors.toml, triggers.toml, ruler.toml) once.

The vocabularies are data so that teaching newsgraph a new title, institution or way of saying an
event is an edit to a file; this module only reads them and offers typed lookups.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from newsgraph.names import name_key


@cache
def _load(name: str) -> dict[str, Any]:
    with resources.files("newsgraph.ontology").joinpath("data", name).open("rb") as fp:
        return tomllib.load(fp)


@dataclass(frozen=True)
class Trigger:
    """A word that states an event (see triggers.toml for what each field means)."""

    lemma: str
    pos: str  # VERB or NOUN
    type: str
    mode: str
    context: str | None = None
    objects: frozenset[str] = frozenset()
    objects_kind: frozenset[str] = frozenset()
    target_preps: tuple[str, ...] = ("with", "to", "against", "on")
    source_preps: tuple[str, ...] = ()
    place_object: bool = False
    intent: bool = False
    agent_noun: bool = False
    requires_modifier: frozenset[str] = field(default_factory=frozenset)
    under_verbs: frozenset[str] = frozenset()  # a noun that lacks its modifier counts under these ("held a call with");
    # with no modifier asked for, the noun counts only as these verbs' object ("opened a case against")
    preps: frozenset[str] = frozenset()  # the verb counts only with one of these ("call on")
    needs_xcomp: frozenset[str] = frozenset()  # ... or governing one of these ("apply to join")
    theme_object: bool = False  # the object is what moves ("sent troops to X"), never the target
    predicate: str | None = None  # "called X a disgrace": counts only with a negative / positive predicate
    untargeted: tuple[str, str] | None = None  # (type, mode) when no target is found ("sent troops to the north")
    foreign: tuple[str, str] | None = None  # (type, mode) when the target is of another state ("summoned the envoy X")
    mutual: bool = False  # "A and B disengaged": each subject acts towards the other
    needs_word: frozenset[str] = frozenset()  # ... or with one of these words just under it ("accountable")
    clause_object: bool = False  # "denied carrying out attacks": counts with a clause for object
    inverted: bool = False  # states its event only when negated ("did not rule out force")
    bare: bool = False  # counts only with no object or particle ("fired on X"; not "fired back at X")
    experiencer: bool = False  # a feeling: who feels is the source, what is felt about the target ([feelings])
    origin: str = "own"  # own (triggers.toml), dictionary (a PETRARCH verb), nominal (a noun of our verb)

    @property
    def conditional(self) -> bool:
        """Whether the word counts only with something around it (an object, a preposition, a
        clause): such a condition cannot be checked on the word's nominalisation."""
        return bool(self.objects or self.objects_kind or self.preps or self.needs_xcomp or self.needs_word
                    or self.clause_object or self.predicate or self.inverted or self.bare)  # "declared X persona non
        # grata" expels, "a joint declaration" does not; "did not rule out" threatens, "the ruling" not


def _trigger(lemma: str, pos: str, spec: dict[str, Any]) -> Trigger:
    return Trigger(
        lemma=lemma, pos=pos, type=spec["type"], mode=spec["mode"], context=spec.get("context"),
        objects=frozenset(spec.get("objects", ())), objects_kind=frozenset(spec.get("objects_kind", ())),
        target_preps=tuple(spec.get("target_preps", ("with", "to", "against", "on"))),
        source_preps=tuple(spec.get("source_preps", ())), place_object=spec.get("place_object", False),
        intent=spec.get("intent", False), agent_noun=spec.get("agent_noun", False),
        requires_modifier=frozenset(spec.get("requires_modifier", ())),
        under_verbs=frozenset(spec.get("under_verbs", ())),
        preps=frozenset(spec.get("preps", ())), needs_xcomp=frozenset(spec.get("needs_xcomp", ())),
        theme_object=spec.get("theme_object", False), predicate=spec.get("predicate"),
        untargeted=(spec["untargeted"]["type"], spec["untargeted"]["mode"]) if "untargeted" in spec else None,
        foreign=(spec["foreign"]["type"], spec["foreign"]["mode"]) if "foreign" in spec else None,
        mutual=spec.get("mutual", False), needs_word=frozenset(spec.get("needs_word", ())),
        clause_object=spec.get("clause_object", False), inverted=spec.get("inverted", False),
        bare=spec.get("bare", False),
    )


def _specs(lemma: str, pos: str, value: dict[str, Any] | list[dict[str, Any]]) -> tuple[Trigger, ...]:
    """One word may state different events ("welcomed the minister" / "welcomed the decision"):
    a list of specs is tried in order, the first whose conditions hold wins."""
    return tuple(_trigger(lemma, pos, v) for v in (value if isinstance(value, list) else [value]))


@cache
def verb_triggers() -> dict[str, tuple[Trigger, ...]]:
    return {k: _specs(k, "VERB", v) for k, v in _load("triggers.toml")["verbs"].items()}


FEELING_PREPS = ("by", "at", "over", "about", "with")


@cache
def feeling_triggers() -> dict[str, Trigger]:
    """Verbs of feeling about what someone did ("shocked", "alarmed", "pleased"), by lemma: they
    take their roles the other way round from other verbs (triggers.toml [feelings])."""
    spec = _load("triggers.toml")["feelings"]
    out: dict[str, Trigger] = {}
    for key, type_, mode, preps in (("disapprove", "ACCUSE", "disapprove", FEELING_PREPS),
                                    ("approve", "SUPPORT", "praise", FEELING_PREPS),
                                    ("loyal", "SUPPORT", "endorse", ("to", "for")),
                                    ("opposed", "REJECT", "reject", ("to",))):
        for lemma in spec[key]:
            out[lemma] = Trigger(lemma=lemma, pos="VERB", type=type_, mode=mode, target_preps=preps,
                                 experiencer=True)
    return out


@cache
def feeling_adjectives() -> dict[str, str]:
    """Participles of those verbs that the parser reads as adjectives ("concerned", "worried",
    "appalled") -> the verb, and the adjectives of stance ("loyal", "opposed") -> themselves."""
    spec = _load("triggers.toml")["feelings"]
    out: dict[str, str] = {word: word for word in spec["loyal"] + spec["opposed"]}  # adjectives themselves
    for lemma in spec["disapprove"] + spec["approve"]:
        forms = [lemma, lemma + "ed", lemma + "d", lemma + lemma[-1] + "ed"]  # "upset" is its own participle
        if lemma.endswith("y"):
            forms.append(lemma[:-1] + "ied")
        out.update((form, lemma) for form in forms)
    return out


@cache
def feelings_passive_only() -> frozenset[str]:
    """Feelings whose active verb means something else ("the dispute concerns the islands")."""
    return frozenset(_load("triggers.toml")["feelings"].get("passive_only", ()))


@cache
def noun_triggers() -> dict[str, tuple[Trigger, ...]]:
    return {k: _specs(k, "NOUN", v) for k, v in _load("triggers.toml")["nouns"].items()}


@cache
def _dictionary() -> dict[str, Any]:
    return dict(_load("triggers.toml").get("dictionary", {}))


@cache
def additive_verbs() -> frozenset[str]:
    """Verbs whose own readings add to the field dictionary's: when none of ours fits, its do."""
    return frozenset(_dictionary().get("additive", ()))


@cache
def ignored_dictionary_verbs() -> frozenset[str]:
    """PETRARCH verbs this project does not take as events (too often something else in news)."""
    return frozenset(_dictionary().get("ignore_verbs", ()))


@cache
def pattern_only_verbs() -> frozenset[str]:
    """PETRARCH verbs read only through their patterns: our list plus every light, speech and
    modality verb (their default code says nothing about the event they carry or report)."""
    words = modality_words()
    extra = set(_dictionary().get("patterns_only", ()))
    for key in ("light_verbs", "speech_verbs", "planned_verbs", "claim_verbs", "negating_verbs", "swallowing"):
        extra |= words.get(key, frozenset())
    return frozenset(extra)


@cache
def dictionary_default_types() -> frozenset[str]:
    """PLOVER types a dictionary verb may state by its block's default code alone."""
    return frozenset(_dictionary().get("default_types", ()))


@cache
def ignored_dictionary_nouns() -> frozenset[str]:
    """Nouns that are not the nominalisation of the verb they look like ("report", "statement")."""
    return frozenset(_dictionary().get("ignore_nouns", ()))


@cache
def contexts() -> dict[str, frozenset[str]]:
    return {k: frozenset(v) for k, v in _load("triggers.toml")["contexts"].items()}


@cache
def sentence_amounts() -> dict[str, frozenset[str]]:
    """Per event type, the kinds of amount it may take from its sentence outside its own phrase."""
    return {k: frozenset(v) for k, v in _load("triggers.toml")["sentence_amounts"].items()}


@cache
def modality_words() -> dict[str, frozenset[str]]:
    return {k: frozenset(v) for k, v in _load("triggers.toml")["modality"].items()}


@cache
def collective_nouns() -> dict[str, dict[str, str]]:
    """Head nouns of collective actors ("junta", "firms", "rebel groups") -> kind, sector."""
    return dict(_load("actors.toml")["collective"])


@cache
def counted_people() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Nouns for people that stand for a group only when counted, the words that count them
    without a number, and the verbs a counted crowd does as one (actors.toml [agents])."""
    settings = _load("actors.toml")["agents"]
    return (frozenset(settings["counted_people"]), frozenset(settings["counting_words"]),
            frozenset(settings["crowd_verbs"]))


@cache
def agent_nouns() -> dict[str, dict[str, str]]:
    """Nouns that name a collective or generic actor: our own [collective] table over the PETRARCH
    generic agents ("officials", "coast guard", "lawmakers"), whose sector code gives the kind
    (actors.toml [agent_sectors]). Titles stay titles ("minister" links to its holder); the
    words in [agents] ignore are too vague to stand for an actor."""
    from newsgraph.ontology import petrarch  # the dictionary layer: loaded only when asked for

    settings = _load("actors.toml")["agents"]
    kinds: dict[str, str] = settings["sectors"]
    ignore = frozenset(settings["ignore"])
    out: dict[str, dict[str, str]] = {}
    for phrase, codes in petrarch.agents().items():
        if phrase in ignore or phrase.rsplit(" ", 1)[-1] in ignore or phrase in titles() or phrase in honorifics():
            continue  # "border security" is as vague as "security"
        sector = next((c[:3] for c in codes if c[:3] in kinds), None)
        if sector is not None:
            out[phrase] = {"kind": kinds[sector], "sector": sector}
    out.update(collective_nouns())
    return out


@cache
def organisation_heads() -> dict[str, dict[str, str]]:
    return dict(_load("actors.toml")["organisation_heads"])


def relation_cues() -> dict[str, Any]:
    """The cue vocabulary of relations.toml (offices, memberships, sanctions ...), read once: the
    relation stage reads its cues from it, the actor stage a few office words."""
    return _load("relations.toml")


@cache
def cue_words(section: str, key: str) -> frozenset[str]:
    """One word list of relations.toml: ``cue_words("offices", "ended")`` ("former", "ex", "late"),
    ``cue_words("offices", "governments")`` (what a leader's name can own: "the Kennedy administration")."""
    return frozenset(relation_cues()[section][key])


@cache
def titles() -> dict[str, str]:
    """Office titles -> sector, lower-case."""
    return dict(_load("actors.toml")["titles"])


@cache
def honorifics() -> frozenset[str]:
    return frozenset(_load("actors.toml")["honorifics"])


@cache
def metonyms() -> dict[str, dict[str, str]]:
    """Institutions standing for a state ("kremlin") -> country, sector, kind."""
    return dict(_load("actors.toml")["metonyms"])


@cache
def saying_verbs() -> frozenset[str]:
    """Verbs whose subject speaks or alleges ("said", "accused"): who says, not who acts."""
    words = modality_words()
    return words["speech_verbs"] | words["allegation_verbs"]


@cache
def residence_verbs() -> frozenset[str]:
    """Verbs of where someone lives ("has lived in London"): the town names no scene of the story."""
    return frozenset(_load("actors.toml")["residence_verbs"])


@cache
def dyad_anaphors() -> frozenset[str]:
    return frozenset(_load("actors.toml")["dyad_anaphors"])


@cache
def evaluative_words() -> dict[str, frozenset[str]]:
    """Words that make a characterisation ("called the vote a farce") negative or positive."""
    table = _load("triggers.toml")["evaluative"]
    return {k: frozenset(v) for k, v in table.items()}


@cache
def kin_nouns() -> frozenset[str]:
    """Nouns for a relative ("the sister of X"): never X."""
    return frozenset(_load("actors.toml")["kin_nouns"])


@cache
def international_seats() -> frozenset[str]:
    """Datelines that are seats of international bodies (lower-case): no clue to a person's state."""
    return frozenset(_load("actors.toml")["international_seats"])


@cache
def bloc_adjectives() -> dict[str, str]:
    """Capitalised adjective -> name of the bloc of states it stands for ("Western" -> "the West")."""
    return dict(_load("actors.toml")["bloc_adjectives"])


@cache
def neutral_institutions() -> frozenset[str]:
    """Institution nouns every state has ("ministry"): a bare one ties a person to no state."""
    return frozenset(_load("actors.toml")["neutral_institutions"])


@cache
def geographic_heads() -> frozenset[str]:
    """Last words of names of natural features ("Escoda Shoal"): places, never actors."""
    return frozenset(_load("actors.toml")["geographic_heads"])


@cache
def instrument_heads() -> frozenset[str]:
    """Last words of names of agreements and laws ("the Indus Waters Treaty"): never actors."""
    return frozenset(_load("actors.toml")["instrument_heads"])


@cache
def pair_heads() -> dict[str, str]:
    """Head noun lemma of a "both X" / "the two X" phrase -> what it points back at (person,
    state or any)."""
    table = _load("actors.toml")["pair_heads"]
    return {word: kind for kind, words in table.items() for word in words}


@cache
def government_styles() -> dict[str, frozenset[str]]:
    """Words marking a government reference as military or civilian -> style name."""
    return {k: frozenset(v) for k, v in _load("actors.toml")["government_styles"].items()}


@cache
def org_references() -> dict[str, str]:
    """Generic nouns ("the bloc") that refer back to an organisation of a kind."""
    return dict(_load("actors.toml")["org_references"])


@cache
def organ_heads() -> frozenset[str]:
    """Head nouns of an organisation's organs ("the Board of Governors of the IAEA")."""
    return frozenset(_load("actors.toml")["organ_heads"])


@cache
def country_references() -> dict[str, bool]:
    """Nouns that refer back to a country ("the kingdom") -> whether they need a describing
    modifier to do so ("the Gulf state", not "the state")."""
    return dict(_load("actors.toml")["country_references"])


@cache
def seat_metonyms() -> dict[str, str]:
    """Seats that stand for an international organisation when they act ("Brussels") -> its key."""
    return dict(_load("actors.toml")["seat_metonyms"])


@cache
def common_acronyms() -> frozenset[str]:
    """Abbreviations that name things, not actors ("GDP", "LNG", "GPS"): an untagged acronym
    outside this list, where an actor stands, is taken for an organisation."""
    return frozenset(_load("actors.toml")["common_acronyms"])


@cache
def place_nouns() -> frozenset[str]:
    """Nouns that introduce a place's name ("the city of Belém", "the port of Odesa")."""
    return frozenset(_load("actors.toml")["place_nouns"])


@cache
def unit_nouns() -> frozenset[str]:
    return frozenset(_load("actors.toml")["unit_nouns"])


@cache
def staff_nouns() -> frozenset[str]:
    return frozenset(_load("actors.toml")["staff_nouns"])


@cache
def facility_heads() -> frozenset[str]:
    return frozenset(_load("actors.toml")["facility_heads"])


@cache
def gathering_heads() -> frozenset[str]:
    """Last words of names of gatherings ("... Economic Forum"): venues, not actors."""
    return frozenset(_load("actors.toml")["gathering_heads"])


@cache
def unit_words() -> frozenset[str]:
    return frozenset(_load("ruler.toml")["units"])


@cache
def not_gap_countries() -> frozenset[str]:
    """One-word country names that also name other things: never taken for a country the model missed."""
    return frozenset(_load("ruler.toml")["not_gap_countries"])


def ruler_phrases() -> list[tuple[list[dict[str, str]], str]]:
    """Token patterns for institution metonyms, labelled ORG, for the entity ruler."""
    out: list[tuple[list[dict[str, str]], str]] = []
    for phrase in metonyms():
        out.append(([{"LOWER": w} for w in phrase.split()], "ORG"))
    return out


@cache
def resolve_settings() -> dict[str, Any]:
    """The resolver's vocabulary (resolve.toml): generic institution words, suffixes, spellings."""
    return dict(_load("resolve.toml"))


@cache
def particles() -> frozenset[str]:
    """Particles inside people's names ("bin", "al", "van"): resolve.toml ``particles``."""
    return frozenset(_load("resolve.toml")["particles"])


@cache
def lone_generic_names() -> frozenset[str]:
    """Names that alone stand for whichever state the article is about ("the State", "the regime"),
    as name keys (resolve.toml ``lone_generic_names``)."""
    return frozenset(name_key(w) for w in _load("resolve.toml")["lone_generic_names"])


@cache
def institution_words() -> frozenset[str]:
    """Words a body every state has is named with ("Supreme Court", "Ministry of Foreign Affairs"),
    as name keys (resolve.toml ``institution_words``)."""
    return frozenset(name_key(w) for w in _load("resolve.toml")["institution_words"])


@lru_cache(maxsize=4096)
def any_states_institution(name: str, kind: str) -> bool:
    """Whether ``name`` names a body every state has and no state in particular ("the Supreme Court",
    "Congress", "the Public Ministry"; not "the Pentagon", "Arakan Army")."""
    words = [w for w in name_key(name).split() if w != "the"]
    if words and " ".join(words) in lone_generic_names():
        return True  # "the State" alone
    return kind in ("organisation", "government", "military", "police") and bool(words) \
        and all(w in institution_words() for w in words)
