#!/usr/bin/env bash
# Whole-process speed of two vnfacts binaries side by side, in the same run:
#   scripts/speed.sh OLD-BINARY NEW-BINARY [ARCHIVE-DIR]
# 1. single-core throughput: `extract ARCHIVE --jobs 1 --quiet` over a generated archive of
#    report-sized files (scripts/make_archive.py, 50 MB), best of three, alternating binaries;
# 2. a one-file run, start to exit, on a 2 KB report of that archive: mean of 30 runs
#    (perf stat when present, else /usr/bin/time).
set -euo pipefail
old=${1:?usage: scripts/speed.sh OLD NEW [ARCHIVE]}; new=${2:?usage: scripts/speed.sh OLD NEW [ARCHIVE]}
archive=${3:-/tmp/vnfacts-archive}
cd "$(dirname "$0")/.."
[ -d "$archive" ] || python3 scripts/make_archive.py "$archive" 50
mb=$(du -sb "$archive" | awk '{printf "%.1f", $1 / 1e6}')
best() { sort -n | head -1; }
run() { /usr/bin/time -f "%e" "$1" extract "$archive" --jobs 1 --quiet 2>&1 >/dev/null | tail -1; }
declare -A t
for bin in "$old" "$new"; do t[$bin]=""; done
for i in 1 2 3; do
  for bin in "$old" "$new"; do t[$bin]+="$(run "$bin")"$'\n'; done
done
one=$(find "$archive" -name '*.txt' | sort | sed -n 1p)
onefile() {
  if command -v perf >/dev/null; then
    perf stat -r 30 "$1" extract "$one" 2>&1 >/dev/null | awk '/seconds time elapsed/ {printf "%.1f", $1 * 1000}'
  else
    local s; s=$(date +%s%N); for _ in $(seq 30); do "$1" extract "$one" >/dev/null; done
    echo "scale=1; ($(date +%s%N) - $s) / 30000000" | bc
  fi
}
to=$(echo -n "${t[$old]}" | best); tn=$(echo -n "${t[$new]}" | best)
oo=$(onefile "$old"); on=$(onefile "$new")
echo "archive: $archive, $(find "$archive" -name '*.txt' | wc -l) files, $mb MB"
printf 'single core, --jobs 1: old %s s (%.1f MB/s), new %s s (%.1f MB/s): %.2fx\n' \
  "$to" "$(echo "$mb / $to" | bc -l)" "$tn" "$(echo "$mb / $tn" | bc -l)" "$(echo "$to / $tn" | bc -l)"
printf 'one file (%s, %s bytes), start to exit: old %s ms, new %s ms: %.2f of old\n' \
  "$(basename "$one")" "$(stat -c %s "$one")" "$oo" "$on" "$(echo "$on / $oo" | bc -l)"
