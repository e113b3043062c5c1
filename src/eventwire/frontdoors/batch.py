"""Batch coding of large corpora on Dask distributed, resumable, into Parquet partitions.

The input is read lazily on the client and cut into numbered chunks in a deterministic order; each
chunk is coded on a worker (the spaCy model and gazetteer load once per worker process) and written
as one Parquet file per table (documents, events, places, times), then a marker. A re-run after a
crash skips every chunk whose marker exists and rewrites any chunk that was cut short, so nothing
is lost or duplicated.
"""
from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..ingest.sources import read_path
from ..model import Failed

TABLES = ("documents", "events", "places", "times")
CHUNK = 100  # documents per task: large enough to amortise scheduling, small enough to resume cheaply


@dataclass
class BatchStats:
    chunks: int = 0
    skipped_chunks: int = 0
    documents: int = 0
    failed: int = 0
    events: int = 0
    seconds: float = 0.0

    @property
    def docs_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0


def read_inputs(path: str) -> Iterator[dict[str, Any]]:
    """Contract dicts from a folder, a file of any supported format, or Parquet (id, text, published)."""
    p = Path(path)
    if p.is_file() and p.suffix == ".parquet":
        import pyarrow.parquet as pq
        pf = pq.ParquetFile(p)
        for batch in pf.iter_batches(batch_size=1000):
            for row in batch.to_pylist():
                if row.get("published") is not None:
                    row["published"] = str(row["published"])[:10]
                yield {k: row.get(k) for k in ("id", "text", "published", "title", "url", "source") if k in row}
        return
    for item in read_path(path):
        if isinstance(item, Failed):
            yield {"id": item.id, "error": item.error}
        else:
            yield {"id": item.id, "text": item.text, "published": item.published, "title": item.title,
                   "url": item.url, "source": item.source, **item.meta}


def chunks(docs: Iterator[dict[str, Any]], size: int = CHUNK) -> Iterator[tuple[int, list[dict[str, Any]]]]:
    part, buf = 0, []
    for d in docs:
        buf.append(d)
        if len(buf) == size:
            yield part, buf
            part, buf = part + 1, []
    if buf:
        yield part, buf


def fingerprint(docs: list[dict[str, Any]]) -> str:
    """What a chunk holds: a marker from another input never counts as done."""
    h = hashlib.sha256()
    for d in docs:
        h.update(str(d.get("id")).encode())
        h.update(hashlib.sha256((d.get("text") or "").encode()).digest())
    return h.hexdigest()[:16]


def _marker(out: Path, part: int) -> Path:
    return out / "_done" / f"part-{part:06d}.json"


def is_done(out: Path, part: int, docs: list[dict[str, Any]]) -> bool:
    m = _marker(out, part)
    try:
        return json.loads(m.read_text())["fingerprint"] == fingerprint(docs)
    except (OSError, ValueError, KeyError):
        return False


