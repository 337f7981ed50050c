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
#   - the whatif table and --json label columns with the scenario's name,
#     list who moves, measure utilisation against the base's capacity, and
#     --html draws the timelines side by side with the moves marked;
#   - patch writes the patched instance (scenarios in order) and its reading;
#   - rescore recomputes a hand-edited schedule (costs worked out by hand),
#     refuses one that breaks a hard rule, and report/export show the
#     recomputed figures, not the stated ones;
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
# the decomposition keeps the past as well
"$PLACERA" solve "$tmp/april.json" --reference "$tmp/published.json" --keep-until 2027-04 \
    --method decomposition -o "$tmp/replan-d.json" --quiet 2>/dev/null \
    && grep -q '"cost": 3.0,' "$tmp/replan-d.json" \
    && "$PLACERA" check "$tmp/april.json" "$tmp/replan-d.json" --reference "$tmp/published.json" \
        --keep-until 2027-04 >/dev/null 2>&1 && ok || fail "decomposition with --keep-until"
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
# Anna gone from February already (a late report): the kept February and
# March have two trainees at Heden and only Bertil to supervise them
sed 's/"end": "2027-03"/"end": "2027-01"/' "$tmp/april.json" >"$tmp/feb.json"
"$PLACERA" solve "$tmp/feb.json" --reference "$tmp/published.json" --keep-until 2027-04 \
    --quiet >/dev/null 2>"$tmp/err"
[ $? -eq 1 ] && grep -q "kept past: in period 1 (2027-02-01) the reference has 2 trainees at heden, but the supervisors there then can take only 1 of them" "$tmp/err" \
    && ok || { fail "kept past beyond supervision"; cat "$tmp/err"; }
# the same through whatif: the scenario has no schedule and says why
cat >"$tmp/anna-feb.json" <<'J'
{"name": "Anna gone in February", "supervisors": {"anna": {"end": "2027-01"}}}
J
"$PLACERA" whatif "$tmp/base.json" "$tmp/anna-feb.json" --schedule "$tmp/published.json" \
    --keep-until 2027-04 --quiet >"$tmp/out" 2>"$tmp/err"
[ $? -eq 1 ] && grep -q "^$tmp/anna-feb.json: no schedule: kept past: in period 1 (2027-02-01)" "$tmp/err" \
    && grep -q '^status  *given  *infeasible$' "$tmp/out" && ok \
    || { fail "whatif with a kept past the scenario forbids"; cat "$tmp/err" "$tmp/out"; }
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
"$PLACERA" check "$tmp/april.json" "$tmp/kept/anna-april.schedule.json" --reference "$tmp/kept/base.schedule.json" \
    --keep-until 2027-04 >"$tmp/out" 2>&1 && ok || { fail "check of the kept scenario schedule"; cat "$tmp/out"; }
[ "$(rows "$tmp/kept/anna-april.schedule.json")" = "$(rows "$tmp/hand.json")" ] && ok \
    || { fail "whatif --keep-until moved January-March"; rows "$tmp/kept/anna-april.schedule.json"; }
"$PLACERA" whatif "$tmp/base.json" "$tmp/anna-april.json" --keep-until 3 >/dev/null 2>&1
[ $? -eq 2 ] && ok || fail "whatif --keep-until without --schedule: exit 2 expected"
# a published schedule that breaks a hard rule of the base: exit 1, said
sed 's/"from": 0, "to": 0, "supervisor": "cecilia"/"from": 0, "to": 0, "supervisor": "anna"/' \
    "$tmp/hand.json" >"$tmp/hand-bad.json"
"$PLACERA" whatif "$tmp/base.json" "$tmp/anna-april.json" --schedule "$tmp/hand-bad.json" \
    >/dev/null 2>"$tmp/err"
[ $? -eq 1 ] && grep -q "breaks 1 hard rule of the base" "$tmp/err" && ok \
    || { fail "whatif with a broken published schedule"; cat "$tmp/err"; }

