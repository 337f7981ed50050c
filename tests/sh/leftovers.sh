#!/bin/sh
# leftovers.sh — a command that fails to write, or is stopped by a signal,
# exits 2 (or by the signal) and leaves nothing of this run behind
# (issue 17.4).
#
# - export ics and csv into an existing directory on a full disk (a small
#   tmpfs; needs root to mount, skipped with a note otherwise): exit 2, the
#   directory exactly as before (the export is staged and moved in only
#   when complete);
# - solve --write-lp on a full disk: exit 2 (like every write failure),
#   nothing left;
# - whatif --keep on a full disk: exit 2, no kept schedule left;
# - SIGTERM and SIGINT during an export of 3000 calendars into an existing
#   directory: the directory as before;
# - SIGKILL during an export leaves only a hidden, named staging directory
#   (.export.placera-tmp-PID), and the next run into that directory removes
#   it; temporary files of processes that still run are left alone.
# Run from the repo root:  sh tests/sh/leftovers.sh build/placera
PLACERA=${1:-build/placera}
passed=0
failed=0
skipped=0
tmp=$(mktemp -d)
mnt=
trap '[ -n "$mnt" ] && umount "$mnt" 2>/dev/null; rm -rf "$tmp"' EXIT

ok() { passed=$((passed + 1)); echo "ok   $1"; }
bad() { failed=$((failed + 1)); echo "FAIL $1"; }
skip() { skipped=$((skipped + 1)); echo "skip $1"; }

P=$PLACERA
NB=instances/norrbotten-bt.json
"$P" solve "$NB" --quiet --time-limit 20 -o "$tmp/nb.json" 2>/dev/null || bad "solve norrbotten"

# same_dir NAME DIR: DIR lists what $tmp/before lists
same_dir() {
    ls -A "$2" >"$tmp/after"
    if cmp -s "$tmp/before" "$tmp/after"; then
        return 0
    fi
    bad "$1: left behind: $(comm -13 "$tmp/before" "$tmp/after" | tr '\n' ' ')"
    return 1
}

# ---- a full disk ---------------------------------------------------------------
full="$tmp/full"
mkdir "$full"
if [ "$(id -u)" = 0 ] && mount -t tmpfs -o size=24k,nr_inodes=256 tmpfs "$full" 2>/dev/null; then
    mnt=$full
    mkdir "$full/cal" "$full/keep"
    echo "mine" >"$full/cal/notes.txt"
    dd if=/dev/zero of="$full/filler" bs=1024 count=12 2>/dev/null
    for kind in ics csv; do
        ls -A "$full/cal" >"$tmp/before"
        "$P" export $kind "$NB" "$tmp/nb.json" -o "$full/cal" >"$tmp/out" 2>"$tmp/err"
        rc=$?
        if [ "$rc" = 2 ] && grep -q "error: cannot write" "$tmp/err"; then
            same_dir "full disk: export $kind" "$full/cal" &&
                ok "full disk: export $kind into an existing directory: exit 2, '$(grep -m1 "error:" "$tmp/err" | sed "s#$tmp/##")', the directory as before"
        else
            bad "full disk: export $kind: exit $rc"; cat "$tmp/err"
        fi
    done
    # now fill it up
    dd if=/dev/zero of="$full/filler2" bs=1024 2>/dev/null
    ls -A "$full" >"$tmp/before"
    "$P" solve "$NB" --quiet --time-limit 5 --write-lp "$full/model.lp" -o "$tmp/s.json" \
        >"$tmp/out" 2>"$tmp/err"
    rc=$?
    if [ "$rc" = 2 ] && grep -q "model.lp: error: cannot write" "$tmp/err"; then
        same_dir "full disk: --write-lp" "$full" && ok "full disk: solve --write-lp: exit 2, nothing left"
    else
        bad "full disk: solve --write-lp: exit $rc, expected 2"; cat "$tmp/err"
    fi
    ls -A "$full/keep" >"$tmp/before"
    scen="$tmp/scen.json"
    echo '{"name": "same"}' >"$scen"
    "$P" whatif "$NB" "$scen" --quiet --time-limit 10 --keep "$full/keep" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    if [ "$rc" = 2 ] && grep -q "error: cannot write" "$tmp/err"; then
        same_dir "full disk: whatif --keep" "$full/keep" && ok "full disk: whatif --keep: exit 2, nothing kept"
    else
        bad "full disk: whatif --keep: exit $rc, expected 2"; cat "$tmp/err"
    fi
    umount "$full" && mnt=
else
    skip "full disk: cannot mount a tmpfs here (needs root)"
fi

