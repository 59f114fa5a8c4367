//! The pallet's storage invariants, checked by the `try_state` hook and after every test.

use crate::{
    pallet::{Bonded, Config, Pallet, ValidatorRequests},
    types::ValidatorRequestState,
};
use frame_support::ensure;
use sp_runtime::TryRuntimeError;

impl<T: Config> Pallet<T> {
    /// Check that:
    ///
    /// - every stored request and bond decodes;
    /// - no two active validators share a node account (the validator set would hold it once
    ///   for both).
    pub fn do_try_state() -> Result<(), TryRuntimeError> {
        ensure!(
            ValidatorRequests::<T>::iter_keys().count() == ValidatorRequests::<T>::iter().count(),
            "a validator request does not decode"
        );
        ensure!(
            Bonded::<T>::iter_keys().count() == Bonded::<T>::iter().count(),
            "a bond does not decode"
        );
        let mut active_nodes: alloc::vec::Vec<T::AccountId> = ValidatorRequests::<T>::iter_values()
            .filter(|request| request.state == ValidatorRequestState::Validating)
            .map(|request| request.validator_node_account)
            .collect();
        let active_count = active_nodes.len();
        active_nodes.sort();
        active_nodes.dedup();
        ensure!(
            active_nodes.len() == active_count,
            "two active validators share a node account"
        );
        Ok(())
    }
}
