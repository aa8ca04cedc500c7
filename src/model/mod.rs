//! The output types of SPEC.md: a [`Document`] and its [`Fact`]s.

pub(crate) mod dec;

pub use dec::Dec;
use serde::Serialize;
use std::fmt;
use std::str::FromStr;

/// The kind of a fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Kind {
    /// An amount of money.
    Money,
    /// A count of things ("20 hội viên").
    Count,
    /// A percentage.
    Percent,
    /// A ratio ("12/12 chi hội").
    Ratio,
    /// A measure with a unit ("50m", "3 ha").
    Measure,
    /// A length of time ("6 tháng").
    Duration,
    /// A date at day, month or year precision.
    Date,
    /// A span of time with bounds.
    Period,
    /// An organisation.
    Organization,
    /// A person.
    Person,
    /// A place.
    Location,
}

impl Kind {
    /// Every kind, in the order of SPEC.md.
    pub const ALL: [Kind; 11] = [
        Kind::Money,
        Kind::Count,
        Kind::Percent,
        Kind::Ratio,
        Kind::Date,
        Kind::Period,
        Kind::Duration,
        Kind::Measure,
        Kind::Organization,
        Kind::Person,
        Kind::Location,
    ];

    /// The name used in JSON and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Money => "money",
            Kind::Count => "count",
            Kind::Percent => "percent",
            Kind::Ratio => "ratio",
            Kind::Measure => "measure",
            Kind::Duration => "duration",
            Kind::Date => "date",
            Kind::Period => "period",
            Kind::Organization => "organization",
            Kind::Person => "person",
            Kind::Location => "location",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Kind {
    type Err = crate::Error;
    /// Reads a kind's name ("money"; "organisation" is read too).
    fn from_str(s: &str) -> Result<Kind, crate::Error> {
        let s = s.trim().to_ascii_lowercase();
        Kind::ALL
            .into_iter()
            .find(|k| k.name() == s || (s == "organisation" && *k == Kind::Organization))
            .ok_or_else(|| {
                let names: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
                crate::Error::new(
                    crate::ErrorKind::InvalidInput,
                    format!("unknown kind {s:?}; the kinds are {}", names.join(", ")),
                )
            })
    }
}

/// How a figure is qualified ("trên 12 tỷ" is `Over`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Qualifier {
    /// No qualifier.
    Exact,
    /// trên, hơn, ngoài
    Over,
    /// dưới
    Under,
    /// gần, gần như
    Nearly,
    /// khoảng, xấp xỉ, trên dưới, chừng
    About,
    /// ít nhất, tối thiểu, không dưới, "từ … trở lên"
    AtLeast,
    /// tối đa, không quá, "từ … trở xuống"
    AtMost,
}

impl Qualifier {
    /// The name used in JSON and in `data/qualifiers.txt`.
    pub fn name(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::Over => "over",
            Qualifier::Under => "under",
            Qualifier::Nearly => "nearly",
            Qualifier::About => "about",
            Qualifier::AtLeast => "at_least",
            Qualifier::AtMost => "at_most",
        }
    }

    /// Reads the name used in `data/qualifiers.txt`.
    pub fn from_name(s: &str) -> Option<Qualifier> {
        Some(match s {
            "exact" => Qualifier::Exact,
            "over" => Qualifier::Over,
            "under" => Qualifier::Under,
            "nearly" => Qualifier::Nearly,
            "about" => Qualifier::About,
            "at_least" => Qualifier::AtLeast,
            "at_most" => Qualifier::AtMost,
            _ => return None,
        })
    }
}

/// The precision of a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Precision {
    /// 2024-07-08
    Day,
    /// 2024-07
    Month,
    /// 2024
    Year,
}

impl Precision {
    /// The name used in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Month => "month",
            Precision::Year => "year",
        }
    }
}

/// A fact's `value`: a number, or an ISO date, or null (a date whose year is unknown).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum Value {
    /// A number.
    Number(Dec),
    /// An ISO 8601 date.
    Date(String),
    /// Unknown (a date with no year and no reference year).
    Null,
}

