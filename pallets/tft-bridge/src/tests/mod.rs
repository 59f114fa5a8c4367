//! Unit tests of pallet-tft-bridge, split by concern. Every test runs through [`run`], which
//! checks the pallet's invariants ([`TFTBridgeModule::do_try_state`]) after the test body.

mod burn;
mod burn_signatures;
mod encoding;
mod expiry;
mod fees;
mod genesis;
mod invariants;
mod mint;
mod refund;
mod stellar;
mod validators;
mod weights;

use crate::{mock::*, types::*, Event as BridgeEvent, Validators};
use frame_support::{assert_ok, traits::Get, BoundedVec};

/// A valid Stellar account address (the USDC issuer).
pub const STELLAR_ADDRESS: &[u8] = b"GA5ZSEJYB37JRC5AVCIA5MOP4RHTM335X2KGX3IHOJAPP5RE34K4KZVN";
/// Another valid Stellar account address (the TFT issuer).
pub const OTHER_STELLAR_ADDRESS: &[u8] =
    b"GBOVQKJYHXRR3DX6NOX2RRYFRCUMSADGDESTDNBDS6CDVLGVESRTAC47";
/// The quorum of the genesis bridge validators (4 validators).
pub const QUORUM: usize = 3;

/// Run `test` in fresh externalities, then check the pallet's invariants.
pub fn run(test: impl FnOnce()) {
    new_test_ext().execute_with(|| {
        test();
        TFTBridgeModule::do_try_state().expect("bridge invariants hold");
    });
}

/// Bytes into any bounded vector (panics if too long: test inputs only).
pub fn b<S: Get<u32>>(bytes: &[u8]) -> BoundedVec<u8, S> {
    BoundedVec::try_from(bytes.to_vec()).expect("test input fits its bound")
}

/// The events this pallet deposited, in order.
pub fn bridge_events() -> Vec<BridgeEvent<Test>> {
    System::events()
        .into_iter()
        .filter_map(|record| match record.event {
            RuntimeEvent::TFTBridgeModule(event) => Some(event),
            _ => None,
        })
        .collect()
}

/// The last event this pallet deposited.
pub fn last_event() -> BridgeEvent<Test> {
    bridge_events().pop().expect("an event was deposited")
}

/// The bridge validators, sorted.
pub fn validators() -> Vec<u64> {
    Validators::<Test>::get().into_inner()
}

/// The free balance of `who`.
pub fn balance(who: u64) -> u128 {
    Balances::free_balance(who)
}

/// The signature bridge validator `validator` makes of a payment, with its own Stellar key.
pub fn signature_of(validator: u64) -> StellarSignature {
    StellarSignature {
        signature: b(format!("signature-of-{validator}").as_bytes()),
        stellar_pub_key: b(format!("stellar-key-of-{validator}").as_bytes()),
    }
}

/// A Stellar deposit id.
pub fn tx_id(name: &str) -> TxId {
    b(name.as_bytes())
}

/// `validator` votes for minting `amount` to `target` for deposit `tx`.
pub fn vote(validator: u64, tx: &str, target: u64, amount: u64) -> sp_runtime::DispatchResult {
    TFTBridgeModule::propose_or_vote_mint_transaction(
        RuntimeOrigin::signed(validator),
        tx_id(tx).into_inner(),
        target,
        amount,
    )
    .map(|_| ())
    .map_err(|error| error.error)
}

/// [`USER`] withdraws `amount` to [`STELLAR_ADDRESS`]; returns the withdrawal id.
pub fn swap(amount: u128) -> u64 {
    assert_ok!(TFTBridgeModule::swap_to_stellar(
        RuntimeOrigin::signed(USER),
        STELLAR_ADDRESS.to_vec(),
        amount
    ));
    crate::BurnTransactionID::<Test>::get()
}

/// `who` withdraws `amount` to [`STELLAR_ADDRESS`].
pub fn swap_of(who: u64, amount: u128) -> sp_runtime::DispatchResult {
    TFTBridgeModule::swap_to_stellar(RuntimeOrigin::signed(who), STELLAR_ADDRESS.to_vec(), amount)
}

/// `validator` signs the payment of withdrawal `id` of `amount` to [`STELLAR_ADDRESS`].
pub fn sign_burn(validator: u64, id: u64, amount: u64) -> sp_runtime::DispatchResult {
    let signature = signature_of(validator);
    TFTBridgeModule::propose_burn_transaction_or_add_sig(
        RuntimeOrigin::signed(validator),
        id,
        STELLAR_ADDRESS.to_vec(),
        amount,
        signature.signature.into_inner(),
        signature.stellar_pub_key.into_inner(),
        7,
    )
    .map(|_| ())
    .map_err(|error| error.error)
}

/// `validator` signs the refund of deposit `tx` of `amount` to [`STELLAR_ADDRESS`].
pub fn sign_refund(validator: u64, tx: &str, amount: u64) -> sp_runtime::DispatchResult {
    let signature = signature_of(validator);
    TFTBridgeModule::create_refund_transaction_or_add_sig(
        RuntimeOrigin::signed(validator),
        tx_id(tx).into_inner(),
        STELLAR_ADDRESS.to_vec(),
        amount,
        signature.signature.into_inner(),
        signature.stellar_pub_key.into_inner(),
        9,
    )
    .map(|_| ())
    .map_err(|error| error.error)
}
