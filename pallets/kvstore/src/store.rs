//! Setting and deleting the entries of an account.

use crate::{types::*, Error, Event, KeyValueStore, Pallet};
use alloc::vec::Vec;
use frame_support::{dispatch::DispatchResult, ensure};
use sp_runtime::DispatchError;

impl<T: crate::Config> Pallet<T> {
    /// Store `value` under `(who, key)`, replacing any previous value.
    pub(crate) fn do_set(who: T::AccountId, key: Vec<u8>, value: Vec<u8>) -> DispatchResult {
        let key = Key::try_from(key).map_err(|_| Error::<T>::KeyIsTooLarge)?;
        let value = Value::try_from(value).map_err(|_| Error::<T>::ValueIsTooLarge)?;
        KeyValueStore::<T>::insert(&who, &key, &value);
        Self::deposit_event(Event::EntrySet(who, key, value));
        Ok(())
    }

    /// Remove the entry `(who, key)`, which must exist.
    pub(crate) fn do_delete(who: T::AccountId, key: Vec<u8>) -> Result<u32, DispatchError> {
        // A key longer than the bound cannot have been stored.
        let key = Key::try_from(key).map_err(|_| Error::<T>::NoValueStored)?;
        ensure!(
            KeyValueStore::<T>::contains_key(&who, &key),
            Error::<T>::NoValueStored
        );
        let value = KeyValueStore::<T>::take(&who, &key);
        // At most MAX_VALUE_LENGTH.
        let value_length = value.len() as u32;
        Self::deposit_event(Event::EntryTaken(who, key, value));
        Ok(value_length)
    }
}
