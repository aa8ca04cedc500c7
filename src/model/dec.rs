//! An exact decimal number: `mant × 10^exp`, so that "1,5 tỷ" is exactly 1 500 000 000 and
//! "0,29" times 100 is exactly 29, with no binary rounding.
//!
//! ```
//! use vnfacts::Dec;
//! let v = Dec::parse("1,5").unwrap().scale(9).unwrap();
//! assert_eq!(v.to_i64(), Some(1_500_000_000));
//! assert_eq!(serde_json::to_string(&Dec::parse("12,50").unwrap()).unwrap(), "12.5");
//! ```

use serde::{Serialize, Serializer};
use std::fmt;

/// Largest magnitude held: values at or above 10^18 are "too large to hold".
const LIMIT: i128 = 1_000_000_000_000_000_000;
/// Largest mantissa while computing (keeps every step exact and far from i128 overflow).
const MANT_LIMIT: i128 = 10i128.pow(30);

/// An exact decimal value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dec {
    mant: i128,
    exp: i32,
}

impl Dec {
    /// Zero.
    pub const ZERO: Dec = Dec { mant: 0, exp: 0 };

    /// An integer.
    pub fn int(n: i64) -> Dec {
        Dec {
            mant: n as i128,
            exp: 0,
        }
    }

    /// `mant × 10^exp`, or `None` when out of range.
    pub fn new(mant: i128, exp: i32) -> Option<Dec> {
        Dec { mant, exp }.norm()
    }

    /// Reads digits with an optional decimal comma ("12", "1,5", "0,77").
    pub fn parse(s: &str) -> Option<Dec> {
        let (int, frac) = s.split_once(',').unwrap_or((s, ""));
        if int.is_empty() && frac.is_empty() {
            return None;
        }
        let mut mant: i128 = 0;
        for b in int.bytes().chain(frac.bytes()) {
            if !b.is_ascii_digit() {
                return None;
            }
            mant = mant.checked_mul(10)?.checked_add((b - b'0') as i128)?;
            if mant > MANT_LIMIT {
                return None;
            }
        }
        Dec::new(mant, -(frac.len() as i32))
    }

    fn norm(mut self) -> Option<Dec> {
        if self.mant == 0 {
            return Some(Dec::ZERO);
        }
        while self.exp < 0 && self.mant % 10 == 0 {
            self.mant /= 10;
            self.exp += 1;
        }
        while self.exp > 0 {
            self.mant = self.mant.checked_mul(10)?;
            self.exp -= 1;
            if self.mant.abs() > MANT_LIMIT {
                return None;
            }
        }
        if self.mant.abs() > MANT_LIMIT || self.exp < -30 {
            return None;
        }
        Some(self)
    }

    /// Times 10^e.
    pub fn scale(self, e: i32) -> Option<Dec> {
        Dec {
            mant: self.mant,
            exp: self.exp + e,
        }
        .norm()
    }

    /// Sum.
    pub fn checked_add(self, o: Dec) -> Option<Dec> {
        let exp = self.exp.min(o.exp);
        let a = self
            .mant
            .checked_mul(10i128.checked_pow((self.exp - exp) as u32)?)?;
        let b = o
            .mant
            .checked_mul(10i128.checked_pow((o.exp - exp) as u32)?)?;
        Dec {
            mant: a.checked_add(b)?,
            exp,
        }
        .norm()
    }

    /// Product.
    pub fn checked_mul(self, o: Dec) -> Option<Dec> {
        Dec {
            mant: self.mant.checked_mul(o.mant)?,
            exp: self.exp + o.exp,
        }
        .norm()
    }

    /// Minus this.
    pub fn negate(self) -> Dec {
        Dec {
            mant: -self.mant,
            exp: self.exp,
        }
    }

    /// True when no fraction.
    pub fn is_integer(self) -> bool {
        self.exp >= 0
    }

