//! Test runtime: frame_system, pallet_timestamp, pallet-tfgrid (whose node hooks feed this
//! pallet's farm weights), a council membership (Alice, Bob, Charlie) and this pallet, with
//! `AccountId32` accounts, a 4-block `MotionDuration` and 2 vetos to reject a proposal.

use crate as pallet_dao;
use frame_support::{
    assert_ok, derive_impl, parameter_types,
    traits::{ConstU32, ConstU64},
    weights::Weight,
    BoundedVec,
};
use frame_system::EnsureRoot;
use pallet_tfgrid::types::{InterfaceInput, LocationInput, LocationInputOf};
use sp_runtime::{traits::IdentityLookup, AccountId32, BuildStorage};
use tfchain_support::{resources::Resources, types::Interface};

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
    pub enum Test {
        System: frame_system,
        Timestamp: pallet_timestamp,
        TfgridModule: pallet_tfgrid,
        CouncilMembership: pallet_membership,
        Dao: pallet_dao,
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

impl pallet_tfgrid::Config for Test {
    type RuntimeEvent = RuntimeEvent;
    type RestrictedOrigin = EnsureRoot<AccountId32>;
    type WeightInfo = ();
    type NodeChanged = Dao;
    type PublicIpModifier = ();
    type NodeActiveContracts = ();
    type UptimeReported = ();
    type MaxFarmNameLength = ConstU32<40>;
    type MaxFarmPublicIps = ConstU32<4>;
    type MaxInterfacesLength = ConstU32<10>;
    type MaxInterfaceIpsLength = ConstU32<5>;
    type TimestampHintDrift = ConstU64<60>;
    type MaxNodesPerFarm = ConstU32<20>;
}

impl pallet_membership::Config for Test {
    type RuntimeEvent = RuntimeEvent;
    type AddOrigin = EnsureRoot<AccountId32>;
    type RemoveOrigin = EnsureRoot<AccountId32>;
    type SwapOrigin = EnsureRoot<AccountId32>;
    type ResetOrigin = EnsureRoot<AccountId32>;
    type PrimeOrigin = EnsureRoot<AccountId32>;
    type MembershipInitialized = ();
    type MembershipChanged = ();
    type MaxMembers = ConstU32<100>;
    type WeightInfo = ();
}

parameter_types! {
    /// 100 ms: far above the test calls, below `system.set_code` (about 164 ms).
    pub const MaxProposalWeight: Weight = Weight::from_parts(100_000_000_000, 1_000_000);
}

/// Voting period of a proposal without a duration, in blocks.
pub const MOTION_DURATION: u64 = 4;
/// Vetos that reject a proposal.
pub const MIN_VETOS: u32 = 2;

impl pallet_dao::Config for Test {
    type RuntimeEvent = RuntimeEvent;
    type Proposal = RuntimeCall;
    type CouncilMembers = CouncilMembership;
    type Tfgrid = TfgridModule;
    type FarmName = pallet_tfgrid::farm::FarmName<Test>;
    type MotionDuration = ConstU64<MOTION_DURATION>;
    type MinVetos = ConstU32<MIN_VETOS>;
    type MaxProposalWeight = MaxProposalWeight;
    type WeightInfo = ();
    #[cfg(feature = "runtime-benchmarks")]
    type BenchmarkHelper = MockBenchmarkHelper;
}

/// Creates twins and farms through pallet-tfgrid's calls, as the runtime does.
#[cfg(feature = "runtime-benchmarks")]
pub struct MockBenchmarkHelper;

#[cfg(feature = "runtime-benchmarks")]
impl crate::types::BenchmarkHelper<AccountId32> for MockBenchmarkHelper {
    fn create_farm(owner: &AccountId32, seed: u32) -> u32 {
        create_twin(owner);
        create_farm(owner, format!("farm_{seed}").as_bytes())
    }
}

/// The test account named by a seed such as `//Alice` (a hash of the seed: tests sign nothing,
/// and deriving thousands of sr25519 keys would be slow).
pub fn account(seed: &str) -> AccountId32 {
    AccountId32::new(sp_io::hashing::blake2_256(seed.as_bytes()))
}

/// Alice: council member.
pub fn alice() -> AccountId32 {
    account("//Alice")
}

/// Bob: council member.
pub fn bob() -> AccountId32 {
    account("//Bob")
}

/// Charlie: council member.
pub fn charlie() -> AccountId32 {
    account("//Charlie")
}

/// Dave: not a council member.
pub fn dave() -> AccountId32 {
    account("//Dave")
}

/// The `n`th farmer (not a council member).
pub fn farmer(n: u32) -> AccountId32 {
    account(&format!("//Farmer{n}"))
}

/// One gibibyte.
pub const GIB: u64 = 1024 * 1024 * 1024;

/// Capacity of the reference node: cu 20 and su 2, so weight 42.
pub fn resources() -> Resources {
    Resources {
        hru: 1024 * GIB,
        sru: 512 * GIB,
        cru: 8,
        mru: 16 * GIB,
    }
}

/// Bytes into any bounded vector (panics if too long: test inputs only).
pub fn b<S: frame_support::traits::Get<u32>>(bytes: &[u8]) -> BoundedVec<u8, S> {
    BoundedVec::try_from(bytes.to_vec()).expect("test input fits its bound")
}

/// Accept the terms and conditions and create a twin for `who`.
pub fn create_twin(who: &AccountId32) {
    let origin = RuntimeOrigin::signed(who.clone());
    assert_ok!(TfgridModule::user_accept_tc(
        origin.clone(),
        b(b"https://threefold.io/terms"),
        b(b"0x1234abcd")
    ));
    assert_ok!(TfgridModule::create_twin(
        origin,
        Some(b(b"somerelay.io")),
        Some(b(b"pk"))
    ));
}

/// Create a farm without public IPs, owned by the twin of `who`; returns its id.
pub fn create_farm(who: &AccountId32, name: &[u8]) -> u32 {
    assert_ok!(TfgridModule::create_farm(
        RuntimeOrigin::signed(who.clone()),
        b(name),
        BoundedVec::new()
    ));
    pallet_tfgrid::FarmID::<Test>::get()
}

/// A valid node location.
pub fn location() -> LocationInputOf {
    LocationInput {
        city: b(b"Ghent"),
        country: b(b"Belgium"),
        latitude: b(b"12.233213231"),
        longitude: b(b"32.323112123"),
    }
}

/// One valid interface with one address.
pub fn interfaces() -> InterfaceInput<Test> {
    BoundedVec::try_from(vec![Interface {
        name: b(b"zos"),
        mac: b(b"00:00:5e:00:53:af"),
        ips: BoundedVec::try_from(vec![b(b"10.2.3.3")]).unwrap(),
    }])
    .unwrap()
}

/// Register a new node, with its own new twin, in `farm_id`; returns its id and account.
pub fn create_node(farm_id: u32, resources: Resources) -> (u32, AccountId32) {
    let node_account = account(&format!(
        "//Node{}",
        pallet_tfgrid::NodeID::<Test>::get() + 1
    ));
    create_twin(&node_account);
    assert_ok!(TfgridModule::create_node(
        RuntimeOrigin::signed(node_account.clone()),
        farm_id,
        resources,
        location(),
        interfaces(),
        true,
        true,
        None,
    ));
    (pallet_tfgrid::NodeID::<Test>::get(), node_account)
}

/// The grid registry's genesis: the default pricing and farming policies.
fn tfgrid_genesis() -> pallet_tfgrid::GenesisConfig<Test> {
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

/// Externalities at block 1 with the grid's genesis policies and Alice, Bob and Charlie on
/// the council.
pub fn new_test_ext() -> sp_io::TestExternalities {
    let mut storage = frame_system::GenesisConfig::<Test>::default()
        .build_storage()
        .expect("frame_system genesis builds");
    tfgrid_genesis()
        .assimilate_storage(&mut storage)
        .expect("tfgrid genesis builds");
    pallet_membership::GenesisConfig::<Test> {
        members: BoundedVec::try_from(vec![alice(), bob(), charlie()]).unwrap(),
        phantom: Default::default(),
    }
    .assimilate_storage(&mut storage)
    .expect("membership genesis builds");
    let mut ext = sp_io::TestExternalities::new(storage);
    ext.execute_with(|| {
        System::set_block_number(1);
        Timestamp::set_timestamp(1_628_082_000_000);
    });
    ext
}
