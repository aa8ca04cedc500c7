//! Property tests: amounts of money, dates and counts written in the many ways reports write
//! them, inside a sentence, are read back with the value and span they were written with.

use proptest::prelude::*;
use vnfacts::{extract, Kind, Options};

const DIGITS: [&str; 10] = [
    "không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín",
];

/// A number below a thousand in words; `full` writes the hundreds even when zero
/// ("không trăm linh năm"), as after "nghìn".
fn small(n: u64, full: bool) -> String {
    let (h, t, u) = (n / 100, n / 10 % 10, n % 10);
    let mut w: Vec<String> = Vec::new();
    let hundreds = h > 0 || full;
    if hundreds {
        w.push(format!("{} trăm", DIGITS[h as usize]));
    }
    match t {
        0 if u > 0 && hundreds => w.push(format!("linh {}", DIGITS[u as usize])),
        0 if u > 0 => w.push(DIGITS[u as usize].to_owned()),
        1 => w.push(match u {
            0 => "mười".to_owned(),
            5 => "mười lăm".to_owned(),
            u => format!("mười {}", DIGITS[u as usize]),
        }),
        t if t >= 2 => w.push(match u {
            0 => format!("{} mươi", DIGITS[t as usize]),
            1 => format!("{} mươi mốt", DIGITS[t as usize]),
            4 => format!("{} mươi tư", DIGITS[t as usize]),
            5 => format!("{} mươi lăm", DIGITS[t as usize]),
            u => format!("{} mươi {}", DIGITS[t as usize], DIGITS[u as usize]),
        }),
        _ => {}
    }
    w.join(" ")
}

/// A number below a billion in words: "hai mươi mốt nghìn không trăm mười một".
fn words(n: u64) -> String {
    let (m, k, r) = (n / 1_000_000, n / 1000 % 1000, n % 1000);
    let mut w = Vec::new();
    if m > 0 {
        w.push(format!("{} triệu", small(m, false)));
    }
    if k > 0 {
        w.push(format!("{} nghìn", small(k, m > 0)));
    }
    if r > 0 {
        w.push(small(r, m > 0 || k > 0));
    }
    w.join(" ")
}

/// Digits with a separator between thousands: "15.500.000", "15 500 000".
fn grouped(n: u64, seps: &[&str]) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        let left = s.len() - i;
        if i > 0 && left % 3 == 0 {
            out.push_str(seps[(left / 3) % seps.len()]);
        }
        out.push(c);
    }
    out
}

/// (written amount, value) in one of the styles reports use.
fn amount() -> impl Strategy<Value = (String, u64)> {
    prop_oneof![
        (1_000u64..100_000_000_000).prop_map(|n| (grouped(n, &["."]), n)),
        (1_000u64..100_000_000_000).prop_map(|n| (grouped(n, &[" "]), n)),
        (1_000_000u64..100_000_000_000).prop_map(|n| (grouped(n, &[".", " "]), n)),
        (1u64..999, 1u64..999).prop_map(|(a, b)| (
            format!("{a} tỷ {b} triệu"),
            a * 1_000_000_000 + b * 1_000_000
        )),
        (1u64..999_999).prop_map(|n| (format!("{} nghìn", grouped(n, &["."])), n * 1000)),
        (
            1u64..99,
            1u64..9,
            prop_oneof![Just(("triệu", 1_000_000u64)), Just(("tỷ", 1_000_000_000))]
        )
            .prop_map(|(a, d, (w, s))| (format!("{a},{d} {w}"), a * s + d * s / 10)),
        (1u64..999_999_999).prop_map(|n| (words(n), n)),
    ]
}

fn currency() -> impl Strategy<Value = &'static str> {
    prop_oneof![
        Just(" đồng"),
        Just(" đ"),
        Just("đ"),
        Just(" VNĐ"),
        Just(" VND")
    ]
}

