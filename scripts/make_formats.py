#!/usr/bin/env python3
"""Makes corpus/formats/: reports of the corpus saved as Word (.docx, .doc), ODT, RTF, PDF and
HTML by LibreOffice (headless), each the twin of its .txt in corpus/. Run once; the files are
committed (CI has no LibreOffice). Needs `soffice` (Debian: libreoffice-writer-nogui).

    python3 scripts/make_formats.py            # then: vnfacts check corpus --bless (new files)

Besides the plain conversions it makes:
- a .docx and a .doc whose text is in `.VnTime` runs holding TCVN3 bytes (how an old report
  converted from the ABC fonts looks): made from an RTF in that font, whose bytes are those of
  corpus/encodings/tcvn3/;
- an HTML page of a commune's portal: menus, a news ticker, a sidebar and a footer around the
  article (the report), in the page's own markup.
"""
import html
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
CORPUS = os.path.join(ROOT, "corpus")
OUT = os.path.join(CORPUS, "formats")
TWINS = [
    "tin-tuan-xa-binh-an",
    "hoi-nong-dan-so-ket-6-thang",
    "quy-khuyen-hoc-ung-ho",
    "ngan-sach-xa-dong-tam-2023",
]
TCVN3_TWIN = "dai-hoi-dang-bo-nhiem-ky"
PORTAL_TWIN = "truong-hoc-tram-y-te"
FORMATS = {
    "docx": "docx:MS Word 2007 XML",
    "doc": "doc:MS Word 97",
    "odt": "odt",
    "rtf": "rtf",
    "pdf": "pdf:writer_pdf_Export",
    "html": "html:XHTML Writer File:UTF8",
}


def soffice(src, target, outdir):
    subprocess.run(
        ["soffice", "--headless", "--infilter=Text (encoded):UTF8,LF,Liberation Serif,vi",
         "--convert-to", target, "--outdir", outdir, src]
        if src.endswith(".txt") else
        ["soffice", "--headless", "--convert-to", target, "--outdir", outdir, src],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )


def rtf_bytes(line):
    """The bytes of an 8-bit encoding as RTF text: \\'xx above ASCII, the specials escaped."""
    out = []
    for b in line:
        if b in b"\\{}":
            out.append("\\" + chr(b))
        elif b < 0x80:
            out.append(chr(b))
        else:
            out.append("\\'%02x" % b)
    return "".join(out)


def rtf_in_font(font, parts):
    """An RTF whose paragraphs are the bytes of an 8-bit encoding, in a font of it; each of
    `parts` (bytes) on a page of its own."""
    out = [r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\fnil\fcharset0 %s;}}" % font,
           r"\f0\fs26 "]
    for k, part in enumerate(parts):
        if k:
            out.append("\\page\n")
        for line in part.split(b"\n"):
            out.append(rtf_bytes(line.rstrip(b"\r")))
            out.append("\\par\n")
    out.append("}")
    return "".join(out)


def rtf_in_vntime(tcvn3_bytes):
    """An RTF whose paragraphs are the TCVN3 bytes, in the font .VnTime."""
    return rtf_in_font(".VnTime", [tcvn3_bytes])


def rtf_mixed(unicode_lines, tcvn3_lines):
    """An RTF whose first paragraphs are Unicode text in Times New Roman and the next TCVN3
    bytes in .VnTime: an old report edited later in Unicode."""
    out = [r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\fnil\fcharset0 Times New Roman;}"
           r"{\f1\fnil\fcharset0 .VnTime;}}"]
    for line in unicode_lines:
        out.append(r"\f0 ")
        for ch in line:
            if ch in "\\{}":
                out.append("\\" + ch)
            elif ord(ch) < 128:
                out.append(ch)
            else:
                out.append("\\u%d?" % ord(ch))
        out.append("\\par\n")
    for line in tcvn3_lines:
        out.append(r"\f1 ")
        out.append(rtf_bytes(line))
        out.append("\\par\n")
    out.append("}")
    return "".join(out)


