#!/bin/sh
# help.sh — the help teaches: `placera --help` and `placera help` list every
# command; each `placera CMD --help` (also -h and `placera help CMD`) exits
# 0 with its text on standard output only, says what the command does in a
# sentence, names docs that exist, lists its options one a line, mentions
# every option that the command's parser accepts (read from src/cmd_CMD.c:
# the options compared in strcmp/strncmp/option(...)) and names no option
# the parser lacks; an
# unknown option is refused with exit 2 and a pointer to --help;
# `placera help format` names docs/format.md and lists its sections as the
# page has them.  The option reader is first shown to work on a sample.
# Usage: sh tests/sh/help.sh PLACERA   (from the repository root)
PLACERA=${1:-build/placera}
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { passed=$((passed + 1)); echo "ok   $1"; }
bad() { failed=$((failed + 1)); echo "FAIL $1"; }

# parser_options FILE...: the options a command's parser compares its
# arguments with, one a line ("-o", "--time-limit"; "--reference=" counts as
# "--reference"; "-", standard input or output, is not an option).
parser_options() {
    grep -hoE '(strn?cmp\([][a-z_0-9>.-]+, |option\(argc, argv, &i, )"--?[a-z][-a-z]*=?"' "$@" |
        sed -E 's/.*"(-[-a-z]*)=?"$/\1/' | sort -u
}

# help_options FILE: the options a help text names in its option lines
# ("  -o, --output DIR   ..." gives -o and --output).
help_options() {
    sed -n '/^options:$/,/^$/p' "$1" | grep -E '^  -' |
        sed -E 's/^  //; s/  .*//' | tr ',' '\n' |
        sed -E 's/^ *//; s/ .*//' | grep -E '^-' | sort -u
}

# mentions FILE OPTION: whether the help names OPTION as a word.
mentions() {
    grep -qE -- "(^|[ ,\[])$2([ ,=]|\]|$)" "$1"
}

