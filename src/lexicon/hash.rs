//! A small, fast hash for the word lists' maps (keys are short words and pairs of integers; no
//! key comes from an adversary that could choose collisions, and a collision costs only time).

use std::hash::{BuildHasherDefault, Hasher};

/// A multiply-rotate hasher in the style of Firefox's FxHash.
#[derive(Default, Clone, Copy)]
pub(crate) struct Fast(u64);

const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl Fast {
    #[inline]
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(K);
    }
}

impl Hasher for Fast {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let n = bytes.len();
        let u64_at = |i: usize| u64::from_le_bytes(bytes[i..i + 8].try_into().unwrap_or([0; 8]));
        let u32_at = |i: usize| u32::from_le_bytes(bytes[i..i + 4].try_into().unwrap_or([0; 4]));
        if n >= 8 {
            let mut i = 0;
            while i + 8 <= n {
                self.add(u64_at(i));
                i += 8;
            }
            // The last bytes: the last eight, read again where they overlap (no copy).
            if i < n {
                self.add(u64_at(n - 8));
            }
        } else if n >= 4 {
            // Four to seven bytes: the first four and the last four.
            self.add((u32_at(0) as u64) << 32 | u32_at(n - 4) as u64);
        } else if n > 0 {
            // One to three bytes: the first, the middle and the last.
            let w = (bytes[0] as u64) << 16 | (bytes[n / 2] as u64) << 8 | bytes[n - 1] as u64;
            self.add(w);
        }
        self.add(n as u64);
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(i as u64);
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A `HashMap` with the fast hasher.
pub(crate) type Map<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<Fast>>;
/// A `HashSet` with the fast hasher.
pub(crate) type Set<K> = std::collections::HashSet<K, BuildHasherDefault<Fast>>;
