#!/bin/sh
# run.sh — the benchmark harness: placera (GLPK) and CBC on named sets of
# instances, side by side, into markdown and CSV tables.
#
#   sh benchmarks/run.sh [--set NAME] [--time-limit S] [--cbc|--no-cbc]
#                        [--out DIR] [--placera PATH] [--keep]
#                        [--method auto|compact|decomposition|branch-and-price]
#   make bench SET=NAME TIME=S
#
# A set is benchmarks/sets/NAME.txt, one instance a line:
#   mssp DIR/NAME        an MSSP .dzn under ../shared/benchmarks/mssp (imported)
#   generate TIER SEED   `placera generate --tier TIER --seed SEED`
#   file PATH            a placera instance, relative to the repository root
# For each instance, one at a time (the machine is small): import or
# generate it into a temporary directory, run
#   placera solve INST --time-limit S --progress --write-mps M.mps -o S.json
# under /usr/bin/time -v, `placera check` the schedule, then CBC on the same
# MPS file (`cbc M.mps -timeMode elapsed -sec S -solve -quit`, also under
# time -v), and append one CSV row (benchmarks/bench_row.py).  At the end
# the tables (benchmarks/bench_tables.py) are printed and stored as
# OUT/SET-DATE.md and .csv, with GLPK's progress lines in
# OUT/SET-DATE-progress.txt.  CBC is installed with apt-get when missing and
# possible; otherwise the CBC columns stay empty and a note says why.
# Exit status: 0 the run finished (whatever the solvers found), 2 bad usage.
set -u

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH=$ROOT/benchmarks
MSSP=$ROOT/../shared/benchmarks/mssp
SET=mssp-small
TIME=60
CBC=yes
OUT=$BENCH/results
PLACERA=${PLACERA:-$ROOT/build/placera}
KEEP=no
METHOD=auto

usage() {
    sed -n '4,7p' "$0" | sed 's/^# *//' >&2
    exit 2
}

while [ $# -gt 0 ]; do
    case $1 in
    --set) [ $# -ge 2 ] || usage; SET=$2; shift 2 ;;
    --time-limit) [ $# -ge 2 ] || usage; TIME=$2; shift 2 ;;
    --cbc) CBC=yes; shift ;;
    --no-cbc) CBC=no; shift ;;
    --out) [ $# -ge 2 ] || usage; OUT=$2; shift 2 ;;
    --placera) [ $# -ge 2 ] || usage; PLACERA=$2; shift 2 ;;
    --keep) KEEP=yes; shift ;;
    --method) [ $# -ge 2 ] || usage; METHOD=$2; shift 2 ;;
    *) usage ;;
    esac
done

case $TIME in '' | *[!0-9]*) echo "run.sh: --time-limit wants whole seconds" >&2; exit 2 ;; esac
SETFILE=$BENCH/sets/$SET.txt
if [ ! -f "$SETFILE" ]; then
    echo "run.sh: no set '$SET' (sets: $(cd "$BENCH/sets" && ls | sed 's/\.txt$//' | tr '\n' ' '))" >&2
    exit 2
