#!/bin/sh
# layers.sh — the layers of the source tree hold (README.md, "Layout"):
#   1. glpk.h is included only under src/solve/;
#   2. nothing under src/check/ includes, directly or through other headers,
#      a header of src/model/ or src/solve/, and (when the objects are built)
#      no object of src/check/ uses a function defined in src/model/ or
#      src/solve/: the checker keeps its own reading of the rules;
#   3. src/cmd_*.c, src/main.c and src/commands.h include only placera.h,
#      commands.h and standard C or POSIX headers: the commands are thin
#      layers over the public API.
# A small tree that breaks each rule shows the checks can fail.
# Usage: sh tests/sh/layers.sh [PLACERA]   (from the repository root; the
# objects are looked for next to PLACERA, in BUILD/src/)
PLACERA=${1:-build/placera}
BUILD=$(dirname "$PLACERA")
LC_ALL=C
export LC_ALL
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { passed=$((passed + 1)); echo "ok   $1"; }
bad() { failed=$((failed + 1)); echo "FAIL $1"; }

INCLUDE_RE='^[[:space:]]*#[[:space:]]*include[[:space:]]*'

# quoted_includes FILE: the "..." headers FILE includes, one a line.
quoted_includes() {
    sed -n "s/${INCLUDE_RE}\"\([^\"]*\)\".*/\1/p" "$1"
}

# angle_includes FILE: the <...> headers FILE includes, one a line.
angle_includes() {
    sed -n "s/${INCLUDE_RE}<\([^>]*\)>.*/\1/p" "$1"
}

# glpk_outside_solve ROOT: files outside ROOT/src/solve/ that include glpk.h.
glpk_outside_solve() {
    for f in $(find "$1/src" "$1/include" "$1/tests" -name '*.[ch]' 2>/dev/null | sort); do
        case "$f" in "$1/src/solve/"*) continue ;; esac
        if { quoted_includes "$f"; angle_includes "$f"; } | grep -qx 'glpk.h'; then
            echo "$f includes glpk.h"
        fi
    done
}

# closure ROOT FILE: every header FILE reaches through "..." includes, as
# paths under ROOT (src/... or include/...), found as the compiler does
# with -Iinclude -Isrc (or next to the including file).
closure() {
    root=$1
    : >"$tmp/seen"
    echo "$2" >"$tmp/todo"
    while [ -s "$tmp/todo" ]; do
        f=$(head -n 1 "$tmp/todo")
        sed -i 1d "$tmp/todo"
        grep -qxF "$f" "$tmp/seen" && continue
        echo "$f" >>"$tmp/seen"
        for h in $(quoted_includes "$root/$f"); do
            for cand in "$(dirname "$f")/$h" "include/$h" "src/$h"; do
                if [ -f "$root/$cand" ]; then
                    echo "$cand" >>"$tmp/todo"
                    break
                fi
            done
        done
    done
    sed 1d "$tmp/seen"
}

# check_reaches_model ROOT: src/check/ files that reach src/model/ or src/solve/.
check_reaches_model() {
    for f in $(cd "$1" && find src/check -name '*.[ch]' | sort); do
        closure "$1" "$f" | grep -E '^src/(model|solve)/' | sed "s|^|$f reaches |"
    done
}

