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

#[test]
fn set_and_delete_are_weighed_by_their_lengths_capped_at_the_bounds() {
    use crate::{types::*, weights::WeightInfo};
    use frame_support::dispatch::GetDispatchInfo;
    type W = ();
    run(|| {
        let set = |key: usize, value: usize| {
            RuntimeCall::TFKVStore(crate::Call::set {
                key: vec![1; key],
                value: vec![1; value],
            })
            .get_dispatch_info()
            .call_weight
        };
        assert_eq!(set(4, 6), W::set(4, 6));
        assert_eq!(
            set(MAX_KEY_LENGTH as usize + 1, MAX_VALUE_LENGTH as usize + 1),
            W::set(MAX_KEY_LENGTH, MAX_VALUE_LENGTH)
        );
        let delete = RuntimeCall::TFKVStore(crate::Call::delete {
            key: b"name".to_vec(),
        });
        assert_eq!(
            delete.get_dispatch_info().call_weight,
            W::delete(4, MAX_VALUE_LENGTH)
        );
        let origin = RuntimeOrigin::signed(alice());
        assert_ok!(TFKVStore::set(
            origin.clone(),
            b"name".to_vec(),
            b"nature".to_vec()
        ));
        let post = TFKVStore::delete(origin, b"name".to_vec()).unwrap();
        assert_eq!(post.actual_weight, Some(W::delete(4, 6)));
    });
}
