//! Unit tests of pallet-validator, split by call. Every test runs through [`run`], which checks
//! the pallet's invariants ([`Validator::do_try_state`]) after the test body.

mod activate;
mod approve;
mod bond;
mod change_node_account;
mod create_request;
mod invariants;
mod remove;
mod session;
mod weights;

use crate::{
    mock::*,
    types::{self, ValidatorRequestState},
    Event as ValidatorEvent, ValidatorOf, ValidatorRequests,
};
use frame_support::{assert_ok, traits::Get, BoundedVec};

/// Run `test` in fresh externalities, then check the pallet's invariants.
pub fn run(test: impl FnOnce()) {
    new_test_ext().execute_with(|| {
        test();
        Validator::do_try_state().expect("validator invariants hold");
    });
}

/// Bytes into any bounded vector (panics if too long: test inputs only).
pub fn b<S: Get<u32>>(bytes: &[u8]) -> BoundedVec<u8, S> {
    BoundedVec::try_from(bytes.to_vec()).expect("test input fits its bound")
}

/// The events this pallet deposited, in order.
pub fn validator_events() -> Vec<ValidatorEvent<Test>> {
    System::events()
        .into_iter()
        .filter_map(|record| match record.event {
            RuntimeEvent::Validator(event) => Some(event),
            _ => None,
        })
        .collect()
}

/// The last event this pallet deposited.
pub fn last_event() -> ValidatorEvent<Test> {
    validator_events().pop().expect("an event was deposited")
}

/// The request candidate `candidate` files in the tests, in state `state`.
pub fn request_of(candidate: u64, state: ValidatorRequestState) -> ValidatorOf<Test> {
    types::Validator {
        validator_node_account: node_of(candidate),
        stash_account: stash_of(candidate),
        description: b(b"a validator in Ghent"),
        tf_connect_id: b(b"candidate.3bot"),
        info: b(b"https://forum.threefold.io/candidate"),
        state,
    }
}

/// File the request of `candidate`.
pub fn create_request(candidate: u64) {
    let request = request_of(candidate, ValidatorRequestState::Created);
    assert_ok!(Validator::create_validator_request(
        RuntimeOrigin::signed(candidate),
        request.validator_node_account,
        request.stash_account,
        request.description.into_inner(),
        request.tf_connect_id.into_inner(),
        request.info.into_inner()
    ));
}

/// File the request of `candidate` and have the council approve it (Root stands for a council
/// decision in the mock).
pub fn approved_request(candidate: u64) {
    create_request(candidate);
    assert_ok!(Validator::approve_validator(
        RuntimeOrigin::root(),
        candidate
    ));
}

/// File, approve and activate the request of `candidate`.
pub fn active_validator(candidate: u64) {
    approved_request(candidate);
    assert_ok!(Validator::activate_validator_node(RuntimeOrigin::signed(
        candidate
    )));
}

/// The stored request of `candidate`.
pub fn stored_request(candidate: u64) -> Option<ValidatorOf<Test>> {
    ValidatorRequests::<Test>::get(candidate)
}

/// The consensus validator set kept by the ValidatorSet pallet.
pub fn consensus_set() -> Vec<u64> {
    pallet_validator_set::Validators::<Test>::get().into_inner()
}

/// The council members.
pub fn council() -> Vec<u64> {
    pallet_membership::Members::<Test, pallet_membership::Instance1>::get().into_inner()
}
