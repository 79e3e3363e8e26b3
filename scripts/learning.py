"""What the two training scripts share: reading the corpus into candidates, the logistic model,
and scoring a set of kept candidates with the evaluation's own scorer.

The dev part is the sample corpus and ``data/corpus/dev/``; the test part ``data/corpus/test/``,
read only when a script is asked to score it. Each part is a list of batches, one per gold file
(leave-one-batch-out cross-validation holds out one annotator's batch at a time), each holding
the part's gold merged as ``newsgraph evaluate`` merges it.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from newsgraph import nlp
from newsgraph.evaluate import load_gold_files, matches_gold, score
from newsgraph.extract import event_candidates
from newsgraph.extract.filter import Features
from newsgraph.ingest import read_path
from newsgraph.model import Document, Event

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "newsgraph" / "data"
MODELS = ROOT / "src" / "newsgraph" / "ontology" / "data"
Json = dict[str, Any]


@dataclass
class Batch:
    """One gold file's articles: every candidate event with its features and label."""

    gold: Json  # the whole part's gold
    events: list[Json] = field(default_factory=list)
    features: list[Features] = field(default_factory=list)
    labels: list[bool] = field(default_factory=list)
    positions: list[int] = field(default_factory=list)  # the trigger's offset, to group a trigger's options
    docs: list[str] = field(default_factory=list)


def grouped(batches: list[Batch], folds: int) -> list[Batch]:
    """The batches dealt round-robin into ``folds`` groups (0: one per batch), so that cross-validation
    over a large corpus trains a handful of models rather than one per gold file."""
    if folds <= 0 or folds >= len(batches):
        return batches
    out = []
    for k in range(folds):
        merged = Batch(batches[0].gold)
        for b in batches[k::folds]:
            merged.events += b.events
            merged.features += b.features
            merged.labels += b.labels
            merged.positions += b.positions
            merged.docs += b.docs
        out.append(merged)
    return out


def gold_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.gold.json")) if folder.is_dir() else []


def dev_pairs() -> list[tuple[Path, Path]]:
    return [(DATA / "sample", DATA / "sample.gold.json")] + [
        (DATA / "corpus" / "dev", g) for g in gold_files(DATA / "corpus" / "dev")]


def test_pairs() -> list[tuple[Path, Path]]:
    return [(DATA / "corpus" / "test", g) for g in gold_files(DATA / "corpus" / "test")]


def event_json(ev: Event, doc: str) -> Json:
    """An event as the export writes what the scorer reads."""
    return {"type": ev.type, "source": ev.source.ref() if ev.source else None,
            "target": ev.target.ref() if ev.target else None, "modality": ev.modality,
            "evidence": [{"source": doc, "sentence": e.sentence} for e in ev.evidence]}


def part_documents(pairs: list[tuple[Path, Path]]) -> tuple[Json, list[Iterator[tuple[Json, Document, Any]]]]:
    """The part's merged gold, and per (articles folder, gold file) each gold document's entry with
    the article read and parsed, as it is walked: what every training script reads."""
    lang = nlp.load()
    gold = load_gold_files([g for _, g in pairs])

    def walk(folder: Path, gold_file: Path) -> Iterator[tuple[Json, Document, Any]]:
        mine = {d["doc"] for d in load_gold_files([gold_file])["documents"]}
        for d in gold["documents"]:
            path = folder / d["doc"]
            if d["doc"] in mine and path.is_file():
                for document in read_path(path):
                    yield d, document, lang(document.text)

    return gold, [walk(folder, gold_file) for folder, gold_file in pairs]


def read_part(pairs: list[tuple[Path, Path]], all_implicit: bool = False) -> list[Batch]:
    """One batch per (articles folder, gold file) of the part."""
    gold, files = part_documents(pairs)
    batches = []
    read, started = 0, time.monotonic()
    for docs in files:
        batch = Batch(gold)
        for d, document, parsed in docs:
            read += 1
            if read % 50 == 0:  # the scripts run for many minutes: show they are alive
                print(f"  {read} articles read, {time.monotonic() - started:.0f} s", file=sys.stderr, flush=True)
            found = event_candidates(document, parsed, all_implicit=all_implicit)
            events = [event_json(ev, d["doc"]) for ev, _ in found]
            batch.events += events
            batch.features += [f for _, f in found]
            batch.labels += matches_gold(gold, d["doc"], events)
            batch.positions += [ev.position or 0 for ev, _ in found]
            batch.docs += [d["doc"]] * len(found)
        batches.append(batch)
    return batches


def matrix(features: list[Features], names: list[str], dtype: type = np.float64) -> np.ndarray:
    index = {n: i for i, n in enumerate(names)}
    x = np.zeros((len(features), len(names)), dtype=dtype)
    for row, f in enumerate(features):
        for n, v in f.items():
            if n in index:
                x[row, index[n]] = v
    return x


