"""The web UI in a real browser: Debian's chromium, headless, driven by Playwright (the Python
client of playwright-core; no browser is downloaded), against `newsgraph serve` on loopback over a
store ingested from the bundled sample corpus and a hostile article we wrote.

Screenshots land in artifacts/screenshots/ (CI keeps them as artefacts).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import NEWSGRAPH, Server, start_server
from newsgraph.api.app import STATIC

ROOT = Path(__file__).parent.parent.parent
SAMPLE = ROOT / "src" / "newsgraph" / "data" / "sample"
HOSTILE = ROOT / "tests" / "fixtures" / "api" / "hostile.txt"
SHOTS = ROOT / "artifacts" / "screenshots"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = ["--no-sandbox", "--headless=new", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-default-apps", "--disable-extensions"]


def _missing(reason: str) -> None:
    """Skip on a developer's machine; in CI (``$CI`` set, as .ci/run does) a missing piece is a failure."""
    if os.environ.get("CI"):
        pytest.fail(f"browser tests cannot run in CI: {reason}", pytrace=False)
    pytest.skip(reason, allow_module_level=True)


try:
    from playwright import sync_api
except ImportError:
    _missing("playwright is not installed (pip install -e .[dev])")
if CHROMIUM is None:
    _missing("chromium is not installed (make browser-deps, or apt-get install chromium)")
if not (STATIC / "index.html").is_file():
    _missing("the web UI is not built (make web)")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The sample corpus and the hostile article, ingested with the CLI as a user would."""
    db = tmp_path_factory.mktemp("web") / "web.db"
    subprocess.run([NEWSGRAPH, "ingest", str(SAMPLE), str(HOSTILE), "--db", str(db)], check=True,
                   capture_output=True)
    running = start_server(db)
    yield running
    running.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture()
def page(browser: Any, request: pytest.FixtureRequest) -> Iterator[Any]:
    """A fresh page that records script errors and dialogs (an alert would mean injected code ran)."""
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    pg = context.new_page()
    pg.problems = []
    pg.on("pageerror", lambda err: pg.problems.append(f"page error: {err}"))
    pg.on("dialog", lambda d: (pg.problems.append(f"dialog: {d.message}"), d.dismiss()))
    yield pg
    context.close()
    assert pg.problems == []


def shot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def ready(page: Any, view: str) -> Any:
    root = page.locator(f'[data-testid=view][data-view="{view}"][data-state=ready]')
    root.wait_for(timeout=20_000)
    return root


def test_search_an_actor_open_its_page_timeline_graph_and_evidence(page: Any, server: Server) -> None:
    page.goto(server.url + "/")
    ready(page, "home")
    assert int(page.get_by_test_id("stat-documents").inner_text().split()[0]) >= 24
    page.get_by_test_id("search-input").fill("Blinken")
    page.get_by_test_id("search-submit").click()
    ready(page, "search")
    page.get_by_test_id("entity-results").get_by_test_id("entity-link").first.click()
    ready(page, "entity")
    assert page.get_by_test_id("entity-name").inner_text() == "Antony Blinken"
    assert page.get_by_test_id("timeline").get_by_test_id("timeline-item").count() >= 1
    graph = page.get_by_test_id("graph")
    graph.scroll_into_view_if_needed()
    page.locator('[data-testid=graph][data-state=ready]').wait_for(timeout=20_000)
    assert int(graph.get_attribute("data-nodes")) >= 2 and int(graph.get_attribute("data-edges")) >= 1
    shot(page, "entity-blinken")

    link = page.get_by_test_id("evidence-link").first
    link.scroll_into_view_if_needed()
    link.click()
    ready(page, "doc")
    active = page.get_by_test_id("mark-active")
    assert active.count() == 1 and "Blinken" in active.inner_text()
    assert active.is_visible()
    shot(page, "article-evidence")


def test_hub_graph_filters_event_page_dyad_chart_and_map(page: Any, server: Server) -> None:
    page.goto(server.url + "/#/search?q=United%20States")
    ready(page, "search")
    page.get_by_test_id("entity-results").get_by_test_id("entity-link").first.click()
    ready(page, "entity")
    graph = page.get_by_test_id("graph")
    page.locator('[data-testid=graph][data-state=ready]').wait_for(timeout=20_000)
    edges = int(graph.get_attribute("data-edges"))
    assert edges >= 3
    for box in page.get_by_test_id("graph-type").all():  # keep only one event type
        if box.get_attribute("value") != "SANCTION":
            box.uncheck()
    page.get_by_test_id("graph-apply").click()
    page.locator(f'[data-testid=graph][data-state=ready]:not([data-edges="{edges}"])').wait_for(timeout=20_000)
    assert 1 <= int(graph.get_attribute("data-edges")) < edges
    shot(page, "entity-graph-sanctions-only")

    page.get_by_test_id("event-link").first.click()
    ready(page, "event")
    assert page.get_by_test_id("event-report").count() >= 1
    shot(page, "event")

    page.go_back()
    ready(page, "entity")
    page.get_by_test_id("dyad-link").first.click()
    ready(page, "dyad")
    page.locator("[data-testid=trend-chart][data-state=ready]").wait_for(timeout=20_000)
    assert int(page.get_by_test_id("trend-chart").get_attribute("data-periods")) >= 1
    shot(page, "dyad-trend")

    page.goto(server.url + "/#/map")
    ready(page, "map")
    assert int(page.get_by_test_id("map").get_attribute("data-places")) >= 5
    assert page.get_by_test_id("place").count() >= 5
    shot(page, "map")


def test_hostile_article_text_renders_as_text(page: Any, server: Server) -> None:
    """<script>, <img onerror>, entities and odd Unicode in a stored article show as text; nothing runs."""
    page.goto(server.url + "/#/search?q=Schallenberg")
    ready(page, "search")
    hits = page.get_by_test_id("sentence-item")
    assert hits.count() >= 1 and "<script>" in hits.first.inner_text()
    hits.first.locator("a").first.click()
    ready(page, "doc")
    text = page.get_by_test_id("doc-text").inner_text()
    assert "<script>window.__xss = 3</script>" in text
    assert "&lt;b&gt;until 2026&lt;/b&gt;" in text  # entities stay as written, not decoded into markup
    assert "東京" in text and "🙂" in text and "Zürich" in text
    assert "<script>" in page.get_by_test_id("doc-title").inner_text()
    shot(page, "hostile-article")
    for view in ("#/", "#/search?q=ministers", "#/map"):
        page.goto(server.url + "/" + view)
        page.locator("[data-testid=view][data-state=ready]").wait_for(timeout=20_000)
    assert page.evaluate("() => window.__xss") is None
    scripts = page.evaluate("() => Array.from(document.scripts).map(s => s.src)")
    assert all(src.endswith("/static/app.js") for src in scripts), scripts
    assert page.evaluate("() => document.querySelectorAll('[onerror], [onload], [onclick]').length") == 0


# ---- analyst write actions, against a server with a token over a store of its own ----------

TOKEN = "browser-test-token-4821"


@pytest.fixture(scope="module")
def analyst_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A writable server (--token) over its own copy of the sample corpus, so the writes below
    cannot change what the read-only tests above see."""
    db = tmp_path_factory.mktemp("web-analyst") / "analyst.db"
    subprocess.run([NEWSGRAPH, "ingest", str(SAMPLE), "--db", str(db)], check=True, capture_output=True)
    running = start_server(db, token=TOKEN)
    yield running
    running.stop()


