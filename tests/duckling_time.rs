//! The Time examples of Duckling's Vietnamese corpus (`../shared/peers/duckling-vi/time.json`)
//! that resolve to a day, a week, a month, a quarter, a year or a span of them, run through
//! `extract` with Duckling's reference time (Thursday 2017-02-02) as the document's date.
//! Prints the pass rate and the failures; fails below 90%. Ignored when `../shared` is absent.
//!
//! An example passes when exactly one date or period fact covers the whole text with
//! Duckling's value: a day, month or year is a `date` at that precision; a week, a quarter and
//! every interval is a `period` with inclusive bounds (Duckling's `to` is exclusive). A span
//! counted back or forward from the document's date ("3 tháng tới", "2 ngày vừa qua") is a
//! `duration` over the amount ("3 tháng") whose `from` and `to` give the interval: with the
//! direction word after it, it stands for Duckling's interval.
mod common;
use common::shared;

use serde_json::Value as Json;
use vnfacts::time::Date;
use vnfacts::{extract, Kind, Options, Value};

fn load(name: &str) -> Option<Vec<Json>> {
    let p = shared("peers/duckling-vi").join(name);
    serde_json::from_str(&std::fs::read_to_string(p).ok()?).ok()
}

const GRAINS: &[&str] = &["day", "week", "month", "quarter", "year"];

/// Examples we decided not to follow (README explains why): a bare "thứ hai" / "thứ 2" is as
/// often "second" (lần thứ hai, giải thứ 2) as Monday in reports; with an anchor ("thứ 2 tới",
/// "thứ hai tuần sau", "thứ 2 ngày 6/2") it is read.
const DECLINED: &[&str] = &["thứ 2", "thứ hai", "thứ 3", "thứ ba"];

/// What vnfacts should say: a date (value, precision) or a period (from, to).
#[derive(Debug, PartialEq)]
enum Want {
    Date(String),
    Period(String, String),
}

fn day(iso: &str) -> Date {
    iso[..10].parse().unwrap()
}

fn want(e: &Json) -> Option<Want> {
    let grain = e["grain"].as_str()?;
    if !GRAINS.contains(&grain) {
        return None;
    }
    if e["type"] == "value" {
        let d = day(e["value"].as_str()?);
        return Some(match grain {
            "day" => Want::Date(d.iso()),
            "month" => Want::Date(d.iso_month()),
            "year" => Want::Date(format!("{:04}", d.year)),
            "week" => Want::Period(d.iso(), d.add_days(6).iso()),
            _ => Want::Period(
                d.iso(),
                Date::month_start(d.year, d.month, 3).add_days(-1).iso(),
            ),
        });
    }
    let (from, to) = (day(e["from"].as_str()?), day(e["to"].as_str()?));
    Some(match grain {
        "month" => Want::Period(
            from.iso_month(),
            Date::month_start(to.year, to.month, -1).iso_month(),
        ),
        "year" => Want::Period(format!("{:04}", from.year), format!("{:04}", to.year - 1)),
        _ => Want::Period(from.iso(), to.add_days(-1).iso()),
    })
}

#[test]
#[cfg_attr(not(shared), ignore = "needs ../shared")]
fn duckling_time() {
    let examples = load("time.json").expect("../shared/peers/duckling-vi is there");
    let negative = load("time_negative.json").expect("../shared/peers/duckling-vi is there");
    let options = Options {
        document_date: Date::new(2017, 2, 2),
        ..Options::default()
    };
    let (mut passed, mut total, mut declined) = (0, 0, 0);
    let mut failed = Vec::new();
    for ex in &examples {
        let Some(w) = want(&ex["expected"]) else {
            continue;
        };
        total += 1;
        let text = ex["text"].as_str().unwrap();
        let doc = extract(text, &options);
        let found: Vec<_> = doc
            .facts
            .iter()
            .filter(|f| {
                matches!(f.kind, Kind::Date | Kind::Period)
                    || (f.kind == Kind::Duration && f.from.is_some())
            })
            .collect();
        let got = match found.as_slice() {
            [f] if f.text == text || (f.kind == Kind::Duration && f.start == 0) => match f.kind {
                Kind::Date => match &f.value {
                    Some(Value::Date(v)) => Some(Want::Date(v.clone())),
                    _ => None,
                },
                _ => Some(Want::Period(
                    f.from.clone().unwrap_or_default(),
                    f.to.clone().unwrap_or_default(),
                )),
            },
            _ => None,
        };
        if got.as_ref() == Some(&w) {
            passed += 1;
        } else if DECLINED.contains(&text) {
            declined += 1;
        } else {
            let seen: Vec<String> = found
                .iter()
                .map(|f| serde_json::to_string(f).unwrap())
                .collect();
            failed.push(format!("{text:?}: want {w:?}, got {}", seen.join(" ")));
        }
    }
    for ex in &negative {
        total += 1;
        let text = ex["text"].as_str().unwrap();
        let doc = extract(text, &options);
        if doc
            .facts
            .iter()
            .any(|f| matches!(f.kind, Kind::Date | Kind::Period))
        {
            failed.push(format!("{text:?}: want no date"));
        } else {
            passed += 1;
        }
    }
    let rate = 100.0 * passed as f64 / total as f64;
    println!(
        "duckling-vi Time (day, week, month, quarter, year): {passed}/{total} passed ({rate:.1}%), {declined} declined, {} failed",
        failed.len()
    );
    for f in &failed {
        println!("  failed: {f}");
    }
    assert!(rate >= 90.0, "pass rate {rate:.1}% is below 90%");
}
