"""Learned checks on what the rules propose: logistic models over named features, trained on the
development corpus only and shipped as JSON in ``ontology/data/``, each used only while its file
says it beat the rules on the frozen test part (``"enabled": true``). Deterministic: the same
candidate always gets the same score.

- the event filter (``event_filter.json``, ``scripts/train_event_filter.py``) reads what the rules
  saw when they proposed an event (its type, where its trigger came from, how its actors were
  found) and only removes candidates;
- the implicit-participant ranker (``implicit_ranker.json``, ``scripts/train_implicit_ranker.py``)
  scores the actors an act with one named side may have been aimed at or come from, when the
  text leaves the other side unsaid; the best one above its threshold becomes that side.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from importlib import resources

Features = dict[str, float]


@dataclass(frozen=True)
class EventFilter:
    weights: dict[str, float]
    bias: float
    threshold: float
    enabled: bool

    def score(self, features: Features) -> float:
        z = self.bias + sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def keep(self, features: Features) -> bool:
        return not self.enabled or self.score(features) >= self.threshold


def _load(name: str) -> EventFilter:
    """A shipped model, or a disabled one when none is shipped."""
    path = resources.files("newsgraph.ontology").joinpath("data", name)
    if not path.is_file():
        return EventFilter({}, 0.0, 0.0, False)
    data = json.loads(path.read_text(encoding="utf-8"))
    return EventFilter(dict(data["weights"]), float(data["bias"]), float(data["threshold"]), bool(data["enabled"]))


@cache
def event_filter() -> EventFilter:
    """The shipped event filter, or one that keeps everything when none is shipped."""
    return _load("event_filter.json")


@cache
def implicit_ranker() -> EventFilter:
    """The shipped implicit-participant ranker, or a disabled one (no side is ever guessed)."""
    return _load("implicit_ranker.json")


def bucket(n: int, edges: tuple[int, ...]) -> str:
    """A count as the first edge it does not exceed ("<=2", "<=5", ">5")."""
    for edge in edges:
        if n <= edge:
            return f"<={edge}"
    return f">{edges[-1]}"
