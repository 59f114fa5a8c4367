//! Weights of the calls of pallet-tft-price.
//!
//! The base figures are **upstream TFChain's** benchmarked `ref_time`, `proof_size` and database
//! reads/writes of the v2.7.0 runtime (mainnet spec 149), kept so that fees match the public
//! network. `set_prices(h)` adds the average's work: one read (and its proof) of each of the `h`
//! history slots (`h` up to [`HISTORY_LENGTH`]), which upstream's benchmark, run on a short
//! history, did not count (`set_prices` is free, so this only affects block fullness). It is
//! declared at `HISTORY_LENGTH` and refunded to the history's length.
//!
//! They are pending regeneration on the reference machine with
//! `tfchain benchmark pallet --pallet pallet_tft_price --extrinsic '*' --output pallets/tft-price/src/weights.rs`
//! (the benchmarks are in `benchmarking.rs`).

#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use core::marker::PhantomData;
use frame_support::{
    traits::Get,
    weights::{constants::RocksDbWeight, Weight},
};

/// Proof size of reading one history slot (`TftPriceHistory`: 22 bytes plus trie overhead).
const HISTORY_SLOT_PROOF_SIZE: u64 = 2_497;

/// Weight functions needed for pallet-tft-price: one per call.
pub trait WeightInfo {
    fn set_prices(h: u32) -> Weight;
    fn set_min_tft_price() -> Weight;
    fn set_max_tft_price() -> Weight;
}

/// The reads of a price history of `slots` prices.
fn history_reads(read: Weight, slots: u32) -> Weight {
    let slots = u64::from(slots);
    read.saturating_add(Weight::from_parts(0, HISTORY_SLOT_PROOF_SIZE))
        .saturating_mul(slots)
}

/// Weights for pallet-tft-price using the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
    fn set_prices(h: u32) -> Weight {
        Weight::from_parts(57_630_000, 6_175)
            .saturating_add(T::DbWeight::get().reads(6_u64))
            .saturating_add(T::DbWeight::get().writes(5_u64))
            .saturating_add(history_reads(T::DbWeight::get().reads(1_u64), h))
    }
    fn set_min_tft_price() -> Weight {
        Weight::from_parts(9_197_000, 1_578)
            .saturating_add(T::DbWeight::get().reads(1_u64))
            .saturating_add(T::DbWeight::get().writes(1_u64))
    }
    fn set_max_tft_price() -> Weight {
        Weight::from_parts(9_147_000, 1_578)
            .saturating_add(T::DbWeight::get().reads(1_u64))
            .saturating_add(T::DbWeight::get().writes(1_u64))
    }
}

// For backwards compatibility and tests.
impl WeightInfo for () {
    fn set_prices(h: u32) -> Weight {
        Weight::from_parts(57_630_000, 6_175)
            .saturating_add(RocksDbWeight::get().reads(6_u64))
            .saturating_add(RocksDbWeight::get().writes(5_u64))
            .saturating_add(history_reads(RocksDbWeight::get().reads(1_u64), h))
    }
    fn set_min_tft_price() -> Weight {
        Weight::from_parts(9_197_000, 1_578)
            .saturating_add(RocksDbWeight::get().reads(1_u64))
            .saturating_add(RocksDbWeight::get().writes(1_u64))
    }
    fn set_max_tft_price() -> Weight {
        Weight::from_parts(9_147_000, 1_578)
            .saturating_add(RocksDbWeight::get().reads(1_u64))
            .saturating_add(RocksDbWeight::get().writes(1_u64))
    }
}
