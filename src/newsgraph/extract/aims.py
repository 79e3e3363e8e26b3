"""Whom an act is aimed at when the text leaves it unsaid but the act's nature and the story say it.

Two acts are aimed by their nature: a street protest is against someone, a mobilisation (troops
sent, forces on alert, reservists called up) is against someone. Event datasets code a domestic
protest as against the crowd's own government and a mobilisation as against the state's adversary
in the story. Both answers are known only once the whole document is read: the crowd's state may be
told sentences later (``places.home_crowds``, ``places.home_opposition``), the adversary is whom the
story's hostile acts set the state against. So the learned event filter, which drops most events
with no target, lets these through as *held* (``events.find_events``), and this pass gives them
their target or drops them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from newsgraph.extract.actors import CROWD_KINDS, side
from newsgraph.model import Actor, Event

# Acts that set two states against each other in a story (an ally's aid or a meeting does not).
ADVERSE = frozenset({"ASSAULT", "COERCE", "SANCTION", "THREATEN", "ACCUSE"})


def aimed_by_nature(ev: Event) -> bool:
    """A protest of a crowd or a mobilisation of a state's, told with no target: what this pass may aim."""
    if ev.target is not None or ev.source is None:
        return False
    return (ev.type == "PROTEST" and ev.source.kind in CROWD_KINDS) or (
        ev.type == "MOBILIZE" and bool(ev.source.country))


def aim_unaimed(events: list[Event], held: set[str], government_of: Callable[[str], Actor]) -> list[Event]:
    """Give a protest or a mobilisation with no target its target (in place), or drop it when it has
    none and only waited for one (its ``Event.id`` in ``held``, taken while it had no target). Order kept."""
    foes = _adversaries(events)
    told = {(ev.type, ev.evidence[0].sentence_index, side(ev.source)) for ev in events
            if ev.id not in held and ev.evidence}
    kept = []
    for ev in events:
        waited = ev.id in held
        if waited and ev.evidence and (ev.type, ev.evidence[0].sentence_index, side(ev.source)) in told:
            continue  # the same act already told with its target ("took to the streets ..., chanting")
        if aimed_by_nature(ev) and ev.source is not None and ev.source.country:
            if ev.type == "PROTEST" and (ev.place is None or ev.place.country in (None, ev.source.country)):
                ev.target = government_of(ev.source.country)  # "the opposition took to the streets";
                # not "Ukrainian women rallied in Warsaw": a protest abroad is at someone else
            elif ev.type == "MOBILIZE":
                ev.target = foes.get(ev.source.country)  # "put the army on combat readiness"
        if ev.target is None and waited:
            continue
        kept.append(ev)
    return kept


def _adversaries(events: list[Event]) -> dict[str, Actor]:
    """Each state's one adversary in the story: the state its adverse acts (either way) most often
    set it against, when one leads; as the state actor the story names, else any actor of it."""
    counts: dict[str, Counter[str]] = {}
    actors: dict[str, Actor] = {}
    for ev in events:
        a, b = ev.source, ev.target
        for actor in (a, b):  # the state's own actor if the story names it, else the first of it
            if actor is None or not actor.country:
                continue
            known = actors.get(actor.country)
            if known is None or (actor.kind == "country" and known.kind != "country"):
                actors[actor.country] = actor
        if ev.type in ADVERSE and a is not None and b is not None and a.country and b.country \
                and a.country != b.country:
            counts.setdefault(a.country, Counter())[b.country] += 1
            counts.setdefault(b.country, Counter())[a.country] += 1
    out = {}
    for state, against in counts.items():
        (first, n), *rest = against.most_common(2)
        if not rest or rest[0][1] < n:
            out[state] = actors[first]
    return out
