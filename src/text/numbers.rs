//! The number reader: every figure of a text, written in digits, in words, or both.
//!
//! ```
//! use vnfacts::parse_number;
//! assert_eq!(parse_number("2 tỷ 500 triệu").unwrap().to_i64(), Some(2_500_000_000));
//! assert_eq!(parse_number("một trăm linh năm").unwrap().to_i64(), Some(105));
//! assert_eq!(parse_number("87.500 nghìn").unwrap().to_i64(), Some(87_500_000));
//! ```
//!
//! Digits: "." or a space between thousands ("2.232", "15.500 000", "200 000"), a decimal
//! comma ("1,5"), and the sloppy forms real archives hold: a missing or stray separator
//! ("35.600000", "14.250 .000"), a first group too long ("1000.500 000" is one figure), a comma
//! typed for the first dot ("44,962.000"), a decimal dot ("12.5"), "10k", "3M".
//! Words: "ba trăm hai mươi lăm", "mười lăm", "hai mươi mốt", "một trăm linh năm",
//! "năm mươi tư", "một nghìn không trăm hai mươi", "nửa", "hai phẩy năm".
//! Scale words multiply and combine with either: "87.500 nghìn", "2 tỷ 500 triệu",
//! "3 trăm triệu", "1 triệu 200 nghìn", "2 triệu rưỡi", and "3,2 ttriệu" (a doubled letter).

use crate::lexicon::phrase::Marks;
use crate::lexicon::{number_words, NumberWord};
use crate::model::Dec;
use crate::text::chars::is_letter;
use crate::text::tokens::Tok;
use std::sync::LazyLock;

/// Currency marks written glued to a scale word ("5 triệuđ").
static GLUED: LazyLock<&'static [&'static str]> =
    LazyLock::new(|| crate::lexicon::words("glued_currency"));

/// A figure found in (normalised) text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Figure {
    /// Byte offsets in the text.
    pub start: usize,
    /// End, exclusive.
    pub end: usize,
    /// The value read (zero when `overflow`).
    pub value: Dec,
    /// The largest scale word applied (3 nghìn, 6 triệu, 9 tỷ), 0 when none.
    pub scale: u8,
    /// Written with digits (at least partly).
    pub digits: bool,
    /// Written with number words (at least partly).
    pub words: bool,
    /// A single run of digits with no separator, decimal or suffix ("2024", "05").
    pub plain: bool,
    /// A single number word and nothing else ("năm", "một").
    pub single_word: bool,
    /// Too large to hold: the value is not usable.
    pub overflow: bool,
}

#[derive(Debug, Clone, Copy)]
enum AtomKind {
    Digits {
        value: Option<Dec>,
        plain: bool,
        /// A small integer (< 10) usable before "trăm".
        small: Option<u8>,
    },
    Word(NumberWord),
}

#[derive(Debug, Clone, Copy)]
struct Atom {
    start: usize,
    end: usize,
    kind: AtomKind,
}

fn is_digit(b: Option<&u8>) -> bool {
    matches!(b, Some(b'0'..=b'9'))
}

fn digit_run(b: &[u8], mut j: usize) -> usize {
    while j < b.len() && b[j].is_ascii_digit() {
        j += 1;
    }
    j
}

struct DigitNum {
    end: usize,
    value: Option<Dec>,
    plain: bool,
}

/// Accumulates digits into an exact mantissa; `None` once too long.
#[derive(Default)]
struct Acc {
    mant: i128,
    len: usize,
    frac: usize,
    over: bool,
}

