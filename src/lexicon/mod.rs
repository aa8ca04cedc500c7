//! Word lists: every word a recogniser reads is in a data file of `data/`, one entry a line,
//! parsed strictly (a mistake names FILE:LINE and shows the line), so that a Vietnamese speaker
//! can extend them without reading Rust. The built-in lists are compiled in; a user's lexicon
//! (`--lexicon FILE`) is merged into a copy of them once, when it is loaded.
//!
//! A [`Lexicon`] holds every phrase list as a trie over one vocabulary (see [`phrase`]): the
//! text is split into words once, each word looked up once, and recognisers then match lists
//! by walking integers.

pub(crate) mod abbrev;
pub(crate) mod admin;
pub(crate) mod hash;
pub(crate) mod parse;
pub(crate) mod phrase;
pub(crate) mod user;

use crate::error::Error;
use crate::model::{Qualifier, Season, TimeUnit, Weekday};
use hash::{Map, Set};
use parse::{lines, Line};
pub(crate) use phrase::PhraseList;
use phrase::{ListBuilder, Vocab};
use std::sync::LazyLock;

pub use abbrev::{Abbr, AbbrKind};
pub use user::UserLexicon;

/// A body every unit has its own of (`data/local_bodies.txt`).
#[derive(Debug, Clone)]
pub(crate) struct LocalBody {
    /// Its canonical name, in lower case (as the name is matched).
    pub key: String,
    /// How the body of a place is written before its place.
    pub form: &'static str,
    /// The level its name holds ("Xã đoàn": xã), whose unit's name alone completes it.
    pub level: Option<&'static str>,
}

/// A built-in data file: its name (as errors give it) and its text.
#[derive(Clone, Copy)]
pub(crate) struct DataFile {
    pub name: &'static str,
    pub text: &'static str,
}

macro_rules! data_file {
    ($name:literal) => {
        DataFile {
            name: concat!("data/", $name),
            text: include_str!(concat!("../../data/", $name)),
        }
    };
}

/// Every built-in data file, in the order they are loaded.
pub(crate) const FILES: &[DataFile] = &[
    data_file!("number_words.txt"),
    data_file!("currencies.txt"),
    data_file!("not_currency.txt"),
    data_file!("minor_currency.txt"),
    data_file!("qualifiers.txt"),
    data_file!("money_context.txt"),
    data_file!("money_suffix.txt"),
    data_file!("count_units.txt"),
    data_file!("count_open.txt"),
    data_file!("context_words.txt"),
    data_file!("metrics.txt"),
    data_file!("measure_units.txt"),
    data_file!("duration_units.txt"),
    data_file!("anniversary.txt"),
    data_file!("document_words.txt"),
    data_file!("letterhead.txt"),
    data_file!("not_after.txt"),
    data_file!("function_words.txt"),
    data_file!("calendar_words.txt"),
    data_file!("months.txt"),
    data_file!("weekdays.txt"),
    data_file!("relative_time.txt"),
    data_file!("holidays.txt"),
    data_file!("can_chi.txt"),
    data_file!("seasons.txt"),
    data_file!("abbreviations.txt"),
    data_file!("org_heads.txt"),
    data_file!("org_specs.txt"),
    data_file!("known_orgs.txt"),
    data_file!("local_bodies.txt"),
    data_file!("not_org.txt"),
    data_file!("surnames.txt"),
    data_file!("person_titles.txt"),
    data_file!("roles.txt"),
    data_file!("admin_levels.txt"),
    data_file!("stopwords.txt"),
    data_file!("syllables.txt"),
    data_file!("common_syllables.txt"),
    data_file!("legacy_fonts.txt"),
    data_file!("html_classes.txt"),
    data_file!("admin_units.txt"),
    data_file!("admin_communes.txt"),
];

/// The built-in data file `data/NAME`.
pub(crate) fn file(name: &str) -> DataFile {
    *FILES
        .iter()
        .find(|f| f.name.strip_prefix("data/") == Some(name))
        .unwrap_or_else(|| panic!("no data file {name}"))
}

/// What a number word means to the number reader (`data/number_words.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NumberWord {
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

fn number_word(l: &Line) -> Result<NumberWord, Error> {
    let spec = l.col(1);
    let (head, arg) = spec.split_once(':').unwrap_or((spec, ""));
    let n = |max: u8| match arg.parse::<u8>() {
        Ok(v) if v <= max => Ok(v),
        _ => Err(l.error(format!(
            "{head}:N needs N from 0 to {max}, e.g. {head}:{max}"
        ))),
    };
    let no_arg = |w: NumberWord| {
        if arg.is_empty() {
            Ok(w)
        } else {
            Err(l.error(format!("{head} takes no argument")))
        }
    };
    match head {
        "digit" => Ok(NumberWord::Digit(n(9)?)),
        "unit" => Ok(NumberWord::Unit(n(9)?)),
        "scale" => Ok(NumberWord::Scale(n(18)?)),
        "ten" => no_arg(NumberWord::Ten),
        "tens" => no_arg(NumberWord::Tens),
        "dozen" => no_arg(NumberWord::Dozen),
        "hundred" => no_arg(NumberWord::Hundred),
        "odd" => no_arg(NumberWord::Odd),
        "half" => no_arg(NumberWord::Half),
        "andhalf" => no_arg(NumberWord::AndHalf),
        "point" => no_arg(NumberWord::Point),
        "minus" => no_arg(NumberWord::Minus),
        other => Err(l.error(format!(
            "{other:?} is not a meaning; write one of digit:N, ten, tens, dozen, hundred, odd, unit:N, scale:E, half, andhalf, point, minus"
        ))),
    }
}

