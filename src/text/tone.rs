//! Where a tone mark sits: official names put it on the first vowel of a final "oa", "oe",
//! "uy" ("Thanh Hóa", "Ủy ban"), newer typing on the second ("Thanh Hoá", "Uỷ ban"). Names are
//! compared and written in the official placement.

/// The tone marks over a vowel: (plain vowel, tone 0–5) where 0 is no mark.
fn split_tone(c: char) -> Option<(char, usize)> {
    const TABLE: [(char, [char; 5]); 6] = [
        ('a', ['à', 'á', 'ả', 'ã', 'ạ']),
        ('e', ['è', 'é', 'ẻ', 'ẽ', 'ẹ']),
        ('y', ['ỳ', 'ý', 'ỷ', 'ỹ', 'ỵ']),
        ('o', ['ò', 'ó', 'ỏ', 'õ', 'ọ']),
        ('u', ['ù', 'ú', 'ủ', 'ũ', 'ụ']),
        ('i', ['ì', 'í', 'ỉ', 'ĩ', 'ị']),
    ];
    let lower = c.to_lowercase().next()?;
    for (base, marks) in TABLE {
        if lower == base {
            return Some((base, 0));
        }
        if let Some(t) = marks.iter().position(|&m| m == lower) {
            return Some((base, t + 1));
        }
    }
    None
}

fn with_tone(base: char, tone: usize, upper: bool) -> char {
    let marks = match base {
        'o' => ['ò', 'ó', 'ỏ', 'õ', 'ọ'],
        'u' => ['ù', 'ú', 'ủ', 'ũ', 'ụ'],
        _ => return base,
    };
    let c = if tone == 0 { base } else { marks[tone - 1] };
    if upper {
        c.to_uppercase().next().unwrap_or(c)
    } else {
        c
    }
}

/// Places tone marks the way official names write them: on the first vowel of a final "oa",
/// "oe", "uy" ("hoà" → "hòa", "Uỷ" → "Ủy", "thuỷ" → "thủy"); "hoàn", "quý" stay as they are.
pub(crate) fn fix_tone(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (k, word) in s.split(' ').enumerate() {
        if k > 0 {
            out.push(' ');
        }
        // Only a last vowel with a tone mark moves, and such a vowel is not ASCII.
        if word.as_bytes().last().is_none_or(|b| b.is_ascii()) {
            out.push_str(word);
            continue;
        }
        // The last two chars, and the one before them.
        let mut rev = word.char_indices().rev();
        if let (Some((_, b)), Some((ia, a))) = (rev.next(), rev.next()) {
            if let (Some((va, 0)), Some((vb, t))) = (split_tone(a), split_tone(b)) {
                let pair = matches!((va, vb), ('o', 'a') | ('o', 'e') | ('u', 'y'));
                let after_q = rev
                    .next()
                    .is_some_and(|(_, c)| c.to_lowercase().next() == Some('q'));
                if pair && t > 0 && !after_q {
                    out.push_str(&word[..ia]);
                    out.push(with_tone(va, t, a.is_uppercase()));
                    let plain = match vb {
                        'a' => 'a',
                        'e' => 'e',
                        _ => 'y',
                    };
                    out.push(if b.is_uppercase() {
                        plain.to_ascii_uppercase()
                    } else {
                        plain
                    });
                    continue;
                }
            }
        }
        out.push_str(word);
    }
    out
}
