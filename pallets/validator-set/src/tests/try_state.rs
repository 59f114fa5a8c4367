use crate::{mock::*, OfflineValidators, Validators};
use frame_support::{traits::ConstU32, BoundedVec};

/// `list` as a bounded validator list of the mock.
fn bounded(list: &[u64]) -> BoundedVec<u64, ConstU32<MAX_VALIDATORS>> {
    list.to_vec()
        .try_into()
        .expect("list fits in MaxValidators")
}

#[test]
fn try_state_detects_an_unapproved_validator() {
    new_test_ext().execute_with(|| {
        Validators::<Test>::put(bounded(&[1, 2, 3, 4]));
        assert!(ValidatorSet::do_try_state().is_err());
    });
}

#[test]
fn try_state_detects_too_few_validators() {
    new_test_ext().execute_with(|| {
        Validators::<Test>::put(bounded(&[1]));
        assert!(ValidatorSet::do_try_state().is_err());
    });
}

#[test]
fn try_state_detects_a_duplicate_validator() {
    new_test_ext().execute_with(|| {
        Validators::<Test>::put(bounded(&[1, 1, 2]));
        assert!(ValidatorSet::do_try_state().is_err());
    });
}

#[test]
fn try_state_detects_an_offline_non_validator() {
    new_test_ext().execute_with(|| {
        OfflineValidators::<Test>::put(bounded(&[9]));
        assert!(ValidatorSet::do_try_state().is_err());
    });
}
