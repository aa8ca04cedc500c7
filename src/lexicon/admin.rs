//! The gazetteer of Vietnam's administrative units, written by `scripts/make_gazetteer.py`
//! from the MIT-licensed package `vietnamadminunits`: provinces, districts and communes before
//! the 2025 reorganisation, provinces and communes after it, with their official codes and,
//! for an old unit, the unit it became part of.
//!
//! Two tables: the 793 provinces and districts (`data/admin_units.txt`, read with an index by
//! name and by code on a run's first name, well under a millisecond) and the 13,356 communes
//! (`data/admin_communes.txt`, sorted by name in lower case and searched line by line with a
//! binary search, so that nothing is built for them but the list of where lines start). Names
//! point into the files' text and are looked up in lower case with tone marks placed the
//! official way, so "Thanh Hoá" finds "Thanh Hóa".
//!
//! ```text
//! let units = admin_units();
//! assert!(units.is_upper("Hà Tĩnh")); // a province
//! assert!(units.is_upper("thanh hoá")); // any case, either tone placement
//! assert!(!units.is_upper("Nguyễn Văn An"));
//! assert!(units.is_upper_kind("huyện") && !units.is_upper_kind("xã"));
//! ```

use crate::lexicon::hash::Map;
use crate::lexicon::{file, parse::lines};
use crate::text::chars::eq_ci;
use crate::text::tone::fix_tone;
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
    /// That unit's word and name: "phường Hồng Hà".
    pub now: Option<&'static str>,
}

/// The provinces and districts, with an index by name and by code.
pub(crate) struct AdminUnits {
    units: Vec<Unit>,
    by_name: Map<String, Vec<u32>>,
    /// The words of the provinces and districts ("tỉnh", "thành phố", "huyện", …), lower case.
    upper_kinds: Vec<String>,
    /// Map (from 2025), level, code → unit.
    by_code: Map<(bool, Level, &'static str), u32>,
    /// The first syllables of the provinces' names, in lower case.
    province_starts: Map<char, Vec<String>>,
    /// The words of the provinces ("tỉnh", "thành phố"), lower case.
    province_kinds: Vec<String>,
    /// The words of the districts ("huyện", "quận", "thị xã", "thành phố"), lower case.
    district_kinds: Vec<String>,
}

/// The communes: the lines of their file, sorted by name in lower case.
pub(crate) struct Communes {
    text: &'static str,
    /// Where each entry line starts.
    starts: Vec<u32>,
    /// The communes' words ("xã", "phường", "thị trấn", "đặc khu"), lower case.
    kinds: Vec<String>,
}

static UPPER: LazyLock<AdminUnits> =
    LazyLock::new(|| parse_upper().unwrap_or_else(|e| panic!("{e}")));
static COMMUNES: LazyLock<Communes> = LazyLock::new(|| {
    let f = file("admin_communes.txt");
    let bytes = f.text.as_bytes();
    let mut starts = Vec::with_capacity(13_500);
    let line_starts = std::iter::once(0).chain(memchr::memchr_iter(b'\n', bytes).map(|i| i + 1));
    for at in line_starts {
        // An entry opens with its era's digit: comments and blank lines are passed over.
        if bytes.get(at).is_some_and(u8::is_ascii_digit) {
            starts.push(at as u32);
        }
    }
    let mut kinds: Vec<String> = Vec::new();
    for &at in &starts {
        let line = &f.text[at as usize..];
        let mut tabs = memchr::memchr_iter(b'\t', line.as_bytes());
        if let (Some(a), Some(b)) = (tabs.nth(2), tabs.next()) {
            let k = &line[a + 1..b];
            if !kinds.iter().any(|x| eq_ci(k, x)) {
                kinds.push(key(k));
            }
        }
    }
    Communes {
        text: f.text,
        starts,
        kinds,
    }
});

/// The provinces and districts (read on first use; the built-in files are checked by the
/// tests).
pub(crate) fn admin_units() -> &'static AdminUnits {
    &UPPER
}

/// The communes (their line list made on first use).
pub(crate) fn communes() -> &'static Communes {
    &COMMUNES
}

