"""Train the type proposer on the development corpus, and check it on the frozen test part.

    python scripts/train_type_proposer.py            # train on dev, report dev cross-validation, write disabled
    python scripts/train_type_proposer.py --test     # ... and score the frozen test part (once, at the end)
    python scripts/train_type_proposer.py --enable   # ... and enable the proposer if it beats the rules on test
    python scripts/train_type_proposer.py --folds 6 --l2 3   # six groups of batches, one strength: ~10 min

Every sentence of the corpus that names two sides (``extract.sentence_candidates``) is one
example, labelled with the PLOVER types of the gold events its sentence states (``NONE`` when it
states none; a gold event with several acceptable types shares its weight among them). A softmax
model over those classes reads the sentence's general features (``extract.proposer``). At run time
it only speaks for sentences the rules found no event in: their top type becomes an event between
the sentence's two sides when its probability reaches the threshold.

The regularisation and threshold are chosen by cross-validation on dev (each gold file in turn
held out, or with ``--folds K`` each of K round-robin groups of them: one model per gold file
takes hours on the 458-article dev part), maximising the event F1 of the rules' events plus the proposals as
the evaluation scores it. The test part is only scored, never fitted or tuned on. Writes
``src/newsgraph/ontology/data/type_proposer.json``; ``enabled`` is true only with ``--enable``
and when the proposer raised the test part's F1.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from learning import (
    MODELS,
    Json,
    Model,
    Sparse,
    dev_pairs,
    event_json,
    figures,
    matrix,
    part_documents,
    prf,
    rounded,
    test_pairs,
)
from learning import train as train_logistic

from newsgraph.evaluate import GoldIndex, _actors_agree, _types, scorer_key
from newsgraph.extract import SentenceCandidate, sentence_candidates
from newsgraph.extract.proposer import NONE
from newsgraph.ontology import event_types

OUT = MODELS / "type_proposer.json"
THRESHOLDS = [round(0.05 * k, 2) for k in range(1, 19)]
STRENGTHS = (1.0, 3.0, 10.0)
MIN_COUNT = 2  # a feature seen once cannot generalise
PAIR_L2 = 1.0


@dataclass
class Part:
    """One gold file's articles: the rules' events and every two-sided sentence with its label."""

    gold: Json
    events: list[Json] = field(default_factory=list)
    sentences: list[SentenceCandidate] = field(default_factory=list)
    docs: list[str] = field(default_factory=list)
    labels: list[dict[str, float]] = field(default_factory=list)
    pair_labels: list[list[bool]] = field(default_factory=list)  # per sentence, per pair option


def pair_matches(index: GoldIndex, stated: list[Json], source: Json, target: Json) -> bool:
    """Whether an ordered pair is the sides of one of the sentence's gold events, as the scorer
    compares them (country or organisation; either order for a symmetric type)."""
    symmetric = frozenset(n for n, t in event_types().items() if t.symmetric)
    return any(_actors_agree(index, g, {"source": source, "target": target}, symmetric, strict=False)
               for g in stated)


def type_label(stated: list[Json]) -> dict[str, float]:
    """The sentence's gold types, each event's weight shared among its acceptable types."""
    label: dict[str, float] = {}
    for g in stated:
        types = sorted(_types(g))
        for t in types:
            label[t] = label.get(t, 0.0) + 1.0 / len(types)
    total = sum(label.values())
    return {t: v / total for t, v in label.items()} if label else {NONE: 1.0}


def read(pairs: list[tuple[Path, Path]]) -> list[Part]:
    gold, files = part_documents(pairs)
    index = GoldIndex(gold["entities"])
    parts = []
    for docs in files:
        part = Part(gold)
        for d, document, parsed in docs:
            events, cands = sentence_candidates(document, parsed)
            part.events += [event_json(ev, d["doc"]) for ev in events]
            for c in cands:
                stated = [g for g in d["events"] if scorer_key(g["evidence"]) in scorer_key(c.text)]
                part.labels.append(type_label(stated))
                part.sentences.append(c)
                part.docs.append(d["doc"])
                part.pair_labels.append([pair_matches(index, stated, a.ref(), b.ref()) for a, b, _ in c.pairs])
        parts.append(part)
    return parts


@dataclass
class Softmax:
    classes: list[str]
    names: list[str]
    weights: np.ndarray  # features x classes
    bias: np.ndarray

    def probabilities(self, feats: list[dict[str, float]]) -> np.ndarray:
        z = matrix(feats, self.names, np.float32) @ self.weights + self.bias
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)

    def to_json(self) -> tuple[dict[str, dict[str, float]], dict[str, float]]:
        weights = {c: {n: round(float(self.weights[i, k]), 3) for i, n in enumerate(self.names)
                       if abs(self.weights[i, k]) >= 0.05} for k, c in enumerate(self.classes)}
        return weights, {c: round(float(self.bias[k]), 5) for k, c in enumerate(self.classes)}


def train(feats: list[dict[str, float]], labels: list[dict[str, float]], l2: float, steps: int = 600,
          rate: float = 1.0) -> Softmax:
    """L2-regularised softmax regression by full-batch gradient descent from zeros (deterministic)."""
    counts: dict[str, int] = {}
    for f in feats:
        for n in f:
            counts[n] = counts.get(n, 0) + 1
    names = sorted(n for n, k in counts.items() if k >= MIN_COUNT)
    classes = sorted({c for lab in labels for c in lab} | {NONE})
    x = Sparse(matrix(feats, names, np.float32))
    y = np.zeros((len(labels), len(classes)), dtype=np.float32)
    for row, lab in enumerate(labels):
        for c, v in lab.items():
            y[row, classes.index(c)] = v
    w = np.zeros((len(names), len(classes)), dtype=np.float32)
    b = np.zeros(len(classes), dtype=np.float32)
    n = max(1, len(labels))
    for _ in range(steps):
        z = x.dot(w) + b
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        grad = p - y
        w -= rate * (x.tdot(grad) / n + l2 * w / n)
        b -= rate * grad.mean(axis=0)
    return Softmax(classes, names, w, b)


def proposals(part: Part, probs: np.ndarray, classes: list[str], pairs: Model | None,
              threshold: float | None) -> list[Json]:
    """The rules' events plus a proposal for each untold sentence whose top type, times its best
    pair's score, reaches ``threshold``."""
    out = list(part.events)
    if threshold is None or pairs is None:
        return out
    types = [k for k, c in enumerate(classes) if c != NONE]
    for i, c in enumerate(part.sentences):
        if c.told:
            continue
        k = max(types, key=lambda k: probs[i, k])
        scores = pairs.scores([f for _, _, f in c.pairs])
        best = int(np.argmax(scores))
        source, target = c.pairs[best][0], c.pairs[best][1]
        if probs[i, k] * scores[best] >= threshold:
            out.append({"type": classes[k], "source": source.ref(), "target": target.ref(),
                        "modality": "asserted", "evidence": [{"source": part.docs[i], "sentence": c.text}]})
    return out


