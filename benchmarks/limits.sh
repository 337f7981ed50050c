#!/bin/sh
# limits.sh — how the limits hold on the generated tiers: for each tier
# (small, region, national; seed 1) and time limit, the wall time and peak
# memory of `placera solve` (/usr/bin/time), placera's memory estimate for
# the method it takes, and the delay between SIGINT (sent 5 s into a long
# solve) and the exit.  Prints a Markdown table, the command and the load.
# Usage: sh benchmarks/limits.sh [PLACERA] [LIMITS]   (LIMITS default "10 30")
PLACERA=${1:-build/placera}
LIMITS=${2:-10 30}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
now() { date +%s.%N; }

echo "command: sh benchmarks/limits.sh $PLACERA \"$LIMITS\""
echo "machine: $(nproc) cores, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| tier | limit s | wall s | exit | status | peak MB | estimate MB | SIGINT at 5 s: exit after s |"
echo "|---|---|---|---|---|---|---|---|"
for tier in small region national; do
    inst="$dir/$tier.json"
    "$PLACERA" generate --tier "$tier" --seed 1 -o "$inst" 2>/dev/null || continue
    est=$("$PLACERA" solve "$inst" --memory-limit 1 -o "$dir/x.json" 2>&1 |
        sed -n 's/.*need about \([0-9]*\) MB.*/\1/p')
    # the delay after SIGINT
    "$PLACERA" solve "$inst" --time-limit 600 --quiet -o "$dir/sig.json" 2>/dev/null &
    pid=$!
    sleep 5
    t0=$(now)
    kill -INT "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    t1=$(now)
    delay=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
    for limit in $LIMITS; do
        /usr/bin/time -f "%e %M" -o "$dir/time.txt" \
            "$PLACERA" solve "$inst" --time-limit "$limit" --quiet -o "$dir/out.json" 2>/dev/null
        rc=$?
        wall=$(cut -d' ' -f1 "$dir/time.txt" | tail -n 1)
        peak=$(tail -n 1 "$dir/time.txt" | awk "{ printf \"%.0f\", \$2 / 1024 }")
        st=$(sed -n 's/.*"status": *"\([a-z_]*\)".*/\1/p' "$dir/out.json" | head -n 1)
        echo "| $tier | $limit | $wall | $rc | $st | $peak | $est | $delay |"
    done
done
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
