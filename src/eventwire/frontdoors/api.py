"""The HTTP API (FastAPI) over a store: it mirrors the CLI (``eventwire events``, ``eventwire code``).

    eventwire serve --db eventwire.db        # then GET /api/events?country=AF&type=ASSAULT

Pydantic models are used at the HTTP boundary only; rows and documents are those of the store and the
coding contract. ``/`` serves the static dashboard in ``web/`` when that folder exists.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from .. import settings
from ..store import Store
from ..store.values import MAX_ROWS
from .body_limit import BodyLimit
from .coding_pool import Busy, CodingFailed, CodingPool, TimedOut

WEB = Path(__file__).parent / "web"
MAX_TEXT_CHARS = 200_000  # POST /api/code: longer texts are refused (413)
MAX_PAGE = 1000  # GET /api/events: most rows in one page

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


class CodeRequest(BaseModel):
    text: str
    published: str | None = Field(None, max_length=100)


def create_app(store: Store, web: Path = WEB, pool: CodingPool | None = None) -> FastAPI:
    """The API over an open store (the caller closes it); ``/`` serves the files in ``web`` if it is a folder.
    ``POST /api/code`` codes in ``pool`` (by default one sized by the API_* settings), started with the app."""
    pool = pool or CodingPool(settings.API_WORKERS, settings.API_QUEUE, settings.API_TIMEOUT_S)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        pool.start()
        try:
            yield
        finally:
            pool.close()

    app = FastAPI(title="eventwire", description="News in, conflict events out, with the evidence for every field.",
                  lifespan=lifespan)
    app.add_middleware(BodyLimit, max_bytes=settings.API_MAX_BODY_BYTES)

    @app.exception_handler(RequestValidationError)
    async def _bad_request(_request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:]) or 'body'}: {e['msg']}" for e in exc.errors())
        return JSONResponse({"detail": problems}, status_code=400)

    @app.get("/api/health", response_model=Health)
    def health() -> Health:
        return Health(status="ok", documents=store.count("documents"), events=store.count("events"))

    @app.get("/api/events", response_model=EventsPage)
    def events(country: list[str] | None = Query(None, description="country of the location: ISO code or name"),
               type: list[str] | None = Query(None, description="PLOVER type, e.g. ASSAULT"),
               acled: list[str] | None = Query(None, description="ACLED event or sub-event type"),
               actor: str | None = Query(None, description="part of an actor's name, any case"),
               status: list[str] | None = Query(None, description="asserted, claimed, denied, …"),
               since: str | None = Query(None, description="on or after: YYYY, YYYY-MM or YYYY-MM-DD"),
               until: str | None = Query(None, description="on or before"),
               q: str | None = Query(None, description="part of the evidence, an actor's name or the location"),
               limit: int = Query(100, ge=0, le=MAX_PAGE), offset: int = Query(0, ge=0, le=MAX_ROWS)) -> EventsPage:
        filters = dict(country=country, type=type, acled_type=acled, actor=actor, status=status,
                       since=since, until=until, q=q)
        try:
            total = store.count("events", **filters)
            rows = store.events(limit=limit, offset=offset, keyed=True, **filters)
        except ValueError as exc:
            raise HTTPException(400, str(exc)) from None
        return EventsPage(total=total, events=rows)

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
    def network() -> Network:
        return Network(**actor_network(*store.actor_pairs(), store.relations()))

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

    if web.is_dir():
        from fastapi.staticfiles import StaticFiles
        app.mount("/", StaticFiles(directory=web, html=True), name="web")
    return app


def with_evidence(e: dict[str, Any]) -> dict[str, Any]:
    """An event's JSON plus ``evidence_text`` (its slice of the document) and ``spans``: each of SPANS that
    lies within the slice, as {start, end, text} relative to it; the document text itself is dropped."""
    text = e.pop("text")
    ev = e.get("evidence") or {"start": 0, "end": len(text)}
    start, end = ev["start"], ev["end"]
    whole = {"trigger": e.get("trigger"), "actor1": (e.get("actor1") or {}).get("span"),
             "actor2": (e.get("actor2") or {}).get("span"), "location": (e.get("location") or {}).get("span"),
             "date": e.get("date_span"), "attribution": e.get("attribution_span")}
    spans = {name: {"start": s["start"] - start, "end": s["end"] - start, "text": text[s["start"]:s["end"]]}
             for name, s in whole.items() if s and start <= s["start"] and s["end"] <= end}
    return {**e, "evidence": {"start": start, "end": end}, "evidence_text": text[start:end], "spans": spans}


def actor_network(named: list[dict[str, Any]], pairs: list[dict[str, Any]],
                  relations: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Nodes (actors, with their most frequent kind and country) and edges (actor1 → actor2 per PLOVER type,
    and each stored relation such as "backs"), each with how many events or statements name it.
    ``named`` and ``pairs`` are what ``Store.actor_pairs`` counts."""
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
        if source.get("name") and target.get("name"):
            for a in (source, target):
                seen(a["name"], a.get("kind"), a.get("country"))
            edges[source["name"], target["name"], rel["relation"]] += 1

    def top(counter: Counter) -> str | None:
        return counter.most_common(1)[0][0] if counter else None

    return {"nodes": [{"id": name, "kind": top(kinds[name]), "country": top(countries[name]), "events": n}
                      for name, n in count.most_common()],
            "edges": [{"source": a, "target": b, "type": t, "events": n} for (a, b, t), n in edges.most_common()]}
