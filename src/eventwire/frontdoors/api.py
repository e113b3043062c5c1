"""The HTTP API (FastAPI) over a store: it mirrors the CLI (``eventwire events``, ``eventwire code``).

    eventwire serve --db eventwire.db        # then GET /api/events?country=AF&type=ASSAULT, /docs

Pydantic models are used at the HTTP boundary only; rows and documents are those of the store and the
coding contract. ``/`` serves the static dashboard in ``web/`` when that folder exists.
"""
from __future__ import annotations

import io
import threading
from collections import Counter, OrderedDict, defaultdict
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field

from .. import __version__, export, settings
from ..store import EventFilter, Store
from ..store.values import MAX_ROWS
from .body_limit import BodyLimit
from .coding_pool import Busy, CodingFailed, CodingPool, TimedOut

WEB = Path(__file__).parent / "web"
MAX_TEXT_CHARS = 200_000  # POST /api/code: longer texts are refused (413)
MAX_PAGE = 1000  # GET /api/events: most rows in one page
MAX_RELATION_DOCUMENTS = 2000  # GET /api/network reads relations from at most this many documents' JSON
PAGE_FORMATS = ("json", "geojson", "csv")
NODES = 40  # GET /api/network: parties shown unless asked otherwise
DOCS_ASSETS = "/docs-assets"  # Swagger UI's files, served from the swagger-ui-bundle package (no CDN)

#: The spans of an event, as /api/events/{id} gives them relative to the evidence slice.
SPANS = ("trigger", "actor1", "actor2", "location", "date", "attribution")


class Health(BaseModel):
    status: str
    documents: int
    events: int


class EventsPage(BaseModel):
    total: int
    events: list[dict[str, Any]]


class Node(BaseModel):
    id: str
    kind: str | None
    country: str | None
    events: int


class Edge(BaseModel):
    source: str
    target: str
    type: str
    events: int


class Network(BaseModel):
    nodes: list[Node]
    edges: list[Edge]


def event_filter(
        country: list[str] | None = Query(None, description="country of the location: ISO code or name"),
        type: list[str] | None = Query(None, description="PLOVER type, e.g. ASSAULT"),
        acled: list[str] | None = Query(None, description="ACLED event or sub-event type"),
        actor: str | None = Query(None, description="words of an actor's name, any case"),
        status: list[str] | None = Query(None, description="asserted, claimed, denied, …"),
        since: str | None = Query(None, description="on or after: YYYY, YYYY-MM or YYYY-MM-DD"),
        until: str | None = Query(None, description="on or before"),
        q: str | None = Query(None, description="words of the evidence, an actor's name or the location"),
        bbox: str | None = Query(None, description="located within west,south,east,north (degrees)")) -> EventFilter:
    """The filters of every events query, named as the CLI's options (``eventwire events --help``)."""
    try:
        return EventFilter(country=country, type=type, acled=acled, actor=actor, status=status, since=since,
                           until=until, q=q, bbox=bbox)
    except ValueError as exc:  # a filter too long to search, a bad date or box: the reason, as a 400
        raise HTTPException(400, str(exc)) from None


class CodeRequest(BaseModel):
    text: str
    published: str | None = Field(None, max_length=100)


class Answers:
    """The answers of the counting endpoints (/api/stats, /api/network) by their query, kept while the store is
    unchanged (same number of documents, same newest one): over a million events a count takes seconds, and
    a dashboard asks the same ones again and again. Least recently used answers go first."""

    def __init__(self, store: Store, size: int = 256):
        self.store, self.size = store, size
        self.kept: OrderedDict[tuple, Any] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: tuple, compute: Callable[[], Any]) -> Any:
        key = (self.store.version(), *key)
        with self.lock:
            if key in self.kept:
                self.kept.move_to_end(key)
                return self.kept[key]
        value = compute()
        with self.lock:
            self.kept[key] = value
            while len(self.kept) > self.size:
                self.kept.popitem(last=False)
        return value


