//! Segments of a text: its first and last non-empty lines (a report's title and, often, its
//! author). Sentences, clauses and table rows come with the context stage.

use super::normalize::Normalized;

/// How far into a report its opening reaches (title, letterhead, first sentence), in bytes of
/// normalised text: where a report names its own place.
pub(crate) const OPENING: usize = 400;

/// The first non-empty line of the input, spaces folded (the report's title).
pub(crate) fn first_line(input: &str) -> Option<String> {
    crate::input::lines::lines(input)
        .map(str::trim)
        .find(|l| !l.is_empty())
        .map(super::chars::fold_spaces)
}

/// Where the input's last non-empty line is in the normalised text (byte range).
pub(crate) fn last_line(input: &str, norm: &str) -> Option<(usize, usize)> {
    let line = crate::input::lines::last_nonblank(input)?.trim();
    let folded = Normalized::new(line);
    let folded = folded.text().trim();
    let trimmed = norm.trim_end();
    trimmed
        .ends_with(folded)
        .then(|| (trimmed.len() - folded.len(), trimmed.len()))
        .filter(|(s, _)| *s == 0 || norm.as_bytes()[s - 1] == b' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_and_closing_line() {
        let input = "\n  Báo cáo   sơ kết \nNội dung.\nNguyễn Oanh - VH\n\n";
        assert_eq!(first_line(input).as_deref(), Some("Báo cáo sơ kết"));
        let norm = Normalized::new(input);
        let (s, e) = last_line(input, norm.text()).unwrap();
        assert_eq!(&norm.text()[s..e], "Nguyễn Oanh - VH");
        assert_eq!(first_line(" \n\t"), None);
        // A lone CR, NEL and U+2028 end a line too: the title is the first line only.
        let old_mac = "Báo cáo quý I\rUBND xã\u{2028}Số 12\u{85}Nguyễn Oanh\r";
        assert_eq!(first_line(old_mac).as_deref(), Some("Báo cáo quý I"));
        let norm = Normalized::new(old_mac);
        let (s, e) = last_line(old_mac, norm.text()).unwrap();
        assert_eq!(&norm.text()[s..e], "Nguyễn Oanh");
    }
}
