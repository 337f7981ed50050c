#!/bin/sh
# benchmarks/methods.sh [PLACERA] [TIME] — --method compact against
# --method decomposition on MSSP instances read in place from
# ../shared/benchmarks/mssp, and on generated region-tier instances.
# Prints one Markdown row per (instance, method): seconds, peak RSS, status,
# cost and bound of the written schedule, and whether `placera check`
# accepts it; the command and the machine load come first.
PLACERA=${1:-build/placera}
TIME=${2:-60}
MSSP=../shared/benchmarks/mssp/akbarzadeh_maenhout
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
echo "command: sh benchmarks/methods.sh $PLACERA $TIME"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ)"
echo
echo "| instance | method | s | MB | status | cost | bound | check |"
echo "|---|---|---|---|---|---|---|---|"
row() { # name instance method
    /usr/bin/time -f "%e %M" -o "$TMP/time" "$PLACERA" solve "$2" --method "$3" \
        --time-limit "$TIME" --quiet -o "$TMP/s.json" 2>/dev/null
    set -- "$1" "$2" "$3" $(cat "$TMP/time")
    st=$(sed -n 's/.*"status": *"\([a-z_]*\)".*/\1/p' "$TMP/s.json" | head -n 1)
    cost=$(sed -n 's/.*"cost": *\([-0-9.e+]*\).*/\1/p' "$TMP/s.json" | head -n 1)
    bound=$(sed -n 's/.*"bound": *\([-0-9.e+]*\).*/\1/p' "$TMP/s.json" | head -n 1)
    ok=$("$PLACERA" check "$2" "$TMP/s.json" >/dev/null 2>&1 && echo ok || echo FAIL)
    echo "| $1 | $3 | $4 | $(($5 / 1024)) | $st | ${cost:--} | ${bound:--} | $ok |"
}
for i in ${MSSP_INSTANCES:-Instance_10 Instance_11 Instance_13 Instance_L10 Instance_101}; do
    [ -f "$MSSP/$i.dzn" ] || continue
    "$PLACERA" import mssp "$MSSP/$i.dzn" -o "$TMP/$i.json" || continue
    for m in decomposition compact; do row "$i" "$TMP/$i.json" $m; done
done
for seed in ${REGION_SEEDS:-1}; do
    "$PLACERA" generate --tier region --seed "$seed" -o "$TMP/region$seed.json" >/dev/null 2>&1 || continue
    row "region seed $seed" "$TMP/region$seed.json" decomposition
done
