"""Analyst decisions over entities, applied on top of what the resolver decides by itself.

Decisions name actor keys (what documents call an actor), never entity ids, because keys survive
every re-resolution while ids do not. They are applied in the order they were made, after the
automatic clustering, so the latest word of an analyst wins and a later ingest cannot undo it:

- ``merge``: the groups that hold any of its keys become one entity (country rules do not apply:
  the analyst knows better);
- ``split``: its keys leave whatever group holds them and form one entity of their own.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Decision:
    """One active analyst decision over actor keys, as the store keeps it."""

    id: int
    kind: str              # merge | split
    keys: frozenset[str]   # every key the decision names

    def __post_init__(self) -> None:
        if self.kind not in ("merge", "split"):
            raise ValueError(f"decision {self.id}: kind must be merge or split, not {self.kind!r}")


def apply_decisions(groups: Iterable[set[str]], decisions: Sequence[Decision]) -> list[set[str]]:
    """``groups`` (disjoint sets of keys) after every decision, oldest first (by id). Keys a decision
    names that are not in any group are ignored: the decision waits until they are stored."""
    out = [set(g) for g in groups if g]
    for d in sorted(decisions, key=lambda d: d.id):
        if d.kind == "merge":
            touched = [g for g in out if g & d.keys]
            if len(touched) > 1:
                merged = set().union(*touched)
                out = [g for g in out if not g & d.keys] + [merged]
        else:
            moved = {k for g in out for k in g & d.keys}
            if not moved:
                continue
            rest = [g - d.keys for g in out]
            out = [g for g in rest if g] + [moved]
    return out
