use crate::mock::*;

#[test]
fn genesis_sets_validators_and_approvals() {
    new_test_ext().execute_with(|| {
        assert_eq!(validators(), vec![1, 2, 3]);
        assert_eq!(approved(), vec![1, 2, 3]);
        assert_eq!(offline(), Vec::<u64>::new());
        // pallet-session took its first validators from this pallet.
        assert_eq!(Session::validators(), vec![1, 2, 3]);
        ValidatorSet::do_try_state().unwrap();
    });
}

#[test]
fn empty_genesis_config_builds_nothing() {
    new_test_ext_with(vec![]).execute_with(|| {
        assert_eq!(validators(), Vec::<u64>::new());
        assert_eq!(approved(), Vec::<u64>::new());
    });
}

#[test]
#[should_panic(expected = "fewer than MinAuthorities")]
fn genesis_rejects_fewer_than_min_authorities() {
    genesis_storage(vec![1]);
}

#[test]
#[should_panic(expected = "more than MaxValidators")]
fn genesis_rejects_more_than_max_validators() {
    genesis_storage((1..=u64::from(MAX_VALIDATORS) + 1).collect());
}

#[test]
#[should_panic(expected = "contain a duplicate")]
fn genesis_rejects_duplicates() {
    genesis_storage(vec![1, 2, 2]);
}
