#!/usr/bin/env python3
"""Seeds the fuzz targets' corpora with the project's corpus reports and their mangled forms,
so that a run starts from long, real reports instead of growing its inputs from nothing:

    python3 fuzz/seed.py            # writes fuzz/corpus/{extract,numbers,batch,decode}/

Mangled forms: CRLF and lone-CR line breaks, decomposed tone marks (NFD), a byte-order mark,
non-breaking and zero-width spaces inside figures, halves and tails of each report, the report
as a JSON Lines record (and a record stream with a broken line), every figure-like token alone
(for the number reader).
"""
import hashlib
import json
import pathlib
import re
import unicodedata

root = pathlib.Path(__file__).resolve().parent.parent
out = root / "fuzz" / "corpus"


def put(target: str, data: bytes) -> None:
    d = out / target
    d.mkdir(parents=True, exist_ok=True)
    (d / hashlib.sha1(data).hexdigest()).write_bytes(data)


for path in sorted((root / "corpus").glob("*.txt")):
    text = path.read_text(encoding="utf-8")
    forms = {
        "as is": text,
        "crlf": text.replace("\r\n", "\n").replace("\n", "\r\n"),
        "cr": text.replace("\r\n", "\n").replace("\n", "\r"),
        "nfd": unicodedata.normalize("NFD", text),
        "nbsp": re.sub(r"(\d) (\d)", "\\1\u00a0\\2", text).replace(".000", ".\u200b000"),
        "head": text[: len(text) // 2],
        "tail": text[len(text) // 2 :],
    }
    for name, t in forms.items():
        b = t.encode("utf-8")
        put("extract", b)
        put("extract", b"\xef\xbb\xbf" + b[:4000])
        put("batch", b[:3000])
    record = json.dumps({"id": path.stem, "text": text}, ensure_ascii=False)
    put("batch", (record + "\n").encode())
    put("batch", (record + "\nnot json\n" + json.dumps({"id": 3, "text": "x"}) + "\n").encode())
    put("batch", text[:800].encode() + b"\xff" + text[800:1600].encode() + b"\xff\x01" + b"20 h\xe1\xbb\x99")
    for m in set(re.findall(r"[\d.,]+(?: [\d.,]+)*(?: (?:nghìn|ngàn|triệu|tỷ|tỉ))?", text)):
        put("numbers", m.encode())
# The decoder: every sample of corpus/encodings/ (old encodings and manglings), whole and cut.
for path in sorted((root / "corpus" / "encodings").rglob("*.txt")):
    b = path.read_bytes()
    put("decode", b)
    put("decode", b[: len(b) // 3])
    put("decode", b[:200])
for words in ["hai mươi lăm", "một trăm linh năm", "3,2 ttriệu", "2 tỷ 500 triệu", "nửa", "ba phẩy năm"]:
    put("numbers", words.encode())

# The document readers: each format's files of corpus/formats/, whole and cut short.
for path in sorted((root / "corpus" / "formats").glob("*/*")):
    ext = path.suffix.lstrip(".")
    if ext not in ("docx", "odt", "doc", "pdf", "rtf", "html"):
        continue
    data = path.read_bytes()
    put(ext, data)
    put(ext, data[: len(data) // 2])
print(f"seeded {out}")
