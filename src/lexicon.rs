//! Word lists, loaded from the data files in `data/` (one entry a line, `#` starts a comment).
//!
//! The lists are data so that a Vietnamese speaker can extend them without reading Rust:
//! add a line to the file and rebuild. Lookups are case-insensitive; phrases match whole words.
//!
//! ```
//! use vnfacts::lexicon::COUNT_UNITS;
//! let text = "có 20 hội viên mới tham gia";
//! let (end, _) = COUNT_UNITS.match_after(text, 7).unwrap();
//! assert_eq!(&text[7..end], "hội viên mới");
//! ```

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

/// A list of phrases (one or more words), each with a payload.
#[derive(Debug)]
pub struct Lexicon<T> {
    map: HashMap<String, T>,
    /// Every leading run of words of an entry ("hộ", "hộ cận" for "hộ cận nghèo"), so that a
    /// match stops at the first word that no entry continues with.
    prefixes: HashSet<String>,
    /// Every trailing run of words of an entry, for matching backwards.
    suffixes: HashSet<String>,
    /// The first letters of the entries (lower case).
    first_chars: HashSet<char>,
    max_words: usize,
}

thread_local! {
    /// A key buffer reused by every lookup, so that matching allocates nothing.
    static KEY: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// Is `c` a letter? The same answer as `char::is_alphabetic`, quicker for the letters of
/// Vietnamese (ASCII, Latin-1, Latin Extended-A/B and Latin Extended Additional).
#[inline]
pub fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\0'..='\u{7f}' => false,
        '×' | '÷' => false,
        'À'..='ɏ' | '\u{1ea0}'..='\u{1eff}' => true,
        _ => c.is_alphabetic(),
    }
}

/// `c` in lower case, quickly for the letters of Vietnamese (the same as the first char of
/// `char::to_lowercase` for them).
#[inline]
pub fn lower(c: char) -> char {
    match c {
        'A'..='Z' => c.to_ascii_lowercase(),
        '\0'..='\u{7f}' => c,
        'À'..='Þ' if c != '×' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
        '\u{1ea0}'..='\u{1ef9}' => {
            let n = c as u32;
            char::from_u32(n | 1).unwrap_or(c)
        }
        'Ă' | 'Đ' | 'Ĩ' | 'Ũ' | 'Ơ' | 'Ư' => char::from_u32(c as u32 + 1).unwrap_or(c),
        _ => c.to_lowercase().next().unwrap_or(c),
    }
}

/// Is `c` part of a word (for phrase matching)?
#[inline]
pub fn is_word_char(c: char) -> bool {
    c.is_ascii_digit() || is_letter(c) || c == '²' || c == '³' || (!c.is_ascii() && c.is_numeric())
}

fn entries(data: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

/// Lower-cases a phrase and folds its spaces, the form keys are stored in.
pub fn key_of(phrase: &str) -> String {
    let mut out = String::with_capacity(phrase.len());
    for w in phrase.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(w.chars().flat_map(char::to_lowercase));
    }
    out
}

impl<T> Lexicon<T> {
    /// A lexicon of (lower-case key, payload) pairs.
    pub fn from_pairs(pairs: impl Iterator<Item = (String, T)>) -> Self {
        let mut map = HashMap::default();
        let mut prefixes = HashSet::default();
        let mut suffixes = HashSet::default();
        let mut max_words = 1;
        let mut first_chars = HashSet::default();
        for (k, v) in pairs {
            first_chars.extend(k.chars().next());
            let words: Vec<&str> = k.split(' ').collect();
            max_words = max_words.max(words.len());
            for n in 1..=words.len() {
                prefixes.insert(words[..n].join(" "));
                suffixes.insert(words[words.len() - n..].join(" "));
            }
            map.insert(k, v);
        }
        Lexicon {
            map,
            prefixes,
            suffixes,
            first_chars,
            max_words,
        }
    }

