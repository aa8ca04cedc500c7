//! People: a name after a title or a kinship word ("đồng chí Lê Văn Sỹ", "chị Võ Thị Trâm",
//! "mẹ Hồng"; `data/person_titles.txt`), or a name that starts with a surname
//! (`data/surnames.txt`: "Nguyễn Oanh"). The name's casing is repaired ("Nguyễn trung Hùng" →
//! `Nguyễn Trung Hùng`); the role is read where stated ("đồng chí Lê Văn Sỹ - HUV, Bí thư Đảng
//! ủy" → `Huyện ủy viên, Bí thư Đảng ủy`), and the report's closing line ("Nguyễn Oanh - VH") is
//! its author. Names inside quotes (slogans, programmes: “Mẹ đỡ đầu”, “Bộ đội Cụ Hồ”) are not
//! people.

use super::{fix_tone, is_cap, is_lower, next_word, title_case, word_at, Inside, Word};
use crate::lexicon::{AbbrKind, Lexicon, TitleKind};
use crate::model::{Fact, Kind};
use crate::recognize::{Cand, Ctx};
use crate::text::tokens::Words;

struct Reader<'a> {
    text: &'a str,
    words: &'a [Word],
    lex: &'a Lexicon,
    w: Words<'a>,
    ctx: &'a Ctx<'a>,
}

impl Reader<'_> {
    fn word_at(&self, pos: usize) -> Option<usize> {
        word_at(self.words, pos)
    }

    fn next_word(&self, end: usize) -> Option<usize> {
        next_word(self.text, self.words, end)
    }

    fn s(&self, i: usize) -> &str {
        self.words[i].text(self.text)
    }

    /// Is word `i` usable in a name (not a title, a level, an organisation head or a role)?
    fn nameable(&self, i: usize) -> bool {
        let s = self.s(i);
        let w = self.words[i];
        let (lex, x) = (self.lex, &self.w);
        !((x.after_word(&lex.org_heads, &w).is_some()
            && !super::person_named(self.ctx, self.words, i))
            || x.get(&lex.admin_levels, &w).is_some()
            || x.get(&lex.person_titles, &w).is_some()
            || x.after_word(&lex.roles, &w).is_some()
            || x.abbr_at(lex, w.start).is_some()
            || s.chars().skip(1).any(char::is_uppercase))
    }

    /// A name from word `i`: capitalised syllables, a lower-case one allowed between two
    /// capitalised ones ("Nguyễn trung Hùng"). Returns its end and the repaired name.
    fn name(&self, i: usize, min: usize) -> Option<(usize, String)> {
        if !is_cap(self.s(i)) || !self.nameable(i) {
            return None;
        }
        let mut parts = vec![i];
        let mut end = self.words[i].end;
        while parts.len() < 4 {
            let Some(k) = self.next_word(end) else { break };
            if self.ctx.name_stops_at(end, self.words[k].start) {
                break;
            }
            let s = self.s(k);
            if is_cap(s) && self.nameable(k) {
                parts.push(k);
                end = self.words[k].end;
            } else if is_lower(s)
                && self.w.get(&self.lex.stopwords, &self.words[k]).is_none()
                && self.nameable(k)
                && parts.len() < 3
            {
                match self.next_word(self.words[k].end) {
                    Some(n) if is_cap(self.s(n)) && self.nameable(n) => {
                        parts.push(k);
                        parts.push(n);
                        end = self.words[n].end;
                    }
                    _ => break,
                }
            } else {
                break;
            }
        }
        if parts.len() < min {
            return None;
        }
        let raw: Vec<&str> = parts.iter().map(|&k| self.s(k)).collect();
        Some((end, fix_tone(&title_case(&raw.join(" ")))))
    }

    /// The role written after a name: " - HUV, Bí thư Đảng ủy".
    fn role_after(&self, end: usize) -> Option<String> {
        let rest = &self.text[end..];
        let lead = if rest.starts_with(" - ") {
            3
        } else if rest.starts_with(", ") {
            2
        } else {
            return None;
        };
        let mut segments = Vec::new();
        let mut pos = end + lead;
        while let Some((seg_end, seg)) = self.word_at(pos).and_then(|i| self.role_segment(i)) {
            segments.push(seg);
            if self.text[seg_end..].starts_with(", ") {
                pos = seg_end + 2;
            } else {
                break;
            }
        }
        (!segments.is_empty()).then(|| segments.join(", "))
    }

    /// One position: a role word or abbreviation and the organisation words after it.
    fn role_segment(&self, i: usize) -> Option<(usize, String)> {
        let w = self.words[i];
        let mut parts: Vec<String> = Vec::new();
        let mut end;
        if let Some((e, senses)) = self.w.abbr_at(self.lex, w.start) {
            let a = senses.iter().find(|a| a.kind == AbbrKind::Role)?;
            parts.push(a.full.clone());
            end = e;
        } else if let Some((e, c)) = self.w.after_word(&self.lex.roles, &w) {
            if !is_cap(self.s(i)) {
                return None;
            }
            parts.push((*c).to_owned());
            end = e;
        } else {
            return None;
        }
        // The organisation of the role: "Bí thư Đảng ủy", "Phó Chủ tịch UBND xã", "Chủ tịch
        // Hội Nông dân xã Đồng Tâm" (a lower-case syllable after a capitalised one).
        let mut after_cap = false;
        while let Some(k) = self.next_word(end) {
            let s = self.s(k);
            let kw = self.words[k];
            let cap = is_cap(s);
            if let Some((e, senses)) = self.w.abbr_at(self.lex, kw.start) {
                parts.push(senses[0].full.clone());
                end = e;
            } else if let Some((e, h)) = self.w.after_word(&self.lex.org_heads, &kw) {
                parts.push(h.canonical.to_owned());
                end = e;
            } else if self.w.get(&self.lex.admin_levels, &kw).is_some()
                || cap
                || (after_cap
                    && is_lower(s)
                    && self.w.get(&self.lex.stopwords, &kw).is_none()
                    && self.ctx.break_at(end).is_none())
            {
                parts.push(s.to_owned());
                end = kw.end;
            } else {
                break;
            }
            after_cap = cap;
        }
        Some((end, fix_tone(&parts.join(" "))))
    }
}

