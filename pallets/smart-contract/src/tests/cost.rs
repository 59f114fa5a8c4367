//! Cost arithmetic: discount levels at their boundaries, the certified premium, the TFT price
//! clamp and the worked example of the specification.

use super::{billing::round_div, *};
use crate::fixed::U64F64;

#[test]
fn discount_levels_at_their_boundaries() {
    run(|| {
        // 1 000 TFT units for an hour: 720 000 a month.
        let monthly: u128 = 720_000;
        let at = |balance: u128| {
            SmartContractModule::apply_discount(1_000, 3_600, balance, Default::default())
        };
        assert_eq!(at(monthly * 3 / 2 - 1), (1_000, DiscountLevel::None));
        assert_eq!(at(monthly * 3 / 2), (800, DiscountLevel::Default));
        assert_eq!(at(monthly * 3 - 1), (800, DiscountLevel::Default));
        assert_eq!(at(monthly * 3), (700, DiscountLevel::Bronze));
        assert_eq!(at(monthly * 6 - 1), (700, DiscountLevel::Bronze));
        assert_eq!(at(monthly * 6), (600, DiscountLevel::Silver));
        assert_eq!(at(monthly * 18 - 1), (600, DiscountLevel::Silver));
        assert_eq!(at(monthly * 18), (400, DiscountLevel::Gold));
        assert_eq!(at(0), (1_000, DiscountLevel::None));
    });
}

#[test]
fn certified_capacity_costs_a_quarter_more() {
    run(|| {
        let certified = SmartContractModule::apply_discount(
            1_000,
            3_600,
            0,
            tfchain_support::types::NodeCertification::Certified,
        );
        assert_eq!(certified, (1_250, DiscountLevel::None));
    });
}

#[test]
fn the_tft_price_is_clamped() {
    run(|| {
        // 1 USD = 10^7 units-USD; at 50 mUSD a TFT costs 500 000 units-USD.
        assert_eq!(SmartContractModule::units_usd_to_tft(500_000).ok(), Some(10_000_000));
        set_tft_price(5, 10, 1000);
        assert_eq!(SmartContractModule::units_usd_to_tft(100_000).ok(), Some(10_000_000));
        set_tft_price(5_000, 10, 1000);
        assert_eq!(SmartContractModule::units_usd_to_tft(10_000_000).ok(), Some(10_000_000));
    });
}

#[test]
fn worked_example_of_the_specification() {
    run(|| {
        let policy = pallet_tfgrid::PricingPolicies::<Test>::get(1).unwrap();
        let units = SmartContractModule::resources_cost_units_usd(
            &super::billing::deployment(),
            1,
            60,
            &policy,
            true,
        );
        assert_eq!(units as u128, super::billing::deployment_units(60));
        assert_eq!(
            SmartContractModule::units_usd_to_tft(units).unwrap() as u128,
            super::billing::tft(7_222)
        );
        let ip_only = SmartContractModule::resources_cost_units_usd(
            &super::billing::deployment(),
            1,
            60,
            &policy,
            false,
        );
        assert_eq!(ip_only as u128, round_div(69_400 * 60, 3_600));
    });
}

#[test]
fn cu_follows_the_grid_formula() {
    run(|| {
        let policy = pallet_tfgrid::PricingPolicies::<Test>::get(1).unwrap();
        // With the CU price as the only cost over an hour, the cost is price × CU.
        let cu = |cru: u64, mru_gib: u64| {
            let resources = Resources {
                cru,
                mru: mru_gib * GIB,
                ..Default::default()
            };
            SmartContractModule::resources_cost_units_usd(&resources, 0, 3_600, &policy, true)
                / 305_600
        };
        assert_eq!(cu(4, 1024), 128);
        assert_eq!(cu(32, 128), 32);
        assert_eq!(cu(4, 2), 1);
        assert_eq!(cu(16, 16), 8);
        assert_eq!(U64F64::from_int(3).round(), 3);
    });
}
