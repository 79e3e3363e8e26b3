"""Events stated in one parsed document: who did what to whom, when, where, how much.

A word from the trigger vocabulary (ontology/data/triggers.toml) names the event; the dependency
parse gives its participants (subject, object, prepositional objects, possessors, nationality
adjectives), read through the document's ActorTable. Modality comes from auxiliaries, governing
verbs ("plan to", "refused to") and conditionals; time, place and amounts are the ones attached to
the trigger's clause. A clause that states an event without naming its participants ("an agreement
was signed during this visit", "the two sides discussed") takes them from the event it refers to.
Nothing is emitted that the text does not state: an event needs a named source or target.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.actors import (
    CROWD_KINDS,
    DESIGNATION,
    MISSION_NOUNS,
    ON_THE_GROUND,
    OUTSIDE_STATE,
    ActorTable,
    aligned_with,
    branch_of_state,
    camp,
    coordination_head,
    demonym,
    entity_at,
    own_place,
    own_plural_subject,
    sentence_evidence,
    sentence_index_of,
    sentence_of,
    sentences,
    side,
    state_of_place,
)
from newsgraph.extract.aims import aimed_by_nature
from newsgraph.extract.filter import Features, bucket, event_filter, implicit_ranker
from newsgraph.extract.modality import modality_of, told_before_charge
from newsgraph.extract.places import gazetteer
from newsgraph.extract.triggers import (
    LOCATIVE,
    PHYSICAL,
    TriggerReader,
    asked_clause,
    asks_for_clause,
    nominal_verb,
    predicate_of,
)
from newsgraph.model import Actor, Document, Event, Place, Quantity, TimeValue
from newsgraph.names import name_key
from newsgraph.ontology import countries, vocab
from newsgraph.ontology.vocab import Trigger

# Types whose one-sided reports are still events (a protest needs no named target).
MONADIC = {"PROTEST", "MOBILIZE"}
DEPLOYING = {"MOBILIZE", "RETREAT", "AID"}  # acts that move forces: their personnel are counted as troops
SYMMETRIC = {"AGREE", "CONSULT", "COOPERATE"}
# Objects of "fight" that are the fight itself ("fought a war", "fought each other").
WAR_OBJECTS = frozenset({"war", "battle", "fight", "clash", "skirmish", "conflict", "duel", "other", "one"})
# Who is deployed: a force told as the object of "deploy" is the one that moves.
FORCE_KINDS = {"military", "police", "armed-group"}
STATE_AND_FORCE_KINDS = FORCE_KINDS | {"country", "government"}
# Modes of an act that leaves someone held: whose release is later asked for is asked of its doer.
DETAINING_MODES = {"arrest", "prosecute", "seize", "abduct"}
# At most this many actors on one side of one act ("Canada, Brazil, Colombia, Peru and Argentina
# backed X" is five events); a longer list is more often a misparse than a coalition named in full.
MAX_SIDES = 6
# Reactions whose target is whoever authored the thing reacted to ("rejected the plan put forward by X").
AUTHORED = {"REJECT", "ACCUSE", "SUPPORT"}
# Verbs that make a text or a decision, even where they are coded as a stance ("adopted a resolution").
MAKING_VERBS = frozenset({"adopt", "pass", "approve", "issue", "sign", "make", "take", "announce", "publish",
                          "unveil", "table", "propose", "endorse"})
# Acts that several named senders may each aim at the same unnamed third ("Egypt and Qatar condemned")
ONE_WAY = {"ACCUSE", "REQUEST", "REJECT", "AID", "SANCTION", "THREATEN"}
# Responses to what the clause's subject did ("..., drawing condemnation from X": X condemns the subject).
DOMESTIC = {"police", "government"}  # kinds of actor that act on their own state's people
HOSTILE = {"ASSAULT", "COERCE", "SANCTION", "THREATEN"}  # acts an allegation can ascribe
FORCEFUL = {"ASSAULT", "COERCE", "SANCTION"}  # acts whose announcement in words is a threat
FUTURE_MODALS = {"would", "will", "could", "might", "may", "'ll", "shall"}
REACTIONS = {"ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "SUPPORT"}
TOPIC_PREPS = ("about", "on", "over", "regarding", "including")
# Acts whose "of" object is the one acted on, never their author: "the killing / arrest / release of X".
ACTED_ON = PHYSICAL | {"ASSAULT", "CONCEDE"}
SUBJECT_DEPS = {"nsubj", "csubj"}
PERSONAL = {"he", "she", "him", "her", "his", "hers"}
# "both leaders", "the two ministers": people who speak for states, so two people of a known state
STATE_PAIR_HEADS = {"leader", "president", "minister", "premier", "counterpart", "envoy", "diplomat", "negotiator"}
IMPERSONAL = {"it", "its"}
PLURAL = {"they", "them", "their"}
FIRST_PERSON = {"we", "us", "our", "i", "me", "my"}
NONE_DETS = {"any", "no", "every"}  # "warned against any attack": a noun that reports no act
AIMED = ("at", "on", "against", "upon")  # prepositions of an act aimed at someone, not a direction
# Nouns for people who serve the state where they are ("officials in Kyiv"), and the words that
# may qualify them without saying whose they are.
STATE_SERVANTS = frozenset({"official", "authority", "authorities"})
SERVANT_RANKS = frozenset({"senior", "top", "local", "government", "security", "state", "ministry", "military",
                           "defence", "defense", "foreign", "some", "other", "several", "two", "three"})
REFERRING_DETS = {"the", "this", "that", "these", "those", "such"}
WHERE = {"in", "at", "near", "inside", "within", "across", "around", "outside"}  # "an intervention in Niger"
INHERIT_WINDOW = 4  # sentences back that "the two sides" / "the talks" may refer to
DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})  # "this had nothing to do with Russia": a thing
# What "there was no ..." disowns: "there had been no US involvement", "no Russian role".
DISOWNED_PARTS = frozenset({"involvement", "role", "part", "link", "links", "responsibility", "hand"})
OWN_POSSESSIVES = frozenset({"its", "their", "his", "her", "our"})
LEAD_SENTENCES = 2  # the first sentences of a story, where its main act is told (a dateline may be one)
TOPIC_PAIRS = frozenset({"conflict", "dispute", "war", "tension", "rivalry", "row", "feud", "talk", "negotiation",
                         "border", "boundary", "frontier"})  # "the conflict between A and B": what is talked of
SITTINGS = frozenset({"meeting", "session", "sitting", "hearing", "debate", "summit"})  # a body's sitting, asked for
REFERRED_WINDOW = 12  # sentences back that "the sanctions" / "the attack" may point at an act of its kind
# Nouns of answering: "in retaliation for US strikes" tells the strikes as the reason for another act.
ANSWER_NOUNS = frozenset({"retaliation", "response", "revenge", "reprisal", "reply", "answer"})
# Prepositions that set a noun apart from the clause's action ("despite sanctions", "amid fighting").
BACKGROUND_PREPS = {"despite", "amid", "amidst", "notwithstanding", "unlike", "besides", "including",
                    "like", "beyond"}


@dataclass
class _Args:
    sources: list[Actor]
    targets: list[Actor]
    inherited: bool = False
    explicit_target: bool = False  # the text names a target we could not resolve
    implicit: Features | None = None  # the side the text left unsaid was ranked in: how it was found


def _main_subject(tok: Token) -> bool:
    """Whether a subject word (or a word of its name) is the subject of its sentence's main verb,
    or of a verb coordinated with it, rather than of a clause inside it."""
    subj = tok if tok.dep_ in ("nsubj", "nsubjpass") else tok.head
    return coordination_head(subj.head).dep_ == "ROOT"


def _clause_subject(clause: Token) -> Token | None:
    """A reported clause's own subject, or for a conjunct the one it shares ("said Israel would be
    found and punished"); unlike ``_subject``, no climb through chains of clauses."""
    heads = [clause, clause.head] if clause.dep_ == "conj" else [clause]
    return next((c for h in heads for c in h.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _subject(verb: Token) -> tuple[Token | None, bool]:
    """The verb's subject (and whether the clause is passive), looking up through
    xcomp/conj/relcl chains for clauses that share their subject with another."""
    cur: Token | None = verb
    seen = 0
    while cur is not None and seen < 6:
        seen += 1
        for c in cur.children:
            if c.dep_ in SUBJECT_DEPS:
                if c.tag_ in ("WP", "WDT") and cur.dep_ == "relcl":
                    return cur.head, False  # "X, who visited Moscow": X
                return c, False
            if c.dep_ == "nsubjpass":
                if cur is verb:
                    return c, True
                return c, False  # "X was scheduled to meet Y": X is the subject of meet
        for aux in (c for c in cur.children if c.dep_ == "aux"):  # the parser hung it on "had"
            for c in aux.children:
                if c.dep_ in SUBJECT_DEPS:
                    return c, False
        if cur.dep_ == "xcomp" and cur.head.lemma_ in vocab.modality_words()["object_control"]:
            ctrl = next((c for c in cur.head.children if c.dep_ in ("dobj", "dative")), None)
            if ctrl is None:  # "called on Serbia to withdraw"
                ctrl = next((p for c in cur.head.children if c.dep_ == "prep" and c.lower_ in ("on", "upon")
                             for p in c.children if p.dep_ == "pobj" and p.ent_type_ not in ("DATE", "TIME")),
                            None)
            if ctrl is not None:
                return ctrl, False
        if cur.dep_ == "pcomp" and cur.head.lower_ == "of" and \
                cur.head.head.lemma_ in vocab.modality_words()["object_control"]:
            ctrl = next((c for c in cur.head.head.children if c.dep_ == "dobj"), None)
            if ctrl is not None:  # "accused Belgrade of organising the attack"
                return ctrl, False
        if cur.dep_ in ("xcomp", "conj", "advcl", "pcomp", "acomp") and cur.head.i != cur.i:
            cur = cur.head  # "is due to meet", "accused X", "accusing X"
        elif cur.dep_ == "prep" and cur.pos_ == "ADP" and cur.head.i != cur.i and cur.i != verb.i:
            cur = cur.head  # "responded by urging X"
        elif cur.dep_ in ("relcl", "acl") and cur.head.i != cur.i:
            return cur.head, cur.dep_ == "acl" and cur.tag_ == "VBN"
        else:
            return None, False
    return None, False


class _EventFinder:
    def __init__(self, doc: Doc, table: ActorTable, document: Document, times: list[TimeValue],
                 places: list[Place], quantities: list[Quantity], dateline: Place | None) -> None:
        self.doc = doc
        self.table = table
        self.document = document
        self.times = times
        self.places = places
        self.quantities = quantities
        self.dateline = dateline
        self.events: list[Event] = []
        self.last_consult: Event | None = None
        self.trigger_tokens: dict[int, Token] = {}
        self.sentence_index = 0
        self.trigger_reader = TriggerReader(self.kinds_of)
        self.clause_ranges: dict[int, tuple[int, int]] = {}
        self.layered: set[int] = set()  # ids of events a dictionary or nominal trigger stated
        self.features: dict[int, Features] = {}  # id(event) -> what the learned filter reads
        self.sentence_words: dict[int, set[str]] = {}  # sentence start -> its words and lemmas
        self.sentence_triggers: dict[int, list[Token]] = {}  # sentence start -> its trigger tokens
        # every act the text ascribes to someone, emitted or not (a seizure of "a cargo ship" has no
        # target actor): (type, source, target, sentence index), for reactions that point back at it
        self.acts: list[tuple[str, Actor, Actor | None, int]] = []
        self.act_words: list[str] = []  # the trigger lemma of each act, in step with ``acts``
        self.act_asides: list[bool] = []  # whether each act was told in passing (``_told_in_passing``)
        # events whose unsaid side the ranker chose; with ``all_implicit`` every ranked option
        # (what the ranker is trained on). Kept apart so that no later rule reads a guessed side.
        self.implicit: list[Event] = []
        self.all_implicit = False
        self.prominence: list[str] | None = None  # parties by mentions, for the ranker; read once
        self.nationals: dict[int, str] = {}  # token -> country a nationality or place word names

    # -- resolving an argument token to actors ---------------------------------------------------
    def kinds_of(self, tok: Token) -> set[str]:
        """The kinds of actor a word stands for, for a trigger's condition on its object: none for a
        word naming an act ("welcomed the German decision" welcomes no one to the country)."""
        if tok.pos_ == "NOUN" and self.table.at(tok.i) is None and (
                tok.lemma_.lower() in vocab.modality_words()["act_nouns"] or self.act_kind(tok) is not None):
            return set()
        return {a.kind for a in self.actors_of(tok)}

    def conjoined_states(self, modifier: Token) -> list[Actor]:
        """The states of nationality words coordinated with a noun's modifier ("Israeli and [US] strikes",
        "US and [British] strikes"); not a stance ("pro-Russian")."""
        return [self.table.country_actor(code) for x in modifier.conjuncts
                if x.ent_type_ in ("NORP", "GPE") and not aligned_with(x) and (code := countries.country_code(x.text))]

    def actors_of(self, tok: Token, exclude: Iterable[Actor] = ()) -> list[Actor]:
        """Actors a noun phrase headed by ``tok`` stands for, coordinated ones included
        ("negotiators from the United States and China" stands for both)."""
        out: list[Actor] = []
        for t in [tok] + list(tok.conjuncts) + self.listed_as_apposition(tok):
            found: list[Actor | None] = [self.actor_of(t)]
            if t.pos_ == "PRON" and t.lower_ in PLURAL and found[0] is not None and found[0].kind == "country":
                found = list(self.antecedent_states(t, found[0]))  # "Saudi Arabia and Bahrain said they ..."
            nationals = [x for c in t.children if c.dep_ in ("amod", "nmod", "compound")
                         and (c.ent_type_ in ("NORP", "GPE") or (c.is_title and countries.country_code(c.text)))
                         and countries.country_code(c.text) and not aligned_with(c)  # "U.S. and British warships"
                         for x in [c] + list(c.conjuncts)]
            own = self.table.at(t.i)
            if len(nationals) > 1 and (own is None or own.key.startswith("group:")):  # "Armenian and Turkish envoys"
                found = [self.table.country_actor(code) for x in nationals if (code := countries.country_code(x.text))]
            if own is not None and own.key.startswith("group:") and any(
                    c.dep_ == "poss" and c.lower_ in PLURAL and own_plural_subject(c) for c in t.children):
                continue  # "A and B will reopen their embassies": their own, no third party
            named = [a for c in t.children if c.dep_ == "appos" for x in [c] + list(c.conjuncts)
                     if (a := self.table.at(x.i)) is not None and a.kind == "person"]
            if named and (own is None or own.key.startswith("group:") or own.kind != "person"):
                found = list(named)  # "two ministers, X and Y": the two people, not their government
            nameless = own is not None and own.key.startswith("group:") and own.country is None
            if self.acted_on(t):
                pass  # "the killing of the policeman", "the release of X": who is "of" it was acted on
            elif (found[0] is None or nameless) and t.pos_ == "NOUN" and t.lower_ not in vocab.gathering_heads() \
                    and t.lower_ not in vocab.kin_nouns():  # "the sister of Kim Jong Un" is not Kim
                objs = [p for c in t.children if c.dep_ == "prep" and c.lower_ in ("of", "from")
                        for p in c.children if p.dep_ == "pobj"]
                of = [self.actor_of(x) for o in objs for x in [o] + list(o.conjuncts)]
                if not any(of):  # "officers from both sides": the two sides told before
                    of = [a for o in objs for a in self.recent_pair(o, exclude)] or of
                found = of if any(of) or not nameless else found
            if own is not None and own.key.startswith("group:"):  # "the judges of the Crimes Tribunal"
                named = [a for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                         for o in c.children if o.dep_ == "pobj" and (a := self.table.at(o.i)) is not None
                         and not a.key.startswith("group:") and a.kind not in ("person", "country")]
                if named:
                    found = [named[0]]
            if own is not None and own.key.startswith("group:"):  # "the ministers of Brazil, India and South Africa"
                found += [a for c in t.children if c.dep_ == "prep" and c.lower_ in ("of", "from")
                          for o in c.children if o.dep_ == "pobj"
                          and (b := self.table.at(o.i)) is not None and b.kind == "country"
                          for x in o.conjuncts if (a := self.actor_of(x)) is not None and a.kind == "country"]
            if t.pos_ == "NOUN" and len(found) == 1 and found[0] is not None and not self.acted_on(t):
                # "the leaders of Uganda and Tanzania": the head took the first state; the others too
                first = found[0]
                found += [a for c in t.children if c.dep_ == "prep" and c.lower_ in ("of", "from")
                          for o in c.children if o.dep_ == "pobj" and self.actor_of(o) is first
                          for x in o.conjuncts if (a := self.actor_of(x)) is not None and a.kind == first.kind]
            for actor in found:
                if actor is not None and actor not in out and actor not in exclude:
                    out.append(actor)
        if tok.pos_ == "NOUN" and (len(out) < 2 or any(a.key.startswith("group:") for a in out)):
            out = self.recent_pair(tok, exclude) or out  # "the two governments" is no new group
        return out

    def listed_as_apposition(self, tok: Token) -> list[Token]:
        """The rest of a list the parser hung on its first item as an apposition: in "Canada, Brazil,
        Colombia and Peru backed X" Brazil comes out as "appos" of Canada and the others as its
        conjuncts (or an "npadvmod"). Only a list of actors of one non-person kind, so "Brazil, a major exporter," or
        "the minister, Mauro Vieira," stay what they are."""
        own = self.table.at(tok.i)
        if own is None or own.kind == "person":
            return []
        out: list[Token] = []
        for c in tok.children:
            other = self.table.at(c.i) if c.dep_ in ("appos", "npadvmod", "dep") else None
            if other is not None and other.kind == own.kind and other is not own \
                    and any(x.dep_ == "conj" for x in c.children):
                out += [c] + list(c.conjuncts)
        return out

    def recent_pair(self, tok: Token, exclude: Iterable[Actor]) -> list[Actor]:
        """The two actors "both men" / "the two governments" point back at: the article's dyad when one
        pair of sides acts on each other most; else the two latest distinct fitting actors named in this
        sentence before it or in the five sentences before (for "the two presidents", the latest two
        named with that title, when two are)."""
        wanted = vocab.pair_heads().get(tok.lemma_.lower())
        kids = {c.lower_: c for c in tok.children}
        paired = "both" in kids or ("two" in kids and kids["two"].dep_ == "nummod"
                                    and any(d in kids for d in ("the", "these", "those")))
        if wanted is None or not paired or tok.tag_ != "NNS":
            return []
        exclude = list(exclude)
        sents = sentences(self.doc)
        start = sents[max(0, self.sentence_index - 5)].start
        found: list[Actor] = []
        def same(a: Actor) -> str:  # a state and its government are one side; two compatriots are two
            return a.key if a.kind == "person" else side(a)
        seen = {same(a) for a in exclude}
        # the article's dyad: the pair of sides told acting on each other most often ("urged both sides")
        side_of = same if wanted == "person" else side if wanted == "state" else _party
        dyads: Counter[frozenset[str]] = Counter()
        latest: dict[str, Actor] = {}
        for _, src, tgt, _ in self.acts:
            if tgt is None or not (self.fits_pair(src, wanted) and self.fits_pair(tgt, wanted)):
                continue
            sides = (side_of(src), side_of(tgt))
            if sides[0] != sides[1] and not set(sides) & seen:
                dyads[frozenset(sides)] += 1
                latest[sides[0]], latest[sides[1]] = src, tgt
        top = dyads.most_common(2)
        if top and top[0][1] >= 2 and (len(top) == 1 or top[1][1] < top[0][1]):
            if wanted == "state":
                return [self.table.country_actor(c) for c in sorted(top[0][0])]
            return [latest[k] for k in sorted(top[0][0])]
        for i in range(tok.left_edge.i - 1, start - 1, -1):
            actor = self.table.at(i)
            if actor is None and self.doc[i].ent_type_ in ("NORP", "GPE") and wanted != "person" \
                    and (code := countries.country_code(self.doc[i].text)):
                actor = self.table.country_actor(code)  # "no Pakistani national", "in Tehran"
            if actor is None or same(actor) in seen or actor.kind == "media":
                continue
            if exclude and self.within_phrase_of(self.doc[i], exclude):
                continue  # "U.N. Secretary-General Guterres urged both sides": the speaker's own body is no side
            is_person = actor.kind == "person"
            if (wanted == "person") != is_person or (wanted == "state" and (
                    actor.kind not in ("country", "government") or actor.country is None)):
                continue
            if not is_person and actor.country is None and actor.key.startswith("group:"):
                continue  # "their envoys": no side of its own
            found.append(actor)
            seen.add(same(actor))
        if wanted == "person":  # "the two presidents": the two named presidents, before the latest two names
            # ("reacted on Twitter", tagged as a person); "both leaders": two people of a known state (not "the
            # two men", who may be anyone: "met the businessman Elon Musk")
            pools = [[a for a in found if any(tok.lemma_.lower() in r.title.lower().split() for r in a.roles)]]
            if tok.lemma_.lower() in STATE_PAIR_HEADS:
                pools.append([a for a in found if a.country])
            for pool in pools:
                if len(pool) >= 2:
                    return pool[:2][::-1]
        return found[:2][::-1] if len(found) >= 2 else []

    @staticmethod
    def fits_pair(actor: Actor, wanted: str) -> bool:
        """Whether an actor can be one of "both X" for a head noun that wants ``wanted``."""
        if wanted == "person":
            return actor.kind == "person"
        if wanted == "state":  # a state's people and organs act for it
            return actor.country is not None
        return actor.kind != "media" and (actor.country is not None or not actor.key.startswith("group:"))

    def actor_of(self, tok: Token) -> Actor | None:
        actor = self.table.at(tok.i)
        if actor is not None:
            return actor
        low = tok.lower_
        if tok.pos_ == "PRON":
            return self.antecedent(tok)
        if low in vocab.gathering_heads():
            return None  # "the NATO summit" is a venue
        for c in tok.children:  # "the delegation led by X": X speaks for it
            if c.dep_ == "acl" and c.lemma_ in ("lead", "head"):
                for by in self.prep_objects(c, ("by",)):
                    if self.table.at(by.i) is not None:
                        return self.table.at(by.i)
        for c in tok.children:  # "members of the union", "the chief of the naval base"
            if c.dep_ in ("compound", "appos", "poss") and self.table.at(c.i) is not None \
                    and c.dep_ != "poss":
                return self.table.at(c.i)
            if c.dep_ == "amod" and (bloc := self.table.at(c.i)) is not None and bloc.kind == "igo":
                return bloc  # "Western criticism": the West's
        if low in vocab.kin_nouns():
            return None  # "the sister of Kim Jong Un" is someone else, unnamed here
        acted_on = self.acted_on(tok)  # "the killing of X": X was killed
        for c in tok.children:  # "a spokesman for the Secretary-General" speaks for him
            if c.dep_ == "prep" and not acted_on and (c.lower_ == "of"
                                                      or (c.lower_ == "for" and low in vocab.titles())):
                for p in c.children:
                    if p.dep_ == "pobj":
                        return self.actor_of(p)
        if tok.ent_type_ in ("GPE", "LOC", "FAC") or tok.pos_ == "PROPN":  # PERSON-tagged ones left unnamed are towns
            ent = entity_at(tok)
            text = ent.text if ent is not None else tok.text
            seat = vocab.seat_metonyms().get(text.lower())
            if seat is not None and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "dative", "conj", "appos") \
                    and (org := countries.igo(seat)) is not None:  # "Brussels imposed duties": the EU
                return self.table.get_or_add("igo:" + org["key"], org["name"], "igo", None, "IGO")
            # a name the model tags as no place is one only by its own name ("Lula" is no Luleå)
            owned = any(c.dep_ == "poss" and countries.country_code(c.text) for c in tok.children)  # "Brazil's
            # Lula": a state's own person, not a town by another of its names
            place = gazetteer().lookup(text) if tok.ent_type_ in ("GPE", "LOC", "FAC") and not owned \
                else own_place(text, any_country_name=False)
            if place is not None and place.country and low not in ("the",):
                return self.table.country_actor(place.country)
        if tok.pos_ == "NOUN":  # "American planes", "Chinese imports": the country they belong to
            mods = [m for c in tok.children for m in [c] + ([x for x in c.children if x.dep_ in ("amod", "compound")]
                                                         if DESIGNATION.match(c.text) else [])]
            for c in mods:  # (the model tags some demonyms ORG or nothing: "the Lithuanian president"; a make
                # carries the nationality of the craft: "a Russian Mi-24 helicopter")
                if c.dep_ in ("amod", "compound") and not aligned_with(c) and (
                        c.ent_type_ in ("NORP", "GPE") or (c.pos_ == "ADJ" and c.is_title) or _lone_org_word(c)):
                    ent = entity_at(c)  # "North Korean" is one name over two modifiers
                    code = countries.country_code(ent.text if ent is not None else c.text) \
                        or countries.country_code(c.text)  # "Russian" of the model's "Russian Mi-24"
                    if code:
                        return self.table.country_actor(code)
        for c in tok.children:
            if c.dep_ == "poss":
                actor = self.table.at(c.i)
                phrase = " ".join([t.lower_ for t in tok.children if t.dep_ == "compound"] + [tok.lower_])
                if actor is not None and (tok.lower_ in vocab.titles() or phrase in vocab.titles()):
                    return actor  # "Russia's charge d'affaires"
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in STATE_SERVANTS and all(
                c.lower_ in SERVANT_RANKS for c in tok.children
                if c.dep_ in ("amod", "compound", "nmod", "poss")):  # "senior officials in Kyiv": the state
            for where in self.prep_objects(tok, ("in",)):  # they serve there (not "Houthi officials in Sanaa")
                actor = self.actor_of(where)
                if actor is not None and actor.kind == "country":
                    return actor
        return None

    def speaker(self, tok: Token, titled: bool = False) -> Actor | None:
        """Who says the clause ``tok`` stands in: the subject of a verb of saying that governs it
        ("'We will respond,' the minister said"), in the same sentence. With ``titled``, only a
        person: a named one, or an unnamed office holder ("Britain's foreign secretary")."""
        speech = vocab.modality_words()["speech_verbs"]
        for verb in [a for a in tok.ancestors] + [sentence_of(tok).root]:
            if verb.lemma_.lower() not in speech:
                continue
            subj = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i != tok.i
                         and c.lower_ not in FIRST_PERSON), None)
            if subj is None:
                continue
            named = next((a for c in subj.children if c.dep_ == "appos"
                          and (a := self.table.at(c.i)) is not None and a.kind == "person"), None)
            if (actor := named or self.actor_of(subj)) is not None:  # "Chile's president, Gabriel Boric, said"
                if titled and actor.kind != "person" and subj.lower_ not in vocab.titles():
                    return None
                return actor
        return None

    def controller(self, tok: Token) -> Actor | None:
        """The actor told to do what the clause ``tok`` stands in says ("urged X to ...", "called on X
        to ..."): the doer of that clause, so its possessives point at it."""
        control = vocab.modality_words()["object_control"]
        for verb in tok.ancestors:
            if verb.pos_ != "VERB":
                continue
            if verb.dep_ != "xcomp" or verb.head.lemma_ not in control:
                return None
            head = verb.head
            ctrl = next((c for c in head.children if c.dep_ in ("dobj", "dative")), None) or next(
                (p for c in head.children if c.dep_ == "prep" and c.lower_ in ("on", "upon")
                 for p in c.children if p.dep_ == "pobj"), None)
            return self.table.at(ctrl.i) if ctrl is not None else None
        return None

    def antecedent(self, pron: Token) -> Actor | None:
        """The most recent actor a pronoun can refer to; in a quote, "we" and "I" are the speaker."""
        low = pron.lower_
        if low in FIRST_PERSON:
            return self.speaker(pron)
        want_person = low in PERSONAL
        if low not in PERSONAL | IMPERSONAL | PLURAL:
            return None
        if low in PLURAL and own_plural_subject(pron):
            return None  # "A and B will reopen their embassies": their own, no third party
        controller = self.controller(pron)
        if controller is not None and want_person == (controller.kind == "person"):
            return controller  # "called on Israel to halt its offensive": its is Israel's
        if want_person and pron.dep_ in ("nsubj", "nsubjpass"):
            said = self.speaker(pron, titled=True)
            copular = pron.dep_ == "nsubj" and pron.head.lemma_ == "be"  # "said he was shocked"
            if said is not None and (said.kind == "person" or copular):
                return said  # "Ba said that he congratulated Faye": the speaker, not the last name; "Britain's
                # foreign secretary said he was shocked": the office holder, for whom his state stands
        first: Actor | None = None
        own_subject: set[int] = set()  # "Ryabkov ... told him": him is never Ryabkov
        if pron.dep_ in ("dobj", "dative", "pobj") and pron.head.pos_ in ("VERB", "ADP"):
            verb = pron.head if pron.head.pos_ == "VERB" else pron.head.head
            subj, _ = _subject(verb)
            if subj is not None:
                own_subject = {t.i for t in subj.subtree}
        sent = sentence_of(pron)
        start = sent.start
        window = self.doc[max(0, start - 80):pron.i]
        embedded: tuple[Actor, int] | None = None  # an earlier sentence's subject of a clause under its main one
        # a subject pronoun continues the main subject of the sentence before, unless its own sentence names
        # that one ("Macron said Trump had phoned him. He urged Macron to ...": he is Trump); an object
        # pronoun is as often the one the sentence before was about ("... said Putin had ordered it.
        # NATO accused him"), so it keeps the nearest subject
        named_here = {id(a) for i in range(pron.i + 1, sent.end)
                      if self.doc[i].pos_ == "PROPN" and (a := self.table.at(i)) is not None} \
            if pron.dep_ in ("nsubj", "nsubjpass") else None  # by name: "other governments" may be mapped wrong
        for tok in reversed(window):
            if embedded is not None and tok.i < embedded[1]:
                return embedded[0]  # that sentence named no fitting main subject
            if embedded is not None and tok.lower_ == low and _main_subject(tok):
                return self.antecedent(tok) or embedded[0]  # "Biden spoke. He said Putin had lied. He urged
                # Moscow to ...": the chain of main subjects goes on
            actor = self.table.at(tok.i)
            if actor is None and tok.ent_type_ == "GPE" and tok.dep_ in ("nsubj", "nsubjpass"):
                actor = self.actor_of(tok)  # "Islamabad said ...": the capital speaks for its state
            if actor is None or want_person != (actor.kind == "person") or actor.kind == "media" \
                    or tok.i in own_subject or any(self.table.at(i) is actor for i in own_subject):
                continue  # "what Iranian media called ...": the outlet reports, it is no party
            noun = tok.head if tok.dep_ in ("amod", "compound", "det", "nummod") else tok  # "the French [embassy]"
            if low in PLURAL and actor.kind == "country" and not self.coordinated_countries(tok):
                continue  # "they" are people, not a state; but "Saudi Arabia and Bahrain said they ..."
            if low in IMPERSONAL and noun.tag_ == "NNS" and actor.kind != "country":
                continue  # "protesters had attacked its embassy. It condemned ...": "it" is no plural
            if low == "them" and noun.tag_ in ("NN", "NNP") and not noun.conjuncts and actor.kind != "group":
                continue  # "disperse them": people, or a pair ("the embassy" is no "them"; "they" may be
                # an organisation: "Hamas said they would not attend")
            first = first or actor
            if tok.dep_ in ("nsubj", "nsubjpass") or tok.head.dep_ in ("nsubj", "nsubjpass"):
                if tok.i >= start or named_here is None:
                    return actor  # the subject of the clause before, not the last name mentioned
                if _main_subject(tok) and id(actor) not in named_here:
                    return actor  # "Pompeo replied that Washington did not consider Maduro to ... . He called"
                embedded = embedded or (actor, sentence_of(tok).start)
        return embedded[0] if embedded is not None else first

    def antecedent_states(self, pron: Token, first: Actor) -> list[Actor]:
        """All the states of the coordination "they" took ``first`` from."""
        tok = self.last_mention(first, pron)
        return (self.coordinated_countries(tok) if tok is not None else []) or [first]

    def last_mention(self, actor: Actor, before: Token) -> Token | None:
        """The token of ``actor``'s latest mention before a token, 80 tokens back at most."""
        return next((self.doc[i] for i in range(before.i - 1, max(-1, before.i - 80), -1)
                     if self.table.at(i) is actor), None)

    def coordinated_countries(self, tok: Token) -> list[Actor]:
        """The states of a coordination a country's mention belongs to ("Saudi Arabia and Bahrain"),
        or none when it stands alone."""
        head = tok.head if tok.dep_ in ("compound", "flat") else tok
        top = head.head if head.dep_ == "conj" else head
        members = [top, *top.conjuncts]
        found = [a for m in members if (a := self.table.at(m.i)) is not None and a.kind == "country"]
        return found if len(found) > 1 else []

    def paired_before(self, actor: Actor, before: Token) -> bool:
        """Whether the last mention of ``actor`` before a token is coordinated with another actor ("Israel
        and Hamas exchanged fire. They ..."): then "they" is the pair, not the one."""
        tok = self.last_mention(actor, before)
        if tok is None:
            return False
        heads = [tok] + ([tok.head] if tok.dep_ in ("compound", "amod", "det", "poss") else [])
        return any(self.table.at(c.i) not in (None, actor) for h in heads
                   for c in [*h.conjuncts, *(h.head.conjuncts if h.dep_ == "conj" else ())])

    def is_dyad_anaphor(self, tok: Token) -> bool:
        phrase = " ".join(t.lower_ for t in tok.subtree if t.dep_ not in ("punct",))
        return phrase in vocab.dyad_anaphors() or tok.lower_ in ("they", "both") or _plural_counterparts(tok)

    # -- arguments ---------------------------------------------------------------------------------
    def prep_objects(self, head: Token, preps: Iterable[str]) -> list[Token]:
        out: list[Token] = []
        for c in head.children:
            if c.dep_ in ("prep", "agent", "dative") and c.lower_ in preps:
                out.extend(p for p in c.children if p.dep_ in ("pobj", "pcomp"))
        return out

    def first_actor_in(self, tokens: list[Token], exclude: list[Actor]) -> list[Actor]:
        tokens = [_named_thing(t) for t in tokens if t.lower_ != "behalf"]  # "at what media called bases of X": X;
        # "signed on behalf of the government" names whom the signer speaks for, not the other party
        for tok in tokens:
            found = self.actors_of(tok, exclude)
            if found:
                return found
            for t in tok.subtree:  # "to expanding cooperation with Myanmar", "targets in Kharkiv"
                if own_plural_subject(t) or any(own_plural_subject(c) for c in t.children if c.dep_ == "poss"):
                    continue  # "reopen their embassies": the subjects' own
                if _in_clause_below(t, tok):
                    continue  # "met Xi, who arrived in Astana": the clause describes, it names no party
                if _names_a_place(t):
                    continue  # "talks in the Saudi city of Jeddah": where, not with whom
                if t.dep_ == "nsubj" and t.head.lemma_.lower() in vocab.saying_verbs():
                    continue  # "shot down drones in what Washington said was ...": who says, not who is hit
                a = self.table.at(t.i) or (self.actor_of(t) if t.ent_type_ == "GPE" else None)
                if a is None and t.ent_type_ == "NORP" and (code := countries.country_code(t.text)):
                    a = self.table.country_actor(code)  # "a tanker carrying Iraqi oil"
                if a is not None and a not in exclude:
                    return [a] + self.coordinated_with(t, a, tok, exclude)
        return []

    def coordinated_with(self, tok: Token, actor: Actor, phrase: Token, exclude: list[Actor]) -> list[Actor]:
        """The actors named in coordination with the one ``tok`` is part of, found deep in ``phrase`` ("closed
        its borders with Venezuela, Ecuador and Peru": the three, not Venezuela alone; "condemned the pact
        between Russia and North Korea": both), not what the first was skipped for (clauses below, speakers)."""
        while tok.dep_ in ("compound", "det", "amod", "poss") and self.table.at(tok.head.i) is actor:
            tok = tok.head
        root = coordination_head(tok)
        if root.dep_ == "nsubj" and root.head.lemma_.lower() in vocab.saying_verbs():
            return []
        if root.head.lower_ == "between" and root.head.head.lemma_.lower() in TOPIC_PAIRS:
            return []  # "talks on the conflict between Armenia and Azerbaijan": a topic, told by ``between``
        out: list[Actor] = []
        for c in tok.conjuncts:
            other = self.table.at(c.i) or (self.actor_of(c) if c.ent_type_ == "GPE" else None)
            if other is not None and other.country is None and other.kind != "igo" and c.ent_type_ == "GPE":
                continue  # "depots in Russia and Crimea": a region, no side
            if other is not None and other is not actor and other not in exclude and other not in out \
                    and not _in_clause_below(c, phrase):
                out.append(other)  # ("with Tashkent and Bishkek": a capital stands for its state)
        return out

    def between(self, head: Token | None, deep: bool = False) -> tuple[list[Actor], list[Actor]] | None:
        """ "between A and B" attached to ``head`` (or anywhere in its phrase when ``deep``)."""
        if head is None:
            return None
        heads = [t for t in _phrase(head)] if deep else [head]
        for h in heads:
            for obj in self.prep_objects(h, ("between",)):
                actors = self.actors_of(obj)
                if len(actors) >= 2:
                    return [actors[0]], actors[1:]
                if len(actors) < 2 and self.is_dyad_anaphor(obj):
                    ref = self.inherit()
                    if ref is not None:
                        return ref.sources, ref.targets
        return None

    def between_anywhere(self, phrase: Token) -> tuple[list[Actor], list[Actor]] | None:
        """ "A joint working group ... between A and B met": the pair inside a subject phrase."""
        for t in phrase.subtree:
            if t.lower_ == "between" and self.trigger_of(t.head) is None:
                found = self.between(t.head)
                if found:
                    return found
        return None

    def verb_args(self, verb: Token, trig: Trigger) -> _Args | None:
        if trig.experiencer:
            return self.feeling_args(verb, trig)
        subj, passive = _subject(verb)
        if passive and trig.mode == "meet" and any(c.dep_ == "auxpass" for c in verb.children) \
                and not self.prep_objects(verb, ("by",)):
            return None  # "an attack would be met with a decisive response": no meeting (unlike "met by X")
        sources: list[Actor] = []
        targets: list[Actor] = []
        dyad: list[Actor] | None = None
        if subj is not None and self.is_dyad_anaphor(subj) and not self.table.at(subj.i) \
                and not (subj.pos_ == "PRON" and self.speaker(subj) is not None):
            mutual = trig.type in SYMMETRIC or trig.mutual or any(
                t.lower_ in ("other", "another") and (t.head.lower_ in ("each", "one") or any(
                    c.lower_ in ("each", "one") for c in t.children)) for t in verb.subtree)  # "each other"
            if mutual:
                return self.inherit(subj)  # "the two sides agreed", "accused each other"
            if subj.lower_ != "they" or (group := self.antecedent(subj)) is None or self.paired_before(group, subj):
                last = self.inherit(None)  # "the two sides condemned the attack": each of them acts
                if last is None:
                    return None
                dyad = last.sources + last.targets
            # else "the gang ... they killed an officer": a one-sided act by the group told before, read on
        agent_objs = self.prep_objects(verb, ("by",))
        if passive:
            sources = self.first_actor_in(agent_objs, [])
            if subj is not None:
                targets = self.actors_of(subj, sources)
            if not sources and trig.type == "ASSAULT":  # "killed in an Israeli strike", "in a clash with X"
                sources = self.attacker_in(verb, targets)
            if not sources and trig.mode == "arrest" and targets:  # "X was arrested in Minsk": the state did
                sources = self.arresting_state(verb, targets)
        elif dyad is not None:
            sources = dyad
        elif subj is not None:
            sources = self.actors_of(subj)
            for extra in (c for c in verb.children if c.dep_ == "nsubj" and c.i != subj.i):
                sources += [a for a in self.actors_of(extra) if a not in sources]  # two subjects
            if not sources and (verb.tag_ == "VBG" or verb.dep_ == "conj"):  # its own or a further clause's
                # subject is no actor ("the entry was lawful, accusing Mexico")
                sources = self.outer_subject(verb, subj)
        if trig.source_preps:
            alt = self.first_actor_in(self.prep_objects(verb, trig.source_preps), [])
            goods = next((c for c in verb.children if c.dep_ == "dobj"), None)
            if not alt and goods is not None:  # "took delivery of four helicopters from Russia"
                alt = self.first_actor_in([o for t in _phrase_tokens(goods) if t.dep_ == "prep"
                                           and t.lower_ in trig.source_preps
                                           for o in t.children if o.dep_ == "pobj"], [])
            if alt:  # "bought oil from X": X supplies, the subject receives
                targets, sources = sources, alt
            elif trig.needs_word:
                return None  # "took delivery of the frigate": a delivery with no supplier named is no aid
        dobj = next((c for c in verb.children if c.dep_ in ("dobj", "attr")), None)
        relative = verb.dep_ == "relcl" and subj is not None and subj.tag_ not in ("WP", "WDT") and (
            dobj is None or dobj.tag_ in ("WP", "WDT") or dobj.lower_ == "that") \
            and not any(c.tag_ == "WRB" for c in verb.children)
        if relative:  # "a launch that Seoul condemned", "a claim the ministry denied": the noun described
            dobj = verb.head
        named = _named_in_free_relative(verb) if dobj is None else None
        if named is not None:  # "condemned what it called a terrorist attack": the attack
            dobj = named
        if dobj is None and not trig.theme_object:  # "arrested him": the parser's lone "dative" is the object
            datives = [c for c in verb.children if c.dep_ == "dative" and c.pos_ != "ADP"]
            dobj = datives[0] if len(datives) == 1 else None
        if dobj is None and trig.predicate:  # "called [Xi Jinping a dictator]": the parser's "oprd" is named
            dobj = next((c for c in verb.children if c.dep_ == "oprd" and self.table.at(c.i) is not None), None)
        if dobj is None and trig.predicate:  # "called [Trump, May and Macron] criminals": hung on the predicate
            dobj = next((g for c in verb.children if c.dep_ == "oprd" for g in c.children
                         if g.dep_ in ("nmod", "compound") and self.table.at(g.i) is not None), None)
        if dobj is None and trig.predicate:  # "called the tribunal rigged": what is called so
            dobj = next((g for c in verb.children if c.dep_ == "ccomp" for g in c.children
                         if g.dep_ in ("nsubj", "nsubjpass")), None)
        if not targets and dobj is not None and trig.type in AUTHORED:  # "vetoed a U.S.-drafted resolution",
            targets = [a for a in self.drafters(dobj) if a not in sources][:1]  # "deplored the killing by X"
            targets = targets or self.first_actor_in([o for t in dobj.subtree if t.pos_ == "NOUN"
                                                      for o in self.prep_objects(t, ("by",))], sources)
        if not targets and dobj is not None and not trig.theme_object:
            targets = self.actors_of(dobj, sources)
            if targets and trig.source_preps and trig.type == "AID" and not passive \
                    and self.table.at(dobj.i) is None:  # "received Russian fuel": whose the goods are supplies
                sources, targets = targets, sources
            if targets and any(c.dep_ == "cc" and c.lower_ == "and" for c in verb.children):
                for c in verb.children:  # "thanked Kenya's President, William Ruto, and Brazil's Lula": the
                    # parser hangs an object coordinated after an apposition on the verb
                    if c.dep_ == "conj" and c.i > dobj.i and c.pos_ in ("PROPN", "NOUN"):
                        targets += [a for a in self.actors_of(c, sources) if a not in targets]
        if not targets and trig.type == "SANCTION" and trig.mode == "embargo" and dobj is not None \
                and sources and all(a.kind in ("country", "government") for a in sources):
            names = [c for c in dobj.children if c.dep_ in ("compound", "amod") and c.pos_ == "PROPN"]
            place = own_place(names[0].text) if len(names) == 1 and self.table.at(names[0].i) is None else None
            if place is not None and place.country and place.country not in {a.country for a in sources}:
                targets = [self.table.country_actor(place.country)]  # "Israel closed the Rafah crossing": the
                # state of the town it is named after (not "police closed the Narva crossing" at home)
        if not targets and dobj is not None and trig.objects_kind and not trig.theme_object:
            # "designated [the ADF] a terrorist organisation": the parser's dative is who is designated
            targets = self.first_actor_in([c for c in verb.children if c.dep_ == "dative" and c.pos_ != "ADP"],
                                          sources)
        named_with = [o for h in [verb] + ([dobj] if dobj is not None else [])
                      for o in self.prep_objects(h, ("with", "between")) if self.actors_of(o, sources)]
        if len(sources) >= 2 and not targets and not named_with and trig.type in SYMMETRIC \
                and trig.mode not in ("host", "mediate") \
                and (not passive or agent_objs):  # "A and B met on the sidelines in Prague"; "signed by A and B"
            sources, targets = sources[:1], sources[1:]
        if not targets:
            targets = self.first_actor_in(self.prep_objects(verb, trig.target_preps), sources)
        if not targets and trig.type == "REQUEST":  # "asked for an emergency meeting of the Security Council":
            targets = [a for m in self.prep_objects(verb, ("for",)) if m.lemma_.lower() in SITTINGS  # the body
                       for o in self.prep_objects(m, ("of",))  # asked to sit, named there (not "a hearing of the
                       if (a := self.table.at(o.i)) is not None and not a.key.startswith("group:")  # case against X")
                       and a.kind in ("igo", "organisation", "government") and a not in sources][:1]
        if not targets and trig.type == "SANCTION" and trig.mode in ("withdraw", "discontinue", "suspend") \
                and dobj is not None and not trig.theme_object:  # "called off the talks with Israel", "halted
            # aid deliveries to Gaza": the other side is named on what is cut
            targets = self.first_actor_in(self.prep_objects(dobj, ("with", "to", "into", "for", "from")), sources)
        if not targets and trig.theme_object and trig.mode == "expel" and dobj is not None:
            # "recalled its ambassadors in Mexico and Argentina", "its envoy to Kenya": where they serve (a
            # state the parser hung on the verb too; not "in protest at the detention of X")
            targets = self.first_actor_in(self.prep_objects(dobj, ("in", "to", "from", "at")) + [
                o for o in self.prep_objects(verb, ("in",)) if o.ent_type_ == "GPE"], sources)
        if trig.theme_object and trig.mode == "expel" and dobj is not None and sources \
                and self.own_envoy(dobj, targets, sources):
            targets = self.host_of_envoy(verb, dobj, sources)  # "recalled its ambassador, X": from his post
            if not targets:
                return None  # from where, the story does not say: no guess at another side
        if not targets and trig.theme_object and dobj is not None and any(
                c.dep_ == "prep" and c.lower_ == "with" for c in verb.children):  # "provided Ukraine with HIMARS"
            targets = self.actors_of(dobj, sources)
        if not targets and trig.theme_object:  # "granted Glas asylum": the indirect object receives
            targets = self.first_actor_in([c for c in verb.children if c.dep_ == "dative" and c.pos_ != "ADP"],
                                          sources)
        if not targets and dobj is not None:  # "overrode the president's veto": the president
            targets = [a for c in dobj.children if c.dep_ == "poss" and not own_plural_subject(c)
                       for a in self.actors_of(c, sources)]
            if targets and trig.source_preps and trig.type == "AID" and not passive:
                sources, targets = targets, sources  # "received Russia's fuel": the owner of the goods supplies
        if not targets and dobj is not None and trig.type in ("SANCTION", "AID"):  # "cancelled visas issued to
            targets = self.first_actor_in([o for c in dobj.children if c.dep_ == "acl"  # Indian nationals"
                                           for o in self.prep_objects(c, ("to", "for"))], sources)
        if not targets and dobj is not None and trig.type in AUTHORED:  # "rejected the plan put forward by X"
            targets = self.first_actor_in([o for t in dobj.subtree if t.dep_ == "acl"
                                           for o in self.prep_objects(t, ("by",))], sources)
            if not targets and self.act_kind(dobj) in PHYSICAL | {"ASSAULT", "REQUEST"}:  # "condemned the killing of
                targets = self.author_of_referred_act(dobj, sources)  # X", "ignored the deadline to free X": by whom
            if not targets:  # "criticised the coup in Niger", "rejected the report by Amnesty"
                targets = self.first_actor_in([dobj], sources)
            if not targets:  # "X shelled Y. Z condemned the attack": the author of the act referred to
                targets = self.author_of_referred_act(dobj, sources, reaction=True)
        if not targets and not passive and dobj is not None and trig.type in AUTHORED and dobj.pos_ == "NOUN":
            # "dismissed the report by British intelligence", "spurned the offer from Washington": the
            # parser hung the object's author on the verb
            targets = self.first_actor_in(self.prep_objects(verb, ("by", "from")), sources)
        if not targets and relative and dobj is not None and trig.type in AUTHORED:
            targets = self.author_in_sentence(dobj, sources)
        if not targets and trig.type in AUTHORED:  # "condemned what it called an Iranian attack"
            for c in verb.children:
                if c.dep_ == "ccomp" and any(g.lower_ == "what" for g in c.children) \
                        and (pred := predicate_of(c)) is not None:
                    targets = self.first_actor_in([pred], sources)
                    break
        if not targets and trig.type == "AGREE" and sources:  # "signed a contract to buy five systems from
            targets = self.trade_counterpart(verb, dobj, sources)  # Russia": whom the deal is with
        if not targets and trig.type == "REQUEST" and sources \
                and (asked := asked_clause(verb, trig.preps or ("for",))) is not None:  # "for" as a mark, not
            # the preposition the "call for" reading wants
            targets = self.asked_of(asked, sources)  # "called for Navalny to be freed": of his jailer
        released = dobj if dobj is not None else next(iter(self.prep_objects(verb, ("for",))), None)
        if trig.type == "REQUEST" and released is not None and sources \
                and released.lemma_.lower() in vocab.modality_words()["release_nouns"] \
                and all(any(a is self.table.at(x.i) or (x.pos_ == "PRON" and a in self.actors_of(x))
                            for x in released.subtree) for a in targets) \
                and (holders := _beyond(self.holder_of(released) or self.detainer_of(
                    targets or [a for x in released.subtree if x.pos_ == "PRON" or x.i in self.table.by_token
                                for a in self.actors_of(x)]), sources)):
            targets = holders  # "demanded the release of 49 soldiers detained at Bamako airport", "called for
            # her release" after "China detained her": asked of whoever holds them, not of them
        if not targets and trig.type == "AGREE" and dobj is not None and sources:  # "accepted the invitation"
            targets = _beyond(self.author_of_referred_act(dobj, sources), sources)
        accord = dobj is not None and (dobj.lemma_.lower() in trig.objects or (
            (own := self.trigger_of(dobj)) is not None and own.type == "AGREE"))
        if not targets and trig.type == "AGREE" and sources and accord:
            targets = self.other_party_of_accord(sources)  # "the cabinet approved the agreement"
        if targets and sources and trig.type in AUTHORED and trig.type != "SUPPORT" and (
                all(any(_one_camp(s, t) for s in sources) for t in targets)
                or (trig.type == "REJECT" and {side(a) for a in targets} <= {side(a) for a in sources}
                    and not any(branch_of_state(a) for a in sources))):
            targets = []  # "Azerbaijan denied reports that its troops ...": a denial answers someone else,
            # never its compatriots; a criticism may ("the opposition accused the government"), and a
            # court or a parliament rejects its own executive's acts ("the Council struck down the delay")
        charge = dobj is not None and dobj.lower_ in vocab.modality_words()["charge_nouns"]
        told_first = any(told_before_charge(c, verb) for c in verb.children)
        if trig.type == "REJECT" and ((relative and charge) or (told_first and trig.mode == "deny")):
            # "X accused Y of Z, a charge Y denies" (the parser may hang the accusation under "denies"):
            # the denial answers the accuser of that clause, or no one
            sides = {side(a) for a in sources}
            accusers = [src for kind, src, tgt, at in reversed(self.acts) if at == self.sentence_index
                        and kind == "ACCUSE" and tgt is not None and side(tgt) in sides and side(src) not in sides]
            if not accusers:
                return None
            targets = accusers[:1]
        if not targets and trig.mode == "deny" and sources:  # "denied carrying out cyberattacks on Ukraine"
            targets = _beyond(self.first_actor_in([t for c in verb.children if c.dep_ in ("xcomp", "ccomp")
                                                   for t in c.children if t.dep_ in ("dobj", "prep", "dative")],
                                                  sources), sources)
        if not targets and trig.mode == "deny" and sources:  # "Moscow denied it": whoever accused Moscow
            charge = dobj is not None and dobj.lemma_.lower() in DENIED_CHARGES  # "denies any involvement":
            targets = self.accuser_of(sources, far=charge)  # the charge of the lead, however far back
        if not targets and trig.mode == "mediate" and verb.dep_ == "acl":  # "a truce between A and B, brokered by X"
            pair = self.between(verb.head, deep=True)
            targets = [a for a in pair[0] + pair[1] if a not in sources] if pair else []
            if not targets:  # "A and B agreed ..., following talks mediated by X": the sentence's pair
                told = [(src, tgt) for kind, src, tgt, at in self.acts
                        if at == self.sentence_index and kind in SYMMETRIC and tgt is not None]
                targets = [a for a in told[-1] if a not in sources] if told else []
        if not sources and not targets and passive and not agent_objs and trig.type == "AGREE" \
                and verb.dep_ == "acl":  # "a 48-hour truce agreed on Wednesday": the two sides told before
            inherited = self.inherit()
            if inherited is not None:
                return inherited
        if not targets and dobj is not None and trig.type in PHYSICAL:  # "struck targets in Lebanon"
            targets = self.first_actor_in([dobj] + self.prep_objects(verb, LOCATIVE), sources)
        deep = False
        if not targets and dobj is not None:  # "supplying radars worth $X to the navy"
            targets = self.first_actor_in([o for t in dobj.subtree for o in self.prep_objects(t, trig.target_preps)],
                                          sources)
            deep = bool(targets)
        if not targets:  # "vowed to launch flights with X", "threatened to shoot down X's planes"
            purpose = trig.mode == "fire"  # "fired tear gas to disperse the protesters": at them
            for x in (c for c in verb.children if c.dep_ == "xcomp" or (purpose and c.dep_ == "advcl"
                                                                       and any(a.lower_ == "to" for a in c.children))):
                if self.trigger_of(x) is not None and not trig.intent and trig.type != "REJECT" and not purpose:
                    continue  # the governed verb is an event of its own
                inner = [c for c in x.children if c.dep_ in ("dobj", "dative")]
                targets = self.first_actor_in(inner, sources) or \
                    self.first_actor_in(self.prep_objects(x, trig.target_preps), sources) or \
                    self.first_actor_in([o for i in inner for o in self.prep_objects(i, trig.target_preps)],
                                        sources)
                if targets:
                    break
        if not targets and trig.needs_word:  # "hold Moscow accountable": the small clause's subject;
            targets = self.first_actor_in([g for c in verb.children if c.lemma_.lower() in trig.needs_word
                                           for g in c.children if g.dep_ == "nsubj"], sources) \
                or self.first_actor_in([o for t in verb.subtree if t is not verb  # "stood shoulder to shoulder
                                        for o in self.prep_objects(t, trig.target_preps)], sources)  # with Israel"
        if not targets and trig.type == "REQUEST":  # "demanded that Uganda withdraw its troops": who is to act
            targets = self.first_actor_in([g for c in verb.children if c.dep_ == "ccomp"
                                           for g in c.children if g.dep_ == "nsubj"], sources)
        if not targets and trig.type == "THREATEN":  # "warned of measures if Russian forces cross"
            marks = vocab.modality_words()["hypothetical_marks"]
            targets = self.first_actor_in([g for t in verb.subtree if t.dep_ == "advcl"
                                           and any(m.lower_ in marks for m in t.children)
                                           for g in t.children if g.dep_ in ("nsubj", "nsubjpass")], sources)
        if not sources and subj is not None and not passive and trig.type in ("AGREE", "COOPERATE") \
                and _accord_noun(subj):  # "the treaty commits the two countries to ...": the parties agree
            parties = targets or self.actors_of(dobj, []) if dobj is not None else targets
            if len(parties) >= 2:
                sources, targets = parties[:1], parties[1:]
        aimed_at_thing = any(c.dep_ == "dobj" and self.table.at(c.i) is None and c.lemma_.lower() not in trig.objects
                             and c.lemma_.lower() not in WAR_OBJECTS for c in verb.children)
        # "A and B fought deforestation" is no fight between them; "fought a war", "each other" is
        if len(sources) >= 2 and (not targets or deep) and not passive and trig.mode != "host" \
                and (trig.type in SYMMETRIC or ((trig.mode == "fight" or trig.mutual) and not aimed_at_thing)):
            sources, targets = sources[:1], sources[1:]  # "Japan and the Philippines signed a pact"
        if not (sources and targets):
            hosting = trig.mode in ("host", "mediate")  # "hosted the signing of the accord between A and B"
            pair = self.between(verb) or self.between(dobj, deep=hosting) or \
                (self.between_anywhere(subj) if subj is not None and not sources else None)
            if pair:
                sources = sources or pair[0]
                targets = targets or [a for a in pair[0] + pair[1] if a not in sources][:2 if hosting else 1]
        if trig.type == "PROTEST" and subj is not None and not passive \
                and all(a.key.endswith(":people") for a in sources) \
                and subj.lemma_.lower() in vocab.modality_words()["crowd_words"]:  # no side, or only counted
            # people, marching: protesters
            sources = [self.table.get_or_add("group:group:CVL:?::protesters", "protesters", "group", None, "CVL")]
            # "thousands of people protested in Tbilisi": protesters, whose country the place will say
        if not sources and not targets:
            if any(self.is_dyad_anaphor(t) for t in verb.subtree
                   if t.dep_ == "nsubj" or (t.dep_ == "pobj" and t.head.lower_ == "between")):
                return self.inherit()  # "to solidify agreements between the two nations"
        if trig.mode == "sign" and not targets and (passive or sources) and all(
                a.key.startswith("group:") and a.country is None and a.kind == "government" for a in sources):
            # "Some 34 agreements were signed", "officials signed agreements": at the meeting just told
            return self.inherit() or _Args(sources, targets)
        return _Args(sources, targets)

    def feeling_args(self, word: Token, trig: Trigger) -> _Args | None:
        """Who feels and about whom: the passive or adjectival subject feels about the "by", "at",
        "over" object ("Guterres was shocked by the attack"); an active verb's object feels about
        its subject ("the Chinese drills alarmed Tokyo"). The target is whoever did what is felt
        about: a named side, the owner or nationality of the act, the pair "between" whom it is,
        or the author of the act told just before ("the attack")."""
        if _negated(word) or (word.pos_ == "ADJ" and _negated(word.head)):
            return None  # "Tokyo was not concerned about the drills"
        subj, passive = _subject(word)
        obj = next((c for c in word.children if c.dep_ == "dobj"), None)
        if obj is not None and not passive and word.pos_ == "VERB":
            feelers = self.actors_of(obj)
            about = [subj] if subj is not None else []
        else:
            feelers = self.actors_of(subj) if subj is not None else []
            about = self.prep_objects(word, trig.target_preps)
        if not feelers:
            return None
        for tok in about:
            tok = _named_thing(tok)
            if told := self.reported_wrongdoers(tok, feelers):  # "concerned by reports that Moroccan services
                return _Args(feelers, told)  # had targeted officials": the services
            if self.table.at(tok.i) is not None or tok.pos_ == "PROPN":  # "grateful to Warsaw": a capital too
                doers = self.actors_of(tok, feelers)
            elif tok.pos_ == "NOUN" and (self.act_kind(tok) not in (None, "REQUEST")
                                         or tok.lemma_.lower() in vocab.modality_words()["act_nouns"]) \
                    and tok.lemma_.lower() not in vocab.modality_words()["request_nouns"]:  # not "Chinese demand"
                # an act, whose owner did it ("Seoul's decision", "the Israeli raid"); not "weak Chinese demand"
                owner = next((a for c in tok.children if c.dep_ == "poss"
                              and (a := self.actor_of(c)) is not None), None)
                if owner is None and tok.pos_ == "NOUN" and not any(c.dep_ == "prep" and c.lower_ == "of"
                                                                    for c in tok.children):
                    owner = self.actor_of(tok)  # "the Israeli raid" (not "the execution of X": X suffered it)
                if owner is None:
                    owner = next((self.table.country_actor(code) for c in tok.children
                                  if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE")
                                  and (code := countries.country_code(c.text))), None)
                doers = [owner] if owner is not None and owner not in feelers else []
                doers = doers or self.author_of_referred_act(tok, feelers, reaction=True)
            else:  # no act: someone named by a title ("loyal to the president, X"); not "weak Chinese demand"
                doers = [a for a in self.actors_of(tok, feelers) if a.kind == "person"]
            if not doers and (pair := self.between(tok)):  # "the growing ties between Russia and Iran"
                doers = [a for a in pair[0] + pair[1] if a not in feelers]
            if doers:
                return _Args(feelers, doers)
        if not about and trig.type == "ACCUSE":  # "Hunt said he was deeply shocked": by the act just told
            sides = {side(a) for a in feelers}
            recent = [e.source for e in reversed(self.events) if e.type in HOSTILE and e.source is not None
                      and side(e.source) not in sides and self.sentence_index - e.evidence[0].sentence_index <= 1]
            if recent:
                return _Args(feelers, recent[:1])
        return None

    def reported_wrongdoers(self, noun: Token, exclude: list[Actor]) -> list[Actor]:
        """Who a report says did wrong, when the noun carries what it says and no one owns it ("reports
        that Moroccan services had targeted officials"): the clause's doer, not on the feeler's side.
        A claim someone made ("Washington's claims that ...") is about its maker, read as an act; a
        wrong foretold ("reports that Togo would close the border") is no wrong done."""
        words = vocab.modality_words()
        if noun.lemma_.lower() not in words["statement_nouns"] | words["charge_nouns"] | words["report_nouns"] \
                or any(c.dep_ == "poss" or (c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE"))
                       for c in noun.children):
            return []
        clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp")
                       and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
        if clause is None or _negated(clause) or _foretold(clause) or not self.wrongdoing(clause):
            return []
        doer, _ = self.clause_doer(clause)
        sides = {side(a) for a in exclude}
        return [a for a in self.actors_of(doer, exclude) if side(a) not in sides][:1] if doer is not None else []

    def clause_doer(self, clause: Token) -> tuple[Token | None, bool]:
        """The word for who does what a clause tells, and whether it is told in the passive: the "by"
        agent of a passive ("had been shot down by Russia"), else the subject."""
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in clause.children):
            return next(iter(self.prep_objects(clause, ("by",))), None), True
        return next((c for c in clause.children if c.dep_ == "nsubj"), None), False

    def own_envoy(self, dobj: Token, targets: list[Actor], sources: list[Actor]) -> bool:
        """Whether the envoy called home is the caller's own ("recalled its ambassador", "our envoy",
        "Mohamed Antar Daoud" of the recalling state): then the other side is where he serves."""
        if any(c.dep_ == "poss" and c.pos_ == "PRON" and c.lower_ in OWN_POSSESSIVES for c in dobj.children):
            return True
        states = {a.country for a in sources if a.country}
        return bool(targets) and all(t.kind == "person" and t.country in states for t in targets)

    def host_of_envoy(self, verb: Token, dobj: Token, sources: list[Actor]) -> list[Actor]:
        """The state an envoy is recalled from: named where he serves ("its ambassador in Tehran",
        "from Moscow", "to Kenya", on the envoy, the verb or his named apposition), else the state the
        sentence names nearest, else the state the story most often sets the caller against."""
        heads = [dobj, verb] + [c for c in dobj.children if c.dep_ == "appos"]
        own = {a.country for a in sources if a.country}
        for post in [o for h in heads for o in self.prep_objects(h, ("in", "to", "from", "at"))]:
            named: list[Actor] = []
            for word in [post, *post.conjuncts]:  # "its ambassadors to the United States and Australia": each
                # (not "its envoy to the talks on Sudan in Jeddah": talks are no post)
                ent = entity_at(word)  # "in Washington, Husam Zomlot": the city's state (the model tags some
                code = state_of_place(ent.text if ent is not None else word.text)  # cities ORG)
                actor = self.table.at(word.i) or next((a for c in word.children if c.dep_ == "compound"
                                                       and (a := self.table.at(c.i)) is not None), None)
                if actor is not None and actor.kind == "igo":
                    named.append(actor)  # "its envoy to the African Union", "from ECOWAS member states"
                elif code and code not in own and word.pos_ == "PROPN":
                    named.append(self.table.country_actor(code))
            if named:
                return list(dict.fromkeys(named))[:MAX_SIDES]
        alongside = {t.i for c in verb.children if c.dep_ in ("nsubj", "prep") for t in c.subtree}  # "Bahrain,
        near = sorted((abs(t.i - verb.i), t.i, a.country) for t in verb.sent  # together with Saudi Arabia, recalled"
                      if t.i not in alongside and (a := self.table.at(t.i)) is not None and a.country
                      and a.country not in own and (a.kind in STATE_KINDS or a.sector in ("GOV", "MIL")))
        if near:  # "summoned Ghana's ambassador and recalled its own envoy": the state the sentence names
            return [self.table.country_actor(near[0][2])]
        partners, latest = self.story_partners(sources)
        for party, _ in partners.most_common():
            other = latest[party]
            if other.country and other.kind in STATE_KINDS | {"person"} and other.country not in own:
                return [self.table.country_actor(other.country)]
        return []

    def drafters(self, noun: Token) -> list[Actor]:
        """Who a hyphenated participle says wrote or backed a text: "a U.S.-drafted resolution", "the
        Ukrainian-sponsored proposal" (one token or three, as the tokenizer splits it)."""
        authoring = vocab.modality_words()["authoring_participles"]
        out: list[Actor] = []
        for mod in (c for c in noun.children if c.dep_ in ("amod", "compound")):
            if "-" in mod.text and mod.text.rsplit("-", 1)[1].lower() in authoring:
                code = countries.country_code(mod.text.rsplit("-", 1)[0])
                out += [self.table.country_actor(code)] if code else []
            elif mod.lower_ in authoring:
                out += [a for c in mod.children if c.dep_ in ("npadvmod", "compound", "nmod")
                        and (a := self.actor_of(c)) is not None]
        return out

    def arresting_state(self, verb: Token, held: list[Actor]) -> list[Actor]:
        """Who holds someone arrested with no agent told: the state where it happened, else the
        held person's own state (arrests are a state's act; the text rarely says which officers)."""
        if where := self.state_where(verb):  # "arrested in Iran", "detained in Tehran"
            return where
        own = held[0]
        if own.country and own.kind in ("person", "group", "organisation", "armed-group"):
            return [self.table.country_actor(own.country)]
        return []

    def state_where(self, verb: Token) -> list[Actor]:
        """The state of the place a verb's "in" or "at" names: "in Iran", "in Tehran", "at Bamako
        airport" (the name before a common noun); "in South Sudan" is not Sudan."""
        for o in self.prep_objects(verb, ("in", "at")):
            names = [t for t in o.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"][-1:] \
                + ([o] if o.pos_ == "PROPN" else [])
            for tok in names:
                ent = entity_at(tok)
                name = ent.text if ent is not None else tok.text
                place = gazetteer().lookup(name)
                code = countries.country_code(name) or (place.country if place is not None else None)
                if code:
                    return [self.table.country_actor(code)]
        return []

    def holder_of(self, noun: Token) -> list[Actor]:
        """Who holds the people or things whose release or return is asked for, as the phrase tells
        it: the agent of their detention ("Americans held hostage by Hamas"), else the state where
        they are held ("soldiers detained at Bamako airport")."""
        for verb in (t for t in noun.subtree if t.dep_ in ("acl", "relcl")
                     and t.lemma_.lower() in vocab.modality_words()["holding_verbs"]):
            if found := self.first_actor_in(_by_objects(verb.subtree), []):
                return found
            if where := self.state_where(verb):
                return where
        return []

    def asked_of(self, clause: Token, sources: list[Actor]) -> list[Actor]:
        """Whom "called for X to resign / to be freed / to be stopped" asks: X itself when X is to act
        ("for Russia to release him", "for Hasina to resign"); whoever holds X when X is to be freed
        ("for Navalny to be freed"); else the actor X ("for China to be kept out": the demand concerns
        it, as the gold codes it) or the author of the act X names ("for the drills to be halted")."""
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None:
            return []
        named = self.actors_of(subject, sources)
        if subject.dep_ == "nsubj":
            return named
        verbs = {clause.lemma_.lower()} | {c.lemma_.lower() for c in clause.conjuncts}
        if verbs & vocab.modality_words()["release_verbs"]:
            return _beyond(self.detainer_of(named), sources) if named else []
        return named or _beyond(self.author_of_referred_act(subject, sources), sources)

    def detainer_of(self, held: list[Actor]) -> list[Actor]:
        """Who the text told, in an earlier sentence, had arrested or detained these people: the
        source of the latest such act on any of them."""
        for ev in reversed(self.events):
            if ev.type in ("COERCE", "ASSAULT") and ev.mode in DETAINING_MODES and ev.target in held \
                    and ev.source is not None:
                return [ev.source]
        return []

    def attacker_in(self, verb: Token, victims: list[Actor]) -> list[Actor]:
        """Who struck, for a passive act of violence with no agent told through the attack it
        happened in: "were killed in an Israeli air strike" (Israel), "in a clash with X" (X)."""
        for o in self.prep_objects(verb, ("in", "during")):
            inner = self.trigger_of(o)
            if inner is None or inner.type != "ASSAULT":
                continue
            args = self.noun_args(o, inner)
            found = [a for a in (args.sources if args is not None else []) if a not in victims]
            return found or self.first_actor_in(self.prep_objects(o, ("with", "by")), victims)
        return []

    def outer_subject(self, verb: Token, inner: Token) -> list[Actor]:
        """The actor subject of a clause further up, for a participle or coordinated verb with no
        subject of its own whose nearest clause has a subject that is no actor ("X insisted that the
        entry was lawful, accusing Mexico ...": X accuses, not "the entry")."""
        speech = vocab.modality_words()["speech_verbs"]
        document = inner.lemma_.lower() in DOCUMENTS and verb.dep_ == "acl" and verb.head.i == inner.i \
            and inner.head.lemma_.lower() in ISSUING  # "adopted a resolution calling ..."; not "vetoed" one
        for anc in list(verb.ancestors)[:4]:
            if anc.pos_ not in ("VERB", "AUX") or (anc.i == inner.head.i and not document):
                continue  # but "passed a resolution demanding ...": who passed it demands
            if anc.lemma_.lower() in speech and anc.i > verb.i and verb.tag_ != "VBG" and verb.dep_ == "conj":
                break  # "X reaffirmed ... and invited ..., the White House said": the reporter did not invite
            subj, passive = _subject(anc)
            if subj is not None and subj.i != inner.i and not passive:
                found = self.actors_of(subj)
                if found:
                    return found
        return []

    def noun_args(self, noun: Token, trig: Trigger) -> _Args | None:
        sources: list[Actor] = []
        targets: list[Actor] = []
        conjoined: list[Actor] = []  # "Israeli and US strikes", "US and British strikes": both strike
        for c in noun.children:
            if c.dep_ == "poss" or (c.dep_ in ("compound", "amod", "nmod") and self.table.at(c.i)):
                own = self.actors_of(c)
                if own and c.dep_ != "poss":  # (the adjective no actor stands on)
                    conjoined = [a for a in self.conjoined_states(c) if a not in own]
                sources = own + conjoined or sources
            elif c.dep_ in ("amod", "compound") and not sources:
                for m in [c] + [g for g in c.children if g.dep_ in ("amod", "compound") and c.dep_ == "compound"]:
                    code = countries.country_code(m.text) if m.ent_type_ in ("NORP", "GPE") else None
                    if code:  # "US sanctions", "Russian military support", "an Iranian missile and drone attack"
                        first = self.table.country_actor(code)
                        conjoined = [a for a in self.conjoined_states(m) if a is not first]
                        sources = [first] + conjoined
                        break
        pair = self.between(noun, deep=True) or self.between_anywhere(noun) or (
            self.between(noun.head) if noun.dep_ in SUBJECT_DEPS else None)  # "talks began ... between A and B"
        if pair:
            sources = sources or pair[0]
            targets = [a for a in pair[0] + pair[1] if a not in sources][:1]
        if trig.source_preps:
            alt = self.first_actor_in([o for t in _phrase(noun)
                                       for o in self.prep_objects(t, trig.source_preps)], [])
            if not alt and noun.dep_ == "dobj":  # "drawing condemnation from X": the phrase hangs off the verb
                alt = self.first_actor_in(self.prep_objects(noun.head, trig.source_preps), [])
            if alt:  # "the junta's procurement of oil from Russia": Russia supplies the junta
                targets, sources = (targets or [a for a in sources if a not in alt]), alt
                if not targets and noun.dep_ == "dobj" and trig.type in REACTIONS:  # "drawing condemnation from X"
                    subj, _ = _subject(noun.head)
                    targets = self.actors_of(subj, sources) if subj is not None else []
        if not sources:
            sources = self.first_actor_in(self.prep_objects(noun, ("by",)), [])
        if not targets:
            targets = self.first_actor_in(self.prep_objects(noun, trig.target_preps), sources)
        if not targets:  # "the visit of the US delegation to Taiwan", "a rupture of relations with Ecuador"
            targets = self.first_actor_in([o for t in _phrase(noun) if t is not noun
                                           for o in self.prep_objects(t, trig.target_preps)], sources)
        if not sources:
            gov = _governing_verb(noun)
            if gov is not None and gov.lower_ in BACKGROUND_PREPS:
                return _Args(sources, targets, explicit_target=bool(self.prep_objects(noun, trig.target_preps)))
            words = vocab.modality_words()
            shares = gov is not None and gov.pos_ in ("VERB", "AUX") and (
                trig.agent_noun or (gov.lemma_ in words["light_verbs"]
                                    and (_through_span(noun).dep_ != "pobj" or noun.head.head.pos_ == "NUM"))
                or (noun.dep_ == "pobj" and noun.head.lower_ in words["participant_preps"]
                    and not any(d.lower_ in REFERRING_DETS for d in noun.children if d.dep_ == "det")
                    and not (trig.type in ON_THE_GROUND and gov.lemma_.lower() in words["speech_verbs"]
                             and any(c.dep_ in ("relcl", "acl") for c in noun.children)))  # "..., the army
                # said, in an attack that wounded two guards": the speaker describes the act, not its own
                # (but "police said in a raid on a house that ..." tell of their own raid)
                or (noun.dep_ == "pobj" and noun.head.lower_ == "with"  # "hit back with tariffs"
                    and gov.lemma_.lower() in words["retaliation_verbs"]))
            if shares and gov is not None:
                subj, passive = _subject(gov)
                if subj is not None and not passive:
                    if self.is_dyad_anaphor(subj) and not self.table.at(subj.i):
                        return self.inherit()
                    sources = self.actors_of(subj, targets)
                if sources and not targets and gov.lemma_ in words["light_verbs"]:  # "held talks on Monday with X"
                    targets = self.first_actor_in(self.prep_objects(gov, trig.target_preps), sources)
                if sources and not targets and gov.lemma_ in words["light_verbs"]:  # "gave Ukraine $61 billion
                    targets = [a for c in gov.children if c.dep_ == "dative"   # in aid", "issued Seoul a warning"
                               for a in self.actors_of(c, sources)][:1]
                if sources and not targets and trig.type == "CONSULT":  # "told X in a telephone call"
                    targets = [a for c in gov.children if c.dep_ in ("dobj", "dative")
                               for a in self.actors_of(c, sources)][:1]
        if len(sources) >= 2 and not targets and (trig.type in SYMMETRIC
                                                  or (conjoined and not _aimed_at_a_third(noun, trig))):
            sources, targets = sources[:1], sources[1:]  # "negotiators from A and B ended talks", "Russian and
            # Ukrainian drone attacks continued": the two sides at each other
        if not sources and not targets:
            dets = {t.lower_ for t in noun.children if t.dep_ == "det"}
            if dets & REFERRING_DETS:
                if dets & {"this", "that", "these", "those"}:
                    return None  # "This visit underscores ...": a comment on an event already told
                if (noun.dep_ in SUBJECT_DEPS or noun.dep_ == "ROOT") and trig.type == "CONSULT":
                    return self.inherit()  # "The discussions aimed at ...": talks reported before, now described
                if noun.dep_ in SUBJECT_DEPS or noun.dep_ == "ROOT":
                    return None  # "the invasion began ...": background, not a new report
                if noun.dep_ == "pobj" and noun.head.lower_ in ("during", "at", "after", "following", "since",
                                                                 "before", "in", "for", "over", "to", "against"):
                    return None  # "during this visit": points at an event, states none
        return _Args(sources, targets, explicit_target=bool(self.prep_objects(noun, trig.target_preps)))

    def shares_participants(self, tok: Token, base: Event) -> bool:
        """Whether an event named without participants takes those of the sentence's first event:
        yes during a visit or meeting, or inside the first event's own clause, unless the link runs
        through something only asked for ("urged Israel to allow aid": the aid is not the urger's)."""
        if base.type == "CONSULT":
            head = self.trigger_tokens.get(id(base))
            topics = [t for c in head.children if c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in TOPIC_PREPS)
                      for t in c.subtree] if head else []
            return tok not in topics  # "discussed trade and direct payments": topics, not events
        if base.type in AUTHORED:
            return False  # "condemned the coup": the coup is not the condemner's
        head = self.trigger_tokens.get(id(base))
        if head is None or not (head.left_edge.i <= tok.i <= head.right_edge.i):
            return False
        if base.type == "COOPERATE" and any(tok in c.subtree for c in head.children
                                            if c.dep_ == "prep" and c.lower_ in TOPIC_PREPS):
            return False  # "coordinated with the EU on sanctions": the topic, not the partner's sanctions
        control = vocab.modality_words()["object_control"]
        cur = tok
        while cur.i != head.i and cur.head.i != cur.i:
            if cur.dep_ == "relcl":
                return False  # "a member that has not ratified ...": a description of someone else
            if cur.dep_ in ("xcomp", "pcomp") and (cur.head.lemma_ in control or cur.head.head.lemma_ in control):
                return False  # "accused Belgrade of organising the attack": not the accuser's attack
            cur = cur.head
        return True

    @staticmethod
    def home_country(sources: list[Actor], targets: list[Actor]) -> None:
        """A countryless crowd facing a state's police or government is that state's people (and
        protesters facing their own government): domestic force stays domestic."""
        for ones, others in ((targets, sources), (sources, targets)):
            state = next((a.country for a in others if a.country and a.kind in DOMESTIC), None)
            for actor in ones:
                if state and actor.country is None and actor.kind == "group" and actor.key.startswith("group:"):
                    actor.country = state

    def protested(self, tok: Token, sources: list[Actor], place: Place | None) -> list[Actor]:
        """Whom a street protest with no stated target is against, as event datasets code it: the
        state whose mission the crowd went to ("outside the Russian embassy"), else the state where
        it marched (a domestic protest is against its own government), else the crowd's own state."""
        lo, hi = self.clause_range(tok)  # characters
        for t in sentence_of(tok):
            if lo <= t.idx < hi and t.lemma_.lower() in MISSION_NOUNS:
                for c in t.children:
                    if c.dep_ in ("amod", "compound", "poss") and (code := countries.country_code(c.text)):
                        return [self.table.country_actor(code)]
        if place is None:  # "marched through the centre of Lima"
            place = next((p for p in self.places if lo <= p.start < hi and p.country), None)
        code = (place.country if place is not None else None) or next((a.country for a in sources if a.country), None)
        return [self.table.country_actor(code)] if code else []

    def attacker_before(self, victims: list[Actor], window: int = 2, same_target: bool = False) -> list[Actor]:
        """Who struck, for a toll or a strike told without its agent ("missiles hit a village"): the
        source of the latest attack in the last sentences not made by the victims' side (and, for
        weapons, made on that side)."""
        sides = {side(a) for a in victims}
        for kind, src, tgt, at in reversed(self.acts):
            if self.sentence_index - at > window:
                break
            if kind == "ASSAULT" and side(src) not in sides and (
                    not same_target or (tgt is not None and side(tgt) in sides)):
                return [src]
        return []

    def accuser_of(self, sources: list[Actor], aimed: bool = False, far: bool = False) -> list[Actor]:
        """Whom a denial answers: the latest accuser of the denier's side in the last few sentences
        (with ``far``, a denied charge, as far back as a noun may point at an act: "Moscow denies any
        involvement" answers the charge of the lead), else (unless ``aimed``) the latest accuser of
        anyone nearby ("Seoul said ... Moscow denied it")."""
        sides = {side(a) for a in sources}
        for kind, src, tgt, at in reversed(self.acts):
            if self.sentence_index - at > (REFERRED_WINDOW if far else INHERIT_WINDOW):
                break
            if kind == "ACCUSE" and tgt is not None and side(tgt) in sides and side(src) not in sides:
                return [src]
        recent = [act for act in self.acts if self.sentence_index - act[3] <= INHERIT_WINDOW]
        for kind, src, _tgt, _at in reversed(recent) if not aimed else ():  # "Seoul said Pyongyang sent troops.
            # Moscow denied it."
            if kind == "ACCUSE" and side(src) not in sides:
                return [src]
        return []

    def other_party_of_accord(self, sources: list[Actor]) -> list[Actor]:
        """The other party of the accord a side approves or ratifies ("Israel's cabinet approved the
        agreement"): the latest agreement told with that side in it."""
        sides = {side(a) for a in sources}
        for kind, src, tgt, at in reversed(self.acts):
            if self.sentence_index - at > REFERRED_WINDOW:
                break
            if kind != "AGREE" or tgt is None:
                continue
            if side(src) in sides and side(tgt) not in sides:
                return [tgt]
            if side(tgt) in sides and side(src) not in sides:
                return [src]
        return []

    def acted_on(self, noun: Token) -> bool:
        """Whether whoever is "of" an act noun underwent it ("the killing / arrest / release of X"),
        not authored it ("the withdrawal of Russian troops")."""
        return self.act_kind(noun) in ACTED_ON \
            or noun.lemma_.lower() in vocab.modality_words()["release_nouns"]

    def act_kind(self, noun: Token) -> str | None:
        """The type of act a noun names, stated here or not: "the strikes" (ASSAULT), "the
        suspension" (a suspending), "the agreement" (AGREE); None for a noun that names no act."""
        if noun.pos_ != "NOUN":
            return None
        lemma = noun.lemma_.lower()
        if lemma in vocab.modality_words()["request_nouns"] and self.trigger_of(noun) is None:
            return "REQUEST"  # "the deadline", "calls for talks": a demand made before
        own = self.trigger_of(noun) or next((t for t in vocab.noun_triggers().get(lemma, ()) if not (
            t.requires_modifier and lemma in vocab.modality_words()["act_nouns"])), None)  # a word for any act
        # ("the measure") names none of the kind it names only with a modifier ("restrictive measures")
        if own is not None:
            return own.type
        if lemma in vocab.instrument_heads():
            return "AGREE"
        verb = _act_verb(lemma)
        return vocab.verb_triggers()[verb][0].type if verb is not None else None

    def author_of_referred_act(self, noun: Token, exclude: list[Actor], reaction: bool = False) -> list[Actor]:
        """The source of the event "the attack" / "the move" / "this decision" points back at: the
        latest event of the last two sentences that is not itself a reaction; for a ``reaction`` to
        an outcome ("welcomed the decision") with none nearer, the act the story leads with."""
        dets = {c.lower_ for c in noun.children if c.dep_ == "det" or (c.dep_ == "amod" and c.lower_ == "such")}
        referring = bool(dets & REFERRING_DETS) or _named_by_free_relative(noun)  # "what it called a terrorist
        # attack" points back as "the attack" does
        if not referring or noun.pos_ != "NOUN" or self.table.at(noun.i) is not None:
            return []
        words = vocab.modality_words()
        if made := self.maker_of(noun, exclude):  # "adopted a resolution ... welcomed the resolution"
            return made
        # "denounced the strikes": a word for an act even where it states none itself
        kind = self.act_kind(noun)
        if kind is None and noun.lemma_.lower() not in words["act_nouns"] | words["charge_nouns"]:
            return []
        answers_charge = noun.lemma_.lower() in vocab.modality_words()["charge_nouns"]
        if kind is not None and not answers_charge and kind not in AUTHORED:
            acts = [(act, word, aside) for act, word, aside in zip(self.acts, self.act_words, self.act_asides,
                                                                   strict=True)
                    if self.sentence_index - act[3] <= REFERRED_WINDOW and act[3] != self.sentence_index
                    and act[0] == kind and act[1] not in exclude]  # "condemned the sanctions": however far,
            # an act told in passing only when no other is ("a war that began with Israeli strikes"), unless
            # it is the one named by the same word ("the hospital that Israeli jets bombed ... the bombing")
            names = {noun.lemma_.lower(), _act_verb(noun.lemma_.lower())}
            same_word = [act for act, word, _ in acts if word in names]  # "the strikes": the striking
            told = [(act, word) for act, word, aside in acts if not aside] or [(act, word) for act, word, _ in acts]
            if same_word or told:
                chosen = same_word or [act for act, _ in told]
                latest = chosen[-1][3]  # "US and British warships struck ...": every striker of that sentence
                return list(dict.fromkeys(act[1] for act in chosen if act[3] == latest))
        for ev in reversed(self.events):
            if self.sentence_index - ev.evidence[0].sentence_index > 2:
                break
            wanted = ev.type == "ACCUSE" if answers_charge else ev.type == kind if kind else ev.type not in AUTHORED
            if wanted and ev.source is not None and ev.source not in exclude:
                return [ev.source]  # "denied the accusation": whoever accused
        if reaction and noun.lemma_.lower() in words["outcome_nouns"] and not answers_charge:
            return self.lead_author(exclude)  # "Hamas welcomed the resolution", ten paragraphs on
        return []

    def lead_author(self, exclude: list[Actor]) -> list[Actor]:
        """Who does what the story leads with (the doer of the main verb of its first sentence that has
        one: the subject, or a passive's "by" agent), when that is none of ``exclude``'s side: what "the
        decision" or "the outcome" means when nothing nearer is."""
        sides = {side(a) for a in exclude}
        for sent in list(sentences(self.doc))[:LEAD_SENTENCES]:
            main = sent.root
            if main.lemma_.lower() in vocab.saying_verbs():  # "China will scrap the tariffs, its ministry said":
                main = next((c for c in main.children if c.dep_ == "ccomp"), main)  # what was done, not told
                if main.tag_ == "VBG" or any(c.tag_ == "VBG" for c in main.children if c.dep_ == "aux"):
                    return []  # "Iran is enriching uranium, the IAEA said": a state of affairs, no decision
            doer, passive = self.clause_doer(main)
            if doer is None:
                if passive:
                    return []  # "the plan was shelved": by whom, the lead does not say
                continue  # a dateline
            doers = self.actors_of(doer)  # "Serbia and Kosovo have quarrelled": no one act of one side
            return doers if len(doers) == 1 and side(doers[0]) not in sides else []
        return []

    def maker_of(self, noun: Token, exclude: list[Actor]) -> list[Actor]:
        """Who made the thing "the resolution" / "the decision" points back at: the source of an event
        of the last two sentences whose verb has that very noun as its object ("the Council adopted
        a resolution", "the court issued its decision")."""
        lemma = noun.lemma_.lower()
        for ev in reversed(self.events):
            if self.sentence_index - ev.evidence[0].sentence_index > 2:
                break
            verb = self.trigger_tokens.get(id(ev))
            if ev.source is not None and ev.source not in exclude and verb is not None \
                    and (ev.type not in AUTHORED or verb.lemma_.lower() in MAKING_VERBS) and any(
                    c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() == lemma for c in verb.children):
                return [ev.source]  # (not another reaction to it: "Israel welcomed the decision")
        return []

    def author_in_sentence(self, noun: Token, exclude: list[Actor]) -> list[Actor]:
        """Who did or said what a relative clause's noun names, told in the same sentence: "North
        Korea fired two missiles, a launch that Seoul condemned" (North Korea); "Kyiv accused Moscow,
        a charge the Kremlin denied" (Kyiv)."""
        cur = noun
        while cur.dep_ in ("appos", "conj") and cur.head.i != cur.i:
            cur = cur.head
        while cur.i != noun.i and cur.dep_ == "pobj" and cur.head.head.i != cur.head.i:
            cur = cur.head.head  # "held talks with Putin in Moscow, a visit that ...": the talks
        if cur.i != noun.i and cur.dep_ in ("dobj", "nsubjpass", "attr", "prep"):
            subj, passive = _subject(cur.head)
            if subj is not None and not passive:
                return self.actors_of(subj, exclude)
        if noun.lemma_.lower() in vocab.modality_words()["charge_nouns"]:
            said = [ev.source for ev in self.events if ev.type == "ACCUSE" and ev.source is not None
                    and ev.source not in exclude and self.sentence_index - ev.evidence[0].sentence_index <= 2]
            return said[-1:]  # "a charge that Baku dismissed": the accuser
        return []

    def inherit(self, tok: Token | None = None) -> _Args | None:
        """The pair "they" / "the two sides" point back at: a pair named together earlier in the same
        sentence ("Xi and Modi held talks in which they agreed"), else the last pair that met."""
        if tok is not None:
            for t in reversed(self.doc[sentence_of(tok).start:tok.i]):
                first = self.table.at(t.i)
                if first is None or t.dep_ == "conj":
                    continue
                other = next((a for c in t.conjuncts if c.i > t.i and (a := self.table.at(c.i)) is not None
                              and side(a) != side(first)), None)
                if other is not None:
                    return _Args([first], [other], inherited=True)
        ref = self.last_consult or next((e for e in reversed(self.events) if e.mode != "mediate"), None)
        if ref is None or ref.source is None or ref.target is None:
            return None
        if self.sentence_index - ref.evidence[0].sentence_index > INHERIT_WINDOW:
            return None  # "the two sides" far from any named pair: the text does not say who
        return _Args([ref.source], [ref.target], inherited=True)

    def refers_to_event(self, head: Token) -> Event | None:
        """ "during this visit", "at the meeting": the clause points at an event already reported."""
        for t in head.subtree:
            specs = vocab.noun_triggers().get(t.lemma_.lower(), ())
            if t is head or t.i == head.i or not specs or specs[0].type != "CONSULT":
                continue
            if t.dep_ == "pobj" and any(d.lower_ in REFERRING_DETS for d in t.children if d.dep_ == "det"):
                return self.last_consult
        return None

    # -- time, place, amounts -----------------------------------------------------------
    def clause_range(self, tok: Token) -> tuple[int, int]:
        """Character range of the trigger's own phrase: a subject noun's clause is its verb's;
        coordinated phrases ("the procurement of X and the conduct of Y in November") are not.
        Computed once per token: times, places and amounts of every event in a sentence ask."""
        found = self.clause_ranges.get(tok.i)
        if found is None:
            found = self.clause_ranges[tok.i] = self._clause_range(tok)
        return found

    def _clause_range(self, tok: Token) -> tuple[int, int]:
        head = tok.head if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in SUBJECT_DEPS else tok
        sub = _phrase(head)
        for c in head.children:  # a coordinated list item that states no event of its own belongs here
            if c.dep_ == "conj" and not any(self.trigger_of(t) for t in c.subtree):
                sub.extend(c.subtree)
        sub = [t for t in sub if t.dep_ != "punct"] or [head]
        return min(t.idx for t in sub), max(t.idx + len(t) for t in sub)

    def pick_time(self, tok: Token, sent: Span, ref: Event | None) -> TimeValue | None:
        """The time in the trigger's phrase; else in the phrase it is the object of ("the conduct
        of an exercise in November"); else the referred event's; else one the sentence leaves free."""
        lo, hi = self.clause_range(tok)
        inside = [t for t in self.times if lo <= t.start and t.end <= hi and not self.describes_other(t, tok)]
        if not inside and tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
            lo, hi = self.clause_range(tok.head.head)
            inside = [t for t in self.times if lo <= t.start and t.end <= hi and not self.describes_other(t, tok)]
        if not inside and ref is not None:
            return ref.time
        if not inside:
            inside = [t for t in self.times if sent.start_char <= t.start and t.end <= sent.end_char
                      and not self.belongs_to_other_trigger(t, tok, sent) and not self.describes_other(t, tok)]
        if not inside:
            return None
        return min(inside, key=lambda t: abs(t.start - tok.idx))

    def describes_other(self, t: TimeValue, tok: Token) -> bool:
        """Whether a time sits in a clause that describes someone or something else, away from the
        trigger: "Akufo-Addo, who steps down in January, congratulated ...", "relatives of those
        executed in 1988 condemned ..."."""
        span = self.doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None:
            return False
        cur = span.root
        while cur.head.i != cur.i:
            if cur.dep_ in ("relcl", "acl") and not (cur.left_edge.i <= tok.i <= cur.right_edge.i):
                described = cur.head  # "a call that lasted an hour on Sunday", "an attack that began late
                # on Saturday": a clause describing an act tells when the act happened
                return not (self.trigger_of(described) is not None or self.act_kind(described) is not None
                            or described.lemma_.lower() in vocab.gathering_heads()
                            or described.lemma_.lower() in vocab.modality_words()["act_nouns"])
            cur = cur.head
        return False

    def belongs_to_other_trigger(self, t: TimeValue | Place | Quantity, tok: Token, sent: Span) -> bool:
        others = self.sentence_triggers.get(sent.start)
        if others is None:
            others = self.sentence_triggers[sent.start] = [o for o in sent if self.trigger_of(o) is not None]
        for other in others:
            if other.i == tok.i:
                continue
            lo, hi = self.clause_range(other)
            if lo <= t.start and t.end <= hi and not (lo <= tok.idx < hi):
                return True
        return False

    def pick_place(self, tok: Token, trig: Trigger, sent: Span | None = None) -> Place | None:
        """A place the trigger's phrase puts the event in ("in Naypyitaw", "visited Moscow"); else
        one the sentence puts it in that no other event's phrase claims ("held talks in Hanoi")."""
        best = self.place_within(tok, trig, *self.clause_range(tok))
        if best is None and sent is not None:
            best = self.place_within(tok, trig, sent.start_char, sent.end_char, sent)
        return best

    def place_within(self, tok: Token, trig: Trigger, lo: int, hi: int, sent: Span | None = None) -> Place | None:
        best: Place | None = None
        for p in self.places:
            if not (lo <= p.start and p.end <= hi):
                continue
            if sent is not None and self.belongs_to_other_trigger(p, tok, sent):
                continue
            span = self.doc.char_span(p.start, p.end, alignment_mode="expand")
            if span is None:
                continue
            root = span.root
            if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.dep_ == "pobj":
                root = root.head.head  # "in the Brazilian city of Belém", "near the port of Odesa"
            if root.dep_ in ("compound", "amod") and _names_a_place(root):
                root = root.head  # "in the Kharkiv region"
            located = root.dep_ == "pobj" and root.head.lower_ in ("in", "at", "near", "outside") or \
                (root.dep_ == "appos" and root.head.dep_ == "pobj")
            if sent is not None and located and placed_speaker(root):
                continue  # "officials in New Delhi said ...": where the speakers are, not the event
            visited = (trig.place_object and root.dep_ == "dobj" and root.head.i == tok.i) or (
                trig.mode == "visit" and root.dep_ == "pobj" and root.head.lower_ == "to")  # "visit to Manila"
            if (located or visited) and (best is None or abs(p.start - tok.idx) < abs(best.start - tok.idx)):
                best = p
        return best


    def pick_quantities(self, tok: Token, trig: Trigger, sent: Span, n_triggers: int) -> list[Quantity]:
        """Amounts in the trigger's phrase, and the toll a participle adds to it ("launched an
        attack on X, killing at least 12 people"); with none there, the nearest amount of its own
        clause that its type can carry (``clause_amount``)."""
        ranges = [self.clause_range(tok)]
        if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.lower_ in ("in", "of") \
                and tok.head.head.pos_ in ("NUM", "NOUN", "SYM", "PROPN"):  # "£500 million in military support"
            amount = tok.head.head
            ranges.append((amount.left_edge.idx, tok.idx + len(tok)))
        elif tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.lower_ == "in" \
                and tok.head.head.pos_ == "VERB":  # "pledged 100 million yuan in aid": the verb's object
            ranges += [_extent(c) for c in tok.head.head.children
                       if c.dep_ == "dobj" and any(t.like_num for t in c.subtree)]
        heads = [tok] + ([tok.head] if tok.dep_ in ("dobj", "nsubj", "nsubjpass") else [])
        casualty = vocab.modality_words()["casualty_verbs"]
        strikes = vocab.modality_words()["strike_participles"]
        toll = tok.head.head if tok.dep_ == "pobj" and tok.head.dep_ == "prep" else tok.head
        if trig.type == "ASSAULT" and tok.dep_ in ("pobj", "advcl") and toll.lemma_.lower() in casualty:
            for c in toll.children:  # "twenty soldiers were killed in a clash", "13 people were killed as
                if c.dep_ in ("nsubjpass", "nsubj"):  # police clashed with protesters": the clash's toll
                    ranges.append(_extent(c))
        for h in heads:
            for c in h.children:  # "..., killing 12 people"; an attack's "..., hitting 85 targets"
                if c.dep_ in ("advcl", "conj", "xcomp") and (c.lemma_.lower() in casualty or (
                        trig.type == "ASSAULT" and c.tag_ == "VBG" and c.lemma_.lower() in strikes)):
                    ranges.append(_extent(c))
        found = [q for q in self.quantities if any(lo <= q.start and q.end <= hi for lo, hi in ranges)]
        kinds = vocab.sentence_amounts().get(trig.type)
        if not found and kinds:
            found = self.clause_amount(tok, sent, kinds)
        if trig.type in DEPLOYING:  # "sent 3,000 soldiers": the forces a deployment moves are troops; a toll
            troops = vocab.modality_words()["troop_nouns"]  # told beside it stays people
            moved = [_extent(c) for c in tok.children
                     if c.dep_ in ("dobj", "nsubjpass", "nsubj", "attr")]
            found = [replace(q, unit="troop") if q.unit == "person" and q.text.split()[-1].lower() in troops
                     and any(lo <= q.start and q.end <= hi for lo, hi in moved) else q for q in found]
        return found

    def clause_amount(self, tok: Token, sent: Span, kinds: frozenset[str]) -> list[Quantity]:
        """The nearest amount of a fitting kind in the trigger's sentence that no other event's phrase
        claims and no clause apart from the trigger's holds: "approved 30 million euros in aid for
        Morocco to help it" (the help's money); not "sanctions on Belarus, where an election gave
        Lukashenko 87%" (a clause of its own, about something else)."""
        near: list[Quantity] = []
        for q in self.quantities:
            if not (sent.start_char <= q.start and q.end <= sent.end_char and q.kind in kinds) \
                    or self.belongs_to_other_trigger(q, tok, sent):
                continue
            span = self.doc.char_span(q.start, q.end, alignment_mode="expand")
            if span is not None and not _in_clause_apart(span.root, tok):
                near.append(q)
        return sorted(near, key=lambda q: abs(q.start - tok.idx))[:1]

    def context(self, tok: Token, trig: Trigger, sent: Span) -> str | None:
        words = self.sentence_words.get(sent.start)
        if words is None:  # once per sentence, not once per event
            words = self.sentence_words[sent.start] = {t.lower_ for t in sent} | {t.lemma_.lower() for t in sent}
        for name, vocab_words in vocab.contexts().items():
            if trig.context == name:
                continue
            if words & {w.lower() for w in vocab_words} and trig.context is None:
                return name
        return trig.context

    # -- triggers ---------------------------------------------------------------------------------
    def trigger_of(self, tok: Token) -> Trigger | None:
        """The event a word states here, if any (computed once per token)."""
        return self.trigger_reader.of(tok)

    def run(self) -> list[Event]:
        for s_index, sent in enumerate(sentences(self.doc)):
            self.sentence_index = s_index
            found = [(tok, trig) for tok in sent if (trig := self.trigger_of(tok)) is not None]
            sentence_events: list[Event] = []
            unsaid: list[tuple[Token, Trigger, _Args, TimeValue | None, Place | None, bool]] = []
            for tok, trig in found:
                if _unreported(tok, trig):
                    continue
                if tok.lemma_.lower() in vocab.modality_words()["response_verbs"] and any(
                        c.dep_ == "prep" and c.lower_ == "by" and any(
                            g.dep_ == "pcomp" and self.trigger_of(g) is not None for g in c.children)
                        for c in tok.children):
                    continue  # "retaliated by expelling 20 diplomats": the expulsion is the act told
                args = self.verb_args(tok, trig) if trig.pos == "VERB" else self.noun_args(tok, trig)
                if args is None:
                    continue
                if trig.type == "ACCUSE" and trig.mode == "criticize" and not trig.mutual and trig.pos == "VERB" \
                        and _answers_charge(tok):  # not "exchanged accusations", "would investigate the claims"
                    trig = replace(trig, type="REJECT", mode="deny")  # "condemned the accusations": a rejection
                    if args.sources and args.targets:  # "Israel accused Iran ... Iran called it baseless": the
                        # accuser, not the accused the pronoun found
                        args.targets = self.accuser_of(args.sources + args.targets, aimed=True) or args.targets
                if trig.type == "PROTEST" and not args.targets and _purpose_of_act(tok, self.trigger_of):
                    continue  # "summoned the ambassador to protest": the purpose of the act told, no rally
                if trig.origin == "nominal" and (args.inherited or not (args.sources and (
                        args.targets or trig.type in MONADIC))):
                    continue  # a nominalisation is an event only with its own participants (one, for an
                    # act with no other side: "announced a partial mobilisation")
                if trig.pos == "NOUN" and not args.sources and not args.targets and _in_background(tok):
                    continue  # "arrived despite an arrest warrant", "despite the threat of arrest": a standing
                    # state of things, not the visit's own act, whose sides it must not borrow
                ref = self.refers_to_event(tok) if not (args.sources and args.targets) else None
                if ref is None and sentence_events and not (args.sources and args.targets) \
                        and self.shares_participants(tok, sentence_events[0]):
                    ref = sentence_events[0]  # "the visit ..., with the procurement of equipment"
                if ref is not None and ref.source and ref.target and not (args.sources and args.targets):
                    if ref.type == trig.type and not (args.sources or args.targets):
                        continue  # "the memorandum was discussed at the meeting": that meeting again
                    named = args.sources + args.targets
                    during_visit = ref.type == "CONSULT" and trig.pos == "NOUN" and named[:1] == [ref.source]
                    if not args.explicit_target and (not named or during_visit):
                        args = _Args([ref.source], [ref.target], inherited=True)
                    else:
                        ref = None
                aimed = [o for o in self.prep_objects(tok, AIMED) if o.ent_type_ not in ("DATE", "TIME")]
                if trig.type == "ASSAULT" and args.targets and not args.sources \
                        and tok.lemma_.lower() in vocab.modality_words()["casualty_verbs"]:
                    args.sources = self.attacker_before(args.targets)  # "... 18 fighters were killed": by whom
                if trig.type == "ASSAULT" and args.targets and not args.sources and trig.pos == "VERB" \
                        and (subj := _subject(tok)[0]) is not None \
                        and subj.lemma_.lower() in vocab.modality_words()["weapon_nouns"]:
                    args.sources = self.attacker_before(args.targets, REFERRED_WINDOW, same_target=True)
                if args.sources and not args.targets and any(c.lower_ in ("similar", "same") for c in tok.children):
                    same = next((e.target for e in reversed(self.events + sentence_events)
                                 if e.type == trig.type and e.target is not None), None)
                    args.targets = [same] if same is not None else []  # "issued similar condemnations"
                if args.sources:  # "Biden barred U.S. banks ... (United States)": a state never acts on itself
                    args.targets = [t for t in args.targets if not any(
                        _self_pair(s, t) and not (trig.type in ON_THE_GROUND and t.kind == "country")
                        for s in args.sources)]  # but "the army bombed a village in Sagaing" is a place
                for src in args.sources[:MAX_SIDES]:
                    self.acts.append((trig.type, src, args.targets[0] if args.targets else None, s_index))
                    self.act_words.append(tok.lemma_.lower())
                    self.act_asides.append(_told_in_passing(tok))
                if trig.type == "REQUEST" and args.targets and args.sources and all(
                        t.kind in FORCE_KINDS and (t.country is None or t.country in {a.country for a in args.sources})
                        for t in args.targets):
                    continue  # "ordered the army to ...": a command to one's own forces, no request between sides
                if trig.type == "CONSULT" and trig.mode == "visit" and args.sources:
                    if all(a.kind == "group" for a in args.sources):
                        continue  # "refugees arrived in Poland": people coming, no visit of a side
                    if all(a.kind in FORCE_KINDS for a in args.sources) \
                            and (subj := _subject(tok)[0]) is not None and subj.tag_ in ("NNS", "NNPS"):
                        trig = replace(trig, type="MOBILIZE", mode="deploy")  # "Kenyan police officers arrived
                        # in Haiti": forces that come are deployed (not "the police chief visited Haiti")
                if trig.foreign and args.sources and args.targets and all(
                        s.country and t.country and s.country != t.country
                        and any(w in vocab.modality_words()["envoy_titles"] for r in t.roles
                                for w in r.title.lower().split())
                        for s in args.sources for t in args.targets):
                    trig = replace(trig, type=trig.foreign[0], mode=trig.foreign[1])  # "Kinshasa summoned Karega":
                    # a foreign envoy called in is a protest to his state, not a summons of a citizen
                if trig.untargeted and not args.targets and not (trig.pos == "VERB" and aimed):
                    # "sent 3,000 gendarmes to the archipelago", "fired a missile into the sea"; not "at a ship"
                    trig = replace(trig, type=trig.untargeted[0], mode=trig.untargeted[1])
                place = self.pick_place(tok, trig, sent)
                if trig.place_object and not args.targets and place is not None and place.country:
                    args.targets = [self.table.country_actor(place.country)]
                time = self.pick_time(tok, sent, ref)
                if place is None and trig.type in ("CONSULT", "AGREE"):  # talks and accords: where filed
                    place = self.dateline if self.dateline and not args.inherited else None
                if trig.type == "ASSAULT" and args.sources and not args.targets and tok.dep_ == "advcl" \
                        and tok.head.lemma_.lower() in vocab.modality_words()["casualty_verbs"]:
                    # "two soldiers were wounded when X opened fire": the wounded were the target
                    args.targets = [a for c in tok.head.children if c.dep_ in ("nsubjpass", "nsubj")
                                    for a in self.actors_of(c, args.sources)]
                if trig.type == "ASSAULT" and args.sources and not args.targets and place is not None \
                        and place.country and all(a.country != place.country for a in args.sources):
                    args.targets = [self.table.country_actor(place.country)]  # "air strikes in Hodeidah"
                if trig.type == "ASSAULT" and args.sources and place is not None and place.country \
                        and any(a.country == place.country for a in args.sources) \
                        and all(t.kind == "country" and t.country == place.country for t in args.targets) \
                        and any(c.dep_ == "dobj" and c.lemma_.lower() in SETTLEMENTS for c in tok.children):
                    args.targets = [self.civilians_of(place.country)]  # "the army bombed a village in
                    # Sagaing": its own people, not its own state (abroad, the state named stays)
                where = place.country if place is not None else None
                if trig.type == "COERCE" and trig.mode in ("curfew", "martial-law", "blackout") and args.sources \
                        and all(t.kind == "country" or t.country is None for t in args.targets) \
                        and (home := (where or args.sources[0].country) if trig.mode == "blackout"  # "cut internet
                             else (args.sources[0].country or where)):  # access in Gaza": Gaza's people
                    args.targets = [self.civilians_of(home)]  # "Peru imposed a curfew in Puno": a state
                    # restricts its own people (the place named, even a namesake abroad, is no target)
                if trig.type == "PROTEST" and place is not None and place.country:  # "marched on the French
                    for actor in args.sources:  # embassy in Niamey": Nigeriens, not the French
                        if actor.country is None and actor.kind == "group" and actor.key.startswith("group:") \
                                and all(m.sentence == s_index for m in actor.mentions):
                            actor.country = place.country
                if trig.type == "MOBILIZE" and not args.sources and args.targets \
                        and all(a.kind in FORCE_KINDS for a in args.targets):
                    args.sources, args.targets = args.targets, []  # "border guards were deployed": they move
                if trig.type == "MOBILIZE" and args.sources and not args.targets:  # "sent troops into Iraq"
                    entered = self.prep_objects(tok, ("into", "across"))
                    into = [a for a in self.first_actor_in(entered, args.sources)
                            if a.kind == "country" and all(s.country != a.country for s in args.sources)]
                    if into:
                        args.targets = into[:1]
                    elif place is not None and place.country and entered \
                            and all(a.country and a.country != place.country for a in args.sources):
                        args.targets = [self.table.country_actor(place.country)]  # "into Syria's buffer zone";
                        # not "deployed troops in Poland": an ally hosting them is no target
                if trig.pos == "NOUN" and _asked_for(tok):  # "called for talks with Beijing": a request of
                    asker, _ = _subject(tok.head.head)  # the partner named, by whoever called for them
                    args.sources = self.actors_of(asker) if asker is not None else []
                    args.targets = self.first_actor_in(_partners(tok), args.sources)
                    trig = replace(trig, type="REQUEST", mode="meet")
                if trig.type in ("PROTEST", "RETREAT") and tok.lemma_.lower() in FORCES_ONLY \
                        and (trig.type == "PROTEST") == any(a.kind in FORCE_KINDS for a in args.sources):
                    continue  # "rebels marched on Goma" is no rally; "the former president surrendered to the
                    # tribunal" no force laying down its arms
                policing = bool(args.sources) and all(a.sector in POLICING_SECTORS or a.kind == "police"
                                                      for a in args.sources)
                if trig.type == "COERCE" and tok.lemma_.lower() == "stop" and any(
                        c.dep_ == "dobj" and any(g.dep_ == "poss" and g.pos_ == "PRON" for g in c.children)
                        for c in tok.children):
                    continue  # "Turkey stopped its ships from sailing to Israel": its own ships held back
                if trig.mode == "raid" and any(a.sector in OUTSIDE_STATE for a in args.sources):
                    continue  # "rescue workers searched the homes for survivors": no search of anyone's
                if trig.type == "ASSAULT" and tok.lemma_.lower() in RAIDS and policing \
                        and not any(t.kind in FORCE_KINDS for t in args.targets) and not self.deadly(tok):
                    trig = replace(trig, type="COERCE", mode="raid")  # "police raided the party's offices": a
                    # search by police or investigators, not an armed attack (as troops' or rebels' raids are,
                    # a raid on a militant hideout, and one that kills: "the raid ..., in which his mother was
                    # killed", "sparking a gunfight")
                if tok.lemma_.lower() in SURROUNDING and trig.type == "COERCE":
                    if args.sources and all(a.kind == "group" and a.sector == "CVL" for a in args.sources):
                        trig = replace(trig, type="PROTEST", mode="obstruct")  # "demonstrators surrounded
                        # the president's office"
                    elif not any(a.kind in FORCE_KINDS for a in args.sources):
                        continue  # "surrounded by supporters", "the hills that surround the town": no force
                if trig.type == "PROTEST" and tok.lemma_.lower() == "protest" and args.sources \
                        and (tok.pos_ == "VERB" or ((held := _through_span(tok)).dep_ == "dobj"
                                                    and held.head.lemma_.lower() in LODGING)) \
                        and not _said_as_people(tok) \
                        and all(a.kind in ("country", "government") or (a.kind == "person" and a.sector == "GOV")
                                for a in args.sources):  # "Kigali protested the overflight": a state's
                    trig = replace(trig, type="ACCUSE", mode="protest")  # protest is a diplomatic one
                    if not args.targets:
                        args.targets = [a for o in tok.children if o.dep_ == "dobj"
                                        for a in self.acts_author(o, args.sources)][:1]
                if trig.type == "PROTEST" and args.sources and not args.targets:
                    if all(a.kind in CROWD_KINDS for a in args.sources):
                        args.targets = self.protested(tok, args.sources, place)
                    elif len(args.sources) == 1 and args.sources[0].kind == "country" and args.sources[0].country \
                            and _said_as_people(tok):  # "thousands of Cubans took to the streets": against
                        code = args.sources[0].country  # the state's people, against their own government
                        args.sources = [self.table.get_or_add(f"group:group:CVL:{code}::protesters",
                                                              f"{demonym(code)} protesters", "group", code, "CVL")]
                        args.targets = [self.table.government_of(code)]
                if trig.type in ON_THE_GROUND:  # "police opened fire on demonstrators": the police's own people
                    self.home_country(args.sources, args.targets)
                for actor in args.sources + args.targets if trig.type in ON_THE_GROUND else ():
                    # "protesters detained in Istanbul" are Turkish; talks abroad say nothing of who
                    if place is not None and place.country and actor.country is None \
                            and actor.key.startswith("group:") and actor.kind in ("group", "government", "police") \
                            and all(m.sentence == s_index for m in actor.mentions):
                        actor.country = place.country  # only an actor this sentence alone names
                    elif place is None and self.dateline is not None and self.dateline.country \
                            and actor.country is None and actor.key.endswith(":people") and actor in args.targets:
                        actor.country = self.dateline.country  # "killed at least 45 people", filed from
                        # Bamako: counted victims with no scene are where the report was filed
                if trig.type not in MONADIC and not args.inherited and bool(args.sources) != bool(args.targets):
                    # "warned that the crackdown would drive refugees ...": the clause told whom (threats_in),
                    # or it is a forecast: no guess, only a side the speaker faced in the same breath
                    guess = not (trig.type == "THREATEN" and _reported_clauses(tok))
                    unsaid.append((tok, trig, args, time, place, guess))  # once the sentence's events are known
                    continue
                for ev in self.build(tok, trig, args, sent, s_index, time, place, len(found)):
                    sentence_events.append(ev)
                    self.trigger_tokens[id(ev)] = tok
                    if trig.origin != "own":
                        self.layered.add(id(ev))
            speech = [t for t in sent if t.pos_ == "VERB" and t.lemma_.lower() in _reporting_verbs()]
            if speech:  # most sentences report no one's words: skip these passes
                sentence_events = self.threats_in(sent, s_index, sentence_events, len(found), speech)
                sentence_events = self.allegations_in(sent, s_index, sentence_events, len(found), speech)
                sentence_events = self.demands_in(sent, s_index, sentence_events, len(found), speech)
                sentence_events = self.denials_in(sent, s_index, sentence_events, len(found), speech)
                sentence_events = self.refusals_in(sent, s_index, sentence_events, len(found), speech)
            sentence_events = self.charges_rebutted(sent, s_index, sentence_events, len(found), speech)
            for tok, trig, args, time, place, guess in unsaid:
                if any(e.type == trig.type and e.position == tok.idx for e in sentence_events):
                    continue  # told by a pass over the reported words (threats_in)
                if (asked := self.asked_in_same_breath(tok, trig, args, sentence_events)):
                    sentence_events += self.build(tok, trig, _Args(args.sources, asked), sent, s_index, time, place,
                                                  len(found))
                elif guess:
                    self.fill_unsaid(tok, trig, args, sent, s_index, time, place, len(found), sentence_events)
            sentence_events += self.elided(sentence_events)
            for ev in sentence_events:
                if ev.type == "CONSULT" and ev.source and ev.target and ev.mode != "mediate":
                    self.last_consult = ev  # the mediator is not one of "the two sides"
            self.events.extend(sentence_events)
        return _dedupe(self.events + self.implicit, self.layered)

    # -- the side the text leaves unsaid ------------------------------------------------------
    def asked_in_same_breath(self, tok: Token, trig: Trigger, args: _Args, told: list[Event]) -> list[Actor]:
        """Whom a criticism, a demand or a warning with no named target is aimed at when the same speaker,
        in the same sentence, faces one side: "expressed grave concern over the attacks and urged the
        Houthis to stop" (a demand to desist names the wrongdoer; not "asked Germany to send Patriots");
        "summoned Lithuania's envoy and demanded that the restrictions be lifted" (a demand that names
        no addressee of its own; not "called on donors to give more"); "urged Japan to withdraw the
        curbs and warned that Seoul would take countermeasures" (a warning of the speaker's own acts;
        not "warned that Russia was preparing an offensive")."""
        if not args.sources or args.targets:
            return []
        camps = {camp(a) for a in args.sources}
        if trig.type == "ACCUSE":
            wanted = [e for e in told if e.type == "REQUEST" and self.asks_to_desist(e)]
        elif trig.type == "REQUEST" and not self.names_addressee(tok):
            wanted = [e for e in told if e.type in ("ACCUSE", "SANCTION")]
        elif trig.type == "THREATEN" and self.warns_of_own_act(tok, args.sources):
            wanted = [e for e in told if e.type in ("ACCUSE", "REQUEST")]
        else:
            return []
        return [e.target for e in wanted if e.source in args.sources and e.target is not None
                and camp(e.target) not in camps][:1]

    def asks_to_desist(self, request: Event) -> bool:
        """Whether a request asks its addressee to stop doing something ("urged the Houthis to stop",
        "called on Russia to withdraw its troops", "demanded that Minsk free him")."""
        verb = self.trigger_tokens.get(id(request))
        if verb is None:
            return False
        asked = [t for t in verb.subtree if t.pos_ == "VERB" and t.i != verb.i]
        return any(t.lemma_.lower() in vocab.modality_words()["desist_verbs"] for t in asked)

    def names_addressee(self, verb: Token) -> bool:
        """Whether a demand names whom it is made of ("called on donors", "urged voters", "urged European
        allies"), actor or not; not what it demands ("demanded an explanation", "the release of X")."""
        people = vocab.modality_words()["addressee_nouns"]
        for c in verb.children:
            if c.dep_ in ("dobj", "dative") and (c.pos_ == "PROPN" or self.table.at(c.i) is not None
                                                 or (c.tag_ == "NNS" and c.lemma_.lower() in people)):
                return True
            if c.dep_ == "prep" and c.lower_ in ("on", "upon") and any(
                    g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN") for g in c.children):
                return True
        return False

    def warns_of_own_act(self, verb: Token, speakers: list[Actor]) -> bool:
        """Whether a warning tells of no other side's acts: "warned of serious consequences", "warned that
        Seoul would take countermeasures", "that the deaths would not go unpunished" (not "warned that
        Russia was preparing an offensive": a forecast)."""
        sides = {side(a) for a in speakers}
        for clause in _reported_clauses(verb):
            subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            if subj is not None and any(side(a) not in sides for a in self.actors_of(subj)):
                return False
        return True

    def fill_unsaid(self, tok: Token, trig: Trigger, args: _Args, sent: Span, s_index: int,
                    time: TimeValue | None, place: Place | None, n_triggers: int, told: list[Event]) -> None:
        """An act with one named side ("Sall congratulated the winner", "the talks hosted by China"):
        the learned ranker picks the other side among the actors around it, or none."""
        ranker = implicit_ranker()
        if not (ranker.enabled or self.all_implicit):
            return
        known = args.sources or args.targets
        sides = {_party(k) for k in known}
        # "Iran and Saudi Arabia will reopen their embassies": the pair acts, on no third; but "Macron and
        # Zelensky sent their congratulations", "Qatar and Egypt condemned the raid" each act on one third
        if len(sides) > 1 and not (args.sources and (trig.type in ONE_WAY or trig.mode == "praise")):
            return
        told_with = {_party(a) for e in told if e.source and e.target and {_party(e.source), _party(e.target)} & sides
                     for a in (e.source, e.target)} - sides
        options = [o for o in self.unsaid_options(tok, trig, known, bool(args.sources))
                   if _party(o[0]) not in told_with]  # what passed between the two, the sentence told
        objects = [c for c in tok.children if c.dep_ in ("dobj", "attr") and self.table.at(c.i) is None]
        act = {f"unsaid.told={bucket(len(told), (0, 1))}": 1.0,
               **({"unsaid.unresolved_target": 1.0} if args.explicit_target else {}),
               **({"unsaid.thing_object": 1.0} if objects else {})}
        options = [(actor, features | act) for actor, features in options]
        if not self.all_implicit:
            best = max(options, key=lambda o: ranker.score(o[1]), default=None)
            options = [best] if best is not None and ranker.keep(best[1]) else []
        for option, features in options:
            actor = self.table.get_or_add(option.key, option.name, option.kind, option.country, option.sector)
            filled = _Args(args.sources or [actor], args.targets or [actor], inherited=True, implicit=features)
            if not args.sources and not self.all_implicit:  # the act is now someone's: "the sanctions"
                # may point back at it (not each option the ranker is trained on)
                self.acts.append((trig.type, actor, filled.targets[0], s_index))
                self.act_words.append(tok.lemma_.lower())
                self.act_asides.append(_told_in_passing(tok))
            for ev in self.build(tok, trig, filled, sent, s_index, time, place, n_triggers):
                self.implicit.append(ev)
                if trig.origin != "own":
                    self.layered.add(id(ev))

    def unsaid_options(self, tok: Token, trig: Trigger, known: list[Actor],
                       missing_target: bool) -> list[tuple[Actor, Features]]:
        """The actors the unsaid side may be, each with what the ranker reads: where it was last
        named (this sentence before or after the act, or one or two sentences back), in what role,
        what kind of actor it is, whether the article pairs it with the known side, how prominent
        it is in the article."""
        mine = {a.key for a in known}
        partners, latest = self.story_partners(known)
        top_partner = partners.most_common(1)[0][0] if partners else None
        if self.prominence is None:  # the article's parties by how often they are named, once
            counts: Counter[str] = Counter()
            for named in self.table.actors:
                counts[_party(named)] += len(named.mentions)
            self.prominence = [p for p, _ in counts.most_common()]
            self.nationals = {t.i: code for t in self.doc if t.ent_type_ in ("NORP", "GPE")
                              and (code := countries.country_code(t.text))}  # "Chinese", "in Tehran"
        ranked = self.prominence
        sents = sentences(self.doc)
        here = sents[self.sentence_index]
        first = sents[max(0, self.sentence_index - 2)].start
        order = sorted((i for i in range(first, here.end) if i in self.table.by_token or i in self.nationals),
                       key=lambda i: (i < here.start, abs(i - tok.i)))
        seen: set[str] = set()
        out: list[tuple[Actor, Features]] = []
        for i in order:
            actor: Actor | None = self.table.at(i)
            if actor is None:
                code = self.nationals[i]
                name = countries.country_name(code) or code  # registered only if chosen
                actor = self.table.by_key.get(f"country:{code}") or Actor(f"country:{code}", name, "country", code)
            if actor is None or actor.kind == "media" or actor.key in mine or actor.key in seen:
                continue  # a compatriot is another side ("Sall congratulated the winner"), a state's organ is not
            if (actor.country is None and actor.key.startswith("group:")) or _names_a_place(self.doc[i]) \
                    or (self.doc[i].dep_ == "pobj" and self.doc[i].head.lower_ in WHERE) \
                    or any(_self_pair(actor, k) or _one_state(actor, k) for k in known) \
                    or (trig.type == "THREATEN" and actor.kind == "country"
                        and any(k.country == actor.country for k in known)) \
                    or (trig.type == "REJECT" and side(actor) in {side(k) for k in known}) \
                    or self.within_phrase_of(self.doc[i], known):
                continue  # (a denial answers someone else, never a compatriot; a threat never one's own
                # state: "Putin warned that Russia would ...")
            seen.add(actor.key)
            back = self.sentence_index - sentence_index_of(self.doc, i)
            where = f"back{back}" if back else ("after" if i > tok.i else "before")
            features = self.unsaid_features(trig, known, actor, missing_target, where, self.doc[i],
                                            len(out), top_partner, partners, ranked)
            if not back:
                mention = self.doc[i]
                features[f"unsaid.distance={bucket(abs(i - tok.i), (3, 8, 15, 30))}"] = 1.0
                if mention in tok.subtree:
                    features["unsaid.under_act"] = 1.0  # "talks hosted by China"
                elif mention.head == tok.head or mention.head == tok:
                    features["unsaid.beside_act"] = 1.0
            features[f"unsaid.mode={trig.type}.{trig.mode}"] = 1.0
            out.append((actor, features))
        for party in [top_partner] if top_partner and latest[top_partner].key not in seen else []:
            out.append((latest[party], self.unsaid_features(trig, known, latest[party], missing_target, "article",
                                                            None, len(out), top_partner, partners, ranked)))
        return out

    @staticmethod
    def unsaid_features(trig: Trigger, known: list[Actor], actor: Actor, missing_target: bool, where: str,
                        mention: Token | None, rank: int, top_partner: str | None, partners: Counter[str],
                        ranked: list[str]) -> Features:
        role = "target" if missing_target else "source"
        party = _party(actor)
        names = [f"unsaid={role}", f"unsaid.where={where}", f"unsaid.{role}.where={where}",
                 f"unsaid.kind={actor.kind}", f"unsaid.known={known[0].kind}",
                 f"unsaid.type={trig.type}.{role}", f"unsaid.rank={bucket(rank + 1, (1, 2, 3))}",
                 f"unsaid.prominence={bucket(ranked.index(party) + 1 if party in ranked else 99, (1, 2, 3, 5))}"]
        if mention is not None:
            dep = mention.dep_ if mention.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "poss", "compound",
                                                   "appos", "conj", "amod") else "other"
            names.append(f"unsaid.dep={dep}")
            if dep == "pobj":
                names.append(f"unsaid.prep={mention.head.lower_}")
            names.append(f"unsaid.{where}.dep={dep}")
        if actor.key.startswith("group:"):
            names.append("unsaid.generic")
        if actor.country and actor.country == known[0].country:
            names.append("unsaid.compatriot")
        if party == top_partner:
            names.append("unsaid.partner")
        elif partners[party]:
            names.append("unsaid.paired")
        return dict.fromkeys(names, 1.0)

    def within_phrase_of(self, tok: Token, actors: list[Actor]) -> bool:
        """Whether ``tok`` modifies a mention of one of ``actors`` ("executives from the Chamber")
        or says whom they act for ("on behalf of"): it describes that side, it is no other party."""
        for t in tok.ancestors:
            if t.lower_ == "behalf":
                return True  # "signed on behalf of the Government of Rwanda": whom the signer speaks for
            if t.pos_ in ("VERB", "AUX"):
                return False
            if any(self.table.at(x.i) in actors for x in [t, *t.conjuncts]):
                return True  # (the phrase of "owners from X and executives from Y" is both's)
        return False

    def article_dyads(self) -> tuple[Counter[frozenset[str]], dict[str, Actor]]:
        """How often the text so far has told each pair of sides acting on each other, and the
        latest actor of each side."""
        dyads: Counter[frozenset[str]] = Counter()
        latest: dict[str, Actor] = {}
        for _, src, tgt, _ in self.acts:
            if tgt is None or _party(src) == _party(tgt):
                continue
            dyads[frozenset((_party(src), _party(tgt)))] += 1
            latest[_party(src)], latest[_party(tgt)] = src, tgt
        return dyads, latest

    def story_partners(self, known: list[Actor]) -> tuple[Counter[str], dict[str, Actor]]:
        """The sides the text so far has set against ``known``'s, with how often (``article_dyads``),
        and the latest actor of each side."""
        sides = {_party(a) for a in known}
        dyads, latest = self.article_dyads()
        partners: Counter[str] = Counter()
        for pair, n in dyads.items():
            if len(pair & sides) == 1:
                partners[next(iter(pair - sides))] += n
        return partners, latest

    def allegations_in(self, sent: Span, s_index: int, found: list[Event], n_triggers: int,
                       verbs: list[Token]) -> list[Event]:
        """Wrongdoing ascribed to another side in reported words is an accusation by the speaker:
        "Washington concluded that Iran was behind the intrusion", "Lammy said the ministers had incited
        violence". The act itself stays as reported (its own event, if any)."""
        words = vocab.modality_words()
        out = list(found)
        for verb in verbs:
            if verb.lemma_.lower() not in words["allegation_verbs"]:
                continue
            if any(e.type == "ACCUSE" and _same(self.trigger_tokens.get(id(e)), verb) for e in out):
                continue
            speakers = self.speakers_of(verb)
            if not speakers or _negated(verb):
                continue
            sides = {side(a) for a in speakers}
            camps = {camp(a) for a in speakers}  # "the opposition leader said the police raid was illegal"
            for clause in (x for c in _reported_clauses(verb) for x in [c] + list(c.conjuncts)):
                doer, passive = self.clause_doer(clause)
                if (passive and (doer is None or not self.done_by_force(clause))) or clause.lemma_.lower() == "die" \
                        or (not passive and clause.lemma_.lower() in words["casualty_verbs"]
                            and (doer is None or not any(a.country for a in self.actors_of(doer)))):
                    continue  # "fighters were killed", "ten civilians died": the victims are no doers (not
                    # "the jet had been shot down by Russia", whose agent is; "had been warned by" is no wrong);
                    # "the blast killed 12": no one named (but "said Ethiopian troops had killed 500 people"
                    # accuses them; "the army had killed", of no state named, may be the speaker's own)
                if _foretold(clause) or _negated(clause):
                    continue  # a threat, a forecast or a demand, or a denial ("had not supplied weapons")
                if doer is None and clause.dep_ == "conj":
                    doer = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
                if doer is not None and doer.lemma_.lower() in RESPONSIBILITY:  # "responsibility lay with X"
                    doer = next(iter(self.prep_objects(clause, ("with",))), None)
                if doer is None and any(c.dep_ == "expl" for c in clause.children):  # "there had been massive
                    doer = next((o for c in clause.children if c.dep_ == "attr"  # interference by Russia"
                                 and not any(d.lower_ == "no" for d in c.children if d.dep_ == "det")
                                 for o in self.prep_objects(c, ("by", "from"))), None)
                if not self.wrongdoing(clause):
                    continue
                if (passive or clause.lemma_.lower() in words["attempt_verbs"]) \
                        and self.harms_a_third_side(clause, sides):
                    continue  # "said the Russian missiles had been destroyed by Polish air defences": no wrong
                if clause.i < verb.i and self.only_an_act(clause):
                    continue  # "militants fired two rockets at Ashdod, the military said": a source for the act
                accused = [a for a in (self.actors_of(doer) if doer is not None else []) if camp(a) not in camps
                           and not (a.kind == "igo" and any(p.sector == "IGO" for p in speakers))]  # its own official
                rebuttal = False
                if not accused and doer is not None and (_judged(clause) or (  # "the order amounted to
                        clause.lemma_.lower() in words["wrongdoing_verbs"] and doer.pos_ == "NOUN")):  # persecution",
                    # "Japan's measures breached international law": whoever did the act
                    accused = [a for a in self.author_of_judged(doer, speakers) if camp(a) not in camps]
                    rebuttal = doer.lemma_.lower() in words["charge_nouns"]  # "Tehran's claim was baseless"
                if not accused:  # "said the step had been forced on it by NATO's actions": the source of
                    accused = [e.source for e in out if e.source is not None and e.type in HOSTILE  # the act found
                               and _same(self.trigger_tokens.get(id(e)), clause)  # in the clause
                               and camp(e.source) not in camps][:1]
                if not accused:
                    continue
                trig = replace(vocab.verb_triggers()["accuse"][0], lemma=verb.lemma_.lower(), mode="allege")
                if rebuttal:
                    trig = replace(trig, type="REJECT", mode="deny")
                out += self.said_events(verb, trig, _Args(speakers[:MAX_SIDES], accused[:1]), sent, s_index, None,
                                        n_triggers)  # a joint statement accuses for each of its speakers
                break
        return out

    def charges_rebutted(self, sent: Span, s_index: int, found: list[Event], n_triggers: int,
                         speech: list[Token]) -> list[Event]:
        """", a charge Kabul rejects", ", an accusation Moscow has repeatedly denied": the side named in
        the tail rejects the charge of whoever made it, the accuser of this sentence or of the last two,
        else the speaker whose words the sentence reports ("France says Mali hired mercenaries, a charge
        Mali denies"). Read on the words, since the parser often takes "rejects" for a noun there."""
        out = list(found)
        words = vocab.modality_words()
        for tok in sent:
            if tok.lemma_.lower() not in words["charge_nouns"] or tok.i < sent.start + 2 \
                    or self.doc[tok.i - 1].lower_ not in ("a", "an", "the") \
                    or self.doc[tok.i - 2].text not in (",", "—"):
                continue
            tail = list(self.doc[tok.i + 1:min(tok.i + 8, sent.end)])
            verb = next((t for t in tail if t.lower_ in REBUTTING_FORMS), None)
            if verb is None or any(t.is_punct or t.lower_ in UNDENYING or t.lemma_.lower() in _reporting_verbs()
                                   for t in tail if t.i < verb.i) \
                    or any(_same(self.trigger_tokens.get(id(e)), verb) for e in out if e.type == "REJECT"):
                continue  # "has yet to deny", "a claim Moscow says Kyiv denies"; or the parse told it already
            rebutters = list(dict.fromkeys(a for t in tail if t.i < verb.i and not _in_prep_phrase(t, tok) and (
                a := self.table.at(t.i) or (self.table.country_actor(code) if t.ent_type_ == "GPE"
                                            and (code := state_of_place(t.text)) else None)) is not None))
            # ("a charge Kabul rejects": the parser may leave the capital no actor; not "critics in Berlin")
            if not rebutters:
                continue
            sides = {side(a) for a in rebutters}
            here = [e for e in out if e.type == "ACCUSE" and e.source is not None and side(e.source) not in sides]
            told: list[Actor | None] = [e.source for e in here if e.target is not None and side(e.target) in sides]
            told += [e.source for e in sorted(here, key=lambda e: -e.position) if e.position < tok.idx]  # (who
            # accused them, else the nearest accuser before the charge, else the speaker, else an accuser before)
            told += [a for v in sorted(speech, key=lambda v: -v.i) if v.i < tok.i for a in self.speakers_of(v)]
            told += [e.source for e in reversed(self.events) if e.type == "ACCUSE"
                     and self.sentence_index - e.evidence[0].sentence_index <= 2]
            accusers = [a for a in told if a is not None and side(a) not in sides][:1]
            if not accusers:
                continue
            trig = replace(vocab.verb_triggers()["deny"][0], lemma=verb.lower_, mode="deny")
            out += list(self.build(verb, trig, _Args(rebutters[:MAX_SIDES], accusers), sent, s_index,
                                   self.pick_time(verb, sent, None), None, n_triggers))
        return out

    def untold_speech(self, verbs: list[Token], lemmas: frozenset[str] | set[str],
                      told: list[Event]) -> Iterator[tuple[Token, list[Actor], set[str]]]:
        """Each verb of saying among ``lemmas``, not negated and not yet the trigger of an event in
        ``told`` (read as it grows), with its speakers and their sides, when it has speakers."""
        for verb in verbs:
            if verb.lemma_.lower() not in lemmas or _negated(verb) \
                    or any(_same(self.trigger_tokens.get(id(e)), verb) for e in told):
                continue
            speakers = self.speakers_of(verb)
            if speakers:
                yield verb, speakers, {side(a) for a in speakers}

    def denials_in(self, sent: Span, s_index: int, found: list[Event], n_triggers: int,
                   verbs: list[Token]) -> list[Event]:
        """A side cleared in its own words denies what its accuser said: "Psaki said the United States
        had not been involved", "the minister said Uganda did not carry out abductions" answer
        whoever accused that side just before. With no accuser told, nothing is coded."""
        words = vocab.modality_words()
        out = list(found)
        for verb, speakers, sides in self.untold_speech(verbs, words["allegation_verbs"], out):
            for clause in (x for c in _reported_clauses(verb) for x in [c] + list(c.conjuncts)):
                disowned = self.disowned(clause, speakers)
                if disowned is not None:  # a state, the speaker, or the body the speaker is named by ("a
                    # Hezbollah official said the group had ..."); not "al-Shabaab had nothing to do with it"
                    named_by = {id(a) for c in verb.children if c.dep_ == "nsubj" for t in c.subtree
                                if (a := self.table.at(t.i)) is not None}
                    cleared = [a for a in disowned if a in speakers or id(a) in named_by
                               or a.kind in STATE_KINDS or a.sector in ("GOV", "MIL")]
                elif _negated(clause) and (self.wrongdoing(clause)
                                           or clause.lemma_.lower() in words["involvement_verbs"]):
                    doer = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                    cleared = self.actors_of(doer) if doer is not None else []
                else:
                    continue
                if not cleared or not {side(a) for a in cleared} & sides:
                    continue  # "said Russia had not attacked": a view of another side, no denial
                accusers = [a for a in self.accuser_of(cleared, aimed=True) if side(a) not in sides]
                if not accusers:
                    continue
                trig = replace(vocab.verb_triggers()["deny"][0], lemma=verb.lemma_.lower())
                out += self.said_events(verb, trig, _Args(speakers[:1], accusers[:1]), sent, s_index, None,
                                        n_triggers)
                break
        return out

    def names_a_deed(self, t: Token | None) -> bool:
        """Whether a noun names a deed one may be charged with: "the attack", "the blast", "the sabotage",
        "the decision", "the charges"; not "the talks" or "the election"."""
        words = vocab.modality_words()
        return t is not None and (self.act_kind(t) in HOSTILE or t.lemma_.lower() in (
            words["act_nouns"] | words["charge_nouns"] | words["harm_nouns"]))

    def disowned(self, clause: Token, speakers: list[Actor]) -> list[Actor] | None:
        """The sides a reported clause disowns a deed for, or None if it disowns nothing: "X had nothing
        to do with the attack" (X; what it disowns must be a deed or the charge, not "Israel's election"),
        "the raid had nothing to do with X" (X), "there had been no US involvement" (the US; with no side
        named, the speakers' own: "there was no involvement"; not "no involvement in the talks")."""
        nothing = next((c for c in clause.children if c.dep_ == "dobj" and any(
            g.lemma_.lower() == "do" for g in c.subtree) and (c.lower_ == "nothing" or (
                c.lower_ == "anything" and (_negated(clause) or any(a.lower_ == "never" for a in clause.children))))),
            None)  # "had nothing to do with", "did not have anything to do with"
        if clause.lemma_.lower() == "have" and nothing is not None:
            subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            withs = [o for g in nothing.subtree if g.dep_ == "prep" and g.lower_ == "with"
                     for o in g.children if o.dep_ == "pobj"]
            doers = self.actors_of(subject) if subject is not None and subject.lower_ not in DEMONSTRATIVES else []
            if doers:
                it = next(iter(withs), None)
                return doers if it is not None and (it.pos_ == "PRON" or self.names_a_deed(it)) else None
            if subject is not None and subject.lower_ not in DEMONSTRATIVES and not self.names_a_deed(subject):
                return None  # "Israel's election had nothing to do with Iran": no deed disowned
            named = self.actors_of(withs[0]) if withs else []
            return named or None
        if clause.lemma_.lower() == "be" and any(c.dep_ == "expl" for c in clause.children):
            noun = next((c for c in clause.children if c.dep_ in ("attr", "nsubj")
                         and c.lemma_.lower() in DISOWNED_PARTS
                         and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)), None)
            if noun is None or any(o.pos_ == "NOUN" and not self.names_a_deed(o)
                                   for o in self.prep_objects(noun, ("in",))):
                return None  # "there was no progress"; "no Ukrainian involvement in the talks"
            named = [a for t in noun.subtree if (a := self.table.at(t.i)) is not None]
            named += [Actor(f"country:{code}", code, "country", code) for t in noun.children  # "Belarusian": a
                      if t.dep_ in ("amod", "compound") and t.ent_type_ in ("NORP", "GPE")  # side to compare,
                      and (code := countries.country_code(t.text))]  # not an actor of the story
            return named or list(speakers)
        return None

    def refusals_in(self, sent: Span, s_index: int, found: list[Event], n_triggers: int,
                    verbs: list[Token]) -> list[Event]:
        """A side that says it will not do something refuses whoever asked it: "Kordahi told a news
        conference he would not apologise" (after Riyadh demanded an apology), "Saied told his guests
        that Tunisia would not police the Mediterranean" (his listeners). Only with someone to refuse:
        a listener of another side, or the side that asked the speaker's side just before; not a
        reassurance ("would not attack anyone": that is no refusal)."""
        words = vocab.modality_words()
        out = list(found)
        for verb, speakers, sides in self.untold_speech(verbs, words["speech_verbs"], out):
            for clause in _reported_clauses(verb):
                if not _negated(clause) or not any(a.lower_ in ("would", "will", "'ll") for a in clause.children
                                                   if a.dep_ == "aux"):
                    continue
                if clause.lemma_.lower() not in words["compliance_verbs"]:
                    continue  # "would not apologise", "would not withdraw"; not "would not abandon Ukraine"
                doer = next((c for c in clause.children if c.dep_ == "nsubj"), None)
                if doer is None:
                    continue
                speaking = doer.pos_ == "PRON" and doer.lower_ in ("he", "she", "we", "i")  # the speaker himself
                if not speaking and not {side(a) for a in self.actors_of(doer)} & sides:
                    continue
                listeners = [a for c in verb.children if c.dep_ in ("dobj", "dative")
                             for a in self.actors_of(c) if side(a) not in sides]
                refused = listeners or self.asker_of(speakers)
                if not refused:
                    continue
                trig = replace(vocab.verb_triggers()["refuse"][0], lemma=verb.lemma_.lower())
                out += self.said_events(verb, trig, _Args(speakers[:1], refused[:1]), sent, s_index, None,
                                        n_triggers)
                break
        return out

    def provoker_of(self, sources: list[Actor], struck_only: bool = False) -> list[Actor]:
        """Whom a promised response answers: the last side to attack, coerce or sanction the sources'
        side in this or the two sentences before, else (unless ``struck_only``) the side the speaker
        just condemned."""
        sides = {side(a) for a in sources}
        recent = [(e.type, e.source, e.target) for e in reversed(self.events)
                  if self.sentence_index - e.evidence[0].sentence_index <= 2]
        struck = {"ASSAULT", "COERCE"} if struck_only else FORCEFUL  # a bare "would respond" answers force
        for kind, src, tgt in recent:
            if kind in struck and src is not None and tgt is not None and side(tgt) in sides \
                    and side(src) not in sides:
                return [src]
        for kind, src, tgt in recent if not struck_only else ():
            if kind == "ACCUSE" and src is not None and tgt is not None and side(src) in sides \
                    and side(tgt) not in sides:
                return [tgt]
        return []

    def asker_of(self, sources: list[Actor]) -> list[Actor]:
        """Who last asked or pressed the sources' side (a request or a demand in the last few sentences)."""
        sides = {side(a) for a in sources}
        for ev in reversed(self.events):  # as built: a target the text left unsaid is filled in by now
            if self.sentence_index - ev.evidence[0].sentence_index > INHERIT_WINDOW:
                break
            if ev.type == "REQUEST" and ev.source is not None and ev.target is not None \
                    and side(ev.target) in sides and side(ev.source) not in sides:
                return [ev.source]
        return []

    def speakers_of(self, verb: Token) -> list[Actor]:
        """Who says what a verb of saying reports: its active subject's actors, never an outlet ("state
        media said ...": the outlet reports, it accuses or demands nothing)."""
        subj, passive = _subject(verb)
        return [a for a in (self.actors_of(subj) if subj is not None and not passive else []) if a.kind != "media"]

    def said_events(self, verb: Token, trig: Trigger, args: _Args, sent: Span, s_index: int, place: Place | None,
                    n_triggers: int) -> list[Event]:
        """The events a statement itself is (an allegation, a demand, a threat): as the verb of saying
        is told ("warned" asserted, "did not warn" negated, "may warn" hypothetical) whatever its clause
        says, and dated by the verb of saying."""
        made = list(self.build(verb, trig, args, sent, s_index, self.pick_time(verb, sent, None), place, n_triggers))
        modality = modality_of(verb, trig)
        for ev in made:
            ev.modality = modality
            self.trigger_tokens[id(ev)] = verb
        return made

    def hostile_response(self, clause: Token) -> bool:
        """Whether a promised response answers force with force: done "harshly" or "in kind", to a
        hostile act ("to such hostile actions", "to any violation"), or on a condition ("if Santiago
        ..."); not "would respond to the request quickly"."""
        words = vocab.modality_words()
        if clause.lemma_.lower() not in words["response_verbs"]:
            return False
        if any(c.dep_ == "advmod" and c.lemma_.lower() in words["response_manners"] for c in clause.children):
            return True
        answered = self.prep_objects(clause, ("to", "against"))
        if any(o.lemma_.lower() in words["request_nouns"] | words["offer_nouns"] for o in answered):
            return False  # "would respond to the proposal in kind": reciprocity
        if any(_response_phrase(c, o, words["response_phrases"]) for c in clause.children if c.dep_ == "prep"
               for o in c.children if o.dep_ == "pobj"):
            return True  # "would respond in kind", "at a time and place of its choosing"
        if any(o.lemma_.lower() in words["act_nouns"] or self.act_kind(o) in HOSTILE for o in answered):
            return True
        return any(c.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in c.children)
                   for c in clause.children)

    def demands_in(self, sent: Span, s_index: int, found: list[Event], n_triggers: int,
                   verbs: list[Token]) -> list[Event]:
        """What another side should or must do, in reported words, is a demand on it by the speaker:
        "the coast guard said China should restrain its forces", "Xi told Biden that Washington must
        stop arming the island". The demanded act itself has not happened and is not reported."""
        words = vocab.modality_words()
        out = list(found)
        for verb in verbs:
            if verb.lemma_.lower() not in words["demand_speech_verbs"] or _negated(verb):
                continue
            if any(e.type == "REQUEST" and _same(self.trigger_tokens.get(id(e)), verb) for e in out):
                continue
            speakers = self.speakers_of(verb)
            if not speakers:
                continue
            sides = {side(a) for a in speakers}
            for clause in _reported_clauses(verb):
                auxes = [a.lower_ for a in clause.children if a.dep_ == "aux"]
                if not set(auxes) & words["obligation_modals"] or "have" in auxes \
                        or clause.lemma_.lower() in words["undemanded_verbs"]:
                    continue  # not "must have known", "Ukraine must win": a judgement, no demand on anyone
                doer = next((c for c in clause.children if c.dep_ == "nsubj"), None)
                targets = [a for a in (self.actors_of(doer) if doer is not None else []) if side(a) not in sides]
                if not targets and verb.lemma_.lower() == "tell":  # "told him that the violence must end"
                    targets = [a for c in verb.children if c.dep_ in ("dobj", "dative")
                               for a in self.actors_of(c, speakers) if side(a) not in sides]
                if not targets:
                    continue
                chain = {clause.i} | {c.i for c in clause.children if c.dep_ in ("xcomp", "conj")}
                chain |= {g.i for c in clause.children if c.dep_ in ("xcomp", "conj") for g in c.children
                          if g.dep_ in ("xcomp", "conj")}  # "should stop arming", "restrain and respect"
                demanded = [e for e in out if (t := self.trigger_tokens.get(id(e))) is not None and t.i in chain]
                trig = replace(vocab.verb_triggers()["demand"][0], lemma=verb.lemma_.lower())
                made = self.said_events(verb, trig, _Args(speakers[:1], targets[:1]), sent, s_index, None, n_triggers)
                out = [e for e in out if e not in demanded] + made
                break
        return out

    def wrongdoing(self, clause: Token) -> bool:
        """Whether a reported clause ascribes a hostile act or a blame: its verb states a hostile event,
        or is a verb of wrongdoing, or it says the doer is behind or responsible for something."""
        words = vocab.modality_words()
        trig = self.trigger_of(clause)
        if trig is not None and trig.type in HOSTILE:
            return True
        if clause.lemma_.lower() in words["wrongdoing_verbs"]:
            return True
        if any(c.dep_ == "advmod" and c.lower_ in words["wrongdoing_adverbs"] for c in clause.children) and any(
                c.dep_ == "nsubj" and any(a.kind in STATE_AND_FORCE_KINDS for a in self.forces_named(c))
                for c in clause.children):
            return True  # "said Armenian troops / Vietnamese boats had crossed illegally" (not migrants, nor a
            # journalist whose nationality only an adjective gives)
        if clause.lemma_.lower() in words["attempt_verbs"] and any(
                c.dep_ == "xcomp" and c.lemma_.lower() in words["wrongdoing_verbs"] for c in clause.children):
            return True  # "Israel was trying to destabilise the region", "sought to undermine the vote"
        for c in clause.children:  # "Iran was behind the attack", "X is responsible for", "to blame"
            if c.dep_ == "prep" and c.lower_ == "behind":
                return True
            if c.dep_ in ("acomp", "attr", "xcomp") and c.lemma_.lower() in words["blame_words"]:
                return True  # "X was responsible", "X was to blame"
            if c.dep_ in ("dobj", "nsubj") and c.lemma_.lower() in RESPONSIBILITY \
                    and clause.lemma_.lower() in BLAME_BEARING and self.blamed_for_harm(c):
                return True  # "Russia bore full responsibility", "the responsibility lies with Washington"
        return _judged(clause)  # "the police action was a clear breach of the Vienna Convention"

    def forces_named(self, tok: Token) -> list[Actor]:
        """The actor a noun itself names ("Armenian troops"), or, for a word for a part of a force
        ("Vietnamese boats"), the one its modifiers name; not a person's nationality ("a Ukrainian journalist")."""
        own = self.table.at(tok.i)
        if own is not None:
            return [own]
        return self.actors_of(tok) if tok.lower_ in vocab.unit_nouns() else []

    @staticmethod
    def deadly(tok: Token) -> bool:
        """Whether an act is told with deaths or a fight: a casualty verb in its phrase ("the raid, in
        which two guards were killed"), or a gunfight in its sentence ("sparking a gunfight")."""
        casualty = vocab.modality_words()["casualty_verbs"]
        return any(t.lemma_.lower() in casualty and t.pos_ == "VERB" for t in tok.subtree) \
            or any(t.lemma_.lower() in FIGHT_NOUNS for t in sentence_of(tok))

    def harms_a_third_side(self, clause: Token, sides: set[str]) -> bool:
        """Whether the one a reported act of force falls on is a side other than the speaker's: its
        passive subject, or the object of what the doer tries to do. "The jet had been shot down by
        Russia", said by Azerbaijan of an unnamed or its own jet, is a wrong done; "Russian missiles
        had been destroyed by Polish air defences", said by Kyiv, is no accusation of Poland."""
        harmed = [c for c in clause.children if c.dep_ == "nsubjpass"] + [
            o for x in clause.children if x.dep_ == "xcomp" for o in x.children if o.dep_ == "dobj"]
        harmed += [p for h in harmed for p in h.children if p.dep_ == "poss"]  # "Russia's war economy"
        found = [a for h in harmed for a in self.actors_of(h)]
        return bool(found) and not any(side(a) in sides for a in found)

    def done_by_force(self, verb: Token) -> bool:
        """Whether a verb tells an act of force or a wrong done to someone ("shot down", "abducted",
        "hacked"), not a word to them ("warned", "told")."""
        trig = self.trigger_of(verb)
        return (trig is not None and trig.type in ("ASSAULT", "COERCE")) \
            or verb.lemma_.lower() in vocab.modality_words()["wrongdoing_verbs"]

    def blamed_for_harm(self, noun: Token) -> bool:
        """Whether a responsibility is laid for something bad: not "no responsibility", not "a special
        responsibility for peace"; with nothing said it is for, the blame itself."""
        if any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
            return False
        words = vocab.modality_words()
        harms = words["harm_nouns"] | vocab.evaluative_words()["negative"]
        what = [o for o in self.prep_objects(noun, ("for",)) + self.prep_objects(noun.head, ("for",))]
        return not what or any(o.lemma_.lower() in harms or o.lower_ in harms or self.act_kind(o) in HOSTILE
                               for o in what)

    def only_an_act(self, clause: Token) -> bool:
        """Whether a reported clause tells a hostile act and nothing of blame: no verb of wrongdoing,
        no "behind" or "responsible", no judgement ("X fired rockets", not "X was behind the attack")."""
        words = vocab.modality_words()
        if clause.lemma_.lower() in words["wrongdoing_verbs"] or _judged(clause):
            return False
        if any((c.dep_ == "prep" and c.lower_ == "behind") or c.lemma_.lower() in words["blame_words"]
               or c.lemma_.lower() in RESPONSIBILITY for c in clause.children):
            return False
        trig = self.trigger_of(clause)
        return trig is not None and trig.type in HOSTILE

    def author_of_judged(self, doer: Token, exclude: list[Actor]) -> list[Actor]:
        """Who did what a reported judgement condemns: "the order [was persecution]" (whoever
        ordered), "this [is a violation]" (the act told just before)."""
        if doer.pos_ == "PRON" and doer.lower_ in ("it", "this", "that"):
            return self.recent_doers(exclude)[:1]
        owner = next((c for c in doer.children if c.dep_ == "poss" and c.pos_ != "PRON"), None)
        if owner is not None:  # "Tehran's claim was baseless": whose it is, the text says
            return [a for a in self.actors_of(owner) if a not in exclude][:1]
        words = vocab.modality_words()
        if self.act_kind(doer) is None and doer.lemma_.lower() not in words["act_nouns"] | words["charge_nouns"]:
            return []  # "the police action": too loose to point at one act
        agents = [a for o in self.prep_objects(doer, ("by",)) for a in self.actors_of(o) if a not in exclude]
        if agents:  # "the raid on his home by the police was illegal": the act's own agent
            return agents[:1]
        # "the suspension was a gross breach": the act of that kind told before, else the hostile act
        # told last ("Gazprom halted supplies ... the suspension"), as "this is a violation" points back
        sides = {side(a) for a in exclude}
        authors = [a for a in self.author_of_referred_act(doer, exclude, reaction=True) if side(a) not in sides]
        if authors or not any(c.dep_ == "det" and c.lower_ in REFERRING_DETS for c in doer.children):
            return authors
        return [a for a in self.recent_doers(exclude) if side(a) not in sides][:1]

    def recent_doers(self, exclude: list[Actor]) -> list[Actor]:
        """The sources of the hostile acts (or withdrawals) of the last two sentences, latest first,
        counting sides the ranker filled in ("Gazprom halted supplies" is Russia's act)."""
        told = sorted(self.events + self.implicit, key=lambda e: e.evidence[0].sentence_index)
        return [e.source for e in reversed(told) if e.source is not None and e.type in HOSTILE | {"RETREAT"}
                and e.source not in exclude and self.sentence_index - e.evidence[0].sentence_index <= 2]

    def threats_in(self, sent: Span, s_index: int, found: list[Event], n_triggers: int,
                   verbs: list[Token]) -> list[Event]:
        """Force or punishment announced in words is a threat by the speaker: "warned that China
        would face heavy tariffs", "said Israel would strike hard if Hezbollah broke the truce". The
        announced act itself is not reported as done or planned; the threat replaces it."""
        words = vocab.modality_words()
        saying = words["speech_verbs"] | words["threat_speech_verbs"]
        out = list(found)
        for verb in verbs:
            if verb.lemma_.lower() not in saying:
                continue
            subj, passive = _subject(verb)
            speakers = self.actors_of(subj) if subj is not None and not passive else []
            if not speakers or any(e.type == "THREATEN" and _same(self.trigger_tokens.get(id(e)), verb)
                                   and e.target is not None for e in out):
                continue
            sides = {side(a) for a in speakers}
            warning = verb.lemma_.lower() in WARNING_VERBS  # "warned that X would ...": a threat whatever X does
            trig = replace(vocab.verb_triggers()["warn"][0], lemma=verb.lemma_.lower())
            untold = told = False
            for clause in (x for c in _reported_clauses(verb) for x in [c] + list(c.conjuncts)):
                reserving = clause.lemma_.lower() == "reserve" and any(  # "reserved the right to respond"; not
                    c.dep_ == "dobj" and c.lemma_.lower() == "right" and any(  # "the right to comment later"
                        x.lemma_.lower() in words["response_verbs"] | RESPONSE_ACTS for x in c.subtree
                        if x.pos_ == "VERB") for c in clause.children)
                auxes = [a for h in ([clause, clause.head] if clause.dep_ == "conj" else [clause])  # "would be
                         for a in h.children if a.dep_ in ("aux", "auxpass")]  # found and punished"
                if not reserving and not any(a.lower_ in FUTURE_MODALS for a in auxes):
                    continue
                if _negated(clause) and clause.lemma_.lower() not in words["consequence_verbs"] and not (
                        warning and clause.lemma_.lower() in WARNED_REFUSALS):
                    continue  # "said it would not attack Kenya": a reassurance ("would not go unpunished" stays,
                    # and so does a warning: "warned that it would not tolerate any assault")
                if verb.lemma_.lower() in ANNOUNCING and not any(
                        c.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in c.children)
                        for c in clause.children):
                    continue  # "announced that it would designate the Houthis": a decision, told as planned
                targets: list[Actor] = []
                announced: list[Event] = []
                punished = clause.lemma_.lower() in words["response_verbs"] and any(
                    a.dep_ == "auxpass" for a in auxes) and not any(  # "those behind it would be punished";
                    c.dep_ == "agent" for c in clause.children)  # not "would be punished by the people"
                if clause.lemma_.lower() in words["consequence_verbs"] or punished:  # "China would face tariffs"
                    inner = _clause_subject(clause)
                    targets = [a for a in (self.actors_of(inner) if inner is not None else []) if side(a) not in sides]
                    if not targets and punished:
                        targets = self.provoker_of(speakers)
                else:  # "Israel would strike hard if Hezbollah ...": the announced act's target
                    announced = [e for e in out if e.type in FORCEFUL
                                 and (t := self.trigger_tokens.get(id(e))) is not None
                                 and clause.left_edge.i <= t.i <= clause.right_edge.i
                                 and (e.source is None or side(e.source) in sides)]  # the speaker's side acts
                    targets = [e.target for e in announced if e.target is not None and side(e.target) not in sides][:1]
                    forceful = any(t.type in FORCEFUL for t in vocab.verb_triggers().get(clause.lemma_.lower(), ()))
                    menacing = warning or reserving or any(t.lemma_.lower() in words["threat_nouns"]
                                                           for t in clause.subtree) \
                        or self.hostile_response(clause)  # "Moscow would respond harshly"
                    if not menacing and clause.lemma_.lower() in words["response_verbs"] \
                            and not self.prep_objects(clause, ("to",)):  # "would respond at a time of its
                        menacing = bool(self.provoker_of(speakers, struck_only=True))  # choosing", just struck
                    if not targets and (announced or forceful or menacing):
                        condition = next((c for c in clause.children if c.dep_ == "advcl"
                                          and any(m.lower_ in ("if", "unless", "until") for m in c.children)), None)
                        who = _subject(condition)[0] if condition is not None else None
                        targets = [a for a in (self.actors_of(who) if who is not None else [])
                                   if side(a) not in sides][:1]  # "would strike hard if Hezbollah broke the terms"
                    if not targets and menacing:  # "warned Washington that its bases would be targets"
                        targets = [a for c in verb.children if c.dep_ in ("dobj", "dative")
                                   for a in self.actors_of(c, speakers) if side(a) not in sides][:1]
                    if not targets and menacing:  # "a response to the sanctions would be inevitable"
                        answered = [o for t in clause.subtree if t.lemma_.lower() in words["threat_nouns"]
                                    | words["response_verbs"] for o in self.prep_objects(t, ("to", "against", "for"))]
                        targets = [a for o in answered for a in self.answered_side(o, speakers)
                                   if side(a) not in sides][:1]
                    if not targets and menacing:  # "warned that any attack by Israel would be met with force":
                        targets = self.author_of_feared_act(clause, speakers)  # whoever would commit it
                    if not targets and warning and self.acting_subject(clause):  # "warned that Washington
                        targets = self.named_in_clause(clause, speakers, sides)  # would review its ties with
                        # Kathmandu if ..."; not "warned that the outbreak would spread to Uganda"
                    if not targets and menacing:  # "Pakistan would respond at a time of its choosing": to
                        targets = self.provoker_of(speakers)  # whoever just struck or pressed it
                    if not targets and warning and self.threat_unaddressed(clause, sides, forceful):
                        untold = True
                if not targets:
                    continue
                made = self.said_events(verb, trig, _Args(speakers[:1], targets), sent, s_index,
                                        self.pick_place(verb, trig, sent), n_triggers)
                out = [e for e in out if e not in announced] + made
                told = True
            if untold and not told:  # "warned that Russia would use all the means at its disposal", "that
                # anyone who tried would be dealt with": whom, the article around it tells (the ranker picks
                # among the actors named near it), once no clause of the warning named anyone
                self.fill_unsaid(verb, trig, _Args(speakers[:1], []), sent, s_index,
                                 self.pick_time(verb, sent, None), self.pick_place(verb, trig, sent), n_triggers, out)
        return out

    def threat_unaddressed(self, clause: Token, sides: set[str], forceful: bool) -> bool:
        """Whether a warned clause threatens though it names no one: it announces force, a response or
        a punishment ("that more strikes would follow", "that the attacks would not go unanswered",
        "that Russia would respond harshly"), or warns anyone who defies the speaker ("that anyone who
        tried would be dealt with"). Not a forecast ("that the ceasefire would collapse", "that Germany
        would fall into recession", "that the region would slide into a wider war")."""
        if self.others_in_subject(clause, sides):
            return False
        words = vocab.modality_words()
        subj = _clause_subject(clause)
        defiers = subj is not None and subj.lower_ in ("anyone", "anybody", "whoever", "those", "everyone") \
            and any(c.dep_ == "relcl" for c in subj.children)  # "anyone who tried ..."
        answers = any(t.lemma_.lower() in words["response_verbs"] | words["answer_nouns"] for t in clause.subtree)
        return forceful or defiers or answers or self.hostile_response(clause)

    def answered_side(self, answered: Token, speakers: list[Actor]) -> list[Actor]:
        """Whom a promised response answers: the side its object names ("would respond to India"),
        else the author of the act it names ("to Poland's closure of its consulate", "to any violation
        of its border by Somalia", "to the sanctions", "to American tariffs"); not the act's victim ("to
        the killing of X")."""
        if self.table.at(answered.i) is not None:
            return self.actors_of(answered, speakers)
        author = self.acts_author(answered, speakers)
        if author or self.act_kind(answered) not in FORCEFUL \
                or any(c.dep_ == "prep" and c.lower_ == "of" for c in answered.children):
            return author  # "the killing of X" names X as its victim; "the Chinese statement" is no force
        return self.actors_of(answered, speakers)  # "to any new American tariffs": the state named on the act

    def acts_author(self, act: Token, exclude: list[Actor]) -> list[Actor]:
        """Who did the act a noun names: its owner ("China's use of water cannon"), its "by" object
        ("the overflight by a Congolese jet"), else the author of the act it points back at."""
        sides = {side(a) for a in exclude}
        named = [a for c in act.children if c.dep_ == "poss" for a in self.actors_of(c, exclude)]
        named += [a for b in self.prep_objects(act, ("by",)) for a in self.actors_of(b, exclude)]
        if act.dep_ == "dobj":  # an active verb has no agent: the parser hung the object's "by" on it
            named += [a for b in _by_objects(act.head.children) for a in self.actors_of(b, exclude)]
        named = [a for a in named if side(a) not in sides]
        return named[:1] or [a for a in self.author_of_referred_act(act, exclude, reaction=True)
                             if side(a) not in sides][:1]

    def author_of_feared_act(self, clause: Token, speakers: list[Actor]) -> list[Actor]:
        """Who a warned clause threatens when its subject is a hostile act it promises to answer:
        the act's named doer, by "by", ownership or nationality ("any attack by Israel would be met
        with a crushing response", "Washington's next steps would carry grave consequences"). A
        forecast ("any attack on Iran would push up oil prices", "the outbreak would spread") answers
        nothing and threatens no one."""
        words = vocab.modality_words()
        subj = _clause_subject(clause)
        if subj is None or subj.pos_ not in ("NOUN", "VERB") or self.table.at(subj.i) is not None:  # "landing"
            return []
        if subj.lemma_.lower() not in words["feared_act_nouns"] and self.act_kind(subj) not in HOSTILE:
            return []  # "the policy would have consequences": no act feared
        inside = {t.i for t in subj.subtree}
        answered = clause.lemma_.lower() in words["response_verbs"] or any(
            t.pos_ == "NOUN" and t.lemma_.lower() in words["answer_nouns"] and t.i not in inside
            and not any(c.dep_ == "prep" and c.lower_ == "for" for c in t.children)  # "consequences for the
            for t in clause.subtree)  # poor" tell who would suffer: a forecast
        if not answered and not (_negated(clause) and clause.lemma_.lower() in ("go", "remain")):
            return []  # ("would not go unanswered" answers too)
        owners = [c for c in subj.children if c.dep_ == "poss"] + self.prep_objects(subj, ("by",))
        named = [a for o in owners for a in self.actors_of(o, speakers)]
        for c in subj.children:  # "any Israeli attack", "any Kosovo police incursion"
            if c.dep_ in ("amod", "compound") and (code := countries.country_code(c.text)):
                named.append(self.table.country_actor(code))
            elif c.dep_ == "compound":
                named += self.actors_of(c, speakers)
        sides = {side(a) for a in speakers}
        return list(dict.fromkeys(a for a in named if side(a) not in sides))

    def trade_counterpart(self, verb: Token, dobj: Token | None, sources: list[Actor]) -> list[Actor]:
        """The other party of a deal told by its purpose: "signed a contract to buy five S-400s from
        Russia", "a deal to sell jets to Egypt" (the seller or the buyer named in the purpose clause)."""
        purposes = [c for c in verb.children if c.dep_ in ("xcomp", "advcl")]
        purposes += [c for c in (dobj.subtree if dobj is not None else ()) if c.dep_ in ("acl", "relcl", "xcomp")]
        sides = {side(a) for a in sources}
        for p in purposes:
            if p.lemma_.lower() not in TRADE_VERBS:
                continue
            for o in self.prep_objects(p, ("from", "to", "with")):
                found = [a for a in self.actors_of(o, sources) if side(a) not in sides]
                if found:
                    return found[:1]
        return []

    def civilians_of(self, country: str) -> Actor:
        """The civilians of a country, as one actor: those who live where an attack fell."""
        key = f"group:group:CVL:{country}::civilians"
        return self.table.get_or_add(key, f"{demonym(country)} civilians", "group", country, "CVL")

    def acting_subject(self, clause: Token) -> bool:
        """Whether a clause's subject is someone (an actor or a pronoun for one), not a thing or a
        happening: "Washington would review" warns, "the outbreak would spread" forecasts."""
        subj = _clause_subject(clause)
        return subj is not None and bool(self.actors_of(subj))

    def others_in_subject(self, clause: Token, sides: set[str]) -> bool:
        """Whether a warned clause's subject is something another side does or owns ("that Myanmar's
        crackdown would drive refugees into Bangladesh", "that any attack by Israel would push up oil
        prices"): a forecast about others' acts, whose target the rules above found if it threatens
        one. Not "that Russia would use all the means", "that its targets would keep widening", "that
        anyone approaching Israeli positions would put their life at risk"."""
        subj = _clause_subject(clause)
        if subj is None:
            return False
        doers = [c for c in subj.children if c.dep_ in ("poss", "compound", "amod") and c.pos_ != "PRON"]
        doers += self.prep_objects(subj, ("by",))
        return any(side(a) not in sides for d in doers for a in self.actors_of(d))

    def named_in_clause(self, clause: Token, speakers: list[Actor], sides: set[str]) -> list[Actor]:
        """The first actor a warned clause names outside the speaker's side, in reading order: not
        in its active subject (who or what would act: "arming Ukraine would be a mistake" warns the
        one who arms), nor in its condition ("if the compact was not ratified" says when, not whom)."""
        skipped = {t.i for c in clause.children if c.dep_ in ("advcl", "nsubj", "csubj") for t in c.subtree}
        for tok in clause.subtree:
            if tok.i in skipped or tok.dep_ not in ("nsubjpass", "dobj", "pobj", "dative", "poss") \
                    or tok.pos_ == "PRON" or (tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE):
                continue  # "its relations with Kathmandu": "its" is the actor's own side; "in Niger" a place
            found = [a for a in self.actors_of(tok, speakers) if side(a) not in sides
                     and not (a.kind in FORCE_KINDS | {"group"} and a.country is None)]  # "send troops": its own
            if found:
                return found[:1]
        return []

    def elided(self, told: list[Event]) -> list[Event]:
        """The same act by others, told with "did" standing for the verb: "Modi congratulated Lula,
        as did Xi Jinping", "Egypt condemned the attack, and so did Jordan and Qatar"."""
        out: list[Event] = []
        for ev in told:
            verb = self.trigger_tokens.get(id(ev))
            if verb is None or ev.source is None or (
                    verb.dep_ == "ccomp" and verb.head.lemma_.lower() in _reporting_verbs()):
                continue  # "Washington said Israel had struck Rafah, as did Hamas": "did" may say "said"
            for did in verb.children:
                as_did = did.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "as" for m in did.children)
                so_did = did.dep_ == "conj" and any(m.lower_ == "so" for m in did.children if m.dep_ == "advmod")
                if did.lemma_.lower() != "do" or not (as_did or so_did):
                    continue
                subject = next((c for c in did.children if c.dep_ == "nsubj"), None)
                for actor in self.actors_of(subject, [ev.source]) if subject is not None else []:
                    if actor is ev.target or any(e.source is actor and e.type == ev.type for e in told + out):
                        continue
                    copy = replace(ev, source=actor)
                    self.features[id(copy)] = self.features[id(ev)]
                    self.trigger_tokens[id(copy)] = verb
                    out.append(copy)
        return out

    def candidates(self) -> list[tuple[Event, Features]]:
        """Every event the rules propose, with its features, before the learned filter."""
        return [(ev, self.features[id(ev)]) for ev in self.run()]

    def build(self, tok: Token, trig: Trigger, args: _Args, sent: Span, s_index: int,
              time: TimeValue | None, place: Place | None, n_triggers: int) -> Iterator[Event]:
        sources: list[Actor | None] = list(args.sources) or [None]
        targets: list[Actor | None] = list(args.targets) or [None]
        modality = modality_of(tok, trig)
        if trig.inverted:  # "did not rule out the use of force" threatens; "ruled out force" does not
            if modality != "negated":
                return
            modality = "asserted"
        evidence = sentence_evidence(self.doc, self.document, s_index)
        for src in sources[:MAX_SIDES]:
            for tgt in targets[:MAX_SIDES]:
                if src is None and tgt is None:
                    continue
                if (src is None or tgt is None) and trig.type not in MONADIC:
                    continue
                if src is tgt:
                    continue
                confidence = 0.5 + (0.2 if not args.inherited else 0.0) + (0.1 if trig.pos == "VERB" else 0.0)
                ev = Event(type=trig.type, mode=trig.mode, source=src, target=tgt, modality=modality,
                           context=self.context(tok, trig, sent), time=time, place=place,
                           quantities=self.pick_quantities(tok, trig, sent, n_triggers),
                           confidence=round(confidence, 2), evidence=[evidence], trigger=tok.text,
                           position=tok.idx)
                self.features[id(ev)] = self.describe(tok, trig, args, ev, n_triggers) | (args.implicit or {})
                yield ev

    def describe(self, tok: Token, trig: Trigger, args: _Args, ev: Event, n_triggers: int) -> Features:
        """What the rules saw when they proposed ``ev``: the features of the learned filter."""
        sent = sentence_of(tok)
        names = [f"type={trig.type}", f"origin={trig.origin}", f"pos={trig.pos}", f"dep={tok.dep_}",
                 f"modality={ev.modality}", f"triggers={bucket(n_triggers, (1, 2, 4))}",
                 f"words={bucket(len(sent), (15, 30, 50))}",
                 f"lemma={trig.lemma}", f"mode={trig.type}.{trig.mode}",  # how often a word's events hold
                 f"sentence={bucket(self.sentence_index, (0, 1, 4, 8))}"]  # leads state the news
        if any(t.text in ('"', "“", "”") for t in sent):
            names.append("quoted")
        for role, actor in (("source", ev.source), ("target", ev.target)):
            if actor is None:
                names.append(f"{role}=none")
                continue
            names.append(f"{role}.kind={actor.kind}")
            names.append(f"{role}.country={'yes' if actor.country else 'no'}")
            if actor.key.startswith("group:"):
                names.append(f"{role}.generic")
        if args.inherited:
            names.append("inherited")
        if ev.source and ev.target and ev.source.country and ev.source.country == ev.target.country:
            names.append("same-country")
        if ev.place is not None:
            names.append("placed")
        return dict.fromkeys(names, 1.0)


