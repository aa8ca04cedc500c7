//! A user's own word lists (`--lexicon FILE`, TOML), merged into a copy of the built-in ones
//! once, when it is loaded; every recogniser then reads the merged lists.
//!
//! ```
//! # #[cfg(feature = "toml")] {
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
//! # }
//! ```
//!
//! Without the `toml` feature, build one in code:
//!
//! ```
//! use vnfacts::{AbbrKind, UserLexicon};
//! let lex = UserLexicon::builder()
//!     .abbreviation("CNCLB", "Chủ nhiệm Câu lạc bộ", AbbrKind::Role)
//!     .place("Liên Sơn", "xóm")
//!     .unwrap()
//!     .build()
//!     .unwrap();
//! let opts = vnfacts::Options { lexicon: Some(std::sync::Arc::new(lex)), ..Default::default() };
//! let doc = vnfacts::extract("Đồng chí Lê Văn Sỹ - CNCLB phát biểu.", &opts);
//! let person = doc.facts.iter().find(|f| f.kind == vnfacts::Kind::Person).unwrap();
//! assert_eq!(person.role.as_deref(), Some("Chủ nhiệm Câu lạc bộ"));
//! ```

use super::{Abbr, AbbrKind, Additions, Lexicon};
use crate::error::{Error, ErrorKind};

/// Extra abbreviations, organisations and places, merged with the built-in lists.
pub struct UserLexicon {
    pub(crate) lexicon: Lexicon,
}

impl std::fmt::Debug for UserLexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UserLexicon").finish_non_exhaustive()
    }
}

/// Builds a [`UserLexicon`] entry by entry.
#[derive(Default)]
pub struct Builder {
    add: Additions,
}

impl std::fmt::Debug for Builder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UserLexiconBuilder").finish_non_exhaustive()
    }
}

impl Builder {
    /// An abbreviation and what it stands for.
    pub fn abbreviation(mut self, abbr: &str, full: &str, kind: AbbrKind) -> Builder {
        self.add.abbreviations.push((
            abbr.trim().to_owned(),
            Abbr {
                full: full.trim().to_owned(),
                kind,
            },
        ));
        self
    }

    /// An organisation written `name` (any case), whose canonical name is `canonical`.
    pub fn organization(mut self, name: &str, canonical: &str) -> Builder {
        self.add
            .organizations
            .push((name.to_owned(), canonical.trim().to_owned()));
        self
    }

    /// A place named without its level: "Liên Sơn" is a `xóm`. The level must be one of
    /// `data/admin_levels.txt` (tỉnh, thành phố, huyện, quận, thị xã, xã, phường, thị trấn,
    /// xóm, thôn, ấp, bản, tổ dân phố).
    pub fn place(mut self, name: &str, level: &str) -> Result<Builder, Error> {
        let builtin = Lexicon::builtin();
        let Some(&level) = builtin.admin_levels.get(&builtin.vocab, level) else {
            let mut levels: Vec<&str> = builtin.admin_levels.entries().map(|(_, l)| *l).collect();
            levels.dedup();
            return Err(Error::new(
                ErrorKind::Lexicon,
                format!(
                    "place {name:?}: {level:?} is not a level; write one of {}",
                    levels.join(", ")
                ),
            ));
        };
        self.add.places.push((name.trim().to_owned(), level));
        Ok(self)
    }

    /// The lexicon: the built-in lists with these entries merged in.
    pub fn build(self) -> Result<UserLexicon, Error> {
        Ok(UserLexicon {
            lexicon: Lexicon::build(Some(&self.add))?,
        })
    }
}

impl UserLexicon {
    /// A builder of entries.
    pub fn builder() -> Builder {
        Builder::default()
    }

    /// Reads a lexicon from TOML text: tables `[abbreviations]`, `[organizations]`, `[places]`.
    #[cfg(feature = "toml")]
    pub fn from_toml(text: &str) -> Result<UserLexicon, Error> {
        use serde::Deserialize;
        use std::collections::BTreeMap;

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
            abbreviations: BTreeMap<String, AbbrEntry>,
            #[serde(default)]
            organizations: BTreeMap<String, String>,
            #[serde(default)]
            places: BTreeMap<String, String>,
        }

        let bad = |m: String| Error::new(ErrorKind::Lexicon, m);
        let file: File = toml::from_str(text).map_err(|e| bad(e.to_string()))?;
        let mut b = UserLexicon::builder();
        for (k, v) in file.abbreviations {
            let (full, kind) = match v {
                AbbrEntry::Full(f) => (f, AbbrKind::Org),
                AbbrEntry::Table { full, kind } => {
                    let name = kind.as_deref().unwrap_or("org");
                    let kind = AbbrKind::from_name(name).ok_or_else(|| {
                        bad(format!(
                            "abbreviation {k:?}: kind {name:?} is not one of {}",
                            AbbrKind::NAMES.join(", ")
                        ))
                    })?;
                    (full, kind)
                }
            };
            b = b.abbreviation(&k, &full, kind);
        }
        for (name, canonical) in file.organizations {
            b = b.organization(&name, &canonical);
        }
        for (name, level) in file.places {
            b = b.place(&name, &level)?;
        }
        b.build()
    }

    /// Reads a lexicon file; the error names the file and what is wrong.
    #[cfg(feature = "toml")]
    pub fn load(path: &std::path::Path) -> Result<UserLexicon, Error> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, "cannot read", &e))?;
        UserLexicon::from_toml(&text).map_err(|e| e.in_file(&path.display().to_string()))
    }
}
