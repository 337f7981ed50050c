#!/bin/sh
# csv.sh — `placera export csv INSTANCE -o DIR` and `placera import csv DIR`
# end to end (docs/spreadsheets.md): the Norrbotten example goes out as
# spreadsheets and back, solves to the same optimum as the original (3112,
# worked out in docs/examples.md; 2000 for tests/cases/unmet.json, by hand
# in its $comment), each schedule passing `placera check`; ';' and ','
# files, a byte order mark and Windows-1252 import; a bad cell is reported
# as FILE:LINE:COLUMN with exit 2 and no output; nothing is overwritten;
# instances/norrbotten-csv is what the export writes today.
# Usage: sh tests/sh/csv.sh PATH_TO_PLACERA   (from the repository root)
PLACERA=${1:-build/placera}
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { passed=$((passed + 1)); echo "ok   $1"; }
bad() { failed=$((failed + 1)); echo "FAIL $1"; }

cost_of() {
    sed -n 's/.*"cost": *\(-\{0,1\}[0-9][0-9.eE+-]*\).*/\1/p' "$1" | head -n 1
}

same_number() { [ -n "$1" ] && awk -v a="$1" -v b="$2" 'BEGIN { exit !(a + 0 == b + 0) }'; }

# solve_checked INSTANCE NAME: solve, check, print the cost (empty on failure)
solve_checked() {
    if "$PLACERA" solve "$1" --quiet -o "$tmp/$2.sched.json" 2>/dev/null &&
        "$PLACERA" check "$1" "$tmp/$2.sched.json" >/dev/null 2>&1; then
        cost_of "$tmp/$2.sched.json"
    fi
}

# --- the example, out and back, solves to the same optimum ---------------
N=instances/norrbotten-bt.json
if "$PLACERA" export csv "$N" -o "$tmp/nb" 2>"$tmp/err" && [ -f "$tmp/nb/trainees.csv" ]; then
    ok "export csv norrbotten"
else
    bad "export csv norrbotten"; cat "$tmp/err"
fi
if "$PLACERA" import csv "$tmp/nb" -o "$tmp/nb.json" 2>"$tmp/err" && [ -s "$tmp/nb.json" ]; then
    ok "import csv norrbotten"
else
    bad "import csv norrbotten"; cat "$tmp/err"
fi
c1=$(solve_checked "$N" orig)
c2=$(solve_checked "$tmp/nb.json" back)
if same_number "$c1" 3112 && same_number "$c2" 3112; then
    ok "original and round trip both solve to 3112, checked"
else
    bad "costs after the round trip: original '$c1', round trip '$c2', expected 3112"
fi

U=tests/cases/unmet.json
"$PLACERA" export csv "$U" -o "$tmp/unmet" 2>/dev/null &&
    "$PLACERA" import csv "$tmp/unmet" -o "$tmp/unmet.json" 2>/dev/null
c3=$(solve_checked "$tmp/unmet.json" unmet)
if same_number "$c3" 2000; then
    ok "unmet.json round trip solves to 2000, checked"
else
    bad "unmet.json round trip cost '$c3', expected 2000"
fi

# --- the template is what the export writes -------------------------------
"$PLACERA" export csv "$N" -o "$tmp/template" --semicolon --bom 2>/dev/null
if diff -r "$tmp/template" instances/norrbotten-csv >/dev/null; then
    ok "instances/norrbotten-csv is up to date"
else
    bad "instances/norrbotten-csv differs from a fresh export (--semicolon --bom)"
fi
if "$PLACERA" import csv instances/norrbotten-csv -o "$tmp/tpl.json" 2>/dev/null &&
    same_number "$(solve_checked "$tmp/tpl.json" tpl)" 3112; then
    ok "the template imports and solves to 3112"
else
    bad "the template does not import or solve to 3112"
fi
if head -c 3 instances/norrbotten-csv/sites.csv | od -An -tx1 | grep -q 'ef bb bf' &&
    head -n 1 instances/norrbotten-csv/sites.csv | grep -q 'id;name;area'; then
    ok "template: BOM and ';'"