/// The error of the strict parser ([`lines`]) for a file the quick reading turned down: the
/// first malformed line, named FILE:LINE with its text.
fn strict_error(name: &str, text: &str) -> crate::Error {
    let checked = lines(name, text, 8, 8).and_then(|ls| {
        for l in &ls {
            l.choice(0, &["2024", "2025"], None)?;
            l.choice(1, &["province", "district", "commune"], None)?;
            if !l.col(2).bytes().all(|b| b.is_ascii_digit()) {
                return Err(l.error("column 3: the code is digits"));
            }
        }
        Ok(())
    });
    checked.err().unwrap_or_else(|| {
        crate::Error::new(
            crate::ErrorKind::Lexicon,
            format!("{name}: a malformed line"),
        )
    })
}

/// One entry line read quickly: `None` when it is not eight clean columns with a known era,
/// level and a code of digits (the strict parser then says what is wrong).
fn unit_of(line: &'static str) -> Option<Unit> {
    let line = line.strip_suffix('\n').unwrap_or(line);
    let line = line.strip_suffix('\r').unwrap_or(line);
    let mut cols = [""; 8];
    let mut n = 0;
    let mut from = 0;
    for tab in memchr::memchr_iter(b'\t', line.as_bytes()).chain(std::iter::once(line.len())) {
        *cols.get_mut(n)? = &line[from..tab];
        n += 1;
        from = tab + 1;
    }
    let clean = |c: &str| {
        !c.is_empty() && !c.starts_with(char::is_whitespace) && !c.ends_with(char::is_whitespace)
    };
    if n != 8 || !cols.iter().all(|c| clean(c)) || !cols[2].bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let from_2025 = match cols[0] {
        "2024" => false,
        "2025" => true,
        _ => return None,
    };
    let level = match cols[1] {
        "province" => Level::Province,
        "district" => Level::District,
        "commune" => Level::Commune,
        _ => return None,
    };
    let opt = |c: &'static str| Some(c).filter(|c| *c != "-");
    Some(Unit {
        from_2025,
        level,
        code: cols[2],
        kind: cols[3],
        name: cols[4],
        parent: opt(cols[5]),
        current: opt(cols[6]),
        now: opt(cols[7]),
    })
}

/// The key a name is looked up by: the official tone placement, in lower case.
pub(crate) fn key(name: &str) -> String {
    fix_tone(name.trim())
        .chars()
        .map(crate::text::chars::lower)
        .collect()
}

fn parse_upper() -> Result<AdminUnits, crate::Error> {
    let f = file("admin_units.txt");
    let mut units = Vec::new();
    let mut by_name: Map<String, Vec<u32>> = Map::default();
    for raw in f.text.lines() {
        if raw.trim().is_empty() || raw.starts_with('#') {
            continue;
        }
        let unit = unit_of(raw).ok_or_else(|| strict_error(f.name, f.text))?;
        by_name
            .entry(key(unit.name))
            .or_default()
            .push(units.len() as u32);
        units.push(unit);
    }
    // The words of the units of a level ("tỉnh", "huyện", …; every level for `None`), lower
    // case.
    let kinds = |level: Option<Level>| {
        let mut k: Vec<String> = units
            .iter()
            .filter(|u| level.is_none_or(|l| u.level == l))
            .map(|u| key(u.kind))
            .collect();
        k.sort();
        k.dedup();
        k
    };
    let (upper_kinds, province_kinds, district_kinds) = (
        kinds(None),
        kinds(Some(Level::Province)),
        kinds(Some(Level::District)),
    );
    let by_code = units
        .iter()
        .enumerate()
        .map(|(i, u)| ((u.from_2025, u.level, u.code), i as u32))
        .collect();
    let mut province_starts: Vec<String> = units
        .iter()
        .filter(|u| u.level == Level::Province)
        .filter_map(|u| u.name.split(' ').next())
        .map(key)
        .collect();
    province_starts.sort();
    province_starts.dedup();
    // By first letter: most words are passed at one lookup.
    let mut by_first: Map<char, Vec<String>> = Map::default();
    for k in province_starts {
        if let Some(c) = k.chars().next() {
            by_first.entry(c).or_default().push(k);
        }
    }
    let province_starts = by_first;
    Ok(AdminUnits {
        units,
        by_name,
        upper_kinds,
        by_code,
        province_starts,
        province_kinds,
        district_kinds,
    })
}

