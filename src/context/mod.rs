//! The context stage: every figure fact (money, count, percent, ratio, measure) tied to the
//! organisation whose figure it is, the period it refers to and what it measures, as a careful
//! reader does it (SPEC.md, "Context of a figure").
//!
//! It reads the resolved facts and the shared reading of the text: its words, and the segments
//! they make ([`segments`]: clauses, sentences, paragraphs, headings). For each figure:
//!
//! - the organisation: the subject of its clause, else of its sentence (an organisation after
//!   a `partner` word of `data/context_words.txt` is none: "phối hợp với", "tại", "cho"), else
//!   one after the figure in its clause ("20 suất học bổng do Tỉnh đoàn trao"), else the one
//!   that opens its paragraph or the heading above it, else the report's own (its title or
//!   opening); none for a place's statistic (a place named, "có" and a count: "huyện Củ Chi
//!   có 8.600 hộ cận nghèo");
//! - the period: a date or period before it in its clause, else before it in its item (the
//!   part of its sentence between two ";"), else after it in its clause, else the one that
//!   leads its sentence, else the one its paragraph opened with (else the latest stated
//!   earlier in it), else the one a paragraph opened with above it, else the report's headline
//!   period (its title's, its lead's, else its own date). A date after a `comparison` word
//!   ("so với cùng kỳ năm 2023", "kế hoạch năm 2022") is never a period, nor a holiday named
//!   by its name ("Tết Nguyên đán"); an undated time ("nhiệm kỳ qua", "5 năm qua") gives none;
//!   "từ tháng 8 đến nay" runs to the report's own date;
//! - the metric: the words that govern the figure in its clause ([`metric`]).
//!
//! Mentions are byte offsets of the normalised text here; resolution maps them to chars of the
//! input with the facts.

mod metric;
mod roles;
pub(crate) mod segments;

use crate::lexicon::{ContextRoles, Lexicon};
use crate::model::{Context, ContextOrganization, ContextPeriod, Kind, Metric, Precision, Value};
use crate::recognize::Cand;
use crate::text::Reading;
use metric::Cover;
use segments::Segments;

/// Where a mention is: bytes of the normalised text being read, or chars of the whole input
/// (a headline carried to a later window of a long document).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Mention {
    /// Byte range of the normalised text.
    Norm(usize, usize),
    /// Byte range of the input (a mention mapped back, about to become chars).
    Input(usize, usize),
    /// Char range of the input, and its text.
    Chars(usize, usize, String),
}

/// A figure's context before its mentions are mapped to the input.
#[derive(Debug, Clone, Default)]
pub(crate) struct Raw {
    /// Canonical name and mention.
    pub organization: Option<(String, Mention)>,
    /// From, to and mention.
    pub period: Option<(String, String, Mention)>,
    /// Label, key and the words' span.
    pub metric: Option<(String, Option<String>, Mention)>,
}

/// The report's own organisation and headline period, for figures nothing nearer governs.
#[derive(Debug, Clone, Default)]
pub(crate) struct Headline {
    /// Canonical name and mention.
    pub organization: Option<(String, Mention)>,
    /// From, to and mention.
    pub period: Option<(String, String, Mention)>,
}

/// Is `kind` a figure (a fact that gets a context)?
pub(crate) fn is_figure(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::Money | Kind::Count | Kind::Percent | Kind::Ratio | Kind::Measure
    )
}

/// An organisation fact, in words.
struct Org {
    first: usize,
    end: usize,
    canonical: String,
    span: (usize, usize),
    partner: bool,
}

/// A date or period fact, in words, with its bounds.
struct Time {
    first: usize,
    end: usize,
    from: String,
    to: String,
    span: (usize, usize),
    comparison: bool,
}

/// Is the date a holiday named by its name ("Tết Nguyên đán Bính Ngọ"): the occasion of an
/// activity, not its time? A lunar date written with no day or month in digits.
fn is_holiday(f: &crate::model::Fact) -> bool {
    f.lunar.is_some()
        && !f
            .text
            .split(|c: char| !c.is_ascii_digit())
            .any(|run| (1..=2).contains(&run.len()))
}

