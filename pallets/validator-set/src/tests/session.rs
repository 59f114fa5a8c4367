use crate::{mock::*, ValidatorOf};
use frame_support::assert_ok;
use pallet_session::SessionManager;
use sp_runtime::traits::Convert;

#[test]
fn new_session_returns_the_validator_set() {
    new_test_ext().execute_with(|| {
        assert_eq!(
            <ValidatorSet as SessionManager<u64>>::new_session(1),
            Some(vec![1, 2, 3])
        );
        ValidatorSet::do_try_state().unwrap();
    });
}

#[test]
fn new_session_drops_offline_validators_and_keeps_them_approved() {
    new_test_ext_with(vec![1, 2, 3, 4]).execute_with(|| {
        ValidatorSet::mark_for_removal(2);
        ValidatorSet::mark_for_removal(4);

        assert_eq!(
            <ValidatorSet as SessionManager<u64>>::new_session(1),
            Some(vec![1, 3])
        );

        assert_eq!(validators(), vec![1, 3]);
        assert_eq!(offline(), Vec::<u64>::new());
        assert_eq!(approved(), vec![1, 2, 3, 4]);
        ValidatorSet::do_try_state().unwrap();
    });
}

#[test]
fn new_session_never_goes_below_min_authorities() {
    new_test_ext().execute_with(|| {
        ValidatorSet::mark_for_removal(1);
        ValidatorSet::mark_for_removal(2);
        ValidatorSet::mark_for_removal(3);

        assert_eq!(
            <ValidatorSet as SessionManager<u64>>::new_session(1),
            Some(vec![2, 3])
        );

        assert_eq!(offline(), Vec::<u64>::new());
        assert_eq!(approved(), vec![1, 2, 3]);
        ValidatorSet::do_try_state().unwrap();
    });
}

#[test]
fn historical_new_session_pairs_validators_with_unit_identification() {
    new_test_ext().execute_with(|| {
        assert_eq!(
            <ValidatorSet as pallet_session::historical::SessionManager<u64, ()>>::new_session(1),
            Some(vec![(1, ()), (2, ()), (3, ())])
        );
        ValidatorSet::do_try_state().unwrap();
    });
}

#[test]
fn session_rotation_applies_changes_one_session_later() {
    new_test_ext().execute_with(|| {
        assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), 4));
        assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 1));

        // Session 1 starts with the set planned at genesis; session 2 is planned with the change.
        run_to_block(SESSION_PERIOD);
        assert_eq!(Session::current_index(), 1);
        assert_eq!(Session::validators(), vec![1, 2, 3]);

        run_to_block(2 * SESSION_PERIOD);
        assert_eq!(Session::current_index(), 2);
        assert_eq!(Session::validators(), vec![2, 3, 4]);
        ValidatorSet::do_try_state().unwrap();
    });
}

#[test]
fn offline_validator_leaves_the_session_and_can_rejoin() {
    new_test_ext().execute_with(|| {
        ValidatorSet::mark_for_removal(3);
        run_to_block(2 * SESSION_PERIOD);
        assert_eq!(Session::validators(), vec![1, 2]);

        assert_ok!(ValidatorSet::add_validator_again(
            RuntimeOrigin::signed(3),
            3
        ));
        run_to_block(4 * SESSION_PERIOD);
        assert_eq!(Session::validators(), vec![1, 2, 3]);
        ValidatorSet::do_try_state().unwrap();
    });
}

#[test]
fn validator_of_is_the_identity() {
    assert_eq!(ValidatorOf::<Test>::convert(7), Some(7));
}