def create_app(store: Store, web: Path = WEB, pool: CodingPool | None = None) -> FastAPI:
    """The API over an open store (the caller closes it); ``/`` serves the files in ``web`` if it is a folder.
    ``POST /api/code`` codes in ``pool`` (by default one sized by the API_* settings), started with the app."""
    answers = Answers(store)
    pool = pool or CodingPool(settings.API_WORKERS, settings.API_QUEUE, settings.API_TIMEOUT_S)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # The dashboard's first view asks for the unfiltered counts: make them while the server starts.
        pool.start()
        threading.Thread(target=lambda: (stats(EventFilter()), network(EventFilter(), NODES)), daemon=True).start()
        try:
            yield
        finally:
            pool.close()

    app = FastAPI(title="eventwire", version=__version__, docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="News in, conflict events out, with the evidence for every field.")
    app.add_middleware(BodyLimit, max_bytes=settings.API_MAX_BODY_BYTES)

    @app.exception_handler(RequestValidationError)
    async def _bad_request(_request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:]) or 'body'}: {e['msg']}" for e in exc.errors())
        return JSONResponse({"detail": problems}, status_code=400)

    @app.get("/api/health", response_model=Health)
    def health() -> Health:
        return Health(status="ok", documents=store.count("documents"), events=store.count("events"))

    @app.get("/api/events", response_model=EventsPage,
             responses={200: {"content": {"text/csv": {}, "application/geo+json": {}}}})
    def events(filters: EventFilter = Depends(event_filter), limit: int = Query(100, ge=0, le=MAX_PAGE),
               offset: int = Query(0, ge=0, le=MAX_ROWS),
               format: str = Query("json", description="json (a page with its total), geojson or csv")) -> Any:
        if format not in PAGE_FORMATS:
            raise HTTPException(400, f"unknown format: {format!r} (one of {', '.join(PAGE_FORMATS)})")
        fields = asdict(filters)
        try:
            total = store.count("events", **fields)
            rows = store.events(limit=limit, offset=offset, keyed=True, **fields)
        except ValueError as exc:
            raise HTTPException(400, str(exc)) from None
        if format == "json":
            return EventsPage(total=total, events=rows)
        out = io.StringIO()
        export.write_rows(rows, format, out)
        media = "text/csv; charset=utf-8" if format == "csv" else "application/geo+json"
        return Response(out.getvalue(), media_type=media, headers={"X-Total-Count": str(total)})

    @app.get("/api/stats")
    def stats(filters: EventFilter = Depends(event_filter)) -> dict[str, Any]:
        """Counts of the matching events by period (day, week or month, from their span) and type, by type,
        country and actor, and per map cell (its size follows ``bbox``): charts of any store size."""
        fields = asdict(filters)
        try:
            return answers.get(("stats", repr(fields)), lambda: store.stats(**fields))
        except ValueError as exc:
            raise HTTPException(400, str(exc)) from None

    @app.get("/api/events/{key}")
    def event(key: str) -> dict[str, Any]:
        found = store.event(key)
        if found is None:
            raise HTTPException(404, f"no event {key!r}")
        return with_evidence(found)

    @app.get("/api/documents/{key}")
    def document(key: str) -> dict[str, Any]:
        """By store id (the ``document`` of an event row) or by the id the document came with."""
        found = store.document(int(key) if key.isascii() and key.isdigit() and len(key) < 19 else key)
        if found is None:
            raise HTTPException(404, f"no document {key!r}")
        return found

    @app.get("/api/network", response_model=Network)
    def network(filters: EventFilter = Depends(event_filter),
                nodes: int = Query(NODES, ge=1, le=500, description="the parties named most, at most this many")) -> Network:
        """Parties linked by the matching events, and by the relations stated in their documents (when
        those are at most MAX_RELATION_DOCUMENTS)."""
        fields = {k: v for k, v in asdict(filters).items() if v is not None}
        try:
            return answers.get(("network", nodes, repr(fields)), lambda: Network(**actor_network(
                *store.actor_pairs(top=nodes, **fields), store.relations(most=MAX_RELATION_DOCUMENTS, **fields),
                top=nodes)))
        except ValueError as exc:
            raise HTTPException(400, str(exc)) from None

    @app.post("/api/code")
    async def code(body: CodeRequest) -> dict[str, Any]:
        if len(body.text) > MAX_TEXT_CHARS:
            raise HTTPException(413, f"text longer than {MAX_TEXT_CHARS:,} characters")
        if not body.text.strip():
            raise HTTPException(400, "empty text")
        try:
            return await pool.code(body.text, body.published)
        except Busy:
            raise HTTPException(429, "every coding worker is busy and the queue is full: try again shortly",
                                headers={"Retry-After": "5"}) from None
        except TimedOut:
            raise HTTPException(504, f"coding took longer than {pool.timeout:g} s") from None
        except CodingFailed as exc:
            raise HTTPException(400, str(exc)) from None

    from swagger_ui_bundle import swagger_ui_path
    app.mount(DOCS_ASSETS, StaticFiles(directory=swagger_ui_path), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url=app.openapi_url, title="eventwire API",
                                   swagger_js_url=f"{DOCS_ASSETS}/swagger-ui-bundle.js",
                                   swagger_css_url=f"{DOCS_ASSETS}/swagger-ui.css",
                                   swagger_favicon_url=f"{DOCS_ASSETS}/favicon-32x32.png")

    @app.get("/api/places/{place}/control")
    def place_control(place: str) -> list[dict[str, Any]]:
        """The control timeline of a place (its name or GeoNames id), oldest change first."""
        from ..store.control import as_dict, changes
        found = changes(store, place=place)
        if not found:
            raise HTTPException(404, f"no control change of {place!r}")
        return [as_dict(ch) for ch in found]

    @app.get("/api/incidents")
    def incidents(country: list[str] | None = Query(None, description="country of a report's location"),
                  since: str | None = None, until: str | None = None,
                  limit: int = Query(100, ge=1, le=1000), offset: int = Query(0, ge=0)) -> dict[str, Any]:
        """Incidents in order of their first report, each reconciled from its reports."""
        try:
            found = store.incidents(limit=limit, offset=offset, country=country, since=since, until=until)
        except ValueError as exc:
            raise HTTPException(400, str(exc)) from None
        return {"incidents": found, "limit": limit, "offset": offset}

    @app.get("/api/events/{key}/incident")
    def event_incident(key: str) -> dict[str, Any]:
        """The incident an event belongs to, with every report of it: the other reports of the same happening."""
        found = store.incident_of(key)
        if found is None:
            raise HTTPException(404, f"no event {key!r}")
        return found

    @app.get("/api/incidents/{key}")
    def incident(key: str) -> dict[str, Any]:
        """One incident with every report that tells of it, side by side."""
        found = store.incident(key)
        if found is None:
            raise HTTPException(404, f"no incident {key!r}")
        return found

    if web.is_dir():
        app.mount("/", StaticFiles(directory=web, html=True), name="web")
    return app


