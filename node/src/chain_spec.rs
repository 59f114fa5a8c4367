//! The built-in chain specifications (`dev`, `local`) and loading of JSON ones.

use sc_chain_spec::{ChainType, Properties};
use sp_genesis_builder::{DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};
use tfchain_runtime::WASM_BINARY;

/// The chain specification type of tfchain: no extensions.
pub type ChainSpec = sc_service::GenericChainSpec;

/// Properties shown by wallets and explorers: TFT with 7 decimals, addresses in SS58 format 42.
fn properties() -> Properties {
    let mut properties = Properties::new();
    properties.insert("ss58Format".into(), tfchain_runtime::configs::SS58Prefix::get().into());
    properties.insert("tokenDecimals".into(), 7.into());
    properties.insert("tokenSymbol".into(), "TFT".into());
    properties
}

fn wasm_binary() -> Result<&'static [u8], String> {
    WASM_BINARY.ok_or_else(|| {
        "this tfchain was built without the runtime's wasm (SKIP_WASM_BUILD); rebuild without it"
            .to_string()
    })
}

/// A single-validator development chain: Alice authors and finalizes.
pub fn development_config() -> Result<ChainSpec, String> {
    Ok(ChainSpec::builder(wasm_binary()?, None)
        .with_name("Development")
        .with_id("dev")
        .with_chain_type(ChainType::Development)
        .with_genesis_config_preset_name(DEV_RUNTIME_PRESET)
        .with_properties(properties())
        .build())
}

/// A local two-validator network: Alice and Bob.
pub fn local_testnet_config() -> Result<ChainSpec, String> {
    Ok(ChainSpec::builder(wasm_binary()?, None)
        .with_name("TF Chain Local Testnet")
        .with_id("tfchain_local")
        .with_chain_type(ChainType::Local)
        .with_genesis_config_preset_name(LOCAL_TESTNET_RUNTIME_PRESET)
        .with_properties(properties())
        .build())
}

/// Resolves the `--chain` argument: `dev`, `local`, or the path of a JSON chain spec.
pub fn load(id: &str) -> Result<Box<dyn sc_service::ChainSpec>, String> {
    Ok(match id {
        "" | "dev" => Box::new(development_config()?),
        "local" => Box::new(local_testnet_config()?),
        path => {
            let spec = ChainSpec::from_json_file(std::path::PathBuf::from(path))
                .map_err(|e| format!("cannot load chain spec {path}: {e}"))?;
            Box::new(spec)
        },
    })
}
