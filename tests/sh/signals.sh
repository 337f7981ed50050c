#!/bin/sh
# signals.sh — SIGINT and SIGTERM stop `placera solve` and keep the
# incumbent: a long solve of a generated instance (tier small) runs with
# --progress (with each --method); once a progress line reports an incumbent the signal is sent;
# placera must exit 0 within a few seconds, and the output file must exist,
# have status "feasible" (or "optimal" if it finished first) and pass
# `placera check`.  A signal before any incumbent must give exit 1 and a
# schedule with status "no_solution" saying it was interrupted.
# Usage: sh tests/sh/signals.sh PATH_TO_PLACERA   (from the repository root)
PLACERA=${1:-build/placera}
passed=0
failed=0
tmp=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT

ok() { passed=$((passed + 1)); echo "ok   $1"; }
bad() { failed=$((failed + 1)); echo "FAIL $1"; }

inst="$tmp/small.json"
"$PLACERA" generate --tier small --seed 1 -o "$inst" 2>/dev/null ||
    bad "generate the instance"

# wait_for PATTERN FILE SECONDS: poll every 0.2 s until grep finds PATTERN.
wait_for() {
    n=$(($3 * 5))
    while [ "$n" -gt 0 ]; do
        grep -q "$1" "$2" 2>/dev/null && return 0
        kill -0 "$pid" 2>/dev/null || { grep -q "$1" "$2" 2>/dev/null; return; }
        sleep 0.2
        n=$((n - 1))
    done
    return 1
}

# wait_exit SECONDS: wait for $pid to end; its exit status in $rc.
wait_exit() {
    n=$(($1 * 5))
    while kill -0 "$pid" 2>/dev/null && [ "$n" -gt 0 ]; do
        sleep 0.2
        n=$((n - 1))
    done
    if kill -0 "$pid" 2>/dev/null; then
        kill -9 "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
        rc=timeout
    else
        wait "$pid"
        rc=$?
    fi
    pid=
}

status_of() {
    sed -n 's/.*"status": *"\([a-z_]*\)".*/\1/p' "$1" | head -n 1
}

# SIGINT and SIGTERM on the compact method, SIGINT on the decomposition
for run in INT:compact TERM:compact INT:decomposition; do
    sig=${run%%:*}
    method=${run#*:}
    out="$tmp/out-$sig-$method.json"
    err="$tmp/err-$sig-$method.txt"
    "$PLACERA" solve "$inst" --method "$method" --time-limit 300 --progress -o "$out" 2>"$err" &
    pid=$!
    # an incumbent: a progress line with a number after "incumbent"
    if ! wait_for 'incumbent *-\{0,1\}[0-9]' "$err" 120; then
        bad "SIG$sig: no incumbent reported within 120 s"
        cat "$err"
        kill "$pid" 2>/dev/null
        wait_exit 10
        continue
    fi
    kill -"$sig" "$pid" 2>/dev/null
    wait_exit 20
    if [ "$rc" = 0 ]; then
        ok "SIG$sig: placera stopped with exit 0"
    else
        bad "SIG$sig: exit status $rc, expected 0"
        cat "$err"
    fi
    st=$(status_of "$out")
    case "$st" in
    feasible | optimal) ok "SIG$sig: output written, status $st" ;;
    *) bad "SIG$sig: output status '$st'" ;;
    esac
    if [ -f "$out" ] && "$PLACERA" check "$inst" "$out" >/dev/null 2>"$tmp/check.txt"; then
        ok "SIG$sig: the kept incumbent passes placera check"
    else
        bad "SIG$sig: placera check failed"
        cat "$tmp/check.txt"
    fi
    if ls -A "$tmp" | grep -q 'placera-tmp-'; then
        bad "SIG$sig: a temporary file (.NAME.placera-tmp-PID) was left behind"
    fi
done

# A signal before any schedule: exit 1, status no_solution, "interrupted".
big="$tmp/region.json"
if "$PLACERA" generate --tier region --seed 2 -o "$big" 2>/dev/null; then
    out="$tmp/early.json"
    "$PLACERA" solve "$big" --time-limit 300 -o "$out" 2>"$tmp/early.txt" &
    pid=$!
    sleep 1
    kill -INT "$pid" 2>/dev/null
    wait_exit 60
    st=$(status_of "$out")
    if [ "$rc" = 1 ] && [ "$st" = no_solution ] && grep -q interrupted "$out"; then
        ok "SIGINT before any incumbent: exit 1, status no_solution, interrupted"
    elif [ "$rc" = 0 ] && [ "$st" = feasible ]; then
        ok "SIGINT early: an incumbent was already there (status feasible)"
    else
        bad "SIGINT before any incumbent: exit $rc, status '$st'"
        cat "$tmp/early.txt"
    fi
else
    bad "generate --tier region"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