def with_evidence(e: dict[str, Any]) -> dict[str, Any]:
    """An event's JSON plus ``evidence_text`` (its slice of the document), ``spans``: each of SPANS that
    lies within the slice, as {start, end, text} relative to it, and ``mentions``: every sentence of the
    document that tells of the event, as {start, end, text} in the document; the document text is dropped."""
    text = e.pop("text")
    ev = e.get("evidence") or {"start": 0, "end": len(text)}
    start, end = ev["start"], ev["end"]
    whole = {"trigger": e.get("trigger"), "actor1": (e.get("actor1") or {}).get("span"),
             "actor2": (e.get("actor2") or {}).get("span"), "location": (e.get("location") or {}).get("span"),
             "date": e.get("date_span"), "attribution": e.get("attribution_span")}
    spans = {name: {"start": s["start"] - start, "end": s["end"] - start, "text": text[s["start"]:s["end"]]}
             for name, s in whole.items() if s and start <= s["start"] and s["end"] <= end}
    mentions = [{**m, "text": text[m["start"]:m["end"]]} for m in e.get("mentions") or []]
    return {**e, "evidence": {"start": start, "end": end}, "evidence_text": text[start:end], "spans": spans,
            "mentions": mentions}


def actor_network(named: list[dict[str, Any]], pairs: list[dict[str, Any]],
                  relations: list[dict[str, Any]], top: int | None = None) -> dict[str, list[dict[str, Any]]]:
    """Nodes (parties, with their most frequent kind and country) and edges (actor1 → actor2 per PLOVER type,
    and each stored relation such as "backs"), each with how many events or statements name it.
    ``named`` and ``pairs`` are what ``Store.actor_pairs`` counts; with ``top``, the ``top`` nodes named most
    and the edges between them."""
    count: Counter[str] = Counter()
    kinds: dict[str, Counter] = defaultdict(Counter)
    countries: dict[str, Counter] = defaultdict(Counter)
    edges: Counter[tuple[str, str, str]] = Counter()

    def seen(name: str, kind: str | None, country: str | None, n: int = 1) -> None:
        count[name] += n
        if kind:
            kinds[name][kind] += n
        if country:
            countries[name][country] += n

    for a in named:
        seen(a["name"], a["kind"], a["country"], a["events"])
    for p in pairs:
        edges[p["source"], p["target"], p["type"]] += p["events"]
    for rel in relations:
        source, target = rel.get("source") or {}, rel.get("target") or {}
        if source.get("name") and target.get("name") and source.get("kind") and target.get("kind"):
            for a in (source, target):
                seen(a["name"], a.get("kind"), a.get("country"))
            edges[source["name"], target["name"], rel["relation"]] += 1

    def commonest(counter: Counter) -> str | None:
        return counter.most_common(1)[0][0] if counter else None

    kept = dict(count.most_common(top))
    return {"nodes": [{"id": name, "kind": commonest(kinds[name]), "country": commonest(countries[name]), "events": n}
                      for name, n in kept.items()],
            "edges": [{"source": a, "target": b, "type": t, "events": n} for (a, b, t), n in edges.most_common()
                      if a in kept and b in kept]}
