"""The `newsgraph` command: a thin typer front end over the pipeline and the query layer."""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from newsgraph import settings
from newsgraph.errors import InputError, NewsgraphError

app = typer.Typer(help="News reporting in; sourced actors, events and relations out.", no_args_is_help=True,
                  add_completion=False)
# soft_wrap: lines are never broken at the terminal width, so piped output stays greppable.
# Piped output has no terminal width to respect: tables get room so dates and ids are never cut.
out = Console(soft_wrap=True, width=None if sys.stdout.isatty() else 240)
err = Console(stderr=True, soft_wrap=True)
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def safe(text: str | None) -> Text:
    """Article text for the terminal: never read as markup, control characters (escape codes) shown
    as visible escapes so a hostile article cannot drive the terminal."""
    return Text(CONTROL.sub(lambda m: repr(m.group())[1:-1], text or ""))


def error(message: str) -> None:
    err.print(Text.assemble(("error: ", "red"), safe(message)))

DbOption = Annotated[Path, typer.Option("--db", help="SQLite store file (default $NEWSGRAPH_DB or ./newsgraph.db)")]


def _db(db: Path | None) -> Path:
    return db or settings.default_db()


def _open_existing(db: Path):  # type: ignore[no-untyped-def]
    from newsgraph.store import Store

    if not db.exists():
        error(f"{db}: no such store; run `newsgraph ingest PATH --db {db}` first")
        raise typer.Exit(2)
    return Store.open(db)


def _parse_date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)", param_hint=option) from None


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders or globs (.txt .md .html .jsonl)")],
    db: DbOption = None,  # type: ignore[assignment]
    published: Annotated[str | None, typer.Option(help="Publication date for files that give none")] = None,
    source: Annotated[str | None, typer.Option(help="Outlet name for these files")] = None,
    processes: Annotated[int, typer.Option(help="Parser processes")] = 1,
) -> None:
    """Read articles, extract actors and events, and store them (re-running adds nothing twice)."""
    from newsgraph import pipeline
    from newsgraph.store import Store

    report = pipeline.IngestReport()
    docs = list(pipeline.read_documents(paths, report, _parse_date(published, "--published"), source))
    for message in report.errors:
        error(message)
    shown = len(report.errors)

    with Store.open(_db(db)) as store, Progress(
        TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=err, transient=True, disable=not err.is_terminal,
    ) as progress:
        task = progress.add_task("ingest", total=len(docs))
        pipeline.process(docs, store, report, n_process=processes,
                         on_progress=lambda n: progress.advance(task, n))
    for message in report.errors[shown:]:
        error(message)
    for message in report.warnings:
        err.print(Text.assemble(("warning: ", "yellow"), safe(message)))
    err.print(safe(f"ingested {report.ingested}, skipped {report.skipped} (already stored), failed {report.failed}; "
                   f"{report.events} events, {report.words} words in {report.seconds:.1f}s -> {_db(db)}"))
    if report.failed:
        raise typer.Exit(1)


@app.command()
def events(
    db: DbOption = None,  # type: ignore[assignment]
    actor: Annotated[str | None, typer.Option(help="Name or alias of an actor")] = None,
    type: Annotated[str | None, typer.Option("--type", help="PLOVER type, e.g. CONSULT")] = None,
    since: Annotated[str | None, typer.Option(help="Earliest date (YYYY, YYYY-MM or YYYY-MM-DD)")] = None,
    until: Annotated[str | None, typer.Option(help="Latest date")] = None,
    limit: Annotated[int, typer.Option(help="At most this many")] = 200,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line")] = False,
    reports: Annotated[bool, typer.Option("--reports", help="Every article's report on its own row")] = False,
) -> None:
    """List events (one per happening, merged over articles) in date order, undated last."""
    from newsgraph import query

    with _open_existing(_db(db)) as store:
        rows = query.Query(store).events(actor=actor, type=type.upper() if type else None, since=since,
                                         until=until, limit=limit, reports=reports)
    _print_events(rows, as_json)


