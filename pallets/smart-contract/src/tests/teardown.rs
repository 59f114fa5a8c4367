//! Issue 11: work that cannot be bounded in its call is done in `on_idle` within the remaining
//! weight: the teardown of a deleted node's (or an ended rent's) contracts, and the move of
//! contracts after a billing-frequency change.

use super::*;
use crate::{
    types::MAX_ACTIVE_NODE_CONTRACTS, weights::WeightInfo, ActiveNodeContracts,
    ActiveRentContractForNode, Contracts, ContractsToBillAt, NodesToTearDown,
    Error, PendingBillingFrequencyMove,
};
use frame_support::{assert_noop, assert_ok, traits::Hooks, weights::Weight};

fn hash_of(n: u32) -> HexHash {
    let mut hash = [0u8; 32];
    hash[..4].copy_from_slice(&n.to_le_bytes());
    hash[31] = 1;
    hash
}

/// Charlie rents node 1 and fills it with `MAX_ACTIVE_NODE_CONTRACTS` node contracts (a renter
/// is not limited per twin), some with reported capacity so their final bills are not zero.
fn rented_node_at_the_cap() -> u64 {
    prepare_grid();
    let rent = create_rent_contract();
    for n in 0..MAX_ACTIVE_NODE_CONTRACTS {
        assert_ok!(SmartContractModule::create_node_contract(
            signed(&charlie()),
            NODE,
            hash_of(n),
            b(b"d"),
            0,
            None
        ));
    }
    // The cap holds.
    assert_noop!(
        SmartContractModule::create_node_contract(
            signed(&charlie()),
            NODE,
            hash_of(MAX_ACTIVE_NODE_CONTRACTS),
            b(b"d"),
            0,
            None
        ),
        Error::<Test>::NumOverflow
    );
    let used = Resources {
        hru: 0,
        sru: 10 * GIB,
        cru: 1,
        mru: GIB,
    };
    for id in (rent + 1..rent + 6).chain(rent + 4090..=rent + 4096) {
        report_resources(id, used);
    }
    rent
}

fn teardown_step_weight() -> Weight {
    <() as WeightInfo>::on_idle_teardown_contract()
}

fn idle_base_weight() -> Weight {
    <() as WeightInfo>::on_idle_empty()
}

/// Delete node 1 at block 15, then run `on_idle` with `budget` per block from block 15 on;
/// returns (blocks used, the pallet's events after the deletion).
fn delete_and_tear_down(budget: Weight) -> (u64, Vec<ContractEvent<Test>>) {
    go_to_block(15);
    clear_events();
    assert_ok!(TfgridModule::delete_node(signed(&bob()), NODE));
    let mut blocks = 0;
    while NodesToTearDown::<Test>::contains_key(NODE) {
        go_to_block(15 + blocks);
        let used = SmartContractModule::on_idle(System::block_number(), budget);
        assert!(used.all_lte(budget), "on_idle used {used:?} of {budget:?}");
        if blocks == 0 {
            // Consistent while half torn down (checked once: it is O(contracts²)).
            check_invariants();
        }
        blocks += 1;
        assert!(blocks < 1_000, "the teardown makes progress");
    }
    (blocks, contract_events())
}