/// Number words by the word as written: lower case, capitalised and upper case forms are all
/// stored, so that the number reader never allocates to look a word up.
pub(crate) fn number_words() -> &'static Map<String, NumberWord> {
    static MAP: LazyLock<Map<String, NumberWord>> = LazyLock::new(|| {
        let f = file("number_words.txt");
        let mut map = Map::default();
        for l in or_panic(lines(f.name, f.text, 2, 2)) {
            let w = or_panic(number_word(&l));
            let lower = l.col(0).to_lowercase();
            let mut cap: String = lower.chars().take(1).flat_map(char::to_uppercase).collect();
            cap.extend(lower.chars().skip(1));
            map.insert(lower.to_uppercase(), w);
            map.insert(cap, w);
            map.insert(lower, w);
        }
        map
    });
    &MAP
}

/// A currency mark (`data/currencies.txt`).
#[derive(Debug, Clone)]
pub(crate) struct Currency {
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

/// A unit of measure (`data/measure_units.txt`): as written, and the symbol reported.
#[derive(Debug, Clone)]
pub(crate) struct MeasureUnit {
    /// As written (case matters: "M" is not metres).
    pub written: &'static str,
    /// Symbol reported.
    pub symbol: &'static str,
}

/// A holiday (`data/holidays.txt`).
#[derive(Debug, Clone)]
pub(crate) struct Holiday {
    /// Lunar (else solar) calendar.
    pub lunar: bool,
    /// Day.
    pub day: u32,
    /// Month.
    pub month: u32,
    /// The name alone is the holiday (else it needs "ngày", "lễ", "dịp" before it).
    pub alone: bool,
}

/// A season (`data/seasons.txt`): its name and first and last day (day, month).
#[derive(Debug, Clone, Copy)]
pub(crate) struct SeasonSpan {
    /// Which season.
    pub season: Season,
    /// First day.
    pub from: (u32, u32),
    /// Last day.
    pub to: (u32, u32),
}

/// A head of an organisation's name (`data/org_heads.txt`).
#[derive(Debug, Clone)]
pub(crate) struct OrgHead {
    /// How a canonical name writes it.
    pub canonical: &'static str,
    /// A body of another organisation ("Ban Thường vụ").
    pub sub: bool,
    /// Names an organisation on its own ("Đảng ủy").
    pub whole: bool,
}

/// What a word before a person's name is (`data/person_titles.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TitleKind {
    /// A title ("đồng chí", "ông", "bác sĩ").
    Title,
    /// A kinship word ("chị", "mẹ").
    Kin,
    /// A group noun ("hội viên"): only before a name with a surname.
    Group,
}

/// What a word does to a count read from an open vocabulary (`data/count_open.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CountWord {
    /// Counts the noun after it ("túi quà").
    Classifier,
    /// After a counted noun: in the span, not the unit ("huy chương vàng").
    Modifier,
    /// Never a counted noun or a word of one ("đạt", "tầng").
    NotCounted,
    /// Before a figure: a name's number ("thôn 3").
    Numbered,
}

/// The roles a phrase of `data/context_words.txt` has (the file's header says what each does).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ContextRoles(u16);

impl ContextRoles {
    /// Before an organisation: not the subject.
    pub const PARTNER: u16 = 1;
    /// Before a date: a comparison base.
    pub const COMPARISON: u16 = 2;
    /// Never at the edge of a metric label.
    pub const EDGE: u16 = 4;
    /// A word of change.
    pub const CHANGE: u16 = 8;
    /// A label stops before it.
    pub const STOP: u16 = 16;
    /// A time the text does not date.
    pub const UNKNOWN_TIME: u16 = 32;
    /// Before a time that runs until now ("từ").
    pub const SINCE: u16 = 64;
    /// After a time that runs until now ("đến nay").
    pub const UNTIL_NOW: u16 = 128;
    /// A noun that opens an indicator ("tỷ lệ", "diện tích"): a label starts there.
    pub const HEAD: u16 = 256;
    /// The whole territory or body ("cả nước", "trên địa bàn"): never in a label.
    pub const SCOPE: u16 = 512;
    /// A linking word a long label may be cut after ("của", "tại").
    pub const LINK: u16 = 1024;
    /// "có" before a count: its metric is the counted noun and what follows it.
    pub const EXISTS: u16 = 2048;

    /// Has it the role `bit`?
    pub fn has(self, bit: u16) -> bool {
        self.0 & bit != 0
    }

    /// Its roles as bits.
    pub fn bits(self) -> u16 {
        self.0
    }

