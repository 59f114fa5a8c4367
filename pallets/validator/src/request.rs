//! Validator requests: made by a candidate, approved by the council, removed by the candidate
//! or the council.

use crate::{
    pallet::{Config, Error, Event, Pallet, ValidatorOf, ValidatorRequests},
    traits::{ConsensusValidators, CouncilMembership},
    types::ValidatorRequestState,
};
use frame_support::ensure;
use sp_runtime::DispatchResult;

impl<T: Config> Pallet<T> {
    /// Store `request` (in state `Created`) under `who`, which may hold a single request.
    pub(crate) fn do_create_validator_request(
        who: T::AccountId,
        request: ValidatorOf<T>,
    ) -> DispatchResult {
        ensure!(
            !ValidatorRequests::<T>::contains_key(&who),
            Error::<T>::DuplicateValidator
        );
        ValidatorRequests::<T>::insert(&who, &request);
        Self::deposit_event(Event::ValidatorRequestCreated(who, request));
        Ok(())
    }

    /// Approve the request of `who` and give `who` a council seat (unless it already has one).
    ///
    /// An active validator cannot be approved again.
    pub(crate) fn do_approve_validator(who: &T::AccountId) -> DispatchResult {
        let mut request = ValidatorRequests::<T>::get(who).ok_or(Error::<T>::ValidatorNotFound)?;
        ensure!(
            request.state != ValidatorRequestState::Validating,
            Error::<T>::ValidatorValidatingAlready
        );
        request.state = ValidatorRequestState::Approved;
        ValidatorRequests::<T>::insert(who, &request);
        if !T::CouncilMembership::is_member(who) {
            T::CouncilMembership::add_member(who)?;
        }
        Self::deposit_event(Event::ValidatorRequestApproved(request));
        Ok(())
    }

    /// Remove the request of `who`: an active validator's node account leaves the validator
    /// set, and `who` leaves the council if it sits on it.
    pub(crate) fn do_remove_validator(who: &T::AccountId) -> DispatchResult {
        let request = ValidatorRequests::<T>::get(who).ok_or(Error::<T>::ValidatorNotFound)?;
        if request.state == ValidatorRequestState::Validating {
            T::ConsensusValidators::remove_validator(&request.validator_node_account)?;
        }
        if T::CouncilMembership::is_member(who) {
            T::CouncilMembership::remove_member(who)?;
        }
        ValidatorRequests::<T>::remove(who);
        Self::deposit_event(Event::ValidatorRemoved(request));
        Ok(())
    }
}