else
    bad "template: expected a BOM and ';' separators"
fi

# --- encodings and separators ---------------------------------------------
cp -r "$tmp/nb" "$tmp/enc"
if command -v iconv >/dev/null; then
    iconv -f UTF-8 -t WINDOWS-1252 "$tmp/nb/sites.csv" >"$tmp/enc/sites.csv"
    printf '\357\273\277' >"$tmp/enc/trainees.csv"
    cat "$tmp/nb/trainees.csv" >>"$tmp/enc/trainees.csv"
    sed 's/,/;/g' "$tmp/nb/leave.csv" >"$tmp/enc/leave.csv"
    if "$PLACERA" import csv "$tmp/enc" -o "$tmp/enc.json" 2>"$tmp/err" &&
        cmp -s "$tmp/enc.json" "$tmp/nb.json"; then
        ok "Windows-1252, BOM and ';' files give the same instance"
    else
        bad "Windows-1252, BOM and ';' files"; cat "$tmp/err"
    fi
    if grep -q 'sites.csv: note: not UTF-8: read as Windows-1252' "$tmp/err"; then
        ok "the conversion is noted on stderr"
    else
        bad "no note about Windows-1252"; cat "$tmp/err"
    fi
    if grep -q 'Hedens hälsocentral' "$tmp/enc.json"; then
        ok "converted names read right"
    else
        bad "converted names"
    fi
else
    ok "iconv not installed: encodings tested in test_csv only"
fi

# --- a bad cell: FILE:LINE:COLUMN, exit 2, nothing written ----------------
cp -r "$tmp/nb" "$tmp/bad"
# saga's start (line 4, column 4) is not a date; elias' mentor (line 3, column 11) not a boolean
awk -F, 'BEGIN{OFS=","} NR==4{$4="2027-13"} NR==3{$11="maybe"} {print}' \
    "$tmp/nb/trainees.csv" >"$tmp/bad/trainees.csv"
"$PLACERA" import csv "$tmp/bad" -o "$tmp/bad.json" 2>"$tmp/err"
rc=$?
if [ "$rc" = 2 ] && [ ! -e "$tmp/bad.json" ]; then
    ok "bad cells: exit 2, no instance written"
else
    bad "bad cells: exit $rc, expected 2 and no file"
fi
if grep -q "bad/trainees.csv:4:4: error: .*2027-13" "$tmp/err" &&
    grep -q "bad/trainees.csv:3:11: error: mentor: \"maybe\" is not true or false" "$tmp/err"; then
    ok "both bad cells reported as FILE:LINE:COLUMN"
else
    bad "bad cell messages"; cat "$tmp/err"
fi

# --- nothing is overwritten ------------------------------------------------
mkdir "$tmp/full" && echo mine >"$tmp/full/notes.txt"
"$PLACERA" export csv "$N" -o "$tmp/full" 2>"$tmp/err"
rc=$?
if [ "$rc" = 2 ] && [ "$(ls "$tmp/full")" = notes.txt ] && grep -q 'not empty' "$tmp/err" &&
    [ -z "$(ls -d "$tmp"/full.tmp-* 2>/dev/null)" ]; then
    ok "export into a folder with files: exit 2, folder untouched"
else
    bad "export into a non-empty folder: exit $rc"; ls "$tmp/full"; cat "$tmp/err"
fi
cp "$tmp/nb/sites.csv" "$tmp/sites.before"
"$PLACERA" import csv "$tmp/nb" -o "$tmp/nb/sites.csv" 2>"$tmp/err"
rc=$?
if [ "$rc" = 2 ] && cmp -s "$tmp/nb/sites.csv" "$tmp/sites.before"; then
    ok "import onto one of its own CSV files is refused"
else
    bad "import -o onto an input: exit $rc"
fi
if "$PLACERA" export csv "$N" 2>/dev/null; then
    bad "export csv INSTANCE without -o should be a usage error"
else
    ok "export csv INSTANCE needs -o"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
