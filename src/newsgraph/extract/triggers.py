"""Which words state events: our own vocabulary first, the PETRARCH2 verb patterns under it.

``TriggerReader`` decides, once per token, whether a word states an event here and which: a verb
or noun of ``ontology/data/triggers.toml`` whose conditions hold (objects, prepositions, the kind
of its object), else the field dictionary's reading. Uses that report no happening are set aside
first (an adjective "sanctioned oil", a description "banks that supply", what a refusal refuses
or a pledge pledges).

The dictionary layer: a verb's patterns name words that must stand in its subject, its object and
its prepositional phrases ("impose" + "sanctions" + "(on +)"); the most specific pattern that holds
gives the CAMEO code, mapped to PLOVER. A pattern coded ``[---]`` says the verb states no event in
that construction. A verb's default code alone counts only for the types triggers.toml
[dictionary] trusts it with.

Nominalisations ("the expulsion of two diplomats", "the minister's withdrawal") reach our own
verbs ("expel", "withdraw") by regular suffix rules, and state an event only with participants of
their own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache

from spacy.tokens import Token

from newsgraph.ontology import petrarch, vocab
from newsgraph.ontology.petrarch import Plover, VerbEntry, VerbPattern
from newsgraph.ontology.vocab import Trigger

OBJECT_DEPS = {"dobj", "attr", "oprd", "dative", "xcomp", "ccomp", "acomp", "prt", "npadvmod", "advmod"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "agent"}
NAMING_DEPS = {"compound", "amod", "nmod", "nummod", "poss"}
# Acts done to things and places: the owner or the place of what was hit stands for the target.
PHYSICAL = {"ASSAULT", "COERCE", "SANCTION"}
LOCATIVE = ("in", "near", "inside", "across", "around")
DEFAULT_TARGET_PREPS = ("with", "to", "against", "on")
FOR_TYPES = {"SUPPORT", "AID", "REQUEST", "AGREE"}  # types whose target may follow "for"
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
        if plover.type in FOR_TYPES and not (target and target.startswith("prep:")):
            target_preps += ("for",)  # "expressed support for X", "appealed for Y"
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


def asks_for_clause(lemma: str) -> bool:
    """Whether a verb asks for what its clause says ("urged that", "demanded that"): a verb that
    swallows the act it governs and states a request of our vocabulary."""
    return lemma in vocab.modality_words()["swallowing"] and any(
        t.type == "REQUEST" for t in vocab.verb_triggers().get(lemma, ()))


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
    if spec.conditional:
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


def _prep_objects(head: Token, preps: Iterable[str]) -> list[Token]:
    return [p for c in head.children if c.dep_ == "prep" and c.lower_ in preps
            for p in c.children if p.dep_ in ("pobj", "pcomp")]


def _contest(verb: Token) -> bool:
    """Whether a verb of defeat tells a contest won at the polls or in a game, not a fight: a word of
    elections or sport in what the verb itself says of the win ("in a runoff", "by 52 percent", "at the
    polls"), never under its object ("beat the presidential challenger"), and never when forces act
    ("police beat protesters during the vote count")."""
    words = vocab.modality_words()
    if verb.lemma_.lower() not in words["contest_verbs"]:
        return False
    forces = {noun for noun, spec in vocab.collective_nouns().items()
              if spec["kind"] in ("police", "military", "armed-group")}
    if any(c.dep_ in ("nsubj", "nsubjpass") and (c.lemma_.lower() in forces or c.lower_ in forces)
           for c in verb.children):
        return False
    how = [t for c in verb.children
           if (c.dep_ == "prep" and c.lower_ in ("in", "by", "at", "on")) or c.dep_ == "npadvmod"
           for t in c.subtree]
    return any(t.lemma_.lower() in words["contest_words"] or t.lower_ == "%" for t in how)


class TriggerReader:
    """The triggers of one parsed document, decided once per token. ``kinds_of`` gives the kinds
    of actor a token stands for (a verb like "welcome" hosts people, not decisions)."""

    def __init__(self, kinds_of: Callable[[Token], set[str]]) -> None:
        self.kinds_of = kinds_of
        self.found: dict[int, Trigger | None] = {}

    def of(self, tok: Token) -> Trigger | None:
        """The event a word states here, if any."""
        if tok.i not in self.found:
            self.found[tok.i] = None  # a word asking about its neighbour, which asks back, gets None
            self.found[tok.i] = self.find(tok)
        return self.found[tok.i]

    def find(self, tok: Token) -> Trigger | None:
        """The first of the word's specs whose conditions hold."""
        pos = tok.pos_
        if tok.dep_ == "acomp" and (pos == "ADJ" or tok.tag_ == "VBN"):  # "Japan is deeply concerned about
            # the drills"; the parser also reads "was deeply concerned." as a participle
            verb = vocab.feeling_adjectives().get(tok.lower_)
            if verb:
                return vocab.feeling_triggers()[verb]
            if pos == "ADJ":
                return None
        if pos not in ("VERB", "NOUN", "PROPN"):
            return None  # most words of a sentence: ask nothing more of them
        lemma = tok.lemma_.lower()
        if pos == "VERB":
            if not self.reports_event(tok):
                return None
            if (feeling := vocab.feeling_triggers().get(lemma)) is not None:
                return feeling if self.feeling_fits(tok, lemma) else None
            if tok.tag_ == "VBN" and (stance := vocab.feeling_triggers().get(tok.lower_)) is not None:
                return stance  # "Hungary is opposed to the sanctions": a stance, not a passive of "oppose"
            specs = vocab.verb_triggers().get(lemma, ())
            narrow = bool(specs) and (all(t.needs_word for t in specs)  # "hold X accountable" only, or
                                      or lemma in vocab.additive_verbs())  # readings added to the dictionary's
            if narrow and (own := next((t for t in specs if self.verb_fits(tok, t)), None)) is not None:
                return own
            if not specs or narrow:  # the project's vocabulary is silent: the field dictionary speaks
                trig = verb_trigger(tok)
                light = lemma in vocab.modality_words()["light_verbs"]
                if trig is not None and any(c.dep_ == "dobj" and (own := self.of(c)) is not None
                                            and (own.type == trig.type or light) for c in tok.children):
                    return None  # "launched an attack", "announced a package": the noun states it
                return trig
            trig = next((t for t in specs if self.verb_fits(tok, t)), None)
            if trig is not None and lemma in vocab.modality_words()["commanding_verbs"] and any(
                    c.dep_ == "dobj" and (own := self.of(c)) is not None and own.type != trig.type
                    and own.origin in ("own", "nominal") for c in tok.children):
                return None  # "ordered the expulsion of two diplomats": the expulsion is the event
            return trig
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ not in ("compound",):
            if _reversed(tok):
                return None  # "lifted all of its sanctions": the lifting is the event, not sanctions
            specs = vocab.noun_triggers().get(lemma) or vocab.noun_triggers().get(tok.lower_, ())
            if not specs and tok.pos_ == "NOUN":
                return noun_trigger(tok)
            return next((t for t in specs if self.noun_fits(tok, t)), None)
        return None

    def reports_event(self, verb: Token) -> bool:
        """Whether this use of a verb reports a happening (not an adjective, a description, a view,
        or the toll of an attack told by another word: "shelled the city, killing four")."""
        if verb.dep_ in ("amod", "compound"):
            return False
        if _contest(verb):
            return False  # "beat the challenger in a runoff", "routed the ruling party at the polls": a vote won
        casualties = vocab.modality_words()["casualty_verbs"]
        if verb.dep_ == "conj" and verb.lemma_.lower() in casualties and verb.head.lemma_.lower() in casualties \
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            return False  # "killed four and wounded 12": one attack's toll, told once (not "..., and drones
            # wounded two in Belgorod", an attack of its own)
        if verb.tag_ == "VBG" and verb.dep_ in ("advcl", "conj") and verb.lemma_.lower() in casualties \
                and any(trig is not None and trig.type == "ASSAULT" for trig in [self.of(verb.head)] + [
                    self.of(c) for c in verb.head.children if c.dep_ == "dobj"]):
            return False  # "shelled the city, killing four": the attack's toll; not "surrounded the rally,
            # killing 156" or "fired tear gas, killing two", where the killing is the attack
        if verb.tag_ == "VBN" and verb.dep_ in ("amod", "acl") and not any(
                c.dep_ in ("agent", "prep", "dobj") for c in verb.children):
            return False  # "sanctioned Russian oil": an adjective
        if verb.dep_ == "relcl" and verb.tag_ in ("VBZ", "VBP") and not (
                verb.head.lower_ in vocab.modality_words()["charge_nouns"]
                and any(t.type == "REJECT" for t in vocab.verb_triggers().get(verb.lemma_.lower(), ()))):
            return False  # "banks that supply currency": a description; not "a charge Cotonou denies"
        if verb.dep_ == "xcomp" and verb.head.lemma_ == "be" and verb.lemma_.lower() in \
                vocab.modality_words()["blame_words"]:
            return False  # "Belarus was to blame": blamed, not blaming (an allegation by whoever says so)
        swallowing = vocab.modality_words()["swallowing"]
        if verb.dep_ == "xcomp" and (verb.head.lemma_ in swallowing or any(
                "*" in t.needs_xcomp for t in vocab.verb_triggers().get(verb.head.lemma_.lower(), ()))):
            return False  # "refused to meet X" is the refusal; "urged X to talk", "told X to leave" the request
        if verb.dep_ == "ccomp" and asks_for_clause(verb.head.lemma_.lower()):
            return False  # "demanded that China lift the ban": what is asked for has not happened
        asked = asked_clause(verb.head, ("for",)) if verb.dep_ == "advcl" else None
        if asked is not None and asked.i == verb.i and any(
                t.type == "REQUEST" for t in vocab.verb_triggers().get(verb.head.lemma_.lower(), ())):
            return False  # "called for Russia to release him": nor has this
        if verb.dep_ == "xcomp" and not vocab.verb_triggers().get(verb.lemma_.lower()) and any(
                t.intent for t in vocab.verb_triggers().get(verb.head.lemma_.lower(), ())):
            return False  # "vowed to launch flights": the pledge is the event, what is pledged its content
        for a in [verb, *verb.ancestors]:
            if a.dep_ == "relcl" and a.head.lower_ in vocab.modality_words()["charge_nouns"]:
                break  # "accused X of arming Y, an accusation that Z rejected": the rejection is told
            if a.dep_ == "pcomp" and a.head.dep_ == "prep" and a.head.head.lemma_ in ("accuse", "blame"):
                return False  # "accused Tehran of (plotting to) arm Moscow": the accusation, not an act it proves
            if a.pos_ == "VERB" and a is not verb and a.dep_ not in ("xcomp", "pcomp"):
                break
        return True

    @staticmethod
    def feeling_fits(verb: Token, lemma: str) -> bool:
        """A verb of feeling states one when passive or felt about something ("was alarmed by",
        "worried about"), or with someone who feels for object ("the drills alarmed Tokyo"); not
        when it governs a clause ("it worries that ...": the worry is about no one's act yet)."""
        if any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
            return False
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
        if lemma in vocab.feelings_passive_only() and not passive:
            return False  # "the dispute concerns the islands"
        return True

    def verb_fits(self, verb: Token, trig: Trigger) -> bool:
        kids = list(verb.children)
        if trig.type == "RETREAT" and trig.mode == "halt" and any(
                c.dep_ == "dobj" and any((g.dep_ == "poss" and g.pos_ != "PRON") or g.ent_type_ in ("NORP", "GPE")
                                         for g in c.children) for c in kids):
            return False  # "halted the Russian advance", "stopped Hamas's offensive": the enemy's force checked,
            # not one's own stood down ("halted its offensive")
        if trig.predicate and evaluation(verb) != trig.predicate:
            return False  # "called the vote a farce" criticises; "called a meeting" does not
        if trig.type == "ASSAULT" and any((c.dep_ == "prep" and c.lower_ == "as" and any(
                p.pos_ == "ADJ" for p in c.children)) or (c.dep_ == "oprd" and c.pos_ == "ADJ") for c in kids):
            return False  # "the speech struck voters as divisive": an impression, not a blow ("as retaliation" is one)
        if trig.preps and not any(c.dep_ == "prep" and c.lower_ in trig.preps and not all(
                p.ent_type_ in ("DATE", "TIME") for p in c.children if p.dep_ in ("pobj", "pcomp")) for c in kids) \
                and asked_clause(verb, trig.preps) is None:
            return False  # "call" is a request only as "call on" (and "called X a dictator on Wednesday" is not)
        if trig.clause_object and not any(c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX") for c in kids):
            return False  # "denied carrying out attacks", "denied that its jets struck"
        if trig.bare and any(c.dep_ in ("dobj", "prt") or (c.dep_ == "advmod" and c.lower_ in ("back", "off", "away"))
                             for c in kids):
            return False  # "fired on the convoy"; not "fired back at Trump", "fired questions at the minister"
        if trig.needs_word and not any(g.lemma_.lower() in trig.needs_word for c in kids
                                       for g in [c, *c.children, *(x for p in c.children if p.dep_ in ("prep", "appos")
                                                                   for x in p.children)]):
            return False  # "hold X accountable", "to account", "declared a state of emergency", "declared
            # the group a terrorist organisation" (the parser hangs the label on the object)
        if trig.needs_xcomp and not any((x.lemma_ in trig.needs_xcomp or "*" in trig.needs_xcomp and
                                         x.lemma_.lower() not in vocab.modality_words()["undemanded_verbs"])
                                        and x.pos_ in ("VERB", "AUX") for c in kids if c.dep_ == "xcomp"
                                        for x in [c] + list(c.conjuncts)):  # "vowed to track and punish";
            return False  # "told X to leave" demands, "told X to expect a call" does not
        if trig.type == "AGREE" and any(c.dep_ == "ccomp" and not _binding(c) for c in kids) and not any(
                c.dep_ in ("xcomp", "dobj", "prep") for c in kids):
            return False  # "agreed that the launch was a provocation": a shared view, not an accord
        objs = [c for c in kids if c.dep_ in ("dobj", "nsubjpass")] + ([verb.head] if verb.dep_ == "acl" else [])
        if trig.objects_kind and not trig.theme_object:  # "designated [the ADF] a terrorist organisation"
            objs += [c for c in kids if c.dep_ == "dative" and c.pos_ != "ADP"]
        if verb.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.tag_ not in ("WP", "WDT") for c in kids) \
                and all(c.dep_ != "dobj" or c.tag_ in ("WP", "WDT") for c in kids):
            objs.append(verb.head)  # "a charge that the ministry dismissed": the charge
        objs += [p for o in objs if o.lower_ in QUANTIFIERS for c in o.children if c.dep_ == "prep"
                 and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]  # "lifted all of its sanctions"
        titled = [c for o in objs if o.pos_ == "PROPN" for c in o.children if c.dep_ == "compound"]
        objs += titled  # "summoned Ambassador Huang Xilian": the title is what is summoned
        if trig.objects and not any(o.lemma_.lower() in trig.objects or o.lower_ in trig.objects for o in objs):
            return False
        if trig.objects_kind:
            kinds = {k for o in objs for k in self.kinds_of(o)}
            where = [t for o in objs + _prep_objects(verb, LOCATIVE) for t in o.subtree]
            if not kinds and trig.type in PHYSICAL and objs and any(t.ent_type_ == "GPE" for t in where):
                kinds = {"place"}  # "struck targets in southern Lebanon"
            if not kinds & trig.objects_kind:
                return False  # "welcomed the minister" hosts; "welcomed the decision" does not
        return True

    def noun_fits(self, noun: Token, trig: Trigger) -> bool:
        if trig.requires_modifier:
            mods = {c.lower_ for c in noun.children if c.dep_ in ("amod", "compound")}
            mods |= {p.lower_ for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                     for p in c.children}  # "a package of weapons"
            aimed = any(c.dep_ == "prep" and c.lower_ in trig.target_preps for c in noun.children)
            under = noun.dep_ == "dobj" and noun.head.lemma_.lower() in trig.under_verbs and aimed
            if not mods & trig.requires_modifier and not (aimed and trig.type == "ASSAULT") and not under:
                return False  # "strikes on Ukrainian cities" is aimed; "the strike" alone is not;
                # "held a call with X" is a conversation, "a call for calm" is not
        if trig.under_verbs and not trig.requires_modifier \
                and not (noun.dep_ == "dobj" and noun.head.lemma_.lower() in trig.under_verbs):
            return False  # "opened a case against X"; not "dismissed the case against X", "made the case"
        if trig.type == "AGREE" and trig.mode == "intend" and any(
                c.dep_ in ("acl", "xcomp") and c.lemma_.lower() in vocab.modality_words()["force_verbs"]
                for c in noun.children):
            return False  # "declared its readiness to respond to any attack": no intent to cooperate
        if trig.agent_noun and noun.dep_ not in ("attr", "oprd", "pobj", "appos"):
            return False
        if trig.preps and not (noun.dep_ == "pobj" and noun.head.lower_ in trig.preps):
            return False  # "was in contact with X"; not "lost contact with the drone"
        return True


def _binding(clause: Token) -> bool:
    """Whether a clause agreed to says what the parties will do ("agreed that the two sides would
    handle the situation responsibly"): a commitment, not a shared view."""
    return any(c.dep_ == "aux" and c.lower_ in ("would", "will", "should", "shall", "could", "can")
               for c in clause.children)


def predicate_of(verb: Token) -> Token | None:
    """What a verb of characterising calls its object: "called X [a disgrace]", "described X as
    [a partner]", "called [X rigged]", "branded X [terrorists]"."""
    kids = list(verb.children)
    for c in kids:
        if c.dep_ in ("oprd", "ccomp"):
            return c
    objs = [c for c in kids if c.dep_ == "dobj"]
    for c in kids + [g for o in objs for g in o.children]:  # "described [X's steps as unjust]" hangs off X
        if c.dep_ == "prep" and c.lower_ == "as":
            return c
    if len(objs) > 1:
        return objs[1]
    for o in objs:
        for g in o.children:
            if g.i < o.i:
                continue
            if g.dep_ in ("appos", "dobj") and any(d.lower_ in ("a", "an") for d in g.children if d.dep_ == "det"):
                return g  # "called [Xi] [a dictator]"; "called [the strike] [an act of aggression]"
            if g.dep_ == "amod":
                return g  # "called [the tests] [wholly unacceptable]": the parser's post-noun adjective
    for o in objs:  # "called the decision to include him [groundless]": hung on the object's own clause;
        # "called the attack on KFOR [unacceptable]": read as an adjective after a noun, which English puts before
        found = next((t for t in o.subtree if t.dep_ == "oprd" or (t.dep_ == "amod" and t.i > t.head.i)), None)
        if found is not None:
            return found
    return None


def evaluation(verb: Token) -> str | None:
    """What a characterisation declares its object: "expulsion" (persona non grata), else "negative"
    or "positive" (negative wins a tie: "called the deal a good step for an illegal regime")."""
    pred = predicate_of(verb)
    if pred is None:  # "declared X's advisers in its capital persona non grata": the parser lost the predicate
        words = {t.lower_ for t in verb.subtree}
        return "expulsion" if {"persona", "grata"} <= words else None
    words = _judging_words(pred)
    judged = vocab.evaluative_words()
    return next((kind for kind in ("expulsion", "negative", "positive") if words & judged[kind]), None)


def _judging_words(pred: Token) -> set[str]:
    """The words (lemmas and forms) of a description that judge its object: not what the object stands
    against or is said not to be ("a shield against the invaders", "a partner, not a colonial master")."""
    aside: set[int] = set()
    for t in pred.subtree:
        if (t.dep_ == "prep" and t.lower_ in ("against", "from")) \
                or (t.i != pred.i and any(c.dep_ == "neg" for c in t.children)):
            aside.update(x.i for x in t.subtree)
    negs = [c.i for c in pred.children if c.dep_ == "neg"]  # "a partner, not a master": the master is denied
    for c in pred.children:
        if c.dep_ in ("appos", "conj") and any(n < c.i for n in negs):
            aside.update(x.i for x in c.subtree)
    kept = [t for t in pred.subtree if t.i not in aside]
    return {t.lemma_.lower() for t in kept} | {t.lower_ for t in kept}


QUANTIFIERS = {"all", "some", "most", "part", "many", "much", "none", "any", "each", "both", "half", "rest", "one",
               "dozens", "hundreds", "thousands", "scores", "barrage", "volley", "salvo", "wave", "series", "handful",
               "couple", "pair", "number"}  # "fired dozens of cruise missiles": missiles


def _reversed(noun: Token) -> bool:
    """Whether a noun is the object of a verb that undoes it ("lifted sanctions", "ended all of
    the tariffs") or of relief from it ("a waiver from the sanctions"): the other word states the event."""
    cur = noun
    if cur.dep_ == "pobj" and cur.head.lower_ == "of" and cur.head.head.lower_ in QUANTIFIERS:
        cur = cur.head.head
    if cur.dep_ == "pobj" and cur.head.lower_ in ("from", "on") \
            and cur.head.head.lower_ in vocab.modality_words()["relief_nouns"]:
        return True  # "a waiver from the sanctions": relief, no sanction
    return cur.dep_ in ("dobj", "nsubjpass") and cur.head.pos_ == "VERB" and \
        cur.head.lemma_.lower() in vocab.modality_words()["reversal_verbs"]


def asked_clause(verb: Token, preps: Iterable[str]) -> Token | None:
    """The clause a request asks for when the parser hangs "for" on it as a marker: "called for
    Navalny to be freed", "asked for the crew to be released" (the verb "freed", with its subject)."""
    return next((c for c in verb.children if c.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ in preps for m in c.children) and any(
        s.dep_ in ("nsubj", "nsubjpass") for s in c.children)), None)
