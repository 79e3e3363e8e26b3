"""HTTP API latency at scale: p50/p95/p99 per endpoint over a synthetic store of 1M events.

Builds (or reuses, from ``bench/.cache/``) the synthetic store of :mod:`synthetic`, starts the real
server the way a user does (``newsgraph serve --db FILE --port N`` in a subprocess), waits for
``/api/stats``, then for each main endpoint sends a few hundred varied requests, one at a time from
one client thread over a kept-alive connection (the first ones of each endpoint are a warm-up and not
counted), and prints per endpoint and overall the 50th, 95th and 99th percentiles in milliseconds,
each endpoint marked against the target (p95 < 100 ms).

    .venv/bin/python bench/api_latency.py                     # 1M events, 200 requests per endpoint
    .venv/bin/python bench/api_latency.py --events 100000 --requests 50
    .venv/bin/python bench/api_latency.py --json after.json --compare before.json

``--budget`` caps the seconds spent per endpoint (a very slow endpoint reports fewer requests);
``--rebuild`` makes the store again; ``--compare`` adds the p95 of an earlier ``--json`` run.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import random
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote, urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synthetic  # noqa: E402

TARGET_MS = 100.0
WARMUP = 3


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def server_command(db: Path, port: int) -> list[str]:
    """``newsgraph serve`` as installed next to this interpreter (the venv's console script)."""
    script = Path(sys.executable).parent / "newsgraph"
    base = [str(script)] if script.is_file() else [sys.executable, "-c", "from newsgraph.cli import main; main()"]
    return [*base, "serve", "--db", str(db), "--port", str(port)]


def wait_ready(port: int, proc: subprocess.Popen[bytes], timeout: float = 900.0) -> float:
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < timeout:
        if proc.poll() is not None:
            raise SystemExit(f"the server exited with status {proc.returncode}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
            conn.request("GET", "/api/stats")
            if conn.getresponse().status == 200:
                conn.close()
                return time.perf_counter() - t0
        except OSError:
            time.sleep(0.2)
    raise SystemExit("the server did not answer /api/stats in time")


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, int(round(p / 100 * len(ordered) + 0.5)) - 1))]


# --- the requests ------------------------------------------------------------------------------------

