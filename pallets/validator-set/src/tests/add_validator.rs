use super::drop_after_offence;
use crate::{mock::*, Error, Event};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

#[test]
fn add_validator_adds_and_approves() {
    new_test_ext().execute_with(|| {
        assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), 4));

        assert_eq!(validators(), vec![1, 2, 3, 4]);
        assert_eq!(approved(), vec![1, 2, 3, 4]);
        System::assert_last_event(Event::ValidatorAdditionInitiated(4).into());
        ValidatorSet::do_try_state().unwrap();
    });
}

#[test]
fn add_validator_requires_add_remove_origin() {
    new_test_ext().execute_with(|| {
        assert_noop!(
            ValidatorSet::add_validator(RuntimeOrigin::signed(4), 4),
            DispatchError::BadOrigin
        );
        assert_noop!(
            ValidatorSet::add_validator(RuntimeOrigin::none(), 4),
            DispatchError::BadOrigin
        );
        ValidatorSet::do_try_state().unwrap();
    });
}

#[test]
fn add_validator_rejects_a_validator() {
    new_test_ext().execute_with(|| {
        assert_noop!(
            ValidatorSet::add_validator(RuntimeOrigin::root(), 2),
            Error::<Test>::Duplicate
        );
        ValidatorSet::do_try_state().unwrap();
    });
}

#[test]
fn add_validator_accepts_an_approved_inactive_account() {
    new_test_ext().execute_with(|| {
        drop_after_offence(3);
        assert_eq!(validators(), vec![1, 2]);
        assert_eq!(approved(), vec![1, 2, 3]);

        assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), 3));

        assert_eq!(validators(), vec![1, 2, 3]);
        assert_eq!(approved(), vec![1, 2, 3]);
        System::assert_last_event(Event::ValidatorAdditionInitiated(3).into());
        ValidatorSet::do_try_state().unwrap();
    });
}

#[test]
fn add_validator_rejects_a_full_set() {
    new_test_ext_with(vec![1, 2, 3, 4, 5, 6]).execute_with(|| {
        assert_noop!(
            ValidatorSet::add_validator(RuntimeOrigin::root(), 7),
            Error::<Test>::TooManyValidators
        );
        ValidatorSet::do_try_state().unwrap();
    });
}

#[test]
fn add_validator_rejects_a_full_approved_list() {
    new_test_ext_with(vec![1, 2, 3, 4, 5, 6]).execute_with(|| {
        drop_after_offence(6);
        assert_eq!(validators(), vec![1, 2, 3, 4, 5]);
        assert_eq!(approved().len(), MAX_VALIDATORS as usize);

        assert_noop!(
            ValidatorSet::add_validator(RuntimeOrigin::root(), 7),
            Error::<Test>::TooManyValidators
        );
        ValidatorSet::do_try_state().unwrap();
    });
}