    /// Looks a whole phrase up.
    pub fn get(&self, phrase: &str) -> Option<&T> {
        self.map.get(&key_of(phrase))
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// True when the list is empty.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// The longest phrase that starts at byte `pos` of `text` and ends at a word boundary;
    /// words are separated by single spaces (as in normalised text). Returns its end and payload.
    pub fn match_after(&self, text: &str, pos: usize) -> Option<(usize, &T)> {
        // A cheap test first: can any entry start with this letter?
        let first = text[pos..].chars().next()?;
        if !self.first_chars.contains(&lower(first)) {
            return None;
        }
        KEY.with_borrow_mut(|key| self.match_after_in(text, pos, key))
    }

    fn match_after_in(&self, text: &str, pos: usize, key: &mut String) -> Option<(usize, &T)> {
        key.clear();
        let mut p = pos;
        let mut best = None;
        for w in 0..self.max_words {
            let rest = &text[p..];
            let len = rest
                .char_indices()
                .find(|&(_, c)| !is_word_char(c))
                .map_or(rest.len(), |(i, _)| i);
            if len == 0 {
                break;
            }
            if w > 0 {
                key.push(' ');
            }
            key.extend(rest[..len].chars().map(lower));
            if !self.prefixes.contains(key.as_str()) {
                break;
            }
            if let Some(v) = self.map.get(key.as_str()) {
                best = Some((p + len, v));
            }
            if text[p + len..].starts_with(' ') {
                p += len + 1;
            } else {
                break;
            }
        }
        best
    }

    /// The longest phrase that ends at byte `end` of `text` and starts at a word boundary.
    /// Returns its start and payload.
    pub fn match_before(&self, text: &str, end: usize) -> Option<(usize, &T)> {
        let mut words: Vec<(usize, usize)> = Vec::with_capacity(self.max_words);
        let mut e = end;
        while words.len() < self.max_words {
            let head = &text[..e];
            let start = head
                .char_indices()
                .rev()
                .find(|&(_, c)| !is_word_char(c))
                .map_or(0, |(i, c)| i + c.len_utf8());
            if start == e {
                break;
            }
            words.push((start, e));
            if start > 0 && text[..start].ends_with(' ') {
                e = start - 1;
            } else {
                break;
            }
        }
        let mut best = None;
        let mut key = String::new();
        for k in 1..=words.len() {
            key.clear();
            for (i, &(s, e)) in words[..k].iter().rev().enumerate() {
                if i > 0 {
                    key.push(' ');
                }
                key.extend(text[s..e].chars().map(lower));
            }
            if !self.suffixes.contains(&key) {
                break;
            }
            if let Some(v) = self.map.get(&key) {
                best = Some((words[k - 1].0, v));
            }
        }
        best
    }
}

/// A list of phrases with no payload.
pub type WordSet = Lexicon<()>;

fn word_set(data: &'static str) -> WordSet {
    Lexicon::from_pairs(entries(data).map(|e| (key_of(e[0]), ())))
}

fn word_map<T>(data: &'static str, f: impl Fn(&[&'static str]) -> T) -> Lexicon<T> {
    Lexicon::from_pairs(entries(data).map(|e| (key_of(e[0]), f(&e))))
}

/// What a number word means to the number reader (`data/number_words.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberWord {
    /// không … chín
    Digit(u8),
    /// mười
    Ten,
    /// mươi
    Tens,
    /// chục
    Dozen,
    /// trăm
    Hundred,
    /// linh, lẻ
    Odd,
    /// mốt, tư, lăm: a unit digit only after mươi / mười
    Unit(u8),
    /// nghìn, triệu, tỷ: times 10^n
    Scale(u8),
    /// nửa
    Half,
    /// rưỡi
    AndHalf,
    /// phẩy, chấm
    Point,
    /// âm
    Minus,
}

fn parse_number_word(spec: &str) -> NumberWord {
    let (head, arg) = spec.split_once(':').unwrap_or((spec, ""));
    let n = || arg.parse::<u8>().expect("number_words.txt: bad argument");
    match head {
        "digit" => NumberWord::Digit(n()),
        "ten" => NumberWord::Ten,
        "tens" => NumberWord::Tens,
        "dozen" => NumberWord::Dozen,
        "hundred" => NumberWord::Hundred,
        "odd" => NumberWord::Odd,
        "unit" => NumberWord::Unit(n()),
        "scale" => NumberWord::Scale(n()),
        "half" => NumberWord::Half,
        "andhalf" => NumberWord::AndHalf,
        "point" => NumberWord::Point,
        "minus" => NumberWord::Minus,
        other => panic!("number_words.txt: unknown meaning {other:?}"),
    }
}

