#!/bin/sh
# outputs.sh — every command that writes a file fails cleanly when it
# cannot: a missing directory, a read-only directory, a full disk, and a
# full standard output (/dev/full).  Each must exit 2 with a message on
# standard error naming the path, and leave nothing behind: no output file,
# no temporary file, no half-written directory.
#
# Commands: solve -o, report -o, export csv|ics -o DIR, import mssp -o,
# generate -o, import csv -o, export csv INSTANCE -o DIR (spreadsheets).  The read-only case runs placera as user nobody (setpriv),
# since root ignores permissions; the full disk is a 16 KiB tmpfs filled to
# the brim (mount needs root).  Either is skipped, with a note, when that is
# not possible here.
# Usage: sh tests/sh/outputs.sh PATH_TO_PLACERA   (from the repository root)
PLACERA=${1:-build/placera}
passed=0
failed=0
skipped=0
tmp=$(mktemp -d)
mnt=
trap '[ -n "$mnt" ] && umount "$mnt" 2>/dev/null; rm -rf "$tmp"' EXIT

ok() { passed=$((passed + 1)); echo "ok   $1"; }
bad() { failed=$((failed + 1)); echo "FAIL $1"; }
skip() { skipped=$((skipped + 1)); echo "skip $1"; }

# Inputs in a directory everyone can read (for the run as nobody).
chmod 755 "$tmp"
cp "$PLACERA" "$tmp/placera"
P="$tmp/placera"
cp tests/cases/block_min.json "$tmp/inst.json"
cp tests/fuzz/corpus/mssp/I40_12_1.dzn "$tmp/mssp.dzn"
"$P" solve "$tmp/inst.json" --quiet -o "$tmp/sched.json" || bad "solve the fixture"
"$P" export csv "$tmp/inst.json" -o "$tmp/sheets" 2>/dev/null || bad "export the sheets fixture"
chmod 644 "$tmp"/*.json "$tmp/mssp.dzn" "$tmp"/sheets/*.csv
chmod 755 "$tmp/sheets"

# commands OUT: the five writers, each writing to OUT (a file, or for
# export a directory OUT.d)
run_writer() { # NAME OUT [RUNNER...]
    name=$1 out=$2
    shift 2
    case "$name" in
    solve) "$@" "$P" solve "$tmp/inst.json" --quiet -o "$out" ;;
    report) "$@" "$P" report "$tmp/inst.json" "$tmp/sched.json" -o "$out" ;;
    export-csv) "$@" "$P" export csv "$tmp/inst.json" "$tmp/sched.json" -o "$out.d" ;;
    export-ics) "$@" "$P" export ics "$tmp/inst.json" "$tmp/sched.json" -o "$out.d" ;;
    import) "$@" "$P" import mssp "$tmp/mssp.dzn" -o "$out" ;;
    import-csv) "$@" "$P" import csv "$tmp/sheets" -o "$out" ;;
    export-sheets) "$@" "$P" export csv "$tmp/inst.json" -o "$out.d" ;;
    generate) "$@" "$P" generate --tier region --seed 1 -o "$out" ;;
    esac
}
WRITERS="solve report export-csv export-ics import generate import-csv export-sheets"

# expect_clean CASE NAME DIR OUT: exit 2, a message naming the path, and
# DIR holds nothing new (only the files listed in $tmp/before)
expect_clean() {
    if [ "$rc" != 2 ]; then
        bad "$1: $2: exit status $rc, expected 2"; cat "$tmp/err"; return
    fi
    if ! grep -q "error" "$tmp/err"; then
        bad "$1: $2: no error message"; return
    fi
    if [ -d "$3" ]; then
        ls -A "$3" >"$tmp/after"
        if ! cmp -s "$tmp/before" "$tmp/after"; then
            bad "$1: $2: files left behind: $(comm -13 "$tmp/before" "$tmp/after" | tr '\n' ' ')"
            comm -13 "$tmp/before" "$tmp/after" | while read -r f; do rm -rf "${3:?}/$f"; done
            return
        fi
    fi
    ok "$1: $2: exit 2, '$(head -n 1 "$tmp/err" | cut -c1-90)', nothing written"
}

# ---- a missing directory --------------------------------------------------------
for w in $WRITERS; do
    run_writer "$w" "$tmp/missing/dir/out" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    : >"$tmp/before"
    [ -e "$tmp/missing" ] && bad "missing directory: $w created it"
    expect_clean "missing directory" "$w" "$tmp/missing"
done

# ---- a read-only directory, as nobody -------------------------------------------
ro="$tmp/ro"
mkdir "$ro"
chmod 555 "$ro"
if command -v setpriv >/dev/null && [ "$(id -u)" = 0 ] &&
    setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
    ls -A "$ro" >"$tmp/before"
    for w in $WRITERS; do
        run_writer "$w" "$ro/out" setpriv --reuid=65534 --regid=65534 --clear-groups \
            >"$tmp/out" 2>"$tmp/err"
        rc=$?
        expect_clean "read-only directory" "$w" "$ro"
    done
elif [ "$(id -u)" != 0 ]; then
    ls -A "$ro" >"$tmp/before"
    for w in $WRITERS; do
        run_writer "$w" "$ro/out" >"$tmp/out" 2>"$tmp/err"
        rc=$?
        expect_clean "read-only directory" "$w" "$ro"
    done
else
    skip "read-only directory: running as root and setpriv cannot switch to nobody"
fi

# ---- a full disk ---------------------------------------------------------------
full="$tmp/full"
mkdir "$full"
if [ "$(id -u)" = 0 ] && mount -t tmpfs -o size=16k,nr_inodes=64 tmpfs "$full" 2>/dev/null; then
    mnt=$full
    dd if=/dev/zero of="$full/filler" bs=4096 2>/dev/null # until ENOSPC
    ls -A "$full" >"$tmp/before"
    for w in $WRITERS; do
        run_writer "$w" "$full/out" >"$tmp/out" 2>"$tmp/err"
        rc=$?
        expect_clean "full disk" "$w" "$full"
    done
    umount "$full" && mnt=
else
    skip "full disk: cannot mount a tmpfs here (needs root)"
fi

# ---- a full standard output ---------------------------------------------------------
for c in "solve $tmp/inst.json --quiet" "solve $tmp/inst.json --quiet --format csv" \
         "solve $tmp/inst.json --quiet --format text" "generate --tier small" \
         "import mssp $tmp/mssp.dzn" "import csv $tmp/sheets" "report $tmp/inst.json $tmp/sched.json -o -"; do
    # shellcheck disable=SC2086
    "$P" $c >/dev/full 2>"$tmp/err"
    rc=$?
    if [ "$rc" = 2 ] && grep -q "<stdout>: error: cannot write" "$tmp/err"; then
        ok "/dev/full: ${c%% *}: exit 2, '$(head -n 1 "$tmp/err" | cut -c1-70)'"
    else
        bad "/dev/full: $c: exit $rc"; cat "$tmp/err"
    fi
done

echo "$passed passed, $failed failed ($skipped skipped)"
[ "$failed" -eq 0 ]
