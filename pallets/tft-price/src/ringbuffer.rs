//! The price history: a ring buffer of the last [`HISTORY_LENGTH`] reported prices in
//! `TftPriceHistory`, with its `(start, end)` slots in `BufferRange`.
//!
//! A price is written to slot `end`, then `end` moves to the next slot, wrapping to 0 after the
//! last one; when `end` catches up with `start`, `start` moves one slot too. Slots are never
//! removed, so the history fills slots `0..end` until it holds [`HISTORY_LENGTH`] prices and
//! from then on every slot holds one of the last [`HISTORY_LENGTH`] prices. The average price
//! is the median of every stored slot.

use crate::{types::*, BufferRange, Config, TftPriceHistory};
use alloc::vec::Vec;
use core::marker::PhantomData;

/// The ring buffer of reported prices.
pub struct PriceHistory<T>(PhantomData<T>);

impl<T: Config> PriceHistory<T> {
    /// Store `price` in the next slot, overwriting the oldest price once the buffer is full.
    pub fn push(price: u32) {
        let (start, end) = BufferRange::<T>::get();
        TftPriceHistory::<T>::insert(end, price);
        let next = next_slot(end);
        let start = if next == start {
            next_slot(start)
        } else {
            start
        };
        BufferRange::<T>::put((start, next));
    }

    /// Whether every slot holds a price: the last slot is only written once the buffer wrapped.
    pub fn is_full() -> bool {
        TftPriceHistory::<T>::contains_key(HISTORY_LENGTH - 1)
    }

    /// Number of stored prices: slots `0..end` until the buffer is full.
    pub fn len() -> BufferIndex {
        if Self::is_full() {
            HISTORY_LENGTH
        } else {
            BufferRange::<T>::get().1
        }
    }

    /// The median of the stored prices; for an even number of prices, the mean of the two
    /// middle ones rounded half up ([`rounded_midpoint`]). `None` when empty.
    ///
    /// A validator that reports a wild price moves the median at most to a neighbouring honest
    /// price, where it would move a mean by its share of the history times its error.
    pub fn median() -> Option<u32> {
        let mut prices: Vec<u32> = (0..Self::len()).map(TftPriceHistory::<T>::get).collect();
        prices.sort_unstable();
        let middle = prices.len() / 2;
        let upper = *prices.get(middle)?;
        if prices.len() % 2 == 1 {
            return Some(upper);
        }
        let lower = *prices.get(middle.checked_sub(1)?)?;
        Some(rounded_midpoint(lower, upper))
    }
}

/// The slot after `slot`, wrapping to 0 after the last one.
pub fn next_slot(slot: BufferIndex) -> BufferIndex {
    let next = slot.saturating_add(1);
    if next >= HISTORY_LENGTH {
        0
    } else {
        next
    }
}

/// `(a + b) / 2` rounded half up (499.5 → 500, as upstream's rounding of its mean), without
/// overflow.
pub fn rounded_midpoint(a: u32, b: u32) -> u32 {
    let midpoint = (u64::from(a) + u64::from(b)).div_ceil(2);
    u32::try_from(midpoint).unwrap_or(u32::MAX)
}