/// Number words, looked up by the word as written: lower case, capitalised and upper case forms
/// are all stored, so that the scanner never allocates to look a word up.
pub static NUMBER_WORDS: LazyLock<HashMap<String, NumberWord>> = LazyLock::new(|| {
    let mut map = HashMap::default();
    for e in entries(include_str!("../data/number_words.txt")) {
        let w = parse_number_word(e[1]);
        let lower = e[0].to_lowercase();
        let mut cap: String = lower.chars().take(1).flat_map(char::to_uppercase).collect();
        cap.extend(lower.chars().skip(1));
        map.insert(lower.to_uppercase(), w);
        map.insert(cap, w);
        map.insert(lower, w);
    }
    map
});

/// A currency mark (`data/currencies.txt`).
#[derive(Debug, Clone)]
pub struct Currency {
    /// The mark, lower case.
    pub mark: String,
    /// The code reported (`VND`, `USD`, …).
    pub code: &'static str,
    /// May stand after the amount.
    pub after: bool,
    /// May stand before the amount.
    pub before: bool,
    /// A word may be glued to it ("đồnglàm").
    pub glue: bool,
}

/// Currency marks, longest first.
pub static CURRENCIES: LazyLock<Vec<Currency>> = LazyLock::new(|| {
    let mut v: Vec<Currency> = entries(include_str!("../data/currencies.txt"))
        .map(|e| Currency {
            mark: e[0].to_lowercase(),
            code: e[1],
            after: matches!(e[2], "after" | "both"),
            before: matches!(e[2], "before" | "both"),
            glue: e.get(3) == Some(&"glue"),
        })
        .collect();
    v.sort_by_key(|c| std::cmp::Reverse(c.mark.chars().count()));
    v
});

/// Words that start with a currency mark but are other words (`data/not_currency.txt`).
pub static NOT_CURRENCY: LazyLock<WordSet> =
    LazyLock::new(|| word_set(include_str!("../data/not_currency.txt")));

/// Words for the hundredth part of a currency (`data/minor_currency.txt`).
pub static MINOR_CURRENCY: LazyLock<WordSet> =
    LazyLock::new(|| word_set(include_str!("../data/minor_currency.txt")));

/// Qualifier words before a figure (`data/qualifiers.txt`).
pub static QUALIFIERS: LazyLock<Lexicon<&'static str>> =
    LazyLock::new(|| word_map(include_str!("../data/qualifiers.txt"), |e| e[1]));

/// Words after which a bare figure is money (`data/money_context.txt`).
pub static MONEY_CONTEXT: LazyLock<WordSet> =
    LazyLock::new(|| word_set(include_str!("../data/money_context.txt")));

/// Words after a bare figure that make it money (`data/money_suffix.txt`).
pub static MONEY_SUFFIX: LazyLock<WordSet> =
    LazyLock::new(|| word_set(include_str!("../data/money_suffix.txt")));

/// Counted nouns (`data/count_units.txt`).
pub static COUNT_UNITS: LazyLock<WordSet> =
    LazyLock::new(|| word_set(include_str!("../data/count_units.txt")));

/// Time units of durations (`data/duration_units.txt`).
pub static DURATION_UNITS: LazyLock<Lexicon<&'static str>> =
    LazyLock::new(|| word_map(include_str!("../data/duration_units.txt"), |e| e[1]));

/// Words naming documents (`data/document_words.txt`).
pub static DOCUMENT_WORDS: LazyLock<WordSet> =
    LazyLock::new(|| word_set(include_str!("../data/document_words.txt")));

