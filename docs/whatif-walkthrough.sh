#!/bin/sh
# whatif-walkthrough.sh — the mid-year re-plan of docs/whatif.md, run for
# real.  It copies the example (instances/vgr-year.json, its published plan
# and two scenarios) into a fresh directory, runs each command of the walk-
# through there and prints it as "$ command" followed by what it wrote to
# standard output and standard error.  tests/sh/walkthrough.sh checks that
# this output is exactly the one shown in docs/whatif.md.
#   sh docs/whatif-walkthrough.sh [build/placera]   (from the repo root)
PLACERA=${1:-build/placera}
case "$PLACERA" in /*) ;; *) PLACERA="$(pwd)/$PLACERA" ;; esac
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp instances/vgr-year.json instances/scenarios/vgr-year-published.json \
   instances/scenarios/vgr-year-angered-summer.json \
   instances/scenarios/vgr-year-anders-leaves.json "$work"/ || exit 2
cd "$work" || exit 2

run() {
    echo "\$ placera $*"
    "$PLACERA" "$@" 2>&1
    echo
}

# 1. Both questions against the published plan, January-March kept.
run whatif vgr-year.json vgr-year-angered-summer.json vgr-year-anders-leaves.json \
    --schedule vgr-year-published.json --keep-until 2027-04 --quiet
# 1b. The same supervisor question without keeping the past, for contrast.
run whatif vgr-year.json vgr-year-anders-leaves.json --schedule vgr-year-published.json --quiet
# 2. The instance the planner will use from April: read back what it says.
run patch vgr-year.json vgr-year-anders-leaves.json -o april.json
# 3. The re-plan itself, checked independently.
run solve april.json --reference vgr-year-published.json --keep-until 2027-04 \
    -o replan.json --quiet
run check april.json replan.json --reference vgr-year-published.json --keep-until 2027-04
# 4. Hand edits: one that changes the kept past is refused; one that gives
#    st-karl December off is rescored, and the report recomputes it.
sed '/"trainee": "bt-elin", "site": "su-akut", "rotation": "acute", "from": 0/ s/"site": "su-akut"\(.*\)"supervisor": "eva"/"site": "kungalv-sjh"\1"supervisor": "petra"/' \
    replan.json >past.json
run rescore april.json past.json --reference vgr-year-published.json --keep-until 2027-04 \
    -o past-rescored.json
sed 's/"trainee": "st-karl", "site": "vc-biskopsgarden", "rotation": "primary-care", "from": 7, "to": 11/"trainee": "st-karl", "site": "vc-biskopsgarden", "rotation": "primary-care", "from": 7, "to": 10/' \
    replan.json >december.json
run check april.json december.json --reference vgr-year-published.json --keep-until 2027-04
run rescore april.json december.json --reference vgr-year-published.json --keep-until 2027-04 \
    -o december-rescored.json
run report april.json december.json --reference vgr-year-published.json --keep-until 2027-04 \
    -o december.html
grep -o '<b>[^<]*</b><span>\(cost\|unassigned trainee-periods\)</span>' december.html
