#!/bin/sh
# whatif.sh — `placera whatif BASE SCENARIO...` from the command line.
#
# On a tiny instance written here (two trainees, four months) and on the
# bundled scenarios: the table and --json agree, --jobs gives the same
# figures as one process, every schedule kept with --keep passes
# `placera check` (scenario schedules with --reference DIR/base.schedule.json, so the
# change cost is recomputed too), with a high change weight the re-plan
# moves only the trainee who had to move, an invalid scenario is reported
# with its file and JSON path before anything is solved (exit 2), a typo
# in an id is explained, an invalid base exits 2.  Run from the repo root:  sh tests/sh/whatif.sh build/placera
PLACERA=${1:-build/placera}
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { passed=$((passed + 1)); }
fail() { echo "FAIL: $1"; failed=$((failed + 1)); }

# --- a tiny instance, its scenario, and the patched instance by hand ------
cat >"$tmp/base.json" <<'J'
{"format": "placera/1", "name": "tiny",
 "horizon": {"start": "2027-01", "unit": "month", "length": 4},
 "rotations": {"pc": {}},
 "sites": {"kalix": {"capacity": {"pc": 1}}, "heden": {"capacity": {"pc": 2}}},
 "supervisors": {"anna": {"site": "heden"}, "bertil": {"site": "heden"},
                 "cecilia": {"site": "kalix"}},
 "programs": {"BT": {"requirements": {"pc": {"min": 4}}}},
 "trainees": {"t1": {"program": "BT", "preferences": {"sites": {"heden": 3}}},
              "t2": {"program": "BT", "preferences": {"sites": {"heden": 2, "kalix": 1}}}}}
J
cat >"$tmp/bertil-leaves.json" <<'J'
{"name": "bertil leaves", "supervisors": {"bertil": null}, "weights": {"change": 10000}}
J
# the same instance with the scenario applied (what check needs)
sed -e 's/"bertil": {"site": "heden"},//' \
    -e 's/"name": "tiny",/"name": "bertil leaves", "weights": {"change": 10000},/' \
    "$tmp/base.json" >"$tmp/patched.json"
cat >"$tmp/bad.json" <<'J'
{"sites": {"kalix": {"capacity": {"pc": -1}}}}
J

"$PLACERA" whatif "$tmp/base.json" "$tmp/bertil-leaves.json" --keep "$tmp/keep" \
    --json "$tmp/out.json" --quiet >"$tmp/table" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 0 ] && ok || { fail "tiny whatif: exit $rc"; cat "$tmp/err"; }

line() { grep "^$1 " "$tmp/table" | tr -s ' '; }
[ "$(line status)" = "status optimal optimal" ] && ok || fail "status line: $(line status)"
[ "$(line 'trainees changed')" = "trainees changed - 1" ] && ok || fail "trainees changed: $(line 'trainees changed')"
[ "$(line 'trainee-periods changed')" = "trainee-periods changed - 4" ] && ok || fail "periods changed: $(line 'trainee-periods changed')"
grep -q '^  change  *0  *40000$' "$tmp/table" && ok || { fail "change cost 4 x 10000 expected"; cat "$tmp/table"; }
grep -q '^  kalix  *0%  *100% (+100)$' "$tmp/table" && ok || fail "kalix utilisation line"
grep -q '"periods_changed": 4' "$tmp/out.json" && grep -q '"format": "placera-whatif/1"' "$tmp/out.json" \
    && ok || fail "--json lacks the figures"

# (c) every schedule written passes check, the re-plan with the reference
"$PLACERA" check "$tmp/base.json" "$tmp/keep/base.schedule.json" >/dev/null 2>&1 && ok || fail "check base.json"
"$PLACERA" check "$tmp/patched.json" "$tmp/keep/bertil-leaves.schedule.json" --reference "$tmp/keep/base.schedule.json" \
    >"$tmp/check" 2>&1 && grep -q 'change 40000' "$tmp/check" && ok \
    || { fail "check of the re-plan with --reference"; cat "$tmp/check"; }

# (b) t1 keeps heden in every month, only t2 moves
grep -q '"trainee": "t1", "site": "heden", "rotation": "pc", "from": 0, "to": 3' "$tmp/keep/bertil-leaves.schedule.json" \
    && grep -q '"trainee": "t2", "site": "kalix", "rotation": "pc", "from": 0, "to": 3' "$tmp/keep/bertil-leaves.schedule.json" \
    && ok || { fail "re-plan moves more than t2"; cat "$tmp/keep/bertil-leaves.schedule.json"; }

