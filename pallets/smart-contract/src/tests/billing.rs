//! Billing over several cycles with expected balances computed by hand from the pricing policy
//! (su 194 400, cu 305 600, ipu 69 400, unique name 13 900 units-USD per hour; TFT at 50 mUSD,
//! i.e. 500 000 units-USD per TFT), reward distribution and the final bill on cancel.

use super::*;
use crate::{Contracts, Error};
use frame_support::{assert_noop, assert_ok, dispatch::Pays};

/// Round `num / den` to the nearest integer, halves up.
pub fn round_div(num: u128, den: u128) -> u128 {
    (2 * num + den) / (2 * den)
}

/// The capacity the test deployment uses: 2 cores, 2 GiB memory, 60 GiB SSD.
pub fn deployment() -> Resources {
    Resources {
        hru: 0,
        sru: 60 * GIB,
        cru: 2,
        mru: 2 * GIB,
    }
}

/// Units-USD of [`deployment`] with one IP over `secs`: SU = 60/200 = 0.3, CU = 1, so the
/// hourly price is 0.3 × 194 400 + 305 600 + 69 400 = 433 320.
pub fn deployment_units(secs: u128) -> u128 {
    round_div(433_320 * secs, 3_600)
}

/// TFT units of `units` units-USD at 50 mUSD per TFT.
pub fn tft(units: u128) -> u128 {
    units * 10_000_000 / 500_000
}

/// A bill of the deployment for one 60-second cycle: 7 222 units-USD = 144 440 TFT units,
/// with the Bronze discount (×0.7; 2 500 TFT hold about 4 months of it).
pub const NODE_CONTRACT_CYCLE: u128 = 101_108;

#[test]
fn the_cycle_figures_follow_from_the_policy() {
    assert_eq!(deployment_units(60), 7_222);
    assert_eq!(tft(7_222), 144_440);
    assert_eq!(round_div(144_440 * 7, 10), NODE_CONTRACT_CYCLE);
}

fn deploy_with_resources() -> u64 {
    prepare_grid();
    let id = create_node_contract(1);
    report_resources(id, deployment());
    id
}

#[test]
fn node_contract_is_billed_every_cycle() {
    run(|| {
        let id = deploy_with_resources();
        bill_until(31);
        let bills: Vec<_> = contract_events()
            .into_iter()
            .filter_map(|event| match event {
                ContractEvent::ContractBilled(bill) => Some(bill),
                _ => None,
            })
            .collect();
        assert_eq!(bills.len(), 3);
        for (bill, block) in bills.iter().zip([11, 21, 31]) {
            assert_eq!(bill.contract_id, id);
            assert_eq!(bill.timestamp, time_of(block));
            assert_eq!(bill.discount_level, DiscountLevel::Bronze);
            assert_eq!(bill.amount_billed, NODE_CONTRACT_CYCLE);
        }
        assert_eq!(reserved(&charlie()), 3 * NODE_CONTRACT_CYCLE);
        assert_eq!(free(&charlie()), USER_BALANCE - 3 * NODE_CONTRACT_CYCLE);
        let state = payment(id);
        assert_eq!(state.standard_reserve, 3 * NODE_CONTRACT_CYCLE);
        assert_eq!(state.cycles, 3);
        assert_eq!(state.last_updated_seconds, time_of(31));
    });
}

#[test]
fn a_second_bill_in_the_same_cycle_changes_nothing() {
    run(|| {
        let id = deploy_with_resources();
        bill_at_block(11);
        let after_first = payment(id);
        clear_events();
        for block in [11, 12] {
            go_to_block(block);
            let result = SmartContractModule::bill_contract_for_block(signed(&validator()), id);
            assert_eq!(result.map(|info| info.pays_fee), Ok(Pays::No), "free for a billing validator");
        }
        assert!(contract_events().is_empty());
        assert_eq!(payment(id), after_first);
        assert_eq!(payment(id).cycles, 1);
    });
}

