//! Bridge validators: the council adds and removes them; a majority of them completes mints,
//! withdrawals and refunds.

use crate::pallet::{BridgeValidators, Config, Error, Pallet, Validators};
use alloc::vec::Vec;
use frame_support::ensure;
use sp_runtime::DispatchResult;

impl<T: Config> Pallet<T> {
    /// Add `target` to the bridge validators, keeping them sorted.
    pub(crate) fn do_add_bridge_validator(target: T::AccountId) -> DispatchResult {
        let mut validators = Validators::<T>::get();
        let position = match validators.binary_search(&target) {
            Ok(_) => return Err(Error::<T>::ValidatorExists.into()),
            Err(position) => position,
        };
        validators
            .try_insert(position, target)
            .map_err(|_| Error::<T>::TooManyValidators)?;
        Validators::<T>::put(validators);
        Ok(())
    }

    /// Remove `target` from the bridge validators.
    pub(crate) fn do_remove_bridge_validator(target: &T::AccountId) -> DispatchResult {
        let mut validators = Validators::<T>::get();
        let position = validators
            .binary_search(target)
            .map_err(|_| Error::<T>::ValidatorNotExists)?;
        validators.remove(position);
        Validators::<T>::put(validators);
        Ok(())
    }

    /// Fail with `ValidatorNotExists` unless `who` is a bridge validator.
    pub(crate) fn ensure_bridge_validator(who: &T::AccountId) -> DispatchResult {
        ensure!(
            Validators::<T>::get().binary_search(who).is_ok(),
            Error::<T>::ValidatorNotExists
        );
        Ok(())
    }

    /// The number of votes or signatures that completes a transaction: a majority of the
    /// bridge validators.
    pub fn quorum() -> u32 {
        Self::validator_count() / 2 + 1
    }

    /// The number of bridge validators (at most [`crate::types::MAX_BRIDGE_VALIDATORS`]): the component of
    /// the vote and signature benchmarks.
    pub fn validator_count() -> u32 {
        Validators::<T>::decode_len().unwrap_or(0) as u32
    }

    /// `accounts` sorted and without duplicates, as the bridge validators are kept; `None` if
    /// there are too many.
    pub(crate) fn sorted_validators(
        mut accounts: Vec<T::AccountId>,
    ) -> Option<BridgeValidators<T>> {
        accounts.sort();
        accounts.dedup();
        BridgeValidators::<T>::try_from(accounts).ok()
    }
}