impl Acc {
    fn push(&mut self, digits: &[u8]) {
        for &d in digits {
            if self.over {
                return;
            }
            if self.mant == 0 && d == b'0' && self.frac == 0 {
                continue;
            }
            self.len += 1;
            if self.len > 30 {
                self.over = true;
                return;
            }
            self.mant = self.mant * 10 + (d - b'0') as i128;
        }
    }
    fn push_frac(&mut self, digits: &[u8]) {
        for &d in digits {
            if self.over {
                return;
            }
            self.frac += 1;
            self.len += 1;
            if self.len > 30 || self.frac > 20 {
                self.over = true;
                return;
            }
            self.mant = self.mant * 10 + (d - b'0') as i128;
        }
    }
    fn value(&self) -> Option<Dec> {
        if self.over {
            None
        } else {
            Dec::new(self.mant, -(self.frac as i32))
        }
    }
}

/// Reads a number in digits starting at byte `i` (a digit).
fn read_digits(text: &str, i: usize) -> DigitNum {
    let b = text.as_bytes();
    let at = |k: usize| b.get(k);
    let mut j = digit_run(b, i);
    let first_len = j - i;
    let mut acc = Acc::default();
    acc.push(&b[i..j]);
    let mut groups = 0;
    // "44,962.000": a comma typed for the first thousands dot, when a dot group follows.
    if at(j) == Some(&b',')
        && first_len <= 3
        && digit_run(b, j + 1) == j + 4
        && at(j + 4) == Some(&b'.')
        && digit_run(b, j + 5) == j + 8
    {
        acc.push(&b[j + 1..j + 4]);
        j += 4;
        groups += 1;
    }
    loop {
        // "1.500", and a missing separator: "35.600000".
        if at(j) == Some(&b'.') && is_digit(at(j + 1)) {
            let k = digit_run(b, j + 1);
            if (k - j - 1) % 3 == 0 {
                acc.push(&b[j + 1..k]);
                j = k;
                groups += 1;
                continue;
            }
            break;
        }
        // "200 000", and stray separators: "14.250 .000", "2. 000".
        let seps: [&[u8]; 3] = [b" .", b". ", b" . "];
        let mut took = false;
        for (n, sep) in [b" ".as_slice()].iter().chain(seps.iter()).enumerate() {
            if b[j..].starts_with(sep) {
                let g = j + sep.len();
                let k = digit_run(b, g);
                let next = at(k);
                let space_only = n == 0;
                if k - g == 3
                    && next != Some(&b'/')
                    // "12 100.5" is two figures, but "1 000.000 000" is one.
                    && !(next == Some(&b'.')
                        && is_digit(at(k + 1))
                        && space_only
                        && (digit_run(b, k + 1) - k - 1) % 3 != 0)
                    // "2024 100 hộ" is two figures; "1000.500 000" (a group already read) one.
                    && (!space_only || first_len <= 3 || groups > 0)
                {
                    acc.push(&b[g..k]);
                    j = k;
                    groups += 1;
                    took = true;
                    break;
                }
            }
        }
        if !took {
            break;
        }
    }
    let mut plain = groups == 0;
    // English thousands "1,000,000": two or more comma groups of three.
    if groups == 0 && at(j) == Some(&b',') {
        let mut k = j;
        let mut n = 0;
        while at(k) == Some(&b',') && digit_run(b, k + 1) == k + 4 {
            k += 4;
            n += 1;
        }
        if n >= 2 && !is_digit(at(k)) {
            let mut p = j;
            while p < k {
                acc.push(&b[p + 1..p + 4]);
                p += 4;
            }
            j = k;
            plain = false;
        }
    }
    // Decimal comma, or a decimal dot where no thousands group was read ("12.5").
    if (at(j) == Some(&b',') || (at(j) == Some(&b'.') && groups == 0)) && is_digit(at(j + 1)) {
        let k = digit_run(b, j + 1);
        acc.push_frac(&b[j + 1..k]);
        j = k;
        plain = false;
    }
    let mut value = acc.value();
    // "10k", "3M", ",0012G": a multiplier glued to the digits, and no letter after it.
    if let Some(&c) = at(j) {
        let e = match c {
            b'k' | b'K' => 3,
            b'M' => 6,
            b'G' => 9,
            _ => 0,
        };
        if e > 0
            && !text[j + 1..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
        {
            value = value.and_then(|v| v.scale(e));
            j += 1;
            plain = false;
        }
    }
    DigitNum {
        end: j,
        value,
        plain,
    }
}

fn lookup_word(w: &str) -> Option<NumberWord> {
    if let Some(&k) = number_words().get(w) {
        return Some(k);
    }
    // A doubled letter ("ttriệu", "nghìnn"): drop repeats and try again, for scale words only.
    let doubled = || {
        let mut it = w.chars();
        let mut last = it.next();
        it.any(|c| {
            let d = Some(c) == last;
            last = Some(c);
            d
        })
    };
    if w.len() <= 12 && doubled() {
        let mut s = String::with_capacity(w.len());
        let mut last = None;
        for c in w.chars().flat_map(char::to_lowercase) {
            if Some(c) != last {
                s.push(c);
            }
            last = Some(c);
        }
        if s.len() != w.len() {
            if let Some(&k @ NumberWord::Scale(_)) = number_words().get(&s) {
                return Some(k);
            }
        }
    }
    None
}

/// The words of a text already split ([`crate::text::tokens`]) and the mark of the number
/// words among them: a word made of letters that starts no number word is skipped whole.
pub(crate) type Known<'a> = (&'a [Tok], Marks);