def test_analyst_adds_an_article_merges_rejects_and_undoes(page: Any, analyst_server: Server) -> None:
    url = analyst_server.url
    # Without a token in this tab, write controls are replaced by a hint.
    page.goto(url + "/#/search?q=India")
    ready(page, "search")
    page.get_by_test_id("entity-results").get_by_test_id("entity-link").first.click()
    ready(page, "entity")
    assert page.get_by_test_id("analyst-hint").is_visible()
    assert page.get_by_test_id("merge-input").count() == 0

    # The token and name go into this tab's sessionStorage, nowhere else.
    page.goto(url + "/#/analyst")
    ready(page, "analyst")
    assert page.get_by_test_id("ingest-text").count() == 0
    page.get_by_test_id("analyst-token").fill(TOKEN)
    page.get_by_test_id("analyst-name").fill("Browser Test")
    page.get_by_test_id("analyst-save").click()
    page.locator("[data-testid=analyst-status][data-token=set]").wait_for(timeout=20_000)
    assert TOKEN not in page.url
    assert page.evaluate("() => localStorage.length") == 0
    assert TOKEN in page.evaluate("() => Object.values(sessionStorage)")

    # Add an article through the form, then open it.
    page.get_by_test_id("ingest-title").fill("Germany and France sign a defence pact")
    page.get_by_test_id("ingest-published").fill("2024-05-02")
    page.get_by_test_id("ingest-text").fill(
        "Germany signed a defence agreement with France in Berlin on Tuesday. "
        "Russia accused Germany of escalating the conflict.")
    page.get_by_test_id("ingest-submit").click()
    result = page.get_by_test_id("ingest-result")
    result.wait_for(timeout=60_000)
    assert "Added 1 article" in result.inner_text()
    page.get_by_test_id("audit-row").first.wait_for(timeout=20_000)
    shot(page, "analyst-ingested")
    result.get_by_test_id("ingest-doc-link").click()
    ready(page, "doc")
    assert page.get_by_test_id("doc-title").inner_text() == "Germany and France sign a defence pact"
    assert page.get_by_test_id("doc-published").inner_text() == "2024-05-02"
    assert "defence agreement" in page.get_by_test_id("doc-text").inner_text()

    # Merge Japan into India from India's page.
    page.goto(url + "/#/search?q=India")
    ready(page, "search")
    page.get_by_test_id("entity-results").get_by_test_id("entity-link").first.click()
    ready(page, "entity")
    assert page.get_by_test_id("entity-name").inner_text() == "India"
    page.get_by_test_id("merge-input").fill("Japan")
    option = page.get_by_test_id("merge-option").first
    option.wait_for(timeout=20_000)
    assert option.locator("bdi").inner_text() == "Japan"
    option.click()
    page.get_by_test_id("merge-note").fill("one entity for the browser test")
    page.get_by_test_id("merge-submit").click()
    page.get_by_test_id("notice").wait_for(timeout=20_000)
    ready(page, "entity")
    assert "Merged" in page.get_by_test_id("notice").inner_text()
    assert page.get_by_test_id("entity-name").inner_text() == "India"
    assert "Japan" in page.get_by_test_id("entity-aliases").inner_text()
    assert page.locator('[data-testid=split-name][value="Japan"]').count() == 1
    shot(page, "entity-merged")

    # Reject one of its events: the page says so, and the API no longer answers it.
    page.get_by_test_id("timeline").get_by_test_id("event-link").first.click()
    ready(page, "event")
    event_id = page.url.rsplit("/", 1)[-1]
    page.get_by_test_id("reject-note").fill("not an event")
    page.get_by_test_id("reject-submit").click()
    rejected = page.get_by_test_id("event-rejected")
    rejected.wait_for(timeout=20_000)
    assert "Rejected" in rejected.inner_text()
    assert page.request.get(f"{url}/api/events/{event_id}").status == 404
    shot(page, "event-rejected")

    # The analyst page lists the three writes, newest first, and the two decisions.
    rejected.get_by_role("link").click()
    ready(page, "analyst")
    rows = page.get_by_test_id("audit-row")
    assert [rows.nth(i).get_attribute("data-action") for i in range(rows.count())] == ["reject", "merge", "ingest"]
    assert "Browser Test" in rows.first.inner_text() and "not an event" in rows.first.inner_text()
    decisions = page.get_by_test_id("decision-row")
    assert decisions.count() == 2
    assert page.locator("[data-testid=decision-row][data-active=true]").count() == 2
    shot(page, "analyst-audit")

    # Undo the rejection: the decision is marked undone, the log grows, the event is back.
    page.locator("[data-testid=decision-row][data-kind=reject] [data-testid=decision-undo]").click()
    page.locator("[data-testid=decision-row][data-kind=reject][data-active=false]").wait_for(timeout=20_000)
    page.locator('[data-testid=audit-row][data-action=undo]').wait_for(timeout=20_000)
    assert page.get_by_test_id("audit-row").count() == 4
    assert page.locator("[data-testid=decision-row][data-kind=reject] [data-testid=decision-undo]").count() == 0
    assert page.request.get(f"{url}/api/events/{event_id}").status == 200
    assert page.get_by_test_id("error").is_hidden()
    shot(page, "analyst-undone")

    # Split Japan back off India, by the name group the page offers: Japan has its own page again.
    page.goto(url + "/#/search?q=India")
    ready(page, "search")
    page.get_by_test_id("entity-results").get_by_test_id("entity-link").first.click()
    ready(page, "entity")
    page.locator('[data-testid=split-name][value="Japan"]').check()
    page.get_by_test_id("split-note").fill("not one country after all")
    page.get_by_test_id("split-submit").click()
    page.get_by_test_id("notice").wait_for(timeout=20_000)
    ready(page, "entity")
    assert page.get_by_test_id("entity-name").inner_text() == "Japan"
    india = page.request.get(f"{url}/api/entities/India").json()
    assert "Japan" not in india["aliases"] and india["name"] == "India"
    assert page.request.get(f"{url}/api/audit").json()["items"][0]["action"] == "split"
    shot(page, "entity-split")
