"""The HTTP API against the real server (`newsgraph serve`, started as a user would) on a loopback
port, over a real SQLite file built from articles we wrote (tests/fixtures)."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest

from conftest import Server, start_server
from newsgraph import pipeline

FIXTURES = Path(__file__).parent.parent / "fixtures"
CORPUS = sorted(str(p) for p in (FIXTURES / "resolve").glob("*.txt"))
HOSTILE = FIXTURES / "api" / "hostile.txt"
TOKEN = "s3cret-token-for-tests"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("api") / "api.db"
    report = pipeline.ingest(CORPUS, db)
    assert report.ingested == len(CORPUS) and not report.errors
    return db


@pytest.fixture(scope="module")
def ro(store: Path) -> Iterator[Server]:
    """The server as it starts by default: read-only."""
    server = start_server(store)
    yield server
    server.stop()


@pytest.fixture()
def rw(tmp_path: Path, store: Path) -> Iterator[Server]:
    """A server with writes allowed, over a copy of the store (each test gets its own)."""
    db = tmp_path / "rw.db"
    db.write_bytes(store.read_bytes())
    server = start_server(db, TOKEN, None, "--fetch-private")  # the test site below is on loopback
    yield server
    server.stop()


def get(server: Server, path: str, status: int = 200, **params: Any) -> Any:
    r = httpx.get(server.url + path, params=params, timeout=30)
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/json")
    return r.json()


def post(server: Server, path: str, body: Any = None, status: int = 200, token: str | None = TOKEN,
         who: str | None = "ana") -> Any:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    if who:
        headers["X-Analyst"] = who
    r = httpx.post(server.url + path, json=body, headers=headers, timeout=120)
    assert r.status_code == status, r.text
    return r.json()


def error(answer: Any, status: int, code: str) -> str:
    assert set(answer) == {"error"} and answer["error"]["status"] == status and answer["error"]["code"] == code
    message: str = answer["error"]["message"]
    assert message
    return message


# --- reads ---------------------------------------------------------------------------------------

def test_openapi_schema_lists_every_route(ro: Server) -> None:
    schema = get(ro, "/openapi.json")
    paths = set(schema["paths"])
    for path in ("/api/entities", "/api/entities/{entity}", "/api/entities/{entity}/timeline",
                 "/api/entities/{entity}/trend", "/api/entities/{entity}/graph", "/api/events", "/api/events/{event}",
                 "/api/search", "/api/documents/{doc_id}", "/api/places", "/api/relations", "/api/audit",
                 "/api/entities/merge", "/api/entities/{entity}/split", "/api/events/{event}/reject",
                 "/api/documents"):
        assert path in paths, path


def test_entities_search_and_pages(ro: Server) -> None:
    found = get(ro, "/api/entities", q="tokayev")
    assert [e["name"] for e in found["items"]] == ["Kassym-Jomart Tokayev"]
    assert found["total"] == 1 and found["next"] is None
    first = get(ro, "/api/entities", per_page=2)
    assert len(first["items"]) == 2 and first["total"] > 2 and first["next"]
    second = httpx.get(ro.url + first["next"], timeout=30).json()
    assert second["page"] == 2 and not {e["id"] for e in first["items"]} & {e["id"] for e in second["items"]}
    persons = get(ro, "/api/entities", kind="person", country="kgz")["items"]
    assert persons and all(e["kind"] == "person" and e["country"] == "KGZ" for e in persons)


@pytest.mark.parametrize("params", [{"per_page": 201}, {"per_page": 0}, {"page": 0}, {"page": "x"}])
def test_page_sizes_are_bounded(ro: Server, params: dict[str, Any]) -> None:
    assert "page" in error(get(ro, "/api/entities", 422, **params), 422, "bad_input")


def test_missing_things_are_json_404s(ro: Server) -> None:
    assert "nobody" in error(get(ro, "/api/entities/nobody", 404), 404, "not_found")
    error(get(ro, "/api/events/ffff", 404), 404, "not_found")
    error(get(ro, "/api/documents/ffff", 404), 404, "not_found")
    error(get(ro, "/api/nothing-here", 404), 404, "not_found")
    assert "since" in error(get(ro, "/api/events", 400, since="last week"), 400, "bad_input")


def test_one_entity_has_roles_relations_and_evidence(ro: Server) -> None:
    e = get(ro, "/api/entities/Sadyr Japarov")
    assert e["kind"] == "person" and e["country"] == "KGZ"
    assert e["event_counts"] == {"CONSULT": 2}
    assert any(r["title"].lower() == "president" for r in e["roles"])
    assert e["evidence"] and all(v["sentence"] for v in e["evidence"])
    assert get(ro, f"/api/entities/{e['id']}")["id"] == e["id"]  # by id as well as by name


def test_dyad_timeline_trend_and_graph(ro: Server) -> None:
    tl = get(ro, "/api/entities/Kassym-Jomart Tokayev/timeline", other="Sadyr Japarov")
    assert [ev["date"]["value"] for ev in tl["items"]] == ["2023-05-18", "2024-06-03"]
    assert [ev["sources"] for ev in tl["items"]] == [1, 3]
    trend = get(ro, "/api/entities/Kassym-Jomart Tokayev/trend", other="Sadyr Japarov", by="year")
    assert [(t["period"], t["events"], t["cooperation"], t["conflict"]) for t in trend] == [
        ("2023", 1, 1, 0), ("2024", 1, 1, 0)]
    g = get(ro, "/api/entities/Kassym-Jomart Tokayev/graph")
    names = {n["name"] for n in g["nodes"]}
    assert g["center"] == g["nodes"][0]["id"] and "Sadyr Japarov" in names
    assert [(e["type"], e["weight"]) for e in g["edges"]] == [("CONSULT", 2)] and g["edges_total"] == 1
    assert get(ro, "/api/entities/Kassym-Jomart Tokayev/graph", types="ASSAULT")["edges"] == []
    assert get(ro, "/api/entities/Kassym-Jomart Tokayev/graph", since="2024")["edges"][0]["weight"] == 1


def test_events_filters_and_one_event_with_every_report(ro: Server) -> None:
    everything = get(ro, "/api/events")
    assert everything["total"] == len(everything["items"]) == 4
    assert get(ro, "/api/events", since="2024-06")["total"] == 1
    assert get(ro, "/api/events", actor="Kim Jong Un")["total"] == 1
    assert get(ro, "/api/events", actor="Kim Jong Un", other="Sergei Shoigu")["total"] == 1
    assert get(ro, "/api/events", place="seoul")["total"] == 1
    assert get(ro, "/api/events", modality="negated")["total"] == 0
    astana = get(ro, "/api/events", place="Astana")["items"][0]
    event = get(ro, f"/api/events/{astana['id']}")
    assert len(event["report_list"]) == 3 and len({r["outlet"] for r in event["report_list"]}) == 3
    assert event["sources"] == 3


def test_search_documents_and_places(ro: Server) -> None:
    hits = get(ro, "/api/search", q="Astana talks")
    assert hits["total"] >= 1 and all("astana" in h["text"].lower() for h in hits["items"])
    assert get(ro, "/api/search", q='" OR * NEAR(')["total"] == 0  # FTS syntax is quoted away
    hit = hits["items"][0]
    doc = get(ro, f"/api/documents/{hit['doc_id']}")
    assert doc["text"][hit["start"]:hit["end"]].strip() == hit["text"].strip()
    events = [s for s in doc["spans"] if s["kind"] == "event"]
    assert events and all(0 <= s["start"] < s["end"] <= len(doc["text"]) for s in doc["spans"])
    assert get(ro, f"/api/events/{events[0]['ref']}")["id"] == events[0]["ref"]
    places = {p["name"]: p for p in get(ro, "/api/places")}
    assert places["Astana"]["events"] == 1 and places["Astana"]["lat"] > 40


def test_concurrent_readers(ro: Server) -> None:
    urls = [ro.url + p for p in ("/api/stats", "/api/entities", "/api/events", "/api/places")] * 10
    with ThreadPoolExecutor(8) as pool:
        codes = list(pool.map(lambda u: httpx.get(u, timeout=30).status_code, urls))
    assert codes == [200] * len(urls)


def test_other_host_names_are_refused(ro: Server) -> None:
    """A web page rebinding its own name to 127.0.0.1 cannot read the store."""
    r = httpx.get(ro.url + "/api/entities", headers={"Host": "evil.example"}, timeout=30)
    assert r.status_code == 400 and error(r.json(), 400, "bad_host")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    port = ro.url.rsplit(":", 1)[1]
    for host in (f"localhost:{port}", f"127.0.0.1:{port}"):
        assert httpx.get(ro.url + "/api/stats", headers={"Host": host}, timeout=30).status_code == 200


def test_responses_carry_a_strict_content_security_policy(ro: Server) -> None:
    r = httpx.get(ro.url + "/", timeout=30)
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"


# --- writes --------------------------------------------------------------------------------------

def test_a_client_can_check_its_token_before_writing(ro: Server, rw: Server) -> None:
    assert get(ro, "/api/server") == {"writable": False, "authorized": False, "who": None}
    assert get(rw, "/api/server") == {"writable": True, "authorized": False, "who": None}
    r = httpx.get(rw.url + "/api/server", headers={"Authorization": f"Bearer {TOKEN}", "X-Analyst": "ana"})
    assert r.json() == {"writable": True, "authorized": True, "who": "ana"}


def test_a_read_only_server_refuses_every_write(ro: Server) -> None:
    for path, body in (("/api/documents", {"text": "x"}), ("/api/entities/merge", {"ids": ["a", "b"]}),
                       ("/api/events/x/reject", None), ("/api/decisions/1/undo", None)):
        assert "read-only" in error(post(ro, path, body, status=403), 403, "read_only")
    assert get(ro, "/api/audit")["total"] == 0


def test_writes_need_the_right_token(rw: Server) -> None:
    error(post(rw, "/api/entities/merge", {"ids": ["a", "b"]}, status=401, token=None), 401, "unauthorized")
    error(post(rw, "/api/entities/merge", {"ids": ["a", "b"]}, status=401, token="wrong-token"), 401, "unauthorized")
    assert get(rw, "/api/audit")["total"] == 0


def test_posting_an_article_ingests_it_verbatim_and_audits_it(rw: Server) -> None:
    text = HOSTILE.read_text(encoding="utf-8").split("\n\n", 1)[1]
    done = post(rw, "/api/documents", {"text": text, "title": "<b>Ministers</b> & more", "published": "2024-04-16",
                                       "source": "hostile.txt"}, status=201, who="dana")
    assert done["ingested"] == 1 and done["events"] >= 1
    doc = get(rw, f"/api/documents/{done['documents'][0]}")
    assert doc["text"].strip() == text.strip() and "<script>" in doc["text"]  # stored as text, not cleaned
    assert doc["title"] == "<b>Ministers</b> & more"
    assert any(s["kind"] == "event" for s in doc["spans"])
    again = post(rw, "/api/documents", {"text": text}, status=201)
    assert again["ingested"] == 0 and again["skipped"] == 1 and again["documents"] == done["documents"]
    audit = get(rw, "/api/audit")["items"]
    assert [(a["action"], a["who"], a["detail"]["ingested"]) for a in audit] == [("ingest", "ana", 0),
                                                                                 ("ingest", "dana", 1)]
    error(post(rw, "/api/documents", {"title": "no text"}, status=422), 422, "bad_input")
    error(post(rw, "/api/documents", {"text": "   "}, status=422), 422, "bad_input")


@pytest.fixture()
def site(tmp_path: Path) -> Iterator[str]:
    """A web server on loopback serving one article page we wrote (the network edge, made real)."""
    (tmp_path / "article.html").write_bytes((FIXTURES / "api" / "article.html").read_bytes())

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *a: Any, **kw: Any) -> None:
            super().__init__(*a, directory=str(tmp_path), **kw)

        def log_message(self, *a: Any) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_posting_a_url_fetches_the_page(rw: Server, site: str) -> None:
    done = post(rw, "/api/documents", {"url": site + "/article.html"}, status=201)
    assert done["ingested"] == 1
    doc = get(rw, f"/api/documents/{done['documents'][0]}")
    assert doc["url"] == site + "/article.html" and doc["published"] == "2024-05-21"
    assert "Copyright" not in doc["text"] and "border security agreement" in doc["text"]
    assert "404" in error(post(rw, "/api/documents", {"url": site + "/missing.html"}, status=400), 400, "bad_input")
    assert "http" in error(post(rw, "/api/documents", {"url": "file:///etc/passwd"}, status=400), 400, "bad_input")


def test_posted_urls_cannot_reach_private_addresses_by_default(store: Path, tmp_path: Path, site: str) -> None:
    db = tmp_path / "fetch.db"
    db.write_bytes(store.read_bytes())
    server = start_server(db, TOKEN)
    try:
        for url in (site + "/article.html", "http://10.1.2.3/x", "http://[::1]/x", "http://169.254.169.254/latest"):
            message = error(post(server, "/api/documents", {"url": url}, status=400), 400, "bad_input")
            assert "--fetch-private" in message, message
        assert get(server, "/api/audit")["total"] == 0
    finally:
        server.stop()


def test_merge_split_reject_and_undo_through_the_api(rw: Server) -> None:
    north = get(rw, "/api/entities/Kim Jong Un")
    merged = post(rw, "/api/entities/merge", {"ids": [north["id"], "Kim Hong-kyun"], "note": "test"})
    assert get(rw, "/api/entities/Kim Hong-kyun")["id"] == merged["entity"]
    error(post(rw, "/api/entities/merge", {"ids": [north["id"]]}, status=422), 422, "bad_input")

    japarov = get(rw, "/api/entities/Sadyr Japarov")
    groups = japarov["name_groups"]
    assert len(groups) >= 2 and any("Sadyr Zhaparov" in g for g in groups)
    assert sorted(n for g in groups for n in g) == sorted({japarov["name"], *japarov["aliases"]})
    split = post(rw, f"/api/entities/{japarov['id']}/split", {"names": ["Sadyr Zhaparov"]})
    assert get(rw, "/api/entities/Sadyr Zhaparov")["id"] == split["split"] != split["entity"]

    seoul = get(rw, "/api/events", place="Seoul")["items"][0]
    rejected = post(rw, f"/api/events/{seoul['id']}/reject", {"note": "duplicate"})
    error(get(rw, f"/api/events/{seoul['id']}", 404), 404, "not_found")
    assert get(rw, "/api/events", place="Seoul")["total"] == 0
    assert "already" in error(post(rw, f"/api/events/{seoul['id']}/reject", status=400), 400, "bad_input")

    post(rw, f"/api/decisions/{rejected['decision']}/undo")
    assert get(rw, "/api/events", place="Seoul")["total"] == 1
    post(rw, f"/api/decisions/{merged['decision']}/undo")
    assert get(rw, "/api/entities/Kim Hong-kyun")["id"] != get(rw, "/api/entities/Kim Jong Un")["id"]
    error(post(rw, f"/api/decisions/{merged['decision']}/undo", status=400), 400, "bad_input")

    actions = [(a["action"], a["who"]) for a in get(rw, "/api/audit")["items"]]
    assert actions == [("undo", "ana"), ("undo", "ana"), ("reject", "ana"), ("split", "ana"), ("merge", "ana")]
    decisions = get(rw, "/api/decisions")
    assert [(d["kind"], d["undone_at"] is None) for d in decisions["items"]] == [("reject", False), ("split", True),
                                                                                 ("merge", False)]
    assert get(rw, "/api/decisions", active="true")["total"] == 1
