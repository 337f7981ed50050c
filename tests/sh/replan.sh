#!/bin/sh
# replan.sh — re-planning during the year (format.md 6) from the command line.
#
# A tiny instance written here: two trainees at Heden, where Anna (two
# trainees) leaves in April ("end": "2027-03") and Bertil (one) stays.
#   - solve --reference --keep-until 2027-04: January-March exactly as in
#     the published plan (places and supervisors), cost 3 worked out by hand,
#     `check --reference --keep-until` passes it and refuses an edited past;
#     a kept past that the new instance forbids is said in planners' words;
#   - whatif --schedule --keep-until: the given schedule is the base (never
#     solved again, its cost recomputed), the scenario's reading is printed,
#     the kept scenario schedule passes check;
#   - supervisors' start/end are validated and checked.
# Run from the repo root:  sh tests/sh/replan.sh build/placera
PLACERA=${1:-build/placera}
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { passed=$((passed + 1)); }
fail() { echo "FAIL: $1"; failed=$((failed + 1)); }

cat >"$tmp/base.json" <<'J'
{"format": "placera/1", "name": "heden 2027",
 "horizon": {"start": "2027-01", "unit": "month", "length": 6},
 "rotations": {"pc": {}},
 "sites": {"heden": {"capacity": {"pc": 2}}, "kalix": {"capacity": {"pc": 1}}},
 "supervisors": {"anna": {"site": "heden", "max_trainees": 2},
                 "bertil": {"site": "heden"}, "cecilia": {"site": "kalix"}},
 "programs": {"BT": {"requirements": {"pc": {"min": 6}}}},
 "trainees": {"t1": {"program": "BT", "preferences": {"sites": {"heden": 3}}},
              "t2": {"program": "BT", "preferences": {"sites": {"heden": 2, "kalix": 1}}}}}
J
sed 's/"anna": {"site": "heden", "max_trainees": 2}/"anna": {"site": "heden", "max_trainees": 2, "end": "2027-03"}/' \
    "$tmp/base.json" >"$tmp/april.json"
grep -q '"end": "2027-03"' "$tmp/april.json" || fail "test setup: sed did not patch"

# --- 1. solve --reference --keep-until -----------------------------------
"$PLACERA" solve "$tmp/base.json" -o "$tmp/published.json" --quiet || fail "base solve"
grep -q '"trainee": "t1", "site": "heden", "rotation": "pc", "from": 0, "to": 5' "$tmp/published.json" \
    && grep -q '"trainee": "t2", "site": "heden", "rotation": "pc", "from": 0, "to": 5' "$tmp/published.json" \
    && ok || { fail "published plan: both at heden all year expected"; cat "$tmp/published.json"; }

"$PLACERA" solve "$tmp/april.json" --reference "$tmp/published.json" --keep-until 2027-04 \
    -o "$tmp/replan.json" --quiet 2>"$tmp/err"
rc=$?
[ "$rc" -eq 0 ] && ok || { fail "keep-until solve: exit $rc"; cat "$tmp/err"; }
# By hand: from April Heden has Bertil alone (one trainee); t2 loses 1 a
# month at Kalix, t1 would lose 3, so t2 moves for April-June:
# preference -(6*3 + 3*2 + 3*1) = -27, change 3*10 = 30, cost 3.
grep -q '"cost": 3.0,' "$tmp/replan.json" && grep -q '"change": 30.0' "$tmp/replan.json" \
    && ok || { fail "keep-until cost 3 (change 30) expected"; cat "$tmp/replan.json"; }
# January-March as published, supervisor included
rows() { jq -c '[.placements[] | select(.from < 3) | {trainee, site, rotation, from, to: ([.to, 2] | min), supervisor}]' "$1"; }
[ "$(rows "$tmp/replan.json")" = "$(rows "$tmp/published.json")" ] && ok \
    || { fail "Jan-Mar differ from the published plan"; rows "$tmp/replan.json"; rows "$tmp/published.json"; }
grep -q '"trainee": "t2", "site": "kalix", "rotation": "pc", "from": 3, "to": 5' "$tmp/replan.json" \
    && ok || fail "t2 to kalix from April expected"

