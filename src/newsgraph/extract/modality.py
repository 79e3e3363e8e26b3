"""The grammar of a clause that decides how an event is stated: its modality (asserted, planned,
hypothetical, negated, a reported claim) and its tense, which fixes "on Monday" to a past or a
coming Monday. Read from auxiliaries, negations, conditionals and governing verbs; the words are
in ``ontology/data/triggers.toml`` [modality].
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.ontology import vocab
from newsgraph.ontology.vocab import Trigger

SUBJECT_DEPS = {"nsubj", "csubj"}


def modality_of(tok: Token, trig: Trigger) -> str:
    """How the text states the event a trigger names: negated ("did not sign", "refused to"),
    hypothetical ("could", "if"), planned ("will", "plans to"), a reported claim ("claimed that")
    or asserted. Read from the auxiliaries and governing verbs up the trigger's clause."""
    words = vocab.modality_words()
    chain = [tok]
    cur = tok
    while cur.dep_ in ("xcomp", "ccomp", "conj", "dobj", "pobj", "prep", "pcomp", "nsubjpass", "nsubj") \
            and cur.head.i != cur.i and len(chain) < 6:
        if cur.dep_ == "conj" and any(c.dep_ in SUBJECT_DEPS for c in cur.children):
            break  # "X has not condemned Y, and it attended Z": its own clause
        cur = cur.head
        chain.append(cur)
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ not in ("xcomp", "conj"):
            break
    for n, c in enumerate(chain):
        own = bool(n) and _own_tense(chain[n - 1])  # the negation and modals of the clause it is
        kids = list(c.children)  # coordinated with are not its own; an "if" over both still is
        if any(k.dep_ == "neg" for k in kids) and not own:
            return "negated"
        if c is not tok and c.lemma_ in words["negating_verbs"] and chain[n - 1].dep_ != "conj" \
                and not told_before_charge(chain[n - 1], c):
            return "negated"  # "refused to meet"; not "denied the charge and blamed X", a second act
        if any(k.dep_ == "mark" and k.lower_ in words["hypothetical_marks"] for k in kids):
            return "hypothetical"
        if any(k.dep_ == "advcl" and any(m.lower_ in words["hypothetical_marks"] for m in k.children
                                         if m.dep_ == "mark") for k in kids) and c is not tok:
            return "hypothetical"
        aux = set() if own else {k.lower_ for k in kids if k.dep_ in ("aux", "auxpass")}
        if aux & words["hypothetical_aux"]:
            return "hypothetical"
        if c is tok and trig.intent:
            return "asserted"
        if aux & words["planned_aux"]:
            return "planned"
        if c is not tok and c.lemma_ in words["planned_verbs"]:
            return "planned"
        if c is not tok and c.lemma_ in words["claim_verbs"]:
            return "reported-claim"
    return "asserted"


def _own_tense(clause: Token) -> bool:
    """Whether a verb coordinated under another carries its own tense, so the other's negation and
    modals are not its own: "said a takeover was not the answer and urged a return", "said the move
    could not stand and called for talks" (not "did not sign or ratify", "would meet and sign", which
    share the auxiliary)."""
    return clause.dep_ == "conj" and clause.tag_ in ("VBD", "VBZ", "VBP")


def told_before_charge(clause: Token, verb: Token) -> bool:
    """Whether a clause the parser hung under a verb of denial is told, not denied: "X accused Y of
    Z, a charge Y denies" parsed as "denies" over the accusation, with "charge" as its object. ("Israel
    is preparing to invade Rafah, the army denied": no charge named, the clause is what is denied.)"""
    return clause.dep_ == "ccomp" and clause.i < verb.i and any(
        c.dep_ in ("dobj", "nsubj", "compound") and c.lower_ in vocab.modality_words()["charge_nouns"]
        for c in verb.subtree if c.i > clause.i)


def tense_lookup(doc: Doc):  # type: ignore[no-untyped-def]
    """A function giving the tense of the verb that governs the token at a character offset."""
    def tense_at(offset: int) -> str | None:
        span = doc.char_span(offset, offset + 1, alignment_mode="expand")
        if span is None or not len(span):
            return None
        tok = span[0]
        for _ in range(8):
            if tok.pos_ in ("VERB", "AUX"):
                kids = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
                if kids & {"will", "shall", "'ll"} or any(c.lemma_ in ("plan", "schedule", "expect")
                                                          for c in [tok.head]):
                    return "future"
                if tok.tag_ in ("VBD", "VBN") or kids & {"was", "were", "had", "has", "have", "did"}:
                    return "past"
                if tok.tag_ in ("VBZ", "VBP", "VBG"):
                    return "present"
            if tok.head is tok:
                return None
            tok = tok.head
        return None
    return tense_at
