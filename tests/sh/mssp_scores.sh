#!/bin/sh
# mssp_scores.sh — the MSSP mapping is exact: for each of the authors'
# published solutions (../shared/benchmarks/mssp/generated_solutions_small),
# `placera import mssp` converts instance and solution, `placera check`
# accepts the schedule, and minus the recomputed cost equals the "score
# maximizes" in the solution file's trailing comment, to the unit.
# Also: every benchmark instance imports and validates.  The benchmark files
# are not part of the project; without them the test skips.
#   sh tests/sh/mssp_scores.sh build/placera
PLACERA=${1:-build/placera}
DATA=../shared/benchmarks/mssp
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

fail() {
    echo "FAIL: $1"
    failed=$((failed + 1))
}

if [ ! -d "$DATA/generated_solutions_small" ]; then
    echo "skipped: $DATA not found (the MSSP benchmark is not part of the project)"
    echo "0 passed, 0 failed"
    exit 0
fi

for sol in "$DATA"/generated_solutions_small/*-sol.dzn; do
    name=$(basename "$sol" -sol.dzn)
    inst="$DATA/generated/$name.dzn"
    want=$(sed -n 's/.*score maximizes is \(-\{0,1\}[0-9][0-9]*\).*/\1/p' "$sol" | tail -n 1)
    if [ -z "$want" ]; then fail "$name: no 'score maximizes' comment"; continue; fi
    if ! "$PLACERA" import mssp "$inst" -o "$tmp/$name.json" 2>"$tmp/err"; then
        fail "$name: import failed"; cat "$tmp/err"; continue
    fi
    if ! "$PLACERA" import mssp --solution "$sol" "$inst" -o "$tmp/$name-sol.json" 2>"$tmp/err"; then
        fail "$name: solution import failed"; cat "$tmp/err"; continue
    fi
    if ! "$PLACERA" check "$tmp/$name.json" "$tmp/$name-sol.json" >"$tmp/out" 2>"$tmp/err"; then
        fail "$name: check failed"; head -n 20 "$tmp/err"; continue
    fi
    cost=$(sed -n 's/^ok: .* cost \(-\{0,1\}[0-9.e+]*\) (.*/\1/p' "$tmp/out")
    if [ -n "$cost" ] && awk -v c="$cost" -v w="$want" 'BEGIN { exit !(c + 0 == -(w + 0)) }'; then
        echo "ok: $name score $want = -cost"
        passed=$((passed + 1))
    else
        fail "$name: check says cost $cost, the authors' score is $want"; cat "$tmp/out"
    fi
done

# Every instance of both sets imports and validates.
n=0
bad=0
for inst in "$DATA"/generated/*.dzn "$DATA"/akbarzadeh_maenhout/*.dzn; do
    [ -f "$inst" ] || continue
    n=$((n + 1))
    if ! "$PLACERA" import mssp "$inst" -o "$tmp/i.json" 2>"$tmp/err" ||
       ! "$PLACERA" validate "$tmp/i.json" >"$tmp/out" 2>>"$tmp/err"; then
        echo "$inst:"; head -n 5 "$tmp/err"
        bad=$((bad + 1))
    fi
done
if [ "$n" -gt 0 ] && [ "$bad" -eq 0 ]; then
    echo "ok: all $n instances import and validate"
    passed=$((passed + 1))
else
    fail "$bad of $n instances do not import and validate"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
