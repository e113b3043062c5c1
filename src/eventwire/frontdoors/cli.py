"""The command line: a thin layer over ``eventwire.pipe`` and the store."""
from __future__ import annotations

import logging
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

import typer
import typer.core
from rich.console import Console

from ..ingest.fetch import is_url
from ..ingest.sources import read_path, read_stdin, read_url
from ..model import CodedDocument, Failed, Item
from ..settings import MIN_CONFIDENCE


if TYPE_CHECKING:
    from ..coding.classifier import ClassifySettings
    from ..pipeline import Settings


def _plain(param: Any, ctx: Any) -> Any:
    """Help names a value as a word (TEXT, N, PATH), never Python's ``<list[str]>``; a flag takes none."""
    if param.metavar is None:
        if isinstance(param, typer.core.TyperArgument):
            param.metavar = param.name.upper()
            param.display_type_rich = lambda ctx: None  # the name says it; typer would add <list[str]>
        else:
            shown = param.display_type(ctx)
            param.metavar = ("" if param.is_flag else "N" if "<int" in shown else "X" if "<float" in shown
                             else "PATH" if "path" in shown else "TEXT")
    return param


class _Group(typer.core.TyperGroup):
    def get_params(self, ctx: Any) -> list[Any]:
        return [_plain(p, ctx) for p in super().get_params(ctx)]

    def get_command(self, ctx: Any, name: str) -> Any:
        command = super().get_command(ctx, name)
        if command is not None and not isinstance(command, typer.core.TyperGroup):
            for p in command.get_params(ctx):
                _plain(p, ctx)
        return command


app = typer.Typer(add_completion=False, no_args_is_help=True, cls=_Group,
                  help="eventwire: news in, conflict events out, with the evidence for every field.")
err = Console(stderr=True)


def _version(show: bool) -> None:
    if show:
        from .. import __version__
        print(f"eventwire {__version__}")
        raise typer.Exit()


@app.callback()
def _group(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                        help="print the version and exit")) -> None:
    """eventwire: news in, conflict events out, with the evidence for every field."""


def _items(paths: list[str], jsonl: bool, allow_private: bool = False) -> Iterator[Item]:
    for path in paths:
        if path == "-":
            yield from read_stdin(jsonl)
        elif is_url(path):
            yield from read_url(path, allow_private)
        else:
            yield from read_path(path)


def coded(paths: list[str], jsonl: bool, progress: bool = True,
          settings: Settings | None = None, allow_private: bool = False) -> Iterator[CodedDocument | Failed]:
    """Read, then code, each input; a failed read passes through as ``Failed``."""
    from itertools import islice

    from ..pipeline import BATCH_SIZE, Pipeline
    run = Pipeline(settings=settings)
    items: Iterator[Item] = iter(_items(paths, jsonl, allow_private))
    if progress and not jsonl:
        items = _with_progress(items)
    while chunk := list(islice(items, BATCH_SIZE)):
        results = run.pipe([i for i in chunk if not isinstance(i, Failed)])
        for item in chunk:
            yield item if isinstance(item, Failed) else next(results)


def _with_progress(items: Iterable[Item]) -> Iterator[Item]:
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TextColumn("{task.completed} documents"),
                  TimeElapsedColumn(), console=err, transient=True) as bar:
        task = bar.add_task("coding")
        for item in items:
            yield item
            bar.advance(task)


def _check_inputs(paths: list[str]) -> None:
    missing = [p for p in paths if p != "-" and not is_url(p) and not Path(p).exists()]
    if missing:
        err.print(f"[red]error:[/] cannot read {', '.join(missing)}")
        raise typer.Exit(2)


