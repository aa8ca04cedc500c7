//! People: a name after a title or a kinship word ("đồng chí Lê Văn Sỹ", "chị Võ Thị Trâm",
//! "mẹ Hồng"; `data/person_titles.txt`), or a name that starts with a surname
//! (`data/surnames.txt`: "Nguyễn Oanh"). The name's casing is repaired ("Nguyễn trung Hùng" →
//! `Nguyễn Trung Hùng`); the role is read where stated ("đồng chí Lê Văn Sỹ - HUV, Bí thư Đảng
//! ủy" → `Huyện ủy viên, Bí thư Đảng ủy`), and the report's closing line ("Nguyễn Oanh - VH") is
//! its author. Names inside quotes (slogans, programmes: “Mẹ đỡ đầu”, “Bộ đội Cụ Hồ”) are not
//! people.

use super::names::{fix_tone, inside, is_cap, is_lower, next_word, title_case, word_at, Word};
use super::{prio, Cand, Ctx};
use crate::fact::{Fact, Kind};
use crate::lexicon::{
    AbbrKind, TitleKind, ABBREVIATIONS, ADMIN_LEVELS, ORG_HEADS, PERSON_TITLES, ROLES, STOPWORDS,
    SURNAMES,
};

struct Reader<'a> {
    text: &'a str,
    words: &'a [Word],
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
        !(ORG_HEADS.match_after(self.text, w.start).is_some()
            || ADMIN_LEVELS.get(s).is_some()
            || PERSON_TITLES.get(s).is_some()
            || ROLES.match_after(self.text, w.start).is_some()
            || ABBREVIATIONS.match_at(self.text, w.start).is_some()
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
            let s = self.s(k);
            if is_cap(s) && self.nameable(k) {
                parts.push(k);
                end = self.words[k].end;
            } else if is_lower(s)
                && STOPWORDS.get(s).is_none()
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
        if let Some((e, senses)) = ABBREVIATIONS.match_at(self.text, w.start) {
            let a = senses.iter().find(|a| a.kind == AbbrKind::Role)?;
            parts.push(a.full.clone());
            end = e;
        } else if let Some((e, c)) = ROLES.match_after(self.text, w.start) {
            if !is_cap(self.s(i)) {
                return None;
            }
            parts.push((*c).to_owned());
            end = e;
        } else {
            return None;
        }
        // The organisation of the role: "Bí thư Đảng ủy", "Phó Chủ tịch UBND xã".
        while let Some(k) = self.next_word(end) {
            let s = self.s(k);
            let kw = self.words[k];
            if let Some((e, senses)) = ABBREVIATIONS.match_at(self.text, kw.start) {
                parts.push(senses[0].full.clone());
                end = e;
            } else if let Some((e, h)) = ORG_HEADS.match_after(self.text, kw.start) {
                parts.push(h.canonical.to_owned());
                end = e;
            } else if ADMIN_LEVELS.get(s).is_some() || is_cap(s) {
                parts.push(s.to_owned());
                end = kw.end;
            } else {
                break;
            }
        }
        Some((end, fix_tone(&parts.join(" "))))
    }
}

/// Is this a year's name in the sixty-year cycle ("Giáp Thìn"), not a person's?
fn year_name(n: &str) -> bool {
    super::holiday::cycle_index(n).is_some()
}

/// Spells out the abbreviations of a short text: "Hội ND xã" → "Hội Nông dân xã".
fn expand_words(s: &str) -> String {
    let words: Vec<String> = s
        .split(' ')
        .map(|w| {
            ABBREVIATIONS
                .get(w)
                .map_or_else(|| w.to_owned(), |a| a[0].full.clone())
        })
        .collect();
    fix_tone(&words.join(" "))
}

