"""Throughput benchmark: bare ``nlp.pipe`` against the full ingest path, side by side, in one run.

Run it from the repository root with the project's venv::

    make bench                                   # = .venv/bin/python bench/throughput.py
    .venv/bin/python bench/throughput.py --quick  # 200 articles, for a fast look
    .venv/bin/python bench/throughput.py --articles 5000 --processes 2 --batch-size 64 --json

It builds an in-memory corpus of ``--articles`` distinct :class:`~newsgraph.model.Document` objects by
recombining the paragraphs of the bundled sample articles (fixed ``--seed``; dates shifted), then
times, alternately and on fresh SQLite stores:

* **bare**: ``newsgraph.nlp.load().pipe(texts, batch_size, n_process)`` over every text, docs discarded;
* **full**: ``newsgraph.pipeline.process(documents, store, report, ...)`` into a new SQLite file in a
  temporary directory (store open and close included in the time).

Each is run ``--rounds`` times (default 2: bare, full, bare, full) and the best round of each is
reported, to damp the noise of a small shared machine. Before the rounds, a few documents go once
through both paths, untimed, so lazy loading is not charged to the first round. The output is an
aligned table on stdout, or a JSON object with ``--json``; progress goes to stderr.
This is a benchmark, not a test: it never fails on a slow figure, it only prints it.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import timedelta
from importlib.metadata import version as dist_version
from pathlib import Path
from typing import Any

import newsgraph
from newsgraph import nlp
from newsgraph.ingest import read_path
from newsgraph.model import Document
from newsgraph.pipeline import CHUNK, IngestReport, process
from newsgraph.store import Store

SAMPLE_DIR = Path(newsgraph.__file__).parent / "data" / "sample"
DEFAULT_ARTICLES = 2000
QUICK_ARTICLES = 200
TARGET_RATIO = 0.75
WARMUP_DOCS = 8


# --- corpus ------------------------------------------------------------------------------------------


def load_samples(folder: Path = SAMPLE_DIR) -> list[Document]:
    """The sample articles, read by the same reader ``newsgraph ingest`` uses."""
    docs: list[Document] = []
    for path in sorted(folder.glob("*.txt")):
        for item in read_path(path):
            if not isinstance(item, Document):
                raise SystemExit(f"cannot read sample article: {item}")
            docs.append(item)
    if not docs:
        raise SystemExit(f"{folder}: no sample articles found")
    return docs


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def build_corpus(n: int, seed: int, samples: list[Document]) -> list[Document]:
    """``n`` articles with distinct text (hence distinct content-hash ids), recombined from ``samples``.

    Each keeps the lead paragraph, title and outlet of a randomly chosen sample article; its body is
    a shuffled pick of that article's other paragraphs plus two paragraphs from anywhere in the
    corpus, as many as the base article has, so lengths stay close to the samples'. The publication
    date is the base's, shifted by up to ±400 days.
    """
    rng = random.Random(seed)
    pool = [p for doc in samples for p in paragraphs(doc.text)[1:]]
    corpus: list[Document] = []
    seen: set[str] = set()
    attempts = 0
    while len(corpus) < n:
        attempts += 1
        if attempts > 50 * n:
            raise SystemExit(f"could only build {len(corpus)} distinct articles out of {n}")
        base = samples[rng.randrange(len(samples))]
        lead, *rest = paragraphs(base.text)
        candidates = rest + rng.sample(pool, 2)
        body = rng.sample(candidates, k=max(len(rest), 1))
        text = "\n\n".join([lead, *body])
        published = base.published + timedelta(days=rng.randint(-400, 400)) if base.published else None
        doc = Document.from_text(text, source=f"bench:{len(corpus):05d}:{Path(base.source).name}",
                                 title=base.title, published=published, outlet=base.outlet)
        if doc.id in seen:
            continue
        seen.add(doc.id)
        corpus.append(doc)
    return corpus


# --- runs --------------------------------------------------------------------------------------------


@dataclass
class Round:
    path: str  # "bare" or "full"
    seconds: float
    docs: int
    events: int = 0
    failed: int = 0


def run_bare(texts: list[str], batch_size: int, n_process: int) -> Round:
    model = nlp.load()
    started = time.perf_counter()
    count = 0
    for _ in model.pipe(texts, batch_size=batch_size, n_process=n_process):
        count += 1
    return Round("bare", time.perf_counter() - started, count)


def run_full(documents: list[Document], workdir: Path, tag: str, batch_size: int, n_process: int) -> Round:
    db = workdir / f"bench-{tag}.db"
    report = IngestReport()
    started = time.perf_counter()
    with Store.open(db) as store:
        process(documents, store, report, n_process=n_process, batch_size=batch_size)
    seconds = time.perf_counter() - started
    if report.skipped:
        raise SystemExit(f"full round {tag}: {report.skipped} documents skipped; the store was not fresh")
    return Round("full", seconds, report.ingested, events=report.events, failed=report.failed)


def peak_rss_mb(who: int) -> float:
    """Peak resident set size in MB (``ru_maxrss`` is KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(who).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def code_version() -> str:
    """The commit benchmarked, marked "+dirty" when the working tree has changes (read-only git calls)."""
    root = Path(__file__).resolve().parent.parent
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True,
                              text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no", "--", "src"], cwd=root,
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + ("+dirty" if dirty else "")


def best(rounds: list[Round], path: str) -> Round:
    return min((r for r in rounds if r.path == path), key=lambda r: r.seconds)


# --- output ------------------------------------------------------------------------------------------


def results(args: argparse.Namespace, corpus: list[Document], words: int, rounds: list[Round]) -> dict[str, Any]:
    model = nlp.load()
    meta = model.meta
    out: dict[str, Any] = {
        "model": f"{meta.get('lang')}_{meta.get('name')}",
        "model_version": meta.get("version"),
        "pipes": list(model.pipe_names),
        "code": args.code,
        "spacy": dist_version("spacy"),
        "python": platform.python_version(),
        "cpu_count": os.cpu_count(),
        "articles": len(corpus),
        "words": words,
        "seed": args.seed,
        "processes": args.processes,
        "batch_size": args.batch_size,
        "chunk": CHUNK,
        "rounds": args.rounds,
        "method": f"bare and full alternately, {args.rounds} round(s) each, fresh store per full round; best of each",
        "runs": [vars(r) for r in rounds],
    }
    for path in ("bare", "full"):
        b = best(rounds, path)
        out[path] = {"seconds": round(b.seconds, 3),
                     "articles_per_s": round(b.docs / b.seconds, 2),
                     "words_per_s": round(words / b.seconds, 1)}
    full = best(rounds, "full")
    out["full"].update(events=full.events, failed=full.failed)
    out["ratio_full_over_bare"] = round(out["full"]["articles_per_s"] / out["bare"]["articles_per_s"], 3)
    out["target_ratio"] = TARGET_RATIO
    out["peak_rss_mb"] = {"self": round(peak_rss_mb(resource.RUSAGE_SELF), 1)}
    if args.processes > 1:
        out["peak_rss_mb"]["children"] = round(peak_rss_mb(resource.RUSAGE_CHILDREN), 1)
    return out


def table(res: dict[str, Any]) -> str:
    lines = [
        "newsgraph throughput benchmark",
        f"  model       {res['model']} {res['model_version']}, spaCy {res['spacy']}",
        f"  pipes       {', '.join(res['pipes'])}",
        f"  code        {res['code']} (src/ changes make it +dirty)",
        f"  python      {res['python']}",
        f"  cpus        {res['cpu_count']}",
        f"  corpus      {res['articles']:,} articles, {res['words']:,} words (seed {res['seed']})",
        f"  settings    processes {res['processes']}, batch size {res['batch_size']}, "
        f"pipeline chunk {res['chunk']}",
        f"  method      {res['method']}",
        "",
        f"  {'path':<12}{'seconds':>10}{'articles/s':>13}{'words/s':>12}",
    ]
    for path, label in (("bare", "bare pipe"), ("full", "full ingest")):
        r = res[path]
        lines.append(f"  {label:<12}{r['seconds']:>10.2f}{r['articles_per_s']:>13.1f}{r['words_per_s']:>12,.0f}")
    verdict = "meets" if res["ratio_full_over_bare"] >= res["target_ratio"] else "BELOW"
    lines += [
        "",
        f"  ratio full/bare  {res['ratio_full_over_bare']:.3f} ({verdict} target {res['target_ratio']:.2f})",
        f"  full ingest      {res['full']['events']:,} events, {res['full']['failed']} failed documents",
        "  rounds           " + ", ".join(f"{r['path']} {r['seconds']:.2f}s" for r in res["runs"]),
    ]
    rss = res["peak_rss_mb"]
    peak = f"  peak RSS         {rss['self']:,.1f} MB (this process)"
    if "children" in rss:
        peak += f", {rss['children']:,.1f} MB (largest worker)"
    lines.append(peak)
    return "\n".join(lines)


# --- main --------------------------------------------------------------------------------------------


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--articles", type=int, default=None,
                        help=f"corpus size (default {DEFAULT_ARTICLES}; {QUICK_ARTICLES} with --quick)")
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_ARTICLES} articles")
    parser.add_argument("--processes", type=int, default=1, help="n_process for both paths (default 1)")
    parser.add_argument("--batch-size", type=int, default=nlp.BATCH_SIZE,
                        help=f"batch_size for both paths (default {nlp.BATCH_SIZE})")
    parser.add_argument("--rounds", type=int, default=2, help="alternating rounds of each path (default 2)")
    parser.add_argument("--seed", type=int, default=20240601, help="corpus random seed")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of the table")
    args = parser.parse_args(argv)
    if args.articles is None:
        args.articles = QUICK_ARTICLES if args.quick else DEFAULT_ARTICLES
    for name in ("articles", "processes", "batch_size", "rounds"):
        if getattr(args, name) < 1:
            parser.error(f"--{name.replace('_', '-')} must be at least 1")
    return args


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    args.code = code_version()  # which tree was measured: figures from different commits do not compare
    samples = load_samples()
    corpus = build_corpus(args.articles, args.seed, samples)
    texts = [d.text for d in corpus]
    words = sum(len(t.split()) for t in texts)  # counted as IngestReport.words counts them
    log(f"corpus: {len(corpus):,} articles, {words:,} words; loading the model")
    nlp.load()

    rounds: list[Round] = []
    with tempfile.TemporaryDirectory(prefix="newsgraph-bench-") as tmp:
        workdir = Path(tmp)
        # Warm-up (untimed, own store): lazy loads in parsing, extraction and the store are not charged to round 1.
        warm = samples[:WARMUP_DOCS]
        run_bare([d.text for d in warm], args.batch_size, 1)
        run_full(warm, workdir, "warmup", args.batch_size, 1)
        for n in range(1, args.rounds + 1):
            for path in ("bare", "full"):
                log(f"round {n}/{args.rounds}: {path} ...")
                if path == "bare":
                    r = run_bare(texts, args.batch_size, args.processes)
                else:
                    r = run_full(corpus, workdir, f"round{n}", args.batch_size, args.processes)
                if r.docs + r.failed != len(corpus):
                    raise SystemExit(f"{path} round {n} handled {r.docs + r.failed} of {len(corpus)} documents")
                log(f"round {n}/{args.rounds}: {path} {r.seconds:.2f}s ({r.docs / r.seconds:.1f} articles/s)")
                rounds.append(r)

    res = results(args, corpus, words, rounds)
    print(json.dumps(res, indent=2) if args.json else table(res))
    return 0


if __name__ == "__main__":
    sys.exit(main())
