# refs.sh — shell functions (sourced, not run) that read references to
# docs/format.md: which sections and points the page has, and which ones a
# file cites.  Used by tests/sh/doc_refs.sh and tests/sh/rules.sh.
#
# A reference is any of:
#   §N, §N.M, §N.M.K            (a "§" always means format.md)
#   format.md N.M, format.md section N, format.md §N.M, ... and the list
#   that follows it: "format.md 2.7, 3.9.6, 3.9.12"
#   3.9.K                       (a precise point, anywhere)
#   placera's choice N, format.md choice N, "choices 5 and 19" after either
#                               (the choices of section 7: §7.N)
# A range "A–B" or "A-B" cites both ends; "3.9.1–3" is 3.9.1 to 3.9.3.
# Scripts run from the top of the repository.

# refs_anchors FORMAT_MD: every section and point the page defines, one per
# line: "1", "2.1", "3.9.4", "7.18".
refs_anchors() {
    awk '
        /^## [0-9]+\./ { s = $2; sub(/\.$/, "", s); print s; sec = s; sub_ = ""; next }
        /^### [0-9]+\.[0-9]+/ { sub_ = $2; print sub_; next }
        /^## / { sec = ""; sub_ = ""; next }
        /^[0-9]+\. / {
            n = $1; sub(/\.$/, "", n)
            if (sub_ == "3.9") print "3.9." n
            else if (sec == "7" && sub_ == "") print "7." n
        }
    ' "$1"
}

# refs_expand: reads "FILE:LINE:TEXT" lines whose TEXT is one raw reference
# and writes "FILE:LINE:REF" with ranges cut into their two ends.
refs_expand() {
    sed 's/–/-/g' | awk -F: '
        {
            loc = $1 ":" $2; t = $0; sub(/^[^:]*:[^:]*:/, "", t)
            n = split(t, ends, "-")
            first = ends[1]; print loc ":" first
            if (n == 2) {
                last = ends[2]
                if (last !~ /\./ && first ~ /\./) {
                    prefix = first; sub(/[0-9]+$/, "", prefix); last = prefix last
                }
                print loc ":" last
            }
        }'
}

# refs_cited FILE...: every reference in the files, as "FILE:LINE:REF".
refs_cited() {
    num='[0-9]+(\.[0-9]+)*'
    rng="$num((–|-)$num)?"
    {
        # § anywhere
        grep -noE "§ ?$rng" "$@" /dev/null | sed 's/:§ \{0,1\}/:/'
        # format.md N, format.md §N, format.md section N, and its list
        grep -noE "format\.md,? (sections? |points? |§)?$rng((, | and |, and )(§)?$rng)*" "$@" /dev/null |
            sed -E 's/format\.md,? (sections? |points? )?//; s/§//g' |
            awk -F: '{ loc = $1 ":" $2; t = $0; sub(/^[^:]*:[^:]*:/, "", t)
                       gsub(/ and /, ", ", t); gsub(/,,/, ",", t)
                       n = split(t, xs, ", ")
                       for (i = 1; i <= n; i++) if (xs[i] != "") print loc ":" xs[i] }'
        # bare points 3.9.K
        grep -noE "(^|[^0-9.])3\.9\.[0-9]+((–|-)[0-9]+(\.[0-9]+)*)?" "$@" /dev/null |
            sed -E 's/^([^:]*:[^:]*:)[^0-9]*/\1/'
        # the choices of section 7
        grep -noE "(placera's|format\.md,?) choices? [0-9]+((, | and |, and )[0-9]+)*" "$@" /dev/null |
            sed -E "s/(placera's|format\.md,?) choices? //" |
            awk -F: '{ loc = $1 ":" $2; t = $0; sub(/^[^:]*:[^:]*:/, "", t)
                       gsub(/ and /, ", ", t); gsub(/,,/, ",", t)
                       n = split(t, xs, ", ")
                       for (i = 1; i <= n; i++) if (xs[i] != "") print loc ":7." xs[i] }'
    } | grep -v '^/dev/null' | refs_expand | sed -E 's/[.]$//' | sort -u
}

# refs_unresolved FORMAT_MD FILE...: the references in the files that
# FORMAT_MD does not define, as "FILE:LINE:REF" (nothing when all resolve).
refs_unresolved() {
    fmt=$1
    shift
    anchors=$(mktemp)
    refs_anchors "$fmt" >"$anchors"
    refs_cited "$@" | awk -F: 'NR == FNR { ok[$0] = 1; next } !($3 in ok)' "$anchors" -
    rm -f "$anchors"
}

# refs_files: the files whose references must resolve: src/, include/,
# docs/, tests/ (text only) and README.md.
refs_files() {
    grep -rlI --exclude-dir=corpus --exclude-dir=crashes -e . src include docs tests README.md |
        grep -E '\.(c|h|md|sh|py|json|txt)$|Makefile$' | sort
}
