//! Weights of the calls of pallet-smart-contract.
//!
//! These are **upstream TFChain's figures**, not measurements of this code on this machine: the
//! benchmarked `ref_time`, `proof_size` and database reads/writes of the TFChain v2.7.0 runtime
//! (mainnet spec 149), kept so that fees match the public network. `cancel_name_contract` and
//! `cancel_rent_contract` are benchmarked but no call uses them (as upstream).
//!
//! `bill_contract_for_block` keeps its upstream figure although the 2.9 bill also reserves funds
//! (and, every `DistributionFrequency` bills, repatriates them). Functions added for issue 11
//! (components `n` of the report calls and of `bill_contract_for_block`, the grace-end bill,
//! `node_deleted` and the `on_idle` steps) carry placeholder figures with per-item database
//! terms taken from their benchmarks' reads and writes.
//!
//! They are pending regeneration on the reference machine with
//! `tfchain benchmark pallet --pallet pallet_smart_contract --extrinsic '*' --output pallets/smart-contract/src/weights.rs`
//! (the benchmarks are in `benchmarking.rs`).

#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use core::marker::PhantomData;
use frame_support::{
    traits::Get,
    weights::{constants::RocksDbWeight, Weight},
};

/// Weight functions needed for pallet-smart-contract: one per call, and the two cancel variants.
pub trait WeightInfo {
    fn create_node_contract() -> Weight;
    fn update_node_contract() -> Weight;
    fn cancel_contract() -> Weight;
    fn create_name_contract() -> Weight;
    fn cancel_name_contract() -> Weight;
    fn add_nru_reports(n: u32) -> Weight;
    fn report_contract_resources(n: u32) -> Weight;
    fn create_rent_contract() -> Weight;
    fn cancel_rent_contract() -> Weight;
    fn create_solution_provider() -> Weight;
    fn approve_solution_provider() -> Weight;
    fn bill_contract_for_block(n: u32) -> Weight;
    fn bill_contract_for_block_grace_end() -> Weight;
    fn service_contract_create() -> Weight;
    fn service_contract_set_metadata() -> Weight;
    fn service_contract_set_fees() -> Weight;
    fn service_contract_approve() -> Weight;
    fn service_contract_reject() -> Weight;
    fn service_contract_cancel() -> Weight;
    fn service_contract_bill() -> Weight;
    fn change_billing_frequency() -> Weight;
    fn attach_solution_provider_id() -> Weight;
    fn set_dedicated_node_extra_fee() -> Weight;
    fn cancel_contract_collective() -> Weight;
    fn node_deleted() -> Weight;
    fn on_idle_empty() -> Weight;
    fn on_idle_teardown_contract() -> Weight;
    fn on_idle_move_contract() -> Weight;
}

