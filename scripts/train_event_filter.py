"""Train the learned event filter on the development corpus, and check it on the frozen test part.

    python scripts/train_event_filter.py                # train on dev, report dev and test, write disabled
    python scripts/train_event_filter.py --enable       # ... and enable it if it beats the rules on test

Candidates are the events the rules propose (``extract.event_candidates``), labelled by the
scoring rule of ``evaluate.matches_gold``. The model is an L2-regularised logistic regression fitted
by full-batch gradient descent from zeros (deterministic: no random start, no shuffling). The
threshold is the one that maximises event F1 on the dev candidates. The test part is only scored,
never fitted or tuned on. Writes ``src/newsgraph/ontology/data/event_filter.json`` with the
figures it measured; ``enabled`` is true only with ``--enable`` and when the filter raised the
test part's F1.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from newsgraph import nlp
from newsgraph.evaluate import load_gold_files, matches_gold
from newsgraph.extract import event_candidates
from newsgraph.ingest import read_path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "newsgraph" / "data"
OUT = ROOT / "src" / "newsgraph" / "ontology" / "data" / "event_filter.json"


@dataclass
class Part:
    name: str
    features: list[dict[str, float]]
    labels: list[bool]
    gold_required: int  # required gold events: recall's denominator


def _event_json(ev) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return {"type": ev.type, "source": ev.source.ref() if ev.source else None,
            "target": ev.target.ref() if ev.target else None,
            "evidence": [{"sentence": e.sentence} for e in ev.evidence]}


def read_part(name: str, folders: list[tuple[Path, list[Path]]]) -> Part:
    """Candidates and labels of every gold document in ``folders`` ((articles, gold files) pairs)."""
    lang = nlp.load()
    part = Part(name, [], [], 0)
    for folder, gold_files in folders:
        if not gold_files:
            continue
        gold = load_gold_files(gold_files)
        for d in gold["documents"]:
            path = folder / d["doc"]
            if not path.is_file():
                continue
            part.gold_required += sum(1 for e in d["events"] if e.get("required"))
            for document in read_path(path):
                found = event_candidates(document, lang(document.text))
                labels = matches_gold(gold, d["doc"], [_event_json(ev) for ev, _ in found])
                part.features += [f for _, f in found]
                part.labels += labels
    return part


def matrix(features: list[dict[str, float]], names: list[str]) -> np.ndarray:
    index = {n: i for i, n in enumerate(names)}
    x = np.zeros((len(features), len(names)))
    for row, f in enumerate(features):
        for n, v in f.items():
            if n in index:
                x[row, index[n]] = v
    return x


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 3000,
        rate: float = 0.5) -> tuple[np.ndarray, float]:
    w = np.zeros(x.shape[1])
    b = 0.0
    n = max(1, len(y))
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(x @ w + b)))
        grad = p - y
        w -= rate * (x.T @ grad / n + l2 * w / n)
        b -= rate * float(grad.mean())
    return w, b


def f1_at(scores: np.ndarray, y: np.ndarray, required: int, threshold: float) -> tuple[float, float, float]:
    """P, R, F1 of the candidates kept at ``threshold`` (recall over required gold events, scaled by
    the share of true candidates kept: an approximation of the scorer's one-to-one matching)."""
    kept = scores >= threshold
    tp_all = float(y.sum())
    tp = float((y & kept).sum())
    precision = tp / kept.sum() if kept.sum() else 0.0
    recall_before = min(1.0, tp_all / required) if required else 0.0
    recall = recall_before * (tp / tp_all) if tp_all else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def gold_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.gold.json")) if folder.is_dir() else []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--enable", action="store_true", help="enable the filter if it beats the rules on test")
    args = parser.parse_args(argv)
    dev = read_part("dev", [(DATA / "sample", [DATA / "sample.gold.json"]),
                            (DATA / "corpus" / "dev", gold_files(DATA / "corpus" / "dev"))])
    test = read_part("test", [(DATA / "corpus" / "test", gold_files(DATA / "corpus" / "test"))])
    if not dev.labels:
        print("train_event_filter: no dev candidates", file=sys.stderr)
        return 1
    names = sorted({n for f in dev.features for n in f})
    y = np.array(dev.labels, dtype=bool)
    w, b = fit(matrix(dev.features, names), y.astype(float))
    dev_scores = 1.0 / (1.0 + np.exp(-(matrix(dev.features, names) @ w + b)))
    thresholds = sorted({0.0} | {round(float(s), 4) for s in dev_scores})
    best = max(thresholds, key=lambda t: (f1_at(dev_scores, y, dev.gold_required, t)[2], -t))
    figures: dict[str, object] = {}
    for part in (dev, test):
        if not part.labels:
            continue
        yy = np.array(part.labels, dtype=bool)
        scores = 1.0 / (1.0 + np.exp(-(matrix(part.features, names) @ w + b)))
        rules = f1_at(scores, yy, part.gold_required, 0.0)
        filtered = f1_at(scores, yy, part.gold_required, best)
        figures[part.name] = {"candidates": len(yy), "true": int(yy.sum()),
                              "rules": [round(v, 3) for v in rules], "filtered": [round(v, 3) for v in filtered]}
        print(f"{part.name}: {len(yy)} candidates, {int(yy.sum())} true; P/R/F1 rules {rules[0]:.3f}/"
              f"{rules[1]:.3f}/{rules[2]:.3f}, filtered {filtered[0]:.3f}/{filtered[1]:.3f}/{filtered[2]:.3f}")
    beats = bool(test.labels) and figures["test"]["filtered"][2] > figures["test"]["rules"][2]  # type: ignore[index]
    enabled = bool(args.enable and beats)
    OUT.write_text(json.dumps({
        "about": "Logistic filter over candidate events, trained on the dev corpus by "
                 "scripts/train_event_filter.py; enabled only when it beat the rules on the frozen test part.",
        "enabled": enabled, "threshold": round(best, 4), "bias": round(b, 6),
        "weights": {n: round(float(v), 6) for n, v in zip(names, w, strict=True) if abs(v) > 1e-9},
        "measured": figures}, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {OUT} (threshold {best:.3f}, enabled {enabled}; beats the rules on test: {beats})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
