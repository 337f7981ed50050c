#!/bin/sh
# mssp_solve.sh — import an MSSP benchmark instance and solve it:
# each must give a schedule (status optimal or feasible) within a short
# time limit, and `placera check` must pass on it.  Reads the data from
# ../shared/benchmarks/mssp (never copied into the project); skips when it
# is absent.  Skipped under the sanitizer build, where GLPK runs several
# times slower than the time limit allows.
PLACERA=${1:-build/placera}
DATA=../shared/benchmarks/mssp
passed=0
failed=0
skipped=0
ok() { passed=$((passed + 1)); echo "ok   $*"; }
bad() { failed=$((failed + 1)); echo "FAIL $*"; }

case "$PLACERA" in
*asan*) echo "skip: sanitizer build (too slow for the time limit)"
        echo "0 passed, 0 failed, 1 skipped"; exit 0 ;;
esac
if [ ! -d "$DATA" ]; then
    echo "skip: $DATA is absent"
    echo "0 passed, 0 failed, 1 skipped"
    exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for f in akbarzadeh_maenhout/Instance_10.dzn; do
    name=$(basename "$f" .dzn)
    if ! "$PLACERA" import mssp "$DATA/$f" -o "$tmp/$name.json" 2>"$tmp/err"; then
        bad "$name: import failed: $(head -n 1 "$tmp/err")"
        continue
    fi
    "$PLACERA" solve "$tmp/$name.json" --time-limit 60 --quiet -o "$tmp/$name.out.json" 2>"$tmp/err"
    rc=$?
    status=$(sed -n 's/^  "status": "\([a-z_]*\)",$/\1/p' "$tmp/$name.out.json" 2>/dev/null)
    if [ "$rc" -ne 0 ] || { [ "$status" != optimal ] && [ "$status" != feasible ]; }; then
        bad "$name: solve exit $rc, status '$status'"
        continue
    fi
    if "$PLACERA" check "$tmp/$name.json" "$tmp/$name.out.json" >"$tmp/check" 2>&1; then
        ok "$name: $status, $(sed -n 's/^ok: [0-9]* placements, \(cost [^ ]*\).*/\1/p' "$tmp/check"), check passes"
    else
        bad "$name: check failed: $(head -n 3 "$tmp/check")"
    fi
done
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
