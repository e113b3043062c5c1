"""Incremental incident merging: time to store one new document (and give its events their incident) as
the store grows to 100,000 events, on SQLite (and PostgreSQL with --pg).

    .venv/bin/python bench/bench_incidents.py [--events 100000] [--pg postgresql://postgres@127.0.0.1:5432/test]

Documents are built by hand (four events each, one of them the main event a new report is matched by),
spread over two years and over towns of a 10 x 10 degree area, so that coding time is left out; the
candidates of a new report are those of its days and grid cells (store/incidents.py), so the time per
document should stay flat as the store grows. Each checkpoint times 200 further documents.
"""
from __future__ import annotations

import argparse
import random
import secrets
import statistics
import tempfile
import time

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from eventwire.model import Actor, CodedDocument, Document, Event, Place, Span, When
from eventwire.store import open_store

PER_DOC = 4
SENTENCE = "Gunmen killed {n} villagers in a town on {d}, officials said. "


def make_doc(i: int, rng: random.Random) -> CodedDocument:
    day = 737425 + rng.randrange(730)  # 2020-01-01 + two years
    from datetime import date
    iso = date.fromordinal(day).isoformat()
    t = SENTENCE.format(n=i, d=iso) * PER_DOC
    lat, lon = 5 + rng.random() * 10, rng.random() * 10
    place = Place(Span(0, 6), "Gunmen", f"Town {round(lat, 1)},{round(lon, 1)}", lat, lon, "NG", 1, "city")
    events = [Event(type="ASSAULT", evidence=Span(0, 40), trigger=Span(7, 13), rule="bench",
                    acled_event_type="Violence against civilians" if k == 0 else None,
                    actor1=Actor(f"Armed group {i % 50}", "Gunmen", Span(0, 6), "NGA", "UAF", "political_militia"),
                    when=When(iso), location=place, fatalities=rng.randrange(1, 30), confidence=0.9 - k / 10)
              for k in range(PER_DOC)]
    return CodedDocument(doc=Document(id=f"bench-{i}", text=t), events=events, places=[place])


def run(target: str, total_events: int) -> None:
    rng = random.Random(7)
    checkpoints = sorted({1000, 10000, total_events} & set(range(total_events + 1)))
    with open_store(target) as store:
        i = stored = 0
        for mark in checkpoints:
            while stored < mark:
                store.add(make_doc(i, rng))
                i += 1
                stored += PER_DOC
            times = []
            for _ in range(200):
                t0 = time.perf_counter()
                store.add(make_doc(i, rng))
                times.append(time.perf_counter() - t0)
                i += 1
                stored += PER_DOC
            print(f"{store.name.split('?')[0]}: {stored - 200 * PER_DOC:>7} events stored: "
                  f"{1000 * statistics.median(times):.1f} ms median, {1000 * statistics.quantiles(times, n=20)[-1]:.1f} ms p95 "
                  f"per new document (incident assigned)", flush=True)
        t0 = time.perf_counter()
        n = store.rebuild_incidents()
        print(f"rebuild of {stored} events: {n} incidents in {time.perf_counter() - t0:.1f} s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--pg", help="also run on this PostgreSQL server, in a throwaway schema")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        run(f"{tmp}/bench.db", a.events)
    if a.pg:
        schema = f"bench_{secrets.token_hex(4)}"
        admin = create_engine(make_url(a.pg).set(drivername="postgresql+psycopg"))
        with admin.begin() as conn:
            conn.execute(text(f"CREATE SCHEMA {schema}"))
        try:
            run(make_url(a.pg).update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(False),
                a.events)
        finally:
            with admin.begin() as conn:
                conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))


if __name__ == "__main__":
    main()
