"""Name keys shared by the resolver, the store and the query layer.

An actor's key is its normalised name, country and kind: records with equal keys are certainly one
entity, and an entity's id is derived from the smallest key among its records, so ids do not
depend on the order articles arrive in.
"""

from __future__ import annotations

import hashlib

from newsgraph.model import Actor
from newsgraph.names import name_key
from newsgraph.ontology import vocab


def resolve_key(actor: Actor) -> str:
    """``normalised name|COUNTRY|kind``: actors with equal keys are the same entity."""
    return f"{name_key(actor.name)}|{(actor.country or '').upper()}|{actor.kind}"


def is_common_noun(actor: Actor) -> bool:
    """"police", "banks", "protesters": a description, not a name (no capital letter in it)."""
    return not any(c.isupper() for c in actor.name)


def document_key(actor: Actor, doc_id: str) -> str:
    """The key under which the store resolves an actor of one document. A common noun with no
    country ("police", "the banks") names a different group in every article, and so does a body
    every state has named without its state ("the Supreme Court", "Congress"), so their key is the
    document's own: they never join the police or the court of another country or story."""
    key = resolve_key(actor)
    if actor.country is None and (is_common_noun(actor) or vocab.any_states_institution(actor.name, actor.kind)):
        return f"{key}|@{doc_id}"
    return key


def entity_id(key: str) -> str:
    """A short id that stays the same for the same key across stores and runs."""
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
