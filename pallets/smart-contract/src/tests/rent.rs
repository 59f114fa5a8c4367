//! Rent contracts: renting rules, billing of the whole node at the dedication discount, the
//! extra fee, node contracts on a rented node (IPs only), standby waiving and cancellation.

use super::{billing::round_div, *};
use crate::{ActiveRentContractForNode, Contracts, Error};
use frame_support::{assert_noop, assert_ok};
use tfchain_support::types::Power;

/// One 60-second cycle of renting the test node: SU = 2048/1200 + 1024/200, CU = 4, so
/// 42 491.73 → 42 492 units-USD, half of it (dedication discount 50 %) = 21 246 units-USD =
/// 424 920 TFT units; 2 500 TFT cover 1.36 months: no discount.
const RENT_CYCLE: u128 = 424_920;

fn rent_units(secs: u128) -> u128 {
    // Hourly: 194 400 × (2048/1200 + 1024/200) + 305 600 × 4, in 1/75 units to stay exact.
    let hourly_times_75 = 194_400 * (2048 * 75 / 1200 + 1024 * 75 / 200) + 305_600 * 4 * 75;
    round_div(hourly_times_75 * secs, 3_600 * 75)
}

#[test]
fn the_rent_figures_follow_from_the_policy() {
    assert_eq!(rent_units(60), 42_492);
    assert_eq!(rent_units(60) / 2 * 20, RENT_CYCLE);
}

#[test]
fn create_rent_contract_rents_the_node() {
    run(|| {
        prepare_grid();
        let id = create_rent_contract();
        assert_eq!(ActiveRentContractForNode::<Test>::get(NODE), Some(id));
        let contract = Contracts::<Test>::get(id).unwrap();
        assert_eq!(
            contract.contract_type,
            ContractData::RentContract(RentContract { node_id: NODE })
        );
        assert_eq!(last_event(), ContractEvent::ContractCreated(contract));
    });
}

#[test]
fn create_rent_contract_errors() {
    run(|| {
        prepare_grid();
        let rent = |who: &AccountId32, node: u32| {
            SmartContractModule::create_rent_contract(signed(who), node, None)
        };
        assert_noop!(rent(&charlie(), 9), Error::<Test>::NodeNotExists);
        assert_noop!(rent(&ferdie(), NODE), Error::<Test>::TwinNotExists);
        create_node_contract(0);
        assert_noop!(rent(&dave(), NODE), Error::<Test>::NodeNotAvailableToDeploy);
        assert_ok!(SmartContractModule::cancel_contract(signed(&charlie()), 1));
        assert_ok!(rent(&charlie(), NODE));
        assert_noop!(rent(&dave(), NODE), Error::<Test>::NodeHasRentContract);
    });
}

#[test]
fn rent_contract_is_billed_for_the_whole_node() {
    run(|| {
        prepare_grid();
        let id = create_rent_contract();
        bill_until(21);
        assert_eq!(reserved(&charlie()), 2 * RENT_CYCLE);
        assert!(contract_events().contains(&ContractEvent::ContractBilled(ContractBill {
            contract_id: id,
            timestamp: time_of(21),
            discount_level: DiscountLevel::None,
            amount_billed: RENT_CYCLE,
        })));
    });
}

#[test]
fn only_the_renter_deploys_on_a_rented_node_and_pays_only_its_ips() {
    run(|| {
        prepare_grid();
        create_rent_contract();
        assert_noop!(
            SmartContractModule::create_node_contract(
                signed(&dave()),
                NODE,
                hash(1),
                b(b"d"),
                0,
                None
            ),
            Error::<Test>::NodeNotAvailableToDeploy
        );
        let node_contract = create_node_contract(1);
        report_resources(node_contract, super::billing::deployment());
        bill_at_block(11);
        clear_events();
        bill_at_block(12);
        // The IP only, for the 66 s since block 1: 1 272.33 → 1 272 units-USD = 25 440 TFT
        // units, Gold for this small cost (×0.4).
        let ip_cycle = round_div(round_div(69_400 * 66, 3_600) * 20 * 4, 10);
        let bills: Vec<_> = contract_events()
            .into_iter()
            .filter_map(|event| match event {
                ContractEvent::ContractBilled(bill) => Some(bill),
                _ => None,
            })
            .collect();
        assert_eq!(bills.len(), 1);
        assert_eq!(bills[0].contract_id, node_contract);
        assert_eq!(bills[0].amount_billed, ip_cycle);
        assert_noop!(
            SmartContractModule::cancel_contract(signed(&charlie()), 1),
            Error::<Test>::NodeHasActiveContracts
        );
    });
}

