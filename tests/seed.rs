//! The sample report of `../shared/seeds/` (read from there, never copied into the project):
//! every example SPEC.md gives for it, the figures a careful reader writes down, and none of
//! the numbers that are not facts. Ignored when `../shared` is absent.
mod common;
use common::shared;

use serde_json::{json, Value as Json};
use vnfacts::{extract, Options};

fn seed() -> Option<(String, Vec<Json>, Json)> {
    let p = shared("seeds/000_f674707354c15d01.txt");
    let text = std::fs::read_to_string(p).ok()?;
    let doc = extract(&text, &Options::default());
    let v = serde_json::to_value(&doc).unwrap();
    let facts = v["facts"].as_array().unwrap().clone();
    Some((text, facts, v["document"].clone()))
}

/// The facts whose text is `text` (several when the report repeats it).
fn with_text<'a>(facts: &'a [Json], text: &str) -> Vec<&'a Json> {
    facts.iter().filter(|f| f["text"] == text).collect()
}

/// Asserts one fact with this text has these fields.
fn expect(facts: &[Json], text: &str, fields: Json) {
    let found = with_text(facts, text);
    assert!(!found.is_empty(), "no fact with text {text:?}");
    let ok = found
        .iter()
        .any(|f| fields.as_object().unwrap().iter().all(|(k, v)| &f[k] == v));
    assert!(ok, "{text:?}: want {fields}, got {found:?}");
}

#[test]
#[cfg_attr(not(shared), ignore = "needs ../shared")]
fn spec_examples_on_the_sample() {
    let (text, facts, doc) = seed().expect("../shared/seeds is there");
    assert_eq!(doc["date"], "2024-07-08");
    assert_eq!(doc["reference_year"], 2024);
    assert!(doc["title"]
        .as_str()
        .unwrap()
        .starts_with("Hội CCB, Hội LHPN"));

    // SPEC.md, kind by kind.
    expect(
        &facts,
        "87.500 nghìn đồng",
        json!({"kind": "money", "value": 87500000, "currency": "VND"}),
    );
    expect(
        &facts,
        "15.500 000 đồng",
        json!({"kind": "money", "value": 15500000}),
    );
    expect(
        &facts,
        "200\n000 đ",
        json!({"kind": "money", "value": 200000, "per": "tháng"}),
    );
    expect(
        &facts,
        "200.000đ/em",
        json!({"kind": "money", "value": 200000, "per": "em"}),
    );
    expect(
        &facts,
        "23.000.000",
        json!({"kind": "money", "value": 23000000, "currency": "VND"}),
    );
    expect(
        &facts,
        "trên 3 trăm triệu đồng",
        json!({"kind": "money", "value": 300000000, "qualifier": "over"}),
    );
    expect(
        &facts,
        "trên 12 tỷ đồng",
        json!({"kind": "money", "value": 12000000000i64, "qualifier": "over"}),
    );
    expect(
        &facts,
        "20 hội viên mới",
        json!({"kind": "count", "value": 20, "unit": "hội viên"}),
    );
    expect(
        &facts,
        "2.232 lượt người",
        json!({"kind": "count", "value": 2232, "unit": "lượt người"}),
    );
    expect(
        &facts,
        "hơn 800 giáo\nviên",
        json!({"kind": "count", "value": 800, "qualifier": "over", "unit": "giáo viên"}),
    );
    expect(&facts, "97%", json!({"kind": "percent", "value": 97}));
    expect(
        &facts,
        "12/12 chi hội",
        json!({"kind": "ratio", "numerator": 12, "denominator": 12, "unit": "chi hội"}),
    );
    expect(
        &facts,
        "Chiều ngày\n8/7/2024",
        json!({"kind": "date", "value": "2024-07-08", "precision": "day"}),
    );
    expect(
        &facts,
        "ngày QTPN 8/3",
        json!({"kind": "date", "value": "2024-03-08", "year_inferred": true}),
    );
    expect(
        &facts,
        "6 tháng đầu năm 2024",
        json!({"kind": "period", "from": "2024-01-01", "to": "2024-06-30"}),
    );
    expect(
        &facts,
        "6 tháng cuối năm 2024",
        json!({"kind": "period", "from": "2024-07-01", "to": "2024-12-31"}),
    );
    expect(
        &facts,
        "nhiệm kỳ 2020 – 2025",
        json!({"kind": "period", "from": "2020", "to": "2025"}),
    );
    expect(
        &facts,
        "6 tháng",
        json!({"kind": "duration", "value": 6, "unit": "month"}),
    );
    expect(
        &facts,
        "50m",
        json!({"kind": "measure", "value": 50, "unit": "m"}),
    );
    expect(
        &facts,
        "5m",
        json!({"kind": "measure", "value": 5, "unit": "m"}),
    );

    // The other figures a careful reader writes down.
    for (t, kind, value) in [
        ("1.000.000đ", "money", 1000000i64),
        ("2.700 000 đ", "money", 2700000),
        ("585.000.000 đồng", "money", 585000000),
        ("16 triệu đồng", "money", 16000000),
        ("60 triệu", "money", 60000000),
        ("10 triệu đồng", "money", 10000000),
        ("hơn 15 triệu đồng", "money", 15000000),
        ("1.400.000đ", "money", 1400000),
        ("170.000.000đ", "money", 170000000),
        ("15 lượt gia đình", "count", 15),
        ("2 hộ cận nghèo", "count", 2),
        ("6 thẻ BHYT", "count", 6),
        ("26\nngười", "count", 26),
        ("3 gia đình", "count", 3),
        ("68 ngày\ncông", "count", 68),
        ("140 cột", "count", 140),
        ("14 con em", "count", 14),
        ("100%", "percent", 100),
    ] {
        expect(&facts, t, json!({"kind": kind, "value": value}));
    }
    expect(
        &facts,
        "12/12 đơn vị",
        json!({"kind": "ratio", "numerator": 12}),
    );
    expect(
        &facts,
        "26/3/2024",
        json!({"kind": "date", "value": "2024-03-26"}),
    );
    expect(
        &facts,
        "ngày 30/6/2024",
        json!({"kind": "date", "value": "2024-06-30"}),
    );
    expect(
        &facts,
        "ngày gia đình Việt Nam 28/6",
        json!({"kind": "date", "value": "2024-06-28", "year_inferred": true}),
    );

    // Every fact's text is the input between its offsets.
    let chars: Vec<char> = text.chars().collect();
    for f in &facts {
        let (s, e) = (
            f["start"].as_u64().unwrap() as usize,
            f["end"].as_u64().unwrap() as usize,
        );
        let span: String = chars[s..e].iter().collect();
        assert_eq!(json!(span), f["text"], "offsets of {f}");
    }
}