def plan(db: Path, n: int, seed: int) -> dict[str, list[str]]:
    """endpoint label → the URLs to request (``n`` each, varied, deterministic)."""
    rng = random.Random(seed)
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    activity = dict(con.execute(
        "SELECT entity, count(*) FROM (SELECT source_entity AS entity FROM events UNION ALL"
        " SELECT target_entity FROM events WHERE target_entity IS NOT NULL) GROUP BY entity").fetchall())
    entities = con.execute("SELECT id, name, kind, country FROM entities ORDER BY id").fetchall()
    ranked = sorted(entities, key=lambda e: (-activity.get(e[0], 0), e[0]))
    hubs = ranked[:5]
    tail = [e for e in ranked[50:] if activity.get(e[0], 0) >= 5]
    mid = ranked[5:50]
    max_rowid = con.execute("SELECT max(rowid) FROM events").fetchone()[0]
    clusters = [r[0] for r in con.execute(
        f"SELECT cluster FROM events WHERE rowid IN ({','.join(str(rng.randint(1, max_rowid)) for _ in range(n))})")]
    max_doc = con.execute("SELECT max(rowid) FROM documents").fetchone()[0]
    docs = [r[0] for r in con.execute(
        f"SELECT id FROM documents WHERE rowid IN ({','.join(str(rng.randint(1, max_doc)) for _ in range(n))})")]
    types = [r[0] for r in con.execute("SELECT DISTINCT type FROM events")]
    hub_events = activity.get(hubs[0][0], 0) * 0.6
    con.close()
    types.sort()
    words = synthetic.TOPICS

    def pick(pool: list) -> str:  # type: ignore[type-arg]
        e = rng.choice(pool)
        return str(e[0]) if rng.random() < 0.8 else quote(str(e[1]))  # by id, or by name

    def fragment() -> str:
        name = str(rng.choice(entities)[1]).lower()
        i = rng.randrange(max(1, len(name) - 3))
        return name[i:i + rng.randint(3, 6)].strip() or name[:4]

    def year() -> int:
        return rng.randint(2015, 2024)

    def event_filters() -> str:
        q: dict[str, str] = {}
        for _ in range(rng.randint(1, 3)):
            choice = rng.random()
            if choice < 0.3:
                q["type"] = rng.choice(types)
            elif choice < 0.55:
                y = year()
                q["since"] = str(y)
                q["until"] = f"{min(2024, y + rng.randint(0, 2))}-{rng.randint(1, 12):02d}"
            elif choice < 0.75:
                q["actor"] = str(rng.choice(hubs)[0])
            elif choice < 0.9:
                q["actor"] = str(rng.choice(tail)[0])
            else:
                q["modality"] = rng.choice(["asserted", "planned", "reported-claim"])
        q["page"] = str(rng.choice([1, 1, 1, 2, 3, 10]))
        return urlencode(q)

    def places() -> str:
        q: dict[str, str] = {}
        r = rng.random()
        if r < 0.3:
            q["actor"] = str(rng.choice(hubs)[0])
        elif r < 0.55:
            q["actor"] = str(rng.choice(tail)[0])
        elif r < 0.75:
            q["type"] = rng.choice(types)
        elif r < 0.9:
            q["since"], q["until"] = str(year()), str(year())
        return "/api/places" + (f"?{urlencode(q)}" if q else "")

    deep = max(2, int(hub_events / 50))
    gen: dict[str, Callable[[], str]] = {
        "stats": lambda: "/api/stats",
        "entities?q=": lambda: f"/api/entities?q={quote(fragment())}",
        "entities (pages)": lambda: "/api/entities?" + urlencode(
            {"page": rng.randint(1, 20), **rng.choice([{}, {}, {"kind": "person"}, {"kind": "organisation"},
                                                        {"country": rng.choice(hubs)[3]}])}),
        "entity hub": lambda: f"/api/entities/{pick(hubs)}",
        "entity": lambda: f"/api/entities/{pick(tail)}",
        "timeline hub p1": lambda: f"/api/entities/{pick(hubs)}/timeline",
        "timeline hub deep": lambda: f"/api/entities/{pick(hubs)}/timeline?page={rng.randint(deep // 20, deep)}",
        "timeline": lambda: f"/api/entities/{pick(tail + mid)}/timeline?page={rng.choice([1, 1, 2, 3])}",
        "timeline dyad": lambda: f"/api/entities/{pick(hubs)}/timeline?other={pick(rng.choice([hubs, mid, tail]))}"
                                 f"&page={rng.choice([1, 1, 2])}",
        "trend hub": lambda: f"/api/entities/{pick(hubs)}/trend?by={rng.choice(['month', 'quarter', 'year'])}",
        "trend dyad": lambda: f"/api/entities/{pick(hubs)}/trend?other={pick(rng.choice([hubs, mid, tail]))}",
        "graph hub": lambda: f"/api/entities/{pick(hubs)}/graph",
        "graph": lambda: f"/api/entities/{pick(tail + mid)}/graph",
        "events (filters)": lambda: f"/api/events?{event_filters()}",
        "event": lambda: f"/api/events/{rng.choice(clusters)}",
        "search": lambda: "/api/search?" + urlencode({"q": " ".join(rng.sample(words, rng.choice([1, 1, 2]))),
                                                       "page": rng.choice([1, 1, 2])}),
        "document": lambda: f"/api/documents/{rng.choice(docs)}",
        "places": places,
    }
    return {label: [make() for _ in range(n + WARMUP)] for label, make in gen.items()}


def measure(port: int, urls: dict[str, list[str]], budget: float) -> dict[str, dict[str, object]]:
    """Request every URL in turn from one thread; per endpoint the timings (ms) and failures."""
    results: dict[str, dict[str, object]] = {}

    def run() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
        for label, todo in urls.items():
            times: list[float] = []
            errors: list[str] = []
            t_end = time.perf_counter() + budget
            for i, url in enumerate(todo):
                t0 = time.perf_counter()
                conn.request("GET", url)
                response = conn.getresponse()
                body = response.read()
                ms = (time.perf_counter() - t0) * 1000
                if response.status != 200:
                    errors.append(f"{response.status} {url} {body[:120]!r}")
                if i >= WARMUP:
                    times.append(ms)
                if time.perf_counter() > t_end and len(times) >= 5:
                    break
            results[label] = {"times": times, "errors": errors}
            stats = summary(times)
            print(f"  {label:<18} n={len(times):<4} p50={stats['p50']:8.1f} p95={stats['p95']:8.1f} ms"
                  + (f"  ({len(errors)} errors)" if errors else ""), file=sys.stderr, flush=True)
        conn.close()

    thread = threading.Thread(target=run, name="client")
    thread.start()
    thread.join()
    return results


def summary(times: list[float]) -> dict[str, float]:
    return {"p50": percentile(times, 50), "p95": percentile(times, 95), "p99": percentile(times, 99),
            "max": max(times) if times else float("nan")}


