//! A user's own word lists (`--lexicon FILE`, TOML), added to the built-in ones.
//!
//! ```
//! let lex = vnfacts::UserLexicon::from_toml(r#"
//! [abbreviations]
//! "HTX BM" = "Hợp tác xã Bình Minh"
//! "TTHT" = { full = "Trung tâm Hỗ trợ", kind = "head" }
//! [organizations]
//! "câu lạc bộ dưỡng sinh" = "Câu lạc bộ Dưỡng sinh xã Kim Liên"
//! [places]
//! "Kim Liên" = "xã"
//! "#).unwrap();
//! let opts = vnfacts::Options { lexicon: Some(std::sync::Arc::new(lex)), ..Default::default() };
//! let doc = vnfacts::extract("HTX BM cung ứng giống cho bà con Kim Liên.", &opts);
//! let org = doc.facts.iter().find(|f| f.kind == vnfacts::Kind::Organization).unwrap();
//! assert_eq!(org.canonical.as_deref(), Some("Hợp tác xã Bình Minh"));
//! let place = doc.facts.iter().find(|f| f.kind == vnfacts::Kind::Location).unwrap();
//! assert_eq!((place.name.as_deref(), place.level.as_deref()), (Some("Kim Liên"), Some("xã")));
//! ```

use crate::lexicon::{key_of, Abbr, AbbrKind, Abbreviations, Lexicon, ADMIN_LEVELS};
use serde::Deserialize;
use std::collections::HashMap;

/// Extra abbreviations, organisations and places.
pub struct UserLexicon {
    pub(crate) abbreviations: Abbreviations,
    pub(crate) organizations: Lexicon<String>,
    pub(crate) places: Lexicon<(String, &'static str)>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum AbbrEntry {
    Full(String),
    Table { full: String, kind: Option<String> },
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    abbreviations: HashMap<String, AbbrEntry>,
    #[serde(default)]
    organizations: HashMap<String, String>,
    #[serde(default)]
    places: HashMap<String, String>,
}

impl UserLexicon {
    /// Reads a lexicon from TOML text: tables `[abbreviations]`, `[organizations]`, `[places]`.
    pub fn from_toml(text: &str) -> Result<UserLexicon, String> {
        let file: File = toml::from_str(text).map_err(|e| e.to_string())?;
        let mut abbrs = Vec::new();
        for (k, v) in file.abbreviations {
            let (full, kind) = match v {
                AbbrEntry::Full(f) => (f, AbbrKind::Org),
                AbbrEntry::Table { full, kind } => {
                    let kind = match kind.as_deref().unwrap_or("org") {
                        "org" => AbbrKind::Org,
                        "head" => AbbrKind::Head,
                        "spec" => AbbrKind::Spec,
                        "role" => AbbrKind::Role,
                        "other" => AbbrKind::Other,
                        other => {
                            return Err(format!(
                                "abbreviation {k:?}: kind {other:?} is not one of org, head, spec, role, other"
                            ))
                        }
                    };
                    (full, kind)
                }
            };
            abbrs.push((k, Abbr { full, kind }));
        }
        let mut places = Vec::new();
        for (name, level) in file.places {
            let Some(&level) = ADMIN_LEVELS.get(&level) else {
                return Err(format!(
                    "place {name:?}: {level:?} is not a level (tỉnh, thành phố, huyện, quận, thị xã, xã, phường, thị trấn, xóm, thôn, ấp, bản, tổ dân phố)"
                ));
            };
            places.push((key_of(&name), (name, level)));
        }
        Ok(UserLexicon {
            abbreviations: Abbreviations::from_entries(abbrs),
            organizations: Lexicon::from_pairs(
                file.organizations.into_iter().map(|(k, v)| (key_of(&k), v)),
            ),
            places: Lexicon::from_pairs(places.into_iter()),
        })
    }

    /// Reads a lexicon file; the error names the file and what is wrong.
    pub fn load(path: &std::path::Path) -> Result<UserLexicon, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
        UserLexicon::from_toml(&text).map_err(|e| format!("{}: {e}", path.display()))
    }
}