def portal(title, body_lines):
    """A commune portal's page around an article."""
    paras = "\n".join(f"      <p>{html.escape(l)}</p>" for l in body_lines if l.strip())
    return f"""<!DOCTYPE html>
<html lang="vi">
<head>
  <meta charset="utf-8">
  <title>{html.escape(title)} - Cổng thông tin điện tử xã Hòa Phú</title>
  <style>body {{ font-family: Arial; }} .menu li {{ display: inline; }}</style>
  <script>var visits = 1250; document.title += " (" + visits + ")";</script>
</head>
<body>
  <div id="header" class="banner">
    <h2>CỔNG THÔNG TIN ĐIỆN TỬ XÃ HÒA PHÚ</h2>
    <p>Hotline: 0235 3812 345 - Email: hoaphu@quangnam.gov.vn</p>
  </div>
  <ul class="menu main-nav">
    <li><a href="/">Trang chủ</a></li>
    <li><a href="/gioi-thieu">Giới thiệu</a></li>
    <li><a href="/tin-tuc">Tin tức - Sự kiện (125 bài)</a></li>
    <li><a href="/van-ban">Văn bản (38 văn bản mới)</a></li>
  </ul>
  <marquee class="ticker">Chào mừng kỷ niệm 79 năm Quốc khánh 2/9/1945 - 2/9/2024 | Lịch tiếp công dân ngày 15/9/2024</marquee>
  <div class="container">
    <div class="col-left sidebar">
      <h3>Tin mới</h3>
      <ul>
        <li><a href="/t1">Xã tổ chức tiêm chủng cho 320 trẻ em ngày 12/8/2024</a></li>
        <li><a href="/t2">Hội nghị sơ kết 6 tháng đầu năm 2024, chi 1,2 tỷ đồng</a></li>
      </ul>
      <div class="thong-ke">Lượt truy cập: 1.250.000 - Đang trực tuyến: 45</div>
    </div>
    <div class="col-main news-detail">
      <h1>{html.escape(title)}</h1>
{paras}
      <div class="share social">Chia sẻ: Facebook Zalo (12 lượt)</div>
    </div>
  </div>
  <div id="footer">
    <p>Bản quyền thuộc UBND xã Hòa Phú, huyện Hòa Vang. Giấy phép số 25/GP-TTĐT ngày 3/5/2020.</p>
    <p>Địa chỉ: thôn 2, xã Hòa Phú - Điện thoại: 0236 3812 345</p>
  </div>
</body>
</html>
"""