/// The first and last day of a date or period fact, when it has them.
fn bounds(f: &crate::model::Fact) -> Option<(String, String)> {
    match f.kind {
        Kind::Period => Some((f.from.clone()?, f.to.clone()?)),
        Kind::Date => {
            let Some(Value::Date(v)) = &f.value else {
                return None;
            };
            match f.precision? {
                Precision::Day => Some((v.clone(), v.clone())),
                Precision::Month => {
                    let y: i32 = v.get(..4)?.parse().ok()?;
                    let m: u32 = v.get(5..7)?.parse().ok()?;
                    let last = crate::time::calendar::days_in_month(Some(y), m);
                    Some((format!("{v}-01"), format!("{v}-{last:02}")))
                }
                Precision::Year => Some((format!("{v}-01-01"), format!("{v}-12-31"))),
            }
        }
        _ => None,
    }
}

/// The words of every candidate of `chosen` (sorted by start): its first word and the word
/// after its last, found in one walk along the words (a binary search per fact cost more than
/// the rest of the stage).
#[inline(never)]
fn word_spans(reading: &Reading, chosen: &[Cand]) -> Vec<(usize, usize)> {
    let toks = &reading.tokens.toks;
    let mut out = Vec::with_capacity(chosen.len());
    let mut first = 0;
    for c in chosen {
        if first > 0 && (toks[first - 1].start as usize) >= c.start {
            // Out of order (not expected): search.
            first = toks.partition_point(|t| (t.start as usize) < c.start);
        }
        while first < toks.len() && (toks[first].start as usize) < c.start {
            first += 1;
        }
        let mut end = first;
        while end < toks.len() && (toks[end].start as usize) < c.end {
            end += 1;
        }
        out.push((first, end));
    }
    out
}

