"""Actors: knowledge-base load time and memory, and resolver throughput on written mentions.

    .venv/bin/python bench/bench_actors.py [--rounds 2000]
"""
from __future__ import annotations

import argparse
import time
import tracemalloc

MENTIONS = [
    "Hifter's self-styled Libyan Arab Armed Forces", "east-based forces", "the U.N.", "Russian soldiers",
    "Turkish-backed Tripoli militias", "unidentified armed men", "Al shabaab militants", "security forces",
    "hundreds of protesters", "a mob", "suspected Fulani herdsmen", "the Kivu Patriotic Liberation Front",
    "members of the Crimson Dawn", "Somalia's police", "a roadside bomb", "They", "villagers",
]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=2000)
    args = ap.parse_args()

    tracemalloc.start()
    t0 = time.perf_counter()
    from eventwire.actors import kb, resolve
    kb.named(), kb.generics(), kb.countries()
    load = time.perf_counter() - t0
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    sizes = {name: len(index().words) + len(index().acronyms)
             for name, index in (("named", kb.named), ("generic", kb.generics), ("countries", kb.countries))}

    t0 = time.perf_counter()
    for _ in range(args.rounds):
        for m in MENTIONS:
            resolve(m)
    secs = time.perf_counter() - t0
    n = args.rounds * len(MENTIONS)
    print(f"knowledge base: load {load * 1000:.0f} ms (with imports), peak {peak / 2**20:.1f} MiB, keys {sizes}")
    print(f"resolve: {n} mentions in {secs:.2f} s = {n / secs:,.0f} mentions/s ({secs / n * 1e6:.1f} µs each)")


if __name__ == "__main__":
    main()
