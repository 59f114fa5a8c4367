//! Bridge validators: `add_bridge_validator` (call 0) and `remove_bridge_validator` (call 1).

use super::*;
use crate::{types::MAX_BRIDGE_VALIDATORS, Error};
use frame_support::assert_noop;
use sp_runtime::DispatchError;

#[test]
fn add_bridge_validator_keeps_the_validators_sorted() {
    run(|| {
        assert_ok!(TFTBridgeModule::add_bridge_validator(
            RuntimeOrigin::root(),
            3
        ));
        assert_eq!(validators(), vec![1, 2, 3, 5, 6]);
        assert_eq!(TFTBridgeModule::quorum(), 3);
    });
}

#[test]
fn add_bridge_validator_twice_fails() {
    run(|| {
        assert_noop!(
            TFTBridgeModule::add_bridge_validator(RuntimeOrigin::root(), 5),
            Error::<Test>::ValidatorExists
        );
    });
}

#[test]
fn add_bridge_validator_beyond_the_maximum_fails() {
    run(|| {
        for account in 1000..(1000 + u64::from(MAX_BRIDGE_VALIDATORS) - 4) {
            assert_ok!(TFTBridgeModule::add_bridge_validator(
                RuntimeOrigin::root(),
                account
            ));
        }
        assert_noop!(
            TFTBridgeModule::add_bridge_validator(RuntimeOrigin::root(), 3),
            Error::<Test>::TooManyValidators
        );
    });
}

#[test]
fn add_bridge_validator_needs_the_restricted_origin() {
    run(|| {
        assert_noop!(
            TFTBridgeModule::add_bridge_validator(RuntimeOrigin::signed(1), 3),
            DispatchError::BadOrigin
        );
    });
}

#[test]
fn remove_bridge_validator_removes_it() {
    run(|| {
        assert_ok!(TFTBridgeModule::remove_bridge_validator(
            RuntimeOrigin::root(),
            5
        ));
        assert_eq!(validators(), vec![1, 2, 6]);
        assert_eq!(TFTBridgeModule::quorum(), 2);
    });
}

#[test]
fn remove_bridge_validator_of_a_non_validator_fails() {
    run(|| {
        assert_noop!(
            TFTBridgeModule::remove_bridge_validator(RuntimeOrigin::root(), 3),
            Error::<Test>::ValidatorNotExists
        );
    });
}

#[test]
fn remove_bridge_validator_needs_the_restricted_origin() {
    run(|| {
        assert_noop!(
            TFTBridgeModule::remove_bridge_validator(RuntimeOrigin::signed(1), 5),
            DispatchError::BadOrigin
        );
    });
}
