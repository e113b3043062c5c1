"""The store on SQLite and on PostgreSQL: one interface, one schema, the same tests.

PostgreSQL is the server at $EVENTWIRE_TEST_PG (default postgresql://postgres@127.0.0.1:5432/test);
each test gets a fresh schema of its own. Where it cannot be reached the PostgreSQL tests skip,
except under CI=true, where they fail.
"""
from __future__ import annotations

import csv
import io
import json
import sqlite3
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import inspect, text
from typer.testing import CliRunner

import eventwire
from eventwire.frontdoors.cli import app
from eventwire.store.rows import EVENT_COLUMNS, event_rows
from eventwire.model import Failed
from eventwire.model import Actor, CodedDocument, Document, Event, Place, Span, When
from eventwire.pipeline import Pipeline
from eventwire.serialize import document as serialize
from eventwire.store import StoreError, content_hash, ingest, open_store
from eventwire.store import migrations
from eventwire.store.migrations import Migration

from conftest import pg_schema


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request, tmp_path):
    """A database target for ``open_store`` and ``--db``: a new SQLite file, or a new PostgreSQL schema."""
    if request.param == "sqlite":
        yield str(tmp_path / "events.db")
        return
    with pg_schema("ew_test") as url:
        yield url


@pytest.fixture
def store(db):
    with open_store(db) as s:
        yield s


# Articles written for these tests; the events are built by hand so that storage is tested
# whatever the coder finds today.
MALI = ("Gunmen killed 12 villagers in Ogossagou on Sunday, officials said. "
        "Soldiers arrested two suspects in Bamako on Monday.")
KENYA = ("Police fired tear gas at protesters in Nairobi in May, witnesses said. The 100% Youth Front marched. "
         "The Front Étudiant joined them.")


def _span(text: str, words: str) -> Span:
    start = text.index(words)
    return Span(start, start + len(words))


def _place(text: str, words: str, lat: float, lon: float, cc: str, geonameid: int) -> Place:
    return Place(span=_span(text, words), text=words, name=words, lat=lat, lon=lon, country=cc,
                 geonameid=geonameid, feature="city", rule="test")


def mali(doc_id: str = "mali") -> CodedDocument:
    t = MALI
    ogossagou = _place(t, "Ogossagou", 14.28, -3.31, "ML", 9_000_001)
    bamako = _place(t, "Bamako", 12.65, -8.0, "ML", 2_460_596)
    attack = Event(type="ASSAULT", mode="firearms", evidence=_span(t, "Gunmen killed 12 villagers in Ogossagou"),
                   trigger=_span(t, "killed"), rule="test:kill", acled_event_type="Violence against civilians",
                   acled_sub_event_type="Attack",
                   actor1=Actor("Unidentified Armed Group (Mali)", "Gunmen", _span(t, "Gunmen"), "MLI", "UAF",
                                "political_militia"),
                   actor2=Actor("Civilians (Mali)", "villagers", _span(t, "villagers"), "MLI", "CVL", "civilians"),
                   when=When("2020-06-14", "day", span=_span(t, "Sunday")), location=ogossagou, fatalities=12,
                   attribution="officials", attribution_span=_span(t, "officials"), confidence=0.9)
    arrest = Event(type="COERCE", mode="arrest", evidence=_span(t, "Soldiers arrested two suspects in Bamako"),
                   trigger=_span(t, "arrested"), rule="test:arrest", acled_event_type="Strategic developments",
                   acled_sub_event_type="Arrests",
                   actor1=Actor("Military Forces of Mali", "Soldiers", _span(t, "Soldiers"), "MLI", "MIL",
                                "state_forces"),
                   when=When("2020-06-15", "day", span=_span(t, "Monday")), location=bamako, fatalities=0,
                   status="claimed", confidence=0.7)
    return CodedDocument(doc=Document(id=doc_id, text=t, published="2020-06-16", title="Attack in Mali"),
                         published="2020-06-16", events=[attack, arrest], places=[ogossagou, bamako])


