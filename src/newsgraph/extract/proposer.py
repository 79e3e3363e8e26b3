"""A learned stage for the sentences the rules find no event in.

Most events missed on unseen news sit in sentences where no trigger pattern fires at all
("the order amounted to political persecution", "Mexico would take the case to the court"),
yet the sentence names the two sides. The type proposer reads such a sentence as a bag of
general features (its content words, the event types our vocabulary and PETRARCH2's verb
dictionary give its words, whether someone is quoted, what kinds of actors it names) and a
softmax model over the PLOVER types plus "no event" says which type, if any, the sentence
states, and a logistic pair model which ordered pair of its actors (by each mention's role in
the clause, order, distance and kind) it links. It is trained only on the
development corpus (``scripts/train_type_proposer.py``), shipped as JSON weights, deterministic,
and used only while its file says it beat the rules on the frozen test part.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from spacy.tokens import Doc, Token
from spacy.tokens import Span as Phrase

from newsgraph.extract.actors import ActorTable, sentence_evidence, sentences, side
from newsgraph.extract.filter import Features
from newsgraph.model import Actor, Document, Event
from newsgraph.ontology import countries, petrarch, vocab

NONE = "NONE"  # the class of a sentence that states no event
CONTENT_POS = ("VERB", "NOUN", "ADJ")
NAMED = frozenset({"NORP", "GPE", "ORG", "PERSON", "LOC", "FAC"})
SUBJECTS = ("nsubj", "nsubjpass", "csubj")
MAX_NAMED = 6  # pairs among the first six actors a sentence names
MAX_CONFIDENCE = 0.45  # a proposal is weaker evidence than any rule's event (0.5 and up)


@dataclass(frozen=True)
class TypeProposer:
    """Softmax weights per class (``NONE`` and the event types), and the probability a type needs."""

    weights: dict[str, dict[str, float]]
    bias: dict[str, float]
    threshold: float
    enabled: bool
    pair_weights: dict[str, float] = field(default_factory=dict)
    pair_bias: float = 0.0

    def pair_score(self, features: Features) -> float:
        """How likely an ordered pair is the source and target of an event the sentence states."""
        z = self.pair_bias + sum(self.pair_weights.get(n, 0.0) * v for n, v in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def probabilities(self, features: Features) -> dict[str, float]:
        if not self.bias:
            return {NONE: 1.0}
        z = {c: self.bias[c] + sum(w.get(n, 0.0) * v for n, v in features.items())
             for c, w in self.weights.items()}
        top = max(z.values())
        e = {c: math.exp(v - top) for c, v in z.items()}
        total = sum(e.values())
        return {c: v / total for c, v in e.items()}

    def best(self, features: Features) -> tuple[str, float]:
        """The most probable event type (never ``NONE``) and its probability."""
        probs = self.probabilities(features)
        types = [(p, c) for c, p in probs.items() if c != NONE]
        if not types:
            return NONE, 0.0
        p, c = max(types)
        return c, p


@cache
def type_proposer() -> TypeProposer:
    """The shipped proposer, or a disabled empty one when none is shipped."""
    try:
        raw = resources.files("newsgraph.ontology").joinpath("data", "type_proposer.json").read_text("utf-8")
    except FileNotFoundError:
        return TypeProposer({}, {}, 1.0, False)
    data = json.loads(raw)
    return TypeProposer({c: dict(w) for c, w in data["weights"].items()}, dict(data["bias"]),
                        float(data["threshold"]), bool(data["enabled"]), dict(data.get("pair_weights", {})),
                        float(data.get("pair_bias", 0.0)))


def sentence_actors(sent: Phrase, table: ActorTable) -> list[tuple[Token, Actor]]:
    """Each actor the sentence names, at its first token, in reading order."""
    seen: set[str] = set()
    out = []
    for tok in sent:
        actor = table.at(tok.i)
        if actor is not None and actor.key not in seen:
            seen.add(actor.key)
            out.append((tok, actor))
    return out


def _clause_role(tok: Token, root: Token) -> str:
    """Where a mention stands: in the subject of the main clause or of a clause it reports, in an
    object or prepositional phrase, or elsewhere."""
    while tok.head.i != tok.i:  # spaCy makes a new Token object on each access: compare indices
        if tok.dep_ in SUBJECTS:
            return "subject" if tok.head.i == root.i else "inner-subject"
        if tok.dep_ in ("dobj", "dative", "attr", "oprd"):
            return "object"
        if tok.dep_ == "pobj":
            return f"prep={tok.head.lower_}"
        tok = tok.head
    return "other"


def pair_options(sent: Phrase, table: ActorTable) -> list[tuple[Actor, Actor, Features]]:
    """Every ordered pair of actors of two sides the sentence names (the first MAX_NAMED), each
    with what the pair model reads: the two mentions' roles, order, distance and kinds."""
    named = sentence_actors(sent, table)[:MAX_NAMED]
    if len({side(a) for _, a in named}) < 2:
        return []
    root = sent.root
    roles = [_clause_role(t, root) for t, _ in named]
    speech = vocab.modality_words()["speech_verbs"]
    said = root.lemma_.lower() in speech
    out = []
    for i, (a_tok, a) in enumerate(named):
        for j, (b_tok, b) in enumerate(named):
            if i == j or side(a) == side(b):
                continue
            names = [f"a.role={roles[i]}", f"b.role={roles[j]}", f"roles={roles[i]}>{roles[j]}",
                     "a.first" if i == 0 else "a.later", "b.before" if j < i else "b.after",
                     f"gap={'near' if abs(b_tok.i - a_tok.i) <= 8 else 'far'}",
                     f"a.kind={a.kind}", f"b.kind={b.kind}", f"b.rank={min(j, 3)}"]
            if said:
                names.append(f"said.a={roles[i]}")
            if a.key.startswith("group:"):
                names.append("a.generic")
            if b.key.startswith("group:"):
                names.append("b.generic")
            out.append((a, b, dict.fromkeys(names, 1.0)))
    return out