def placed_speaker(place: Token) -> bool:
    """Whether a place phrase locates the subject of a verb of saying ("officials in X said"):
    where the speakers are, not where what they tell happened."""
    holder = place.head.head if place.head.dep_ == "prep" else None
    return holder is not None and holder.dep_ in SUBJECT_DEPS and \
        holder.head.lemma_.lower() in vocab.modality_words()["speech_verbs"]


def _purpose_of_act(tok: Token, trigger_of: Callable[[Token], Trigger | None]) -> bool:
    """Whether a verb is the "to ..." purpose of another act ("summoned the envoy to protest")."""
    if tok.dep_ not in ("advcl", "xcomp", "relcl", "acl") or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return False
    return trigger_of(tok.head if tok.head.pos_ in ("VERB", "AUX") else tok.head.head) is not None


def _accord_noun(tok: Token) -> bool:
    """Whether a subject names an accord ("the treaty", "the Ankara Declaration", "the deal")."""
    word = tok.lemma_.lower()
    return word in vocab.instrument_heads() or any(
        t.type == "AGREE" for t in vocab.noun_triggers().get(word, ()))


def _in_prep_phrase(tok: Token, noun: Token) -> bool:
    """Whether a word of a charge's tail hangs in a preposition's phrase ("critics in Berlin")."""
    return any(a.dep_ == "prep" and a.i > noun.i for a in tok.ancestors)


