#!/bin/sh
# allocation.sh — the annual allocation from the command line: the summary
# line on standard error (and not with --quiet, nor without home_choices),
# the "allocation" section of --format text with fill rates, choices and the
# reason of each unallocated trainee, --allocation-only output without
# placements or shortfalls, and placera check on the results.
# Usage: sh tests/sh/allocation.sh PATH_TO_PLACERA   (from the repository root)
PLACERA=${1:-build/placera}
FREE=tests/cases/alloc_reasons.json
STABLE=tests/cases/alloc_stable_forced.json
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { passed=$((passed + 1)); echo "ok   $1"; }
bad() { failed=$((failed + 1)); echo "FAIL $1"; }
# has FILE TEXT: FILE contains the fixed string TEXT
has() { grep -qF -- "$2" "$1"; }

# 1. summary line on stderr
if "$PLACERA" solve "$FREE" -o "$tmp/free.json" 2>"$tmp/free.err"; then
    ok "free: solve"
else
    bad "free: solve"
fi
if has "$tmp/free.err" "placera: allocation: 2/3 P posts filled (67%), choices 1st 1, unallocated 3"; then
    ok "free: summary line"
else
    bad "free: summary line"; cat "$tmp/free.err"
fi
"$PLACERA" solve "$STABLE" -o "$tmp/stable.json" 2>"$tmp/stable.err"
if has "$tmp/stable.err" "placera: allocation: 3/3 P posts filled (100%), choices 1st 1, 2nd 1, unallocated 2"; then
    ok "stable: summary line"
else
    bad "stable: summary line"; cat "$tmp/stable.err"
fi
"$PLACERA" solve "$FREE" --quiet -o "$tmp/q.json" 2>"$tmp/q.err"
if [ ! -s "$tmp/q.err" ]; then ok "--quiet: no summary line"; else bad "--quiet: no summary line"; fi
"$PLACERA" solve tests/cases/capacity_max.json -o "$tmp/c.json" 2>"$tmp/c.err"
if ! has "$tmp/c.err" "allocation:"; then
    ok "no home_choices: no summary line"
else
    bad "no home_choices: no summary line"
fi

# 2. both schedules pass the checker
for f in free stable; do
    inst=$FREE; [ $f = stable ] && inst=$STABLE
    if "$PLACERA" check "$inst" "$tmp/$f.json" >/dev/null 2>&1; then
        ok "$f: check"
    else
        bad "$f: check"
    fi
done

# 3. the text output's allocation section
"$PLACERA" solve "$FREE" --format text -o "$tmp/free.txt" 2>/dev/null
for want in "allocation: 2/3 P posts filled (67%)" "s2     P        1      1 (1 fixed)" \
            "total  P        3      2 (67%)" "unallocated:" "bo   P  no acceptable site" \
            "cy   P  no free post" "dan  P  cost" "ann      s1"; do
    if has "$tmp/free.txt" "$want"; then ok "text: '$want'"; else bad "text: '$want'"; fi
done
"$PLACERA" solve "$STABLE" --format text -o "$tmp/stable.txt" 2>/dev/null
if has "$tmp/stable.txt" "cy  P  no free post" && ! has "$tmp/stable.txt" "dan  P"; then
    ok "text, stable: dan allocated, cy has no free post"
else
    bad "text, stable: dan allocated, cy has no free post"; cat "$tmp/stable.txt"
fi

# 4. --allocation-only: homes, no placements, no shortfalls listed
"$PLACERA" solve "$STABLE" --allocation-only --format text -o "$tmp/ao.txt" 2>"$tmp/ao.err"
if has "$tmp/ao.txt" "allocation only: homes and main supervisors, no placements" &&
   ! has "$tmp/ao.txt" "unassigned:" && ! has "$tmp/ao.txt" "unmet requirements:" &&
   has "$tmp/ao.txt" "homes:    ann=s1, dan=s3, eva=s2" &&
   has "$tmp/ao.txt" "allocation: 3/3 P posts filled (100%), choices 1st 1, 2nd 1, unallocated 2"; then
    ok "--allocation-only text"
else
    bad "--allocation-only text"; cat "$tmp/ao.txt"
fi
if has "$tmp/ao.err" "placera: allocation: 3/3 P posts filled (100%)"; then
    ok "--allocation-only: summary line"
else
    bad "--allocation-only: summary line"
fi
"$PLACERA" solve "$STABLE" --allocation-only -o "$tmp/ao.json" 2>/dev/null
if grep -q '"placements": \[\]' "$tmp/ao.json" && grep -q '"dan": "s3"' "$tmp/ao.json"; then
    ok "--allocation-only json: homes, no placements"
else
    bad "--allocation-only json: homes, no placements"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