# check_uses_model_objects OBJDIR: functions of OBJDIR/model or OBJDIR/solve
# that the objects of OBJDIR/check use.
check_uses_model_objects() {
    for o in "$1"/check/*.o; do nm -u "$o"; done | awk '{ print $NF }' | sort -u >"$tmp/used"
    for o in "$1"/model/*.o "$1"/solve/*.o; do nm --defined-only "$o"; done |
        awk '$2 ~ /^[TDRB]$/ { print $3 }' | sort -u >"$tmp/defined"
    comm -12 "$tmp/used" "$tmp/defined" | sed 's/^/src\/check\/ uses /'
}

STD_HEADERS=' assert.h ctype.h errno.h fenv.h float.h inttypes.h limits.h locale.h math.h setjmp.h signal.h stdarg.h stdbool.h stddef.h stdint.h stdio.h stdlib.h string.h time.h dirent.h fcntl.h poll.h pthread.h strings.h termios.h unistd.h sys/resource.h sys/select.h sys/stat.h sys/time.h sys/types.h sys/wait.h '

# commands_include ROOT: what src/cmd_*.c, src/main.c and src/commands.h
# include beyond placera.h, commands.h and the standard headers.
commands_include() {
    for f in $(cd "$1" && ls src/cmd_*.c src/main.c src/commands.h 2>/dev/null); do
        for h in $(quoted_includes "$1/$f"); do
            case "$h" in placera.h | commands.h) ;; *) echo "$f includes \"$h\"" ;; esac
        done
        for h in $(angle_includes "$1/$f"); do
            case "$STD_HEADERS" in *" $h "*) ;; *) echo "$f includes <$h>" ;; esac
        done
    done
}

# --- a tree that breaks every rule -------------------------------------------
t=$tmp/tree
mkdir -p "$t/src/solve" "$t/src/check" "$t/src/model" "$t/src/schedule" "$t/include"
printf '#include <glpk.h>\n' >"$t/src/solve/ok.c"
printf '#include "glpk.h"\n' >"$t/src/model/bad.c"
printf '#include "model/model.h"\n' >"$t/src/schedule/bridge.h"
printf '/* model */\n' >"$t/src/model/model.h"
printf '#include "placera.h"\n#include "schedule/bridge.h"\n' >"$t/src/check/c.c"
printf '/* api */\n' >"$t/include/placera.h"
printf '#include <stdio.h>\n#include <jansson.h>\n#include "placera.h"\n#include "instance/instance.h"\n' >"$t/src/cmd_x.c"
printf '#include "commands.h"\n' >"$t/src/main.c"
printf '#include "placera.h"\n' >"$t/src/commands.h"
{
    glpk_outside_solve "$t"
    check_reaches_model "$t"
    commands_include "$t"
} | sed "s|$t/||" >"$tmp/sample.out"
cat >"$tmp/sample.want" <<'EOF'
src/model/bad.c includes glpk.h
src/check/c.c reaches src/model/model.h
src/cmd_x.c includes "instance/instance.h"
src/cmd_x.c includes <jansson.h>
EOF
if cmp -s "$tmp/sample.out" "$tmp/sample.want"; then
    ok "a tree that breaks each rule is refused, an indirect include included"
else
    bad "the sample tree gives:"
    sed 's/^/     /' "$tmp/sample.out"
fi

# --- the real tree ---------------------------------------------------------
out=$(glpk_outside_solve .)
if [ -z "$out" ] && [ -n "$(grep -rl 'include <glpk.h>' src/solve)" ]; then
    ok "glpk.h is included only under src/solve/"
else
    bad "glpk.h outside src/solve/: $out"
fi

out=$(check_reaches_model .)
if [ -z "$out" ] && [ -n "$(find src/check -name '*.c')" ]; then
    ok "no file of src/check/ reaches a header of src/model/ or src/solve/"
else
    bad "the checker includes the model or the solver:"
    echo "$out" | sed 's/^/     /'
fi

if ls "$BUILD"/src/check/*.o >/dev/null 2>&1 && ls "$BUILD"/src/model/*.o >/dev/null 2>&1; then
    out=$(check_uses_model_objects "$BUILD/src")
    if [ -z "$out" ]; then
        ok "no object of src/check/ uses a function of src/model/ or src/solve/"
    else
        bad "the checker uses the model's code:"
        echo "$out" | sed 's/^/     /'
    fi
else
    echo "note no objects in $BUILD/src/: the link-level check of src/check/ is skipped"
fi

out=$(commands_include .)
if [ -z "$out" ] && [ -n "$(ls src/cmd_*.c)" ]; then
    ok "src/cmd_*.c, src/main.c and src/commands.h include only placera.h, commands.h and standard headers"
else
    bad "the commands reach past the public API:"
    echo "$out" | sed 's/^/     /'
fi

# the library's names: pl_ for the public API (include/placera.h), pli_
# for everything else, so that `nm` shows the API at a glance
lib="$BUILD/libplacera.a"
if [ -f "$lib" ] && command -v nm >/dev/null 2>&1; then
    nm -g --defined-only "$lib" 2>/dev/null | awk 'NF == 3 && $2 ~ /[TDBR]/ { print $3 }' |
        sort -u >"$tmp/exported"
    grep -o '\bpl_[A-Za-z0-9_]*' include/placera.h | sort -u >"$tmp/public"
    out=$(grep '^pl_' "$tmp/exported" | comm -23 - "$tmp/public")
    # (__ names are the compiler's and the sanitizers', e.g. __odr_asan.X)
    stray=$(grep -v '^pl_\|^pli_\|^__' "$tmp/exported")
    if [ -z "$out" ] && [ -z "$stray" ] && grep -q '^pl_solve$' "$tmp/exported"; then
        ok "libplacera.a exports pl_ names only for include/placera.h, pli_ for the rest"
    else
        bad "exported names outside the convention:"
        echo "$out $stray" | tr ' ' '\n' | sed '/^$/d; s/^/     /'
    fi
else
    echo "note no $lib or no nm: the symbol check is skipped"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
