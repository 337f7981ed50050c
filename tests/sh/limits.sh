#!/bin/sh
# limits.sh — the time and memory limits of `placera solve`.
#
#  - --time-limit 5 on a generated instance too hard to finish (tier small,
#    seed 1): placera returns within 5 s + 5 % + 1 s of wall time, with a
#    schedule file (feasible or no_solution).  When the machine is
#    overloaded (load average above the number of CPUs) wall time also
#    counts time spent waiting for a CPU, which no time limit can bound; the
#    test then checks the CPU time (user + system) against the same bound
#    and says so.
#  - --time-limit 8 on the region tier (seed 1): a schedule that passes
#    `placera check`, exit 0, within the same bound.
#  - --memory-limit: placera's own estimate of the model (src/model/
#    estimate.c) is compared with the limit before anything is built; above
#    it, solve refuses with a message naming the estimate, exit 1 ("no
#    schedule could be produced") and writes nothing.  Within a generous
#    limit the same command solves.
# Usage: sh tests/sh/limits.sh PATH_TO_PLACERA   (from the repository root)
PLACERA=${1:-build/placera}
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { passed=$((passed + 1)); echo "ok   $1"; }
bad() { failed=$((failed + 1)); echo "FAIL $1"; }

now() { date +%s.%N; }

# cpu_now: the children's user + system seconds so far (the second line of
# `times`, run in this shell: in a pipe or $(...) it would see no children)
child_cpu() {
    times >"$tmp/times.txt"
    cpu_now=$(sed -n 2p "$tmp/times.txt" | awk '{
        t = 0
        for (i = 1; i <= 2; i++) { split($i, a, "m"); sub("s", "", a[2]); t += a[1] * 60 + a[2] }
        print t }')
}

# ---- time limit ---------------------------------------------------------------
inst="$tmp/small.json"
"$PLACERA" generate --tier small --seed 1 -o "$inst" 2>/dev/null || bad "generate"
limit=5
bound=$(awk -v l="$limit" 'BEGIN { print l * 1.05 + 1 }')
child_cpu
cpu0=$cpu_now
t0=$(now)
"$PLACERA" solve "$inst" --time-limit "$limit" -o "$tmp/out.json" 2>"$tmp/err.txt"
rc=$?
t1=$(now)
child_cpu
cpu1=$cpu_now
wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
cpu=$(awk -v a="$cpu0" -v b="$cpu1" 'BEGIN { printf "%.2f", b - a }')
ncpu=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)
load=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo 0)
if awk -v w="$wall" -v b="$bound" 'BEGIN { exit !(w <= b) }'; then
    ok "time limit $limit s: returned after $wall s wall ($cpu s CPU), bound $bound s"
elif awk -v l="$load" -v n="$ncpu" -v c="$cpu" -v b="$bound" 'BEGIN { exit !(l > n && c <= b) }'; then
    ok "time limit $limit s: $wall s wall on an overloaded machine (load $load, $ncpu CPUs), $cpu s CPU <= $bound s"
else
    bad "time limit $limit s: returned after $wall s wall, $cpu s CPU (bound $bound s, load $load)"
fi
if [ "$rc" -le 1 ] && grep -q '"status": "\(feasible\|optimal\|no_solution\)"' "$tmp/out.json"; then
    ok "time limit: a schedule file was written (exit $rc)"
else
    bad "time limit: exit $rc"; cat "$tmp/err.txt"
fi

# ---- a short limit on a region: still a schedule ------------------------------
# 300 trainees are too many for the decomposition's greedy start in 8 s; the
# trainees it cannot reach get a placement-free schedule, so the limit
# still ends with a checked schedule (exit 0), on time.
region="$tmp/region1.json"
"$PLACERA" generate --tier region --seed 1 -o "$region" 2>/dev/null || bad "generate region 1"
limit=8
bound=$(awk -v l="$limit" 'BEGIN { print l * 1.05 + 1 }')
child_cpu
cpu0=$cpu_now
t0=$(now)
"$PLACERA" solve "$region" --time-limit "$limit" -o "$tmp/region-out.json" 2>"$tmp/err.txt"
rc=$?
t1=$(now)
child_cpu
wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
cpu=$(awk -v a="$cpu0" -v b="$cpu_now" 'BEGIN { printf "%.2f", b - a }')
load=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo 0)
if awk -v w="$wall" -v b="$bound" 'BEGIN { exit !(w <= b) }' ||
    awk -v l="$load" -v n="$ncpu" -v c="$cpu" -v b="$bound" 'BEGIN { exit !(l > n && c <= b) }'; then
    ok "region, time limit $limit s: returned after $wall s wall ($cpu s CPU), bound $bound s"
else
    bad "region, time limit $limit s: returned after $wall s wall, $cpu s CPU (bound $bound s, load $load)"
fi
if [ "$rc" = 0 ] && grep -q '"status": "\(feasible\|optimal\)"' "$tmp/region-out.json" &&
    "$PLACERA" check "$region" "$tmp/region-out.json" >/dev/null 2>&1; then
    ok "region, time limit $limit s: a schedule that passes placera check"
else
    bad "region, time limit $limit s: exit $rc, no checked schedule"; cat "$tmp/err.txt"
fi

# ---- memory limit -------------------------------------------------------------
big="$tmp/region.json"
"$PLACERA" generate --tier region --seed 3 -o "$big" 2>/dev/null || bad "generate region"
t0=$(now)
"$PLACERA" solve "$big" --memory-limit 100 -o "$tmp/big.json" >"$tmp/out.txt" 2>"$tmp/err.txt"
rc=$?
t1=$(now)
wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
if [ "$rc" = 1 ] && grep -q "the model would need about [0-9]* MB" "$tmp/err.txt" &&
    grep -q "more than the memory limit of 100 MB" "$tmp/err.txt"; then
    ok "memory limit 100 MB on tier region: refused with exit 1 in $wall s"
else
    bad "memory limit 100 MB: exit $rc"; cat "$tmp/err.txt"
fi
if [ ! -e "$tmp/big.json" ] && [ ! -s "$tmp/out.txt" ]; then
    ok "memory limit: nothing written"
else
    bad "memory limit: an output was written"
fi
if "$PLACERA" solve tests/cases/block_min.json --memory-limit 64 --quiet -o "$tmp/ok.json" &&
    grep -q '"status": "optimal"' "$tmp/ok.json"; then
    ok "memory limit 64 MB on a small case: solved"
else
    bad "memory limit 64 MB on a small case"
fi
"$PLACERA" solve tests/cases/block_min.json --memory-limit 0 >/dev/null 2>"$tmp/err.txt"
rc=$?
if [ "$rc" = 2 ] && grep -q "memory-limit needs megabytes" "$tmp/err.txt"; then
    ok "--memory-limit 0: usage error, exit 2"
else
    bad "--memory-limit 0: exit $rc"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