def kenya() -> CodedDocument:
    t = KENYA
    nairobi = _place(t, "Nairobi", -1.28, 36.82, "KE", 184_745)
    force = Event(type="PROTEST", mode="demo", evidence=_span(t, "Police fired tear gas at protesters in Nairobi"),
                  trigger=_span(t, "protesters"), rule="test:protest", acled_event_type="Protests",
                  acled_sub_event_type="Protest with intervention",
                  actor1=Actor("Protesters (Kenya)", "protesters", _span(t, "protesters"), "KEN", "OPP", "protesters"),
                  actor2=Actor("Police Forces of Kenya", "Police", _span(t, "Police"), "KEN", "COP", "state_forces"),
                  when=When("2020-05-01", "month", span=_span(t, "May")), location=nairobi)
    march = Event(type="PROTEST", mode="demo", evidence=_span(t, "The 100% Youth Front marched"),
                  trigger=_span(t, "marched"), rule="test:march",
                  actor1=Actor("100% Youth Front", "100% Youth Front", _span(t, "100% Youth Front")))
    joined = Event(type="PROTEST", evidence=_span(t, "The Front Étudiant joined them"), trigger=_span(t, "joined"),
                   rule="test:join", actor1=Actor("Front Étudiant", "Front Étudiant", _span(t, "Front Étudiant")))
    return CodedDocument(doc=Document(id="kenya", text=t), events=[force, march, joined], places=[nairobi])


def _ids(rows: list[dict]) -> list[tuple[str, int]]:
    return [(r["doc_id"], r["event"]) for r in rows]


def test_the_same_text_is_stored_once(store):
    text = "Rebels attacked an army post near Goma on Tuesday, the army said."
    first = eventwire.code(text, id="goma-1")
    assert store.add(first) is True
    # The same content under another id, with other line breaks and spacing, is the same document.
    again = eventwire.code("  Rebels attacked an army post\nnear Goma  on Tuesday, the army said.\n", id="goma-2")
    assert store.add(again) is False
    assert store.contains(text) and not store.contains(text + " Two soldiers died.")
    assert store.count() == 1
    assert [d["doc_id"] for d in store.documents()] == ["goma-1"]
    assert content_hash("a  b\n") == content_hash("a b") != content_hash("a c")


def test_events_come_back_as_export_rows_with_their_evidence(store):
    cd = mali()
    assert store.add(cd)
    rows = store.events()
    assert rows == list(event_rows(serialize(cd)))
    assert list(rows[0]) == EVENT_COLUMNS
    assert rows[0]["evidence_text"] == "Gunmen killed 12 villagers in Ogossagou"
    assert rows[1]["date_inferred"] is False and rows[1]["status"] == "claimed"
    assert store.count("events") == 2
    with store.engine.connect() as conn:
        actors = conn.execute(text("SELECT event, role, name, start_char, end_char FROM actors ORDER BY event, role")).all()
        places = conn.execute(text("SELECT name, start_char, end_char, country FROM places ORDER BY ordinal")).all()
    assert [tuple(a) for a in actors] == [(0, 1, "Unidentified Armed Group (Mali)", 0, 6),
                                          (0, 2, "Civilians (Mali)", 17, 26),
                                          (1, 1, "Military Forces of Mali", 67, 75)]
    assert MALI[67:75] == "Soldiers"
    assert [tuple(p) for p in places] == [("Ogossagou", 30, 39, "ML"), ("Bamako", 101, 107, "ML")]


def test_events_filter_by_date_type_actor_country_and_status(store):
    store.add(mali())
    store.add(kenya())
    ev = store.events
    # Dated events first, in date order; undated last.
    assert _ids(ev()) == [("kenya", 0), ("mali", 0), ("mali", 1), ("kenya", 1), ("kenya", 2)]
    assert _ids(ev(since="2020-06")) == [("mali", 0), ("mali", 1)]
    assert _ids(ev(since="2020-06-15")) == [("mali", 1)]
    assert _ids(ev(until="2020-05")) == [("kenya", 0)]
    assert _ids(ev(since="2020", until="2020")) == [("kenya", 0), ("mali", 0), ("mali", 1)]
    assert _ids(ev(type="assault")) == [("mali", 0)]
    assert _ids(ev(type=["ASSAULT", "COERCE"])) == [("mali", 0), ("mali", 1)]
    assert _ids(ev(acled="arrests")) == [("mali", 1)]
    assert _ids(ev(acled="Protests")) == [("kenya", 0)]
    assert _ids(ev(actor="mali")) == [("mali", 0), ("mali", 1)]
    assert _ids(ev(actor="POLICE")) == [("kenya", 0)]
    assert _ids(ev(actor="100%")) == [("kenya", 1)]  # words only: % is no wildcard
    assert _ids(ev(actor="forces of mal")) == [("mali", 1)]  # the last word may be cut short
    assert _ids(ev(actor="mali police")) == []  # all words within one actor's name
    assert _ids(ev(actor="FRONT ÉTUDIANT")) == [("kenya", 2)]  # any case beyond ASCII too
    for country in ("ML", "mli", "Mali"):
        assert _ids(ev(country=country)) == [("mali", 0), ("mali", 1)]
    assert _ids(ev(country=["KE", "ML"], status="asserted")) == [("kenya", 0), ("mali", 0)]
    assert _ids(ev(status="claimed")) == [("mali", 1)]
    assert _ids(ev(type="PROTEST", limit=1)) == [("kenya", 0)]
    for bad in ({"since": "June"}, {"until": "2020-13"}, {"country": "Narnia"}, {"status": "rumoured"},
                {"type": "FOO"}, {"acled": "Battle"}, {"actor": "%"}, {"bbox": "1,2,3"}):
        with pytest.raises(ValueError):
            ev(**bad)


