//! Test runtime: frame_system, pallet_balances (u128 balances, existential deposit 500 as on
//! tfchain) and this pallet, keeping the latest [`MAX_BURNS`] burns with messages of up to
//! [`MAX_MESSAGE_LENGTH`] bytes.

use crate as pallet_burning;
use frame_support::{
    derive_impl,
    traits::{ConstU128, ConstU32},
};
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
    pub enum Test {
        System: frame_system,
        Balances: pallet_balances,
        BurningModule: pallet_burning,
    }
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
    type Block = Block;
    type AccountData = pallet_balances::AccountData<u128>;
}

/// The existential deposit of the tests (tfchain's: 500 units).
pub const EXISTENTIAL_DEPOSIT: u128 = 500;

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
    type Balance = u128;
    type ExistentialDeposit = ConstU128<EXISTENTIAL_DEPOSIT>;
    type AccountStore = System;
    type FreezeIdentifier = ();
    type MaxFreezes = ConstU32<1>;
}

/// Number of burns the tests keep.
pub const MAX_BURNS: u32 = 3;
/// Maximum length of a burn message in the tests.
pub const MAX_MESSAGE_LENGTH: u32 = 16;

impl pallet_burning::Config for Test {
    type RuntimeEvent = RuntimeEvent;
    type Currency = Balances;
    type Burn = ();
    type WeightInfo = ();
    type MaxBurnMessageLength = ConstU32<MAX_MESSAGE_LENGTH>;
    type MaxBurns = ConstU32<MAX_BURNS>;
}

/// Alice: holds [`INITIAL_BALANCE`].
pub const ALICE: u64 = 1;
/// Bob: holds [`INITIAL_BALANCE`].
pub const BOB: u64 = 2;
/// What Alice and Bob hold at genesis: 100 000 TFT (7 decimals).
pub const INITIAL_BALANCE: u128 = 1_000_000_000_000;

/// Externalities at block 1 with Alice and Bob funded.
pub fn new_test_ext() -> sp_io::TestExternalities {
    let mut storage = frame_system::GenesisConfig::<Test>::default()
        .build_storage()
        .expect("frame_system genesis builds");
    pallet_balances::GenesisConfig::<Test> {
        balances: vec![(ALICE, INITIAL_BALANCE), (BOB, INITIAL_BALANCE)],
        ..Default::default()
    }
    .assimilate_storage(&mut storage)
    .expect("balances genesis builds");
    let mut ext = sp_io::TestExternalities::new(storage);
    ext.execute_with(|| System::set_block_number(1));
    ext
}
