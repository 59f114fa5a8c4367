use super::drop_after_offence;
use crate::{mock::*, Error, Event};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

#[test]
fn remove_validator_removes_and_revokes_approval() {
    new_test_ext().execute_with(|| {
        assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 2));

        assert_eq!(validators(), vec![1, 3]);
        // Upstream left the account in ApprovedValidators; it is now removed from it too.
        assert_eq!(approved(), vec![1, 3]);
        System::assert_last_event(Event::ValidatorRemovalInitiated(2).into());
        ValidatorSet::do_try_state().unwrap();
    });
}

#[test]
fn removed_validator_cannot_add_itself_again() {
    new_test_ext().execute_with(|| {
        assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 3));

        assert_noop!(
            ValidatorSet::add_validator_again(RuntimeOrigin::signed(3), 3),
            Error::<Test>::ValidatorNotApproved
        );
        ValidatorSet::do_try_state().unwrap();
    });
}

#[test]
fn remove_validator_requires_add_remove_origin() {
    new_test_ext().execute_with(|| {
        assert_noop!(
            ValidatorSet::remove_validator(RuntimeOrigin::signed(3), 3),
            DispatchError::BadOrigin
        );
        assert_noop!(
            ValidatorSet::remove_validator(RuntimeOrigin::none(), 3),
            DispatchError::BadOrigin
        );
        ValidatorSet::do_try_state().unwrap();
    });
}

#[test]
fn remove_validator_keeps_min_authorities() {
    new_test_ext_with(vec![1, 2]).execute_with(|| {
        assert_noop!(
            ValidatorSet::remove_validator(RuntimeOrigin::root(), 2),
            Error::<Test>::TooLowValidatorCount
        );
        ValidatorSet::do_try_state().unwrap();
    });
}

#[test]
fn remove_validator_rejects_an_unknown_account() {
    new_test_ext().execute_with(|| {
        assert_noop!(
            ValidatorSet::remove_validator(RuntimeOrigin::root(), 9),
            Error::<Test>::ValidatorNotApproved
        );
        ValidatorSet::do_try_state().unwrap();
    });
}

#[test]
fn remove_validator_revokes_the_approval_of_an_inactive_account() {
    new_test_ext().execute_with(|| {
        drop_after_offence(3);
        assert_eq!(validators(), vec![1, 2]);

        // The set is at MinAuthorities, but the set does not change.
        assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 3));

        assert_eq!(validators(), vec![1, 2]);
        assert_eq!(approved(), vec![1, 2]);
        System::assert_last_event(Event::ValidatorRemovalInitiated(3).into());
        assert_noop!(
            ValidatorSet::add_validator_again(RuntimeOrigin::signed(3), 3),
            Error::<Test>::ValidatorNotApproved
        );
        ValidatorSet::do_try_state().unwrap();
    });
}

#[test]
fn remove_validator_clears_the_offline_mark() {
    new_test_ext().execute_with(|| {
        ValidatorSet::mark_for_removal(3);
        assert_eq!(offline(), vec![3]);

        assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 3));

        assert_eq!(validators(), vec![1, 2]);
        assert_eq!(offline(), Vec::<u64>::new());
        ValidatorSet::do_try_state().unwrap();
    });
}
