#!/bin/sh
# load_large.sh — how fast `placera validate` loads a large instance.
#
# Generates a ~50 MB valid instance with benchmarks/gen_large.py into /tmp
# (kept between runs), runs `/usr/bin/time -v PLACERA validate FILE` and
# prints one table row: file size, seconds, peak RSS, RSS / size.
# Targets: under 2 s, peak RSS under 10x the file size.
#   sh benchmarks/load_large.sh [PLACERA] [TRAINEES]
PLACERA=${1:-build/placera}
TRAINEES=${2:-135000}
FILE=/tmp/placera-large-$TRAINEES.json
if [ ! -x /usr/bin/time ]; then
    echo "load_large: /usr/bin/time is missing (apt-get install -y time)" >&2
    exit 2
fi
if [ ! -s "$FILE" ]; then
    python3 "$(dirname "$0")/gen_large.py" "$FILE" --trainees "$TRAINEES" || exit 2
fi
log=$(mktemp)
trap 'rm -f "$log"' EXIT
/usr/bin/time -v "$PLACERA" validate "$FILE" >/dev/null 2>"$log"
rc=$?
if [ "$rc" -ne 0 ]; then
    echo "load_large: validate failed (exit $rc)" >&2
    grep -v "^\s" "$log" | head -5 >&2
    exit 1
fi
bytes=$(wc -c <"$FILE")
rss_kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$log")
wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$log")
user=$(sed -n 's/.*User time (seconds): //p' "$log")
sys=$(sed -n 's/.*System time (seconds): //p' "$log")
awk -v b="$bytes" -v r="$rss_kb" -v w="$wall" -v u="$user" -v s="$sys" -v n="$TRAINEES" 'BEGIN {
    k = split(w, part, ":"); sec = 0;
    for (i = 1; i <= k; i++) sec = sec * 60 + part[i];
    printf "| file MB | trainees | wall s | cpu s (user+sys) | peak RSS MB | RSS / size |\n";
    printf "|---|---|---|---|---|---|\n";
    printf "| %.1f | %d | %.2f | %.2f | %.0f | %.1f |\n", b / 1e6, n, sec, u + s, r / 1024, r * 1024 / b;
}'