# --- 3. patch ---------------------------------------------------------------
"$PLACERA" patch "$tmp/base.json" "$tmp/anna-april.json" -o "$tmp/patched.json" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 0 ] && jq -e '.supervisors.anna.end == "2027-03" and .name == "Anna leaves in April"
    and .supervisors.anna.max_trainees == 2' "$tmp/patched.json" >/dev/null && ok \
    || { fail "patch: exit $rc or wrong document"; cat "$tmp/err" "$tmp/patched.json"; }
grep -q '^  supervisor anna leaves: not there from 2027-04 on (end 2027-03)$' "$tmp/err" && ok \
    || { fail "patch: reading on stderr"; cat "$tmp/err"; }
"$PLACERA" validate "$tmp/patched.json" >/dev/null 2>&1 && ok || fail "patched instance is not valid"
# the kept scenario schedule of whatif checks against the written instance
"$PLACERA" check "$tmp/patched.json" "$tmp/kept/anna-april.schedule.json" --reference "$tmp/kept/base.schedule.json" \
    --keep-until 2027-04 >/dev/null 2>&1 && ok || fail "check against the patched instance"
# scenarios apply in order; `{"from": "2027-07"}` without `to` is July only
cat >"$tmp/bertil-july.json" <<'J'
{"supervisors": {"bertil": {"unavailable": [{"from": "2027-05"}]}}}
J
"$PLACERA" patch "$tmp/base.json" "$tmp/anna-april.json" "$tmp/bertil-july.json" >"$tmp/p2.json" 2>"$tmp/err"
[ $? -eq 0 ] && jq -e '.supervisors.anna.end == "2027-03" and .supervisors.bertil.unavailable[0].from == "2027-05"' \
    "$tmp/p2.json" >/dev/null && grep -q '^  supervisor bertil away 2027-05$' "$tmp/err" && ok \
    || { fail "patch with two scenarios"; cat "$tmp/err"; }
# a bad scenario: exit 2, file and path, nothing written
cat >"$tmp/bad.json" <<'J'
{"supervisors": {"anna": {"end": "soon"}}}
J
"$PLACERA" patch "$tmp/base.json" "$tmp/bad.json" -o "$tmp/none.json" 2>"$tmp/err"
[ $? -eq 2 ] && grep -q "^$tmp/bad.json: /supervisors/anna/end: error:" "$tmp/err" && [ ! -e "$tmp/none.json" ] \
    && ok || { fail "patch of a bad scenario"; cat "$tmp/err"; }

# --- 4. rescore, and report / export recompute --------------------------------
"$PLACERA" rescore "$tmp/base.json" "$tmp/hand.json" -o "$tmp/rescored.json" 2>"$tmp/err"
[ $? -eq 0 ] && grep -q '"cost": -29.0,' "$tmp/rescored.json" && grep -q 'the file stated 1234' "$tmp/err" \
    && ok || { fail "rescore of the hand-edited plan"; cat "$tmp/err"; }
"$PLACERA" check "$tmp/base.json" "$tmp/rescored.json" >/dev/null 2>&1 && ok || fail "rescored schedule fails check"
"$PLACERA" check "$tmp/base.json" "$tmp/hand.json" >/dev/null 2>&1
[ $? -eq 1 ] && ok || fail "the hand-edited plan (stated 1234) should fail check"
# whatif's base column is the rescore of the given schedule
[ "$(jq '.columns[0].cost' "$tmp/wi.json")" = "$(jq '.cost' "$tmp/rescored.json")" ] && ok \
    || { fail "whatif base column differs from rescore"; jq '.columns[0]' "$tmp/wi.json"; }
