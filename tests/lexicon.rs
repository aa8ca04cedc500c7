//! A user lexicon is honoured by every recogniser that reads the kind of entry: one test per
//! kind of entry (abbreviations of kind org, head, spec, role and other; organisations by name;
//! places), each against the same text read without the lexicon.

use std::sync::Arc;
use vnfacts::{extract, AbbrKind, Fact, Kind, Options, UserLexicon, UserLexiconBuilder};

fn read(text: &str, lexicon: Option<UserLexiconBuilder>) -> Vec<Fact> {
    let options = Options {
        lexicon: lexicon.map(|b| Arc::new(b.build().unwrap())),
        ..Options::default()
    };
    extract(text, &options).facts
}

fn find<'a>(facts: &'a [Fact], kind: Kind, text: &str) -> Option<&'a Fact> {
    facts.iter().find(|f| f.kind == kind && f.text == text)
}

#[test]
fn an_organisation_abbreviation() {
    let text = "HTX BM cung ứng 20 tấn phân bón.";
    let lex = UserLexicon::builder().abbreviation("HTX BM", "Hợp tác xã Bình Minh", AbbrKind::Org);
    assert!(find(&read(text, None), Kind::Organization, "HTX BM").is_none());
    let facts = read(text, Some(lex));
    let org = find(&facts, Kind::Organization, "HTX BM").unwrap();
    assert_eq!(org.canonical.as_deref(), Some("Hợp tác xã Bình Minh"));
}

#[test]
fn a_head_abbreviation_takes_the_words_after_it() {
    let text = "TTHT Nông dân xã Đông Hải mở lớp học nghề.";
    let lex = UserLexicon::builder().abbreviation("TTHT", "Trung tâm Hỗ trợ", AbbrKind::Head);
    assert!(read(text, None)
        .iter()
        .all(|f| f.kind != Kind::Organization));
    let facts = read(text, Some(lex));
    let org = find(&facts, Kind::Organization, "TTHT Nông dân xã Đông Hải").unwrap();
    assert_eq!(
        org.canonical.as_deref(),
        Some("Trung tâm Hỗ trợ Nông dân xã Đông Hải")
    );
}

#[test]
fn a_spec_abbreviation_after_a_head() {
    let text = "Hội SVTN huyện Yên Lạc có 45 hội viên.";
    let lex = UserLexicon::builder().abbreviation("SVTN", "Sinh viên tình nguyện", AbbrKind::Spec);
    let without = read(text, None);
    let org = find(&without, Kind::Organization, "Hội SVTN huyện Yên Lạc").unwrap();
    assert_eq!(org.canonical.as_deref(), Some("Hội SVTN huyện Yên Lạc"));
    let facts = read(text, Some(lex));
    let org = find(&facts, Kind::Organization, "Hội SVTN huyện Yên Lạc").unwrap();
    assert_eq!(
        org.canonical.as_deref(),
        Some("Hội Sinh viên tình nguyện huyện Yên Lạc")
    );
}

#[test]
fn a_role_abbreviation_after_a_name() {
    let text = "Đồng chí Trần Văn Khải - CNCLB phát biểu.";
    let lex = UserLexicon::builder().abbreviation("CNCLB", "Chủ nhiệm Câu lạc bộ", AbbrKind::Role);
    let without = read(text, None);
    assert_eq!(
        find(&without, Kind::Person, "Đồng chí Trần Văn Khải")
            .unwrap()
            .role,
        None
    );
    let facts = read(text, Some(lex));
    let person = find(&facts, Kind::Person, "Đồng chí Trần Văn Khải").unwrap();
    assert_eq!(person.role.as_deref(), Some("Chủ nhiệm Câu lạc bộ"));
}

#[test]
fn an_other_abbreviation_completes_a_counted_noun() {
    let text = "Phát 300 cuốn SGK cho học sinh.";
    let lex = UserLexicon::builder().abbreviation("SGK", "sách giáo khoa", AbbrKind::Other);
    assert!(find(&read(text, None), Kind::Count, "300 cuốn").is_some());
    let facts = read(text, Some(lex));
    let count = find(&facts, Kind::Count, "300 cuốn SGK").unwrap();
    assert_eq!(count.unit.as_deref(), Some("cuốn SGK"));
    assert_eq!(count.unit_full.as_deref(), Some("cuốn sách giáo khoa"));
}

#[test]
fn an_organisation_by_name() {
    let text = "Câu lạc bộ dưỡng sinh sinh hoạt đều đặn.";
    let lex = UserLexicon::builder().organization(
        "câu lạc bộ dưỡng sinh",
        "Câu lạc bộ Dưỡng sinh xã Hòa Phong",
    );
    let facts = read(text, Some(lex));
    let org = find(&facts, Kind::Organization, "Câu lạc bộ dưỡng sinh").unwrap();
    assert_eq!(
        org.canonical.as_deref(),
        Some("Câu lạc bộ Dưỡng sinh xã Hòa Phong")
    );
}

#[test]
fn a_place_named_without_its_level() {
    let text = "Bà con Hòa Phong phấn khởi đón mùa vụ mới.";
    assert!(read(text, None).iter().all(|f| f.kind != Kind::Location));
    let lex = UserLexicon::builder().place("Hòa Phong", "xã").unwrap();
    let facts = read(text, Some(lex));
    let place = find(&facts, Kind::Location, "Hòa Phong").unwrap();
    assert_eq!(place.name.as_deref(), Some("Hòa Phong"));
    assert_eq!(place.level.as_deref(), Some("xã"));
}

#[test]
fn a_place_with_an_unknown_level_is_refused() {
    let err = UserLexicon::builder()
        .place("Hòa Phong", "làng xã")
        .unwrap_err();
    assert_eq!(err.kind(), vnfacts::ErrorKind::Lexicon);
    assert!(err.to_string().contains("is not a level"), "{err}");
}
