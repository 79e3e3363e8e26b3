"""Offices and roles stated in one parsed document: who holds which office where, and who leads.

"Russian Prime Minister X", "X, the EEC's commissioner for ...", "President X's government", "the
junta, led by X": the title, its country or organisation, and the tie it makes (holds_office_in,
leads). A person's country comes first from what is known of them, then from how the article
describes them, never from where the sentence happens. The reader here also records every tie and
finds the actors a token stands for; ``relations.py`` builds on it for the other standing ties.
Cue words live in ``ontology/data/relations.toml``.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.actors import (
    ActorTable,
    _group_key,
    entity_at,
    sentence_evidence,
    sentence_index_of,
    sentence_of,
)
from newsgraph.extract.places import gazetteer
from newsgraph.model import Actor, Document, Evidence, Place, Relation
from newsgraph.ontology import countries, vocab

RELATION_TYPES = ("holds_office_in", "leads", "member_of", "part_of", "sanctions", "supplies_arms_to",
                  "supports", "ally_of")
SYMMETRIC = frozenset({"ally_of"})
BETWEEN_STATES = frozenset({"sanctions", "supplies_arms_to", "supports", "ally_of"})  # one tie per pair of states
STATE_KINDS = frozenset({"country", "government", "military"})  # one state, seen from three sides
ORG_KINDS = frozenset({"igo", "organisation", "government", "military", "business", "media", "armed-group",
                       "police", "group"})
MEMBER_KINDS = frozenset({"country", "igo", "organisation"})
PLACE_PREPS = frozenset({"to", "for", "into", "at", "in", "from", "toward", "towards", "near", "of"})
CLAUSE_EDGES = frozenset({"relcl", "acl", "advcl", "pcomp", "dep", "parataxis", "ROOT"})
POSSESSIVE = frozenset({"'s", "’s", "'"})


# --- vocabulary ------------------------------------------------------------------------------------

cues = vocab.relation_cues  # the cue vocabulary (relations.toml), read once
words = vocab.cue_words  # one of its word lists


@cache
def _titles() -> dict[str, str]:
    """Title phrase -> office kind (officer, head_of_state, head, counterpart); the most specific kind
    wins for a phrase in two lists ("president" leads a state and an organisation)."""
    out: dict[str, str] = {}
    for kind, key in (("head", "heads"), ("head_of_state", "heads_of_state"), ("officer", "officers"),
                      ("counterpart", "counterparts")):
        for phrase in cues()["offices"][key]:
            out[phrase] = kind
    return out


@cache
def _title_words() -> frozenset[str]:
    return frozenset(w for phrase in list(_titles()) + list(vocab.titles()) for w in phrase.split())


def _title_at_end(lowered: list[str]) -> tuple[int, str] | None:
    """The longest title phrase ending the word list: (its length in words, its office kind)."""
    for n in range(min(4, len(lowered)), 0, -1):
        kind = _titles().get(" ".join(lowered[-n:]))
        if kind:
            return n, kind
    return None


# --- the finder ------------------------------------------------------------------------------------

@dataclass
class _Office:
    """An office a person was found to hold in this document (for counterparts and lifting)."""

    relation: str
    target: Actor
    title: str

class RoleReader:
    """One pass over a parsed document: the recording of ties, the lookup of their actors, and the
    offices people hold. ``relations._Finder`` extends it with the other ties."""

    def __init__(self, doc: Doc, table: ActorTable, document: Document, dateline: Place | None) -> None:
        self.doc = doc
        self.table = table
        self.document = document
        self.dateline = dateline
        self.seen = table.published or (document.published.isoformat() if document.published else None)
        self.found: dict[tuple[str, str, str], Relation] = {}
        self.offices: dict[int, list[_Office]] = {}  # id(person) -> offices, in the order found
        self.titles: dict[int, str] = {}  # id(relation) -> the title that stated it

    # -- recording ------------------------------------------------------------------------------------
    def evidence(self, tok: Token) -> Evidence:
        return sentence_evidence(self.doc, self.document, sentence_index_of(self.doc, tok.i))

    def add(self, source: Actor | None, relation: str, target: Actor | None, tok: Token) -> Relation | None:
        """Record a tie stated in ``tok``'s sentence; the same tie stated again gains evidence."""
        if source is None or target is None or source is target:
            return None
        if relation in ("holds_office_in", "leads") and (source.kind != "person" or target.kind == "person"):
            return None
        between_states = relation in BETWEEN_STATES
        if between_states and _state(source) == _state(target):
            return None  # "Russia supplies arms to the Russian army" says nothing
        keys = [_state(source), _state(target)] if between_states else [source.key, target.key]
        if relation in SYMMETRIC:
            keys.sort()
        key = (keys[0], relation, keys[1])
        ev = self.evidence(tok)
        rel = self.found.get(key)
        if rel is None:
            rel = self.found[key] = Relation(source, relation, target, [ev], self.seen)
        elif all(e.start != ev.start for e in rel.evidence):
            rel.evidence.append(ev)
        return rel

    def relations(self) -> list[Relation]:
        """The relations found; an office both led and held is led (one tie, the stronger). A head of
        government whose state has a leading president named in the same text holds an office under
        them rather than leading ("Prime Minister X" beside "President Y" of one country)."""
        over = {_state(r.target) for r in self.found.values()
                if r.relation == "leads" and self.titles.get(id(r)) in words("offices", "over_heads_of_government")}
        for r in self.found.values():
            if r.relation == "leads" and self.titles.get(id(r)) in words("offices", "heads_of_government") \
                    and _state(r.target) in over:
                r.relation = "holds_office_in"
        led = {(r.source.key, r.target.key) for r in self.found.values() if r.relation == "leads"}
        return [r for r in self.found.values()
                if not (r.relation == "holds_office_in" and (r.source.key, r.target.key) in led)]

    # -- actors ---------------------------------------------------------------------------------------
    def actor_of(self, tok: Token, *, nationality: bool = False) -> Actor | None:
        """The actor a token stands for: a table mention, a capital ("Washington"), a pronoun's
        antecedent, or with ``nationality`` a nationality adjective ("Russian support")."""
        actor = self.table.at(tok.i)
        if actor is not None:
            if actor.kind == "person" and " " not in actor.name:
                code = countries.capital_of(actor.name)
                if code:  # the model's error: a capital tagged as a person ("for Kyiv")
                    return self.table.country_actor(code)
            return actor
        if tok.pos_ == "PRON":
            found = self.antecedents(tok)
            return found[0][0] if found else None
        if tok.pos_ == "PROPN" or tok.ent_type_ in ("GPE", "NORP"):
            ent = entity_at(tok)
            text = ent.text if ent is not None else tok.text
            code = countries.capital_of(text) or (countries.country_code(text) if nationality or
                                                   tok.ent_type_ == "GPE" else None)
            if code:
                return self.table.country_actor(code)
        return None

    def antecedents(self, pron: Token, kinds: frozenset[str] | None = None,
                    exclude: Iterable[Actor] = ()) -> list[tuple[Actor, Token]]:
        """The actors a pronoun refers to: the nearest fitting subject before it (with the actors
        coordinated with it, for "they"), else the nearest fitting actor; two sentences back at most."""
        low = pron.lower_
        personal = low in ("he", "him", "his", "she", "her", "hers")
        plural = low in ("they", "them", "their", "theirs")
        if not (personal or plural or low in ("it", "its")):
            return []
        skip = set(map(id, exclude))
        sent = sentence_of(pron)
        prev = sentence_of(self.doc[sent.start - 1]) if sent.start > 0 else sent
        first: list[tuple[Actor, Token]] = []
        for tok in reversed(self.doc[prev.start:pron.i]):
            actor = self.table.at(tok.i)
            if actor is None or id(actor) in skip or (actor.kind == "person") != personal:
                continue
            if kinds is not None and actor.kind not in kinds:
                continue
            group = [(actor, tok)]
            if plural:
                for c in tok.conjuncts:
                    other = self.table.at(c.i)
                    if other is not None and all(other is not a for a, _ in group):
                        group.append((other, c))
            first = first or group
            if tok.dep_ in ("nsubj", "nsubjpass") or tok.head.dep_ in ("nsubj", "nsubjpass"):
                return group
        return first

    def country_of(self, tokens: Iterable[Token]) -> str | None:
        """A country named among ``tokens``: a country mention, a nationality adjective, a place."""
        for t in tokens:
            actor = self.table.at(t.i)
            if actor is not None and actor.kind == "country" and actor.country:
                return actor.country
        for t in tokens:
            if t.ent_type_ in ("GPE", "NORP", "LOC") or t.pos_ in ("PROPN", "ADJ"):
                ent = entity_at(t)
                code = countries.country_code(ent.text) if ent is not None else None
                code = code or countries.country_code(t.text)
                if code:
                    return code
        for t in tokens:
            owned = t.i + 1 < len(self.doc) and self.doc[t.i + 1].tag_ == "POS"
            if (t.ent_type_ in ("GPE", "LOC") or (owned and t.pos_ == "PROPN")) and self.table.at(t.i) is None:
                ent = entity_at(t)
                place = gazetteer().lookup(ent.text if ent is not None else t.text)
                if place is not None and place.country:  # "Somaliland's leader"
                    return place.country
        return None

    def government(self, code: str, style: str | None = None) -> Actor:
        """The government of a country in this document: the one of the style the text names
        ("junta"), else the plain one, else the only one, else an institution standing for it
        ("the Kremlin"); created (named as actors.py names governments) when there is none."""
        govs = [a for a in self.table.actors if a.kind == "government" and a.country == code]
        groups = [a for a in govs if a.key.startswith("group:government:")]
        if style:
            styled = [a for a in groups if f":{style}:" in a.key]
            if styled:
                return styled[0]
        plain = [a for a in groups if ":plain:" in a.key]
        if plain:
            return plain[0]
        if len(groups) == 1:
            return groups[0]
        metonyms = [a for a in govs if a.name.lower() in vocab.metonyms()]
        if metonyms and not groups:
            return metonyms[0]
        name = f"{countries.country_name(code) or code} government"
        return self.table.get_or_add(_group_key("government", "GOV", code, "plain", ""), name, "government",
                                     code, "GOV")

    def collective(self, phrase: str, code: str | None, style: str | None) -> Actor | None:
        """The document's actor for a collective noun ("junta", "army") of a country, if any;
        a government is found or created by ``government``."""
        spec = vocab.collective_nouns().get(phrase)
        if spec is None:
            return None
        kind = spec["kind"]
        if kind == "government":
            if code:
                return self.government(code, style)
            govs = [a for a in self.table.actors if a.key.startswith("group:government:") and a.country
                    and (style is None or f":{style}:" in a.key)]
            return govs[0] if len({a.country for a in govs}) == 1 else None
        same = [a for a in self.table.actors if a.kind == kind and a.kind != "person"
                and (code is None or a.country == code)]
        grouped = [a for a in same if a.key.startswith(f"group:{kind}:")]
        pick = grouped or same
        if pick and (code is not None or len({a.country for a in pick}) == 1):
            return pick[0]
        if code is None:
            return None
        name = f"{countries.country_name(code) or code} {phrase}"
        return self.table.get_or_add(_group_key(kind, spec["sector"], code, "", ""), name, kind, code,
                                     spec["sector"])

    def lift(self, actor: Actor | None, tok: Token | None = None) -> Actor | None:
        """The state an actor acts for in a tie between states: a person's government (or country),
        an institution with no country of its own the country its phrase names ("China's ministry")."""
        if actor is None:
            return None
        if actor.kind == "person":
            offices = self.offices.get(id(actor))
            if offices:
                return offices[0].target
            return self.table.country_actor(actor.country) if actor.country else None
        if not actor.country and actor.kind in ("government", "military", "police") and tok is not None:
            code = self.country_of([c for c in tok.children if c.dep_ in ("poss", "compound", "amod")])
            if code:
                return self.table.country_actor(code)
        return actor

    # -- modality -------------------------------------------------------------------------------------
    def asserted(self, tok: Token) -> bool:
        """Whether the clause governing ``tok`` states the tie as fact: not negated, conditional,
        modal ("could impose"), or under a verb or noun that withholds it ("threatened to")."""
        cur = tok
        for _ in range(10):
            for c in cur.children:
                if c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no"):
                    return False
                if c.dep_ == "aux" and c.lower_ in words("modality", "modal_auxes"):
                    return False
                if c.dep_ == "mark" and c.lower_ in words("modality", "conditions"):
                    return False
            if cur.i != tok.i:
                if cur.pos_ in ("VERB", "AUX") and cur.lemma_ in words("modality", "not_asserted_verbs"):
                    return False
                if cur.pos_ == "NOUN" and cur.lower_ in words("modality", "not_asserted_nouns"):
                    return False
            if cur.dep_ in CLAUSE_EDGES or cur.head.i == cur.i:
                return True  # a relative or adverbial clause states its own facts
            cur = cur.head
        return True

    def asserted_role(self, noun: Token) -> bool:
        """A role noun in apposition ("Hungary, the only member ...") is stated as fact whatever the
        verb around it does; otherwise its clause decides."""
        if noun.dep_ == "appos" or (noun.dep_ == "conj" and noun.head.dep_ == "appos"):
            return not any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in noun.children)
        return self.asserted(noun)

    # -- the pass -------------------------------------------------------------------------------------
    def person_mentions(self) -> list[tuple[Actor, int, int]]:
        """Each run of tokens mentioning one person, in document order."""
        out: list[tuple[Actor, int, int]] = []
        for i in sorted(self.table.by_token):
            actor = self.table.by_token[i]
            if actor.kind != "person":
                continue
            if out and out[-1][0] is actor and out[-1][2] == i:
                out[-1] = (actor, out[-1][1], i + 1)
            else:
                out.append((actor, i, i + 1))
        # "the minister", linked to the person named before, adds no description of its own
        return [(a, s, e) for a, s, e in out if not all(t.is_lower for t in self.doc[s:e])]
    # -- offices --------------------------------------------------------------------------------------
    def read_offices(self, person: Actor, start: int, end: int) -> None:
        """holds_office_in / leads from the title around one mention of a person."""
        sent = sentence_of(self.doc[start])
        contexts: list[tuple[list[Token], Token | None]] = []
        pre, pron = self.pre_context(start, sent)
        name = list(self.doc[start:end])
        lead = _leading_title(name)
        contexts.append((pre + name[:lead], pron))
        contexts.append((self.appos_before(start, sent), None))
        contexts.append((self.appos_after(start, end, sent), None))
        for tokens, owner in contexts:
            if tokens:
                self.office_from(person, tokens, owner, self.doc[start])

    def pre_context(self, start: int, sent: Span) -> tuple[list[Token], Token | None]:
        """The words before a name that can describe it ("Myanmar's military junta leader"), and a
        possessive pronoun that ends them ("his Swedish counterpart")."""
        out: list[Token] = []
        i = start - 1
        while i >= sent.start:
            t = self.doc[i]
            other = self.table.at(i)
            if other is not None and other.kind == "person" and t.lower_ not in _title_words():
                break  # another person's name (a title the model took for a name is kept: "Emir")
            if t.ent_type_ in ("DATE", "TIME") or (out and out[-1].is_title and out[-1].lower_ in _title_words()
                                                   and t.is_lower and not _title_modifier(t)
                                                   and t.lower_ not in ("of", "for")):
                break  # "on Tuesday overrode President X": a capitalised title starts the description
            if t.text in POSSESSIVE or t.tag_ == "POS":
                out.append(t)
            elif t.text == "-" and not t.whitespace_ and i > sent.start and not self.doc[i - 1].whitespace_:
                out.append(t)
            elif t.pos_ in ("PROPN", "NOUN", "ADJ") or (t.pos_ == "NUM" and t.ent_type_ == "ORDINAL"):
                out.append(t)
            elif t.pos_ == "CCONJ" and t.lower_ == "and" and out and out[-1].is_lower and i > sent.start \
                    and self.doc[i - 1].is_lower and self.doc[i - 1].pos_ in ("NOUN", "ADJ"):
                out.append(t)
            elif t.lower_ in ("of", "for") and i > sent.start and self.doc[i - 1].lower_ in _title_words():
                out.append(t)
            elif t.tag_ == "PRP$":
                out.reverse()
                return out, t
            else:
                break
            i -= 1
        out.reverse()
        return out, None

    def appos_before(self, start: int, sent: Span) -> list[Token]:
        """ "Qatar's Emir, Sheikh X": a titled phrase, then a comma, then the name."""
        if start - 1 <= sent.start or self.doc[start - 1].text != ",":
            return []
        tokens, _ = self.pre_context(start - 1, sent)
        return tokens if tokens and tokens[-1].lower_ in _title_words() else []

    def appos_after(self, start: int, end: int, sent: Span) -> list[Token]:
        """ "X, the EEC's commissioner for ...": a titled phrase after the name and a comma, up to its
        head title and an organisation it is "of"; not a list item ("X, the envoy of Y, and Z" names
        three people)."""
        if end >= sent.end - 1 or self.doc[end].text != ",":
            return []
        tokens: list[Token] = []
        i = end + 1
        while i < sent.end:
            t = self.doc[i]
            other = self.table.at(i)
            if (t.pos_ == "DET" and not tokens) or (t.pos_ == "ADV" and i + 1 < sent.end
                                                    and self.doc[i + 1].pos_ == "ADJ"):
                i += 1
                continue
            if other is not None and other.kind == "person" and t.lower_ not in _title_words():
                break
            if not (t.pos_ in ("PROPN", "NOUN", "ADJ") or t.tag_ == "POS" or t.text in POSSESSIVE):
                break
            tokens.append(t)
            i += 1
        while tokens and tokens[-1].lower_ not in _title_words():
            tokens.pop()  # the description ends at its title
        if not tokens:
            return []
        after = tokens[-1].i + 1
        if after < sent.end and self.doc[after].lower_ in ("of", "for"):
            of = [p for p in self.doc[after].children if p.dep_ == "pobj"]
            if of and self.is_named_org(of[0]):
                tokens += [self.doc[after], of[0]]
            after = max(t.i for t in self.doc[after].subtree) + 1
        while after < sent.end and self.doc[after].text == ",":
            after += 1
        if after < sent.end and self.doc[after].pos_ == "CCONJ":
            return []
        return tokens

    def is_named_org(self, tok: Token) -> bool:
        """ "secretary of Iran's Supreme Council" names an organisation; "Secretary of State" a portfolio."""
        actor = self.table.at(tok.i)
        if actor is None or actor.kind == "person":
            return False
        return actor.kind in ("country", "igo") or any(c.dep_ in ("det", "poss") for c in tok.children)

    def office_from(self, person: Actor, tokens: list[Token], owner: Token | None, at: Token) -> None:
        """Read one description of a person: its title, and the organisation or country it is in."""
        lowered = [t.lower_ for t in tokens]
        cut = next((k for k, w in enumerate(lowered) if w in ("of", "for") and k), len(lowered))
        title = next(((end, found) for end in range(cut, 0, -1) if (found := _title_at_end(lowered[:end]))), None)
        if title is None:
            return
        end, (n, kind) = title
        mods = tokens[:end - n]
        mod_words = {t.lower_ for t in mods}
        if mod_words & words("offices", "former"):
            return
        if mods and mods[-1].lower_ in words("offices", "lesser"):
            kind = "officer"
        org: Actor | str | None = None  # an actor, or a collective noun ("junta") to resolve
        org_at = -1
        portfolio: list[Token] = []  # "Defence Secretary": an office's field, not an organisation
        for k, t in enumerate(mods):
            actor = self.table.at(t.i)
            if actor is not None and actor.kind not in ("person", "country"):
                if _portfolio(actor):
                    portfolio.append(t)
                else:
                    org, org_at = actor, k
            elif actor is None and t.lower_ in vocab.collective_nouns() and t.lower_ != "media":
                org, org_at = t.lower_, k
        named = {id(a) for t in tokens[cut:] if self.is_named_org(t) and (a := self.table.at(t.i)) is not None}
        for t in tokens[cut:]:  # "secretary of Iran's Supreme Council", not "Secretary of State"
            actor = self.table.at(t.i)
            if actor is not None and id(actor) in named:
                org, org_at = (actor, len(mods)) if actor.kind != "country" else (org, org_at)
                mods = mods + [t]
        code = self.country_of(mods) or next((a.country for t in portfolio if (a := self.table.at(t.i))
                                              is not None and a.country), None)
        if code is None and org is None and any(t.pos_ == "PROPN" and t.i + 1 < len(self.doc) and
                                                self.doc[t.i + 1].tag_ == "POS" for t in mods):
            return  # "Somaliland's leader": an owner named but not known, so no guess either
        between = mods[org_at + 1:] if org_at >= 0 else mods
        demoted = any(t.pos_ in ("NOUN", "ADJ", "PROPN") and t.lower_ not in words("offices", "neutral")
                      and not self.names_country(t) for t in between) or bool(portfolio)
        title_text = " ".join(lowered[end - n:end])
        if kind == "counterpart":
            held = self.counterpart_office(owner, person)
            if held is not None and code is not None:
                self.record(person, held.relation, self.government(code), at, held.title)
            return
        leads = kind in ("head_of_state", "head") and not demoted
        target: Actor | None
        if isinstance(org, Actor):
            target = self.government(org.country) if org.kind == "country" and org.country else org
        elif isinstance(org, str):
            target = self.collective(org, code or self.fallback_country(person, at), _style(mod_words))
        else:
            code = code or self.fallback_country(person, at)
            target = self.government(code, _style(mod_words)) if code else None
            leads = leads and kind == "head_of_state"  # "Russian intelligence chief X" leads no state
        if target is not None:
            self.record(person, "leads" if leads else "holds_office_in", target, at, title_text)

    def names_country(self, tok: Token) -> bool:
        actor = self.table.at(tok.i)
        if actor is not None:
            return actor.kind == "country"
        return tok.text in POSSESSIVE or countries.country_code(tok.text) is not None or (
            tok.ent_type_ in ("GPE", "NORP") and self.country_of([tok]) is not None)

    def record(self, person: Actor, relation: str, target: Actor, at: Token, title: str) -> None:
        rel = self.add(person, relation, target, at)
        if rel is not None:
            self.offices.setdefault(id(person), []).append(_Office(relation, target, title))
            self.titles.setdefault(id(rel), title)

    def counterpart_office(self, owner: Token | None, person: Actor) -> _Office | None:
        """The office of the person a possessive points at ("his counterpart": his office)."""
        if owner is None:
            return None
        for tok in reversed(self.doc[sentence_of(owner).start:owner.i]):
            actor = self.table.at(tok.i)
            if actor is not None and actor.kind == "person" and actor is not person:
                offices = self.offices.get(id(actor))
                return offices[0] if offices else None
        return None

    def fallback_country(self, person: Actor, at: Token) -> str | None:
        """The country of a title given without one ("President X"): the person's known country, the
        place a sentence opens with ("In Beijing, ..."), the dateline, else the nearest country
        named before in the sentence that is not a destination or place ("visit to Manila")."""
        if person.country:  # what is known of the person outranks where the sentence happens
            return person.country
        sent = sentence_of(at)
        if len(sent) > 3 and sent[0].lower_ == "in" and sent[1].ent_type_ == "GPE":
            ent = entity_at(sent[1])
            if ent is not None and ent.end < sent.end and self.doc[ent.end].text == ",":
                place = gazetteer().lookup(ent.text)
                if place is not None and place.country:
                    return place.country
        if person.country:
            return person.country
        if self.dateline is not None and self.dateline.country \
                and self.dateline.name.lower() not in vocab.international_seats():  # not "BRUSSELS -"
            return self.dateline.country
        name = at
        while name.dep_ in ("compound", "flat") and name.head.i != name.i:
            name = name.head
        for other in [*name.conjuncts]:  # "Kamikawa and Defence Minister X": one delegation
            actor = self.table.at(other.i)
            if actor is not None and actor.kind == "person" and actor.country:
                return actor.country
        if name.dep_ == "nsubj":  # "X headed the Chinese side"
            code = self.country_of([t for o in name.head.children if o.dep_ == "dobj"
                                    for t in o.children if t.dep_ in ("amod", "compound", "poss")])
            if code:
                return code
        for tok in reversed(self.doc[sent.start:at.i]):
            if tok.pos_ == "PRON" or _in_place_phrase(tok):
                continue  # "visit to Manila", "at the Swedish prime minister's office": not theirs
            actor = self.actor_of(tok, nationality=True)
            if actor is not None and actor.kind in ("country", "government") and actor.country:
                return actor.country
            if tok.ent_type_ == "NORP" or (tok.pos_ in ("ADJ", "PROPN") and tok.is_title):
                code = countries.country_code(tok.text)  # "Philippine" inside "Philippine Defence Secretary"
                if code:
                    return code
        return None

    def possessed_government(self, tok: Token) -> None:
        """ "President X's government", "Xi, whose government": X leads that government."""
        for c in tok.children:
            if c.dep_ != "poss":
                continue
            owner = c
            if c.lower_ == "whose":
                verb = tok.head
                while verb.dep_ not in ("relcl", "ROOT") and verb.head.i != verb.i:
                    verb = verb.head
                owner = verb.head if verb.dep_ == "relcl" else c
            person = self.table.at(owner.i)
            if person is None or person.kind != "person":
                continue
            if person.country:  # whose government it is, only the person's country says
                self.record(person, "leads", self.government(person.country), tok, tok.lower_)

    def lead_verb(self, tok: Token) -> None:
        """ "The junta, led by X"; "X heads the commission"."""
        if not self.asserted(tok) and tok.dep_ != "acl":
            return
        if tok.dep_ == "acl" and tok.tag_ == "VBN":
            led = self.table.at(tok.head.i)
            agents = [p for c in tok.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
            for a in agents:
                person = self.table.at(a.i)
                if person is not None and person.kind == "person" and led is not None \
                        and tok.head.lower_ not in words("offices", "temporary"):
                    self.record(person, "leads", led, tok, "leader")
            return
        subjects = [c for c in tok.children if c.dep_ == "nsubj"]
        objects = [c for c in tok.children if c.dep_ == "dobj" and c.lower_ not in words("offices", "temporary")]
        for s in subjects:
            person = self.table.at(s.i)
            if person is None or person.kind != "person":
                continue
            for o in objects:
                target = self.table.at(o.i)
                if target is not None and target.kind in ORG_KINDS:
                    self.record(person, "leads", target, tok, "leader")


def _state(actor: Actor) -> str:
    """One key per state for ties between states: a country, its government and its military."""
    return f"state:{actor.country}" if actor.kind in STATE_KINDS and actor.country else actor.key


def _title_modifier(tok: Token) -> bool:
    """A lower-case word that may stand before a capitalised title ("junta", "former", "top")."""
    low = tok.lower_
    return low in vocab.collective_nouns() or low in words("offices", "neutral") or \
        low in words("offices", "former") or low in words("offices", "lesser")


def _portfolio(actor: Actor) -> bool:
    """Whether an organisation the model found is only an office's field ("Defence", "Philippine Defence")."""
    rest = [w for w in actor.name.lower().split() if countries.country_code(w) is None]
    return bool(rest) and " ".join(rest) in words("offices", "portfolios")


def _in_place_phrase(tok: Token) -> bool:
    """Whether a token sits in a place or owner phrase ("to Manila", "of the UAE")."""
    cur = tok
    for _ in range(4):
        if cur.dep_ not in ("amod", "compound", "poss", "nmod", "case") or cur.head.i == cur.i:
            break
        cur = cur.head
    return cur.dep_ == "pobj" and cur.head.lower_ in PLACE_PREPS


def _style(mod_words: set[str]) -> str | None:
    for style, marks in vocab.government_styles().items():
        if marks & mod_words:
            return style
    return None


def _leading_title(name: list[Token]) -> int:
    """How many tokens at the start of a name span are a title ("Trade Representative X Y")."""
    lowered = [t.lower_ for t in name]
    for k in range(len(name) - 2, -1, -1):
        if _title_at_end(lowered[:k + 1]):
            return k + 1
    return 0