"$PLACERA" check "$tmp/april.json" "$tmp/replan.json" --reference "$tmp/published.json" \
    --keep-until 2027-04 >"$tmp/out" 2>&1 && grep -q 'cost 3 ' "$tmp/out" && ok \
    || { fail "check --keep-until of the re-plan"; cat "$tmp/out"; }
# the same past, kept until period 3 given as a number
"$PLACERA" check "$tmp/april.json" "$tmp/replan.json" --reference "$tmp/published.json" \
    --keep-until 3 >/dev/null 2>&1 && ok || fail "check --keep-until 3"

# an edited past: t1 to kalix in February (kalix is free then)
cat >"$tmp/edited.json" <<'J'
{"format": "placera-schedule/1", "status": "feasible", "placements": [
 {"trainee": "t1", "site": "heden", "rotation": "pc", "from": 0, "to": 0},
 {"trainee": "t1", "site": "kalix", "rotation": "pc", "from": 1, "to": 1},
 {"trainee": "t1", "site": "heden", "rotation": "pc", "from": 2, "to": 5},
 {"trainee": "t2", "site": "heden", "rotation": "pc", "from": 0, "to": 2},
 {"trainee": "t2", "site": "kalix", "rotation": "pc", "from": 3, "to": 5}]}
J
"$PLACERA" check "$tmp/april.json" "$tmp/edited.json" --reference "$tmp/published.json" \
    --keep-until 2027-04 >"$tmp/out" 2>&1
rc=$?
[ "$rc" -eq 1 ] && grep -q "t1 has kalix (pc) in period 1 (2027-02), but the past is kept from the reference" "$tmp/out" \
    && ok || { fail "check must refuse a changed past (exit $rc)"; cat "$tmp/out"; }

# a kept past the new instance forbids: kalix closed in February, where
# the reference has t2
sed 's/"kalix": {"capacity": {"pc": 1}}/"kalix": {"capacity": {"pc": [1, 0, 1, 1, 1, 1]}}/' \
    "$tmp/april.json" >"$tmp/closed.json"
sed 's/"trainee": "t2", "site": "heden", "rotation": "pc", "from": 0, "to": 5, "start_date": "[^"]*", "end_date": "[^"]*", "supervisor": "anna"/"trainee": "t2", "site": "kalix", "rotation": "pc", "from": 0, "to": 5/' \
    "$tmp/published.json" >"$tmp/kalix-ref.json"
grep -q '"site": "kalix"' "$tmp/kalix-ref.json" || fail "test setup: kalix reference"
"$PLACERA" solve "$tmp/closed.json" --reference "$tmp/kalix-ref.json" --keep-until 2027-04 \
    --quiet >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 1 ] && grep -q "kept past: t2 is at kalix (pc) in period 1 (2027-02-01) in the reference, which this instance does not allow: the site has no capacity" "$tmp/err" \
    && ok || { fail "kept past that breaks capacity: exit $rc"; cat "$tmp/err"; }
# without keeping the past the same re-plan exists
"$PLACERA" solve "$tmp/closed.json" --reference "$tmp/kalix-ref.json" --quiet >/dev/null 2>&1 \
    && ok || fail "re-plan without --keep-until should exist"

# --- 2. whatif --schedule [--keep-until] ---------------------------------
cat >"$tmp/anna-april.json" <<'J'
{"name": "Anna leaves in April", "supervisors": {"anna": {"end": "2027-03"}}}
J
# a published plan that is not the optimum (t2 at Kalix in January), so a
# base solved again would show -30 instead of its own -29
cat >"$tmp/hand.json" <<'J'
{"format": "placera-schedule/1", "status": "feasible", "cost": 1234, "placements": [
 {"trainee": "t1", "site": "heden", "rotation": "pc", "from": 0, "to": 5, "supervisor": "anna"},
 {"trainee": "t2", "site": "kalix", "rotation": "pc", "from": 0, "to": 0, "supervisor": "cecilia"},
 {"trainee": "t2", "site": "heden", "rotation": "pc", "from": 1, "to": 5, "supervisor": "anna"}]}
J
"$PLACERA" whatif "$tmp/base.json" "$tmp/anna-april.json" --schedule "$tmp/hand.json" \
    --keep-until 2027-04 --keep "$tmp/kept" --json "$tmp/wi.json" >"$tmp/table" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 0 ] && ok || { fail "whatif --schedule: exit $rc"; cat "$tmp/err"; }