# June taken away from t2 by hand: unmet 1 (1000) + unassigned 1 (100)
# - preference (18 + 5*2) = 1072
cat >"$tmp/june.json" <<'J'
{"format": "placera-schedule/1", "status": "optimal", "cost": -30, "placements": [
 {"trainee": "t1", "site": "heden", "rotation": "pc", "from": 0, "to": 5, "supervisor": "anna"},
 {"trainee": "t2", "site": "heden", "rotation": "pc", "from": 0, "to": 4}],
 "unmet": [], "unassigned": [],
 "costs": {"unmet": 0, "unassigned": 0, "idle": 0, "site_change": 0, "preference": -30, "change": 0,
           "rank": 0, "unallocated": 0, "no_mentor": 0, "understaffed": 0, "priority": 0, "fairness": 0}}
J
"$PLACERA" rescore "$tmp/base.json" "$tmp/june.json" -o "$tmp/june2.json" 2>"$tmp/err"
[ $? -eq 0 ] && jq -e '.cost == 1072 and .costs.unmet == 1000 and .costs.unassigned == 100
    and .unmet == [{"trainee": "t2", "rotation": "pc", "missing": 1}]
    and .unassigned[0].from == 5 and .trainee_costs.t2 == 1090 and .status == "feasible"' \
    "$tmp/june2.json" >/dev/null && grep -q '1 of 2 rows name no supervisor' "$tmp/err" && ok \
    || { fail "rescore of June taken away"; cat "$tmp/err" "$tmp/june2.json"; }
"$PLACERA" check "$tmp/base.json" "$tmp/june2.json" >/dev/null 2>&1 && ok || fail "rescored June fails check"
# report recomputes instead of copying the stated summary (-30, 0 unmet)
"$PLACERA" report "$tmp/base.json" "$tmp/june.json" -o "$tmp/june.html" 2>/dev/null
[ $? -eq 0 ] && grep -q '<b>1072</b><span>cost' "$tmp/june.html" \
    && grep -q '<b>1</b><span>periods of unmet requirements' "$tmp/june.html" && ok \
    || fail "report does not show the recomputed figures"
"$PLACERA" export csv "$tmp/base.json" "$tmp/june.json" -o "$tmp/csv" 2>/dev/null && ok || fail "export csv of June"
# a broken rule: exit 1 with the check's messages, nothing written
"$PLACERA" rescore "$tmp/base.json" "$tmp/hand-bad.json" -o "$tmp/none.json" 2>"$tmp/err"
[ $? -eq 1 ] && grep -q "^$tmp/hand-bad.json: /placements/1: error: .*supervised by anna, who works at another site" "$tmp/err" \
    && [ ! -e "$tmp/none.json" ] && ok || { fail "rescore of a broken schedule"; cat "$tmp/err"; }
"$PLACERA" report "$tmp/base.json" "$tmp/hand-bad.json" -o "$tmp/none.html" 2>/dev/null
[ $? -eq 1 ] && [ ! -e "$tmp/none.html" ] && ok || fail "report of a broken schedule: exit 1 expected"
# rescore with the kept past: change from April on only
"$PLACERA" rescore "$tmp/april.json" "$tmp/kept/anna-april.schedule.json" --reference "$tmp/hand.json" \
    --keep-until 2027-04 -o "$tmp/r3.json" 2>/dev/null && jq -e '.cost == 4 and .costs.change == 30' "$tmp/r3.json" >/dev/null \
    && ok || fail "rescore --reference --keep-until"

# --- 5. the whatif table, --json and --html -------------------------------------
# the scenario's name labels its column; who moves, from what to what, when
grep -q '^ *base  *Anna leaves in April$' "$tmp/table" && ok || { fail "column label"; cat "$tmp/table"; }
grep -q '^  Anna leaves in April: t2 2027-04 to 2027-06: heden (pc) -> kalix (pc)$' "$tmp/table" \
    && ok || { fail "who moves line"; cat "$tmp/table"; }
jq -e '.columns[1].label == "Anna leaves in April" and .columns[1].moves == [{"trainee": "t2",
    "from": 3, "to": 5, "when": "2027-04 to 2027-06", "before": {"site": "heden", "rotation": "pc"},
    "after": {"site": "kalix", "rotation": "pc"}}]' \
    "$tmp/wi.json" >/dev/null && ok || { fail "--json moves"; jq '.columns[1]' "$tmp/wi.json"; }