impl AdminUnits {
    /// The units called `name` (any case, either tone placement), provinces first.
    pub fn named(&self, name: &str) -> impl Iterator<Item = Unit> + '_ {
        self.by_name
            .get(&key(name))
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .map(|&i| self.units[i as usize])
    }

    /// Is `name` the name of a unit of any level? (Provinces and districts first; the
    /// communes' file is searched only when they miss.)
    pub fn knows(&self, name: &str) -> bool {
        self.is_upper(name) || communes().has(name)
    }

    /// Is `name` the name of a province or a district (on either map)?
    pub fn is_upper(&self, name: &str) -> bool {
        self.named(name).any(|u| u.level != Level::Commune)
    }

    /// Is `word` ("tỉnh", "Huyện", "thành phố") the word of provinces or districts, whose names
    /// the gazetteer holds all of?
    pub fn is_upper_kind(&self, word: &str) -> bool {
        self.upper_kinds.iter().any(|k| eq_ci(word, k))
    }

    /// Is `word` ("tỉnh", "thành phố") a word of provinces?
    pub fn is_province_kind(&self, word: &str) -> bool {
        self.province_kinds.iter().any(|k| eq_ci(word, k))
    }

    /// Is `word` the word of some district ("huyện", "thị xã", "thành phố"), any case?
    pub fn is_district_kind(&self, word: &str) -> bool {
        self.district_kinds.iter().any(|k| eq_ci(word, k))
    }

    /// May a province's name start with `word` ("Hà", "Quảng", "Thanh")? A quick test before
    /// a lookup.
    pub fn may_start_province(&self, word: &str) -> bool {
        // The first letter rules out most words without lowering the whole word.
        let first = word.chars().next().map(crate::text::chars::lower);
        first
            .and_then(|c| self.province_starts.get(&c))
            .is_some_and(|ks| ks.iter().any(|k| eq_ci(word, k)))
    }

    /// The unit with `code` at `level` on a map.
    pub fn by_code(&self, from_2025: bool, level: Level, code: &str) -> Option<&Unit> {
        self.by_code
            .get(&(from_2025, level, code))
            .map(|&i| &self.units[i as usize])
    }
}

impl Communes {
    /// The name of entry line `i`, and the line.
    fn line(&self, i: usize) -> &'static str {
        let start = self.starts[i] as usize;
        let rest = &self.text[start..];
        memchr::memchr(b'\n', rest.as_bytes()).map_or(rest, |e| &rest[..e])
    }

    /// The name (fifth column) of entry line `i`.
    fn name_of(&self, i: usize) -> &'static str {
        let line = self.line(i);
        let mut tabs = memchr::memchr_iter(b'\t', line.as_bytes());
        match (tabs.nth(3), tabs.next()) {
            (Some(a), Some(b)) => &line[a + 1..b],
            _ => "",
        }
    }

    /// Is `word` ("xã", "Phường") the word of communes?
    pub fn is_kind(&self, word: &str) -> bool {
        self.kinds.iter().any(|k| eq_ci(word, k))
    }

    /// The communes called `name` (any case, either tone placement).
    pub fn named(&self, name: &str) -> std::vec::IntoIter<Unit> {
        let found: Vec<Unit> = self
            .lines_named(name)
            .filter_map(|i| unit_of(self.line(i)))
            .collect();
        found.into_iter()
    }

    /// Is there a commune called `name`? (No line is read but the names the search compares.)
    pub fn has(&self, name: &str) -> bool {
        self.lines_named(name).next().is_some()
    }

    /// The entry lines of the communes called `name`: a binary search in the file's order (its
    /// names in lower case, char by char).
    fn lines_named(&self, name: &str) -> std::ops::Range<usize> {
        use std::cmp::Ordering;
        let key = key(name);
        let order = |i: usize| -> Ordering {
            let n = self.name_of(i);
            n.chars().map(crate::text::chars::lower).cmp(key.chars())
        };
        let first = self
            .starts
            .partition_point_by(|i| order(i) == Ordering::Less);
        // A name is shared by a few communes at most: step over them rather than search again.
        let mut last = first;
        while last < self.starts.len() && order(last) == Ordering::Equal {
            last += 1;
        }
        first..last
    }
}

/// `partition_point` over the indices of a slice (the predicate gets the index).
trait PartitionByIndex {
    fn partition_point_by(&self, pred: impl FnMut(usize) -> bool) -> usize;
}

