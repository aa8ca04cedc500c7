#![allow(clippy::excessive_precision)]
//! The Vietnamese lunar calendar (âm lịch), computed from astronomy at UTC+7.
//!
//! ```
//! use vnfacts::time::lunar_to_solar;
//! // Tết Giáp Thìn: the first day of the first month of 2024.
//! assert_eq!(lunar_to_solar(2024, 1, 1, false).unwrap().iso(), "2024-02-10");
//! // 1985: Vietnam's Tết came a month before China's (the calendars part in some years).
//! assert_eq!(lunar_to_solar(1985, 1, 1, false).unwrap().iso(), "1985-01-21");
//! ```
//!
//! A lunar month starts on the day, at UTC+7, of a new moon. Month 11 is the month that holds
//! the winter solstice. When 13 months lie between two months 11, the first of them with no
//! major solar term (the sun's longitude crossing a multiple of 30°) is a leap month and repeats
//! the number of the month before it. New moons follow Meeus, *Astronomical Algorithms*, ch. 49
//! (with ΔT from the Espenak–Meeus polynomials), the sun's longitude ch. 25. The results are
//! tested against every month start of 1980–2050 computed from true new moons and solar terms
//! (`tests/data/lunar_months.tsv`).

use super::calendar::Date;
use std::sync::OnceLock;

const TZ_HOURS: f64 = 7.0;
/// Julian day of 1970-01-01 00:00 UT.
const JD_EPOCH: f64 = 2440587.5;

fn sin_deg(x: f64) -> f64 {
    x.to_radians().sin()
}

/// ΔT = TT − UT in seconds, for a decimal year (Espenak & Meeus polynomials, 1900–2150).
fn delta_t(y: f64) -> f64 {
    if y < 1920.0 {
        let t = y - 1900.0;
        -2.79 + 1.494119 * t - 0.0598939 * t * t + 0.0061966 * t.powi(3) - 0.000197 * t.powi(4)
    } else if y < 1941.0 {
        let t = y - 1920.0;
        21.20 + 0.84493 * t - 0.076100 * t * t + 0.0020936 * t.powi(3)
    } else if y < 1961.0 {
        let t = y - 1950.0;
        29.07 + 0.407 * t - t * t / 233.0 + t.powi(3) / 2547.0
    } else if y < 1986.0 {
        let t = y - 1975.0;
        45.45 + 1.067 * t - t * t / 260.0 - t.powi(3) / 718.0
    } else if y < 2005.0 {
        let t = y - 2000.0;
        63.86 + 0.3345 * t - 0.060374 * t * t
            + 0.0017275 * t.powi(3)
            + 0.000651814 * t.powi(4)
            + 0.00002373599 * t.powi(5)
    } else if y < 2050.0 {
        let t = y - 2000.0;
        62.92 + 0.32217 * t + 0.005589 * t * t
    } else {
        let u = (y - 1820.0) / 100.0;
        -20.0 + 32.0 * u * u - 0.5628 * (2150.0 - y)
    }
}

