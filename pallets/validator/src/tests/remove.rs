//! `remove_validator` (call 5).

use super::*;
use crate::Error;
use frame_support::assert_noop;
use sp_runtime::DispatchError;

#[test]
fn attack_a_single_council_member_removes_another_validator() {
    run(|| {
        // One member could otherwise unseat the other members' candidates and take active
        // validators out of the set on its own.
        active_validator(10);
        let active = stored_request(10);

        assert_noop!(
            Validator::remove_validator(RuntimeOrigin::signed(COUNCIL[0]), 10),
            Error::<Test>::BadOrigin
        );

        assert_eq!(stored_request(10), active);
        assert!(council().contains(&10));
        assert!(consensus_set().contains(&node_of(10)));
    });
}

#[test]
fn remove_validator_by_the_candidate_itself_is_allowed() {
    run(|| {
        approved_request(10);
        assert_ok!(Validator::remove_validator(RuntimeOrigin::signed(10), 10));
        assert_eq!(stored_request(10), None);
        assert!(!council().contains(&10));
    });
}

#[test]
fn remove_validator_by_a_council_decision_removes_request_and_seat() {
    run(|| {
        approved_request(10);
        let approved = stored_request(10).expect("request stored");

        assert_ok!(Validator::remove_validator(RuntimeOrigin::root(), 10));

        assert_eq!(stored_request(10), None);
        assert!(!council().contains(&10));
        assert_eq!(last_event(), ValidatorEvent::ValidatorRemoved(approved));
    });
}

#[test]
fn remove_validator_of_an_active_validator_takes_it_out_of_the_set() {
    run(|| {
        active_validator(10);
        let active = stored_request(10).expect("request stored");

        assert_ok!(Validator::remove_validator(RuntimeOrigin::signed(10), 10));

        assert_eq!(consensus_set(), GENESIS_VALIDATORS.to_vec());
        assert_eq!(stored_request(10), None);
        assert_eq!(last_event(), ValidatorEvent::ValidatorRemoved(active));
    });
}

#[test]
fn remove_validator_of_an_unapproved_request_is_allowed() {
    run(|| {
        create_request(10);
        assert_ok!(Validator::remove_validator(RuntimeOrigin::signed(10), 10));
        assert_eq!(stored_request(10), None);
        assert_eq!(council(), COUNCIL.to_vec());
    });
}

#[test]
fn remove_validator_by_another_account_fails() {
    run(|| {
        approved_request(10);
        assert_noop!(
            Validator::remove_validator(RuntimeOrigin::signed(20), 10),
            Error::<Test>::BadOrigin
        );
    });
}

#[test]
fn remove_validator_unsigned_fails() {
    run(|| {
        approved_request(10);
        assert_noop!(
            Validator::remove_validator(RuntimeOrigin::none(), 10),
            DispatchError::BadOrigin
        );
    });
}

#[test]
fn remove_validator_without_a_request_fails() {
    run(|| {
        assert_noop!(
            Validator::remove_validator(RuntimeOrigin::root(), 10),
            Error::<Test>::ValidatorNotFound
        );
    });
}

#[test]
fn remove_validator_of_the_last_authority_fails() {
    run(|| {
        active_validator(10);
        assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 1));
        assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 2));
        assert_noop!(
            Validator::remove_validator(RuntimeOrigin::signed(10), 10),
            pallet_validator_set::Error::<Test>::TooLowValidatorCount
        );
    });
}

#[test]
fn remove_validator_whose_node_the_council_already_dropped_from_the_set() {
    run(|| {
        active_validator(10);
        assert_ok!(ValidatorSet::remove_validator(
            RuntimeOrigin::root(),
            node_of(10)
        ));

        assert_ok!(Validator::remove_validator(RuntimeOrigin::signed(10), 10));

        assert_eq!(stored_request(10), None);
        assert_eq!(consensus_set(), GENESIS_VALIDATORS.to_vec());
    });
}

#[test]
fn a_removed_validator_node_cannot_rejoin_the_set_on_its_own() {
    run(|| {
        active_validator(10);
        assert_ok!(Validator::remove_validator(RuntimeOrigin::signed(10), 10));
        assert_noop!(
            ValidatorSet::add_validator_again(RuntimeOrigin::signed(node_of(10)), node_of(10)),
            pallet_validator_set::Error::<Test>::ValidatorNotApproved
        );
    });
}
