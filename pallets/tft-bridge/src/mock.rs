//! Test runtime: frame_system, pallet_balances (u128 balances, existential deposit 500 as on
//! tfchain) and this pallet, with Root as the restricted origin, a retry interval of 20 blocks,
//! room for 3 pending withdrawals (2 per account) and 3 pending refunds, and a timeout of 60
//! blocks.
//!
//! Genesis: bridge validators 1, 2, 5 and 6 (given unsorted), so the quorum is 3; fee account
//! 99 (without balance); deposit and withdraw fees of 1 TFT; users 10 and 11 hold 1000 TFT each.

use crate as pallet_tft_bridge;
use frame_support::{
    derive_impl,
    traits::{ConstU128, ConstU32},
};
use frame_system::EnsureRoot;
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
    pub enum Test {
        System: frame_system,
        Balances: pallet_balances,
        TFTBridgeModule: pallet_tft_bridge,
    }
);

/// One TFT in units.
pub const TFT: u128 = 10_000_000;
/// Existential deposit, as on tfchain.
pub const EXISTENTIAL_DEPOSIT: u128 = 500;
/// Deposit and withdraw fee at genesis: 1 TFT.
pub const FEE: u64 = 10_000_000;
/// Bridge validators at genesis, in the (unsorted) order of the genesis config.
pub const GENESIS_VALIDATORS: [u64; 4] = [6, 2, 5, 1];
/// The fee account.
pub const FEE_ACCOUNT: u64 = 99;
/// A user holding [`USER_BALANCE`].
pub const USER: u64 = 10;
/// The balance of [`USER`] at genesis.
pub const USER_BALANCE: u128 = 1000 * TFT;
/// Another user, also holding [`USER_BALANCE`].
pub const OTHER_USER: u64 = 11;
/// Blocks after which pending withdrawals and refunds expire.
pub const RETRY_INTERVAL: u32 = 20;
/// Maximum number of pending withdrawals, and of pending refunds.
pub const MAX_PENDING: u32 = 3;
/// Maximum number of pending withdrawals of one account.
pub const MAX_PENDING_PER_ACCOUNT: u32 = 2;
/// Blocks after which a mint proposal short of the quorum is dropped and an unpaid withdrawal
/// refunded (three retry intervals).
pub const TRANSACTION_TIMEOUT: u32 = 60;

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
    type Block = Block;
    type AccountData = pallet_balances::AccountData<u128>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
    type Balance = u128;
    type ExistentialDeposit = ConstU128<EXISTENTIAL_DEPOSIT>;
    type AccountStore = System;
}

impl pallet_tft_bridge::Config for Test {
    type RuntimeEvent = RuntimeEvent;
    type Currency = Balances;
    type Burn = ();
    type RestrictedOrigin = EnsureRoot<u64>;
    type RetryInterval = ConstU32<RETRY_INTERVAL>;
    type MaxPendingTransactions = ConstU32<MAX_PENDING>;
    type MaxPendingWithdrawalsPerAccount = ConstU32<MAX_PENDING_PER_ACCOUNT>;
    type TransactionTimeout = ConstU32<TRANSACTION_TIMEOUT>;
    type WeightInfo = ();
}

/// The genesis config of the tests.
pub fn genesis_config() -> pallet_tft_bridge::GenesisConfig<Test> {
    pallet_tft_bridge::GenesisConfig::<Test> {
        validator_accounts: Some(GENESIS_VALIDATORS.to_vec()),
        fee_account: Some(FEE_ACCOUNT),
        withdraw_fee: FEE,
        deposit_fee: FEE,
    }
}

/// Externalities at block 1 with [`genesis_config`] and the balance of [`USER`].
pub fn new_test_ext() -> sp_io::TestExternalities {
    let mut storage = frame_system::GenesisConfig::<Test>::default()
        .build_storage()
        .expect("frame_system genesis builds");
    pallet_balances::GenesisConfig::<Test> {
        balances: vec![(USER, USER_BALANCE), (OTHER_USER, USER_BALANCE)],
        ..Default::default()
    }
    .assimilate_storage(&mut storage)
    .expect("balances genesis builds");
    genesis_config()
        .assimilate_storage(&mut storage)
        .expect("bridge genesis builds");
    let mut ext = sp_io::TestExternalities::new(storage);
    ext.execute_with(|| System::set_block_number(1));
    ext
}

/// Run blocks up to and including `n`, with all the pallets' hooks.
pub fn run_to_block(n: u64) {
    System::run_to_block::<AllPalletsWithSystem>(n);
}
