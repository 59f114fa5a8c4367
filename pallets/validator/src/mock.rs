//! Test runtime: this pallet wired, as on tfchain, to the real `ValidatorSet`, `Session` and
//! council `pallet_membership` (instance 1) pallets through the adapters below. Root stands for
//! a council decision.
//!
//! Accounts: validators 1 and 2 author blocks from genesis; 100 and 101 sit on the council;
//! candidate `c` in [`CANDIDATES`] uses node account `c + 1` (or the alternative `c + 101`) and
//! stash `c + 2`. Every node account has session keys from genesis, so it authors blocks once it
//! is in the validator set.

use crate as pallet_validator;
use frame_support::{
    derive_impl,
    traits::{ConstU32, ConstU64},
    BoundedVec,
};
use frame_system::EnsureRoot;
use sp_runtime::{testing::UintAuthorityId, BuildStorage, DispatchResult};

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
    pub enum Test {
        System: frame_system,
        Balances: pallet_balances,
        // Before Session: Session's genesis asks it for the first validators.
        ValidatorSet: pallet_validator_set,
        Session: pallet_session,
        CouncilMembership: pallet_membership::<Instance1>,
        Validator: pallet_validator,
    }
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
    type Block = Block;
    type AccountData = pallet_balances::AccountData<u64>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
    type AccountStore = System;
}

/// Blocks per session.
pub const SESSION_PERIOD: u64 = 5;
/// Validators authoring blocks from genesis.
pub const GENESIS_VALIDATORS: [u64; 2] = [1, 2];
/// Council members from genesis.
pub const COUNCIL: [u64; 2] = [100, 101];
/// Accounts that make validator requests in the tests.
pub const CANDIDATES: [u64; 3] = [10, 20, 30];
/// Maximum number of consensus validators.
pub const MAX_VALIDATORS: u32 = 10;

impl pallet_validator_set::Config for Test {
    type RuntimeEvent = RuntimeEvent;
    type AddRemoveOrigin = EnsureRoot<u64>;
    type MinAuthorities = ConstU32<1>;
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
    type SessionManager = ValidatorSet;
    type SessionHandler = pallet_session::TestSessionHandler;
    type Keys = UintAuthorityId;
    type DisablingStrategy = pallet_session::disabling::UpToLimitDisablingStrategy;
    type WeightInfo = ();
    type Currency = Balances;
    type KeyDeposit = ConstU64<0>;
}

impl pallet_membership::Config<pallet_membership::Instance1> for Test {
    type RuntimeEvent = RuntimeEvent;
    type AddOrigin = EnsureRoot<u64>;
    type RemoveOrigin = EnsureRoot<u64>;
    type SwapOrigin = EnsureRoot<u64>;
    type ResetOrigin = EnsureRoot<u64>;
    type PrimeOrigin = EnsureRoot<u64>;
    type MembershipInitialized = ();
    type MembershipChanged = ();
    type MaxMembers = ConstU32<10>;
    type WeightInfo = ();
}

/// The validator set of this runtime, changed with Root origin (as the tfchain runtime does).
/// Removing an account that is neither in the set nor approved is not an error.
pub struct ValidatorSetAdapter;

impl crate::ConsensusValidators<u64> for ValidatorSetAdapter {
    fn add_validator(who: &u64) -> DispatchResult {
        ValidatorSet::add_validator(RuntimeOrigin::root(), *who)
    }

    fn remove_validator(who: &u64) -> DispatchResult {
        match ValidatorSet::remove_validator(RuntimeOrigin::root(), *who) {
            Err(error)
                if error == pallet_validator_set::Error::<Test>::ValidatorNotApproved.into() =>
            {
                Ok(())
            }
            result => result,
        }
    }
}

/// The council membership of this runtime, changed with Root origin.
pub struct CouncilAdapter;

impl crate::CouncilMembership<u64> for CouncilAdapter {
    fn is_member(who: &u64) -> bool {
        pallet_membership::Members::<Test, pallet_membership::Instance1>::get().contains(who)
    }

    fn add_member(who: &u64) -> DispatchResult {
        CouncilMembership::add_member(RuntimeOrigin::root(), *who)
            .map(|_| ())
            .map_err(|e| e.error)
    }

    fn remove_member(who: &u64) -> DispatchResult {
        CouncilMembership::remove_member(RuntimeOrigin::root(), *who)
            .map(|_| ())
            .map_err(|e| e.error)
    }
}

impl pallet_validator::Config for Test {
    type RuntimeEvent = RuntimeEvent;
    type CouncilOrigin = EnsureRoot<u64>;
    type ConsensusValidators = ValidatorSetAdapter;
    type CouncilMembership = CouncilAdapter;
    type WeightInfo = ();
}

/// The node account of candidate `candidate`.
pub fn node_of(candidate: u64) -> u64 {
    candidate + 1
}

/// The alternative node account of candidate `candidate`.
pub fn alt_node_of(candidate: u64) -> u64 {
    candidate + 101
}

/// The stash account of candidate `candidate`.
pub fn stash_of(candidate: u64) -> u64 {
    candidate + 2
}

/// Externalities at block 1 with the accounts described in the module documentation.
pub fn new_test_ext() -> sp_io::TestExternalities {
    let mut storage = frame_system::GenesisConfig::<Test>::default()
        .build_storage()
        .expect("frame_system genesis builds");
    pallet_validator_set::GenesisConfig::<Test> {
        initial_validators: GENESIS_VALIDATORS.to_vec(),
    }
    .assimilate_storage(&mut storage)
    .expect("validator set genesis builds");
    let keys = |accounts: &[u64]| -> Vec<(u64, u64, UintAuthorityId)> {
        accounts
            .iter()
            .map(|a| (*a, *a, UintAuthorityId(*a)))
            .collect()
    };
    let nodes: Vec<u64> = CANDIDATES
        .iter()
        .flat_map(|c| [node_of(*c), alt_node_of(*c)])
        .collect();
    pallet_session::GenesisConfig::<Test> {
        keys: keys(&GENESIS_VALIDATORS),
        non_authority_keys: keys(&nodes),
    }
    .assimilate_storage(&mut storage)
    .expect("session genesis builds");
    pallet_membership::GenesisConfig::<Test, pallet_membership::Instance1> {
        members: BoundedVec::try_from(COUNCIL.to_vec()).expect("council fits"),
        phantom: Default::default(),
    }
    .assimilate_storage(&mut storage)
    .expect("council genesis builds");
    let mut ext = sp_io::TestExternalities::new(storage);
    ext.execute_with(|| System::set_block_number(1));
    ext
}

/// Run blocks up to and including `n`, with all the pallets' hooks.
pub fn run_to_block(n: u64) {
    System::run_to_block::<AllPalletsWithSystem>(n);
}
