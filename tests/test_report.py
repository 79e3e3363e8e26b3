"""The actor briefing: sections, citations that resolve to the right articles, hostile text kept inert."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from newsgraph.errors import InputError
from newsgraph.model import (
    Actor,
    Document,
    Event,
    Evidence,
    Extraction,
    Place,
    Quantity,
    Relation,
    Role,
    Span,
    TimeValue,
)
from newsgraph.query import Query
from newsgraph.report import build_report, md_escape, render_html, render_markdown
from newsgraph.store import Store

HOSTILE_TITLE = '<script>alert(1)</script> & < > "'
HOSTILE_LINK = "[x](javascript:alert(1))"
HOSTILE_NAME = "Mallory <b>Bold</b> *x*"
SECTIONS = ["Who", "Sanctions flags", "Roles", "Relations", "Timeline", "Key quantities", "Activity by year",
            "Sources"]


class Doc:
    """One hand-built Extraction: actors found by name in the text, events and relations on sentences."""

    def __init__(self, text: str, source: str, published: date | None, **kw: Any) -> None:
        self.document = Document.from_text(text, source, published=published, **kw)
        self.sents = [Span(m.start(), m.end(), m.group(), i) for i, m in enumerate(re.finditer(r"\S[^.]*\.", text))]
        self.actors: dict[str, Actor] = {}
        self.events: list[Event] = []
        self.relations: list[Relation] = []

    def actor(self, name: str, kind: str, country: str | None, **kw: Any) -> Actor:
        if name not in self.actors:
            spans = [Span(m.start(), m.end(), name, next(s.sentence for s in self.sents if s.end >= m.end()))
                     for m in re.finditer(re.escape(name), self.document.text)]
            self.actors[name] = Actor(name, name, kind, country, None, mentions=spans, **kw)
        return self.actors[name]

    def evidence(self, sentence: int) -> Evidence:
        s = self.sents[sentence]
        return Evidence(self.document.id, self.document.source, s.text, s.start, s.end, sentence)

    def event(self, sentence: int, type: str, mode: str | None, source: Actor | None, target: Actor | None,
              time: TimeValue | None = None, **kw: Any) -> None:
        self.events.append(Event(type, mode, source, target, time=time, evidence=[self.evidence(sentence)], **kw))

    def relation(self, sentence: int, source: Actor, relation: str, target: Actor) -> None:
        self.relations.append(Relation(source, relation, target, evidence=[self.evidence(sentence)]))

    def extraction(self) -> Extraction:
        return Extraction(self.document, list(self.actors.values()), self.events, self.relations,
                          sentences=self.sents)


def corpus() -> dict[str, Doc]:
    a = Doc("Ona Verel met Tomas Brandt in Lisbon on 3 March. Ona Verel chairs the Harbour Council. "
            "Ona Verel signed a $12 million port loan with Tomas Brandt.",
            "https://news.example/a?x=1&y=2", date(2024, 3, 5), title="Harbour talks", outlet="Example Daily")
    ona = a.actor("Ona Verel", "person", "PRT", roles=[Role("chair", "Harbour Council")])
    tomas = a.actor("Tomas Brandt", "person", "DEU", roles=[Role("envoy", None, "1999-01-01")])
    council = a.actor("Harbour Council", "government", "PRT")
    a.event(0, "CONSULT", "meet", ona, tomas, TimeValue("on 3 March", "2024-03-03", "day"),
            place=Place("Lisbon", "PRT", 38.72, -9.14), trigger="met")
    a.event(2, "AGREE", "cooperate", ona, tomas, TimeValue("March 2024", "2024-03", "month"),
            quantities=[Quantity(12e6, "USD", "$12 million", "money")], trigger="signed")
    a.relation(1, ona, "leads", council)

    b = Doc(f"Ona Verel accused {HOSTILE_NAME} of fraud. {HOSTILE_TITLE} {HOSTILE_LINK} said nothing.",
            "javascript:alert(1)", date(2025, 1, 9), title=HOSTILE_TITLE, outlet=HOSTILE_LINK)
    ona_b = b.actor("Ona Verel", "person", "PRT")
    mallory = b.actor(HOSTILE_NAME, "person", None)
    b.event(0, "ACCUSE", "allege", ona_b, mallory, TimeValue("in January", "2025-01", "month"), trigger="accused")

    c = Doc("Kestrel Ridge Trust stayed quiet.", "c.txt", date(2024, 6, 1))
    c.actor("Kestrel Ridge Trust", "organisation", "GBR")

    d = Doc("Ona Verel spoke briefly.", "d.txt", date(2024, 3, 5))  # same day as a, silent on her role
    d.actor("Ona Verel", "person", "PRT")
    return {"a": a, "b": b, "c": c, "d": d}


@pytest.fixture
def docs() -> dict[str, Doc]:
    return corpus()


@pytest.fixture
def query(tmp_path: Path, docs: dict[str, Doc]) -> Iterator[Query]:
    with Store.open(tmp_path / "r.db") as store:
        store.add([d.extraction() for d in docs.values()])
        yield Query(store)


def sources(report: dict[str, Any]) -> dict[int, dict[str, Any]]:
    return {s["n"]: s for s in report["sources"]}


def cited_docs(report: dict[str, Any], numbers: list[int]) -> list[str]:
    by_n = sources(report)
    return [by_n[n]["doc_id"] for n in numbers]


def md_section(text: str, title: str) -> list[str]:
    block = text.split(f"## {title}\n", 1)[1].split("\n## ", 1)[0]
    return [line for line in block.splitlines() if line.startswith("- ")]


def test_report_has_every_section_and_numbers_sources_in_order_of_use(query: Query, docs: dict[str, Doc]) -> None:
    report = build_report(query, "ona verel")
    assert report["actor"]["name"] == "Ona Verel"
    assert [s["n"] for s in report["sources"]] == list(range(1, len(report["sources"]) + 1))
    # Ona is mentioned in articles a and d (2024-03-05) and b (2025): the who line cites all, oldest first
    ids = {k: d.document.id for k, d in docs.items()}
    assert cited_docs(report, report["actor"]["cites"]) == sorted([ids["a"], ids["d"]]) + [ids["b"]]
    assert {s["doc_id"] for s in report["sources"]} == {ids["a"], ids["b"], ids["d"]}
    a = sources(report)[report["timeline"][0]["cites"][0]]
    assert (a["title"], a["outlet"], a["published"], a["url"]) == ("Harbour talks", "Example Daily", "2024-03-05",
                                                                   None)
    text = render_markdown(report)
    assert [line[3:] for line in text.splitlines() if line.startswith("## ")] == SECTIONS
    page = render_html(report)
    for title in SECTIONS:
        assert f"<h2>{title}</h2>" in page


def test_timeline_lines_cite_the_articles_that_state_each_event(query: Query, docs: dict[str, Doc]) -> None:
    report = build_report(query, "Ona Verel")
    a, b = docs["a"].document.id, docs["b"].document.id
    assert [(e["type"], e["date"]) for e in report["timeline"]] == [
        ("AGREE", "2024-03"), ("CONSULT", "2024-03-03"), ("ACCUSE", "2025-01")]
    assert [cited_docs(report, e["cites"]) for e in report["timeline"]] == [[a], [a], [b]]
    # the rendered lines carry the same numbers, and each resolves in the Sources list
    text = render_markdown(report)
    lines = md_section(text, "Timeline")
    source_lines = {int(m.group(1)): line for line in md_section(text, "Sources")
                    if (m := re.match(r"- \[(\d+)\] ", line))}
    for line, event in zip(lines, report["timeline"], strict=True):
        numbers = [int(n) for n in re.findall(r"\[(\d+)\]", line.split(" > ")[0])]
        assert numbers == event["cites"]
        for n, doc_id in zip(numbers, cited_docs(report, numbers), strict=True):
            assert f"doc {doc_id}" in source_lines[n]
    assert "Harbour talks" in source_lines[report["timeline"][0]["cites"][0]]


def test_roles_relations_quantities_and_trend_are_cited(query: Query, docs: dict[str, Doc]) -> None:
    report = build_report(query, "Ona Verel")
    a = docs["a"].document.id
    # no doc id on role rows yet: of the two same-day articles, the one whose sentence names the title
    [role] = report["roles"]
    assert (role["title"], role["organisation"], role["seen"]) == ("chair", "Harbour Council", "2024-03-05")
    assert cited_docs(report, role["cites"]) == [a]
    [rel] = report["relations"]
    assert (rel["source"]["name"], rel["relation"], rel["target"]["name"]) == ("Ona Verel", "leads",
                                                                               "Harbour Council")
    assert cited_docs(report, rel["cites"]) == [a]
    [q] = report["quantities"]
    assert (q["value"], q["unit"], q["text"], q["type"], q["date"]) == (12e6, "USD", "$12 million", "AGREE",
                                                                         "2024-03")
    assert cited_docs(report, q["cites"]) == [a]
    assert [(t["period"], t["events"], cited_docs(report, t["cites"]), t["unlisted"]) for t in report["trend"]] == [
        ("2024", 2, [a], 0), ("2025", 1, [docs["b"].document.id], 0)]
    text = render_markdown(report)
    n = role["cites"][0]
    assert f"\n- chair, Harbour Council (reported 2024-03-05) [{n}]\n" in text
    assert f"\n- \\$12 million (12,000,000 USD), AGREE, 2024-03 [{n}]\n" in text


def test_a_role_dated_apart_from_its_article_still_cites_the_article_that_reported_it(query: Query) -> None:
    report = build_report(query, "Tomas Brandt")
    [role] = report["roles"]
    assert role["seen"] == "1999-01-01" and role["basis"] == "article"
    assert len(cited_docs(report, role["cites"])) == 1
    assert re.search(r"^- envoy \(reported 1999-01-01\) \[\d+\]$", render_markdown(report), re.M)


class EnrichedQuery(Query):
    """The query layer as the lead is extending it: role rows with their doc id, sanctions flags."""

    def __init__(self, store: Store, role_doc: str) -> None:
        super().__init__(store)
        self.role_doc = role_doc

    def entity(self, name: str) -> dict[str, Any] | None:
        ent = super().entity(name)
        if ent is not None:
            ent["roles"] = [dict(r, doc_id=self.role_doc) for r in ent["roles"]]
            ent["sanctions"] = [{"list": "Test List", "party_id": "P-1", "party_name": HOSTILE_NAME, "score": 0.93,
                                 "explanation": f"name agreed; {HOSTILE_LINK}"}]
        return ent


def test_role_doc_ids_and_sanctions_flags_are_cited_when_the_query_layer_gives_them(
        query: Query, docs: dict[str, Doc]) -> None:
    rich = EnrichedQuery(query.store, docs["b"].document.id)
    report = build_report(rich, "Ona Verel")
    [flag] = report["sanctions"]
    assert flag["cites"] == [4]  # who cites articles 1 to 3; the flag comes next
    listed = sources(report)[flag["cites"][0]]
    assert listed["kind"] == "list" and listed["doc_id"] is None and listed["outlet"] == "Test List"
    [role] = report["roles"]
    assert role["basis"] == "article" and cited_docs(report, role["cites"]) == [docs["b"].document.id]
    page = render_html(report)
    assert HOSTILE_NAME not in page and html_text(page).count(HOSTILE_NAME) >= 1


def html_text(page: str) -> str:
    parser = Collector()
    parser.feed(page)
    return "".join(parser.text)


class Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.hrefs: list[str] = []
        self.text: list[str] = []
        self.rels: list[str | None] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        attr = dict(attrs)
        if "href" in attr:
            self.hrefs.append(attr["href"] or "")
            if not (attr["href"] or "").startswith("#"):
                self.rels.append(attr.get("rel"))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_is_standalone_and_hostile_text_renders_as_text(query: Query, docs: dict[str, Doc]) -> None:
    report = build_report(EnrichedQuery(query.store, docs["a"].document.id), "Ona Verel")
    page = render_html(report)
    parser = Collector()
    parser.feed(page)
    assert page.startswith("<!DOCTYPE html>")
    assert "script" not in parser.tags and "b" not in parser.tags and "i" not in parser.tags
    assert not re.search(r"<(link|img|iframe|object|embed)\b|src=|@import|url\(", page)
    text = "".join(parser.text)
    assert HOSTILE_TITLE in text and HOSTILE_LINK in text and HOSTILE_NAME in text
    # the only outside link is the http(s) source, escaped; the javascript: "source" is plain text
    outside = [h for h in parser.hrefs if not h.startswith("#")]
    assert outside == ["https://news.example/a?x=1&y=2"] and parser.rels == ["noopener noreferrer"]
    assert all(re.fullmatch(r"#src-\d+", h) for h in parser.hrefs if h.startswith("#"))
    assert 'href="https://news.example/a?x=1&amp;y=2"' in page


def test_html_strips_control_and_direction_override_characters() -> None:
    report = {"actor": {"name": "Eve\u202egnirts\u0000\nX", "cites": []}, "sanctions": [], "roles": [],
              "relations": [], "timeline": [], "quantities": [], "trend": [], "sources": []}
    page = render_html(report)
    assert "\u202e" not in page and "\x00" not in page and "Evegnirts X" in page


def test_markdown_neutralises_hostile_text(query: Query, docs: dict[str, Doc]) -> None:
    markdown_it = pytest.importorskip("markdown_it")
    report = build_report(EnrichedQuery(query.store, docs["a"].document.id), "Ona Verel")
    text = render_markdown(report)
    assert "javascript" in text and not re.search(r"(?<!\\)\]\(javascript", text)
    assert "<script" not in text and "<b>" not in text
    assert "\\*x\\*" in text
    rendered = markdown_it.MarkdownIt("commonmark").render(text)  # raw HTML allowed: escaping must hold
    parser = Collector()
    parser.feed(rendered)
    assert not {"script", "b", "em", "strong", "img"} & set(parser.tags)
    assert [h for h in parser.hrefs] == ["https://news.example/a?x=1&y=2"]
    shown = "".join(parser.text)
    assert HOSTILE_TITLE in shown and HOSTILE_LINK in shown and HOSTILE_NAME in shown


@pytest.mark.parametrize("hostile", ["*x*", "<b>x</b>", "[a](javascript:alert(1))", "`code`", "a\n# heading",
                                     "![i](http://e/x.png)", "&amp; &#60;", "<https://evil.example>"])
def test_md_escape_renders_back_to_the_same_text(hostile: str) -> None:
    markdown_it = pytest.importorskip("markdown_it")
    rendered = markdown_it.MarkdownIt("commonmark").render(f"- {md_escape(hostile)}")
    parser = Collector()
    parser.feed(rendered)
    assert parser.tags == ["ul", "li"] and parser.hrefs == []
    assert "".join(parser.text).strip() == " ".join(hostile.split())


def test_unknown_actor_is_an_input_error(query: Query) -> None:
    with pytest.raises(InputError, match="Nobody Atall"):
        build_report(query, "Nobody Atall")
    with pytest.raises(InputError, match="limit"):
        build_report(query, "Ona Verel", limit=-1)


def test_entity_without_events_still_renders(query: Query, docs: dict[str, Doc]) -> None:
    report = build_report(query, "Kestrel Ridge Trust")
    assert report["timeline"] == [] and report["quantities"] == [] and report["trend"] == []
    assert cited_docs(report, report["actor"]["cites"]) == [docs["c"].document.id]
    text = render_markdown(report)
    assert md_section(text, "Timeline") == ["- None recorded."]
    assert "Kestrel Ridge Trust" in render_html(report)


def test_timeline_limit_keeps_the_earliest_and_says_what_it_left_out(query: Query) -> None:
    report = build_report(query, "Ona Verel", limit=1)
    assert [e["type"] for e in report["timeline"]] == ["AGREE"] and report["timeline_truncated"]
    assert [(t["period"], t["unlisted"]) for t in report["trend"]] == [("2024", 1), ("2025", 1)]
    assert report["trend"][1]["cites"] == []
    assert "Only the earliest 1 event listed" in render_markdown(report)
