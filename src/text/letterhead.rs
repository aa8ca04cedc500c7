//! The letterhead: the heading block of an official document, read from the top of the text.
//!
//! ```text
//! ỦY BAN NHÂN DÂN            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
//! XÃ AN THỊNH                   Độc lập - Tự do - Hạnh phúc
//! Số: 112/BC-UBND             An Thịnh, ngày 28 tháng 9 năm 2024
//! ```
//!
//! The block is read in cells: the pieces of its lines between line breaks and gaps between
//! columns (see [`Break`]), so that the two columns read apart whether they were written side by
//! side or one under the other (a converted Word file often puts the right column after the
//! left). A cell is one of:
//! - a motto line (`motto` in `data/letterhead.txt`): the national name, the motto, or a
//!   party's name written in their place;
//! - the number line: its label ("Số") and the number ("112/BC-UBND"; an unfilled "Số: /BC-UBND"
//!   has none);
//! - the place and date line: a name, a comma and the date ("An Thịnh, ngày 28 …");
//! - a rule: a line of dashes, stars or underscores ("-----", "***", "---oOo---");
//! - a line of the issuing body: capitals, at the start of a line (the left column), and not the
//!   document's own title ("BÁO CÁO", the words of `data/document_words.txt`).
//!
//! There is a letterhead only when its top has a motto or a number line; it ends at the first
//! cell that is none of these, or at a paragraph's end after the number or the date line.

use super::normalize::Break;
use crate::lexicon::{letterhead_key, Lexicon};
use crate::text::chars::starts_with_ci;

/// How far into the text a letterhead may reach (bytes of normalised text).
const REACH: usize = 1500;

/// The parts of a letterhead, as byte ranges of the normalised text.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Letterhead {
    /// The lines of the issuing body, top first ("ỦY BAN NHÂN DÂN", "XÃ AN THỊNH"; "HỘI LHPN
    /// HUYỆN ĐÔNG SƠN", "BAN THƯỜNG VỤ").
    pub agency: Vec<(usize, usize)>,
    /// The document's number ("112/BC-UBND").
    pub number: Option<(usize, usize)>,
    /// The place named before the date ("An Thịnh").
    pub place: Option<(usize, usize)>,
    /// The motto lines.
    pub motto: Vec<(usize, usize)>,
}

/// A cell of the top of the text: its range, whether it starts a line, whether a paragraph's
/// end is before it.
struct Cell {
    start: usize,
    end: usize,
    line_start: bool,
    after_paragraph: bool,
}

/// The cells of `text` up to [`REACH`]: the runs between `breaks`.
fn cells(text: &str, breaks: &[(usize, Break)]) -> Vec<Cell> {
    let mut out = Vec::new();
    let (mut start, mut line_start, mut after_paragraph) = (0, true, false);
    let lead = text.len() - text.trim_start().len();
    start += lead;
    for &(pos, kind) in breaks
        .iter()
        .chain(std::iter::once(&(text.len(), Break::Paragraph)))
    {
        if pos < start {
            continue;
        }
        if start >= REACH {
            break;
        }
        let cell = text[start..pos].trim_end();
        if !cell.is_empty() {
            out.push(Cell {
                start,
                end: start + cell.len(),
                line_start,
                after_paragraph,
            });
        }
        line_start = kind != Break::Column;
        after_paragraph = kind == Break::Paragraph;
        start = pos + 1;
    }
    out
}

/// What a cell is.
#[derive(Debug, PartialEq)]
enum Part {
    Motto,
    /// The number line, with the number when it is filled in.
    Number(Option<(usize, usize)>),
    /// The place and date line, with the place.
    PlaceDate((usize, usize)),
    Rule,
    Agency,
    Other,
}

