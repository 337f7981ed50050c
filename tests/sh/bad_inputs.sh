#!/bin/sh
# bad_inputs.sh — `placera validate` on the bad-input corpus tests/bad/.
#
# For each tests/bad/NAME.json the exact standard error must equal
# tests/bad/NAME.expected, the exit status must be 2 and standard output
# empty.  tests/bad/ok/NAME.json are valid files: exit 0, standard error
# equal to NAME.expected (warnings) and standard output to NAME.stdout.
# Also: a directory, a missing file, an unreadable file (run as nobody
# when root) and bad usage.  Run from the repo root:
#   sh tests/sh/bad_inputs.sh build/placera
PLACERA=${1:-build/placera}
passed=0
failed=0
out=$(mktemp)
err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT

fail() {
    echo "FAIL: $1"
    failed=$((failed + 1))
}

# run FILE EXPECTED_RC EXPECTED_STDERR_FILE EXPECTED_STDOUT_FILE(or -)
check() {
    "$PLACERA" validate "$1" >"$out" 2>"$err"
    rc=$?
    if [ "$rc" -ne "$2" ]; then
        fail "$1: exit status $rc, expected $2"; cat "$err"; return
    fi
    if ! diff -u "$3" "$err" >/dev/null; then
        fail "$1: standard error differs from $3"; diff -u "$3" "$err"; return
    fi
    if [ "$4" = - ]; then
        if [ -s "$out" ]; then fail "$1: standard output not empty"; cat "$out"; return; fi
    elif ! diff -u "$4" "$out" >/dev/null; then
        fail "$1: standard output differs from $4"; diff -u "$4" "$out"; return
    fi
    passed=$((passed + 1))
}

for f in tests/bad/*.json; do
    check "$f" 2 "${f%.json}.expected" -
done
for f in tests/bad/ok/*.json; do
    check "$f" 0 "${f%.json}.expected" "${f%.json}.stdout"
done

# a directory, a missing file, bad usage
exp=$(mktemp)
echo "tests/bad: error: is a directory, not an instance file" >"$exp"
check tests/bad 2 "$exp" -
echo "tests/bad/no-such-file.json: error: cannot read the file: No such file or directory" >"$exp"
check tests/bad/no-such-file.json 2 "$exp" -
# an unreadable file (mode 000): root reads anything, so as user nobody
ud=$(mktemp -d)
chmod 755 "$ud"
cp tests/bad/ok/base.json "$ud/secret.json"
chmod 000 "$ud/secret.json"
cp "$PLACERA" "$ud/placera"
echo "$ud/secret.json: error: cannot read the file: Permission denied" >"$exp"
as=
if [ "$(id -u)" = 0 ]; then
    if command -v setpriv >/dev/null &&
        setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
        as="setpriv --reuid=65534 --regid=65534 --clear-groups"
    else
        as=skip
    fi
fi
if [ "$as" = skip ]; then
    echo "skip: an unreadable file (root, and setpriv cannot switch to nobody)"
else
    $as "$ud/placera" validate "$ud/secret.json" >"$out" 2>"$err"
    rc=$?
    if [ "$rc" -eq 2 ] && diff -u "$exp" "$err" && [ ! -s "$out" ]; then
        passed=$((passed + 1))
    else
        fail "unreadable file: exit $rc"; cat "$err"
    fi
fi
rm -rf "$ud"

"$PLACERA" validate >"$out" 2>"$err"
rc=$?
if [ "$rc" -eq 2 ] && grep -q "usage" "$err" && [ ! -s "$out" ]; then
    passed=$((passed + 1))
else
    fail "validate without a file: exit $rc"
fi
rm -f "$exp"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
