#!/usr/bin/env python3
"""Writes an archive of report-sized files made from the corpus, for measuring throughput.

    python3 scripts/make_archive.py OUT_DIR [MEGABYTES] [SEED]

Each file is a title line from one corpus report followed by lines drawn at random from all of
them, about 2 KB, until the archive holds MEGABYTES (default 50) of text. The same seed gives
the same archive, so two binaries can be measured on the same bytes.
"""
import os
import pathlib
import random
import sys

root = pathlib.Path(__file__).resolve().parent.parent
out = pathlib.Path(sys.argv[1])
megabytes = float(sys.argv[2]) if len(sys.argv) > 2 else 50
rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 7)

reports = [p.read_text(encoding="utf-8").replace("\r\n", "\n") for p in sorted((root / "corpus").glob("*.txt"))]
titles = [r.strip().splitlines()[0] for r in reports]
lines = [l for r in reports for l in r.strip().splitlines()[1:] if l.strip()]

out.mkdir(parents=True, exist_ok=True)
total, n = 0, 0
while total < megabytes * 1e6:
    body = [rng.choice(titles)]
    size = len(body[0].encode())
    while size < 2000:
        l = rng.choice(lines)
        body.append(l)
        size += len(l.encode()) + 1
    data = ("\n".join(body) + "\n").encode()
    (out / f"{n // 1000:03d}").mkdir(exist_ok=True)
    (out / f"{n // 1000:03d}" / f"bc-{n:06d}.txt").write_bytes(data)
    total += len(data)
    n += 1
print(f"{out}: {n} files, {total / 1e6:.1f} MB", file=sys.stderr)
