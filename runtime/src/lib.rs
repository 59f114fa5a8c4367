//! The tfchain runtime: the ThreeFold Grid's state transition function.
//!
//! Pallet names and indices follow the public TFChain, so that existing clients keep working; the
//! TFChain pallets 25–30, 43 and 50 join at their upstream indices as they land.
#![cfg_attr(not(feature = "std"), no_std)]
#![recursion_limit = "256"]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

/// The pallets benchmarked by `tfchain benchmark pallet`: defines `list_benchmarks!` and
/// `add_benchmarks!` for `apis` (declared first, so that the macros are in scope there).
#[cfg(feature = "runtime-benchmarks")]
#[macro_use]
mod benchmarks {
    frame_benchmarking::define_benchmarks!(
        [frame_system, SystemBench::<Runtime>]
        [frame_system_extensions, SystemExtensionsBench::<Runtime>]
        [pallet_balances, Balances]
        [pallet_transaction_payment, TransactionPayment]
        [pallet_timestamp, Timestamp]
        [pallet_utility, Utility]
        [pallet_scheduler, Scheduler]
        [pallet_session, SessionBench::<Runtime>]
        [pallet_collective, Council]
        [pallet_membership, CouncilMembership]
        [pallet_validator_set, ValidatorSet]
        [pallet_tfgrid, TfgridModule]
        [pallet_smart_contract, SmartContractModule]
        [pallet_kvstore, TFKVStore]
        [pallet_dao, Dao]
        [pallet_tft_bridge, TFTBridgeModule]
        [pallet_tft_price, TFTPriceModule]
        [pallet_burning, BurningModule]
        [pallet_validator, Validator]
        [pallet_reputation, Reputation]
    );
}

mod apis;
pub use apis::RuntimeApi;
pub mod configs;
pub mod weights;
pub mod fees;
pub mod genesis_check;
pub mod genesis_config_presets;
mod offchain;
#[cfg(test)]
mod tests;

use alloc::{borrow::Cow, vec::Vec};
use frame_support::construct_runtime;
use sp_runtime::{
    generic, impl_opaque_keys,
    traits::{BlakeTwo256, IdentifyAccount, Verify},
    MultiAddress, MultiSignature,
};
use sp_version::RuntimeVersion;

pub use tfchain_support::constants::{currency::*, time::*};

/// Alias to 512-bit hash when used in the context of a transaction signature on the chain.
pub type Signature = MultiSignature;
/// An account on the chain: the public key behind a [`Signature`].
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;
/// The number of transactions an account has sent.
pub type Nonce = u32;
/// A hash of some data used by the chain.
pub type Hash = sp_core::H256;
/// How accounts are addressed in extrinsics.
pub type Address = MultiAddress<AccountId, ()>;
/// The block header.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
/// A block with the runtime's own extrinsic type.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;

/// The nine transaction extensions (signed extensions) of TFChain, in upstream order. Signers that
/// build the payload by hand (the Go client) depend on exactly this list.
pub type TxExtension = (
    frame_system::CheckNonZeroSender<Runtime>,
    frame_system::CheckSpecVersion<Runtime>,
    frame_system::CheckTxVersion<Runtime>,
    frame_system::CheckGenesis<Runtime>,
    frame_system::CheckEra<Runtime>,
    frame_system::CheckNonce<Runtime>,
    frame_system::CheckWeight<Runtime>,
    pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
    pallet_smart_contract::types::ContractIdProvides<Runtime>,
);

/// An extrinsic as it arrives from outside: unchecked, possibly signed.
pub type UncheckedExtrinsic =
    generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;
/// The payload a signer signs.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// A bare extrinsic (an inherent, or an unsigned transaction built in the runtime) in extrinsic format
/// version 4, the only version TFChain 2.9's blocks carry: polkadot.js 13 and older, and so Substrate API
/// Sidecar 18, cannot decode version 5. Every extrinsic that is not bare is returned unchanged.
pub fn bare_as_version_4(extrinsic: UncheckedExtrinsic) -> UncheckedExtrinsic {
    if matches!(extrinsic.preamble, generic::Preamble::Bare(_)) {
        UncheckedExtrinsic::new_bare_legacy(extrinsic.function)
    } else {
        extrinsic
    }
}

/// Storage migrations run at the next runtime upgrade (each is idempotent).
pub type Migrations = (pallet_smart_contract::migrations::InitBillingLoop<Runtime>,);

/// Dispatches blocks and extrinsics to the pallets.
pub type Executive = frame_executive::Executive<
    Runtime,
    Block,
    frame_system::ChainContext<Runtime>,
    Runtime,
    AllPalletsWithSystem,
    Migrations,
>;

/// Types the node needs without knowing the runtime's extrinsic format.
pub mod opaque {
    use super::*;
    pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

    /// The opaque block header.
    pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
    /// The opaque block.
    pub type Block = generic::Block<Header, UncheckedExtrinsic>;

    impl_opaque_keys! {
        /// A validator's session keys, in upstream order: Aura (sr25519) then GRANDPA (ed25519).
        pub struct SessionKeys {
            pub aura: Aura,
            pub grandpa: Grandpa,
        }
    }
}

/// The runtime's version. `spec_name` is the public TFChain's; clients check it.
#[sp_version::runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
    spec_name: Cow::Borrowed("substrate-threefold"),
    impl_name: Cow::Borrowed("substrate-threefold"),
    authoring_version: 1,
    spec_version: 200,
    impl_version: 1,
    apis: apis::RUNTIME_API_VERSIONS,
    transaction_version: 2,
    system_version: 1,
};


construct_runtime!(
    pub enum Runtime {
        System: frame_system = 0,
        Timestamp: pallet_timestamp = 1,
        Utility: pallet_utility = 3,
        Scheduler: pallet_scheduler = 4,

        ValidatorSet: pallet_validator_set = 10,
        Session: pallet_session = 11,
        Aura: pallet_aura = 12,
        Grandpa: pallet_grandpa = 13,
        Historical: pallet_session::historical = 14,
        Authorship: pallet_authorship = 15,

        Balances: pallet_balances = 20,
        TransactionPayment: pallet_transaction_payment = 21,

        TfgridModule: pallet_tfgrid = 25,
        SmartContractModule: pallet_smart_contract = 26,
        TFTBridgeModule: pallet_tft_bridge = 27,
        TFTPriceModule: pallet_tft_price = 28,
        BurningModule: pallet_burning = 29,
        TFKVStore: pallet_kvstore = 30,

        RuntimeUpgrade: pallet_runtime_upgrade = 31,
        Reputation: pallet_reputation = 32,

        Council: pallet_collective::<Instance1> = 40,
        CouncilMembership: pallet_membership::<Instance1> = 41,
        Dao: pallet_dao = 43,

        Validator: pallet_validator = 50,
    }
);
