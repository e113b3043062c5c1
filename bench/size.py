"""Cost against text size: seconds and peak memory of coding one document, next to spaCy's own ``nlp.pipe``
over the same text (its paragraphs, as spaCy refuses one text over 1,000,000 characters).

    python bench/size.py [--dense] [SIZE ...]    # characters; default 10000 100000 1000000 5000000

Each measurement runs in a fresh process, so its peak resident memory is its own. The text is prose made
up here: news-like paragraphs where one sentence in three tells an attack, a protest or an arrest with its
town and day, and the others give background (every sentence an event is the worst case: ``--dense``).
"""
from __future__ import annotations

import json
import random
import resource
import subprocess
import sys
import time

TOWNS = ["Gao", "Mopti", "Kidal", "Goma", "Beni", "Bunia", "Maiduguri", "Kano", "Aleppo", "Idlib", "Kabul", "Herat"]
SUBJECTS = ["Soldiers", "Rebels", "Police", "Protesters", "Gunmen", "Militants", "Residents", "Officials"]
VERBS = ["attacked a checkpoint near", "marched through", "patrolled", "clashed with troops in", "arrested two men in",
         "fired on a convoy outside", "met elders in", "withdrew from"]
WHEN = ["on Monday", "on Tuesday", "last week", "on Sunday", "in March", "yesterday"]
SAID = ["officials said", "witnesses said", "the army said", "a local leader told reporters", "police said"]
BACKGROUND = ["The region has been unsettled for years, and many families have moved to the larger towns.",
              "Prices of flour and fuel rose again this month, according to traders in the central market.",
              "The government has promised new roads and schools, but work has been slow to start.",
              "Aid groups say that more than half of the children in the area do not attend school.",
              "Talks between the two sides are expected to resume after the rainy season.",
              "The river port remains the main route for goods coming from the coast."]


def prose(size: int, seed: int = 1, dense: bool = False) -> str:
    r = random.Random(seed)
    out, n = [], 0
    while n < size:
        s = (f"{r.choice(SUBJECTS)} {r.choice(VERBS)} {r.choice(TOWNS)} {r.choice(WHEN)}, {r.choice(SAID)}, "
             f"and {r.randint(2, 40)} people were reported hurt.") if dense or r.random() < 1 / 3 else r.choice(BACKGROUND)
        s += "\n\n" if r.random() < 0.2 else " "
        out.append(s)
        n += len(s)
    return "".join(out)[:size]


def measure(kind: str, size: int, dense: bool) -> dict:
    """In this process: code (or parse) a text of ``size`` characters once the models are loaded."""
    text = prose(size, dense=dense)
    if kind == "eventwire":
        import eventwire
        eventwire.code("Troops arrived in the town on Monday.")  # models and lexicons loaded before timing
        t0 = time.perf_counter()
        coded = eventwire.code(text)
        seconds = time.perf_counter() - t0
        extra = {"events": len(coded.events), "error": coded.error}
    else:
        from eventwire import nlp
        model = nlp.load()
        list(model.pipe(["Troops arrived in the town on Monday."]))
        t0 = time.perf_counter()
        docs = list(model.pipe(p for p in text.split("\n\n") if p.strip()))
        seconds = time.perf_counter() - t0
        extra = {"docs": len(docs)}
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"kind": kind, "chars": size, "seconds": round(seconds, 2), "peak_mb": round(peak_mb), **extra}


def main() -> None:
    dense = "--dense" in sys.argv
    args = [a for a in sys.argv[1:] if a != "--dense"]
    if len(args) > 2 and args[0] == "--one":
        print(json.dumps(measure(args[1], int(args[2]), dense)))
        return
    sizes = [int(a) for a in args] or [10_000, 100_000, 1_000_000, 5_000_000]
    print(f"{'chars':>10} {'eventwire s':>12} {'peak MB':>8} {'spaCy s':>9} {'peak MB':>8} {'ratio':>6}  events")
    for size in sizes:
        got = {}
        for kind in ("eventwire", "spacy"):
            proc = subprocess.run([sys.executable, __file__, "--one", kind, str(size), *(["--dense"] if dense else [])],
                                  capture_output=True, text=True)
            if proc.returncode != 0:
                sys.exit(proc.stderr)
            got[kind] = json.loads(proc.stdout.strip().splitlines()[-1])
        ew, sp = got["eventwire"], got["spacy"]
        print(f"{size:>10,} {ew['seconds']:>12.1f} {ew['peak_mb']:>8} {sp['seconds']:>9.1f} {sp['peak_mb']:>8} "
              f"{ew['seconds'] / max(sp['seconds'], 1e-9):>6.2f}  {ew['events']}{' ' + ew['error'] if ew['error'] else ''}",
              flush=True)


if __name__ == "__main__":
    main()