# --- the readers find what they must -----------------------------------------
cat >"$tmp/sample.c" <<'EOF'
if (!strcmp(a, "-o") && has_value) {
} else if (!strncmp(argv[i], "--reference=", 12)) {
} else if ((v = option(argc, argv, &i, "--group"))) {
} else if (!strcmp(f, "json") || !strcmp(out, "-")) {
    fprintf(stderr, "--not-an-option\n");
EOF
got=$(parser_options "$tmp/sample.c" | tr '\n' ' ')
if [ "$got" = "--group --reference -o " ]; then
    ok "the option reader finds exactly the options of a sample parser"
else
    bad "the option reader finds '$got' in the sample"
fi
printf 'usage: x\n\noptions:\n  -o, --output DIR  x\n  --group G  y --z\n\nread: docs/x.md\n' >"$tmp/sample.txt"
got=$(help_options "$tmp/sample.txt" | tr '\n' ' ')
if [ "$got" = "--group --output -o " ] && ! mentions "$tmp/sample.txt" --sort; then
    ok "the help reader finds exactly the options of a sample help"
else
    bad "the help reader finds '$got' in the sample"
fi

# --- placera --help lists every command ----------------------------------------
commands=$(grep -oE '&cmd_[a-z]+_help' src/main.c | sed -E 's/&cmd_(.*)_help/\1/')
[ "$(echo "$commands" | wc -w)" -ge 8 ] || bad "fewer than 8 commands read from src/main.c"
for form in --help -h help; do
    "$PLACERA" $form >"$tmp/out" 2>"$tmp/err"
    rc=$?
    missing=""
    for c in $commands; do
        grep -qE "^  $c " "$tmp/out" || missing="$missing $c"
    done
    if [ "$rc" -eq 0 ] && [ ! -s "$tmp/err" ] && [ -z "$missing" ] &&
        grep -q "help format" "$tmp/out"; then
        ok "placera $form lists every command"
    else
        bad "placera $form: exit $rc, missing:$missing"
    fi
done

# --- each command's help ---------------------------------------------------------
common=$(parser_options src/cmd_args.c; echo --help; echo -h)
for c in $commands; do
    src=src/cmd_$c.c
    "$PLACERA" "$c" --help >"$tmp/help" 2>"$tmp/err"
    rc=$?
    "$PLACERA" "$c" -h >"$tmp/h" 2>>"$tmp/err"
    rc_h=$?
    "$PLACERA" help "$c" >"$tmp/help2" 2>>"$tmp/err"
    rc_2=$?
    if [ "$rc" -eq 0 ] && [ "$rc_h" -eq 0 ] && [ "$rc_2" -eq 0 ] && [ ! -s "$tmp/err" ] &&
        cmp -s "$tmp/help" "$tmp/h" && cmp -s "$tmp/help" "$tmp/help2" &&
        head -n 1 "$tmp/help" | grep -q "^usage: placera $c"; then
        ok "$c --help, -h and help $c: exit 0, the same text on standard output"
    else
        bad "$c --help: exit $rc/$rc_h/$rc_2, $(head -n 1 "$tmp/help") $(head -n 1 "$tmp/err")"
    fi
    # what it does: the paragraph after the usage ends with a full stop
    sentence=$(awk 'seen && NF { print; if (/\.$/) exit } /^$/ { seen = 1 }' "$tmp/help")
    case "$sentence" in
    *.) ok "$c --help says what it does" ;;
    *) bad "$c --help has no sentence on what it does" ;;
    esac
    docs=$(grep -oE 'docs/[a-z_-]+\.md' "$tmp/help" | sort -u)
    gone=""
    for d in $docs; do [ -f "$d" ] || gone="$gone $d"; done
    if [ -n "$docs" ] && [ -z "$gone" ] && grep -q '^read: docs/' "$tmp/help"; then
        ok "$c --help names docs that exist: $(echo $docs)"
    else
        bad "$c --help names no doc or missing ones:$gone"
    fi
    accepted=$( (parser_options "$src"; echo "$common") | sort -u)
    missing=""
    for o in $accepted; do
        mentions "$tmp/help" "$o" || missing="$missing $o"
    done
    if [ -z "$missing" ]; then
        ok "$c --help mentions every option its parser accepts: $(echo $accepted)"
    else
        bad "$c --help does not mention:$missing"
    fi
    extra=""
    for o in $(help_options "$tmp/help"); do
        echo "$accepted" | grep -qxe "$o" || extra="$extra $o"
    done
    if [ -z "$extra" ]; then
        ok "$c --help names no option its parser lacks"
    else
        bad "$c --help names options its parser does not take:$extra"
    fi
    # one line per option, and every line fits a terminal
    long=$(awk 'length($0) > 79' "$tmp/help" | head -n 1)
    other=$(sed -n '/^options:$/,/^$/p' "$tmp/help" | sed '1d;$d' | grep -v '^  -' | head -n 1)
    if [ -z "$long" ] && [ -z "$other" ]; then
        ok "$c --help: one line per option, lines of at most 79 characters"
    else
        bad "$c --help: a line longer than 79 or an option on two lines: $long$other"
    fi
    # an unknown option: exit 2, the usage and a pointer to --help, no output
    case $c in
    import | export) args="csv --no-such-option" ;;
    *) args="--no-such-option" ;;
    esac
    "$PLACERA" "$c" $args >"$tmp/out" 2>"$tmp/err"
    rc=$?
    if [ "$rc" -eq 2 ] && [ ! -s "$tmp/out" ] && grep -q "^usage: placera $c" "$tmp/err" &&
        grep -q "placera $c --help" "$tmp/err"; then
        ok "$c $args: exit 2, the usage and a pointer to --help"
    else
        bad "$c $args: exit $rc: $(cat "$tmp/err")"
    fi
done

# --- placera help format ---------------------------------------------------------
"$PLACERA" help format >"$tmp/format" 2>"$tmp/err"
rc=$?
sed -nE 's/^## ([0-9]+\. .*)/\1/p; s/^### ([0-9]+\.[0-9]+ .*)/\1/p' docs/format.md >"$tmp/want"
grep -E '^ +[0-9]+\.' "$tmp/format" | sed -E 's/^ +//' >"$tmp/got"
if [ "$rc" -eq 0 ] && [ ! -s "$tmp/err" ] && grep -q 'docs/format\.md' "$tmp/format" &&
    [ "$(wc -l <"$tmp/want")" -ge 20 ] && cmp -s "$tmp/want" "$tmp/got"; then
    ok "help format names docs/format.md and lists its $(wc -l <"$tmp/want") sections as the page has them"
else
    bad "help format (exit $rc) differs from the headings of docs/format.md:"
    diff "$tmp/want" "$tmp/got" | sed 's/^/     /'
fi
for d in $(grep -oE 'docs/[a-z_-]+\.md' "$tmp/format" | sort -u); do
    [ -f "$d" ] || bad "help format names $d, which does not exist"
done
"$PLACERA" help no-such-command >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ "$rc" -eq 2 ] && [ ! -s "$tmp/out" ] && grep -q "no help on 'no-such-command'" "$tmp/err"; then
    ok "help on an unknown topic: exit 2"
else
    bad "help no-such-command: exit $rc"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
