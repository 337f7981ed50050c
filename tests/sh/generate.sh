#!/bin/sh
# generate.sh — `placera generate`: the small and region tiers validate
# without errors; the same seed gives byte-identical files and another seed
# a different one; the small tier solves within 30 s and the schedule passes
# `placera check`; bad options exit 2.
#   sh tests/sh/generate.sh build/placera
PLACERA=${1:-build/placera}
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { echo "ok: $1"; passed=$((passed + 1)); }
fail() { echo "FAIL: $1"; failed=$((failed + 1)); }

for tier in small region; do
    if "$PLACERA" generate --tier "$tier" --seed 7 -o "$tmp/$tier.json" 2>"$tmp/err" &&
       "$PLACERA" validate "$tmp/$tier.json" >"$tmp/out" 2>"$tmp/err"; then
        ok "$tier validates: $(cat "$tmp/out")"
    else
        fail "$tier does not validate"; head -n 20 "$tmp/err"
    fi
done

# Sizes given on the command line are honoured.
"$PLACERA" generate --trainees 40 --sites 20 --periods 18 --seed 3 -o "$tmp/sized.json" &&
    "$PLACERA" validate "$tmp/sized.json" >"$tmp/out" 2>"$tmp/err"
if grep -q '^.*ok: 40 trainees, 20 sites, .* 18 periods' "$tmp/out"; then
    ok "sizes honoured"
else
    fail "sizes not honoured: $(cat "$tmp/out" "$tmp/err")"
fi

"$PLACERA" generate --tier region --seed 7 -o "$tmp/region2.json"
if cmp -s "$tmp/region.json" "$tmp/region2.json"; then
    ok "same seed, same bytes"
else
    fail "same seed gave different files"
fi
"$PLACERA" generate --tier region --seed 8 >"$tmp/region8.json"
if [ -s "$tmp/region8.json" ] && ! cmp -s "$tmp/region.json" "$tmp/region8.json"; then
    ok "another seed, another instance (stdout)"
else
    fail "seeds 7 and 8 gave the same file"
fi

if "$PLACERA" solve "$tmp/small.json" --time-limit 30 -o "$tmp/small-sol.json" \
       >"$tmp/out" 2>&1 &&
   "$PLACERA" check "$tmp/small.json" "$tmp/small-sol.json" >"$tmp/out" 2>&1; then
    ok "small solves and checks: $(cat "$tmp/out")"
else
    fail "small tier: solve or check failed"; cat "$tmp/out"
fi

"$PLACERA" generate --tier nowhere >/dev/null 2>&1
[ $? -eq 2 ] && ok "unknown tier exits 2" || fail "unknown tier"
"$PLACERA" generate --trainees -3 >/dev/null 2>&1
[ $? -eq 2 ] && ok "negative size exits 2" || fail "negative size"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