def _print_events(rows: list[dict[str, Any]], as_json: bool) -> None:
    if as_json:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
        return
    table = Table("id", "date", "type", "source", "target", "modality", "place", "src", "evidence",
                  show_lines=False)
    for row in rows:
        table.add_row(safe(row["id"]), safe((row["date"] or {}).get("value")),
                      safe(f'{row["type"]}/{row["mode"] or ""}'),
                      safe((row["source"] or {}).get("name")), safe((row["target"] or {}).get("name")),
                      safe(row["modality"]), safe((row["place"] or {}).get("name")), str(row["sources"]),
                      safe(_clip(row["evidence"][0]["sentence"] if row["evidence"] else "", 80)))
    out.print(table)
    err.print(f"{len(rows)} events")


@app.command("show-event")
def show_event(
    event_id: Annotated[str, typer.Argument(help="An event id (or the id of one of its reports)")],
    db: DbOption = None,  # type: ignore[assignment]
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """One event and every report of it: which articles state it, and what each says."""
    from newsgraph import query

    with _open_existing(_db(db)) as store:
        found = query.Query(store).event(event_id)
    if found is None:
        error(f"no event with id {event_id!r}; ids are in `newsgraph events`")
        raise typer.Exit(1)
    if as_json:
        print(json.dumps(found, ensure_ascii=False, indent=2))
        return
    when = (found["date"] or {}).get("value") or "undated"
    src, tgt = (found["source"] or {}).get("name"), (found["target"] or {}).get("name")
    out.print(Text.assemble((f"{found['type']}/{found['mode']}", "bold"),
                            safe(f"  {src} -> {tgt}  {when}  [{found['modality']}]")))
    out.print(safe(f"{found['reports']} reports in {found['articles']} articles from {found['sources']} sources;"
                   " merged because type, actors, time, place and modality agree"))
    for rep in found["report_list"]:
        rwhen = (rep["date"] or {}).get("value") or "undated"
        rsrc, rtgt = (rep["source"] or {}).get("name"), (rep["target"] or {}).get("name")
        mark = "*" if rep["primary"] else "-"
        out.print(safe(f"\n{mark} {rep['outlet'] or rep['evidence'][0]['source']} ({rep['published'] or 'undated'}):"
                       f" {rsrc} -> {rtgt}, {rwhen}, {(rep['place'] or {}).get('name') or 'no place'}"))
        for e in rep["evidence"]:
            out.print(safe(f"    “{e['sentence']}” ({e['source']})"))


@app.command()
def timeline(
    actor: Annotated[str, typer.Argument(help="Name, alias or id of an entity")],
    other: Annotated[str | None, typer.Argument(help="A second entity: the dyad's events only")] = None,
    db: DbOption = None,  # type: ignore[assignment]
    limit: Annotated[int | None, typer.Option(help="At most this many")] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """An actor's (or a dyad's) events in time order, with modality and source counts."""
    from newsgraph import query

    with _open_existing(_db(db)) as store:
        rows = query.Query(store).timeline(actor, other, limit=limit)
    _print_events(rows, as_json)


@app.command()
def trend(
    actor: Annotated[str, typer.Argument(help="Name, alias or id of an entity")],
    other: Annotated[str | None, typer.Argument(help="A second entity: the dyad only")] = None,
    by: Annotated[str, typer.Option(help="month, quarter or year")] = "month",
    db: DbOption = None,  # type: ignore[assignment]
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Events per period and PLOVER type, with a cooperation-conflict (Goldstein-style) score."""
    from newsgraph import query

    with _open_existing(_db(db)) as store:
        rows = query.Query(store).trend(actor, other, by=by)
    if as_json:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
        return
    table = Table("period", "events", "goldstein", "coop", "conflict", "by type")
    for row in rows:
        table.add_row(row["period"], str(row["events"]), f"{row['goldstein']:+.1f}", str(row["cooperation"]),
                      str(row["conflict"]), safe(", ".join(f"{k} {v}" for k, v in row["by_type"].items())))
    out.print(table)


@app.command()
def report(
    actor: Annotated[str, typer.Argument(help="Name, alias or id of an entity")],
    db: DbOption = None,  # type: ignore[assignment]
    format: Annotated[str, typer.Option("--format", help="md (Markdown) or html (a standalone page)")] = "md",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write (default stdout)")] = None,
    limit: Annotated[int, typer.Option(help="At most this many timeline events")] = 200,
) -> None:
    """A briefing on one actor: who, roles, relations, sanctions flags, timeline and key quantities,
    every line citing the articles that state it."""
    from newsgraph.query import Query
    from newsgraph.report import build_report, render_html, render_markdown

    if format not in ("md", "html"):
        raise InputError("--format", f"{format!r}; choose md or html")
    with _open_existing(_db(db)) as store:
        briefing = build_report(Query(store), actor, limit=limit)
    text = render_html(briefing) if format == "html" else render_markdown(briefing)
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
        err.print(safe(f"wrote {output}"))


@app.command()
def relations(
    db: DbOption = None,  # type: ignore[assignment]
    actor: Annotated[str | None, typer.Option(help="Only this entity's relations")] = None,
    relation: Annotated[str | None, typer.Option(help="holds_office_in, leads, member_of, ...")] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Standing relations between entities, with the period seen and how many sentences state them."""
    from newsgraph import query

    with _open_existing(_db(db)) as store:
        q = query.Query(store)
        rows = q.relations(entity=q.find_entity_id(actor) if actor else None, relation=relation)
    if as_json:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
        return
    table = Table("source", "relation", "target", "first seen", "last seen", "statements")
    for row in rows:
        table.add_row(safe(row["source"]["name"]), safe(row["relation"]), safe(row["target"]["name"]),
                      safe(row["first_seen"]), safe(row["last_seen"]), str(len(row["evidence"])))
    out.print(table)


@app.command()
def entities(
    db: DbOption = None,  # type: ignore[assignment]
    kind: Annotated[str | None, typer.Option(help="person, government, military, igo, country, ...")] = None,
    country: Annotated[str | None, typer.Option(help="ISO alpha-3 code")] = None,
    q: Annotated[str | None, typer.Option("--search", help="Part of a name or alias")] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """List actors with their kind, country, sector and counts."""
    from newsgraph import query

    with _open_existing(_db(db)) as store:
        rows = query.Query(store).entities(kind=kind, country=country.upper() if country else None, q=q)
    if as_json:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
        return
    table = Table("name", "kind", "country", "sector", "events", "mentions", "aliases")
    for row in rows:
        table.add_row(safe(row["name"]), safe(row["kind"]), safe(row["country"]), safe(row["sector"]),
                      str(row["event_count"]), str(row["mention_count"]), safe(_clip(", ".join(row["aliases"]), 50)))
    out.print(table)


@app.command()
def show(
    name: Annotated[str, typer.Argument(help="Name or alias of an actor")],
    db: DbOption = None,  # type: ignore[assignment]
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """An actor's roles, events and the sentences that state them."""
    from newsgraph import query

    with _open_existing(_db(db)) as store:
        found = query.Query(store).entity(name)
    if found is None:
        error(f"no actor named {name!r}; try `newsgraph entities --search {name}`")
        raise typer.Exit(1)
    if as_json:
        print(json.dumps(found, ensure_ascii=False, indent=2))
        return
    out.print(Text.assemble((safe(found["name"]).plain, "bold"),
                            safe(f" ({found['kind']}, {found['country'] or '-'}, {found['sector'] or '-'})")))
    if found["aliases"]:
        out.print(safe("also: " + ", ".join(found["aliases"])))
    for flag in found["sanctions"]:
        out.print(Text.assemble(("SANCTIONS ", "bold red"), safe(
            f"{flag['list']}: listed as {flag['party_name']} (score {flag['score']:.2f}; {flag['explanation']})")))
    for rel in found["relations"]:
        out.print(safe(f"relation: {rel['source']['name']} {rel['relation']} {rel['target']['name']}"
                       f" (seen {rel['first_seen'] or '?'} to {rel['last_seen'] or '?'}, {len(rel['evidence'])}"
                       " statements)"))
    for role in found["roles"]:
        org = f" ({role['organisation']})" if role.get("organisation") else ""
        out.print(safe(f"role: {role['title']}{org}, seen {role.get('seen') or 'undated'}"))
    for ev in found["events"]:
        when = (ev["date"] or {}).get("value") or "undated"
        src, tgt = (ev["source"] or {}).get("name"), (ev["target"] or {}).get("name")
        out.print(safe(f"\n{when}  {ev['type']}/{ev['mode']}  {src} -> {tgt}  [{ev['modality']}]"))
        for e in ev["evidence"]:
            out.print(safe(f"    “{e['sentence']}” ({e['source']})"))


@app.command()
def export(
    db: DbOption = None,  # type: ignore[assignment]
    format: Annotated[str, typer.Option("--format", help="jsonl, csv (GDELT-style events), graphml, gexf,"
                                        " ftm (FollowTheMoney) or parquet")] = "jsonl",
    what: Annotated[str, typer.Option("--what", help="events, entities or relations (jsonl, parquet)")] = "events",
    reports: Annotated[bool, typer.Option("--reports", help="Events: one row per article's report")] = False,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write (default stdout)")] = None,
) -> None:
    """Export the graph: events, entities or relations as JSONL/CSV/Parquet, or all of it as a
    GraphML/GEXF network (Gephi, networkx) or FollowTheMoney entities."""
    from newsgraph.export import writer
    from newsgraph.query import Query

    with _open_existing(_db(db)) as store:
        problems = writer.export(Query(store), format, what, output, sys.stdout, reports=reports)
    for problem in problems:
        error(problem)


@app.command()
def evaluate(
    gold: Annotated[Path | None, typer.Argument(
        help="Gold annotations (the seeds.gold.json format) to score the store against; without it, the "
             "bundled dev and test corpora are ingested into temporary stores and scored side by side")] = None,
    db: DbOption = None,  # type: ignore[assignment]
    as_json: Annotated[bool, typer.Option("--json")] = False,
    explain: Annotated[bool, typer.Option("--explain", help="Sort each missed gold event and each false "
                                          "positive into one cause and count them (and matched events "
                                          "with a wrong modality or date)")] = False,
    dev: Annotated[list[Path] | None, typer.Option(
        "--dev", help="Without GOLD: a folder of articles and *.gold.json files to use as the dev part "
                      "instead of the bundled sample + corpus/dev (repeatable)")] = None,
    test: Annotated[list[Path] | None, typer.Option(
        "--test", help="Without GOLD: a folder to use as the test part instead of the bundled "
                       "corpus/test (repeatable)")] = None,
) -> None:
    """Score the store against hand-made gold: events (P/R/F1, accuracies, misses, false positives),
    relations (P/R/F1), and how far merging reduced reports to events. Without GOLD: ingest the
    bundled corpora (dev, and the frozen test part) and print both parts' figures side by side."""
    from newsgraph import evaluate as ev
    from newsgraph import query

    if gold is None:
        if db is not None:
            raise typer.BadParameter("scores a store against GOLD: give a gold file, or drop --db to score "
                                     "the bundled corpora", param_hint="--db")
        _evaluate_corpora(dev, test, as_json, explain)
        return
    if dev or test:
        raise typer.BadParameter("--dev and --test choose the corpora scored without GOLD",
                                 param_hint="--dev/--test")
    gold_data = ev.load_gold(gold)
    with _open_existing(_db(db)) as store:
        q = query.Query(store)
        # The gold annotates each article's statements: score the reports, not the merged events.
        rows = q.events(limit=None, reports=True, order="document")
        merged = q.events(limit=None, order="document") if gold_data.get("duplicate_groups") else []
        relations = q.relations()
        counts = q.stats()
    report = ev.score(gold_data, rows)
    if merged:  # a duplicate group is merged when one happening (not one report) matched its members
        groups = ev.score(gold_data, merged)
        report.duplicate_groups_found = groups.duplicate_groups_found
        report.duplicate_groups_merged = groups.duplicate_groups_merged
    rel = ev.score_relations(gold_data, relations)
    graph = {k: counts[k] for k in ("documents", "reports", "events", "actor_keys", "entities",
                                    "relation_statements", "relations")}
    if as_json:
        print(json.dumps({**report.to_dict(explain), "relations": rel.to_dict(), "graph": graph},
                         ensure_ascii=False))
        return
    report.render(out)
    if explain:
        out.print("\n[bold]causes[/bold]")
        out.print(safe(report.explanation.format_text()))
    out.print("\nrelations (lenient: country-or-organisation ends; strict: gold entities)")
    out.print(safe(rel.format_text()))
    out.print(safe(f"\ngraph: {graph['reports']} reports merged into {graph['events']} events;"
                   f" {graph['actor_keys']} actor names resolved into {graph['entities']} entities;"
                   f" {graph['relation_statements']} relation statements into {graph['relations']} relations"))


def _evaluate_corpora(dev: list[Path] | None, test: list[Path] | None, as_json: bool, explain: bool) -> None:
    """`evaluate` without GOLD: the dev and test parts, each ingested and scored, side by side."""
    from newsgraph import evaluate as ev

    parts = ev.bundled_corpora()
    for name, given in (("dev", dev), ("test", test)):
        if given:
            for folder in given:
                if not folder.is_dir():
                    raise typer.BadParameter(f"{folder}: no such folder", param_hint=f"--{name}")
            parts[name] = [ev.CorpusFolder(folder) for folder in given]
    with Progress(TextColumn("ingesting {task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=err, transient=True, disable=not err.is_terminal) as progress:
        tasks = {name: progress.add_task(name, total=None) for name in parts}
        results = ev.evaluate_corpora(parts, on_progress=lambda name, n: progress.advance(tasks[name], n))
    if as_json:
        print(json.dumps({name: r.to_dict(explain) for name, r in results.items()}, ensure_ascii=False))
        return
    table = Table("measure", *results, title="evaluation: dev and test parts")
    for row in ev.corpus_table(results, explain):
        table.add_row(*(safe(cell) for cell in row))
    out.print(table)
    for name, r in results.items():
        folders = ", ".join(r.folders)
        out.print(safe(f"{name}: {folders}; gold: {', '.join(Path(g).name for g in r.gold_files) or 'none'}"))
        for note in r.notes:
            out.print(safe(f"  note: {note}"))


sanctions_app = typer.Typer(help="Sanctions lists: load them, and see which entities they flag.",
                            no_args_is_help=True)
app.add_typer(sanctions_app, name="sanctions")


@sanctions_app.command("load")
def sanctions_load(
    path: Annotated[Path, typer.Argument(help="FollowTheMoney JSON lines (OpenSanctions) or OFAC sdn.csv")],
    db: DbOption = None,  # type: ignore[assignment]
    threshold: Annotated[float, typer.Option(help="Lowest match score (0-1) that flags an entity")] = 0.85,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Store a sanctions list and flag the entities that match its parties (with why they match)."""
    from newsgraph.sanctions import load_and_flag

    if not 0 < threshold <= 1:
        raise typer.BadParameter(f"{threshold} is not in (0, 1]", param_hint="--threshold")
    with _open_existing(_db(db)) as store:
        result = load_and_flag(store, path, threshold=threshold)
    for problem in result.errors:
        error(str(problem))
    if as_json:
        print(json.dumps(result.to_dict(), ensure_ascii=False))
    else:
        err.print(safe(f"{result.parties} parties stored from {path} ({len(result.errors)} bad records);"
                       f" {result.flagged} of {result.entities} entities flagged ({result.matches} matches)"))


@sanctions_app.command("flagged")
def sanctions_flagged(
    db: DbOption = None,  # type: ignore[assignment]
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Entities matched to a listed party, with the score and the explanation of each match."""
    from newsgraph import query

    with _open_existing(_db(db)) as store:
        rows = [e for e in query.Query(store).entities(detail=True) if e["sanctions"]]
    if as_json:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
        return
    table = Table("entity", "kind", "country", "list", "listed as", "score", "why")
    for row in rows:
        for m in row["sanctions"]:
            table.add_row(safe(row["name"]), safe(row["kind"]), safe(row["country"]), safe(m["list"]),
                          safe(m["party_name"]), f"{m['score']:.2f}", safe(m["explanation"]))
    out.print(table)


@app.command()
def stats(db: DbOption = None) -> None:  # type: ignore[assignment]
    """Counts of documents, sentences, entities and events by type."""
    from newsgraph import query

    with _open_existing(_db(db)) as store:
        print(json.dumps(query.Query(store).stats(), indent=2))


analyst_app = typer.Typer(help="Analyst corrections (merge, split, reject, undo) and the audit log; each "
                               "correction survives later ingests.", no_args_is_help=True)
app.add_typer(analyst_app, name="analyst")
WhoOption = Annotated[str, typer.Option("--who", envvar="USER", help="who decides (audit log); default $USER")]
NoteOption = Annotated[str | None, typer.Option("--note", help="why (kept with the decision)")]


def _decide(db: Path | None, action: str, *args: Any) -> None:
    from newsgraph.workspace import Workspace

    ws = Workspace(_db(db))
    print(json.dumps(getattr(ws, action)(*args), ensure_ascii=False))


@analyst_app.command("merge")
def analyst_merge(entities: Annotated[list[str], typer.Argument(help="two or more entity ids, names or aliases")],
                  db: DbOption = None, who: WhoOption = "analyst",  # type: ignore[assignment]
                  note: NoteOption = None) -> None:
    """Make several entities one."""
    _decide(db, "merge_entities", entities, who, note)


@analyst_app.command("split")
def analyst_split(entity: Annotated[str, typer.Argument(help="entity id, name or alias")],
                  names: Annotated[list[str], typer.Argument(help="the names or aliases to split off")],
                  db: DbOption = None, who: WhoOption = "analyst",  # type: ignore[assignment]
                  note: NoteOption = None) -> None:
    """Move some of an entity's names into an entity of their own."""
    _decide(db, "split_entity", entity, names, who, note)


@analyst_app.command("reject")
def analyst_reject(event: Annotated[str, typer.Argument(help="event id (see `newsgraph events`)")],
                   db: DbOption = None, who: WhoOption = "analyst",  # type: ignore[assignment]
                   note: NoteOption = None) -> None:
    """Hide a wrongly extracted event from every read and export."""
    _decide(db, "reject_event", event, who, note)


@analyst_app.command("undo")
def analyst_undo(decision: Annotated[int, typer.Argument(help="decision number (see `newsgraph analyst log`)")],
                 db: DbOption = None, who: WhoOption = "analyst",  # type: ignore[assignment]
                 note: NoteOption = None) -> None:
    """Revert one decision."""
    _decide(db, "undo_decision", decision, who, note)


@analyst_app.command("log")
def analyst_log(db: DbOption = None, limit: Annotated[int, typer.Option(min=1)] = 50,  # type: ignore[assignment]
                as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """The audit log, newest first, and the decisions still in force."""
    from newsgraph import query

    with _open_existing(_db(db)) as store:
        rows = query.Query(store).audit(limit)
    if as_json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    table = Table("#", "at", "who", "action", "target", "detail")
    for r in rows:
        table.add_row(str(r["id"]), r["at"], safe(r["who"]), r["action"], safe(r["target"] or ""),
                      safe(_clip(json.dumps(r["detail"], ensure_ascii=False), 100)))
    out.print(table)


@app.command()
def serve(
    db: DbOption = None,  # type: ignore[assignment]
    host: Annotated[str, typer.Option(help="address to listen on (loopback by default)")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="port (0: any free port)")] = 8000,
    token: Annotated[str | None, typer.Option(envvar="NEWSGRAPH_TOKEN", show_default=False,
                                              help="allow writes to requests bearing this token "
                                                   "(or $NEWSGRAPH_TOKEN); read-only without it")] = None,
    create: Annotated[bool, typer.Option(help="create the store if it does not exist")] = False,
    fetch_private: Annotated[bool, typer.Option(help="let posted URLs reach loopback and private addresses "
                                                     "(an intranet news site); off: they are refused")] = False,
    allow_host: Annotated[list[str] | None, typer.Option(
        help="a host name clients may use to reach this server, besides the bound address and localhost "
             "(repeatable); requests naming another Host are refused")] = None,
) -> None:
    """Serve the JSON API (/api, schema at /openapi.json) and the web UI (/) over a store."""
    import uvicorn

    from newsgraph.api import create_app
    from newsgraph.api.security import allowed_hosts
    from newsgraph.workspace import Workspace

    if token is not None and len(token) < 8:
        raise InputError("--token", "use at least 8 characters")
    workspace = Workspace(_db(db), create=create, fetch_private=fetch_private)
    mode = "writes need the token" if token else "read-only (start with --token to allow writes)"
    print(f"newsgraph: serving {workspace.db} on http://{host}:{port} ({mode})", flush=True)
    hosts = allowed_hosts(host, [h.lower() for h in allow_host or []])
    uvicorn.run(create_app(workspace, token, hosts), host=host, port=port, log_level="warning")


def _clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def main() -> None:
    try:
        app()
    except NewsgraphError as e:
        error(str(e))
        sys.exit(2)
    except OSError as e:  # an output file in a missing folder, a full disk, no permission
        error(f"{e.filename or 'output'}: {e.strerror or e}")
        sys.exit(2)


if __name__ == "__main__":
    main()