/// Julian Ephemeris Day of the new moon of lunation `k` (k = 0 near 2000-01-06).
fn new_moon_jde(k: i64) -> f64 {
    let k = k as f64;
    let t = k / 1236.85;
    let (t2, t3, t4) = (t * t, t * t * t, t * t * t * t);
    let jde =
        2451550.09766 + 29.530588861 * k + 0.00015437 * t2 - 0.000000150 * t3 + 0.00000000073 * t4;
    let e = 1.0 - 0.002516 * t - 0.0000074 * t2;
    let m = 2.5534 + 29.10535670 * k - 0.0000014 * t2 - 0.00000011 * t3;
    let mp = 201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4;
    let f = 160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4;
    let om = 124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3;
    let corr = -0.40720 * sin_deg(mp)
        + 0.17241 * e * sin_deg(m)
        + 0.01608 * sin_deg(2.0 * mp)
        + 0.01039 * sin_deg(2.0 * f)
        + 0.00739 * e * sin_deg(mp - m)
        - 0.00514 * e * sin_deg(mp + m)
        + 0.00208 * e * e * sin_deg(2.0 * m)
        - 0.00111 * sin_deg(mp - 2.0 * f)
        - 0.00057 * sin_deg(mp + 2.0 * f)
        + 0.00056 * e * sin_deg(2.0 * mp + m)
        - 0.00042 * sin_deg(3.0 * mp)
        + 0.00042 * e * sin_deg(m + 2.0 * f)
        + 0.00038 * e * sin_deg(m - 2.0 * f)
        - 0.00024 * e * sin_deg(2.0 * mp - m)
        - 0.00017 * sin_deg(om)
        - 0.00007 * sin_deg(mp + 2.0 * m)
        + 0.00004 * sin_deg(2.0 * mp - 2.0 * f)
        + 0.00004 * sin_deg(3.0 * m)
        + 0.00003 * sin_deg(mp + m - 2.0 * f)
        + 0.00003 * sin_deg(2.0 * mp + 2.0 * f)
        - 0.00003 * sin_deg(mp + m + 2.0 * f)
        + 0.00003 * sin_deg(mp - m + 2.0 * f)
        - 0.00002 * sin_deg(mp - m - 2.0 * f)
        - 0.00002 * sin_deg(3.0 * mp + m)
        + 0.00002 * sin_deg(4.0 * mp);
    // Planetary arguments.
    let planetary: [(f64, f64, f64); 14] = [
        (299.77, 0.107408, 0.000325),
        (251.88, 0.016321, 0.000165),
        (251.83, 26.651886, 0.000164),
        (349.42, 36.412478, 0.000126),
        (84.66, 18.206239, 0.000110),
        (141.74, 53.303771, 0.000062),
        (207.14, 2.453732, 0.000060),
        (154.84, 7.306860, 0.000056),
        (34.52, 27.261239, 0.000047),
        (207.19, 0.121824, 0.000042),
        (291.34, 1.844379, 0.000040),
        (161.72, 24.198154, 0.000037),
        (239.56, 25.513099, 0.000035),
        (331.55, 3.592518, 0.000023),
    ];
    let mut extra = 0.0;
    for (i, (a0, a1, coef)) in planetary.iter().enumerate() {
        let mut a = a0 + a1 * k;
        if i == 0 {
            a -= 0.009173 * t2;
        }
        extra += coef * sin_deg(a);
    }
    jde + corr + extra
}

/// The local day (days since 1970-01-01, at UTC+7) of the new moon of lunation `k`.
fn new_moon_day(k: i64) -> i64 {
    let jde = new_moon_jde(k);
    let year = 2000.0 + (jde - 2451545.0) / 365.25;
    let jd_ut = jde - delta_t(year) / 86400.0;
    (jd_ut + TZ_HOURS / 24.0 - JD_EPOCH).floor() as i64
}

/// The sun's apparent longitude, degrees in [0, 360), at Julian day `jd`.
fn sun_longitude(jd: f64) -> f64 {
    let t = (jd - 2451545.0) / 36525.0;
    let l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
    let m = 357.52911 + 35999.05029 * t - 0.0001537 * t * t;
    let c = (1.914602 - 0.004817 * t - 0.000014 * t * t) * sin_deg(m)
        + (0.019993 - 0.000101 * t) * sin_deg(2.0 * m)
        + 0.000289 * sin_deg(3.0 * m);
    let om = 125.04 - 1934.136 * t;
    (l0 + c - 0.00569 - 0.00478 * sin_deg(om)).rem_euclid(360.0)
}

/// Which 30° sector the sun is in at the start (local midnight) of local day `day`.
fn sector(day: i64) -> i64 {
    let jd = day as f64 + JD_EPOCH - TZ_HOURS / 24.0;
    (sun_longitude(jd) / 30.0).floor() as i64
}

/// The lunation that starts lunar month 11 of year `y` (the month holding the winter solstice).
fn month11(y: i32) -> i64 {
    let dec31 = Date {
        year: y,
        month: 12,
        day: 31,
    }
    .days();
    let mut k = ((dec31 as f64 + JD_EPOCH - 2451550.09766) / 29.530588861).floor() as i64;
    while new_moon_day(k) > dec31 {
        k -= 1;
    }
    while new_moon_day(k + 1) <= dec31 {
        k += 1;
    }
    if sector(new_moon_day(k)) >= 9 {
        k -= 1;
    }
    k
}

