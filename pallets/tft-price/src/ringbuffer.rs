//! The price history: a ring buffer of the last [`HISTORY_LENGTH`] reported prices in
//! `TftPriceHistory`, with its `(start, end)` slots in `BufferRange`.
//!
//! A price is written to slot `end`, then `end` moves to the next slot, wrapping to 0 after the
//! last one; when `end` catches up with `start`, `start` moves one slot too. Slots are never
//! removed, so the history fills slots `0..end` until it holds [`HISTORY_LENGTH`] prices and
//! from then on every slot holds one of the last [`HISTORY_LENGTH`] prices. The average covers
//! every stored slot.

use crate::{types::*, BufferRange, Config, TftPriceHistory};
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

    /// The mean of the stored prices, rounded half away from zero; `None` when empty.
    ///
    /// The prices are summed in a `u32` that saturates, as upstream.
    pub fn average() -> Option<u32> {
        let count = Self::len();
        let sum = (0..count)
            .map(TftPriceHistory::<T>::get)
            .fold(0u32, u32::saturating_add);
        rounded_mean(sum, count)
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

/// `sum / count` rounded to the nearest integer, halves away from zero (upstream rounds the
/// `U32F32` quotient, which gives the same result); `None` when `count` is 0.
pub fn rounded_mean(sum: u32, count: BufferIndex) -> Option<u32> {
    if count == 0 {
        return None;
    }
    let (sum, count) = (u64::from(sum), u64::from(count));
    let mean = (2 * sum + count) / (2 * count);
    Some(u32::try_from(mean).unwrap_or(u32::MAX))
}