@app.command()
def code(
    paths: Optional[list[str]] = typer.Argument(None, help="files, folders or http(s) URLs (text, HTML, RSS/Atom, JSONL), or - for stdin (the default)"),
    jsonl: bool = typer.Option(False, "--jsonl", help="speak the coding contract: JSON Lines in on stdin, out on stdout"),
    fmt: Optional[str] = typer.Option(None, "--format", "-f", help="table (default), json, jsonl, csv or geojson"),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="write here instead of stdout"),
    merge: bool = typer.Option(False, "--merge", help="read all input first and give events of one happening one incident id"),
    model: Optional[Path] = typer.Option(None, "--model", help="a classifier trained with `eventwire train`, used beside the rules"),
    min_confidence: float = typer.Option(MIN_CONFIDENCE, "--min-confidence", min=0.0, max=1.0,
                                         help="leave out events less confident than this (0 keeps all)"),
    allow_private: bool = typer.Option(False, "--allow-private",
                                       help="let URLs reach private, loopback and link-local addresses"),
) -> None:
    """Code articles into events."""
    from .. import export
    if not paths and sys.stdin.isatty():
        err.print("[red]error:[/] give files or folders to code, or pipe documents in (`eventwire code --jsonl < docs.jsonl`)")
        raise typer.Exit(2)
    paths = paths or ["-"]  # the contract: `eventwire code --jsonl < docs.jsonl`
    _check_inputs(paths)
    from ..incidents.gate import GateSettings
    settings: dict[str, Any] = {"gate": GateSettings(min_confidence=min_confidence)}
    if model is not None:
        settings["classify"] = _model_settings(model)
    fmt = "jsonl" if jsonl and fmt is None else (fmt or "table")
    if fmt not in export.FORMATS:
        err.print(f"[red]error:[/] unknown format {fmt!r} (one of {', '.join(export.FORMATS)})")
        raise typer.Exit(2)
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    results = coded(paths, jsonl, settings=settings, allow_private=allow_private)
    if merge:
        from ..incidents.merge import assign_incidents
        results = assign_incidents(list(results))
    stream = open(out, "w", encoding="utf-8") if out else sys.stdout
    ok = failed = 0
    try:
        for item in export.write(results, fmt, stream, err):
            if isinstance(item, Failed) or item.error:
                failed += 1
            else:
                ok += 1
    finally:
        if out:
            stream.close()
    if failed:
        err.print(f"{ok} coded, {failed} failed")
    if ok == 0 and failed:
        raise typer.Exit(1)


@app.command()
def batch(
    inputs: list[str] = typer.Argument(..., help="folders, files (any supported format) or Parquet with id/text/published"),
    out: Path = typer.Option(..., "--out", help="output folder: Parquet partitions per table"),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="tcp://HOST:PORT of a running Dask scheduler"),
    workers: Optional[int] = typer.Option(None, "--workers", help="local worker processes (default: all cores)"),
    chunk_size: int = typer.Option(100, "--chunk-size", help="documents per task"),
) -> None:
    """Code a corpus on Dask distributed into Parquet (resumable: a re-run skips finished chunks)."""
    from rich.progress import Progress, TextColumn, TimeElapsedColumn

    from .batch import run_batch
    _check_inputs(inputs)
    with Progress(TextColumn("{task.description}"), TimeElapsedColumn(), console=err) as bar:
        task = bar.add_task("starting workers")

        def show(stats, secs):
            bar.update(task, description=f"{stats.documents} documents, {stats.events} events, "
                                         f"{stats.documents / secs:.1f} docs/s")
        stats = run_batch(inputs, str(out), scheduler=scheduler, workers=workers, chunk_size=chunk_size,
                          progress=show)
    err.print(f"{stats.documents} documents coded ({stats.failed} failed, {stats.events} events) in "
              f"{stats.seconds:.1f} s, {stats.docs_per_second:.1f} docs/s; "
              f"{stats.skipped_chunks} chunks already done")


@app.command()
def ingest(
    paths: list[str] = typer.Argument(..., help="files or folders (text, HTML, RSS/Atom, JSONL), or - for stdin"),
    db: str = typer.Option("eventwire.db", "--db", help="the store: a SQLite file or a postgresql:// URL"),
    jsonl: bool = typer.Option(False, "--jsonl", help="standard input is JSON Lines (the coding contract)"),
    replace: bool = typer.Option(False, "--replace", help="code texts already stored again and replace their coding"),
) -> None:
    """Code articles into a store; a text already stored is skipped."""
    from collections import Counter

    from ..pipeline import Pipeline
    from ..store import StoreError, open_store
    from ..store import ingest as ingest_items
    _check_inputs(paths)
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    try:
        store = open_store(db)
    except StoreError as exc:
        err.print(f"[red]error:[/] {exc}", highlight=False)
        raise typer.Exit(2)
    items: Iterable[Item] = _items(paths, jsonl)
    counts: Counter[str] = Counter()
    with store:
        for done in ingest_items(store, items if jsonl else _with_progress(items), Pipeline(), replace=replace):
            counts[done.outcome] += 1
            if done.error:
                err.print(f"[red]{done.id}:[/] {done.error}", highlight=False, soft_wrap=True)
    err.print(f"{counts['stored']} stored, {counts['skipped']} already stored, {counts['failed']} failed "
              f"in {store.name}", highlight=False, soft_wrap=True)
    if counts["failed"] and not (counts["stored"] or counts["skipped"]):
        raise typer.Exit(1)


