"""Gazetteer figures: build time (with --build), load time, memory, lookup and geocoding speed.

    python bench/gazetteer.py [--build]
"""
from __future__ import annotations

import argparse
import gc
import time
import timeit


def rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", action="store_true", help="rebuild the index first and time it")
    a = ap.parse_args()
    from eventwire.geo import gazetteer
    from eventwire.geo.fold import fold
    if a.build or not gazetteer.path().exists():
        t0 = time.perf_counter()
        gazetteer.build()
        print(f"build_seconds      {time.perf_counter() - t0:.1f}")
    print(f"index_file_mb      {gazetteer.path().stat().st_size / 1e6:.1f}")
    gc.collect()
    before = rss_mb()
    loads = []
    for _ in range(3):
        g, secs = gazetteer.timed_load()
        loads.append(secs)
        if _ < 2:
            del g
            gc.collect()
    print(f"load_seconds       {min(loads):.2f} (best of 3; {', '.join(f'{s:.2f}' for s in loads)})")
    print(f"memory_mb          {rss_mb() - before:.0f} (resident growth for one loaded gazetteer)")
    print(f"places             {len(g)}")
    keys = [fold(n) for n in ("Tripoli", "Gharyan", "al-Asabaa", "Misrata", "Kano State", "Ohio", "Alexandria",
                              "Springfield", "Rapides Parish", "no such place")]
    n = 200_000
    secs = timeit.timeit(lambda: [g.lookup(k) for k in keys], number=n // len(keys))
    print(f"lookup_us          {secs / n * 1e6:.2f} (folded key to entry numbers)")
    secs = timeit.timeit(lambda: [fold(k) for k in ("Al-Asabaa", "Tarhunah", "Sana'a")], number=20_000)
    print(f"fold_us            {secs / 60_000 * 1e6:.2f}")
    secs = timeit.timeit(lambda: [g.entry(i) for k in keys for i in g.lookup(k)], number=2_000)
    print(f"entries_per_s      {2_000 * sum(len(g.lookup(k)) for k in keys) / secs:,.0f}")


if __name__ == "__main__":
    main()