/// What tells, from a word's first and last bytes, that a word that starts no number word may
/// still be read as one: a scale word with a doubled letter ("ttriệu": only words that start
/// as a scale word does), or a currency mark glued to a scale word ("triệuđ": only words that
/// end as a glued mark does).
struct Cues {
    /// The lower-case first chars of the scale words.
    scale_first: Vec<char>,
    /// The first bytes a scale word's first char has, in either case (ASCII only).
    scale_first_byte: [bool; 128],
    /// The last bytes of the glued marks.
    glued_last_byte: [bool; 256],
}

static CUES: LazyLock<Cues> = LazyLock::new(|| {
    let mut scale_first: Vec<char> = number_words()
        .iter()
        .filter(|(_, w)| matches!(w, NumberWord::Scale(_)))
        .filter_map(|(k, _)| k.chars().next().map(crate::text::chars::lower))
        .collect();
    scale_first.sort_unstable();
    scale_first.dedup();
    let mut scale_first_byte = [false; 128];
    for c in &scale_first {
        if c.is_ascii() {
            scale_first_byte[*c as usize] = true;
            scale_first_byte[c.to_ascii_uppercase() as usize] = true;
        }
    }
    let mut glued_last_byte = [false; 256];
    for g in GLUED.iter() {
        if let Some(&b) = g.as_bytes().last() {
            glued_last_byte[b as usize] = true;
        }
    }
    Cues {
        scale_first,
        scale_first_byte,
        glued_last_byte,
    }
});

/// Can `word` (letters only, not a number word in any case) be read as one anyway: a scale
/// word with a doubled letter, or one with a currency mark glued to it?
fn may_be_number(cues: &Cues, word: &str) -> bool {
    let b = word.as_bytes();
    let (Some(&first), Some(&last)) = (b.first(), b.last()) else {
        return false;
    };
    let may_start = if first < 0x80 {
        cues.scale_first_byte[first as usize]
    } else {
        word.chars()
            .next()
            .map(crate::text::chars::lower)
            .is_some_and(|c| cues.scale_first.contains(&c))
    };
    let doubled = || {
        let mut prev = None;
        word.chars().any(|c| prev.replace(c) == Some(c))
    };
    (word.len() <= 12 && may_start && doubled())
        || (cues.glued_last_byte[last as usize]
            && GLUED
                .iter()
                .any(|g| word.len() > g.len() && word.ends_with(g)))
}

/// The number atoms of a text, in runs of adjacent ones (one space between them).
struct Runs {
    atoms: Vec<Atom>,
    /// Each run: its range in `atoms`.
    runs: Vec<(usize, usize)>,
}

