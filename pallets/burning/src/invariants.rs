//! The burning pallet's storage invariants, checked by the `try_state` hook and after every
//! test.

use crate::{Burns, Config, Pallet};
use frame_support::ensure;
use sp_runtime::TryRuntimeError;

impl<T: Config> Pallet<T> {
    /// Check that `Burns`, when present, holds burns in block order, none of them from a
    /// future block, and is not empty.
    pub fn do_try_state() -> Result<(), TryRuntimeError> {
        let Some(burns) = Burns::<T>::get() else {
            return Ok(());
        };
        ensure!(!burns.is_empty(), "Burns stored but empty");
        let now = frame_system::Pallet::<T>::block_number();
        ensure!(
            burns.windows(2).all(|pair| pair[0].block <= pair[1].block),
            "burns out of block order"
        );
        ensure!(
            burns.iter().all(|burn| burn.block <= now),
            "burn from a future block"
        );
        Ok(())
    }
}