grep -q "not solved again" "$tmp/err" && ! grep -q "solving the base" "$tmp/err" && ok \
    || { fail "whatif --schedule solved the base"; cat "$tmp/err"; }
grep -q '^anna-april ("Anna leaves in April"):$' "$tmp/table" \
    && grep -q '^  supervisor anna leaves: not there from 2027-04 on (end 2027-03)$' "$tmp/table" \
    && ok || { fail "whatif reading of the scenario"; cat "$tmp/table"; }
# base column: the given schedule's own cost recomputed (-29: preference
# 18 + 1 + 10), not its stated 1234 and not the optimum -30.  The scenario
# keeps January-March (t2 stays at Kalix in January) and, from April, t2
# goes to Kalix: preference -(18 + 1 + 2*2 + 3*1) = -26, change 3*10 = 30.
grep -q '^cost  *-29  *4$' "$tmp/table" && ok || { fail "whatif costs -29 / 4 expected"; cat "$tmp/table"; }
"$PLACERA" check "$tmp/april.json" "$tmp/kept/anna-april.json" --reference "$tmp/kept/base.json" \
    --keep-until 2027-04 >"$tmp/out" 2>&1 && ok || { fail "check of the kept scenario schedule"; cat "$tmp/out"; }
[ "$(rows "$tmp/kept/anna-april.json")" = "$(rows "$tmp/hand.json")" ] && ok \
    || { fail "whatif --keep-until moved January-March"; rows "$tmp/kept/anna-april.json"; }
"$PLACERA" whatif "$tmp/base.json" "$tmp/anna-april.json" --keep-until 3 >/dev/null 2>&1
[ $? -eq 2 ] && ok || fail "whatif --keep-until without --schedule: exit 2 expected"
# a published schedule that breaks a hard rule of the base: exit 1, said
sed 's/"from": 0, "to": 0, "supervisor": "cecilia"/"from": 0, "to": 0, "supervisor": "anna"/' \
    "$tmp/hand.json" >"$tmp/hand-bad.json"
"$PLACERA" whatif "$tmp/base.json" "$tmp/anna-april.json" --schedule "$tmp/hand-bad.json" \
    >/dev/null 2>"$tmp/err"
[ $? -eq 1 ] && grep -q "breaks 1 hard rule of the base" "$tmp/err" && ok \
    || { fail "whatif with a broken published schedule"; cat "$tmp/err"; }

# supervisors' start and end (format.md 2.4): validated with their path,
# and a schedule naming Anna after she left fails check, saying so
sed 's/"end": "2027-03"/"start": "2027-05", "end": "2027-03"/' "$tmp/april.json" >"$tmp/badsup.json"
"$PLACERA" validate "$tmp/badsup.json" >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] && grep -q '/supervisors/anna/end: error: end (period 2) is before start (period 4)' "$tmp/err" \
    && ok || { fail "supervisor end before start"; cat "$tmp/err"; }
sed 's/"end": "2027-03"/"end": "march"/' "$tmp/april.json" >"$tmp/badsup.json"
"$PLACERA" validate "$tmp/badsup.json" >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] && grep -q '/supervisors/anna/end: error:' "$tmp/err" && ok || { fail "supervisor end not a time"; cat "$tmp/err"; }
"$PLACERA" check "$tmp/april.json" "$tmp/published.json" >"$tmp/out" 2>&1
[ $? -eq 1 ] && grep -q 'supervised by anna, who has left by then (end)' "$tmp/out" \
    && ok || { fail "check: anna after her end"; cat "$tmp/out"; }

# usage
"$PLACERA" solve "$tmp/april.json" --keep-until 3 >/dev/null 2>&1
[ $? -eq 2 ] && ok || fail "--keep-until without --reference: exit 2 expected"
"$PLACERA" solve "$tmp/april.json" --reference "$tmp/published.json" --keep-until April >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] && grep -q "keep-until needs a period" "$tmp/err" && ok || fail "bad --keep-until: exit 2 expected"
"$PLACERA" check "$tmp/april.json" "$tmp/replan.json" --keep-until 3 >/dev/null 2>&1
[ $? -eq 2 ] && ok || fail "check --keep-until without --reference: exit 2 expected"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
