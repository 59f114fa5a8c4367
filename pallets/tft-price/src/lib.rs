//! # TFT price pallet
//!
//! The TFT/USD price oracle of TFChain, mounted in the runtime as `TFTPriceModule` (index 28),
//! with the storage names, layouts, calls, events and errors of TFChain 2.9:
//!
//! - the **offchain worker** ([`offchain`]) of the validator whose turn it is
//!   ([`price::reporter_for`]) fetches the price TFT trades at on the Stellar DEX ([`horizon`])
//!   at most every [`SUBMISSION_INTERVAL`](types::SUBMISSION_INTERVAL) blocks and reports it
//!   with `set_prices`, a transaction signed with its `aura` key ([`crypto`]); the chain
//!   accepts a report only from that validator, for a recent block, once per interval;
//! - each reported price ([`price`]) becomes the current price and enters a ring buffer of the
//!   last [`HISTORY_LENGTH`](types::HISTORY_LENGTH) prices ([`ringbuffer`]) whose median is
//!   the average price;
//! - the council bounds the price used for billing with `set_min_tft_price` and
//!   `set_max_tft_price`; the bounds do not change the stored average, they only raise events
//!   when the average leaves them.
//!
//! Other pallets read the prices through [`TftPriceProvider`]. All prices are in mUSD
//! (1/1000 USD) per TFT.

#![cfg_attr(not(feature = "std"), no_std)]
#![warn(missing_docs)]

extern crate alloc;

pub use crypto::AuthId;
pub use pallet::*;
pub use traits::TftPriceProvider;
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub mod crypto;
pub mod horizon;
mod invariants;
pub mod offchain;
pub mod price;
pub mod ringbuffer;
pub mod traits;
pub mod types;
pub mod weights;

#[frame_support::pallet]
pub mod pallet {
    use crate::{price::bounds_are_consistent, types::*, weights::WeightInfo};
    use frame_support::{
        dispatch::PostDispatchInfo,
        pallet_prelude::*,
        traits::{EnsureOrigin, ValidatorSet},
    };
    use frame_system::{
        offchain::{AppCrypto, CreateSignedTransaction},
        pallet_prelude::*,
    };

    /// The TFT price pallet.
    #[pallet::pallet]
    pub struct Pallet<T>(_);

    /// Configuration of the TFT price pallet.
    #[pallet::config]
    pub trait Config: frame_system::Config + CreateSignedTransaction<Call<Self>> {
        /// The overarching event type.
        #[allow(deprecated)]
        type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;

        /// The key the offchain worker signs price reports with (tfchain: [`crate::AuthId`],
        /// the validator's `aura` sr25519 key).
        type AuthorityId: AppCrypto<Self::Public, Self::Signature>;

        /// Origin of the price bounds (Root or 3/5 of the council on tfchain).
        type RestrictedOrigin: EnsureOrigin<Self::RuntimeOrigin>;

        /// Weights of the calls of this pallet.
        type WeightInfo: WeightInfo;

        /// The current validators, the only accounts that may report prices, each in its turn
        /// (tfchain: `Session`).
        type Validators: ValidatorSet<Self::AccountId, ValidatorId = Self::AccountId>;
    }

    /// The last reported TFT price, in mUSD.
    #[pallet::storage]
    pub type TftPrice<T: Config> = StorageValue<_, u32, ValueQuery>;

    /// The block number the last report was made for.
    #[pallet::storage]
    pub type LastBlockSet<T: Config> = StorageValue<_, BlockNumberFor<T>, ValueQuery>;

    /// The average price: the median of the price history, in mUSD.
    #[pallet::storage]
    pub type AverageTftPrice<T: Config> = StorageValue<_, u32, ValueQuery>;

    /// The last reported prices, by ring-buffer slot (`0..HISTORY_LENGTH`).
    #[pallet::storage]
    pub type TftPriceHistory<T: Config> =
        StorageMap<_, Blake2_128Concat, BufferIndex, u32, ValueQuery>;

    /// The ring buffer's `(start, end)` slots; the next price goes to `end`.
    #[pallet::storage]
    pub type BufferRange<T: Config> = StorageValue<_, (BufferIndex, BufferIndex), ValueQuery>;

    /// The council's lower bound of the billing price, in mUSD.
    #[pallet::storage]
    pub type MinTftPrice<T: Config> = StorageValue<_, u32, ValueQuery>;

    /// The council's upper bound of the billing price, in mUSD.
    #[pallet::storage]
    pub type MaxTftPrice<T: Config> = StorageValue<_, u32, ValueQuery>;

    /// Events of the TFT price pallet, in upstream order.
    #[pallet::event]
    #[pallet::generate_deposit(pub(super) fn deposit_event)]
    pub enum Event<T: Config> {
        /// A price was reported (mUSD).
        PriceStored(u32),
        /// Declared for interface compatibility; never emitted (as upstream).
        OffchainWorkerExecuted(T::AccountId),
        /// The average price after a report (mUSD).
        AveragePriceStored(u32),
        /// The average price is above the maximum price: `(average, max)`.
        AveragePriceIsAboveMaxPrice(u32, u32),
        /// The average price is below the minimum price: `(average, min)`.
        AveragePriceIsBelowMinPrice(u32, u32),
    }

