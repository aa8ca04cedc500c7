//! Random text made of the pieces reports are made of (figures, separators, scale words,
//! currency marks, line breaks, combining marks, odd spaces), run through `extract`: it must
//! never panic, every fact's text must be the input between its offsets, facts must be sorted,
//! and every value finite. A fixed seed keeps the run repeatable.

use vnfacts::{extract, Options, Value};

const PIECES: &[&str] = &[
    "1",
    "2",
    "12",
    "200",
    "000",
    "2024",
    "8/7",
    "/",
    ".",
    ",",
    " ",
    " ",
    "\n",
    "\r\n",
    "\u{a0}",
    "\u{200b}",
    "\u{301}",
    "\u{323}",
    "e",
    "đ",
    "đồng",
    "VNĐ",
    "$",
    "%",
    "-",
    "–",
    "nghìn",
    "triệu",
    "ttriệu",
    "tỷ",
    "trăm",
    "mươi",
    "mười",
    "lăm",
    "năm",
    "hai",
    "ngày",
    "tháng",
    "đầu",
    "cuối",
    "quý I",
    "nhiệm kỳ",
    "từ",
    "đến",
    "trên",
    "khoảng",
    "hội viên",
    "hộ",
    "m2",
    "ha",
    "lượt",
    "chi hội",
    "Chỉ thị",
    "số",
    "thứ",
    "trị giá",
    "mỗi",
    "em",
    "k",
    "phẩy",
    "nửa",
    "rưỡi",
    "âm",
    "9999999999999999999999",
    "Ạ",
    "𝟙",
    "\u{202e}",
];

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn random_report_like_text_is_read_calmly() {
    let mut rng = Rng(0x5eed_1234_abcd_0001);
    for _ in 0..20_000 {
        let n = 1 + (rng.next() % 24) as usize;
        let text: String = (0..n)
            .map(|_| PIECES[(rng.next() % PIECES.len() as u64) as usize])
            .collect();
        let doc = extract(&text, &Options::default());
        let chars: Vec<char> = text.chars().collect();
        let mut last = 0;
        for f in &doc.facts {
            assert!(f.start < f.end && f.end <= chars.len(), "{text:?}: {f:?}");
            let span: String = chars[f.start..f.end].iter().collect();
            assert_eq!(span, f.text, "{text:?}");
            assert!(f.start >= last, "facts out of order in {text:?}");
            last = f.start;
            if let Some(Value::Number(v)) = &f.value {
                assert!(v.to_f64().is_finite(), "{text:?}: {f:?}");
            }
        }
    }
}

#[test]
fn edge_inputs() {
    for text in [
        "",
        " ",
        "\n\n",
        "\u{feff}",
        "đ",
        "%",
        "/",
        "1/",
        "/1",
        "ngày",
        "năm",
        "-",
        "từ 5 đến",
    ] {
        let doc = extract(text, &Options::default());
        for f in &doc.facts {
            assert_eq!(
                text.chars()
                    .skip(f.start)
                    .take(f.end - f.start)
                    .collect::<String>(),
                f.text
            );
        }
    }
    let huge = format!("có {} hộ", "9".repeat(100_000));
    let doc = extract(&huge, &Options::default());
    assert!(doc.facts.is_empty());
    assert_eq!(doc.warnings.len(), 1);
}
