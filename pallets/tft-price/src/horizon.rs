//! The price source: Stellar Horizon's strict-receive path search, which quotes how many USDC
//! buy [`QUOTED_TFT`] TFT on the Stellar DEX. The TFT price is the cheapest quote divided by
//! [`QUOTED_TFT`].
//!
//! Parsing is pure (no offchain I/O) so that it can be tested on its own; the offchain worker
//! only performs the request ([`crate::offchain`]).

use alloc::vec::Vec;

/// The path search for the cheapest USDC payment that delivers 100 TFT.
pub const PRICE_URL: &str = "https://horizon.stellar.org/paths/strict-receive?source_assets=USDC%3AGA5ZSEJYB37JRC5AVCIA5MOP4RHTM335X2KGX3IHOJAPP5RE34K4KZVN&destination_asset_type=credit_alphanum4&destination_asset_issuer=GBOVQKJYHXRR3DX6NOX2RRYFRCUMSADGDESTDNBDS6CDVLGVESRTAC47&destination_asset_code=TFT&destination_amount=100";

/// The TFT amount [`PRICE_URL`] asks quotes for.
pub const QUOTED_TFT: u32 = 100;

/// The TFT price in mUSD from a price-source response: `None` unless the status is 200 and
/// the body holds at least one valid quote. The cheapest quote, in mUSD for [`QUOTED_TFT`] TFT,
/// is divided by [`QUOTED_TFT`] and rounded half up.
pub fn tft_price_from_response(status: u16, body: &[u8]) -> Option<u32> {
    if status != 200 {
        return None;
    }
    let quote = parse_lowest_price_from_request(body)?;
    let price = (u64::from(quote) + u64::from(QUOTED_TFT / 2)) / u64::from(QUOTED_TFT);
    u32::try_from(price).ok()
}

/// The cheapest quote of a path-search response, in mUSD for [`QUOTED_TFT`] TFT: the minimum
/// `_embedded.records[*].source_amount`, in thousandths rounded half up. `None` when the body
/// is not JSON, has no records, or any record lacks a valid `source_amount`.
pub fn parse_lowest_price_from_request(body: &[u8]) -> Option<u32> {
    let response: serde_json::Value = serde_json::from_slice(body).ok()?;
    let records = response.get("_embedded")?.get("records")?.as_array()?;
    let quotes = records
        .iter()
        .map(|record| record.get("source_amount")?.as_str().and_then(milli_units))
        .collect::<Option<Vec<u32>>>()?;
    quotes.into_iter().min()
}

/// A non-negative decimal amount such as `"3.2987654"` in thousandths, rounded half up
/// (`3299`); `None` for anything else (signs, exponents, empty parts) or an amount of 2^32 or
/// more (upstream's `U32F32` range) or whose thousandths do not fit a `u32`.
pub fn milli_units(amount: &str) -> Option<u32> {
    let (whole, fraction) = match amount.split_once('.') {
        Some((whole, fraction)) if !fraction.is_empty() => (whole, fraction),
        Some(_) => return None,
        None => (amount, ""),
    };
    let all_digits = |part: &str| part.bytes().all(|byte| byte.is_ascii_digit());
    if whole.is_empty() || !all_digits(whole) || !all_digits(fraction) {
        return None;
    }
    let whole: u64 = whole.parse().ok()?;
    if whole > u64::from(u32::MAX) {
        return None;
    }
    let digit = |index: usize| {
        fraction
            .as_bytes()
            .get(index)
            .map_or(0, |byte| u64::from(byte - b'0'))
    };
    let thousandths = digit(0) * 100 + digit(1) * 10 + digit(2);
    let round_up = u64::from(digit(3) >= 5);
    let milli = whole
        .checked_mul(1000)?
        .checked_add(thousandths)?
        .checked_add(round_up)?;
    u32::try_from(milli).ok()
}
