"""Store throughput: documents written per second, query time and size, on SQLite and PostgreSQL.

    .venv/bin/python bench/bench_store.py [--docs 2000] [--pg postgresql://postgres@127.0.0.1:5432/test]

Documents are built by hand (three events, two places each) so that coding time is left out.
PostgreSQL runs in a throwaway schema, dropped afterwards; it is skipped when it cannot be reached.
"""
from __future__ import annotations

import argparse
import os
import secrets
import tempfile
import time

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from eventwire.model import Actor, CodedDocument, Document, Event, Place, Span, When
from eventwire.store import open_store

SENTENCE = "Gunmen killed {n} villagers in Ogossagou on {d}, officials said. Soldiers arrested {n} men in Bamako. "


def make_doc(i: int) -> CodedDocument:
    day = f"2020-{1 + i % 12:02d}-{1 + i % 28:02d}"
    t = SENTENCE.format(n=i, d=day) * 3
    places = [Place(Span(30, 39), "Ogossagou", "Ogossagou", 14.28, -3.31, "ML", 1, "city"),
              Place(Span(t.index("Bamako"), t.index("Bamako") + 6), "Bamako", "Bamako", 12.65, -8.0, "ML", 2, "city")]
    events = [Event(type=("ASSAULT", "COERCE", "PROTEST")[k], evidence=Span(0, 40), trigger=Span(7, 13), rule="bench",
                    acled_event_type="Violence against civilians", acled_sub_event_type="Attack",
                    actor1=Actor(f"Armed group {i % 50}", "Gunmen", Span(0, 6), "MLI", "UAF", "political_militia"),
                    actor2=Actor("Civilians (Mali)", "villagers", Span(17, 26), "MLI", "CVL", "civilians"),
                    when=When(day), location=places[k % 2], fatalities=i % 30)
              for k in range(3)]
    return CodedDocument(doc=Document(id=f"bench-{i}", text=t), events=events, places=places)


def run(target: str, docs: list[CodedDocument]) -> None:
    with open_store(target) as store:
        start = time.perf_counter()
        for cd in docs:
            store.add(cd)
        write = time.perf_counter() - start
        start = time.perf_counter()
        skipped = sum(not store.add(cd) for cd in docs[:500])
        again = time.perf_counter() - start
        start = time.perf_counter()
        rows = store.events(type="ASSAULT", country="ML", since="2020-03", until="2020-05", actor="group 1")
        query = time.perf_counter() - start
        start = time.perf_counter()
        every = store.events()
        dump = time.perf_counter() - start
        name = store.engine.dialect.name
    print(f"{name:10s} write {len(docs) / write:7.0f} docs/s ({3 * len(docs) / write:6.0f} events/s); "
          f"re-add of stored {skipped / again:6.0f} docs/s; filtered query {query * 1000:6.1f} ms ({len(rows)} rows); "
          f"all {len(every)} events {dump * 1000:6.0f} ms")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--pg", default=os.environ.get("EVENTWIRE_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test"))
    args = ap.parse_args()
    docs = [make_doc(i) for i in range(args.docs)]
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "bench.db")
        run(path, docs)
        print(f"{'':10s} SQLite file {os.path.getsize(path) / len(docs) / 1024:.1f} KiB per document "
              f"of {len(docs[0].text)} characters")
    admin = create_engine(make_url(args.pg).set(drivername="postgresql+psycopg"), connect_args={"connect_timeout": 3})
    schema = f"ew_bench_{secrets.token_hex(4)}"
    try:
        with admin.begin() as conn:
            conn.execute(text(f"CREATE SCHEMA {schema}"))
    except Exception as exc:  # no server: report and stop
        print(f"postgresql skipped: {str(exc).strip().splitlines()[0]}")
        return
    try:
        run(make_url(args.pg).update_query_dict({"options": f"-csearch_path={schema}"})
            .render_as_string(hide_password=False), docs)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


if __name__ == "__main__":
    main()