/// One fact read from the text. Fields that do not apply to a kind are absent from the JSON.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fact {
    /// The kind.
    pub kind: Kind,
    /// The exact characters of the input this fact was read from.
    pub text: String,
    /// Start in the decoded input, in chars.
    pub start: usize,
    /// End (exclusive), in chars.
    pub end: usize,
    /// 1-based line of `start`.
    pub line: usize,
    /// The value (absent for ranges, which have `min` and `max`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<Value>,
    /// Lower bound of a range.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<Dec>,
    /// Upper bound of a range.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<Dec>,
    /// Currency code of money.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// What an amount is per ("em", "tháng", "hộ/năm").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub per: Option<String>,
    /// The counted noun, the unit of a measure or duration, or the noun of a ratio.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Ratio numerator.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub numerator: Option<Dec>,
    /// Ratio denominator.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub denominator: Option<Dec>,
    /// Precision of a date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub precision: Option<Precision>,
    /// First day of a period (ISO, inclusive).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// Last day of a period (ISO, inclusive).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// True when the year was completed from the reference year.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year_inferred: Option<bool>,
    /// A date with no year when the reference year is unknown: "--MM-DD".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub month_day: Option<String>,
    /// How the figure is qualified.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<Qualifier>,
    /// A date or period said relative to the document's date ("hôm qua", "tháng trước").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relative: Option<Relative>,
    /// The lunar date a date was written as ("rằm tháng Giêng năm 2024").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lunar: Option<LunarDate>,
    /// The time of day stated beside a date ("lúc 14 giờ 30 ngày 8/7" → "14:30").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
    /// The part of the day stated beside a date: "sáng", "trưa", "chiều", "tối", "đêm".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part_of_day: Option<String>,
    /// An organisation's name as written (spaces folded), a person's name (casing repaired) or
    /// a place's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// An organisation's canonical name: abbreviations expanded, casing and tone marks as
    /// official names write them, the place completed where the text makes it certain.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub canonical: Option<String>,
    /// A person's position, where stated ("Huyện ủy viên, Bí thư Đảng ủy").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// A place's administrative level (`xã`, `xóm`, `huyện`, …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<String>,
    /// A commune's or district's province, when the gazetteer and the document make the unit
    /// certain.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub province: Option<String>,
    /// A commune's district (on the map before 2025), when certain.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub district: Option<String>,
    /// The unit's official code (GSO), when certain.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// A unit changed by the 2025 reorganisation: the unit it is part of now ("phường Hồng
    /// Hà"), when certain.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current: Option<String>,
    /// A person named by one name only ("đồng chí Hùng"): the full name the document gives.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub full_name: Option<String>,
    /// The report's author (its closing line).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<bool>,
    /// A counted noun with an abbreviation, spelled out ("thẻ BHYT" → "thẻ Bảo hiểm y tế").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit_full: Option<String>,
    /// What is wrong with what the report says, when the fact is kept anyway: a date with no
    /// such day ("ngày 31/4/2024": `value` null, the text as written).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warning: Option<String>,
    /// The page of a PDF the fact is on (1-based; absent for the other formats).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// Whose figure it is, for when, and what it measures (figure facts only: money, count,
    /// percent, ratio, measure).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub context: Option<Box<Context>>,
}

/// The context of a figure: the organisation, period and metric a careful reader ties it to;
/// each `None` (JSON `null`) when the text does not support one.
///
/// ```
/// let doc = vnfacts::extract(
///     "Năm 2024, Hội LHPN xã Kim Liên đã kết nạp 20 hội viên mới.",
///     &vnfacts::Options::default(),
/// );
/// let count = doc.facts.iter().find(|f| f.kind == vnfacts::Kind::Count).unwrap();
/// let ctx = count.context.as_ref().unwrap();
/// let org = ctx.organization.as_ref().unwrap();
/// assert_eq!(org.canonical, "Hội Liên hiệp Phụ nữ xã Kim Liên");
/// let period = ctx.period.as_ref().unwrap();
/// assert_eq!((period.from.as_str(), period.to.as_str()), ("2024-01-01", "2024-12-31"));
/// assert_eq!(ctx.metric.as_ref().unwrap().label, "kết nạp hội viên mới");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Context {
    /// The organisation whose activity or result the figure reports.
    pub organization: Option<ContextOrganization>,
    /// The time the figure refers to.
    pub period: Option<ContextPeriod>,
    /// What the figure measures.
    pub metric: Option<Metric>,
}

/// The organisation of a figure, and the mention that supplied it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ContextOrganization {
    /// Its canonical name, as for organisation facts.
    pub canonical: String,
    /// Start of the mention (chars).
    pub start: usize,
    /// End of the mention (chars, exclusive).
    pub end: usize,
    /// The mention as written (not in the JSON, which has its offsets).
    #[serde(skip)]
    pub text: String,
}

