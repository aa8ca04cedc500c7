#!/usr/bin/env python3
"""Prints criterion's last results for some groups as a Markdown table (MB/s, 1 MB = 10^6 bytes):

    cargo bench --bench decode && python3 scripts/bench_table.py decode utf-8
"""
import json
import pathlib
import sys

root = pathlib.Path(__file__).resolve().parent.parent / "target" / "criterion"
groups = sys.argv[1:] or ["decode", "utf-8"]
print("| benchmark | time (median) | MB/s |")
print("|---|---|---|")
for g in groups:
    for d in sorted((root / g).iterdir()):
        bench = d / "new" / "benchmark.json"
        est = d / "new" / "estimates.json"
        if not bench.exists():
            continue
        meta = json.loads(bench.read_text())
        ns = json.loads(est.read_text())["median"]["point_estimate"]
        size = (meta.get("throughput") or {}).get("Bytes")
        rate = f"{size / ns * 1e3:,.0f}" if size else ""
        t = f"{ns / 1e6:.2f} ms" if ns >= 1e5 else f"{ns / 1e3:.1f} µs"
        print(f"| {meta['full_id']} | {t} | {rate} |")