/// The months from month 11 of `y - 1` to month 11 of `y`: the first lunation, how many
/// months, the index of the leap month among them (if any), and the local day each month
/// starts (`starts[i]` for lunation `first + i`, one more than the months, so that the last
/// month has an end).
#[derive(Debug, Clone, Copy)]
struct Cycle {
    first: i64,
    months: i64,
    leap_at: Option<i64>,
    starts: [i64; 14],
}

impl Cycle {
    /// The local day lunation `first + i` starts, `i` within the cycle (0..=months).
    fn start(&self, i: i64) -> i64 {
        match usize::try_from(i).ok().and_then(|i| self.starts.get(i)) {
            Some(&d) if i <= self.months => d,
            _ => new_moon_day(self.first + i),
        }
    }
}

/// The years whose cycle is computed once and kept: the range lunar dates are read in.
const FIRST_YEAR: i32 = 1799;
const LAST_YEAR: i32 = 2201;
static CYCLES: [OnceLock<Cycle>; (LAST_YEAR - FIRST_YEAR + 1) as usize] =
    [const { OnceLock::new() }; (LAST_YEAR - FIRST_YEAR + 1) as usize];

/// The cycle of year `y`, computed once per process for the years of [`CYCLES`]: each costs
/// some forty new moons and solar longitudes, and a report names the same few years again
/// and again.
fn cycle(y: i32) -> Cycle {
    match usize::try_from(y - FIRST_YEAR)
        .ok()
        .and_then(|i| CYCLES.get(i))
    {
        Some(cell) => *cell.get_or_init(|| compute_cycle(y)),
        None => compute_cycle(y),
    }
}

fn compute_cycle(y: i32) -> Cycle {
    let a = month11(y - 1);
    let b = month11(y);
    let n = b - a;
    let mut starts = [0; 14];
    for (i, s) in starts
        .iter_mut()
        .enumerate()
        .take((n + 1).clamp(0, 14) as usize)
    {
        *s = new_moon_day(a + i as i64);
    }
    let c = Cycle {
        first: a,
        months: n,
        leap_at: None,
        starts,
    };
    let leap = (n == 13)
        .then(|| (1..=12).find(|&i| sector(c.start(i)) == sector(c.start(i + 1))))
        .flatten();
    Cycle { leap_at: leap, ..c }
}

/// The solar date of lunar day `day` of month `month` (1–12, `leap` for the leap month) of
/// lunar year `year`; `None` when that day does not exist (day 30 of a short month, a leap
/// month the year does not have).
pub fn lunar_to_solar(year: i32, month: u32, day: u32, leap: bool) -> Option<Date> {
    if !(1..=12).contains(&month) || !(1..=30).contains(&day) || !(1800..=2199).contains(&year) {
        return None;
    }
    // Months 11 and 12 of a lunar year fall in the cycle that ends with month 11 of the next.
    let (cycle_year, offset) = if month >= 11 {
        (year + 1, month as i64 - 11)
    } else {
        (year, month as i64 + 1)
    };
    let c = cycle(cycle_year);
    let index = match (leap, c.leap_at) {
        (false, Some(l)) if offset >= l => offset + 1,
        (false, _) => offset,
        (true, Some(l)) if offset + 1 == l => l,
        (true, _) => return None,
    };
    let start = c.start(index);
    let len = c.start(index + 1) - start;
    (day as i64 <= len).then(|| Date::from_days(start + day as i64 - 1))
}

/// The lunar date of a solar date: (year, month, day, leap).
pub fn solar_to_lunar(date: Date) -> (i32, u32, u32, bool) {
    let d = date.days();
    let mut y = date.year;
    // The cycle that holds d: month 11 of y - 1 ≤ d < month 11 of y, else the next one.
    if cycle(y + 1).start(0) <= d {
        y += 1;
    }
    let c = cycle(y);
    let mut i = ((d - c.start(0)) as f64 / 29.53).floor() as i64;
    while c.start(i) > d {
        i -= 1;
    }
    while c.start(i + 1) <= d {
        i += 1;
    }
    let day = (d - c.start(i) + 1) as u32;
    let (offset, leap) = match c.leap_at {
        Some(l) if i == l => (i - 1, true),
        Some(l) if i > l => (i - 1, false),
        _ => (i, false),
    };
    let (month, year) = if offset < 2 {
        (offset as u32 + 11, y - 1)
    } else {
        (offset as u32 - 1, y)
    };
    (year, month, day, leap)
}