def _same(a: Token | None, b: Token) -> bool:
    """Whether two tokens are one word of the text: spaCy makes a new Token object on every access,
    so ``is`` never holds between two reads of the same word."""
    return a is not None and a.i == b.i and a.doc is b.doc


def _plural_counterparts(tok: Token) -> bool:
    """ "The two defence chiefs", "both foreign ministers": two office-holders with no state or body of
    their own named, who point back at the pair the story has met."""
    if tok.tag_ != "NNS" or tok.lemma_.lower() not in vocab.titles():
        return False
    words = [t for t in tok.subtree if t.i != tok.i and t.dep_ != "punct"]
    if not words or words[0].lower_ not in ("the", "both") or not any(t.lower_ in ("two", "both") for t in words):
        return False  # "the leaders" may be a summit's twenty
    return all(t.dep_ in ("det", "nummod", "compound", "amod") and t.ent_type_ not in ("GPE", "NORP", "ORG")
               and (t.dep_ != "nummod" or t.lower_ == "two") and (t.dep_ == "det" or t.is_lower) for t in words)


def _foretold(clause: Token) -> bool:
    """Whether a clause tells what would, could or must happen, not what was done."""
    return any(a.lower_ in FUTURE_MODALS | vocab.modality_words()["obligation_modals"] for a in clause.children
               if a.dep_ == "aux")


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _told_in_passing(tok: Token) -> bool:
    """Whether an act is told in passing, as background to another: inside a relative clause ("a war
    that began with Israeli strikes") or as what a noun is for ("retaliation for US strikes")."""
    if tok.dep_ == "pobj" and tok.head.head.lemma_.lower() in ANSWER_NOUNS:
        return True
    return any(t.dep_ == "relcl" for t in [tok, *tok.ancestors])


