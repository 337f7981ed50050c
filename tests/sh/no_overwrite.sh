#!/bin/sh
# no_overwrite.sh — no command writes over one of its inputs (issue 17.1).
#
# Every output (-o, --json, --write-lp, --write-mps, --keep files, export
# files) that is an input file — by the same name, another spelling, a
# symbolic or a hard link — is refused before any work: exit 2, a message
# naming both, the input byte for byte as before.  `whatif --keep DIR`
# writes only DIR/base.schedule.json and DIR/SCENARIO.schedule.json, into
# the scenarios' own folder too, refuses a scenario named base.json (and two
# scenarios of one name), and never replaces a file that exists.  Two
# outputs that would be one file are refused as well.
# Run from the repo root:  sh tests/sh/no_overwrite.sh build/placera
PLACERA=${1:-build/placera}
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { passed=$((passed + 1)); echo "ok   $1"; }
bad() { failed=$((failed + 1)); echo "FAIL $1"; }

cp tests/cases/block_min.json "$tmp/inst.json"
cp tests/fuzz/corpus/mssp/I40_12_1.dzn "$tmp/mssp.dzn"
"$PLACERA" solve "$tmp/inst.json" --quiet -o "$tmp/sched.json" || bad "solve the fixture"
mkdir "$tmp/sub"
ln -s ../inst.json "$tmp/sub/link.json"
ln "$tmp/sched.json" "$tmp/hard.json"