#[test]
#[cfg_attr(not(shared), ignore = "needs ../shared")]
fn no_non_facts_on_the_sample() {
    let (text, facts, _) = seed().expect("../shared/seeds is there");
    // Numbers in names, document numbers, slogans, prizes: no fact may start with them.
    for phrase in [
        "Liên Mậu 3",
        "Liên Mậu 1",
        "sen 2 làm",
        "sen 1 và",
        "mậu 2 làm",
        "Chỉ thị 05",
        "5 không",
        "3 sạch",
        "góp 1 phần",
    ] {
        let at = text
            .find(phrase)
            .unwrap_or_else(|| panic!("{phrase:?} not in the seed"));
        let digit = at + phrase.find(|c: char| c.is_ascii_digit()).unwrap();
        let char_at = text[..digit].chars().count() as u64;
        // Names may hold the number ("Chi hội Liên Mậu 3"); no figure fact may.
        for f in facts.iter().filter(|f| {
            !matches!(
                f["kind"].as_str(),
                Some("organization" | "person" | "location")
            )
        }) {
            let (s, e) = (f["start"].as_u64().unwrap(), f["end"].as_u64().unwrap());
            assert!(!(s <= char_at && char_at < e), "{phrase:?} is read as {f}");
        }
    }
    assert!(with_text(&facts, "giải nhì").is_empty());
    // A number inside money, a date or a period is not also a count.
    for f in &facts {
        if f["kind"] == "count" {
            let t = f["text"].as_str().unwrap();
            assert!(!t.contains("đồng") && !t.contains('/'), "count {f}");
        }
    }
}

