//! `activate_validator_node` (call 1).

use super::*;
use crate::Error;
use frame_support::assert_noop;

#[test]
fn activate_validator_node_puts_the_node_account_in_the_validator_set() {
    run(|| {
        approved_request(10);

        assert_ok!(Validator::activate_validator_node(RuntimeOrigin::signed(
            10
        )));

        let active = request_of(10, ValidatorRequestState::Validating);
        assert_eq!(stored_request(10), Some(active.clone()));
        assert_eq!(consensus_set(), vec![1, 2, node_of(10)]);
        assert_eq!(last_event(), ValidatorEvent::ValidatorActivated(active));
    });
}

#[test]
fn activate_validator_node_without_a_request_fails() {
    run(|| {
        assert_noop!(
            Validator::activate_validator_node(RuntimeOrigin::signed(10)),
            Error::<Test>::ValidatorNotFound
        );
    });
}

#[test]
fn activate_validator_node_of_an_unapproved_request_fails() {
    run(|| {
        create_request(10);
        assert_noop!(
            Validator::activate_validator_node(RuntimeOrigin::signed(10)),
            Error::<Test>::ValidatorNotApproved
        );
    });
}

#[test]
fn activate_validator_node_twice_fails() {
    run(|| {
        active_validator(10);
        assert_noop!(
            Validator::activate_validator_node(RuntimeOrigin::signed(10)),
            Error::<Test>::ValidatorValidatingAlready
        );
    });
}

#[test]
fn activate_validator_node_with_a_node_account_already_in_the_set_fails() {
    run(|| {
        assert_ok!(Validator::create_validator_request(
            RuntimeOrigin::signed(10),
            GENESIS_VALIDATORS[0],
            stash_of(10),
            b"d".to_vec(),
            b"t".to_vec(),
            b"i".to_vec()
        ));
        assert_ok!(Validator::approve_validator(RuntimeOrigin::root(), 10));
        assert_noop!(
            Validator::activate_validator_node(RuntimeOrigin::signed(10)),
            pallet_validator_set::Error::<Test>::Duplicate
        );
    });
}