    /// True when the value is too large to report (|v| ≥ 10^18).
    pub fn too_large(self) -> bool {
        self.exp >= 0 && self.mant.abs() >= LIMIT
    }

    /// The value as an integer, when it is one and fits.
    pub fn to_i64(self) -> Option<i64> {
        if self.exp == 0 {
            i64::try_from(self.mant).ok()
        } else {
            None
        }
    }

    /// The value as a float when the float's shortest decimal is this value's digits (so that
    /// writing the float writes this value); `None` when a float would round it
    /// ("12345678901234,5678").
    pub fn exact_f64(self) -> Option<f64> {
        let f = self.to_f64();
        (f.is_finite() && f.to_string() == self.to_string()).then_some(f)
    }

    /// The value as a float (nearest).
    pub fn to_f64(self) -> f64 {
        if self.exp >= 0 {
            self.mant as f64
        } else {
            // Through the decimal string: exact parse, correctly rounded.
            self.to_string().parse().unwrap_or(f64::NAN)
        }
    }
}

impl fmt::Display for Dec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.exp >= 0 {
            return write!(f, "{}", self.mant);
        }
        let digits = self.mant.unsigned_abs().to_string();
        let scale = (-self.exp) as usize;
        let sign = if self.mant < 0 { "-" } else { "" };
        if digits.len() > scale {
            let (i, fr) = digits.split_at(digits.len() - scale);
            write!(f, "{sign}{i}.{fr}")
        } else {
            write!(f, "{sign}0.{}{}", "0".repeat(scale - digits.len()), digits)
        }
    }
}

impl Serialize for Dec {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if let Some(i) = self.to_i64() {
            return s.serialize_i64(i);
        }
        // A float when JSON writes it as these very digits ("86.5"); else the digits themselves
        // as a raw JSON number ("12345678901234.5678", "0.000000001", never 1e-9 or a rounded
        // value).
        let f = self.to_f64();
        let exact = self.to_string();
        if serde_json::to_string(&f).is_ok_and(|j| j == exact) {
            return s.serialize_f64(f);
        }
        match serde_json::value::RawValue::from_string(exact) {
            Ok(raw) => raw.serialize(s),
            Err(_) => s.serialize_f64(f),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arithmetic_is_exact() {
        let a = Dec::parse("3,2").unwrap().scale(6).unwrap();
        assert_eq!(a.to_i64(), Some(3_200_000));
        let b = Dec::parse("0,29").unwrap().scale(2).unwrap();
        assert_eq!(b.to_i64(), Some(29));
        let c = Dec::int(2)
            .checked_add(Dec::parse("0,23").unwrap())
            .unwrap();
        assert_eq!(c.to_string(), "2.23");
        assert_eq!(c.to_f64(), 2.23);
        assert_eq!(Dec::parse("0,05").unwrap().to_string(), "0.05");
    }

    #[test]
    fn json_writes_the_exact_digits() {
        for (text, json) in [
            ("12345678901234,5678", "12345678901234.5678"),
            ("0,000000001", "0.000000001"),
            ("86,5", "86.5"),
            ("0,29", "0.29"),
            ("15500000", "15500000"),
        ] {
            let d = Dec::parse(text).unwrap();
            assert_eq!(serde_json::to_string(&d).unwrap(), json, "{text}");
            let v: serde_json::Value = serde_json::to_value(d).unwrap();
            assert!(v.is_number(), "{text}");
        }
        assert_eq!(Dec::parse("86,5").unwrap().exact_f64(), Some(86.5));
        assert_eq!(Dec::parse("12345678901234,5678").unwrap().exact_f64(), None);
    }

    #[test]
    fn too_large_is_flagged_not_wrapped() {
        assert!(Dec::int(1).scale(18).unwrap().too_large());
        assert!(!Dec::int(999).scale(15).unwrap().too_large());
        assert_eq!(Dec::int(1).scale(40), None);
        assert_eq!(Dec::parse(&"9".repeat(100)), None);
    }
}
