"""Speed of the time stages: find + normalise (tag) and event dating, without the spaCy parse.

    .venv/bin/python bench/bench_time.py [N]

Prints milliseconds per document for the regex scan alone and for ``tag`` on parsed documents
(the parse itself is the nlp stage's cost and is left out).
"""
from __future__ import annotations

import sys
import time

from eventwire import nlp
from eventwire.ingest import clean
from eventwire.model import CodedDocument, Document
from eventwire.timex import tag
from eventwire.timex.extract import find

SENTENCES = [
    "On Sunday, militants attacked a checkpoint near the border, police said late Monday.",
    "The accord signed on Jan. 17, 2020 collapsed last month after clashes in the capital.",
    "The two delegations will meet on Friday, and a vote is expected by year-end.",
    "Net income in the third quarter rose 5% from a year earlier, the company said today.",
    "In recent weeks the siege has cut supplies; aid convoys now run daily, officials said.",
    "Rebels seized the town on 9 May 2020 and held it until 9 a.m. EST Tuesday.",
]


def main(n: int = 200) -> None:
    texts = [" ".join(SENTENCES[i % len(SENTENCES):] + SENTENCES[:i % len(SENTENCES)]) * 3 for i in range(n)]
    find(texts[0])  # compile the patterns outside the timing
    t0 = time.perf_counter()
    found = sum(len(find(t)) for t in texts)
    scan = time.perf_counter() - t0
    docs = []
    for i, t in enumerate(texts):
        cd = CodedDocument(doc=Document(id=str(i), text=t, published="2020-06-02"))
        clean.clean(cd)
        nlp.parse(cd)
        docs.append(cd)
    t0 = time.perf_counter()
    for cd in docs:
        tag(cd)
    tagging = time.perf_counter() - t0
    chars = sum(len(t) for t in texts)
    print(f"documents {n}, {chars / n:.0f} characters each, {found / n:.1f} expressions each")
    print(f"scan (regex only)   {1000 * scan / n:.2f} ms/doc")
    print(f"tag (scan, tense, publication date, values) {1000 * tagging / n:.2f} ms/doc")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
