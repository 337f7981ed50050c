#!/bin/sh
# solver_cli.sh — `placera solve` end to end on three hand-worked cases:
# the schedule passes `placera check`, text and csv output are produced, the
# MPS model solved by glpsol has the schedule's cost as optimum, and solving
# twice gives the same JSON except `seconds`.
# Usage: sh tests/sh/solver_cli.sh PATH_TO_PLACERA   (from the repository root)
PLACERA=${1:-build/placera}
CASES="tests/cases/capacity_max.json tests/cases/block_min.json tests/cases/fixed_pins.json"
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { passed=$((passed + 1)); echo "ok   $1"; }
bad() { failed=$((failed + 1)); echo "FAIL $1"; }

# The "cost" of a schedule file (first "cost": number).
cost_of() {
    sed -n 's/.*"cost": *\(-\{0,1\}[0-9][0-9.eE+-]*\).*/\1/p' "$1" | head -n 1
}

# |a - b| <= 1e-6 ?
same_number() {
    awk -v a="$1" -v b="$2" 'BEGIN { d = a - b; if (d < 0) d = -d; exit !(a != "" && b != "" && d <= 1e-6) }'
}

for case in $CASES; do
    name=$(basename "$case" .json)
    out="$tmp/$name.schedule.json"
    if "$PLACERA" solve "$case" -o "$out" --quiet && [ -s "$out" ]; then
        ok "$name: solve -o"
    else
        bad "$name: solve -o"
        continue
    fi
    expected=$(sed -n 's/.*"x-expected-cost": *\(-\{0,1\}[0-9.]*\).*/\1/p' "$case" | head -n 1)
    cost=$(cost_of "$out")
    if same_number "$cost" "$expected"; then
        ok "$name: cost $cost"
    else
        bad "$name: cost '$cost', expected '$expected'"
    fi
    if "$PLACERA" check "$case" "$out" >"$tmp/check.out" 2>&1; then
        ok "$name: check exit 0"
    else
        bad "$name: check: $(cat "$tmp/check.out")"
    fi
    for fmt in text csv; do
        if "$PLACERA" solve "$case" --format "$fmt" --quiet >"$tmp/$name.$fmt" 2>"$tmp/err" &&
           [ -s "$tmp/$name.$fmt" ]; then
            ok "$name: --format $fmt"
        else
            bad "$name: --format $fmt: $(cat "$tmp/err")"
        fi
    done
    if grep -q "$name" "$tmp/$name.csv" 2>/dev/null || grep -q "t1" "$tmp/$name.csv"; then
        ok "$name: csv names the trainees"
    else
        bad "$name: csv names no trainee"
    fi
    mps="$tmp/$name.mps"
    if "$PLACERA" solve "$case" --write-mps "$mps" -o "$tmp/$name.2.json" --quiet && [ -s "$mps" ]; then
        ok "$name: --write-mps"
        if glpsol --freemps "$mps" --min -o "$tmp/$name.glpsol" >/dev/null 2>&1; then
            obj=$(sed -n 's/^Objective: *[^ ]* = *\(-\{0,1\}[0-9][0-9.eE+-]*\).*/\1/p' "$tmp/$name.glpsol" | head -n 1)
            status=$(sed -n 's/^Status: *\(.*\)$/\1/p' "$tmp/$name.glpsol" | head -n 1)
            if [ "$status" = "INTEGER OPTIMAL" ] && same_number "$obj" "$cost"; then
                ok "$name: glpsol objective $obj"
            else
                bad "$name: glpsol status '$status' objective '$obj', schedule cost '$cost'"
            fi
        else
            bad "$name: glpsol failed on the MPS file"
        fi
    else
        bad "$name: --write-mps"
    fi
    "$PLACERA" solve "$case" -o "$tmp/$name.again.json" --quiet
    if [ -s "$tmp/$name.again.json" ] &&
       sed 's/"seconds": *[0-9.eE+-]*//' "$out" >"$tmp/a" &&
       sed 's/"seconds": *[0-9.eE+-]*//' "$tmp/$name.again.json" >"$tmp/b" &&
       cmp -s "$tmp/a" "$tmp/b"; then
        ok "$name: deterministic output"
    else
        bad "$name: two solves differ: $(diff "$out" "$tmp/$name.again.json" | head -n 5)"
    fi
done

# A reference schedule: change is charged against it (tests/cases/change.json).
if "$PLACERA" solve tests/cases/change.json --reference tests/cases/change.reference.json \
       -o "$tmp/change.schedule.json" --quiet; then
    cost=$(cost_of "$tmp/change.schedule.json")
    if same_number "$cost" -15; then ok "change: --reference cost $cost"; else bad "change: --reference cost '$cost', expected -15"; fi
    if "$PLACERA" check tests/cases/change.json "$tmp/change.schedule.json" \
           --reference tests/cases/change.reference.json >"$tmp/check.out" 2>&1; then
        ok "change: check --reference exit 0"
    else
        bad "change: check --reference: $(cat "$tmp/check.out")"
    fi
else
    bad "change: solve --reference"
fi

# --method: both methods prove the same optimum on every case and the
# schedules pass `placera check`; an unknown method is bad usage (exit 2)
for case in $CASES tests/cases/choice_link_lp.json tests/cases/order_chain_lp.json; do
    name=$(basename "$case" .json)
    expected=$(sed -n 's/.*"x-expected-cost": *\(-\{0,1\}[0-9.]*\).*/\1/p' "$case" | head -n 1)
    for method in compact decomposition branch-and-price; do
        out="$tmp/$name.$method.json"
        if "$PLACERA" solve "$case" --method "$method" -o "$out" --quiet &&
            grep -q '"status": "optimal"' "$out" && same_number "$(cost_of "$out")" "$expected" &&
            "$PLACERA" check "$case" "$out" >/dev/null; then
            ok "$name: --method $method optimal, cost $expected, checked"
        else
            bad "$name: --method $method ($(cost_of "$out") against $expected)"
        fi
    done
done
# branch-and-price on a case whose master is fractional: --progress shows
# the tree's open nodes, and the tree proves the exhaustive optimum
if "$PLACERA" solve tests/cases/branch_price_tree.json --method branch-and-price --progress \
    -o "$tmp/tree.json" 2>"$tmp/tree.err" && grep -q "open nodes [1-9]" "$tmp/tree.err" &&
    grep -q '"status": "optimal"' "$tmp/tree.json" && same_number "$(cost_of "$tmp/tree.json")" 1370; then
    ok "branch_price_tree: the tree branches (open nodes shown) and proves 1370"
else
    bad "branch_price_tree: $(tail -n 3 "$tmp/tree.err")"
fi
"$PLACERA" solve tests/cases/capacity_max.json --method simplex >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ "$rc" -eq 2 ] && grep -q "auto, compact, decomposition or branch-and-price" "$tmp/err"; then
    ok "--method simplex: exit 2, names the methods"
else
    bad "--method simplex: exit $rc: $(cat "$tmp/err")"
fi

# every command answers --help on stdout with its usage line, exit 0
for cmd in solve validate whatif check report export import generate; do
    if "$PLACERA" "$cmd" --help >"$tmp/help" 2>&1 && grep -q "^usage: placera $cmd " "$tmp/help"; then
        ok "$cmd --help"
    else
        bad "$cmd --help: $(head -n 1 "$tmp/help")"
    fi
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
