//! Weights of the calls of pallet-dao.
//!
//! These are **upstream TFChain's figures**, not measurements of this code on this machine: the
//! benchmarked `ref_time`, `proof_size` and database reads/writes of the TFChain v2.7.0 runtime
//! (mainnet spec 149), kept so that fees match the public network, with per-item terms added for the
//! benchmarks' components (`p` open proposals, `v` votes on the proposal). Each call declares its
//! weight at the component's bound and refunds down to the actual count; `close` also declares
//! `MaxProposalWeight` for the proposed call (see `Pallet::close_weight_bound`).
//!
//! They are pending regeneration on the reference machine with
//! `tfchain benchmark pallet --pallet pallet_dao --extrinsic '*' --output pallets/dao/src/weights.rs`
//! (the benchmarks are in `benchmarking.rs`).

#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use core::marker::PhantomData;
use frame_support::{
    traits::Get,
    weights::{constants::RocksDbWeight, Weight},
};

/// Weight functions needed for pallet-dao: one per call.
pub trait WeightInfo {
    fn propose(p: u32) -> Weight;
    fn vote(v: u32) -> Weight;
    fn veto(v: u32) -> Weight;
    fn close(v: u32) -> Weight;
}

/// Weights for pallet-dao using the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
    fn propose(p: u32) -> Weight {
        Weight::from_parts(37_170_000, 4_687)
            // The list of open proposals grows by one hash per open proposal.
            .saturating_add(Weight::from_parts(10_000, 32).saturating_mul(p.into()))
            .saturating_add(T::DbWeight::get().reads(4_u64))
            .saturating_add(T::DbWeight::get().writes(5_u64))
    }
    fn vote(v: u32) -> Weight {
        Weight::from_parts(43_672_000, 4_444)
            // The votes record grows by one `VoteWeight` (12 bytes) per vote.
            .saturating_add(Weight::from_parts(20_000, 12).saturating_mul(v.into()))
            .saturating_add(T::DbWeight::get().reads(5_u64))
            .saturating_add(T::DbWeight::get().writes(1_u64))
    }
    fn veto(v: u32) -> Weight {
        Weight::from_parts(31_599_000, 4_687)
            .saturating_add(Weight::from_parts(20_000, 12).saturating_mul(v.into()))
            .saturating_add(T::DbWeight::get().reads(3_u64))
            .saturating_add(T::DbWeight::get().writes(1_u64))
    }
    fn close(v: u32) -> Weight {
        Weight::from_parts(43_227_000, 4_687)
            // One `FarmWeight` read per vote.
            .saturating_add(Weight::from_parts(20_000, 2_500).saturating_mul(v.into()))
            .saturating_add(T::DbWeight::get().reads(1_u64).saturating_mul(v.into()))
            .saturating_add(T::DbWeight::get().reads(3_u64))
            .saturating_add(T::DbWeight::get().writes(4_u64))
    }
}

/// Weights for tests, with RocksDB database weights.
impl WeightInfo for () {
    fn propose(p: u32) -> Weight {
        Weight::from_parts(37_170_000, 4_687)
            // The list of open proposals grows by one hash per open proposal.
            .saturating_add(Weight::from_parts(10_000, 32).saturating_mul(p.into()))
            .saturating_add(RocksDbWeight::get().reads(4_u64))
            .saturating_add(RocksDbWeight::get().writes(5_u64))
    }
    fn vote(v: u32) -> Weight {
        Weight::from_parts(43_672_000, 4_444)
            // The votes record grows by one `VoteWeight` (12 bytes) per vote.
            .saturating_add(Weight::from_parts(20_000, 12).saturating_mul(v.into()))
            .saturating_add(RocksDbWeight::get().reads(5_u64))
            .saturating_add(RocksDbWeight::get().writes(1_u64))
    }
    fn veto(v: u32) -> Weight {
        Weight::from_parts(31_599_000, 4_687)
            .saturating_add(Weight::from_parts(20_000, 12).saturating_mul(v.into()))
            .saturating_add(RocksDbWeight::get().reads(3_u64))
            .saturating_add(RocksDbWeight::get().writes(1_u64))
    }
    fn close(v: u32) -> Weight {
        Weight::from_parts(43_227_000, 4_687)
            // One `FarmWeight` read per vote.
            .saturating_add(Weight::from_parts(20_000, 2_500).saturating_mul(v.into()))
            .saturating_add(RocksDbWeight::get().reads(1_u64).saturating_mul(v.into()))
            .saturating_add(RocksDbWeight::get().reads(3_u64))
            .saturating_add(RocksDbWeight::get().writes(4_u64))
    }
}
