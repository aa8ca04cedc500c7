//! Organisations: a head ("Hội", "Ủy ban", "Phòng", "Ngân hàng", "Trường", …, in
//! `data/org_heads.txt`, or an abbreviation such as "NH", "BCH") with the words that specify it
//! ("CCB", "Giáo dục và Đào tạo", "THCS Kim Liên") and its place ("xã Kim Liên"), or an
//! organisation known by an abbreviation ("UBND") or by name ("Bộ Chính trị", "Agribank").
//!
//! The canonical name expands abbreviations (`data/abbreviations.txt`), writes casing and tone
//! marks as official names do, and completes the place when the text makes it certain: "Hội
//! LHPN xã" in a report that names one xã, Kim Liên, is "Hội Liên hiệp Phụ nữ xã Kim Liên";
//! in "Hội CCB, Hội LHPN xã Kim Liên" both take the place. "Thường trực HĐND-UBND" is two
//! organisations.

use super::place::{Gazetteer, OPENING};
use super::{fix_tone, fold, is_cap, is_lower, next_word, title_case, word_at, Inside, Word};
use crate::lexicon::role;
use crate::lexicon::{AbbrKind, Lexicon};
use crate::model::{Fact, Kind};
use crate::recognize::quantity::money::currency_after;
use crate::recognize::{Cand, Ctx};
use crate::text::chars::{ends_with_ci, starts_with_ci};
use crate::text::tokens::Words;
use std::collections::HashMap;

/// An organisation named in the text.
#[derive(Debug, Clone)]
struct Mention {
    start: usize,
    end: usize,
    /// Canonical words, without the place.
    parts: Vec<String>,
    /// A known canonical name that replaces `parts`.
    known: Option<String>,
    /// The place: "xã Kim Liên".
    place: Option<String>,
    /// The name is complete without more words or a place ("UBND", "Đảng ủy").
    whole: bool,
    /// "chi nhánh": a branch, whose place follows.
    branch: bool,
}

impl Mention {
    fn canonical(&self, ctx: &Ctx) -> String {
        let national = ctx.words(role!("national"));
        let mut s = match &self.known {
            Some(k) => k.clone(),
            None => self.parts.join(" "),
        };
        if self.branch {
            s.push(' ');
            s.push_str(ctx.lex.word(role!("branch")));
        }
        if let Some(p) = &self.place {
            if let Some((at, body)) = local_body(ctx, &s) {
                // The body of a place: "Đoàn Thanh niên xã Vĩnh Phú".
                s.truncate(at);
                s.push_str(body.form);
                s.push(' ');
                s.push_str(p);
            } else if self.branch || !(national.iter().any(|n| s.ends_with(n)) || s.ends_with(')'))
            {
                s.push(' ');
                s.push_str(p);
            }
        }
        let s = fix_tone(&s);
        let mut c = s.chars();
        match c.next() {
            Some(f) => f.to_uppercase().chain(c).collect(),
            None => s,
        }
    }
}

/// Is `canonical` (without a place) a body every unit has its own of (`data/local_bodies.txt`),
/// alone or after a sub-body ("Thường trực Hội đồng nhân dân")? Where the body's name starts in
/// it, and the body's form before a place.
fn local_body<'l>(ctx: &'l Ctx, canonical: &str) -> Option<(usize, &'l crate::lexicon::LocalBody)> {
    ctx.lex.local_bodies.iter().find_map(|body| {
        let at = ends_with_ci(canonical, &body.key)?;
        let sub = &canonical[..at];
        let ok = sub.is_empty()
            || sub.strip_suffix(' ').is_some_and(|h| {
                ctx.w
                    .get_str(&ctx.lex.org_heads, h)
                    .is_some_and(|head| head.sub)
            });
        ok.then_some((at, body))
    })
}