def _named_thing(tok: Token) -> Token:
    """What a free relative names: "what Iranian media called [two bases of X]" is the bases."""
    verb = tok.head if tok.lower_ == "what" else tok
    if verb.lemma_.lower() in ("call", "describe", "term", "label", "brand", "dub") and \
            any(c.lower_ == "what" for c in verb.children):
        return predicate_of(verb) or tok
    return tok


def _in_clause_below(tok: Token, top: Token) -> bool:
    """Whether ``tok`` stands in a clause of its own under ``top`` (a relative or adverbial clause)."""
    cur = tok
    while cur.i != top.i and cur.head.i != cur.i:
        if cur.dep_ in ("relcl", "advcl", "ccomp") or (cur.dep_ == "prep" and cur.lower_ == "as"):
            return True  # ... or what it is called: "welcomed the move as a turning point for the country"
        cur = cur.head
    return False


RESPONSIBILITY = {"responsibility", "blame", "culpability"}
RESPONSE_ACTS = {"defend", "take", "act", "use", "protect"}  # "reserved the right to take steps to protect"
ANNOUNCING = {"announce", "confirm", "decide"}  # verbs that tell a decision, not a warning
# Verbs of a deal's purpose whose "from", "to" or "with" names the other party ("to buy jets from France").
TRADE_VERBS = {"buy", "purchase", "acquire", "import", "sell", "supply", "deliver", "export", "lease", "procure"}
# Where people live: an attack on one falls on its civilians ("bombed a village in Sagaing").
SETTLEMENTS = {"village", "town", "hamlet", "neighbourhood", "neighborhood", "market", "marketplace", "suburb"}
# What a denial may deny that answers a charge however far back: "denies any involvement".
DENIED_CHARGES = {"involvement", "responsibility", "role", "link", "links", "part", "accusation", "accusations",
                  "allegation", "allegations", "charge", "charges", "claim", "claims", "wrongdoing"}
