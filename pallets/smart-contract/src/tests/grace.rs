//! Overdraft and grace period: entry when a bill cannot be reserved, exit when the owner tops
//! up (the debt is reserved with the bill), deletion when the grace period elapses.

use super::{billing::round_div, *};
use crate::Contracts;
use frame_support::assert_ok;

/// One cycle of a node contract with one IP and nothing else: 69 400 × 60 / 3600 = 1 156.67 →
/// 1 157 units-USD = 23 140 TFT units (before discount).
const IP_CYCLE: u128 = 23_140;

fn set_free(who: &AccountId32, amount: u128) {
    assert_ok!(Balances::force_set_balance(
        RuntimeOrigin::root(),
        who.clone(),
        amount
    ));
}

fn underfunded_contract(usable: u128) -> u64 {
    prepare_grid();
    let id = create_node_contract(1);
    set_free(&charlie(), ED + usable);
    id
}

#[test]
fn an_unpayable_bill_starts_the_grace_period_and_reserves_what_it_can() {
    run(|| {
        assert_eq!(round_div(69_400 * 60, 3_600) * 20, IP_CYCLE);
        let id = underfunded_contract(10_000);
        bill_at_block(11);
        assert_eq!(
            Contracts::<Test>::get(id).unwrap().state,
            ContractState::GracePeriod(11)
        );
        let events = contract_events();
        assert!(events.contains(&ContractEvent::ContractGracePeriodStarted {
            contract_id: id,
            node_id: NODE,
            twin_id: CHARLIE_TWIN,
            block_number: 11,
        }));
        assert!(events.contains(&ContractEvent::ContractPaymentOverdrawn {
            contract_id: id,
            timestamp: time_of(11),
            partially_billed_amount: 10_000,
            overdraft: IP_CYCLE - 10_000,
        }));
        let state = payment(id);
        assert_eq!(state.standard_reserve, 10_000);
        assert_eq!(state.standard_overdraft, IP_CYCLE - 10_000);
        assert_eq!(reserved(&charlie()), 10_000);
        assert_eq!(free(&charlie()), ED);
    });
}

#[test]
fn a_top_up_ends_the_grace_period_and_settles_the_debt() {
    run(|| {
        let id = underfunded_contract(10_000);
        bill_at_block(11);
        set_free(&charlie(), USER_BALANCE);
        bill_at_block(21);
        // 2 500 TFT hold more than 18 months of 23 140 per minute: Gold (×0.4).
        let cycle = round_div(IP_CYCLE * 4, 10);
        let debt = IP_CYCLE - 10_000;
        assert_eq!(Contracts::<Test>::get(id).unwrap().state, ContractState::Created);
        let events = contract_events();
        assert!(events.contains(&ContractEvent::ContractGracePeriodEnded {
            contract_id: id,
            node_id: NODE,
            twin_id: CHARLIE_TWIN,
        }));
        assert!(events.contains(&ContractEvent::ContractBilled(ContractBill {
            contract_id: id,
            timestamp: time_of(21),
            discount_level: DiscountLevel::Gold,
            amount_billed: cycle + debt,
        })));
        let state = payment(id);
        assert_eq!(state.standard_overdraft, 0);
        assert_eq!(state.standard_reserve, 10_000 + debt + cycle);
        assert_eq!(reserved(&charlie()), IP_CYCLE + cycle);
        assert_eq!(free(&charlie()), USER_BALANCE - debt - cycle);
    });
}

#[test]
fn the_contract_is_deleted_when_the_grace_period_elapses() {
    run(|| {
        let id = underfunded_contract(0);
        bill_until(101);
        assert!(Contracts::<Test>::get(id).is_some());
        bill_at_block(111);
        assert!(Contracts::<Test>::get(id).is_none());
        let events = contract_events();
        assert!(events.contains(&ContractEvent::ContractGracePeriodElapsed {
            contract_id: id,
            grace_period: GRACE_PERIOD,
        }));
        assert!(events.contains(&ContractEvent::NodeContractCanceled {
            contract_id: id,
            node_id: NODE,
            twin_id: CHARLIE_TWIN,
        }));
        let farm = pallet_tfgrid::Farms::<Test>::get(FARM).unwrap();
        assert!(farm.public_ips.iter().all(|ip| ip.contract_id == 0));
        assert_eq!(reserved(&charlie()), 0);
    });
}

#[test]
fn the_debt_of_a_deleted_contract_is_forgiven_and_its_reserve_distributed() {
    run(|| {
        let id = underfunded_contract(5_000);
        bill_at_block(11);
        go_to_block(12);
        assert_ok!(SmartContractModule::cancel_contract(signed(&charlie()), id));
        assert!(contract_events().contains(&ContractEvent::RewardDistributed {
            contract_id: id,
            standard_rewards: 5_000,
            additional_rewards: 0,
        }));
        assert_eq!(reserved(&charlie()), 0);
        assert_eq!(free(&charlie()), ED);
    });
}
