//! Decoding: the reference test vectors, the known traps, and never a misfire.

use super::*;
use unicode_normalization::UnicodeNormalization;

fn hex(s: &str) -> Vec<u8> {
    s.split_whitespace()
        .map(|h| u8::from_str_radix(h, 16).unwrap())
        .collect()
}

/// Every row of the reference `test-vectors.tsv` decodes to its text, both as the encoding its
/// label names (forced) and as detection finds it.
#[test]
#[cfg_attr(not(shared), ignore = "needs ../shared")]
fn every_reference_vector() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/reference/legacy-encodings/test-vectors.tsv"
    );
    let text = std::fs::read_to_string(path).unwrap();
    let mut failures = Vec::new();
    let mut n = 0;
    for line in text.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        let (label, bytes, want) = (cols[0], hex(cols[1]), cols[2]);
        n += 1;
        let forced = match label {
            "utf-8" | "utf-8-nfd" => Some(Encoding::Utf8),
            "tcvn3" | "tcvn3-vntimeh" => Some(Encoding::Tcvn3),
            "tcvn3-vn1" => Some(Encoding::Tcvn3Vn1),
            "vni-windows" => Some(Encoding::Vni),
            "viscii" => Some(Encoding::Viscii),
            "vps" => Some(Encoding::Vps),
            "cp1258" => Some(Encoding::Cp1258),
            "viqr" => Some(Encoding::Viqr),
            _ => None,
        };
        // The vectors' expected text is NFC, as the decoded text of legacy input is; UTF-8 is
        // kept as it is (NFD included), which the reader composes.
        let nfc = |s: &str| s.nfc().collect::<String>();
        if let Some(e) = forced {
            let got = decode_bytes(&bytes, Some(e)).unwrap();
            // The ABC case repair lifts `.VnTimeH` capitals; the vectors show the raw decoding.
            let raw = if label == "tcvn3-vntimeh" {
                legacy::decode(Legacy::Tcvn3, &bytes)
            } else {
                nfc(&got.text)
            };
            if raw != want {
                failures.push(format!("forced {label}: {:?} ≠ {want:?}", raw));
            }
        }
        // The row that shows the VN1 reading of an ABC en dash is read, rightly, as ABC.
        if cols[3].starts_with("SAME BYTES") {
            continue;
        }
        let detected = decode_bytes(&bytes, None);
        let ok = match &detected {
            Ok(d) => {
                let got = nfc(&d.text);
                let fold = |s: &str| s.to_lowercase();
                got == want || (label.starts_with("tcvn3") && fold(&got) == fold(want))
            }
            Err(_) => false,
        };
        // A vector of a few letters may be too short to tell; the long ones must be told.
        if !ok && want.chars().count() >= 20 {
            failures.push(format!(
                "detected {label}: {:?} ≠ {want:?}",
                detected.map(|d| (d.encoding.name, d.text))
            ));
        }
    }
    assert!(n > 150);
    assert!(
        failures.is_empty(),
        "{} of {n}:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn tcvn3_punctuation_in_80_9f_unless_vn1() {
    // “Nhiệm kỳ 2020 – 2025”: curly quotes and an en dash from Windows.
    let bytes =
        legacy::encode(Legacy::Tcvn3, "“Nhiệm kỳ 2020 – 2025” của Hội Nông dân xã").unwrap();
    let d = decode_bytes(&bytes, None).unwrap();
    assert_eq!(d.text, "“Nhiệm kỳ 2020 – 2025” của Hội Nông dân xã");
    assert_eq!(d.encoding.name, "tcvn3");
}

#[test]
fn vntimeh_capitals_and_soft_hyphen() {
    // A heading typed in .VnTimeH: capitals with tones stored as lowercase bytes.
    let bytes = legacy::encode(
        Legacy::Tcvn3,
        "BÁO CÁO SƠ KẾT CÔNG TÁC HỘI NÔNG DÂN\nNăm nay hội viên được hỗ trợ vốn.",
    )
    .unwrap();
    let d = decode_bytes(&bytes, None).unwrap();
    assert_eq!(
        d.text,
        "BÁO CÁO SƠ KẾT CÔNG TÁC HỘI NÔNG DÂN\nNăm nay hội viên được hỗ trợ vốn."
    );
    assert_eq!(d.encoding.repairs, ["vntimeh-case"]);
    // AD is ư, never a soft hyphen to drop.
    assert!(bytes.contains(&0xad));
}