#[test]
fn rewards_are_distributed_every_24_cycles() {
    run(|| {
        let id = deploy_with_resources();
        bill_until(241);
        let total = 24 * NODE_CONTRACT_CYCLE;
        // 10 % staking pool, 40 % foundation (Perbill rounds to nearest), the rest to the farmer.
        let staking = round_div(total, 10);
        let foundation_share = round_div(total * 4, 10);
        let farmer = total - staking - foundation_share;
        assert_eq!((staking, foundation_share, farmer), (242_659, 970_637, 1_213_296));
        assert!(contract_events().contains(&ContractEvent::RewardDistributed {
            contract_id: id,
            standard_rewards: total,
            additional_rewards: 0,
        }));
        assert_eq!(reserved(&charlie()), 0);
        assert_eq!(free(&charlie()), USER_BALANCE - total);
        assert_eq!(free(&staking_pool()), BENEFICIARY_BALANCE + staking);
        assert_eq!(free(&foundation()), BENEFICIARY_BALANCE + foundation_share);
        assert_eq!(free(&alice()), 1_000 * TFT + farmer);
        assert_eq!(free(&sales()), 0);
        let state = payment(id);
        assert_eq!((state.standard_reserve, state.cycles), (0, 0));
    });
}

#[test]
fn name_contract_is_billed_and_rewards_go_to_staking_and_foundation() {
    run(|| {
        prepare_grid();
        let id = create_name_contract(b"gateway");
        // 13 900 × 60 / 3600 = 231.67 → 232 units-USD = 4 640 TFT units; 2 500 TFT hold over
        // 18 months of it: Gold (×0.4) → 1 856.
        let cycle = round_div(tft(round_div(13_900 * 60, 3_600)) * 4, 10);
        assert_eq!(cycle, 1_856);
        bill_until(241);
        assert_eq!(
            contract_events()
                .iter()
                .filter(|event| matches!(event, ContractEvent::ContractBilled(bill) if bill.amount_billed == cycle && bill.discount_level == DiscountLevel::Gold))
                .count(),
            24
        );
        let total = 24 * cycle;
        let staking = round_div(total, 10);
        assert_eq!(free(&staking_pool()), BENEFICIARY_BALANCE + staking);
        assert_eq!(free(&foundation()), BENEFICIARY_BALANCE + total - staking);
        assert_eq!(free(&alice()), 1_000 * TFT);
        assert_eq!(free(&charlie()), USER_BALANCE - total);
        assert!(contract_events().contains(&ContractEvent::RewardDistributed {
            contract_id: id,
            standard_rewards: total,
            additional_rewards: 0,
        }));
    });
}

#[test]
fn cancel_bills_the_final_partial_period_and_distributes_everything() {
    run(|| {
        let id = deploy_with_resources();
        bill_at_block(11);
        go_to_block(15);
        assert_ok!(SmartContractModule::cancel_contract(signed(&charlie()), id));
        // 24 seconds: 433 320 × 24 / 3600 = 2 888.8 → 2 889 units-USD = 57 780 TFT units, Bronze.
        let last = round_div(tft(deployment_units(24)) * 7, 10);
        assert_eq!(last, 40_446);
        let total = NODE_CONTRACT_CYCLE + last;
        assert!(contract_events().contains(&ContractEvent::ContractBilled(ContractBill {
            contract_id: id,
            timestamp: time_of(15),
            discount_level: DiscountLevel::Bronze,
            amount_billed: last,
        })));
        assert!(contract_events().contains(&ContractEvent::RewardDistributed {
            contract_id: id,
            standard_rewards: total,
            additional_rewards: 0,
        }));
        let staking = round_div(total, 10);
        let foundation_share = round_div(total * 4, 10);
        assert_eq!(free(&charlie()), USER_BALANCE - total);
        assert_eq!(reserved(&charlie()), 0);
        assert_eq!(free(&staking_pool()), BENEFICIARY_BALANCE + staking);
        assert_eq!(free(&foundation()), BENEFICIARY_BALANCE + foundation_share);
        assert_eq!(free(&alice()), 1_000 * TFT + total - staking - foundation_share);
        assert!(Contracts::<Test>::get(id).is_none());
    });
}

