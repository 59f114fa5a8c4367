//! The store's storage invariants, checked by the `try_state` hook and after every test.

use crate::*;
use frame_support::{ensure, storage::StoragePrefixedMap};
use sp_runtime::TryRuntimeError;

impl<T: Config> Pallet<T> {
    /// Check that every entry under the `TFKVStore` prefix decodes, i.e. that no key or value
    /// exceeds its bound (an oversized entry would be invisible to iteration).
    pub fn do_try_state() -> Result<(), TryRuntimeError> {
        let prefix = KeyValueStore::<T>::final_prefix();
        let mut raw_entries = 0usize;
        let mut cursor = prefix.to_vec();
        while let Some(next) = sp_io::storage::next_key(&cursor) {
            if !next.starts_with(&prefix) {
                break;
            }
            raw_entries = raw_entries.saturating_add(1);
            cursor = next;
        }
        ensure!(
            KeyValueStore::<T>::iter().count() == raw_entries,
            "an entry of the store does not decode within its bounds"
        );
        Ok(())
    }
}
