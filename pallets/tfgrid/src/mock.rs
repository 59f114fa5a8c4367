//! Test runtime: frame_system, pallet_timestamp and this pallet, with `AccountId32` accounts
//! (so that entity signatures can be checked), Root as the restricted origin, and recording
//! implementations of the node and public-IP hooks.

use crate as pallet_tfgrid;
use core::cell::RefCell;
use frame_support::{
    derive_impl,
    traits::{ConstU32, ConstU64},
};
use frame_system::EnsureRoot;
use sp_core::{sr25519, Pair};
use sp_runtime::{traits::IdentityLookup, AccountId32, BuildStorage};
use tfchain_support::{
    traits::{ChangeNode, NodeActiveContracts, NodeUptimeReported, PublicIpModifier},
    types::PublicIP,
};

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
    pub enum Test {
        System: frame_system,
        Timestamp: pallet_timestamp,
        TfgridModule: pallet_tfgrid,
    }
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
    type Block = Block;
    type AccountId = AccountId32;
    type Lookup = IdentityLookup<AccountId32>;
}

impl pallet_timestamp::Config for Test {
    type Moment = u64;
    type OnTimestampSet = ();
    type MinimumPeriod = ConstU64<5>;
    type WeightInfo = ();
}

/// A call the pallet made to its `NodeChanged` hook.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NodeHookCall {
    /// `node_changed(old, new)`, by node ids.
    Changed { old: Option<u32>, new: u32 },
    /// `node_deleted(node)`.
    Deleted(u32),
    /// `node_power_state_changed(node)`.
    PowerStateChanged(u32),
}

thread_local! {
    static NODE_HOOK_CALLS: RefCell<Vec<NodeHookCall>> = const { RefCell::new(Vec::new()) };
    static NODES_WITH_CONTRACTS: RefCell<Vec<u32>> = const { RefCell::new(Vec::new()) };
    static UPTIME_REPORTS: RefCell<Vec<(u32, u32, u64, u64)>> = const { RefCell::new(Vec::new()) };
    static REMOVED_IPS: RefCell<Vec<PublicIP>> = const { RefCell::new(Vec::new()) };
}

/// The IPs given to the `PublicIpModifier` hook so far.
pub fn removed_ips() -> Vec<PublicIP> {
    REMOVED_IPS.with(|ips| ips.borrow().clone())
}

/// Records every IP taken back from a contract in [`removed_ips`].
pub struct RecordingIpModifier;

impl PublicIpModifier for RecordingIpModifier {
    fn ip_removed(ip: &PublicIP) {
        REMOVED_IPS.with(|ips| ips.borrow_mut().push(ip.clone()));
    }
}

/// The calls made to the `NodeChanged` hook so far.
pub fn node_hook_calls() -> Vec<NodeHookCall> {
    NODE_HOOK_CALLS.with(|calls| calls.borrow().clone())
}

/// Make the contracts hook report active contracts on `node_id`.
pub fn set_node_has_contracts(node_id: u32) {
    NODES_WITH_CONTRACTS.with(|nodes| nodes.borrow_mut().push(node_id));
}

/// Records every node notification in [`node_hook_calls`].
pub struct RecordingNodeHooks;

impl<L, I, S> ChangeNode<L, I, S> for RecordingNodeHooks {
    fn node_changed(
        old: Option<&tfchain_support::types::Node<L, I, S>>,
        new: &tfchain_support::types::Node<L, I, S>,
    ) {
        let call = NodeHookCall::Changed {
            old: old.map(|node| node.id),
            new: new.id,
        };
        NODE_HOOK_CALLS.with(|calls| calls.borrow_mut().push(call));
    }

    fn node_deleted(node: &tfchain_support::types::Node<L, I, S>) {
        NODE_HOOK_CALLS.with(|calls| calls.borrow_mut().push(NodeHookCall::Deleted(node.id)));
    }

    fn node_power_state_changed(node: &tfchain_support::types::Node<L, I, S>) {
        NODE_HOOK_CALLS.with(|calls| {
            calls
                .borrow_mut()
                .push(NodeHookCall::PowerStateChanged(node.id))
        });
    }

    fn node_changed_weight() -> frame_support::weights::Weight {
        NODE_CHANGED_HOOK_WEIGHT
    }

    fn node_deleted_weight() -> frame_support::weights::Weight {
        NODE_DELETED_HOOK_WEIGHT
    }

    fn node_power_state_changed_weight() -> frame_support::weights::Weight {
        POWER_HOOK_WEIGHT
    }
}

/// The weights the `NodeChanged` hooks declare in the mock.
pub const NODE_CHANGED_HOOK_WEIGHT: frame_support::weights::Weight =
    frame_support::weights::Weight::from_parts(11_000, 110);
/// See [`NODE_CHANGED_HOOK_WEIGHT`].
pub const NODE_DELETED_HOOK_WEIGHT: frame_support::weights::Weight =
    frame_support::weights::Weight::from_parts(13_000, 130);
/// See [`NODE_CHANGED_HOOK_WEIGHT`].
pub const POWER_HOOK_WEIGHT: frame_support::weights::Weight =
    frame_support::weights::Weight::from_parts(17_000, 170);

/// The `(node_id, farm_id, now_secs, uptime_secs)` given to the `UptimeReported` hook so far.
pub fn uptime_reports() -> Vec<(u32, u32, u64, u64)> {
    UPTIME_REPORTS.with(|reports| reports.borrow().clone())
}

/// Records every uptime report in [`uptime_reports`]; its weight is [`UPTIME_HOOK_WEIGHT`].
pub struct RecordingUptime;