/// Proposes the people of the text. `last_line` is the report's closing line, in normalised
/// text ("Nguyễn Oanh - VH"), read as its author.
pub fn recognize(ctx: &Ctx, words: &[Word], quotes: &[(usize, usize)], out: &mut Vec<Cand>) {
    let text = ctx.text;
    let r = Reader { text, words };
    let mut found: Vec<Cand> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        if inside(quotes, w.start) {
            i += 1;
            continue;
        }
        // A title, then a name.
        let titled = PERSON_TITLES
            .match_after(text, w.start)
            .and_then(|(te, kind)| {
                let k = r.next_word(te)?;
                if *kind == TitleKind::Group && !SURNAMES.contains(r.s(k)) {
                    return None;
                }
                r.name(k, if *kind == TitleKind::Group { 2 } else { 1 })
            });
        // A surname, then more of the name.
        let surnamed = || {
            if SURNAMES.contains(w.text(text)) {
                r.name(i, 2)
            } else {
                None
            }
        };
        let hit = titled
            .map(|(e, n)| (w.start, e, n))
            .or_else(|| surnamed().map(|(e, n)| (w.start, e, n)))
            .filter(|(_, _, n)| !year_name(n));
        match hit {
            Some((start, end, name)) => {
                let mut f = Fact::new(Kind::Person);
                f.name = Some(name);
                f.role = r.role_after(end);
                // A role written before the name: "Chủ tịch Hồ Chí Minh".
                if f.role.is_none() && start > 0 && text.as_bytes()[start - 1] == b' ' {
                    if let Some((rs, c)) = ROLES.match_before(text, start - 1) {
                        if is_cap(&text[rs..]) {
                            f.role = Some((*c).to_owned());
                        }
                    }
                }
                found.push(Cand::new(start, end, prio::PERSON, f));
                i = words.partition_point(|x| x.start < end).max(i + 1);
            }
            None => i += 1,
        }
    }
    // The closing line: "Nguyễn Oanh - VH".
    if let Some((start, end)) = ctx.last_line {
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
            f.role = role_part.map(|r| expand_words(r.trim()));
            f.author = Some(true);
            found.push(Cand::new(start, name_end, prio::PERSON, f));
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

#[cfg(test)]
mod tests {
    use super::super::check_table;
    use crate::fact::Kind;

    const EXAMPLES: &[(&str, &[(&str, &str)])] = &[
        (
            "Phát biểu, đồng chí Lê Văn Sỹ - HUV, Bí thư Đảng ủy đã ghi nhận",
            &[(
                "đồng chí Lê Văn Sỹ",
                r#"{"name":"Lê Văn Sỹ","role":"Huyện ủy viên, Bí thư Đảng ủy"}"#,
            )],
        ),
        (
            "gia đình đồng chí Nguyễn trung Hùng; gia đình đồng chí Hùng hiến",
            &[
                (
                    "đồng chí Nguyễn trung Hùng",
                    r#"{"name":"Nguyễn Trung Hùng"}"#,
                ),
                (
                    "đồng chí Hùng",
                    r#"{"name":"Hùng","full_name":"Nguyễn Trung Hùng"}"#,
                ),
            ],
        ),
        (
            "kết hợp với chị Võ Thị\nTrâm đến trao quà cho gia đình mẹ Hồng xóm Vân Hội",
            &[
                ("chị Võ Thị\nTrâm", r#"{"name":"Võ Thị Trâm"}"#),
                ("mẹ Hồng", r#"{"name":"Hồng"}"#),
            ],
        ),
        (
            "duy trì cho em Đặng Văn Vương mỗi tháng",
            &[("em Đặng Văn Vương", r#"{"name":"Đặng Văn Vương"}"#)],
        ),
        (
            "ngày sinh Chủ tịch Hồ Chí Minh. Trần Văn Lực - Phó Chủ tịch UBND xã dự",
            &[
                ("Hồ Chí Minh", r#"{"name":"Hồ Chí Minh","role":"Chủ tịch"}"#),
                (
                    "Trần Văn Lực",
                    r#"{"role":"Phó Chủ tịch Ủy ban nhân dân xã"}"#,
                ),
            ],
        ),
        (
            "Tết Giáp Thìn 2024.\nVăn Hùng - Hội ND xã",
            &[("Văn Hùng", r#"{"role":"Hội Nông dân xã","author":true}"#)],
        ),
        (
            "Báo cáo của hội.\nNguyễn Oanh - VH",
            &[(
                "Nguyễn Oanh",
                r#"{"name":"Nguyễn Oanh","role":"Văn hóa","author":true}"#,
            )],
        ),
        // Not people: kinship words before lower-case words, slogans and programmes in quotes,
        // a capitalised word at a sentence start.
        (
            "giúp chị em tự tin; chương trình “Mẹ đỡ đầu”; “Bộ đội Cụ Hồ”. Hồ sơ đã nộp",
            &[],
        ),
    ];

    #[test]
    fn examples() {
        check_table(Kind::Person, EXAMPLES);
    }
}
