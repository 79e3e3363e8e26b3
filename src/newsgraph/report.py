"""A briefing on one actor (who, sanctions flags, roles, relations, timeline, key quantities, activity
per year) in which every line cites the articles that state it.

:func:`build_report` asks only the query layer and returns a JSON-ready dict; the renderers turn it
into Markdown or a standalone HTML page. Citation numbers [n] are given in order of first use, and
``sources`` resolves each to its document (or, for a sanctions flag, to the list entry). Everything
that came from an article or a list is untrusted: the renderers escape it, never interpret it.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urlsplit

from newsgraph.errors import InputError
from newsgraph.query import Query

Json = dict[str, Any]

_TITLE = "Briefing"
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")  # direction overrides can spoof text
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]|~$#])")  # with <, >, & as entities: no emphasis, code, link, tag, math


# --- building --------------------------------------------------------------------------------------------

@dataclass
class _Citations:
    """Numbers sources in order of first use: a document by its id, a list entry by (list, party)."""

    order: list[tuple[str, ...]] = field(default_factory=list)
    numbers: dict[tuple[str, ...], int] = field(default_factory=dict)

    def cite(self, key: tuple[str, ...]) -> int:
        if key not in self.numbers:
            self.order.append(key)
            self.numbers[key] = len(self.order)
        return self.numbers[key]

    def docs(self, doc_ids: Iterable[str | None]) -> list[int]:
        """Citation numbers of these documents, each once, in the order given."""
        return list(dict.fromkeys(self.cite(("doc", d)) for d in doc_ids if d))


def _documents(query: Query, doc_ids: list[str]) -> dict[str, Json]:
    """Document metadata (id, source, url, title, published, outlet) by id.

    Prefers ``Query.documents`` when the query layer has it; until then reads the same rows the
    query layer itself uses for ``Query.event``'s reports.
    """
    if not doc_ids:
        return {}
    lookup = getattr(query, "documents", None)
    rows = lookup(doc_ids) if callable(lookup) else query.store.document_rows(doc_ids)
    return {str(r["id"]): dict(r) for r in rows}


def _entity(query: Query, actor: str) -> Json:
    try:
        found = query.entity(actor)
    except InputError:
        found = None
    if not found:
        raise InputError("actor", f"no entity is called {actor!r} (try `newsgraph entities --search`)")
    return found


def _role_cites(role: Json, ent: Json, docs: dict[str, Json], cites: _Citations) -> tuple[list[int], str | None]:
    """Cite a role by the article it was seen in; without a doc id, by the actor's mentions in the
    articles published that day (those whose sentence names the title when there are any)."""
    doc_ids = [d for d in role.get("doc_ids") or [] if d]
    if doc_ids:
        return cites.docs(doc_ids), "article"
    seen = str(role.get("seen") or "")[:10]
    if len(seen) < 10:  # only a day pins the report down; a month or year would cite too much
        return [], None
    same_day = [e for e in ent.get("evidence") or []
                if str((docs.get(e["doc_id"]) or {}).get("published") or "")[:10] == seen]
    title = str(role.get("title") or "").casefold()
    naming = [e for e in same_day if title and title in str(e.get("sentence") or "").casefold()]
    chosen = naming or same_day
    return (cites.docs(e["doc_id"] for e in chosen), "same-day mention") if chosen else ([], None)


def _roles(ent: Json) -> list[Json]:
    """Role rows grouped by (title, organisation, seen), collecting the doc ids when rows carry them."""
    grouped: dict[tuple[Any, Any, Any], Json] = {}
    for r in ent.get("roles") or []:
        key = (r.get("title"), r.get("organisation"), r.get("seen"))
        row = grouped.setdefault(key, {"title": key[0], "organisation": key[1], "seen": key[2], "doc_ids": []})
        if r.get("doc_id"):
            row["doc_ids"].append(r["doc_id"])
    return list(grouped.values())


def _quantity_cites(event: Json, q: Json, cites: _Citations) -> list[int]:
    """The articles whose sentence states the amount; else the report the event's fields come from."""
    evidence = event.get("evidence") or []
    text = str(q.get("text") or "")
    stating = [e for e in evidence if text and text in str(e.get("sentence") or "")]
    return cites.docs(e["doc_id"] for e in (stating or evidence[:1]))


def _date_text(event: Json) -> str | None:
    date = event.get("date") or {}
    return date.get("value") or date.get("text")