# a trainee with a name (format.md 3.9.26) moves under that name in the
# table and the page; --json keeps the id and adds the name
sed -e 's/"t2": {"program": "BT"/"t2": {"program": "BT", "name": "Åsa Öberg"/' \
    -e 's/"anna": {"site": "heden"/"anna": {"site": "heden", "name": "Anna Berg"/' \
    "$tmp/base.json" >"$tmp/named.json"
"$PLACERA" whatif "$tmp/named.json" "$tmp/anna-april.json" --schedule "$tmp/hand.json" \
    --keep-until 2027-04 --json "$tmp/wi-named.json" --html "$tmp/wi-named.html" \
    >"$tmp/table-named" 2>/dev/null
# the reading names people too: "supervisor Anna Berg (anna) leaves ..."
grep -q '^  supervisor Anna Berg (anna) leaves: not there from 2027-04 on (end 2027-03)$' \
    "$tmp/table-named" && ok || { fail "reading by name"; cat "$tmp/table-named"; }
grep -q '^  Anna leaves in April: Åsa Öberg 2027-04 to 2027-06: heden (pc) -> kalix (pc)$' \
    "$tmp/table-named" && grep -q '<b>Åsa Öberg</b>' "$tmp/wi-named.html" &&
    jq -e '.columns[1].moves[0].trainee == "t2" and .columns[1].moves[0].trainee_name == "Åsa Öberg"' \
        "$tmp/wi-named.json" >/dev/null \
    && ok || { fail "who moves by name"; cat "$tmp/table-named"; }
# utilisation against the base's capacity: Kalix closes April-June, where
# the published plan has t2 all year; 3 of its 6 trainee-periods remain:
# 100% -> 50% (against its own cut capacity it would stay at 100%)
cat >"$tmp/kalix-all.json" <<'J'
{"format": "placera-schedule/1", "status": "feasible", "placements": [
 {"trainee": "t1", "site": "heden", "rotation": "pc", "from": 0, "to": 5, "supervisor": "anna"},
 {"trainee": "t2", "site": "kalix", "rotation": "pc", "from": 0, "to": 5, "supervisor": "cecilia"}]}
J
cat >"$tmp/kalix-closes.json" <<'J'
{"name": "Kalix closes in spring", "sites": {"kalix": {"capacity": {"pc": [1, 1, 1, 0, 0, 0]}}}}
J
mkdir "$tmp/scratch"
TMPDIR="$tmp/scratch" "$PLACERA" whatif "$tmp/base.json" "$tmp/kalix-closes.json" "$tmp/anna-april.json" --schedule "$tmp/kalix-all.json" \
    --keep-until 2027-04 --html "$tmp/wi.html" --jobs 2 --quiet >"$tmp/table2" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 0 ] && ok || { fail "whatif --html: exit $rc"; cat "$tmp/err"; }
grep -q '^  kalix  *100%  *50% (-50)' "$tmp/table2" && ok || { fail "kalix utilisation against base capacity"; cat "$tmp/table2"; }
grep -q '^  site kalix capacity for pc: closed 2027-04 to 2027-06 (was 1)$' "$tmp/table2" && ok \
    || { fail "reading of the closure"; cat "$tmp/table2"; }
# the page: both scenarios' names, three moved periods for the closure
# (t2 April-June) and none for Anna's leaving (t2 is at Kalix already)
[ -s "$tmp/wi.html" ] && grep -q '<th>Kalix closes in spring</th>' "$tmp/wi.html" \
    && [ "$(grep -o 'class="moved"' "$tmp/wi.html" | wc -l)" -eq 3 ] \
    && grep -q '<li><b>t2</b> 2027-04 to 2027-06: kalix (pc) → heden (pc)</li>' "$tmp/wi.html" \
    && ok || { fail "--html page"; grep -c moved "$tmp/wi.html"; }
[ -z "$(ls "$tmp/scratch")" ] && ok || fail "--html left its temporary directory"

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
