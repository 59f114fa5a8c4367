//! Unit tests of the validator set pallet, split by concern.

mod add_validator;
mod add_validator_again;
mod genesis;
mod offences;
mod remove_validator;
mod session;
mod try_state;
mod weights;

use crate::mock::ValidatorSet;
use pallet_session::SessionManager;

/// Drop `validator` from the set the way an offence does: mark it, then plan a new session.
/// It stays approved.
fn drop_after_offence(validator: u64) {
    ValidatorSet::mark_for_removal(validator);
    <ValidatorSet as SessionManager<u64>>::new_session(1);
}