def test_document_gives_the_coded_json_and_its_text(store):
    cd = mali()
    store.add(cd)
    store.add(kenya())
    full = store.document("mali")
    assert full == {**serialize(cd), "text": MALI}
    first = store.documents()[0]
    assert store.document(first["id"]) == full
    assert first["events"] == 2 and first["title"] == "Attack in Mali" and first["coded_at"].endswith("+00:00")
    assert first["coded_by"] == f"eventwire {eventwire.__version__}"
    assert store.document("nowhere") is None and store.document(999) is None


def test_a_failed_coding_is_kept_and_coded_again_but_never_replaces_a_good_one(store):
    failed = CodedDocument(doc=Document(id="mali", text=MALI), error="coder: RuntimeError: boom")
    assert store.add(failed) is True
    assert store.documents()[0]["error"] == "coder: RuntimeError: boom"
    assert store.document("mali") == {"id": "mali", "error": "coder: RuntimeError: boom", "text": MALI}
    assert not store.contains(MALI)  # so that ingest codes it again
    assert store.add(mali()) is True
    assert store.count() == 1 and store.count("events") == 2
    assert store.add(failed) is False and store.add(failed, replace=True) is False
    assert store.documents()[0]["error"] is None and store.count("events") == 2


def test_replace_recodes_a_stored_text(store):
    store.add(mali())
    recoded = mali()
    recoded.events = recoded.events[:1]
    assert store.add(recoded) is False and store.count("events") == 2
    assert store.add(recoded, replace=True) is True
    assert store.count() == 1 and _ids(store.events()) == [("mali", 0)]
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM actors")).scalar() == 2
        assert conn.execute(text("SELECT count(*) FROM places")).scalar() == 2


def test_ingest_reports_each_bad_document_and_keeps_the_rest(store):
    items = [Document(id="a", text="Troops shelled the town of Bakhmut overnight."),
             Failed("unreadable.bin", "binary data, not text"),
             Document(id="empty", text="   "),
             Document(id="b", text="Police dispersed a rally in Lagos with tear gas on Saturday.")]
    first = {r.id: r for r in ingest(store, items, Pipeline())}
    assert first["a"].outcome == first["b"].outcome == "stored"
    assert (first["unreadable.bin"].outcome, first["unreadable.bin"].error) == ("failed", "binary data, not text")
    assert first["empty"].outcome == "failed" and first["empty"].error
    assert {d["doc_id"]: bool(d["error"]) for d in store.documents()} == {"a": False, "empty": True, "b": False}
    second = [(r.id, r.outcome) for r in ingest(store, items, Pipeline())]
    assert second == [("a", "skipped"), ("unreadable.bin", "failed"), ("empty", "failed"), ("b", "skipped")]
    assert store.count() == 3


def test_a_nul_is_stored_alike_on_both_databases(store):
    """PostgreSQL text cannot hold NUL characters; SQLite can: both store U+FFFD in its place (one
    character for one, so offsets stay right), and the neighbours are stored."""
    texts = {"before": "Rebels seized the airport.", "nul": "Rebels\x00 seized the port.", "after": "Troops left."}
    done = {r.id: r for r in ingest(store, [Document(id=k, text=v) for k, v in texts.items()],
                                    lambda doc: CodedDocument(doc=doc))}  # storage only: no coding needed
    assert done["before"].outcome == done["after"].outcome == done["nul"].outcome == "stored"
    assert store.document("nul")["text"] == "Rebels\ufffd seized the port." and store.count() == 3