#[test]
fn viscii_a0_and_eth() {
    let d = decode_bytes(
        &legacy::encode(Legacy::Viscii, "ÕNG ĐÃ ĐI, đồng chí Thế đã về").unwrap(),
        Some(Encoding::Viscii),
    )
    .unwrap();
    assert_eq!(d.text, "ÕNG ĐÃ ĐI, đồng chí Thế đã về");
    // Ð (eth) read through a Latin-1 view is Đ.
    assert_eq!(legacy::decode(Legacy::Cp1258, b"\xd0\xf4ng"), "Đông");
}

#[test]
fn combining_tones_compose() {
    // CP1258 with every tone as a combining byte (Unikey's plain "CP 1258"), VNI, and NFD UTF-8.
    assert_eq!(
        legacy::decode(Legacy::Cp1258, b"Ha\xf2 n\xf4\xf2i"),
        "Hạ nội"
    );
    assert_eq!(legacy::decode(Legacy::Vni, b"Ho\xe4i"), "Hội");
    let nfd: String = "Hội Cựu chiến binh".nfd().collect();
    let d = decode_bytes(nfd.as_bytes(), None).unwrap();
    assert_eq!(d.text, nfd, "UTF-8 is kept as it is");
    assert_eq!(d.encoding.repairs, ["nfd"]);
}

#[test]
fn c0_letters_are_never_stripped_and_lines_break_on_lf_cr() {
    // VISCII Ẳ Ẵ Ẫ Ỷ Ỹ Ỵ live in C0 positions.
    let text = "ẲNG ẴNG ẪNG Ỷ Ỹ Ỵ ở xã";
    let d = decode_bytes(
        &legacy::encode(Legacy::Viscii, text).unwrap(),
        Some(Encoding::Viscii),
    )
    .unwrap();
    assert_eq!(d.text, text);
    let lines: Vec<&str> = crate::input::lines::lines("a\u{1c}b\nc").collect();
    assert_eq!(lines, ["a\u{1c}b", "c"]);
}

#[test]
fn mojibake_once_twice_and_legacy_shown_as_cp1252() {
    let once = "Hội Cựu chiến binh xã Kim Liên ủng hộ 15.500.000 đồng";
    let view = |s: &str| -> String { s.bytes().map(|b| legacy::CP1252[b as usize]).collect() };
    let d = decode_bytes(view(once).as_bytes(), None).unwrap();
    assert_eq!(
        (d.text.as_str(), d.encoding.repairs.clone()),
        (once, vec!["mojibake-cp1252".to_owned()])
    );
    let d = decode_bytes(view(&view(once)).as_bytes(), None).unwrap();
    assert_eq!(
        (d.text.as_str(), d.encoding.repairs.clone()),
        (once, vec!["mojibake-twice".to_owned()])
    );
    // TCVN3 bytes shown through Windows-1252 and saved as UTF-8.
    let tcvn = legacy::encode(Legacy::Tcvn3, once).unwrap();
    let shown: String = tcvn.iter().map(|&b| legacy::CP1252[b as usize]).collect();
    let d = decode_bytes(shown.as_bytes(), None).unwrap();
    assert_eq!(d.text, once);
    assert_eq!(d.encoding.name, "tcvn3");
    assert_eq!(d.encoding.repairs, ["legacy-as-cp1252"]);
}

#[test]
fn utf16_with_and_without_a_bom() {
    let text = "Hội Nông dân xã Đồng Tâm: 20 hội viên";
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    let with_bom: Vec<u8> = [0xff, 0xfe].into_iter().chain(le.iter().copied()).collect();
    for (bytes, name) in [
        (&with_bom, "utf-16le"),
        (&le, "utf-16le"),
        (&be, "utf-16be"),
    ] {
        let d = decode_bytes(bytes, None).unwrap();
        assert_eq!((d.text.as_str(), d.encoding.name.as_str()), (text, name));
    }
}

/// Plain UTF-8, ASCII, English, French, Chinese and mixed UTF-8 text are never repaired.
#[test]
fn no_misfire_on_utf8() {
    for t in [
        "Hội Cựu chiến binh xã Kim Liên",
        "The committee's report, don't you think? It was a. b. c.",
        "Le café à la crème coûte 2,50 € — c'est déjà ça. Noël, naïve, œuvre.",
        "中华人民共和国 越南社会主义共和国 2024年",
        "Hội nghị “Café à la Française” – 北京 – Ñandú – Straße",
        "Ã la carte: Â, Ä, Æ — names in a list",
        "plain ascii 123",
        "",
    ] {
        let d = decode_bytes(t.as_bytes(), None).unwrap();
        assert_eq!(d.text, t, "{t:?}");
        assert_eq!(d.encoding.name, "utf-8", "{t:?}");
        assert!(
            d.encoding.repairs.is_empty(),
            "{t:?}: {:?}",
            d.encoding.repairs
        );
    }
}

