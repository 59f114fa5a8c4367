//! The invariants checked by `do_try_state`.

use super::*;

#[test]
fn do_try_state_rejects_two_active_validators_sharing_a_node_account() {
    new_test_ext().execute_with(|| {
        let active = request_of(10, ValidatorRequestState::Validating);
        ValidatorRequests::<Test>::insert(10, &active);
        ValidatorRequests::<Test>::insert(20, &active);
        assert!(Validator::do_try_state().is_err());
    });
}

#[test]
fn do_try_state_accepts_requests_sharing_a_node_account_until_both_are_active() {
    run(|| {
        let created = request_of(10, ValidatorRequestState::Created);
        let active = request_of(10, ValidatorRequestState::Validating);
        ValidatorRequests::<Test>::insert(10, &active);
        ValidatorRequests::<Test>::insert(20, &created);
    });
}