#[test]
fn rent_is_waived_while_the_node_is_in_standby() {
    run(|| {
        prepare_grid();
        let id = create_rent_contract();
        assert_ok!(TfgridModule::change_power_state(signed(&bob()), Power::Down));
        bill_at_block(11);
        assert!(contract_events().contains(&ContractEvent::RentWaived { contract_id: id }));
        assert_eq!(reserved(&charlie()), 0);
        assert_eq!(payment(id).last_updated_seconds, time_of(1));
        go_to_block(16);
        assert_ok!(TfgridModule::change_power_state(signed(&bob()), Power::Up));
        assert_eq!(payment(id).last_updated_seconds, time_of(16));
        bill_at_block(21);
        // 30 seconds since the node came up: 21 245.87 → 21 246 units-USD, half of it.
        let billed = rent_units(30) / 2 * 20;
        assert_eq!(billed, 212_460);
        assert_eq!(reserved(&charlie()), billed);
    });
}

#[test]
fn the_extra_fee_goes_to_the_farmer() {
    run(|| {
        prepare_grid();
        // 2 592 mUSD a month = 600 units-USD a minute = 12 000 TFT units.
        assert_ok!(SmartContractModule::set_dedicated_node_extra_fee(
            signed(&alice()),
            NODE,
            2_592
        ));
        assert_eq!(
            last_event(),
            ContractEvent::NodeExtraFeeSet {
                node_id: NODE,
                extra_fee: 2_592
            }
        );
        let id = create_rent_contract();
        bill_at_block(11);
        assert!(contract_events().contains(&ContractEvent::ContractBilled(ContractBill {
            contract_id: id,
            timestamp: time_of(11),
            discount_level: DiscountLevel::None,
            amount_billed: RENT_CYCLE + 12_000,
        })));
        assert_eq!(payment(id).additional_reserve, 12_000);
        go_to_block(12);
        let farmer_before = free(&alice());
        assert_ok!(SmartContractModule::cancel_contract(signed(&charlie()), id));
        // The last 6 seconds: 1 200 TFT units of extra fee and 42 491.73 / 10 → 4 249 units-USD,
        // half = 2 124.5 → 2 124 (Percent rounds ties down) = 42 480 TFT units.
        let standard = RENT_CYCLE + 42_480;
        let additional = 12_000 + 1_200;
        assert!(contract_events().contains(&ContractEvent::RewardDistributed {
            contract_id: id,
            standard_rewards: standard,
            additional_rewards: additional,
        }));
        let farmer_share = standard - round_div(standard, 10) - round_div(standard * 4, 10);
        assert_eq!(free(&alice()), farmer_before + additional + farmer_share);
        assert_eq!(reserved(&charlie()), 0);
    });
}

#[test]
fn set_dedicated_node_extra_fee_errors() {
    run(|| {
        prepare_grid();
        let set = |who: &AccountId32, node: u32| {
            SmartContractModule::set_dedicated_node_extra_fee(signed(who), node, 100)
        };
        assert_noop!(set(&ferdie(), NODE), Error::<Test>::TwinNotExists);
        assert_noop!(set(&alice(), 9), Error::<Test>::NodeNotExists);
        assert_noop!(set(&charlie(), NODE), Error::<Test>::UnauthorizedToSetExtraFee);
        create_rent_contract();
        assert_noop!(set(&alice(), NODE), Error::<Test>::NodeHasActiveContracts);
    });
}
