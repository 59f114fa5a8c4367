//! Weights of the calls of pallet-tfgrid.
//!
//! These are **upstream TFChain's figures**, not measurements of this code on this machine: the
//! benchmarked `ref_time`, `proof_size` and database reads/writes of the TFChain v2.7.0 runtime
//! (mainnet spec 149), kept so that fees match the public network. The five entity calls
//! (`create_entity`, `update_entity`, `delete_entity`, `add_twin_entity`, `delete_twin_entity`)
//! had hard-coded weights upstream (100 000 000 ps of `ref_time` plus their database accesses,
//! no proof size); their `proof_size` here is an estimate of the records they read (an entity or
//! a twin), so that no weight is zero.
//!
//! The per-item terms of the components (issue 11: public IPs `i` of `create_farm`,
//! `add_farm_ip`, `remove_farm_ip`, `force_reset_farm_ip`; interfaces `i` and farm nodes `n` of
//! `create_node`, `update_node`; farm nodes `n` of `delete_node`, `delete_node_farm`,
//! `attach_policy_to_farm`) are estimates from the data each item adds, not measurements.
//!
//! They are pending regeneration on the reference machine with
//! `tfchain benchmark pallet --pallet pallet_tfgrid --extrinsic '*' --output pallets/tfgrid/src/weights.rs`
//! (the benchmarks are in `benchmarking.rs`).

#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use core::marker::PhantomData;
use frame_support::{
    traits::Get,
    weights::{constants::RocksDbWeight, Weight},
};

/// Weight functions needed for pallet-tfgrid: one per call.
pub trait WeightInfo {
    fn set_storage_version() -> Weight;
    fn create_farm(i: u32) -> Weight;
    fn update_farm() -> Weight;
    fn add_stellar_payout_v2address() -> Weight;
    fn set_farm_certification() -> Weight;
    fn add_farm_ip(i: u32) -> Weight;
    fn remove_farm_ip(i: u32) -> Weight;
    fn create_node(i: u32, n: u32) -> Weight;
    fn update_node(i: u32, n: u32) -> Weight;
    fn set_node_certification() -> Weight;
    fn report_uptime() -> Weight;
    fn add_node_public_config() -> Weight;
    fn delete_node(n: u32) -> Weight;
    fn create_entity() -> Weight;
    fn update_entity() -> Weight;
    fn delete_entity() -> Weight;
    fn create_twin() -> Weight;
    fn update_twin() -> Weight;
    fn add_twin_entity() -> Weight;
    fn delete_twin_entity() -> Weight;
    fn create_pricing_policy() -> Weight;
    fn update_pricing_policy() -> Weight;
    fn create_farming_policy() -> Weight;
    fn user_accept_tc() -> Weight;
    fn delete_node_farm(n: u32) -> Weight;
    fn set_farm_dedicated() -> Weight;
    fn force_reset_farm_ip(i: u32) -> Weight;
    fn set_connection_price() -> Weight;
    fn add_node_certifier() -> Weight;
    fn remove_node_certifier() -> Weight;
    fn update_farming_policy() -> Weight;
    fn attach_policy_to_farm(n: u32) -> Weight;
    fn set_zos_version() -> Weight;
    fn change_power_state() -> Weight;
    fn change_power_target() -> Weight;
    fn bond_twin_account() -> Weight;
    fn report_uptime_v2() -> Weight;
}

