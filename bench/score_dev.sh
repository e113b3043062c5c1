#!/usr/bin/env bash
# Score every dev file of the shared evaluation folder and keep the raw results, so that a change
# meant to leave the coding alone can be checked byte for byte:
#   bench/score_dev.sh out/before   # ... change ...   bench/score_dev.sh out/after
#   for f in out/before/*.jsonl; do cmp "$f" "out/after/${f##*/}"; done
set -euo pipefail
out=${1:?usage: bench/score_dev.sh OUTDIR}
here=$(cd "$(dirname "$0")/.." && pwd)
shared=${EVENTWIRE_SHARED:-$here/../shared}
py=${PYTHON:-$here/.venv/bin/python}
mkdir -p "$out"
export PYTHONHASHSEED=0
for spec in acled:acled pitf:pitf geo:geo_lgl geo:geo_geovirus timex:timex plover:plover_en merge:merge articles:articles; do
  task=${spec%%:*}; file=${spec#*:}
  python3 "$shared/eval/score.py" "$task" "$shared/eval/dev/$file.jsonl" \
    --cmd "$py -m eventwire code --jsonl" --save "$out/$file.jsonl" | tail -n 1 > "$out/$file.figures.json"
  echo "$file $(cat "$out/$file.figures.json")"
done
