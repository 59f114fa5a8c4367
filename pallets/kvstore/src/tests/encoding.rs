//! Wire layout: call indices, event and error indices, the storage key of an entry.

use super::*;
use crate::{Call, Error};
use codec::Encode;
use frame_support::{
    assert_ok,
    traits::{GetCallIndex, GetCallName, StorageInfoTrait},
};
use sp_io::hashing::{blake2_128, twox_128};

#[test]
fn calls_have_the_upstream_names_and_indices() {
    run(|| {
        assert_eq!(Call::<Test>::get_call_names(), &["set", "delete"]);
        assert_eq!(Call::<Test>::get_call_indices(), &[0, 1]);
        let call = Call::<Test>::set {
            key: b"k".to_vec(),
            value: b"v".to_vec(),
        };
        assert_eq!(
            call.encode(),
            [vec![0], b"k".to_vec().encode(), b"v".to_vec().encode()].concat()
        );
    });
}

#[test]
fn events_and_errors_keep_their_upstream_indices() {
    run(|| {
        let fields = (alice(), b"k".to_vec(), b"v".to_vec()).encode();
        assert_eq!(
            KvEvent::<Test>::EntrySet(alice(), key(b"k"), value(b"v")).encode(),
            [vec![0], fields.clone()].concat()
        );
        assert_eq!(
            KvEvent::<Test>::EntryGot(alice(), key(b"k"), value(b"v")).encode(),
            [vec![1], fields.clone()].concat()
        );
        assert_eq!(
            KvEvent::<Test>::EntryTaken(alice(), key(b"k"), value(b"v")).encode(),
            [vec![2], fields].concat()
        );
        assert_eq!(Error::<Test>::NoValueStored.encode(), vec![0]);
        assert_eq!(Error::<Test>::KeyIsTooLarge.encode(), vec![1]);
        assert_eq!(Error::<Test>::ValueIsTooLarge.encode(), vec![2]);
    });
}

#[test]
fn an_entry_is_stored_under_the_upstream_key_with_its_raw_value() {
    run(|| {
        assert_ok!(TFKVStore::set(
            RuntimeOrigin::signed(alice()),
            b"name".to_vec(),
            b"nature".to_vec()
        ));
        let account = alice().encode();
        let scale_key = b"name".to_vec().encode();
        let storage_key = [
            twox_128(b"TFKVStore").to_vec(),
            twox_128(b"TFKVStore").to_vec(),
            blake2_128(&account).to_vec(),
            account,
            blake2_128(&scale_key).to_vec(),
            scale_key,
        ]
        .concat();
        assert_eq!(
            sp_io::storage::get(&storage_key).map(|bytes| bytes.to_vec()),
            Some(b"nature".to_vec().encode())
        );
    });
}

#[test]
fn the_entries_of_an_account_can_be_listed_with_their_keys() {
    run(|| {
        for (k, v) in [(&b"a"[..], &b"1"[..]), (b"b", b"2")] {
            assert_ok!(TFKVStore::set(
                RuntimeOrigin::signed(alice()),
                k.to_vec(),
                v.to_vec()
            ));
        }
        assert_ok!(TFKVStore::set(
            RuntimeOrigin::signed(bob()),
            b"c".to_vec(),
            b"3".to_vec()
        ));
        let mut entries: Vec<(Vec<u8>, Vec<u8>)> = KeyValueStore::<Test>::iter_prefix(alice())
            .map(|(k, v)| (k.into_inner(), v.into_inner()))
            .collect();
        entries.sort();
        assert_eq!(
            entries,
            vec![
                (b"a".to_vec(), b"1".to_vec()),
                (b"b".to_vec(), b"2".to_vec())
            ]
        );
    });
}

#[test]
fn the_store_is_the_only_storage_item_and_is_bounded() {
    run(|| {
        let info = <TFKVStore as StorageInfoTrait>::storage_info();
        assert_eq!(info.len(), 1);
        assert_eq!(info[0].pallet_name, b"TFKVStore".to_vec());
        assert_eq!(info[0].storage_name, b"TFKVStore".to_vec());
        assert!(info[0].max_size.is_some());
    });
}
