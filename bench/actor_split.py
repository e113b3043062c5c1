"""Actor figures of dev/acled.jsonl on countries the actor rules were tuned on and on countries held apart.

The actor knowledge base is written from public references, but the rules around it are tuned by
reading coding errors; errors are read only on the tuning countries. HELD_APART lists the countries
whose rows are never read while tuning: conflicts and regions of their own (the Horn and Somalia's
federal states, South Sudan and Uganda, the Sahel, Central Africa, Cameroon's anglophone crisis,
Iraq, Myanmar, Thailand's deep south, the Philippines, Sri Lanka, Colombia, Mozambique, Kenya,
Zimbabwe). Every other country is the tuning part.

Codes the whole file once with score.py (or reads raw results saved earlier with --results) and prints
actor1_kind, event_type and sub_event_type on each part and on the whole file, then the articles
task's figures unless --no-articles.

    PYTHONPATH=src .venv/bin/python bench/actor_split.py [--results saved.jsonl] [--save out.jsonl]
"""
from __future__ import annotations

import argparse
import collections
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from eventwire.settings import shared_dir

HELD_APART = frozenset({
    "Somalia", "South Sudan", "Uganda", "Kenya", "Mali", "Burkina Faso", "Niger", "Central African Republic",
    "Cameroon", "Iraq", "Myanmar", "Thailand", "Philippines", "Sri Lanka", "Colombia", "Mozambique",
    "Zimbabwe",
})
FIGURES = ("actor1_kind", "event_type", "sub_event_type")


def _scorer(shared: Path):
    spec = importlib.util.spec_from_file_location("score", shared / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def _code(shared: Path, task: str, file: Path, save: Path, extra: list[str]) -> str:
    cmd = f"{sys.executable} -m eventwire code --jsonl"
    proc = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), task, str(file), "--cmd", cmd,
                           "--save", str(save), *extra], capture_output=True, text=True, check=True,
                          env={**os.environ, "PYTHONHASHSEED": "0"})
    return proc.stdout


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--results", type=Path, help="raw results of dev/acled.jsonl saved earlier (no coding)")
    ap.add_argument("--save", type=Path, help="keep the raw results of this run here")
    ap.add_argument("--countries", type=int, default=0, help="also print the N largest countries' actor1_kind")
    ap.add_argument("--no-articles", action="store_true")
    args = ap.parse_args()

    shared = shared_dir()
    score = _scorer(shared)
    acled = shared / "eval" / "dev" / "acled.jsonl"
    rows = [json.loads(line) for line in acled.open() if line.strip()]
    for r in rows:
        r["id"] = str(r["id"])
    results = args.results
    if results is None:
        results = args.save or Path(tempfile.mkstemp(suffix=".jsonl")[1])
        _code(shared, "acled", acled, results, [])
    res = {str(o["id"]): o for o in map(json.loads, results.open()) if o}

    parts = {"tuning": [r for r in rows if r["country"] not in HELD_APART],
             "held_apart": [r for r in rows if r["country"] in HELD_APART],
             "whole": rows}
    print(f"{'part':<11} {'rows':>6}  " + "  ".join(f"{f:>14}" for f in FIGURES))
    for name, part in parts.items():
        figs, _ = score.score_acled(part, res, 0)
        print(f"{name:<11} {len(part):>6}  " + "  ".join(f"{figs[f]!s:>14}" for f in FIGURES))
    if args.countries:
        counts = collections.Counter(r["country"] for r in rows)
        for country, n in counts.most_common(args.countries):
            figs, _ = score.score_acled([r for r in rows if r["country"] == country], res, 0)
            mark = "held" if country in HELD_APART else "tune"
            print(f"  {mark} {country:<30} {n:>5}  actor1_kind {figs['actor1_kind']}")
    if not args.no_articles:
        with tempfile.NamedTemporaryFile(suffix=".jsonl") as tmp:
            out = _code(shared, "articles", shared / "eval" / "dev" / "articles.jsonl", Path(tmp.name), [])
        figs = json.loads(out.strip().splitlines()[-1])
        print("articles   " + "  ".join(f"{k} {figs.get(k)}" for k in
                                        ("actor1_country", "actor2_country", "actor1_kind", "actor2_kind")))


if __name__ == "__main__":
    main()