# ---- whatif: --json that cannot be written takes the kept schedules along ---------
echo '{"name": "same"}' >"$tmp/same.json"
"$P" whatif "$NB" "$tmp/same.json" --quiet --time-limit 10 --keep "$tmp/kept" \
    --json "$tmp/missing/out.json" >/dev/null 2>"$tmp/err"
rc=$?
if [ "$rc" = 2 ] && [ ! -e "$tmp/kept" ] && grep -q "out.json: error" "$tmp/err"; then
    ok "whatif --json unwritable: exit 2, the kept schedules and their new directory removed"
else
    bad "whatif --json unwritable: exit $rc, kept: $(ls "$tmp/kept" 2>&1 | tr '\n' ' ')"; cat "$tmp/err"
fi

# ---- signals during an export -----------------------------------------------------
# 2000 trainees over 2 periods, solved (export refuses a schedule that
# breaks a rule): an export of some 2000 calendars, about 1.5 s of writing
"$P" generate --trainees 2000 --sites 200 --periods 2 --seed 3 -o "$tmp/reg.json" ||
    bad "generate"
if command -v python3 >/dev/null 2>&1; then
    "$P" solve "$tmp/reg.json" --time-limit 30 --quiet -o "$tmp/reg-sched.json" ||
        bad "solve the export's instance"
    # start an export in the background with SIGINT at its default action
    # (a shell ignores SIGINT in background jobs)
    start_export() {
        python3 -c 'import os, signal, sys
signal.signal(signal.SIGINT, signal.SIG_DFL)
os.execv(sys.argv[1], sys.argv[1:])' "$P" export ics "$tmp/reg.json" "$tmp/reg-sched.json" \
            -o "$1" >/dev/null 2>&1 &
        pid=$!
    }
    for sig in TERM INT; do
        case $sig in TERM) signo=15 ;; INT) signo=2 ;; esac
        cal="$tmp/cal-$sig"
        mkdir "$cal"
        echo "mine" >"$cal/notes.txt"
        ls -A "$cal" >"$tmp/before"
        start_export "$cal"
        # wait until the export is writing (its staging directory exists)
        i=0
        while [ $i -lt 200 ] && ! ls -A "$cal" | grep -q placera-tmp; do
            sleep 0.01; i=$((i + 1))
        done
        sleep 0.05
        kill -$sig $pid
        wait $pid
        rc=$?
        if [ $i -ge 200 ]; then
            bad "SIG$sig: the export never started writing"
        elif [ "$rc" = 0 ]; then
            skip "SIG$sig: the export ended before the signal"
        elif [ "$rc" != $((128 + signo)) ]; then
            bad "SIG$sig during export: exit $rc, not ended by the signal"
        else
            same_dir "SIG$sig during export" "$cal" &&
                ok "SIG$sig during an export into an existing directory: ended by the signal, the directory as before"
        fi
    done

    # SIGKILL: only a hidden staging directory named for what it is
    cal="$tmp/cal-KILL"
    mkdir "$cal"
    start_export "$cal"
    i=0
    while [ $i -lt 200 ] && ! ls -A "$cal" | grep -q placera-tmp; do
        sleep 0.01; i=$((i + 1))
    done
    sleep 0.05
    kill -KILL $pid
    wait $pid 2>/dev/null
    left=$(ls -A "$cal" | tr '\n' ' ')
    if [ "$left" = ".export.placera-tmp-$pid " ]; then
        ok "SIGKILL during an export: only '$left' left"
    else
        bad "SIGKILL during an export: left '$left'"
    fi
else
    skip "signals during an export: python3 missing to write the schedule"
    cal="$tmp/cal-KILL"
    mkdir "$cal"
    sh -c 'exit 0' &
    pid=$!
    wait $pid
    mkdir "$cal/.export.placera-tmp-$pid"
    echo x >"$cal/.export.placera-tmp-$pid/trainee-a.ics"
fi

# ---- the next run removes what dead runs left, not what live ones use -----------------
sh -c 'exit 0' &
dead=$!
wait $dead
echo x >"$cal/.sched.json.placera-tmp-$dead"
echo x >"$cal/.sched.json.placera-tmp-$$"   # this shell still runs
echo x >"$cal/.notes.placera-tmp-12x"        # no process id: not ours
"$P" solve "$NB" --quiet --time-limit 5 -o "$cal/sched.json" 2>/dev/null
left=$(ls -A "$cal" | grep placera-tmp | tr '\n' ' ')
if [ "$left" = ".notes.placera-tmp-12x .sched.json.placera-tmp-$$ " ] && [ -s "$cal/sched.json" ]; then
    ok "the next run removed the leftovers of dead processes, kept '$left'"
else
    bad "stale temporary files: left '$left'"
fi

echo "$passed passed, $failed failed ($skipped skipped)"
[ "$failed" -eq 0 ]