def part_figures(parts: list[Part], probs: list[np.ndarray], classes: list[list[str]],
                 pairs: list[Model | None], threshold: float | None) -> tuple[float, float, float]:
    return figures(parts[0].gold, [e for p, pr, cl, pm in zip(parts, probs, classes, pairs, strict=True)
                                   for e in proposals(p, pr, cl, pm, threshold)])


def train_pairs(parts: list[Part]) -> Model:
    """The logistic pair model: which ordered pair of a sentence's sides an event links."""
    return train_logistic([f for p in parts for c in p.sentences for _, _, f in c.pairs],
                          [lab for p in parts for labs in p.pair_labels for lab in labs], PAIR_L2)


def grouped(parts: list[Part], folds: int) -> list[Part]:
    """The batches dealt round-robin into ``folds`` parts (0: one per batch), so that cross-validation
    over a large corpus trains a handful of models rather than one per gold file."""
    if folds <= 0 or folds >= len(parts):
        return parts
    out = []
    for k in range(folds):
        merged = Part(parts[0].gold)
        for p in parts[k::folds]:
            merged.events += p.events
            merged.sentences += p.sentences
            merged.docs += p.docs
            merged.labels += p.labels
            merged.pair_labels += p.pair_labels
        out.append(merged)
    return out


def cross_validate(parts: list[Part], strengths: tuple[float, ...] = STRENGTHS
                   ) -> tuple[float, float, tuple[float, float, float]]:
    """Leave one part out: the (strength, threshold) whose proposals score best, and that score."""
    best: tuple[float, float, tuple[float, float, float]] | None = None  # l2, threshold, P/R/F1
    pair_models: list[Model | None] = [train_pairs(parts[:k] + parts[k + 1:]) for k in range(len(parts))]
    for l2 in strengths:
        probs, classes = [], []
        for k, out in enumerate(parts):
            rest = parts[:k] + parts[k + 1:]
            model = train([c.features for p in rest for c in p.sentences], [lab for p in rest for lab in p.labels], l2)
            probs.append(model.probabilities([c.features for c in out.sentences]) if out.sentences
                         else np.zeros((0, len(model.classes))))
            classes.append(model.classes)
        for t in THRESHOLDS:
            f = part_figures(parts, probs, classes, pair_models, t)
            print(f"  l2 {l2:>4} threshold {t:.2f}: {prf(f)}", file=sys.stderr)
            if best is None or (f[2], t) > (best[2][2], best[1]):
                best = (l2, t, f)
    assert best is not None
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--test", action="store_true", help="score the frozen test part too")
    parser.add_argument("--enable", action="store_true", help="enable the proposer if it beats the rules on test")
    parser.add_argument("--folds", type=int, default=0,
                        help="cross-validate over this many groups of batches (default: leave one batch out)")
    parser.add_argument("--l2", type=float, action="append", help="regularisation strength(s) to try")
    args = parser.parse_args(argv)
    dev = read(dev_pairs())
    rules = part_figures(dev, [np.zeros((0, 0))] * len(dev), [[]] * len(dev), [None] * len(dev), None)
    folds = grouped(dev, args.folds)
    l2, threshold, held_out = cross_validate(folds, tuple(args.l2 or STRENGTHS))
    model = train([c.features for p in dev for c in p.sentences], [lab for p in dev for lab in p.labels], l2)
    pair_model = train_pairs(dev)
    untold = sum(not c.told for p in dev for c in p.sentences)
    print(f"dev: {sum(len(p.sentences) for p in dev)} two-sided sentences, {untold} without a rule event; "
          f"{len(model.names)} features; l2 {l2}, threshold {threshold}")
    print(f"dev held-out ({len(folds)} folds): P/R/F1 rules {prf(rules)}, "
          f"with proposer {prf(held_out)}")
    measured: Json = {"dev_held_out": {"rules": rounded(rules), "proposed": rounded(held_out)}, "l2": l2,
                      "folds": len(folds), "articles": sum(len(set(p.docs)) for p in dev),
                      "sentences": sum(len(p.sentences) for p in dev), "features": len(model.names)}
    beats = False
    if args.test or args.enable:  # while features are designed, the test part stays unread
        test = read(test_pairs())
        probs = [model.probabilities([c.features for c in p.sentences]) if p.sentences
                 else np.zeros((0, len(model.classes))) for p in test]
        classes = [model.classes] * len(test)
        pms: list[Model | None] = [pair_model] * len(test)
        test_rules, test_proposed = (part_figures(test, probs, classes, pms, None),
                                     part_figures(test, probs, classes, pms, threshold))
        print(f"test: P/R/F1 rules {prf(test_rules)}, with proposer {prf(test_proposed)}")
        measured["test"] = {"rules": rounded(test_rules), "proposed": rounded(test_proposed)}
        beats = test_proposed[2] > test_rules[2]
    weights, bias = model.to_json()
    OUT.write_text(json.dumps({
        "about": "Softmax over PLOVER types (and NONE) for two-sided sentences no rule found an event in, "
                 "trained on the dev corpus by scripts/train_type_proposer.py; enabled only when it beat "
                 "the rules on the frozen test part.",
        "enabled": bool(args.enable and beats), "threshold": threshold, "bias": bias, "weights": weights,
        "pair_weights": pair_model.weights_json(), "pair_bias": round(pair_model.bias, 6),
        "measured": measured}, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {OUT} (threshold {threshold}, enabled {bool(args.enable and beats)}; "
          f"beats the rules on test: {beats})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