/// The period of a figure, and the mention that supplied it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ContextPeriod {
    /// First day (ISO, inclusive).
    pub from: String,
    /// Last day (ISO, inclusive).
    pub to: String,
    /// Start of the mention (chars).
    pub start: usize,
    /// End of the mention (chars, exclusive).
    pub end: usize,
    /// The mention as written (not in the JSON, which has its offsets).
    #[serde(skip)]
    pub text: String,
}

/// What a figure measures: a short label of the text's own words, and the key of a standard
/// indicator (`data/metrics.txt`) when the label holds one of its phrases.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Metric {
    /// The label ("kết nạp hội viên mới", "thu ngân sách", "tỷ lệ hộ nghèo").
    pub label: String,
    /// The standard indicator's key (`members_admitted`), when one matches.
    pub key: Option<String>,
    /// Start of the words the label was made from (chars).
    pub start: usize,
    /// End of them (chars, exclusive).
    pub end: usize,
}

/// A unit of time: of a duration ("6 tháng"), or of a time said relative to the document's
/// date ("tháng trước").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TimeUnit {
    /// A day.
    Day,
    /// A week, Monday to Sunday.
    Week,
    /// A month.
    Month,
    /// A quarter of a year.
    Quarter,
    /// A year.
    Year,
    /// A season ("mùa hè này"; relative times only).
    Season,
}

impl TimeUnit {
    /// The name used in JSON.
    pub fn name(self) -> &'static str {
        match self {
            TimeUnit::Day => "day",
            TimeUnit::Week => "week",
            TimeUnit::Month => "month",
            TimeUnit::Quarter => "quarter",
            TimeUnit::Year => "year",
            TimeUnit::Season => "season",
        }
    }
}

/// A day of the week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Weekday {
    /// thứ Hai
    Monday,
    /// thứ Ba
    Tuesday,
    /// thứ Tư
    Wednesday,
    /// thứ Năm
    Thursday,
    /// thứ Sáu
    Friday,
    /// thứ Bảy
    Saturday,
    /// chủ nhật
    Sunday,
}

impl Weekday {
    /// Monday first.
    pub const ALL: [Weekday; 7] = [
        Weekday::Monday,
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
        Weekday::Saturday,
        Weekday::Sunday,
    ];

    /// Days from Monday: 0 for Monday … 6 for Sunday.
    pub fn index(self) -> u32 {
        Weekday::ALL.iter().position(|w| *w == self).unwrap_or(0) as u32
    }
}

/// A season of the year (astronomical, northern hemisphere; `data/seasons.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Season {
    /// mùa xuân
    Spring,
    /// mùa hè, mùa hạ
    Summer,
    /// mùa thu
    Autumn,
    /// mùa đông
    Winter,
}

/// A time said relative to the document's date.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Relative {
    /// `day`, `week`, `month`, `quarter`, `year` or `season`.
    pub unit: TimeUnit,
    /// How many units from the document's date: -1 is the one before, 0 the current one.
    pub offset: i32,
    /// For a span ("3 tháng tới"): how many units, starting at `offset`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<u32>,
    /// For a day of the week ("thứ Hai tuần tới").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weekday: Option<Weekday>,
    /// For a season ("mùa hè này").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub season: Option<Season>,
    /// For a named month ("tháng 3 tới"): the month, 1–12; `offset` then says which one
    /// (1 the next after the document's date, -1 the last before it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub month: Option<u32>,
}

impl Relative {
    /// `offset` units from the document's date.
    pub fn new(unit: TimeUnit, offset: i32) -> Relative {
        Relative {
            unit,
            offset,
            count: None,
            weekday: None,
            season: None,
            month: None,
        }
    }
}

/// A date of the Vietnamese lunar calendar, as the text gives it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct LunarDate {
    /// Lunar year (`null` when the text gives none).
    pub year: Option<i32>,
    /// Lunar month, 1–12.
    pub month: u32,
    /// Lunar day, 1–30; absent for a whole month ("tháng 2 nhuận", a period).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub day: Option<u32>,
    /// The leap month ("tháng 2 nhuận").
    pub leap: bool,
}

impl Fact {
    /// An empty fact of a kind; the recognisers fill it in.
    pub fn new(kind: Kind) -> Fact {
        Fact {
            kind,
            text: String::new(),
            start: 0,
            end: 0,
            line: 0,
            value: None,
            min: None,
            max: None,
            currency: None,
            per: None,
            unit: None,
            numerator: None,
            denominator: None,
            precision: None,
            from: None,
            to: None,
            year_inferred: None,
            month_day: None,
            qualifier: None,
            relative: None,
            lunar: None,
            time: None,
            part_of_day: None,
            name: None,
            canonical: None,
            role: None,
            level: None,
            province: None,
            district: None,
            code: None,
            current: None,
            full_name: None,
            author: None,
            unit_full: None,
            warning: None,
            page: None,
            context: None,
        }
    }