# invalid scenario: every scenario is validated before anything is solved;
# the bad one is named with its path, nothing is solved, exit 2
"$PLACERA" whatif "$tmp/base.json" "$tmp/bad.json" "$tmp/bertil-leaves.json" \
    >"$tmp/table" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 2 ] && ok || fail "invalid scenario: exit $rc, expected 2"
grep -q "^$tmp/bad.json: /sites/kalix/capacity/pc: error:" "$tmp/err" && ok \
    || { fail "invalid scenario error lacks file and path"; cat "$tmp/err"; }
grep -q "nothing was solved" "$tmp/err" && ! grep -q "solving" "$tmp/err" && [ ! -s "$tmp/table" ] \
    && ok || { fail "invalid scenario: something was solved"; cat "$tmp/err" "$tmp/table"; }
# a typo in an id: the cause is named, with the id meant
cat >"$tmp/typo.json" <<'J'
{"supervisors": {"bertl": {"max_trainees": 2}}}
J
"$PLACERA" whatif "$tmp/base.json" "$tmp/typo.json" >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] && grep -q "^$tmp/typo.json: /supervisors/bertl: note: the base has no supervisor 'bertl', so the scenario adds a new one instead of changing one (did you mean 'bertil'?)" "$tmp/err" \
    && ok || { fail "typo scenario: cause not named"; cat "$tmp/err"; }

# invalid base: exit 2
echo '{"format": "placera/1"}' >"$tmp/badbase.json"
"$PLACERA" whatif "$tmp/badbase.json" "$tmp/bertil-leaves.json" --quiet >/dev/null 2>&1
rc=$?
[ "$rc" -eq 2 ] && ok || fail "invalid base: exit $rc, expected 2"
"$PLACERA" whatif "$tmp/base.json" >/dev/null 2>&1
[ $? -eq 2 ] && ok || fail "no scenario: usage error expected"

# --- the bundled scenarios: --jobs gives the same table, schedules check ---
B=instances/norrbotten-bt.json
S1=instances/scenarios/gallivare-summer-closure.json
S2=instances/scenarios/anna-leaves.json
"$PLACERA" whatif $B $S1 $S2 --quiet --keep "$tmp/nb" >"$tmp/t1" 2>/dev/null
rc1=$?
"$PLACERA" whatif $B $S1 $S2 --quiet --jobs 2 >"$tmp/t2" 2>/dev/null
rc2=$?
[ "$rc1" -eq 0 ] && [ "$rc2" -eq 0 ] && ok || fail "bundled whatif exit $rc1 / $rc2"
if diff "$tmp/t1" "$tmp/t2" >/dev/null; then ok; else fail "--jobs 2 table differs"; diff "$tmp/t1" "$tmp/t2"; fi
"$PLACERA" check $B "$tmp/nb/base.schedule.json" >/dev/null 2>&1 && ok || fail "check norrbotten base"
if command -v python3 >/dev/null 2>&1; then
    # The patched instances, by a plain RFC 7396 merge; supervisor names are
    # taken out of the reference (a supervisor who left would otherwise make
    # the lenient reader drop those rows), they do not enter `change`.
    sed 's/, "supervisor": "[^"]*"//' "$tmp/nb/base.schedule.json" >"$tmp/nb/ref.json"
    for s in gallivare-summer-closure anna-leaves; do
        python3 - "$B" "instances/scenarios/$s.json" "$tmp/nb/$s.instance.json" <<'PY'
import json, sys
def merge(t, p):
    if not isinstance(p, dict):
        return p
    t = dict(t) if isinstance(t, dict) else {}
    for k, v in p.items():
        if v is None:
            t.pop(k, None)
        else:
            t[k] = merge(t.get(k), v)
    return t
json.dump(merge(json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))),
          open(sys.argv[3], "w"), ensure_ascii=False)
PY
        "$PLACERA" check "$tmp/nb/$s.instance.json" "$tmp/nb/$s.schedule.json" --reference "$tmp/nb/ref.json" \
            >"$tmp/check" 2>&1 && ok || { fail "check $s"; cat "$tmp/check"; }
    done
else
    echo "skip: python3 missing, bundled scenario schedules not checked"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
