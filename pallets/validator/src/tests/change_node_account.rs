//! `change_validator_node_account` (call 2).

use super::*;
use crate::Error;
use frame_support::assert_noop;

#[test]
fn change_validator_node_account_of_an_inactive_request_only_updates_it() {
    run(|| {
        approved_request(10);
        System::reset_events();

        assert_ok!(Validator::change_validator_node_account(
            RuntimeOrigin::signed(10),
            alt_node_of(10)
        ));

        let mut expected = request_of(10, ValidatorRequestState::Approved);
        expected.validator_node_account = alt_node_of(10);
        assert_eq!(stored_request(10), Some(expected));
        assert_eq!(consensus_set(), GENESIS_VALIDATORS.to_vec());
        assert!(validator_events().is_empty());
    });
}

#[test]
fn change_validator_node_account_of_an_active_validator_swaps_it_in_the_set() {
    run(|| {
        active_validator(10);
        System::reset_events();

        assert_ok!(Validator::change_validator_node_account(
            RuntimeOrigin::signed(10),
            alt_node_of(10)
        ));

        assert_eq!(
            stored_request(10).map(|r| r.validator_node_account),
            Some(alt_node_of(10))
        );
        assert_eq!(consensus_set(), vec![1, 2, alt_node_of(10)]);
        assert_eq!(
            validator_events(),
            vec![
                ValidatorEvent::NodeValidatorRemoved(node_of(10)),
                ValidatorEvent::NodeValidatorChanged(alt_node_of(10)),
            ]
        );
    });
}

#[test]
fn change_validator_node_account_to_the_same_account_changes_nothing() {
    run(|| {
        active_validator(10);
        System::reset_events();

        assert_ok!(Validator::change_validator_node_account(
            RuntimeOrigin::signed(10),
            node_of(10)
        ));

        assert_eq!(consensus_set(), vec![1, 2, node_of(10)]);
        assert!(validator_events().is_empty());
    });
}

#[test]
fn change_validator_node_account_of_the_only_validator_keeps_the_set_non_empty() {
    run(|| {
        active_validator(10);
        assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 1));
        assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 2));
        assert_eq!(consensus_set(), vec![node_of(10)]);

        assert_ok!(Validator::change_validator_node_account(
            RuntimeOrigin::signed(10),
            alt_node_of(10)
        ));

        assert_eq!(consensus_set(), vec![alt_node_of(10)]);
    });
}

#[test]
fn change_validator_node_account_to_an_account_in_the_set_fails() {
    run(|| {
        active_validator(10);
        assert_noop!(
            Validator::change_validator_node_account(
                RuntimeOrigin::signed(10),
                GENESIS_VALIDATORS[0]
            ),
            pallet_validator_set::Error::<Test>::Duplicate
        );
    });
}

#[test]
fn change_validator_node_account_without_a_request_fails() {
    run(|| {
        assert_noop!(
            Validator::change_validator_node_account(RuntimeOrigin::signed(10), alt_node_of(10)),
            Error::<Test>::ValidatorNotFound
        );
    });
}

#[test]
fn change_validator_node_account_after_the_council_dropped_the_old_one() {
    run(|| {
        active_validator(10);
        assert_ok!(ValidatorSet::remove_validator(
            RuntimeOrigin::root(),
            node_of(10)
        ));

        assert_ok!(Validator::change_validator_node_account(
            RuntimeOrigin::signed(10),
            alt_node_of(10)
        ));

        assert_eq!(consensus_set(), vec![1, 2, alt_node_of(10)]);
    });
}