/// The contexts of the figures of `chosen` (sorted by start), one slot per candidate (`None`
/// for facts that are no figure). `headline` is the report's, when a window after the first of
/// a long document is read; else it is read from this text (returned too).
fn read_contexts(
    reading: &Reading,
    lex: &Lexicon,
    chosen: &[Cand],
    headline: Option<&Headline>,
    own_date: Option<&str>,
) -> (Vec<Option<Raw>>, Headline) {
    let mut out: Vec<Option<Raw>> = vec![None; chosen.len()];
    if !chosen.iter().any(|c| is_figure(c.fact.kind) && !c.block) {
        return (out, headline.cloned().unwrap_or_default());
    }
    let toks = &reading.tokens.toks;
    let seg = Segments::new(reading);
    let roles = roles::Roles::new(reading, lex);
    let mut cover = vec![Cover::Free; toks.len()];
    let words = word_spans(reading, chosen);
    let role_before = |first: usize, lo: usize, bit: u16| -> bool {
        // An entry with the role that ends right before word `first`, not before word `lo`.
        first > lo
            && roles
                .ending_at(first - 1)
                .is_some_and(|(i, r)| i >= lo && r.has(bit))
    };
    let mut orgs = Vec::new();
    // The first word of every place named.
    let mut places = Vec::new();
    let mut times = Vec::new();
    for (c, &(first, end)) in chosen.iter().zip(&words) {
        if c.block {
            continue;
        }
        let mark = match c.fact.kind {
            k if is_figure(k) => Cover::Figure,
            Kind::Date | Kind::Period | Kind::Duration => Cover::Time,
            _ => Cover::Name,
        };
        for w in &mut cover[first..end] {
            if *w == Cover::Free || mark == Cover::Figure {
                *w = mark;
            }
        }
        match c.fact.kind {
            Kind::Location => places.push(first),
            Kind::Organization => {
                let Some(canonical) = c.fact.canonical.clone().or_else(|| c.fact.name.clone())
                else {
                    continue;
                };
                let partner = role_before(first, seg.clause_start(first), ContextRoles::PARTNER);
                orgs.push(Org {
                    first,
                    end,
                    canonical,
                    span: (c.start, c.end),
                    partner,
                });
            }
            Kind::Duration if c.fact.relative.is_some() => {
                // "5 năm qua": a time the text does not date.
                times.push(Time {
                    first,
                    end,
                    from: String::new(),
                    to: String::new(),
                    span: (c.start, c.end),
                    comparison: false,
                });
            }
            Kind::Date | Kind::Period => {
                if is_holiday(&c.fact) {
                    continue;
                }
                let Some((from, to)) = bounds(&c.fact) else {
                    continue;
                };
                let lo = seg.clause_start(first).max(first.saturating_sub(4));
                let comparison = (lo..first)
                    .rev()
                    .any(|j| role_before(j + 1, lo, ContextRoles::COMPARISON));
                let (mut to, mut span) = (to, (c.start, c.end));
                // "từ tháng 8 đến nay": from its first day to the report's own date.
                if let Some(day) = own_date.filter(|d| *d >= from.as_str()) {
                    let since =
                        role_before(first, lo.min(first.saturating_sub(2)), ContextRoles::SINCE);
                    let now = (end < toks.len())
                        .then(|| roles.at(end))
                        .flatten()
                        .filter(|(_, r)| r.has(ContextRoles::UNTIL_NOW));
                    if let (true, Some((j, _))) = (since, now) {
                        to = day.to_owned();
                        span.1 = toks[j].end as usize;
                    }
                }
                times.push(Time {
                    first,
                    end,
                    from,
                    to,
                    span,
                    comparison,
                });
            }
            _ => {}
        }
    }
    // An organisation inside a figure ("2.592 tổ TK&VV") is what it counts, no subject.
    for o in &mut orgs {
        if cover[o.first..o.end.min(cover.len())].contains(&Cover::Figure) {
            o.partner = true;
        }
    }
    // Times the text does not date ("nhiệm kỳ qua", "hằng năm").
    for i in 0..toks.len() {
        if cover[i] != Cover::Free {
            continue;
        }
        if let Some((j, r)) = roles.at(i) {
            // "đầu nhiệm kỳ 2020-2025": the time after it dates it.
            if r.has(ContextRoles::UNKNOWN_TIME) && cover.get(j + 1) != Some(&Cover::Time) {
                let span = (toks[i].start as usize, toks[j].end as usize);
                cover[i..=j].fill(Cover::Time);
                // "so với đầu nhiệm kỳ": a comparison base, as a dated one is.
                let lo = seg.clause_start(i).max(i.saturating_sub(4));
                let comparison = (lo..i)
                    .rev()
                    .any(|k| role_before(k + 1, lo, ContextRoles::COMPARISON));
                times.push(Time {
                    first: i,
                    end: j + 1,
                    from: String::new(),
                    to: String::new(),
                    span,
                    comparison,
                });
            }
        }
    }
    times.sort_by_key(|t| t.first);
    let own = match headline {
        Some(h) => h.clone(),
        None => read_headline(&seg, &orgs, &times, chosen, own_date),
    };
    // What a paragraph opened with governs the paragraphs after it until another takes over.
    let mut section_org: Option<(String, Mention)> = None;
    let mut section_period: Option<(String, String, Mention)> = None;
    let mut last_para = usize::MAX;
    // Where the opening of the current paragraph ends, for its time.
    let mut para_lead = 0;
    // The first word of the figure before that has a label, and the length of that label's
    // base: a bare change word or a list's next count in the same sentence takes it.
    let mut last_label: Option<(usize, usize)> = None;
    let mut last_text = String::new();
    let mut labeler = metric::Labeler::new(reading, lex, &roles, &cover);
    // The organisations and times whose first word is in a range of words (both are sorted by
    // it): a figure looks at its own clause, sentence and paragraph, never the whole text.
    let org_in = |r: std::ops::Range<usize>| -> &[Org] {
        let a = orgs.partition_point(|o| o.first < r.start);
        let b = orgs.partition_point(|o| o.first < r.end).max(a);
        &orgs[a..b]
    };
    // Where the lead of a sentence from word `start` ends: its first clause, or on to its first
    // figure before word `limit` (to `limit` when none).
    let lead_end = |start: usize, limit: usize| {
        let figure = (start..limit).find(|&w| cover[w] == Cover::Figure);
        seg.clause(start).end.max(figure.unwrap_or(limit))
    };
    let time_in = |r: std::ops::Range<usize>| -> &[Time] {
        let a = times.partition_point(|t| t.first < r.start);
        let b = times.partition_point(|t| t.first < r.end).max(a);
        &times[a..b]
    };
    for (k, (c, &(first, end))) in chosen.iter().zip(&words).enumerate() {
        if c.block || !is_figure(c.fact.kind) {
            continue;
        }
        if first >= toks.len() {
            continue;
        }
        let clause = seg.clause(first);
        let sentence = seg.sentence(first);
        let para = seg.paragraph(first);
        if para.start != last_para {
            last_para = para.start;
            // The paragraph's opening sentence: its subject and its period govern what follows.
            let opening = seg.sentence(para.start);
            let opening_clause = opening.start..seg.clause(opening.start).end;
            let opener_org = org_in(opening_clause.clone())
                .first()
                .filter(|o| !o.partner);
            if let Some(o) = opener_org {
                if seg.is_heading(para.clone()) {
                    section_org = Some((o.canonical.clone(), Mention::Norm(o.span.0, o.span.1)));
                }
            }
            // Its time may come after a first clause that has none, up to its first figure
            // ("Với phương châm …, nhiệm kỳ 2025-2030, Đảng bộ xã đề ra 12 chỉ tiêu: …").
            para_lead = lead_end(opening.start, opening.end);
            let opener_time = time_in(opening.start..para_lead)
                .iter()
                .find(|t| !t.comparison);
            // An undated opener ("Nhiệm kỳ qua, …") governs its own paragraph only.
            if let Some(t) = opener_time.filter(|t| !t.from.is_empty()) {
                section_period = Some((
                    t.from.clone(),
                    t.to.clone(),
                    Mention::Norm(t.span.0, t.span.1),
                ));
            }
        }
        let subject_of_clause = |o: &Org| org_in(seg.clause(o.first).start..o.first).is_empty();
        let clause_org = org_in(clause.clone())
            .iter()
            .find(|o| !o.partner && o.end <= first);
        // "Hiện huyện Củ Chi có khoảng 8.600 hộ cận nghèo và trên 8.000 hộ nghèo": a place
        // named, "có" and a count, and no organisation before them in the clause: the place's
        // statistic, no organisation's figure. ("Toàn xã có 312 hộ đăng ký" in a report of
        // the Hội's movement stays the Hội's: the whole territory is no place named.)
        let territorial = clause_org.is_none()
            && c.fact.kind == Kind::Count
            && places[places.partition_point(|&p| p < clause.start)..]
                .first()
                .is_some_and(|&p| p < first)
            && (clause.start..first).any(|w| {
                cover[w] == Cover::Free
                    && roles
                        .at(w)
                        .is_some_and(|(e, r)| e < first && r.has(ContextRoles::EXISTS))
            });
        let org = if territorial {
            None
        } else {
            clause_org
                .or_else(|| {
                    // The nearest organisation before it in its sentence that is the subject of
                    // its own clause ("Công ty A ủng hộ 3.000 phần quà (giá trị 550 triệu
                    // đồng)").
                    org_in(sentence.start..first)
                        .iter()
                        .rfind(|o| !o.partner && o.end <= first && subject_of_clause(o))
                })
                .or_else(|| {
                    org_in(clause.clone())
                        .iter()
                        .find(|o| !o.partner && o.first >= end)
                })
                .or_else(|| {
                    // The organisation that opens the paragraph (its first clause).
                    let opening = seg.clause(para.start);
                    org_in(opening.start..opening.end.min(first))
                        .iter()
                        .find(|o| !o.partner)
                })
                .map(|o| (o.canonical.clone(), Mention::Norm(o.span.0, o.span.1)))
                .or_else(|| section_org.clone())
                .or_else(|| own.organization.clone())
        };
        let t_ok = |t: &&Time| !t.comparison && (t.end <= first || t.first >= end);
        // A sentence (or an item of a list) before it in its paragraph: the time its paragraph
        // opened with, else the latest one ("Năm 2024, … dư nợ đến ngày 31/12/2024 ….
        // Công ty A ủng hộ …": 2024).
        let item = seg.item(first);
        let earlier_in_para = || {
            let before = |t: &&Time| !t.comparison && t.end <= item.start;
            let earlier = time_in(para.start..item.start);
            earlier
                .iter()
                .filter(before)
                .find(|t| t.first < para_lead)
                .or_else(|| earlier.iter().rfind(before))
        };
        let before = |r: &std::ops::Range<usize>| {
            time_in(r.start..first)
                .iter()
                .rfind(|t| t_ok(t) && t.end <= first)
        };
        let after = |r: &std::ops::Range<usize>| {
            time_in(end..r.end.max(end))
                .iter()
                .find(|t| t_ok(t) && t.first >= end)
        };
        // After the figure only in its own clause: a date later in the sentence is another
        // clause's ("giải ngân 58,6 tỷ đồng, dư nợ đến ngày 31/12/2024 đạt 612 tỷ đồng").
        // Not over a ";": the items of a list each date themselves ("thu nhập đến năm 2030
        // tăng 31,6%; tỷ lệ hộ nghèo giảm 2,1%").
        let period = before(&clause)
            .or_else(|| before(&item))
            .or_else(|| after(&clause))
            .or_else(|| {
                // An item of a list: the time that leads its sentence ("Kết quả 6 tháng năm
                // 2024, tổng giá trị … ; thu nhập bình quân đạt …"), not one of another item.
                time_in(sentence.start..lead_end(sentence.start, first).min(item.start))
                    .iter()
                    .find(|t| t_ok(t) && t.end <= first)
            })
            .or_else(earlier_in_para)
            .map(|t| {
                (!t.from.is_empty()).then(|| {
                    (
                        t.from.clone(),
                        t.to.clone(),
                        Mention::Norm(t.span.0, t.span.1),
                    )
                })
            })
            .unwrap_or_else(|| section_period.clone().or_else(|| own.period.clone()));
        let earlier = last_label
            .filter(|&(s, _)| s >= sentence.start)
            .map(|(_, base)| metric::Earlier {
                full: &last_text,
                base: &last_text[..base],
            });
        let m = labeler.label(
            &c.fact,
            (first, end),
            clause.clone(),
            sentence.clone(),
            earlier,
        );
        if let Some(l) = &m {
            last_label = Some((first, l.base));
            last_text.clone_from(&l.text);
        }
        out[k] = Some(Raw {
            organization: org,
            period,
            metric: m.map(|l| (l.text, l.key, Mention::Norm(l.span.0, l.span.1))),
        });
    }
    (out, own)
}

