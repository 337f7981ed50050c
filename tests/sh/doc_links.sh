#!/bin/sh
# doc_links.sh — the documents point at what exists: every relative link
# ([text](path), [text](path#anchor), [text](#anchor)) in README.md, docs/
# and the other Markdown files of the repository names a file that exists,
# and every #anchor a heading of that file (GitHub's anchors: lower case,
# punctuation dropped, spaces as -, repeats numbered -1, -2); every path of
# the repository a page names in backticks (`src/util/diag.c`) exists; every
# docs/NAME.md named in src/, include/, tests/, docs/ and README.md exists,
# and so does every NAME.md a page of docs/ names.  References to sections
# of docs/format.md are tests/sh/doc_refs.sh's.  First the checker is shown
# a sample with broken links, so that the test can fail.
# Usage: sh tests/sh/doc_links.sh [PLACERA]   (from the repository root; the
# binary is not needed)
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { passed=$((passed + 1)); echo "ok   $1"; }
bad() { failed=$((failed + 1)); echo "FAIL $1"; }

# broken FILE...: each link or file name in the files that names nothing,
# as "FILE:LINE: TARGET (why)".
broken() {
    python3 - "$@" <<'EOF'
import os, re, sys

LINK = re.compile(r'\]\(([^()\s]+)(?:\s+"[^"]*")?\)')
DOCS_PATH = re.compile(r'(?<![\w./-])(docs/[a-z0-9_.-]+\.md)\b')   # NAME.md: a placeholder
REPO_PATH = re.compile(r'`((?:src|tests|include|instances|benchmarks|docs)/[a-z0-9_./-]+)`')
BARE_MD = re.compile(r'(?<![\w./-])([a-z0-9_-]+\.md)\b')
anchors_of = {}


def slug(heading):
    text = re.sub(r'`|\*\*|\*|_(?=\w)|(?<=\w)_', '', heading)   # code and emphasis marks
    text = re.sub(r'\[([^\]]*)\]\([^)]*\)', r'\1', text)           # links: their text
    text = text.strip().lower()
    text = re.sub(r'[^\w\- ]', '', text)
    return text.replace(' ', '-')


def anchors(path):
    if path not in anchors_of:
        seen, found, fence = {}, set(), False
        with open(path, encoding='utf-8') as f:
            for line in f:
                if line.startswith('```'):
                    fence = not fence
                m = re.match(r'(#{1,6})\s+(.*?)\s*#*\s*$', line)
                if m and not fence:
                    s = slug(m.group(2))
                    n = seen.get(s, 0)
                    seen[s] = n + 1
                    found.add(s if n == 0 else '%s-%d' % (s, n))
                for a in re.findall(r'<a\s+(?:name|id)="([^"]+)"', line):
                    found.add(a)
        anchors_of[path] = found
    return anchors_of[path]


def check_link(src, target):
    if re.match(r'[a-z]+:', target):
        return None                       # http:, https:, mailto:
    path, _, anchor = target.partition('#')
    dest = os.path.normpath(os.path.join(os.path.dirname(src), path)) if path else src
    if not os.path.exists(dest):
        return 'no such file'
    if anchor:
        if not dest.endswith('.md'):
            return 'an anchor into a file that is not Markdown'
        if anchor not in anchors(dest):
            return 'no heading with this anchor in ' + dest
    return None


for src in sys.argv[1:]:
    markdown = src.endswith('.md')
    in_docs = os.path.dirname(os.path.normpath(src)) == 'docs'
    with open(src, encoding='utf-8', errors='replace') as f:
        for number, line in enumerate(f, 1):
            if markdown:
                for target in LINK.findall(line):
                    why = check_link(src, target)
                    if why:
                        print('%s:%d: %s (%s)' % (src, number, target, why))
                for name in REPO_PATH.findall(line):
                    here = os.path.join(os.path.dirname(src), name)
                    if not os.path.exists(name) and not os.path.exists(here):
                        print('%s:%d: %s (no such file or folder)' % (src, number, name))
            for name in DOCS_PATH.findall(line):
                if not os.path.exists(name):
                    print('%s:%d: %s (no such file)' % (src, number, name))
            if in_docs:
                for name in BARE_MD.findall(LINK.sub('](link)', line)):
                    here = os.path.join(os.path.dirname(src), name)
                    if not os.path.exists(here) and name != 'README.md':
                        print('%s:%d: %s (no such page in docs/)' % (src, number, name))
EOF
}

# --- the checker finds what it must -------------------------------------------
mkdir -p "$tmp/docs" "$tmp/src/util"
: >"$tmp/src/util/strutil.c"
cat >"$tmp/docs/a.md" <<'EOF'
# Page A

## The files: `x.csv` and *y*

## Errors
## Errors

See [b](b.md), [b's part](b.md#part-two), [errors](#errors), [again](#errors-1),
[files](#the-files-xcsv-and-y), [the web](https://example.com/x.md#nowhere).
Broken: [gone](gone.md), [no part](b.md#part-three), [here](#nothing),
docs/missing.md in prose, and whatif-gone.md; `src/util/strutil.c`, `src/gone.c`.
EOF
printf '# B\n\n## Part two\n' >"$tmp/docs/b.md"
got=$(cd "$tmp" && broken docs/a.md docs/b.md | sed -E 's/ \(.*//' | tr '\n' ' ')
want="docs/a.md:10: gone.md docs/a.md:10: b.md#part-three docs/a.md:10: #nothing docs/a.md:11: src/gone.c docs/a.md:11: docs/missing.md docs/a.md:11: whatif-gone.md "
if [ "$got" = "$want" ]; then
    ok "the checker reports exactly the broken links of a sample"
else
    bad "the checker reports '$got', expected '$want'"
fi

# --- the repository ---------------------------------------------------------------
find . -name '*.md' ! -path './build*' ! -path './.git/*' ! -path './tests/fuzz/corpus/*' |
    sed 's|^\./||' | sort >"$tmp/pages"
find src include tests -type f \( -name '*.c' -o -name '*.h' -o -name '*.sh' -o -name '*.py' \) |
    grep -vE '^tests/sh/(doc_links|help)\.sh$' | sort >"$tmp/sources" # samples, bad on purpose
n_links=$(cat $(cat "$tmp/pages") | grep -oE '\]\([^()[:space:]]+' | grep -cvE '\]\([a-z]+:')
broken $(cat "$tmp/pages") $(cat "$tmp/sources") >"$tmp/broken"
if [ ! -s "$tmp/broken" ] && [ "$n_links" -gt 30 ]; then
    ok "all $n_links relative links in $(wc -l <"$tmp/pages") Markdown files, every repository path they name and every docs/NAME.md named in $(wc -l <"$tmp/sources") sources resolve"
else
    bad "links or file names that point at nothing ($n_links links read):"
    sed 's/^/     /' "$tmp/broken"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
