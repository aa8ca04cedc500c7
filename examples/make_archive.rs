//! Writes an archive of report-like files for measuring throughput (issue 17), made from the
//! corpus reports and the word lists, the same archive for the same seed:
//!
//! ```text
//! cargo run --release --example make_archive -- OUT_DIR [MEGABYTES] [SEED]
//! ```
//!
//! Each file is about 2 KB: the title of one corpus report, then paragraphs of sentences drawn
//! at random from all of them. In every sentence the figures are varied (each digit run gets new
//! digits of the same length; dates stay valid dates, years stay between 2015 and 2026) and so are
//! the names: a place after its level ("xã", "phường", "huyện", …) becomes a commune or district of
//! `data/admin_communes.txt`, a person's surname one of `data/surnames.txt`. Most files are UTF-8
//! text; some are TCVN3 or VNI bytes (written with the library's own encoder), some Word
//! (`.docx`) and some HTML pages; the archive also holds every document of `corpus/formats/`
//! once per thousand files (PDF, `.doc`, RTF, ODT as LibreOffice wrote them). The mix:
//!
//! | share | what |
//! |---|---|
//! | 80% | UTF-8 `.txt` |
//! | 6% | TCVN3 `.txt` (UTF-8 when a char has no TCVN3 byte) |
//! | 6% | VNI `.txt` |
//! | 4% | `.docx` |
//! | 4% | `.html` |
//!
//! Files go 1,000 to a folder (`000/`, `001/`, …). The last line says how many files and bytes.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use rand::seq::IndexedRandom;
use rand::{RngExt, SeedableRng};
use rand_xorshift::XorShiftRng;
use regex::Regex;

/// What the generator draws from.
struct Source {
    titles: Vec<String>,
    sentences: Vec<String>,
    /// Names of communes and districts, as written after their level.
    places: Vec<String>,
    surnames: Vec<String>,
    /// The documents of `corpus/formats/`, copied as they are.
    documents: Vec<(String, Vec<u8>)>,
}

