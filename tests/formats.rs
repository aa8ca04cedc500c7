//! Document formats: the corpus twins (each report saved as Word, ODT, RTF, PDF and HTML gives
//! the facts of its text file), what each reader keeps and leaves out, detection and `--input`,
//! pages, and hostile files (zip bombs, deep nesting, encryption, truncation, a scanned PDF).

#![cfg(feature = "formats")]

mod common;

use common::{json_lines, root, temp, vnfacts};
use serde_json::Value as Json;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;
use vnfacts::input::{detect_format, read_document, read_path_with, Format, ReadOptions};
use vnfacts::{extract, Options};

/// The files of `corpus/formats/`, sorted.
fn format_files() -> Vec<PathBuf> {
    let mut out = Vec::new();
    for dir in std::fs::read_dir(root().join("corpus/formats")).unwrap() {
        for f in std::fs::read_dir(dir.unwrap().path()).unwrap() {
            let p = f.unwrap().path();
            let twin = p.parent().is_some_and(|d| d.ends_with("twins"));
            if !twin && !p.to_string_lossy().ends_with(".facts.json") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// What a fact says, offsets aside: its kind, its text with white space folded, its value.
fn said(d: &vnfacts::Document) -> Vec<(String, String, String)> {
    let mut v: Vec<_> = d
        .facts
        .iter()
        .map(|f| {
            (
                f.kind.name().to_owned(),
                f.text.split_whitespace().collect::<Vec<_>>().join(" "),
                serde_json::to_string(&f.value).unwrap(),
            )
        })
        .collect();
    v.sort();
    v
}

/// The text file a format file was made from: in `corpus/`, or `corpus/formats/twins/`.
fn twin_of(name: &str) -> String {
    let main = root().join("corpus").join(format!("{name}.txt"));
    let other = root()
        .join("corpus/formats/twins")
        .join(format!("{name}.txt"));
    std::fs::read_to_string(&main)
        .or_else(|_| std::fs::read_to_string(other))
        .unwrap()
}

fn read(path: &Path) -> vnfacts::input::Decoded {
    read_path_with(path, None, &ReadOptions::default())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn every_format_twin_gives_the_facts_of_its_text_file() {
    let files = format_files();
    let mut formats = std::collections::BTreeMap::new();
    for path in &files {
        let name = path.file_stem().unwrap().to_str().unwrap();
        let twin = twin_of(name);
        let d = read(path);
        *formats.entry(d.format.name()).or_insert(0) += 1;
        let ext = path.extension().unwrap().to_str().unwrap();
        assert_eq!(
            d.format,
            Format::from_name(ext).unwrap(),
            "{}",
            path.display()
        );
        let ours = extract(&d.text, &Options::default());
        let theirs = extract(&twin, &Options::default());
        assert!(!ours.facts.is_empty());
        assert_eq!(said(&ours), said(&theirs), "{}", path.display());
    }
    // At least four reports in each format.
    for f in ["docx", "doc", "odt", "rtf", "pdf", "html"] {
        assert!(
            formats.get(f).copied().unwrap_or(0) >= 4,
            "{f}: {formats:?}"
        );
    }
}

#[test]
fn word_files_in_vntime_are_decoded_by_their_font() {
    for f in [
        "docx/dai-hoi-dang-bo-nhiem-ky.docx",
        "doc/dai-hoi-dang-bo-nhiem-ky.doc",
    ] {
        let d = read(&root().join("corpus/formats").join(f));
        assert_eq!(d.encoding.name, "tcvn3", "{f}");
        assert!(
            d.text.contains("được công nhận đạt chuẩn nông thôn mới"),
            "{f}"
        );
        assert!(d.text.contains("tăng trưởng bình quân 8,5%/năm"), "{f}");
    }
    // Both are told by their runs' font.
    for f in [
        "docx/dai-hoi-dang-bo-nhiem-ky.docx",
        "doc/dai-hoi-dang-bo-nhiem-ky.doc",
    ] {
        let d = read(&root().join("corpus/formats").join(f));
        assert_eq!(d.encoding.repairs, ["legacy-fonts"], "{f}");
    }
}

#[test]
fn a_word_file_in_two_fonts_is_decoded_run_by_run() {
    // Six lines of a Unicode report in Times New Roman, then six of an old one in .VnTime
    // (TCVN3 bytes): an old report edited later. Made by scripts/make_formats.py.
    let uni = std::fs::read_to_string(root().join("corpus/tin-tuan-xa-binh-an.txt")).unwrap();
    let old = std::fs::read_to_string(root().join("corpus/dai-hoi-dang-bo-nhiem-ky.txt")).unwrap();
    let lines =
        |t: &str| -> Vec<String> { t.lines().take(6).map(|l| l.trim_end().to_owned()).collect() };
    let want = [lines(&uni), lines(&old)].concat().join("\n");
    for f in ["mixed-fonts.doc", "mixed-fonts.docx"] {
        let d = read(&root().join("tests/data").join(f));
        assert_eq!(d.text, want, "{f}");
        assert_eq!(d.encoding.repairs, ["legacy-fonts"], "{f}");
    }
}

#[test]
fn the_portal_page_gives_its_article_and_not_its_menus() {
    let path = root().join("corpus/formats/html/truong-hoc-tram-y-te.html");
    let d = read(&path);
    let first = d.text.lines().next().unwrap();
    let twin = std::fs::read_to_string(root().join("corpus/truong-hoc-tram-y-te.txt")).unwrap();
    assert_eq!(first, twin.lines().next().unwrap().trim());
    for menu in [
        "Trang chủ",
        "Lượt truy cập",
        "Bản quyền",
        "Hotline",
        "Chia sẻ",
        "visits",
        "Quốc khánh",
    ] {
        assert!(!d.text.contains(menu), "{menu:?} in {:?}", d.text);
    }
    // --html-all keeps the page, menus and footer included (the script and style never).
    let all = read_path_with(&path, None, &ReadOptions::new(None, true)).unwrap();
    for menu in ["Trang chủ", "Lượt truy cập", "Bản quyền", "Quốc khánh"] {
        assert!(all.text.contains(menu), "{menu:?}");
    }
    assert!(!all.text.contains("visits") && !all.text.contains("font-family"));
}

#[test]
fn formats_are_told_from_the_bytes_not_the_name() {
    let dir = temp();
    for path in format_files() {
        let bytes = std::fs::read(&path).unwrap();
        let ext = path.extension().unwrap().to_str().unwrap();
        assert_eq!(
            detect_format(&bytes, None),
            Format::from_name(ext).unwrap(),
            "{}",
            path.display()
        );
        // Renamed to .txt, it is still read as what it is.
        let renamed = dir.path().join(format!(
            "{}.{ext}.txt",
            path.file_stem().unwrap().to_str().unwrap()
        ));
        std::fs::write(&renamed, &bytes).unwrap();
        assert_eq!(
            read(&renamed).format.name(),
            Format::from_name(ext).unwrap().name()
        );
    }
    assert_eq!(
        detect_format("Hội viên: 20".as_bytes(), Some("x.html")),
        Format::Txt
    );
    assert_eq!(detect_format(b"<p>Hoi</p>", Some("page.HTM")), Format::Html);
    assert_eq!(detect_format(b"<p>Hoi</p>", Some("page.txt")), Format::Txt);
    assert_eq!(
        detect_format(b"\xef\xbb\xbf  <!DOCTYPE HTML>", None),
        Format::Html
    );
}

#[test]
fn the_command_line_says_the_format_forces_one_and_counts_them() {
    let rtf = root().join("corpus/formats/rtf/tin-tuan-xa-binh-an.rtf");
    let out = vnfacts().arg("extract").arg(&rtf).output().unwrap();
    assert!(out.status.success());
    let doc = &json_lines(&out.stdout)[0];
    assert_eq!(doc["document"]["format"], "rtf");
    // Forced as text, the RTF's control words are read as they are.
    let out = vnfacts()
        .args(["decode", "--input", "txt"])
        .arg(&rtf)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("{\\rtf1"));
    // A folder: every format, the summary counts them.
    let out = vnfacts()
        .args(["extract", "--jobs", "2"])
        .arg(root().join("corpus/formats"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let docs = json_lines(&out.stdout);
    // The format files, and the text twin kept beside them.
    assert_eq!(docs.len(), format_files().len() + 1);
    let err = String::from_utf8_lossy(&out.stderr);
    let pdfs = format_files()
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .count();
    assert!(
        err.contains("5 docx") && err.contains(&format!("{pdfs} pdf")),
        "{err}"
    );
}

#[test]
fn a_pdf_has_pages_and_each_fact_its_page() {
    let path = root().join("corpus/formats/pages/ba-bao-cao.pdf");
    let d = read(&path);
    assert!(d.pages.len() >= 2, "{:?}", d.pages);
    let out = vnfacts().arg("extract").arg(&path).output().unwrap();
    let doc = &json_lines(&out.stdout)[0];
    assert_eq!(doc["document"]["pages"], d.pages.len());
    let pages: Vec<u64> = doc["facts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["page"].as_u64().unwrap())
        .collect();
    assert!(pages.windows(2).all(|w| w[0] <= w[1]));
    assert_eq!(*pages.first().unwrap(), 1);
    assert!(*pages.last().unwrap() >= 2);
    // Each fact lies in the text of its page.
    let chars: Vec<char> = d.text.chars().collect();
    for f in doc["facts"].as_array().unwrap() {
        let (s, p) = (
            f["start"].as_u64().unwrap() as usize,
            f["page"].as_u64().unwrap() as usize,
        );
        assert!(d.pages[p - 1] <= s && d.pages.get(p).is_none_or(|&n| s < n));
        let text: String = chars[s..f["end"].as_u64().unwrap() as usize]
            .iter()
            .collect();
        assert_eq!(text, f["text"].as_str().unwrap());
    }
    // Other formats have none.
    let out = vnfacts()
        .arg("extract")
        .arg(root().join("corpus/formats/docx/tin-tuan-xa-binh-an.docx"))
        .output()
        .unwrap();
    let doc = &json_lines(&out.stdout)[0];
    assert!(doc["document"].get("pages").is_none());
    assert!(doc["facts"][0].get("page").is_none());
}

// ---- what each reader keeps ------------------------------------------------------------------

/// A zip archive of `(name, bytes)` entries, stored or deflated.
fn zip_of(entries: &[(&str, &[u8])], deflate: bool) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let method = if deflate {
        zip::CompressionMethod::Deflated
    } else {
        zip::CompressionMethod::Stored
    };
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(method)
        .large_file(true);
    for (name, bytes) in entries {
        w.start_file(*name, opts).unwrap();
        w.write_all(bytes).unwrap();
    }
    w.finish().unwrap().into_inner()
}

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006""#;

fn docx(body: &str, extra: &[(&str, &str)]) -> Vec<u8> {
    let doc = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}</w:body></w:document>"#
    );
    let mut entries: Vec<(&str, &[u8])> = vec![("word/document.xml", doc.as_bytes())];
    for (n, x) in extra {
        entries.push((n, x.as_bytes()));
    }
    zip_of(&entries, true)
}

fn text_of(bytes: Vec<u8>) -> String {
    read_document(bytes, None, None, &ReadOptions::default())
        .unwrap()
        .text
}

fn p(runs: &str) -> String {
    format!("<w:p>{runs}</w:p>")
}

fn r(text: &str) -> String {
    format!(r#"<w:r><w:t xml:space="preserve">{text}</w:t></w:r>"#)
}

#[test]
fn docx_tables_text_boxes_fields_and_notes() {
    let table = format!(
        "<w:tbl><w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr><w:tr><w:tc>{}</w:tc><w:tc>{}{}</w:tc></w:tr></w:tbl>",
        p(&r("Thôn")),
        p(&r("Hộ nghèo")),
        p(&r("Thôn 1")),
        p(&r("12")),
        p(&r("hộ"))
    );
    let field = r#"<w:p><w:r><w:t>Ngày </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DATE \@ "d/M/yyyy" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>8/7/2024</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>"#;
    let text_box = format!(
        r#"<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>{}</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>{}</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"#,
        p(&r("Khung: 30 hội viên")),
        p(&r("Khung: 30 hội viên"))
    );
    let tabs = r#"<w:p><w:r><w:t>Chi hội</w:t><w:tab/><w:t>25</w:t><w:br/><w:t>dòng hai</w:t></w:r><w:del><w:r><w:delText>bỏ đi 99 người</w:delText></w:r></w:del><w:moveFrom><w:r><w:t>chuyển đi 7 hộ</w:t></w:r></w:moveFrom></w:p>"#;
    let body = format!("{}{table}{field}{text_box}{tabs}", p(&r("Báo cáo")));
    let header = format!(r#"<w:hdr {W}>{}</w:hdr>"#, p(&r("ĐẢNG BỘ XÃ")));
    let notes = format!(
        r#"<w:footnotes {W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="1">{}</w:footnote></w:footnotes>"#,
        p(&r("Số liệu đến 30/6"))
    );
    let text = text_of(docx(
        &body,
        &[
            ("word/header1.xml", &header),
            ("word/footnotes.xml", &notes),
        ],
    ));
    assert_eq!(
        text,
        "Báo cáo\nThôn\tHộ nghèo\nThôn 1\t12 hộ\nNgày 8/7/2024\nKhung: 30 hội viên\nChi hội\t25\ndòng hai\n\nĐẢNG BỘ XÃ\n\nSố liệu đến 30/6"
    );
}

#[test]
fn docx_fonts_come_from_runs_styles_and_defaults() {
    // "Hội" in TCVN3 as Windows-1252 letters: "Héi".
    let styles = format!(
        r#"<w:styles {W}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/></w:rPr></w:rPrDefault></w:docDefaults><w:style w:styleId="Cu"><w:rPr><w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/></w:rPr></w:style><w:style w:styleId="CuCon"><w:basedOn w:val="Cu"/></w:style></w:styles>"#
    );
    // Paragraph style (through its parent) in .VnTime.
    let styled = format!(
        r#"<w:p><w:pPr><w:pStyle w:val="CuCon"/></w:pPr>{}</w:p>"#,
        r("Héi viªn")
    );
    // A run in .VnTimeH (capitals) inside a Unicode paragraph.
    let capitals = format!(
        r#"<w:p>{}<w:r><w:rPr><w:rFonts w:ascii=".VnTimeH" w:hAnsi=".VnTimeH"/></w:rPr><w:t>b¸o c¸o</w:t></w:r></w:p>"#,
        r("Tiêu đề: ")
    );
    let body = format!("{styled}{capitals}{}", p(&r("Hội viên mới")));
    let text = text_of(docx(&body, &[("word/styles.xml", &styles)]));
    assert_eq!(text, "Hội viên\nTiêu đề: BÁO CÁO\nHội viên mới");
}

#[test]
fn odt_paragraphs_spaces_tables_notes_and_fonts() {
    let content = r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0">
<office:font-face-decls><style:font-face style:name="VnTime" svg:font-family="'.VnTime'"/></office:font-face-decls>
<office:automatic-styles><style:style style:name="T1" style:family="text"><style:text-properties style:font-name="VnTime"/></style:style></office:automatic-styles>
<office:body><office:text>
<text:h>Báo   cáo</text:h>
<text:p>Chi hội<text:tab/>25<text:s text:c="2"/>hội viên<text:note><text:note-citation>1</text:note-citation><text:note-body><text:p>Đến 30/6</text:p></text:note-body></text:note></text:p>
<table:table><table:table-row><table:table-cell><text:p>Thôn 1</text:p></table:table-cell><table:table-cell><text:p>12</text:p></table:table-cell></table:table-row></table:table>
<text:p><text:span text:style-name="T1">Héi viªn</text:span> mới</text:p>
</office:text></office:body></office:document-content>"#;
    let odt = zip_of(
        &[
            ("mimetype", b"application/vnd.oasis.opendocument.text"),
            ("content.xml", content.as_bytes()),
        ],
        false,
    );
    assert_eq!(detect_format(&odt, None), Format::Odt);
    assert_eq!(
        text_of(odt),
        "Báo cáo\nChi hội\t25  hội viên\nThôn 1\t12\nHội viên mới\n\nĐến 30/6"
    );
}

#[test]
fn rtf_escapes_unicode_fonts_tables_and_destinations() {
    let rtf = br"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\fswiss Arial;}{\f1 .VnTime;}{\f2\fcharset163 Times;}}{\colortbl;\red0\green0\blue0;}{\info{\title Bo qua 99}}{\*\generator Tool 5.0;}
\f0\uc1 X\u227?\'e3 Kim Li\u234?n\par
\f1 H\'e9i vi\'aan\f0  m\u7899?i\par
\f2 Chi\'d2 hi\'ea\'d2u\par
\trowd\cellx1000\cellx2000 Th\u244?n 1\cell 12\cell\row
{\field{\*\fldinst DATE}{\fldrslt 8/7/2024}}\par
{\footnote Ghi ch\u250? 3}\par}";
    let d = read_document(rtf.to_vec(), None, None, &ReadOptions::default()).unwrap();
    assert_eq!(d.format, Format::Rtf);
    assert_eq!(
        d.text,
        "Xãã Kim Liên\nHội viên mới\nChỉ hiểu\nThôn 1\t12\n8/7/2024\n\nGhi chú 3"
    );
}

#[test]
fn an_old_portal_laid_out_in_tables_gives_its_article() {
    // A page laid out in a table (menu row, links column, article column, footer row), its
    // article in a <div> of text and <br>: the article's cells are read as blocks, not as one
    // row of tab-separated cells.
    let page = r#"<html><head><meta charset="utf-8"><title>Tin</title></head><body>
<table width="100%"><tr><td class="menu"><a href="/">Trang chủ</a> | <a href="/t">Tin tức (45 bài)</a></td></tr>
<tr><td><div class="left"><a href="/a">Xã tổ chức tiêm 300 liều vắc xin ngày 2/8</a><br><a href="/b">Hội nghị 6 tháng chi 2 tỷ đồng</a></div></td>
<td><div class="title">Hội Nông dân xã Đồng Tâm ra quân làm đường</div>
<div class="noi-dung">Ngày 5/8/2024, Hội Nông dân xã Đồng Tâm ra quân làm đường giao thông nội đồng.<br>Hội viên đã đóng góp 1.200 ngày công và 35 triệu đồng để mua vật liệu.<br>Dự kiến hoàn thành 3 km đường trước ngày 30/9.</div></td></tr>
<tr><td colspan="2" class="footer">Bản quyền UBND xã Đồng Tâm. Lượt truy cập: 12.500</td></tr></table>
</body></html>
"#;
    assert_eq!(
        text_of(page.as_bytes().to_vec()),
        "Hội Nông dân xã Đồng Tâm ra quân làm đường\nNgày 5/8/2024, Hội Nông dân xã Đồng Tâm ra quân làm đường giao thông nội đồng.\nHội viên đã đóng góp 1.200 ngày công và 35 triệu đồng để mua vật liệu.\nDự kiến hoàn thành 3 km đường trước ngày 30/9."
    );
}

#[test]
fn a_tie_between_candidates_for_the_article_is_decided_the_same_way_every_time() {
    // Two blocks of one paragraph each: they and the block around them score alike; the first
    // in the page's order (the one around them) is the article, on every reading.
    let page = "<html><body><div id=\"a\"><div><p>Hội Nông dân tổ chức ra quân làm 3 km đường.</p></div><div><p>Hội Phụ nữ tổ chức ra quân trao 25 suất quà.</p></div></div></body></html>";
    for _ in 0..30 {
        assert_eq!(
            text_of(page.as_bytes().to_vec()),
            "Hội Nông dân tổ chức ra quân làm 3 km đường.\nHội Phụ nữ tổ chức ra quân trao 25 suất quà."
        );
    }
}

#[test]
fn html_charset_tables_breaks_and_entities() {
    let page: &[u8] = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1258\"><title>T</title></head><body><p>H\xf4\xf2i vi\xean &amp; 20&nbsp;ng\xfd\xf5\xcci<br>do\xccng hai</p><table><tr><td>Th\xf4n 1</td><td>12</td></tr></table><!-- 99 b\xecnh lu\xe2\xf2n --></body></html>";
    let bytes = page.to_vec();
    let d = read_document(bytes, None, None, &ReadOptions::new(None, true)).unwrap();
    assert_eq!(d.encoding.name, "cp1258");
    assert_eq!(d.text, "Hội viên & 20\u{a0}người\ndòng hai\nThôn 1\t12");
}

// ---- hostile files ---------------------------------------------------------------------------

/// The error of reading `bytes`, in bounded time.
fn refused(bytes: Vec<u8>, format: Option<Format>) -> String {
    let t = Instant::now();
    let e = read_document(bytes, Some("x"), None, &ReadOptions::new(format, false))
        .expect_err("refused");
    assert!(t.elapsed().as_secs() < 20, "took {:?}", t.elapsed());
    e.to_string()
}

#[test]
fn a_zip_bomb_is_refused_before_it_is_inflated() {
    let zeros = vec![b'<'; 300 << 20];
    let bomb = zip_of(&[("word/document.xml", &zeros)], true);
    assert!(bomb.len() < 2 << 20);
    let e = refused(bomb, None);
    assert!(e.contains("zip bomb"), "{e}");
}

#[test]
fn too_many_entries_deep_xml_and_deep_rtf_are_refused() {
    let names: Vec<String> = (0..10_050).map(|i| format!("f{i}")).collect();
    let entries: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b""[..])).collect();
    let e = refused(zip_of(&entries, false), Some(Format::Docx));
    assert!(e.contains("entries"), "{e}");
    let deep = format!("{}{}", "<w:p>".repeat(20_000), "</w:p>".repeat(20_000));
    let e = refused(docx(&deep, &[]), None);
    assert!(e.contains("nested deeper"), "{e}");
    let rtf = format!("{{\\rtf1 {}x{}}}", "{".repeat(100_000), "}".repeat(100_000));
    let e = refused(rtf.into_bytes(), None);
    assert!(e.contains("nested deeper"), "{e}");
}

#[test]
fn damaged_encrypted_and_foreign_containers_are_clear_errors() {
    let docx_bytes =
        std::fs::read(root().join("corpus/formats/docx/tin-tuan-xa-binh-an.docx")).unwrap();
    let e = refused(docx_bytes[..docx_bytes.len() / 2].to_vec(), None);
    assert!(e.starts_with("docx:"), "{e}");
    let e = refused(zip_of(&[("xl/workbook.xml", b"<x/>")], true), None);
    assert!(e.contains("not a Word document"), "{e}");
    let doc = std::fs::read(root().join("corpus/formats/doc/tin-tuan-xa-binh-an.doc")).unwrap();
    let e = refused(doc[..doc.len() / 3].to_vec(), None);
    assert!(e.starts_with("doc:"), "{e}");
    let pdf = std::fs::read(root().join("corpus/formats/pdf/tin-tuan-xa-binh-an.pdf")).unwrap();
    let e = refused(pdf[..pdf.len() / 2].to_vec(), None);
    assert!(e.starts_with("pdf:"), "{e}");
    // A .doc whose FIB says it is encrypted.
    let e = refused(set_doc_flag(&doc, 0x0100), None);
    assert!(e.contains("encrypted"), "{e}");
    // A password-protected .docx: an OLE file holding the encrypted package.
    let mut c = cfb::CompoundFile::create(std::io::Cursor::new(Vec::new())).unwrap();
    c.create_stream("/EncryptionInfo")
        .unwrap()
        .write_all(b"\x04\x00\x04\x00")
        .unwrap();
    c.create_stream("/EncryptedPackage")
        .unwrap()
        .write_all(&[7; 4096])
        .unwrap();
    c.flush().unwrap();
    let e = refused(c.into_inner().into_inner(), None);
    assert!(e.contains("encrypted Office document"), "{e}");
    // A PDF with a password to open it (LibreOffice's export, password "matkhau").
    let pdf = std::fs::read(root().join("tests/data/encrypted.pdf")).unwrap();
    let e = refused(pdf, None);
    assert!(e.contains("encrypted (a password is needed)"), "{e}");
}

#[test]
fn xml_entities_of_a_dtd_are_never_expanded() {
    // "Billion laughs": each entity ten of the one before.
    let mut dtd = String::from("<!DOCTYPE w:document [<!ENTITY l0 \"ha\">");
    for i in 1..10 {
        dtd.push_str(&format!(
            "<!ENTITY l{i} \"{}\">",
            format!("&l{};", i - 1).repeat(10)
        ));
    }
    dtd.push(']');
    dtd.push('>');
    let doc = format!(
        r#"<?xml version="1.0"?>{dtd}<w:document {W}><w:body>{}</w:body></w:document>"#,
        p(&r("20 hội viên &l9;"))
    );
    let bytes = zip_of(&[("word/document.xml", doc.as_bytes())], true);
    let t = Instant::now();
    let text = text_of(bytes);
    assert!(t.elapsed().as_secs() < 5);
    assert_eq!(text, "20 hội viên &l9;");
}

/// A .doc with a flag of its FIB set.
fn set_doc_flag(doc: &[u8], flag: u16) -> Vec<u8> {
    let mut c = cfb_copy(doc);
    let mut word = Vec::new();
    {
        use std::io::Read;
        c.open_stream("/WordDocument")
            .unwrap()
            .read_to_end(&mut word)
            .unwrap();
    }
    let f = u16::from_le_bytes([word[0x0a], word[0x0b]]) | flag;
    word[0x0a..0x0c].copy_from_slice(&f.to_le_bytes());
    c.open_stream("/WordDocument")
        .unwrap()
        .write_all(&word)
        .unwrap();
    c.flush().unwrap();
    c.into_inner().into_inner()
}

fn cfb_copy(doc: &[u8]) -> cfb::CompoundFile<std::io::Cursor<Vec<u8>>> {
    cfb::CompoundFile::open(std::io::Cursor::new(doc.to_vec())).unwrap()
}

#[test]
fn a_pdf_that_makes_the_parser_panic_is_an_error() {
    // Found by the fuzz target `pdf`: pdf-extract panics on it; the reader catches that.
    let bytes = std::fs::read(root().join("tests/data/pdf-parser-panic.pdf")).unwrap();
    let e = refused(bytes, None);
    assert!(e.starts_with("pdf:"), "{e}");
}

#[test]
fn a_pdf_decoded_by_detection_finds_its_pages_in_the_decoded_text() {
    // Two reports in VNI bytes, each from a page of its own (scripts/make_formats.py): detection
    // makes one letter of two bytes, so the text it gives is shorter than the text layer.
    let d = read(&root().join("tests/data/vni-pages.pdf"));
    assert_eq!(d.encoding.name, "vni");
    let chars: Vec<char> = d.text.chars().collect();
    assert!(d.pages.len() >= 2 && d.pages[0] == 0, "{:?}", d.pages);
    for &s in &d.pages[1..] {
        assert_eq!(chars[s - 1], '\u{c}', "{:?}", d.pages);
    }
    let second = d.text.find("UBND xã Đồng Tâm báo cáo").unwrap();
    assert!(
        d.pages.contains(&d.text[..second].chars().count()),
        "{:?}",
        d.pages
    );
}

/// A PDF of `objects` (numbered from 1; the first is the catalogue), with its cross-reference
/// table.
fn pdf_of(objects: &[String]) -> Vec<u8> {
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n{o}\nendobj\n", i + 1).as_bytes());
    }
    let xref = pdf.len();
    pdf.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in &offsets {
        pdf.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    pdf
}

#[test]
fn a_pdf_with_no_text_layer_says_to_run_ocr() {
    // One page that draws a rectangle and writes no text.
    let content = "0 0 1 rg 100 100 200 200 re f";
    let pdf = pdf_of(&[
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>".to_owned(),
        format!(
            "<< /Length {} >>\nstream\n{content}\nendstream",
            content.len()
        ),
    ]);
    let e = refused(pdf, None);
    assert!(
        e.contains("no text layer (a scanned page?): run OCR first, e.g. ocrmypdf"),
        "{e}"
    );
}

#[test]
fn a_pdf_whose_page_tree_loops_ends_at_once() {
    // The page tree's root lists itself among its kids.
    let content = "BT /F1 12 Tf 72 712 Td (Hoi co 20 hoi vien) Tj ET";
    let pdf = pdf_of(&[
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>".to_owned(),
        format!(
            "<< /Length {} >>\nstream\n{content}\nendstream",
            content.len()
        ),
    ]);
    // An error (or a reading), in bounded time.
    let t = Instant::now();
    let _ = read_document(pdf, None, None, &ReadOptions::default());
    assert!(t.elapsed().as_secs() < 20);
}

#[test]
fn an_error_record_names_the_file_and_the_run_goes_on() {
    let dir = temp();
    std::fs::write(dir.path().join("a-hong.docx"), b"PK\x03\x04 cut short").unwrap();
    std::fs::copy(
        root().join("corpus/formats/odt/tin-tuan-xa-binh-an.odt"),
        dir.path().join("b.ODT"),
    )
    .unwrap();
    let out = vnfacts().arg("extract").arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let recs: Vec<Json> = json_lines(&out.stdout);
    assert_eq!(recs.len(), 2);
    assert!(recs[0]["error"].as_str().unwrap().starts_with("docx:"));
    assert_eq!(recs[1]["document"]["format"], "odt");
}
