//! The chain's billing loop (`on_initialize`): every contract once per cycle, within the block budget,
//! carried over when a bucket does not fit, caught up after a whole cycle, unaffected by
//! `bill_contract_for_block` and by contracts leaving the bucket it is going through.

use super::*;
use crate::{
    types::BillingCursor, weights::WeightInfo, BillingLoopCursor, ContractLastBilledBlock,
    Contracts, ContractsToBillAt,
};
use frame_support::{
    assert_ok,
    dispatch::Pays,
    traits::Hooks,
    weights::{Weight, WeightMeter},
};

/// What the loop charges for one node or name contract: its check and its worst bill.
fn per_contract() -> Weight {
    <() as WeightInfo>::billing_loop_check().saturating_add(SmartContractModule::bill_weight(0))
}

/// A budget that holds the block's base cost, one bucket visit and `bills` bills.
fn budget_for(bills: u64) -> Weight {
    <() as WeightInfo>::billing_loop_empty()
        .saturating_add(<() as WeightInfo>::billing_loop_bucket())
        .saturating_add(per_contract().saturating_mul(bills))
}

/// `count` name contracts of Charlie's, all in bucket 1 (ids 11, 21, 31, …).
fn name_contracts_in_bucket_one(count: u64) -> Vec<u64> {
    prepare_grid();
    (1..=count)
        .map(|k| {
            crate::ContractID::<Test>::put(k * BILLING_FREQUENCY);
            let id = create_name_contract(format!("name{k}").as_bytes());
            assert_eq!(id % BILLING_FREQUENCY, 1);
            id
        })
        .collect()
}

/// The bills (`ContractBilled` events) of each of `ids` so far.
fn bills_of(ids: &[u64]) -> Vec<usize> {
    let events = contract_events();
    ids.iter()
        .map(|id| {
            events
                .iter()
                .filter(|event| matches!(event, ContractEvent::ContractBilled(bill) if bill.contract_id == *id))
                .count()
        })
        .collect()
}

/// Run the loop of block `n` (its `on_initialize`) and return the weight it used.
fn poll(n: u64) -> Weight {
    go_to_block(n);
    SmartContractModule::on_initialize(n)
}

#[test]
fn a_bucket_larger_than_the_budget_is_billed_over_the_next_blocks_each_contract_once() {
    run(|| {
        let ids = name_contracts_in_bucket_one(5);
        BillingWeightPerBlock::set(&budget_for(2));
        clear_events();
        // Bucket 1 is due at block 11; two bills fit per block.
        let used = poll(11);
        assert!(used.all_lte(budget_for(2)), "within the budget: {used:?}");
        assert_eq!(bills_of(&ids), vec![1, 1, 0, 0, 0]);
        poll(12);
        assert_eq!(bills_of(&ids), vec![1, 1, 1, 1, 0]);
        poll(13);
        assert_eq!(bills_of(&ids), vec![1, 1, 1, 1, 1]);
        // Each bill covers the time since the contract's creation (block 1), up to its block.
        for (id, block) in ids.iter().zip([11, 11, 12, 12, 13]) {
            assert_eq!(ContractLastBilledBlock::<Test>::get(id), Some(block));
            assert_eq!(payment(*id).last_updated_seconds, time_of(block));
        }
        // The rest of the cycle bills nothing more; the next cycle bills each again, once.
        for block in 14..=20 {
            poll(block);
        }
        assert_eq!(bills_of(&ids), vec![1; 5]);
        for block in 21..=23 {
            poll(block);
        }
        assert_eq!(bills_of(&ids), vec![2; 5]);
        // With nothing left to bill, the loop catches up with the empty buckets.
        poll(24);
        poll(25);
        assert_eq!(
            BillingLoopCursor::<Test>::get(),
            Some(BillingCursor { due_block: 26, position: 0 })
        );
    });
}

#[test]
fn the_loop_stops_at_its_budget_and_at_what_a_meter_has_left() {
    run(|| {
        let ids = name_contracts_in_bucket_one(3);
        clear_events();
        // Room for one bill only.
        go_to_block(11);
        let mut meter = WeightMeter::with_limit(budget_for(1));
        SmartContractModule::bill_due_contracts(11, &mut meter);
        assert!(meter.consumed().all_lte(budget_for(1)));
        assert_eq!(bills_of(&ids), vec![1, 0, 0]);
        // Not even a bucket visit fits: nothing is billed and nothing is charged beyond the base.
        let mut meter = WeightMeter::with_limit(<() as WeightInfo>::billing_loop_empty());
        SmartContractModule::bill_due_contracts(11, &mut meter);
        assert_eq!(bills_of(&ids), vec![1, 0, 0]);
        assert!(meter.consumed().all_lte(<() as WeightInfo>::billing_loop_empty()));
        // The hook's own budget is `BillingWeightPerBlock`.
        BillingWeightPerBlock::set(&budget_for(1));
        assert!(poll(12).all_lte(budget_for(1)));
        assert_eq!(bills_of(&ids), vec![1, 1, 0]);
        poll(13);
        assert_eq!(bills_of(&ids), vec![1, 1, 1]);
    });
}

