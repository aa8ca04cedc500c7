#!/usr/bin/env python3
"""Writes data/common_syllables.txt: the syllables of the project's own
corpus (corpus/*.txt, reports written for this project) that hold a letter beyond ASCII and
occur twice or more, for telling Vietnamese text from text decoded with the wrong encoding, and the 100 most frequent
in plain letters (which tell a VIQR full stop from a tone: "thứ hai." is not "thứ hại").

    python3 scripts/gen_common_syllables.py
"""
import collections
import pathlib
import re
import unicodedata

root = pathlib.Path(__file__).resolve().parent.parent
count = collections.Counter()
for p in sorted((root / "corpus").glob("*.txt")):
    text = unicodedata.normalize("NFC", p.read_text(encoding="utf-8")).lower()
    for w in re.findall(r"[^\W\d_]+", text):
        count[w] += 1
top = [w for w, n in count.most_common() if not w.isascii() and n >= 2]
top += [w for w, _ in count.most_common() if w.isascii() and len(w) > 1][:100]
header = (
    "# The syllables of the project's corpus (corpus/*.txt) that hold a letter beyond ASCII and\n"
    "# occur twice or more, then the 100 most frequent in plain letters, most frequent first; generated\n"
    "# by scripts/gen_common_syllables.py. One a line, lower case.\n"
)
(root / "data" / "common_syllables.txt").write_text(header + "\n".join(top) + "\n", encoding="utf-8")
print(f"{len(top)} syllables")