/// The role written right before byte `start`, capitalised: "Chủ tịch Hồ Chí Minh".
fn role_before(ctx: &Ctx, start: usize) -> Option<String> {
    if start == 0 || ctx.text.as_bytes()[start - 1] != b' ' {
        return None;
    }
    let (rs, c) = ctx.w.before(&ctx.lex.roles, start - 1)?;
    is_cap(&ctx.text[rs..]).then(|| (*c).to_owned())
}

/// Does a name without a title open with the name of a province or a district ("Hà Tĩnh",
/// "Thái Nguyên", "Châu Thành", "Hà Nội Để": surnames that start places)? Such a name is the
/// place; a person of that name has a title before it ("ông Thái Bình").
fn place_name(name: &str) -> bool {
    let units = crate::lexicon::admin::admin_units();
    let words: Vec<&str> = name.split(' ').collect();
    (2..=words.len().min(4)).any(|n| units.is_upper(&words[..n].join(" ")))
}

/// Is this a year's name in the sixty-year cycle ("Giáp Thìn"), not a person's?
fn year_name(lex: &Lexicon, n: &str) -> bool {
    crate::recognize::time::holiday::cycle_index(lex, n).is_some()
}

/// Spells out the abbreviations of a short text: "Hội ND xã" → "Hội Nông dân xã".
fn expand_words(lex: &Lexicon, s: &str) -> String {
    let words: Vec<String> = s
        .split(' ')
        .map(|w| {
            lex.abbreviations
                .get(w)
                .map_or_else(|| w.to_owned(), |a| a[0].full.clone())
        })
        .collect();
    fix_tone(&words.join(" "))
}

