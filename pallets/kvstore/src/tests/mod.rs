//! Unit tests of pallet-kvstore, split by concern. Every test runs through [`run`], which checks
//! the store's invariants ([`TFKVStore::do_try_state`]) after the test body.

mod delete;
mod encoding;
mod invariants;
mod set;

use crate::{mock::*, types::*, Event as KvEvent, KeyValueStore};
use sp_runtime::AccountId32;

/// Run `test` in fresh externalities, then check the store's invariants.
pub fn run(test: impl FnOnce()) {
    new_test_ext().execute_with(|| {
        test();
        TFKVStore::do_try_state().expect("store invariants hold");
    });
}

/// A key from bytes (panics if too long: test inputs only).
pub fn key(bytes: &[u8]) -> Key {
    Key::try_from(bytes.to_vec()).expect("test key fits its bound")
}

/// A value from bytes (panics if too long: test inputs only).
pub fn value(bytes: &[u8]) -> Value {
    Value::try_from(bytes.to_vec()).expect("test value fits its bound")
}

/// The stored value of `(who, key)`, as bytes (empty when absent).
pub fn stored(who: &AccountId32, key_bytes: &[u8]) -> Vec<u8> {
    KeyValueStore::<Test>::get(who, key(key_bytes)).into_inner()
}

/// The last event this pallet deposited.
pub fn last_event() -> KvEvent<Test> {
    System::events()
        .into_iter()
        .filter_map(|record| match record.event {
            RuntimeEvent::TFKVStore(event) => Some(event),
            _ => None,
        })
        .last()
        .expect("an event was deposited")
}
