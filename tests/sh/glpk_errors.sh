#!/bin/sh
# glpk_errors.sh — GLPK failing inside a call at its memory cap (its share
# of --memory-limit) ends the solve cleanly, whatever phase it was in.
#
# The allocation-only solve of the 80/100 instance (benchmarks/gen_alloc.py
# --seed 1) gives GLPK 1 to 3 MB at --memory-limit 4 to 10: GLPK fails in
# the root LP at 4, 8 and 9 (at 9 inside a realloc of GLPK's own, which
# loses a block GLPK no longer knows: tests/lsan.supp) and in the branch-
# and-bound at 10, with the start heuristics' state alive.  Each must exit
# 1 with the message naming the memory limit (not "failed internally"),
# write nothing, and, under make test-asan, leave no leak (LeakSanitizer
# would print its report and exit 23).  At 12 MB the same solve ends with
# the optimal allocation, of the same cost as without a memory limit.
# tests/unit/test_glpk_errors.c raises GLPK errors in every other phase.
# Usage: sh tests/sh/glpk_errors.sh PATH_TO_PLACERA   (from the repository root)
PLACERA=${1:-build/placera}
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { passed=$((passed + 1)); echo "ok   $1"; }
bad() { failed=$((failed + 1)); echo "FAIL $1"; }
status_of() { sed -n 's/.*"status": *"\([a-z_]*\)".*/\1/p' "$1" | head -n 1; }
cost_of() { sed -n 's/^  "cost": *\([0-9.]*\).*/\1/p' "$1" | head -n 1; }

if ! command -v python3 >/dev/null 2>&1 ||
    ! python3 benchmarks/gen_alloc.py --seed 1 -o "$tmp/alloc.json" 2>/dev/null; then
    echo "skip: python3 or benchmarks/gen_alloc.py unavailable"
    echo "$passed passed, $failed failed"
    exit 0
fi

for mb in 4 8 9 10; do
    "$PLACERA" solve "$tmp/alloc.json" --allocation-only --memory-limit "$mb" \
        --time-limit 10 -o "$tmp/out$mb.json" >/dev/null 2>"$tmp/err$mb.txt"
    rc=$?
    if [ "$rc" = 1 ] &&
        grep -q "reached the memory limit (--memory-limit $mb MB" "$tmp/err$mb.txt" &&
        ! grep -q "failed internally" "$tmp/err$mb.txt" &&
        ! grep -q "Sanitizer" "$tmp/err$mb.txt" &&
        [ -z "$(ls "$tmp" | grep "^out$mb")" ]; then
        ok "--memory-limit $mb: GLPK at its cap, exit 1, the memory limit named, nothing written, no leak"
    else
        bad "--memory-limit $mb: exit $rc"
        cat "$tmp/err$mb.txt"
    fi
done

# enough memory: the allocation (which `placera check` does not read: it
# checks rotation schedules) is the same optimum as without a limit
"$PLACERA" solve "$tmp/alloc.json" --allocation-only --time-limit 20 --quiet \
    -o "$tmp/free.json" 2>/dev/null
free_rc=$?
"$PLACERA" solve "$tmp/alloc.json" --allocation-only --memory-limit 12 --time-limit 20 \
    --quiet -o "$tmp/out12.json" 2>"$tmp/err12.txt"
rc=$?
st=$(status_of "$tmp/out12.json")
cost=$(cost_of "$tmp/out12.json")
if [ "$rc" = 0 ] && [ "$free_rc" = 0 ] && [ "$st" = optimal ] &&
    [ "$(status_of "$tmp/free.json")" = optimal ] && [ -n "$cost" ] &&
    [ "$cost" = "$(cost_of "$tmp/free.json")" ] && grep -q '"bt001": "' "$tmp/out12.json" &&
    ! grep -q "Sanitizer" "$tmp/err12.txt"; then
    ok "--memory-limit 12: the optimal allocation, cost $cost as without a limit"
else
    bad "--memory-limit 12: exit $rc, status '$st', cost '$cost' (without a limit: '$(cost_of "$tmp/free.json")')"
    cat "$tmp/err12.txt"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
