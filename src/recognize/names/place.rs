//! Places: an administrative level and a name ("xóm Liên Sơn", "xã Kim Liên", "tỉnh Nghệ An",
//! "thôn 3"), with the name's casing repaired ("Xóm liên sơn" → `Liên Sơn`). Levels are in
//! `data/admin_levels.txt`. A place inside an organisation's name is also a place.
//!
//! Names are capitalised words after the level. Sloppy text writes them in lower case; a
//! lower-case name is read only after a capitalised level ("Xóm mậu 2") or when the document
//! writes the same name properly elsewhere ("xóm Vân\nhội" after "xóm Vân Hội").

use super::{fix_tone, inside, is_cap, is_lower, title_case, Inside, Word};
use crate::lexicon::hash::Map;
use crate::lexicon::role;
use crate::model::{Fact, Kind};
use crate::recognize::{Cand, Ctx};
use crate::text::chars::eq_ci;
use std::collections::HashMap;

/// Does the document write these lower-case words as a name elsewhere ("xã Vân Hội" and "xã vân
/// hội")?
fn continues_known_name(known: &HashMap<String, String>, parts: &[&str]) -> bool {
    known.contains_key(&parts.join(" ").to_lowercase())
}

/// A place named in the text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Place {
    /// Start of the level word.
    pub start: usize,
    /// End of the name (or of the level word, when no name follows).
    pub end: usize,
    /// The level (`xã`, `xóm`, …).
    pub level: &'static str,
    /// The name, casing repaired; `None` for a level with no name ("Hội LHPN xã").
    pub name: Option<String>,
}

