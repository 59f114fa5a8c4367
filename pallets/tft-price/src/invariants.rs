//! The price pallet's storage invariants, checked by the `try_state` hook and after every test.

use crate::{
    price::bounds_are_consistent,
    ringbuffer::{next_slot, PriceHistory},
    types::HISTORY_LENGTH,
    AverageTftPrice, BufferRange, Config, LastBlockSet, MaxTftPrice, MinTftPrice, Pallet,
    TftPriceHistory,
};
use frame_support::ensure;
use sp_runtime::TryRuntimeError;

impl<T: Config> Pallet<T> {
    /// Check that
    ///
    /// - the ring buffer's slots are below [`HISTORY_LENGTH`]; before it is full the history
    ///   holds exactly slots `0..end` and `start` is 0, once full it holds every slot and
    ///   `start` is the slot after `end`;
    /// - the stored average is the median of the history (when there is one);
    /// - the last report is for a block no later than the current one;
    /// - the minimum price is below the maximum price, unless both are unset.
    pub fn do_try_state() -> Result<(), TryRuntimeError> {
        let (start, end) = BufferRange::<T>::get();
        ensure!(
            start < HISTORY_LENGTH && end < HISTORY_LENGTH,
            "buffer range outside the ring buffer"
        );
        let mut stored: u32 = 0;
        for slot in TftPriceHistory::<T>::iter_keys() {
            ensure!(
                slot < HISTORY_LENGTH,
                "price stored outside the ring buffer"
            );
            stored = stored.saturating_add(1);
        }
        if PriceHistory::<T>::is_full() {
            ensure!(
                stored == u32::from(HISTORY_LENGTH),
                "full ring buffer with empty slots"
            );
            ensure!(
                start == next_slot(end),
                "full ring buffer whose start does not follow its end"
            );
        } else {
            ensure!(start == 0, "ring buffer start moved before it was full");
            ensure!(
                stored == u32::from(end),
                "ring buffer does not hold exactly the slots before its end"
            );
            for slot in TftPriceHistory::<T>::iter_keys() {
                ensure!(slot < end, "price stored at or after the ring buffer's end");
            }
        }
        if let Some(median) = PriceHistory::<T>::median() {
            ensure!(
                AverageTftPrice::<T>::get() == median,
                "average price differs from the history's median"
            );
        }
        ensure!(
            LastBlockSet::<T>::get() <= frame_system::Pallet::<T>::block_number(),
            "last report for a block after the current one"
        );
        ensure!(
            bounds_are_consistent(MinTftPrice::<T>::get(), MaxTftPrice::<T>::get()),
            "minimum price not below maximum price"
        );
        Ok(())
    }
}