/// A place as an organisation's name writes it: "xã Kim Liên", but "Thành phố Hồ Chí Minh",
/// "Quận 1": a province named after a person, or a unit named by a number, writes its level
/// with a capital (Decree 30/2020/NĐ-CP, on capitals in administrative names).
fn place_text(ctx: &Ctx, level: &str, name: &str) -> String {
    let first = name.split(' ').next().unwrap_or("");
    // A province named after a person ("Hồ Chí Minh": a surname and a given name of two
    // syllables or more); communes that merely start with a surname's syllable ("Đồng Tâm"),
    // and provinces of two syllables ("Thái Nguyên"), are not.
    let person = ctx.lex.surnames.contains(first)
        && name.split(' ').count() >= 3
        && crate::lexicon::admin::admin_units()
            .named(name)
            .any(|u| u.level == crate::lexicon::admin::Level::Province);
    let number = first.bytes().all(|b| b.is_ascii_digit()) && !first.is_empty();
    if person || number {
        let mut c = level.chars();
        let cap: String = c
            .next()
            .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect());
        format!("{cap} {name}")
    } else {
        format!("{level} {name}")
    }
}

struct Reader<'a> {
    text: &'a str,
    words: &'a [Word],
    gaz: &'a Gazetteer,
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

    /// A known organisation's name at byte `pos`: its end and canonical name.
    fn known_at(&self, pos: usize) -> Option<(usize, String)> {
        self.w
            .after(&self.lex.known_orgs, pos)
            .map(|(e, c)| (e, c.clone()))
    }

    /// An abbreviation at byte `pos` with one of `kinds`: its end and full form.
    fn abbr_at(&self, pos: usize, kinds: &[AbbrKind]) -> Option<(usize, String)> {
        let (e, senses) = self.w.abbr_at(self.lex, pos)?;
        let a = senses.iter().find(|a| kinds.contains(&a.kind))?;
        Some((e, a.full.clone()))
    }

    /// The place at word `i` ("xã Kim Liên", or a bare "xã" completed from the gazetteer):
    /// its end and text.
    fn place_at(&self, i: usize) -> Option<(usize, String)> {
        let w = self.words[i];
        if let Some(p) = self.gaz.at(w.start) {
            return match (p.name.as_deref(), self.gaz.only_in(self.ctx, p.level)) {
                (Some(n), _) | (None, Some(n)) => Some((p.end, place_text(self.ctx, p.level, n))),
                (None, None) if self.ctx.words(role!("unit_level")).contains(&p.level) => {
                    Some((p.end, p.level.to_owned()))
                }
                (None, None) => None,
            };
        }
        let (le, level) = self.w.after_word(&self.lex.admin_levels, &w)?;
        // A bare level says which body only for units that have one ("UBND xã"), not "bản".
        if !self.ctx.words(role!("unit_level")).contains(level) {
            return None;
        }
        match self.gaz.only_in(self.ctx, level) {
            Some(n) => Some((le, place_text(self.ctx, level, n))),
            None => Some((le, (*level).to_owned())),
        }
    }

    /// Does a capitalised name go on after byte `end` ("… Xây dựng Hòa Phát"): a capitalised
    /// word that opens no other organisation, or a level?
    fn compound_goes_on(&self, end: usize) -> bool {
        // "Lao động - Thương binh", "Lao động - TB&XH": a dash and a name or an abbreviation.
        let end = match self.text[end..].starts_with(" - ") {
            true if self.w.abbr_at(self.lex, end + 3).is_some() => return true,
            true => end + 2,
            false => end,
        };
        self.next_word(end).is_some_and(|n| {
            let nw = self.words[n];
            (is_cap(nw.text(self.text)) && self.w.after_word(&self.lex.org_heads, &nw).is_none())
                || self.w.after_word(&self.lex.admin_levels, &nw).is_some()
        })
    }

    /// A province or district named bare from word `k` (the gazetteer's longest, up to four
    /// capitalised words): its end and name.
    fn bare_unit_at(&self, k: usize) -> Option<(usize, String)> {
        let units = crate::lexicon::admin::admin_units();
        super::place::unit_names(self.text, self.words, k)
            .into_iter()
            .rev()
            .find(|(_, name)| units.is_upper(name))
            .map(|(end, name)| (end, fix_tone(&name)))
    }

    /// A name in quotation marks right after byte `end` (a space between), capitalised and
    /// of ten words at most: its end and its text, spaces folded.
    fn quoted_name(&self, end: usize) -> Option<(usize, String)> {
        if self.text.as_bytes().get(end) != Some(&b' ') {
            return None;
        }
        let i = self.ctx.quotes.partition_point(|q| q.0 < end + 1);
        let &(s, e) = self.ctx.quotes.get(i).filter(|q| q.0 == end + 1)?;
        let inner = &self.text[s..e];
        let first = inner.chars().find(|c| c.is_alphanumeric())?;
        (first.is_uppercase() && inner.split(' ').count() <= 10).then(|| (e, fold(inner)))
    }

    /// After byte `end`, a bracketed abbreviation and a word that ends national names:
    /// " (MTTQ) Việt Nam" → the end of "Việt Nam" and the word.
    fn bracketed_goes_on(&self, end: usize) -> Option<(usize, &'static str)> {
        if !self.text[end..].starts_with(" (") {
            return None;
        }
        let (ae, _) = self.w.abbr_at(self.lex, end + 2)?;
        let after = self.text[ae..].strip_prefix(") ")?;
        let at = self.text.len() - after.len();
        self.ctx
            .words(role!("national"))
            .iter()
            .find_map(|n| starts_with_ci(after, &n.to_lowercase()).map(|k| (at + k, *n)))
    }

    /// The words that specify an organisation after its head, from byte `pos`.
    fn specs(&self, mut end: usize, m: &mut Mention, branch: bool) {
        let mut after_cap = false;
        let mut cap_run = 0;
        let mut count = 0;
        // The last part was a spelled-out abbreviation ("CP" → "Cổ phần").
        let mut after_abbr = false;
        loop {
            let was_abbr = std::mem::take(&mut after_abbr);
            // "Tài chính - Kế hoạch": a dash between two capitalised parts.
            if m.parts.len() >= 2 && self.text[end..].starts_with(" - ") {
                if let Some(k) = self.word_at(end + 3) {
                    let ns = self.words[k].text(self.text);
                    if is_cap(ns) && self.w.get(&self.lex.org_heads, &self.words[k]).is_none() {
                        m.parts.push("-".to_owned());
                        end += 2;
                    }
                }
            }
            let Some(k) = self.next_word(end) else { break };
            let w = self.words[k];
            let s = w.text(self.text);
            // A head alone at a line's end goes on ("NH\nNN&TTNT Agribank").
            if (count > 0 && self.ctx.name_stops_at(end, w.start)) || self.ctx.hard_break_at(end) {
                break;
            }
            // A level ends the name and starts its place, unless it is the first word of a
            // word ("Thương binh và Xã hội").
            let level = self.w.after_word(&self.lex.admin_levels, &w).is_some();
            // (Capitalised and on one line: "UBND xã\nhội nghị" is a level.)
            let word = self
                .w
                .after_word(&self.lex.not_org, &w)
                .filter(|_| is_cap(s) && self.ctx.break_at(w.end).is_none());
            if let (true, Some((e, _)), true) = (level, word, count > 0 && count < 8) {
                m.parts.push(fix_tone(&self.text[w.start..e]));
                end = e;
                (after_cap, cap_run) = (false, 0);
                count += 1;
                continue;
            }
            if count >= 8 || level {
                break;
            }
            if let Some((e, c)) = self.known_at(w.start) {
                // A known name after a head of another kind specifies it ("Ủy ban Trung ương
                // Mặt trận Tổ quốc Việt Nam"); after its own head it is the whole name ("NH
                // ngoại thương" → the bank's name).
                let own_head = m
                    .parts
                    .first()
                    .is_none_or(|h| c.to_lowercase().starts_with(&h.to_lowercase()));
                if m.known.is_none() && !own_head {
                    m.parts.push(c);
                } else {
                    m.known = Some(c);
                }
                // A known name is whole: only its place may follow, not a person's name
                // ("… Mặt trận Tổ quốc Việt Nam Bùi Thị Minh Hoài").
                end = e;
                break;
            } else if let Some((e, full)) = self.abbr_at(w.start, &[AbbrKind::Spec, AbbrKind::Org])
            {
                // "Văn phòng HĐND-UBND": both, joined.
                let mut full = full;
                let mut e = e;
                let and = self.ctx.words(role!("name_and"));
                let dashes = ["-".to_owned(), " - ".to_owned()]
                    .into_iter()
                    .chain(and.iter().map(|a| format!(" {a} ")));
                for dash in dashes {
                    if self.text[e..].starts_with(&dash) {
                        if let Some((e2, f2)) = self.abbr_at(e + dash.len(), &[AbbrKind::Org]) {
                            full = format!("{full} {} {f2}", self.lex.word(role!("name_and")));
                            e = e2;
                        }
                    }
                }
                m.parts.push(full);
                end = e;
                after_abbr = true;
            } else if let Some((e, c)) = self.w.after_word(&self.lex.org_specs, &w) {
                m.parts.push((*c).to_owned());
                end = e;
            } else if s.bytes().all(|b| b.is_ascii_digit()) {
                // "Chi hội Sen 2", but not "Hội LHPN 12 xóm".
                let counted = self.text.as_bytes().get(w.end) == Some(&b' ')
                    && self.w.after(&self.lex.count_units, w.end + 1).is_some();
                // Nor a figure: "NHCSXH 500 triệu đồng", "7.5" (the figure the reading found
                // runs on past the word), "500 đồng" (a currency after it).
                let figs = self.ctx.figs;
                let j = figs.partition_point(|f| f.start < w.start);
                let runs_on = figs
                    .get(j)
                    .is_some_and(|f| f.start == w.start && f.end > w.end);
                let figure = runs_on
                    || (self.text.as_bytes().get(w.end) == Some(&b' ')
                        && currency_after(self.ctx, w.end).is_some());
                if counted || figure || s.len() > 3 || (m.parts.len() < 2 && !m.whole && !after_cap)
                {
                    break;
                }
                m.parts.push(s.to_owned());
                end = w.end;
                break;
            } else if is_cap(s) {
                if self.w.get(&self.lex.org_heads, &w).is_some() && !after_cap
                    || self.w.get(&self.lex.person_titles, &w).is_some()
                {
                    break;
                }
                m.parts.push(fix_tone(s));
                end = w.end;
                after_cap = true;
                cap_run += 1;
                count += 1;
                continue;
            } else if is_lower(s)
                && (self.w.get(&self.lex.stopwords, &w).is_none()
                    || (after_cap && cap_run == 1 && !branch && self.compound_goes_on(w.end)))
            {
                // (A word that ends a sloppy name, "xây", "dựng", "động", may finish a
                // capitalised compound when a capitalised name follows: "Công ty Xây dựng Hòa
                // Phát", "Tổng công ty Xây dựng Hà Nội".)
                // One lower-case syllable after a capitalised one ("Giáo dục"), or a sloppy
                // branch name before its number ("Chi Hội sen 2").
                let next_is_number = self.next_word(w.end).is_some_and(|n| {
                    self.words[n]
                        .text(self.text)
                        .bytes()
                        .all(|b| b.is_ascii_digit())
                });
                // Not after a proper name ("Hợp tác xã Bình Minh tiêu thụ", "chi hội Nam giành").
                // (Not after a place's name: "Đại học Vinh tình nguyện".)
                let after_unit = m
                    .parts
                    .last()
                    .is_some_and(|p| crate::lexicon::admin::admin_units().is_upper(p));
                if after_cap && cap_run == 1 && !branch && !after_unit {
                    m.parts.push(s.to_owned());
                    end = w.end;
                    after_cap = false;
                    cap_run = 0;
                    count += 1;
                    continue;
                } else if was_abbr
                    && self.next_word(w.end).is_some_and(|n| {
                        let nw = self.words[n];
                        is_cap(nw.text(self.text))
                            && self.w.after_word(&self.lex.org_heads, &nw).is_none()
                            && self.w.after_word(&self.lex.admin_levels, &nw).is_none()
                    })
                {
                    // The trade after a legal form: "Công ty CP nhựa Bình Minh" → "Công ty
                    // Cổ phần Nhựa Bình Minh".
                    m.parts.push(title_case(s));
                    end = w.end;
                    count += 1;
                    continue;
                } else if next_is_number && m.parts.len() == 1 && branch {
                    m.parts.push(title_case(s));
                    end = w.end;
                    count += 1;
                    continue;
                }
                break;
            } else if self.ctx.words(role!("of")).contains(&s) && !m.parts.is_empty() {
                // "Ủy ban Kinh tế và Tài chính của Quốc hội", "Ban Vận động cứu trợ của
                // MTTQ": the body whose part it is, when known or abbreviated, ends the name.
                let Some(n) = self.next_word(w.end) else {
                    break;
                };
                let at = self.words[n].start;
                let whose = self
                    .known_at(at)
                    .or_else(|| self.abbr_at(at, &[AbbrKind::Org]));
                if let Some((e, c)) = whose {
                    m.parts.push(s.to_owned());
                    m.parts.push(c);
                    end = e;
                }
                break;
            } else if self.ctx.words(role!("name_and")).contains(&s) && count > 0 {
                // "Giáo dục và Đào tạo", but not "Trường A và Trường B" or "… và Agribank".
                let next_ok = self.next_word(w.end).is_some_and(|n| {
                    let nw = self.words[n];
                    let ns = nw.text(self.text);
                    // (A level that starts no place is a word: "Thương binh và Xã hội".)
                    is_cap(ns)
                        && self.w.after_word(&self.lex.org_heads, &nw).is_none()
                        && (self.w.after_word(&self.lex.admin_levels, &nw).is_none()
                            || self.gaz.at(nw.start).is_none_or(|p| p.name.is_none()))
                        && self.known_at(nw.start).is_none()
                        && self.w.abbr_at(self.lex, nw.start).is_none()
                });
                if !next_ok {
                    break;
                }
                m.parts.push(s.to_owned());
                end = w.end;
                after_cap = false;
                count += 1;
                continue;
            } else {
                break;
            }
            after_cap = false;
            cap_run = 0;
            count += 1;
        }
        m.end = end;
    }

    /// The organisation that starts at word `i`, with no sub-body before it.
    fn core(&self, i: usize) -> Option<Mention> {
        let w = self.words[i];
        let mut m = Mention {
            start: w.start,
            end: w.end,
            parts: Vec::new(),
            known: None,
            place: None,
            whole: false,
            branch: false,
        };
        let head_lower;
        if let Some((e, c)) = self.known_at(w.start) {
            m.known = Some(c);
            m.end = e;
            m.whole = true;
            head_lower = false;
        } else if let Some((e, full)) = self.abbr_at(w.start, &[AbbrKind::Org]) {
            m.parts.push(full);
            m.end = e;
            m.whole = true;
            head_lower = false;
        } else if let Some((e, full)) = self.abbr_at(w.start, &[AbbrKind::Head]) {
            m.parts.push(full);
            m.end = e;
            head_lower = false;
        } else if let Some((e, h)) = self.w.after_word(&self.lex.org_heads, &w) {
            if e == w.end && super::person_named(self.ctx, self.words, i) {
                return None;
            }
            // "hội nghị", "Đại hội Đảng", "xã hội": words, not organisations.
            let word_after = self
                .w
                .after_word(&self.lex.not_org, &w)
                .is_some_and(|(ne, _)| ne > e);
            let word_before = w.start > 0
                && self
                    .w
                    .before(&self.lex.not_org, e)
                    .is_some_and(|(ns, _)| ns < w.start);
            if word_after || word_before {
                return None;
            }
            m.parts.push(h.canonical.to_owned());
            m.end = e;
            m.whole = h.whole;
            head_lower = is_lower(w.text(self.text));
        } else {
            return None;
        }
        let head_end = m.end;
        // A name in quotation marks after its head: "Câu lạc bộ “Ánh sáng tương lai”".
        let quoted = (!head_lower && m.known.is_none())
            .then(|| self.quoted_name(m.end))
            .flatten();
        if let Some((e, q)) = &quoted {
            m.parts.push(q.clone());
            m.end = *e;
        }
        let branch = m
            .parts
            .first()
            .is_some_and(|p| self.ctx.words(role!("branch_head")).contains(&p.as_str()));
        if m.known.is_none() && quoted.is_none() {
            self.specs(head_end, &mut m, branch);
        }
        // "Mặt trận Tổ quốc (MTTQ) Việt Nam": the name's abbreviation in brackets, and the
        // name goes on.
        if let Some((e, national)) = self.bracketed_goes_on(m.end) {
            match &mut m.known {
                Some(k) => *k = format!("{k} {national}"),
                None => m.parts.push(national.to_owned()),
            }
            m.end = e;
        }
        let specified = m.end > head_end;
        // A head in lower case with words in lower case names a kind of body, not one: "các
        // chi hội phụ nữ", "xây trường tiểu học" (but "công an xã", "chi hội 3").
        let generic = head_lower
            && m.known.is_none()
            && !m.whole
            && !self.text[head_end..m.end]
                .chars()
                .any(|c| c.is_uppercase() || c.is_ascii_digit());
        // "Ngân hàng … chi nhánh huyện": the branch belongs to the bank.
        if specified || m.known.is_some() {
            let rest = &self.text[m.end..];
            let branch = rest.strip_prefix(' ').and_then(|r| {
                self.ctx
                    .words(role!("branch"))
                    .iter()
                    .find_map(|b| starts_with_ci(r, b))
            });
            if let Some(n) = branch {
                m.branch = true;
                m.end += n + 1;
            }
        }
        // The place after the name; a branch may name a province or district bare ("chi
        // nhánh Hà Tĩnh").
        if let Some(k) = self
            .next_word(m.end)
            .filter(|&k| !self.ctx.name_stops_at(m.end, self.words[k].start))
        {
            let bare = || m.branch.then(|| self.bare_unit_at(k)).flatten();
            if let Some((e, place)) = self.place_at(k).or_else(bare) {
                m.place = Some(place);
                m.end = e;
            }
        }
        if (!specified || generic) && m.place.is_none() && !m.whole {
            return None;
        }
        // A lower-case head names an organisation only with more words ("công an xã"), not
        // alone ("hội", "phòng").
        if head_lower && !specified && m.place.is_none() && !m.whole {
            return None;
        }
        // The whole mention may be a known name written in full ("Hội Chữ Thập Đỏ").
        if m.known.is_none() {
            let name_end = m.place.as_ref().map_or(m.end, |_| m.end);
            // The lookup folds case and spaces itself.
            let raw = &self.text[m.start..name_end];
            if let Some(c) = self.w.get_str(&self.lex.known_orgs, raw) {
                m.known = Some(c.clone());
            }
        }
        if m.known.is_none() && m.place.is_none() {
            self.bare_unit_level(&mut m);
        }
        Some(m)
    }

    /// "Hội CCB Cẩm Thủy", "Hội Nông dân Nghệ An": a body every unit has its own of, and the
    /// name of a province or district without its level. The gazetteer gives the level when
    /// all units of that name have one word ("huyện Cẩm Thủy", "tỉnh Nghệ An"); the name
    /// becomes the mention's place.
    fn bare_unit_level(&self, m: &mut Mention) {
        use crate::lexicon::admin::{admin_units, Level};
        let admin = admin_units();
        let n = m.parts.len();
        for k in (2..=4.min(n.saturating_sub(1))).rev() {
            let units: Vec<_> = admin
                .named(&m.parts[n - k..].join(" "))
                .filter(|u| u.level != Level::Commune)
                .collect();
            let mut kinds: Vec<String> = units.iter().map(|u| u.kind.to_lowercase()).collect();
            kinds.sort_unstable();
            kinds.dedup();
            let [kind] = &kinds[..] else { continue };
            let body = m.parts[..n - k].join(" ");
            // (Not a body that holds its level: "Tỉnh đoàn An Giang", "Huyện ủy Na Hang".)
            if local_body(self.ctx, &body).is_some_and(|(_, b)| b.level.is_none()) {
                m.parts.truncate(n - k);
                m.place = Some(place_text(self.ctx, kind, units[0].name));
                return;
            }
        }
    }

    /// The organisation(s) that start at word `i`: a sub-body ("Ban Thường vụ", "BTV",
    /// "Thường trực") joins the organisation after it; "HĐND-UBND" is two.
    fn read(&self, i: usize) -> Option<Vec<Mention>> {
        let w = self.words[i];
        let sub = match self.w.after_word(&self.lex.org_heads, &w) {
            Some((e, h)) if h.sub && is_cap(w.text(self.text)) => {
                Some((e, h.canonical.to_owned(), false))
            }
            _ => self
                .abbr_at(w.start, &[AbbrKind::Head])
                .filter(|(_, full)| {
                    self.ctx
                        .words(role!("sub_abbreviation"))
                        .iter()
                        .any(|p| full.starts_with(p))
                })
                .map(|(e, full)| (e, full, true)),
        };
        let (start, prefix, first) = match &sub {
            Some((e, canonical, _)) => match self.next_word(*e) {
                Some(k) => (w.start, Some(canonical.clone()), k),
                None => (w.start, Some(canonical.clone()), usize::MAX),
            },
            None => (w.start, None, i),
        };
        let mut out = Vec::new();
        if first != usize::MAX {
            if let Some(m) = self.core(first) {
                out.push(m);
                // "HĐND-UBND": a second organisation joined by a dash.
                loop {
                    let last = out.last().unwrap();
                    if self.text.as_bytes().get(last.end) != Some(&b'-') {
                        break;
                    }
                    let Some(k) = self.word_at(last.end + 1) else {
                        break;
                    };
                    match self.core(k) {
                        Some(m2) if m2.whole => out.push(m2),
                        _ => break,
                    }
                }
            }
        }
        match (&sub, out.is_empty()) {
            (Some((e, canonical, true)), true) => {
                // "BTV" alone: the standing committee of the body the text speaks of.
                out.push(Mention {
                    start,
                    end: *e,
                    parts: vec![canonical.clone()],
                    known: None,
                    place: None,
                    whole: true,
                    branch: false,
                });
                return Some(out);
            }
            (_, true) => return None,
            _ => {}
        }
        if let Some(p) = prefix {
            out[0].start = start;
            for m in &mut out {
                match &mut m.known {
                    Some(k) => *k = format!("{p} {k}"),
                    None => m.parts.insert(0, p.clone()),
                }
            }
        }
        // Organisations joined by a dash share the place written after the last.
        if let Some(place) = out.last().and_then(|m| m.place.clone()) {
            for m in &mut out {
                m.place.get_or_insert_with(|| place.clone());
            }
        }
        Some(out)
    }
}