# refused NAME INPUT_FILE_MENTIONED COMMAND...: exit 2, a message naming
# the input, no input changed
refused() {
    name=$1 input=$2
    shift 2
    cksum "$tmp"/*.json "$tmp/mssp.dzn" >"$tmp/sums.before"
    "$@" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    cksum "$tmp"/*.json "$tmp/mssp.dzn" >"$tmp/sums.after"
    if [ "$rc" != 2 ]; then
        bad "$name: exit $rc, expected 2"; cat "$tmp/err"
    elif ! grep -q "error: .*$input.*never writes over its inputs" "$tmp/err"; then
        bad "$name: no message naming $input"; cat "$tmp/err"
    elif ! cmp -s "$tmp/sums.before" "$tmp/sums.after"; then
        bad "$name: an input was changed"
    else
        ok "$name: exit 2, '$(head -n 1 "$tmp/err" | sed "s#$tmp/##g" | cut -c1-100)'"
    fi
}

P=$PLACERA
refused "solve X -o X" "$tmp/inst.json" $P solve "$tmp/inst.json" --quiet -o "$tmp/inst.json"
refused "solve -o another spelling" "$tmp/inst.json" \
    $P solve "$tmp/inst.json" --quiet -o "$tmp/sub/../inst.json"
refused "solve -o a symbolic link to the input" "$tmp/inst.json" \
    $P solve "$tmp/inst.json" --quiet -o "$tmp/sub/link.json"
refused "solve -o the reference (a hard link)" "$tmp/hard.json" \
    $P solve "$tmp/inst.json" --quiet --reference "$tmp/hard.json" -o "$tmp/sched.json"
refused "solve --write-lp INSTANCE" "$tmp/inst.json" \
    $P solve "$tmp/inst.json" --quiet --write-lp "$tmp/inst.json"
refused "solve --write-mps INSTANCE" "$tmp/inst.json" \
    $P solve "$tmp/inst.json" --quiet --write-mps "$tmp/inst.json"
refused "report -o INSTANCE" "$tmp/inst.json" \
    $P report "$tmp/inst.json" "$tmp/sched.json" -o "$tmp/inst.json"
refused "report -o SCHEDULE" "$tmp/sched.json" \
    $P report "$tmp/inst.json" "$tmp/sched.json" -o "$tmp/sched.json"
refused "import mssp -o FILE.dzn" "$tmp/mssp.dzn" \
    $P import mssp "$tmp/mssp.dzn" -o "$tmp/mssp.dzn"

# export: an input in DIR under a name the export writes
cp "$tmp/sched.json" "$tmp/sub/placements.csv"
cksum "$tmp/sub/placements.csv" >"$tmp/sum1"
$P export csv "$tmp/inst.json" "$tmp/sub/placements.csv" -o "$tmp/sub" >"$tmp/out" 2>"$tmp/err"
rc=$?
cksum "$tmp/sub/placements.csv" >"$tmp/sum2"
if [ "$rc" = 2 ] && grep -q "placements.csv.*never writes over its inputs" "$tmp/err" &&
    cmp -s "$tmp/sum1" "$tmp/sum2" && [ ! -e "$tmp/sub/grid.csv" ]; then
    ok "export csv into the folder of an input named placements.csv: exit 2"
else
    bad "export csv over its input: exit $rc"; cat "$tmp/err"
fi
rm "$tmp/sub/placements.csv"

# ---- whatif ---------------------------------------------------------------------
W="$tmp/w"
mkdir "$W"
cp tests/cases/block_min.json "$W/inst.json"
echo '{"name": "closed", "weights": {"idle": 7}}' >"$W/s1.json"
echo '{"name": "other"}' >"$W/s2.json"
refused "whatif --json BASE" "$W/inst.json" $P whatif "$W/inst.json" "$W/s1.json" --quiet --json "$W/inst.json"
refused "whatif --json SCENARIO" "$W/s1.json" $P whatif "$W/inst.json" "$W/s1.json" --quiet --json "$W/s1.json"

# --keep into the scenarios' folder: only files it names itself
sums() { cksum "$W/inst.json" "$W/s1.json" "$W/s2.json"; }
sums >"$tmp/w.before"
$P whatif "$W/inst.json" "$W/s1.json" "$W/s2.json" --quiet --keep "$W" >"$tmp/out" 2>"$tmp/err"
rc=$?
sums >"$tmp/w.after"
ls "$W" | tr '\n' ' ' >"$tmp/w.ls"
if [ "$rc" = 0 ] && cmp -s "$tmp/w.before" "$tmp/w.after" &&
    [ "$(cat "$tmp/w.ls")" = "base.schedule.json inst.json s1.json s1.schedule.json s2.json s2.schedule.json " ]; then
    ok "whatif --keep into the scenarios' folder: scenarios intact, $(cat "$tmp/w.ls")"
else
    bad "whatif --keep into the scenarios' folder: exit $rc, files $(cat "$tmp/w.ls")"; cat "$tmp/err"
fi
$P check "$W/inst.json" "$W/base.schedule.json" >/dev/null 2>&1 && ok "kept base schedule checks" \
    || bad "kept base schedule does not check"

# again into the same folder: the kept files exist, nothing is replaced
cksum "$W"/*.json >"$tmp/w.before"
$P whatif "$W/inst.json" "$W/s1.json" --quiet --keep "$W" >"$tmp/out" 2>"$tmp/err"
rc=$?
cksum "$W"/*.json >"$tmp/w.after"
if [ "$rc" = 2 ] && grep -q "base.schedule.json: error: exists already" "$tmp/err" &&
    cmp -s "$tmp/w.before" "$tmp/w.after"; then
    ok "whatif --keep over existing kept files: exit 2, nothing replaced"
else
    bad "whatif --keep over existing kept files: exit $rc"; cat "$tmp/err"
fi

# a scenario whose kept schedule would be another scenario file
rm -f "$W"/*.schedule.json
cp "$W/s2.json" "$W/s1.schedule.json"
refused "whatif --keep over a scenario file" "$W/s1.schedule.json" \
    $P whatif "$W/inst.json" "$W/s1.json" "$W/s1.schedule.json" --quiet --keep "$W"
rm "$W/s1.schedule.json"

# a scenario named base.json: refused with --keep, its own column without
mkdir "$W/x"
cp "$W/s1.json" "$W/x/base.json"
$P whatif "$W/inst.json" "$W/x/base.json" --quiet --keep "$W/k" >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ "$rc" = 2 ] && grep -q "would both be kept as" "$tmp/err" && [ ! -e "$W/k" ]; then
    ok "whatif --keep with a scenario named base.json: exit 2 before any work"
else
    bad "whatif --keep with a scenario named base.json: exit $rc"; cat "$tmp/err"
fi
$P whatif "$W/inst.json" "$W/x/base.json" --quiet >"$tmp/out" 2>"$tmp/err"
rc=$?
# the scenario's column is labelled by its name ("closed"), its reading by
# the file's stem, numbered so that it is not the base's
head=$(grep -m1 '^ *base ' "$tmp/out" | tr -s ' ')
case "$head" in
*"base closed"*) [ "$rc" = 0 ] && grep -q '^base-1 ' "$tmp/out" &&
    ok "scenario base.json without --keep: columns '$head', reading base-1" \
    || bad "scenario base.json: exit $rc" ;;
*) bad "scenario base.json: columns '$head'"; cat "$tmp/out" ;;
esac
cp "$W/s1.json" "$W/x/s1.json"
$P whatif "$W/inst.json" "$W/s1.json" "$W/x/s1.json" --quiet --keep "$W/k" >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" = 2 ] && grep -q "would both be kept as" "$tmp/err" && ok "whatif --keep with two scenarios s1.json: exit 2" \
    || { bad "two scenarios of one name with --keep: exit $rc"; cat "$tmp/err"; }

# two outputs that would be one file: one would replace the other
$P solve "$tmp/inst.json" --quiet -o "$tmp/out.x" --write-lp "$tmp/sub/../out.x" >/dev/null 2>"$tmp/err"
rc=$?
[ "$rc" = 2 ] && grep -q "also the output" "$tmp/err" && [ ! -e "$tmp/out.x" ] &&
    ok "solve -o X --write-lp X (another spelling): exit 2" ||
    { bad "solve -o X --write-lp X: exit $rc"; cat "$tmp/err"; }
$P whatif "$W/inst.json" "$W/s1.json" --quiet --keep "$W/k2" --json "$W/k2/base.schedule.json" \
    >/dev/null 2>"$tmp/err"
rc=$?
[ "$rc" = 2 ] && grep -q "also the output" "$tmp/err" && [ ! -e "$W/k2" ] &&
    ok "whatif --json naming a kept schedule: exit 2 before any work" ||
    { bad "whatif --json naming a kept schedule: exit $rc"; cat "$tmp/err"; }

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