/// Weights for pallet-tfgrid using the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
    fn set_storage_version() -> Weight {
        Weight::from_parts(5_643_000, 0).saturating_add(T::DbWeight::get().writes(1_u64))
    }
    fn create_farm(i: u32) -> Weight {
        Weight::from_parts(32_172_000, 3_961)
            .saturating_add(T::DbWeight::get().reads(4_u64))
            .saturating_add(T::DbWeight::get().writes(3_u64))
            .saturating_add(Weight::from_parts(150_000, 90).saturating_mul(i.into()))
    }
    fn update_farm() -> Weight {
        Weight::from_parts(34_515_000, 3_972)
            .saturating_add(T::DbWeight::get().reads(3_u64))
            .saturating_add(T::DbWeight::get().writes(2_u64))
    }
    fn add_stellar_payout_v2address() -> Weight {
        Weight::from_parts(25_319_000, 3_918)
            .saturating_add(T::DbWeight::get().reads(2_u64))
            .saturating_add(T::DbWeight::get().writes(1_u64))
    }
    fn set_farm_certification() -> Weight {
        Weight::from_parts(21_177_000, 3_877)
            .saturating_add(T::DbWeight::get().reads(1_u64))
            .saturating_add(T::DbWeight::get().writes(1_u64))
    }
    fn add_farm_ip(i: u32) -> Weight {
        Weight::from_parts(31_496_000, 4_034)
            .saturating_add(T::DbWeight::get().reads(2_u64))
            .saturating_add(T::DbWeight::get().writes(1_u64))
            .saturating_add(Weight::from_parts(150_000, 90).saturating_mul(i.into()))
    }
    fn remove_farm_ip(i: u32) -> Weight {
        Weight::from_parts(27_079_000, 4_034)
            .saturating_add(T::DbWeight::get().reads(2_u64))
            .saturating_add(T::DbWeight::get().writes(1_u64))
            .saturating_add(Weight::from_parts(150_000, 90).saturating_mul(i.into()))
    }
    fn create_node(i: u32, n: u32) -> Weight {
        Weight::from_parts(74_159_000, 11_795)
            .saturating_add(T::DbWeight::get().reads(12_u64))
            .saturating_add(T::DbWeight::get().writes(5_u64))
            .saturating_add(Weight::from_parts(400_000, 300).saturating_mul(i.into()))
            .saturating_add(Weight::from_parts(20_000, 4).saturating_mul(n.into()))
    }
    fn update_node(i: u32, n: u32) -> Weight {
        Weight::from_parts(42_797_000, 4_126)
            .saturating_add(T::DbWeight::get().reads(4_u64))
            .saturating_add(T::DbWeight::get().writes(2_u64))
            .saturating_add(Weight::from_parts(400_000, 300).saturating_mul(i.into()))
            .saturating_add(Weight::from_parts(40_000, 8).saturating_mul(n.into()))
    }
    fn set_node_certification() -> Weight {
        Weight::from_parts(54_350_000, 11_846)
            .saturating_add(T::DbWeight::get().reads(6_u64))
            .saturating_add(T::DbWeight::get().writes(1_u64))
    }
    fn report_uptime() -> Weight {
        Weight::from_parts(28_543_000, 3_919).saturating_add(T::DbWeight::get().reads(4_u64))
    }
    fn add_node_public_config() -> Weight {
        Weight::from_parts(38_269_000, 4_244)
            .saturating_add(T::DbWeight::get().reads(3_u64))
            .saturating_add(T::DbWeight::get().writes(1_u64))
    }
    fn delete_node(n: u32) -> Weight {
        Weight::from_parts(41_890_000, 4_147)
            .saturating_add(T::DbWeight::get().reads(6_u64))
            .saturating_add(T::DbWeight::get().writes(3_u64))
            .saturating_add(Weight::from_parts(20_000, 4).saturating_mul(n.into()))
    }
    fn create_entity() -> Weight {
        Weight::from_parts(100_000_000, 3_853)
            .saturating_add(T::DbWeight::get().reads(3_u64))
            .saturating_add(T::DbWeight::get().writes(4_u64))
    }
    fn update_entity() -> Weight {
        Weight::from_parts(100_000_000, 3_853)
            .saturating_add(T::DbWeight::get().reads(3_u64))
            .saturating_add(T::DbWeight::get().writes(3_u64))
    }
    fn delete_entity() -> Weight {
        Weight::from_parts(100_000_000, 3_853)
            .saturating_add(T::DbWeight::get().reads(2_u64))
            .saturating_add(T::DbWeight::get().writes(3_u64))
    }
    fn create_twin() -> Weight {
        Weight::from_parts(24_477_000, 3_700)
            .saturating_add(T::DbWeight::get().reads(3_u64))
            .saturating_add(T::DbWeight::get().writes(3_u64))
    }
    fn update_twin() -> Weight {
        Weight::from_parts(24_337_000, 3_893)
            .saturating_add(T::DbWeight::get().reads(2_u64))
            .saturating_add(T::DbWeight::get().writes(1_u64))
    }
    fn add_twin_entity() -> Weight {
        Weight::from_parts(100_000_000, 3_893)
            .saturating_add(T::DbWeight::get().reads(2_u64))
            .saturating_add(T::DbWeight::get().writes(1_u64))
    }
    fn delete_twin_entity() -> Weight {
        Weight::from_parts(100_000_000, 3_893)
            .saturating_add(T::DbWeight::get().reads(1_u64))
            .saturating_add(T::DbWeight::get().writes(1_u64))
    }
    fn create_pricing_policy() -> Weight {
        Weight::from_parts(21_633_000, 3_599)
            .saturating_add(T::DbWeight::get().reads(2_u64))
            .saturating_add(T::DbWeight::get().writes(3_u64))
    }
    fn update_pricing_policy() -> Weight {
        Weight::from_parts(27_478_000, 3_847)
            .saturating_add(T::DbWeight::get().reads(2_u64))
            .saturating_add(T::DbWeight::get().writes(3_u64))
    }
    fn create_farming_policy() -> Weight {
        Weight::from_parts(18_085_000, 1_619)
            .saturating_add(T::DbWeight::get().reads(1_u64))
            .saturating_add(T::DbWeight::get().writes(2_u64))
    }
    fn user_accept_tc() -> Weight {
        Weight::from_parts(12_508_000, 3_605)
            .saturating_add(T::DbWeight::get().reads(2_u64))
            .saturating_add(T::DbWeight::get().writes(1_u64))
    }
    fn delete_node_farm(n: u32) -> Weight {
        Weight::from_parts(56_386_000, 4_450)
            .saturating_add(T::DbWeight::get().reads(8_u64))
            .saturating_add(T::DbWeight::get().writes(4_u64))
            .saturating_add(Weight::from_parts(20_000, 4).saturating_mul(n.into()))
    }
    fn set_farm_dedicated() -> Weight {
        Weight::from_parts(21_921_000, 3_877)
            .saturating_add(T::DbWeight::get().reads(1_u64))
            .saturating_add(T::DbWeight::get().writes(1_u64))
    }
    fn force_reset_farm_ip(i: u32) -> Weight {
        Weight::from_parts(24_448_000, 3_877)
            .saturating_add(T::DbWeight::get().reads(1_u64))
            .saturating_add(T::DbWeight::get().writes(1_u64))
            .saturating_add(Weight::from_parts(150_000, 90).saturating_mul(i.into()))
    }
    fn set_connection_price() -> Weight {
        Weight::from_parts(10_091_000, 0).saturating_add(T::DbWeight::get().writes(1_u64))
    }
    fn add_node_certifier() -> Weight {
        Weight::from_parts(16_227_000, 1_840)
            .saturating_add(T::DbWeight::get().reads(1_u64))
            .saturating_add(T::DbWeight::get().writes(1_u64))
    }
    fn remove_node_certifier() -> Weight {
        Weight::from_parts(19_049_000, 1_898)
            .saturating_add(T::DbWeight::get().reads(1_u64))
            .saturating_add(T::DbWeight::get().writes(1_u64))
    }
    fn update_farming_policy() -> Weight {
        Weight::from_parts(22_654_000, 3_759)
            .saturating_add(T::DbWeight::get().reads(1_u64))
            .saturating_add(T::DbWeight::get().writes(1_u64))
    }
    fn attach_policy_to_farm(n: u32) -> Weight {
        Weight::from_parts(36_635_000, 4_037)
            .saturating_add(T::DbWeight::get().reads(3_u64))
            .saturating_add(T::DbWeight::get().writes(1_u64))
            .saturating_add(
                T::DbWeight::get()
                    .reads_writes(35_u64, 2_u64)
                    .saturating_mul(n.into()),
            )
    }
    fn set_zos_version() -> Weight {
        Weight::from_parts(14_115_000, 1_619)
            .saturating_add(T::DbWeight::get().reads(1_u64))
            .saturating_add(T::DbWeight::get().writes(1_u64))
    }
    fn change_power_state() -> Weight {
        Weight::from_parts(34_120_000, 4_086)
            .saturating_add(T::DbWeight::get().reads(4_u64))
            .saturating_add(T::DbWeight::get().writes(1_u64))
    }
    fn change_power_target() -> Weight {
        Weight::from_parts(33_063_000, 4_220)
            .saturating_add(T::DbWeight::get().reads(4_u64))
            .saturating_add(T::DbWeight::get().writes(1_u64))
    }
    fn bond_twin_account() -> Weight {
        Weight::from_parts(19_630_000, 3_852)
            .saturating_add(T::DbWeight::get().reads(1_u64))
            .saturating_add(T::DbWeight::get().writes(1_u64))
    }
    fn report_uptime_v2() -> Weight {
        Weight::from_parts(28_212_000, 3_919).saturating_add(T::DbWeight::get().reads(4_u64))
    }
}

