//! The gazetteer of Vietnam's administrative units, written by `scripts/make_gazetteer.py`
//! from the MIT-licensed package `vietnamadminunits`: provinces, districts and communes before
//! the 2025 reorganisation, provinces and communes after it, with their official codes and,
//! for an old unit, the unit it became part of.
//!
//! Two tables, each read on first use: the 793 provinces and districts
//! (`data/admin_units.txt`, read by a run's first name, well under a millisecond) and the
//! 13,356 communes (`data/admin_communes.txt`, read only when a commune is looked up). Names
//! point into the files' text; each table has an index by name (lower case, tone marks placed
//! the official way, so "Thanh Hoá" finds "Thanh Hóa").
//!
//! ```text
//! let units = admin_units();
//! assert!(units.is_upper("Hà Tĩnh")); // a province
//! assert!(units.is_upper("thanh hoá")); // any case, either tone placement
//! assert!(!units.is_upper("Nguyễn Văn An"));
//! assert!(units.is_upper_kind("huyện") && !units.is_upper_kind("xã"));
//! ```

use crate::lexicon::{file, parse::lines};
use crate::text::tone::fix_tone;
use std::collections::HashMap;
use std::sync::LazyLock;

/// The level of a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Level {
    /// Tỉnh or thành phố trực thuộc trung ương.
    Province,
    /// Huyện, quận, thị xã, thành phố thuộc tỉnh (before 2025 only).
    District,
    /// Xã, phường, thị trấn, đặc khu.
    Commune,
}

/// One administrative unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Unit {
    /// On the map from 2025 (else the map before it).
    pub from_2025: bool,
    pub level: Level,
    /// The official code.
    pub code: &'static str,
    /// Its own word: "Tỉnh", "Thành phố", "Huyện", "Xã", …
    pub kind: &'static str,
    pub name: &'static str,
    /// The code of the unit above it.
    pub parent: Option<&'static str>,
    /// For a unit before 2025: the code of the 2025 unit it became part of.
    pub current: Option<&'static str>,
}

/// Every unit, and an index by name.
pub(crate) struct AdminUnits {
    units: Vec<Unit>,
    by_name: HashMap<String, Vec<u32>>,
    /// The words of the provinces and districts ("tỉnh", "thành phố", "huyện", …), lower case.
    upper_kinds: Vec<String>,
    /// Map (from 2025), level, code → unit.
    by_code: HashMap<(bool, Level, &'static str), u32>,
}

static UPPER: LazyLock<AdminUnits> =
    LazyLock::new(|| parse("admin_units.txt").unwrap_or_else(|e| panic!("{e}")));
static COMMUNES: LazyLock<AdminUnits> =
    LazyLock::new(|| parse("admin_communes.txt").unwrap_or_else(|e| panic!("{e}")));

/// The provinces and districts (read on first use; the built-in files are checked by the
/// tests).
pub(crate) fn admin_units() -> &'static AdminUnits {
    &UPPER
}

/// The communes (read on first use).
pub(crate) fn communes() -> &'static AdminUnits {
    &COMMUNES
}

/// The key a name is looked up by.
fn key(name: &str) -> String {
    fix_tone(name.trim()).to_lowercase()
}

fn parse(name: &str) -> Result<AdminUnits, crate::Error> {
    let f = file(name);
    let mut units = Vec::new();
    let mut by_name: HashMap<String, Vec<u32>> = HashMap::new();
    for l in lines(f.name, f.text, 7, 7)? {
        let from_2025 = l.choice(0, &["2024", "2025"], None)? == "2025";
        let level = match l.choice(1, &["province", "district", "commune"], None)? {
            "province" => Level::Province,
            "district" => Level::District,
            _ => Level::Commune,
        };
        let code = l.col(2);
        if !code.bytes().all(|b| b.is_ascii_digit()) {
            return Err(l.error("column 3: the code is digits"));
        }
        let opt = |i: usize| Some(l.col(i)).filter(|c| *c != "-");
        let unit = Unit {
            from_2025,
            level,
            code,
            kind: l.col(3),
            name: l.col(4),
            parent: opt(5),
            current: opt(6),
        };
        by_name
            .entry(key(unit.name))
            .or_default()
            .push(units.len() as u32);
        units.push(unit);
    }
    let mut upper_kinds: Vec<String> = units
        .iter()
        .filter(|u| u.level != Level::Commune)
        .map(|u| u.kind.to_lowercase())
        .collect();
    upper_kinds.sort();
    upper_kinds.dedup();
    let by_code = units
        .iter()
        .enumerate()
        .map(|(i, u)| ((u.from_2025, u.level, u.code), i as u32))
        .collect();
    Ok(AdminUnits {
        units,
        by_name,
        upper_kinds,
        by_code,
    })
}

