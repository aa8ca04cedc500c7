#!/usr/bin/env python3
"""Instructions per input byte, stage by stage, of one `vnfacts extract` run (callgrind).

    scripts/stages.py [--bin BINARY] [--keep FILE | --profile FILE] DIR|FILE...

Runs `BINARY extract INPUT... --jobs 1 --quiet` under `valgrind --tool=callgrind` and prints
each stage's inclusive instruction count, per input byte and as a share of the run. Instruction
counts repeat from run to run, so two builds can be compared on the same archive (make one with
`python3 scripts/make_archive.py DIR MEGABYTES`). Without `--bin`, a release build with debug
symbols is made in target/profile (the names come from them; the stages' entry points are
`#[inline(never)]` so that each has a frame of its own). `--keep FILE` keeps callgrind's output
for `callgrind_annotate`.

The stages are disjoint except where said: "recognisers" is the sum of the lines under it, and
"resolve" is the resolution without the context stage it calls.
"""
import argparse
import os
import pathlib
import re
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent

# (label, function name as callgrind prints it). A recogniser's function is found from the
# table in src/recognize/mod.rs, so a new one is listed without editing this script.
STAGES = [
    ("input: read and decode the bytes", "vnfacts::input::batch::decode"),
    ("text: normalise", "vnfacts::text::normalize::Normalized::new"),
    ("text: lower case", "vnfacts::text::chars::lower_aligned"),
    ("text: tokens and their word lists", "vnfacts::text::tokens::Tokens::new"),
    ("text: figures", "vnfacts::text::numbers::scan"),
    ("text: letterhead", "vnfacts::text::letterhead::read"),
]
RESOLVE = "vnfacts::resolve::resolve"
CONTEXT = "vnfacts::context::attach"
# JSON is written by the writer, or encoded ahead on the threads that read (extract's batches).
JSON = [
    "<vnfacts::output::json::Json<W> as vnfacts::output::Writer>::write",
    "<vnfacts::output::json::JsonLine as vnfacts::output::Encoder>::encode",
]
READING = "vnfacts::text::Reading::new"
RUN = "vnfacts::recognize::run"
REGEX_NEW = "vnfacts::recognize::pattern::Regex::new"
LEXICON = "vnfacts::lexicon::Lexicon::build"



def recognisers():
    """The recognisers' functions, in the order they run."""
    table = (ROOT / "src/recognize/mod.rs").read_text(encoding="utf-8")
    start = table.index("pub(crate) const RECOGNISERS")
    return [
        (name, "vnfacts::recognize::" + path + "::recognize")
        for name, path in re.findall(
            r'name: "([^"]+)",.*?run: ([\w:]+)::recognize,', table[start:], re.S
        )
    ]


def build():
    env = dict(os.environ, CARGO_PROFILE_RELEASE_DEBUG="true")
    subprocess.run(
        ["cargo", "build", "--release", "--target-dir", "target/profile"],
        cwd=ROOT, env=env, check=True,
    )
    return str(ROOT / "target/profile/release/vnfacts")


def inclusive(out_file):
    """Function → inclusive instructions, read from callgrind's output file: the cost of a
    function's own lines (inlined code included: it belongs to the frame it was inlined into)
    plus the inclusive cost of the calls it makes (not counting calls of itself). Returns them
    and the run's total."""
    names = {}
    costs, total = {}, 0
    fn = cfn = None
    call_next = False

    def name(field):
        # "(12) name" the first time an id is used, "(12)" after.
        m = re.match(r"\((\d+)\)(?: (.*))?", field)
        if not m:
            return field
        if m.group(2) is not None:
            names[m.group(1)] = m.group(2)
        return names.get(m.group(1), field)

    with open(out_file, encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                continue
            c = line[0]
            if c.isdigit() or c in "+-*":
                parts = line.split()
                if len(parts) >= 2 and fn is not None:
                    if not (call_next and cfn == fn):
                        costs[fn] = costs.get(fn, 0) + int(parts[1])
                call_next = False
            elif line.startswith("fn="):
                fn = name(line[3:])
            elif line.startswith("cfn="):
                cfn = name(line[4:])
            elif line.startswith("calls="):
                call_next = True
            elif line.startswith("summary:") or line.startswith("totals:"):
                total = int(line.split()[1])
    return costs, total


def size(paths):
    n = 0
    for p in map(pathlib.Path, paths):
        files = [p] if p.is_file() else [f for f in p.rglob("*") if f.is_file()]
        n += sum(f.stat().st_size for f in files)
    return n


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", help="a vnfacts binary built with debug symbols")
    ap.add_argument("--keep", help="keep callgrind's output in this file")
    ap.add_argument("--profile", help="read this callgrind output (made with --keep) instead "
                    "of running; --bin must name the binary that made it")
    ap.add_argument("inputs", nargs="+")
    args = ap.parse_args()
    if args.profile and not args.bin:
        sys.exit("stages.py: --profile needs --bin, the binary that made the profile")
    binary = os.path.abspath(args.bin) if args.bin else build()
    nbytes = size(args.inputs)
    if nbytes == 0:
        sys.exit("stages.py: the inputs hold no bytes")
    if args.profile:
        costs, total = inclusive(args.profile)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            out_file = args.keep or os.path.join(tmp, "callgrind.out")
            subprocess.run(
                ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out_file}", binary,
                 "extract", *args.inputs, "--jobs", "1", "--quiet"],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True,
            )
            costs, total = inclusive(out_file)

    def get(name):
        return costs.get(name, 0)

    rows = [(label, get(fn)) for label, fn in STAGES]
    rec = [(f"  {name}", get(fn)) for name, fn in recognisers()]
    resolve = get(RESOLVE) - get(CONTEXT)
    rows_after = [
        ("resolve (overlaps, time completion, document block)", resolve),
        ("context (indicator rows)", get(CONTEXT)),
        ("output: JSON", sum(get(fn) for fn in JSON)),
    ]
    listed = sum(n for _, n in rows) + sum(n for _, n in rec) + sum(n for _, n in rows_after)
    print(f"{' '.join(args.inputs)}: {nbytes:,} bytes, {total:,} instructions, "
          f"{total / nbytes:,.0f} per byte")
    print(f"{'stage':<52} {'instructions':>14} {'per byte':>9} {'share':>6}")

    def show(label, n):
        print(f"{label:<52} {n:>14,} {n / nbytes:>9.1f} {100 * n / total:>5.1f}%")

    for label, n in rows:
        show(label, n)
    show("recognisers (the sum of the lines below)", sum(n for _, n in rec))
    for label, n in rec:
        show(label, n)
    for label, n in rows_after:
        show(label, n)
    show("the rest (start-up, batch runner, allocation)", total - listed)
    print("inside the stages above:")
    show("  the text stage as a whole (Reading::new)", get(READING))
    show("  compiling patterns (Regex::new)", get(REGEX_NEW))
    show("  building the word lists (Lexicon::build)", get(LEXICON))
    unmatched = [fn for _, fn in STAGES + recognisers()] + [RESOLVE, CONTEXT]
    missing = [fn for fn in unmatched if fn not in costs]
    if not any(fn in costs for fn in JSON):
        missing.append("JSON writing (" + " or ".join(JSON) + ")")
    if missing:
        print("not found in the profile (inlined, renamed or never called):", ", ".join(missing))


if __name__ == "__main__":
    main()
