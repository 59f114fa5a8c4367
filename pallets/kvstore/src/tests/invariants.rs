//! The invariant that `do_try_state` checks catches broken state.

use super::*;
use codec::Encode;
use frame_support::storage::StoragePrefixedMap;

#[test]
fn try_state_detects_an_entry_over_its_bounds() {
    run(|| {
        let account = alice().encode();
        let scale_key = b"k".to_vec().encode();
        let storage_key = [
            KeyValueStore::<Test>::final_prefix().to_vec(),
            sp_io::hashing::blake2_128(&account).to_vec(),
            account,
            sp_io::hashing::blake2_128(&scale_key).to_vec(),
            scale_key,
        ]
        .concat();
        let oversized = vec![0u8; MAX_VALUE_LENGTH as usize + 1].encode();
        sp_io::storage::set(&storage_key, &oversized);
        assert!(TFKVStore::do_try_state().is_err());
        sp_io::storage::clear(&storage_key);
    });
}
