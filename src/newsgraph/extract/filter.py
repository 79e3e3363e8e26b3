"""A learned check on candidate events: a logistic model over what the rules saw when they
proposed an event (its type, where its trigger came from, how its actors were found), trained by
``scripts/train_event_filter.py`` on the development corpus only and shipped as
``ontology/data/event_filter.json``. It only removes candidates, never adds one, and it is used
only while that file says it beat the rules on the frozen test part (``"enabled": true``).
Deterministic: the same candidate always gets the same score.
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


@cache
def event_filter() -> EventFilter:
    """The shipped model, or one that keeps everything when none is shipped."""
    path = resources.files("newsgraph.ontology").joinpath("data", "event_filter.json")
    if not path.is_file():
        return EventFilter({}, 0.0, 0.0, False)
    data = json.loads(path.read_text(encoding="utf-8"))
    return EventFilter(dict(data["weights"]), float(data["bias"]), float(data["threshold"]), bool(data["enabled"]))


def bucket(n: int, edges: tuple[int, ...]) -> str:
    """A count as the first edge it does not exceed ("<=2", "<=5", ">5")."""
    for edge in edges:
        if n <= edge:
            return f"<={edge}"
    return f">{edges[-1]}"
