//! The one parser of the word-list files in `data/`: one entry a line, columns separated by a
//! tab, `#` starts a comment line, blank lines are skipped. Every mistake is an error that names
//! FILE:LINE, shows the line and says what to write instead.
//!
//! ```text
//! data/known_orgs.txt:12: expected 2 columns separated by tabs, found 1 (a space where a tab
//! should be?): `vietcombank Ngân hàng TMCP Ngoại thương Việt Nam`
//! ```

use crate::error::{Error, ErrorKind};

/// One entry line of a data file.
#[derive(Debug, Clone)]
pub(crate) struct Line<'a> {
    file: &'a str,
    number: usize,
    text: &'a str,
    cols: Vec<&'a str>,
}

impl<'a> Line<'a> {
    /// The error "FILE:LINE: `what`: `line`".
    pub fn error(&self, what: impl std::fmt::Display) -> Error {
        Error::new(
            ErrorKind::Lexicon,
            format!("{}:{}: {what}: `{}`", self.file, self.number, self.text),
        )
    }

    /// Column `i` (0-based), when present.
    pub fn get(&self, i: usize) -> Option<&'a str> {
        self.cols.get(i).copied()
    }

    /// Column `i`, which the column count already guarantees.
    pub fn col(&self, i: usize) -> &'a str {
        self.cols[i]
    }

    /// Column `i` as one of `values` (or the default when the column is absent).
    pub fn choice(
        &self,
        i: usize,
        values: &[&'static str],
        default: Option<&'static str>,
    ) -> Result<&'a str, Error> {
        match (self.get(i), default) {
            (None, Some(d)) => Ok(d),
            (None, None) => Err(self.error(format!("column {} is missing", i + 1))),
            (Some(v), _) if values.contains(&v) => Ok(v),
            (Some(v), _) => Err(self.error(format!(
                "column {}: {v:?} is not one of {}",
                i + 1,
                values.join(", ")
            ))),
        }
    }

    /// Column `i` as a number in `range`.
    pub fn number<T>(&self, i: usize, range: std::ops::RangeInclusive<T>) -> Result<T, Error>
    where
        T: std::str::FromStr + PartialOrd + std::fmt::Display + Copy,
    {
        let v = self.col(i);
        match v.parse::<T>() {
            Ok(n) if range.contains(&n) => Ok(n),
            _ => Err(self.error(format!(
                "column {}: {v:?} is not a number from {} to {}",
                i + 1,
                range.start(),
                range.end()
            ))),
        }
    }

    /// Column `i` as day/month ("8/3").
    pub fn day_month(&self, i: usize) -> Result<(u32, u32), Error> {
        let v = self.col(i);
        let parsed = v.split_once('/').and_then(|(d, m)| {
            let (d, m) = (d.parse::<u32>().ok()?, m.parse::<u32>().ok()?);
            ((1..=31).contains(&d) && (1..=12).contains(&m)).then_some((d, m))
        });
        parsed.ok_or_else(|| {
            self.error(format!(
                "column {}: {v:?} is not day/month, e.g. 8/3",
                i + 1
            ))
        })
    }
}

/// The entry lines of `text` (the file `file`), each with `min..=max` columns.
pub(crate) fn lines<'a>(
    file: &'a str,
    text: &'a str,
    min: usize,
    max: usize,
) -> Result<Vec<Line<'a>>, Error> {
    let mut out = Vec::new();
    for (n, raw) in text.lines().enumerate() {
        let trimmed = raw.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = raw.split('\t').map(str::trim).collect();
        let line = Line {
            file,
            number: n + 1,
            text: trimmed,
            cols,
        };
        let found = line.cols.len();
        if found < min || found > max {
            let want = if min == max {
                format!("{min}")
            } else {
                format!("{min} to {max}")
            };
            let hint = if found < min && trimmed.contains("  ")
                || found < min && min > 1 && trimmed.contains(' ')
            {
                " (a space where a tab should be?)"
            } else {
                ""
            };
            let noun = if max == 1 {
                "column"
            } else {
                "columns separated by tabs"
            };
            return Err(line.error(format!("expected {want} {noun}, found {found}{hint}")));
        }
        if let Some(i) = line.cols.iter().position(|c| c.is_empty()) {
            return Err(line.error(format!("column {} is empty (two tabs in a row?)", i + 1)));
        }
        if line.cols[0].contains("  ") {
            return Err(line.error("two spaces in a row in the entry; write one"));
        }
        out.push(line);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mistakes_name_the_file_and_line() {
        let text = "# a comment\nvietcombank\tNgân hàng\nagribank Ngân hàng Nông nghiệp\n";
        let err = lines("data/known_orgs.txt", text, 2, 2).unwrap_err();
        let msg = err.to_string();
        assert!(
            msg.starts_with("data/known_orgs.txt:3: expected 2 columns"),
            "{msg}"
        );
        assert!(msg.contains("a space where a tab should be"), "{msg}");
        assert!(msg.contains("`agribank Ngân hàng Nông nghiệp`"), "{msg}");
        assert_eq!(err.kind(), ErrorKind::Lexicon);

        let err = lines("x.txt", "a\t\tb\n", 1, 3).unwrap_err();
        assert!(err.to_string().contains("x.txt:1: column 2 is empty"));

        let ok = lines("x.txt", "\n# c\nhội\tHội\tsub\n", 2, 3).unwrap();
        assert_eq!(ok.len(), 1);
        assert_eq!(ok[0].choice(2, &["sub", "whole"], None).unwrap(), "sub");
        let bad = lines("x.txt", "hội\tHội\tsubb\n", 2, 3).unwrap();
        let msg = bad[0]
            .choice(2, &["sub", "whole"], None)
            .unwrap_err()
            .to_string();
        assert!(
            msg.contains("x.txt:1: column 3: \"subb\" is not one of sub, whole"),
            "{msg}"
        );
        let dm = lines("h.txt", "Quốc khánh\tsolar\t2/13\n", 3, 3).unwrap();
        assert!(dm[0].day_month(2).is_err());
    }
}
