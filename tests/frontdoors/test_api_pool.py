"""POST /api/code in worker processes: the server stays responsive, refuses what it cannot take, and reads
no more of a body than it allows. Real `eventwire serve` processes on 127.0.0.1."""
from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
import time

import httpx
import pytest

from conftest import free_port, served

PROSE = ("Soldiers patrolled the northern district on Monday after rebels attacked a checkpoint, officials said. "
         "Traders reopened the market while residents waited for news of the talks in the capital. ")
LONG = (PROSE * (200_000 // len(PROSE) + 1))[:199_000]
MEDIUM = LONG[:40_000]  # long enough to keep a worker busy for seconds
SMALL = "Police arrested five protesters in the capital on Monday, a police spokesman said."


def store_of(tmp_path) -> str:
    """A SQLite store holding one short report."""
    db = str(tmp_path / f"api{free_port()}.db")
    done = subprocess.run([sys.executable, "-m", "eventwire", "ingest", "-", "--db", db], input=SMALL.encode(),
                          capture_output=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return db


@pytest.fixture(scope="module")
def small_pool(tmp_path_factory):
    """One worker, one place in the queue, a body limit of 100 kB."""
    with served(store_of(tmp_path_factory.mktemp("pool")), EVENTWIRE_API_WORKERS="1", EVENTWIRE_API_QUEUE="1",
                EVENTWIRE_API_MAX_BODY="100000") as base:
        assert httpx.post(base + "/api/code", json={"text": SMALL}, timeout=300).status_code == 200  # warm
        yield base


def in_thread(fn, *args):
    out: dict = {}
    thread = threading.Thread(target=lambda: out.update(result=fn(*args)), daemon=True)
    thread.start()
    return thread, out


def test_health_answers_while_a_long_text_is_coded_and_a_full_queue_gets_429(tmp_path):
    with served(store_of(tmp_path), EVENTWIRE_API_WORKERS="1", EVENTWIRE_API_QUEUE="1",
                EVENTWIRE_API_TIMEOUT="900") as base:
        assert httpx.post(base + "/api/code", json={"text": SMALL}, timeout=300).status_code == 200  # warm
        post = lambda text: httpx.post(base + "/api/code", json={"text": text}, timeout=600).status_code  # noqa: E731
        long_request, long_out = in_thread(post, MEDIUM)
        time.sleep(1.0)
        health = httpx.get(base + "/api/health", timeout=60)
        assert health.status_code == 200 and long_request.is_alive()  # answered while the coding goes on
        queued, queued_out = in_thread(post, SMALL)
        time.sleep(0.5)
        refused = httpx.post(base + "/api/code", json={"text": SMALL}, timeout=60)
        assert refused.status_code == 429 and refused.headers["retry-after"]
        long_request.join(600)
        queued.join(600)
        assert long_out["result"] == 200 and queued_out["result"] == 200


def test_a_request_over_its_time_is_given_up_and_the_worker_replaced(tmp_path):
    with served(store_of(tmp_path), EVENTWIRE_API_WORKERS="1", EVENTWIRE_API_TIMEOUT="2") as base:
        httpx.post(base + "/api/code", json={"text": SMALL}, timeout=300)  # the worker's models may load slowly
        slow = httpx.post(base + "/api/code", json={"text": LONG}, timeout=300)
        assert slow.status_code == 504 and "longer than 2 s" in slow.json()["detail"]
        for _ in range(60):  # the fresh worker loads its models within the 2 s of a request, or a later one
            after = httpx.post(base + "/api/code", json={"text": SMALL}, timeout=300)
            if after.status_code == 200:
                break
        assert after.status_code == 200 and after.json()["events"]


def raw_request(base: str, head: bytes, body: bytes = b"") -> bytes:
    host, port = base.rsplit("/", 1)[1].split(":")
    with socket.create_connection((host, int(port)), timeout=30) as s:
        s.sendall(head + body)
        answer = b""
        while chunk := s.recv(65536):
            answer += chunk
            if b"\r\n\r\n" in answer and b"}" in answer:
                break
        return answer


def test_a_declared_length_over_the_limit_is_refused_before_the_body_is_sent(small_pool):
    head = (b"POST /api/code HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Content-Length: 100000000\r\n\r\n")
    answer = raw_request(small_pool, head)  # not one byte of the 100 MB is sent
    assert answer.startswith(b"HTTP/1.1 413") and b"larger than 100,000 bytes" in answer


def test_a_chunked_body_is_read_only_up_to_the_limit(small_pool):
    head = b"POST /api/code HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
    chunk = b"a" * 50_000
    body = b"".join(b"%x\r\n%s\r\n" % (len(chunk), chunk) for _ in range(3))  # 150 kB, and never a last chunk
    answer = raw_request(small_pool, head, body)
    assert answer.startswith(b"HTTP/1.1 413")


@pytest.mark.parametrize("body, status", [
    (json.dumps({"text": SMALL, "published": "2024-01-01" * 20}), 400),
    ('{"text": ' + "[" * 40_000 + "]" * 40_000 + "}", 400),
    (json.dumps({"text": ["not", "text"]}), 400),
    (json.dumps({"text": "word " * 30_000}), 413),
])
def test_bad_bodies_are_refused(small_pool, body, status):
    answer = httpx.post(small_pool + "/api/code", content=body.encode(), timeout=60,
                        headers={"content-type": "application/json"})
    assert answer.status_code == status, answer.text
