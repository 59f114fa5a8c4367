//! `TftPriceProvider`: what billing reads.

use super::*;
use crate::{MaxTftPrice, MinTftPrice, TftPriceProvider};

#[test]
fn the_provider_reads_the_average_and_the_bounds() {
    run(|| {
        report(500, 10);
        report(600, 20);
        assert_eq!(TftPriceModule::average_tft_price(), 550);
        assert_eq!(TftPriceModule::min_tft_price(), GENESIS_MIN_PRICE);
        assert_eq!(TftPriceModule::max_tft_price(), GENESIS_MAX_PRICE);
        assert_eq!(TftPriceModule::billing_tft_price(), 550);
    });
}

#[test]
fn the_billing_price_is_the_average_clamped_to_the_bounds() {
    run(|| {
        report(5, 10);
        assert_eq!(TftPriceModule::billing_tft_price(), GENESIS_MIN_PRICE);
        report(4_000, 20);
        assert_eq!(TftPriceModule::average_tft_price(), 2_003);
        assert_eq!(TftPriceModule::billing_tft_price(), GENESIS_MAX_PRICE);
    });
}

#[test]
fn the_maximum_wins_over_the_minimum_as_upstream() {
    run(|| {
        report(50, 10);
        MinTftPrice::<Test>::put(0);
        MaxTftPrice::<Test>::put(0);
        assert_eq!(TftPriceModule::billing_tft_price(), 0);
    });
}
