#!/bin/sh
# names.sh — people's names (format.md 2.4, 2.6, 3.9 point 26) and capped
# minimums (3.9 point 25) from the command line.  A trainee and a supervisor
# with `name`s holding å, ä, ö, emoji, ';', ',' and '"': the text output of
# solve, the CSV export, the HTML report and the calendars show the names
# (calendars RFC 5545 escaped, folded at 75 octets without splitting a
# UTF-8 character); the JSON schedule keeps the ids.  Then a min above max:
# valid, solved, checked, cost worked out by hand.
# Usage: sh tests/sh/names.sh PATH_TO_PLACERA   (from the repository root)
PLACERA=${1:-build/placera}
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { passed=$((passed + 1)); echo "ok   $1"; }
bad() { failed=$((failed + 1)); echo "FAIL $1"; }
# has FILE TEXT: FILE contains the fixed string TEXT
has() { grep -qF -- "$2" "$1"; }
expect() { if has "$1" "$2"; then ok "$3"; else bad "$3: no \"$2\" in $1"; fi; }

ASA='Åsa Öberg 🩺 läkare under utbildning i Kiruna och Luleå 🌲🌲'
CECILIA='Cecilia Ångström; överläkare, "Cissi"'
cat >"$tmp/inst.json" <<JSON
{
  "format": "placera/1",
  "name": "Names",
  "horizon": {"start": "2027-01", "unit": "month", "length": 6},
  "rotations": {"pc": {"name": "Allmänmedicin"}, "ac": {"name": "Akutsjukvård"}},
  "sites": {
    "hc-kiruna": {"name": "Kiruna hälsocentral", "area": "Kiruna", "capacity": {"pc": 2}},
    "sus": {"name": "Sunderby sjukhus", "area": "Luleå", "capacity": {"ac": 2}}
  },
  "supervisors": {
    "cecilia": {"site": "hc-kiruna", "name": "Cecilia Ångström; överläkare, \"Cissi\"", "max_trainees": 2},
    "bo": {"site": "sus", "max_trainees": 2}
  },
  "programs": {"BT": {"requirements": {"pc": {"min": 3, "block_min": 3}, "ac": {"min": 3, "block_min": 3}}}},
  "trainees": {
    "asa": {"program": "BT", "home": "hc-kiruna", "name": "$ASA"},
    "t2": {"program": "BT", "home": "sus"}
  }
}
JSON

if "$PLACERA" validate "$tmp/inst.json" >/dev/null 2>"$tmp/err" && [ ! -s "$tmp/err" ]; then
    ok "validate accepts name on trainees and supervisors"
else
    bad "validate: $(cat "$tmp/err")"
fi
"$PLACERA" solve "$tmp/inst.json" -o "$tmp/s.json" --quiet || bad "solve"
"$PLACERA" solve "$tmp/inst.json" --format text --quiet >"$tmp/s.txt" || bad "solve --format text"
expect "$tmp/s.txt" "$ASA  Kiruna hälsocentral" "text: the trainee's name"
expect "$tmp/s.txt" "$CECILIA" "text: the supervisor's name"
expect "$tmp/s.txt" "t2 " "text: the id where no name"
if has "$tmp/s.json" '"trainee": "asa"' && has "$tmp/s.json" '"supervisor": "cecilia"' &&
   ! has "$tmp/s.json" "Åsa" && ! has "$tmp/s.json" "Cissi"; then
    ok "JSON keeps the ids"
else
    bad "JSON keeps the ids"
fi
if "$PLACERA" check "$tmp/inst.json" "$tmp/s.json" >/dev/null 2>&1; then ok "check"; else bad "check"; fi

# CSV: ids in their columns, names in trainee_name / supervisor_name / name
"$PLACERA" export csv "$tmp/inst.json" "$tmp/s.json" -o "$tmp/csv" 2>/dev/null || bad "export csv"
expect "$tmp/csv/placements.csv" "trainee,site,rotation,period,start_date,end_date,supervisor,trainee_name,supervisor_name" \
    "placements.csv header"
expect "$tmp/csv/placements.csv" "asa,hc-kiruna,pc,0,2027-01-01,2027-01-31,cecilia,$ASA,\"Cecilia Ångström; överläkare, \"\"Cissi\"\"\"" \
    "placements.csv: names, RFC 4180 quoted"