#[test]
fn a_duplicate_bill_contract_for_block_changes_nothing_and_costs_its_fee_to_anyone_else() {
    run(|| {
        prepare_grid();
        let id = create_name_contract(b"gateway");
        poll(11);
        let billed = payment(id);
        let dave_before = free(&dave());
        clear_events();
        for block in [11, 12, 15] {
            go_to_block(block);
            let by_validator = SmartContractModule::bill_contract_for_block(signed(&validator()), id);
            assert_eq!(by_validator.map(|info| info.pays_fee), Ok(Pays::No));
            let by_dave = SmartContractModule::bill_contract_for_block(signed(&dave()), id);
            assert_eq!(by_dave.map(|info| info.pays_fee), Ok(Pays::Yes));
        }
        assert!(contract_events().is_empty(), "no bill, no event");
        assert_eq!(payment(id), billed);
        assert_eq!(ContractLastBilledBlock::<Test>::get(id), Some(11));
        assert_eq!(free(&dave()), dave_before, "the pallet itself takes nothing (fees are the runtime's)");
    });
}

#[test]
fn a_bill_sent_before_the_loop_reaches_a_contract_is_not_repeated_by_the_loop() {
    run(|| {
        let ids = name_contracts_in_bucket_one(3);
        BillingWeightPerBlock::set(&budget_for(1));
        clear_events();
        poll(11);
        // A validator's worker bills the third contract in block 11, before the loop gets there.
        assert_ok!(SmartContractModule::bill_contract_for_block(signed(&validator()), ids[2]));
        assert_eq!(bills_of(&ids), vec![1, 0, 1]);
        poll(12);
        poll(13);
        assert_eq!(bills_of(&ids), vec![1, 1, 1]);
    });
}

#[test]
fn a_loop_a_whole_cycle_behind_goes_on_where_it_stands_and_bills_everyone_once() {
    run(|| {
        prepare_grid();
        let ids: Vec<u64> = (0..10).map(|k| create_name_contract(format!("name{k}").as_bytes())).collect();
        poll(11);
        clear_events();
        // Blocks 12 ..= 34 ran no loop (as if blocks could not keep up): at 35 the loop goes on
        // with bucket 2 (where it stood, due again at 32) and the buckets after it, then one
        // bucket per block from 36; each contract is billed once.
        poll(35);
        assert_eq!(bills_of(&ids), vec![0, 1, 1, 1, 1, 0, 0, 0, 0, 0]);
        for block in 36..=41 {
            poll(block);
        }
        assert_eq!(bills_of(&ids), vec![1; 10]);
        assert_eq!(
            BillingLoopCursor::<Test>::get(),
            Some(BillingCursor { due_block: 42, position: 0 })
        );
    });
}

#[test]
fn an_overloaded_loop_gives_every_contract_its_turn() {
    run(|| {
        // Twelve contracts in bucket 1 and one bill per block: the bucket needs more blocks than a
        // cycle has. The loop goes on where it stands instead of restarting the bucket, so the
        // contracts at its end get their turn too, and all as often: the bucket takes blocks
        // 11–22, then waits for its next due block, 31 (a round of 20 blocks, 6 in 120).
        let ids = name_contracts_in_bucket_one(12);
        BillingWeightPerBlock::set(&budget_for(1));
        clear_events();
        for block in 11..=130 {
            poll(block);
        }
        let bills = bills_of(&ids);
        let (least, most) = (bills.iter().min().unwrap(), bills.iter().max().unwrap());
        assert_eq!(*least, 6, "every contract is billed once per round: {bills:?}");
        assert!(most - least <= 1, "no contract is left behind: {bills:?}");
    });
}

#[test]
fn contracts_taken_out_of_the_bucket_being_billed_do_not_make_the_loop_skip_one() {
    run(|| {
        let ids = name_contracts_in_bucket_one(5);
        BillingWeightPerBlock::set(&budget_for(2));
        clear_events();
        poll(11);
        assert_eq!(bills_of(&ids), vec![1, 1, 0, 0, 0]);
        // Between blocks, the first contract (already billed) and the fourth (not yet) end.
        for id in [ids[0], ids[3]] {
            assert_ok!(SmartContractModule::cancel_contract(signed(&charlie()), id));
        }
        clear_events();
        poll(12);
        poll(13);
        assert_eq!(bills_of(&[ids[1], ids[2], ids[4]]), vec![0, 1, 1]);
        assert_eq!(ContractsToBillAt::<Test>::get(1).to_vec(), vec![ids[1], ids[2], ids[4]]);
    });
}