def main():
    if not shutil.which("soffice"):
        sys.exit("make_formats: soffice not found (apt-get install libreoffice-writer-nogui)")
    for fmt in FORMATS:
        os.makedirs(os.path.join(OUT, fmt), exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for name in TWINS:
            src = os.path.join(CORPUS, name + ".txt")
            for fmt, target in FORMATS.items():
                if fmt != "doc":
                    soffice(src, target, os.path.join(OUT, fmt))
            # The .doc from the .docx: Word 97 export of an imported text writes an empty
            # paragraph after every line (a paragraph's end the text file does not have).
            docx = os.path.join(OUT, "docx", name + ".docx")
            soffice(docx, FORMATS["doc"], os.path.join(OUT, "doc"))
        # The old report in .VnTime: an RTF in that font, then Word files made from it.
        with open(os.path.join(CORPUS, "encodings", "tcvn3", TCVN3_TWIN + ".txt"), "rb") as f:
            rtf = rtf_in_vntime(f.read())
        rtf_path = os.path.join(tmp, TCVN3_TWIN + ".rtf")
        with open(rtf_path, "w", encoding="ascii") as f:
            f.write(rtf)
        for fmt in ("docx", "doc"):
            soffice(rtf_path, FORMATS[fmt], os.path.join(OUT, fmt))
        # A report of several pages: three reports one after another, as a PDF; its text twin
        # is kept beside the formats (corpus/formats/twins/).
        long_name = "ba-bao-cao"
        os.makedirs(os.path.join(OUT, "twins"), exist_ok=True)
        os.makedirs(os.path.join(OUT, "pages"), exist_ok=True)
        parts = []
        for name in ("tin-tuan-xa-binh-an", "ngan-sach-xa-dong-tam-2023", "quy-khuyen-hoc-ung-ho"):
            with open(os.path.join(CORPUS, name + ".txt"), encoding="utf-8") as f:
                parts.append(f.read().replace("\r\n", "\n").strip())
        twin = os.path.join(OUT, "twins", long_name + ".txt")
        with open(twin, "w", encoding="utf-8") as f:
            f.write("\n\n".join(parts) + "\n")
        soffice(twin, FORMATS["pdf"], os.path.join(OUT, "pages"))
        # A PDF with a password to open it ("matkhau"), for the hostile-file tests.
        enc_dir = os.path.join(tmp, "enc")
        os.makedirs(enc_dir)
        subprocess.run(
            ["soffice", "--headless", "--infilter=Text (encoded):UTF8,LF,Liberation Serif,vi",
             "--convert-to",
             'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},'
             '"DocumentOpenPassword":{"type":"string","value":"matkhau"}}',
             "--outdir", enc_dir, os.path.join(CORPUS, "tin-tuan-xa-binh-an.txt")],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        shutil.copy(os.path.join(enc_dir, "tin-tuan-xa-binh-an.pdf"),
                    os.path.join(ROOT, "tests", "data", "encrypted.pdf"))
        # A report in two fonts (Unicode, then .VnTime) as .doc and .docx, for tests/formats.rs.
        with open(os.path.join(CORPUS, "tin-tuan-xa-binh-an.txt"), encoding="utf-8") as f:
            uni = [l.rstrip("\r") for l in f.read().split("\n")[:6]]
        with open(os.path.join(CORPUS, "encodings", "tcvn3", TCVN3_TWIN + ".txt"), "rb") as f:
            old = [l.rstrip(b"\r") for l in f.read().split(b"\n")[:6]]
        mixed = os.path.join(tmp, "mixed-fonts.rtf")
        with open(mixed, "w", encoding="ascii") as f:
            f.write(rtf_mixed(uni, old))
        for fmt in ("doc", "docx"):
            soffice(mixed, FORMATS[fmt], os.path.join(ROOT, "tests", "data"))
        # Two reports in VNI bytes, one a page, as a PDF in VNI-Times: its text layer holds the
        # bytes as Windows-1252 letters, and detection shortens the text (two bytes make one
        # letter), so the pages must be found again in the decoded text.
        parts = []
        for name in ("quy-khuyen-hoc-ung-ho", "ngan-sach-xa-dong-tam-2023"):
            with open(os.path.join(CORPUS, "encodings", "vni", name + ".txt"), "rb") as f:
                parts.append(f.read())
        vni = os.path.join(tmp, "vni-pages.rtf")
        with open(vni, "w", encoding="ascii") as f:
            f.write(rtf_in_font("VNI-Times", parts))
        soffice(vni, FORMATS["pdf"], os.path.join(ROOT, "tests", "data"))
        # The portal page.
        with open(os.path.join(CORPUS, PORTAL_TWIN + ".txt"), encoding="utf-8") as f:
            lines = f.read().split("\n")
        # The page's article is the report, its first line the heading.
        page = portal(lines[0].strip(), lines[1:])
        with open(os.path.join(OUT, "html", PORTAL_TWIN + ".html"), "w", encoding="utf-8") as f:
            f.write(page)
    for fmt in list(FORMATS) + ["pages", "twins"]:
        for n in sorted(os.listdir(os.path.join(OUT, fmt))):
            print(os.path.join("corpus", "formats", fmt, n))


if __name__ == "__main__":
    main()
