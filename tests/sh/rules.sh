#!/bin/sh
# rules.sh — docs/rules.md, the table of where each rule of format.md is
# modelled, checked and tested, is complete and true:
#   - every rule that src/model/ cites (a format.md reference below section
#     level: §3.3, 3.9.19, ...) is cited in src/check/ too (the checker has
#     its own reading of it) and has a row in the table;
#   - every row's reference exists in docs/format.md;
#   - every function a row names is defined in its column's directory
#     (src/model/ or src/check/; src/instance/ for a cell saying "loader:",
#     and any src/DIR/ that the cell names), and every test it names exists.
# A sample table with one wrong entry of each kind shows the test can fail.
# Usage: sh tests/sh/rules.sh [PLACERA]   (from the repository root; the
# binary is not needed)
LC_ALL=C
export LC_ALL
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { passed=$((passed + 1)); echo "ok   $1"; }
bad() { failed=$((failed + 1)); echo "FAIL $1"; }

. tests/sh/lib/refs.sh

# rule_refs FILE...: the rule references (below section level) the files cite.
rule_refs() {
    refs_cited "$@" | cut -d: -f3 | grep '\.' | sort -u
}

# table_rows TABLE: "REF|MODEL|CHECKER|TESTS" for each row of the table.
table_rows() {
    awk -F'|' '/^\| (§|[0-9])/ {
        ref = $2; gsub(/[ §]/, "", ref)
        print ref "|" $4 "|" $5 "|" $6 }' "$1"
}

# defined NAME DIR...: whether a function NAME is defined in the directories.
defined() {
    name=$1
    shift
    grep -rqE "^[A-Za-z].*[ *]$name\(" "$@" --include=*.c --include=*.h
}

# cell_problems COLUMN_DIR CELL: each function of the cell not defined.
cell_problems() {
    dirs=$1 cell=$2
    case "$cell" in *loader:*) dirs=src/instance ;; esac
    for d in $(printf '%s\n' "$cell" | grep -oE 'src/[a-z]+/' | sort -u); do
        dirs="$dirs $d"
    done
    for f in $(printf '%s\n' "$cell" | grep -oE '`[A-Za-z_][A-Za-z0-9_]*`' | tr -d '`'); do
        defined "$f" $dirs || echo "function $f is not defined in $dirs"
    done
}

# test_problems CELL: each test of the cell that does not exist.
test_problems() {
    n=0
    for t in $(printf '%s\n' "$1" | grep -oE '`[^`]+`' | tr -d '`'); do
        n=$((n + 1))
        case "$t" in
            *.c:*)
                file=tests/unit/${t%%:*} fn=${t#*:}
                grep -qE "^static void $fn\(" "$file" 2>/dev/null &&
                    grep -q "cmocka_unit_test[a-z_]*($fn" "$file" ||
                    echo "test $t does not exist"
                ;;
            *) [ -f "tests/$t" ] || echo "test $t does not exist" ;;
        esac
    done
    [ "$n" -gt 0 ] || echo "no test named"
}

# table_problems TABLE MODEL_DIR CHECK_DIR: every problem of the table.
table_problems() {
    table=$1 model=$2 check=$3
    rule_refs $(find "$model" -name '*.[ch]') >"$tmp/model_refs"
    rule_refs $(find "$check" -name '*.[ch]') >"$tmp/check_refs"
    table_rows "$table" >"$tmp/rows"
    cut -d'|' -f1 "$tmp/rows" | sort -u >"$tmp/row_refs"
    refs_anchors docs/format.md | sort >"$tmp/anchors"
    comm -23 "$tmp/model_refs" "$tmp/check_refs" | sed 's/^/not cited in src\/check\/: /'
    comm -23 "$tmp/model_refs" "$tmp/row_refs" | sed 's/^/no row in the table: /'
    comm -23 "$tmp/row_refs" "$tmp/anchors" | sed 's/^/a row for a rule format.md does not have: /'
    while IFS='|' read -r ref m k t; do
        { cell_problems "$model" "$m"; cell_problems "$check" "$k"; test_problems "$t"; } |
            sed "s/^/row $ref: /"
    done <"$tmp/rows"
}

# --- the test can fail ------------------------------------------------------
mkdir -p "$tmp/model" "$tmp/check"
printf '/* a.c — format.md §3.3, 3.9.2, §3.6. */\nint pl_model_a(void)\n{\n    return 0;\n}\n' >"$tmp/model/a.c"
printf '/* a.c — format.md 3.3, 3.6. */\nint pl_check_a(void)\n{\n    return 0;\n}\n' >"$tmp/check/a.c"
cat >"$tmp/table.md" <<'EOF'
| format.md | rule | model | checker | tests |
| --- | --- | --- | --- | --- |
| §3.3 | blocks | `pl_model_a` | `pl_check_a` | `cases/block_min.json` |
| §3.6 | choices | `pl_model_b` | `pl_check_a` | `cases/no_such_case.json`, `test_check_sequence.c:no_such_test` |
| 3.9.40 | none | `pl_model_a` | `pl_check_a` | `cases/block_min.json` |
EOF
table_problems "$tmp/table.md" "$tmp/model" "$tmp/check" >"$tmp/sample.out"
cat >"$tmp/sample.want" <<EOF
not cited in src/check/: 3.9.2
no row in the table: 3.9.2
a row for a rule format.md does not have: 3.9.40
row 3.6: function pl_model_b is not defined in $tmp/model
row 3.6: test cases/no_such_case.json does not exist
row 3.6: test test_check_sequence.c:no_such_test does not exist
EOF
if cmp -s "$tmp/sample.out" "$tmp/sample.want"; then
    ok "a sample table with a rule missing in the checker and the table, a bad row, function and tests is refused"
else
    bad "the sample table gives:"
    sed 's/^/     /' "$tmp/sample.out"
fi

# --- the real table ---------------------------------------------------------
table_problems docs/rules.md src/model src/check >"$tmp/problems"
rows=$(table_rows docs/rules.md | wc -l)
nrefs=$(wc -l <"$tmp/model_refs")
if [ ! -s "$tmp/problems" ] && [ "$rows" -ge 30 ] && [ "$nrefs" -ge 10 ]; then
    ok "docs/rules.md: $rows rows; the $nrefs rules cited in src/model/ are all cited in src/check/ and in the table"
else
    bad "docs/rules.md ($rows rows, $nrefs rules cited in src/model/):"
    sed 's/^/     /' "$tmp/problems"
fi

# every rule of format.md section 3 has a row
for r in 3.1 3.2 3.3 3.4 3.5 3.6 3.7 3.8; do echo "$r"; done >"$tmp/want_rules"
refs_anchors docs/format.md | grep '^3\.9\.' >>"$tmp/want_rules"
sort -u "$tmp/want_rules" >"$tmp/want_sorted"
table_rows docs/rules.md | cut -d'|' -f1 | sort -u >"$tmp/have"
missing=$(comm -23 "$tmp/want_sorted" "$tmp/have" | tr '\n' ' ')
if [ -z "$missing" ]; then
    ok "every rule of format.md §3.1-3.8 and every point 3.9.N has a row"
else
    bad "rules of format.md §3 without a row: $missing"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
