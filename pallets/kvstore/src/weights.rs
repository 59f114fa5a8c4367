//! Weights of the calls of pallet-kvstore.
//!
//! These are **upstream TFChain's figures**, not measurements of this code on this machine: the
//! benchmarked `ref_time`, `proof_size` and database reads/writes of the TFChain v2.7.0 runtime
//! (mainnet spec 149), kept so that fees match the public network. `set` writes without reading,
//! so its proof size is 0 (its `ref_time` and write are not). Per-byte terms are added for the
//! benchmarks' components, the key length `k` and the value length `v` (`delete` reads the
//! value, so its proof grows with it; declared at `MAX_VALUE_LENGTH`, refunded to the actual
//! length).
//!
//! They are pending regeneration on the reference machine with
//! `tfchain benchmark pallet --pallet pallet_kvstore --extrinsic '*' --output pallets/kvstore/src/weights.rs`
//! (the benchmarks are in `benchmarking.rs`).

#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use core::marker::PhantomData;
use frame_support::{
    traits::Get,
    weights::{constants::RocksDbWeight, Weight},
};

/// Weight functions needed for pallet-kvstore: one per call.
pub trait WeightInfo {
    fn set(k: u32, v: u32) -> Weight;
    fn delete(k: u32, v: u32) -> Weight;
}

/// Weights for pallet-kvstore using the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
    fn set(k: u32, v: u32) -> Weight {
        Weight::from_parts(15_410_000, 0)
            .saturating_add(Weight::from_parts(2_000, 0).saturating_mul(k.into()))
            .saturating_add(Weight::from_parts(1_000, 0).saturating_mul(v.into()))
            .saturating_add(T::DbWeight::get().writes(1_u64))
    }
    fn delete(k: u32, v: u32) -> Weight {
        Weight::from_parts(23_587_000, 3_611)
            .saturating_add(Weight::from_parts(2_000, 1).saturating_mul(k.into()))
            .saturating_add(Weight::from_parts(1_000, 1).saturating_mul(v.into()))
            .saturating_add(T::DbWeight::get().reads(1_u64))
            .saturating_add(T::DbWeight::get().writes(1_u64))
    }
}

/// Weights for tests, with RocksDB database weights.
impl WeightInfo for () {
    fn set(k: u32, v: u32) -> Weight {
        Weight::from_parts(15_410_000, 0)
            .saturating_add(Weight::from_parts(2_000, 0).saturating_mul(k.into()))
            .saturating_add(Weight::from_parts(1_000, 0).saturating_mul(v.into()))
            .saturating_add(RocksDbWeight::get().writes(1_u64))
    }
    fn delete(k: u32, v: u32) -> Weight {
        Weight::from_parts(23_587_000, 3_611)
            .saturating_add(Weight::from_parts(2_000, 1).saturating_mul(k.into()))
            .saturating_add(Weight::from_parts(1_000, 1).saturating_mul(v.into()))
            .saturating_add(RocksDbWeight::get().reads(1_u64))
            .saturating_add(RocksDbWeight::get().writes(1_u64))
    }
}