/// The weight the `UptimeReported` hook declares in the mock.
pub const UPTIME_HOOK_WEIGHT: frame_support::weights::Weight =
    frame_support::weights::Weight::from_parts(7_000, 70);

impl NodeUptimeReported for RecordingUptime {
    fn node_uptime_reported(node_id: u32, farm_id: u32, now_secs: u64, uptime_secs: u64) {
        UPTIME_REPORTS.with(|reports| {
            reports
                .borrow_mut()
                .push((node_id, farm_id, now_secs, uptime_secs))
        });
    }

    fn node_uptime_reported_weight() -> frame_support::weights::Weight {
        UPTIME_HOOK_WEIGHT
    }
}

/// Reports contracts on the nodes given to [`set_node_has_contracts`].
pub struct MockNodeContracts;

impl NodeActiveContracts for MockNodeContracts {
    fn node_has_no_active_contracts(node_id: u32) -> bool {
        NODES_WITH_CONTRACTS.with(|nodes| !nodes.borrow().contains(&node_id))
    }
}

/// Maximum number of public IPs of a farm in the mock.
pub const MAX_FARM_PUBLIC_IPS: u32 = 4;
/// Maximum number of nodes in a farm in the mock.
pub const MAX_NODES_PER_FARM: u32 = 5;
/// Maximum number of addresses of an interface in the mock.
pub const MAX_INTERFACE_IPS: u32 = 5;

impl pallet_tfgrid::Config for Test {
    type RuntimeEvent = RuntimeEvent;
    type RestrictedOrigin = EnsureRoot<AccountId32>;
    type WeightInfo = ();
    type NodeChanged = RecordingNodeHooks;
    type PublicIpModifier = RecordingIpModifier;
    type NodeActiveContracts = MockNodeContracts;
    type UptimeReported = RecordingUptime;
    type MaxFarmNameLength = ConstU32<40>;
    type MaxFarmPublicIps = ConstU32<MAX_FARM_PUBLIC_IPS>;
    type MaxInterfacesLength = ConstU32<10>;
    type MaxInterfaceIpsLength = ConstU32<MAX_INTERFACE_IPS>;
    type TimestampHintDrift = ConstU64<60>;
    type MaxNodesPerFarm = ConstU32<MAX_NODES_PER_FARM>;
}

/// Minimum blocks between accepted uptime reports of a node (the pallet's constant).
pub const UPTIME_REPORT_INTERVAL: u64 = pallet_tfgrid::FREE_CALL_INTERVAL_BLOCKS as u64;
/// Minimum blocks between free `update_node` calls and free power-state changes.
pub const FREE_NODE_CALL_INTERVAL: u64 = pallet_tfgrid::FREE_CALL_INTERVAL_BLOCKS as u64;

/// The sr25519 key pair of a dev seed such as `//Alice`.
pub fn sr25519_pair(seed: &str) -> sr25519::Pair {
    sr25519::Pair::from_string(seed, None).expect("dev seeds are valid")
}

/// The account of a dev seed such as `//Alice`.
pub fn account(seed: &str) -> AccountId32 {
    sr25519_pair(seed).public().into()
}

/// Alice: holds the genesis pricing policy's foundation account.
pub fn alice() -> AccountId32 {
    account("//Alice")
}

/// Bob: the genesis pricing policy's sales account.
pub fn bob() -> AccountId32 {
    account("//Bob")
}

/// Charlie.
pub fn charlie() -> AccountId32 {
    account("//Charlie")
}

/// Unix time, in milliseconds, of the first block of every test.
pub const START_MILLIS: u64 = 1_628_082_000_000;

/// The genesis config of the tests: upstream's development-chain values.
pub fn genesis_config() -> pallet_tfgrid::GenesisConfig<Test> {
    pallet_tfgrid::GenesisConfig::<Test> {
        su_price_value: 50000,
        su_price_unit: 4,
        nu_price_value: 15000,
        nu_price_unit: 4,
        ipu_price_value: 40000,
        ipu_price_unit: 4,
        cu_price_value: 100000,
        cu_price_unit: 4,
        domain_name_price_value: 5000,
        unique_name_price_value: 2500,
        foundation_account: Some(alice()),
        sales_account: Some(bob()),
        discount_for_dedication_nodes: 50,
        farming_policy_diy_cu: 2400,
        farming_policy_diy_nu: 30,
        farming_policy_diy_su: 1000,
        farming_policy_diy_ipu: 5,
        farming_policy_diy_minimal_uptime: 95,
        farming_policy_certified_cu: 3000,
        farming_policy_certified_nu: 38,
        farming_policy_certified_su: 1250,
        farming_policy_certified_ipu: 6,
        farming_policy_certified_minimal_uptime: 95,
        connection_price: 80,
    }
}

/// Externalities at block 1, at [`START_MILLIS`], with [`genesis_config`].
pub fn new_test_ext() -> sp_io::TestExternalities {
    let mut storage = frame_system::GenesisConfig::<Test>::default()
        .build_storage()
        .expect("frame_system genesis builds");
    genesis_config()
        .assimilate_storage(&mut storage)
        .expect("tfgrid genesis builds");
    NODE_HOOK_CALLS.with(|calls| calls.borrow_mut().clear());
    NODES_WITH_CONTRACTS.with(|nodes| nodes.borrow_mut().clear());
    REMOVED_IPS.with(|ips| ips.borrow_mut().clear());
    let mut ext = sp_io::TestExternalities::new(storage);
    ext.execute_with(|| {
        System::set_block_number(1);
        Timestamp::set_timestamp(START_MILLIS);
    });
    ext
}
