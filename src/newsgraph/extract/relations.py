"""Standing ties between the actors of one parsed document: who holds an office where, who leads,
belongs to, sanctions, arms, backs or is allied with whom.

Events are things that happened; relations are what the text states as standing ("Russian Prime
Minister X", "the union comprises A, B and C", "EU-sanctioned X", "its major arms supplier,
Russia"). Each relation links two actors of the document's ActorTable (a country's government is
reused or created the way actors.py styles governments), carries the sentence stating it as
evidence, and is seen on the publication date. Cue words live in ``ontology/data/relations.toml``.
"""


from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token

from newsgraph.extract.actors import ActorTable, sentence_of
from newsgraph.extract.roles import (
    MEMBER_KINDS,
    ORG_KINDS,
    STATE_KINDS,
    RoleReader,
    cues,
    words,
)
from newsgraph.model import Actor, Document, Place, Relation


class _Finder(RoleReader):
    """One pass over a parsed document collecting relations between actors of its table."""

    # -- the pass -------------------------------------------------------------------------------------
    def run(self) -> list[Relation]:
        for actor, start, end in self.person_mentions():
            self.read_offices(actor, start, end)
        for tok in self.doc:
            self.read_token(tok)
        self.read_installations()
        return self.relations()

    def read_token(self, tok: Token) -> None:
        low, pos = tok.lower_, tok.pos_
        if pos not in ("NOUN", "PROPN", "VERB", "AUX") and tok.tag_ not in ("VBN", "VBD", "VBG"):
            self.read_modifier(tok, low)  # most words of a sentence ask nothing more
            return
        lemma = tok.lemma_.lower()
        if pos in ("NOUN", "PROPN"):
            if low in words("arms", "suppliers"):
                self.supplier(tok)
            if low in words("support", "nouns"):
                self.supporter(tok)
            if low in words("alliance", "nouns"):
                self.ally(tok)
            if _member_noun(tok):
                self.member(tok)
            if low in words("parts", "nouns"):
                self.part(tok)
            if _sanction_noun(tok):
                self.sanction_noun(tok)
            if low in words("offices", "governments"):
                self.possessed_government(tok)
        if pos in ("VERB", "AUX") or tok.tag_ in ("VBN", "VBD", "VBG"):
            if lemma in words("membership", "verbs") and tok.pos_ == "VERB":
                self.membership_verb(tok)
            if lemma in words("sanctions", "verbs") and tok.dep_ not in ("amod", "compound"):
                self.sanction_verb(tok)
            if lemma in cues()["sanctions"]["owner_verbs"]:
                self.owner_verb(tok, cues()["sanctions"]["owner_verbs"][lemma])
            if lemma in words("arms", "verbs") or lemma in words("arms", "arm_verbs"):
                self.supply_verb(tok)
            if lemma in words("support", "verbs") and tok.dep_ not in ("amod", "compound"):
                self.support_verb(tok)
            if lemma in words("offices", "lead_verbs"):
                self.lead_verb(tok)
        self.read_modifier(tok, low)

    def read_modifier(self, tok: Token, low: str) -> None:
        """ "EU-sanctioned", "Russian-backed", "Saudi-led": a tie told inside one hyphenated word."""
        if low in words("sanctions", "adjectives") or low in words("support", "adjectives") or low == "led":
            self.hyphenated(tok)
    # -- role nouns (supplier, supporter, ally, member, part) ---------------------------------------------
    def holders(self, noun: Token, depth: int = 0) -> list[tuple[Actor, Token]]:
        """The actors a role noun describes: by apposition ("its supplier, Russia"), as the subject of
        a copula ("Russia has been a key supporter") or of "as" ("Russia emerging as the supplier"),
        or shared with a coordinated role noun ("arms supplier and key ally, Russia")."""
        out: list[Token] = []
        for c in noun.children:
            if c.dep_ == "appos" or (c.dep_ == "conj" and c.pos_ == "PROPN" and c.i > 0
                                     and self.doc[c.i - 1].text == ","):
                out.append(c)
        if noun.dep_ == "appos":
            out.append(noun.head)
        verb = None
        if noun.dep_ in ("attr", "acomp", "oprd") and noun.head.lemma_ in ("be", "become", "remain"):
            verb = noun.head
        elif noun.dep_ == "pobj" and noun.head.lower_ == "as" and noun.head.head.pos_ in ("VERB", "AUX"):
            verb = noun.head.head
        if verb is not None:
            out.extend(self.subjects(verb))
        found = [(a, t) for t in out if (a := self.actor_of(t)) is not None]
        if depth < 2:
            for c in noun.children:
                if c.dep_ == "conj" and c.pos_ == "NOUN":
                    found += self.holders(c, depth + 1)
            if noun.dep_ == "conj" and noun.head.pos_ == "NOUN":
                found += self.holders(noun.head, depth + 1)
        seen: set[int] = set()
        return [(a, t) for a, t in found if not (id(a) in seen or seen.add(id(a)))]  # type: ignore[func-returns-value]

    def subjects(self, verb: Token) -> list[Token]:
        """A verb's subjects with their conjuncts and "along with" companions; a coordinated verb
        shares its head's subject ("The bloc closed ... and froze ...")."""
        cur = verb
        for _ in range(3):
            subj = [c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subj or cur.dep_ != "conj":
                break
            cur = cur.head
        out: list[Token] = []
        for s in subj:
            out.append(s)
            out.extend(s.conjuncts)
        for c in cur.children:
            if c.dep_ == "prep" and c.lower_ in ("along", "together", "alongside"):
                for w in [c] + [g for g in c.children if g.dep_ == "prep"]:
                    out.extend(p for p in w.children if p.dep_ == "pobj")
        return out

    def owners(self, noun: Token, preps: Iterable[str], kinds: frozenset[str] | None = None,
               exclude: Iterable[Actor] = ()) -> list[tuple[Actor, Token]]:
        """Whom a role noun relates its holder to: its possessive ("its supplier", a pronoun resolved
        to an actor of ``kinds``) or a prepositional object ("supplier to Myanmar")."""
        out: list[tuple[Actor, Token]] = []
        poss = [c for c in noun.children if c.dep_ == "poss"]
        if not poss and noun.dep_ == "conj":
            poss = [c for c in noun.head.children if c.dep_ == "poss"]
        for p in poss:
            if p.pos_ == "PRON":
                out += self.antecedents(p, kinds, exclude)[:1]
            elif (a := self.actor_of(p)) is not None:
                out.append((a, p))
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ in preps:
                for p in c.children:
                    if p.dep_ == "pobj":
                        for q in [p, *p.conjuncts]:
                            a = self.actor_of(q)
                            if a is not None and a.kind != "country" and q.pos_ == "NOUN":
                                a = self.lift(a, q) or a  # "Myanmar's military": the military
                            if a is not None:
                                out.append((a, q))
        return out

    def supplier(self, noun: Token) -> None:
        """ "Its major arms supplier, Russia"; "the largest supplier of military hardware to Myanmar"."""
        if not _is_arms_context(noun) or not self.asserted_role(noun):
            return
        holders = self.holders(noun)
        for owner, _ in self.owners(noun, words("arms", "recipient_preps"), STATE_KINDS | {"armed-group"},
                                    [a for a, _ in holders]):
            for holder, t in holders:
                self.add(self.lift(holder, t), "supplies_arms_to", owner, noun)

    def supporter(self, noun: Token) -> None:
        """ "Russia has been a key supporter of Myanmar's military"."""
        if not self.asserted_role(noun):
            return
        holders = self.holders(noun)
        for owner, _ in self.owners(noun, ("of", "for"), STATE_KINDS | ORG_KINDS, [a for a, _ in holders]):
            for holder, t in holders:
                self.add(self.lift(holder, t), "supports", owner, noun)

    def ally(self, noun: Token) -> None:
        """ "Its key ally, Russia"; "X, an ally of Y"; "X and Y are allies"."""
        if not self.asserted_role(noun):
            return
        holders = self.holders(noun)
        owners = self.owners(noun, ("of", "to"), STATE_KINDS | {"armed-group", "person"}, [a for a, _ in holders])
        if owners:
            for owner, _ in owners:
                for holder, _ in holders:
                    self.add(holder, "ally_of", owner, noun)
        elif noun.lower_.endswith("allies"):
            for k, (a, _) in enumerate(holders):
                for b, _ in holders[k + 1:]:
                    self.add(a, "ally_of", b, noun)

    def member(self, noun: Token) -> None:
        """ "A, a member of NATO"; "member states such as A and B"; "Hungary, the only member ..."."""
        if not self.asserted_role(noun):
            return
        orgs = [a for a, _ in self.owners(noun, ("of",)) if a.kind in ORG_KINDS]
        orgs += [a for c in noun.children if c.dep_ in ("compound", "nmod") and (a := self.table.at(c.i))
                 is not None and a.kind == "igo"]
        if not orgs:
            igos = {id(a): a for t in sentence_of(noun) if (a := self.table.at(t.i)) is not None and a.kind == "igo"}
            orgs = list(igos.values()) if len(igos) == 1 else []
        members = [a for a, _ in self.holders(noun)]
        for c in noun.children:  # "member states such as A and B", "members including A"
            if c.dep_ == "prep" and c.lower_ in words("membership", "examples"):
                for p in c.subtree:
                    if p.dep_ in ("pobj", "conj", "appos") and (a := self.actor_of(p)) is not None:
                        members.append(a)
        for org in orgs:
            for m in members:
                if m.kind in MEMBER_KINDS:
                    self.add(m, "member_of", org, noun)

    def part(self, noun: Token) -> None:
        """ "The commission is the executive body of the union"; "its KFOR peacekeeping mission"."""
        if not self.asserted_role(noun):
            return
        holders = self.holders(noun)
        holders += [(a, c) for c in noun.children if c.dep_ in ("compound",)
                    and (a := self.table.at(c.i)) is not None and a.kind in ORG_KINDS]
        owners = self.owners(noun, ("of",), ORG_KINDS | {"country"}, [a for a, _ in holders])
        for owner, _ in owners:
            for holder, _ in holders:
                if holder.kind == "person" or owner.kind == "person":
                    continue
                rel = "member_of" if holder.kind == "country" and owner.kind == "igo" else "part_of"
                self.add(holder, rel, owner, noun)

    def membership_verb(self, verb: Token) -> None:
        """ "The union comprises A, B and C" (and "Besides A, the union comprises B")."""
        if not self.asserted(verb):
            return
        orgs = [a for s in self.subjects(verb) if (a := self.actor_of(s)) is not None and a.kind in ("igo",
                                                                                                    "organisation")]
        if not orgs:
            return
        objects: list[Token] = []
        for c in verb.children:
            if c.dep_ in ("dobj", "conj") and c.pos_ in ("NOUN", "PROPN"):
                objects.append(c)
            elif c.dep_ == "prep" and (c.lower_ in words("membership", "extra_preps") or c.lower_ == "of"):
                objects += [p for p in c.subtree if p.dep_ == "pobj"]
        for obj in objects:
            for t in obj.subtree:
                if t.dep_ == "relcl":
                    break
                member = self.table.at(t.i)
                if member is not None and member.kind in MEMBER_KINDS:
                    for org in orgs:
                        self.add(member, "member_of", org, verb)

    def read_installations(self) -> None:
        """A named military installation ("X Naval Base") belongs to its country's armed forces,
        when the document names them."""
        for actor in self.table.actors:
            words_ = actor.name.lower().split()
            if actor.kind != "military" or not actor.country or len(words_) < 2 or not actor.mentions:
                continue
            if words_[-1] not in words("parts", "installations") and \
                    " ".join(words_[-2:]) not in words("parts", "installations"):
                continue
            forces = [a for a in self.table.actors if a.kind == "military" and a.country == actor.country
                      and a is not actor and a.name.lower().split()[-1] not in words("parts", "installations")]
            if not forces:
                continue
            forces.sort(key=lambda a: not a.key.startswith("org:"))  # a named force before "the military"
            span = self.doc.char_span(actor.mentions[0].start, actor.mentions[0].end, alignment_mode="expand")
            if span is not None:
                self.add(actor, "part_of", forces[0], span[0])

    # -- sanctions --------------------------------------------------------------------------------------
    def sanction_noun(self, noun: Token) -> None:
        """ "US sanctions against X"; "imposed sanctions on X"; "the tariffs it imposed on X"."""
        own_sources = [c for c in noun.children if c.dep_ in ("compound", "amod", "poss", "nmod")
                       and self.sanction_parties(c, source=True)]  # "US sanctions", not "visa restrictions"
        own_targets = self.prep_objects(noun, words("sanctions", "target_preps"))
        if own_sources and own_targets and self.asserted(noun):
            self.sanctions(own_sources, own_targets, noun)
        verbs: list[Token] = []
        if noun.dep_ in ("dobj", "nsubjpass") and noun.head.lemma_ in words("sanctions", "impose_verbs"):
            verbs.append(noun.head)
        if noun.dep_ == "pobj" and noun.head.head.lemma_ in words("sanctions", "impose_verbs") \
                and noun.head.lower_ == "with":  # "hit China with tariffs"
            verbs.append(noun.head.head)
        verbs += [c for c in noun.children if c.dep_ in ("relcl", "acl")
                  and c.lemma_ in words("sanctions", "impose_verbs")]
        for verb in verbs:
            if not self.asserted(verb):
                continue
            if verb.dep_ in ("relcl", "acl") and verb.head.i == noun.i:
                sources = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
                sources += [c for c in verb.children if c.dep_ == "nsubj"]
            else:
                sources = own_sources or self.subjects(verb)
            targets = self.prep_objects(verb, words("sanctions", "target_preps")) + own_targets
            if noun.dep_ == "pobj":  # "hit X with tariffs": X is the object
                targets = targets or [c for c in verb.children if c.dep_ == "dobj"]
            self.sanctions(sources, targets, verb)

    def prep_objects(self, head: Token, preps: Iterable[str]) -> list[Token]:
        """Objects of the given prepositions under ``head``, with coordinated objects and preps."""
        preps = set(preps)
        out: list[Token] = []
        for c in head.children:
            if (c.dep_ in ("prep", "agent", "dative") or (c.dep_ == "conj" and c.pos_ == "ADP")) \
                    and c.lower_ in preps:
                for prep in [c, *[x for x in c.conjuncts if x.lower_ in preps]]:
                    for p in prep.children:
                        if p.dep_ in ("pobj", "pcomp") and p.ent_type_ not in ("DATE", "TIME"):
                            out += [p, *p.conjuncts]
        return list({t.i: t for t in out}.values())

    def sanctions(self, sources: list[Token], targets: list[Token], at: Token) -> None:
        src = [(a, t) for t in sources for a in self.sanction_parties(t, source=True)]
        if any(_reciprocal(t) for t in targets) and len(src) >= 2:
            for a, _ in src:
                for b, _ in src:
                    if a is not b:
                        self.add(a, "sanctions", b, at)
            return
        tgt = [a for t in targets for a in self.sanction_parties(t, source=False)]
        for a, _ in src:
            for b in tgt:
                self.add(a, "sanctions", b, at)

    def sanction_parties(self, tok: Token, *, source: bool) -> list[Actor]:
        """The actors a sanctioning or sanctioned phrase names. A source acts for its state ("US
        Secretary of State X announced"); a target named by nationality is that country's officials,
        officers or goods ("Georgian officials", "Australian barley")."""
        if tok.pos_ == "PRON":
            found = self.antecedents(tok)[:None if tok.lower_ in ("they", "them", "their") else 1]
            lifted = [self.lift(a, t) if source else a for a, t in found]
            return [a for a in lifted if a is not None]
        actor = self.actor_of(tok, nationality=True)
        if actor is not None:
            return [a] if (a := self.lift(actor, tok) if source else actor) is not None else []
        if source or tok.pos_ != "NOUN":
            return []
        code = self.country_of([c for c in tok.children if c.dep_ in ("amod", "compound", "poss", "nmod")])
        if code is None:
            poss = [c for c in tok.children if c.dep_ == "poss" and c.pos_ == "PRON"]
            return [a for a, _ in self.antecedents(poss[0], STATE_KINDS)[:1]] if poss else []
        low = tok.lower_
        if low in ("officials", "diplomats", "ministers", "lawmakers", "politicians", "leaders"):
            return [self.government(code)]
        if low in ("officers", "commanders", "generals", "soldiers", "troops"):
            return [a] if (a := self.collective("military", code, None)) is not None else []
        return [self.table.country_actor(code)]

    def sanction_verb(self, verb: Token) -> None:
        """ "The US sanctioned X"; "X was sanctioned by the EU"."""
        if not self.asserted(verb):
            return
        agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        if agents:
            self.sanctions(agents, [c for c in verb.children if c.dep_ == "nsubjpass"], verb)
        else:
            self.sanctions([c for c in verb.children if c.dep_ == "nsubj"],
                           [c for c in verb.children if c.dep_ == "dobj"], verb)

    def owner_verb(self, verb: Token, objects: list[str]) -> None:
        """ "The bloc froze the country's assets": the owner of the assets is sanctioned."""
        if not self.asserted(verb):
            return
        for obj in (c for c in verb.children if c.dep_ == "dobj" and c.lower_ in objects):
            owners = [c for c in obj.children if c.dep_ == "poss"] + self.prep_objects(obj, ("of",))
            self.sanctions(self.subjects(verb), owners, verb)

    def hyphenated(self, tok: Token) -> None:
        """ "EU-sanctioned X", "Iran-backed X", "Saudi-led X": the party before the hyphen, the actor
        the phrase describes after it."""
        if tok.i < 2 or self.doc[tok.i - 1].text != "-" or self.doc[tok.i - 1].whitespace_:
            return
        party = self.actor_of(self.doc[tok.i - 2], nationality=True)
        if party is None:
            return
        described = None
        for t in self.doc[tok.i + 1:min(sentence_of(tok).end, tok.i + 12)]:
            if (a := self.table.at(t.i)) is not None and a is not party:
                described = a
                break
            if t.pos_ not in ("NOUN", "ADJ", "PROPN", "CCONJ", "PUNCT") or t.text == ",":
                break
        if described is None:
            return
        low = tok.lower_
        if low in words("sanctions", "adjectives"):
            self.add(self.lift(party), "sanctions", described, tok)
        elif low == "led":
            if party.kind == "person" and described.kind in ORG_KINDS:
                self.record(party, "leads", described, tok, "leader")
        else:
            self.add(self.lift(party), "supports", described, tok)

    # -- arms and support -------------------------------------------------------------------------------
    def supply_verb(self, verb: Token) -> None:
        """ "X delivered drones to Y"; "X sells weapons to Y"; "X is arming Y"."""
        if not self.asserted(verb):
            return
        sources = self.subjects(verb)
        if not sources and verb.dep_ == "pcomp" and verb.head.head.pos_ == "VERB":  # "accused X of arming Y"
            sources = [c for c in verb.head.head.children if c.dep_ == "dobj"]
        if verb.lemma_.lower() in words("arms", "arm_verbs"):
            for s in sources:
                for o in (c for c in verb.children if c.dep_ == "dobj"):
                    self.add(self.lift(self.actor_of(s), s), "supplies_arms_to", self.actor_of(o), verb)
            return
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        recipients = self.prep_objects(verb, words("arms", "recipient_preps"))
        recipients += [c for c in verb.children if c.dep_ == "dative" and c.pos_ != "ADP"]
        for obj in objects:
            for t in obj.subtree:
                if t.dep_ == "prep" and t.lower_ in words("arms", "recipient_preps"):
                    recipients += [p for p in t.children if p.dep_ == "pobj"]
        arms = any(_is_arms(t) for o in objects for t in o.subtree)
        for r in recipients:
            target = self.actor_of(r)
            if target is None or not (arms or target.kind == "military"):
                continue
            for s in sources:
                self.add(self.lift(self.actor_of(s), s), "supplies_arms_to", target, verb)

    def support_verb(self, verb: Token) -> None:
        """ "X backs Y"; "Y is backed by X"."""
        if not self.asserted(verb):
            return
        agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        if agents:
            pairs = [(a, o) for a in agents for o in verb.children if o.dep_ == "nsubjpass"]
        else:
            pairs = [(s, o) for s in self.subjects(verb) for o in verb.children if o.dep_ == "dobj"]
        for s, o in pairs:
            target = self.table.at(o.i)
            if target is not None:
                self.add(self.lift(self.actor_of(s), s), "supports", target, verb)


# --- helpers -----------------------------------------------------------------------------------------


def _member_noun(tok: Token) -> bool:
    if tok.dep_ == "compound":
        return False
    if tok.lower_ in words("membership", "nouns"):
        return True
    return tok.lemma_.lower() in ("state", "country", "nation") and any(
        c.dep_ == "compound" and c.lower_ == "member" for c in tok.children)


def _sanction_noun(tok: Token) -> bool:
    low = tok.lower_
    if low in words("sanctions", "nouns"):
        return tok.dep_ != "compound"
    need = cues()["sanctions"]["qualified"].get(low)
    return bool(need) and any(c.lower_ in need for c in tok.children if c.dep_ in ("compound", "amod"))


def _reciprocal(tok: Token) -> bool:
    """ "each other's goods": the measure runs both ways between the parties."""
    return any(t.lower_ == "other" and any(c.lower_ in ("each", "one") for c in t.children) for t in tok.subtree)


def _is_arms(tok: Token) -> bool:
    low = tok.lower_
    if low in words("arms", "nouns"):
        return True
    return low in words("arms", "qualified") and any(
        c.lower_ in words("arms", "qualifiers") for c in tok.children if c.dep_ in ("amod", "compound"))


def _is_arms_context(noun: Token) -> bool:
    """Whether a supplier noun is about weapons ("arms supplier", "supplier of military hardware")."""
    return any(_is_arms(t) for t in noun.subtree if t.i != noun.i)
def find_relations(doc: Doc, table: ActorTable, document: Document, dateline: Place | None = None) -> list[Relation]:
    """The standing ties a parsed document states between actors of its table, each with the sentence
    stating it as evidence and the publication date as when it was seen."""
    return _Finder(doc, table, document, dateline).run()