def test_concurrent_writers_store_each_text_once(db):
    """Three writers (own connections, as three processes would have) add texts, half of them shared."""
    open_store(db).close()

    def write(who: str) -> int:
        with open_store(db) as s:
            return sum(s.add(CodedDocument(doc=Document(id=f"{who}{i}", text=f"shared {i}" if i % 2 else f"{who} {i}")))
                       for i in range(40))

    with ThreadPoolExecutor(3) as pool:
        added = list(pool.map(write, "abc"))
    with open_store(db) as s:
        assert sum(added) == s.count() == 3 * 20 + 20


WRITER = """
import sys
from eventwire.model import CodedDocument, Document, Event, Span
from eventwire.store import open_store
with open_store(sys.argv[1]) as store:
    for i in range(100_000):
        text = f"Document {i}: troops shelled the town."
        events = [Event(type=t, evidence=Span(0, 10), trigger=Span(0, 5), rule="test") for t in ("ASSAULT", "COERCE")]
        store.add(CodedDocument(doc=Document(id=str(i), text=text), events=events))
"""


def test_a_writer_killed_mid_ingest_loses_nothing_it_stored(db):
    """kill -9 during a stream of writes: every stored document is whole, and writing resumes."""
    open_store(db).close()
    proc = subprocess.Popen([sys.executable, "-c", WRITER, db])
    try:
        with open_store(db) as s:
            for _ in range(600):
                if s.count() >= 20:
                    break
                time.sleep(0.1)
            proc.kill()
            proc.wait(30)
            stored = s.count()
            assert stored >= 20
            with s.engine.connect() as conn:
                partial = conn.execute(text("SELECT d.id FROM documents d LEFT JOIN events e ON e.document = d.id "
                                            "GROUP BY d.id HAVING count(e.event) != 2")).all()
            assert partial == [] and s.count("events") == 2 * stored
            texts = [f"Document {i}: troops shelled the town." for i in range(stored + 5)]
            added = [s.add(CodedDocument(doc=Document(id=str(i), text=t))) for i, t in enumerate(texts)]
            assert added == [False] * stored + [True] * 5
    finally:
        proc.kill()
        proc.wait(30)


def test_schema_is_created_at_the_latest_version_and_upgraded_in_order(db, monkeypatch):
    open_store(db).close()
    base, known = migrations.latest(), list(migrations.MIGRATIONS)
    added = Migration(base + 1, "documents.note",
                      lambda conn: conn.execute(text("ALTER TABLE documents ADD COLUMN note TEXT")))
    monkeypatch.setattr(migrations, "MIGRATIONS", [*known, added])
    with open_store(db) as s:  # an existing store is brought to the next version, once
        with s.engine.connect() as conn:
            assert [c["name"] for c in inspect(conn).get_columns("documents")][-1] == "note"
            assert conn.execute(text("SELECT version FROM schema_version ORDER BY version")).scalars().all() == \
                [base, base + 1]
    open_store(db).close()  # applying the migration again would fail on the existing column
    monkeypatch.setattr(migrations, "MIGRATIONS", known)
    with pytest.raises(StoreError, match="newer than this eventwire"):
        open_store(db)


def test_reading_commands_never_create_a_store(db):
    with pytest.raises(StoreError, match="no eventwire store there|no store at"):
        open_store(db, create=False)
    open_store(db).close()
    open_store(db, create=False).close()


def test_every_export_column_is_a_column_of_the_events_table(store):
    with store.engine.connect() as conn:
        columns = [c["name"] for c in inspect(conn).get_columns("events")]
        indexed = {c for ix in inspect(conn).get_indexes("events") for c in ix["column_names"]}
    assert columns == ["document", *EVENT_COLUMNS]
    assert {"date", "type", "country"} <= indexed


def test_the_sqlite_store_is_a_plain_file_any_tool_can_read(tmp_path):
    path = tmp_path / "plain.db"
    with open_store(str(path)) as s:
        s.add(mali())
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT d.title, e.type, e.location, e.fatalities FROM events e "
                            "JOIN documents d ON d.id = e.document ORDER BY e.event").fetchall()
        coded = json.loads(conn.execute("SELECT json FROM documents").fetchone()[0])
    assert rows == [("Attack in Mali", "ASSAULT", "Ogossagou", 12), ("Attack in Mali", "COERCE", "Bamako", 0)]
    assert coded == serialize(mali())