WARNING_VERBS = {"warn", "threaten", "caution"}  # a future clause they report is a threat, whatever it says
# Verbs a state lodges a protest with: "lodged a protest with Seoul" (not "banned protests").
LODGING = {"lodge", "file", "issue", "deliver", "register", "send", "convey", "hand", "make"}
# What a warning may say will not happen and still warn: "would not tolerate any assault", "would not
# go unanswered", "would not hesitate to respond" (not "would not be able to deliver tanks").
WARNED_REFUSALS = {"tolerate", "allow", "accept", "permit", "let", "go", "hesitate", "stand"}
DOCUMENTS = {"resolution", "statement", "declaration", "communique", "communiqué", "letter", "decree", "motion"}
ISSUING = {"adopt", "pass", "issue", "publish", "approve", "sign", "submit", "release", "send", "table", "circulate",
           "present", "draft", "unveil", "put"}  # texts speak for whoever issued them
BLAME_BEARING = {"bear", "carry", "shoulder", "lie", "rest"}  # "bore responsibility", "the blame lies with"
JUDGING_VERBS = {"be", "amount", "constitute", "pose", "represent", "become", "remain"}


def _answers_charge(verb: Token) -> bool:
    """Whether what a verb of judging judges is a charge: "condemned the accusations", "called the
    claims groundless" (an object, the subject of the parser's clause, or a word of its predicate), or
    whatever it judges is called untrue ("called it baseless")."""
    charges = vocab.modality_words()["charge_nouns"]
    for c in verb.children:
        if c.dep_ == "dobj":
            judged = [c]
        elif c.dep_ == "ccomp":  # the parser's clause: "called [the claims groundless]"
            judged = [g for g in c.children if g.dep_ == "nsubj"]
        elif c.dep_ == "oprd":  # or its predicate, with the noun as a compound: "called the [claims] groundless"
            judged = [c, *(g for g in c.children if g.dep_ == "compound")]
        else:
            continue
        if any(o.lemma_.lower() in charges or o.lower_ in charges for o in judged):
            return True
    said = predicate_of(verb)  # "called it baseless", "dismissed Tallinn's account as unfounded": a claim
    told_nouns = vocab.modality_words()["told_nouns"]
    told = [c for c in verb.children if c.dep_ == "dobj" and (c.pos_ == "PRON" or c.lemma_.lower() in told_nouns)]
    return bool(told) and said is not None and any(  # called untrue (not "called the sanctions baseless")
        t.lemma_.lower() in vocab.evaluative_words()["falsity"] for t in [said, *said.children])


