#!/bin/sh
# run.sh — run each libFuzzer harness for a fixed time (make fuzz).
#   sh tests/fuzz/run.sh BUILD_DIR SECONDS NAME...
# Each harness NAME runs on a working corpus BUILD_DIR/corpus/NAME seeded
# from tests/fuzz/corpus/NAME and tests/fuzz/regressions/NAME; new crashes
# go to BUILD_DIR/crashes/NAME/.  Prints the executions of each harness and
# the total, and exits non-zero when any harness found a crash.
BUILD=$1
SECONDS_EACH=$2
shift 2
NAMES="$*"
total=0
bad=0
# First the kept regressions, through the clang-built harnesses (clang's
# UBSan sees more than gcc's, e.g. an offset added to a NULL pointer).
for name in $NAMES; do
    set -- tests/fuzz/regressions/"$name"/*
    [ -e "$1" ] || continue
    if ! "$BUILD/fuzz_$name" "$@" >"$BUILD/regressions_$name.log" 2>&1; then
        bad=1
        echo "fuzz_$name: a regression input fails again (see $BUILD/regressions_$name.log)"
    fi
done
for name in $NAMES; do
    work="$BUILD/corpus/$name"
    crashes="$BUILD/crashes/$name"
    mkdir -p "$work" "$crashes"
    for seed in tests/fuzz/corpus/"$name" tests/fuzz/regressions/"$name"; do
        [ -d "$seed" ] && cp -n "$seed"/* "$work"/ 2>/dev/null
    done
    log="$BUILD/fuzz_$name.log"
    dict=
    [ -f "tests/fuzz/$name.dict" ] && dict="-dict=tests/fuzz/$name.dict"
    "$BUILD/fuzz_$name" -max_total_time="$SECONDS_EACH" -timeout=10 \
        -rss_limit_mb=4096 -max_len=16384 -print_final_stats=1 $dict \
        -artifact_prefix="$crashes/" "$work" >"$log" 2>&1
    rc=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    runs=${runs:-0}
    total=$((total + runs))
    if [ "$rc" -ne 0 ]; then
        bad=1
        echo "fuzz_$name: $runs executions, FAILED (see $log, inputs in $crashes)"
    else
        echo "fuzz_$name: $runs executions, no crash"
    fi
done
echo "fuzz: $total executions in total"
exit $bad