def build_report(query: Query, actor: str, limit: int = 200) -> Json:
    """The briefing on ``actor`` (an entity id, name or alias) as a JSON-ready dict.

    ``limit`` caps the timeline (earliest events first, as :meth:`Query.timeline` orders them);
    the activity-per-year lines then cite only the events listed and say how many they leave out.
    Raises :class:`InputError` when no entity has that name.
    """
    if limit < 0:
        raise InputError("limit", f"must be 0 or more, got {limit}")
    ent = _entity(query, actor)
    eid = str(ent["id"])
    relations = ent["relations"]  # Query.entity already carries the relations and the timeline
    timeline = ent["events"][:limit + 1]
    truncated = len(timeline) > limit
    timeline = timeline[:limit]
    trend = query.trend(eid, by="year")
    roles = _roles(ent)

    doc_ids = [e["doc_id"] for e in ent.get("evidence") or []]
    doc_ids += [d for r in roles for d in r["doc_ids"]]
    doc_ids += [e["doc_id"] for rel in relations for e in rel.get("evidence") or []]
    doc_ids += [e["doc_id"] for ev in timeline for e in ev.get("evidence") or []]
    docs = _documents(query, sorted({d for d in doc_ids if d}))

    cites = _Citations()
    report: Json = {
        "actor": {k: ent.get(k) for k in ("id", "name", "kind", "country", "sector", "aliases",
                                          "event_count", "mention_count")},
    }
    report["actor"]["cites"] = cites.docs(e["doc_id"] for e in ent.get("evidence") or [])

    report["sanctions"] = []
    for flag in ent.get("sanctions", []) or []:
        n = cites.cite(("list", str(flag.get("list")), str(flag.get("party_id"))))
        report["sanctions"].append({**{k: flag.get(k) for k in ("list", "party_id", "party_name", "score",
                                                                "explanation")}, "cites": [n]})
        report.setdefault("_lists", {})[n] = flag

    report["roles"] = []
    for role in roles:
        numbers, basis = _role_cites(role, ent, docs, cites)
        report["roles"].append({"title": role["title"], "organisation": role["organisation"], "seen": role["seen"],
                                "cites": numbers, "basis": basis})

    report["relations"] = [
        {"source": rel.get("source"), "relation": rel.get("relation"), "target": rel.get("target"),
         "first_seen": rel.get("first_seen"), "last_seen": rel.get("last_seen"),
         "cites": cites.docs(e.get("doc_id") for e in rel.get("evidence") or [])}
        for rel in sorted(relations, key=lambda r: (r.get("first_seen") is None, r.get("first_seen") or "",
                                                    str(r.get("relation"))))]

    report["timeline"] = []
    event_cites: dict[str, list[int]] = {}
    for ev in timeline:
        numbers = cites.docs(e.get("doc_id") for e in ev.get("evidence") or [])
        event_cites[str(ev["id"])] = numbers
        first = (ev.get("evidence") or [{}])[0]
        report["timeline"].append({
            "id": ev["id"], "date": _date_text(ev), "type": ev.get("type"), "mode": ev.get("mode"),
            "modality": ev.get("modality"), "source": (ev.get("source") or {}).get("name"),
            "target": (ev.get("target") or {}).get("name"), "place": (ev.get("place") or {}).get("name"),
            "sources": ev.get("sources"), "articles": ev.get("articles"), "reports": ev.get("reports"),
            "sentence": first.get("sentence"), "cites": numbers})
    report["timeline_truncated"] = truncated
    report["timeline_limit"] = limit

    report["quantities"] = [
        {"value": q.get("value"), "unit": q.get("unit"), "text": q.get("text"), "type": ev.get("type"),
         "date": _date_text(ev), "event_id": ev["id"], "cites": _quantity_cites(ev, q, cites)}
        for ev in timeline for q in ev.get("quantities") or []]

    by_year: dict[str, list[Json]] = {}
    for ev in timeline:
        value = (ev.get("date") or {}).get("value")
        if value:
            by_year.setdefault(str(value).split("/")[0][:4], []).append(ev)
    report["trend"] = []
    for row in trend:
        listed = by_year.get(str(row.get("period")), [])
        numbers = list(dict.fromkeys(n for ev in listed for n in event_cites[str(ev["id"])]))
        report["trend"].append({**{k: row.get(k) for k in ("period", "events", "by_type", "goldstein",
                                                           "cooperation", "conflict")},
                                "cites": numbers, "unlisted": max(0, int(row.get("events") or 0) - len(listed))})

    lists = report.pop("_lists", {})
    report["sources"] = []
    for n, key in enumerate(cites.order, 1):
        if key[0] == "doc":
            doc = docs.get(key[1], {})
            report["sources"].append({"n": n, "kind": "article", "doc_id": key[1], "title": doc.get("title"),
                                      "source": doc.get("source"), "url": doc.get("url"),
                                      "outlet": doc.get("outlet"), "published": doc.get("published")})
        else:
            flag = lists.get(n, {})
            report["sources"].append({"n": n, "kind": "list", "doc_id": None,
                                      "title": f"{key[1]} entry {key[2]} ({flag.get('party_name') or '?'})",
                                      "source": None, "url": None, "outlet": key[1], "published": None})
    return report


