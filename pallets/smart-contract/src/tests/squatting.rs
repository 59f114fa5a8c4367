//! Squatting a node with node contracts that cost nothing (issue 12, item 3): idle node contracts
//! pay a minimum charge (and end through grace if unpaid), the farmer may cancel a node contract
//! its node has not reported on for a day, and a twin holds a bounded number of node contracts
//! on one node.

use super::{billing::round_div, *};
use crate::{ActiveNodeContracts, Contracts, Error};
use frame_support::{assert_noop, assert_ok};
use tfchain_support::types::Power;

/// Minimum charge of a node contract, units-USD per hour (the mock's).
const MINIMUM_CHARGE: u128 = 2_500;
/// Seconds without a report after which the farmer may cancel a node contract (24 h).
const REPORT_TIMEOUT: u64 = 24 * 3600;
/// Node contracts one twin may hold on one node.
const MAX_PER_TWIN_PER_NODE: u32 = 128;

fn deploy(who: &AccountId32, seed: u8) -> frame_support::dispatch::DispatchResult {
    SmartContractModule::create_node_contract(signed(who), NODE, hash(seed), b(b"d"), 0, None)
}

/// The block `secs` seconds after block 1.
fn block_after(secs: u64) -> u64 {
    1 + secs / 6
}

#[test]
fn the_squatting_limits_are_the_mocks() {
    run(|| {
        assert_eq!(
            <<Test as crate::Config>::NodeContractMinimumCharge as Get<u64>>::get() as u128,
            MINIMUM_CHARGE
        );
        assert_eq!(
            <<Test as crate::Config>::NodeContractReportTimeout as Get<u64>>::get(),
            REPORT_TIMEOUT
        );
        assert_eq!(
            <<Test as crate::Config>::MaxNodeContractsPerTwinPerNode as Get<u32>>::get(),
            MAX_PER_TWIN_PER_NODE
        );
    });
}

#[test]
fn attack_idle_node_contract_squats_a_node_for_free() {
    run(|| {
        prepare_grid();
        let id = create_node_contract(0);
        bill_until(31);
        // 2 500 × 60 / 3 600 = 41.67 → 42 units-USD = 840 TFT units a minute; 2 500 TFT cover
        // more than 18 months of it: Gold (×0.4) → 336.
        let cycle = round_div(round_div(MINIMUM_CHARGE * 60, 3_600) * 20 * 4, 10);
        assert_eq!(cycle, 336);
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
            assert_eq!(bill.amount_billed, cycle);
        }
        assert_eq!(reserved(&charlie()), 3 * cycle);
    });
}

#[test]
fn an_unpaid_idle_node_contract_ends_through_grace() {
    run(|| {
        prepare_grid();
        let id = create_node_contract(0);
        assert_ok!(Balances::force_set_balance(
            RuntimeOrigin::root(),
            charlie(),
            ED
        ));
        bill_at_block(11);
        assert_eq!(
            Contracts::<Test>::get(id).unwrap().state,
            ContractState::GracePeriod(11)
        );
        bill_until(111);
        assert!(Contracts::<Test>::get(id).is_none());
        assert!(ActiveNodeContracts::<Test>::get(NODE).is_empty());
        assert!(
            contract_events().contains(&ContractEvent::ContractGracePeriodElapsed {
                contract_id: id,
                grace_period: GRACE_PERIOD,
            })
        );
    });
}

#[test]
fn a_node_contract_on_a_rented_node_has_no_minimum_charge() {
    run(|| {
        prepare_grid();
        create_rent_contract();
        let id = create_node_contract(0);
        assert!(!SmartContractModule::should_bill_contract(id));
        bill_until(12);
        assert!(!contract_events().iter().any(
            |event| matches!(event, ContractEvent::ContractBilled(bill) if bill.contract_id == id)
        ));
    });
}

