//! `set` (call 0).

use super::*;
use crate::Error;
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

#[test]
fn set_stores_the_value_and_emits_entry_set() {
    run(|| {
        assert_ok!(TFKVStore::set(
            RuntimeOrigin::signed(alice()),
            b"name".to_vec(),
            b"nature".to_vec()
        ));
        assert_eq!(stored(&alice(), b"name"), b"nature".to_vec());
        assert_eq!(
            last_event(),
            KvEvent::EntrySet(alice(), key(b"name"), value(b"nature"))
        );
    });
}

#[test]
fn set_overwrites_the_previous_value() {
    run(|| {
        let origin = RuntimeOrigin::signed(alice());
        assert_ok!(TFKVStore::set(
            origin.clone(),
            b"k".to_vec(),
            b"old".to_vec()
        ));
        assert_ok!(TFKVStore::set(origin, b"k".to_vec(), b"new".to_vec()));
        assert_eq!(stored(&alice(), b"k"), b"new".to_vec());
        assert_eq!(KeyValueStore::<Test>::iter_prefix(alice()).count(), 1);
    });
}

#[test]
fn set_stores_an_empty_value() {
    run(|| {
        assert_ok!(TFKVStore::set(
            RuntimeOrigin::signed(alice()),
            b"k".to_vec(),
            Vec::new()
        ));
        assert!(KeyValueStore::<Test>::contains_key(alice(), key(b"k")));
        assert_eq!(stored(&alice(), b"k"), Vec::<u8>::new());
    });
}

#[test]
fn entries_of_different_accounts_are_separate() {
    run(|| {
        assert_ok!(TFKVStore::set(
            RuntimeOrigin::signed(alice()),
            b"k".to_vec(),
            b"alice".to_vec()
        ));
        assert_ok!(TFKVStore::set(
            RuntimeOrigin::signed(bob()),
            b"k".to_vec(),
            b"bob".to_vec()
        ));
        assert_eq!(stored(&alice(), b"k"), b"alice".to_vec());
        assert_eq!(stored(&bob(), b"k"), b"bob".to_vec());
    });
}

#[test]
fn set_accepts_key_and_value_at_their_bounds() {
    run(|| {
        let long_key = vec![b'k'; MAX_KEY_LENGTH as usize];
        let long_value = vec![b'v'; MAX_VALUE_LENGTH as usize];
        assert_ok!(TFKVStore::set(
            RuntimeOrigin::signed(alice()),
            long_key.clone(),
            long_value.clone()
        ));
        assert_eq!(stored(&alice(), &long_key), long_value);
    });
}

#[test]
fn set_rejects_a_key_over_512_bytes() {
    run(|| {
        assert_noop!(
            TFKVStore::set(
                RuntimeOrigin::signed(alice()),
                vec![b'k'; MAX_KEY_LENGTH as usize + 1],
                b"v".to_vec()
            ),
            Error::<Test>::KeyIsTooLarge
        );
    });
}

#[test]
fn set_rejects_a_value_over_2048_bytes() {
    run(|| {
        assert_noop!(
            TFKVStore::set(
                RuntimeOrigin::signed(alice()),
                b"k".to_vec(),
                vec![b'v'; MAX_VALUE_LENGTH as usize + 1]
            ),
            Error::<Test>::ValueIsTooLarge
        );
    });
}

#[test]
fn set_requires_a_signed_origin() {
    run(|| {
        assert_noop!(
            TFKVStore::set(RuntimeOrigin::root(), b"k".to_vec(), b"v".to_vec()),
            DispatchError::BadOrigin
        );
    });
}
