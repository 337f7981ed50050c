#!/bin/sh
# alloc_80_100.sh — the annual allocation joint with a 12-month BT schedule:
# 80 BT posts, 100 applicants, 20 sites (benchmarks/gen_alloc.py, seeded),
# solved in stable mode with a time limit, checked, and summed up: fill
# rate, choice distribution, time, status, gap.  The allocation-only solve
# (the early stage of the year) is timed too.
# Usage: sh benchmarks/alloc_80_100.sh [PLACERA] [TIME_LIMIT] [SEED]
PLACERA=${1:-build/placera}
LIMIT=${2:-600}
SEED=${3:-1}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
inst="$dir/alloc_80_100.json"

python3 "$(dirname "$0")/gen_alloc.py" --seed "$SEED" -o "$inst" || exit 2
"$PLACERA" validate "$inst" || exit 2

echo "== allocation only (posts, rankings, stability, main supervisors)"
"$PLACERA" solve "$inst" --allocation-only --time-limit "$LIMIT" -o "$dir/ao.json" \
    2>"$dir/ao.log"
grep '^placera: ' "$dir/ao.log"

echo "== allocation joint with the 12-month schedule, stable, time limit ${LIMIT}s"
start=$(date +%s)
"$PLACERA" solve "$inst" --time-limit "$LIMIT" --progress -o "$dir/full.json" \
    2>"$dir/full.log"
rc=$?
end=$(date +%s)
echo "progress (seconds, incumbent, bound, gap):"
grep -E '^ +[0-9.]+s' "$dir/full.log" | sed 's/^/  /'
grep '^placera: ' "$dir/full.log"
"$PLACERA" check "$inst" "$dir/full.json" 2>&1 | tail -n 1
python3 - "$dir/full.json" "$((end - start))" "$rc" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
gap = s.get("gap")
print(f"status {s['status']}, cost {s.get('cost')}, bound {s.get('bound')}, "
      f"gap {'-' if gap is None else f'{100 * gap:.2f}%'}, "
      f"solver {s.get('seconds')} s, wall {sys.argv[2]} s, exit {sys.argv[3]}")
c = s.get("costs", {})
print("costs: " + ", ".join(f"{k} {v:g}" for k, v in c.items() if v))
PY
