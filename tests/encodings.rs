//! The sample reports of `corpus/encodings/`: corpus reports saved in every old encoding and
//! mangled as archives hold them, read back with the same facts as their UTF-8 twins.
//!
//! This file is also their generator: `VNFACTS_WRITE_SAMPLES=1 cargo test --test encodings`
//! writes them again (then `vnfacts check --bless corpus/encodings` their expected facts).
//! Without it, the test checks that the committed bytes are what the generator makes.
mod common;
use common::root;

use std::path::PathBuf;
use unicode_normalization::UnicodeNormalization;
use vnfacts::input::{encode, mangle, read_path_as, Encoding};
use vnfacts::{extract, Options};

/// How a sample is made from its UTF-8 report.
#[derive(Clone, Copy)]
enum Make {
    /// Saved in an encoding.
    Saved(Encoding),
    /// UTF-8 decomposed (macOS).
    Nfd,
    /// UTF-16 without a byte-order mark.
    Utf16LeNoBom,
    /// Saved in an encoding, then mangled (`input::mangle`) as the named repair undoes it.
    Mangled(Option<Encoding>, &'static str),
    /// The first paragraph in UTF-8, the rest in TCVN3 (a header added to an old file).
    Mixed,
}

/// A form: its folder, how it is made, the encoding and repairs detection must report.
struct Form {
    folder: &'static str,
    make: Make,
    name: &'static str,
    repairs: &'static [&'static str],
}

const FORMS: &[Form] = &[
    Form {
        folder: "utf-8-nfd",
        make: Make::Nfd,
        name: "utf-8",
        repairs: &["nfd"],
    },
    Form {
        folder: "utf-16le",
        make: Make::Saved(Encoding::Utf16Le),
        name: "utf-16le",
        repairs: &[],
    },
    Form {
        folder: "utf-16be",
        make: Make::Saved(Encoding::Utf16Be),
        name: "utf-16be",
        repairs: &[],
    },
    Form {
        folder: "utf-16le-no-bom",
        make: Make::Utf16LeNoBom,
        name: "utf-16le",
        repairs: &[],
    },
    Form {
        folder: "tcvn3",
        make: Make::Saved(Encoding::Tcvn3),
        name: "tcvn3",
        repairs: &[],
    },
    Form {
        folder: "tcvn3-vn1",
        make: Make::Saved(Encoding::Tcvn3Vn1),
        name: "tcvn3-vn1",
        repairs: &[],
    },
    Form {
        folder: "vni",
        make: Make::Saved(Encoding::Vni),
        name: "vni",
        repairs: &[],
    },
    Form {
        folder: "viscii",
        make: Make::Saved(Encoding::Viscii),
        name: "viscii",
        repairs: &[],
    },
    Form {
        folder: "vps",
        make: Make::Saved(Encoding::Vps),
        name: "vps",
        repairs: &[],
    },
    Form {
        folder: "cp1258",
        make: Make::Saved(Encoding::Cp1258),
        name: "cp1258",
        repairs: &[],
    },
    Form {
        folder: "viqr",
        make: Make::Saved(Encoding::Viqr),
        name: "viqr",
        repairs: &[],
    },
    Form {
        folder: "mojibake-cp1252",
        make: Make::Mangled(None, "mojibake-cp1252"),
        name: "utf-8",
        repairs: &["mojibake-cp1252"],
    },
    Form {
        folder: "mojibake-latin1",
        make: Make::Mangled(None, "mojibake-latin1"),
        name: "utf-8",
        repairs: &["mojibake-latin1"],
    },
    Form {
        folder: "mojibake-cp1258",
        make: Make::Mangled(None, "mojibake-cp1258"),
        name: "utf-8",
        repairs: &["mojibake-cp1258"],
    },
    Form {
        folder: "mojibake-twice",
        make: Make::Mangled(None, "mojibake-twice"),
        name: "utf-8",
        repairs: &["mojibake-twice"],
    },
    Form {
        folder: "tcvn3-as-cp1252",
        make: Make::Mangled(Some(Encoding::Tcvn3), "legacy-as-cp1252"),
        name: "tcvn3",
        repairs: &["legacy-as-cp1252"],
    },
    Form {
        folder: "vni-as-cp1252",
        make: Make::Mangled(Some(Encoding::Vni), "legacy-as-cp1252"),
        name: "vni",
        repairs: &["legacy-as-cp1252"],
    },
    Form {
        folder: "mixed",
        make: Make::Mixed,
        name: "mixed",
        repairs: &[],
    },
];

