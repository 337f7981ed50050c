#!/bin/sh
# valgrind.sh — memcheck over every test binary of build directory $1 and
# over the demo (validate, solve, check of the first bundled example), for
# `make valgrind`.  Any memory error or any definitely / possibly lost block
# fails the run (--error-exitcode=1 --leak-check=full).  GLPK's environment
# (three blocks, about 5 KB, made once by glp_init_env) stays allocated
# until exit and is reported as "still reachable", which is not an error:
# the library does not call glp_free_env because that would also destroy
# any GLPK object of a program that links libplacera.
# Usage: sh tests/valgrind.sh BUILD_DIR   (from the repository root)
BUILD=${1:-build}
PLACERA="$BUILD/placera"
VG="valgrind -q --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,possible"
passed=0
failed=0
log=$(mktemp)
tmp=$(mktemp -d)
trap 'rm -f "$log"; rm -rf "$tmp"' EXIT

if ! command -v valgrind >/dev/null; then
    echo "valgrind: not installed (apt-get install valgrind)"
    exit 1
fi

run() { # NAME COMMAND...
    name=$1
    shift
    $VG "$@" >"$log" 2>&1
    rc=$?
    # the commands under test may exit 2 (bad input) by design; valgrind
    # says 1 for an error, and prints its "==PID==" lines
    if [ "$rc" -ne 1 ] && ! grep -q '^==[0-9]*== ' "$log"; then
        passed=$((passed + 1))
        echo "ok   $name"
    else
        failed=$((failed + 1))
        echo "FAIL $name"
        grep -E '^==[0-9]+==' "$log" | head -n 40
    fi
}

# Two binaries solve dozens of instances and take most of an hour under
# memcheck: they run only with VALGRIND_ALL=1 (make valgrind VALGRIND_ALL=1).
SLOW="test_allocation test_solver_random"
for t in "$BUILD"/tests/test_*; do
    [ -x "$t" ] || continue
    name=$(basename "$t")
    case " $SLOW " in
    *" $name "*)
        if [ "${VALGRIND_ALL:-0}" != 1 ]; then
            echo "skip $name (slow under memcheck; VALGRIND_ALL=1 runs it)"
            continue
        fi
        ;;
    esac
    run "$name" "$t"
done

EXAMPLE=instances/norrbotten-bt.json
run "demo: validate" "$PLACERA" validate "$EXAMPLE"
run "demo: solve" "$PLACERA" solve "$EXAMPLE" --time-limit 30 --quiet -o "$tmp/s.json"
run "demo: solve --format text" "$PLACERA" solve "$EXAMPLE" --time-limit 30 --quiet --format text
run "demo: check" "$PLACERA" check "$EXAMPLE" "$tmp/s.json"
run "demo: report" "$PLACERA" report "$EXAMPLE" "$tmp/s.json" -o "$tmp/r.html"
run "demo: export csv" "$PLACERA" export csv "$EXAMPLE" "$tmp/s.json" -o "$tmp/csv"
run "bad input: validate" "$PLACERA" validate tests/bad/many_errors.json
run "bad input: deep nesting" "$PLACERA" validate tests/bad/syntax_deep_nesting.json

echo "valgrind: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