def test_opening_problems_are_clear_errors(tmp_path):
    with pytest.raises(StoreError, match="no store at"):
        open_store(str(tmp_path / "missing.db"), create=False)
    assert not (tmp_path / "missing.db").exists()
    with pytest.raises(StoreError, match="no such folder"):
        open_store(str(tmp_path / "nowhere" / "x.db"))
    with pytest.raises(StoreError, match="unsupported database"):
        open_store("mysql://root@localhost/events")
    with pytest.raises(StoreError) as caught:
        open_store("postgresql://someone:s3cret@127.0.0.1:9/events")
    assert "cannot open" in str(caught.value) and "s3cret" not in str(caught.value)


def _cli(*args: str) -> subprocess.CompletedProcess:
    """The real command line, in its own process (as a user runs it)."""
    return subprocess.run([sys.executable, "-m", "eventwire", *args], capture_output=True, text=True, timeout=300)


def _events(*args: str):
    """``eventwire events`` in this process: the same command, without a second start of Python and spaCy."""
    return CliRunner().invoke(app, ["events", *args])


def test_cli_ingest_is_idempotent_and_events_lists_what_is_stored(db, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "goma.txt").write_text("Rebels attacked an army post near Goma on Tuesday, the army said.\n")
    (src / "lagos.txt").write_text("Police dispersed a rally in Lagos with tear gas on Saturday.\n")
    (src / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    first = _cli("ingest", str(src), "--db", db)
    assert first.returncode == 0, first.stderr
    assert "\nbroken.txt: " in "\n" + first.stderr  # its own error line; the wording is ingest's
    assert "2 stored, 0 already stored, 1 failed" in first.stderr
    again = _cli("ingest", str(src / "goma.txt"), str(src / "lagos.txt"), "--db", db)
    assert again.returncode == 0 and "0 stored, 2 already stored, 0 failed" in again.stderr
    recoded = CliRunner().invoke(app, ["ingest", str(src / "goma.txt"), "--db", db, "--replace"])
    assert recoded.exit_code == 0 and "1 stored, 0 already stored, 0 failed" in recoded.stderr
    with open_store(db) as s:
        assert sorted(d["doc_id"] for d in s.documents()) == ["goma.txt", "lagos.txt"]
        s.add(mali())
        s.add(kenya())
    out = _events("--db", db, "--format", "jsonl", "--type", "PROTEST", "--type", "ASSAULT", "--since", "2020-06")
    assert out.exit_code == 0, out.stderr
    assert [json.loads(line)["evidence_text"] for line in out.stdout.splitlines()] == [
        "Gunmen killed 12 villagers in Ogossagou"]


def test_cli_events_exports_csv_geojson_and_a_table(tmp_path):
    """The formats do not depend on the database: SQLite only."""
    db = str(tmp_path / "events.db")
    with open_store(db) as s:
        s.add(mali())
        s.add(kenya())
    out = _events("--db", db, "--format", "csv", "--country", "ML")
    assert out.exit_code == 0, out.stderr
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert list(rows[0]) == EVENT_COLUMNS
    assert [(r["doc_id"], r["type"], r["fatalities"]) for r in rows] == [("mali", "ASSAULT", "12"),
                                                                       ("mali", "COERCE", "0")]
    geo = tmp_path / "events.geojson"
    out = _events("--db", db, "--format", "geojson", "--out", str(geo))
    features = json.loads(geo.read_text())["features"]
    assert out.exit_code == 0 and len(features) == 3  # the march has no place: not on the map
    assert features[0]["geometry"]["coordinates"] == [36.82, -1.28]
    assert features[0]["properties"]["actor2"] == "Police Forces of Kenya"
    out = _events("--db", db, "--actor", "police", "--limit", "5")
    assert out.exit_code == 0 and "Police Forces of Kenya" in out.stdout and "1 events" in out.stdout
    out = _events("--db", db, "--format", "jsonl", "--q", "OGOSSAGOU")
    assert [json.loads(line)["type"] for line in out.stdout.splitlines()] == ["ASSAULT"]
    out = _events("--db", db, "--format", "jsonl", "--offset", "1", "--limit", "1")
    assert [json.loads(line)["doc_id"] for line in out.stdout.splitlines()] == [
        json.loads(line)["doc_id"] for line in _events("--db", db, "--format", "jsonl").stdout.splitlines()[1:2]]
    out = _events("--db", db, "--since", "June")
    assert out.exit_code == 2 and "not a date: 'June'" in out.stderr
    out = _events("--db", str(tmp_path / "typo.db"))
    assert out.exit_code == 2 and "no store at" in out.stderr
    assert not (tmp_path / "typo.db").exists()