impl AdminUnits {
    /// The units called `name` (any case, either tone placement), provinces first.
    pub fn named(&self, name: &str) -> impl Iterator<Item = &Unit> {
        self.by_name
            .get(&key(name))
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .map(|&i| &self.units[i as usize])
    }

    /// Is `name` the name of a province or a district (on either map)?
    pub fn is_upper(&self, name: &str) -> bool {
        self.named(name).any(|u| u.level != Level::Commune)
    }

    /// Is `word` ("tỉnh", "Huyện", "thành phố") the word of provinces or districts, whose names
    /// the gazetteer holds all of?
    pub fn is_upper_kind(&self, word: &str) -> bool {
        let w = word.to_lowercase();
        self.upper_kinds.contains(&w)
    }

    /// The unit with `code` at `level` on a map.
    pub fn by_code(&self, from_2025: bool, level: Level, code: &str) -> Option<&Unit> {
        self.by_code
            .get(&(from_2025, level, code))
            .map(|&i| &self.units[i as usize])
    }

    /// How many units a map has at a level.
    #[cfg(test)]
    fn count(&self, from_2025: bool, level: Level) -> usize {
        self.units
            .iter()
            .filter(|u| u.from_2025 == from_2025 && u.level == level)
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_maps_are_whole() {
        let (u, c) = (admin_units(), communes());
        assert_eq!(u.count(false, Level::Province), 63);
        assert_eq!(u.count(true, Level::Province), 34);
        assert!(u.count(false, Level::District) > 690);
        assert_eq!(u.count(true, Level::District), 0);
        assert_eq!(
            u.count(false, Level::Commune),
            0,
            "communes are in their own file"
        );
        assert_eq!(c.count(true, Level::Commune), 3321);
        assert!(c.count(false, Level::Commune) > 10_000);
    }

    #[test]
    fn names_codes_and_what_became_of_them() {
        let u = admin_units();
        let province = |n: &str| u.named(n).any(|x| x.level == Level::Province);
        assert!(province("Hà Tĩnh"));
        assert!(province("thanh hoá"), "either tone placement, any case");
        assert!(u.is_upper("Châu Thành"), "a district in several provinces");
        assert!(!province("Châu Thành"));
        assert!(!u.is_upper("Nguyễn Văn An"));
        assert!(u.is_upper_kind("tỉnh") && u.is_upper_kind("Thị xã") && u.is_upper_kind("quận"));
        assert!(!u.is_upper_kind("xã") && !u.is_upper_kind("thôn"));
        // Hà Giang (02) joined Tuyên Quang (08) in 2025.
        let ha_giang = u
            .named("Hà Giang")
            .find(|x| x.level == Level::Province)
            .unwrap();
        assert_eq!((ha_giang.code, ha_giang.from_2025), ("02", false));
        assert_eq!(ha_giang.current, Some("08"));
        let now = u.by_code(true, Level::Province, "08").unwrap();
        assert_eq!(now.name, "Tuyên Quang");
        // Every old commune has a 2025 commune, and every parent exists.
        for x in u
            .units
            .iter()
            .filter(|x| !x.from_2025 && x.level == Level::Commune)
        {
            let c = x.current.expect("an old commune's 2025 commune");
            assert!(u.by_code(true, Level::Commune, c).is_some(), "{c}");
        }
    }

    #[test]
    fn a_malformed_line_names_its_file_and_line() {
        let text = "2024\tprovince\t01\tThành phố\tHà Nội\t-\n";
        let err = lines("data/admin_units.txt", text, 7, 7).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("data/admin_units.txt:1: expected 7 columns"),
            "{err}"
        );
    }
}
