"""How the resolve stage scales: store time per batch as the store grows.

Builds synthetic extractions (no parsing: the cost measured is the store's, resolution and merging
included) from a fixed pool of actors shaped like news: a few hub countries in most articles, a long
tail of people and organisations, spelling variants, and meetings re-reported by several outlets.
Writes them in batches of 64 into a fresh SQLite file and prints the time of the first and the last
batches, so growth is visible side by side in one run.

    .venv/bin/python bench/resolve_scale.py [--documents 20000] [--json]
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from newsgraph.model import Actor, Document, Event, Evidence, Extraction, Span, TimeValue
from newsgraph.store import Store

HUBS = [("United States", "USA"), ("China", "CHN"), ("Russia", "RUS"), ("India", "IND"), ("France", "FRA")]
FIRST = ["Anna", "Boris", "Chen", "Dmitri", "Elena", "Farid", "Grace", "Hassan", "Ivan", "Jia", "Kofi", "Lena"]
LAST = ["Petrov", "Wang", "Okafor", "Silva", "Haddad", "Novak", "Kim", "Sato", "Mensah", "Ortiz", "Ivanova"]
TYPES = ["CONSULT", "AGREE", "COOPERATE", "ACCUSE", "SANCTION", "AID"]


SYLLABLES = ["ka", "lo", "mi", "ra", "sen", "to", "vi", "dre", "gor", "han", "jin", "ne", "pa", "su", "zel", "bo"]


def people(n: int, rng: random.Random) -> list[tuple[str, str]]:
    """Full names: a common given name and an invented surname (some surnames shared, as in life)."""
    surnames = [rng.choice(LAST) if rng.random() < 0.1 else
                "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).title() for _ in range(n)]
    out = set()
    while len(out) < n:
        out.add((f"{rng.choice(FIRST)} {rng.choice(surnames)}", rng.choice(HUBS)[1]))
    return sorted(out)


def extraction(i: int, rng: random.Random, pool: list[tuple[str, str]], start: date) -> Extraction:
    day = start + timedelta(days=i // 40)
    a_name, a_country = rng.choice(pool)
    b_name, b_country = rng.choice(HUBS)
    if rng.random() < 0.2:  # a spelling variant in another outlet
        a_name = a_name.replace("ei", "ey") if "ei" in a_name else "Dr " + a_name
    text = f"{a_name} met officials of {b_name} on {day.isoformat()}. Talks covered trade."
    doc = Document.from_text(text + f" [{i}]", source=f"bench:{i}", published=day, outlet=f"outlet{i % 7}")
    a = Actor("p", a_name, "person", a_country, mentions=[Span(0, len(a_name), a_name, 0)])
    b = Actor("c", b_name, "country", b_country, mentions=[Span(text.index(b_name), text.index(b_name) + len(b_name),
                                                                 b_name, 0)])
    sent = text.split(". ")[0] + "."
    ev = Event(rng.choice(TYPES), None, a, b, time=TimeValue(day.isoformat(), day.isoformat(), "day"),
               evidence=[Evidence(doc.id, doc.source, sent, 0, len(sent), 0)], trigger="met", position=len(a_name) + 1)
    return Extraction(doc, [a, b], [ev], sentences=[Span(0, len(sent), sent, 0)])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=20000)
    parser.add_argument("--people", type=int, default=2000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    rng = random.Random(11)
    pool = people(args.people, rng)
    docs = [extraction(i, rng, pool, date(2024, 1, 1)) for i in range(args.documents)]
    times: list[float] = []
    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "scale.db") as store:
        for i in range(0, len(docs), 64):
            t0 = time.perf_counter()
            store.add(docs[i:i + 64])
            times.append(time.perf_counter() - t0)
        counts = store.counts()
    k = max(1, len(times) // 10)
    res = {"documents": args.documents, "batches": len(times), "first_tenth_ms_per_batch": 1000 * sum(times[:k]) / k,
           "last_tenth_ms_per_batch": 1000 * sum(times[-k:]) / k, "total_s": sum(times),
           "reports": counts["reports"], "events": counts["events"], "actor_keys": counts["actor_keys"],
           "entities": counts["entities"]}
    res["growth"] = res["last_tenth_ms_per_batch"] / res["first_tenth_ms_per_batch"]
    if args.json:
        print(json.dumps(res))
    else:
        for key, value in res.items():
            print(f"{key:28} {value:.3f}" if isinstance(value, float) else f"{key:28} {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