#[test]
fn bill_contract_for_block_errors_and_fees() {
    run(|| {
        prepare_grid();
        assert_noop!(
            SmartContractModule::bill_contract_for_block(signed(&validator()), 1).map_err(|e| e.error),
            Error::<Test>::ContractNotExists
        );
        let id = create_name_contract(b"gateway");
        go_to_block(11);
        let by_validator =
            SmartContractModule::bill_contract_for_block(signed(&validator()), id).unwrap();
        assert_eq!(by_validator.pays_fee, frame_support::dispatch::Pays::No);
        go_to_block(21);
        let by_user = SmartContractModule::bill_contract_for_block(signed(&dave()), id).unwrap();
        assert_eq!(by_user.pays_fee, frame_support::dispatch::Pays::Yes);
        go_to_block(31);
        let state = payment(id);
        crate::ContractPaymentState::<Test>::remove(id);
        assert_noop!(
            SmartContractModule::bill_contract_for_block(signed(&validator()), id).map_err(|e| e.error),
            Error::<Test>::ContractPaymentStateNotExists
        );
        crate::ContractPaymentState::<Test>::insert(id, state);
        let policy = pallet_tfgrid::PricingPolicies::<Test>::take(1).unwrap();
        assert_noop!(
            SmartContractModule::bill_contract_for_block(signed(&validator()), id).map_err(|e| e.error),
            Error::<Test>::PricingPolicyNotExists
        );
        pallet_tfgrid::PricingPolicies::<Test>::insert(1, policy);
    });
}

#[test]
fn a_zero_price_is_an_error() {
    run(|| {
        prepare_grid();
        let id = create_name_contract(b"gateway");
        set_tft_price(0, 0, 0);
        go_to_block(11);
        assert_noop!(
            SmartContractModule::bill_contract_for_block(signed(&validator()), id).map_err(|e| e.error),
            Error::<Test>::TFTPriceValueError
        );
    });
}

#[test]
fn attack_anyone_pushes_a_victim_into_grace_outside_its_billing_block() {
    run(|| {
        prepare_grid();
        let id = create_name_contract(b"gateway");
        // Charlie moves his funds for a moment, between two billing windows of his contract
        // (blocks 11 to 16 and from 21).
        go_to_block(17);
        let parked = free(&charlie()) - ED;
        assert_ok!(Balances::transfer_allow_death(signed(&charlie()), ferdie(), parked));
        // Dave bills it right then, to put it in its grace period.
        assert_noop!(
            SmartContractModule::bill_contract_for_block(signed(&dave()), id).map_err(|e| e.error),
            Error::<Test>::ContractWrongBillingLoopIndex
        );
        assert_ok!(Balances::transfer_allow_death(signed(&ferdie()), charlie(), parked));
        bill_at_block(21);
        assert_eq!(Contracts::<Test>::get(id).unwrap().state, ContractState::Created);
        assert!(!contract_events()
            .iter()
            .any(|event| matches!(event, ContractEvent::ContractGracePeriodStarted { .. })));
    });
}

