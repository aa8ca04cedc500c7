#!/usr/bin/env bash
# Whole-process speed of two vnfacts binaries side by side, in the same run:
#   scripts/speed.sh OLD-BINARY NEW-BINARY [ARCHIVE-DIR]
# Without ARCHIVE-DIR, /tmp/vnfacts-archive is made first (examples/make_archive.rs, 50 MB,
# seed 7: UTF-8, TCVN3 and VNI text, Word and HTML files).
# 1. one core (taskset -c 0): `extract ARCHIVE --jobs 1 --quiet` for both binaries, and
#    `grep -rcE` of a money pattern over the same files (the bytes read by a C pass: the ratio
#    to it is what stays true on another machine); best of three, alternating;
# 2. both cores: both binaries with `--jobs 2`, each against its own `--jobs 1`;
# 3. a one-file run, start to exit, on a 2 KB report of that archive: mean of 30 runs
#    (perf stat when present, else the shell's clock).
set -euo pipefail
old=${1:?usage: scripts/speed.sh OLD NEW [ARCHIVE]}; new=${2:?usage: scripts/speed.sh OLD NEW [ARCHIVE]}
archive=${3:-/tmp/vnfacts-archive}
cd "$(dirname "$0")/.."
if [ ! -d "$archive" ]; then
  cargo run --release --example make_archive -- "$archive" 50 7
fi
mb=$(du -sb "$archive" | awk '{printf "%.1f", $1 / 1e6}')
best() { sort -n | head -1; }
secs() { /usr/bin/time -f "%e" "$@" 2>&1 >/dev/null | tail -1; }
one() { secs taskset -c 0 "$1" extract "$archive" --jobs 1 --quiet; }
money='[0-9][0-9.,]*( (nghìn|ngàn|triệu|tỷ))? ?(đồng|VNĐ|VND|đ)'
declare -A t
for k in old new grep two oldtwo; do t[$k]=""; done
for i in 1 2 3; do
  t[old]+="$(one "$old")"$'\n'
  t[new]+="$(one "$new")"$'\n'
  t[grep]+="$(secs taskset -c 0 grep -rcE "$money" "$archive")"$'\n'
  t[two]+="$(secs "$new" extract "$archive" --jobs 2 --quiet)"$'\n'
  t[oldtwo]+="$(secs "$old" extract "$archive" --jobs 2 --quiet)"$'\n'
done
for k in old new grep two oldtwo; do t[$k]=$(echo -n "${t[$k]}" | best); done
rate() { echo "$mb / $1" | bc -l; }
echo "archive: $archive, $(find "$archive" -type f | wc -l) files, $mb MB; best of 3"
printf 'one core, --jobs 1: old %s s (%.1f MB/s), new %s s (%.1f MB/s): %.2fx the old\n' \
  "${t[old]}" "$(rate "${t[old]}")" "${t[new]}" "$(rate "${t[new]}")" "$(echo "${t[old]} / ${t[new]}" | bc -l)"
printf 'one core, grep -rcE money: %s s (%.1f MB/s): vnfacts takes %.1fx its time\n' \
  "${t[grep]}" "$(rate "${t[grep]}")" "$(echo "${t[new]} / ${t[grep]}" | bc -l)"
printf 'two cores, --jobs 2: old %s s (%.1f MB/s): %.2fx its --jobs 1; new %s s (%.1f MB/s): %.2fx its --jobs 1\n' \
  "${t[oldtwo]}" "$(rate "${t[oldtwo]}")" "$(echo "${t[old]} / ${t[oldtwo]}" | bc -l)" \
  "${t[two]}" "$(rate "${t[two]}")" "$(echo "${t[new]} / ${t[two]}" | bc -l)"
onefile=$(find "$archive" -name '*.txt' | sort | sed -n 1p)
onerun() {
  if command -v perf >/dev/null; then
    perf stat -r 30 "$1" extract "$onefile" 2>&1 >/dev/null | awk '/seconds time elapsed/ {printf "%.1f", $1 * 1000}'
  else
    local s; s=$(date +%s%N); for _ in $(seq 30); do "$1" extract "$onefile" >/dev/null; done
    echo "scale=1; ($(date +%s%N) - $s) / 30000000" | bc
  fi
}
oo=$(onerun "$old"); on=$(onerun "$new")
printf 'one file (%s, %s bytes), start to exit: old %s ms, new %s ms: %.2f of old\n' \
  "$(basename "$onefile")" "$(stat -c %s "$onefile")" "$oo" "$on" "$(echo "$on / $oo" | bc -l)"
