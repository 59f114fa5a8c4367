use super::drop_after_offence;
use crate::{mock::*, Error, Event};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

#[test]
fn add_validator_again_restores_an_approved_validator() {
    new_test_ext().execute_with(|| {
        drop_after_offence(3);
        assert_eq!(validators(), vec![1, 2]);

        assert_ok!(ValidatorSet::add_validator_again(
            RuntimeOrigin::signed(3),
            3
        ));

        assert_eq!(validators(), vec![1, 2, 3]);
        assert_eq!(approved(), vec![1, 2, 3]);
        System::assert_last_event(Event::ValidatorAdditionInitiated(3).into());
        ValidatorSet::do_try_state().unwrap();
    });
}

#[test]
fn add_validator_again_requires_a_signed_origin() {
    new_test_ext().execute_with(|| {
        drop_after_offence(3);

        assert_noop!(
            ValidatorSet::add_validator_again(RuntimeOrigin::root(), 3),
            DispatchError::BadOrigin
        );
        assert_noop!(
            ValidatorSet::add_validator_again(RuntimeOrigin::none(), 3),
            DispatchError::BadOrigin
        );
        ValidatorSet::do_try_state().unwrap();
    });
}

#[test]
fn add_validator_again_must_be_signed_by_the_validator() {
    new_test_ext().execute_with(|| {
        drop_after_offence(3);

        assert_noop!(
            ValidatorSet::add_validator_again(RuntimeOrigin::signed(1), 3),
            Error::<Test>::BadOrigin
        );
        ValidatorSet::do_try_state().unwrap();
    });
}

#[test]
fn add_validator_again_rejects_an_unapproved_account() {
    new_test_ext().execute_with(|| {
        assert_noop!(
            ValidatorSet::add_validator_again(RuntimeOrigin::signed(4), 4),
            Error::<Test>::ValidatorNotApproved
        );
        ValidatorSet::do_try_state().unwrap();
    });
}

#[test]
fn add_validator_again_rejects_an_active_validator() {
    new_test_ext().execute_with(|| {
        assert_noop!(
            ValidatorSet::add_validator_again(RuntimeOrigin::signed(2), 2),
            Error::<Test>::Duplicate
        );
        ValidatorSet::do_try_state().unwrap();
    });
}
