"""Load on the API: many clients mixing reads and POST /api/code against a real `eventwire serve`.

    python bench/api_load.py [--clients 50] [--seconds 60] [--code-share 0.2]

It ingests examples/ into a new SQLite store, starts the server on 127.0.0.1 (with the API_* settings of
the environment), runs the clients, and prints requests per status, errors other than 429 (which is the
server saying "busy", as it should under this load) and latency percentiles of reads and of coding.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
SHORT = ["Police arrested five protesters in the capital on Monday, a police spokesman said.",
         "Rebels attacked an army post near the river on Tuesday, killing three soldiers, the governor said.",
         "Hundreds of teachers marched to the ministry on Wednesday to demand unpaid wages."]
LONG = " ".join(SHORT) * 80  # about 20,000 characters


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(folder: Path) -> tuple[subprocess.Popen, str]:
    db = str(folder / "load.db")
    subprocess.run([sys.executable, "-m", "eventwire", "ingest", str(ROOT / "examples"), "--db", db],
                   check=True, capture_output=True)
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "eventwire", "serve", "--db", db, "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            httpx.get(base + "/api/health", timeout=1)
            break
        except httpx.TransportError:
            time.sleep(0.1)
    # wait until the coding workers have loaded their models
    while httpx.post(base + "/api/code", json={"text": SHORT[0]}, timeout=300).status_code != 200:
        time.sleep(1)
    return server, base


async def client(base: str, until: float, code_share: float, ids: list[str], docs: list[str],
                 reads: list[float], codes: list[float], statuses: Counter, failures: Counter) -> None:
    r = random.Random()
    async with httpx.AsyncClient(base_url=base, timeout=300) as http:
        while time.monotonic() < until:
            coding = r.random() < code_share
            if coding:
                text = LONG if r.random() < 0.1 else r.choice(SHORT)
                call = http.post("/api/code", json={"text": text})
            else:
                path = r.choice(["/api/health", "/api/events?limit=50", "/api/events?type=ASSAULT&limit=20",
                                 "/api/events?q=police", "/api/network",
                                 f"/api/events/{r.choice(ids)}", f"/api/documents/{r.choice(docs)}"])
                call = http.get(path)
            t0 = time.perf_counter()
            try:
                answer = await call
            except httpx.HTTPError as exc:
                failures[type(exc).__name__] += 1
                continue
            elapsed = time.perf_counter() - t0
            statuses[("code " if coding else "read ") + str(answer.status_code)] += 1
            if answer.status_code == 429:
                await asyncio.sleep(float(answer.headers.get("retry-after", "1")) * r.random())
            elif answer.status_code >= 400:
                failures[f"{'POST /api/code' if coding else 'GET'} {answer.status_code}"] += 1
            else:
                (codes if coding else reads).append(elapsed)


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=1000)[int(q * 10) - 1] * 1000 if len(values) > 1 else float("nan")


async def run(base: str, clients: int, seconds: float, code_share: float) -> tuple:
    events = httpx.get(base + "/api/events?limit=200").json()["events"]
    ids = [e["id"] for e in events] or ["1-0"]
    docs = sorted({str(e["document"]) for e in events}) or ["1"]
    reads: list[float] = []
    codes: list[float] = []
    statuses: Counter = Counter()
    failures: Counter = Counter()
    until = time.monotonic() + seconds
    await asyncio.gather(*(client(base, until, code_share, ids, docs, reads, codes, statuses, failures)
                           for _ in range(clients)))
    return reads, codes, statuses, failures


async def health_during_long(base: str) -> tuple[list[float], float]:
    """GET /api/health every 0.2 s while one 200,000-character text is coded: their latencies, and the
    coding's seconds."""
    text = (" ".join(SHORT) + "\n\n") * (200_000 // (len(" ".join(SHORT)) + 2))
    async with httpx.AsyncClient(base_url=base, timeout=900) as http:
        t0 = time.perf_counter()
        long = asyncio.ensure_future(http.post("/api/code", json={"text": text[:199_999]}))
        await asyncio.sleep(0.5)
        latencies = []
        while not long.done():
            t = time.perf_counter()
            await http.get("/api/health")
            latencies.append(time.perf_counter() - t)
            await asyncio.sleep(0.2)
        (await long).raise_for_status()
        return latencies, time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--code-share", type=float, default=0.2)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        server, base = start_server(Path(folder))
        try:
            reads, codes, statuses, failures = asyncio.run(run(base, args.clients, args.seconds, args.code_share))
            health, long_s = asyncio.run(health_during_long(base))
        finally:
            server.terminate()
            server.wait(30)
    print(f"{args.clients} clients, {args.seconds:g} s, {args.code_share:.0%} POST /api/code "
          f"(workers {os.environ.get('EVENTWIRE_API_WORKERS', 'default')}, queue {os.environ.get('EVENTWIRE_API_QUEUE', 'default')})")
    print("answers:", dict(sorted(statuses.items())))
    print("errors other than 429:", sum(failures.values()), dict(failures))
    print(f"reads: {len(reads)} ok, p50 {percentile(reads, 50):.0f} ms, p95 {percentile(reads, 95):.0f} ms, "
          f"p99 {percentile(reads, 99):.0f} ms, max {max(reads, default=0) * 1000:.0f} ms")
    if codes:
        print(f"codes: {len(codes)} ok, p50 {percentile(codes, 50):.0f} ms, p99 {percentile(codes, 99):.0f} ms")
    print(f"/api/health during a 200,000-character POST /api/code ({long_s:.0f} s): {len(health)} answers, "
          f"max {max(health, default=0) * 1000:.0f} ms, median {statistics.median(health) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