/// Proposes the people of the text. `last_line` is the report's closing line, in normalised
/// text ("Nguyễn Oanh - VH"), read as its author.
pub(crate) fn recognize(ctx: &Ctx, out: &mut Vec<Cand>) {
    let (text, words, quotes) = (ctx.text, &ctx.w.tokens.names[..], &ctx.quotes[..]);
    let lex = ctx.lex;
    let r = Reader {
        text,
        words,
        lex,
        w: ctx.w,
        ctx,
    };
    let mut found: Vec<Cand> = Vec::new();
    let mut in_quotes = Inside::new(quotes);
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        if in_quotes.at(w.start) {
            i += 1;
            continue;
        }
        // A title, then a name.
        let titled = ctx
            .w
            .after_word(&lex.person_titles, &w)
            .and_then(|(te, kind)| {
                let k = r.next_word(te)?;
                if *kind == TitleKind::Group && !lex.surnames.contains(r.s(k)) {
                    return None;
                }
                r.name(k, if *kind == TitleKind::Group { 2 } else { 1 })
            });
        // A surname, then more of the name.
        let surnamed = || {
            let name = w.text(text);
            let may = name
                .as_bytes()
                .first()
                .is_some_and(|&b| lex.surname_first[b as usize]);
            if may && lex.surnames.contains(name) {
                r.name(i, 2)
                    .filter(|(_, n)| !place_name(n) || role_before(ctx, w.start).is_some())
            } else {
                None
            }
        };
        let hit = titled
            .map(|(e, n)| (w.start, e, n))
            .or_else(|| surnamed().map(|(e, n)| (w.start, e, n)))
            .filter(|(_, _, n)| !year_name(lex, n));
        match hit {
            Some((start, end, name)) => {
                let mut f = Fact::new(Kind::Person);
                f.name = Some(name);
                f.role = r.role_after(end);
                // A role written before the name: "Chủ tịch Hồ Chí Minh".
                if f.role.is_none() {
                    f.role = role_before(ctx, start);
                }
                found.push(Cand::new(start, end, f));
                i = words.partition_point(|x| x.start < end).max(i + 1);
            }
            None => i += 1,
        }
    }
    // The closing line: "Nguyễn Oanh - VH".
    if let Some((start, end)) = ctx.last_line {
        // A credit's label is not the name: "Ảnh: MINH ĐỨC", "Tin, ảnh: Thu Hà".
        let start = if crate::recognize::label_at(text, start) {
            text[start..end].find(": ").map_or(start, |c| start + c + 2)
        } else {
            start
        };
        let line = &text[start..end];
        let (name_part, role_part) = match line.split_once(" - ") {
            Some((a, b)) => (a, Some(b)),
            None => (line, None),
        };
        let syllables: Vec<&str> = name_part.split(' ').collect();
        if (2..=4).contains(&syllables.len())
            && syllables.iter().all(|s| is_cap(s))
            && line.len() < 80
        {
            let name_end = start + name_part.len();
            found.retain(|c| c.end <= start || c.start >= end);
            let mut f = Fact::new(Kind::Person);
            f.name = Some(fix_tone(&title_case(name_part)));
            f.role = role_part.map(|r| expand_words(lex, r.trim()));
            f.author = Some(true);
            found.push(Cand::new(start, name_end, f));
        }
    }
    // "đồng chí Hùng": the full name the document gives for one name alone.
    let mut by_last: std::collections::HashMap<String, Vec<String>> =
        std::collections::HashMap::new();
    for n in found.iter().filter_map(|c| c.fact.name.as_ref()) {
        if let Some((_, last)) = n.rsplit_once(' ') {
            let v = by_last.entry(last.to_owned()).or_default();
            if !v.contains(n) {
                v.push(n.clone());
            }
        }
    }
    for c in &mut found {
        let Some(n) = c.fact.name.as_ref().filter(|n| !n.contains(' ')) else {
            continue;
        };
        if let Some([one]) = by_last.get(n).map(Vec::as_slice) {
            c.fact.full_name = Some(one.clone());
        }
    }
    out.extend(found);
}