CLAUSE_DEPS = {"ROOT", "relcl", "advcl", "ccomp", "acl", "csubj", "parataxis", "xcomp"}


def _in_clause_apart(tok: Token, other: Token) -> bool:
    """Whether ``tok`` stands in a subordinate or coordinated clause that does not hold ``other``
    ("sanctions on Belarus, where an election gave Lukashenko 87%": the 87% is the election's)."""
    for a in [tok, *tok.ancestors]:
        if (a.dep_ in CLAUSE_DEPS - {"ROOT"} or (a.dep_ == "conj" and a.pos_ in ("VERB", "AUX"))) \
                and not (a.left_edge.i <= other.i <= a.right_edge.i):
            return True
    return False


def _response_phrase(prep: Token, obj: Token, phrases: frozenset[str]) -> bool:
    """Whether a preposition and its object say how a response is given as ``phrases`` list them
    (preposition, head noun, words the object must hold): "in kind", "at a time of its choosing"."""
    for phrase in phrases:
        word, noun, *needs = phrase.split()
        if prep.lower_ == word and obj.lemma_.lower() == noun and set(needs) <= {t.lower_ for t in obj.subtree}:
            return True
    return False


def _reported_clauses(verb: Token) -> list[Token]:
    """The clauses a verb of saying reports: its object clause, or one the parser hung on the
    statement it was said in ("said in a statement that the measure was unjust")."""
    words = vocab.modality_words()
    out = [c for c in verb.children if c.dep_ == "ccomp"]
    out += [x for c in verb.children if c.dep_ == "prep" and c.lower_ == "in" for p in c.children
            if p.dep_ == "pobj" and p.lemma_.lower() in words["statement_nouns"]
            for x in p.children if x.dep_ in ("acl", "ccomp") and any(m.lower_ == "that" for m in x.children)]
    out += [x for c in out if _reveals(c) for x in c.children if x.dep_ == "ccomp" and not any(
        m.dep_ == "mark" and m.lower_ in ("whether", "if") for m in x.children)]  # "said the seizure showed that
    # Tehran was a criminal regime" (not "would show whether Israel was")
    return out


