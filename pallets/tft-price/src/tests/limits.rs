//! `set_min_tft_price` and `set_max_tft_price`: the council's bounds of the billing price.

use super::*;
use crate::{Error, MaxTftPrice, MinTftPrice};
use frame_support::assert_noop;
use sp_runtime::DispatchError;

#[test]
fn set_min_tft_price_stores_the_minimum() {
    run(|| {
        assert_ok!(TftPriceModule::set_min_tft_price(RuntimeOrigin::root(), 20));
        assert_eq!(MinTftPrice::<Test>::get(), 20);
        assert!(price_events().is_empty());
    });
}

#[test]
fn set_min_tft_price_needs_the_restricted_origin() {
    run(|| {
        assert_noop!(
            TftPriceModule::set_min_tft_price(RuntimeOrigin::signed(alice()), 20),
            DispatchError::BadOrigin
        );
    });
}

#[test]
fn set_min_tft_price_must_stay_below_the_maximum() {
    run(|| {
        assert_noop!(
            TftPriceModule::set_min_tft_price(RuntimeOrigin::root(), GENESIS_MAX_PRICE),
            Error::<Test>::MinPriceAboveMaxPriceError
        );
        assert_noop!(
            TftPriceModule::set_min_tft_price(RuntimeOrigin::root(), GENESIS_MAX_PRICE + 1),
            Error::<Test>::MinPriceAboveMaxPriceError
        );
        assert_ok!(TftPriceModule::set_min_tft_price(
            RuntimeOrigin::root(),
            GENESIS_MAX_PRICE - 1
        ));
    });
}

#[test]
fn set_max_tft_price_stores_the_maximum() {
    run(|| {
        assert_ok!(TftPriceModule::set_max_tft_price(
            RuntimeOrigin::root(),
            2_000
        ));
        assert_eq!(MaxTftPrice::<Test>::get(), 2_000);
        assert!(price_events().is_empty());
    });
}

#[test]
fn set_max_tft_price_needs_the_restricted_origin() {
    run(|| {
        assert_noop!(
            TftPriceModule::set_max_tft_price(RuntimeOrigin::signed(alice()), 2_000),
            DispatchError::BadOrigin
        );
    });
}

#[test]
fn set_max_tft_price_must_stay_above_the_minimum() {
    run(|| {
        assert_noop!(
            TftPriceModule::set_max_tft_price(RuntimeOrigin::root(), GENESIS_MIN_PRICE),
            Error::<Test>::MaxPriceBelowMinPriceError
        );
        assert_noop!(
            TftPriceModule::set_max_tft_price(RuntimeOrigin::root(), GENESIS_MIN_PRICE - 1),
            Error::<Test>::MaxPriceBelowMinPriceError
        );
        assert_ok!(TftPriceModule::set_max_tft_price(
            RuntimeOrigin::root(),
            GENESIS_MIN_PRICE + 1
        ));
    });
}

#[test]
fn unset_bounds_need_the_maximum_first() {
    test_ext_with(crate::GenesisConfig::<Test>::default()).execute_with(|| {
        assert_noop!(
            TftPriceModule::set_min_tft_price(RuntimeOrigin::root(), 10),
            Error::<Test>::MinPriceAboveMaxPriceError
        );
        assert_ok!(TftPriceModule::set_max_tft_price(
            RuntimeOrigin::root(),
            1_000
        ));
        assert_ok!(TftPriceModule::set_min_tft_price(RuntimeOrigin::root(), 10));
        assert_eq!(
            (MinTftPrice::<Test>::get(), MaxTftPrice::<Test>::get()),
            (10, 1_000)
        );
        TftPriceModule::do_try_state().expect("price invariants hold");
    });
}
