//! Civil (proleptic Gregorian) dates: day counts, weekdays, month arithmetic, ISO text.
//!
//! ```
//! use vnfacts::time::Date;
//! let d = Date::new(2024, 2, 28).unwrap();
//! assert_eq!(d.add_days(2).iso(), "2024-03-01");
//! assert_eq!(d.weekday(), 2); // Monday is 0: 2024-02-28 was a Wednesday
//! assert_eq!(Date::new(2023, 2, 29), None);
//! ```

use std::fmt;

/// A day of the civil calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year.
    pub year: i32,
    /// Month, 1–12.
    pub month: u32,
    /// Day, 1–31.
    pub day: u32,
}

/// Is `y` a leap year?
pub fn is_leap(y: i32) -> bool {
    y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
}

/// Days in month `m` of year `y` (February has 29 when the year is unknown).
pub fn days_in_month(y: Option<i32>, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 => match y {
            Some(y) if !is_leap(y) => 28,
            _ => 29,
        },
        _ => 0,
    }
}

impl Date {
    /// A date, if it exists.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(Some(year), month))
            .then_some(Date { year, month, day })
    }

    /// Days since 1970-01-01.
    pub fn days(self) -> i64 {
        // Count in 400-year eras that start on 1 March, so that the leap day ends a year.
        let y = self.year as i64 - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = self.month as i64;
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + self.day as i64 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01.
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// `n` days later (earlier when negative).
    pub fn add_days(self, n: i64) -> Date {
        Date::from_days(self.days() + n)
    }

    /// Day of the week, Monday 0 … Sunday 6.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (3).
        (self.days() + 3).rem_euclid(7) as u32
    }

    /// The Monday of this date's week.
    pub fn monday(self) -> Date {
        self.add_days(-(self.weekday() as i64))
    }

    /// The first day of the month `n` months later, with its year.
    pub fn month_start(year: i32, month: u32, n: i64) -> Date {
        let idx = year as i64 * 12 + (month as i64 - 1) + n;
        Date {
            year: idx.div_euclid(12) as i32,
            month: idx.rem_euclid(12) as u32 + 1,
            day: 1,
        }
    }

    /// The last day of this date's month.
    pub fn month_end(self) -> Date {
        Date {
            day: days_in_month(Some(self.year), self.month),
            ..self
        }
    }

    /// `YYYY-MM-DD`.
    pub fn iso(self) -> String {
        self.to_string()
    }

    /// `YYYY-MM`.
    pub fn iso_month(self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl std::str::FromStr for Date {
    type Err = crate::Error;
    /// Reads `YYYY-MM-DD`.
    fn from_str(s: &str) -> Result<Date, crate::Error> {
        let bad = || {
            crate::Error::new(
                crate::ErrorKind::InvalidInput,
                format!("{s:?} is not a date; write it as YYYY-MM-DD, e.g. 2024-07-08"),
            )
        };
        let mut it = s.trim().splitn(3, '-');
        let (Some(y), Some(m), Some(d)) = (it.next(), it.next(), it.next()) else {
            return Err(bad());
        };
        let (y, m, d) = (
            y.parse().map_err(|_| bad())?,
            m.parse().map_err(|_| bad())?,
            d.parse().map_err(|_| bad())?,
        );
        Date::new(y, m, d).ok_or_else(bad)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_counts_round_trip() {
        assert_eq!(Date::new(1970, 1, 1).unwrap().days(), 0);
        assert_eq!(Date::new(2000, 3, 1).unwrap().days(), 11_017);
        for n in (-800_000..800_000).step_by(997) {
            assert_eq!(Date::from_days(n).days(), n);
        }
        assert_eq!(Date::new(2017, 2, 2).unwrap().weekday(), 3);
        assert_eq!(Date::new(2017, 2, 2).unwrap().monday().iso(), "2017-01-30");
        assert_eq!(Date::month_start(2017, 2, -2).iso(), "2016-12-01");
        assert_eq!(Date::month_start(2017, 11, 3).iso(), "2018-02-01");
        assert_eq!("2024-02-29".parse::<Date>().unwrap().month_end().day, 29);
        assert!("2023-02-29".parse::<Date>().is_err());
    }
}
