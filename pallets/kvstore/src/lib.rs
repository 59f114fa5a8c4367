//! # KV store pallet
//!
//! A small key-value store per account, mounted in the runtime as `TFKVStore` (index 30) with the
//! storage layout, calls, events and errors of TFChain 2.9. Twins keep data such as deployment
//! metadata here: an account writes and deletes only its own entries, and anyone can list an
//! account's entries because both keys of the double map are `Blake2_128Concat` (transparent).
//!
//! Keys are at most [`types::MAX_KEY_LENGTH`] bytes and values at most
//! [`types::MAX_VALUE_LENGTH`] bytes; longer input fails with [`Error::KeyIsTooLarge`] or
//! [`Error::ValueIsTooLarge`]. The entry logic lives in [`store`].

#![cfg_attr(not(feature = "std"), no_std)]
#![warn(missing_docs)]

extern crate alloc;

pub use pallet::*;
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

mod invariants;
pub mod store;
pub mod types;
pub mod weights;

#[frame_support::pallet]
pub mod pallet {
    use crate::{types::*, weights::WeightInfo};
    use alloc::vec::Vec;
    use frame_support::pallet_prelude::*;
    use frame_system::pallet_prelude::*;

    /// The KV store pallet.
    #[pallet::pallet]
    pub struct Pallet<T>(_);

    /// Configuration of the KV store pallet.
    #[pallet::config]
    pub trait Config: frame_system::Config {
        /// The overarching event type.
        #[allow(deprecated)]
        type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;

        /// Weights of the calls of this pallet.
        type WeightInfo: WeightInfo;
    }

    /// The value of each key of each account (an absent entry reads as an empty value).
    #[pallet::storage]
    #[pallet::storage_prefix = "TFKVStore"]
    pub type KeyValueStore<T: Config> = StorageDoubleMap<
        _,
        Blake2_128Concat,
        T::AccountId,
        Blake2_128Concat,
        Key,
        Value,
        ValueQuery,
    >;

    /// Events of the KV store pallet.
    #[pallet::event]
    #[pallet::generate_deposit(pub(super) fn deposit_event)]
    pub enum Event<T: Config> {
        /// An account set the value of one of its keys: `(account, key, value)`.
        EntrySet(T::AccountId, Key, Value),
        /// Not emitted; kept for the upstream event indices.
        EntryGot(T::AccountId, Key, Value),
        /// An account deleted one of its keys; carries the value it had: `(account, key, value)`.
        EntryTaken(T::AccountId, Key, Value),
    }

    /// Errors of the KV store pallet.
    #[pallet::error]
    pub enum Error<T> {
        /// The account has no entry under this key.
        NoValueStored,
        /// The key is longer than `MAX_KEY_LENGTH` bytes.
        KeyIsTooLarge,
        /// The value is longer than `MAX_VALUE_LENGTH` bytes.
        ValueIsTooLarge,
    }

    #[pallet::hooks]
    impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
        #[cfg(feature = "try-runtime")]
        fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
            Self::do_try_state()
        }
    }

    #[pallet::call]
    impl<T: Config> Pallet<T> {
        /// Set the value of one of the caller's keys, replacing any previous value. An empty
        /// value is stored too.
        #[pallet::call_index(0)]
        #[pallet::weight(<T as Config>::WeightInfo::set(
            crate::types::bounded_length(&key, MAX_KEY_LENGTH),
            crate::types::bounded_length(&value, MAX_VALUE_LENGTH),
        ))]
        pub fn set(origin: OriginFor<T>, key: Vec<u8>, value: Vec<u8>) -> DispatchResult {
            let who = ensure_signed(origin)?;
            Self::do_set(who, key, value)
        }

        /// Delete one of the caller's keys.
        #[pallet::call_index(1)]
        #[pallet::weight(<T as Config>::WeightInfo::delete(
            crate::types::bounded_length(&key, MAX_KEY_LENGTH),
            MAX_VALUE_LENGTH,
        ))]
        pub fn delete(origin: OriginFor<T>, key: Vec<u8>) -> DispatchResultWithPostInfo {
            let who = ensure_signed(origin)?;
            let key_length = crate::types::bounded_length(&key, MAX_KEY_LENGTH);
            let value_length = Self::do_delete(who, key)?;
            Ok(Some(<T as Config>::WeightInfo::delete(key_length, value_length)).into())
        }
    }
}
