#!/bin/sh
# edges.sh — hostile values at the edges of the command line and of the
# inputs (issue 17.5; the years and echoed ids of instances are in bad/):
#
# - numeric options out of range (--memory-limit 1e30, --time-limit 1e300,
#   --gap -1, --max-input-size 0) are refused, exit 2, before any work;
# - a device (/dev/zero) as any input of any command is refused at once,
#   exit 2, without reading it; a file larger than --max-input-size too;
# - 100000 bad rows of a schedule give at most 100 messages of that kind and
#   one line counting the rest;
# - an id of 100000 characters and one with terminal escapes in a schedule
#   are echoed cut at 80 characters and escaped;
# - CSV cells that begin with - (or = + @, tab, CR) get a ' in front, in the
#   export and in solve --format csv.
# Run from the repo root:  sh tests/sh/edges.sh build/placera
PLACERA=${1:-build/placera}
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { passed=$((passed + 1)); echo "ok   $1"; }
bad() { failed=$((failed + 1)); echo "FAIL $1"; }

P=$PLACERA
I=tests/cases/block_min.json
"$P" solve "$I" --quiet -o "$tmp/s.json" || bad "solve the fixture"

# refused NAME PATTERN COMMAND...: exit 2 within 5 s, PATTERN on stderr,
# nothing on stdout
refused() {
    name=$1 pattern=$2
    shift 2
    start=$(date +%s)
    timeout 20 "$@" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    took=$(($(date +%s) - start))
    if [ "$rc" != 2 ]; then
        bad "$name: exit $rc, expected 2"; head -c 600 "$tmp/err"
    elif ! grep -q -- "$pattern" "$tmp/err"; then
        bad "$name: no message '$pattern'"; head -c 600 "$tmp/err"
    elif [ -s "$tmp/out" ] || [ "$took" -gt 5 ]; then
        bad "$name: output written or slow (${took}s)"
    else
        ok "$name: exit 2, '$(head -n 1 "$tmp/err" | cut -c1-100)'"
    fi
}

# ---- numeric options ------------------------------------------------------------
refused "--memory-limit 1e30" "needs megabytes from 1 to" $P solve "$I" --memory-limit 1e30
refused "--memory-limit 0.5" "needs megabytes from 1 to" $P solve "$I" --memory-limit 0.5
refused "--time-limit 1e300" "needs seconds from 0 to" $P solve "$I" --time-limit 1e300
refused "--time-limit nan" "needs seconds from 0 to" $P solve "$I" --time-limit nan
refused "--gap -1" "needs a relative gap" $P solve "$I" --gap -1
refused "whatif --time-limit 1e30" "needs seconds from 0 to" $P whatif "$I" "$I" --time-limit 1e30
refused "--max-input-size 0" "max-input-size needs bytes" $P validate "$I" --max-input-size 0
refused "--max-input-size 2P" "max-input-size needs bytes" $P validate "$I" --max-input-size 2048T
refused "--max-input-size 1x" "max-input-size needs bytes" $P validate --max-input-size 1x "$I"

# ---- devices and sizes --------------------------------------------------------------
Z=/dev/zero
refused "validate /dev/zero" "/dev/zero: error: not a regular file" $P validate $Z
refused "solve /dev/zero" "/dev/zero: error: not a regular file" $P solve $Z
refused "solve --reference /dev/zero" "not a regular file" $P solve "$I" --reference $Z
refused "check INSTANCE /dev/zero" "not a regular file" $P check "$I" $Z
refused "report INSTANCE /dev/zero" "not a regular file" $P report "$I" $Z -o "$tmp/r.html"
refused "export csv /dev/zero" "not a regular file" $P export csv $Z "$tmp/s.json" -o "$tmp/x"
refused "import mssp /dev/zero" "not a regular file" $P import mssp $Z
refused "whatif BASE /dev/zero" "not a regular file" $P whatif "$I" $Z
refused "--max-input-size 100 on a 794-byte file" "more than the input size limit of 100 bytes" \
    $P validate --max-input-size 100 "$I"