#[test]
fn deleting_a_node_at_the_cap_ends_every_contract_over_blocks_within_the_idle_budget() {
    // Reference: everything ended in the block of the deletion (what the call did inline).
    let (reference_events, reference_balances) = {
        let mut ext = new_test_ext();
        ext.execute_with(|| {
            rented_node_at_the_cap();
            bill_at_block(11);
            let (blocks, events) = delete_and_tear_down(Weight::MAX);
            assert_eq!(blocks, 1);
            check_invariants();
            (events, (free(&charlie()), free(&alice()), reserved(&charlie())))
        })
    };
    run(|| {
        let rent = rented_node_at_the_cap();
        bill_at_block(11);
        // Room for 100 contracts per block.
        let budget = idle_base_weight().saturating_add(teardown_step_weight().saturating_mul(100));
        let (blocks, events) = delete_and_tear_down(budget);
        // 4 096 node contracts, the rent contract and dropping the entry: 4 098 steps, 100 a
        // block.
        assert_eq!(blocks, 41);
        assert!(ActiveNodeContracts::<Test>::get(NODE).is_empty());
        assert!(ActiveRentContractForNode::<Test>::get(NODE).is_none());
        assert_eq!(Contracts::<Test>::iter().count(), 0);
        assert_eq!(reserved(&charlie()), 0);
        let canceled = events
            .iter()
            .filter(|event| matches!(event, ContractEvent::NodeContractCanceled { .. }))
            .count();
        assert_eq!(canceled, MAX_ACTIVE_NODE_CONTRACTS as usize);
        assert_eq!(
            events
                .iter()
                .filter(|event| matches!(event, ContractEvent::NodeContractCanceled { .. } | ContractEvent::RentContractCanceled { .. }))
                .last(),
            Some(&ContractEvent::RentContractCanceled { contract_id: rent })
        );
        // The same bills, events and payouts as ending everything at the deletion: the final
        // bills stop at the deletion time even when they run blocks later.
        assert_eq!(events, reference_events);
        assert_eq!(
            (free(&charlie()), free(&alice()), reserved(&charlie())),
            reference_balances
        );
    });
}

#[test]
fn an_idle_budget_below_one_step_does_nothing() {
    run(|| {
        prepare_grid();
        let id = create_node_contract(1);
        go_to_block(15);
        assert_ok!(TfgridModule::delete_node(signed(&bob()), NODE));
        let budget = idle_base_weight().saturating_add(teardown_step_weight()) - Weight::from_parts(1, 0);
        assert!(SmartContractModule::on_idle(15, budget).all_lte(budget));
        assert!(Contracts::<Test>::contains_key(id));
        assert_eq!(SmartContractModule::on_idle(15, Weight::zero()), Weight::zero());
        // Still consistent while queued: the IP is still held on the farm.
        check_invariants();
        idle();
        assert!(!Contracts::<Test>::contains_key(id));
        assert!(pallet_tfgrid::Farms::<Test>::get(FARM)
            .unwrap()
            .public_ips
            .iter()
            .all(|ip| ip.contract_id == 0));
    });
}

/// Charlie's node contract with an IP, billed at block 11, node deleted at block 15; if
/// `bill_while_queued`, the contract is billed at block 21 before `on_idle` ends it at 22.
/// Returns Charlie's free balance at the end.
fn queued_contract_bill(bill_while_queued: bool) -> u128 {
    let mut ext = new_test_ext();
    ext.execute_with(|| {
        prepare_grid();
        let id = create_node_contract(1);
        bill_at_block(11);
        go_to_block(15);
        assert_ok!(TfgridModule::delete_node(signed(&bob()), NODE));
        if bill_while_queued {
            go_to_block(21);
            let before = free(&charlie());
            assert_ok!(SmartContractModule::bill_contract_for_block(
                signed(&validator()),
                id
            ));
            // Billed up to the deletion (block 15), not to block 21.
            assert!(free(&charlie()) < before);
            go_to_block(22);
        }
        idle();
        assert!(!Contracts::<Test>::contains_key(id));
        assert_eq!(reserved(&charlie()), 0);
        check_invariants();
        free(&charlie())
    })
}

#[test]
fn a_bill_of_a_contract_queued_for_teardown_does_not_charge_twice() {
    assert_eq!(queued_contract_bill(true), queued_contract_bill(false));
}

#[test]
fn a_rent_deleted_at_the_end_of_grace_queues_its_node_contracts() {
    run(|| {
        prepare_grid();
        let rent = create_rent_contract();
        let node_contract = create_node_contract(1);
        assert_ok!(Balances::force_set_balance(
            RuntimeOrigin::root(),
            charlie(),
            ED + 10
        ));
        bill_until(11 + GRACE_PERIOD + 10);
        assert!(Contracts::<Test>::get(rent).is_none());
        idle();
        assert!(Contracts::<Test>::get(node_contract).is_none());
        assert!(NodesToTearDown::<Test>::get(NODE).is_none());
        assert!(contract_events().contains(&ContractEvent::NodeContractCanceled {
            contract_id: node_contract,
            node_id: NODE,
            twin_id: CHARLIE_TWIN,
        }));
        // A new rent of the node is possible again.
        assert_ok!(SmartContractModule::create_rent_contract(
            signed(&dave()),
            NODE,
            None
        ));
    });
}

