//! Test runtime: frame_system, pallet_timestamp, pallet_balances (u128 TFT units, ED 500),
//! pallet-tfgrid wired to this pallet's hooks, and this pallet with a settable TFT price and the
//! upstream test settings (billing frequency 10, grace period 100 blocks, distribution every 24
//! bills).

use crate::{self as pallet_smart_contract};
use core::cell::RefCell;
use frame_support::{
    derive_impl, parameter_types,
    traits::{ConstU128, ConstU16, ConstU32, ConstU64, Contains},
    weights::Weight,
};
use frame_system::EnsureRoot;
use sp_core::{sr25519, Pair};
use sp_runtime::{traits::IdentityLookup, AccountId32, BuildStorage};
use tfchain_support::traits::TftPriceProvider;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
    pub enum Test {
        System: frame_system,
        Timestamp: pallet_timestamp,
        Balances: pallet_balances,
        TfgridModule: pallet_tfgrid,
        SmartContractModule: pallet_smart_contract,
    }
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
    type Block = Block;
    type AccountId = AccountId32;
    type Lookup = IdentityLookup<AccountId32>;
    type AccountData = pallet_balances::AccountData<u128>;
}

impl pallet_timestamp::Config for Test {
    type Moment = u64;
    type OnTimestampSet = ();
    type MinimumPeriod = ConstU64<5>;
    type WeightInfo = ();
}

/// The existential deposit of TFT.
pub const ED: u128 = 500;

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
    type Balance = u128;
    type ExistentialDeposit = ConstU128<ED>;
    type AccountStore = System;
}

impl pallet_tfgrid::Config for Test {
    type RuntimeEvent = RuntimeEvent;
    type RestrictedOrigin = EnsureRoot<AccountId32>;
    type WeightInfo = ();
    type NodeChanged = SmartContractModule;
    type PublicIpModifier = SmartContractModule;
    type NodeActiveContracts = SmartContractModule;
    type UptimeReported = ();
    type MaxFarmNameLength = ConstU32<40>;
    type MaxFarmPublicIps = ConstU32<16>;
    type MaxInterfacesLength = ConstU32<10>;
    type MaxInterfaceIpsLength = ConstU32<5>;
    type TimestampHintDrift = ConstU64<60>;
    type MaxNodesPerFarm = ConstU32<10>;
}

thread_local! {
    static TFT_PRICE: RefCell<(u32, u32, u32)> = const { RefCell::new((50, 10, 1000)) };
}

/// Set the average, minimum and maximum TFT prices (mUSD).
pub fn set_tft_price(average: u32, min: u32, max: u32) {
    TFT_PRICE.with(|price| *price.borrow_mut() = (average, min, max));
}

/// TFT price from [`set_tft_price`] (default: average 50, min 10, max 1000 mUSD).
pub struct MockTftPrice;

impl TftPriceProvider for MockTftPrice {
    fn average_tft_price() -> u32 {
        TFT_PRICE.with(|price| price.borrow().0)
    }
    fn min_tft_price() -> u32 {
        TFT_PRICE.with(|price| price.borrow().1)
    }
    fn max_tft_price() -> u32 {
        TFT_PRICE.with(|price| price.borrow().2)
    }
}

/// The billing validator: its bills pay no fee.
pub struct MockValidators;

impl Contains<AccountId32> for MockValidators {
    fn contains(who: &AccountId32) -> bool {
        *who == validator()
    }
}

parameter_types! {
    pub StakingPool: AccountId32 = staking_pool();
    /// The billing loop's budget: a whole block's weight unless a test lowers it.
    pub storage BillingWeightPerBlock: Weight = Weight::MAX;
}

/// Billing frequency of the tests, in blocks.
pub const BILLING_FREQUENCY: u64 = 10;
/// Grace period of the tests, in blocks.
pub const GRACE_PERIOD: u64 = 100;
/// Bills between distributions.
pub const DISTRIBUTION_FREQUENCY: u16 = 24;

impl pallet_smart_contract::Config for Test {
    type RuntimeEvent = RuntimeEvent;
    type Currency = Balances;
    type TftPrice = MockTftPrice;
    type StakingPoolAccount = StakingPool;
    type BillingFrequency = ConstU64<BILLING_FREQUENCY>;
    type BillingReferencePeriod = ConstU64<3600>;
    type DistributionFrequency = ConstU16<DISTRIBUTION_FREQUENCY>;
    type GracePeriod = ConstU64<GRACE_PERIOD>;
    type BillingValidators = MockValidators;
    type RestrictedOrigin = EnsureRoot<AccountId32>;
    type BillingWeightPerBlock = BillingWeightPerBlock;
    type WeightInfo = ();
    type MaxNameContractNameLength = ConstU32<64>;
    type MaxDeploymentDataLength = ConstU32<512>;
    type MaxNodeContractPublicIps = ConstU32<16>;
    type MaxNruBytesPerSecond = ConstU64<1_250_000_000>;
    type MaxBillMultiplier = ConstU32<2>;
    type NodeContractMinimumCharge = ConstU64<2_500>;
    type NodeContractReportTimeout = ConstU64<86_400>;
    type MaxNodeContractsPerTwinPerNode = ConstU32<128>;
}

