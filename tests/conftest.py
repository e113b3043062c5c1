"""Shared fixtures and helpers of every test folder: the shared evaluation folder (seed article, eval
data), the PostgreSQL test server, and one way to parse a text or to run it through pipeline stages."""
from __future__ import annotations

import functools
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine, make_url

from eventwire import nlp
from eventwire.geo import gazetteer
from eventwire.model import CodedDocument, Document, Event, Span
from eventwire.pipeline import COMPONENTS
from eventwire.settings import shared_dir

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
PG_URL = os.environ.get("EVENTWIRE_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")
_pg_problem: list[str] = []  # why PostgreSQL cannot be used, found once per session


def shared_file(*parts: str) -> Path:
    """A file of ../shared (EVENTWIRE_SHARED); skipped with a reason where absent, failed under CI."""
    path = shared_dir().joinpath(*parts)
    if not path.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{path} is missing: CI needs the shared folder (set EVENTWIRE_SHARED)")
        pytest.skip(f"{path} is absent (set EVENTWIRE_SHARED to the shared folder to run this test)")
    return path


@pytest.fixture(scope="session")
def seed_text() -> str:
    return shared_file("seed", "libya-talks-ap-2020.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed(seed_text):
    import eventwire
    return eventwire.code(seed_text, id="seed")


def parse(text: str):
    """spaCy's whole parse of ``text`` (the project's model, loaded once)."""
    return nlp.load()(text)


def sentence(text: str):
    """The first sentence of ``text``, parsed."""
    return next(parse(text).sents)


@functools.lru_cache(maxsize=None)
def stage(name: str):
    """The pipeline stage ``name`` made with its default settings."""
    component = COMPONENTS[name]
    return component.make(component.settings())


def coded(text: str, *stages: str, **doc) -> CodedDocument:
    """``text`` as a Document (``doc``: its other fields; id "t" unless given) run through the named
    pipeline stages in order (clean, nlp and the coder unless named), raising where a stage raises;
    events most confident first, as the pipeline orders them."""
    cd = CodedDocument(doc=Document(**{"id": "t", **doc}, text=text))
    for name in stages or ("clean", "nlp", "coder"):
        stage(name)(cd)
    cd.events.sort(key=lambda e: -e.confidence)
    return cd


def geocoded(text: str, events: list[tuple[str, str]] = ()) -> CodedDocument:
    """Clean, parse and geocode ``text``; each event is (trigger word, a phrase of its sentence), placed
    by hand so that the geocoder is tested whatever the coder finds."""
    cd = coded(text, "clean", "nlp")
    for trigger, phrase in events:
        t = text.index(trigger)
        start = text.rfind(". ", 0, t) + 2 if ". " in text[:t] else 0
        end = text.find(".", t) + 1 or len(text)
        assert phrase in text[start:end]
        cd.events.append(Event(type="ASSAULT", evidence=Span(start, end), trigger=Span(t, t + len(trigger)),
                               rule="test"))
    stage("geo")(cd)
    return cd


def place(cd: CodedDocument, text: str):
    """The place found for the words ``text``."""
    hits = [p for p in cd.places if p.text == text]
    assert hits, f"{text!r} not among {[p.text for p in cd.places]}"
    return hits[0]


@pytest.fixture(scope="session")
def gz() -> gazetteer.Gazetteer:
    return gazetteer.load()


def pg_engine() -> Engine:
    return create_engine(make_url(PG_URL).set(drivername="postgresql+psycopg"), connect_args={"connect_timeout": 3})


def require_pg() -> None:
    """Skip the test where PostgreSQL cannot be reached; fail it under CI, which needs both databases."""
    if not _pg_problem:
        try:
            with pg_engine().connect() as conn:
                conn.execute(text("SELECT 1"))
            _pg_problem.append("")
        except Exception as exc:  # any failure to connect means: no PostgreSQL here
            _pg_problem.append(f"PostgreSQL at {PG_URL} cannot be reached: {str(exc).strip().splitlines()[0]}")
    if _pg_problem[0]:
        if os.environ.get("CI") == "true":
            pytest.fail(_pg_problem[0] + " (CI needs it: the store tests must run on both databases)")
        pytest.skip(_pg_problem[0])


@contextmanager
def pg_schema(prefix: str) -> Iterator[str]:
    """The URL of a new PostgreSQL schema of its own (dropped afterwards); skips where there is no server."""
    require_pg()
    schema = f"{prefix}_{secrets.token_hex(6)}"
    admin = pg_engine()
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    try:
        yield make_url(PG_URL).update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(
            hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


# My own text (not from any eval set): a stated backer, so the network has a relation edge.
BACKING = ("GAO, Mali — Fighters attacked a military camp near Gao on Tuesday, killing four soldiers, the army said. "
           "Officials say Iran backs the Houthi rebels in Yemen, who fired missiles at a tanker on Monday.\n")


def cli(*args: str) -> subprocess.CompletedProcess:
    """``eventwire ARGS`` as a real subprocess of this interpreter."""
    return subprocess.run([sys.executable, "-m", "eventwire", *args], capture_output=True, text=True, timeout=300)


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def api(request, tmp_path_factory):
    """An httpx client on a running `eventwire serve` over examples/ plus BACKING."""
    folder = tmp_path_factory.mktemp("api")
    (folder / "backing.txt").write_text(BACKING, encoding="utf-8")
    with ExitStack() as stack:
        db = str(folder / "events.db") if request.param == "sqlite" else stack.enter_context(pg_schema("ew_api"))
        for source in (str(EXAMPLES), str(folder / "backing.txt")):
            done = cli("ingest", source, "--db", db)
            assert done.returncode == 0, done.stderr
        base = stack.enter_context(served(db))
        with httpx.Client(base_url=base, timeout=120) as client:
            yield client


def server_log():
    """A file for a test server's output: a pipe that nobody reads fills up with the request log and stops
    the server."""
    return tempfile.TemporaryFile()


def log_text(log) -> str:
    """What a test server wrote to its ``server_log``."""
    log.seek(0)
    return log.read().decode(errors="replace")


@contextmanager
def served(db: str, **env: str) -> Iterator[str]:
    """A real `eventwire serve` over the store ``db`` on a free loopback port, with settings ``env`` added to
    the environment: yields its base URL once /api/health answers, and stops it afterwards."""
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "eventwire", "serve", "--db", db, "--port", str(port)],
                              stdout=(log := server_log()), stderr=subprocess.STDOUT, env={**os.environ, **env})
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                httpx.get(base + "/api/health", timeout=1)
                break
            except httpx.TransportError:
                assert server.poll() is None, log_text(log)
                time.sleep(0.1)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)
