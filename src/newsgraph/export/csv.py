"""GDELT-style CSV export, so events load into the tools event-data analysts already use.

Column names follow the GDELT 2.0 event table where one exists; PLOVER type and mode, modality,
confidence and the date's precision are added because GDELT has no place for them.
"""

from __future__ import annotations

import csv
from typing import Any, TextIO

from newsgraph import ontology
from newsgraph.query import Json, Query

COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "DatePrecision",
    "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
    "Actor2Name", "Actor2CountryCode", "Actor2Type1Code",
    "EventCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions", "NumSources", "NumArticles",
    "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_Lat", "ActionGeo_Long", "SOURCEURL",
    "PLOVER_Type", "PLOVER_Mode", "Modality", "Confidence",
]
# Free text that came from articles. Only these are defused against formula injection: numeric
# columns must stay numbers (a Goldstein score of -10.0 starts with "-" and is not a formula).
TEXT_COLUMNS = {"Actor1Name", "Actor2Name", "ActionGeo_FullName", "SOURCEURL", "PLOVER_Mode"}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def defuse(text: str) -> str:
    """Prefix a quote to a cell a spreadsheet would run as a formula (OWASP CSV injection)."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def sqldate(value: str | None) -> str:
    """ISO date (or the start of a range) → GDELT's YYYYMMDD, missing month/day as 00."""
    if not value:
        return ""
    parts = value.split("/")[0].split("-")
    return parts[0] + "".join((parts[i] if i < len(parts) else "00") for i in (1, 2))


def row(event: Json) -> dict[str, Any]:
    """One event (export schema) as a CSV row dict."""
    src, tgt = event["source"] or {}, event["target"] or {}
    date, place, evidence = event["date"] or {}, event["place"] or {}, event["evidence"]
    code: str
    root: str
    quad: int | str
    score: float | str
    try:
        etype = ontology.event_type(event["type"])
        code, root = ontology.cameo_code(event["type"], event["mode"]), etype.cameo_root
        quad, score = etype.quad_class, ontology.goldstein(event["type"], event["mode"])
    except KeyError:  # a type the ontology no longer has: export the event, leave codes empty
        code = root = quad = score = ""
    out = {
        "GLOBALEVENTID": event["id"], "SQLDATE": sqldate(date.get("value")),
        "DatePrecision": date.get("precision") or "",
        "Actor1Name": src.get("name") or "", "Actor1CountryCode": src.get("country") or "",
        "Actor1Type1Code": src.get("sector") or "",
        "Actor2Name": tgt.get("name") or "", "Actor2CountryCode": tgt.get("country") or "",
        "Actor2Type1Code": tgt.get("sector") or "",
        "EventCode": code, "EventRootCode": root, "QuadClass": quad, "GoldsteinScale": score,
        "NumMentions": len(evidence), "NumSources": event.get("sources", len({e["doc_id"] for e in evidence})),
        "NumArticles": event.get("articles", len({e["doc_id"] for e in evidence})),
        "ActionGeo_FullName": place.get("name") or "", "ActionGeo_CountryCode": place.get("country") or "",
        "ActionGeo_Lat": "" if place.get("lat") is None else place["lat"],
        "ActionGeo_Long": "" if place.get("lon") is None else place["lon"],
        "SOURCEURL": evidence[0]["source"] if evidence else "",
        "PLOVER_Type": event["type"], "PLOVER_Mode": event["mode"] or "",
        "Modality": event["modality"], "Confidence": event["confidence"],
    }
    return {k: defuse(v) if k in TEXT_COLUMNS and isinstance(v, str) else v for k, v in out.items()}


def write_csv(query: Query, fp: TextIO, **filters: Any) -> int:
    """Write a header and the events matching ``filters``; open ``fp`` with ``newline=""``."""
    writer = csv.DictWriter(fp, fieldnames=COLUMNS)
    writer.writeheader()
    n = 0
    for event in query.events(**filters):
        writer.writerow(row(event))
        n += 1
    return n
