#!/usr/bin/env bash
# Peak memory of one run over one long document, for documents of 3, 30 and 60 MB made of the
# corpus reports repeated (a test-free benchmark; README "Limits and hostile input"):
#   scripts/memory.sh [PATH-TO-VNFACTS]
# or of batches: generated archives (examples/make_archive.rs) of the sizes given, in MB,
# each read by `extract DIR --jobs 2 --quiet` (README "Speed"):
#   scripts/memory.sh PATH-TO-VNFACTS batch 20 200 2000
set -euo pipefail
bin=${1:-target/release/vnfacts}
cd "$(dirname "$0")/.."
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
if [ "${2:-}" = batch ]; then
  shift 2
  cargo build --release --example make_archive -q
  printf '%-10s %8s %12s %12s %8s\n' archive files bytes "peak RSS" seconds
  for mb in "${@:-20 200}"; do
    target/release/examples/make_archive "$dir/a$mb" "$mb" 7 >/dev/null
    /usr/bin/time -f '%M %e' -o "$dir/t" "$bin" extract "$dir/a$mb" --jobs 2 --quiet >/dev/null 2>/dev/null || true
    read -r kb secs < "$dir/t"
    printf '%-10s %8d %12d %9d KB %8s\n' "${mb} MB" "$(find "$dir/a$mb" -type f | wc -l)" \
      "$(du -sb "$dir/a$mb" | cut -f1)" "$kb" "$secs"
    rm -rf "$dir/a$mb"
  done
  exit 0
fi
python3 - "$dir" <<'PY'
import glob, sys
corpus = "\n".join(open(f, encoding="utf-8").read() for f in sorted(glob.glob("corpus/*.txt")))
for mb in (3, 30, 60):
    n = mb * 1_000_000 // len(corpus.encode()) + 1
    open(f"{sys.argv[1]}/long-{mb}mb.txt", "w", encoding="utf-8").write((corpus + "\n") * n)
PY
printf '%-16s %10s %12s %8s %8s\n' document bytes "peak RSS" ratio seconds
one=$(find corpus -name '*.txt' | sort | head -1)
for f in "$one" "$dir"/long-3mb.txt "$dir"/long-30mb.txt "$dir"/long-60mb.txt; do
  /usr/bin/time -f '%M %e' -o "$dir/t" "$bin" extract "$f" >/dev/null 2>/dev/null || true
  read -r kb secs < "$dir/t"
  bytes=$(stat -c %s "$f")
  printf '%-16s %10d %9d KB %7.1fx %8s\n' "$(basename "$f" | cut -c1-16)" "$bytes" "$kb" \
    "$(echo "$kb * 1024 / $bytes" | bc -l)" "$secs"
done