#[test]
fn a_billing_frequency_change_moves_contracts_in_on_idle_within_the_budget() {
    run(|| {
        prepare_grid();
        let ids: Vec<u64> = (0..30u32)
            .map(|n| {
                assert_ok!(SmartContractModule::create_node_contract(
                    signed(&charlie()),
                    NODE,
                    hash_of(n),
                    b(b"d"),
                    0,
                    None
                ));
                ContractID::<Test>::get()
            })
            .collect();
        assert_ok!(SmartContractModule::change_billing_frequency(
            RuntimeOrigin::root(),
            25
        ));
        assert_noop!(
            SmartContractModule::change_billing_frequency(RuntimeOrigin::root(), 30),
            Error::<Test>::BillingFrequencyChangeInProgress
        );
        // A contract still in its old bucket can be cancelled.
        assert_ok!(SmartContractModule::cancel_contract(signed(&charlie()), ids[29]));
        let budget = idle_base_weight()
            .saturating_add(<() as WeightInfo>::on_idle_move_contract().saturating_mul(3));
        let mut blocks = 0;
        while PendingBillingFrequencyMove::<Test>::exists() {
            let used = SmartContractModule::on_idle(1, budget);
            assert!(used.all_lte(budget));
            check_invariants();
            blocks += 1;
            assert!(blocks < 100);
        }
        assert!(blocks > 1, "spread over several blocks");
        for id in &ids[..29] {
            assert!(ContractsToBillAt::<Test>::get(id % 25).contains(id));
        }
        assert_ok!(SmartContractModule::change_billing_frequency(
            RuntimeOrigin::root(),
            30
        ));
        idle();
        for id in &ids[..29] {
            assert!(ContractsToBillAt::<Test>::get(id % 30).contains(id));
        }
    });
}

#[test]
fn a_move_into_a_full_bucket_waits() {
    run(|| {
        prepare_grid();
        let id = create_name_contract(b"gateway");
        assert_eq!(id % 10, 1);
        assert_ok!(SmartContractModule::change_billing_frequency(
            RuntimeOrigin::root(),
            20
        ));
        // Contract 1 stays in bucket 1 under both frequencies; fill the target of a
        // misplaced id artificially: id 11 would go to bucket 11.
        let full: crate::types::BillingBucket = BoundedVec::truncate_from(
            (0..crate::types::MAX_CONTRACTS_PER_BILLING_BUCKET as u64)
                .map(|n| 1_000_011 + 20 * n)
                .collect::<Vec<_>>(),
        );
        assert!(full.is_full());
        ContractsToBillAt::<Test>::insert(11, full.clone());
        ContractsToBillAt::<Test>::mutate(1, |ids| ids.try_push(11).unwrap());
        let pending = PendingBillingFrequencyMove::<Test>::get().unwrap();
        // Bucket 0 has nothing to move; in bucket 1, id 11 cannot move into the full bucket.
        assert!(SmartContractModule::billing_move_step(pending));
        let pending = PendingBillingFrequencyMove::<Test>::get().unwrap();
        assert_eq!(pending.next_bucket, 1);
        assert!(!SmartContractModule::billing_move_step(pending));
        assert!(ContractsToBillAt::<Test>::get(1).contains(&11));
        assert_eq!(ContractsToBillAt::<Test>::get(11), full);
        // Room again: it moves.
        ContractsToBillAt::<Test>::remove(11);
        assert!(SmartContractModule::billing_move_step(pending));
        assert_eq!(ContractsToBillAt::<Test>::get(11).into_inner(), vec![11]);
        ContractsToBillAt::<Test>::remove(11);
        idle();
        assert!(PendingBillingFrequencyMove::<Test>::get().is_none());
    });
}
