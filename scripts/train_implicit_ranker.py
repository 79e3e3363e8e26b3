"""Train the implicit-participant ranker on the development corpus, and check it on the frozen test part.

    python scripts/train_implicit_ranker.py            # train on dev, report dev cross-validation, write disabled
    python scripts/train_implicit_ranker.py --test     # ... and score the frozen test part (once, at the end)
    python scripts/train_implicit_ranker.py --enable   # ... and enable the ranker if it beats the rules on test
    python scripts/train_implicit_ranker.py --folds 6 --test  # six groups of batches instead of one per batch

An act the rules find with one named side and the other unsaid ("Sall congratulated the winner")
is dropped by the rules. The ranker proposes, for each such act, the actors named around it
(``extract.event_candidates(..., all_implicit=True)``: one candidate event per option, features
``unsaid...``), labelled by the scoring rule of ``evaluate.matches_gold``. A logistic model scores
each option; the best option of an act becomes its side when its score reaches the threshold.

The threshold and the regularisation are chosen by leave-one-batch-out cross-validation on dev
(each gold file in turn held out, or with ``--folds K`` each of K round-robin groups of them),
maximising the event F1 of the rules' own events plus the ranker's additions, as the evaluation
scores it (``evaluate.score``). The test part is only scored, never fitted or tuned on. Writes
``src/newsgraph/ontology/data/implicit_ranker.json``; ``enabled`` is true only with ``--enable``
and when the ranker raised the test part's F1.
"""

from __future__ import annotations

import argparse
import sys

import numpy as np
from learning import (
    MODELS,
    Batch,
    Json,
    cross_validate,
    dev_pairs,
    figures,
    grouped,
    prf,
    read_part,
    rounded,
    test_pairs,
    train,
    write_model,
)

OUT = MODELS / "implicit_ranker.json"
THRESHOLDS = [round(0.05 * k, 2) for k in range(2, 19)]


def options(b: Batch) -> list[int]:
    return [i for i, f in enumerate(b.features) if "unsaid=source" in f or "unsaid=target" in f]


def group(b: Batch, i: int) -> tuple[str, int, str, str]:
    side = "source" if "unsaid=source" in b.features[i] else "target"
    return b.docs[i], b.positions[i], str(b.events[i]["type"]), side


def only_option_features(batches: list[Batch]) -> None:
    """The ranker reads what it reads at run time: the option's features, not the sentence's
    (those are computed after the ranker has chosen)."""
    for b in batches:
        b.features = [{k: v for k, v in f.items() if not k.startswith("sentence.")} for f in b.features]


def select(b: Batch, scores: np.ndarray, threshold: float | None) -> list[Json]:
    """The rules' own events plus, for each act, its best option if it reaches ``threshold``."""
    opts = set(options(b))
    best: dict[tuple[str, int, str, str], int] = {}
    for i in sorted(opts):
        g = group(b, i)
        if g not in best or scores[i] > scores[best[g]]:
            best[g] = i
    kept = [i for i in best.values() if threshold is not None and scores[i] >= threshold]
    return [e for i, e in enumerate(b.events) if i not in opts] + [b.events[i] for i in sorted(kept)]


def part_figures(batches: list[Batch], model_scores: list[np.ndarray], threshold: float | None
                 ) -> tuple[float, float, float]:
    return figures(batches[0].gold, [e for b, s in zip(batches, model_scores, strict=True)
                                     for e in select(b, s, threshold)])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--test", action="store_true", help="score the frozen test part too")
    parser.add_argument("--enable", action="store_true", help="enable the ranker if it beats the rules on test")
    parser.add_argument("--folds", type=int, default=0,
                        help="cross-validate over K round-robin groups of batches (default: one per batch)")
    args = parser.parse_args(argv)
    dev = read_part(dev_pairs(), all_implicit=True)
    only_option_features(dev)
    none = [np.zeros(len(b.events)) for b in dev]
    rules = part_figures(dev, none, None)
    folds = grouped(dev, args.folds)
    l2, threshold, held_out = cross_validate(folds, options, select, THRESHOLDS)
    model = train([b.features[i] for b in dev for i in options(b)], [b.labels[i] for b in dev for i in options(b)], l2)
    acts = {(id(b),) + group(b, i) for b in dev for i in options(b)}
    print(f"dev: {sum(len(options(b)) for b in dev)} options of {len(acts)} acts; l2 {l2}, threshold {threshold}")
    print(f"dev held-out ({len(folds)} folds): P/R/F1 rules {prf(rules)}, with ranker {prf(held_out)}")
    measured: Json = {"dev_held_out": {"rules": rounded(rules), "ranked": rounded(held_out)},
                      "options": sum(len(options(b)) for b in dev), "l2": l2, "folds": len(folds)}
    beats = False
    if args.test or args.enable:  # while features are designed, the test part stays unread
        test = read_part(test_pairs(), all_implicit=True)
        only_option_features(test)
        scores = [model.scores(b.features) for b in test]
        test_rules, test_ranked = part_figures(test, scores, None), part_figures(test, scores, threshold)
        print(f"test: P/R/F1 rules {prf(test_rules)}, with ranker {prf(test_ranked)}")
        measured["test"] = {"rules": rounded(test_rules), "ranked": rounded(test_ranked)}
        beats = test_ranked[2] > test_rules[2]
    write_model(OUT, "Logistic ranker over the options for a side an act leaves unsaid, trained on the dev corpus "
                "by scripts/train_implicit_ranker.py; enabled only when it beat the rules on the frozen test part.",
                model, threshold, bool(args.enable and beats), beats, measured)
    return 0


if __name__ == "__main__":
    sys.exit(main())
