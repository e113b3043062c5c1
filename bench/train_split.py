"""The trained classifier on data from countries it never saw, next to the rules alone.

Splits the current-schema rows of dev/acled.jsonl by country into two halves (countries ordered
by their number of rows, then name, and dealt alternately: deterministic, and each half gets big
and small countries), trains on one half with `eventwire train`, and scores the other half with
score.py, without and with `--model`. Prints both tables and the differences. All three commands
run on a copy of src/eventwire taken at the start, so that edits made meanwhile do not slip in
between the two runs.

    .venv/bin/python bench/train_split.py [--train-half 0] [--limit 600] [--keep DIR]
"""
from __future__ import annotations

import argparse
import collections
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from eventwire.settings import shared_dir


def halves(rows: list[dict]) -> tuple[list[dict], list[dict]]:
    counts = collections.Counter(r["country"] for r in rows)
    order = sorted(counts, key=lambda c: (-counts[c], c))
    side = {country: i % 2 for i, country in enumerate(order)}
    return [r for r in rows if side[r["country"]] == 0], [r for r in rows if side[r["country"]] == 1]


def sample(rows: list[dict], limit: int) -> list[dict]:
    """A deterministic sample spread over the whole half (score.py --limit would take the first rows)."""
    if not limit or limit >= len(rows):
        return rows
    return sorted(rows, key=lambda r: hashlib.sha1(str(r["id"]).encode()).hexdigest())[:limit]


def write_jsonl(rows: list[dict], path: Path) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def snapshot(work: Path) -> dict[str, str]:
    """A copy of the package, and the environment that makes subprocesses import it."""
    package = Path(__file__).resolve().parents[1] / "src" / "eventwire"
    target = work / "src"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(package, target / "eventwire", ignore=shutil.ignore_patterns("__pycache__"))
    return {**os.environ, "PYTHONPATH": str(target)}


def score(test: Path, cmd: str, env: dict[str, str], save: Path) -> dict:
    scorer = shared_dir() / "eval" / "score.py"
    proc = subprocess.run([sys.executable, str(scorer), "acled", str(test), "--cmd", cmd, "--save", str(save)],
                          capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        sys.exit(f"score.py failed:\n{proc.stderr[-3000:]}")
    table, _, last = proc.stdout.rstrip().rpartition("\n")
    print(table)
    return json.loads(last)


def decisions(test_rows: list[dict], saved: Path) -> collections.Counter:
    """Who set the top event's sub-event type, and whether it was right."""
    gold = {str(r["id"]): r["sub_event_type"] for r in test_rows}
    counts: collections.Counter = collections.Counter()
    with open(saved, encoding="utf-8") as f:
        for result in map(json.loads, f):
            top = (result.get("events") or [{}])[0]
            who = top.get("decided_by") or "nobody"
            if who.startswith("model:"):
                who = "model (new event)" if top.get("rule", "").startswith("model:") else "model (overruled)"
            counts[(who, top.get("acled_sub_event_type") == gold[result["id"]])] += 1
    return counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--train-half", type=int, choices=(0, 1), default=0,
                    help="0: the half holding the country with most rows (Ukraine); the other half is scored")
    ap.add_argument("--limit", type=int, default=600, help="score a sample of this many rows of the other half (0: all)")
    ap.add_argument("--keep", type=Path, help="keep the trained model, the halves and the code copy in this folder")
    a = ap.parse_args()

    source = shared_dir() / "eval" / "dev" / "acled.jsonl"
    with open(source, encoding="utf-8") as f:
        rows = [r for r in map(json.loads, filter(str.strip, f))
                if r.get("acled_schema") == "2019+" and r.get("sub_event_type")]
    train_rows, test_rows = halves(rows)[a.train_half], halves(rows)[1 - a.train_half]
    test_rows = sample(test_rows, a.limit)

    work = a.keep or Path(tempfile.mkdtemp(prefix="eventwire-train-split-"))
    work.mkdir(parents=True, exist_ok=True)
    train_path, test_path, model = work / "train.jsonl", work / "test.jsonl", work / f"acled-half{a.train_half}"
    env = snapshot(work)
    write_jsonl(train_rows, train_path)
    write_jsonl(test_rows, test_path)
    countries = lambda rs: len({r["country"] for r in rs})  # noqa: E731
    print(f"train: {len(train_rows)} rows, {countries(train_rows)} countries; "
          f"scored: {len(test_rows)} rows, {countries(test_rows)} countries (none shared)")

    proc = subprocess.run([sys.executable, "-m", "eventwire", "train", str(train_path), "--out", str(model)],
                          capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        sys.exit(f"eventwire train failed:\n{proc.stderr[-3000:]}")
    manifest = json.loads((model / "manifest.json").read_text())
    print(f"model: thresholds {manifest['thresholds']}, held-out {manifest['n_holdout']}: {manifest['metrics']}")

    base = f"{sys.executable} -m eventwire code --jsonl -"
    print("\n== rules alone")
    rules = score(test_path, base, env, work / "rules.results.jsonl")
    print(f"\n== rules + model ({model})")
    both = score(test_path, f"{base} --model {model}", env, work / "model.results.jsonl")
    print("\n== difference (rules + model) - rules")
    for key in ("event_type", "sub_event_type", "sub_event_macro_f1", "actor1_kind", "location_25km", "date",
                "joint_sub_date_25km", "docs_per_s"):
        if isinstance(rules.get(key), (int, float)) and isinstance(both.get(key), (int, float)):
            print(f"{key:<22} {rules[key]:>8} {both[key]:>8} {both[key] - rules[key]:>+8.4f}")
    print("\n== who set the top event's sub-event type (rules + model): documents, right / wrong")
    counts = decisions(test_rows, work / "model.results.jsonl")
    for who in sorted({w for w, _ in counts}):
        print(f"{who:<22} {counts[(who, True)] + counts[(who, False)]:>5}  {counts[(who, True)]:>5} / "
              f"{counts[(who, False)]}")


if __name__ == "__main__":
    main()
