//! Test runtime: frame_system and this pallet, with `AccountId32` accounts signing with
//! `MultiSignature` (as tfchain), Root as the restricted origin and Alice as the only validator
//! (the validator set is settable).
//!
//! Signed transactions of the offchain worker are `UncheckedExtrinsic`s without extensions whose
//! signature covers `(call, nonce)`; [`offchain_test_ext`] adds the offchain, transaction-pool
//! and keystore extensions the offchain worker needs.

use crate as pallet_tft_price;
use codec::Encode;
use core::cell::RefCell;
use frame_support::{derive_impl, traits::ValidatorSet};
use frame_system::{
    offchain::{AppCrypto, CreateSignedTransaction, CreateTransactionBase, SigningTypes},
    EnsureRoot,
};
use sp_core::{
    offchain::{
        testing::{OffchainState, PoolState, TestOffchainExt, TestTransactionPoolExt},
        OffchainDbExt, OffchainWorkerExt, TransactionPoolExt,
    },
    sr25519, Pair,
};
use sp_keystore::{testing::MemoryKeystore, Keystore, KeystoreExt};
use sp_runtime::{
    generic::UncheckedExtrinsic, traits::ConvertInto, traits::IdentityLookup, AccountId32,
    BuildStorage, MultiSignature, MultiSigner,
};
use std::sync::Arc;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
    pub enum Test {
        System: frame_system,
        TftPriceModule: pallet_tft_price,
    }
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
    type Block = Block;
    type AccountId = AccountId32;
    type Lookup = IdentityLookup<AccountId32>;
}

/// The extrinsics the offchain worker submits in the tests.
pub type Extrinsic = UncheckedExtrinsic<AccountId32, RuntimeCall, MultiSignature, ()>;

impl SigningTypes for Test {
    type Public = MultiSigner;
    type Signature = MultiSignature;
}

impl<LocalCall> CreateTransactionBase<LocalCall> for Test
where
    RuntimeCall: From<LocalCall>,
{
    type Extrinsic = Extrinsic;
    type RuntimeCall = RuntimeCall;
}

impl<LocalCall> CreateSignedTransaction<LocalCall> for Test
where
    RuntimeCall: From<LocalCall>,
{
    fn create_signed_transaction<C: AppCrypto<MultiSigner, MultiSignature>>(
        call: RuntimeCall,
        public: MultiSigner,
        account: AccountId32,
        nonce: u32,
    ) -> Option<Extrinsic> {
        let signature = C::sign(&signed_payload(&call, nonce), public)?;
        Some(Extrinsic::new_signed(call, account, signature, ()))
    }
}

/// What the test transactions sign: the call and the signer's nonce.
pub fn signed_payload(call: &RuntimeCall, nonce: u32) -> Vec<u8> {
    (call, nonce).encode()
}

thread_local! {
    static VALIDATORS: RefCell<Vec<AccountId32>> = RefCell::new(vec![alice()]);
}

/// Make `validators` the current validator set.
pub fn set_validators(validators: Vec<AccountId32>) {
    VALIDATORS.with(|v| *v.borrow_mut() = validators);
}

/// The validator set of the tests ([`set_validators`]).
pub struct MockValidators;

impl ValidatorSet<AccountId32> for MockValidators {
    type ValidatorId = AccountId32;
    type ValidatorIdOf = ConvertInto;

    fn session_index() -> u32 {
        0
    }

    fn validators() -> Vec<AccountId32> {
        VALIDATORS.with(|v| v.borrow().clone())
    }
}

impl pallet_tft_price::Config for Test {
    type RuntimeEvent = RuntimeEvent;
    type AuthorityId = pallet_tft_price::AuthId;
    type RestrictedOrigin = EnsureRoot<AccountId32>;
    type WeightInfo = ();
    type Validators = MockValidators;
}

/// The dev seed of Alice.
pub const ALICE: &str = "//Alice";
/// The dev seed of Bob.
pub const BOB: &str = "//Bob";
/// The dev seed of Charlie.
pub const CHARLIE: &str = "//Charlie";

/// The account of a dev seed such as `//Alice`.
pub fn account(seed: &str) -> AccountId32 {
    sr25519::Pair::from_string(seed, None)
        .expect("dev seeds are valid")
        .public()
        .into()
}

/// Alice: the validator of the tests.
pub fn alice() -> AccountId32 {
    account(ALICE)
}

/// Bob.
pub fn bob() -> AccountId32 {
    account(BOB)
}

/// Charlie.
pub fn charlie() -> AccountId32 {
    account(CHARLIE)
}

/// Minimum price of the tests' genesis (upstream's development value).
pub const GENESIS_MIN_PRICE: u32 = 10;
/// Maximum price of the tests' genesis (upstream's development value).
pub const GENESIS_MAX_PRICE: u32 = 1000;

/// The genesis config of the tests: min 10, max 1000 and no initial price, as upstream's mock.
pub fn genesis_config() -> pallet_tft_price::GenesisConfig<Test> {
    pallet_tft_price::GenesisConfig {
        min_tft_price: GENESIS_MIN_PRICE,
        max_tft_price: GENESIS_MAX_PRICE,
        ..Default::default()
    }
}

/// Externalities built from `genesis`, at block 1, with Alice as the only validator.
pub fn test_ext_with(genesis: pallet_tft_price::GenesisConfig<Test>) -> sp_io::TestExternalities {
    let mut storage = frame_system::GenesisConfig::<Test>::default()
        .build_storage()
        .expect("frame_system genesis builds");
    genesis
        .assimilate_storage(&mut storage)
        .expect("tft-price genesis builds");
    set_validators(vec![alice()]);
    let mut ext = sp_io::TestExternalities::new(storage);
    ext.execute_with(|| System::set_block_number(1));
    ext
}

/// Externalities with [`genesis_config`].
pub fn new_test_ext() -> sp_io::TestExternalities {
    test_ext_with(genesis_config())
}

/// Test externalities for the offchain worker, with the handles to its mocked world.
pub struct OffchainTestExt {
    /// The externalities.
    pub ext: sp_io::TestExternalities,
    /// The HTTP requests the offchain worker is expected to make, and their responses.
    pub offchain: Arc<parking_lot::RwLock<OffchainState>>,
    /// The transactions it submitted.
    pub pool: Arc<parking_lot::RwLock<PoolState>>,
}

/// [`new_test_ext`] plus offchain-worker, transaction-pool and keystore extensions; the
/// keystore holds the `aura` keys of `seeds`.
pub fn offchain_test_ext(seeds: &[&str]) -> OffchainTestExt {
    let mut ext = new_test_ext();
    let (offchain, offchain_state) = TestOffchainExt::new();
    let (pool, pool_state) = TestTransactionPoolExt::new();
    let keystore = MemoryKeystore::new();
    for seed in seeds {
        keystore
            .sr25519_generate_new(pallet_tft_price::crypto::KEY_TYPE, Some(seed))
            .expect("dev seeds give keys");
    }
    ext.register_extension(OffchainDbExt::new(offchain.clone()));
    ext.register_extension(OffchainWorkerExt::new(offchain));
    ext.register_extension(TransactionPoolExt::new(pool));
    ext.register_extension(KeystoreExt::new(keystore));
    OffchainTestExt {
        ext,
        offchain: offchain_state,
        pool: pool_state,
    }
}