#[test]
#[cfg_attr(not(shared), ignore = "needs ../shared")]
fn organisations_people_and_places_on_the_sample() {
    let (_, facts, doc) = seed().expect("../shared/seeds is there");
    // SPEC.md's examples.
    expect(
        &facts,
        "Hội CCB xã Kim Liên",
        json!({"kind": "organization", "canonical": "Hội Cựu chiến binh xã Kim Liên"}),
    );
    expect(
        &facts,
        "Hội LHPN xã",
        json!({"kind": "organization", "canonical": "Hội Liên hiệp Phụ nữ xã Kim Liên"}),
    );
    expect(
        &facts,
        "UBND\nxã",
        json!({"kind": "organization", "canonical": "Ủy ban nhân dân xã Kim Liên"}),
    );
    expect(
        &facts,
        "ngân hàng CSXH",
        json!({"kind": "organization", "canonical": "Ngân hàng Chính sách xã hội"}),
    );
    expect(
        &facts,
        "đồng chí Lê Văn Sỹ",
        json!({"kind": "person", "name": "Lê Văn Sỹ", "role": "Huyện ủy viên, Bí thư Đảng ủy"}),
    );
    expect(
        &facts,
        "xóm Liên\nSơn",
        json!({"kind": "location", "name": "Liên Sơn", "level": "xóm"}),
    );
    // "Hội CCB, Hội LHPN xã Kim Liên": both take the place.
    expect(
        &facts,
        "Hội CCB",
        json!({"kind": "organization", "canonical": "Hội Cựu chiến binh xã Kim Liên"}),
    );
    // The other examples.
    expect(
        &facts,
        "NH ngoại thương vietcombank",
        json!({"canonical": "Ngân hàng TMCP Ngoại thương Việt Nam (Vietcombank)"}),
    );
    expect(
        &facts,
        "NH\nNN&TTNT Agribank",
        json!({"canonical": "Ngân hàng Nông nghiệp và Phát triển nông thôn Việt Nam (Agribank)"}),
    );
    expect(&facts, "Bộ chính trị", json!({"canonical": "Bộ Chính trị"}));
    expect(
        &facts,
        "công an xã",
        json!({"canonical": "Công an xã Kim Liên"}),
    );
    expect(
        &facts,
        "BCH quân sự",
        json!({"canonical": "Ban Chỉ huy Quân sự"}),
    );
    expect(
        &facts,
        "Thường\ntrực HĐND",
        // The report's own xã (its only one, named in the title) completes the bodies every
        // unit has (data/local_bodies.txt).
        json!({"canonical": "Thường trực Hội đồng nhân dân xã Kim Liên"}),
    );
    expect(
        &facts,
        "UBND",
        json!({"canonical": "Thường trực Ủy ban nhân dân xã Kim Liên"}),
    );
    expect(
        &facts,
        "Hội Chữ Thập Đỏ",
        json!({"canonical": "Hội Chữ thập đỏ xã Kim Liên"}),
    );
    expect(
        &facts,
        "chi hội Liên Mậu 3",
        json!({"canonical": "Chi hội Liên Mậu 3"}),
    );
    expect(
        &facts,
        "Chi Hội sen 2",
        json!({"canonical": "Chi hội Sen 2"}),
    );
    expect(
        &facts,
        "đồng\nchí Nguyễn trung Hùng",
        json!({"kind": "person", "name": "Nguyễn Trung Hùng"}),
    );
    expect(
        &facts,
        "chị Võ Thị\nTrâm",
        json!({"kind": "person", "name": "Võ Thị Trâm"}),
    );
    expect(
        &facts,
        "em Đặng Văn Vương",
        json!({"kind": "person", "name": "Đặng Văn Vương"}),
    );
    expect(&facts, "mẹ Hồng", json!({"kind": "person", "name": "Hồng"}));
    expect(
        &facts,
        "Nguyễn Oanh",
        json!({"kind": "person", "role": "Văn hóa", "author": true}),
    );
    expect(
        &facts,
        "xã Kim Liên",
        json!({"kind": "location", "name": "Kim Liên", "level": "xã"}),
    );
    expect(
        &facts,
        "xóm Vân Hội",
        json!({"kind": "location", "name": "Vân Hội"}),
    );
    expect(
        &facts,
        "Xóm liên sơn",
        json!({"kind": "location", "name": "Liên Sơn"}),
    );
    expect(
        &facts,
        "Xóm mậu 2",
        json!({"kind": "location", "name": "Mậu 2"}),
    );
    // Each organisation once in the document block.
    let orgs = doc["organizations"].as_array().unwrap();
    let ccb: Vec<_> = orgs
        .iter()
        .filter(|o| o["canonical"] == "Hội Cựu chiến binh xã Kim Liên")
        .collect();
    assert_eq!(ccb.len(), 1);
    assert!(ccb[0]["mentions"].as_u64().unwrap() >= 5);
    // Traps: slogans and programmes in quotes, an event, the leader's name in a slogan.
    for f in &facts {
        let t = f["text"].as_str().unwrap();
        assert!(
            !t.contains("Cụ Hồ") && !t.contains("Mẹ đỡ") && !t.contains("Điên Biên"),
            "{f}"
        );
    }
}