@app.command()
def events(
    db: str = typer.Option("eventwire.db", "--db", help="the store: a SQLite file or a postgresql:// URL"),
    since: Optional[str] = typer.Option(None, "--since", help="events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)"),
    until: Optional[str] = typer.Option(None, "--until", help="events on or before this date"),
    types: Optional[list[str]] = typer.Option(None, "--type", help="PLOVER type, e.g. ASSAULT (repeat for several)"),
    acled: Optional[list[str]] = typer.Option(None, "--acled", "--acled-type", help="ACLED event or sub-event type"),
    actor: Optional[str] = typer.Option(None, "--actor", help="words of an actor's name, any case"),
    countries: Optional[list[str]] = typer.Option(None, "--country", help="country of the location: ISO code or name"),
    statuses: Optional[list[str]] = typer.Option(None, "--status", help="asserted, claimed, denied, …"),
    q: Optional[str] = typer.Option(None, "--q", help="words in the evidence, an actor's name or the location, any case"),
    bbox: Optional[str] = typer.Option(None, "--bbox", help="located within west,south,east,north (degrees)"),
    fmt: str = typer.Option("table", "--format", "-f", help="table, csv, jsonl, json or geojson"),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="write here instead of stdout"),
    limit: Optional[int] = typer.Option(None, "--limit", min=0, help="at most this many events"),
    offset: int = typer.Option(0, "--offset", min=0, help="skip this many events first"),
) -> None:
    """List, filter and export the events of a store."""
    from .. import export
    from ..store import StoreError, open_store
    from ..store.table import events_table
    if fmt not in export.FORMATS:
        err.print(f"[red]error:[/] unknown format {fmt!r} (one of {', '.join(export.FORMATS)})")
        raise typer.Exit(2)
    try:
        with open_store(db, create=False) as store:
            rows = store.events(limit=limit, offset=offset, since=since, until=until, type=types,
                                acled=acled, actor=actor, country=countries, status=statuses, q=q, bbox=bbox)
    except (StoreError, ValueError) as exc:
        err.print(f"[red]error:[/] {exc}", highlight=False)
        raise typer.Exit(2)
    stream = open(out, "w", encoding="utf-8") if out else sys.stdout
    try:
        if fmt == "table":
            Console(file=stream, width=160).print(events_table(rows, title=f"{len(rows)} events"))
        else:
            export.write_rows(rows, fmt, stream)
            if fmt in ("json", "geojson"):
                stream.write("\n")
    finally:
        if out:
            stream.close()


@app.command()
def serve(
    db: str = typer.Option("eventwire.db", "--db", help="the store: a SQLite file or a postgresql:// URL"),
    host: str = typer.Option("127.0.0.1", "--host", help="address to listen on"),
    port: int = typer.Option(8000, "--port", help="port to listen on"),
) -> None:
    """Serve the store over HTTP: the JSON API under /api and the dashboard at /."""
    from ..store import StoreError, open_store
    try:
        import uvicorn

        from .api import create_app
    except ImportError:
        err.print("[red]error:[/] serving needs fastapi and uvicorn: pip install fastapi uvicorn", highlight=False)
        raise typer.Exit(2)
    try:
        store = open_store(db, create=False)
    except StoreError as exc:
        err.print(f"[red]error:[/] {exc}", highlight=False)
        raise typer.Exit(2)
    shown = f"[{host}]" if ":" in host else host
    err.print(f"serving {store.name} at http://{shown}:{port}/ (dashboard), /api, /docs; Ctrl+C stops",
              highlight=False, soft_wrap=True)
    with store:
        # "info" logs each request (client, method, path, status) as it is answered.
        uvicorn.run(create_app(store), host=host, port=port, log_level="info")


def _need_sklearn() -> None:
    import importlib.util
    if importlib.util.find_spec("sklearn") is None:
        err.print("[red]error:[/] the classifier needs scikit-learn: pip install 'eventwire[train]'", highlight=False)
        raise typer.Exit(2)