    /// The numeric value, if the fact has one.
    pub fn number(&self) -> Option<Dec> {
        match self.value {
            Some(Value::Number(d)) => Some(d),
            _ => None,
        }
    }
}

/// An organisation of the document, listed once.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Organization {
    /// Its canonical name.
    pub canonical: String,
    /// How many times the document names it.
    pub mentions: usize,
}

/// How the bytes of a document became its text (`document.encoding`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct EncodingInfo {
    /// `utf-8`, `utf-16le`, `utf-16be`, `tcvn3`, `tcvn3-vn1`, `vni`, `viscii`, `vps`, `cp1258`,
    /// `viqr` or `mixed`.
    pub name: String,
    /// How sure the reading is, 0 to 1.
    pub confidence: f64,
    /// What was undone on top of it (`mojibake-cp1252`, `legacy-as-cp1252`, `vntimeh-case`,
    /// `nfd`, …).
    pub repairs: Vec<String>,
    /// For `mixed`: which part of the text was read in which encoding.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parts: Option<Vec<EncodingPart>>,
}

/// A part of a `mixed` text read in one encoding.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct EncodingPart {
    /// First char of the part in the decoded text.
    pub start: usize,
    /// End (exclusive), in chars.
    pub end: usize,
    /// The encoding it was read in.
    pub name: String,
}

/// The `document` block.
#[derive(Debug, Default, Clone, PartialEq, Serialize)]
pub struct DocumentInfo {
    /// The input's format: `txt`, `html`, `docx`, `doc`, `pdf`, `rtf`, `odt` (absent when the
    /// text was given decoded).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    /// How the input's bytes became the text (absent when the text was given decoded).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encoding: Option<EncodingInfo>,
    /// A PDF's number of pages.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pages: Option<usize>,
    /// First non-empty line.
    pub title: Option<String>,
    /// The report's own date (ISO), when the text states it.
    pub date: Option<String>,
    /// The year used to complete dates written without one.
    pub reference_year: Option<i32>,
    /// Each organisation the document names, once, in order of first mention (absent when
    /// the kinds read leave organisations out).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organizations: Option<Vec<Organization>>,
    /// The official heading block, when the text opens with one (absent otherwise).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub letterhead: Option<Box<Letterhead>>,
    /// The report's own place, when the text makes it certain (absent otherwise, and when
    /// the kinds read leave locations out).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<Box<DocumentPlace>>,
}

/// The official heading block of a document (`document.letterhead`): "ỦY BAN NHÂN DÂN / XÃ AN
/// THỊNH / Số: 112/BC-UBND" beside the national motto and "An Thịnh, ngày 28 tháng 9 năm 2024".
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Letterhead {
    /// The issuing bodies, top first, canonical: `["Ủy ban nhân dân xã An Thịnh"]`;
    /// `["Hội Liên hiệp Phụ nữ huyện Đông Sơn", "Ban Thường vụ Hội Liên hiệp Phụ nữ huyện Đông
    /// Sơn"]`.
    pub agency: Vec<String>,
    /// The document's number as written (`112/BC-UBND`), `null` when not filled in.
    pub number: Option<String>,
    /// The place written before the date (`An Thịnh`), as written.
    pub place: Option<String>,
}

/// The report's own unit (`document.place`): its lowest administrative unit the text makes
/// certain, with the same fields as a location fact, and where it was found.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct DocumentPlace {
    /// The unit's name (`Kim Liên`).
    pub name: String,
    /// Its level (`xã`, `phường`, `huyện`, `tỉnh`, …).
    pub level: String,
    /// The district it is in (before 2025), when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub district: Option<String>,
    /// The province it is in, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub province: Option<String>,
    /// Its official code, when the unit is certain.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The unit it became in 2025, when that is another.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current: Option<String>,
    /// Where the text names it: `letterhead` (the issuing body), `title` (the first line) or
    /// `opening` (the first sentences; the only unit of its level the text names).
    pub found: &'static str,
}

/// One document's facts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Document {
    /// The path as given, `-` for standard input.
    pub source: String,
    /// Title, date and reference year.
    pub document: DocumentInfo,
    /// The facts, sorted by `start`.
    pub facts: Vec<Fact>,
    /// Things the reader could not use (a figure too large to hold), with their line.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}