impl<T> PartitionByIndex for [T] {
    fn partition_point_by(&self, mut pred: impl FnMut(usize) -> bool) -> usize {
        let (mut lo, mut hi) = (0, self.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if pred(mid) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(units: impl Iterator<Item = Unit>, from_2025: bool, level: Level) -> usize {
        units
            .filter(|u| u.from_2025 == from_2025 && u.level == level)
            .count()
    }

    fn all_communes() -> Vec<Unit> {
        let c = communes();
        (0..c.starts.len())
            .map(|i| {
                unit_of(c.line(i)).unwrap_or_else(|| {
                    panic!("{}", strict_error("data/admin_communes.txt", c.text))
                })
            })
            .collect()
    }

    #[test]
    fn both_maps_are_whole() {
        let u = admin_units();
        let up = || u.units.iter().copied();
        assert_eq!(count(up(), false, Level::Province), 63);
        assert_eq!(count(up(), true, Level::Province), 34);
        assert!(count(up(), false, Level::District) > 690);
        assert_eq!(count(up(), true, Level::District), 0);
        assert_eq!(
            count(up(), false, Level::Commune),
            0,
            "communes have their own file"
        );
        let c = all_communes();
        assert_eq!(count(c.iter().copied(), true, Level::Commune), 3321);
        assert!(count(c.iter().copied(), false, Level::Commune) > 10_000);
    }

    #[test]
    fn the_communes_are_in_the_order_they_are_searched_in() {
        let c = all_communes();
        let keys: Vec<String> = c.iter().map(|u| key(u.name)).collect();
        for (i, w) in keys.windows(2).enumerate() {
            assert!(w[0] <= w[1], "line {}: {:?} after {:?}", i + 1, w[1], w[0]);
        }
        // Every commune is found by its name, in any case and tone placement.
        for x in c.iter().step_by(97) {
            assert!(
                communes().named(&x.name.to_uppercase()).any(|y| y == *x),
                "{}",
                x.name
            );
        }
        assert!(communes().named("Tân Lập").count() > 5);
        assert_eq!(communes().named("Không Có Xã Này").count(), 0);
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
        assert_eq!(
            (ha_giang.current, ha_giang.now),
            (Some("08"), Some("tỉnh Tuyên Quang"))
        );
        assert_eq!(
            u.by_code(true, Level::Province, "08").unwrap().name,
            "Tuyên Quang"
        );
        // Every old commune has a 2025 commune, and its district exists.
        let c = all_communes();
        let now: std::collections::HashSet<&str> =
            c.iter().filter(|x| x.from_2025).map(|x| x.code).collect();
        for x in c.iter().filter(|x| !x.from_2025) {
            let code = x.current.expect("an old commune's 2025 commune");
            assert!(now.contains(code) && x.now.is_some(), "{code}");
            let d = x.parent.expect("an old commune's district");
            assert!(u.by_code(false, Level::District, d).is_some(), "{d}");
        }
    }

    #[test]
    fn a_malformed_line_names_its_file_and_line() {
        let ok = "# x\n2024\tprovince\t01\tThành phố\tHà Nội\t-\t01\t-\n";
        let short = format!("{ok}2024\tprovince\t02\tTỉnh\tHà Giang\t-\t08\n");
        let err = strict_error("data/admin_units.txt", &short).to_string();
        assert!(
            err.starts_with("data/admin_units.txt:3: expected 8 columns"),
            "{err}"
        );
        let era = format!("{ok}2023\tprovince\t02\tTỉnh\tHà Giang\t-\t08\t-\n");
        let err = strict_error("data/admin_units.txt", &era).to_string();
        assert!(
            err.starts_with("data/admin_units.txt:3: column 1: \"2023\""),
            "{err}"
        );
        let code = format!("{ok}2024\tprovince\tO2\tTỉnh\tHà Giang\t-\t08\t-\n");
        let err = strict_error("data/admin_units.txt", &code).to_string();
        assert!(err.contains(":3: column 3: the code is digits"), "{err}");
        assert!(unit_of("2024\tprovince\t01\tThành phố\tHà Nội\t-\t01\t-").is_some());
        assert!(unit_of("2024\tprovince\t01\tThành phố\t Hà Nội\t-\t01\t-").is_none());
    }
}
