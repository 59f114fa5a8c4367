//! `set_prices`: validators report the price; the pallet keeps it, its history and average.

use super::*;
use crate::{
    AverageTftPrice, BufferRange, Error, LastBlockSet, MaxTftPrice, MinTftPrice, TftPrice,
    TftPriceHistory,
};
use frame_support::{assert_noop, dispatch::Pays};
use sp_runtime::DispatchError;

#[test]
fn set_prices_stores_the_price_its_block_and_the_average() {
    run(|| {
        assert_ok!(TftPriceModule::set_prices(
            RuntimeOrigin::signed(alice()),
            500,
            7
        ));
        assert_eq!(TftPrice::<Test>::get(), 500);
        assert_eq!(LastBlockSet::<Test>::get(), 7);
        assert_eq!(AverageTftPrice::<Test>::get(), 500);
        assert_eq!(TftPriceHistory::<Test>::get(0), 500);
        assert_eq!(BufferRange::<Test>::get(), (0, 1));
        assert_eq!(
            price_events(),
            vec![
                PriceEvent::PriceStored(500),
                PriceEvent::AveragePriceStored(500)
            ]
        );
    });
}

#[test]
fn set_prices_is_free() {
    run(|| {
        let info = TftPriceModule::set_prices(RuntimeOrigin::signed(alice()), 500, 1)
            .expect("a validator may report");
        assert_eq!(info.pays_fee, Pays::No);
    });
}

#[test]
fn ten_reports_keep_ten_prices_and_their_average() {
    run(|| {
        for (i, price) in [495, 505, 490, 510, 500, 500, 498, 502, 499, 501]
            .into_iter()
            .enumerate()
        {
            report(price, 10 * (i as u64 + 1));
        }
        assert_eq!(TftPriceHistory::<Test>::iter().count(), 10);
        assert_eq!(BufferRange::<Test>::get(), (0, 10));
        assert_eq!(AverageTftPrice::<Test>::get(), 500);
        assert_eq!(TftPrice::<Test>::get(), 501);
        assert_eq!(LastBlockSet::<Test>::get(), 100);
    });
}

#[test]
fn set_prices_by_an_account_that_is_not_a_validator_fails() {
    run(|| {
        assert_noop!(
            TftPriceModule::set_prices(RuntimeOrigin::signed(bob()), 500, 1),
            Error::<Test>::AccountUnauthorizedToSetPrice
        );
    });
}

#[test]
fn set_prices_by_a_removed_validator_fails() {
    run(|| {
        report(500, 1);
        set_validators(vec![bob()]);
        assert_noop!(
            TftPriceModule::set_prices(RuntimeOrigin::signed(alice()), 600, 11),
            Error::<Test>::AccountUnauthorizedToSetPrice
        );
        assert_ok!(TftPriceModule::set_prices(
            RuntimeOrigin::signed(bob()),
            600,
            11
        ));
    });
}

#[test]
fn set_prices_needs_a_signed_origin() {
    run(|| {
        assert_noop!(
            TftPriceModule::set_prices(RuntimeOrigin::none(), 500, 1),
            DispatchError::BadOrigin
        );
        assert_noop!(
            TftPriceModule::set_prices(RuntimeOrigin::root(), 500, 1),
            DispatchError::BadOrigin
        );
    });
}

#[test]
fn an_average_below_the_minimum_is_stored_and_reported_after_it() {
    run(|| {
        report(5, 1);
        assert_eq!(AverageTftPrice::<Test>::get(), 5);
        assert_eq!(
            price_events(),
            vec![
                PriceEvent::PriceStored(5),
                PriceEvent::AveragePriceStored(5),
                PriceEvent::AveragePriceIsBelowMinPrice(5, GENESIS_MIN_PRICE),
            ]
        );
    });
}

#[test]
fn an_average_above_the_maximum_is_stored_and_reported_after_it() {
    run(|| {
        report(2_000, 1);
        assert_eq!(AverageTftPrice::<Test>::get(), 2_000);
        assert_eq!(
            price_events(),
            vec![
                PriceEvent::PriceStored(2_000),
                PriceEvent::AveragePriceStored(2_000),
                PriceEvent::AveragePriceIsAboveMaxPrice(2_000, GENESIS_MAX_PRICE),
            ]
        );
    });
}

#[test]
fn an_average_on_a_bound_raises_no_event() {
    run(|| {
        report(GENESIS_MIN_PRICE, 1);
        System::reset_events();
        report(GENESIS_MIN_PRICE, 11);
        assert_eq!(price_events().len(), 2);
        MinTftPrice::<Test>::put(1);
        MaxTftPrice::<Test>::put(GENESIS_MIN_PRICE);
        System::reset_events();
        report(GENESIS_MIN_PRICE, 21);
        assert_eq!(price_events().len(), 2);
    });
}

#[test]
fn the_bounds_are_compared_with_the_average_not_the_reported_price() {
    run(|| {
        report(900, 1);
        System::reset_events();
        report(1_050, 11);
        assert_eq!(AverageTftPrice::<Test>::get(), 975);
        assert_eq!(
            price_events(),
            vec![
                PriceEvent::PriceStored(1_050),
                PriceEvent::AveragePriceStored(975),
            ]
        );
    });
}

#[test]
fn with_unset_bounds_every_average_is_above_the_maximum() {
    let genesis = crate::GenesisConfig::<Test>::default();
    test_ext_with(genesis).execute_with(|| {
        report(50, 1);
        assert_eq!(
            price_events().last(),
            Some(&PriceEvent::AveragePriceIsAboveMaxPrice(50, 0))
        );
        TftPriceModule::do_try_state().expect("price invariants hold");
    });
}