#[test]
fn a_contract_is_billed_only_in_the_first_blocks_of_its_cycle() {
    run(|| {
        prepare_grid();
        let id = create_name_contract(b"gateway");
        let window = crate::billing::billing_window::<Test>();
        assert_eq!(window, BILLING_FREQUENCY / 2);
        // Bucket 1: blocks 11 ..= 16 of the second cycle are in the window, 17 is not.
        go_to_block(11 + window + 1);
        assert_noop!(
            SmartContractModule::bill_contract_for_block(signed(&validator()), id).map_err(|e| e.error),
            Error::<Test>::ContractWrongBillingLoopIndex
        );
        go_to_block(11 + window);
        assert_ok!(SmartContractModule::bill_contract_for_block(signed(&validator()), id));
        assert_eq!(payment(id).last_updated_seconds, time_of(11 + window));
        // Billed in this cycle: later calls change nothing until the next cycle, at block 21.
        go_to_block(20);
        assert_ok!(SmartContractModule::bill_contract_for_block(signed(&validator()), id));
        assert_eq!(payment(id).last_updated_seconds, time_of(11 + window));
        go_to_block(21);
        assert_ok!(SmartContractModule::bill_contract_for_block(signed(&validator()), id));
    });
}

#[test]
fn attack_bill_an_overdrawn_contract_twice_in_its_cycle() {
    run(|| {
        prepare_grid();
        let id = create_name_contract(b"gateway");
        assert_ok!(Balances::force_set_balance(RuntimeOrigin::root(), charlie(), ED + 1));
        bill_at_block(11);
        assert!(Contracts::<Test>::get(id).unwrap().is_in_grace());
        let after_first = payment(id);
        assert_eq!(after_first.cycles, 1);
        // Once in the same block, once in the next block of the window: nothing happens, and
        // Dave pays the fee.
        for block in [11, 12] {
            go_to_block(block);
            let result = SmartContractModule::bill_contract_for_block(signed(&dave()), id);
            assert_eq!(result.map(|info| info.pays_fee), Ok(Pays::Yes));
        }
        assert_eq!(payment(id), after_first);
        bill_at_block(21);
        assert_eq!(payment(id).cycles, 2);
    });
}

#[test]
fn the_owner_may_bill_its_contract_in_grace_to_leave_it() {
    run(|| {
        prepare_grid();
        let id = create_name_contract(b"gateway");
        assert_ok!(Balances::force_set_balance(RuntimeOrigin::root(), charlie(), ED + 1));
        bill_at_block(11);
        assert!(Contracts::<Test>::get(id).unwrap().is_in_grace());
        go_to_block(14);
        assert_ok!(Balances::force_set_balance(RuntimeOrigin::root(), charlie(), USER_BALANCE));
        // Billed in this cycle: only the owner may bill again, and only while in grace.
        let in_grace = payment(id);
        assert_ok!(SmartContractModule::bill_contract_for_block(signed(&dave()), id));
        assert_eq!(payment(id), in_grace, "Dave's call changes nothing");
        assert_ok!(SmartContractModule::bill_contract_for_block(signed(&charlie()), id));
        assert_eq!(Contracts::<Test>::get(id).unwrap().state, ContractState::Created);
        go_to_block(15);
        let settled = payment(id);
        assert_ok!(SmartContractModule::bill_contract_for_block(signed(&charlie()), id));
        assert_eq!(payment(id), settled, "out of grace, the owner's call changes nothing either");
    });
}

#[test]
fn attack_a_failed_distribution_strands_the_reserves_of_an_ended_contract() {
    run(|| {
        let id = deploy_with_resources();
        bill_at_block(11);
        go_to_block(15);
        // The staking pool cannot take its share (its balance would overflow): the distribution
        // of the final bill fails.
        assert_ok!(Balances::force_set_balance(
            RuntimeOrigin::root(),
            staking_pool(),
            u128::MAX - 1
        ));
        assert_ok!(SmartContractModule::cancel_contract(signed(&charlie()), id));
        assert!(Contracts::<Test>::get(id).is_none());
        // Nothing was paid out, and nothing stays reserved: Charlie gets all of it back.
        assert_eq!(reserved(&charlie()), 0);
        assert_eq!(free(&charlie()), USER_BALANCE);
        assert_eq!(free(&staking_pool()), u128::MAX - 1);
    });
}
