"""`eventwire code URL`: fetched under the network rules, from a server the test starts on 127.0.0.1."""
from __future__ import annotations

import json
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

PAGE = (b"<html><head><title>Report</title></head><body><article><p>Police arrested five protesters in the "
        b"capital on Monday, a police spokesman said.</p></article></body></html>")


class Pages(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (http.server's name)
        if self.path == "/report.html":
            self.send_response(200)
            self.send_header("Content-Length", str(len(PAGE)))
            self.end_headers()
            self.wfile.write(PAGE)
        else:
            self.send_response(302)
            self.send_header("Location", "file:///etc/passwd")
            self.send_header("Content-Length", "0")
            self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Pages)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def code(*args: str) -> tuple[list[dict], str]:
    proc = subprocess.run([sys.executable, "-m", "eventwire", "code", "--format", "jsonl", *args],
                          capture_output=True, text=True, timeout=300)
    assert "Traceback" not in proc.stderr, proc.stderr
    return [json.loads(line) for line in proc.stdout.splitlines()], proc.stderr


def test_a_page_on_loopback_is_coded_only_when_allowed(server):
    (refused,), _ = code(f"{server}/report.html")
    assert "refused: 127.0.0.1 is at 127.0.0.1" in refused["error"]
    (page,), _ = code(f"{server}/report.html", "--allow-private")
    assert "error" not in page and page["events"]


def test_a_redirect_to_a_local_file_is_refused(server):
    (moved,), _ = code(f"{server}/elsewhere", "--allow-private")
    assert "not an http or https URL" in moved["error"]
