#!/bin/sh
# doc_refs.sh — every reference to docs/format.md in src/, include/, docs/,
# tests/ and README.md ("format.md §3.8", "3.9.19", "placera's choice 18",
# ...; tests/sh/lib/refs.sh says which forms count) names a section or point
# that docs/format.md has, and the page is numbered as the format contract:
# sections 1–7, subsections 2.1–2.9, 3.1–3.9, 5.1–5.2, points 3.9.1–26.
# First the reader itself is shown to catch a bad reference, so that the test
# can fail.
# Usage: sh tests/sh/doc_refs.sh [PLACERA]   (from the repository root; the
# binary is not needed)
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { passed=$((passed + 1)); echo "ok   $1"; }
bad() { failed=$((failed + 1)); echo "FAIL $1"; }

. tests/sh/lib/refs.sh

# --- the reader finds what it must ------------------------------------------
cat >"$tmp/sample.c" <<'EOF'
/* sample.c — format.md §3.3, §3.9.1–3 and format.md 2.7, 3.9.6, 3.9.12.
 * format.md section 4; (3.9.27); format.md §2.11; placera's choice 99;
 * format.md 3.10 and 5.3; RFC 7396, section 2 is not ours. */
EOF
got=$(refs_unresolved docs/format.md "$tmp/sample.c" | cut -d: -f3 | sort -V | tr '\n' ' ')
want="2.11 3.9.27 3.10 5.3 7.99 "
if [ "$got" = "$want" ]; then
    ok "the reader reports exactly the bad references of a sample"
else
    bad "the reader reports '$got', expected '$want'"
fi
got=$(refs_cited "$tmp/sample.c" | cut -d: -f3 | sort -V | tr '\n' ' ')
want="2.7 2.11 3.3 3.9.1 3.9.3 3.9.6 3.9.12 3.9.27 3.10 4 5.3 7.99 "
if [ "$got" = "$want" ]; then
    ok "the reader finds every reference of a sample, ranges by their ends"
else
    bad "the reader finds '$got', expected '$want'"
fi

# --- docs/format.md is numbered as the contract -----------------------------
seq_list() { # PREFIX FROM TO
    i=$2
    while [ "$i" -le "$3" ]; do printf '%s%s\n' "$1" "$i"; i=$((i + 1)); done
}
{
    seq_list "" 1 7
    seq_list 2. 1 9
    seq_list 3. 1 9
    seq_list 3.9. 1 26
    seq_list 5. 1 2
} | sort >"$tmp/want"
refs_anchors docs/format.md | grep -v '^7\.' | sort >"$tmp/got"
if cmp -s "$tmp/want" "$tmp/got"; then
    ok "docs/format.md has sections 1-7, 2.1-2.9, 3.1-3.9, 5.1-5.2, points 3.9.1-26, nothing else"
else
    bad "docs/format.md numbering differs from the contract's:"
    diff "$tmp/want" "$tmp/got" | sed 's/^/     /'
fi
n7=$(refs_anchors docs/format.md | grep -c '^7\.')
if [ "$n7" -ge 18 ]; then
    ok "section 7 keeps placera's choices 1-18 ($n7 choices)"
else
    bad "section 7 has $n7 choices, fewer than the 18 that are cited by number"
fi

# --- every reference in the repository resolves -----------------------------
# the samples of the two tests are bad on purpose
refs_files | grep -vE '^tests/sh/(doc_refs|rules)\.sh$' >"$tmp/files"
n=$(refs_cited $(cat "$tmp/files") | wc -l)
refs_unresolved docs/format.md $(cat "$tmp/files") >"$tmp/unresolved"
if [ ! -s "$tmp/unresolved" ] && [ "$n" -gt 100 ]; then
    ok "all $n references to format.md in $(wc -l <"$tmp/files") files resolve"
else
    bad "references to format.md that name nothing in it ($n read):"
    sed 's/^/     /' "$tmp/unresolved"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