def rows_of(coded: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Contract documents → flat rows per table."""
    from ..store.rows import event_rows
    tables: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    for d in coded:
        tables["documents"].append({
            "id": d["id"], "published": d.get("published"), "published_inferred": d.get("published_inferred"),
            "error": d.get("error"), "events": len(d.get("events") or []), "title": d.get("title"),
            "url": d.get("url"), "json": json.dumps(d, ensure_ascii=False)})
        tables["events"].extend(event_rows(d) if not d.get("error") else [])
        for p in d.get("places") or []:
            tables["places"].append({"doc_id": d["id"], **{k: p.get(k) for k in (
                "start", "end", "text", "name", "lat", "lon", "country", "geonameid", "feature")}})
        for t in d.get("times") or []:
            tables["times"].append({"doc_id": d["id"], **{k: t.get(k) for k in (
                "start", "end", "text", "value", "type")}})
    return tables


def _temp_path(path: Path) -> Path:
    """Where a file is written before its atomic rename: hidden (leading '.'), so that Parquet
    dataset readers (pyarrow, Dask, DuckDB) skip it even when a killed run leaves it behind."""
    return path.with_name(f".{path.name}.tmp{os.getpid()}")


def sweep_temporaries(out: Path) -> None:
    """Remove what a run killed mid-write left behind."""
    for folder in [out / t for t in TABLES] + [out / "_done"]:
        for f in folder.glob(".*.tmp*"):
            f.unlink(missing_ok=True)


def _write_parquet(rows: list[dict[str, Any]], path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = _temp_path(path)
    table = pa.Table.from_pylist(rows) if rows else pa.table({"doc_id": pa.array([], pa.string())})
    pq.write_table(table, tmp)
    os.replace(tmp, path)


def code_chunk(part: int, docs: list[dict[str, Any]], out: str) -> dict[str, int]:
    """Worker side: code one chunk and write its partitions, then its marker (last, atomically)."""
    from ..ingest.jsonl import document_from_dict
    from ..model import Document, DocumentError
    from ..pipeline import pipe
    from ..serialize import document
    parsed: list[Document | dict[str, Any]] = []  # a Document, or the error dict of an unreadable input
    for d in docs:
        try:
            parsed.append({"id": str(d.get("id")), "error": d["error"]} if d.get("error") else document_from_dict(d))
        except DocumentError as exc:
            parsed.append({"id": str(d.get("id")), "error": str(exc)})
    results = pipe([p for p in parsed if isinstance(p, Document)])
    coded = [document(next(results)) if isinstance(p, Document) else p for p in parsed]
    root = Path(out)
    for table, rows in rows_of(coded).items():
        _write_parquet(rows, root / table / f"part-{part:06d}.parquet")
    stats = {"documents": len(coded), "failed": sum(1 for d in coded if d.get("error")),
             "events": sum(len(d.get("events") or []) for d in coded)}
    marker = _marker(root, part)
    marker.parent.mkdir(parents=True, exist_ok=True)
    tmp = _temp_path(marker)
    tmp.write_text(json.dumps({"fingerprint": fingerprint(docs), **stats}))
    os.replace(tmp, marker)
    return stats


def _worker_warmup() -> bool:
    """Load the spaCy model once per worker before work arrives."""
    from ..nlp import load
    load()
    return True


def run_batch(inputs: list[str], out: str, scheduler: str | None = None, workers: int | None = None,
              chunk_size: int = CHUNK, progress: Any = None) -> BatchStats:
    """Code every input on a Dask cluster (a LocalCluster unless ``scheduler`` names one)."""
    from dask.distributed import Client, LocalCluster, as_completed

    import logging
    logging.getLogger("distributed").setLevel(logging.ERROR)  # the CLI shows progress; Dask's chatter is noise
    root = Path(out)
    root.mkdir(parents=True, exist_ok=True)
    sweep_temporaries(root)
    stats = BatchStats()
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1,
                               processes=True, dashboard_address=None)
        client = Client(cluster)
    t0 = time.perf_counter()
    try:
        client.run(_worker_warmup)
        n_workers = max(1, len(client.scheduler_info().get("workers", {})))
        pending = as_completed()
        in_flight = 0

        def drain(limit: int) -> None:
            nonlocal in_flight
            while in_flight > limit:
                fut = next(pending)
                s = fut.result()
                in_flight -= 1
                stats.chunks += 1
                stats.documents += s["documents"]
                stats.failed += s["failed"]
                stats.events += s["events"]
                if progress:
                    progress(stats, time.perf_counter() - t0)

        docs = (d for path in inputs for d in read_inputs(path))
        for part, chunk in chunks(docs, chunk_size):
            if is_done(root, part, chunk):
                stats.skipped_chunks += 1
                continue
            pending.add(client.submit(code_chunk, part, chunk, str(root), pure=False))
            in_flight += 1
            drain(2 * n_workers)  # bounded: the client never holds the whole corpus
        drain(0)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    stats.seconds = time.perf_counter() - t0
    return stats
