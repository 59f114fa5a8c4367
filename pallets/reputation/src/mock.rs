//! Test runtime: frame_system, pallet_timestamp (the clock) and this pallet, with periods of
//! [`PERIOD`] seconds and node states set by the tests.

use crate as pallet_reputation;
use crate::types::NodeState;
use core::cell::RefCell;
use frame_support::{
    derive_impl,
    traits::{ConstU32, ConstU64},
};
use sp_runtime::BuildStorage;
use std::collections::BTreeMap;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
    pub enum Test {
        System: frame_system,
        Timestamp: pallet_timestamp,
        Reputation: pallet_reputation,
    }
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
    type Block = Block;
}

impl pallet_timestamp::Config for Test {
    type Moment = u64;
    type OnTimestampSet = ();
    type MinimumPeriod = ConstU64<5>;
    type WeightInfo = ();
}

/// Length of a period in the mock, in seconds: a day, as on mainnet.
pub const PERIOD: u64 = 86_400;

thread_local! {
    static NODE_STATES: RefCell<BTreeMap<u32, NodeState>> = const { RefCell::new(BTreeMap::new()) };
    static FREE_CAPACITY: RefCell<BTreeMap<u32, u64>> = const { RefCell::new(BTreeMap::new()) };
    static FARMS: RefCell<BTreeMap<u32, u32>> = const { RefCell::new(BTreeMap::new()) };
    static ONLINE_TIMES: RefCell<Vec<(u32, bool, u64)>> = const { RefCell::new(Vec::new()) };
}

/// The `(node_id, certified, online_secs)` told to the `OnlineTime` hook so far.
pub fn online_times() -> Vec<(u32, bool, u64)> {
    ONLINE_TIMES.with(|times| times.borrow().clone())
}

/// Records what the `OnlineTime` hook is told in [`online_times`].
pub struct RecordingOnlineTime;

impl tfchain_support::traits::NodeOnlineTime for RecordingOnlineTime {
    fn node_online_time(node_id: u32, certified: bool, online_secs: u64) {
        ONLINE_TIMES.with(|times| times.borrow_mut().push((node_id, certified, online_secs)));
    }

    fn node_online_time_weight() -> frame_support::weights::Weight {
        frame_support::weights::Weight::zero()
    }
}

/// Place `node_id` in `farm_id` (farm 1 by default).
pub fn set_farm(node_id: u32, farm_id: u32) {
    FARMS.with(|farms| farms.borrow_mut().insert(node_id, farm_id));
}

/// The farm of `node_id`.
pub fn farm_of(node_id: u32) -> u32 {
    FARMS.with(|farms| farms.borrow().get(&node_id).copied().unwrap_or(1))
}

/// Set the free capacity of `node_id` (its whole capacity by default).
pub fn set_free_capacity(node_id: u32, free: u64) {
    FREE_CAPACITY.with(|free_capacity| free_capacity.borrow_mut().insert(node_id, free));
}

/// Set what the runtime would say about `node_id`.
pub fn set_node_state(node_id: u32, state: NodeState) {
    NODE_STATES.with(|states| states.borrow_mut().insert(node_id, state));
}

/// Change part of what the runtime says about `node_id`.
pub fn update_node_state(node_id: u32, change: impl FnOnce(&mut NodeState)) {
    NODE_STATES.with(|states| change(states.borrow_mut().entry(node_id).or_default()));
}

/// Node states set by the tests.
pub struct MockNodeStatus;

impl crate::NodeStatus for MockNodeStatus {
    fn node_state(node_id: u32) -> Option<NodeState> {
        NODE_STATES.with(|states| states.borrow().get(&node_id).cloned())
    }

    fn free_capacity(node_id: u32) -> Option<u64> {
        let capacity = Self::node_state(node_id)?.capacity;
        Some(FREE_CAPACITY.with(|free| free.borrow().get(&node_id).copied().unwrap_or(capacity)))
    }
}

impl pallet_reputation::Config for Test {
    type RuntimeEvent = RuntimeEvent;
    type WeightInfo = ();
    type Time = Timestamp;
    type NodeStatus = MockNodeStatus;
    type OnlineTime = RecordingOnlineTime;
    type PeriodSecs = ConstU64<PERIOD>;
    type LowScoreThreshold = ConstU32<900>;
}

/// Empty storage at block 1 with no node states.
pub fn new_test_ext() -> sp_io::TestExternalities {
    NODE_STATES.with(|states| states.borrow_mut().clear());
    FREE_CAPACITY.with(|free| free.borrow_mut().clear());
    FARMS.with(|farms| farms.borrow_mut().clear());
    ONLINE_TIMES.with(|times| times.borrow_mut().clear());
    let storage = frame_system::GenesisConfig::<Test>::default()
        .build_storage()
        .expect("frame_system genesis builds");
    let mut ext = sp_io::TestExternalities::new(storage);
    ext.execute_with(|| System::set_block_number(1));
    ext
}
