//! Unit tests of pallet-tft-price, split by concern. Every test runs through [`run`] (or checks
//! the invariants itself), which checks the pallet's invariants
//! ([`TftPriceModule::do_try_state`]) after the test body.

mod average;
mod genesis;
mod horizon;
mod invariants;
mod limits;
mod offchain;
mod provider;
mod set_prices;

use crate::{mock::*, Event as PriceEvent};
use frame_support::assert_ok;

/// Run `test` in fresh externalities ([`new_test_ext`]), then check the invariants.
pub fn run(test: impl FnOnce()) {
    new_test_ext().execute_with(|| {
        test();
        TftPriceModule::do_try_state().expect("price invariants hold");
    });
}

/// The events this pallet deposited, in order.
pub fn price_events() -> Vec<PriceEvent<Test>> {
    System::events()
        .into_iter()
        .filter_map(|record| match record.event {
            RuntimeEvent::TftPriceModule(event) => Some(event),
            _ => None,
        })
        .collect()
}

/// Report `price` for `block` as Alice, the only validator, in the next block (where the
/// offchain worker's report after `block` lands).
pub fn report(price: u32, block: u64) {
    System::set_block_number(block + 1);
    assert_ok!(TftPriceModule::set_prices(
        RuntimeOrigin::signed(alice()),
        price,
        block
    ));
}

/// Fill the whole price history with `price`, as a day of reports would.
pub fn fill_history(price: u32) {
    for _ in 0..crate::types::HISTORY_LENGTH {
        crate::ringbuffer::PriceHistory::<Test>::push(price);
    }
    crate::AverageTftPrice::<Test>::put(price);
    crate::TftPrice::<Test>::put(price);
}

/// A path-search answer of Stellar Horizon with three quotes for 100 TFT; the cheapest,
/// 3.2987654 USDC, makes the price 33 mUSD per TFT.
pub const SAMPLE_RESPONSE: &str = r#"{
  "_links": {"self": {"href": "https://horizon.stellar.org/paths/strict-receive"}},
  "_embedded": {
    "records": [
      {
        "source_asset_type": "credit_alphanum4",
        "source_asset_code": "USDC",
        "source_asset_issuer": "GA5ZSEJYB37JRC5AVCIA5MOP4RHTM335X2KGX3IHOJAPP5RE34K4KZVN",
        "source_amount": "3.3512410",
        "destination_asset_type": "credit_alphanum4",
        "destination_asset_code": "TFT",
        "destination_asset_issuer": "GBOVQKJYHXRR3DX6NOX2RRYFRCUMSADGDESTDNBDS6CDVLGVESRTAC47",
        "destination_amount": "100.0000000",
        "path": [{"asset_type": "native"}]
      },
      {
        "source_asset_type": "credit_alphanum4",
        "source_asset_code": "USDC",
        "source_asset_issuer": "GA5ZSEJYB37JRC5AVCIA5MOP4RHTM335X2KGX3IHOJAPP5RE34K4KZVN",
        "source_amount": "3.2987654",
        "destination_asset_type": "credit_alphanum4",
        "destination_asset_code": "TFT",
        "destination_asset_issuer": "GBOVQKJYHXRR3DX6NOX2RRYFRCUMSADGDESTDNBDS6CDVLGVESRTAC47",
        "destination_amount": "100.0000000",
        "path": []
      },
      {
        "source_asset_type": "credit_alphanum4",
        "source_asset_code": "USDC",
        "source_asset_issuer": "GA5ZSEJYB37JRC5AVCIA5MOP4RHTM335X2KGX3IHOJAPP5RE34K4KZVN",
        "source_amount": "3.4000000",
        "destination_asset_type": "credit_alphanum4",
        "destination_asset_code": "TFT",
        "destination_asset_issuer": "GBOVQKJYHXRR3DX6NOX2RRYFRCUMSADGDESTDNBDS6CDVLGVESRTAC47",
        "destination_amount": "100.0000000",
        "path": [{"asset_type": "native"}, {"asset_type": "credit_alphanum4", "asset_code": "EURC"}]
      }
    ]
  }
}"#;
