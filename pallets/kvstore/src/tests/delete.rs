//! `delete` (call 1).

use super::*;
use crate::Error;
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

#[test]
fn delete_removes_the_entry_and_emits_entry_taken_with_its_value() {
    run(|| {
        let origin = RuntimeOrigin::signed(alice());
        assert_ok!(TFKVStore::set(
            origin.clone(),
            b"name".to_vec(),
            b"nature".to_vec()
        ));
        assert_ok!(TFKVStore::delete(origin, b"name".to_vec()));
        assert!(!KeyValueStore::<Test>::contains_key(alice(), key(b"name")));
        assert_eq!(stored(&alice(), b"name"), Vec::<u8>::new());
        assert_eq!(
            last_event(),
            KvEvent::EntryTaken(alice(), key(b"name"), value(b"nature"))
        );
    });
}

#[test]
fn delete_of_a_missing_key_fails_with_no_value_stored() {
    run(|| {
        assert_noop!(
            TFKVStore::delete(RuntimeOrigin::signed(alice()), b"name".to_vec()),
            Error::<Test>::NoValueStored
        );
    });
}

#[test]
fn delete_does_not_touch_another_accounts_entry() {
    run(|| {
        assert_ok!(TFKVStore::set(
            RuntimeOrigin::signed(alice()),
            b"name".to_vec(),
            b"nature".to_vec()
        ));
        assert_noop!(
            TFKVStore::delete(RuntimeOrigin::signed(bob()), b"name".to_vec()),
            Error::<Test>::NoValueStored
        );
        assert_eq!(stored(&alice(), b"name"), b"nature".to_vec());
    });
}

#[test]
fn delete_of_a_key_over_512_bytes_fails_with_no_value_stored() {
    run(|| {
        assert_noop!(
            TFKVStore::delete(
                RuntimeOrigin::signed(alice()),
                vec![b'k'; MAX_KEY_LENGTH as usize + 1]
            ),
            Error::<Test>::NoValueStored
        );
    });
}

#[test]
fn delete_requires_a_signed_origin() {
    run(|| {
        assert_noop!(
            TFKVStore::delete(RuntimeOrigin::none(), b"k".to_vec()),
            DispatchError::BadOrigin
        );
    });
}