fn sentence() -> impl Strategy<Value = (&'static str, &'static str)> {
    (
        prop_oneof![
            Just("Hội đã ủng hộ "),
            Just("Tổng thu đạt "),
            Just("Quỹ có "),
            Just("Trao ")
        ],
        prop_oneof![
            Just(" cho các hộ."),
            Just("."),
            Just(" trong năm 2024."),
            Just(", tăng so với cùng kỳ.")
        ],
    )
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(300),
        ..ProptestConfig::default()
    })]

    #[test]
    fn money_reads_back((written, value) in amount(), cur in currency(), (pre, post) in sentence(), wrap in any::<bool>()) {
        // A hard-wrapped line: the last space of the amount becomes a line break.
        let mut written = written;
        if wrap {
            if let Some(i) = written.rfind(' ') {
                written.replace_range(i..i + 1, "\n");
            }
        }
        // "đ" is glued to digits ("1.000.000đ") and scale words ("5 triệuđ"), not to words
        // such as "mười lăm".
        let glued_to_word = cur == "đ" && !written.ends_with(|c: char| c.is_ascii_digit())
            && !written.ends_with("triệu") && !written.ends_with("tỷ") && !written.ends_with("nghìn");
        let cur = if glued_to_word { " đ" } else { cur };
        let money = format!("{written}{cur}");
        let text = format!("{pre}{money}{post}");
        let doc = extract(&text, &Options::default());
        let found: Vec<_> = doc.facts.iter().filter(|f| f.kind == Kind::Money).collect();
        prop_assert_eq!(found.len(), 1, "{:?}: {:?}", text, doc.facts);
        prop_assert_eq!(&found[0].text, &money);
        prop_assert_eq!(found[0].number().and_then(|v| v.to_i64()), Some(value as i64));
        prop_assert_eq!(found[0].start, pre.chars().count());
    }

    #[test]
    fn dates_read_back(y in 1990i32..2040, m in 1u32..=12, d in 1u32..=28, form in 0usize..14) {
        let day = format!("{y:04}-{m:02}-{d:02}");
        let month = format!("{y:04}-{m:02}");
        let lunar = vnfacts::time::lunar_to_solar(y, m, d, false).map(|x| x.iso());
        // (written, kind, value or from, to, year inferred)
        let (written, kind, value, to, inferred): (String, Kind, String, Option<String>, bool) = match form {
            0 => (format!("{d}/{m}/{y}"), Kind::Date, day, None, false),
            1 => (format!("{d:02}/{m:02}/{y}"), Kind::Date, day, None, false),
            2 => (format!("{d}-{m}-{y}"), Kind::Date, day, None, false),
            3 => (format!("{d}.{m}.{y}"), Kind::Date, day, None, false),
            4 => (format!("ngày {d} tháng {m} năm {y}"), Kind::Date, day, None, false),
            5 => (format!("ngày {d}/{m}"), Kind::Date, day, None, true),
            6 => (format!("Chiều ngày {d}/{m}/{y}"), Kind::Date, day, None, false),
            7 => (format!("mồng {d} tháng {m}"), Kind::Date, day, None, true),
            8 => (format!("tháng {m}/{y}"), Kind::Date, month, None, false),
            9 => (format!("tháng {m} năm {y}"), Kind::Date, month, None, false),
            10 => (format!("năm {y}"), Kind::Date, format!("{y:04}"), None, false),
            11 => (format!("quý {} năm {y}", (m - 1) / 3 + 1), Kind::Period,
                   format!("{y:04}-{:02}-01", (m - 1) / 3 * 3 + 1), None, false),
            12 => {
                // Two days of one month (the 28th has no 29th in some Februaries).
                let d = d.min(27);
                (format!("từ ngày {d}/{m} đến ngày {}/{m}/{y}", d + 1), Kind::Period,
                 format!("{y:04}-{m:02}-{d:02}"), Some(format!("{y:04}-{m:02}-{:02}", d + 1)), false)
            }
            _ => match lunar {
                Some(l) => (format!("ngày {d} tháng {m} âm lịch năm {y}"), Kind::Date, l, None, false),
                None => (format!("năm {y}"), Kind::Date, format!("{y:04}"), None, false),
            },
        };
        let text = format!("Hội nghị họp {written}, có nhiều hội viên.");
        let opts = Options { reference_year: Some(y), ..Options::default() };
        let doc = extract(&text, &opts);
        let found: Vec<_> = doc.facts.iter().filter(|f| matches!(f.kind, Kind::Date | Kind::Period)).collect();
        prop_assert_eq!(found.len(), 1, "{:?}: {:?}", text, doc.facts);
        let f = found[0];
        prop_assert_eq!(&f.text, &written);
        prop_assert_eq!(f.kind, kind);
        if kind == Kind::Date {
            prop_assert_eq!(f.value.clone(), Some(vnfacts::Value::Date(value)));
        } else {
            prop_assert_eq!(f.from.clone(), Some(value));
            if let Some(t) = to {
                prop_assert_eq!(f.to.clone(), Some(t));
            }
        }
        prop_assert_eq!(f.year_inferred, Some(inferred));
    }

    #[test]
    fn counts_read_back(n in 2u64..100_000, unit in prop_oneof![Just("hội viên"), Just("hộ nghèo"), Just("lượt người"), Just("thẻ BHYT"), Just("con bò")], in_words in any::<bool>()) {
        // "năm" and "một" alone are read as words, not counts (README, "Not read yet").
        let number = if in_words && n < 1000 && n != 5 { small(n, false) } else { grouped(n, &["."]) };
        let count = format!("{number} {unit}");
        let text = format!("Năm nay xã có {count} tham gia.");
        let doc = extract(&text, &Options::default());
        let counts: Vec<_> = doc.facts.iter().filter(|f| f.kind == Kind::Count).collect();
        prop_assert_eq!(counts.len(), 1, "{:?}: {:?}", text, doc.facts);
        prop_assert_eq!(&counts[0].text, &count);
        prop_assert_eq!(counts[0].number().and_then(|v| v.to_i64()), Some(n as i64));
        prop_assert_eq!(counts[0].unit.as_deref(), Some(unit));
    }
}

#[test]
fn the_word_writer_is_right() {
    assert_eq!(words(325), "ba trăm hai mươi lăm");
    assert_eq!(words(21_011), "hai mươi mốt nghìn không trăm mười một");
    assert_eq!(words(105), "một trăm linh năm");
    assert_eq!(words(54), "năm mươi tư");
    assert_eq!(grouped(15_500_000, &[".", " "]), "15.500 000");
}