    /// Errors of the TFT price pallet, in upstream order, then the appended ones. Calls return
    /// `AccountUnauthorizedToSetPrice`, `MaxPriceBelowMinPriceError`,
    /// `MinPriceAboveMaxPriceError`, `WrongAuthority` and the appended errors; the others are
    /// the offchain worker's reasons not to report a price (only logged).
    #[pallet::error]
    pub enum Error<T> {
        /// The price could not be fetched or parsed.
        ErrFetchingPrice,
        /// The signed report could not be submitted to the transaction pool.
        OffchainSignedTxError,
        /// The keystore holds no key to sign the report with.
        NoLocalAcctForSigning,
        /// The caller of `set_prices` is not a validator.
        AccountUnauthorizedToSetPrice,
        /// The maximum price must be above the minimum price.
        MaxPriceBelowMinPriceError,
        /// The minimum price must be below the maximum price.
        MinPriceAboveMaxPriceError,
        /// No key in the keystore belongs to a validator.
        IsNotAnAuthority,
        /// Another validator reports the price for this block (also refused by `set_prices`).
        WrongAuthority,
        /// `set_prices` names a block that is neither the current block nor one of the last
        /// [`MAX_REPORT_AGE`](crate::types::MAX_REPORT_AGE) blocks.
        ReportNotForRecentBlock,
        /// `set_prices` comes less than
        /// [`SUBMISSION_INTERVAL`](crate::types::SUBMISSION_INTERVAL) blocks after the last
        /// accepted report.
        ReportIntervalNotElapsed,
    }

    /// Initial prices and price bounds.
    #[pallet::genesis_config]
    #[derive(frame_support::DefaultNoBound)]
    pub struct GenesisConfig<T: Config> {
        /// The council's lower bound of the billing price (mUSD).
        pub min_tft_price: u32,
        /// The council's upper bound of the billing price (mUSD); must be above the minimum
        /// unless both are 0.
        pub max_tft_price: u32,
        /// The price and average price until the first report (mUSD), so that a chain without
        /// a price feed still bills; 0 leaves them unset.
        pub tft_price: u32,
        /// Marker for the runtime type.
        #[serde(skip)]
        pub _config: core::marker::PhantomData<T>,
    }

    #[pallet::genesis_build]
    impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
        fn build(&self) {
            assert!(
                bounds_are_consistent(self.min_tft_price, self.max_tft_price),
                "the genesis minimum TFT price must be below the maximum price"
            );
            MinTftPrice::<T>::put(self.min_tft_price);
            MaxTftPrice::<T>::put(self.max_tft_price);
            if self.tft_price != 0 {
                TftPrice::<T>::put(self.tft_price);
                AverageTftPrice::<T>::put(self.tft_price);
            }
        }
    }

    #[pallet::hooks]
    impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
        fn offchain_worker(block_number: BlockNumberFor<T>) {
            Self::run_offchain_worker(block_number);
        }

        #[cfg(feature = "try-runtime")]
        fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
            Self::do_try_state()
        }
    }

    #[pallet::call]
    impl<T: Config> Pallet<T> {
        /// Report the TFT price (mUSD) for `block_number`: the validator whose turn it is, for
        /// a recent block, once per interval (see [`Pallet::do_set_prices`]), through its
        /// offchain worker. Free when accepted; a refused report pays its fee.
        #[pallet::call_index(0)]
        #[pallet::weight(<T as Config>::WeightInfo::set_prices(HISTORY_LENGTH.into()))]
        pub fn set_prices(
            origin: OriginFor<T>,
            price: u32,
            block_number: BlockNumberFor<T>,
        ) -> DispatchResultWithPostInfo {
            let who = ensure_signed(origin)?;
            Self::do_set_prices(&who, price, block_number)?;
            let history = crate::ringbuffer::PriceHistory::<T>::len();
            Ok(PostDispatchInfo {
                actual_weight: Some(<T as Config>::WeightInfo::set_prices(history.into())),
                pays_fee: Pays::No,
            })
        }

        /// Set the lower bound of the billing price (governance); it must stay below the
        /// maximum price.
        #[pallet::call_index(2)]
        #[pallet::weight(<T as Config>::WeightInfo::set_min_tft_price())]
        pub fn set_min_tft_price(origin: OriginFor<T>, price: u32) -> DispatchResult {
            T::RestrictedOrigin::ensure_origin(origin)?;
            Self::do_set_min_tft_price(price)
        }

        /// Set the upper bound of the billing price (governance); it must stay above the
        /// minimum price.
        #[pallet::call_index(3)]
        #[pallet::weight(<T as Config>::WeightInfo::set_max_tft_price())]
        pub fn set_max_tft_price(origin: OriginFor<T>, price: u32) -> DispatchResult {
            T::RestrictedOrigin::ensure_origin(origin)?;
            Self::do_set_max_tft_price(price)
        }
    }
}
