"""The XML declaration of a feed is read in bounded time, whatever follows it."""
from __future__ import annotations

import subprocess
import sys

from eventwire.ingest.feeds import documents_from_feed
from eventwire.model import Document


def test_a_legacy_encoding_in_the_declaration_is_dropped_for_the_decoded_text():
    feed = ("<?xml version='1.0' encoding='iso-8859-1'?><rss version='2.0'><channel><title>W</title><item>"
            "<title>Bogotá</title><description>Troops entered Bogotá on Tuesday.</description></item></channel></rss>")
    (doc,) = documents_from_feed(feed, "w.rss")
    assert isinstance(doc, Document) and doc.text == "Troops entered Bogotá on Tuesday."


def test_many_spaces_after_an_open_declaration_do_not_hang_the_reader(tmp_path):
    """The old pattern backtracked over every split of the spaces: 2 MB took many minutes. The bound
    here is a hang guard (a subprocess killed after 120 s), not a speed figure."""
    path = tmp_path / "spaces.rss"
    path.write_text("<?xml" + " " * 2_000_000 + "<rss><channel><item><description>x</description></item></channel>")
    proc = subprocess.run([sys.executable, "-c", "import sys; from eventwire.ingest.sources import read_path; "
                           "print([type(i).__name__ for i in read_path(sys.argv[1])])", str(path)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0 and proc.stdout.strip() in ("['Failed']", "['Document']"), proc.stderr