#[test]
fn attack_squatter_keeps_the_node_from_its_farmer() {
    run(|| {
        prepare_grid();
        assert_ok!(deploy(&charlie(), 1));
        let id = ContractID::<Test>::get();
        // The node cannot be rented nor powered down while the contract lives.
        assert_noop!(
            SmartContractModule::create_rent_contract(signed(&dave()), NODE, None),
            Error::<Test>::NodeNotAvailableToDeploy
        );
        // Before the timeout, neither the farmer (Alice) nor anyone else may cancel it.
        go_to_block(block_after(REPORT_TIMEOUT) - 1);
        assert_noop!(
            SmartContractModule::cancel_contract(signed(&alice()), id),
            Error::<Test>::TwinNotAuthorizedToCancelContract
        );
        // A report from the node restarts the clock.
        report_resources(id, Resources::default());
        go_to_block(block_after(REPORT_TIMEOUT));
        assert_noop!(
            SmartContractModule::cancel_contract(signed(&alice()), id),
            Error::<Test>::TwinNotAuthorizedToCancelContract
        );
        // A day after the last report, the farmer may cancel it; a stranger still may not.
        let reported = block_after(REPORT_TIMEOUT) - 1;
        go_to_block(reported + REPORT_TIMEOUT / 6);
        assert_noop!(
            SmartContractModule::cancel_contract(signed(&dave()), id),
            Error::<Test>::TwinNotAuthorizedToCancelContract
        );
        assert_ok!(SmartContractModule::cancel_contract(signed(&alice()), id));
        assert!(Contracts::<Test>::get(id).is_none());
        // The owner paid the final bill (the minimum charge since creation).
        assert!(contract_events().iter().any(
            |event| matches!(event, ContractEvent::ContractBilled(bill) if bill.contract_id == id)
        ));
        assert_ok!(TfgridModule::change_power_target(
            signed(&alice()),
            NODE,
            Power::Down
        ));
        assert_ok!(TfgridModule::change_power_target(
            signed(&alice()),
            NODE,
            Power::Up
        ));
        assert_ok!(SmartContractModule::create_rent_contract(
            signed(&dave()),
            NODE,
            None
        ));
    });
}

#[test]
fn the_farmer_may_not_cancel_other_contracts() {
    run(|| {
        prepare_grid();
        let name = create_name_contract(b"gateway");
        go_to_block(block_after(REPORT_TIMEOUT) + 1);
        assert_noop!(
            SmartContractModule::cancel_contract(signed(&alice()), name),
            Error::<Test>::TwinNotAuthorizedToCancelContract
        );
        let rent = create_rent_contract();
        go_to_block(2 * block_after(REPORT_TIMEOUT) + 1);
        assert_noop!(
            SmartContractModule::cancel_contract(signed(&alice()), rent),
            Error::<Test>::TwinNotAuthorizedToCancelContract
        );
    });
}

#[test]
fn attack_one_twin_fills_a_node_with_contracts() {
    run(|| {
        prepare_grid();
        for seed in 1..=MAX_PER_TWIN_PER_NODE as u8 {
            assert_ok!(deploy(&charlie(), seed));
        }
        assert_noop!(
            deploy(&charlie(), MAX_PER_TWIN_PER_NODE as u8 + 1),
            Error::<Test>::TwinHasTooManyContractsOnNode
        );
        // Another twin still deploys; after a cancel, the first twin may deploy again.
        assert_ok!(deploy(&dave(), 200));
        assert_ok!(SmartContractModule::cancel_contract(signed(&charlie()), 1));
        assert_ok!(deploy(&charlie(), MAX_PER_TWIN_PER_NODE as u8 + 1));
        assert_eq!(
            crate::TwinNodeContractCount::<Test>::get(CHARLIE_TWIN, NODE),
            MAX_PER_TWIN_PER_NODE
        );
    });
}

#[test]
fn the_renter_is_not_limited_on_its_rented_node() {
    run(|| {
        prepare_grid();
        create_rent_contract();
        for seed in 1..=MAX_PER_TWIN_PER_NODE as u8 + 1 {
            assert_ok!(deploy(&charlie(), seed));
        }
    });
}
