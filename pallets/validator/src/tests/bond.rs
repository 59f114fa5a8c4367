//! `bond` (call 3).

use super::*;
use crate::{Bonded, Error};
use frame_support::assert_noop;

#[test]
fn bond_records_the_stash_of_a_validator() {
    run(|| {
        assert_ok!(Validator::bond(RuntimeOrigin::signed(stash_of(10)), 10));

        assert_eq!(Bonded::<Test>::get(stash_of(10)), Some(10));
        assert_eq!(last_event(), ValidatorEvent::Bonded(stash_of(10)));
    });
}

#[test]
fn bond_an_already_bonded_stash_fails() {
    run(|| {
        assert_ok!(Validator::bond(RuntimeOrigin::signed(stash_of(10)), 10));
        assert_noop!(
            Validator::bond(RuntimeOrigin::signed(stash_of(10)), 20),
            Error::<Test>::AlreadyBonded
        );
    });
}