def _reveals(clause: Token) -> bool:
    """Whether a reported clause says something showed what its own clause tells: "the seizure showed
    that ...", not "would show", "did not show", "nothing showed"."""
    return clause.lemma_.lower() in vocab.modality_words()["revealing_verbs"] and not _negated(clause) \
        and not _foretold(clause) and not any(
            s.dep_ == "nsubj" and (s.lower_ in ("nothing", "none") or any(
                d.dep_ == "det" and d.lower_ == "no" for d in s.children)) for s in clause.children)


def _judged(clause: Token) -> bool:
    """Whether a reported clause judges its subject badly: "was a flagrant violation of", "amounted to
    political persecution", "posed a grave threat to"."""
    negative = vocab.evaluative_words()["negative"]
    if clause.pos_ == "ADJ" and clause.dep_ == "conj" and clause.head.lemma_.lower() in JUDGING_VERBS:
        return clause.lemma_.lower() in negative  # "was out of control and illegitimate"
    if clause.lemma_.lower() not in JUDGING_VERBS:
        return False
    deps = ("attr", "dobj", "acomp") + (("prep",) if clause.lemma_.lower() == "amount" else ())
    return any(t.lemma_.lower() in negative for c in clause.children if c.dep_ in deps  # not "was at war with"
               for t in c.subtree)


