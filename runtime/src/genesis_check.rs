//! Refuses, at genesis, a state in which contracts could be created but never billed or cancelled.
//!
//! Billing converts USD costs to TFT with the oracle price clamped between `minTftPrice` and
//! `maxTftPrice`, and prices resources with pricing policy 1. A chain spec that leaves out the
//! preset's `tftPriceModule` or `tfgridModule` keys starts with both bounds at 0 and no pricing
//! policy: every bill and every cancellation then fails. Such a chain spec is refused when its genesis
//! is built (`tfchain build-spec --raw`, or the first start of a node on a plain JSON chain spec),
//! with a message that names the missing keys.

use crate::RuntimeGenesisConfig;
use alloc::{format, string::String};
use frame_support::traits::BuildGenesisConfig;

/// A genesis config the chain cannot bill with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GenesisBuildError {
    /// The lower bound of the billing price is 0.
    NoMinTftPrice,
    /// The upper bound of the billing price is not above the lower bound.
    MaxTftPriceNotAboveMin {
        /// `minTftPrice`, mUSD per TFT.
        min: u32,
        /// `maxTftPrice`, mUSD per TFT.
        max: u32,
    },
    /// No foundation or sales account, so no pricing policy 1.
    NoPricingPolicy,
}

/// Deserialize a full genesis config, check it, and build its storage.
pub fn build_checked_state(json: &[u8]) -> Result<(), String> {
    let config: RuntimeGenesisConfig =
        serde_json::from_slice(json).map_err(|e| format!("Invalid JSON blob: {e}"))?;
    check(&config).map_err(|error| format!("refusing this genesis: {error}"))?;
    <RuntimeGenesisConfig as BuildGenesisConfig>::build(&config);
    Ok(())
}

/// Why a genesis config cannot run the grid's billing, if it cannot.
pub fn check(config: &RuntimeGenesisConfig) -> Result<(), GenesisBuildError> {
    let price = &config.tft_price_module;
    if price.min_tft_price == 0 {
        return Err(GenesisBuildError::NoMinTftPrice);
    }
    if price.max_tft_price <= price.min_tft_price {
        return Err(GenesisBuildError::MaxTftPriceNotAboveMin {
            min: price.min_tft_price,
            max: price.max_tft_price,
        });
    }
    let grid = &config.tfgrid_module;
    if grid.foundation_account.is_none() || grid.sales_account.is_none() {
        return Err(GenesisBuildError::NoPricingPolicy);
    }
    Ok(())
}

impl core::fmt::Display for GenesisBuildError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            Self::NoMinTftPrice => f.write_str(
                "tftPriceModule.minTftPrice is 0 (or missing): billing could never convert a USD \
                 cost to TFT; set minTftPrice and maxTftPrice (mUSD per TFT, e.g. 10 and 1000)",
            ),
            Self::MaxTftPriceNotAboveMin { min, max } => write!(
                f,
                "tftPriceModule.maxTftPrice ({max}) must be above minTftPrice ({min}); the \
                 billing price is clamped between them"
            ),
            Self::NoPricingPolicy => f.write_str(
                "tfgridModule.foundationAccount and tfgridModule.salesAccount must both be set: \
                 without them pricing policy 1 is not created and no contract can be billed",
            ),
        }
    }
}