#[test]
fn undecidable_bytes_name_the_two_best_readings() {
    let e = decode_bytes(b"\xff\xfe\xfd\x80 \x81\x82\x83", None);
    // A UTF-16 mark reads it as UTF-16; without one, bytes no reading makes Vietnamese:
    assert!(e.is_ok());
    let e = decode_bytes(b"\x8f\x8e\x8d\x9d\x9e zz \xa4\xa5\xa6", None).unwrap_err();
    let msg = e.to_string();
    assert!(msg.contains("--encoding"), "{msg}");
}

#[test]
fn a_utf8_header_above_a_tcvn3_body_is_mixed() {
    let mut bytes = "UBND XÃ KIM LIÊN\n\n".as_bytes().to_vec();
    bytes.extend(
        legacy::encode(
            Legacy::Tcvn3,
            "Hội Nông dân xã đã kết nạp 20 hội viên mới, ủng hộ 15 triệu đồng.\n",
        )
        .unwrap(),
    );
    let d = decode_bytes(&bytes, None).unwrap();
    assert_eq!(
        d.text,
        "UBND XÃ KIM LIÊN\n\nHội Nông dân xã đã kết nạp 20 hội viên mới, ủng hộ 15 triệu đồng.\n"
    );
    assert_eq!(d.encoding.name, "mixed");
    let parts = d.encoding.parts.unwrap();
    assert_eq!(
        parts.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(),
        ["utf-8", "tcvn3"]
    );
    assert_eq!(parts[1].start, "UBND XÃ KIM LIÊN\n\n".chars().count());
}

/// A paragraph of a mixed file longer than the sample detection reads is decoded whole.
#[test]
fn a_long_paragraph_of_a_mixed_file_is_decoded_whole() {
    let body = "Hội Nông dân xã đã kết nạp 20 hội viên mới, ủng hộ 15 triệu đồng. ".repeat(1000);
    let mut bytes = "UBND XÃ KIM LIÊN\n\n".as_bytes().to_vec();
    bytes.extend(legacy::encode(Legacy::Tcvn3, &body).unwrap());
    assert!(bytes.len() > 2 * SAMPLE);
    let d = decode_bytes(&bytes, None).unwrap();
    assert_eq!(d.encoding.name, "mixed");
    assert_eq!(d.text, format!("UBND XÃ KIM LIÊN\n\n{body}"));
}

#[test]
fn forced_utf8_refuses_other_bytes() {
    let err = decode_bytes(b"d\xF2ng 1\nd\xF2ng 2", Some(Encoding::Utf8)).unwrap_err();
    assert_eq!(err.position(), Some((1, 1)));
    assert!(err.to_string().contains("byte 1"));
}