def _model_settings(folder: Path) -> ClassifySettings:
    """Check the folder and make it the "classify" stage's model."""
    from ..coding.classifier import MANIFEST_FILE, MODEL_FILE, ClassifySettings
    _need_sklearn()
    if not (folder / MANIFEST_FILE).is_file() or not (folder / MODEL_FILE).is_file():
        err.print(f"[red]error:[/] {folder} holds no trained model (train one with `eventwire train`)", highlight=False)
        raise typer.Exit(2)
    return ClassifySettings(model=folder.resolve())


@app.command()
def train(
    labelled: Path = typer.Argument(..., help="JSON Lines: id, text, and the ACLED event_type and sub_event_type"),
    out: Path = typer.Option(..., "--out", "-o", help="folder to write model.joblib and manifest.json into"),
    against_rules: bool = typer.Option(True, "--against-rules/--alone",
                                       help="tune when the model may overrule the rules by running the rules "
                                            "on the held-out part (--alone: the model decides only where rules found nothing)"),
) -> None:
    """Train the optional classifier of ACLED sub-event types on your own labelled data."""
    from .train import read_labelled
    from .train import train as fit
    if not labelled.is_file():
        err.print(f"[red]error:[/] cannot read {labelled}", highlight=False)
        raise typer.Exit(2)
    _need_sklearn()
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    try:
        rows, skipped = read_labelled(labelled)
        why = ", ".join(f"{v} {k.replace('_', ' ')}" for k, v in skipped.items() if v)
        err.print(f"{len(rows)} labelled rows" + (f" (skipped: {why})" if why else ""), highlight=False)
        manifest = fit(rows, out, against_rules=against_rules, skipped=skipped)
    except ValueError as exc:
        err.print(f"[red]error:[/] {exc}", highlight=False)
        raise typer.Exit(2)
    err.print(f"trained on {manifest.n_train}, measured on {manifest.n_holdout} held out; thresholds "
              f"{manifest.thresholds}; saved to {out}", highlight=False)
    for key, value in manifest.metrics.items():
        err.print(f"  {key:<40} {value}", highlight=False)


gazetteer_app = typer.Typer(no_args_is_help=True, cls=_Group, help="The offline gazetteer used by geocoding.")
app.add_typer(gazetteer_app, name="gazetteer")


@gazetteer_app.command("build")
def gazetteer_build() -> None:
    """Build (or rebuild) the gazetteer index in the cache directory."""
    import time

    from ..geo import gazetteer
    t0 = time.perf_counter()
    path = gazetteer.build()
    g, secs = gazetteer.timed_load()
    err.print(f"built {path} ({path.stat().st_size / 1e6:.1f} MB, {len(g)} places) in "
              f"{time.perf_counter() - t0:.0f} s; loads in {secs:.2f} s", highlight=False)


@app.command()
def watch(
    feeds: Path = typer.Argument(..., help="a text file of feed URLs or paths, one per line (# comments)"),
    every: str = typer.Option("15m", "--every", help="how often each feed is polled: 30s, 15m, 2h ..."),
    db: str = typer.Option("eventwire.db", "--db", help="the store: a SQLite file or a postgresql:// URL"),
    once: bool = typer.Option(False, "--once", help="poll the feeds that are due once, then stop (for cron)"),
    allow_private: bool = typer.Option(False, "--allow-private",
                                       help="let feeds reach private, loopback and link-local addresses"),
) -> None:
    """Poll RSS/Atom feeds and store each new entry, coded, once."""
    from ..ingest.fetch import FetchRules
    from ..pipeline import Pipeline
    from ..store import StoreError, open_store
    from .watch import parse_every, read_feed_list
    from .watch import watch as run_watch
    _check_inputs([str(feeds)])
    try:
        interval = parse_every(every)
        store = open_store(db)
    except (ValueError, StoreError) as exc:
        err.print(f"[red]error:[/] {exc}", highlight=False)
        raise typer.Exit(2)
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)

    def report(p) -> None:
        line = p.error if p.error else f"{p.stored} stored, {p.seen} seen before, {len(p.failed)} failed"
        err.print(f"{p.url}: {p.status}: {line}" if p.error else f"{p.url}: {line}" if p.status == "stored"
                  else f"{p.url}: {p.status}", highlight=False, soft_wrap=True)
        for ident, why in p.failed:
            err.print(f"  [red]{ident}:[/] {why}", highlight=False, soft_wrap=True)

    with store:
        try:
            rules = FetchRules(allow_private=True) if allow_private else FetchRules()
            run_watch(store, read_feed_list(str(feeds)), interval, Pipeline(), once=once, report=report, rules=rules)
        except KeyboardInterrupt:
            err.print("stopped")


