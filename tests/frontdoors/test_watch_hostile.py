"""`watch` against hostile feed servers (raw sockets on 127.0.0.1, started here): every bad feed fails alone,
is recorded (so it backs off), and the other feeds are polled; fetches obey the network rules."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from datetime import timedelta

import pytest

from eventwire.frontdoors.watch import watch
from eventwire.ingest.fetch import FetchError, FetchRules, fetch, public
from eventwire.pipeline import Pipeline
from eventwire.store import feeds as feed_state
from eventwire.store import open_store

ENTRY = "Gunmen killed three villagers in a northern district on Monday, police said."
RSS = (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Wire</title>'
       f"<item><title>Attack</title><link>https://news.example/a</link><description>{ENTRY}</description>"
       f"</item></channel></rss>").encode()


def ok(body: bytes) -> bytes:
    return b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n" % len(body) + body


#: What the raw server answers for each path: bytes, or a function writing to the socket itself.
ANSWERS: dict[str, object] = {
    "/good.xml": ok(RSS),
    "/status.xml": b"HTTP/1.1 two hundred OK\r\n\r\n" + RSS,
    "/longheader.xml": b"HTTP/1.1 200 OK\r\nX-Long: " + b"a" * 70_000 + b"\r\n\r\n" + RSS,
    "/headers.xml": b"HTTP/1.1 200 OK\r\n" + b"".join(b"X-H%d: 1\r\n" % i for i in range(150)) + b"\r\n" + RSS,
    "/chunk.xml": b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n" + RSS,
    "/loop.xml": b"HTTP/1.1 302 Found\r\nLocation: /loop.xml\r\nContent-Length: 0\r\n\r\n",
    "/tofile.xml": b"HTTP/1.1 302 Found\r\nLocation: file:///etc/passwd\r\nContent-Length: 0\r\n\r\n",
    "/moved.xml": b"HTTP/1.1 301 Moved\r\nLocation: /good.xml\r\nContent-Length: 0\r\n\r\n",
}


def trickle(conn: socket.socket) -> None:
    """Headers, then one byte of a large body every 0.2 s: each read succeeds, the whole never ends soon."""
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n")
    for byte in RSS * 100:
        time.sleep(0.2)
        conn.sendall(bytes([byte]))


ANSWERS["/trickle.xml"] = trickle


@pytest.fixture(scope="module")
def server():
    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def serve(conn: socket.socket) -> None:
        try:
            request = b""
            while b"\r\n\r\n" not in request:
                request += conn.recv(4096)
            path = request.split(b" ", 2)[1].decode()
            answer = ANSWERS.get(path, b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")
            if callable(answer):
                answer(conn)
            else:
                conn.sendall(answer)
        except OSError:
            pass
        finally:
            conn.close()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:  # closed at the end of the module
                return
            threading.Thread(target=serve, args=(conn,), daemon=True).start()

    threading.Thread(target=accept, daemon=True).start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    stop.set()
    listener.close()


def run_watch(feeds, tmp_path, *extra):
    listed = tmp_path / "feeds.txt"
    listed.write_text("\n".join(feeds) + "\n")
    db = str(tmp_path / "w.db")
    proc = subprocess.run([sys.executable, "-m", "eventwire", "watch", str(listed), "--once", "--db", db, *extra],
                          capture_output=True, text=True, timeout=300, env={**os.environ, "COLUMNS": "400"})
    return proc, " ".join(proc.stderr.split()), db


def test_broken_servers_and_urls_fail_alone_and_are_recorded(tmp_path, server):
    broken = [f"{server}/status.xml", f"{server}/longheader.xml", f"{server}/headers.xml", f"{server}/chunk.xml",
              "http://127.0.0.1:abc/feed", "http://[::1/feed"]
    proc, said, db = run_watch([*broken, f"{server}/good.xml"], tmp_path, "--allow-private")
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
    assert f"{server}/good.xml: 1 stored" in said
    with open_store(db) as store:
        for url in broken:
            state = feed_state.load(store, url)
            assert state.failures == 1 and state.last_status.startswith("error: "), (url, state.last_status)
            assert state.next_poll is not None
        assert store.count() == 1


def test_loopback_is_refused_unless_the_operator_allows_it(tmp_path, server):
    proc, said, db = run_watch([f"{server}/good.xml"], tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "refused: 127.0.0.1 is at 127.0.0.1, a private, loopback" in said and "--allow-private" in said
    with open_store(db) as store:
        assert store.count() == 0


def test_schemes_other_than_http_are_refused_also_after_a_redirect(server):
    loopback = FetchRules(allow_private=True)
    with pytest.raises(FetchError, match="not an http or https URL"):
        fetch("file:///etc/passwd", rules=loopback)
    with pytest.raises(FetchError, match="not an http or https URL"):
        fetch(f"{server}/tofile.xml", rules=loopback)
    with pytest.raises(FetchError, match="more than 5 redirects"):
        fetch(f"{server}/loop.xml", rules=loopback)
    moved = fetch(f"{server}/moved.xml", rules=loopback)
    assert moved.body == RSS and moved.url.endswith("/good.xml")


@pytest.mark.parametrize("address", ["127.0.0.1", "10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.169.254",
                                     "100.64.0.1", "0.0.0.0", "240.0.0.1", "224.0.0.1", "::1", "fe80::1",
                                     "fc00::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1"])
def test_non_public_addresses(address):
    assert not public(address)


def test_public_addresses():
    assert public("93.184.216.34") and public("2606:4700::1111") and public("::ffff:8.8.8.8")


def test_the_deadline_holds_for_the_whole_fetch(server):
    started = time.monotonic()
    with pytest.raises(FetchError, match="took longer than 1 s"):
        fetch(f"{server}/trickle.xml", rules=FetchRules(allow_private=True, timeout=1))
    assert time.monotonic() - started < 20  # the trickle would take 100 s: only the deadline ended it


def test_a_slow_feed_stalls_no_other(tmp_path, server):
    reported = []
    with open_store(str(tmp_path / "w.db")) as store:
        watch(store, [f"{server}/trickle.xml", f"{server}/good.xml"], timedelta(minutes=15), Pipeline(),
              once=True, report=reported.append, rules=FetchRules(allow_private=True, timeout=3))
    assert [p.url.rsplit("/", 1)[1] for p in reported] == ["good.xml", "trickle.xml"]
    assert reported[0].stored == 1 and "took longer than 3 s" in reported[1].error


def test_local_feeds_are_read_with_the_size_limit(tmp_path):
    proc, said, db = run_watch(["/dev/zero", "file:///etc/passwd"], tmp_path)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
    assert "/dev/zero: error: feed larger than 10,000,000 bytes" in said
    assert "file:///etc/passwd: error: refused" in said