/// Words that make the figure after them a name or an ordinal (`data/not_after.txt`).
pub static NOT_AFTER: LazyLock<WordSet> =
    LazyLock::new(|| word_set(include_str!("../data/not_after.txt")));

/// The small words of `data/function_words.txt`, by role, lower case.
static FUNCTION_WORDS: LazyLock<HashMap<&'static str, Vec<&'static str>>> = LazyLock::new(|| {
    let mut map: HashMap<&'static str, Vec<&'static str>> = HashMap::default();
    for e in entries(include_str!("../data/function_words.txt")) {
        map.entry(e[1]).or_default().push(e[0]);
    }
    map
});

/// The words of one role in `data/function_words.txt` ("range_from", "day", …).
pub fn function_words(role: &str) -> &'static [&'static str] {
    FUNCTION_WORDS.get(role).map_or(&[], Vec::as_slice)
}

/// Month names after "tháng" (`data/months.txt`).
pub static MONTH_NAMES: LazyLock<Lexicon<u32>> = LazyLock::new(|| {
    word_map(include_str!("../data/months.txt"), |e| {
        e[1].parse().unwrap()
    })
});

/// Days of the week (`data/weekdays.txt`), 0 Monday … 6 Sunday.
pub static WEEKDAYS: LazyLock<Lexicon<u32>> = LazyLock::new(|| {
    word_map(include_str!("../data/weekdays.txt"), |e| {
        e[1].parse().unwrap()
    })
});

/// Times relative to the document's date (`data/relative_time.txt`): unit and offset.
pub static RELATIVE_TIME: LazyLock<Lexicon<(&'static str, i32)>> = LazyLock::new(|| {
    word_map(include_str!("../data/relative_time.txt"), |e| {
        (e[1], e[2].parse().expect("relative_time.txt: bad offset"))
    })
});

/// A holiday (`data/holidays.txt`).
#[derive(Debug, Clone)]
pub struct Holiday {
    /// Lunar (else solar) calendar.
    pub lunar: bool,
    /// Day.
    pub day: u32,
    /// Month.
    pub month: u32,
    /// The name alone is the holiday (else it needs "ngày", "lễ", "dịp" before it).
    pub alone: bool,
}

/// Holidays by name.
pub static HOLIDAYS: LazyLock<Lexicon<Holiday>> = LazyLock::new(|| {
    word_map(include_str!("../data/holidays.txt"), |e| {
        let (d, m) = e[2].split_once('/').expect("holidays.txt: day/month");
        Holiday {
            lunar: e[1] == "lunar",
            day: d.parse().expect("holidays.txt: day"),
            month: m.parse().expect("holidays.txt: month"),
            alone: e[3] == "alone",
        }
    })
});

/// Stems and branches of the sixty-year cycle (`data/can_chi.txt`): (is a stem, index).
pub static CAN_CHI: LazyLock<Lexicon<(bool, u32)>> = LazyLock::new(|| {
    word_map(include_str!("../data/can_chi.txt"), |e| {
        (e[1] == "stem", e[2].parse().expect("can_chi.txt: index"))
    })
});

/// A day of the year: (day, month).
pub type DayMonth = (u32, u32);

/// Seasons (`data/seasons.txt`): first and last day.
pub static SEASONS: LazyLock<Lexicon<(DayMonth, DayMonth)>> = LazyLock::new(|| {
    let dm = |s: &str| {
        let (d, m) = s.split_once('/').expect("seasons.txt: day/month");
        (d.parse().unwrap(), m.parse().unwrap())
    };
    word_map(include_str!("../data/seasons.txt"), |e| {
        (dm(e[1]), dm(e[2]))
    })
});

/// The phrases of a list, as regex alternatives (longest first), for building patterns.
pub fn alternatives<T>(lex: &Lexicon<T>) -> String {
    let mut keys: Vec<&String> = lex.map.keys().collect();
    keys.sort_by_key(|k| (std::cmp::Reverse(k.len()), k.as_str()));
    keys.iter()
        .map(|k| regex::escape(k).replace(' ', r"\s"))
        .collect::<Vec<_>>()
        .join("|")
}