/// The corpus reports the samples are made of, in order. A report added to `corpus/` is not
/// sampled until it is added here (then `VNFACTS_WRITE_SAMPLES=1` regenerates the samples,
/// which rotate over this list): a new report does not reshuffle every sample.
const SAMPLED: &[&str] = &[
    "bao-cao-cuu-chien-binh-go-loi.txt",
    "dai-hoi-dang-bo-nhiem-ky.txt",
    "hoi-nghi-lien-tich-huyen-nam-giang.txt",
    "hoi-nong-dan-so-ket-6-thang.txt",
    "hoi-phu-nu-huyen-tong-ket-nam.txt",
    "ke-hoach-tet-giap-thin.txt",
    "ngan-sach-xa-dong-tam-2023.txt",
    "quy-khuyen-hoc-ung-ho.txt",
    "san-xuat-nong-nghiep-vu-xuan.txt",
    "tin-tuan-xa-binh-an.txt",
    "truong-hoc-tram-y-te.txt",
    "ubnd-xa-an-thinh-quy-3.txt",
    "xa-thanh-ha-tin-hoat-dong.txt",
];

/// Three reports a form, taken in turn so that every report of [`SAMPLED`] is used; TCVN3-VN1
/// takes the reports with capitals that carry a tone ("Ủy ban", "ỦY BAN"), the letters only it
/// holds.
fn reports(i: usize) -> Vec<PathBuf> {
    let all: Vec<PathBuf> = SAMPLED
        .iter()
        .map(|name| root().join("corpus").join(name))
        .collect();
    if FORMS[i].folder == "tcvn3-vn1" {
        let toned = |p: &PathBuf| {
            let t = std::fs::read_to_string(p).unwrap();
            t.chars()
                .filter(|&c| {
                    c.is_uppercase()
                        && encode(&c.to_string(), Encoding::Tcvn3).ok()
                            == encode(&c.to_lowercase().to_string(), Encoding::Tcvn3).ok()
                })
                .count()
        };
        let mut v = all.clone();
        v.sort_by_key(|p| std::cmp::Reverse(toned(p)));
        v.truncate(3);
        return v;
    }
    (0..3)
        .map(|k| all[(3 * i + k) % all.len()].clone())
        .collect()
}

/// What an 8-bit file holds in place of a char its encoding has no byte for: typewriter quotes
/// and dashes, plain digits and spaces.
fn substitute(c: char) -> &'static str {
    match c {
        '“' | '”' => "\"",
        '‘' | '’' => "'",
        '–' | '—' => "-",
        '²' => "2",
        '³' => "3",
        '…' => "...",
        '\u{a0}' => " ",
        '\u{200b}' => "",
        _ => panic!("{c:?} has no stand-in: add one"),
    }
}

/// The twin of `text` in `enc`: the same text with what the encoding cannot hold replaced, and
/// for TCVN3 (ABC), capitals with a tone that are not in an all-capital word lowered, since an
/// ABC font has no such letters and a `.VnTimeH` word is read back as capitals.
fn twin(text: &str, enc: Encoding) -> String {
    let held = |c: char| encode(&c.to_string(), enc).is_ok();
    let mut out = String::with_capacity(text.len());
    for c in text.nfc() {
        if held(c) {
            out.push(c);
        } else {
            out.push_str(substitute(c));
        }
    }
    if enc != Encoding::Tcvn3 {
        return out;
    }
    let lost = |c: char| {
        let lower: String = c.to_lowercase().collect();
        c.is_uppercase() && encode(&c.to_string(), enc).ok() == encode(&lower, enc).ok()
    };
    let mut fixed = String::with_capacity(out.len());
    for word in out.split_inclusive(|c: char| !c.is_alphanumeric()) {
        let caps = word.chars().any(|c| c.is_ascii_uppercase() || c == 'Đ')
            && !word.chars().any(char::is_lowercase);
        for c in word.chars() {
            if lost(c) && !caps {
                fixed.extend(c.to_lowercase());
            } else {
                fixed.push(c);
            }
        }
    }
    fixed
}