def _stored(db: str, read):
    """``read(store)`` on the store at ``db``, or exit 2 with the store's or the filter's message."""
    from ..store import StoreError, open_store
    try:
        with open_store(db, create=False) as store:
            return read(store)
    except (StoreError, ValueError) as exc:
        err.print(f"[red]error:[/] {exc}", highlight=False)
        raise typer.Exit(2)


def _write(out: Optional[Path], write) -> None:
    stream = open(out, "w", encoding="utf-8") if out else sys.stdout
    try:
        write(stream)
    finally:
        if out:
            stream.close()


@app.command()
def figures(
    db: str = typer.Option("eventwire.db", "--db", help="the store: a SQLite file or a postgresql:// URL"),
    what: Optional[str] = typer.Option(None, "--what", help="one kind of count: infected, aircraft, ..."),
    fmt: str = typer.Option("table", "--format", "-f", help="table, csv, jsonl, json or geojson"),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="write here instead of stdout"),
) -> None:
    """List and export the counts the stored texts report (never deaths: those are event fatalities)."""
    from rich.table import Table

    from .. import export
    from ..store.schema import figures as table
    if fmt not in export.FORMATS:
        err.print(f"[red]error:[/] unknown format {fmt!r} (one of {', '.join(export.FORMATS)})")
        raise typer.Exit(2)
    rows = _stored(db, lambda store: store.figures(what=what))

    def write(stream) -> None:
        if fmt != "table":
            export.write_rows(rows, fmt, stream, columns=[c.name for c in table.c])
            stream.write("\n" if fmt in ("json", "geojson") else "")
            return
        t = Table(title=f"{len(rows)} figures", title_justify="left")
        for heading in ("date", "value", "what", "words", "place", "cc", "document"):
            t.add_column(heading, overflow="fold")
        for r in rows:
            t.add_row(f"{r['date'] or ''}{'*' if r['date_inferred'] else ''}", str(r["value"]), r["what"], r["text"],
                      r["place"] or "", r["country"] or "", r["doc_id"])
        Console(file=stream, width=160).print(t)

    _write(out, write)


@app.command()
def actors(
    db: str = typer.Option("eventwire.db", "--db", help="the store: a SQLite file or a postgresql:// URL"),
    fmt: str = typer.Option("table", "--format", "-f", help="table, json or graphml (the actor graph)"),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="write here instead of stdout"),
) -> None:
    """The actors of a store with their aliases, kinds and events, and who backs or arms whom (SUPPORT/AID)."""
    import json

    from rich.table import Table

    from ..actorgraph import FORMATS, graph, graphml
    if fmt not in FORMATS:
        err.print(f"[red]error:[/] unknown format {fmt!r} (one of {', '.join(FORMATS)})")
        raise typer.Exit(2)
    g = _stored(db, graph)

    def write(stream) -> None:
        if fmt == "json":
            stream.write(json.dumps(g, ensure_ascii=False, indent=1) + "\n")
        elif fmt == "graphml":
            stream.write(graphml(g))
        else:
            console = Console(file=stream, width=160)
            t = Table(title=f"{len(g['nodes'])} actors", title_justify="left")
            for heading in ("actor", "kinds", "countries", "events", "aliases"):
                t.add_column(heading, overflow="fold")
            for n in g["nodes"]:
                t.add_row(n["id"] + (" (inferred)" if n["inferred"] else ""), ", ".join(n["kinds"]),
                          ", ".join(n["countries"]), str(n["events"]), "; ".join(n["aliases"]))
            console.print(t)
            r = Table(title=f"{len(g['edges'])} relations", title_justify="left")
            for heading in ("source", "kind", "target", "as", "first", "last", "statements", "statuses"):
                r.add_column(heading, overflow="fold")
            for e in g["edges"]:
                r.add_row(e["source"], e["kind"], e["target"], ", ".join(e["relations"]), e["first"] or "",
                          e["last"] or "", str(e["statements"]) + (" (inferred)" if e["inferred"] else ""),
                          ", ".join(e["statuses"]))
            console.print(r)

    _write(out, write)


