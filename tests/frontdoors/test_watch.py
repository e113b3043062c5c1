"""`eventwire watch`: feeds served over real HTTP by a server in the test."""
from __future__ import annotations

import subprocess
import sys
import threading
import time
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from sqlalchemy import inspect, text

from eventwire.pipeline import Pipeline
from eventwire.store import open_store
from eventwire.store import feeds as feed_state
from eventwire.store.migrations import latest
from eventwire.frontdoors.watch import parse_every, poll, watch
from eventwire.ingest.fetch import FetchRules

ENTRIES = [
    ("https://news.example/1", "Gunmen killed three villagers in Zamfara state on Monday, police said."),
    ("https://news.example/2", "Hundreds of students protested in Dhaka on Tuesday against a fee increase."),
    ("https://news.example/3", "Soldiers clashed with rebels near Goma on Wednesday, the army said."),
]


def rss(entries) -> bytes:
    items = "".join(f"<item><title>Report {i}</title><link>{link}</link><description>{body}</description>"
                    f"<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate></item>"
                    for i, (link, body) in enumerate(entries))
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Example wire</title>'
            f"{items}</channel></rss>").encode()


class Feeds(BaseHTTPRequestHandler):
    body = rss(ENTRIES[:2])
    etag = '"v1"'
    seen: list[tuple[str, str | None]] = []

    def do_GET(self):  # noqa: N802 (http.server's name)
        type(self).seen.append((self.path, self.headers.get("If-None-Match")))
        if self.path == "/wire.xml":
            if self.headers.get("If-None-Match") == self.etag:
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("ETag", self.etag)
            self.send_header("Last-Modified", "Tue, 05 Mar 2024 10:00:00 GMT")
            self.send_header("Content-Type", "application/rss+xml")
            self.end_headers()
            self.wfile.write(self.body)
        elif self.path == "/big.xml":
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"<rss>" + b" " * 300_000 + b"</rss>")
        elif self.path == "/slow.xml":
            time.sleep(2)
            self.send_response(200)
            self.end_headers()
        else:
            self.send_response(500)
            self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture()
def server():
    Feeds.body, Feeds.etag, Feeds.seen = rss(ENTRIES[:2]), '"v1"', []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Feeds)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def code():
    return Pipeline()


LOOPBACK = FetchRules(allow_private=True)  # the test's server is on 127.0.0.1
EVERY = timedelta(minutes=15)
NOW = datetime(2024, 3, 5, 12, 0, tzinfo=timezone.utc)


def test_new_entries_are_coded_once_and_unchanged_feeds_are_not_fetched_again(tmp_path, server, code):
    url = f"{server}/wire.xml"
    with open_store(str(tmp_path / "w.db")) as store:
        first = poll(store, url, EVERY, code, NOW, LOOPBACK)
        assert (first.status, first.stored, first.seen) == ("stored", 2, 0)
        assert store.count() == 2 and store.count("events") >= 2
        second = poll(store, url, EVERY, code, NOW + EVERY, LOOPBACK)
        assert second.status == "not modified" and Feeds.seen[-1] == ("/wire.xml", '"v1"')
        Feeds.body, Feeds.etag = rss(ENTRIES), '"v2"'
        third = poll(store, url, EVERY, code, NOW + 2 * EVERY, LOOPBACK)
        assert (third.stored, third.seen) == (1, 2) and store.count() == 3
        state = feed_state.load(store, url)
        assert state.etag == '"v2"' and state.failures == 0 and state.next_poll == NOW + 3 * EVERY


def test_a_failing_feed_backs_off_without_holding_up_the_others(tmp_path, server, code):
    bad, good = f"{server}/gone.xml", f"{server}/wire.xml"
    with open_store(str(tmp_path / "w.db")) as store:
        watch(store, [bad, good], EVERY, code, once=True, rules=LOOPBACK)
        assert store.count() == 2
        state = feed_state.load(store, bad)
        assert state.failures == 1 and state.last_status == "error: HTTP 500 Internal Server Error"
        first_delay = state.next_poll - state.last_polled
        assert first_delay == 2 * EVERY
        poll(store, bad, EVERY, code, NOW, LOOPBACK)
        state = feed_state.load(store, bad)
        assert state.failures == 2 and state.next_poll - NOW == 4 * EVERY
        assert feed_state.load(store, good).failures == 0


def test_fetches_are_bounded_in_size_and_time(tmp_path, server, code):
    with open_store(str(tmp_path / "w.db")) as store:
        big = poll(store, f"{server}/big.xml", EVERY, code, NOW, FetchRules(True, max_bytes=100_000))
        assert big.status == "error" and "larger than 100,000 bytes" in big.error
        slow = poll(store, f"{server}/slow.xml", EVERY, code, NOW, FetchRules(True, timeout=0.5))
        assert slow.status == "error" and "took longer than 0.5 s" in slow.error
        assert store.count() == 0


def test_watch_command_polls_what_is_due(tmp_path, server):
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"# the wire\n{server}/wire.xml\n\n{server}/gone.xml\n")
    db = str(tmp_path / "w.db")
    cmd = [sys.executable, "-m", "eventwire", "watch", str(feeds), "--once", "--every", "15m", "--db", db,
           "--allow-private"]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    said = " ".join(proc.stderr.split())  # the console wraps long lines
    assert f"{server}/wire.xml: 2 stored, 0 seen before, 0 failed" in said
    assert "gone.xml: error: HTTP 500" in said
    requests = len(Feeds.seen)
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0 and len(Feeds.seen) == requests  # nothing due yet: no request at all


def test_interval_syntax():
    assert parse_every("15m") == timedelta(minutes=15) and parse_every("2h") == timedelta(hours=2)
    assert parse_every("30s") == timedelta(seconds=30) and parse_every("10") == timedelta(minutes=10)
    with pytest.raises(ValueError, match="not an interval"):
        parse_every("soon")


def test_an_older_store_gains_the_feeds_table(tmp_path):
    db = str(tmp_path / "old.db")
    with open_store(db) as store, store.engine.begin() as conn:  # make it look like a version 1 store
        conn.execute(text("DROP TABLE feeds"))
        conn.execute(text("DELETE FROM schema_version"))
        conn.execute(text("INSERT INTO schema_version VALUES (1, 'created', CURRENT_TIMESTAMP)"))
    with open_store(db) as store, store.engine.connect() as conn:
        assert inspect(conn).has_table("feeds")
        assert conn.execute(text("SELECT max(version) FROM schema_version")).scalar() == latest()
