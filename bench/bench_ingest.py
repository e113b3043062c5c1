"""Ingest speed: the clean stage on the dev texts, HTML extraction, feeds, and refusing a huge file.

    .venv/bin/python bench/bench_ingest.py          # prints figures; reads ../shared/eval/dev if present
"""
from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path

from eventwire.ingest.clean import clean
from eventwire.ingest.feeds import documents_from_feed
from eventwire.ingest.html import document_from_html
from eventwire.ingest.sources import read_path
from eventwire.model import CodedDocument, Document, DocumentError
from eventwire.settings import shared_dir

PARAGRAPH = ("KHARTOUM, Sudan (AP) — Sudan's army and a rebel coalition agreed on Tuesday to hold talks next month, "
             "mediators said. The agreement follows weeks of fighting that killed dozens of civilians.")


def clean_rate(texts: list[str]) -> tuple[float, int, int]:
    start, changed, errors = time.perf_counter(), 0, 0
    for i, text in enumerate(texts):
        cd = CodedDocument(doc=Document(id=str(i), text=text))
        try:
            clean(cd)
        except DocumentError:
            errors += 1
            continue
        changed += cd.body != text
    return len(texts) / (time.perf_counter() - start), changed, errors


def main() -> None:
    dev = shared_dir() / "eval" / "dev"
    for path in sorted(dev.glob("*.jsonl")):
        texts = [json.loads(line)["text"] for line in path.open(encoding="utf-8")]
        rate, changed, errors = clean_rate(texts)
        print(f"clean {path.name:22} {len(texts):6} docs  {rate:9,.0f} docs/s  changed {changed:4}  refused {errors}")
    article = "Headline of a long story\n\n" + "\n\nAdvertisement\n\n".join([PARAGRAPH] * 200)
    rate, _, _ = clean_rate([article] * 20)
    print(f"clean 200-paragraph article ({len(article):,} chars): {rate:,.0f} docs/s")

    html = ("<html><head><title>Talks</title><meta property='article:published_time' content='2023-09-05'></head>"
            "<body><nav>Home | World</nav><article>" + "".join(f"<p>{PARAGRAPH}</p>" for _ in range(30))
            + "</article><footer>Copyright 2023</footer></body></html>")
    start = time.perf_counter()
    for i in range(50):
        document_from_html(html, f"p{i}.html")
    print(f"html  30-paragraph page: {50 / (time.perf_counter() - start):,.0f} pages/s")

    feed = ("<?xml version='1.0'?><rss version='2.0'><channel><title>Wire</title>"
            + "".join(f"<item><guid>i{i}</guid><title>T{i}</title><pubDate>Tue, 05 Sep 2023 10:00:00 +0000</pubDate>"
                      f"<description>{PARAGRAPH}</description></item>" for i in range(500)) + "</channel></rss>")
    start = time.perf_counter()
    n = sum(1 for _ in documents_from_feed(feed, "wire.rss"))
    print(f"feed  {n} entries: {n / (time.perf_counter() - start):,.0f} entries/s")

    with tempfile.TemporaryDirectory() as tmp:
        huge = Path(tmp) / "huge.txt"
        with huge.open("wb") as f:
            f.write(b"Soldiers patrolled the town. " * 1_800_000)  # ~52 MB
        start = time.perf_counter()
        [failed] = read_path(str(huge))
        print(f"refuse {huge.stat().st_size / 1e6:.0f} MB file: {(time.perf_counter() - start) * 1000:.2f} ms ({failed.error})")


if __name__ == "__main__":
    main()