#[test]
fn a_contract_deleted_by_its_bill_does_not_make_the_loop_skip_the_next() {
    run(|| {
        prepare_grid();
        // Bucket 1: Dave's contract 11 (Dave cannot pay), then Charlie's 21 and 31.
        crate::ContractID::<Test>::put(BILLING_FREQUENCY);
        assert_ok!(SmartContractModule::create_name_contract(signed(&dave()), b"broke".to_vec()));
        let broke = crate::ContractID::<Test>::get();
        let paying: Vec<u64> = (2..=3)
            .map(|k| {
                crate::ContractID::<Test>::put(k * BILLING_FREQUENCY);
                create_name_contract(format!("paid{k}").as_bytes())
            })
            .collect();
        assert_ok!(Balances::force_set_balance(RuntimeOrigin::root(), dave(), ED + 1));
        poll(11);
        assert!(Contracts::<Test>::get(broke).unwrap().is_in_grace());
        clear_events();
        // Its grace ends at block 111; the next due block of bucket 1 after that is 121, where
        // its bill deletes it and the loop goes on with the next ids of the bucket.
        poll(121);
        assert!(Contracts::<Test>::get(broke).is_none(), "deleted at the end of its grace");
        assert!(!ContractsToBillAt::<Test>::get(1).contains(&broke));
        assert_eq!(bills_of(&paying), vec![1, 1], "the next contracts are billed in the same block");
        assert_eq!(
            BillingLoopCursor::<Test>::get(),
            Some(BillingCursor { due_block: 122, position: 0 })
        );
    });
}

#[test]
#[should_panic(expected = "BillingWeightPerBlock must hold at least one worst-case bill")]
fn a_budget_below_one_worst_bill_fails_the_integrity_test() {
    new_test_ext().execute_with(|| {
        BillingWeightPerBlock::set(&SmartContractModule::bill_weight(0));
        <SmartContractModule as Hooks<u64>>::integrity_test();
    });
}

#[test]
fn the_migration_starts_the_loop_at_the_upgrade_block_once() {
    use frame_support::traits::OnRuntimeUpgrade;
    run(|| {
        prepare_grid();
        let id = create_name_contract(b"gateway");
        go_to_block(57);
        assert_eq!(BillingLoopCursor::<Test>::get(), None, "a chain of the earlier design");
        crate::migrations::InitBillingLoop::<Test>::on_runtime_upgrade();
        assert_eq!(
            BillingLoopCursor::<Test>::get(),
            Some(BillingCursor { due_block: 57, position: 0 })
        );
        // Idempotent: a running loop stays where it is.
        let running = BillingCursor { due_block: 58, position: 3 };
        BillingLoopCursor::<Test>::put(running);
        crate::migrations::InitBillingLoop::<Test>::on_runtime_upgrade();
        assert_eq!(BillingLoopCursor::<Test>::get(), Some(running));
        // From the cursor on, bucket 1 is billed at its next due block, 61.
        BillingLoopCursor::<Test>::put(BillingCursor { due_block: 57, position: 0 });
        clear_events();
        for block in 57..=61 {
            poll(block);
        }
        assert_eq!(bills_of(&[id]), vec![1]);
        assert_eq!(ContractLastBilledBlock::<Test>::get(id), Some(61));
    });
}

#[cfg(feature = "try-runtime")]
#[test]
fn the_migration_passes_its_try_runtime_checks_and_is_idempotent() {
    use frame_support::traits::OnRuntimeUpgrade;
    run(|| {
        go_to_block(57);
        for _ in 0..2 {
            assert_ok!(crate::migrations::InitBillingLoop::<Test>::try_on_runtime_upgrade(true));
        }
    });
}

#[test]
fn a_contract_with_no_time_since_its_last_bill_is_left_for_its_next_cycle() {
    run(|| {
        prepare_grid();
        // Created at the time the loop of its due block bills up to (on chain: in the parent
        // block): nothing to bill yet.
        go_to_block(11);
        let id = create_name_contract(b"gateway");
        assert_eq!(id % BILLING_FREQUENCY, 1);
        clear_events();
        poll(11);
        assert_eq!(bills_of(&[id]), vec![0]);
        assert_eq!(ContractLastBilledBlock::<Test>::get(id), None);
        poll(21);
        assert_eq!(bills_of(&[id]), vec![1]);
        assert_eq!(payment(id).last_updated_seconds, time_of(21));
    });
}