@app.command()
def control(
    place: Optional[str] = typer.Argument(None, help="a place name or GeoNames id: its control timeline"),
    db: str = typer.Option("eventwire.db", "--db", help="the store: a SQLite file or a postgresql:// URL"),
    country: Optional[str] = typer.Option(None, "--country", help="with --date: who holds what in this country"),
    date: Optional[str] = typer.Option(None, "--date", help="with --country: on this day (YYYY, YYYY-MM or YYYY-MM-DD)"),
    fmt: str = typer.Option("table", "--format", "-f", help="table or json"),
) -> None:
    """Who took or left a place and when, as told (claimed, asserted …); or who holds what in a country."""
    import json
    from dataclasses import asdict

    from rich.table import Table

    from ..store.control import changes, holdings
    if (place is None) == (country is None and date is None) or (country is None) != (date is None):
        err.print("[red]error:[/] give a PLACE, or --country and --date")
        raise typer.Exit(2)
    if place is not None:
        rows = [asdict(ch) for ch in _stored(db, lambda store: changes(store, place=place))]
        columns = ("date", "change", "holder", "loser", "status", "place", "doc_id")
    else:
        rows = _stored(db, lambda store: holdings(store, country, date))
        columns = ("place", "holder", "since", "change", "status")
    if fmt == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
        return
    t = Table(title=f"{place}: {len(rows)} control changes" if place else f"{country} on {date}: {len(rows)} places",
              title_justify="left")
    for heading in columns:
        t.add_column(heading, overflow="fold")
    for r in rows:
        t.add_row(*("" if r[k] is None else str(r[k]) for k in columns))
    Console(width=160).print(t)


@app.command()
def incidents(
    db: str = typer.Option("eventwire.db", "--db", help="the store: a SQLite file or a postgresql:// URL"),
    rebuild: bool = typer.Option(False, "--rebuild", help="assign every stored event's incident again from scratch"),
    since: Optional[str] = typer.Option(None, "--since", help="incidents with a report on or after this date"),
    until: Optional[str] = typer.Option(None, "--until", help="incidents with a report on or before this date"),
    countries: Optional[list[str]] = typer.Option(None, "--country", help="country of a report's location"),
    fmt: str = typer.Option("table", "--format", "-f",
                            help="table, csv, jsonl, json, acled (ACLED's own columns) or plover (POLECAT-style)"),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="write here instead of stdout"),
    limit: Optional[int] = typer.Option(None, "--limit", min=0, help="at most this many incidents"),
    offset: int = typer.Option(0, "--offset", min=0, help="skip this many incidents first"),
) -> None:
    """List and export incidents: each happening once, with every report that tells of it."""
    from rich.table import Table

    from .. import export, export_incidents
    from ..store.incidents import INCIDENT_COLUMNS
    formats = ("table", "csv", "jsonl", "json", *export_incidents.FORMATS)
    if fmt not in formats:
        err.print(f"[red]error:[/] unknown format {fmt!r} (one of {', '.join(formats)})")
        raise typer.Exit(2)

    def read(store):
        if rebuild:
            err.print(f"{store.rebuild_incidents()} incidents", highlight=False)
        return store.incidents(limit=limit, offset=offset, since=since, until=until, country=countries,
                               reports=fmt in export_incidents.FORMATS)

    rows = _stored(db, read)

    def write(stream) -> None:
        if fmt in export_incidents.FORMATS:
            export_incidents.write(rows, fmt, stream)
            return
        if fmt != "table":
            export.write_rows(rows, fmt, stream, columns=INCIDENT_COLUMNS)
            stream.write("\n" if fmt == "json" else "")
            return
        t = Table(title=f"{len(rows)} incidents", title_justify="left")
        shown = ("date", "acled_sub_event_type", "actor1", "actor2", "location", "fatalities", "statuses", "reports")
        for heading in ("date", "ACLED", "actor1", "actor2", "location", "dead (range)", "statuses", "reports"):
            t.add_column(heading, overflow="fold")
        for r in rows:
            cells = ["" if r[k] is None else str(r[k]) for k in shown]
            if r["fatalities_min"] is not None and r["fatalities_min"] != r["fatalities_max"]:
                cells[5] += f" ({r['fatalities_min']}-{r['fatalities_max']})"
            t.add_row(*cells)
        Console(file=stream, width=160).print(t)

    _write(out, write)


def main() -> None:  # python -m eventwire
    app()
