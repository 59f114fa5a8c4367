//! Test runtime: frame_system, pallet_balances (for the session key deposit), this pallet,
//! pallet_session and pallet_session::historical, wired the way the tfchain runtime wires them.

use crate as pallet_validator_set;
use frame_support::{
    derive_impl,
    traits::{ConstU32, ConstU64},
};
use frame_system::EnsureRoot;
use pallet_session::historical as pallet_session_historical;
use sp_runtime::{testing::UintAuthorityId, traits::Convert, BuildStorage, Perbill};
use sp_staking::{offence::Offence, SessionIndex};

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
    pub enum Test {
        System: frame_system,
        Balances: pallet_balances,
        // Before Session: its genesis must be built first, since Session's genesis asks it for
        // the first validators.
        ValidatorSet: pallet_validator_set,
        Session: pallet_session,
        Historical: pallet_session_historical,
    }
);

/// Minimum number of validators in the mock.
pub const MIN_AUTHORITIES: u32 = 2;
/// Maximum number of validators in the mock.
pub const MAX_VALIDATORS: u32 = 6;
/// Blocks per session in the mock.
pub const SESSION_PERIOD: u64 = 5;
/// Accounts that hold session keys from genesis, so they can be active validators.
pub const KEYED_ACCOUNTS: [u64; 6] = [1, 2, 3, 4, 5, 6];

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
    type Block = Block;
    type AccountData = pallet_balances::AccountData<u64>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
    type AccountStore = System;
}

impl pallet_validator_set::Config for Test {
    type RuntimeEvent = RuntimeEvent;
    type AddRemoveOrigin = EnsureRoot<u64>;
    type MinAuthorities = ConstU32<MIN_AUTHORITIES>;
    type MaxValidators = ConstU32<MAX_VALIDATORS>;
    type WeightInfo = ();
}

type Sessions = pallet_session::PeriodicSessions<ConstU64<SESSION_PERIOD>, ConstU64<0>>;

impl pallet_session::Config for Test {
    type RuntimeEvent = RuntimeEvent;
    type ValidatorId = u64;
    type ValidatorIdOf = pallet_validator_set::ValidatorOf<Test>;
    type ShouldEndSession = Sessions;
    type NextSessionRotation = Sessions;
    type SessionManager = pallet_session_historical::NoteHistoricalRoot<Test, ValidatorSet>;
    type SessionHandler = pallet_session::TestSessionHandler;
    type Keys = UintAuthorityId;
    type DisablingStrategy = pallet_session::disabling::UpToLimitDisablingStrategy;
    type WeightInfo = ();
    type Currency = Balances;
    type KeyDeposit = ConstU64<0>;
}

/// Session keys for the session benchmarks: a fresh `UintAuthorityId` per call (the mock's
/// keys accept any proof).
#[cfg(feature = "runtime-benchmarks")]
impl pallet_validator_set::session_benchmarking::Config for Test {
    fn generate_session_keys_and_proof(_owner: u64) -> (UintAuthorityId, Vec<u8>) {
        use core::sync::atomic::{AtomicU64, Ordering};
        static NEXT_KEY: AtomicU64 = AtomicU64::new(1_000_000);
        (UintAuthorityId(NEXT_KEY.fetch_add(1, Ordering::Relaxed)), Vec::new())
    }
}

/// The full identification of a validator is `()`, as on tfchain.
pub struct UnitIdentification;

impl Convert<u64, Option<()>> for UnitIdentification {
    fn convert(_validator: u64) -> Option<()> {
        Some(())
    }
}

impl pallet_session_historical::Config for Test {
    type RuntimeEvent = RuntimeEvent;
    type FullIdentification = ();
    type FullIdentificationOf = UnitIdentification;
}

/// A minimal offence committed by the given `(validator, ())` offenders.
pub struct TestOffence(pub Vec<(u64, ())>);

impl Offence<(u64, ())> for TestOffence {
    const ID: sp_staking::offence::Kind = *b"test:offence____";
    type Slot = u64;

    fn offenders(&self) -> Vec<(u64, ())> {
        self.0.clone()
    }

    fn session_index(&self) -> SessionIndex {
        0
    }

    fn validator_set_count(&self) -> u32 {
        0
    }

    fn slot(&self) -> u64 {
        0
    }

    fn slash_fraction(&self, _offenders_count: u32) -> Perbill {
        Perbill::zero()
    }
}

/// Storage for the given initial validators, with session keys for every keyed account.
pub fn genesis_storage(initial_validators: Vec<u64>) -> sp_runtime::Storage {
    let mut storage = frame_system::GenesisConfig::<Test>::default()
        .build_storage()
        .expect("frame_system genesis builds");
    pallet_validator_set::GenesisConfig::<Test> {
        initial_validators: initial_validators.clone(),
    }
    .assimilate_storage(&mut storage)
    .expect("validator set genesis builds");
    let keys = |accounts: Vec<u64>| -> Vec<(u64, u64, UintAuthorityId)> {
        accounts
            .into_iter()
            .map(|a| (a, a, UintAuthorityId(a)))
            .collect()
    };
    let (authorities, others): (Vec<u64>, Vec<u64>) = KEYED_ACCOUNTS
        .iter()
        .partition(|a| initial_validators.contains(a));
    pallet_session::GenesisConfig::<Test> {
        keys: keys(authorities),
        non_authority_keys: keys(others),
    }
    .assimilate_storage(&mut storage)
    .expect("session genesis builds");
    storage
}

/// Externalities with validators 1, 2 and 3, at block 1 (so that events are recorded).
pub fn new_test_ext() -> sp_io::TestExternalities {
    new_test_ext_with(vec![1, 2, 3])
}

/// Externalities with the given initial validators, at block 1.
pub fn new_test_ext_with(initial_validators: Vec<u64>) -> sp_io::TestExternalities {
    let mut ext = sp_io::TestExternalities::new(genesis_storage(initial_validators));
    ext.execute_with(|| System::set_block_number(1));
    ext
}

/// The validators stored by this pallet.
pub fn validators() -> Vec<u64> {
    pallet_validator_set::Validators::<Test>::get().into_inner()
}

/// The approved validators stored by this pallet.
pub fn approved() -> Vec<u64> {
    pallet_validator_set::ApprovedValidators::<Test>::get().into_inner()
}

/// The validators marked offline.
pub fn offline() -> Vec<u64> {
    pallet_validator_set::OfflineValidators::<Test>::get().into_inner()
}

/// Run blocks up to and including `n`, with all the pallets' hooks.
pub fn run_to_block(n: u64) {
    System::run_to_block::<AllPalletsWithSystem>(n);
}