/// Weights for pallet-smart-contract using the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
    fn create_node_contract() -> Weight {
        Weight::from_parts(124_124_000, 4333)
            .saturating_add(T::DbWeight::get().reads(12_u64))
            .saturating_add(T::DbWeight::get().writes(8_u64))
    }
    fn update_node_contract() -> Weight {
        Weight::from_parts(67_016_000, 4357)
            .saturating_add(T::DbWeight::get().reads(3_u64))
            .saturating_add(T::DbWeight::get().writes(4_u64))
    }
    fn cancel_contract() -> Weight {
        Weight::from_parts(138_183_000, 4668)
            .saturating_add(T::DbWeight::get().reads(9_u64))
            .saturating_add(T::DbWeight::get().writes(7_u64))
    }
    fn create_name_contract() -> Weight {
        Weight::from_parts(57_496_000, 3805)
            .saturating_add(T::DbWeight::get().reads(6_u64))
            .saturating_add(T::DbWeight::get().writes(5_u64))
    }
    fn cancel_name_contract() -> Weight {
        Weight::from_parts(105_128_000, 4384)
            .saturating_add(T::DbWeight::get().reads(8_u64))
            .saturating_add(T::DbWeight::get().writes(4_u64))
    }
    fn add_nru_reports(n: u32) -> Weight {
        Weight::from_parts(79_222_000, 4757)
            .saturating_add(T::DbWeight::get().reads(7_u64))
            .saturating_add(T::DbWeight::get().writes(1_u64))
            .saturating_add(T::DbWeight::get().reads_writes(3, 2).saturating_mul(n.into()))
    }
    fn report_contract_resources(n: u32) -> Weight {
        Weight::from_parts(48_914_000, 4236)
            .saturating_add(T::DbWeight::get().reads(3_u64))
            .saturating_add(T::DbWeight::get().writes(1_u64))
            .saturating_add(T::DbWeight::get().reads_writes(2, 2).saturating_mul(n.into()))
    }
    fn create_rent_contract() -> Weight {
        Weight::from_parts(81_100_000, 4333)
            .saturating_add(T::DbWeight::get().reads(10_u64))
            .saturating_add(T::DbWeight::get().writes(5_u64))
    }
    fn cancel_rent_contract() -> Weight {
        Weight::from_parts(118_126_000, 4536)
            .saturating_add(T::DbWeight::get().reads(10_u64))
            .saturating_add(T::DbWeight::get().writes(4_u64))
    }
    fn create_solution_provider() -> Weight {
        Weight::from_parts(25_532_000, 1522)
            .saturating_add(T::DbWeight::get().reads(1_u64))
            .saturating_add(T::DbWeight::get().writes(2_u64))
    }
    fn approve_solution_provider() -> Weight {
        Weight::from_parts(29_486_000, 3680)
            .saturating_add(T::DbWeight::get().reads(1_u64))
            .saturating_add(T::DbWeight::get().writes(1_u64))
    }
    fn bill_contract_for_block(n: u32) -> Weight {
        Weight::from_parts(58_569_000, 4681)
            .saturating_add(T::DbWeight::get().reads(7_u64))
            .saturating_add(T::DbWeight::get().reads_writes(2, 1).saturating_mul(n.into()))
    }
    fn bill_contract_for_block_grace_end() -> Weight {
        Weight::from_parts(58_569_000, 4681)
            .saturating_add(T::DbWeight::get().reads(12_u64))
            .saturating_add(T::DbWeight::get().writes(10_u64))
    }
    fn service_contract_create() -> Weight {
        Weight::from_parts(41_719_000, 6335)
            .saturating_add(T::DbWeight::get().reads(3_u64))
            .saturating_add(T::DbWeight::get().writes(2_u64))
    }
    fn service_contract_set_metadata() -> Weight {
        Weight::from_parts(36_518_000, 3954)
            .saturating_add(T::DbWeight::get().reads(2_u64))
            .saturating_add(T::DbWeight::get().writes(1_u64))
    }
    fn service_contract_set_fees() -> Weight {
        Weight::from_parts(35_371_000, 3954)
            .saturating_add(T::DbWeight::get().reads(2_u64))
            .saturating_add(T::DbWeight::get().writes(1_u64))
    }
    fn service_contract_approve() -> Weight {
        Weight::from_parts(36_503_000, 3967)
            .saturating_add(T::DbWeight::get().reads(2_u64))
            .saturating_add(T::DbWeight::get().writes(1_u64))
    }
    fn service_contract_reject() -> Weight {
        Weight::from_parts(37_826_000, 3967)
            .saturating_add(T::DbWeight::get().reads(2_u64))
            .saturating_add(T::DbWeight::get().writes(1_u64))
    }
    fn service_contract_cancel() -> Weight {
        Weight::from_parts(34_600_000, 3967)
            .saturating_add(T::DbWeight::get().reads(2_u64))
            .saturating_add(T::DbWeight::get().writes(1_u64))
    }
    fn service_contract_bill() -> Weight {
        Weight::from_parts(64_267_000, 6781)
            .saturating_add(T::DbWeight::get().reads(6_u64))
            .saturating_add(T::DbWeight::get().writes(1_u64))
    }
    fn change_billing_frequency() -> Weight {
        Weight::from_parts(17_649_000, 1522)
            .saturating_add(T::DbWeight::get().reads(1_u64))
            .saturating_add(T::DbWeight::get().writes(1_u64))
    }
    fn attach_solution_provider_id() -> Weight {
        Weight::from_parts(46_180_000, 4436)
            .saturating_add(T::DbWeight::get().reads(3_u64))
            .saturating_add(T::DbWeight::get().writes(1_u64))
    }
    fn set_dedicated_node_extra_fee() -> Weight {
        Weight::from_parts(48_978_000, 4198)
            .saturating_add(T::DbWeight::get().reads(5_u64))
            .saturating_add(T::DbWeight::get().writes(1_u64))
    }
    fn cancel_contract_collective() -> Weight {
        Weight::from_parts(92_827_000, 4668)
            .saturating_add(T::DbWeight::get().reads(9_u64))
            .saturating_add(T::DbWeight::get().writes(7_u64))
    }
    fn node_deleted() -> Weight {
        Weight::from_parts(20_000_000, 33_000)
            .saturating_add(T::DbWeight::get().reads(5_u64))
            .saturating_add(T::DbWeight::get().writes(1_u64))
    }
    fn on_idle_empty() -> Weight {
        Weight::from_parts(5_000_000, 1522)
            .saturating_add(T::DbWeight::get().reads(2_u64))
    }
    fn on_idle_teardown_contract() -> Weight {
        Weight::from_parts(150_000_000, 40_000)
            .saturating_add(T::DbWeight::get().reads(16_u64))
            .saturating_add(T::DbWeight::get().writes(14_u64))
    }
    fn on_idle_move_contract() -> Weight {
        Weight::from_parts(30_000_000, 160_000)
            .saturating_add(T::DbWeight::get().reads(3_u64))
            .saturating_add(T::DbWeight::get().writes(3_u64))
    }
}