/// Proposes the organisations of the text.
pub(crate) fn recognize(ctx: &Ctx, out: &mut Vec<Cand>) {
    let (words, quotes) = (&ctx.w.tokens.names[..], &ctx.quotes[..]);
    let gaz = ctx.gazetteer();
    let r = Reader {
        text: ctx.text,
        words,
        gaz,
        lex: ctx.lex,
        w: ctx.w,
        ctx,
    };
    let mut found: Vec<Mention> = Vec::new();
    let (mut in_quotes, mut in_blocks) = (Inside::new(quotes), Inside::new(&ctx.block_spans));
    let mut i = 0;
    while i < words.len() {
        let pos = words[i].start;
        // No organisation starts at a word that starts no head, no known name and no
        // abbreviation: `read` would find none.
        if !ctx.w.may_start_word(&ctx.lex.org_heads, &words[i])
            && !ctx.w.may_start_word(&ctx.lex.known_orgs, &words[i])
            && !ctx.w.may_start_word(&ctx.lex.abbr_first, &words[i])
        {
            i += 1;
            continue;
        }
        if in_quotes.at(pos) || gaz.within(pos) || in_blocks.at(pos) {
            i += 1;
            continue;
        }
        match r.read(i) {
            Some(ms) => {
                let end = ms.last().map_or(words[i].end, |m| m.end);
                found.extend(ms);
                i = words.partition_point(|w| w.start < end).max(i + 1);
            }
            None => i += 1,
        }
    }
    // A letterhead's line that is a sub-body alone is that body of the organisation above
    // it: "HỘI LHPN HUYỆN ĐÔNG SƠN / BAN THƯỜNG VỤ" is the association's standing committee.
    if let Some(lh) = ctx.letterhead {
        for pair in lh.agency.windows(2) {
            let (above, (s, e)) = (pair[0], pair[1]);
            if found.iter().any(|m| m.start >= s && m.start < e) {
                continue;
            }
            let Some(k) = word_at(words, s) else { continue };
            let sub = ctx
                .w
                .after_word(&ctx.lex.org_heads, &words[k])
                .filter(|(he, h)| h.sub && *he == e);
            let Some((_, h)) = sub else { continue };
            let parent = found
                .iter()
                .rev()
                .find(|m| m.start >= above.0 && m.end <= above.1);
            let Some(parent) = parent else { continue };
            let mut m = Mention {
                start: s,
                end: e,
                ..parent.clone()
            };
            match &mut m.known {
                Some(known) => *known = format!("{} {known}", h.canonical),
                None => m.parts.insert(0, h.canonical.to_owned()),
            }
            let at = found.partition_point(|f| f.start < s);
            found.insert(at, m);
        }
    }
    // A list of organisations shares the place written after the last: "Hội CCB, Hội LHPN xã
    // Kim Liên".
    for k in (0..found.len().saturating_sub(1)).rev() {
        let between = &ctx.text[found[k].end.min(found[k + 1].start)..found[k + 1].start];
        // Same head ("Hội CCB, Hội LHPN xã"), or organisations named whole ("HĐND, UBND xã").
        let same_head = (!found[k].parts.is_empty()
            && found[k].parts.first() == found[k + 1].parts.first())
            || (found[k].whole && found[k + 1].whole && found[k + 1].known.is_none());
        let and = ctx.words(role!("name_and"));
        let listed = matches!(between, ", " | " - " | ",")
            || between
                .strip_prefix(' ')
                .and_then(|b| b.strip_suffix(' '))
                .is_some_and(|b| and.contains(&b));
        if found[k].place.is_none() && same_head && listed {
            found[k].place = found[k + 1].place.clone();
        }
    }
    // Mentions of one organisation share one canonical name: "Hội CCB" in a report that also
    // writes "Hội CCB xã Kim Liên" (and no other Hội CCB) is that one.
    let canonicals: Vec<String> = found.iter().map(|m| m.canonical(ctx)).collect();
    // Name without its place → the names with a place.
    let mut with_place: HashMap<String, Vec<&String>> = HashMap::new();
    for (m, c) in found.iter().zip(&canonicals) {
        if m.place.is_some() {
            let base = Mention {
                place: None,
                ..m.clone()
            }
            .canonical(ctx);
            let v = with_place.entry(base).or_default();
            if !v.contains(&c) {
                v.push(c);
            }
        }
    }
    // The report's own place, for the bodies every unit has ("UBND" in a report on xã Vĩnh
    // Phú is its Ủy ban nhân dân).
    let levels: Vec<&str> = ctx
        .words(role!("unit_level"))
        .iter()
        .rev()
        .copied()
        .collect();
    // (Found on first need: most reports have no bare body.)
    let own = std::cell::OnceCell::new();
    let own = || own.get_or_init(|| ctx.gazetteer().own_place(&levels, OPENING));
    for (m, c) in found.iter().zip(&canonicals) {
        let canonical = match (m.place.is_none(), with_place.get(c).map(Vec::as_slice)) {
            (true, Some([one])) => (*one).clone(),
            (true, _) => match local_body(ctx, c) {
                // "Xã đoàn" in a report on xã Vĩnh Hanh: "Xã đoàn Vĩnh Hanh".
                Some((at, body)) if body.level.is_some() => {
                    let level = body.level.unwrap_or_default();
                    // The report's own unit at that level, else the one name the report
                    // gives the body ("Xã đoàn" after "Xã đoàn Vĩnh Hanh").
                    let own_name = ctx
                        .gazetteer()
                        .own_place(&[level], OPENING)
                        .map(|p| p[level.len() + 1..].to_owned());
                    let prefix = format!("{} ", &c[at..]);
                    let mut written: Vec<&str> = canonicals
                        .iter()
                        .filter_map(|o| o.strip_prefix(&prefix))
                        .filter(|rest| rest.split(' ').all(is_cap))
                        .collect();
                    written.sort_unstable();
                    written.dedup();
                    let once = match written[..] {
                        [one] => Some(one.to_owned()),
                        _ => None,
                    };
                    match own_name.or(once) {
                        Some(n) => format!("{c} {n}"),
                        None => c.clone(),
                    }
                }
                Some(_) if own().is_some() => Mention {
                    place: own().clone(),
                    ..m.clone()
                }
                .canonical(ctx),
                _ => c.clone(),
            },
            _ => c.clone(),
        };
        let mut f = Fact::new(Kind::Organization);
        f.name = Some(fold(&ctx.text[m.start..m.end]));
        f.canonical = Some(canonical);
        out.push(Cand::new(m.start, m.end, f));
    }
}
