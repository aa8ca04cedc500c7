//! `vnfacts decode`: the text of a report in any encoding, and whole trees converted.
mod common;
use common::{json_lines, root, temp, vnfacts};

use predicates::prelude::*;

/// The decoded text is the text facts' offsets index: each fact's text is found between its
/// offsets in it.
#[test]
fn the_decoded_text_is_what_offsets_index() {
    let file = root().join("corpus/encodings/vni/quy-khuyen-hoc-ung-ho.txt");
    let text = vnfacts()
        .arg("decode")
        .arg(&file)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(text).unwrap();
    assert!(text.contains("Khuyến học xã Kim Sơn"), "{text}");
    let out = vnfacts()
        .arg("extract")
        .arg(&file)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let doc = &json_lines(&out)[0];
    assert_eq!(doc["document"]["encoding"]["name"], "vni");
    let chars: Vec<char> = text.chars().collect();
    let facts = doc["facts"].as_array().unwrap();
    assert!(facts.len() > 10);
    for f in facts {
        let (s, e) = (
            f["start"].as_u64().unwrap() as usize,
            f["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            chars[s..e].iter().collect::<String>(),
            f["text"].as_str().unwrap()
        );
    }
}

/// UTF-8 comes back as it is, byte for byte (decomposed letters included), without its BOM.
#[test]
fn utf8_comes_back_unchanged_without_its_bom() {
    let tmp = temp();
    let nfd = std::fs::read(root().join("corpus/encodings/utf-8-nfd/dai-hoi-dang-bo-nhiem-ky.txt"))
        .unwrap();
    let mut with_bom = b"\xef\xbb\xbf".to_vec();
    with_bom.extend_from_slice(&nfd);
    let f = tmp.path().join("bom.txt");
    std::fs::write(&f, &with_bom).unwrap();
    vnfacts()
        .arg("decode")
        .arg(&f)
        .assert()
        .success()
        .stdout(predicate::eq(nfd));
}

#[test]
fn a_tree_is_converted_with_its_layout_and_nothing_is_overwritten() {
    let tmp = temp();
    let src = tmp.path().join("archive");
    let out = tmp.path().join("utf8");
    std::fs::create_dir_all(src.join("2023/xa")).unwrap();
    let tcvn3 =
        std::fs::read(root().join("corpus/encodings/tcvn3/dai-hoi-dang-bo-nhiem-ky.txt")).unwrap();
    let vni = std::fs::read(root().join("corpus/encodings/vni/quy-khuyen-hoc-ung-ho.txt")).unwrap();
    std::fs::write(src.join("2023/xa/dai-hoi.txt"), &tcvn3).unwrap();
    std::fs::write(src.join("tin-tuan.txt"), &vni).unwrap();
    std::fs::write(
        src.join("noise.txt"),
        b"\x8f\x8e\x8d\x9d\x9e zz \xa4\xa5\xa6",
    )
    .unwrap();
    vnfacts()
        .arg("decode")
        .arg(&src)
        .arg("--out-dir")
        .arg(&out)
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("noise.txt: cannot tell the encoding").and(
                predicate::str::contains("1 tcvn3, 1 vni, 1 refused; 2 files written"),
            ),
        );
    let converted = std::fs::read_to_string(out.join("2023/xa/dai-hoi.txt")).unwrap();
    assert!(
        converted.starts_with("Đại hội đại biểu Đảng bộ xã Xuân Giang"),
        "{converted}"
    );
    assert!(std::fs::read_to_string(out.join("tin-tuan.txt"))
        .unwrap()
        .contains("Khuyến học xã Kim Sơn"));
    assert!(!out.join("noise.txt").exists());
    // A second run refuses the files that are there, and leaves them as they are.
    std::fs::write(out.join("tin-tuan.txt"), "mine").unwrap();
    vnfacts()
        .arg("decode")
        .arg(&src)
        .arg("--out-dir")
        .arg(&out)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "exists; give --force to replace it",
        ));
    assert_eq!(
        std::fs::read_to_string(out.join("tin-tuan.txt")).unwrap(),
        "mine"
    );
    // --force replaces them.
    vnfacts()
        .args(["decode", "--force", "--out-dir"])
        .arg(&out)
        .arg(&src)
        .assert()
        .code(1);
    assert!(std::fs::read_to_string(out.join("tin-tuan.txt"))
        .unwrap()
        .contains("Khuyến học xã Kim Sơn"));
    // Nothing is left half-written.
    let partial = walk(&out)
        .into_iter()
        .any(|p| p.to_string_lossy().ends_with(".partial"));
    assert!(!partial);
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn nothing_is_converted_in_place() {
    let tmp = temp();
    let src = tmp.path().join("archive");
    std::fs::create_dir_all(&src).unwrap();
    std::fs::write(src.join("a.txt"), "Hội có 20 hội viên").unwrap();
    vnfacts()
        .arg("decode")
        .arg(&src)
        .arg("--out-dir")
        .arg(src.join("utf8"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("inside the input folder"));
    assert!(!src.join("utf8").exists());
    vnfacts()
        .arg("decode")
        .arg(&src)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("give --out-dir"));
    // -o: an existing file is refused unless --force; the input itself always.
    let o = tmp.path().join("o.txt");
    std::fs::write(&o, "old").unwrap();
    vnfacts()
        .arg("decode")
        .arg(src.join("a.txt"))
        .arg("-o")
        .arg(&o)
        .assert()
        .code(2);
    assert_eq!(std::fs::read_to_string(&o).unwrap(), "old");
    vnfacts()
        .arg("decode")
        .arg(src.join("a.txt"))
        .arg("-o")
        .arg(&o)
        .arg("--force")
        .assert()
        .success();
    assert_eq!(std::fs::read_to_string(&o).unwrap(), "Hội có 20 hội viên");
    vnfacts()
        .arg("decode")
        .arg(src.join("a.txt"))
        .arg("-o")
        .arg(src.join("a.txt"))
        .arg("--force")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("one of the inputs"));
    assert_eq!(
        std::fs::read_to_string(src.join("a.txt")).unwrap(),
        "Hội có 20 hội viên"
    );
}

/// `extract` and `check` read every encoding, and a folder's summary counts them.
#[test]
fn extract_and_check_count_the_encodings_of_a_folder() {
    let dir = root().join("corpus/encodings");
    vnfacts()
        .args(["extract", "--format", "csv", "-o", "/dev/null"])
        .arg(&dir)
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "15 utf-8, 6 tcvn3, 6 utf-16le, 6 vni, 3 cp1258",
        ));
    vnfacts()
        .args(["check", "--strict"])
        .arg(&dir)
        .assert()
        .success()
        .stdout(predicate::str::contains("54 ok").and(predicate::str::contains("3 mixed")));
}