/// For tests: the same figures with RocksDB weights.
impl WeightInfo for () {
    fn create_node_contract() -> Weight {
        Weight::from_parts(124_124_000, 4333)
            .saturating_add(RocksDbWeight::get().reads(12_u64))
            .saturating_add(RocksDbWeight::get().writes(8_u64))
    }
    fn update_node_contract() -> Weight {
        Weight::from_parts(67_016_000, 4357)
            .saturating_add(RocksDbWeight::get().reads(3_u64))
            .saturating_add(RocksDbWeight::get().writes(4_u64))
    }
    fn cancel_contract() -> Weight {
        Weight::from_parts(138_183_000, 4668)
            .saturating_add(RocksDbWeight::get().reads(9_u64))
            .saturating_add(RocksDbWeight::get().writes(7_u64))
    }
    fn create_name_contract() -> Weight {
        Weight::from_parts(57_496_000, 3805)
            .saturating_add(RocksDbWeight::get().reads(6_u64))
            .saturating_add(RocksDbWeight::get().writes(5_u64))
    }
    fn cancel_name_contract() -> Weight {
        Weight::from_parts(105_128_000, 4384)
            .saturating_add(RocksDbWeight::get().reads(8_u64))
            .saturating_add(RocksDbWeight::get().writes(4_u64))
    }
    fn add_nru_reports(n: u32) -> Weight {
        Weight::from_parts(79_222_000, 4757)
            .saturating_add(RocksDbWeight::get().reads(7_u64))
            .saturating_add(RocksDbWeight::get().writes(1_u64))
            .saturating_add(RocksDbWeight::get().reads_writes(3, 2).saturating_mul(n.into()))
    }
    fn report_contract_resources(n: u32) -> Weight {
        Weight::from_parts(48_914_000, 4236)
            .saturating_add(RocksDbWeight::get().reads(3_u64))
            .saturating_add(RocksDbWeight::get().writes(1_u64))
            .saturating_add(RocksDbWeight::get().reads_writes(2, 2).saturating_mul(n.into()))
    }
    fn create_rent_contract() -> Weight {
        Weight::from_parts(81_100_000, 4333)
            .saturating_add(RocksDbWeight::get().reads(10_u64))
            .saturating_add(RocksDbWeight::get().writes(5_u64))
    }
    fn cancel_rent_contract() -> Weight {
        Weight::from_parts(118_126_000, 4536)
            .saturating_add(RocksDbWeight::get().reads(10_u64))
            .saturating_add(RocksDbWeight::get().writes(4_u64))
    }
    fn create_solution_provider() -> Weight {
        Weight::from_parts(25_532_000, 1522)
            .saturating_add(RocksDbWeight::get().reads(1_u64))
            .saturating_add(RocksDbWeight::get().writes(2_u64))
    }
    fn approve_solution_provider() -> Weight {
        Weight::from_parts(29_486_000, 3680)
            .saturating_add(RocksDbWeight::get().reads(1_u64))
            .saturating_add(RocksDbWeight::get().writes(1_u64))
    }
    fn bill_contract_for_block(n: u32) -> Weight {
        Weight::from_parts(58_569_000, 4681)
            .saturating_add(RocksDbWeight::get().reads(7_u64))
            .saturating_add(RocksDbWeight::get().reads_writes(2, 1).saturating_mul(n.into()))
    }
    fn bill_contract_for_block_grace_end() -> Weight {
        Weight::from_parts(58_569_000, 4681)
            .saturating_add(RocksDbWeight::get().reads(12_u64))
            .saturating_add(RocksDbWeight::get().writes(10_u64))
    }
    fn service_contract_create() -> Weight {
        Weight::from_parts(41_719_000, 6335)
            .saturating_add(RocksDbWeight::get().reads(3_u64))
            .saturating_add(RocksDbWeight::get().writes(2_u64))
    }
    fn service_contract_set_metadata() -> Weight {
        Weight::from_parts(36_518_000, 3954)
            .saturating_add(RocksDbWeight::get().reads(2_u64))
            .saturating_add(RocksDbWeight::get().writes(1_u64))
    }
    fn service_contract_set_fees() -> Weight {
        Weight::from_parts(35_371_000, 3954)
            .saturating_add(RocksDbWeight::get().reads(2_u64))
            .saturating_add(RocksDbWeight::get().writes(1_u64))
    }
    fn service_contract_approve() -> Weight {
        Weight::from_parts(36_503_000, 3967)
            .saturating_add(RocksDbWeight::get().reads(2_u64))
            .saturating_add(RocksDbWeight::get().writes(1_u64))
    }
    fn service_contract_reject() -> Weight {
        Weight::from_parts(37_826_000, 3967)
            .saturating_add(RocksDbWeight::get().reads(2_u64))
            .saturating_add(RocksDbWeight::get().writes(1_u64))
    }
    fn service_contract_cancel() -> Weight {
        Weight::from_parts(34_600_000, 3967)
            .saturating_add(RocksDbWeight::get().reads(2_u64))
            .saturating_add(RocksDbWeight::get().writes(1_u64))
    }
    fn service_contract_bill() -> Weight {
        Weight::from_parts(64_267_000, 6781)
            .saturating_add(RocksDbWeight::get().reads(6_u64))
            .saturating_add(RocksDbWeight::get().writes(1_u64))
    }
    fn change_billing_frequency() -> Weight {
        Weight::from_parts(17_649_000, 1522)
            .saturating_add(RocksDbWeight::get().reads(1_u64))
            .saturating_add(RocksDbWeight::get().writes(1_u64))
    }
    fn attach_solution_provider_id() -> Weight {
        Weight::from_parts(46_180_000, 4436)
            .saturating_add(RocksDbWeight::get().reads(3_u64))
            .saturating_add(RocksDbWeight::get().writes(1_u64))
    }
    fn set_dedicated_node_extra_fee() -> Weight {
        Weight::from_parts(48_978_000, 4198)
            .saturating_add(RocksDbWeight::get().reads(5_u64))
            .saturating_add(RocksDbWeight::get().writes(1_u64))
    }
    fn cancel_contract_collective() -> Weight {
        Weight::from_parts(92_827_000, 4668)
            .saturating_add(RocksDbWeight::get().reads(9_u64))
            .saturating_add(RocksDbWeight::get().writes(7_u64))
    }
    fn node_deleted() -> Weight {
        Weight::from_parts(20_000_000, 33_000)
            .saturating_add(RocksDbWeight::get().reads(5_u64))
            .saturating_add(RocksDbWeight::get().writes(1_u64))
    }
    fn on_idle_empty() -> Weight {
        Weight::from_parts(5_000_000, 1522)
            .saturating_add(RocksDbWeight::get().reads(2_u64))
    }
    fn on_idle_teardown_contract() -> Weight {
        Weight::from_parts(150_000_000, 40_000)
            .saturating_add(RocksDbWeight::get().reads(16_u64))
            .saturating_add(RocksDbWeight::get().writes(14_u64))
    }
    fn on_idle_move_contract() -> Weight {
        Weight::from_parts(30_000_000, 160_000)
            .saturating_add(RocksDbWeight::get().reads(3_u64))
            .saturating_add(RocksDbWeight::get().writes(3_u64))
    }
}