/// What an abbreviation stands for (`data/abbreviations.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AbbrKind {
    /// An organisation on its own ("UBND").
    Org,
    /// The head of an organisation's name ("NH", "BCH").
    Head,
    /// Specifies an organisation after a head ("CCB" in "Hội CCB").
    Spec,
    /// A person's position ("HUV").
    Role,
    /// A thing ("BHYT").
    Other,
}

/// One meaning of an abbreviation.
#[derive(Debug, Clone)]
pub struct Abbr {
    /// The full form, cased as official names write it.
    pub full: String,
    /// What it is.
    pub kind: AbbrKind,
}

/// Abbreviations, case-sensitive, each with its meanings (`data/abbreviations.txt`), longest
/// first within each first letter.
pub struct Abbreviations {
    by_first: HashMap<char, Vec<(String, Vec<Abbr>)>>,
}

impl Abbreviations {
    fn parse(data: &str) -> Abbreviations {
        let entries = data
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .map(|line| {
                let f: Vec<&str> = line.split('\t').map(str::trim).collect();
                let kind = match f.get(2).copied().unwrap_or("other") {
                    "org" => AbbrKind::Org,
                    "head" => AbbrKind::Head,
                    "spec" => AbbrKind::Spec,
                    "role" => AbbrKind::Role,
                    _ => AbbrKind::Other,
                };
                let full = f.get(1).copied().unwrap_or(f[0]).to_owned();
                (f[0].to_owned(), Abbr { full, kind })
            });
        Abbreviations::from_entries(entries)
    }

    /// Abbreviations from (abbreviation, meaning) pairs.
    pub fn from_entries(entries: impl IntoIterator<Item = (String, Abbr)>) -> Abbreviations {
        let mut map: HashMap<String, Vec<Abbr>> = HashMap::default();
        for (k, a) in entries {
            map.entry(k).or_default().push(a);
        }
        let mut by_first: HashMap<char, Vec<(String, Vec<Abbr>)>> = HashMap::default();
        for (k, v) in map {
            let c = k.chars().next().unwrap_or(' ');
            by_first.entry(c).or_default().push((k, v));
        }
        for v in by_first.values_mut() {
            v.sort_by_key(|(k, _)| std::cmp::Reverse(k.len()));
        }
        Abbreviations { by_first }
    }

    /// The longest abbreviation at byte `pos` of `text` that ends at a word boundary: its end
    /// and meanings.
    pub fn match_at(&self, text: &str, pos: usize) -> Option<(usize, &[Abbr])> {
        let first = text[pos..].chars().next()?;
        for (k, v) in self.by_first.get(&first)? {
            if text[pos..].starts_with(k.as_str()) {
                let end = pos + k.len();
                if text[end..].chars().next().is_some_and(is_word_char) {
                    continue;
                }
                return Some((end, v));
            }
        }
        None
    }

    /// The meanings of an abbreviation written exactly so.
    pub fn get(&self, abbr: &str) -> Option<&[Abbr]> {
        let first = abbr.chars().next()?;
        self.by_first
            .get(&first)?
            .iter()
            .find(|(k, _)| k == abbr)
            .map(|(_, v)| v.as_slice())
    }