impl Runs {
    fn iter(&self) -> impl Iterator<Item = &[Atom]> {
        self.runs.iter().map(|&(a, b)| &self.atoms[a..b])
    }
}

/// The atoms since the last run was closed: pushed onto `atoms`, closed by `flush`.
struct Cur<'a> {
    r: &'a mut Runs,
    from: usize,
}

impl Cur<'_> {
    fn push(&mut self, a: Atom) {
        self.r.atoms.push(a);
    }
    fn flush(&mut self) {
        let n = self.r.atoms.len();
        if n > self.from {
            self.r.runs.push((self.from, n));
            self.from = n;
        }
    }
}

/// Reads the atom at byte `i` (a digit or a letter; any other char is passed over) onto `cur`,
/// in a run with the atom before when one space alone separates them; returns where reading
/// goes on.
fn step(text: &str, i: usize, cur: &mut Cur, prev_end: &mut usize) -> usize {
    let b = text.as_bytes();
    let c = b[i];
    let mut push = |cur: &mut Cur, atom: Atom| {
        // A run goes on when one space alone separates an atom from the one before.
        if *prev_end == usize::MAX || i != *prev_end + 1 || b[*prev_end] != b' ' {
            cur.flush();
        }
        *prev_end = atom.end;
        cur.push(atom);
    };
    if c.is_ascii_digit() {
        let d = read_digits(text, i);
        let small = if d.plain && d.end - i <= 1 {
            Some(b[i] - b'0')
        } else {
            None
        };
        push(
            cur,
            Atom {
                start: i,
                end: d.end,
                kind: AtomKind::Digits {
                    value: d.value,
                    plain: d.plain,
                    small,
                },
            },
        );
        // Digits run on into more digits (e.g. after a suffix): skip the rest of the token.
        let mut j = d.end;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        return j;
    }
    if c >= 0x80 || c.is_ascii_alphabetic() {
        let rest = &text[i..];
        let len = rest
            .char_indices()
            .find(|&(_, ch)| !is_letter(ch))
            .map_or(rest.len(), |(k, _)| k);
        let word = &rest[..len];
        if len == 0 {
            // A non-letter, non-ASCII char (a symbol): passed over.
            return i + rest.chars().next().map_or(1, char::len_utf8);
        }
        let mut end = i + len;
        // "5 triệuđ": a currency mark glued to a scale word.
        let glued = GLUED
            .iter()
            .find_map(|c| word.strip_suffix(c))
            .filter(|w| matches!(lookup_word(w), Some(NumberWord::Scale(_))));
        if let Some(w) = glued {
            end = i + w.len();
        }
        if let Some(kind) = lookup_word(&text[i..end]) {
            push(
                cur,
                Atom {
                    start: i,
                    end,
                    kind: AtomKind::Word(kind),
                },
            );
        }
        return end;
    }
    i + 1
}

/// Splits `text` into runs of adjacent number atoms (one space between them). With the words
/// of the text (`known`), only the words that may hold a number are read: those with a digit,
/// those that start a number word, and those [`may_be_number`] keeps; the others, and the
/// chars between words, hold no atom, and an atom's run is decided by what stands right before
/// it (one space), so passing over them changes nothing.
fn atoms(text: &str, known: Option<Known>) -> Runs {
    let mut runs = Runs {
        atoms: Vec::new(),
        runs: Vec::new(),
    };
    let mut cur = Cur {
        r: &mut runs,
        from: 0,
    };
    let mut i = 0;
    let mut prev_end = usize::MAX;
    match known {
        None => {
            while i < text.len() {
                i = step(text, i, &mut cur, &mut prev_end);
            }
        }
        Some((toks, mark)) => {
            let cues = &*CUES;
            for t in toks {
                let (s, e) = (t.start as usize, t.end as usize);
                if e <= i {
                    continue;
                }
                if t.alpha && t.marks & mark == 0 && !may_be_number(cues, &text[s..e]) {
                    continue;
                }
                i = i.max(s);
                while i < e {
                    i = step(text, i, &mut cur, &mut prev_end);
                }
            }
        }
    }
    cur.flush();
    runs
}

