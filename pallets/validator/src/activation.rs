//! Activation of an approved validator: its node account joins the consensus validator set,
//! and may later be swapped for another one.

use crate::{
    pallet::{Config, Error, Event, Pallet, ValidatorRequests},
    traits::ConsensusValidators,
    types::ValidatorRequestState,
};
use frame_support::ensure;
use sp_runtime::DispatchResult;

impl<T: Config> Pallet<T> {
    /// Put the node account of `who`'s approved request into the validator set and mark the
    /// request `Validating`.
    pub(crate) fn do_activate_validator_node(who: &T::AccountId) -> DispatchResult {
        let mut request = ValidatorRequests::<T>::get(who).ok_or(Error::<T>::ValidatorNotFound)?;
        ensure!(
            request.state != ValidatorRequestState::Validating,
            Error::<T>::ValidatorValidatingAlready
        );
        ensure!(
            request.state == ValidatorRequestState::Approved,
            Error::<T>::ValidatorNotApproved
        );
        T::ConsensusValidators::add_validator(&request.validator_node_account)?;
        request.state = ValidatorRequestState::Validating;
        ValidatorRequests::<T>::insert(who, &request);
        Self::deposit_event(Event::ValidatorActivated(request));
        Ok(())
    }

    /// Set the node account of `who`'s request to `new_account`. For an active validator the
    /// new account joins the validator set before the old one leaves it, so the set never
    /// shrinks in between.
    pub(crate) fn do_change_validator_node_account(
        who: &T::AccountId,
        new_account: T::AccountId,
    ) -> DispatchResult {
        let mut request = ValidatorRequests::<T>::get(who).ok_or(Error::<T>::ValidatorNotFound)?;
        let old_account = core::mem::replace(&mut request.validator_node_account, new_account);
        let new_account = &request.validator_node_account;
        if request.state == ValidatorRequestState::Validating && old_account != *new_account {
            T::ConsensusValidators::add_validator(new_account)?;
            T::ConsensusValidators::remove_validator(&old_account)?;
            Self::deposit_event(Event::NodeValidatorRemoved(old_account));
            Self::deposit_event(Event::NodeValidatorChanged(new_account.clone()));
        }
        ValidatorRequests::<T>::insert(who, &request);
        Ok(())
    }
}