/// The corpus cut into snippets of 30, 60 and 200 chars, and whole, written in every encoding
/// and mangling, and detected back: the share read right (TCVN3 compared without case, which
/// ABC fonts do not hold) is printed as a table; at 200 chars and whole files at least 99.5%,
/// at 60 at least 97%, and UTF-8 is never repaired, whatever its length.
#[test]
fn detection_over_the_corpus() {
    let texts: Vec<String> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/corpus"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| {
            std::fs::read_to_string(p)
                .unwrap()
                .nfc()
                .collect::<String>()
        })
        .collect();
    let cp1252 = |b: &[u8]| -> String { b.iter().map(|&b| legacy::CP1252[b as usize]).collect() };
    let latin1 = |b: &[u8]| -> String { b.iter().map(|&b| b as char).collect() };
    let cp1258 = |b: &[u8]| -> String { b.iter().map(|&b| legacy::CP1258[b as usize]).collect() };
    // What an 8-bit file holds in place of the chars its encoding has no byte for: no curly
    // quotes or dashes where 80–9F hold letters, no ² ³ or no-break space where those bytes do.
    let plain = |s: &str| {
        s.replace(['“', '”'], "\"")
            .replace(['‘', '’'], "'")
            .replace(['–', '—'], "-")
            .replace('²', "2")
            .replace('³', "3")
            .replace('\u{a0}', " ")
            .replace('\u{200b}', "")
    };
    type Make<'a> = Box<dyn Fn(&str) -> Option<Vec<u8>> + 'a>;
    let forms: Vec<(&str, Make)> = vec![
        ("utf-8", Box::new(|s: &str| Some(s.as_bytes().to_vec()))),
        (
            "utf-8 NFD",
            Box::new(|s: &str| Some(s.nfd().collect::<String>().into_bytes())),
        ),
        (
            "utf-16le",
            Box::new(|s: &str| Some(s.encode_utf16().flat_map(u16::to_le_bytes).collect())),
        ),
        (
            "tcvn3",
            Box::new(move |s: &str| legacy::encode(Legacy::Tcvn3, &plain(s))),
        ),
        (
            "vni",
            Box::new(move |s: &str| legacy::encode(Legacy::Vni, &plain(s))),
        ),
        (
            "viscii",
            Box::new(move |s: &str| legacy::encode(Legacy::Viscii, &plain(s))),
        ),
        (
            "vps",
            Box::new(move |s: &str| legacy::encode(Legacy::Vps, &plain(s))),
        ),
        (
            "cp1258",
            Box::new(move |s: &str| legacy::encode(Legacy::Cp1258, &plain(s))),
        ),
        (
            "viqr",
            Box::new(move |s: &str| Some(viqr::encode(&plain(s)).into_bytes())),
        ),
        (
            "mojibake cp1252",
            Box::new(move |s: &str| Some(cp1252(s.as_bytes()).into_bytes())),
        ),
        (
            "mojibake latin-1",
            Box::new(move |s: &str| Some(latin1(s.as_bytes()).into_bytes())),
        ),
        (
            "mojibake cp1258",
            Box::new(move |s: &str| Some(cp1258(s.as_bytes()).into_bytes())),
        ),
        (
            "mojibake twice",
            Box::new(move |s: &str| Some(cp1252(cp1252(s.as_bytes()).as_bytes()).into_bytes())),
        ),
        (
            "tcvn3 as cp1252",
            Box::new(move |s: &str| {
                Some(cp1252(&legacy::encode(Legacy::Tcvn3, &plain(s))?).into_bytes())
            }),
        ),
        (
            "vni as cp1252",
            Box::new(move |s: &str| {
                Some(cp1252(&legacy::encode(Legacy::Vni, &plain(s))?).into_bytes())
            }),
        ),
    ];
    let lengths = [30usize, 60, 200, usize::MAX];
    let mut table = String::from(
        "| input | 30 chars | 60 chars | 200 chars | whole files |\n|---|---|---|---|---|\n",
    );
    let mut failures = Vec::new();
    let mut examples = Vec::new();
    let mut misfires = 0;
    for (name, make) in &forms {
        let mut row = format!("| {name} |");
        for &len in &lengths {
            let (mut n, mut right) = (0usize, 0usize);
            for t in &texts {
                let chars: Vec<char> = t.chars().collect();
                let step = len.min(chars.len()).max(1);
                for chunk in chars.chunks(step) {
                    // A file's short tail is no snippet of this length ("ện.\n" is not 200 chars).
                    if chunk.len() < step {
                        continue;
                    }
                    let s: String = chunk.iter().collect();
                    if s.trim().is_empty() {
                        continue;
                    }
                    let want = match *name {
                        "tcvn3" | "vni" | "viscii" | "vps" | "cp1258" | "tcvn3 as cp1252"
                        | "vni as cp1252" | "viqr" => plain(&s),
                        _ => s.clone(),
                    };
                    let Some(bytes) = make(&s) else { continue };
                    n += 1;
                    let got = decode_bytes(&bytes, None);
                    let ok = match &got {
                        Ok(d) => {
                            let text: String = d.text.nfc().collect();
                            if name.starts_with("tcvn3") {
                                text.to_lowercase() == want.to_lowercase()
                            } else {
                                text == want
                            }
                        }
                        Err(_) => false,
                    };
                    if name.starts_with("utf-8") {
                        let d = got.as_ref().unwrap();
                        if d.encoding.name != "utf-8"
                            || d.encoding.repairs.iter().any(|r| r != "nfd")
                        {
                            misfires += 1;
                        }
                    }
                    if ok {
                        right += 1;
                    } else if len >= 60 && examples.len() < 20 {
                        examples.push(format!(
                            "{name} {len}: {s:?} → {:?}",
                            got.map(|d| (d.encoding.name, d.text))
                        ));
                    }
                }
            }
            let pct = 100.0 * right as f64 / n.max(1) as f64;
            row.push_str(&format!(" {pct:.1}% ({right}/{n}) |"));
            let need = match len {
                30 => 0.0,
                60 => 97.0,
                _ => 99.5,
            };
            if pct < need {
                failures.push(format!("{name} at {len}: {pct:.1}% < {need}%"));
            }
        }
        table.push_str(&row);
        table.push('\n');
    }
    println!("{table}");
    println!("{}", examples.join("\n"));
    assert_eq!(misfires, 0, "UTF-8 repaired");
    assert!(failures.is_empty(), "{table}\n{}", failures.join("\n"));
}