def _act_verb(lemma: str) -> str | None:
    """The verb of ours a noun is the act of: "suspension" (suspend), "killing" (kill)."""
    verb = nominal_verb(lemma)
    if verb is None and lemma.endswith("ing") and len(lemma) > 5:  # "the killing", "the shelling"
        stem = lemma[:-3]
        verb = next((v for v in (stem, stem + "e", stem[:-1]) if v in vocab.verb_triggers()), None)
    if verb is None and lemma in vocab.verb_triggers() and vocab.verb_triggers()[lemma][0].type != "ASSAULT":
        verb = lemma  # "the halt", "the ban": the noun is the verb's act (not "the fire at a nightclub")
    return verb


MEETING_TYPES = frozenset({"CONSULT", "AGREE"})
FORCES_ONLY = frozenset({"march", "surrender"})  # a crowd marches in protest; only a force surrenders
SURROUNDING = frozenset({"surround"})  # forces hem a side in; a crowd besieging a building protests
UNDENYING = frozenset({"not", "never", "n't", "yet", "fail", "failed", "refused", "declined"})
REBUTTING_FORMS = frozenset({"denies", "denied", "deny", "rejects", "rejected", "reject", "dismisses", "dismissed",
                             "disputes", "disputed"})  # word forms: the parser may not take them for verbs
RAIDS = frozenset({"raid"})  # the verb read as an attack that a police raid is not
FIGHT_NOUNS = frozenset({"gunfight", "shootout", "firefight", "gunbattle"})
POLICING_SECTORS = frozenset({"COP", "GOV", "JUD"})  # police, ministries' agents, prosecutors and courts


def _asked_for(tok: Token) -> bool:
    """Whether a noun names talks or an accord someone asks for with a partner ("called for talks
    with Beijing", "asked for a meeting with Xi"): a request of the partner, told by the noun."""
    return _for_asking(tok) and bool(_partners(tok)) \
        and any(t.type in MEETING_TYPES for key in (tok.lemma_.lower(), tok.lower_)
                for t in vocab.noun_triggers().get(key, ()))


def _partners(tok: Token) -> list[Token]:
    """The objects of the "with" of talks asked for, on the noun or, as the parser often hangs it,
    on the verb that asks ("called for talks with Beijing")."""
    return [o for h in (tok, tok.head.head) for c in h.children if c.dep_ == "prep" and c.lower_ == "with"
            for o in c.children if o.dep_ == "pobj"]


def _for_asking(tok: Token) -> bool:
    """Whether a noun is what a verb asks for ("called for sanctions", "appealed for aid")."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "for" \
        and tok.head.head.lemma_.lower() in vocab.modality_words()["asking_for_verbs"]


def _unreported(tok: Token, trig: Trigger) -> bool:
    """Whether a trigger word names an act its sentence does not report as an event of its own."""
    if _denied(tok):
        return True  # "denied carrying out cyberattacks": the denial is what is reported
    if trig.pos != "NOUN":
        return False
    if any(d.dep_ == "det" and d.lower_ in NONE_DETS for d in tok.children):
        return True  # "warned against any attack": no attack is reported
    if tok.dep_ == "pobj" and tok.head.lower_ == "with" and tok.head.head.lemma_.lower() in {"threaten", "warn"}:
        return True  # "threatened Iran with sanctions": the threat is the event
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in vocab.modality_words()["request_object_verbs"]:
        return True  # "demanded sanctions against Belarus": the demand is the event
    if _for_asking(tok) and not _asked_for(tok):
        return True  # "called for sanctions on Russia", "for a ceasefire between Israel and Hamas": asked
        # for, not done; the verb tells the request, of whoever it names
    asker = tok.head.head.lemma_.lower()
    if tok.dep_ == "dobj" and tok.head.dep_ == "ccomp" and asks_for_clause(asker):
        return True  # "urged that Israel allow more aid": what is asked for has not happened
    return tok.dep_ == "dobj" and tok.head.dep_ == "xcomp" \
        and asker in vocab.modality_words()["swallowing"]  # "urged X to impose sanctions"


def _denied(tok: Token) -> bool:
    """Whether a word states an act its own clause denies ("denied carrying out cyberattacks",
    "denied any role in the attack", "denied that its jets had struck")."""
    cur = tok
    for _ in range(6):
        if cur.dep_ not in ("xcomp", "ccomp", "dobj", "pobj", "prep", "pcomp", "compound", "amod") \
                or cur.head.i == cur.i:
            return False
        if cur.head.lemma_.lower() == "deny" and told_before_charge(cur, cur.head):
            return False  # "X accused Y of Z, a charge Y denies", parsed as "denies" over the accusation
        cur = cur.head
        if cur.lemma_.lower() == "deny" and cur.pos_ == "VERB":
            return True
    return False


def _names_a_place(tok: Token) -> bool:
    """Whether a token only says which place a place noun is: "the Saudi city of Jeddah"."""
    head = tok.head
    if tok.dep_ in ("amod", "compound") and head.lemma_.lower() in vocab.place_nouns():
        return True
    return tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in vocab.place_nouns()


def _named_in_free_relative(verb: Token) -> Token | None:
    """The noun that a clause "what X called N" / "what X described as N" under the verb stands for."""
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        for c in clause.children:
            if c.dep_ in ("oprd", "attr"):
                nouns = [c]
            elif c.dep_ == "prep" and c.lower_ == "as":  # "described as N"
                nouns = [o for o in c.children if o.dep_ == "pobj"]
            else:
                continue
            named = next((n for n in nouns if _named_by_free_relative(n)), None)
            if named is not None:
                return named
    return None


def _named_by_free_relative(noun: Token) -> bool:
    """Whether a noun is the N of "what X called N" / "what X described as N"."""
    clause = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "as" else noun.head
    if noun.pos_ != "NOUN" or noun.dep_ not in ("oprd", "attr", "pobj") or clause.dep_ != "ccomp":
        return False
    return clause.lemma_.lower() in vocab.modality_words()["naming_verbs"] and any(
        c.dep_ == "dobj" and c.tag_ == "WP" for c in clause.children)


def _through_span(noun: Token) -> Token:
    """The phrase a nominal event stands in for when a span of time or a carrier holds it: "ended two
    days of talks", "after weeks of negotiations", "issued a statement of support" (the span or the
    carrier, whose verb the event shares)."""
    words = vocab.modality_words()
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and \
            noun.head.head.lemma_.lower() in words["span_nouns"] | words["carrier_nouns"]:
        return noun.head.head
    return noun


def _aimed_at_a_third(noun: Token, trig: Trigger) -> bool:
    """Whether an act is told as aimed at someone, named or not: "strikes on Houthi targets", "threats
    to strike Iran", "... airstrikes killed 20 civilians"."""
    return any((c.dep_ == "prep" and c.lower_ in trig.target_preps) or c.dep_ in ("acl", "relcl")
               for c in noun.children) \
        or (noun.dep_ == "nsubj" and any(c.dep_ == "dobj" for c in noun.head.children))


def _in_background(noun: Token) -> bool:
    """Whether a noun stands in a background phrase ("despite an arrest warrant", "amid the threat of
    arrest"), itself or as what the phrase's noun is "of"."""
    cur = noun
    while cur.dep_ == "pobj" and cur.head.lower_ == "of" and cur.head.head.pos_ == "NOUN":
        cur = cur.head.head
    gov = _governing_verb(cur)
    return gov is not None and gov.lower_ in BACKGROUND_PREPS - {"including", "like", "besides"}


def _governing_verb(noun: Token) -> Token | None:
    """The verb a noun is the object of, directly or through one preposition ("met ... with the
    procurement of"); a noun inside another noun's phrase ("a pause in the fighting") has none.
    Returns the preposition itself when it is a background one ("despite sanctions")."""
    cur = _through_span(noun)
    while cur.dep_ == "conj" and cur.head.pos_ in ("NOUN", "PROPN"):
        cur = cur.head
    if cur.dep_ in ("dobj", "attr", "oprd", "nsubjpass") and cur.head.pos_ in ("VERB", "AUX"):
        return cur.head
    if cur.dep_ == "pobj" and cur.head.dep_ == "prep":
        prep = cur.head
        if prep.lower_ in BACKGROUND_PREPS:
            return prep
        if prep.head.pos_ in ("VERB", "AUX"):
            return prep.head
        if prep.head.pos_ == "NUM" and prep.head.head.pos_ in ("VERB", "AUX"):
            return prep.head.head  # "announced £500 million in military support"
        if prep.lower_ == "as" and prep.head.dep_ == "advcl":  # "emerging as the largest supplier"
            return prep.head
    return None


def _extent(tok: Token) -> tuple[int, int]:
    """The character range of a token's subtree."""
    return tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)


def _pair(ev: Event) -> tuple[str, str]:
    pair = [ev.source.key if ev.source else "", ev.target.key if ev.target else ""]
    if ev.type in SYMMETRIC:
        pair.sort()
    return pair[0], pair[1]


def _phrase(head: Token) -> list[Token]:
    """The subtree of ``head`` without the coordinated phrases and appositions hanging off it, and
    without relative clauses.
    Iterative: a pathological parse of a very long sentence must not exhaust the stack."""
    out: list[Token] = [head]
    stack = [c for c in head.children if c.dep_ not in ("conj", "cc", "relcl", "appos")]
    while stack:  # below the top, lists stay whole ("projects including a port, zones and a plant")
        tok = stack.pop()
        out.append(tok)
        stack.extend(c for c in tok.children if c.dep_ != "relcl")
    return out


def _dedupe(events: list[Event], layered: set[int] = frozenset()) -> list[Event]:  # type: ignore[assignment]
    """One event per (type, mode, source, target, sentence): a sentence saying it twice is one report.
    An event the dictionary layer found is the same as one of our own vocabulary's of the same type
    and pair in the sentence, whatever its mode; ours, found first in reading order or not, is kept."""
    own_keys = {(ev.type, *_pair(ev), ev.evidence[0].start) for ev in events if id(ev) not in layered}
    events = [ev for ev in events
              if id(ev) not in layered or (ev.type, *_pair(ev), ev.evidence[0].start) not in own_keys]
    seen: dict[tuple[str, str, str, str, int], Event] = {}
    for ev in events:
        if ev.type == "CONSULT" and _people(ev) < 2:  # "visit Kyiv for talks with Zelensky": one encounter
            pair = [side(ev.source), side(ev.target)]  # (two named meetings of people stay two)
        else:
            pair = [ev.source.key if ev.source else "", ev.target.key if ev.target else ""]
        if ev.type in SYMMETRIC:
            pair.sort()  # "A met B" and "B met A" in one sentence are one meeting
        mode = "" if ev.type == "CONSULT" else ev.mode or ""  # "attending ... met": one encounter
        key = (ev.type, mode, pair[0], pair[1], ev.evidence[0].start)
        kept = seen.get(key)
        if kept is None:
            seen[key] = ev
            continue
        if _people(ev) > _people(kept):  # the report naming the people who met speaks for it
            ev.time, ev.place = ev.time or kept.time, ev.place or kept.place
            seen[key] = ev
        elif kept.time is None and ev.time is not None:
            kept.time = ev.time
    return list(seen.values())


STATE_KINDS = {"country", "government", "military", "police"}


@cache
def _reporting_verbs() -> frozenset[str]:
    """Every verb whose reported words may be an allegation, a demand or a threat."""
    words = vocab.modality_words()
    return frozenset(words["speech_verbs"] | words["threat_speech_verbs"] | words["allegation_verbs"]
                     | words["demand_speech_verbs"])


def _said_as_people(verb: Token) -> bool:
    """Whether a verb's subject names a state's people, not the state ("Cubans", "thousands of
    Serbians"): a plural nationality noun."""
    subj, passive = _subject(verb)
    return subj is not None and not passive and any(
        t.ent_type_ == "NORP" and t.tag_ in ("NNPS", "NNS") for t in subj.subtree)


def _lone_org_word(tok: Token) -> bool:
    """A capitalised word the model tagged as a one-word organisation: as a modifier, often a
    demonym it did not know ("Ugandan officials")."""
    return tok.pos_ == "PROPN" and tok.ent_type_ == "ORG" and tok.is_title and tok.ent_iob_ == "B" \
        and (tok.i + 1 >= len(tok.doc) or tok.doc[tok.i + 1].ent_iob_ != "I")


def _by_objects(tokens: Iterable[Token]) -> list[Token]:
    """The objects of the "by" phrases among ``tokens``, the parser's agent or a plain preposition:
    who did an act, wherever the parser hung its "by" (``prep_objects`` reads one head's children)."""
    return [o for g in tokens if g.dep_ == "agent" or (g.dep_ == "prep" and g.lower_ == "by")
            for o in g.children if o.dep_ == "pobj"]


def _phrase_tokens(head: Token) -> list[Token]:
    """A noun phrase's own tokens: its subtree without the clauses hung on it ("the delivery of jets
    from Russia", not "... that Iran had ordered from China")."""
    inner = {t.i for c in head.children if c.dep_ in ("relcl", "acl", "advcl") for t in c.subtree}
    return [t for t in head.subtree if t.i not in inner]


def _self_pair(a: Actor, b: Actor) -> bool:
    """A state and one of its own organs or officials: one side, never source and target of one
    event ("Trudeau called ... (Canada)", "Russia -> Russian forces")."""
    if a.country is None or a.country != b.country or "country" not in (a.kind, b.kind):
        return False
    other = b if a.kind == "country" else a
    if branch_of_state(other):
        return False  # "the Constitutional Council struck down the decree ... in Senegal": a court acts on its state
    return other.kind in STATE_KINDS or (other.kind == "person" and other.sector in ("GOV", "MIL"))


def _one_camp(a: Actor, b: Actor) -> bool:
    """One side speaking of itself: the same actor, two faces of one state, or a person and the
    organisation they speak or work for ("Taliban spokesman Zabihullah Mujahid" and the Taliban).
    A state's opposition, press or citizens are other sides."""
    return a is b or _one_state(a, b) or any(
        r.organisation is not None and name_key(r.organisation) == name_key(o.name)
        for p, o in ((a, b), (b, a)) if p.kind == "person" for r in p.roles)


def _one_state(a: Actor, b: Actor) -> bool:
    """Two faces of one state: a state and its organs or officials, or two of its organs (the
    foreign minister and "the Government of Rwanda"); two compatriot people are two sides."""
    if a.country is None or a.country != b.country or (a.kind == "person" and b.kind == "person"):
        return False
    if a is not b and (branch_of_state(a) or branch_of_state(b)):
        return False  # a court or a parliament acts on its executive: "the Council struck down Sall's delay"
    return all(x.kind in STATE_KINDS or (x.kind == "person" and x.sector in ("GOV", "MIL")) for x in (a, b))


def _beyond(actors: list[Actor], own: list[Actor]) -> list[Actor]:
    """The actors not on any of ``own``'s sides: whom an act of theirs can be aimed at."""
    sides = {side(a) for a in own}
    return [a for a in actors if side(a) not in sides]


def _party(actor: Actor) -> str:
    """A side of "both sides": a state with its organs, but a rebel group or a party its own side
    even in its own country (the government and the ELN are two sides)."""
    return actor.key if actor.kind in ("armed-group", "organisation", "group") else side(actor)


def _people(ev: Event) -> int:
    return sum(1 for a in (ev.source, ev.target) if a is not None and a.kind == "person")


def find_events(doc: Doc, table: ActorTable, document: Document, times: list[TimeValue],
                places: list[Place], quantities: list[Quantity], dateline: Place | None = None,
                held: set[str] | None = None) -> list[Event]:
    """All events the document states, each with its evidence sentence (those the rules propose
    and the learned filter, when enabled, keeps). With ``held``, also those it would drop only for
    want of a target the whole story may yet give (a crowd's protest, a state's mobilisation:
    ``aims.aim_unaimed``), their ``Event.id`` added to ``held``."""
    check = event_filter()
    out = []
    for ev, features in _EventFinder(doc, table, document, times, places, quantities, dateline).candidates():
        if check.keep(features):
            out.append(ev)
        elif held is not None and aimed_by_nature(ev):
            out.append(ev)
            held.add(ev.id)
    return out


def find_event_candidates(doc: Doc, table: ActorTable, document: Document, times: list[TimeValue],
                          places: list[Place], quantities: list[Quantity], dateline: Place | None = None,
                          all_implicit: bool = False) -> list[tuple[Event, Features]]:
    """The events the rules propose with their features, unfiltered: what the filter is trained on.
    With ``all_implicit``, every option for a side the text left unsaid is an event of its own
    (features ``unsaid...``): what the implicit-participant ranker is trained on."""
    finder = _EventFinder(doc, table, document, times, places, quantities, dateline)
    finder.all_implicit = all_implicit
    return finder.candidates()
