//! Counts: a figure and the noun it counts ("20 hội viên mới", "2.232 lượt người",
//! "hơn 800 giáo viên", "hai thôn", "từ 20 đến 25 con bò"), and the noun before the figure
//! ("tổng số hội viên là 245"). The nouns are in `data/count_units.txt`.

use super::{prio, quantities, quantity_cand, word_before, word_is, Cand, Core, Ctx};
use crate::fact::{Fact, Kind, Qualifier, Value};
use crate::lexicon::{function_words, COUNT_UNITS};

/// The counted noun right after figure `i`, as its core.
pub fn unit_after(ctx: &Ctx, i: usize) -> Option<(usize, usize)> {
    let f = &ctx.figs[i];
    if ctx.text.as_bytes().get(f.end) != Some(&b' ') {
        return None;
    }
    let (mut e, _) = COUNT_UNITS.match_after(ctx.text, f.end + 1)?;
    // "lượt" + any counted noun: "2.310 lượt trẻ em", "350 lượt đoàn viên".
    if ctx.text[f.end + 1..e].to_lowercase() == "lượt" && ctx.text.as_bytes().get(e) == Some(&b' ')
    {
        if let Some((e2, _)) = COUNT_UNITS.match_after(ctx.text, e + 1) {
            e = e2;
        }
    }
    Some((f.end + 1, e))
}

fn core(ctx: &Ctx, i: usize) -> Option<Core<String>> {
    let f = &ctx.figs[i];
    // "năm" alone is far more often "year" than "five", and "một" + noun ("một chiếc xe",
    // "một số") is an article more often than a count.
    if f.single_word
        && matches!(
            ctx.text[f.start..f.end].to_lowercase().as_str(),
            "năm" | "một"
        )
    {
        return None;
    }
    if !f.value.is_integer() && f.scale == 0 {
        return None;
    }
    let (us, ue) = unit_after(ctx, i)?;
    Some(Core {
        start: f.start,
        end: ue,
        unit: folded(&ctx.text[us..ue]),
        value: None,
        implied: false,
    })
}

fn folded(unit: &str) -> String {
    unit.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A counted noun with its abbreviations spelled out ("thẻ BHYT" → "thẻ bảo hiểm y tế"), when
/// it has any.
fn spelled_out(unit: &str) -> Option<String> {
    let mut any = false;
    let words: Vec<String> = unit
        .split(' ')
        .map(|w| match crate::lexicon::expand_abbreviation(w) {
            Some(full) if w.chars().all(|c| !c.is_lowercase()) => {
                any = true;
                full.to_lowercase()
            }
            _ => w.to_owned(),
        })
        .collect();
    any.then(|| words.join(" "))
}

/// "tổng số hội viên là 245": the noun before the figure.
fn noun_before(ctx: &Ctx, i: usize, out: &mut Vec<Cand>) {
    let text = ctx.text;
    let f = &ctx.figs[i];
    if !f.value.is_integer() || unit_after(ctx, i).is_some() {
        return;
    }
    // Where the noun ends: before ": ", before "là" / "đạt" / "có" / "gồm", or one space back.
    let p = f.start;
    let noun_end = if text[..p].ends_with(": ") {
        p - 2
    } else {
        match word_before(text, p) {
            Some(w) if word_is(text, Some(w), function_words("linking")) => match w.0 {
                0 => return,
                s => s - 1,
            },
            _ => match p {
                0 => return,
                p => p - 1,
            },
        }
    };
    if noun_end == 0 || !text.is_char_boundary(noun_end) {
        return;
    }
    let Some((us, _)) = COUNT_UNITS.match_before(text, noun_end) else {
        return;
    };
    let so = word_before(text, us);
    if !word_is(text, so, &["số"]) {
        return;
    }
    let mut start = so.unwrap().0;
    let tong = word_before(text, start);
    if word_is(text, tong, &["tổng"]) {
        start = tong.unwrap().0;
    }
    let mut fact = Fact::new(Kind::Count);
    fact.value = Some(Value::Number(f.value));
    fact.unit = Some(folded(&text[us..noun_end]));
    fact.qualifier = Some(Qualifier::Exact);
    let mut c = Cand::new(start, f.end, prio::QUANTITY, fact);
    c.overflow = f.overflow;
    out.push(c);
}

/// Proposes the counts of the text.
pub fn recognize(ctx: &Ctx, out: &mut Vec<Cand>) {
    for q in quantities(ctx, core) {
        out.push(quantity_cand(&q, Kind::Count, prio::QUANTITY, |f| {
            f.unit_full = spelled_out(&q.unit);
            f.unit = Some(q.unit.clone());
        }));
    }
    for i in 0..ctx.figs.len() {
        if ctx.usable(i) {
            noun_before(ctx, i, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::check_table;
    use crate::fact::Kind;

    const EXAMPLES: &[(&str, &[(&str, &str)])] = &[
        (
            "kết nạp thêm 20 hội viên mới.",
            &[("20 hội viên mới", r#"{"value":20,"unit":"hội viên mới"}"#)],
        ),
        (
            "với 2.232 lượt người tham gia",
            &[(
                "2.232 lượt người",
                r#"{"value":2232,"unit":"lượt người","qualifier":"exact"}"#,
            )],
        ),
        (
            "với hơn 800 giáo viên",
            &[("hơn 800 giáo viên", r#"{"value":800,"qualifier":"over"}"#)],
        ),
        (
            "mới 6 thẻ BHYT, 26\nngười tham gia",
            &[
                ("6 thẻ BHYT", r#"{"value":6,"unit":"thẻ BHYT"}"#),
                ("26\nngười", r#"{"value":26,"unit":"người"}"#),
            ],
        ),
        (
            "có hai thôn và ba hộ",
            &[
                ("hai thôn", r#"{"value":2,"unit":"thôn"}"#),
                ("ba hộ", r#"{"value":3,"unit":"hộ"}"#),
            ],
        ),
        (
            "nuôi từ 20 đến 25 con bò",
            &[(
                "từ 20 đến 25 con bò",
                r#"{"min":20,"max":25,"unit":"con bò"}"#,
            )],
        ),
        (
            "khoảng 30 - 40 con",
            &[(
                "khoảng 30 - 40 con",
                r#"{"min":30,"max":40,"qualifier":"about"}"#,
            )],
        ),
        (
            "tổng số hội viên là 245.",
            &[(
                "tổng số hội viên là 245",
                r#"{"value":245,"unit":"hội viên"}"#,
            )],
        ),
        (
            "số đảng viên: 38,",
            &[("số đảng viên: 38", r#"{"value":38,"unit":"đảng viên"}"#)],
        ),
        (
            "ít nhất 15 hộ nghèo",
            &[(
                "ít nhất 15 hộ nghèo",
                r#"{"value":15,"unit":"hộ nghèo","qualifier":"at_least"}"#,
            )],
        ),
        (
            "tổng 1.250 hội viên",
            &[("1.250 hội viên", r#"{"value":1250}"#)],
        ),
        // Not counts: names, document numbers, ordinals, slogans, money, dates.
        ("tại chi hội Liên Mậu 3, Liên Sơn", &[]),
        ("Chỉ thị 05 của Bộ chính trị", &[]),
        ("đại hội lần thứ 3 hội viên", &[]),
        ("mô hình 5 không, 3 sạch", &[]),
        ("trong năm hội viên", &[]),
        ("kinh phí 3 triệu đồng", &[]),
    ];

    #[test]
    fn examples() {
        check_table(Kind::Count, EXAMPLES);
    }
}