# --- lines shared by both renderers ----------------------------------------------------------------------

@dataclass
class _Line:
    """One briefing line: plain (untrusted) text, its citations, and an optional quoted sentence."""

    text: str
    cites: list[int]
    quote: str | None = None
    cited: bool = True  # False for "none recorded" lines, which state nothing to cite


def _clean(value: Any) -> str:
    """Untrusted text as one safe line: no control or direction-override characters, no newlines."""
    text = _BIDI.sub("", str(value))
    text = "".join(" " if unicodedata.category(c) == "Cc" else c for c in text)
    return " ".join(text.split())


def _clip(text: str, n: int = 240) -> str:
    return text if len(text) <= n else text[:n - 1].rstrip() + "…"


def _number(value: Any) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.4g}"
    return str(value)


def _count(n: Any, noun: str) -> str:
    n = int(n or 0)
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _who(actor: Json) -> str:
    facts = [str(actor.get("kind") or "entity")]
    if actor.get("country"):
        facts.append(f"country {actor['country']}")
    if actor.get("sector"):
        facts.append(f"sector {actor['sector']}")
    text = f"{actor.get('name')}: {', '.join(facts)}"
    if actor.get("aliases"):
        text += "; also called " + ", ".join(str(a) for a in actor["aliases"])
    return text + f"; {_count(actor.get('event_count'), 'event')}, {_count(actor.get('mention_count'), 'mention')}"


def _period(first: Any, last: Any) -> str:
    if not first:
        return "date not reported"
    return f"seen {first}" if first == last or not last else f"seen {first} to {last}"


def _sections(report: Json) -> list[tuple[str, list[_Line]]]:
    none = [_Line("None recorded.", [], cited=False)]
    roles = [_Line(f"{r['title']}" + (f", {r['organisation']}" if r.get("organisation") else "")
                   + (f" (reported {r['seen']})" if r.get("seen") else ""), r["cites"]) for r in report["roles"]]
    relations = [_Line(f"{(r.get('source') or {}).get('name')} {str(r.get('relation')).replace('_', ' ')} "
                       f"{(r.get('target') or {}).get('name')} ({_period(r.get('first_seen'), r.get('last_seen'))})",
                       r["cites"]) for r in report["relations"]]
    sanctions = [_Line(f"Possible match on {s.get('list')}: {s.get('party_name')} (party {s.get('party_id')}), "
                       f"score {_number(s.get('score'))}; {s.get('explanation')}", s["cites"])
                 for s in report["sanctions"]]
    timeline = []
    for e in report["timeline"]:
        who = " → ".join(str(x) for x in (e.get("source"), e.get("target")) if x) or "actors not named"
        text = f"{e.get('date') or 'undated'}: {e.get('type')}" + (f"/{e['mode']}" if e.get("mode") else "")
        text += f", {who}" + (f", in {e['place']}" if e.get("place") else "")
        if e.get("modality") and e["modality"] != "asserted":
            text += f" ({e['modality']})"
        text += f"; {_count(e.get('sources'), 'source')}, {_count(e.get('articles'), 'article')}"
        timeline.append(_Line(text, e["cites"], e.get("sentence")))
    if report.get("timeline_truncated"):
        limit = _count(report["timeline_limit"], "event")
        timeline.append(_Line(f"Only the earliest {limit} listed; raise the limit for more.", [], cited=False))
    quantities = [_Line(f"{q.get('text')} ({_number(q.get('value'))} {q.get('unit')}), {q.get('type')}, "
                        f"{q.get('date') or 'undated'}", q["cites"]) for q in report["quantities"]]
    trend = []
    for t in report["trend"]:
        types = ", ".join(f"{k} {v}" for k, v in (t.get("by_type") or {}).items())
        text = f"{t.get('period')}: {_count(t.get('events'), 'event')} ({types}); cooperation–conflict score " \
               f"{float(t.get('goldstein') or 0):+.2f}"
        if t.get("unlisted"):
            text += f"; {t['unlisted']} of them beyond the timeline limit, not cited"
        trend.append(_Line(text, t["cites"]))
    return [("Who", [_Line(_who(report["actor"]), report["actor"]["cites"])]),
            ("Sanctions flags", sanctions or [_Line("No match on the loaded sanctions lists.", [], cited=False)]),
            ("Roles", roles or none), ("Relations", relations or none), ("Timeline", timeline or none),
            ("Key quantities", quantities or none), ("Activity by year", trend or none)]