    /// Number of abbreviations.
    pub fn len(&self) -> usize {
        self.by_first.values().map(Vec::len).sum()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The full form of an abbreviation ("BHYT" → "Bảo hiểm y tế"), whatever it names.
///
/// ```
/// assert_eq!(vnfacts::lexicon::expand_abbreviation("BHYT"), Some("Bảo hiểm y tế"));
/// assert_eq!(vnfacts::lexicon::expand_abbreviation("UBND"), Some("Ủy ban nhân dân"));
/// ```
pub fn expand_abbreviation(abbr: &str) -> Option<&'static str> {
    ABBREVIATIONS.get(abbr).map(|a| a[0].full.as_str())
}

/// The abbreviation lexicon.
pub static ABBREVIATIONS: LazyLock<Abbreviations> =
    LazyLock::new(|| Abbreviations::parse(include_str!("../data/abbreviations.txt")));

/// A head of an organisation's name (`data/org_heads.txt`).
#[derive(Debug, Clone)]
pub struct OrgHead {
    /// How a canonical name writes it.
    pub canonical: &'static str,
    /// A body of another organisation ("Ban Thường vụ").
    pub sub: bool,
    /// Names an organisation on its own ("Đảng ủy").
    pub whole: bool,
}

/// Heads of organisation names.
pub static ORG_HEADS: LazyLock<Lexicon<OrgHead>> = LazyLock::new(|| {
    word_map(include_str!("../data/org_heads.txt"), |e| OrgHead {
        canonical: e[1],
        sub: e.get(2) == Some(&"sub"),
        whole: e.get(2) == Some(&"whole"),
    })
});

/// Words that hold a head but name no organisation (`data/not_org.txt`).
pub static NOT_ORG: LazyLock<WordSet> =
    LazyLock::new(|| word_set(include_str!("../data/not_org.txt")));

/// Lower-case words that specify an organisation (`data/org_specs.txt`): canonical form.
pub static ORG_SPECS: LazyLock<Lexicon<&'static str>> =
    LazyLock::new(|| word_map(include_str!("../data/org_specs.txt"), |e| e[1]));

/// Organisations known by name (`data/known_orgs.txt`): canonical name.
pub static KNOWN_ORGS: LazyLock<Lexicon<&'static str>> =
    LazyLock::new(|| word_map(include_str!("../data/known_orgs.txt"), |e| e[1]));

/// Surnames (`data/surnames.txt`), as written (capitalised).
pub static SURNAMES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    entries(include_str!("../data/surnames.txt"))
        .map(|e| e[0])
        .collect()
});

/// What a word before a person's name is (`data/person_titles.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TitleKind {
    /// A title ("đồng chí", "ông", "bác sĩ").
    Title,
    /// A kinship word ("chị", "mẹ").
    Kin,
    /// A group noun ("hội viên"): only before a name with a surname.
    Group,
}

/// Words before a person's name (`data/person_titles.txt`).
pub static PERSON_TITLES: LazyLock<Lexicon<TitleKind>> = LazyLock::new(|| {
    word_map(include_str!("../data/person_titles.txt"), |e| {
        match e.get(1) {
            Some(&"kin") => TitleKind::Kin,
            Some(&"group") => TitleKind::Group,
            _ => TitleKind::Title,
        }
    })
});

/// Words that start a person's position (`data/roles.txt`): canonical form.
pub static ROLES: LazyLock<Lexicon<&'static str>> =
    LazyLock::new(|| word_map(include_str!("../data/roles.txt"), |e| e[1]));

/// Administrative levels (`data/admin_levels.txt`): the level reported.
pub static ADMIN_LEVELS: LazyLock<Lexicon<&'static str>> =
    LazyLock::new(|| word_map(include_str!("../data/admin_levels.txt"), |e| e[1]));

/// Common words that end a name written in lower case (`data/stopwords.txt`).
pub static STOPWORDS: LazyLock<WordSet> =
    LazyLock::new(|| word_set(include_str!("../data/stopwords.txt")));

/// A unit of measure (`data/measure_units.txt`): as written, and the symbol reported.
#[derive(Debug, Clone)]
pub struct MeasureUnit {
    /// As written (case matters: "M" is not metres).
    pub written: &'static str,
    /// Symbol reported.
    pub symbol: &'static str,
}

