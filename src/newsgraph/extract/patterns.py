"""Field-scale event triggers: the PETRARCH2 verb patterns applied over the dependency parse.

The project's own vocabulary (``ontology/data/triggers.toml``) is tried first and wins where it
speaks; this module is the layer underneath it. A verb's patterns name words that must stand in
its subject, its object and its prepositional phrases ("impose" + "sanctions" + "(on +)"); the
most specific pattern that holds gives the CAMEO code, mapped to PLOVER. A pattern coded
``[---]`` says the verb states no event in that construction, and wins over the default.

Nominalisations ("the designation of three companies", "the minister's withdrawal") reach the
same dictionary through their verb ("designate", "withdraw"), derived by regular suffix rules.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from spacy.tokens import Token

from newsgraph.ontology import petrarch, vocab
from newsgraph.ontology.petrarch import Plover, VerbEntry, VerbPattern
from newsgraph.ontology.vocab import Trigger

OBJECT_DEPS = {"dobj", "attr", "oprd", "dative", "xcomp", "ccomp", "acomp", "prt", "npadvmod", "advmod"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "agent"}
NAMING_DEPS = {"compound", "amod", "nmod", "nummod", "poss"}
DEFAULT_TARGET_PREPS = ("with", "to", "against", "on")
NOUN_TARGET_PREPS = ("of", "on", "against", "with", "to", "for")
# Types whose verb object is what moves, not who receives it ("supplied weapons to X").
THEME_TYPES = {"AID"}
# Suffix rules from a noun to the verb it names: (noun ending, verb ending), tried in order.
NOMINAL_SUFFIXES = (
    ("ication", "y"), ("isation", "ise"), ("ization", "ize"), ("ation", "ate"), ("ation", "e"), ("ation", ""),
    ("ention", "ain"), ("ition", "ite"), ("ition", "ose"), ("ution", "ute"), ("ction", "ct"), ("ption", "pt"),
    ("ulsion", "el"), ("asion", "ade"), ("ision", "ide"), ("ssion", "ss"), ("ssion", "t"), ("sion", "d"),
    ("ment", ""), ("al", ""), ("al", "e"), ("ance", ""), ("ence", ""), ("ure", ""), ("ure", "e"),
)


class Region:
    """The words of one part of a clause, for testing a pattern's words against it."""

    __slots__ = ("words", "text")

    def __init__(self, tokens: Iterable[Token]) -> None:
        toks = sorted(tokens, key=lambda t: t.i)
        self.words = {t.lower_ for t in toks} | {t.lemma_.lower() for t in toks}
        self.text = " " + " ".join(t.lower_ for t in toks) + " "

    def has(self, alternatives: frozenset[str]) -> bool:
        for alt in alternatives:
            if " " in alt:
                if f" {alt} " in self.text:
                    return True
            elif alt in self.words:
                return True
        return False

    def has_all(self, words: tuple[frozenset[str], ...]) -> bool:
        return all(self.has(w) for w in words)


def _head_phrase(tok: Token) -> list[Token]:
    """A noun with the words that name it ("military exercise", "arms shipment") and the nouns
    coordinated with it: what a pattern's words are compared with, not the whole subtree."""
    out: list[Token] = []
    for head in [tok, *tok.conjuncts]:
        out.append(head)
        out.extend(c for c in head.children if c.dep_ in NAMING_DEPS)
    return out


def _regions(verb: Token) -> tuple[Region, Region, list[tuple[str, Region]]]:
    """Subject, object and prepositional phrases of a verb's clause."""
    subject: list[Token] = []
    obj: list[Token] = []
    preps: list[tuple[str, Region]] = []
    for c in verb.children:
        if c.dep_ in SUBJECT_DEPS:
            subject.extend(_head_phrase(c))
        elif c.dep_ in OBJECT_DEPS:
            obj.extend(_head_phrase(c))
            for t in c.children:  # "imposed sanctions on X": the phrase often hangs off the object
                if t.dep_ == "prep":
                    preps.append((t.lower_, Region([t, *(p for o in t.children for p in _head_phrase(o))])))
        elif c.dep_ == "prep":
            preps.append((c.lower_, Region([c, *(p for o in c.children for p in _head_phrase(o))])))
    if verb.dep_ in ("relcl", "acl") and not subject:
        subject = _head_phrase(verb.head)  # "the army, which shelled ...": the noun is the subject
    return Region(subject), Region(obj), preps


def _fits(pattern: VerbPattern, subject: Region, obj: Region, preps: list[tuple[str, Region]]) -> bool:
    if not subject.has_all(pattern.subject) or not obj.has_all(pattern.object):
        return False
    for prep, words in pattern.preps:
        if not any(p == prep and region.has_all(words) for p, region in preps):
            return False
    return True


def _specificity(pattern: VerbPattern) -> int:
    return len(pattern.subject) + len(pattern.object) + sum(1 + len(w) for _, w in pattern.preps)