    /// Roles from their bits.
    pub fn from_bits(bits: u16) -> ContextRoles {
        ContextRoles(bits)
    }
}

/// Is `key` a metric key: lower-case ASCII letters, digits and underscores, a letter first?
pub(crate) fn is_metric_key(key: &str) -> bool {
    key.starts_with(|c: char| c.is_ascii_lowercase())
        && key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// When a figure after a document's name is its number (`data/document_words.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DocNumber {
    /// Always ("Chỉ thị 05").
    Bare,
    /// Only after "số" or with a code ("Kế hoạch số 12").
    Numbered,
}

/// The roles of `data/function_words.txt` and `data/calendar_words.txt`, and what each means
/// (the file headers say it in words).
pub(crate) const ROLES: &[&str] = &[
    // function_words.txt
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
    "checked_level",
    "range_between",
    "range_and",
    "open_from",
    "change_verb",
    "change_to",
    "range_at_least",
    "range_at_most",
    "per_each",
    "per_one",
    "year_word",
    "percent_word",
    "not_a_count",
    "count_visits",
    "number_of",
    "total",
    "ordinal",
    "document_number",
    "slogan_no",
    "sub_abbreviation",
    "branch",
    "name_and",
    "national",
    "middle_name",
    "glued_currency",
    // calendar_words.txt
    "month_word",
    "day_word",
    "day_prefix",
    "week_word",
    "of",
    "of_year",
    "first_day",
    "last_day",
    "first_week",
    "half_first",
    "half_last",
    "half_count",
    "quarter",
    "quarter_1",
    "quarter_2",
    "quarter_3",
    "quarter_4",
    "term",
    "school_year",
    "dates_to",
    "join",
    "date_gap",
    "date_gap_comma",
    "at_time_prefix",
    "at_time",
    "hour",
    "minute",
    "pm",
    "night",
    "noon",
    "not_bare_month",
    "week_this",
    "week_last",
    "week_next",
    "day_next",
    "day_last",
    "day_this",
    "month_next",
    "month_last",
    "season_word",
    "this_season",
    "holiday_cue",
    "lunar_mark",
    "lunar_mark_short",
    "full_moon",
    "leap",
    "lunar_month_name",
    "lunar_eleventh",
    "lunar_new_year",
    "new_year_name",
];

/// A role of [`ROLES`], by its place in the list: what `role!("name")` gives, checked when the
/// crate compiles (an unknown name does not compile).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Role(u16);

/// The role called `name`; a name that is not in [`ROLES`] is an error (a panic when const
/// evaluated, a failed build through `role!`).
pub(crate) const fn role_named(name: &str) -> Role {
    const fn same(a: &[u8], b: &[u8]) -> bool {
        if a.len() != b.len() {
            return false;
        }
        let mut i = 0;
        while i < a.len() {
            if a[i] != b[i] {
                return false;
            }
            i += 1;
        }
        true
    }
    let mut i = 0;
    while i < ROLES.len() {
        if same(ROLES[i].as_bytes(), name.as_bytes()) {
            return Role(i as u16);
        }
        i += 1;
    }
    panic!("no such role in lexicon::ROLES")
}

/// The role of a name written in the code: `role!("range_to")`, found when the crate compiles.
macro_rules! role {
    ($name:literal) => {
        const { $crate::lexicon::role_named($name) }
    };
}
pub(crate) use role;

/// The words of one role, and what tells quickly whether a word is one of them.
#[derive(Debug)]
pub(crate) struct RoleWords {
    /// As the data file writes them.
    pub words: Vec<&'static str>,
    /// Those in lower case (all, normally), as bytes.
    lower: Set<&'static [u8]>,
    /// The first bytes of those, when ASCII: a word whose first byte is ASCII and lowers to
    /// none of them is none of them.
    first: [bool; 128],
    /// The longest of those, in bytes: a word more than four times longer (a char is at most
    /// four bytes, its lower case at least one) is none of them.
    longest: usize,
    /// The others, compared one by one.
    other: Vec<&'static str>,
}

impl RoleWords {
    fn new(words: Vec<&'static str>) -> RoleWords {
        let (lower, other): (Vec<&'static str>, Vec<&'static str>) = words
            .iter()
            .partition(|w| w.chars().all(|c| crate::text::chars::lower(c) == c));
        let mut first = [false; 128];
        for w in &lower {
            if let Some(&b) = w.as_bytes().first() {
                if b < 0x80 {
                    first[b as usize] = true;
                }
            }
        }
        RoleWords {
            longest: lower.iter().map(|w| w.len()).max().unwrap_or(0),
            lower: lower.iter().map(|w| w.as_bytes()).collect(),
            first,
            other,
            words,
        }
    }