fn part(text: &str, c: &Cell, lex: &Lexicon) -> Part {
    let s = &text[c.start..c.end];
    let letters = s.chars().filter(|ch| ch.is_alphabetic());
    if letters.clone().all(|ch| ch == 'o' || ch == 'O') && !s.chars().any(|ch| ch.is_numeric()) {
        return Part::Rule;
    }
    // (A paragraph is no motto line: its key is not made.)
    let longest = lex
        .letterhead_motto
        .iter()
        .map(String::len)
        .max()
        .unwrap_or(0);
    if s.len() <= 2 * longest && lex.letterhead_motto.contains(&letterhead_key(s)) {
        return Part::Motto;
    }
    for label in &lex.letterhead_number {
        if let Some(n) = starts_with_ci(s, label) {
            let rest = &s[n..];
            let num = rest.trim_start_matches([':', ' ', '.']);
            // "Số: 12/BC-UBND", "Số 25-BC/ĐU", "Số:   /TB-UBND"; not "Số lượng".
            if rest.starts_with(':')
                || (rest.starts_with(' ')
                    && num.starts_with(|ch: char| ch.is_ascii_digit() || ch == '/'))
            {
                let at = c.end - num.len();
                let filled = num.chars().any(|ch| ch.is_ascii_digit());
                return Part::Number(filled.then_some((at, c.end)));
            }
        }
    }
    if let Some(comma) = s.find(',') {
        let (place, rest) = (s[..comma].trim_end(), s[comma + 1..].trim_start());
        // A name: up to six words, each capitalised ("An Thịnh", "TP. Hồ Chí Minh"), not a
        // title's words ("Bản tin tuần xã Bình An, ngày 3/5").
        let named = place.split(' ').count() <= 6
            && place.split(' ').all(|w| {
                w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            });
        let dated = rest.starts_with(|ch: char| ch.is_ascii_digit())
            || lex
                .words(crate::lexicon::role!("day"))
                .iter()
                .any(|d| starts_with_ci(rest, d).is_some());
        if named && dated {
            return Part::PlaceDate((c.start, c.start + place.len()));
        }
    }
    let upper = letters.clone().count() >= 2 && letters.clone().all(char::is_uppercase);
    let titled = lex.document_words.iter().any(|(w, _)| {
        starts_with_ci(s, w).is_some_and(|n| !s[n..].starts_with(char::is_alphanumeric))
    });
    if upper && c.line_start && !titled {
        return Part::Agency;
    }
    Part::Other
}

