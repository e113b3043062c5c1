"""Throughput: spaCy's own nlp.pipe (full small model) against eventwire coding end to end.

Articles: the news-length texts of ../shared/eval/dev/timex.jsonl and geo_lgl.jsonl (TimeBank and LGL
local news), read from the shared folder (EVENTWIRE_SHARED). Prints articles/s and words/s of each,
single process and with all cores, their ratio, and the peak memory (max RSS) per worker process, and
what share of the tokens the cheap pass (eventwire.nlp.triage) sent through the parser.
Wall-clock figures depend on what else the machine runs; the CPU figures (articles per CPU second, summed
over the workers) much less, so the ratio is printed for both. With --components it first prints the CPU
seconds of each component of the small model over the articles (tokenizer, tok2vec, tagger, parser,
attribute_ruler, lemmatizer, ner) and their shares: what parsing fewer tokens can save, and what it cannot.

    .venv/bin/python bench/throughput.py [--n 300] [--procs 2] [--components]
"""
from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import resource
import sys
import time

from eventwire.settings import shared_dir


def articles(n: int) -> list[dict]:
    eval_dir = shared_dir() / "eval" / "dev"
    if not eval_dir.exists():
        sys.exit(f"bench: {eval_dir} is absent (set EVENTWIRE_SHARED)")
    docs = []
    for name, date_key in (("timex.jsonl", "dct"), ("geo_lgl.jsonl", None)):
        with open(eval_dir / name) as f:
            for line in f:
                r = json.loads(line)
                docs.append({"id": str(r["id"]), "text": r["text"],
                             "published": (r.get(date_key) if date_key else (r.get("date") or "")[:10]) or None})
    docs = [d for d in docs if len(d["text"].split()) >= 80]
    return docs[:n]


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def spacy_chunk(texts: list[str]) -> tuple[float, float]:
    """CPU seconds and peak MB of spaCy's whole small model over the texts."""
    from eventwire.nlp import BATCH, load
    nlp = load()
    t0 = time.process_time()
    for _ in nlp.pipe(texts, batch_size=BATCH):  # the batch size eventwire uses
        pass
    return time.process_time() - t0, _rss_mb()


def eventwire_chunk(docs: list[dict]) -> tuple[float, float]:
    """CPU seconds and peak MB of eventwire coding the documents end to end."""
    import eventwire
    t0 = time.process_time()
    for _ in eventwire.pipe(docs):
        pass
    return time.process_time() - t0, _rss_mb()


def _warm(kind: str) -> None:
    from eventwire.nlp import load
    load()
    if kind == "eventwire":
        import eventwire
        eventwire.code("Soldiers clashed with rebels near Goma on Monday.", published="2024-01-01")


def timed(kind: str, docs: list[dict], procs: int) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (all workers) and peak MB per worker for one kind of run, models loaded
    before the clock starts. Every run has fresh workers forked from the same parent, the single-process
    one too: no run inherits what an earlier run warmed (spaCy's first pass over new texts is the slower)."""
    fn = spacy_chunk if kind == "spacy" else eventwire_chunk
    items = [d["text"] for d in docs] if kind == "spacy" else docs
    parts = [items[i::procs] for i in range(procs)]
    with mp.get_context("fork").Pool(procs, initializer=_warm, initargs=(kind,)) as pool:
        pool.map(_noop, range(procs))  # wait for every worker to load
        t0 = time.perf_counter()
        results = pool.map(fn, parts)
        secs = time.perf_counter() - t0
    return secs, sum(cpu for cpu, _ in results), max(mb for _, mb in results)


def _noop(_: int) -> None:
    time.sleep(0.1)


def components(texts: list[str]) -> list[tuple[str, float]]:
    """CPU seconds of each component of the small model over the texts, one component at a time."""
    from eventwire.nlp import BATCH, load
    nlp = load()
    t0 = time.process_time()
    docs = [nlp.make_doc(t) for t in texts]
    out = [("tokenizer", time.process_time() - t0)]
    for name, proc in nlp.pipeline:
        t0 = time.process_time()
        docs = list(proc.pipe(docs, batch_size=BATCH))
        out.append((name, time.process_time() - t0))
    return out


def triage_shares(docs: list[dict]) -> str:
    from eventwire.nlp import load
    from eventwire.nlp.triage import needs, triage

    plans = [triage(load().make_doc(d["text"])) for d in docs]
    total = sum(needs(p, n) for p in plans for n in ("parse", "rest")) or 1
    return f"{sum(needs(p, 'parse') for p in plans) / total:.0%} parsed"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--procs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--components", action="store_true", help="first, CPU seconds per spaCy component")
    a = ap.parse_args()
    docs = articles(a.n)
    words = sum(len(d["text"].split()) for d in docs)
    print(f"{len(docs)} articles, {words} words ({words / len(docs):.0f} per article)")
    if a.components:  # in a process of its own: its documents must not count in the workers' peak memory
        with mp.get_context("fork").Pool(1) as pool:
            parts = pool.apply(components, ([d["text"] for d in docs],))
        total = sum(s for _, s in parts)
        print("spaCy components (CPU s): " + ", ".join(f"{n} {s:.2f} ({s / total:.0%})" for n, s in parts))
    from eventwire import settings
    if settings.SELECTIVE_PARSE:
        print(f"selective parsing: {triage_shares(docs)} of the tokens (the rest: tokenizer and recogniser only)")
    print(f"{'run':<28}{'articles/s':>12}{'words/s':>12}{'articles/CPU-s':>16}{'peak MB/worker':>16}")
    figures = {}
    for procs in (1, a.procs):
        for kind in ("spacy", "eventwire"):
            secs, cpu, mb = timed(kind, docs, procs)
            figures[(kind, procs)] = secs, cpu
            label = f"{'spaCy nlp.pipe' if kind == 'spacy' else 'eventwire end to end'} x{procs}"
            print(f"{label:<28}{len(docs) / secs:>12.1f}{words / secs:>12.0f}{len(docs) / cpu:>16.2f}{mb:>16.0f}")
        (s_wall, s_cpu), (e_wall, e_cpu) = figures[("spacy", procs)], figures[("eventwire", procs)]
        print(f"{'ratio eventwire/spaCy x' + str(procs):<28}{s_wall / e_wall:>12.2f}{'':>12}{s_cpu / e_cpu:>16.2f}")


if __name__ == "__main__":
    main()