/// Weights for tests, with RocksDB database weights.
impl WeightInfo for () {
    fn set_storage_version() -> Weight {
        Weight::from_parts(5_643_000, 0).saturating_add(RocksDbWeight::get().writes(1_u64))
    }
    fn create_farm(i: u32) -> Weight {
        Weight::from_parts(32_172_000, 3_961)
            .saturating_add(RocksDbWeight::get().reads(4_u64))
            .saturating_add(RocksDbWeight::get().writes(3_u64))
            .saturating_add(Weight::from_parts(150_000, 90).saturating_mul(i.into()))
    }
    fn update_farm() -> Weight {
        Weight::from_parts(34_515_000, 3_972)
            .saturating_add(RocksDbWeight::get().reads(3_u64))
            .saturating_add(RocksDbWeight::get().writes(2_u64))
    }
    fn add_stellar_payout_v2address() -> Weight {
        Weight::from_parts(25_319_000, 3_918)
            .saturating_add(RocksDbWeight::get().reads(2_u64))
            .saturating_add(RocksDbWeight::get().writes(1_u64))
    }
    fn set_farm_certification() -> Weight {
        Weight::from_parts(21_177_000, 3_877)
            .saturating_add(RocksDbWeight::get().reads(1_u64))
            .saturating_add(RocksDbWeight::get().writes(1_u64))
    }
    fn add_farm_ip(i: u32) -> Weight {
        Weight::from_parts(31_496_000, 4_034)
            .saturating_add(RocksDbWeight::get().reads(2_u64))
            .saturating_add(RocksDbWeight::get().writes(1_u64))
            .saturating_add(Weight::from_parts(150_000, 90).saturating_mul(i.into()))
    }
    fn remove_farm_ip(i: u32) -> Weight {
        Weight::from_parts(27_079_000, 4_034)
            .saturating_add(RocksDbWeight::get().reads(2_u64))
            .saturating_add(RocksDbWeight::get().writes(1_u64))
            .saturating_add(Weight::from_parts(150_000, 90).saturating_mul(i.into()))
    }
    fn create_node(i: u32, n: u32) -> Weight {
        Weight::from_parts(74_159_000, 11_795)
            .saturating_add(RocksDbWeight::get().reads(12_u64))
            .saturating_add(RocksDbWeight::get().writes(5_u64))
            .saturating_add(Weight::from_parts(400_000, 300).saturating_mul(i.into()))
            .saturating_add(Weight::from_parts(20_000, 4).saturating_mul(n.into()))
    }
    fn update_node(i: u32, n: u32) -> Weight {
        Weight::from_parts(42_797_000, 4_126)
            .saturating_add(RocksDbWeight::get().reads(4_u64))
            .saturating_add(RocksDbWeight::get().writes(2_u64))
            .saturating_add(Weight::from_parts(400_000, 300).saturating_mul(i.into()))
            .saturating_add(Weight::from_parts(40_000, 8).saturating_mul(n.into()))
    }
    fn set_node_certification() -> Weight {
        Weight::from_parts(54_350_000, 11_846)
            .saturating_add(RocksDbWeight::get().reads(6_u64))
            .saturating_add(RocksDbWeight::get().writes(1_u64))
    }
    fn report_uptime() -> Weight {
        Weight::from_parts(28_543_000, 3_919).saturating_add(RocksDbWeight::get().reads(4_u64))
    }
    fn add_node_public_config() -> Weight {
        Weight::from_parts(38_269_000, 4_244)
            .saturating_add(RocksDbWeight::get().reads(3_u64))
            .saturating_add(RocksDbWeight::get().writes(1_u64))
    }
    fn delete_node(n: u32) -> Weight {
        Weight::from_parts(41_890_000, 4_147)
            .saturating_add(RocksDbWeight::get().reads(6_u64))
            .saturating_add(RocksDbWeight::get().writes(3_u64))
            .saturating_add(Weight::from_parts(20_000, 4).saturating_mul(n.into()))
    }
    fn create_entity() -> Weight {
        Weight::from_parts(100_000_000, 3_853)
            .saturating_add(RocksDbWeight::get().reads(3_u64))
            .saturating_add(RocksDbWeight::get().writes(4_u64))
    }
    fn update_entity() -> Weight {
        Weight::from_parts(100_000_000, 3_853)
            .saturating_add(RocksDbWeight::get().reads(3_u64))
            .saturating_add(RocksDbWeight::get().writes(3_u64))
    }
    fn delete_entity() -> Weight {
        Weight::from_parts(100_000_000, 3_853)
            .saturating_add(RocksDbWeight::get().reads(2_u64))
            .saturating_add(RocksDbWeight::get().writes(3_u64))
    }
    fn create_twin() -> Weight {
        Weight::from_parts(24_477_000, 3_700)
            .saturating_add(RocksDbWeight::get().reads(3_u64))
            .saturating_add(RocksDbWeight::get().writes(3_u64))
    }
    fn update_twin() -> Weight {
        Weight::from_parts(24_337_000, 3_893)
            .saturating_add(RocksDbWeight::get().reads(2_u64))
            .saturating_add(RocksDbWeight::get().writes(1_u64))
    }
    fn add_twin_entity() -> Weight {
        Weight::from_parts(100_000_000, 3_893)
            .saturating_add(RocksDbWeight::get().reads(2_u64))
            .saturating_add(RocksDbWeight::get().writes(1_u64))
    }
    fn delete_twin_entity() -> Weight {
        Weight::from_parts(100_000_000, 3_893)
            .saturating_add(RocksDbWeight::get().reads(1_u64))
            .saturating_add(RocksDbWeight::get().writes(1_u64))
    }
    fn create_pricing_policy() -> Weight {
        Weight::from_parts(21_633_000, 3_599)
            .saturating_add(RocksDbWeight::get().reads(2_u64))
            .saturating_add(RocksDbWeight::get().writes(3_u64))
    }
    fn update_pricing_policy() -> Weight {
        Weight::from_parts(27_478_000, 3_847)
            .saturating_add(RocksDbWeight::get().reads(2_u64))
            .saturating_add(RocksDbWeight::get().writes(3_u64))
    }
    fn create_farming_policy() -> Weight {
        Weight::from_parts(18_085_000, 1_619)
            .saturating_add(RocksDbWeight::get().reads(1_u64))
            .saturating_add(RocksDbWeight::get().writes(2_u64))
    }
    fn user_accept_tc() -> Weight {
        Weight::from_parts(12_508_000, 3_605)
            .saturating_add(RocksDbWeight::get().reads(2_u64))
            .saturating_add(RocksDbWeight::get().writes(1_u64))
    }
    fn delete_node_farm(n: u32) -> Weight {
        Weight::from_parts(56_386_000, 4_450)
            .saturating_add(RocksDbWeight::get().reads(8_u64))
            .saturating_add(RocksDbWeight::get().writes(4_u64))
            .saturating_add(Weight::from_parts(20_000, 4).saturating_mul(n.into()))
    }
    fn set_farm_dedicated() -> Weight {
        Weight::from_parts(21_921_000, 3_877)
            .saturating_add(RocksDbWeight::get().reads(1_u64))
            .saturating_add(RocksDbWeight::get().writes(1_u64))
    }
    fn force_reset_farm_ip(i: u32) -> Weight {
        Weight::from_parts(24_448_000, 3_877)
            .saturating_add(RocksDbWeight::get().reads(1_u64))
            .saturating_add(RocksDbWeight::get().writes(1_u64))
            .saturating_add(Weight::from_parts(150_000, 90).saturating_mul(i.into()))
    }
    fn set_connection_price() -> Weight {
        Weight::from_parts(10_091_000, 0).saturating_add(RocksDbWeight::get().writes(1_u64))
    }
    fn add_node_certifier() -> Weight {
        Weight::from_parts(16_227_000, 1_840)
            .saturating_add(RocksDbWeight::get().reads(1_u64))
            .saturating_add(RocksDbWeight::get().writes(1_u64))
    }
    fn remove_node_certifier() -> Weight {
        Weight::from_parts(19_049_000, 1_898)
            .saturating_add(RocksDbWeight::get().reads(1_u64))
            .saturating_add(RocksDbWeight::get().writes(1_u64))
    }
    fn update_farming_policy() -> Weight {
        Weight::from_parts(22_654_000, 3_759)
            .saturating_add(RocksDbWeight::get().reads(1_u64))
            .saturating_add(RocksDbWeight::get().writes(1_u64))
    }
    fn attach_policy_to_farm(n: u32) -> Weight {
        Weight::from_parts(36_635_000, 4_037)
            .saturating_add(RocksDbWeight::get().reads(3_u64))
            .saturating_add(RocksDbWeight::get().writes(1_u64))
            .saturating_add(
                RocksDbWeight::get()
                    .reads_writes(35_u64, 2_u64)
                    .saturating_mul(n.into()),
            )
    }
    fn set_zos_version() -> Weight {
        Weight::from_parts(14_115_000, 1_619)
            .saturating_add(RocksDbWeight::get().reads(1_u64))
            .saturating_add(RocksDbWeight::get().writes(1_u64))
    }
    fn change_power_state() -> Weight {
        Weight::from_parts(34_120_000, 4_086)
            .saturating_add(RocksDbWeight::get().reads(4_u64))
            .saturating_add(RocksDbWeight::get().writes(1_u64))
    }
    fn change_power_target() -> Weight {
        Weight::from_parts(33_063_000, 4_220)
            .saturating_add(RocksDbWeight::get().reads(4_u64))
            .saturating_add(RocksDbWeight::get().writes(1_u64))
    }
    fn bond_twin_account() -> Weight {
        Weight::from_parts(19_630_000, 3_852)
            .saturating_add(RocksDbWeight::get().reads(1_u64))
            .saturating_add(RocksDbWeight::get().writes(1_u64))
    }
    fn report_uptime_v2() -> Weight {
        Weight::from_parts(28_212_000, 3_919).saturating_add(RocksDbWeight::get().reads(4_u64))
    }
}