fn main() {
    if let Err(e) = run() {
        eprintln!("make_archive: {e}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: make_archive OUT_DIR [MEGABYTES] [SEED]";
    let out = PathBuf::from(args.first().ok_or(usage)?);
    let megabytes: f64 = match args.get(1) {
        Some(s) => s
            .parse()
            .map_err(|_| format!("{s}: not a number of megabytes"))?,
        None => 50.0,
    };
    let seed: u64 = match args.get(2) {
        Some(s) => s
            .parse()
            .map_err(|_| format!("{s}: not a seed (a number)"))?,
        None => 7,
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let src = Source::read(root)?;
    let mut rng = XorShiftRng::seed_from_u64(seed);
    let vary = Vary::new();
    let (mut total, mut n) = (0u64, 0usize);
    while (total as f64) < megabytes * 1e6 {
        let (name, bytes) = if n % 1000 == 999 && !src.documents.is_empty() {
            // One document of corpus/formats per thousand files, in turn.
            let (name, bytes) = &src.documents[(n / 1000) % src.documents.len()];
            (format!("doc-{n:06}-{name}"), bytes.clone())
        } else {
            let report = src.report(&mut rng, &vary);
            let pick: u32 = rng.random_range(0..100);
            match pick {
                0..80 => (format!("r-{n:06}.txt"), report.into_bytes()),
                80..86 => legacy(n, "tcvn3", &report, vnfacts::input::Encoding::Tcvn3),
                86..92 => legacy(n, "vni", &report, vnfacts::input::Encoding::Vni),
                92..96 => (format!("r-{n:06}.docx"), docx(&report)?),
                _ => (format!("r-{n:06}.html"), html(&report).into_bytes()),
            }
        };
        let dir = out.join(format!("{:03}", n / 1000));
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let path = dir.join(name);
        std::fs::write(&path, &bytes).map_err(|e| format!("{}: {e}", path.display()))?;
        total += bytes.len() as u64;
        n += 1;
    }
    println!("{}: {n} files, {total} bytes", out.display());
    Ok(())
}

/// A report in a legacy encoding, or in UTF-8 when some char has no byte there.
fn legacy(n: usize, tag: &str, text: &str, enc: vnfacts::input::Encoding) -> (String, Vec<u8>) {
    match vnfacts::input::encode(text, enc) {
        Ok(bytes) => (format!("r-{n:06}-{tag}.txt"), bytes),
        Err(_) => (format!("r-{n:06}.txt"), text.as_bytes().to_vec()),
    }
}

/// The paragraphs of a report: its lines.
fn paragraphs(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty())
}

/// A Word file whose paragraphs are the report's lines.
fn docx(text: &str) -> Result<Vec<u8>, String> {
    let mut body = String::new();
    for p in paragraphs(text) {
        let _ = write!(
            body,
            r#"<w:p><w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p>"#,
            quick_xml::escape::escape(p)
        );
    }
    let doc = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
    );
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let entries: [(&str, &str); 3] = [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", RELS),
        ("word/document.xml", &doc),
    ];
    for (name, x) in entries {
        w.start_file(name, opts).map_err(|e| e.to_string())?;
        w.write_all(x.as_bytes()).map_err(|e| e.to_string())?;
    }
    Ok(w.finish().map_err(|e| e.to_string())?.into_inner())
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;
const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

/// A portal-like page: a menu and a footer around the report (title in `h1`, lines in `p`).
fn html(text: &str) -> String {
    let mut lines = paragraphs(text);
    let title = lines.next().unwrap_or_default();
    let mut page =
        String::from("<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>");
    let _ = writeln!(
        page,
        "{}</title></head><body>",
        quick_xml::escape::escape(title)
    );
    page.push_str(
        "<nav><a href=\"/\">Trang chủ</a> | <a href=\"/tin-tuc\">Tin tức</a></nav>\n<article>\n",
    );
    let _ = writeln!(page, "<h1>{}</h1>", quick_xml::escape::escape(title));
    for p in lines {
        let _ = writeln!(page, "<p>{}</p>", quick_xml::escape::escape(p));
    }
    page.push_str("</article>\n<footer>Cổng thông tin điện tử</footer>\n</body></html>\n");
    page
}

impl Source {
    fn read(root: &Path) -> Result<Source, String> {
        let read =
            |p: &Path| std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()));
        let mut titles = Vec::new();
        let mut sentences = Vec::new();
        let corpus = root.join("corpus");
        let mut reports: Vec<PathBuf> = Vec::new();
        for e in std::fs::read_dir(&corpus).map_err(|e| format!("{}: {e}", corpus.display()))? {
            let p = e.map_err(|e| format!("{}: {e}", corpus.display()))?.path();
            if p.is_file() && p.extension().is_some_and(|e| e == "txt") {
                reports.push(p);
            }
        }
        reports.sort();
        // A sentence ends at ". " before a capital letter (or at the end of its line).
        let end = Regex::new(r"\. +\p{Lu}").expect("a valid pattern");
        for p in &reports {
            let text = read(p)?.replace("\r\n", "\n");
            let mut lines = paragraphs(&text);
            if let Some(t) = lines.next() {
                titles.push(t.to_owned());
            }
            for line in joined(lines) {
                let line = line.as_str();
                let mut from = 0;
                for m in end.find_iter(line) {
                    sentences.push(line[from..m.start() + 1].to_owned());
                    from = m.end() - m.as_str().chars().last().map_or(0, char::len_utf8);
                }
                sentences.push(line[from..].to_owned());
            }
        }
        if titles.is_empty() {
            return Err(format!(
                "{}: no corpus reports (*.txt)",
                root.join("corpus").display()
            ));
        }
        let mut places = Vec::new();
        let communes = root.join("data/admin_communes.txt");
        for line in read(&communes)?.lines().filter(|l| !l.starts_with('#')) {
            // year, level, code, kind, name, …
            if let Some(name) = line.split('\t').nth(4) {
                if name.chars().next().is_some_and(char::is_uppercase) {
                    places.push(name.to_owned());
                }
            }
        }
        places.sort();
        places.dedup();
        let surnames: Vec<String> = read(&root.join("data/surnames.txt"))?
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_owned)
            .collect();
        let mut documents = Vec::new();
        let formats = root.join("corpus/formats");
        let files = list(&formats)?;
        // The documents only, not their expectations (.facts.json).
        let document = |p: &PathBuf| {
            p.extension().is_some_and(|e| {
                ["doc", "docx", "odt", "rtf", "pdf", "html", "htm"].contains(&&*e.to_string_lossy())
            })
        };
        for p in files.into_iter().filter(document) {
            let bytes = std::fs::read(&p).map_err(|e| format!("{}: {e}", p.display()))?;
            let name = p
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            documents.push((name, bytes));
        }
        Ok(Source {
            titles,
            sentences,
            places,
            surnames,
            documents,
        })
    }

    /// A report: a title, then 4 to 7 paragraphs of 1 to 4 sentences, until about 2 KB.
    fn report(&self, rng: &mut XorShiftRng, vary: &Vary) -> String {
        let mut out = vary.apply(self.titles.choose(rng).expect("titles"), self, rng);
        out.push('\n');
        while out.len() < 2000 {
            let k = rng.random_range(1..=4);
            let para: Vec<String> = (0..k)
                .map(|_| vary.apply(self.sentences.choose(rng).expect("sentences"), self, rng))
                .collect();
            out.push_str(&para.join(" "));
            out.push('\n');
        }
        out
    }
}

/// The paragraphs of a hard-wrapped report: a line that does not end a sentence (".", ":",
/// ";", "!", "?") goes on in the next one.
fn joined<'a>(lines: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut open = false;
    for l in lines {
        match out.last_mut() {
            Some(last) if open => {
                last.push(' ');
                last.push_str(l);
            }
            _ => out.push(l.to_owned()),
        }
        open = !l.ends_with(['.', ':', ';', '!', '?']);
    }
    out
}

/// Every file under `dir`, sorted.
fn list(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    for e in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let e = e.map_err(|e| format!("{}: {e}", dir.display()))?;
        if e.file_type().is_file() {
            out.push(e.into_path());
        }
    }
    Ok(out)
}

