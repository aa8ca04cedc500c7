//! The corpus: every `corpus/NAME.txt` is extracted and compared with `corpus/NAME.facts.json`
//! by the comparison of `vnfacts check --strict` (one mechanism, not two).
//! After a change that is meant to alter the output, look at the differences this test prints,
//! then rewrite the expected files with `VNFACTS_BLESS=1 cargo test --test corpus` and review
//! them with `git diff corpus/`.
mod common;
use common::corpus_paths;

use serde_json::Value as Json;
use std::path::Path;
use unicode_normalization::UnicodeNormalization;
use vnfacts::{check, decode, extract, stages, Options};

fn run(path: &Path) -> Json {
    let decoded = vnfacts::input::read_path_as(path, None).unwrap();
    let mut doc = vnfacts::extract_decoded(&decoded, &Options::default());
    doc.source = format!("corpus/{}", path.file_name().unwrap().to_string_lossy());
    serde_json::to_value(&doc).unwrap()
}

#[test]
fn corpus_matches_expected_facts() {
    let bless = std::env::var_os("VNFACTS_BLESS").is_some();
    let mut failures = Vec::new();
    let files = corpus_paths();
    assert!(
        files.len() >= 8,
        "the corpus should hold at least 8 reports"
    );
    for path in files {
        let got = run(&path);
        let expected_path = check::expected_path(&path);
        if bless {
            let text = serde_json::to_string_pretty(&got).unwrap() + "\n";
            std::fs::write(&expected_path, text).unwrap();
            continue;
        }
        let Ok(text) = std::fs::read_to_string(&expected_path) else {
            failures.push(format!("{}: no expected file", path.display()));
            continue;
        };
        let want: Json = serde_json::from_str(&text).unwrap();
        // The same comparison as `vnfacts check --strict` (one mechanism, not two).
        let diff = check::compare(&want, &got, true);
        if !diff.is_empty() {
            let style = check::Style { color: false };
            failures.push(format!(
                "{}:\n{}",
                path.display(),
                check::render(&diff, style)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "corpus differs:\n{}",
        failures.join("\n")
    );
}

#[test]
fn corpus_reports_are_long_enough_and_spans_are_true() {
    for path in corpus_paths() {
        let text = decode(&std::fs::read(&path).unwrap()).unwrap();
        assert!(
            text.chars().count() >= 1500,
            "{} is shorter than 1,500 chars",
            path.display()
        );
        let chars: Vec<char> = text.chars().collect();
        for f in run(&path)["facts"].as_array().unwrap() {
            let (s, e) = (
                f["start"].as_u64().unwrap() as usize,
                f["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(
                f["text"],
                chars[s..e].iter().collect::<String>(),
                "{}: {f}",
                path.display()
            );
        }
    }
}

/// Every form the foundation reads appears at least twice in the corpus (issue 2, points 3–6).
#[test]
fn corpus_covers_every_form_twice() {
    let mut raw = String::new();
    let mut norm = String::new();
    let (mut crlf, mut decomposed) = (0, 0);
    for path in corpus_paths() {
        let text = decode(&std::fs::read(&path).unwrap()).unwrap();
        crlf += usize::from(text.contains("\r\n"));
        decomposed += text.matches(['\u{301}', '\u{323}', '\u{309}']).count();
        norm.push_str(&stages::normalized(&text));
        norm.push('\n');
        // Composed, line breaks kept as written.
        let nfc = text.nfc().collect::<String>().replace("\r\n", "\n");
        raw.push_str(&nfc);
        raw.push('\n');
    }
    let count_norm = |s: &str| norm.matches(s).count();
    let forms: &[(&str, usize)] = &[
        // normalisation
        ("CRLF files", crlf),
        ("non-breaking space", raw.matches('\u{a0}').count()),
        ("decomposed tone marks", decomposed),
        (
            "a number split by a line break",
            raw.matches("000\n000 đ").count()
                + raw.matches("200\n000 đ").count()
                + raw.matches("26\nngười").count()
                + raw.matches("6\nlớp").count(),
        ),
        (
            "Chiều/Tối/Sáng ngày + line break + date",
            raw.matches("ngày\n").count(),
        ),
        ("đồng glued to a word", count_norm("đồnglàm")),
        ("đ glued to digits", count_norm("000đ")),
        ("đ/em", count_norm("đ/em")),
        // numbers
        (
            "dot thousands",
            count_norm("2.232") + count_norm(".000.000"),
        ),
        (
            "space thousands",
            count_norm("200 000") + count_norm(".500 000"),
        ),
        (
            "decimal comma + scale",
            count_norm("1,5 tỷ") + count_norm("1,2 tỷ") + count_norm("4,6 tỷ"),
        ),
        (
            "tỷ + triệu",
            count_norm(" tỷ 250 triệu") + count_norm(" tỷ 500 triệu") + count_norm(" tỷ 350 triệu"),
        ),
        ("N nghìn đồng", count_norm("00 nghìn đồng")),
        (
            "trăm triệu",
            count_norm("trăm triệu") + count_norm("trăm\ntriệu"),
        ),
        (
            "triệu + nghìn",
            count_norm("triệu 200 nghìn") + count_norm("triệu 500 nghìn"),
        ),
        (
            "numbers in words",
            count_norm("ba trăm hai mươi lăm")
                + count_norm("năm mươi tư")
                + count_norm("mười lăm")
                + count_norm("hai mươi mốt"),
        ),
        ("missing separator", count_norm("35.600000")),
        ("stray separator", count_norm(" .000 đồng")),
        (
            "doubled letter in a scale word",
            count_norm("ttriệu") + count_norm("ttỷ"),
        ),
        ("decimal dot", count_norm("12.5%")),
        ("suffix glued to a percent", count_norm("98,2%KH")),
        // money
        ("VNĐ/VND", count_norm("VNĐ") + count_norm("VND")),
        (
            "USD/đô la/$",
            count_norm("USD") + count_norm("đô la") + count_norm("$"),
        ),
        (
            "per with slash",
            count_norm("đồng/hộ/năm") + count_norm("đồng/người/năm"),
        ),
        ("mỗi tháng before an amount", count_norm("mỗi tháng 200")),
        ("từ X đến Y triệu đồng", count_norm("từ 3 đến 5 triệu đồng")),
        (
            "X-Y triệu đồng",
            count_norm("-5 triệu đồng") + count_norm("-3 triệu đồng"),
        ),
        ("trở lên", count_norm("triệu đồng trở lên")),
        (
            "bare amount after a money word",
            count_norm("trị giá 2")
                + count_norm("ủng hộ 5.000.000")
                + count_norm("hỗ trợ 1.500.000")
                + count_norm("dục 420 triệu"),
        ),
        ("ngàn tiền mặt", count_norm("ngàn tiền mặt")),
        // counts, ratios, percents, measures, durations
        (
            "count range",
            count_norm("từ 20 đến 25 con bò") + count_norm("từ 20 đến 25 xe máy"),
        ),
        (
            "noun before the number",
            count_norm("số hội viên là") + count_norm("số học sinh là"),
        ),
        (
            "small counts in words",
            count_norm("hai thôn") + count_norm("ba hộ") + count_norm("ba thôn"),
        ),
        (
            "ratio",
            count_norm("12/12 chi") + count_norm("3/5 xóm") + count_norm("9/9 chi"),
        ),
        (
            "large ratio",
            count_norm("12.450/11.800") + count_norm("45/52"),
        ),
        (
            "percent range",
            count_norm("từ 10% đến 15%")
                + count_norm("từ 85% đến 90%")
                + count_norm("từ 9% đến 10%"),
        ),
        (
            "measure",
            count_norm(" ha") + count_norm("m2") + count_norm("m²"),
        ),
        (
            "qualifiers",
            count_norm("trên ")
                + count_norm("hơn ")
                + count_norm("khoảng ")
                + count_norm("ít nhất "),
        ),
        // dates and periods
        ("dd/mm/yyyy", count_norm("/2024")),
        (
            "ngày d tháng m năm y",
            count_norm("tháng 1 năm 2024") + count_norm("tháng 6 năm 2024"),
        ),
        (
            "6 tháng đầu/cuối năm",
            count_norm("tháng đầu năm") + count_norm("tháng cuối năm"),
        ),
        ("nhiệm kỳ", count_norm("nhiệm kỳ 20")),
        // not facts
        (
            "numbers in names",
            count_norm("Phú Lộc 3") + count_norm("Xuân 2") + count_norm("Tây 1"),
        ),
        (
            "document numbers",
            count_norm("Chỉ thị 0") + count_norm("Chỉ thị 1") + count_norm("/NQ-"),
        ),
        ("ordinals", count_norm("lần thứ 3")),
        ("prizes", count_norm("giải nhì")),
        ("slogans", count_norm("5 không, 3 sạch")),
        (
            "ngày 12/12 as a date",
            count_norm("ngày 12/12") + count_norm("ngày 25/6"),
        ),
    ];
    let thin: Vec<String> = forms
        .iter()
        .filter(|(_, n)| *n < 2)
        .map(|(f, n)| format!("{f} ({n})"))
        .collect();
    assert!(
        thin.is_empty(),
        "forms seen fewer than twice in the corpus: {thin:?}"
    );
}

/// `Options::kinds` runs only the recognisers its kinds need: what it gives is exactly the facts
/// of those kinds in a full reading, and the same document block, for every kind alone and with
/// the document date and reference year given (when the block needs no dates).
#[test]
fn kinds_alone_give_what_a_full_reading_gives() {
    for path in corpus_paths() {
        let text = decode(&std::fs::read(&path).unwrap()).unwrap();
        for given in [
            Options::default(),
            Options {
                document_date: "2024-08-15".parse().ok(),
                reference_year: Some(2024),
                ..Options::default()
            },
        ] {
            let full = extract(&text, &given);
            for kind in vnfacts::Kind::ALL {
                let alone = extract(
                    &text,
                    &Options {
                        kinds: Some(vec![kind]),
                        ..given.clone()
                    },
                );
                let want: Vec<&vnfacts::Fact> =
                    full.facts.iter().filter(|f| f.kind == kind).collect();
                let got: Vec<&vnfacts::Fact> = alone.facts.iter().collect();
                assert_eq!(
                    serde_json::to_value(&got).unwrap(),
                    serde_json::to_value(&want).unwrap(),
                    "{} with --kinds {}",
                    path.display(),
                    kind.name()
                );
                assert_eq!(
                    alone.document.date,
                    full.document.date,
                    "{}",
                    path.display()
                );
                assert_eq!(alone.document.reference_year, full.document.reference_year);
                assert_eq!(alone.document.title, full.document.title);
            }
        }
    }
}