/// The bytes of a sample and the text of its UTF-8 twin.
fn make(form: &Form, text: &str) -> (Vec<u8>, String) {
    let nfc: String = text.nfc().collect();
    match form.make {
        Make::Nfd => (nfc.nfd().collect::<String>().into_bytes(), nfc),
        Make::Utf16LeNoBom => (nfc.encode_utf16().flat_map(u16::to_le_bytes).collect(), nfc),
        Make::Saved(enc) => {
            let t = twin(&nfc, enc);
            (encode(&t, enc).unwrap(), t)
        }
        Make::Mangled(None, how) => (mangle(nfc.as_bytes(), how).unwrap(), nfc),
        Make::Mangled(Some(enc), how) => {
            let t = twin(&nfc, enc);
            // A legacy file shown through Windows-1252 can only hold the chars that view has.
            (mangle(&encode(&t, enc).unwrap(), how).unwrap(), t)
        }
        Make::Mixed => {
            // The header: up to the first blank line, or the first line.
            let cut = nfc
                .find("\n\n")
                .map(|i| i + 2)
                .or_else(|| nfc.find('\n').map(|i| i + 1))
                .unwrap_or(0);
            let body = twin(&nfc[cut..], Encoding::Tcvn3);
            let mut bytes = nfc.as_bytes()[..cut].to_vec();
            bytes.extend(encode(&body, Encoding::Tcvn3).unwrap());
            (bytes, format!("{}{body}", &nfc[..cut]))
        }
    }
}

fn folder() -> PathBuf {
    root().join("corpus/encodings")
}

#[test]
fn the_samples_are_what_the_generator_makes() {
    let write = std::env::var_os("VNFACTS_WRITE_SAMPLES").is_some();
    let mut stale = Vec::new();
    for (i, form) in FORMS.iter().enumerate() {
        let dir = folder().join(form.folder);
        if write {
            std::fs::create_dir_all(&dir).unwrap();
        }
        for report in reports(i) {
            let (bytes, _) = make(form, &std::fs::read_to_string(&report).unwrap());
            let path = dir.join(report.file_name().unwrap());
            if write {
                std::fs::write(&path, &bytes).unwrap();
            } else if std::fs::read(&path).ok().as_deref() != Some(&bytes[..]) {
                stale.push(path.display().to_string());
            }
        }
    }
    assert!(
        stale.is_empty(),
        "not what the generator makes (VNFACTS_WRITE_SAMPLES=1 writes them): {stale:?}"
    );
}

/// Every sample is detected as its form, and its facts are those of its UTF-8 twin: the same
/// kinds, values, texts and offsets (NFD samples: the facts index the decomposed text, as
/// SPEC.md says, so their texts are compared composed and their offsets are not compared).
#[test]
fn each_sample_reads_like_its_utf8_twin() {
    let options = Options::default();
    let mut n = 0;
    for (i, form) in FORMS.iter().enumerate() {
        for report in reports(i) {
            let (_, twin) = make(form, &std::fs::read_to_string(&report).unwrap());
            let path = folder().join(form.folder).join(report.file_name().unwrap());
            let decoded = read_path_as(&path, None).unwrap();
            let what = format!("{}", path.display());
            assert_eq!(decoded.encoding.name, form.name, "{what}");
            let repairs: Vec<&str> = decoded
                .encoding
                .repairs
                .iter()
                .map(String::as_str)
                .filter(|r| *r != "vntimeh-case")
                .collect();
            assert_eq!(repairs, form.repairs, "{what}");
            if form.name == "mixed" {
                assert!(
                    decoded
                        .encoding
                        .parts
                        .as_ref()
                        .is_some_and(|p| p.len() >= 2),
                    "{what}"
                );
            }
            let got = extract(&decoded.text, &options);
            let want = extract(&twin, &options);
            assert!(!want.facts.is_empty(), "{what}");
            assert_eq!(got.facts.len(), want.facts.len(), "{what}");
            for (g, w) in got.facts.iter().zip(&want.facts) {
                let mut g = serde_json::to_value(g).unwrap();
                let mut w = serde_json::to_value(w).unwrap();
                if matches!(form.make, Make::Nfd) {
                    let text = |v: &serde_json::Value| {
                        v["text"].as_str().unwrap().nfc().collect::<String>()
                    };
                    assert_eq!(text(&g), text(&w), "{what}");
                    for v in [&mut g, &mut w] {
                        let o = v.as_object_mut().unwrap();
                        for k in ["text", "start", "end"] {
                            o.remove(k);
                        }
                        // A figure's context points at its mentions in chars, which NFD
                        // has more of.
                        if let Some(ctx) = o.get_mut("context").and_then(|c| c.as_object_mut()) {
                            for part in ctx.values_mut().filter_map(|p| p.as_object_mut()) {
                                part.remove("start");
                                part.remove("end");
                            }
                        }
                    }
                }
                assert_eq!(g, w, "{what}");
            }
            n += 1;
        }
    }
    assert_eq!(n, 3 * FORMS.len());
}
