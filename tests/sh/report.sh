#!/bin/sh
# report.sh — `placera report` and `placera export` end to end: solve a small
# instance, write the HTML report, the iCalendar files and the CSV files,
# and check that they exist and hold what they should.  Then, when Chromium
# is installed, render the report headless and check that the screenshot is
# a real picture (not blank); without Chromium that part is skipped.
# Usage: sh tests/sh/report.sh PATH_TO_PLACERA   (from the repository root)
PLACERA=${1:-build/placera}
passed=0
failed=0
skipped=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { passed=$((passed + 1)); echo "ok   $1"; }
bad() { failed=$((failed + 1)); echo "FAIL $1"; }
skip() { skipped=$((skipped + 1)); echo "skip $1"; }

cat >"$tmp/inst.json" <<'JSON'
{
  "format": "placera/1",
  "name": "Västerbotten <test> & co",
  "horizon": {"start": "2027-01", "unit": "month", "length": 8},
  "rotations": {"pc": {"name": "Allmänmedicin"}, "ac": {"name": "Akutsjukvård"}},
  "sites": {
    "vc-asele": {"name": "Åsele hälsocentral, glesbygdsmedicinskt centrum för södra Lappland", "area": "Lappland",
                 "capacity": {"pc": 2}},
    "nus": {"name": "Norrlands universitetssjukhus", "area": "Umeå", "capacity": {"ac": 2}}
  },
  "supervisors": {
    "ann": {"site": "vc-asele", "max_trainees": 2},
    "bo": {"site": "nus", "max_trainees": 2}
  },
  "programs": {"BT": {"requirements": {"pc": {"min": 3, "block_min": 2}, "ac": {"min": 3, "block_min": 2}}}},
  "trainees": {
    "t1": {"program": "BT", "home": "vc-asele"},
    "t2": {"program": "BT", "home": "nus", "unavailable": [{"from": "2027-04"}]},
    "t3": {"program": "BT", "home": "nus"}
  }
}
JSON

if "$PLACERA" solve "$tmp/inst.json" -o "$tmp/s.json" --quiet && [ -s "$tmp/s.json" ]; then
    ok "solve"
else
    bad "solve"
    echo "$passed passed, $failed failed, $skipped skipped"
    exit 1
fi

# --- report ----------------------------------------------------------------
if "$PLACERA" report "$tmp/inst.json" "$tmp/s.json" -o "$tmp/r.html" --group area 2>"$tmp/err" &&
   [ -s "$tmp/r.html" ]; then
    ok "report -o r.html"
else
    bad "report: $(cat "$tmp/err")"
fi
for t in t1 t2 t3; do
    if grep -q "<td class=\"who\">$t" "$tmp/r.html"; then ok "report names $t"; else bad "report lacks $t"; fi
done
for s in "Norrlands universitetssjukhus" "Åsele hälsocentral"; do
    if grep -q "$s" "$tmp/r.html"; then ok "report names $s"; else bad "report lacks $s"; fi
done
if grep -q 'Västerbotten &lt;test&gt; &amp; co' "$tmp/r.html" && ! grep -qi '<script' "$tmp/r.html"; then
    ok "report escapes names, has no script"
else
    bad "report escaping / script"
fi
if "$PLACERA" report "$tmp/inst.json" "$tmp/s.json" 2>/dev/null; then
    bad "report without -o accepted"
else
    ok "report without -o is a usage error"
fi
if "$PLACERA" report "$tmp/inst.json" "$tmp/s.json" -o "$tmp/x.html" --group nonsense 2>/dev/null; then
    bad "report --group nonsense accepted"
else
    ok "report --group nonsense rejected"
fi

# --- ics ---------------------------------------------------------------------
if "$PLACERA" export ics "$tmp/inst.json" "$tmp/s.json" -o "$tmp/ics" 2>"$tmp/err"; then
    ok "export ics"
else
    bad "export ics: $(cat "$tmp/err")"
fi
for f in trainee-t1.ics trainee-t2.ics trainee-t3.ics site-vc-asele.ics site-nus.ics; do
    if [ -s "$tmp/ics/$f" ] && head -n 1 "$tmp/ics/$f" | grep -q "^BEGIN:VCALENDAR.$"; then
        ok "ics $f"
    else
        bad "ics $f missing or not a calendar"
    fi
done
if LC_ALL=C awk '{ if (length($0) > 76) bad = 1 } END { exit bad }' "$tmp/ics/site-vc-asele.ics" &&
   grep -q '^ ' "$tmp/ics/site-vc-asele.ics"; then
    ok "ics lines folded at 75 octets"
else
    bad "ics folding"
fi

# --- csv ---------------------------------------------------------------------
if "$PLACERA" export csv "$tmp/inst.json" "$tmp/s.json" -o "$tmp/csv" --semicolon --bom 2>"$tmp/err" &&
   [ -s "$tmp/csv/placements.csv" ] && [ -s "$tmp/csv/grid.csv" ]; then
    ok "export csv"
else
    bad "export csv: $(cat "$tmp/err")"
fi
lines=$(wc -l <"$tmp/csv/grid.csv")
if [ "$lines" -eq 4 ] && grep -q '^t2;' "$tmp/csv/grid.csv"; then
    ok "grid.csv has a header and 3 trainees"
else
    bad "grid.csv has $lines lines"
fi
# One line per trainee-period: the placed periods of the schedule.
placed=$(sed -n 's/.*"from": \([0-9]*\), "to": \([0-9]*\).*/\1 \2/p' "$tmp/s.json" |
         awk '{ n += $2 - $1 + 1 } END { print n + 0 }')
rows=$(($(wc -l <"$tmp/csv/placements.csv") - 1))
if [ "$placed" -gt 0 ] && [ "$rows" -eq "$placed" ]; then
    ok "placements.csv has $rows trainee-periods"
else
    bad "placements.csv has $rows lines, schedule places $placed"
fi

# --- rendering in headless Chromium ----------------------------------------------
browser=
for b in chromium chromium-browser google-chrome; do
    if command -v "$b" >/dev/null 2>&1; then browser=$b; break; fi
done
if [ -z "$browser" ]; then
    skip "render in headless Chromium (not installed)"
else
    profile=$(mktemp -d)
    to=
    command -v timeout >/dev/null 2>&1 && to="timeout 120"
    $to "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$profile" --screenshot="$tmp/r.png" --window-size=1400,1000 \
        "file://$tmp/r.html" >"$tmp/chromium.log" 2>&1
    rm -rf "$profile"
    size=$(wc -c <"$tmp/r.png" 2>/dev/null || echo 0)
    if [ "$size" -gt 8000 ]; then
        ok "screenshot ($size bytes)"
    else
        bad "screenshot missing or tiny ($size bytes): $(tail -n 3 "$tmp/chromium.log")"
    fi
    if ! command -v python3 >/dev/null 2>&1; then
        skip "screenshot colours (no python3)"
    elif python3 - "$tmp/r.png" <<'PY'
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n"
pos, idat = 8, b""
while pos < len(data):
    n, kind = struct.unpack(">I4s", data[pos:pos + 8])
    if kind == b"IDAT":
        idat += data[pos + 8:pos + 8 + n]
    pos += 12 + n
raw = zlib.decompress(idat)
# Many distinct byte values: text, colours and lines, not one flat colour.
sys.exit(0 if len(set(raw)) > 64 else 1)
PY
    then
        ok "screenshot is not a single colour"
    else
        bad "screenshot looks blank"
    fi
fi

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