/// The patterns that find what a sentence's variation changes.
struct Vary {
    date: Regex,
    day_month: Regex,
    day: Regex,
    month: Regex,
    year: Regex,
    digits: Regex,
    place: Regex,
    person: Regex,
}

impl Vary {
    fn new() -> Vary {
        let re = |p: &str| Regex::new(p).expect("a valid pattern");
        Vary {
            // d/m/yyyy, d-m-yyyy, d.m.yyyy
            date: re(r"\b(\d{1,2})([/.-])(\d{1,2})([/.-])((?:19|20)\d\d)\b"),
            // "15/7" (after the full dates: "15/7/2024" is marked by then), "mùng 2-9"
            day_month: re(
                r"(?i)\b()(\d{1,2})(/)(\d{1,2})\b|\b(ngày|mùng|mồng) (\d{1,2})(-)(\d{1,2})\b",
            ),
            day: re(r"(?i)\b(ngày|mùng|mồng) (\d{1,2})\b"),
            month: re(r"(?i)\b(tháng) (\d{1,2})\b"),
            year: re(r"\b(?:19|20)\d\d\b"),
            digits: re(r"\d+"),
            // a level, then one to three capitalised words
            place: re(
                r"\b(xã|phường|thị trấn|huyện|thị xã|quận) (\p{Lu}\p{Ll}*(?: \p{Lu}\p{Ll}*){0,2})",
            ),
            // a title, then a surname and the rest of the name
            person: re(
                r"\b(đồng chí|ông|bà|anh|chị|Đồng chí|Ông|Bà) (\p{Lu}\p{Ll}*)( \p{Lu}\p{Ll}*){1,3}",
            ),
        }
    }

    /// The sentence with new figures, dates and names.
    fn apply(&self, s: &str, src: &Source, rng: &mut XorShiftRng) -> String {
        // Dates first, then days, months and years, then every other digit run; names last.
        // Each pass marks what it wrote with a NUL byte before and after, so later passes
        // leave it alone.
        let two = |orig: &str, v: u32| {
            if orig.len() == 2 {
                format!("{v:02}")
            } else {
                v.to_string()
            }
        };
        let mut out = replace_outside(&self.date, s, |c| {
            let y: u32 = rng.random_range(2015..=2026);
            let (d, m) = (rng.random_range(1..=28), rng.random_range(1..=12));
            format!("{}{}{}{}{y}", two(&c[1], d), &c[2], two(&c[3], m), &c[4])
        });
        out = replace_outside(&self.day_month, &out, |c| {
            let (d, m) = (rng.random_range(1..=28), rng.random_range(1..=12));
            // Groups 1-4 for "15/7", 5-8 for "ngày 2-9".
            let g = |i: usize| c.get(i).or_else(|| c.get(i + 4)).map_or("", |m| m.as_str());
            let word = if g(1).is_empty() {
                String::new()
            } else {
                format!("{} ", g(1))
            };
            format!("{word}{}{}{}", two(g(2), d), g(3), two(g(4), m))
        });
        out = replace_outside(&self.day, &out, |c| {
            format!("{} {}", &c[1], two(&c[2], rng.random_range(1..=28)))
        });
        out = replace_outside(&self.month, &out, |c| {
            format!("{} {}", &c[1], two(&c[2], rng.random_range(1..=12)))
        });
        out = replace_outside(&self.year, &out, |_| {
            rng.random_range(2015u32..=2026).to_string()
        });
        out = replace_outside(&self.digits, &out, |c| {
            let d = &c[0];
            let mut t = String::with_capacity(d.len());
            for (i, _) in d.char_indices() {
                // A figure keeps its number of digits: no new leading zero.
                let lo = if i == 0 && !d.starts_with('0') { 1 } else { 0 };
                t.push(char::from(b'0' + rng.random_range(lo..10u8)));
            }
            t
        });
        out = out.replace('\0', "");
        out = self
            .place
            .replace_all(&out, |c: &regex::Captures| {
                format!("{} {}", &c[1], src.places.choose(rng).expect("places"))
            })
            .into_owned();
        self.person
            .replace_all(&out, |c: &regex::Captures| {
                let rest = &c[0][c[1].len() + 1 + c[2].len()..];
                format!(
                    "{} {}{rest}",
                    &c[1],
                    src.surnames.choose(rng).expect("surnames")
                )
            })
            .into_owned()
    }
}

/// `s` with each match of `re` outside NUL-marked spans replaced by `f(its groups)`, marked
/// with NUL bytes too.
fn replace_outside(re: &Regex, s: &str, mut f: impl FnMut(&regex::Captures) -> String) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    for (k, part) in s.split('\0').enumerate() {
        if k > 0 {
            out.push('\0');
        }
        if k % 2 == 1 {
            out.push_str(part);
            continue;
        }
        let mut last = 0;
        for c in re.captures_iter(part) {
            let m = c.get(0).expect("the whole match");
            out.push_str(&part[last..m.start()]);
            out.push('\0');
            out.push_str(&f(&c));
            out.push('\0');
            last = m.end();
        }
        out.push_str(&part[last..]);
    }
    out
}
