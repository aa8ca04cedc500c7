//! Time: the civil calendar, Vietnam's lunar calendar, and the completion of times the text
//! gives only in part (a missing year, a date relative to the document's own).
//!
//! ```
//! use vnfacts::time::{lunar_to_solar, Date};
//! let tet = lunar_to_solar(2024, 1, 1, false).unwrap();
//! assert_eq!(tet, Date::new(2024, 2, 10).unwrap());
//! assert_eq!(tet.weekday(), 5); // a Saturday (Monday is 0)
//! ```

pub(crate) mod calendar;
pub(crate) mod lunar;
pub(crate) mod pending;

pub use calendar::{days_in_month, is_leap, Date};
pub use lunar::{lunar_to_solar, solar_to_lunar};
