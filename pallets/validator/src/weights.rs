//! Weights of the calls of pallet-validator.
//!
//! These are **upstream TFChain's figures**, not measurements of this code on this machine: the
//! benchmarked `ref_time`, `proof_size` and database reads/writes of the TFChain v2.7.0 runtime,
//! kept so that fees match the public network. `remove_validator` now also takes an active
//! validator out of the validator set; its upstream figure (which already counts 4 reads and 4
//! writes) is kept.
//!
//! They are pending regeneration on the reference machine with
//! `tfchain benchmark pallet --pallet pallet_validator --extrinsic '*' --output pallets/validator/src/weights.rs`
//! (the benchmarks are in `benchmarking.rs`).

#![allow(missing_docs)]

use core::marker::PhantomData;
use frame_support::{
    traits::Get,
    weights::{constants::RocksDbWeight, Weight},
};

/// Weight functions needed for pallet-validator: one per call.
pub trait WeightInfo {
    fn create_validator_request() -> Weight;
    fn activate_validator_node() -> Weight;
    fn change_validator_node_account() -> Weight;
    fn bond() -> Weight;
    fn approve_validator() -> Weight;
    fn remove_validator() -> Weight;
}

/// `Weight::from_parts(ref_time, proof_size)` plus `reads` and `writes` database accesses.
fn weight(
    ref_time: u64,
    proof_size: u64,
    reads: u64,
    writes: u64,
    db: frame_support::weights::RuntimeDbWeight,
) -> Weight {
    Weight::from_parts(ref_time, proof_size)
        .saturating_add(db.reads(reads))
        .saturating_add(db.writes(writes))
}

/// Weights for pallet-validator using the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
    fn create_validator_request() -> Weight {
        weight(20_728_000, 3_507, 1, 1, T::DbWeight::get())
    }
    fn activate_validator_node() -> Weight {
        weight(46_151_000, 3_830, 3, 3, T::DbWeight::get())
    }
    fn change_validator_node_account() -> Weight {
        weight(62_171_000, 3_896, 3, 3, T::DbWeight::get())
    }
    fn bond() -> Weight {
        weight(18_269_000, 3_507, 1, 1, T::DbWeight::get())
    }
    fn approve_validator() -> Weight {
        weight(46_565_000, 4_687, 3, 4, T::DbWeight::get())
    }
    fn remove_validator() -> Weight {
        weight(40_453_000, 4_687, 4, 4, T::DbWeight::get())
    }
}

/// The same figures with RocksDB database weights, for tests.
impl WeightInfo for () {
    fn create_validator_request() -> Weight {
        weight(20_728_000, 3_507, 1, 1, RocksDbWeight::get())
    }
    fn activate_validator_node() -> Weight {
        weight(46_151_000, 3_830, 3, 3, RocksDbWeight::get())
    }
    fn change_validator_node_account() -> Weight {
        weight(62_171_000, 3_896, 3, 3, RocksDbWeight::get())
    }
    fn bond() -> Weight {
        weight(18_269_000, 3_507, 1, 1, RocksDbWeight::get())
    }
    fn approve_validator() -> Weight {
        weight(46_565_000, 4_687, 3, 4, RocksDbWeight::get())
    }
    fn remove_validator() -> Weight {
        weight(40_453_000, 4_687, 4, 4, RocksDbWeight::get())
    }
}