def sentence_pair(sent: Phrase, table: ActorTable, model: TypeProposer | None = None
                  ) -> tuple[Actor, Actor, float] | None:
    """The two sides a proposal links and how likely the pair model finds them; without a pair
    model, the actor in the main clause's subject (else the first one named) acting on the next."""
    options = pair_options(sent, table)
    if not options:
        return None
    if model is not None and model.pair_weights:
        a, b, p = max(((a, b, model.pair_score(f)) for a, b, f in options), key=lambda o: o[2])
        return a, b, p
    subject = next((a for a, _, f in options if "a.role=subject" in f), options[0][0])
    return next(((a, b, 1.0) for a, b, _ in options if a is subject), None)


@cache
def _word_types(lemma: str, pos: str) -> tuple[str, ...]:
    """The event types a word can state by our vocabulary and by the dictionary's verb entry."""
    found = [f"own={t.type}" for t in (vocab.verb_triggers() if pos == "VERB" else vocab.noun_triggers()
                                       ).get(lemma, ())]
    if pos == "VERB" and (entry := petrarch.verbs().get(lemma)) is not None:
        if entry.plover is not None:
            found.append(f"dict={entry.plover.type}")
        coded = sorted({p.plover.type for p in entry.patterns if p.plover is not None})
        found += [f"dictp={t}" for t in coded[:4]]
    return tuple(dict.fromkeys(found))


def sentence_features(sent: Phrase, table: ActorTable) -> Features:
    """What the model reads of a sentence: general words and structure, never a name."""
    names: list[str] = [f"root={sent.root.lemma_.lower()}"]
    saying = vocab.modality_words()["speech_verbs"]
    for tok in sent:
        if table.at(tok.i) is not None or tok.pos_ not in CONTENT_POS or tok.is_stop or not tok.is_alpha \
                or tok.ent_type_ in NAMED or countries.country_code(tok.text):
            continue  # "Chinese", "Kremlin": names and demonyms would make the model learn who, not what
        lemma = tok.lemma_.lower()
        names.append(f"w={lemma}")
        names += _word_types(lemma, tok.pos_)
        if tok.pos_ == "VERB" and lemma in saying:
            names.append("speech")
        if any(c.dep_ == "neg" for c in tok.children):
            names.append("negated")
    if any(t.text in ('"', "“", "”") for t in sent):
        names.append("quote")
    sides = {side(a) for _, a in sentence_actors(sent, table)}
    names.append("sides=2" if len(sides) == 2 else "sides=3+")
    return dict.fromkeys(names, 1.0)


def propose_events(doc: Doc, document: Document, table: ActorTable, events: list[Event],
                   proposer: TypeProposer | None = None) -> list[Event]:
    """Events for the sentences no rule found one in, where the model is sure enough."""
    model = proposer or type_proposer()
    if not model.enabled:
        return []
    told = {e.sentence_index for ev in events for e in ev.evidence}
    out = []
    for s_index, sent in enumerate(sentences(doc)):
        if s_index in told or (pair := sentence_pair(sent, table, model)) is None:
            continue
        kind, p_type = model.best(sentence_features(sent, table))
        p = p_type * pair[2]
        if kind == NONE or p < model.threshold:
            continue
        out.append(Event(type=kind, mode=None, source=pair[0], target=pair[1],
                         confidence=round(min(p, MAX_CONFIDENCE), 2),
                         evidence=[sentence_evidence(doc, document, s_index)], trigger=sent.root.text,
                         position=sent.root.idx))
    return out