struct Small {
    value: Dec,
    len: usize,
    digits: bool,
    has_hundred: bool,
}

fn word(a: &[Atom], i: usize) -> Option<NumberWord> {
    match a.get(i)?.kind {
        AtomKind::Word(w) => Some(w),
        _ => None,
    }
}

/// Reads a number below a thousand (or a number in digits) at `a[i]`.
fn read_small(a: &[Atom], i: usize, whole: bool) -> Option<Small> {
    use NumberWord::*;
    let first = a.get(i)?;
    if let AtomKind::Digits { value, small, .. } = first.kind {
        let mut value = value?;
        let mut len = 1;
        let mut has_hundred = false;
        if let (Some(d), Some(Hundred)) = (small, word(a, i + 1)) {
            value = Dec::int(d as i64 * 100);
            len = 2;
            has_hundred = true;
        }
        return Some(Small {
            value,
            len,
            digits: true,
            has_hundred,
        });
    }
    let mut j = i;
    let mut h: Option<i64> = None;
    match (word(a, j), word(a, j + 1)) {
        (Some(Digit(d)), Some(Hundred)) => {
            h = Some(d as i64 * 100);
            j += 2;
        }
        (Some(Hundred), _) if whole => {
            h = Some(100);
            j += 1;
        }
        (Some(Half), _) => {
            return Some(Small {
                value: Dec::new(5, -1)?,
                len: 1,
                digits: false,
                has_hundred: false,
            })
        }
        _ => {}
    }
    let unit = |k: usize| match word(a, k) {
        Some(Digit(d)) if d >= 1 => Some(d as i64),
        Some(Unit(u)) => Some(u as i64),
        _ => None,
    };
    let mut t: Option<i64> = None;
    match (word(a, j), word(a, j + 1)) {
        (Some(Ten), _) => {
            j += 1;
            let mut v = 10;
            if let Some(u) = unit(j) {
                // "mười một" … "mười chín", "mười lăm"; "mười mốt"/"mười tư" are not written.
                if !matches!(word(a, j), Some(Unit(1)) | Some(Unit(4))) {
                    v += u;
                    j += 1;
                }
            }
            t = Some(v);
        }
        (Some(Digit(d)), Some(Tens)) if d >= 1 => {
            j += 2;
            let mut v = d as i64 * 10;
            if let Some(u) = unit(j) {
                v += u;
                j += 1;
            }
            t = Some(v);
        }
        (Some(Digit(d)), Some(Dozen)) if d >= 1 => {
            j += 2;
            t = Some(d as i64 * 10);
        }
        (Some(Odd), Some(Digit(d))) if h.is_some() => {
            j += 2;
            t = Some(d as i64);
        }
        (Some(Digit(d)), _) if h.is_none() && (d >= 1 || whole) => {
            j += 1;
            t = Some(d as i64);
        }
        _ => {}
    }
    if h.is_none() && t.is_none() {
        return None;
    }
    Some(Small {
        value: Dec::int(h.unwrap_or(0) + t.unwrap_or(0)),
        len: j - i,
        digits: false,
        has_hundred: h.is_some(),
    })
}

/// Reads the fraction after a spoken decimal mark ("phẩy 23", "chấm ba").
fn read_fraction(text: &str, a: &[Atom], i: usize) -> Option<(Dec, usize)> {
    match a.get(i)?.kind {
        AtomKind::Digits { plain: true, .. } => {
            let s = &text[a[i].start..a[i].end];
            Some((Dec::parse(&format!("0,{s}"))?, 1))
        }
        AtomKind::Word(NumberWord::Digit(_)) => {
            let mut s = String::from("0,");
            let mut k = i;
            while let Some(NumberWord::Digit(d)) = word(a, k) {
                s.push((b'0' + d) as char);
                k += 1;
            }
            Some((Dec::parse(&s)?, k - i))
        }
        _ => None,
    }
}