if grep -qE '^t2,sus,ac,[0-9]+,[0-9-]+,[0-9-]+,bo,t2,bo.?$' "$tmp/csv/placements.csv"; then
    ok "placements.csv: ids where no name"
else
    bad "placements.csv: ids where no name"
fi
expect "$tmp/csv/grid.csv" "asa,$ASA,hc-kiruna/pc" "grid.csv: the name beside the id"
"$PLACERA" solve "$tmp/inst.json" --format csv --quiet -o "$tmp/s.csv" 2>/dev/null || bad "solve --format csv"
expect "$tmp/s.csv" ",cecilia,$ASA,\"Cecilia Ångström; överläkare, \"\"Cissi\"\"\"" \
    "solve --format csv: the names after the ids"

# HTML
"$PLACERA" report "$tmp/inst.json" "$tmp/s.json" -o "$tmp/r.html" 2>/dev/null || bad "report"
expect "$tmp/r.html" "<td class=\"who\">$ASA <small class=\"id\">asa</small>" "HTML: the trainee's name"
expect "$tmp/r.html" "Cecilia Ångström; överläkare, &quot;Cissi&quot;" "HTML: the supervisor's name, escaped"

# ICS: escaped, folded at 75 octets, no UTF-8 character split
"$PLACERA" export ics "$tmp/inst.json" "$tmp/s.json" -o "$tmp/ics" 2>/dev/null || bad "export ics"
f="$tmp/ics/site-hc-kiruna.ics"
if LC_ALL=C awk '{ sub(/\r$/, ""); if (length($0) > 75) bad = 1 } END { exit bad }' "$f"; then
    ok "ICS: no line over 75 octets"
else
    bad "ICS: a line over 75 octets"
fi
# a continuation line never starts with a UTF-8 continuation byte (10xxxxxx)
if LC_ALL=C grep -q "$(printf '^ [\200-\277]')" "$f"; then
    bad "ICS: a fold splits a UTF-8 character"
else
    ok "ICS: folds keep UTF-8 characters whole"
fi
# unfold (RFC 5545 3.1: CRLF followed by one space is removed)
LC_ALL=C awk 'BEGIN { ORS = "" } { sub(/\r$/, "") } /^ / { print substr($0, 2); next }
              NR > 1 { print "\n" } { print }' "$f" >"$tmp/unfolded"
expect "$tmp/unfolded" "SUMMARY:$ASA: Allmänmedicin" "ICS: the trainee's name in SUMMARY"
expect "$tmp/unfolded" 'Supervisor: Cecilia Ångström\; överläkare\, "Cissi"' \
    "ICS: the supervisor's name, TEXT escaped"
if grep -q '^ ' "$f"; then ok "ICS: long names folded"; else bad "ICS: nothing folded"; fi
expect "$tmp/ics/trainee-asa.ics" "X-WR-CALNAME:Åsa Öberg" "ICS: the calendar named for the trainee"

# format.md 3.9 point 25: a min above max is capped at the max
C=tests/cases/understaffed_capped.json
if "$PLACERA" validate "$C" >/dev/null 2>"$tmp/err" &&
   has "$tmp/err" "warning: min is above max in period 1 (min 2, max 1 in period 1)"; then
    ok "point 25: valid, warned where min > max > 0"
else
    bad "point 25: validate: $(cat "$tmp/err")"
fi
if has "$tmp/err" "period 2"; then bad "point 25: warned about the closed period"; else ok "point 25: no warning where max is 0"; fi
"$PLACERA" solve "$C" -o "$tmp/c.json" --quiet 2>/dev/null
# by hand: periods 0,1,3 placed, 2 closed (unassigned 100); wanted 2,1,0,2 -> 1+0+0+1 missing x 10
if has "$tmp/c.json" '"cost": 120.0' && has "$tmp/c.json" '"understaffed": 20.0' &&
   "$PLACERA" check "$C" "$tmp/c.json" >/dev/null 2>&1; then
    ok "point 25: solve + check, cost 120 (unassigned 100 + understaffed 2 x 10)"
else
    bad "point 25: solve + check"; cat "$tmp/c.json"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