/// The sr25519 key pair of a dev seed such as `//Alice`.
pub fn sr25519_pair(seed: &str) -> sr25519::Pair {
    sr25519::Pair::from_string(seed, None).expect("dev seeds are valid")
}

/// The account of a dev seed.
pub fn account(seed: &str) -> AccountId32 {
    sr25519_pair(seed).public().into()
}

/// Alice: twin 1, owns farm 1.
pub fn alice() -> AccountId32 {
    account("//Alice")
}

/// Bob: twin 2, node 1 of farm 1.
pub fn bob() -> AccountId32 {
    account("//Bob")
}

/// Charlie: twin 3, deploys contracts.
pub fn charlie() -> AccountId32 {
    account("//Charlie")
}

/// Dave: twin 4, a second user.
pub fn dave() -> AccountId32 {
    account("//Dave")
}

/// Ferdie: no twin and no funds.
pub fn ferdie() -> AccountId32 {
    account("//Ferdie")
}

/// The foundation account of pricing policy 1.
pub fn foundation() -> AccountId32 {
    account("//Foundation")
}

/// The certified-sales account of pricing policy 1 (receives nothing since 2.9).
pub fn sales() -> AccountId32 {
    account("//Sales")
}

/// The staking pool.
pub fn staking_pool() -> AccountId32 {
    account("//StakingPool")
}

/// The billing validator.
pub fn validator() -> AccountId32 {
    account("//Validator")
}

/// One TFT, in units.
pub const TFT: u128 = 10_000_000;
/// Initial balance of Charlie and Dave: 2 500 TFT.
pub const USER_BALANCE: u128 = 2_500 * TFT;
/// Initial balance of the beneficiaries (farmer, foundation, staking pool): 1 TFT.
pub const BENEFICIARY_BALANCE: u128 = TFT;

/// Unix time, in milliseconds, of block 1.
pub const START_MILLIS: u64 = 1_628_082_000_000;

/// The tfgrid genesis of the tests: pricing policy 1 with upstream's test prices.
pub fn tfgrid_genesis() -> pallet_tfgrid::GenesisConfig<Test> {
    pallet_tfgrid::GenesisConfig::<Test> {
        su_price_value: 194_400,
        su_price_unit: 4,
        nu_price_value: 50_000,
        nu_price_unit: 4,
        ipu_price_value: 69_400,
        ipu_price_unit: 4,
        cu_price_value: 305_600,
        cu_price_unit: 4,
        domain_name_price_value: 27_800,
        unique_name_price_value: 13_900,
        foundation_account: Some(foundation()),
        sales_account: Some(sales()),
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

/// Externalities at block 1, at [`START_MILLIS`], with funded accounts.
pub fn new_test_ext() -> sp_io::TestExternalities {
    let mut storage = frame_system::GenesisConfig::<Test>::default()
        .build_storage()
        .expect("frame_system genesis builds");
    pallet_balances::GenesisConfig::<Test> {
        balances: vec![
            (alice(), 1_000 * TFT),
            (bob(), 1_000 * TFT),
            (charlie(), USER_BALANCE),
            (dave(), USER_BALANCE),
            (foundation(), BENEFICIARY_BALANCE),
            (staking_pool(), BENEFICIARY_BALANCE),
            (validator(), 1_000 * TFT),
        ],
        ..Default::default()
    }
    .assimilate_storage(&mut storage)
    .expect("balances genesis builds");
    tfgrid_genesis()
        .assimilate_storage(&mut storage)
        .expect("tfgrid genesis builds");
    pallet_smart_contract::GenesisConfig::<Test> {
        billing_frequency: BILLING_FREQUENCY,
        _config: Default::default(),
    }
    .assimilate_storage(&mut storage)
    .expect("smart-contract genesis builds");
    set_tft_price(50, 10, 1000);
    let mut ext = sp_io::TestExternalities::new(storage);
    ext.execute_with(|| {
        System::set_block_number(1);
        Timestamp::set_timestamp(START_MILLIS);
    });
    ext
}
