"""Status/attribution and fatalities speed: calls per second on parsed sentences (parsing left out).

    .venv/bin/python bench/bench_modality.py [--docs 500]   # reads ../shared/eval/dev/pitf.jsonl if present

Every sentence root is assessed as a trigger, and every sentence counted with ``count_in``.
"""
from __future__ import annotations

import argparse
import json
import time

from eventwire import nlp
from eventwire.coding.fatalities import count, count_in
from eventwire.coding.modality import assess
from eventwire.settings import shared_dir

SENTENCES = [
    "Ahmed al-Mosmari, a spokesman for the LNA, said LNA forces struck the airport on Sunday.",
    "At least 12 people, including four children, were killed when a bomb exploded near the market, police said.",
    "The group denied attacking the convoy and said it would hold talks next week.",
]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=500)
    args = ap.parse_args()
    path = shared_dir() / "eval" / "dev" / "pitf.jsonl"
    if path.exists():
        texts = [json.loads(line)["text"] for line in path.open(encoding="utf-8")][:args.docs]
    else:
        texts = SENTENCES * (args.docs // len(SENTENCES) + 1)
    model = nlp.load()
    start = time.perf_counter()
    sents = [s for doc in model.pipe(texts, batch_size=64) for s in doc.sents]
    parse_s = time.perf_counter() - start

    start = time.perf_counter()
    for s in sents:
        assess(s.root, s)
    assess_s = time.perf_counter() - start

    start = time.perf_counter()
    for s in sents:
        count(s.root, s)
    count_s = time.perf_counter() - start

    start = time.perf_counter()
    found = sum(count_in(s).killed is not None for s in sents)
    count_in_s = time.perf_counter() - start

    n = len(sents)
    print(f"sentences           {n} (from {len(texts)} texts; parsing took {parse_s:.1f} s)")
    print(f"assess              {n / assess_s:,.0f} sentences/s")
    print(f"count (root)        {n / count_s:,.0f} sentences/s")
    print(f"count_in            {n / count_in_s:,.0f} sentences/s ({found} with a death figure)")


if __name__ == "__main__":
    main()
