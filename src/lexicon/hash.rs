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
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().unwrap_or([0; 8])));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut b = [0u8; 8];
            b[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(b));
        }
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