def facts(db: Path, built: float | None, started: float) -> dict[str, object]:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    events, merged = con.execute("SELECT count(*), sum(is_primary) FROM events").fetchone()
    entities = con.execute("SELECT count(*) FROM entities").fetchone()[0]
    migrations = [r[0] for r in con.execute("SELECT name FROM schema_migrations ORDER BY version")]
    con.close()
    size = sum(p.stat().st_size for p in (db, Path(f"{db}-wal")) if p.exists())
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                                cwd=Path(__file__).parent, check=False).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "src"], capture_output=True, text=True,
                               cwd=Path(__file__).parent.parent, check=False).stdout.strip()
    except OSError:
        commit, dirty = "", ""
    return {"cpus": os.cpu_count(), "machine": platform.machine(), "python": platform.python_version(),
            "sqlite": sqlite3.sqlite_version, "store": str(db), "store_mb": round(size / 2**20),
            "reports": events, "merged_events": merged, "entities": entities, "schema": migrations[-1],
            "commit": commit + ("+dirty" if dirty else ""), "build_s": None if built is None else round(built),
            "server_ready_s": round(started, 1)}


def table(results: dict[str, dict[str, object]], before: dict[str, dict[str, float]] | None) -> str:
    head = f"{'endpoint':<18} {'n':>4} {'p50':>8} {'p95':>8} {'p99':>8} {'max':>8}"
    head += f" {'p95 before':>10}" if before else ""
    lines = [head + "  target p95<100ms", "-" * (len(head) + 18)]
    every: list[float] = []
    for label, r in results.items():
        times: list[float] = r["times"]  # type: ignore[assignment]
        every += times
        s = summary(times)
        line = f"{label:<18} {len(times):>4} {s['p50']:>8.1f} {s['p95']:>8.1f} {s['p99']:>8.1f} {s['max']:>8.1f}"
        if before:
            line += f" {before.get(label, {}).get('p95', float('nan')):>10.1f}"
        ok = s["p95"] < TARGET_MS and not r["errors"]
        lines.append(line + ("  pass" if ok else "  FAIL") + (f" ({len(r['errors'])} errors)" if r["errors"] else ""))
    s = summary(every)
    lines.append("-" * (len(head) + 18))
    lines.append(f"{'overall':<18} {len(every):>4} {s['p50']:>8.1f} {s['p95']:>8.1f} {s['p99']:>8.1f} {s['max']:>8.1f}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description="HTTP API latency per endpoint over a synthetic store")
    parser.add_argument("--events", type=int, default=1_000_000, help="event rows (reports) in the store")
    parser.add_argument("--requests", type=int, default=200, help="measured requests per endpoint")
    parser.add_argument("--budget", type=float, default=60.0, help="at most this many seconds per endpoint")
    parser.add_argument("--rebuild", action="store_true", help="build the synthetic store even if cached")
    parser.add_argument("--db", type=Path, help="measure this store instead of the synthetic one")
    parser.add_argument("--seed", type=int, default=1, help="seed of the request mix")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--compare", type=Path, help="an earlier --json file: show its p95 beside")
    parser.add_argument("--only", help="measure only endpoints whose label contains one of these"
                        " comma-separated words (e.g. graph,places)")
    args = parser.parse_args()

    built: float | None = None
    if args.db:
        db = args.db
    else:
        db, built = synthetic.ensure(args.events, args.rebuild)
        print(f"store: {db} ({'cached' if built is None else f'built in {built:.0f}s'})", file=sys.stderr)
    port = free_port()
    proc = subprocess.Popen(server_command(db, port), stdout=subprocess.DEVNULL)
    try:
        started = wait_ready(port, proc)
        urls = plan(db, args.requests, args.seed)
        if args.only:
            words = [w.strip() for w in args.only.split(",") if w.strip()]
            urls = {label: todo for label, todo in urls.items() if any(w in label for w in words)}
        print(f"server ready in {started:.1f}s; measuring {len(urls)} endpoints", file=sys.stderr)
        results = measure(port, urls, args.budget)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
    info = facts(db, built, started)
    before = None
    if args.compare:
        before = json.loads(args.compare.read_text())["endpoints"]
    print("\n" + "  ".join(f"{k}={v}" for k, v in info.items()))
    print(table(results, before))
    for label, r in results.items():
        for e in r["errors"][:3]:  # type: ignore[index]
            print(f"error in {label}: {e}")
    if args.json:
        args.json.write_text(json.dumps({"facts": info, "endpoints": {
            label: {**summary(r["times"]), "n": len(r["times"]), "errors": len(r["errors"])}  # type: ignore[arg-type]
            for label, r in results.items()}}, indent=1))


if __name__ == "__main__":
    main()
