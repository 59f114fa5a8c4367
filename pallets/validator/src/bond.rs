//! Stash accounts bonded to validators.

use crate::pallet::{Bonded, Config, Error, Event, Pallet};
use frame_support::ensure;
use sp_runtime::DispatchResult;

impl<T: Config> Pallet<T> {
    /// Bond `stash` to `validator`. A stash is bonded once and for good.
    pub(crate) fn do_bond(stash: T::AccountId, validator: T::AccountId) -> DispatchResult {
        ensure!(
            !Bonded::<T>::contains_key(&stash),
            Error::<T>::AlreadyBonded
        );
        Bonded::<T>::insert(&stash, validator);
        Self::deposit_event(Event::Bonded(stash));
        Ok(())
    }
}