/// The places of a document, and the one place of each level when it names only one.
#[derive(Debug, Default)]
pub(crate) struct Gazetteer {
    /// Every place with a name, in order.
    pub places: Vec<Place>,
    /// Level → its only named place, when the document names exactly one.
    only: Map<&'static str, String>,
    /// The lowest place named in the letterhead's issuing body ("XÃ AN THỊNH" under "ỦY BAN
    /// NHÂN DÂN"): the report's own.
    letterhead: Option<(&'static str, String)>,
    /// No province is named with its level, nor bare in the opening: the province the whole
    /// text names bare is looked for on first need (see [`Gazetteer::only_in`]).
    province_unnamed: bool,
    /// That province, once looked for.
    sole_province: std::cell::OnceCell<Option<(&'static str, String)>>,
}

impl Gazetteer {
    /// The place that starts at byte `start`.
    pub(crate) fn at(&self, start: usize) -> Option<&Place> {
        // `places` are in order and do not overlap.
        let i = self.places.partition_point(|p| p.start < start);
        self.places.get(i).filter(|p| p.start == start)
    }

    /// Is byte `pos` inside a place, after its first byte?
    pub(crate) fn within(&self, pos: usize) -> bool {
        let i = self.places.partition_point(|p| p.start < pos);
        i > 0 && self.places[i - 1].end > pos
    }

    /// The place a bare level stands for in this document ("xã" → "Kim Liên"), when certain.
    pub(crate) fn only(&self, level: &str) -> Option<&str> {
        self.only.get(level).map(String::as_str)
    }

    /// [`Gazetteer::only`], and for a province level when the text names no province with its
    /// level nor in its opening, the only province it names bare, at least twice (looked for
    /// on first need: a scan of the whole text).
    pub(crate) fn only_in(&self, ctx: &Ctx, level: &str) -> Option<&str> {
        if let Some(n) = self.only(level) {
            return Some(n);
        }
        if !self.province_unnamed || !crate::lexicon::admin::admin_units().is_province_kind(level) {
            return None;
        }
        self.sole_province
            .get_or_init(|| {
                let taken: Vec<(usize, usize)> =
                    self.places.iter().map(|p| (p.start, p.end)).collect();
                sole_province(ctx, &taken)
            })
            .as_ref()
            .filter(|(l, _)| *l == level)
            .map(|(_, n)| n.as_str())
    }

    /// The report's own place ("xã Vĩnh Phú"): of `levels` (lowest first), the first that the
    /// report names a place at must name one place only, first written in its opening (the
    /// first `opening` bytes: title, letterhead, first sentence).
    pub(crate) fn own_place(&self, levels: &[&str], opening: usize) -> Option<String> {
        if let Some((level, name)) = &self.letterhead {
            if levels.contains(level) {
                return Some(format!("{level} {name}"));
            }
        }
        let level = levels.iter().find(|l| {
            self.places
                .iter()
                .any(|p| p.level == **l && p.name.is_some())
        })?;
        let name = self.only(level)?;
        let first = self
            .places
            .iter()
            .find(|p| p.level == *level && p.name.as_deref() == Some(name))?;
        (first.start < opening).then(|| format!("{level} {name}"))
    }
}

/// A capitalised word that opens a sentence rather than going on a name ("xã Yên Phúc\nNgày 15").
pub(crate) fn not_name(ctx: &Ctx, s: &str) -> bool {
    ctx.is_role(s, role!("not_name"))
}

/// Can this word be part of a place name?
fn name_word(ctx: &Ctx, w: &Word) -> bool {
    let (lex, x) = (ctx.lex, &ctx.w);
    !(x.get(&lex.org_heads, w).is_some()
        || x.get(&lex.admin_levels, w).is_some()
        || x.get(&lex.person_titles, w).is_some()
        || x.get(&lex.roles, w).is_some())
}

/// Reads a place at word `i`: its level and name.
fn parse(
    ctx: &Ctx,
    words: &[Word],
    i: usize,
    known: &HashMap<String, String>,
    sloppy: bool,
) -> Option<(Place, usize)> {
    let (text, lex, x) = (ctx.text, ctx.lex, &ctx.w);
    let w = words[i];
    let (le, &level) = x.after_word(&lex.admin_levels, &w)?;
    // "T.P Vinh": a level abbreviated with a dot inside ("t.p" in data/admin_levels.txt), read
    // from its first letter.
    let inner = i
        .checked_sub(1)
        .map(|h| words[h])
        .filter(|h| h.end + 1 == w.start && &text[h.end..w.start] == ".")
        .and_then(|h| Some((h.start, *x.get_str(&lex.admin_levels, &text[h.start..le])?)));
    let (start, level) = inner.unwrap_or((w.start, level));
    // "TP. Vinh", "H.Châu Thành": the dot of an abbreviated level is part of it.
    let dotted =
        text[le..].starts_with('.') && ctx.is_role(&text[w.start..le + 1], role!("checked_level"));
    let word_end = le;
    let le = if dotted { le + 1 } else { le };
    // "Huyện ủy", "huyện đoàn", "hợp tác xã": an organisation's head, not a place.
    if x.after_word(&lex.org_heads, &w)
        .is_some_and(|(e, _)| e > le)
        || x.before(&lex.org_heads, le)
            .is_some_and(|(s, _)| s < w.start)
    {
        return None;
    }
    let sloppy = sloppy && ctx.words(role!("sloppy_level")).contains(&level);
    // The level's last word.
    let mut j = i;
    while j + 1 < words.len() && words[j].end < word_end {
        j += 1;
    }
    let level_cap = is_cap(w.text(text));
    let mut parts: Vec<&str> = Vec::new();
    let mut end = le;
    let mut k = j + 1;
    let mut lower_run = 0;
    while k < words.len() && parts.len() < 5 {
        let n = words[k];
        // "H.Châu Thành", "TP.Vinh": a level that ends in a dot may touch its name.
        let glued = parts.is_empty() && end == n.start && dotted;
        if !glued && (text.get(end..n.start) != Some(" ") || ctx.name_stops_at(end, n.start)) {
            break;
        }
        let s = n.text(text);
        if s.bytes().all(|b| b.is_ascii_digit()) {
            // "xóm 4", "Mậu 2": a number ends the name; not "xã 3 buổi" (a count).
            let after = text.as_bytes().get(n.end) == Some(&b' ');
            let counted = after
                && (x.after(&lex.count_units, n.end + 1).is_some()
                    || x.after(&lex.duration_units, n.end + 1).is_some());
            // Not the start of a larger figure ("xã 5.312.750.000").
            let figure = matches!(text.as_bytes().get(n.end), Some(b'.' | b',' | b'/'))
                && text
                    .as_bytes()
                    .get(n.end + 1)
                    .is_some_and(u8::is_ascii_digit);
            if s.len() <= 3 && !counted && !figure {
                parts.push(s);
                end = n.end;
            }
            break;
        }
        // Does the document write a name that goes on with this word ("Vân" + "hội")?
        let continues_known = !parts.is_empty() && !known.is_empty() && {
            let mut so_far = format!("{} {}", parts.join(" "), s).to_lowercase();
            known.contains_key(&so_far) || {
                so_far.push(' ');
                known.keys().any(|k| k.starts_with(&so_far))
            }
        };
        // An organisation's head or a title may not open a name ("huyện Hội quản lý"), but
        // may go on one ("xóm Vân Hội"); a level word never.
        let blocked = if parts.is_empty() {
            !name_word(ctx, &n)
        } else {
            x.get(&lex.admin_levels, &n).is_some() || not_name(ctx, s)
        };
        // A name the document knows is complete: "xóm Vân hội Hồng sơn" is "Vân Hội".
        let complete =
            !parts.is_empty() && !known.is_empty() && continues_known_name(known, &parts);
        // A unit whose name starts with a head ("TP.Hội An", "xã Đoàn Xá"): the whole name,
        // when the gazetteer knows it.
        if parts.is_empty() && blocked {
            let admin = crate::lexicon::admin::admin_units();
            let whole = unit_names(text, words, k)
                .into_iter()
                .rev()
                .find(|(_, name)| admin.knows(name));
            if let Some((e, name)) = whole {
                let n = name.split(' ').count();
                parts.extend(words[k..k + n].iter().map(|w| w.text(text)));
                end = e;
                break;
            }
        }
        if !continues_known && (blocked || complete) {
            break;
        }
        if is_cap(s) || continues_known {
            lower_run = 0;
        } else if is_lower(s)
            && sloppy
            && level_cap
            && x.get(&lex.stopwords, &n).is_none()
            && lower_run < 2
        {
            lower_run += 1;
        } else {
            break;
        }
        parts.push(s);
        end = n.end;
        k += 1;
    }
    // An abbreviated level ("H.", "Tx.", "P.") names a place only with a name the gazetteer
    // knows: "H.Châu Thành", "P. Bến Thủy", but not "P. Hùng" (a person's initial).
    let admin = crate::lexicon::admin::admin_units();
    // A level and a name all in capitals (a title, a letterhead) lose what capitals tell: the
    // name must be one the gazetteer knows ("UBND XÃ BÌNH AN", but not "XÃ NÔNG THÔN MỚI").
    let upper = |t: &str| t.chars().any(char::is_alphabetic) && !t.chars().any(char::is_lowercase);
    if !parts.is_empty() && upper(&text[w.start..le]) && parts.iter().all(|p| upper(p)) {
        let known = |name: &str| {
            let spelled = lex.abbreviations.get(name).map(|a| a[0].full.as_str());
            [Some(name), spelled]
                .into_iter()
                .flatten()
                .any(|n| admin.knows(n))
        };
        // The longest known start: "XÃ BÌNH AN TỔ CHỨC" is xã Bình An.
        let n = (1..=parts.len())
            .rev()
            .find(|&n| known(&parts[..n].join(" ")))?;
        parts.truncate(n);
        end = words[j + n].end;
    }
    // "Xã khởi công 2 cây cầu": a name all in lower case after a level whose units the
    // gazetteer holds (communes, districts, provinces) must be one it knows; a sloppy "xóm"
    // or "thôn" name ("Xóm liên sơn") needs no such check.
    let gazetteer_level =
        admin.is_upper_kind(level) || crate::lexicon::admin::communes().is_kind(level);
    if gazetteer_level
        && !parts.is_empty()
        && parts.iter().all(|p| is_lower(p))
        && !continues_known_name(known, &parts)
        && !admin.knows(&parts.join(" "))
    {
        parts.clear();
        end = le;
    }
    let mut spelled: Option<String> = None;
    if ctx.is_role(&text[start..le], role!("checked_level")) {
        // The end of a longer abbreviation ("U.P Vinh"): not this level.
        if text[..start].ends_with('.') {
            return None;
        }
        // "TP.HCM": a name abbreviated, spelled out by data/abbreviations.txt.
        if let [one] = parts[..] {
            spelled = lex.abbreviations.get(one).map(|a| a[0].full.clone());
        }
        let name = spelled.clone().unwrap_or_else(|| parts.join(" "));
        if name.is_empty() || !admin.knows(&name) {
            return None;
        }
    }
    // A province or a district has a name the gazetteer knows: "tỉnh Hồ Quang Bửu" (a level
    // before a person: "Phó Chủ tịch UBND tỉnh Hồ Quang Bửu") names none, and "huyện Nam Đàn
    // Nguyễn Văn An" is "huyện Nam Đàn".
    if parts.len() >= 2 && admin.is_upper_kind(level) {
        let known_len = (1..=parts.len())
            .rev()
            .find(|&n| admin.is_upper(&parts[..n].join(" ")));
        let person_at = |k: usize| parts.get(k).is_some_and(|p| lex.surnames.contains(p));
        match known_len {
            Some(n) if n < parts.len() && person_at(n) => {
                parts.truncate(n);
                end = words[j + n].end;
            }
            None if person_at(0) => parts.clear(),
            _ => {}
        }
    }
    // A trailing lower-case word that is not a known name is not part of it.
    let name = spelled.or_else(|| {
        (!parts.is_empty()).then(|| {
            let raw = parts.join(" ");
            (!known.is_empty())
                .then(|| known.get(&raw.to_lowercase()).cloned())
                .flatten()
                .unwrap_or_else(|| fix_tone(&title_case(&raw)))
        })
    });
    let end = if name.is_some() { end } else { le };
    Some((
        Place {
            start,
            end,
            level,
            name,
        },
        k,
    ))
}

/// Finds the places of the text: first those written properly, which teach the gazetteer the
/// names, then all of them.
pub(crate) fn gazetteer(ctx: &Ctx) -> Gazetteer {
    let (words, quotes) = (&ctx.w.tokens.names[..], &ctx.quotes[..]);
    let mut known: HashMap<String, String> = HashMap::new();
    let scan = |known: &HashMap<String, String>, sloppy: bool| {
        let mut out = Vec::new();
        let mut in_quotes = Inside::new(quotes);
        let mut i = 0;
        while i < words.len() {
            if !ctx.w.may_start_word(&ctx.lex.admin_levels, &words[i]) {
                // `parse` reads a level first; an abbreviation may be a whole place ("TPHCM").
                if let Some(p) = abbreviated_place(ctx, &words[i]) {
                    if !in_quotes.at(words[i].start) {
                        out.push(p);
                    }
                }
                i += 1;
                continue;
            }
            if in_quotes.at(words[i].start) {
                i += 1;
                continue;
            }
            match parse(ctx, words, i, known, sloppy) {
                Some((p, next)) => {
                    out.push(p);
                    i = next.max(i + 1);
                }
                None => i += 1,
            }
        }
        out
    };
    for p in scan(&known, false) {
        if let Some(n) = &p.name {
            if n.split(' ')
                .all(|w| is_cap(w) || w.bytes().all(|b| b.is_ascii_digit()))
            {
                known.entry(n.to_lowercase()).or_insert_with(|| n.clone());
            }
        }
    }
    let mut places = scan(&known, true);
    // The user's places, named with no level before them ("Kim Liên" = xã).
    if ctx.lex.places.len() > 0 {
        let taken: Vec<(usize, usize)> = places.iter().map(|p| (p.start, p.end)).collect();
        for w in words {
            if inside(quotes, w.start) || inside(&taken, w.start) {
                continue;
            }
            if let Some((e, (name, level))) = ctx.w.after_word(&ctx.lex.places, w) {
                places.push(Place {
                    start: w.start,
                    end: e,
                    level,
                    name: Some(name.clone()),
                });
            }
        }
        places.sort_by_key(|p| p.start);
    }
    let mut by_level: Map<&'static str, Vec<&String>> = Map::default();
    for p in &places {
        if let Some(n) = &p.name {
            let v = by_level.entry(p.level).or_default();
            if !v.contains(&n) {
                v.push(n);
            }
        }
    }
    let mut only: Map<&'static str, String> = by_level
        .iter()
        .filter(|(_, v)| v.len() == 1)
        .map(|(l, v)| (*l, v[0].clone()))
        .collect();
    // A province written bare in the opening ("… ở Quảng Nam", a title ending "Hà Tĩnh"), or
    // the only one the text names, is the report's, when no province is named with its level.
    // (Only when some word of provinces names none: else nothing would be added.)
    let admin = crate::lexicon::admin::admin_units();
    let unnamed = ctx
        .words(role!("unit_level"))
        .iter()
        .any(|l| admin.is_province_kind(l) && !by_level.contains_key(l));
    let mut province_unnamed = false;
    if unnamed {
        let taken: Vec<(usize, usize)> = places.iter().map(|p| (p.start, p.end)).collect();
        match bare_provinces(ctx, OPENING, &taken).into_iter().next() {
            Some((level, name)) => {
                if !by_level.contains_key(level) {
                    only.insert(level, name);
                }
            }
            None => province_unnamed = true,
        }
    }
    debug_assert!(places.windows(2).all(|w| w[0].start < w[1].start));
    // The letterhead's body names the report's own place: its lowest unit (the levels are
    // listed highest first).
    let letterhead = ctx.letterhead.and_then(|lh| {
        let levels = ctx.words(role!("unit_level"));
        places
            .iter()
            .filter(|p| lh.agency.iter().any(|&(s, e)| p.start >= s && p.end <= e))
            .filter_map(|p| Some((levels.iter().position(|l| *l == p.level)?, p)))
            .max_by_key(|(rank, _)| *rank)
            .and_then(|(_, p)| Some((p.level, p.name.clone()?)))
    });
    Gazetteer {
        places,
        only,
        letterhead,
        province_unnamed,
        sole_province: std::cell::OnceCell::new(),
    }
}

/// A place written as one abbreviation ("TPHCM", "TP.HCM"): one whose full form in
/// `data/abbreviations.txt` is a level and a name the gazetteer knows ("Thành phố Hồ Chí Minh").
fn abbreviated_place(ctx: &Ctx, w: &Word) -> Option<Place> {
    // An abbreviation opens with two capitals ("TPHCM", "TP"): most words are passed quickly.
    let mut first = w.text(ctx.text).chars();
    if !(first.next().is_some_and(char::is_uppercase)
        && first.next().is_some_and(char::is_uppercase))
    {
        return None;
    }
    let (e, senses) = ctx.w.abbr_at(ctx.lex, w.start)?;
    let full = &senses.first()?.full;
    let units = crate::lexicon::admin::admin_units();
    let levels = ctx.words(role!("unit_level"));
    let lower = full.to_lowercase();
    let level = levels
        .iter()
        .find(|l| lower.starts_with(**l) && lower.as_bytes().get(l.len()) == Some(&b' '))?;
    let name = &full[level.len() + 1..];
    units.is_upper(name).then(|| Place {
        start: w.start,
        end: e,
        level,
        name: Some(name.to_owned()),
    })
}

pub(crate) use crate::text::segments::OPENING;

/// The provinces the text names without a level, in order, up to byte `until` and outside the
/// places written with one (`taken`: "huyện Quảng Ninh" is no province): each with its level
/// word (the gazetteer's word for it, "tỉnh" or "thành phố") and its name. The reading stops
/// at a second province (callers want the first, or whether there is one only).
fn bare_provinces(
    ctx: &Ctx,
    until: usize,
    taken: &[(usize, usize)],
) -> Vec<(&'static str, String)> {
    let (text, words) = (ctx.text, &ctx.w.tokens.names[..]);
    let units = crate::lexicon::admin::admin_units();
    let levels = ctx.words(role!("unit_level"));
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() && words[i].start < until {
        if !units.may_start_province(words[i].text(text)) || inside(taken, words[i].start) {
            i += 1;
            continue;
        }
        let found = unit_names(text, words, i)
            .into_iter()
            .find_map(|(end, name)| {
                let u = units
                    .named(&name)
                    .find(|u| u.level == crate::lexicon::admin::Level::Province)?;
                let level = levels.iter().find(|l| eq_ci(u.kind, l))?;
                Some((end, *level, u.name.to_owned()))
            });
        match found {
            Some((end, level, name)) => {
                let other = out.first().is_some_and(|f: &(&str, String)| f.1 != name);
                out.push((level, name));
                if other {
                    break;
                }
                i = words.partition_point(|w| w.start < end);
            }
            None => i += 1,
        }
    }
    out
}

/// The only province the whole text names without a level, at least twice ("nhân dân Quảng
/// Nam", "đồng bào Quảng Nam").
fn sole_province(ctx: &Ctx, taken: &[(usize, usize)]) -> Option<(&'static str, String)> {
    let all = bare_provinces(ctx, usize::MAX, taken);
    let first = all.first()?;
    (all.len() >= 2 && all.iter().all(|p| p.1 == first.1)).then(|| first.clone())
}

/// The names a unit written bare may have from word `k`: two, three and four capitalised words
/// one space apart ("Hà Tĩnh", "Bà Rịa - …" stops at the dash), each with the end of its last
/// word.
pub(crate) fn unit_names(text: &str, words: &[Word], k: usize) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut name = String::new();
    for j in k..words.len().min(k + 4) {
        let s = words[j].text(text);
        if !is_cap(s) || (j > k && text.get(words[j - 1].end..words[j].start) != Some(" ")) {
            break;
        }
        if j > k {
            name.push(' ');
        }
        name.push_str(s);
        if j > k {
            out.push((words[j].end, name.clone()));
        }
    }
    out
}

/// Where a place is on the official map, when certain.
#[derive(Debug, Default, PartialEq, Eq)]
struct Located {
    province: Option<String>,
    district: Option<String>,
    code: String,
    current: Option<String>,
}

/// The official unit of a place (`level` and `name`), when the gazetteer has exactly one of
/// that level and name, or exactly one under a district or province the document also names;
/// the map before 2025 first, then the map after it.
fn locate(named: &[String], level: &str, name: &str) -> Option<Located> {
    use crate::lexicon::admin::{admin_units, communes, Level, Unit};
    let upper = admin_units();
    let units: Vec<Unit> = if upper.is_upper_kind(level) {
        upper.named(name).collect()
    } else if communes().is_kind(level) {
        communes().named(name).collect()
    } else {
        // A village, a hamlet: not on the official map.
        return None;
    };
    let is_named = |u: Option<&Unit>| u.is_some_and(|u| named.iter().any(|n| eq_ci(u.name, n)));
    for from_2025 in [false, true] {
        // A commune's district (before 2025) and province.
        let parents = |u: &Unit| -> (Option<&Unit>, Option<&Unit>) {
            match u.level {
                Level::Province => (None, None),
                Level::District => (
                    None,
                    u.parent
                        .and_then(|c| upper.by_code(from_2025, Level::Province, c)),
                ),
                Level::Commune if from_2025 => (
                    None,
                    u.parent
                        .and_then(|c| upper.by_code(true, Level::Province, c)),
                ),
                Level::Commune => {
                    let d = u
                        .parent
                        .and_then(|c| upper.by_code(false, Level::District, c));
                    let p = d.and_then(|d| upper.by_code(false, Level::Province, d.parent?));
                    (d, p)
                }
            }
        };
        let candidates: Vec<&Unit> = units
            .iter()
            .filter(|u| u.from_2025 == from_2025 && eq_ci(u.kind, level))
            .collect();
        let unit = match candidates[..] {
            [] => continue,
            [one] => one,
            _ => {
                let fits: Vec<&Unit> = candidates
                    .iter()
                    .copied()
                    .filter(|u| {
                        let (d, p) = parents(u);
                        is_named(d) || is_named(p)
                    })
                    .collect();
                match fits[..] {
                    [one] => one,
                    _ => return None,
                }
            }
        };
        let (district, province) = parents(unit);
        // What it became in 2025, when that is another unit or another name.
        let itself = format!("{} {}", unit.kind.to_lowercase(), unit.name);
        let current = unit
            .now
            .filter(|n| unit.current != Some(unit.code) || *n != itself)
            .map(str::to_owned);
        return Some(Located {
            province: province.map(|p| p.name.to_owned()),
            district: district.map(|d| d.name.to_owned()),
            code: unit.code.to_owned(),
            current,
        });
    }
    None
}

/// Proposes the places of the text.
pub(crate) fn recognize(ctx: &Ctx, out: &mut Vec<Cand>) {
    let gaz = ctx.gazetteer();
    // The names the document gives places, which say which of several units is meant.
    let mut named: Vec<String> = gaz
        .places
        .iter()
        .filter_map(|p| p.name.as_deref())
        .chain(gaz.only.values().map(String::as_str))
        .map(|n| n.chars().map(crate::text::chars::lower).collect())
        .collect();
    named.sort_unstable();
    named.dedup();
    // A place written many times is looked up once.
    let mut located: Vec<((&str, &str), Option<Located>)> = Vec::new();
    for p in &gaz.places {
        let Some(name) = &p.name else { continue };
        let mut f = Fact::new(Kind::Location);
        f.name = Some(name.clone());
        f.level = Some(p.level.to_owned());
        let at = match located
            .iter()
            .position(|(k, _)| *k == (p.level, name.as_str()))
        {
            Some(i) => i,
            None => {
                located.push(((p.level, name.as_str()), locate(&named, p.level, name)));
                located.len() - 1
            }
        };
        if let Some(l) = &located[at].1 {
            f.province = l.province.clone();
            f.district = l.district.clone();
            f.code = Some(l.code.clone());
            f.current = l.current.clone();
        }
        out.push(Cand::new(p.start, p.end, f));
    }
}