/// Units of measure, longest first.
pub static MEASURE_UNITS: LazyLock<Vec<MeasureUnit>> = LazyLock::new(|| {
    let mut v: Vec<MeasureUnit> = entries(include_str!("../data/measure_units.txt"))
        .map(|e| MeasureUnit {
            written: e[0],
            symbol: e[1],
        })
        .collect();
    v.sort_by_key(|u| std::cmp::Reverse(u.written.chars().count()));
    v
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load() {
        assert!(COUNT_UNITS.len() > 100);
        assert_eq!(NUMBER_WORDS.get("Mười"), Some(&NumberWord::Ten));
        assert_eq!(NUMBER_WORDS.get("tỷ"), Some(&NumberWord::Scale(9)));
        assert_eq!(QUALIFIERS.get("Xấp xỉ"), Some(&"about"));
        assert!(CURRENCIES
            .iter()
            .any(|c| c.mark == "vnđ" && c.code == "VND"));
        assert!(MEASURE_UNITS
            .iter()
            .any(|u| u.written == "m²" && u.symbol == "m2"));
        assert!(
            ABBREVIATIONS.len() >= 250,
            "{} abbreviations",
            ABBREVIATIONS.len()
        );
        let ubnd = ABBREVIATIONS.get("UBND").unwrap();
        assert_eq!(
            (ubnd[0].full.as_str(), ubnd[0].kind),
            ("Ủy ban nhân dân", AbbrKind::Org)
        );
        assert_eq!(ABBREVIATIONS.get("BHYT").unwrap()[0].kind, AbbrKind::Other);
        assert_eq!(
            ABBREVIATIONS.match_at("BCH quân sự xã", 0).unwrap().0,
            "BCH quân sự".len()
        );
        assert!(ABBREVIATIONS.match_at("UBNDX", 0).is_none());
        assert!(ORG_HEADS.get("Đảng ủy").unwrap().whole);
        assert!(ORG_HEADS.get("ban thường vụ").unwrap().sub);
        assert_eq!(
            KNOWN_ORGS.get("Agribank").map(|c| c.contains("Agribank")),
            Some(true)
        );
        assert!(SURNAMES.contains("Nguyễn"));
        assert_eq!(PERSON_TITLES.get("chị"), Some(&TitleKind::Kin));
        assert_eq!(PERSON_TITLES.get("hội viên"), Some(&TitleKind::Group));
        assert_eq!(ROLES.get("bí thư"), Some(&"Bí thư"));
        assert_eq!(ADMIN_LEVELS.get("Thị trấn"), Some(&"thị trấn"));
        assert!(STOPWORDS.get("làm").is_some() && NOT_ORG.get("Đại hội").is_some());
        assert_eq!(MONTH_NAMES.get("Chạp"), Some(&12));
        assert_eq!(WEEKDAYS.get("chủ nhật"), Some(&6));
        assert_eq!(RELATIVE_TIME.get("hôm qua"), Some(&("day", -1)));
        assert!(HOLIDAYS
            .get("Quốc khánh")
            .is_some_and(|h| !h.lunar && h.month == 9));
        assert!(CAN_CHI.len() >= 22 && SEASONS.get("hè").is_some());
        for role in [
            "range_from",
            "range_to",
            "linking",
            "per",
            "time_of_day",
            "day",
            "date_cue",
            "ratio_cue",
            "not_duration",
            "not_month",
            "not_name",
            "span_past",
            "span_next",
            "weekday_anchor",
            "unit_level",
            "sloppy_level",
            "branch_head",
        ] {
            assert!(!function_words(role).is_empty(), "no {role} words");
        }
    }

    #[test]
    fn phrase_matching() {
        let t = "giúp 15 lượt gia đình vay";
        let (e, _) = COUNT_UNITS.match_after(t, t.find("lượt").unwrap()).unwrap();
        assert_eq!(&t[t.find("lượt").unwrap()..e], "lượt gia đình");
        let t = "với tổng giá trị 15.500 000 đồng";
        let at = t.find("15").unwrap() - 1;
        let (s, _) = MONEY_CONTEXT.match_before(t, at).unwrap();
        assert_eq!(&t[s..at], "tổng giá trị");
        let t = "không ít hơn 7";
        let (s, q) = QUALIFIERS.match_before(t, t.len() - 2).unwrap();
        assert_eq!((s, *q), (0, "at_least"));
    }
}

#[cfg(test)]
mod lower_tests {
    use super::lower;

    #[test]
    fn lower_agrees_with_std_for_vietnamese() {
        let letters = "AĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXYÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ";
        for c in letters.chars().chain(letters.to_lowercase().chars()) {
            assert_eq!(lower(c), c.to_lowercase().next().unwrap(), "{c}");
        }
    }
}