/// The report's own organisation (the first in its title, else in its opening) and its
/// headline period (the first in its title, else in its opening, else its own date).
#[inline(never)]
fn read_headline(
    seg: &Segments,
    orgs: &[Org],
    times: &[Time],
    chosen: &[Cand],
    own_date: Option<&str>,
) -> Headline {
    let opening = seg.opening();
    let organization = orgs
        .iter()
        .find(|o| !o.partner && o.first < opening)
        .map(|o| (o.canonical.clone(), Mention::Norm(o.span.0, o.span.1)));
    // The report's own date (its dateline, "Cập nhật lúc …") is when it was written: the
    // headline period is one its title or lead states, that date only when they state none.
    let own_day = own_date.map(|d| (d.to_owned(), d.to_owned()));
    let period = times
        .iter()
        .find(|t| {
            !t.comparison
                && !t.from.is_empty()
                && t.first < opening
                && own_day.as_ref() != Some(&(t.from.clone(), t.to.clone()))
        })
        .map(|t| {
            (
                t.from.clone(),
                t.to.clone(),
                Mention::Norm(t.span.0, t.span.1),
            )
        })
        .or_else(|| {
            let day = own_date?;
            let c = chosen.iter().find(|c| {
                c.fact.kind == Kind::Date
                    && matches!(&c.fact.value, Some(Value::Date(v)) if v == day)
            })?;
            Some((
                day.to_owned(),
                day.to_owned(),
                Mention::Norm(c.start, c.end),
            ))
        });
    Headline {
        organization,
        period,
    }
}

