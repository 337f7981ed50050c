#!/bin/sh
# replan_region.sh — minimal-disruption re-planning on the generator's
# region tier: the base is solved, the supervisor with the most supervised
# trainee-periods in the base schedule leaves (a merge patch that deletes
# it), and the changed instance is solved twice with the same time limit:
# warm (--reference: the base schedule is the starting point and `change`
# counts moved trainee-periods) and cold (no reference).  Prints, for each
# run, when the first schedule came, the final cost, and the first time its
# cost was at or below the cold run's final cost (the warm cost includes
# `change`, so that comparison is on the warm run's disadvantage).
# Usage: sh benchmarks/replan_region.sh [PLACERA] [TIME_LIMIT] [SEED] [TIER]
PLACERA=${1:-build/placera}
LIMIT=${2:-120}
SEED=${3:-1}
TIER=${4:-region}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

"$PLACERA" generate --tier "$TIER" --seed "$SEED" -o "$dir/base.json" || exit 2
echo "== base: $("$PLACERA" validate "$dir/base.json")"
"$PLACERA" solve "$dir/base.json" --time-limit "$LIMIT" -o "$dir/base.out.json" \
    2>"$dir/base.log"
grep '^placera: [a-z_]*,' "$dir/base.log"

python3 - "$dir" <<'PY' || exit 2
import collections, json, sys
d = sys.argv[1]
sched = json.load(open(f"{d}/base.out.json"))
use = collections.Counter()
for row in sched.get("placements", []):
    if row.get("supervisor"):
        use[row["supervisor"]] += row["to"] - row["from"] + 1
sup, periods = use.most_common(1)[0]
inst = json.load(open(f"{d}/base.json"))
del inst["supervisors"][sup]          # the merge patch {"supervisors": {sup: null}}
json.dump({"supervisors": {sup: None}}, open(f"{d}/scenario.json", "w"))
json.dump(inst, open(f"{d}/changed.json", "w"))
print(f"== scenario: supervisor {sup} leaves ({periods} supervised trainee-periods in the base)")
PY

for run in warm cold; do
    ref=""
    [ "$run" = warm ] && ref="--reference $dir/base.out.json"
    # shellcheck disable=SC2086
    "$PLACERA" solve "$dir/changed.json" $ref --time-limit "$LIMIT" --progress \
        -o "$dir/$run.json" 2>"$dir/$run.log"
    # shellcheck disable=SC2086
    "$PLACERA" check "$dir/changed.json" "$dir/$run.json" $ref >"$dir/$run.check" 2>&1 ||
        echo "$run: CHECK FAILED: $(head -n 2 "$dir/$run.check")"
done

python3 - "$dir" "$LIMIT" <<'PY'
import json, re, sys
d, limit = sys.argv[1], sys.argv[2]
def progress(run):
    out = []
    for line in open(f"{d}/{run}.log"):
        m = re.match(r"\s+([0-9.]+)s\s+incumbent\s+(-?[0-9.]+)", line)
        if m:
            out.append((float(m.group(1)), float(m.group(2))))
    return out
res = {r: json.load(open(f"{d}/{r}.json")) for r in ("warm", "cold")}
w_change = json.load(open(f"{d}/changed.json")).get("weights", {}).get("change", 10)
target = res["cold"].get("cost")
print(f"| run | first schedule s | cost after {limit} s | of which change | "
      f"moved trainee-periods | status | first time at or below {target:g} |")
print("|---|---|---|---|---|---|---|")
for r in ("warm", "cold"):
    p = progress(r)
    s = res[r]
    change = s.get("costs", {}).get("change", 0)
    hit = next((t for t, c in p if target is not None and c <= target + 1e-6), None)
    moved = f"{change / w_change:g}" if r == "warm" and w_change else "-"
    print(f"| {r} | {p[0][0] if p else '-'} | {s.get('cost')} | {change:g} | {moved} | "
          f"{s['status']} | {'-' if hit is None else f'{hit:.1f} s'} |")
PY
