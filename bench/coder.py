"""Coder time per article next to spaCy's own time on the same articles.

    python bench/coder.py [N]   # N ACLED notes from ../shared/eval/dev/acled.jsonl, plus the seed article
"""
from __future__ import annotations

import json
import sys
import time

from eventwire import coding, nlp
from eventwire.ingest import clean
from eventwire.model import CodedDocument, Document
from eventwire.settings import shared_dir


def texts(n: int) -> list[str]:
    out = []
    seed = shared_dir() / "seed" / "libya-talks-ap-2020.txt"
    if seed.exists():
        out.append(seed.read_text(encoding="utf-8"))
    notes = shared_dir() / "eval" / "dev" / "acled.jsonl"
    if notes.exists():
        with notes.open() as f:
            for line in f:
                if len(out) >= n:
                    break
                out.append(json.loads(line)["text"])
    if not out:
        sys.exit(f"no articles: {shared_dir()} has neither the seed nor the eval data")
    return out


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    docs = texts(n)
    nlp.load()
    coding.code_events(_parsed("Warm-up: rebels attacked a base.")[0])  # load the lexicons once
    t_spacy = t_coder = 0.0
    events = chars = 0
    for text in docs:
        cd, secs = _parsed(text)
        t_spacy += secs
        t0 = time.perf_counter()
        coding.code_events(cd)
        t_coder += time.perf_counter() - t0
        events += len(cd.events)
        chars += len(text)
    k = len(docs)
    print(f"articles            {k} ({chars / k:.0f} characters on average)")
    print(f"spaCy ms/article    {1000 * t_spacy / k:.2f}")
    print(f"coder ms/article    {1000 * t_coder / k:.2f}  (events, figures, relations)")
    print(f"coder / spaCy       {t_coder / t_spacy:.2f}")
    print(f"events/article      {events / k:.2f}")


def _parsed(text: str) -> tuple[CodedDocument, float]:
    cd = CodedDocument(doc=Document(id="b", text=text))
    clean.clean(cd)
    t0 = time.perf_counter()
    nlp.parse(cd)
    return cd, time.perf_counter() - t0


if __name__ == "__main__":
    main()
