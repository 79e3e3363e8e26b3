"""Train the implicit-participant ranker on the development corpus, and check it on the frozen test part.

    python scripts/train_implicit_ranker.py            # train on dev, report dev cross-validation, write disabled
    python scripts/train_implicit_ranker.py --test     # ... and score the frozen test part (once, at the end)
    python scripts/train_implicit_ranker.py --enable   # ... and enable the ranker if it beats the rules on test

An act the rules find with one named side and the other unsaid ("Sall congratulated the winner")
is dropped by the rules. The ranker proposes, for each such act, the actors named around it
(``extract.event_candidates(..., all_implicit=True)``: one candidate event per option, features
``unsaid...``), labelled by the scoring rule of ``evaluate.matches_gold``. A logistic model scores
each option; the best option of an act becomes its side when its score reaches the threshold.

The threshold and the regularisation are chosen by leave-one-batch-out cross-validation on dev
(each gold file in turn held out), maximising the event F1 of the rules' own events plus the
ranker's additions, as the evaluation scores it (``evaluate.score``: one-to-one matching, recall
over required events; per article, without the cross-article merge of an ingest). The test part
is only scored, never fitted or tuned on. Writes
``src/newsgraph/ontology/data/implicit_ranker.json``; ``enabled`` is true only with ``--enable``
and when the ranker raised the test part's F1.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from newsgraph import nlp
from newsgraph.evaluate import load_gold_files, matches_gold, score
from newsgraph.extract import event_candidates
from newsgraph.ingest import read_path
from newsgraph.model import Event

sys.path.insert(0, str(Path(__file__).resolve().parent))
from train_event_filter import fit, gold_files, matrix  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "newsgraph" / "data"
OUT = ROOT / "src" / "newsgraph" / "ontology" / "data" / "implicit_ranker.json"


@dataclass
class Batch:
    """One gold file's documents: the rules' own events and the ranked options of unsaid sides."""
    gold: dict[str, Any]
    rules: list[dict[str, Any]] = field(default_factory=list)  # events the rules emit on their own
    options: list[dict[str, Any]] = field(default_factory=list)  # one event per option
    features: list[dict[str, float]] = field(default_factory=list)
    labels: list[bool] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)  # one id per act: its options compete


def _event_json(ev: Event, doc: str) -> dict[str, Any]:
    """An event as the export writes what the scorer reads."""
    return {"type": ev.type, "source": ev.source.ref() if ev.source else None,
            "target": ev.target.ref() if ev.target else None, "modality": ev.modality,
            "evidence": [{"source": doc, "sentence": e.sentence} for e in ev.evidence]}


def read_part(pairs: list[tuple[Path, Path]], lang) -> list[Batch]:  # type: ignore[no-untyped-def]
    """One batch per (articles folder, gold file), each holding the part's gold merged as the
    evaluation merges it (one entity per actor across files)."""
    gold = load_gold_files([g for _, g in pairs])
    return [read_batch(folder, gold_file, gold, lang) for folder, gold_file in pairs]


def read_batch(folder: Path, gold_file: Path, gold: dict[str, Any], lang) -> Batch:  # type: ignore[no-untyped-def]
    batch = Batch(gold)
    mine = {d["doc"] for d in load_gold_files([gold_file])["documents"]}
    for d in gold["documents"]:
        if d["doc"] not in mine:
            continue
        path = folder / d["doc"]
        if not path.is_file():
            continue
        for document in read_path(path):
            found = event_candidates(document, lang(document.text), all_implicit=True)
            events = [_event_json(ev, d["doc"]) for ev, _ in found]
            labels = matches_gold(batch.gold, d["doc"], events)
            for (ev, features), event, label in zip(found, events, labels, strict=True):
                side = next((k for k in features if k.startswith("unsaid=")), None)
                if side is None:
                    batch.rules.append(event)
                    continue
                batch.options.append(event)
                batch.features.append(features)
                batch.labels.append(label)
                batch.groups.append(f"{d['doc']}:{ev.position}:{ev.type}:{side}")
    return batch


def chosen(scores: np.ndarray, groups: list[str]) -> list[int]:
    """The best-scored option of each act."""
    best: dict[str, int] = {}
    for i, g in enumerate(groups):
        if g not in best or scores[i] > scores[best[g]]:
            best[g] = i
    return sorted(best.values())


def figures(batches: list[Batch], scores: list[np.ndarray], threshold: float | None) -> tuple[float, float, float]:
    """Event P, R, F1 by the evaluation's scorer (one-to-one matching, required events) of the
    rules' events plus each act's best option that reaches ``threshold`` (None: the rules alone)."""
    events: list[dict[str, Any]] = []
    for b, s in zip(batches, scores, strict=True):
        events += b.rules
        if threshold is not None:
            events += [b.options[i] for i in chosen(s, b.groups) if s[i] >= threshold]
    report = score(batches[0].gold, events)  # every batch of a part holds the part's whole gold
    return report.precision or 0.0, report.recall or 0.0, report.f1


def scores_of(w: np.ndarray, b: float, batch: Batch, names: list[str]) -> np.ndarray:
    if not batch.features:
        return np.zeros(0)
    return 1.0 / (1.0 + np.exp(-(matrix(batch.features, names) @ w + b)))


def train(batches: list[Batch], l2: float) -> tuple[np.ndarray, float, list[str]]:
    feats = [f for b in batches for f in b.features]
    names = sorted({n for f in feats for n in f})
    y = np.array([v for b in batches for v in b.labels], dtype=float)
    w, bias = fit(matrix(feats, names), y, l2=l2)
    return w, bias, names


THRESHOLDS = [round(0.05 * k, 2) for k in range(2, 19)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--test", action="store_true", help="score the frozen test part too")
    parser.add_argument("--enable", action="store_true", help="enable the ranker if it beats the rules on test")
    args = parser.parse_args(argv)
    lang = nlp.load()
    dev = read_part([(DATA / "sample", DATA / "sample.gold.json")]
                    + [(DATA / "corpus" / "dev", g) for g in gold_files(DATA / "corpus" / "dev")], lang)
    scored = args.test or args.enable  # while features are designed, the test part stays unread
    test_golds = gold_files(DATA / "corpus" / "test") if scored else []
    test = read_part([(DATA / "corpus" / "test", g) for g in test_golds], lang) if test_golds else []
    # leave one dev batch out: held-out scores for every dev option, per regularisation strength
    cv: dict[float, list[np.ndarray]] = defaultdict(list)
    for l2 in (1.0, 10.0, 30.0):
        for k, held in enumerate(dev):
            w, b, names = train(dev[:k] + dev[k + 1:], l2)
            cv[l2].append(scores_of(w, b, held, names))
    rules = figures(dev, cv[1.0], None)
    l2, threshold = max(((l2, t) for l2 in cv for t in THRESHOLDS),
                        key=lambda lt: (figures(dev, cv[lt[0]], lt[1])[2], lt[1]))
    held_out = figures(dev, cv[l2], threshold)
    top = [x.labels[i] for x, sc in zip(dev, cv[l2], strict=True) for i in chosen(sc, x.groups)
           if any(lab for g, lab in zip(x.groups, x.labels, strict=True) if g == x.groups[i])]
    print(f"dev held-out: best option true in {sum(top)} of {len(top)} acts that have a true option")
    w, b, names = train(dev, l2)
    test_scores = [scores_of(w, b, t, names) for t in test]
    test_rules, test_ranked = ((figures(test, test_scores, None), figures(test, test_scores, threshold))
                               if test else ((0.0, 0.0, 0.0), (0.0, 0.0, 0.0)))
    options = sum(len(x.labels) for x in dev)
    solvable = len({g for x in dev for g, lab in zip(x.groups, x.labels, strict=True) if lab})
    print(f"dev: acts with a true option: {solvable}")
    print(f"dev: {options} options of {len({g for x in dev for g in x.groups})} acts, "
          f"{sum(sum(x.labels) for x in dev)} true; l2 {l2}, threshold {threshold}")
    print(f"dev held-out (leave one batch out): P/R/F1 rules {rules[0]:.3f}/{rules[1]:.3f}/{rules[2]:.3f}, "
          f"with ranker {held_out[0]:.3f}/{held_out[1]:.3f}/{held_out[2]:.3f}")
    if scored:
        print(f"test: P/R/F1 rules {test_rules[0]:.3f}/{test_rules[1]:.3f}/{test_rules[2]:.3f}, "
              f"with ranker {test_ranked[0]:.3f}/{test_ranked[1]:.3f}/{test_ranked[2]:.3f}")
    beats = bool(test) and test_ranked[2] > test_rules[2]
    enabled = bool(args.enable and beats)
    measured = {"dev_held_out": {"rules": [round(v, 3) for v in rules], "ranked": [round(v, 3) for v in held_out]},
                **({"test": {"rules": [round(v, 3) for v in test_rules], "ranked": [round(v, 3) for v in test_ranked]}}
                   if scored else {}),
                "options": options, "l2": l2}
    OUT.write_text(json.dumps({
        "about": "Logistic ranker over the options for a side an act leaves unsaid, trained on the dev corpus "
                 "by scripts/train_implicit_ranker.py; enabled only when it beat the rules on the frozen test part.",
        "enabled": enabled, "threshold": threshold, "bias": round(b, 6),
        "weights": {n: round(float(v), 6) for n, v in zip(names, w, strict=True) if abs(v) > 1e-9},
        "measured": measured}, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {OUT} (threshold {threshold}, enabled {enabled}; beats the rules on test: {beats})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