"$P" validate --max-input-size 1K "$I" >/dev/null 2>&1 && ok "--max-input-size 1K reads a 794-byte file" \
    || bad "--max-input-size 1K refused a small file"

# ---- many bad rows, a long id, terminal escapes in a schedule ----------------------
if command -v python3 >/dev/null 2>&1; then
    python3 - "$tmp" <<'PY'
import json, sys
d = sys.argv[1]
rows = [{"trainee": "ghost%06d" % i, "site": "s1", "rotation": "a", "from": 0, "to": 0}
        for i in range(100000)]
json.dump({"format": "placera-schedule/1", "status": "feasible", "placements": rows},
          open(d + "/rows.json", "w"))
rows = [{"trainee": "y" * 100000, "site": "s1\u001b[2J\n", "rotation": "a", "from": 0, "to": 0}]
json.dump({"format": "placera-schedule/1", "status": "feasible", "placements": rows},
          open(d + "/long.json", "w"))
PY
    "$P" check "$I" "$tmp/rows.json" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    lines=$(wc -l <"$tmp/err")
    if [ "$rc" = 2 ] && [ "$lines" -le 102 ] &&
        grep -q "note: 99900 more errors like the ones above" "$tmp/err"; then
        ok "100000 bad schedule rows: $lines lines, '$(grep note: "$tmp/err" | cut -c1-90)'"
    else
        bad "100000 bad schedule rows: exit $rc, $lines lines"; tail -n 2 "$tmp/err"
    fi
    "$P" check "$I" "$tmp/long.json" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    longest=$(awk '{ if (length($0) > m) m = length($0) } END { print m }' "$tmp/err")
    if [ "$rc" = 2 ] && [ "$longest" -lt 400 ] && grep -q '(100000 characters)' "$tmp/err" &&
        grep -q 's1\\x1b\[2J\\n' "$tmp/err" && ! grep -q "$(printf '\033')" "$tmp/err"; then
        ok "an id of 100000 characters and escapes in a schedule: lines up to $longest characters, escaped"
    else
        bad "long id in a schedule: exit $rc, longest line $longest"; head -c 400 "$tmp/err"
    fi
else
    echo "skip: python3 missing, schedule rows not written"
fi

# ---- CSV cells that a spreadsheet would take for formulas -----------------------------
sed -e 's/"t1"/"-t1"/' -e 's/"s1"/"-s1"/g' -e 's/"v1"/"@v1"/' "$I" >"$tmp/minus.json"
sed -i 's/"@v1"/"-v1"/' "$tmp/minus.json"
"$P" solve "$tmp/minus.json" --quiet -o "$tmp/minus.sched.json" || bad "solve with ids starting with -"
"$P" export csv "$tmp/minus.json" "$tmp/minus.sched.json" -o "$tmp/csv" 2>/dev/null
if grep -q "^'-t1,'-s1,a,0,2027-01-01,2027-01-31,'-v1" "$tmp/csv/placements.csv" &&
    grep -q "^'-t1,'-t1,'-s1/a," "$tmp/csv/grid.csv" && ! grep -q '^-\|,-' "$tmp/csv/placements.csv"; then
    ok "export csv: cells beginning with - get a ' ($(sed -n 2p "$tmp/csv/placements.csv" | tr -d '\r'))"
else
    bad "export csv: formula-like cells not neutralised"; head -n 3 "$tmp/csv/placements.csv" "$tmp/csv/grid.csv"
fi
"$P" solve "$tmp/minus.json" --quiet --format csv >"$tmp/minus.csv"
if grep -q "^'-t1,'-s1,a,0,2,2027-01-01,2027-03-31,'-v1" "$tmp/minus.csv"; then
    ok "solve --format csv: cells beginning with - get a '"
else
    bad "solve --format csv: formula-like cells not neutralised"; cat "$tmp/minus.csv"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
