//! Weights of the calls of pallet-burning.
//!
//! The base figure is **upstream TFChain's** benchmarked `ref_time` of `burn_tft` in the v2.7.0
//! runtime (mainnet spec 149), kept so that fees match the public network. Upstream appended to
//! `Burns` without reading it; this pallet reads and rewrites the bounded list, so the call
//! counts one more read and write, and its proof size adds the largest `Burns` of the tfchain
//! runtime (`MaxBurns = 100` burns with `MaxBurnMessageLength = 512`-byte messages: 56 602
//! bytes plus trie overhead).
//!
//! Pending regeneration on the reference machine with
//! `tfchain benchmark pallet --pallet pallet_burning --extrinsic '*' --output pallets/burning/src/weights.rs`
//! (the benchmark is in `benchmarking.rs`).

#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use core::marker::PhantomData;
use frame_support::{
    traits::Get,
    weights::{constants::RocksDbWeight, Weight},
};

/// Weight functions needed for pallet-burning: one per call.
pub trait WeightInfo {
    fn burn_tft(m: u32) -> Weight;
}

/// Weights for pallet-burning using the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
    fn burn_tft(m: u32) -> Weight {
        Weight::from_parts(49_647_000, 58_724)
            // The message, copied into the list of burns and the event.
            .saturating_add(Weight::from_parts(1_000, 0).saturating_mul(m.into()))
            .saturating_add(T::DbWeight::get().reads(2_u64))
            .saturating_add(T::DbWeight::get().writes(2_u64))
    }
}

// For backwards compatibility and tests.
impl WeightInfo for () {
    fn burn_tft(m: u32) -> Weight {
        Weight::from_parts(49_647_000, 58_724)
            // The message, copied into the list of burns and the event.
            .saturating_add(Weight::from_parts(1_000, 0).saturating_mul(m.into()))
            .saturating_add(RocksDbWeight::get().reads(2_u64))
            .saturating_add(RocksDbWeight::get().writes(2_u64))
    }
}
