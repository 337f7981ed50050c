#!/bin/sh
# Run every test of the suite against build directory $1 and print one
# closing line "tests: N passed, N failed".  Exit non-zero if anything failed.
#   - each cmocka binary in $1/tests/ (its per-test counts are added up)
#   - each shell test tests/sh/*.sh, called with the placera binary; it prints
#     "N passed, N failed" as its last line
BUILD=${1:-build}
PLACERA="$BUILD/placera"
passed=0
failed=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

for t in "$BUILD"/tests/test_*; do
    [ -x "$t" ] || continue
    "$t" >"$log" 2>&1
    rc=$?
    p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -n 1)
    f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -n 1)
    p=${p:-0}; f=${f:-0}
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
    if [ "$f" -ne 0 ]; then cat "$log"; fi
    echo "$(basename "$t"): $p passed, $f failed"
    passed=$((passed + p)); failed=$((failed + f))
done

for s in tests/sh/*.sh; do
    [ -f "$s" ] || continue
    sh "$s" "$PLACERA" >"$log" 2>&1
    rc=$?
    line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
    p=$(echo "$line" | sed -n 's/^\([0-9]*\) passed.*/\1/p'); p=${p:-0}
    f=$(echo "$line" | sed -n 's/.* \([0-9]*\) failed.*/\1/p'); f=${f:-0}
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
    if [ "$f" -ne 0 ]; then cat "$log"; fi
    echo "$(basename "$s"): $p passed, $f failed"
    passed=$((passed + p)); failed=$((failed + f))
done

echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
