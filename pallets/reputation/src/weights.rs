//! Weights of the hooks of pallet-reputation.
//!
//! Not yet measured on the reference machine: the figures are estimates from calls of similar
//! shape in pallet-tfgrid (a couple of map reads and writes with small records) plus the
//! database reads the runtime's `NodeStatus` makes (node, power target, active contracts, farm
//! certification: 4 reads). Regenerate with
//! `tfchain benchmark pallet --pallet pallet_reputation --extrinsic '*' --output pallets/reputation/src/weights.rs`
//! (the benchmarks are in `benchmarking.rs`).

#![allow(missing_docs)]

use core::marker::PhantomData;
use frame_support::{
    traits::Get,
    weights::{constants::RocksDbWeight, Weight},
};

/// Weight functions needed for pallet-reputation: one per hook.
pub trait WeightInfo {
    fn node_uptime_reported() -> Weight;
    fn node_power_state_changed() -> Weight;
    fn node_deleted() -> Weight;
}

/// Weights for pallet-reputation with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);

impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
    /// Reads: NodeReputations, FarmReputations (old and new farm), Timestamp, NodeStatus (4).
    /// Writes: NodeReputations, FarmReputations (old and new farm), NodeRanks (old and new key),
    /// FarmNodes (old and new farm), System events.
    fn node_uptime_reported() -> Weight {
        Weight::from_parts(25_000_000, 6_000)
            .saturating_add(T::DbWeight::get().reads(7))
            .saturating_add(T::DbWeight::get().writes(8))
    }
    fn node_power_state_changed() -> Weight {
        Weight::from_parts(25_000_000, 6_000)
            .saturating_add(T::DbWeight::get().reads(7))
            .saturating_add(T::DbWeight::get().writes(8))
    }
    /// Reads: NodeReputations, FarmReputations. Writes: those, NodeRanks, FarmNodes.
    fn node_deleted() -> Weight {
        Weight::from_parts(12_000_000, 3_500)
            .saturating_add(T::DbWeight::get().reads(2))
            .saturating_add(T::DbWeight::get().writes(4))
    }
}

/// The same figures with RocksDB weights, for tests.
impl WeightInfo for () {
    fn node_uptime_reported() -> Weight {
        Weight::from_parts(25_000_000, 6_000)
            .saturating_add(RocksDbWeight::get().reads(7))
            .saturating_add(RocksDbWeight::get().writes(8))
    }
    fn node_power_state_changed() -> Weight {
        Weight::from_parts(25_000_000, 6_000)
            .saturating_add(RocksDbWeight::get().reads(7))
            .saturating_add(RocksDbWeight::get().writes(8))
    }
    fn node_deleted() -> Weight {
        Weight::from_parts(12_000_000, 3_500)
            .saturating_add(RocksDbWeight::get().reads(2))
            .saturating_add(RocksDbWeight::get().writes(4))
    }
}