/// Reads the longest number at `a[s]`; returns the figure and how many atoms it used.
/// `groups` is room for the groups read so far, reused from one figure to the next.
fn read_number(
    text: &str,
    a: &[Atom],
    s: usize,
    whole: bool,
    groups: &mut Vec<(Dec, u8)>,
) -> Option<(Figure, usize)> {
    use NumberWord::*;
    let mut i = s;
    let neg = matches!(word(a, i), Some(Minus)) && a.len() > i + 1;
    if neg {
        i += 1;
    }
    // Completed groups: (value, scale exponent).
    groups.clear();
    let mut overflow = false;
    let mut digits = false;
    let mut words = false;
    let mut max_scale = 0u8;
    let mut last_small: Option<(Small, usize)> = None;
    loop {
        let mut cur: Option<Small> = None;
        let cur_at = i;
        if let Some(sm) = read_small(a, i, whole && groups.is_empty()) {
            if matches!(a[i].kind, AtomKind::Digits { value: None, .. }) {
                overflow = true;
            }
            i += sm.len;
            cur = Some(sm);
        } else if matches!(
            a.get(i).map(|x| x.kind),
            Some(AtomKind::Digits { value: None, .. })
        ) {
            overflow = true;
            i += 1;
            cur = Some(Small {
                value: Dec::ZERO,
                len: 1,
                digits: true,
                has_hundred: false,
            });
        }
        // A spoken decimal: "hai phẩy năm".
        if let (Some(sm), Some(Point)) = (cur.as_mut(), word(a, i)) {
            if let Some((f, n)) = read_fraction(text, a, i + 1) {
                sm.value = sm.value.checked_add(f).unwrap_or(Dec::ZERO);
                i += 1 + n;
            }
        }
        match word(a, i) {
            Some(Scale(e)) if cur.is_some() || !groups.is_empty() || whole => {
                // Fold lower groups into this scale ("3 nghìn tỷ"; "tỷ tỷ" right after another
                // scale word multiplies it), then add this group.
                let mut low = Dec::ZERO;
                while let Some(&(v, ge)) = groups.last() {
                    if ge < e || (cur.is_none() && ge == e) {
                        low = low.checked_add(v).unwrap_or(Dec::ZERO);
                        groups.pop();
                    } else {
                        break;
                    }
                }
                let base = match &cur {
                    Some(sm) => low.checked_add(sm.value),
                    None if low != Dec::ZERO => Some(low),
                    None => Some(Dec::int(1)),
                };
                if let Some(sm) = &cur {
                    digits |= sm.digits;
                }
                words = true;
                let mut v = base.and_then(|b| b.scale(e as i32));
                i += 1;
                if let Some(AndHalf) = word(a, i) {
                    v = v.and_then(|v| v.checked_add(Dec::new(5, e as i32 - 1)?));
                    i += 1;
                }
                match v {
                    Some(v) => groups.push((v, e)),
                    None => overflow = true,
                }
                max_scale = max_scale.max(e);
                last_small = None;
                continue;
            }
            _ => {}
        }
        if let Some(sm) = cur {
            last_small = Some((sm, cur_at));
        }
        break;
    }
    // A trailing group with no scale word after a scale ("một nghìn không trăm hai mươi").
    if let Some((sm, at)) = last_small.take() {
        let after_scale = !groups.is_empty();
        let last_scale = groups.last().map_or(0, |g| g.1);
        if after_scale && (sm.digits || !(sm.has_hundred || last_scale == 3)) {
            i = at; // "2 tỷ 500": leave the 500 alone.
        } else {
            digits |= sm.digits;
            words |= !sm.digits;
            groups.push((sm.value, 0));
        }
    }
    if groups.is_empty() && !overflow {
        return None;
    }
    let mut value = Dec::ZERO;
    for (v, _) in groups.iter() {
        match value.checked_add(*v) {
            Some(s) => value = s,
            None => overflow = true,
        }
    }
    if neg {
        value = value.negate();
        words = true;
    }
    if value.too_large() {
        overflow = true;
    }
    let used = i - s;
    let single = used == 1;
    let first = a[s];
    let plain = single && matches!(first.kind, AtomKind::Digits { plain: true, .. });
    let single_word = single && matches!(first.kind, AtomKind::Word(_));
    Some((
        Figure {
            start: a[s].start,
            end: a[i - 1].end,
            value: if overflow { Dec::ZERO } else { value },
            scale: max_scale,
            digits: digits || matches!(first.kind, AtomKind::Digits { .. }),
            words: words || single_word,
            plain,
            single_word,
            overflow,
        },
        used,
    ))
}

