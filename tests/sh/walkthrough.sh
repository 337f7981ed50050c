#!/bin/sh
# walkthrough.sh — the mid-year re-plan in docs/whatif.md is real: the
# output of docs/whatif-walkthrough.sh must be exactly the text between the
# "walkthrough output" markers of docs/whatif.md, and the re-plan it makes
# must keep January-March of the published plan (checked again here with
# `placera check --keep-until`, inside the script).
# Run from the repo root:  sh tests/sh/walkthrough.sh build/placera
PLACERA=${1:-build/placera}
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { passed=$((passed + 1)); }
fail() { echo "FAIL: $1"; failed=$((failed + 1)); }

sh docs/whatif-walkthrough.sh "$PLACERA" >"$tmp/actual" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 0 ] && ok || { fail "walk-through script: exit $rc"; cat "$tmp/err"; }
sed -n '/^<!-- walkthrough output begin -->$/,/^<!-- walkthrough output end -->$/p' docs/whatif.md \
    | sed -e '1,2d' -e '$d' | sed '$d' >"$tmp/expected"
[ -s "$tmp/expected" ] && ok || fail "docs/whatif.md has no walk-through output block"
if diff -u "$tmp/expected" "$tmp/actual" >"$tmp/diff"; then ok; else
    fail "docs/whatif.md differs from the walk-through's output"; cat "$tmp/diff"; fi
# the figures the prose relies on
grep -q '^ok: .*cost 4195 ' "$tmp/actual" && ok || fail "the re-plan's check"
grep -q "the past is kept from the reference" "$tmp/actual" && ok || fail "the refused edit of the past"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