    /// Is `word` (the whole of it) one of the words, ignoring case? The same answer as
    /// [`crate::text::chars::is_one_of`] over them, from one hash lookup of the word in lower
    /// case.
    pub fn contains(&self, word: &str) -> bool {
        if !self.other.is_empty() && crate::text::chars::is_one_of(word, &self.other) {
            return true;
        }
        let Some(&b0) = word.as_bytes().first() else {
            return self.lower.contains(&b""[..]);
        };
        if (b0 < 0x80 && !self.first[b0.to_ascii_lowercase() as usize])
            || word.len() > 4 * self.longest
        {
            return false;
        }
        // The word, lowered char by char: a word matches a lower-case entry exactly when its
        // lower case is that entry.
        let mut buf = [0u8; 64];
        let mut n = 0;
        for c in word.chars() {
            let l = crate::text::chars::lower(c);
            if n + l.len_utf8() > buf.len() {
                return crate::text::chars::is_one_of(word, &self.words);
            }
            l.encode_utf8(&mut buf[n..]);
            n += l.len_utf8();
        }
        self.lower.contains(&buf[..n])
    }
}

/// Every phrase list, the tables that go with them, and the vocabulary they share.
pub(crate) struct Lexicon {
    pub vocab: Vocab,
    pub count_units: PhraseList<()>,
    pub count_open: PhraseList<CountWord>,
    /// The words of `data/context_words.txt` and their roles.
    pub context: PhraseList<ContextRoles>,
    /// `data/metrics.txt` (and the user's `[metrics]`): a phrase of a metric label → its key.
    pub metrics: PhraseList<String>,
    pub duration_units: PhraseList<TimeUnit>,
    pub qualifiers: PhraseList<Option<Qualifier>>,
    pub money_context: PhraseList<()>,
    pub money_suffix: PhraseList<()>,
    pub minor_currency: PhraseList<()>,
    pub not_currency: PhraseList<()>,
    pub months: PhraseList<u32>,
    pub weekdays: PhraseList<Weekday>,
    pub relative_time: PhraseList<(TimeUnit, i32)>,
    pub holidays: PhraseList<Holiday>,
    pub can_chi: PhraseList<(bool, u32)>,
    pub seasons: PhraseList<SeasonSpan>,
    pub org_heads: PhraseList<OrgHead>,
    pub not_org: PhraseList<()>,
    /// What makes "N năm" an anniversary (`data/anniversary.txt`): `true` for a word written
    /// before the figure ("kỷ niệm"), `false` for one after its unit ("ngày sinh").
    pub anniversary: PhraseList<bool>,
    pub org_specs: PhraseList<&'static str>,
    pub known_orgs: PhraseList<String>,
    /// Bodies every unit has its own of (`data/local_bodies.txt`), longest first.
    pub local_bodies: Vec<LocalBody>,
    pub person_titles: PhraseList<TitleKind>,
    pub roles: PhraseList<&'static str>,
    pub admin_levels: PhraseList<&'static str>,
    pub stopwords: PhraseList<()>,
    /// The number words (`data/number_words.txt`), for their marks: a word that starts no
    /// entry is no number word, whatever its case.
    pub number_words: PhraseList<()>,
    /// The user's places named without a level: name as written, level.
    pub places: PhraseList<(String, &'static str)>,
    pub abbreviations: abbrev::Abbreviations,
    /// The first words of the abbreviations, in lower case, for their marks: a word that
    /// starts no entry starts no abbreviation, in any case.
    pub abbr_first: PhraseList<()>,
    pub currencies: Vec<Currency>,
    /// The currencies written after a figure whose mark starts with a char (lower case), in
    /// the order of `currencies`.
    pub currency_first: Map<char, Vec<usize>>,
    /// The currencies written before a figure whose mark ends with a char, in order.
    pub currency_last: Map<char, Vec<usize>>,
    pub measure_units: Vec<MeasureUnit>,
    /// For each first byte, the measure units written starting with it, in the order of
    /// `measure_units` (longest first).
    pub measure_by_first: Vec<Vec<usize>>,
    pub surnames: Set<&'static str>,
    /// The first bytes of the surnames: a word that starts with another is none.
    pub surname_first: [bool; 256],
    pub document_words: Vec<(&'static str, DocNumber)>,
    /// The letterhead's motto lines, as [`letterhead_key`]s (`data/letterhead.txt`).
    pub letterhead_motto: Vec<String>,
    /// The labels of a document's number in a letterhead ("số").
    pub letterhead_number: Vec<&'static str>,
    pub not_after: Vec<&'static str>,
    /// What may stand between the two ends of a range: " đến ", " tới ", "-", " - ", "- ", … (the
    /// `range_to` words with a space either side, and those with no letter alone or with a
    /// space on one side).
    pub range_separators: Vec<String>,
    /// The words of each role, by [`Role`].
    role_words: Vec<RoleWords>,
}

/// A letterhead line as its motto lines are compared: lower case, tone marks where the
/// spelling reform puts them, letters only, one space between words ("Độc lập – Tự do –
/// Hạnh phúc", "ĐỘC LẬP-TỰ DO-HẠNH PHÚC" → "độc lập tự do hạnh phúc").
pub(crate) fn letterhead_key(line: &str) -> String {
    let lower: String = line
        .chars()
        .map(|c| {
            if c.is_alphabetic() {
                crate::text::chars::lower(c)
            } else {
                ' '
            }
        })
        .collect();
    crate::text::chars::fold_spaces(&crate::text::tone::fix_tone(&lower))
}

/// Panics with the message of a built-in list's error. `tests::every_list_loads` loads every
/// built-in list, so that a malformed line fails the tests, never a user's run.
fn or_panic<T>(r: Result<T, Error>) -> T {
    r.unwrap_or_else(|e| panic!("{e}"))
}

fn set(vocab: &mut Vocab, f: DataFile) -> Result<PhraseList<()>, Error> {
    let mut b = ListBuilder::new(vocab);
    for l in lines(f.name, f.text, 1, 1)? {
        b.add(l.col(0), ());
    }
    Ok(b.build())
}

fn map<T>(
    vocab: &mut Vocab,
    f: DataFile,
    cols: (usize, usize),
    mut value: impl FnMut(&Line<'static>) -> Result<T, Error>,
) -> Result<PhraseList<T>, Error> {
    let mut b = ListBuilder::new(vocab);
    for l in lines(f.name, f.text, cols.0, cols.1)? {
        let v = value(&l)?;
        b.add(l.col(0), v);
    }
    Ok(b.build())
}

fn time_unit(l: &Line, i: usize) -> Result<TimeUnit, Error> {
    Ok(
        match l.choice(i, &["day", "week", "month", "quarter", "year"], None)? {
            "day" => TimeUnit::Day,
            "week" => TimeUnit::Week,
            "month" => TimeUnit::Month,
            "quarter" => TimeUnit::Quarter,
            _ => TimeUnit::Year,
        },
    )
}

/// What a user lexicon adds to the built-in lists.
#[derive(Default)]
pub(crate) struct Additions {
    pub abbreviations: Vec<(String, Abbr)>,
    pub organizations: Vec<(String, String)>,
    pub places: Vec<(String, &'static str)>,
    /// Metric phrases and their keys.
    pub metrics: Vec<(String, String)>,
}

impl Lexicon {
    /// The built-in lists.
    pub fn builtin() -> &'static Lexicon {
        static LEX: LazyLock<Lexicon> = LazyLock::new(|| or_panic(Lexicon::build(None)));
        &LEX
    }

    /// The built-in lists with a user's additions (which win over built-in entries of the
    /// same phrase).
    pub fn build(user: Option<&Additions>) -> Result<Lexicon, Error> {
        let mut v = Vocab::default();
        let vocab = &mut v;
        let count_units = set(vocab, file("count_units.txt"))?;
        let count_open = map(vocab, file("count_open.txt"), (2, 2), |l| {
            let names = ["classifier", "modifier", "not_counted", "numbered"];
            Ok(match l.choice(1, &names, None)? {
                "classifier" => CountWord::Classifier,
                "modifier" => CountWord::Modifier,
                "not_counted" => CountWord::NotCounted,
                _ => CountWord::Numbered,
            })
        })?;
        let context = {
            let f = file("context_words.txt");
            let roles = [
                "partner",
                "comparison",
                "edge",
                "change",
                "stop",
                "unknown_time",
                "since",
                "until_now",
                "head",
                "scope",
                "link",
                "exists",
            ];
            let mut roles_of: Vec<(&str, u16)> = Vec::new();
            for l in lines(f.name, f.text, 2, 2)? {
                let role = l.choice(1, &roles, None)?;
                let bit = 1u16 << roles.iter().position(|r| *r == role).unwrap_or(0);
                let key = crate::text::chars::key_of(l.col(0));
                match roles_of
                    .iter_mut()
                    .find(|(p, _)| crate::text::chars::key_of(p) == key)
                {
                    Some((_, bits)) => *bits |= bit,
                    None => roles_of.push((l.col(0), bit)),
                }
            }
            let mut b = ListBuilder::new(vocab);
            for (phrase, bits) in roles_of {
                b.add(phrase, ContextRoles(bits));
            }
            b.build()
        };
        let metrics = {
            let f = file("metrics.txt");
            let mut b = ListBuilder::new(vocab);
            for l in lines(f.name, f.text, 2, 2)? {
                if !is_metric_key(l.col(1)) {
                    return Err(l.error(
                        "column 2 is not a key: write lower-case ASCII letters, digits and underscores",
                    ));
                }
                b.add(l.col(0), l.col(1).to_owned());
            }
            for (phrase, key) in user.map_or(&[][..], |u| &u.metrics[..]) {
                b.add(phrase, key.clone());
            }
            b.build()
        };
        let duration_units = map(vocab, file("duration_units.txt"), (2, 2), |l| {
            time_unit(l, 1)
        })?;
        let qualifiers = map(vocab, file("qualifiers.txt"), (2, 2), |l| {
            let names = [
                "over", "under", "nearly", "about", "at_least", "at_most", "none",
            ];
            Ok(match l.choice(1, &names, None)? {
                "none" => None,
                q => Qualifier::from_name(q),
            })
        })?;
        let money_context = set(vocab, file("money_context.txt"))?;
        let money_suffix = set(vocab, file("money_suffix.txt"))?;
        let minor_currency = set(vocab, file("minor_currency.txt"))?;
        let not_currency = set(vocab, file("not_currency.txt"))?;
        let months = map(vocab, file("months.txt"), (2, 2), |l| {
            l.number(1, 1u32..=12)
        })?;
        let weekdays = map(vocab, file("weekdays.txt"), (2, 2), |l| {
            Ok(Weekday::ALL[l.number(1, 0usize..=6)?])
        })?;
        let relative_time = map(vocab, file("relative_time.txt"), (3, 3), |l| {
            Ok((time_unit(l, 1)?, l.number(2, -100i32..=100)?))
        })?;
        let holidays = map(vocab, file("holidays.txt"), (4, 4), |l| {
            let lunar = l.choice(1, &["solar", "lunar"], None)? == "lunar";
            let (day, month) = l.day_month(2)?;
            let alone = l.choice(3, &["alone", "cue"], None)? == "alone";
            Ok(Holiday {
                lunar,
                day,
                month,
                alone,
            })
        })?;
        let can_chi = map(vocab, file("can_chi.txt"), (3, 3), |l| {
            let stem = l.choice(1, &["stem", "branch"], None)? == "stem";
            Ok((stem, l.number(2, 0u32..=if stem { 9 } else { 11 })?))
        })?;
        let seasons = map(vocab, file("seasons.txt"), (4, 4), |l| {
            let season = match l.choice(1, &["spring", "summer", "autumn", "winter"], None)? {
                "spring" => Season::Spring,
                "summer" => Season::Summer,
                "autumn" => Season::Autumn,
                _ => Season::Winter,
            };
            Ok(SeasonSpan {
                season,
                from: l.day_month(2)?,
                to: l.day_month(3)?,
            })
        })?;
        let org_heads = map(vocab, file("org_heads.txt"), (2, 3), |l| {
            let what = l.choice(2, &["sub", "whole", "part"], Some("part"))?;
            Ok(OrgHead {
                canonical: l.col(1),
                sub: what == "sub",
                whole: what == "whole",
            })
        })?;
        let not_org = set(vocab, file("not_org.txt"))?;
        let anniversary = map(vocab, file("anniversary.txt"), (2, 2), |l| {
            Ok(l.choice(1, &["before", "after"], None)? == "before")
        })?;
        let org_specs = map(vocab, file("org_specs.txt"), (2, 2), |l| Ok(l.col(1)))?;
        let mut known_orgs = ListBuilder::new(vocab);
        let f = file("known_orgs.txt");
        for l in lines(f.name, f.text, 2, 2)? {
            known_orgs.add(l.col(0), l.col(1).to_owned());
        }
        for (name, canonical) in user.map_or(&[][..], |u| &u.organizations[..]) {
            known_orgs.add(name, canonical.clone());
        }
        let known_orgs = known_orgs.build();
        let f = file("local_bodies.txt");
        let mut local_bodies: Vec<LocalBody> = lines(f.name, f.text, 2, 3)?
            .iter()
            .map(|l| LocalBody {
                key: l.col(0).chars().map(crate::text::chars::lower).collect(),
                form: l.col(1),
                level: l.get(2),
            })
            .collect();
        local_bodies.sort_by_key(|b| std::cmp::Reverse(b.key.len()));
        let person_titles = map(vocab, file("person_titles.txt"), (1, 2), |l| {
            Ok(
                match l.choice(1, &["title", "kin", "group"], Some("title"))? {
                    "kin" => TitleKind::Kin,
                    "group" => TitleKind::Group,
                    _ => TitleKind::Title,
                },
            )
        })?;
        let roles = map(vocab, file("roles.txt"), (2, 2), |l| Ok(l.col(1)))?;
        let admin_levels = map(vocab, file("admin_levels.txt"), (2, 2), |l| Ok(l.col(1)))?;
        let stopwords = set(vocab, file("stopwords.txt"))?;
        let number_words = map(vocab, file("number_words.txt"), (2, 2), |_| Ok(()))?;
        let mut places = ListBuilder::new(vocab);
        for (name, level) in user.map_or(&[][..], |u| &u.places[..]) {
            places.add(name, (name.clone(), *level));
        }
        let places = places.build();

        let f = file("abbreviations.txt");
        let mut abbrs = Vec::new();
        for l in lines(f.name, f.text, 3, 3)? {
            abbrs.push((l.col(0).to_owned(), abbrev::abbr(&l)?));
        }
        // The user's first: they win over a built-in sense of the same abbreviation.
        let mut all: Vec<(String, Abbr)> = user.map_or_else(Vec::new, |u| u.abbreviations.clone());
        all.extend(abbrs);
        let mut abbr_first = ListBuilder::new(vocab);
        for (k, _) in &all {
            let first = abbrev::first_word(k);
            if !first.is_empty() {
                abbr_first.add(first, ());
            }
        }
        let abbr_first = abbr_first.build();
        let abbreviations = abbrev::Abbreviations::new(all);

        let f = file("currencies.txt");
        let mut currencies = Vec::new();
        for l in lines(f.name, f.text, 3, 4)? {
            let place = l.choice(2, &["after", "before", "both"], None)?;
            currencies.push(Currency {
                mark: l.col(0).to_lowercase(),
                code: l.col(1),
                after: matches!(place, "after" | "both"),
                before: matches!(place, "before" | "both"),
                glue: l.choice(3, &["glue"], Some(""))? == "glue",
            });
        }
        currencies.sort_by_key(|c| std::cmp::Reverse(c.mark.chars().count()));
        let mut currency_first: Map<char, Vec<usize>> = Map::default();
        let mut currency_last: Map<char, Vec<usize>> = Map::default();
        for (i, c) in currencies.iter().enumerate() {
            if let (true, Some(f)) = (c.after, c.mark.chars().next()) {
                currency_first.entry(f).or_default().push(i);
            }
            if let (true, Some(l)) = (c.before, c.mark.chars().next_back()) {
                currency_last.entry(l).or_default().push(i);
            }
        }
        let f = file("measure_units.txt");
        let mut measure_units = Vec::new();
        for l in lines(f.name, f.text, 2, 2)? {
            measure_units.push(MeasureUnit {
                written: l.col(0),
                symbol: l.col(1),
            });
        }
        measure_units.sort_by_key(|u| std::cmp::Reverse(u.written.chars().count()));
        let mut measure_by_first = vec![Vec::new(); 256];
        for (i, u) in measure_units.iter().enumerate() {
            if let Some(&b) = u.written.as_bytes().first() {
                measure_by_first[b as usize].push(i);
            }
        }
        let f = file("surnames.txt");
        let surnames: Set<&'static str> = lines(f.name, f.text, 1, 1)?
            .iter()
            .map(|l| l.col(0))
            .collect();
        let mut surname_first = [false; 256];
        for n in &surnames {
            if let Some(&b) = n.as_bytes().first() {
                surname_first[b as usize] = true;
            }
        }
        let f = file("document_words.txt");
        let mut document_words = Vec::new();
        for l in lines(f.name, f.text, 2, 2)? {
            let class = match l.choice(1, &["bare", "numbered"], None)? {
                "bare" => DocNumber::Bare,
                _ => DocNumber::Numbered,
            };
            document_words.push((l.col(0), class));
        }
        let f = file("letterhead.txt");
        let (mut letterhead_motto, mut letterhead_number) = (Vec::new(), Vec::new());
        for l in lines(f.name, f.text, 2, 2)? {
            match l.choice(1, &["motto", "number"], None)? {
                "motto" => letterhead_motto.push(letterhead_key(l.col(0))),
                _ => letterhead_number.push(l.col(0)),
            }
        }
        let f = file("not_after.txt");
        let not_after = lines(f.name, f.text, 1, 1)?
            .iter()
            .map(|l| l.col(0))
            .collect();
        let mut words: Vec<Vec<&'static str>> = vec![Vec::new(); ROLES.len()];
        for name in ["function_words.txt", "calendar_words.txt"] {
            let f = file(name);
            for l in lines(f.name, f.text, 2, 2)? {
                let role = l.choice(1, ROLES, None)?;
                if let Some(i) = ROLES.iter().position(|r| *r == role) {
                    words[i].push(l.col(0));
                }
            }
        }
        let mut range_separators = Vec::new();
        for w in &words[role_named("range_to").0 as usize] {
            // A mark may stand glued to either end: "6.200-6.400", "6.200- 6.400", "6.200 -6.400".
            if !w.chars().any(char::is_alphabetic) {
                range_separators.push((*w).to_owned());
                range_separators.push(format!("{w} "));
                range_separators.push(format!(" {w}"));
            }
            range_separators.push(format!(" {w} "));
        }
        Ok(Lexicon {
            vocab: v,
            count_units,
            count_open,
            context,
            metrics,
            duration_units,
            qualifiers,
            money_context,
            money_suffix,
            minor_currency,
            not_currency,
            months,
            weekdays,
            relative_time,
            holidays,
            can_chi,
            seasons,
            org_heads,
            not_org,
            anniversary,
            org_specs,
            known_orgs,
            local_bodies,
            person_titles,
            roles,
            admin_levels,
            stopwords,
            number_words,
            places,
            abbreviations,
            abbr_first,
            currencies,
            currency_first,
            currency_last,
            measure_units,
            measure_by_first,
            surnames,
            surname_first,
            document_words,
            letterhead_motto,
            letterhead_number,
            not_after,
            range_separators,
            role_words: words.into_iter().map(RoleWords::new).collect(),
        })
    }

    /// The words of one role of `data/function_words.txt` or `data/calendar_words.txt`.
    pub fn words(&self, role: Role) -> &[&'static str] {
        &self.role_words[role.0 as usize].words
    }

    /// The words of a role, with a quick test of a word against them.
    pub fn role(&self, role: Role) -> &RoleWords {
        &self.role_words[role.0 as usize]
    }

    /// The first word of a role ("năm" for `year_word`).
    pub fn word(&self, role: Role) -> &'static str {
        self.words(role).first().copied().unwrap_or("")
    }
}

/// The words of one role of the built-in lists, by its name (for building patterns).
pub(crate) fn words(name: &str) -> &'static [&'static str] {
    match ROLES.iter().position(|r| *r == name) {
        Some(i) => &Lexicon::builtin().role_words[i].words,
        None => panic!("no role {name} in lexicon::ROLES"),
    }
}

/// Words as regex alternatives, longest first (so that the longest wins), for building
/// patterns.
pub(crate) fn alternatives<'a>(words: impl IntoIterator<Item = &'a str>) -> String {
    let mut w: Vec<String> = words.into_iter().map(regex::escape).collect();
    w.sort_by_key(|w| std::cmp::Reverse(w.len()));
    w.dedup();
    w.join("|")
}