def _web_url(value: Any) -> str | None:
    """The value when it is an http(s) URL with a host: the only links a report makes."""
    if not isinstance(value, str):
        return None
    url = value.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or any(c.isspace() for c in url):
        return None
    return url


def _source_text(s: Json) -> tuple[str, str]:
    """(label, details) of one Sources entry, plain untrusted text."""
    label = str(s.get("title") or s.get("source") or s.get("url") or s.get("doc_id") or "unknown")
    details = [str(x) for x in (s.get("outlet"), s.get("published")) if x]
    if s.get("kind") == "article":
        if s.get("title") and s.get("source"):
            details.append(str(s["source"]))
        details.append(f"doc {s.get('doc_id')}")
    return label, ", ".join(details)


# --- Markdown --------------------------------------------------------------------------------------------

def md_escape(value: Any) -> str:
    """Untrusted text as literal Markdown: HTML-significant characters as entities, Markdown
    punctuation backslash-escaped, one line (so nothing can open a block, a tag or a link)."""
    text = html.escape(_clean(value), quote=False)
    return _MD_SPECIAL.sub(r"\\\1", text)


def _md_cites(line: _Line) -> str:
    if not line.cited:
        return ""
    return " " + ("".join(f"[{n}]" for n in line.cites) if line.cites else "(uncited)")


def _md_url(url: str) -> str:
    """A link destination that cannot end early: brackets, parentheses and blanks percent-encoded,
    ``&`` as an entity (destinations decode entities)."""
    return quote(url, safe=":/?#@!$&'*+,;=%~-._").replace("&", "&amp;")


def render_markdown(report: Json) -> str:
    """The briefing as Markdown; citations are [n], resolved in the Sources list at the end."""
    out = [f"# {_TITLE}: {md_escape(report['actor'].get('name'))}", ""]
    for title, lines in _sections(report):
        out += [f"## {title}", ""]
        for line in lines:
            out.append(f"- {md_escape(line.text)}{_md_cites(line)}")
            if line.quote:
                out.append(f"  > {md_escape(_clip(_clean(line.quote)))}")
        out.append("")
    out += ["## Sources", ""]
    for s in report["sources"]:
        label, details = _source_text(s)
        url = _web_url(s.get("url")) or _web_url(s.get("source"))
        shown = f"[{md_escape(label)}]({_md_url(url)})" if url else md_escape(label)
        out.append(f"- [{s['n']}] {shown}" + (f" — {md_escape(details)}" if details else ""))
    if not report["sources"]:
        out.append("- None.")
    return "\n".join(out) + "\n"


# --- HTML ------------------------------------------------------------------------------------------------

_CSS = """body{font:15px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.6rem}h2{font-size:1.15rem;border-bottom:1px solid #ddd;margin-top:1.6rem}
li{margin:.3rem 0}blockquote{margin:.2rem 0 .2rem 1rem;color:#555;font-style:italic}
.cite{font-size:.8em;vertical-align:super;text-decoration:none}.uncited{color:#a33;font-size:.85em}
.none{color:#777}"""


def _h(value: Any) -> str:
    return html.escape(_clean(value), quote=True)


def _html_cites(line: _Line) -> str:
    if not line.cited:
        return ""
    if not line.cites:
        return ' <span class="uncited">(uncited)</span>'
    return " " + "".join(f'<a class="cite" href="#src-{n}">[{n}]</a>' for n in line.cites)


def render_html(report: Json) -> str:
    """The briefing as one standalone page: inline CSS, no scripts or outside resources, every
    piece of text escaped, links only to http(s) sources."""
    name = _h(report["actor"].get("name"))
    body = [f"<h1>{_TITLE}: {name}</h1>"]
    for title, lines in _sections(report):
        body.append(f"<section><h2>{_h(title)}</h2><ul>")
        for line in lines:
            css = "" if line.cited else ' class="none"'
            quote_html = f"<blockquote>{_h(_clip(_clean(line.quote)))}</blockquote>" if line.quote else ""
            body.append(f"<li{css}>{_h(line.text)}{_html_cites(line)}{quote_html}</li>")
        body.append("</ul></section>")
    body.append("<section><h2>Sources</h2><ol>")
    for s in report["sources"]:
        label, details = _source_text(s)
        url = _web_url(s.get("url")) or _web_url(s.get("source"))
        shown = (f'<a href="{html.escape(url, quote=True)}" rel="noopener noreferrer">{_h(label)}</a>'
                 if url else _h(label))
        body.append(f'<li id="src-{int(s["n"])}" value="{int(s["n"])}">{shown}'
                    + (f" — {_h(details)}" if details else "") + "</li>")
    body.append("</ol></section>")
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>{_TITLE}: {name}</title><style>{_CSS}</style></head>\n<body>\n"
            + "\n".join(body) + "\n</body></html>\n")
