//! The document block's letterhead and own place, read from reports of the corpus and from
//! short texts written here.

use serde_json::{json, Value as Json};
use vnfacts::{extract, Options};

fn document(text: &str) -> Json {
    let doc = extract(text, &Options::default());
    serde_json::to_value(&doc).unwrap()["document"].clone()
}

fn corpus(name: &str) -> Json {
    let p = format!("{}/corpus/{name}", env!("CARGO_MANIFEST_DIR"));
    document(&std::fs::read_to_string(p).unwrap())
}

#[test]
fn a_commune_letterhead_in_two_columns() {
    let d = corpus("ubnd-xa-an-thinh-quy-3.txt");
    assert_eq!(
        d["letterhead"],
        json!({"agency": ["Ủy ban nhân dân xã An Thịnh"], "number": "112/BC-UBND", "place": "An Thịnh"})
    );
    assert_eq!(d["place"]["name"], "An Thịnh");
    assert_eq!(d["place"]["level"], "xã");
    assert_eq!(d["place"]["found"], "letterhead");
    // The motto is no organisation; the body's name does not run into it.
    let orgs = d["organizations"].as_array().unwrap();
    assert!(orgs
        .iter()
        .all(|o| !o["canonical"].as_str().unwrap().contains("CỘNG")));
}

#[test]
fn a_standing_committee_under_its_association() {
    let d = corpus("hoi-phu-nu-huyen-tong-ket-nam.txt");
    assert_eq!(
        d["letterhead"]["agency"],
        json!([
            "Hội Liên hiệp Phụ nữ huyện Đông Sơn",
            "Ban Thường vụ Hội Liên hiệp Phụ nữ huyện Đông Sơn"
        ])
    );
    assert_eq!(d["letterhead"]["number"], "41/BC-HPN");
    assert_eq!(d["place"]["name"], "Đông Sơn");
    assert_eq!(d["place"]["level"], "huyện");
}

#[test]
fn the_letterhead_outranks_the_places_the_report_lists() {
    // A district's report names several communes; its own place is the district, and the
    // gazetteer places it.
    let text = "UBND HUYỆN NAM ĐÀN\nSố: 31/BC-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\
                Độc lập - Tự do - Hạnh phúc\n\nBÁO CÁO\nXã Kim Liên và xã Nam Giang đạt chuẩn.";
    let d = document(text);
    assert_eq!(d["place"]["name"], "Nam Đàn");
    assert_eq!(d["place"]["province"], "Nghệ An");
    assert_eq!(d["place"]["code"], "430");
    assert_eq!(d["place"]["found"], "letterhead");
    assert_eq!(d["letterhead"]["number"], "31/BC-UBND");
}

#[test]
fn a_place_from_the_title_or_the_opening() {
    // The one commune a news item names, in its title, with its district and province.
    let d = document("Xã Chi Lăng Nam tổng kết năm\nSáng 5/1, Hội CCB xã họp.");
    assert_eq!(d["place"]["name"], "Chi Lăng Nam");
    assert_eq!(d["place"]["found"], "title");
    assert_eq!(d["place"]["district"], "Thanh Miện");
    assert!(d.get("letterhead").is_none());
    let d =
        document("Tin hoạt động\nSáng 5/1, tại huyện Phú Ninh, hội nghị tổng kết được tổ chức.");
    assert_eq!(d["place"]["found"], "opening");
    assert_eq!(d["place"]["level"], "huyện");
    // Two communes of the same tier, neither the report's: no place.
    let d = document("Hai xã Kim Liên và xã Nam Giang ký kết giao ước thi đua.");
    assert!(d.get("place").is_none());
}