/// Gives every figure of `chosen` its context, its mentions in chars of `input` (the text the
/// reading was made of, which starts `base_chars` chars into the whole input). Returns the
/// report's headline (in chars) for the windows after the first of a long document.
#[inline(never)] // a frame of its own in profiles (scripts/stages.py)
pub(crate) fn attach(
    input: &str,
    base_chars: usize,
    reading: &Reading,
    lex: &Lexicon,
    chosen: &mut [Cand],
    headline: Option<&Headline>,
    own_date: Option<&str>,
) -> Headline {
    let (mut raws, mut own) = read_contexts(reading, lex, chosen, headline, own_date);
    // Every mention's bytes mapped to the input once, then to chars in one forward walk.
    let mut points: Vec<usize> = Vec::new();
    let mut to_input = |m: &mut Mention| {
        if let Mention::Norm(s, e) = *m {
            let (s, e) = reading.norm.to_source(s, e);
            points.extend([s, e]);
            *m = Mention::Input(s, e);
        }
    };
    for r in raws.iter_mut().flatten() {
        r.organization.iter_mut().for_each(|o| to_input(&mut o.1));
        r.period.iter_mut().for_each(|p| to_input(&mut p.2));
        r.metric.iter_mut().for_each(|m| to_input(&mut m.2));
    }
    own.organization.iter_mut().for_each(|o| to_input(&mut o.1));
    own.period.iter_mut().for_each(|p| to_input(&mut p.2));
    points.sort_unstable();
    points.dedup();
    let mut chars_at = Vec::with_capacity(points.len());
    let (mut byte, mut chars) = (0usize, base_chars);
    for &p in &points {
        chars += input[byte..p].chars().count();
        byte = p;
        chars_at.push(chars);
    }
    let at = |b: usize| chars_at[points.partition_point(|&p| p < b)];
    // A mention's chars, and (for the organisation's and the period's) its text.
    let span_of = |m: &Mention| -> (usize, usize) {
        match m {
            Mention::Chars(s, e, _) => (*s, *e),
            Mention::Input(s, e) => (at(*s), at(*e)),
            Mention::Norm(..) => unreachable!("every mention was mapped to the input"),
        }
    };
    let to_chars = |m: Mention| -> (usize, usize, String) {
        let (start, end) = span_of(&m);
        let text = match m {
            Mention::Chars(_, _, t) => t,
            Mention::Input(s, e) => input[s..e].to_owned(),
            Mention::Norm(..) => unreachable!("every mention was mapped to the input"),
        };
        (start, end, text)
    };
    for (c, raw) in chosen.iter_mut().zip(raws) {
        let Some(raw) = raw else { continue };
        let organization = raw.organization.map(|(canonical, m)| {
            let (start, end, text) = to_chars(m);
            ContextOrganization {
                canonical,
                start,
                end,
                text,
            }
        });
        let period = raw.period.map(|(from, to, m)| {
            let (start, end, text) = to_chars(m);
            ContextPeriod {
                from,
                to,
                start,
                end,
                text,
            }
        });
        let metric = raw.metric.map(|(label, key, m)| {
            let (start, end) = span_of(&m);
            Metric {
                label,
                key,
                start,
                end,
            }
        });
        c.fact.context = Some(Box::new(Context {
            organization,
            period,
            metric,
        }));
    }
    let chars_of = |m: Mention| {
        let (s, e, t) = to_chars(m);
        Mention::Chars(s, e, t)
    };
    Headline {
        organization: own.organization.map(|(n, m)| (n, chars_of(m))),
        period: own.period.map(|(f, t, m)| (f, t, chars_of(m))),
    }
}