class Sparse:
    """A feature matrix kept as its non-zero cells (a candidate has a few dozen of some thousands of
    features), with the two products gradient descent needs: the same sums as ``x @ w`` and
    ``x.T @ g``, in a fixed order (deterministic), minutes faster on the dev corpus."""

    def __init__(self, x: np.ndarray) -> None:
        self.shape = x.shape
        self.rows, self.cols = np.nonzero(x)  # row-major: rows ascending
        self.vals = x[self.rows, self.cols]
        self.row_starts, self.row_ids = _runs(self.rows)
        self.by_col = np.argsort(self.cols, kind="stable")
        self.col_starts, self.col_ids = _runs(self.cols[self.by_col])

    def dot(self, w: np.ndarray) -> np.ndarray:
        """x @ w, for a weight vector or a weights-by-class matrix."""
        cells = self.vals.reshape(-1, *[1] * (w.ndim - 1)) * w[self.cols]
        return _scatter(cells, self.row_starts, self.row_ids, (self.shape[0], *w.shape[1:]))

    def tdot(self, g: np.ndarray) -> np.ndarray:
        """x.T @ g, for a gradient vector or a rows-by-class matrix."""
        cells = (self.vals.reshape(-1, *[1] * (g.ndim - 1)) * g[self.rows])[self.by_col]
        return _scatter(cells, self.col_starts, self.col_ids, (self.shape[1], *g.shape[1:]))


def _runs(sorted_ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Where each run of equal values starts in a sorted array, and the value of each run."""
    if not len(sorted_ids):
        return np.zeros(0, dtype=int), np.zeros(0, dtype=int)
    starts = np.flatnonzero(np.r_[True, sorted_ids[1:] != sorted_ids[:-1]])
    return starts, sorted_ids[starts]


def _scatter(cells: np.ndarray, starts: np.ndarray, ids: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
    """The sums of consecutive runs of ``cells`` (runs starting at ``starts``), placed at rows ``ids``
    of a zero array: a product's rows (or columns) with no non-zero cell stay zero."""
    out = np.zeros(shape, dtype=cells.dtype)
    if len(starts):
        out[ids] = np.add.reduceat(cells, starts, axis=0)
    return out


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 3000,
        rate: float = 0.5) -> tuple[np.ndarray, float]:
    """L2-regularised logistic regression by full-batch gradient descent from zeros: deterministic
    (no random start, no shuffling)."""
    sx = Sparse(x)
    w = np.zeros(x.shape[1])
    b = 0.0
    n = max(1, len(y))
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(sx.dot(w) + b)))
        grad = p - y
        w -= rate * (sx.tdot(grad) / n + l2 * w / n)
        b -= rate * float(grad.mean())
    return w, b


@dataclass
class Model:
    weights: np.ndarray
    bias: float
    names: list[str]

    def scores(self, features: list[Features]) -> np.ndarray:
        if not features:
            return np.zeros(0)
        return 1.0 / (1.0 + np.exp(-(matrix(features, self.names) @ self.weights + self.bias)))

    def weights_json(self) -> dict[str, float]:
        return {n: round(float(v), 6) for n, v in zip(self.names, self.weights, strict=True) if abs(v) > 1e-9}


def train(features: list[Features], labels: list[bool], l2: float) -> Model:
    names = sorted({n for f in features for n in f})
    w, b = fit(matrix(features, names), np.array(labels, dtype=float), l2=l2)
    return Model(w, b, names)


def prf(f: tuple[float, float, float]) -> str:
    """ "P/R/F1" as the scripts print it."""
    return f"{f[0]:.3f}/{f[1]:.3f}/{f[2]:.3f}"


def rounded(f: tuple[float, float, float]) -> list[float]:
    return [round(v, 3) for v in f]


def write_model(out: Path, about: str, model: Model, threshold: float, enabled: bool, beats: bool,
                measured: Json) -> None:
    """The model file ``newsgraph`` loads (``extract.filter.EventFilter``): weights, bias, threshold,
    whether it is on, and the figures it was chosen by."""
    out.write_text(json.dumps({
        "about": about, "enabled": enabled, "threshold": threshold, "bias": round(model.bias, 6),
        "weights": model.weights_json(), "measured": measured}, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {out} (threshold {threshold}, enabled {enabled}; beats the rules on test: {beats})")


def figures(gold: Json, events: list[Json]) -> tuple[float, float, float]:
    """Event P, R, F1 of ``events`` by the evaluation's scorer (one-to-one matching, recall over
    required events; per article, without the cross-article merge of an ingest)."""
    report = score(gold, events)
    return report.precision or 0.0, report.recall or 0.0, report.f1


Selector = Callable[[Batch, np.ndarray, float], list[Json]]


def cross_validate(batches: list[Batch], usable: Callable[[Batch], list[int]], select: Selector,
                   thresholds: list[float], strengths: tuple[float, ...] = (1.0, 10.0, 30.0),
                   ) -> tuple[float, float, tuple[float, float, float]]:
    """Leave one batch out: train on the others' ``usable`` candidates, score the held-out
    batch's; the (strength, threshold) whose kept events score best, and that score."""
    held: dict[float, list[np.ndarray]] = {}
    for l2 in strengths:
        held[l2] = []
        for k, out in enumerate(batches):
            rest = [(b.features[i], b.labels[i]) for b in batches[:k] + batches[k + 1:] for i in usable(b)]
            model = train([f for f, _ in rest], [lab for _, lab in rest], l2)
            held[l2].append(model.scores(out.features))
            print(f"  fitted strength {l2}, fold {k + 1} of {len(batches)}", file=sys.stderr, flush=True)
    gold = batches[0].gold
    best = max(((l2, t) for l2 in strengths for t in thresholds),
               key=lambda lt: (figures(gold, [e for b, s in zip(batches, held[lt[0]], strict=True)
                                              for e in select(b, s, lt[1])])[2], lt[1]))
    kept = [e for b, s in zip(batches, held[best[0]], strict=True) for e in select(b, s, best[1])]
    return best[0], best[1], figures(gold, kept)