@cache
def _index(verb: str) -> tuple[dict[str, tuple[int, ...]], tuple[int, ...], tuple[VerbPattern, ...]]:
    """A verb's patterns, most specific first (then in dictionary order), indexed by one word each
    must find (a pattern can only fit a clause that has that word), plus those that need none."""
    ordered = tuple(sorted(petrarch.verbs()[verb].patterns, key=lambda p: (-_specificity(p), p.line)))
    by_word: dict[str, list[int]] = {}
    free: list[int] = []
    for n, p in enumerate(ordered):
        first = next(iter(p.object + p.subject + tuple(w for _, ws in p.preps for w in ws)), None)
        if first is None:
            free.append(n)
        for alt in first or ():
            by_word.setdefault(alt.split(" ")[0], []).append(n)
    return {w: tuple(ns) for w, ns in by_word.items()}, tuple(free), ordered


def _candidates(verb: str, regions: list[Region]) -> list[VerbPattern]:
    """The patterns worth testing on a clause: those whose first word occurs in it."""
    by_word, free, ordered = _index(verb)
    picked = set(free)
    for region in regions:
        for word in region.words:
            picked.update(by_word.get(word, ()))
    return [ordered[n] for n in sorted(picked)]


@cache
def _trigger(verb: str, pos: str, plover: Plover, target: str | None, source: str | None) -> Trigger:
    """A Trigger for a dictionary match (built once per distinct reading)."""
    target_preps: tuple[str, ...]
    source_preps: tuple[str, ...]
    if pos == "NOUN":  # "the designation of X by Y", "X's condemnation of Y"
        target_preps, source_preps = NOUN_TARGET_PREPS, ("by",)
    else:
        target_preps = (target[5:],) if target and target.startswith("prep:") else DEFAULT_TARGET_PREPS
        source_preps = (source[5:],) if source and source.startswith("prep:") else ()
    theme = plover.type in THEME_TYPES and target != "object"
    return Trigger(lemma=verb, pos=pos, type=plover.type, mode=plover.mode or verb, context=plover.context or None,
                   target_preps=target_preps, source_preps=source_preps, theme_object=theme,
                   origin="nominal" if pos == "NOUN" else "dictionary")


def _entry(verb: Token) -> VerbEntry | None:
    table = petrarch.verbs()
    lemma = verb.lemma_.lower()
    for c in verb.children:  # phrasal verbs first: "carry out", "set up"
        if c.dep_ == "prt" and (entry := table.get(f"{lemma} {c.lower_}")) is not None:
            return entry
    entry = table.get(lemma)
    if entry is None:
        base = petrarch.verb_forms().get(verb.lower_)
        entry = table.get(base) if base else None
    return entry


def verb_trigger(verb: Token) -> Trigger | None:
    """The event a verb states by the dictionary's patterns, or None (no entry, or coded nothing)."""
    entry = _entry(verb)
    if entry is None or entry.verb in vocab.ignored_dictionary_verbs():
        return None
    if entry.patterns:
        subject, obj, preps = _regions(verb)
        for pattern in _candidates(entry.verb, [subject, obj, *(r for _, r in preps)]):
            if _fits(pattern, subject, obj, preps):
                if pattern.plover is None:
                    return None  # coded [---] or a bare statement: no event here
                return _trigger(entry.verb, "VERB", pattern.plover, pattern.target, pattern.source)
    if entry.plover is None or entry.verb in vocab.pattern_only_verbs() \
            or entry.plover.type not in vocab.dictionary_default_types():
        return None
    return _trigger(entry.verb, "VERB", entry.plover, None, None)


@cache
def nominal_verb(noun: str) -> str | None:
    """The verb of our own vocabulary a noun nominalises ("designation" -> "designate",
    "withdrawal" -> "withdraw"), by regular suffix rules; None when it is no such noun."""
    table = vocab.verb_triggers()
    for ending, verb_ending in NOMINAL_SUFFIXES:
        if noun.endswith(ending) and len(noun) > len(ending) + 2:
            cand = noun[: -len(ending)] + verb_ending
            if cand in table:
                return cand
            if verb_ending == "" and len(cand) > 2 and cand[-1] == cand[-2] and cand[:-1] in table:
                return cand[:-1]  # "committal" -> "commit"
    return None


@cache
def _nominal_trigger(noun: str) -> Trigger | None:
    verb = nominal_verb(noun)
    if verb is None:
        return None
    spec = vocab.verb_triggers()[verb][0]
    if spec.objects or spec.objects_kind or spec.preps or spec.needs_xcomp:
        return None  # the verb's condition is on its object: a noun cannot be checked the same way
    plover = Plover(spec.type, spec.mode, spec.context)
    return _trigger(verb, "NOUN", plover, None, None)


def noun_trigger(noun: Token) -> Trigger | None:
    """The event a noun states as the nominalisation of one of our verbs ("the expulsion of two
    diplomats"). The dictionary's verbs are not nominalised: their default codes read as nouns
    ("deal", "government", "force") state no event far more often than they do."""
    lemma = noun.lemma_.lower()
    if lemma in vocab.ignored_dictionary_nouns():
        return None
    return _nominal_trigger(lemma)