#[cfg(test)]
mod tests {
    use crate::{extract, Options};

    /// Runs `examples.tsv`: each text's figure gets the organisation, period and metric listed.
    #[test]
    fn examples() {
        let table = include_str!("examples.tsv");
        let mut year = None;
        let mut failures = Vec::new();
        let mut n = 0;
        for (i, line) in table.lines().enumerate() {
            if let Some(y) = line.strip_prefix("#! reference-year ") {
                year = y.trim().parse().ok();
                continue;
            }
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let c: Vec<&str> = line.split('\t').collect();
            assert_eq!(c.len(), 5, "examples.tsv:{}: 5 columns", i + 1);
            let text = c[0].replace("\\n", "\n");
            let options = Options {
                reference_year: year,
                ..Options::default()
            };
            let doc = extract(&text, &options);
            let Some(f) = doc
                .facts
                .iter()
                .find(|f| f.text == c[1] && f.context.is_some())
            else {
                failures.push(format!("examples.tsv:{}: no figure {:?}", i + 1, c[1]));
                continue;
            };
            n += 1;
            let ctx = f.context.as_deref().unwrap_or_else(|| unreachable!());
            let org = ctx
                .organization
                .as_ref()
                .map_or("-".to_owned(), |o| o.canonical.clone());
            let period = ctx
                .period
                .as_ref()
                .map_or("-".to_owned(), |p| format!("{}..{}", p.from, p.to));
            let metric = ctx
                .metric
                .as_ref()
                .map_or("-".to_owned(), |m| m.label.clone());
            let got = [org, period, metric];
            let want = [c[2], c[3], c[4]];
            if got.iter().zip(want).any(|(g, w)| g != w) {
                failures.push(format!(
                    "examples.tsv:{}: {:?}: got {got:?}, want {want:?}",
                    i + 1,
                    c[1]
                ));
            }
        }
        assert!(n >= 10, "the examples run");
        assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    }
}
