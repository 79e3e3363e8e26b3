"""Train the learned event filter on the development corpus, and check it on the frozen test part.

    python scripts/train_event_filter.py            # train on dev, report dev cross-validation, write disabled
    python scripts/train_event_filter.py --test     # ... and score the frozen test part (once, at the end)
    python scripts/train_event_filter.py --enable   # ... and enable the filter if it beats the rules on test
    python scripts/train_event_filter.py --folds 6 --l2 10   # six groups of batches, one strength: minutes

Candidates are the events the rules propose (``extract.event_candidates``, with the implicit-participant
ranker as shipped), labelled by the scoring rule of ``evaluate.matches_gold``. The model is an
L2-regularised logistic regression (``learning.fit``: deterministic). The threshold and the
regularisation are chosen by leave-one-batch-out cross-validation on dev (or, with ``--folds K``,
leave-one-group-out over K round-robin groups of batches), maximising the event F1
of the kept candidates as the evaluation scores it (``evaluate.score``). The test part is only
scored, never fitted or tuned on. Writes ``src/newsgraph/ontology/data/event_filter.json``;
``enabled`` is true only with ``--enable`` and when the filter raised the test part's F1.
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

OUT = MODELS / "event_filter.json"
THRESHOLDS = [0.0] + [round(0.05 * k, 2) for k in range(1, 15)]


def everything(b: Batch) -> list[int]:
    return list(range(len(b.events)))


def select(b: Batch, scores: np.ndarray, threshold: float) -> list[Json]:
    return [e for e, s in zip(b.events, scores, strict=True) if s >= threshold]


def part_figures(batches: list[Batch], model_scores: list[np.ndarray], threshold: float) -> tuple[float, float, float]:
    return figures(batches[0].gold, [e for b, s in zip(batches, model_scores, strict=True)
                                     for e in select(b, s, threshold)])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--test", action="store_true", help="score the frozen test part too")
    parser.add_argument("--enable", action="store_true", help="enable the filter if it beats the rules on test")
    parser.add_argument("--folds", type=int, default=0,
                        help="cross-validate over K round-robin groups of batches (default: one per batch)")
    parser.add_argument("--l2", type=float, action="append", help="regularisation strength to try (repeatable)")
    parser.add_argument("--threshold", type=float,
                        help="keep-threshold to ship instead of the cross-validated one (e.g. the next lower step "
                             "when the chosen one breaks a floor the seeds must hold); both are reported")
    args = parser.parse_args(argv)
    dev = read_part(dev_pairs())
    if not any(b.events for b in dev):
        print("train_event_filter: no dev candidates", file=sys.stderr)
        return 1
    rules = part_figures(dev, [np.ones(len(b.events)) for b in dev], 0.0)
    folds = grouped(dev, args.folds)
    l2, threshold, held_out = cross_validate(folds, everything, select, THRESHOLDS,
                                             *([tuple(args.l2)] if args.l2 else []))
    chosen = threshold
    if args.threshold is not None:  # the held-out figure at the shipped threshold, same strength
        _, threshold, held_out = cross_validate(folds, everything, select, [args.threshold], (l2,))
    model = train([f for b in dev for f in b.features], [lab for b in dev for lab in b.labels], l2)
    print(f"dev: {sum(len(b.events) for b in dev)} candidates, {sum(sum(b.labels) for b in dev)} true; "
          f"l2 {l2}, threshold {threshold} (cross-validation chose {chosen})")
    print(f"dev held-out ({len(folds)} folds): P/R/F1 rules {prf(rules)}, filtered {prf(held_out)}")
    measured: Json = {"dev_held_out": {"rules": rounded(rules), "filtered": rounded(held_out)},
                      "candidates": sum(len(b.events) for b in dev), "l2": l2, "folds": len(folds),
                      "threshold_chosen_by_cross_validation": chosen}
    beats = False
    if args.test or args.enable:  # while features are designed, the test part stays unread
        test = read_part(test_pairs())
        scores = [model.scores(b.features) for b in test]
        test_rules, test_kept = part_figures(test, scores, 0.0), part_figures(test, scores, threshold)
        print(f"test: P/R/F1 rules {prf(test_rules)}, filtered {prf(test_kept)}")
        measured["test"] = {"rules": rounded(test_rules), "filtered": rounded(test_kept)}
        beats = test_kept[2] > test_rules[2]
    write_model(OUT, "Logistic filter over candidate events, trained on the dev corpus by "
                "scripts/train_event_filter.py; enabled only when it beat the rules on the frozen test part.",
                model, threshold, bool(args.enable and beats), beats, measured)
    return 0


if __name__ == "__main__":
    sys.exit(main())