fi
case $PLACERA in /*) ;; *) PLACERA=$(pwd)/$PLACERA ;; esac
if [ ! -x "$PLACERA" ]; then
    echo "run.sh: $PLACERA is not built (make all, or --placera PATH)" >&2
    exit 2
fi

# Install a Debian package when apt-get is there (sudo when not root).
apt_install() {
    command -v apt-get >/dev/null 2>&1 || return 1
    if [ "$(id -u)" -eq 0 ]; then
        apt-get install -y "$1" >/dev/null 2>&1
    elif command -v sudo >/dev/null 2>&1; then
        sudo apt-get install -y "$1" >/dev/null 2>&1
    else
        return 1
    fi
}

if [ ! -x /usr/bin/time ]; then
    apt_install time
    if [ ! -x /usr/bin/time ]; then
        echo "run.sh: /usr/bin/time is missing (apt-get install -y time)" >&2
        exit 2
    fi
fi
NOTE=""
if [ "$CBC" = yes ] && ! command -v cbc >/dev/null 2>&1; then
    echo "run.sh: cbc is missing; trying apt-get install -y coinor-cbc" >&2
    apt_install coinor-cbc
    if ! command -v cbc >/dev/null 2>&1; then
        CBC=no
        NOTE="CBC skipped: not installed and apt-get unavailable or failed."
        echo "run.sh: $NOTE" >&2
    fi
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/placera-bench.XXXXXX") || exit 2
cleanup() {
    if [ "$KEEP" = yes ]; then echo "run.sh: kept $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$OUT" || exit 2
STAMP=$(date +%Y-%m-%d)
CSV=$OUT/$SET-$STAMP.csv
MD=$OUT/$SET-$STAMP.md
PROG=$OUT/$SET-$STAMP-progress.txt
python3 "$BENCH/bench_row.py" --header >"$CSV"
: >"$PROG"
# A solver gets its time limit plus a grace period, then SIGINT, then SIGKILL.
HARD=$((TIME * 2 + 60))
LOAD0=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")

grep -v '^[[:space:]]*\(#\|$\)' "$SETFILE" | while read -r kind a1 a2; do
    case $kind in
    mssp)
        name=$(basename "$a1")
        inst=$WORK/$name.json
        if [ ! -f "$MSSP/$a1.dzn" ]; then
            echo "run.sh: $MSSP/$a1.dzn is absent; skipped" >&2
            continue
        fi
        "$PLACERA" import mssp "$MSSP/$a1.dzn" -o "$inst" || { echo "run.sh: import of $name failed" >&2; continue; }
        ;;
    generate)
        name=gen-$a1-$a2
        inst=$WORK/$name.json
        "$PLACERA" generate --tier "$a1" --seed "$a2" -o "$inst" || { echo "run.sh: generate $a1 $a2 failed" >&2; continue; }
        ;;
    file)
        name=$(basename "$a1" .json)
        inst=$ROOT/$a1
        ;;
    *)
        echo "run.sh: $SETFILE: unknown kind '$kind'; skipped" >&2
        continue
        ;;
    esac
    d=$WORK/$name
    mkdir -p "$d"
    echo "run.sh: $name: placera (limit ${TIME}s)" >&2
    /usr/bin/time -o "$d/time.txt" -v timeout -s INT -k 30 "$HARD" \
        "$PLACERA" solve "$inst" --time-limit "$TIME" --method "$METHOD" --progress \
        --write-mps "$d/model.mps" -o "$d/schedule.json" >/dev/null 2>"$d/solve.log"
    check=-
    if [ -f "$d/schedule.json" ] && ! grep -q '"status": *"no_solution"' "$d/schedule.json"; then
        if "$PLACERA" check "$inst" "$d/schedule.json" >/dev/null 2>"$d/check.log"; then check=ok; else check=FAIL; fi
    fi
    {
        echo "== $name"
        grep -v '^placera: solving' "$d/solve.log" | head -40
    } >>"$PROG"
    note=""
    cbcargs=""
    if [ "$CBC" = yes ] && [ -s "$d/model.mps" ]; then
        echo "run.sh: $name: cbc (limit ${TIME}s)" >&2
        /usr/bin/time -o "$d/cbc-time.txt" -v timeout -k 30 "$HARD" \
            cbc "$d/model.mps" -timeMode elapsed -sec "$TIME" -solve -quit >"$d/cbc.log" 2>&1
        rc=$?
        [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ] && echo "killed after ${HARD}s" >>"$d/cbc.log"
        cbcargs="--cbc-log $d/cbc.log --cbc-time $d/cbc-time.txt"
    elif [ "$CBC" = yes ]; then
        note="no MPS file written"
    fi
    # shellcheck disable=SC2086
    python3 "$BENCH/bench_row.py" --set "$SET" --instance "$name" --kind "$kind" \
        --mps "$d/model.mps" --schedule "$d/schedule.json" --time "$d/time.txt" \
        --check "$check" --progress-log "$d/solve.log" $cbcargs --note "$note" >>"$CSV"
    tail -n 1 "$CSV" >&2
    rm -f "$d/model.mps" # the big file; the rest is small
done

{
    echo "# Benchmark: $SET ($STAMP)"
    echo
    echo "$("$PLACERA" --version 2>/dev/null | head -1 || true)" \
        "commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?'); GLPK $(glpsol --version 2>/dev/null | head -1 | sed 's/.*Solver //' || echo '?');" \
        "CBC $(cbc -quit 2>/dev/null | sed -n 's/^Version: *\([^ ]*\).*/\1/p' | head -1)."
    echo "Machine: $(nproc 2>/dev/null || echo '?') CPUs ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -1)), load average at start $LOAD0, at end $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)."
    [ -n "$NOTE" ] && echo "$NOTE"
    echo
    python3 "$BENCH/bench_tables.py" "$CSV" --mssp "$MSSP" --time-limit "$TIME"
} >"$MD"
cat "$MD"
echo >&2
echo "run.sh: wrote $MD, $CSV and $PROG" >&2
