//! Test runtime: frame_system and this pallet, with `AccountId32` accounts as on tfchain.

use crate as pallet_kvstore;
use frame_support::derive_impl;
use sp_core::{sr25519, Pair};
use sp_runtime::{traits::IdentityLookup, AccountId32, BuildStorage};

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
    pub enum Test {
        System: frame_system,
        TFKVStore: pallet_kvstore,
    }
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
    type Block = Block;
    type AccountId = AccountId32;
    type Lookup = IdentityLookup<AccountId32>;
}

impl pallet_kvstore::Config for Test {
    type RuntimeEvent = RuntimeEvent;
    type WeightInfo = ();
}

/// The account of a dev seed such as `//Alice`.
pub fn account(seed: &str) -> AccountId32 {
    sr25519::Pair::from_string(seed, None)
        .expect("dev seeds are valid")
        .public()
        .into()
}

/// Alice.
pub fn alice() -> AccountId32 {
    account("//Alice")
}

/// Bob.
pub fn bob() -> AccountId32 {
    account("//Bob")
}

/// Empty externalities at block 1 (so that events are recorded).
pub fn new_test_ext() -> sp_io::TestExternalities {
    let storage = frame_system::GenesisConfig::<Test>::default()
        .build_storage()
        .expect("frame_system genesis builds");
    let mut ext = sp_io::TestExternalities::new(storage);
    ext.execute_with(|| System::set_block_number(1));
    ext
}
