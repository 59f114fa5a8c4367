//! # Burning pallet
//!
//! Lets an account burn its TFT, mounted in the runtime as `BurningModule` (index 29), with the
//! storage, call, event and error of TFChain 2.9. `burn_tft(amount, message)` withdraws
//! `amount` from the caller, hands it to [`Config::Burn`] (tfchain: `()`, which destroys it and
//! lowers the total issuance), records the burn in `Burns` ([`burn`]) and emits
//! `BurnTransactionCreated`.
//!
//! Upstream kept every burn in `Burns` forever; this pallet keeps the latest
//! [`Config::MaxBurns`] and bounds the message to [`Config::MaxBurnMessageLength`] bytes: the
//! call takes a plain `Vec<u8>` as upstream's does, and a longer message fails with
//! [`Error::BurnMessageTooLong`]. The event is the complete record.

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

pub mod burn;
mod invariants;
pub mod types;
pub mod weights;

#[frame_support::pallet]
pub mod pallet {
    use crate::{types::*, weights::WeightInfo};
    use alloc::vec::Vec;
    use frame_support::{
        pallet_prelude::*,
        traits::{fungible, OnUnbalanced},
    };
    use frame_system::pallet_prelude::*;

    /// The burning pallet.
    #[pallet::pallet]
    pub struct Pallet<T>(_);

    /// Configuration of the burning pallet.
    #[pallet::config]
    pub trait Config: frame_system::Config {
        /// The overarching event type.
        #[allow(deprecated)]
        type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;

        /// The currency burned (tfchain: `Balances`).
        type Currency: fungible::Balanced<Self::AccountId> + fungible::Mutate<Self::AccountId>;

        /// Receives the burned funds; `()` drops them, which lowers the total issuance.
        type Burn: OnUnbalanced<fungible::Credit<Self::AccountId, Self::Currency>>;

        /// Weights of the calls of this pallet.
        type WeightInfo: WeightInfo;

        /// Maximum length of a burn message, in bytes.
        #[pallet::constant]
        type MaxBurnMessageLength: Get<u32>;

        /// Number of latest burns `Burns` keeps.
        #[pallet::constant]
        type MaxBurns: Get<u32>;
    }

    /// The latest burns, oldest first (absent until the first burn).
    #[pallet::storage]
    pub type Burns<T: Config> = StorageValue<_, BoundedVec<BurnOf<T>, T::MaxBurns>, OptionQuery>;

    /// Events of the burning pallet.
    #[pallet::event]
    #[pallet::generate_deposit(pub(super) fn deposit_event)]
    pub enum Event<T: Config> {
        /// An account burned TFT: `(account, amount, block, message)`.
        BurnTransactionCreated(
            T::AccountId,
            BalanceOf<T>,
            BlockNumberFor<T>,
            BurnMessageOf<T>,
        ),
    }

    /// Errors of the burning pallet.
    #[pallet::error]
    pub enum Error<T> {
        /// The caller cannot spend the amount to burn.
        NotEnoughBalanceToBurn,
        /// The message is longer than `MaxBurnMessageLength`.
        BurnMessageTooLong,
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
        /// Burn `amount` of the caller's TFT, with a message saying why (at most
        /// `MaxBurnMessageLength` bytes).
        #[pallet::call_index(0)]
        #[pallet::weight(<T as Config>::WeightInfo::burn_tft(
            message.len().min(T::MaxBurnMessageLength::get() as usize) as u32
        ))]
        pub fn burn_tft(
            origin: OriginFor<T>,
            amount: BalanceOf<T>,
            message: Vec<u8>,
        ) -> DispatchResult {
            let who = ensure_signed(origin)?;
            let message = BurnMessageOf::<T>::try_from(message)
                .map_err(|_| Error::<T>::BurnMessageTooLong)?;
            Self::do_burn_tft(&who, amount, message)
        }
    }
}
