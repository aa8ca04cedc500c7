#!/usr/bin/env bash
# Prints what a vnfacts binary reads from every sample this project can see: the corpus, the
# sample report and the devset of ../shared (when present), each with the default options and a
# few others. Two binaries give byte-identical snapshots when a change keeps every output:
#
#   scripts/snapshot.sh target/release/vnfacts > after.txt
#   scripts/snapshot.sh /tmp/before/vnfacts > before.txt && cmp before.txt after.txt
set -euo pipefail
bin=${1:?usage: scripts/snapshot.sh PATH-TO-VNFACTS}
cd "$(dirname "$0")/.."
files=(corpus/*.txt)
for d in ../shared/seeds ../shared/devset; do
  [ -d "$d" ] && files+=("$d"/*.txt)
done
for f in "${files[@]}"; do
  echo "== $f"
  "$bin" extract "$f"
  echo "== $f --kinds money,date,organization"
  "$bin" extract "$f" --kinds money,date,organization
  echo "== $f --document-date 2024-08-15 --reference-year 2023"
  "$bin" extract "$f" --document-date 2024-08-15 --reference-year 2023
  echo "== $f --format csv"
  "$bin" extract "$f" --format csv
done
echo "== all, jsonl"
"$bin" extract "${files[@]}" --quiet --jobs 2