/// Every figure of a normalised text, in order; `known`, when given, are its words.
#[inline(never)] // a frame of its own in profiles (scripts/stages.py)
pub(crate) fn scan(text: &str, known: Option<Known>) -> Vec<Figure> {
    let mut out = Vec::new();
    let runs = atoms(text, known);
    let mut groups = Vec::new();
    for run in runs.iter() {
        let mut i = 0;
        while i < run.len() {
            match read_number(text, run, i, false, &mut groups) {
                Some((f, used)) => {
                    out.push(f);
                    i += used;
                }
                None => i += 1,
            }
        }
    }
    out
}

/// Reads a whole string as one number, the way a careful reader would: "2 tỷ 500 triệu",
/// "ba mươi ba", "-1,2M", "âm 1.200.000", ",77". `None` when the string is not one number.
pub fn parse_number(s: &str) -> Option<Dec> {
    let norm = super::normalize::Normalized::new(s.trim());
    let mut t = norm.text();
    let mut neg = false;
    if let Some(rest) = t.strip_prefix('-') {
        neg = true;
        t = rest.trim_start();
    }
    let owned;
    if t.starts_with(',') {
        owned = format!("0{t}");
        t = &owned;
    }
    let runs = atoms(t, None);
    let mut all = runs.iter();
    let (Some(run), None) = (all.next(), all.next()) else {
        return None;
    };
    let (f, used) = read_number(t, run, 0, true, &mut Vec::new())?;
    if used != run.len() || f.start != 0 || f.end != t.len() || f.overflow {
        return None;
    }
    Some(if neg { f.value.negate() } else { f.value })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (input, value) — each input read whole.
    const EXAMPLES: &[(&str, &str)] = &[
        ("2.232", "2232"),
        ("15.500 000", "15500000"),
        ("1000.500 000", "1000500000"),
        ("44,962.000", "44962000"),
        ("1,250.500.000", "1250500000"),
        ("200 000", "200000"),
        ("1,5 tỷ", "1500000000"),
        ("2 tỷ 500 triệu", "2500000000"),
        ("87.500 nghìn", "87500000"),
        ("3 trăm triệu", "300000000"),
        ("1 triệu 200 nghìn", "1200000"),
        ("4 tỷ 250 triệu", "4250000000"),
        ("ba trăm hai mươi lăm", "325"),
        ("mười lăm", "15"),
        ("hai mươi mốt", "21"),
        ("một trăm linh năm", "105"),
        ("năm mươi tư", "54"),
        ("một nghìn không trăm hai mươi", "1020"),
        ("hai mươi mốt nghìn không trăm mười một", "21011"),
        ("bảy trăm hai mươi mốt nghìn không trăm mười hai", "721012"),
        ("nửa", "0.5"),
        ("nửa triệu", "500000"),
        ("2 triệu rưỡi", "2500000"),
        ("35.600000", "35600000"),
        ("14.250 .000", "14250000"),
        ("3,2 ttriệu", "3200000"),
        ("12.5", "12.5"),
        ("1,10", "1.1"),
        (",77", "0.77"),
        ("100K", "100000"),
        ("1,2M", "1200000"),
        (",0012G", "1200000"),
        ("-1,2M", "-1200000"),
        ("âm 1.200.000", "-1200000"),
        ("1,000,000", "1000000"),
        ("hai chục", "20"),
        ("ba nghìn tỷ", "3000000000000"),
        ("hai phẩy năm", "2.5"),
        ("một chấm ba", "1.3"),
        ("200\n000", "200000"),
        // Found by the property tests: mixed separators, "đ" glued to a scale word.
        ("1 000.000 000", "1000000000"),
        ("không", "0"),
        ("trăm", "100"),
    ];

    #[test]
    fn examples() {
        for (input, want) in EXAMPLES {
            let got = parse_number(input).map(|d| d.to_string());
            assert_eq!(got.as_deref(), Some(*want), "reading {input:?}");
        }
    }

    #[test]
    fn not_one_number() {
        for s in ["", "hội viên", "2 tỷ 500", "năm 2024", "12/12"] {
            assert_eq!(parse_number(s), None, "{s:?}");
        }
    }

    #[test]
    fn scanning_keeps_numbers_apart() {
        let f = scan("năm 2024 có 6 tổ, 2 tỷ 500 hộ và 12 xóm", None);
        let vals: Vec<String> = f.iter().map(|f| f.value.to_string()).collect();
        assert_eq!(vals, ["5", "2024", "6", "2000000000", "500", "12"]);
        assert!(f[1].plain);
        assert!(f[0].single_word);
    }

    #[test]
    fn reading_with_the_words_changes_nothing() {
        // The words of a text let the reader skip the words that are no number words; the
        // figures must be those read without them, in every case and sloppy form.
        let lex = crate::lexicon::Lexicon::builtin();
        let mut texts: Vec<String> =
            std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/corpus"))
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|e| e == "txt"))
                .map(|p| std::fs::read_to_string(p).unwrap())
                .collect();
        texts.push(
            "HAI MƯƠI hộ, Ba Trăm người, 3,2 ttriệu, 5 triệuđ, 7 Nghìnn, tỷđ, năm2024 x2 \
             Mười lăm, mốt, tư, 2.000đ, 15 triệuđồng, Nửa triệu, rưỡi"
                .into(),
        );
        texts.push(
            "10k 3M 5m² 2² 1.000.000đ 200 000 đ 14.250 .000 một trăm linh năm 12,5% 1/2 \
             Ⅻ ½ 3½ hai  mươi ba-bốn (năm) 5\"6 2 tỷ 500 triệu 87.500 nghìn âm 5 -3 ,5 \
             20 hội viên2 xã3 ba.4 1 000.000 000 10 000k"
                .into(),
        );
        for t in &texts {
            let norm = crate::text::normalize::Normalized::new(t);
            let t = norm.text();
            let toks = crate::text::tokens::Tokens::new(t, None, &lex.vocab);
            let known = (&toks.toks[..], lex.number_words.start_mark());
            assert_eq!(scan(t, Some(known)), scan(t, None));
        }
    }

    proptest::proptest! {
        #[test]
        fn reading_with_the_words_changes_nothing_in_any_text(
            t in "([0-9]{1,4}|[ .,/k%đ²-]|hai|mươi|Trăm|ttriệu|triệuđ|nghìn|năm|hộ|xã|Đ|ư| ){0,24}"
        ) {
            let lex = crate::lexicon::Lexicon::builtin();
            let norm = crate::text::normalize::Normalized::new(&t);
            let t = norm.text();
            let toks = crate::text::tokens::Tokens::new(t, None, &lex.vocab);
            let known = (&toks.toks[..], lex.number_words.start_mark());
            proptest::prop_assert_eq!(scan(t, Some(known)), scan(t, None));
        }
    }

    #[test]
    fn too_large_is_flagged() {
        let long = "9".repeat(5000);
        let f = scan(&format!("có {long} hộ"), None);
        assert_eq!(f.len(), 1);
        assert!(f[0].overflow);
        assert!(scan("một tỷ tỷ tỷ đồng", None)[0].overflow);
    }
}
