"""The command line: a thin layer over ``eventwire.pipe`` and the store."""
from __future__ import annotations

import logging
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from ..ingest.fetch import is_url
from ..ingest.sources import read_path, read_stdin, read_url
from ..model import Failed, Item
from ..model import CodedDocument

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="eventwire: news in, conflict events out, with the evidence for every field.")
err = Console(stderr=True)


@app.callback()
def _group() -> None:
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
          allow_private: bool = False) -> Iterator[CodedDocument | Failed]:
    """Read, then code, each input; a failed read passes through as ``Failed``."""
    from itertools import islice

    from ..pipeline import BATCH_SIZE, Pipeline
    run = Pipeline()
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
    if model is not None:
        _use_model(model)
    fmt = "jsonl" if jsonl and fmt is None else (fmt or "table")
    if fmt not in export.FORMATS:
        err.print(f"[red]error:[/] unknown format {fmt!r} (one of {', '.join(export.FORMATS)})")
        raise typer.Exit(2)
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    results = coded(paths, jsonl, allow_private=allow_private)
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
    acled_types: Optional[list[str]] = typer.Option(None, "--acled-type", help="ACLED event or sub-event type"),
    actor: Optional[str] = typer.Option(None, "--actor", help="part of an actor's name, any case"),
    countries: Optional[list[str]] = typer.Option(None, "--country", help="country of the location: ISO code or name"),
    statuses: Optional[list[str]] = typer.Option(None, "--status", help="asserted, claimed, denied, …"),
    q: Optional[str] = typer.Option(None, "--q", help="words in the evidence, an actor's name or the location, any case"),
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
                                acled_type=acled_types, actor=actor, country=countries, status=statuses, q=q)
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
    with store:
        uvicorn.run(create_app(store), host=host, port=port, log_level="warning")


def _need_sklearn() -> None:
    import importlib.util
    if importlib.util.find_spec("sklearn") is None:
        err.print("[red]error:[/] the classifier needs scikit-learn: pip install 'eventwire[train]'", highlight=False)
        raise typer.Exit(2)


def _use_model(folder: Path) -> None:
    """Check the folder and hand it to the "classify" stage (which reads EVENTWIRE_MODEL)."""
    import os

    from ..coding.classifier import MANIFEST_FILE, MODEL_FILE
    _need_sklearn()
    if not (folder / MANIFEST_FILE).is_file() or not (folder / MODEL_FILE).is_file():
        err.print(f"[red]error:[/] {folder} holds no trained model (train one with `eventwire train`)", highlight=False)
        raise typer.Exit(2)
    os.environ["EVENTWIRE_MODEL"] = str(folder.resolve())


@app.command()
def train(
    labelled: Path = typer.Argument(..., help="JSON Lines: id, text, and the ACLED event_type and sub_event_type"),
    out: Path = typer.Option(..., "--out", "-o", help="folder to write model.joblib and manifest.json into"),
    against_rules: bool = typer.Option(True, "--against-rules/--alone",
                                       help="tune when the model may overrule the rules by running the rules "
                                            "on the held-out part (--alone: the model decides only where rules found nothing)"),
) -> None:
    """Train the optional classifier of ACLED sub-event types on your own labelled data."""
    from ..coding.classifier import read_labelled
    from ..coding.classifier import train as fit
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


gazetteer_app = typer.Typer(no_args_is_help=True, help="The offline gazetteer used by geocoding.")
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


def main() -> None:  # python -m eventwire
    app()
