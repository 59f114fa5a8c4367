//! Genesis presets of the runtime: `development` (one validator, Alice) and `local_testnet` (Alice
//! and Bob). The node's `dev` and `local` chain specs are built from them.

use crate::{opaque::SessionKeys, AccountId, Balance};
use alloc::{vec, vec::Vec};
use pallet_grandpa::AuthorityId as GrandpaId;
use serde_json::{json, Value};
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_genesis_builder::{PresetId, DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

/// What each pre-funded development account holds: 2^60 units (about 115 billion TFT).
pub const ENDOWMENT: Balance = 1 << 60;

/// A validator at genesis: its account and its session keys.
struct GenesisValidator {
    account: AccountId,
    aura: AuraId,
    grandpa: GrandpaId,
}

impl GenesisValidator {
    fn from_keyring(sr25519: Sr25519Keyring, ed25519: Ed25519Keyring) -> Self {
        Self {
            account: sr25519.to_account_id(),
            aura: sr25519.public().into(),
            grandpa: ed25519.public().into(),
        }
    }
}

/// The genesis state as a JSON patch over the default `RuntimeGenesisConfig`.
fn genesis(
    validators: Vec<GenesisValidator>,
    endowed: Vec<AccountId>,
    council: Vec<AccountId>,
    bridge_validator: AccountId,
    billing_frequency: u64,
) -> Value {
    let foundation = Sr25519Keyring::Eve.to_account_id();
    let certified_sales = Sr25519Keyring::Ferdie.to_account_id();
    let session_keys: Vec<_> = validators
        .iter()
        .map(|v| {
            (
                v.account.clone(),
                v.account.clone(),
                SessionKeys { aura: v.aura.clone(), grandpa: v.grandpa.clone() },
            )
        })
        .collect();
    let initial_validators: Vec<_> = validators.iter().map(|v| v.account.clone()).collect();
    let balances: Vec<_> = endowed
        .into_iter()
        .chain([bridge_validator.clone()])
        .map(|account| (account, ENDOWMENT))
        .collect();
    json!({
        "balances": { "balances": balances },
        "validatorSet": { "initialValidators": initial_validators },
        "session": { "keys": session_keys },
        "councilMembership": { "members": council },
        "tfgridModule": tfgrid_genesis(foundation, certified_sales.clone()),
        "smartContractModule": { "billingFrequency": billing_frequency },
        // Prices in mUSD per TFT: billing works without a price feed from the first block.
        "tftPriceModule": { "minTftPrice": 10, "maxTftPrice": 1_000, "tftPrice": 50 },
        "tftBridgeModule": {
            "validatorAccounts": [bridge_validator],
            "feeAccount": certified_sales,
            "withdrawFee": 10_000_000,
            "depositFee": 10_000_000,
        },
    })
}

/// The default pricing policy (prices in units of 10^-7 USD per hour, unit 4 = gigabytes), the
/// DIY and certified farming policies and the connection price of new nodes, as on TFChain's
/// development chains.
fn tfgrid_genesis(foundation: AccountId, certified_sales: AccountId) -> Value {
    json!({
        "suPriceValue": 50_000, "suPriceUnit": 4,
        "nuPriceValue": 15_000, "nuPriceUnit": 4,
        "ipuPriceValue": 40_000, "ipuPriceUnit": 4,
        "cuPriceValue": 100_000, "cuPriceUnit": 4,
        "domainNamePriceValue": 5_000,
        "uniqueNamePriceValue": 2_500,
        "foundationAccount": foundation,
        "salesAccount": certified_sales,
        "discountForDedicationNodes": 50,
        "farmingPolicyDiyCu": 2_400,
        "farmingPolicyDiyNu": 30,
        "farmingPolicyDiySu": 1_000,
        "farmingPolicyDiyIpu": 5,
        "farmingPolicyDiyMinimalUptime": 95,
        "farmingPolicyCertifiedCu": 3_000,
        "farmingPolicyCertifiedNu": 38,
        "farmingPolicyCertifiedSu": 1_250,
        "farmingPolicyCertifiedIpu": 6,
        "farmingPolicyCertifiedMinimalUptime": 95,
        "connectionPrice": 80,
    })
}

/// Bridge key 1 of TFChain's development chains ("quarter between satisfy …") as sr25519, the
/// bridge validator of the `development` preset.
fn bridge_key_sr25519() -> AccountId {
    AccountId::new([
        104, 170, 218, 135, 54, 173, 148, 11, 45, 126, 19, 216, 104, 100, 17, 178, 160, 239, 202, 63,
        142, 246, 194, 10, 172, 37, 138, 213, 123, 95, 105, 42,
    ])
}

/// The same bridge key as ed25519, the bridge validator of the `local_testnet` preset.
fn bridge_key_ed25519() -> AccountId {
    AccountId::new([
        240, 179, 171, 144, 145, 160, 110, 29, 174, 193, 63, 64, 168, 251, 225, 162, 9, 12, 29, 169,
        223, 246, 162, 185, 116, 59, 210, 24, 249, 70, 169, 31,
    ])
}

/// One validator (Alice); Alice, Bob, their stash accounts and the bridge validator funded; council
/// Alice and Bob; contracts billed every 10 blocks.
fn development() -> Value {
    genesis(
        vec![GenesisValidator::from_keyring(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
        vec![
            Sr25519Keyring::Alice.to_account_id(),
            Sr25519Keyring::Bob.to_account_id(),
            Sr25519Keyring::AliceStash.to_account_id(),
            Sr25519Keyring::BobStash.to_account_id(),
        ],
        vec![Sr25519Keyring::Alice.to_account_id(), Sr25519Keyring::Bob.to_account_id()],
        bridge_key_sr25519(),
        10,
    )
}

/// Two validators (Alice, Bob); the six well-known accounts, their stashes and the bridge validator
/// funded; council Alice and Bob; contracts billed every 5 blocks.
fn local_testnet() -> Value {
    genesis(
        vec![
            GenesisValidator::from_keyring(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
            GenesisValidator::from_keyring(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
        ],
        Sr25519Keyring::iter()
            .filter(|k| !matches!(k, Sr25519Keyring::One | Sr25519Keyring::Two))
            .map(|k| k.to_account_id())
            .collect(),
        vec![Sr25519Keyring::Alice.to_account_id(), Sr25519Keyring::Bob.to_account_id()],
        bridge_key_ed25519(),
        5,
    )
}

/// The JSON of the preset called `id`, if there is one.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
    let patch = match id.as_ref() {
        DEV_RUNTIME_PRESET => development(),
        LOCAL_TESTNET_RUNTIME_PRESET => local_testnet(),
        _ => return None,
    };
    Some(
        serde_json::to_string(&patch)
            .expect("serializing a json::Value into a string cannot fail; qed")
            .into_bytes(),
    )
}

/// The names of the presets this runtime provides.
pub fn preset_names() -> Vec<PresetId> {
    vec![PresetId::from(DEV_RUNTIME_PRESET), PresetId::from(LOCAL_TESTNET_RUNTIME_PRESET)]
}