/// The words of some roles as regex alternatives, longest first.
pub(crate) fn alternatives_of(roles: &[&str]) -> String {
    alternatives(roles.iter().flat_map(|r| words(r).iter().copied()))
}

/// The full form of an abbreviation ("BHYT" → "Bảo hiểm y tế"), whatever it names.
///
/// ```
/// assert_eq!(vnfacts::expand_abbreviation("BHYT"), Some("Bảo hiểm y tế"));
/// assert_eq!(vnfacts::expand_abbreviation("UBND"), Some("Ủy ban nhân dân"));
/// assert_eq!(vnfacts::expand_abbreviation("XYZ"), None);
/// ```
pub fn expand_abbreviation(abbr: &str) -> Option<&'static str> {
    Lexicon::builtin()
        .abbreviations
        .get(abbr)
        .map(|a| a[0].full.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every built-in list loads strictly: a malformed line fails here, not in a user's run.
    #[test]
    fn role_words_answer_as_the_list_does() {
        use crate::text::chars::is_one_of;
        let r = RoleWords::new(vec!["năm", "tháng", "ÂL", "km", "", "đồng chí"]);
        for w in [
            "năm",
            "Năm",
            "NĂM",
            "nam",
            "tháng",
            "THÁNG",
            "âl",
            "ÂL",
            "Âl",
            "km",
            "\u{212a}m",
            "",
            "đồng chí",
            "Đồng Chí",
            "đồng  chí",
            "x",
            "thángg",
        ] {
            assert_eq!(r.contains(w), is_one_of(w, &r.words), "{w:?}");
        }
    }

    #[test]
    fn every_list_loads() {
        let lex = Lexicon::build(None).unwrap_or_else(|e| panic!("{e}"));
        assert!(number_words().contains_key("Mười"));
        assert!(lex.count_units.len() > 100);
        assert!(lex.abbreviations.get("UBND").is_some());
        for role in ROLES {
            assert!(!words(role).is_empty(), "no words of role {role}");
        }
        // Every file is used: its name is in FILES and it parses.
        for f in FILES {
            assert!(!f.text.is_empty(), "{}", f.name);
        }
        let mut on_disk: Vec<String> =
            std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/data"))
                .unwrap()
                .map(|e| format!("data/{}", e.unwrap().file_name().to_string_lossy()))
                .collect();
        on_disk.sort();
        let mut known: Vec<String> = FILES.iter().map(|f| f.name.to_owned()).collect();
        known.sort();
        assert_eq!(
            on_disk, known,
            "every file of data/ is loaded, and only those"
        );
    }

    #[test]
    fn lookups() {
        let lex = Lexicon::builtin();
        let v = &lex.vocab;
        assert_eq!(
            lex.qualifiers.get(v, "Xấp xỉ"),
            Some(&Some(Qualifier::About))
        );
        assert_eq!(lex.qualifiers.get(v, "cấp trên"), Some(&None));
        assert!(lex
            .currencies
            .iter()
            .any(|c| c.mark == "vnđ" && c.code == "VND"));
        assert!(lex
            .measure_units
            .iter()
            .any(|u| u.written == "m²" && u.symbol == "m2"));
        assert!(lex.org_heads.get(v, "Đảng ủy").unwrap().whole);
        assert!(lex.org_heads.get(v, "ban thường vụ").unwrap().sub);
        assert!(lex
            .known_orgs
            .get(v, "Agribank")
            .unwrap()
            .contains("Agribank"));
        assert!(lex.surnames.contains("Nguyễn"));
        assert_eq!(lex.person_titles.get(v, "chị"), Some(&TitleKind::Kin));
        assert_eq!(lex.roles.get(v, "bí thư"), Some(&"Bí thư"));
        assert_eq!(lex.admin_levels.get(v, "Thị trấn"), Some(&"thị trấn"));
        assert_eq!(lex.months.get(v, "Chạp"), Some(&12));
        assert_eq!(lex.weekdays.get(v, "chủ nhật"), Some(&Weekday::Sunday));
        assert_eq!(
            lex.relative_time.get(v, "hôm qua"),
            Some(&(TimeUnit::Day, -1))
        );
        assert!(lex
            .holidays
            .get(v, "Quốc khánh")
            .is_some_and(|h| !h.lunar && h.month == 9));
        assert_eq!(
            lex.seasons.get(v, "hè").map(|s| s.season),
            Some(Season::Summer)
        );
        assert_eq!(expand_abbreviation("NTM"), Some("nông thôn mới"));
    }
}