/// The letterhead at the top of `text` (normalised, with its `breaks`), if it has one.
///
/// ```text
/// "UBND XÃ KIM LIÊN\nSố: 12/BC-UBND\nCỘNG HÒA …\n…\n\nBÁO CÁO" → agency ["UBND XÃ KIM LIÊN"],
/// number "12/BC-UBND"; "BÁO CÁO" is the title, after the block.
/// ```
#[inline(never)] // a frame of its own in profiles (scripts/stages.py)
pub(crate) fn read(text: &str, breaks: &[(usize, Break)], lex: &Lexicon) -> Option<Letterhead> {
    let mut lh = Letterhead::default();
    let mut fixed = false;
    // The motto at the start of a line: the columns were written one under the other, and the
    // body's lines come before it.
    let mut motto_alone = false;
    // The last cell was the number's label or the place and date: a gap may split them ("Số:
    // /TB-UBND", "Nam Đàn, ngày      tháng 5").
    let mut goes_on = None;
    let mut numbered = false;
    for c in cells(text, breaks) {
        if c.after_paragraph && fixed {
            break;
        }
        if let (Some(number), false) = (goes_on.take(), c.line_start) {
            let s = &text[c.start..c.end];
            if number && lh.number.is_none() && s.chars().any(|ch| ch.is_ascii_digit()) {
                lh.number = Some((c.start, c.end));
            }
            continue;
        }
        let p = part(text, &c, lex);
        goes_on = match p {
            Part::Number(None) => Some(true),
            Part::PlaceDate(_) => Some(false),
            _ => None,
        };
        match p {
            Part::Motto => {
                motto_alone |= c.line_start;
                lh.motto.push((c.start, c.end));
            }
            Part::Number(n) => {
                (fixed, numbered) = (true, true);
                lh.number = lh.number.or(n);
            }
            Part::PlaceDate(p) => {
                fixed = true;
                lh.place.get_or_insert(p);
            }
            Part::Rule => {}
            Part::Agency if !motto_alone && !fixed => lh.agency.push((c.start, c.end)),
            Part::Agency | Part::Other => break,
        }
    }
    // A place and date alone open many a news item: a letterhead has a motto or a number.
    (!lh.motto.is_empty() || numbered).then_some(lh)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize::Normalized;

    /// The agency's lines, the number, the place and how many motto lines.
    type Parts = (Vec<String>, Option<String>, Option<String>, usize);

    fn parts(input: &str) -> Option<Parts> {
        let lex = Lexicon::builtin();
        let n = Normalized::new(input);
        let t = n.text();
        let lh = read(t, &n.line_breaks(input), lex)?;
        let s = |r: (usize, usize)| t[r.0..r.1].to_owned();
        Some((
            lh.agency.iter().map(|&r| s(r)).collect(),
            lh.number.map(s),
            lh.place.map(s),
            lh.motto.len(),
        ))
    }

    #[test]
    fn two_columns_side_by_side() {
        let input = "ỦY BAN NHÂN DÂN        CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\
                     XÃ TÂN PHÚ\t\tĐộc lập – Tự do – Hạnh phúc\n\
                     \t\t---------------\n\
                     Số: 07/BC-UBND       Tân Phú, ngày 03 tháng 4 năm 2025\n\n\
                     BÁO CÁO\nKết quả quý I";
        let (agency, number, place, motto) = parts(input).unwrap();
        assert_eq!(agency, ["ỦY BAN NHÂN DÂN", "XÃ TÂN PHÚ"]);
        assert_eq!(number.as_deref(), Some("07/BC-UBND"));
        assert_eq!(place.as_deref(), Some("Tân Phú"));
        assert_eq!(motto, 2);
    }

    #[test]
    fn columns_one_under_the_other() {
        // A Word file converted to text: the right column after the left.
        let input = "ĐẢNG BỘ HUYỆN YÊN THÀNH\nĐẢNG ỦY XÃ HOA THÀNH\n*\nSố 25-BC/ĐU\n\
                     ĐẢNG CỘNG SẢN VIỆT NAM\nHoa Thành, ngày 9/12/2024\nBÁO CÁO\nTổng kết năm";
        let (agency, number, place, motto) = parts(input).unwrap();
        assert_eq!(agency, ["ĐẢNG BỘ HUYỆN YÊN THÀNH", "ĐẢNG ỦY XÃ HOA THÀNH"]);
        assert_eq!(number.as_deref(), Some("25-BC/ĐU"));
        assert_eq!(place.as_deref(), Some("Hoa Thành"));
        assert_eq!(motto, 1);
    }

    #[test]
    fn a_title_after_the_motto_is_no_body() {
        // No number line, no blank line: the title ends the block.
        let input = "HỘI NÔNG DÂN XÃ ĐỒNG TÂM\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\
                     Độc lập-Tự do-Hạnh phúc\nKẾ HOẠCH\nTổ chức hội thi";
        let (agency, number, place, _) = parts(input).unwrap();
        assert_eq!(agency, ["HỘI NÔNG DÂN XÃ ĐỒNG TÂM"]);
        assert_eq!((number, place), (None, None));
        // An unfilled number is a number line without a number.
        let draft = "UBND HUYỆN NAM ĐÀN\nSố:     /TB-UBND\nNam Đàn, ngày    tháng 5 năm 2024\n";
        let (agency, number, place, _) = parts(draft).unwrap();
        assert_eq!(agency, ["UBND HUYỆN NAM ĐÀN"]);
        assert_eq!(number, None);
        // "ngày" with no day still dates the line.
        assert_eq!(place.as_deref(), Some("Nam Đàn"));
    }

    #[test]
    fn no_letterhead() {
        // A title in capitals alone is no letterhead; nor is a news article.
        assert_eq!(parts("BÁO CÁO SƠ KẾT\nHội Nông dân xã Đồng Tâm"), None);
        assert_eq!(parts("Sáng 5/3, Hội LHPN huyện tổ chức hội nghị."), None);
        assert_eq!(parts(""), None);
        // A place and a date alone head many a news item: no letterhead.
        assert_eq!(parts("Hà Nội, ngày 5/1/2024\nSáng nay, …"), None);
        assert_eq!(parts("Bản tin tuần xã Bình An, ngày 3/5\nSố liệu"), None);
    }
}
