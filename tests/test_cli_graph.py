"""The graph commands as a user runs them (show-event, timeline, trend, relations, the exports),
as subprocesses on a real store built from the three-outlet corpus in tests/fixtures/resolve."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from test_cli import NEWSGRAPH, Run, run, run_all

CORPUS = Path(__file__).parent / "fixtures" / "resolve"


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Run]:
    cwd = tmp_path_factory.mktemp("cli_graph")
    shutil.copytree(CORPUS, cwd / "corpus")
    ingest = run(["ingest", "corpus", "--db", "g.db"], cwd)
    assert ingest.returncode == 0, ingest.output
    events = run(["timeline", "Tokayev", "Japarov", "--db", "g.db", "--json"], cwd)
    june = next(json.loads(line) for line in events.lines() if '"2024-06-03"' in line)
    jobs = {
        "timeline": ["timeline", "Tokayev", "Japarov", "--db", "g.db", "--json"],
        "timeline_table": ["timeline", "Kassym-Zhomart Tokayev", "--db", "g.db"],
        "show_event": ["show-event", june["id"], "--db", "g.db"],
        "show_event_json": ["show-event", june["id"], "--db", "g.db", "--json"],
        "show_missing": ["show-event", "nope", "--db", "g.db"],
        "trend": ["trend", "Tokayev", "Japarov", "--by", "year", "--db", "g.db", "--json"],
        "trend_bad": ["trend", "Tokayev", "--by", "week", "--db", "g.db"],
        "unknown_actor": ["timeline", "Nobody At All", "--db", "g.db"],
        "graphml": ["export", "--format", "graphml", "-o", "g.graphml", "--db", "g.db"],
        "gexf": ["export", "--format", "gexf", "-o", "g.gexf", "--db", "g.db"],
        "parquet": ["export", "--format", "parquet", "--what", "entities", "-o", "e.parquet", "--db", "g.db"],
        "binary_to_stdout": ["export", "--format", "parquet", "--db", "g.db"],
        "bad_format": ["export", "--format", "xlsx", "--db", "g.db"],
        "entities_jsonl": ["export", "--what", "entities", "--db", "g.db"],
        "reports": ["events", "--reports", "--json", "--db", "g.db"],
        "graph_what": ["export", "--format", "graphml", "--what", "relations", "-o", "r.graphml", "--db", "g.db"],
        "missing_folder": ["export", "--format", "jsonl", "-o", "no/such/folder/x.jsonl", "--db", "g.db"],
        "report_md": ["report", "Tokayev", "--db", "g.db"],
        "report_bad": ["report", "Tokayev", "--format", "pdf", "--db", "g.db"],
        "events": ["events", "--json", "--db", "g.db"],
    }
    done = run_all({k: (v, NEWSGRAPH) for k, v in jobs.items()}, cwd)
    # sanctions last: loading a list writes to the store the reads above share
    sanctions = Path(__file__).parent / "fixtures" / "sanctions"
    (cwd / "list.ftm.jsonl").write_text(
        '{"id": "t-1", "schema": "Person", "datasets": ["test_list"], "properties": {"name": ["Sadyr Japarov"],'
        ' "nationality": ["kg"]}}\n', encoding="utf-8")
    done["sanctions_load"] = run(["sanctions", "load", "list.ftm.jsonl", "--db", "g.db", "--json"], cwd)
    done["sanctions_sdn"] = run(["sanctions", "load", str(sanctions / "sdn_sample.csv"), "--db", "g.db"], cwd)
    done["sanctions_flagged"] = run(["sanctions", "flagged", "--db", "g.db", "--json"], cwd)
    done["sanctions_bad"] = run(["sanctions", "load", "corpus/a_steppe_wire.txt", "--db", "g.db"], cwd)
    done["cwd"] = Run([], 0, str(cwd), "")
    return done


def test_timeline_of_a_dyad_in_time_order_with_source_counts(runs: dict[str, Run]) -> None:
    r = runs["timeline"]
    assert r.returncode == 0, r.output
    rows = [json.loads(line) for line in r.lines()]
    assert [(e["date"]["value"], e["sources"]) for e in rows] == [("2023-05-18", 1), ("2024-06-03", 3)]
    assert runs["timeline_table"].returncode == 0 and "2024-06-03" in runs["timeline_table"].stdout


def test_show_event_lists_its_reports(runs: dict[str, Run]) -> None:
    r = runs["show_event"]
    assert r.returncode == 0, r.output
    assert "3 reports in 3 articles from 3 sources" in r.stdout
    for outlet in ("Steppe Wire", "Highland Daily", "Central Asia Review"):
        assert outlet in r.stdout
    shown = json.loads(runs["show_event_json"].stdout)
    assert len(shown["report_list"]) == 3
    missing = runs["show_missing"]
    assert missing.returncode == 1 and "no event with id 'nope'" in missing.output


def test_trend_counts_and_scores_per_period(runs: dict[str, Run]) -> None:
    rows = [json.loads(line) for line in runs["trend"].lines()]
    assert [(r["period"], r["events"], r["by_type"]) for r in rows] == [("2023", 1, {"CONSULT": 1}),
                                                                        ("2024", 1, {"CONSULT": 1})]
    assert all(r["goldstein"] > 0 and r["cooperation"] == 1 and r["conflict"] == 0 for r in rows)
    bad = runs["trend_bad"]
    assert bad.returncode == 2 and "expected month, quarter or year" in bad.output
    unknown = runs["unknown_actor"]
    assert unknown.returncode == 2 and "no entity is called 'Nobody At All'" in unknown.output


def test_merged_events_and_reports(runs: dict[str, Run]) -> None:
    events, reports = runs["events"].lines(), runs["reports"].lines()
    assert len(reports) == len(events) + 2  # three reports of one meeting are one event


def test_network_and_table_exports_open_in_their_tools(runs: dict[str, Run]) -> None:
    nx = pytest.importorskip("networkx")
    cwd = Path(runs["cwd"].stdout)
    for name in ("graphml", "gexf"):
        assert runs[name].returncode == 0, runs[name].output
    g = nx.read_graphml(cwd / "g.graphml")
    labels = {d.get("label") for _, d in g.nodes(data=True)}
    assert {"Kassym-Jomart Tokayev", "Sadyr Japarov"} <= labels
    assert nx.read_gexf(cwd / "g.gexf").number_of_edges() == g.number_of_edges() > 0
    pq = pytest.importorskip("pyarrow.parquet")
    assert runs["parquet"].returncode == 0, runs["parquet"].output
    table = pq.read_table(cwd / "e.parquet")
    assert "Sadyr Japarov" in table.column("name").to_pylist()
    assert len(runs["entities_jsonl"].lines()) == table.num_rows


def test_export_errors_are_clear(runs: dict[str, Run]) -> None:
    r = runs["binary_to_stdout"]
    assert r.returncode == 2 and "parquet writes a file, not the terminal: give one with -o" in r.output
    r = runs["bad_format"]
    assert r.returncode == 2 and "'xlsx'; choose one of" in r.output


def test_report_and_its_errors(runs: dict[str, Run]) -> None:
    r = runs["report_md"]
    assert r.returncode == 0, r.output
    assert r.stdout.startswith("# Briefing: Kassym-Jomart Tokayev") and "## Sources" in r.stdout
    bad = runs["report_bad"]
    assert bad.returncode == 2 and "--format: 'pdf'; choose md or html" in bad.output


def test_output_problems_are_one_line_errors(runs: dict[str, Run]) -> None:
    r = runs["missing_folder"]
    assert r.returncode == 2 and "no/such/folder/x.jsonl: No such file or directory" in r.output
    assert "Traceback" not in r.output
    r = runs["graph_what"]
    assert r.returncode == 2 and "graphml always holds the whole graph" in r.output


def test_sanctions_load_flags_the_matching_entity(runs: dict[str, Run]) -> None:
    r = runs["sanctions_load"]
    assert r.returncode == 0, r.output
    loaded = json.loads(r.stdout)
    assert loaded["parties"] == 1 and loaded["flagged_entities"] == 1
    flagged = [json.loads(line) for line in runs["sanctions_flagged"].lines()]
    assert [f["name"] for f in flagged] == ["Sadyr Japarov"]
    (flag,) = flagged[0]["sanctions"]
    assert flag["list"] == "test_list" and flag["score"] >= 0.85 and "Sadyr Japarov" in flag["explanation"]
    sdn = runs["sanctions_sdn"]
    assert sdn.returncode == 0 and "sdn_sample.csv:4: expected 12 columns" in sdn.output  # bad rows named
    bad = runs["sanctions_bad"]
    assert bad.returncode == 2 and "a_steppe_wire.txt" in bad.output and "Traceback" not in bad.output
