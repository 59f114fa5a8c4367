//! Attacks by a node on the users of its contracts through its reports (issue 12, item 2): a
//! network report of `u64::MAX` bytes, a ten-year window, a timestamp in the future, more
//! capacity than the node has, and a bill that would take the owner's whole balance. Each test
//! computes the bounded figures from the policy and the mock's limits by hand.

use super::{billing::round_div, *};
use crate::{ContractBillingInformationByID, NodeContractResources};
use frame_support::assert_ok;

/// Network traffic a node may report per second (the mock's `MaxNruBytesPerSecond`): 10 Gbit/s.
const MAX_NRU_BYTES_PER_SECOND: u64 = 1_250_000_000;
/// One bill of a node contract takes at most this multiple of its reference cost.
const MAX_BILL_MULTIPLIER: u128 = 2;
/// Minimum charge of a node contract, units-USD per hour (the mock's).
const MINIMUM_CHARGE: u128 = 2_500;
/// Seconds in ten years.
const TEN_YEARS: u64 = 10 * 365 * 24 * 3600;
/// One gigabyte (the policy's `nu` unit).
const GB: u64 = 1_000_000_000;

/// A node contract of `who` on node 1 with deployment hash `seed` and `ips` IPs.
fn deploy(who: &AccountId32, seed: u8, ips: u32) -> u64 {
    assert_ok!(SmartContractModule::create_node_contract(
        signed(who),
        NODE,
        hash(seed),
        b(b"data"),
        ips,
        None
    ));
    ContractID::<Test>::get()
}

fn nru(contract_id: u64, timestamp: u64, window: u64, nru: u64) -> NruConsumption {
    NruConsumption {
        contract_id,
        timestamp,
        window,
        nru,
    }
}

fn add_nru_batch(reports: Vec<NruConsumption>) {
    assert_ok!(SmartContractModule::add_nru_reports(signed(&bob()), reports));
}

/// units-USD of `bytes` of traffic reported over `window` seconds: (GB) × 50 000 / 3 600 ×
/// window.
fn nru_units(bytes: u128, window: u128) -> u128 {
    round_div(bytes * 50_000 * window, GB as u128 * 3_600)
}

/// The reports the node got acknowledged (`NruConsumptionReportReceived`).
fn acknowledged() -> Vec<NruConsumption> {
    contract_events()
        .into_iter()
        .filter_map(|event| match event {
            ContractEvent::NruConsumptionReportReceived(report) => Some(report),
            _ => None,
        })
        .collect()
}

/// The ContractBilled events of contract `id`.
fn bills_of(id: u64) -> Vec<ContractBill> {
    contract_events()
        .into_iter()
        .filter_map(|event| match event {
            ContractEvent::ContractBilled(bill) if bill.contract_id == id => Some(bill),
            _ => None,
        })
        .collect()
}

/// units-USD of the whole test node (8 cores, 16 GiB, 1 TiB SSD, 2 TiB HDD) and `ips` IPs over
/// `secs`: SU = 2048/1200 + 1024/200, CU = 4, rounded once.
fn full_node_units(ips: u128, secs: u128) -> u128 {
    // SU as a fraction over 240 000: 2048 × 200 + 1024 × 1200 = 1 638 400.
    let su = 194_400 * secs * 1_638_400;
    let cu = 305_600 * secs * 4 * 240_000;
    let ip = 69_400 * secs * ips * 240_000;
    round_div(su + cu + ip, 3_600 * 240_000)
}

/// The most one bill of a node contract with `ips` IPs may reserve for `secs` seconds: the
/// multiplier × (the whole node and its IPs + the minimum charge), in TFT units (×20).
fn bill_cap(ips: u128, secs: u128) -> u128 {
    MAX_BILL_MULTIPLIER
        * (full_node_units(ips, secs) + round_div(MINIMUM_CHARGE * secs, 3_600))
        * 20
}

#[test]
fn the_bound_figures_follow_from_the_policy() {
    run(|| {
        assert_eq!(
            <<Test as crate::Config>::MaxNruBytesPerSecond as Get<u64>>::get(),
            MAX_NRU_BYTES_PER_SECOND
        );
        assert_eq!(
            <<Test as crate::Config>::MaxBillMultiplier as Get<u32>>::get() as u128,
            MAX_BILL_MULTIPLIER
        );
        assert_eq!(
            <<Test as crate::Config>::NodeContractMinimumCharge as Get<u64>>::get() as u128,
            MINIMUM_CHARGE
        );
        // 42 491.73 (capacity) + 1 156.67 (IP) = 43 648.4 units-USD a minute.
        assert_eq!(full_node_units(1, 60), 43_648);
        assert_eq!(bill_cap(1, 60), 2 * (43_648 + 42) * 20);
    });
}

#[test]
fn attack_node_reports_nru_u64_max() {
    run(|| {
        prepare_grid();
        let id = deploy(&charlie(), 1, 0);
        go_to_block(10);
        // 54 s since the contract was created: at most 54 × 1.25 GB = 67.5 GB are priced.
        add_nru_batch(vec![nru(id, time_of(10), 54, u64::MAX)]);
        let capped = MAX_NRU_BYTES_PER_SECOND as u128 * 54;
        let unbilled = nru_units(capped, 54);
        assert_eq!(unbilled, 50_625);
        assert_eq!(
            acknowledged(),
            vec![nru(id, time_of(10), 54, capped as u64)],
            "the report is acknowledged with the traffic that was priced"
        );
        assert_eq!(
            ContractBillingInformationByID::<Test>::get(id).amount_unbilled as u128,
            unbilled
        );
        bill_at_block(11);
        // 1 012 500 TFT units; 2 500 TFT cover 0.57 months of it: no discount.
        assert_eq!(reserved(&charlie()), unbilled * 20);
    });
}

#[test]
fn attack_node_reports_a_ten_year_window() {
    run(|| {
        prepare_grid();
        let long = deploy(&charlie(), 1, 0);
        let exact = deploy(&charlie(), 2, 0);
        let over = deploy(&charlie(), 3, 0);
        go_to_block(10);
        // 54 s since the three contracts were created; one bad report does not sink the batch.
        add_nru_batch(vec![
            nru(long, time_of(10), TEN_YEARS, GB),
            nru(exact, time_of(10), 54, GB),
            nru(over, time_of(10), 55, GB),
        ]);
        assert_eq!(acknowledged(), vec![nru(exact, time_of(10), 54, GB)]);
        assert_eq!(
            ContractBillingInformationByID::<Test>::get(long).amount_unbilled,
            0
        );
        assert_eq!(
            ContractBillingInformationByID::<Test>::get(long).last_updated,
            time_of(1)
        );
        assert_eq!(
            ContractBillingInformationByID::<Test>::get(exact).amount_unbilled as u128,
            nru_units(GB as u128, 54)
        );
        assert_eq!(
            ContractBillingInformationByID::<Test>::get(over).amount_unbilled,
            0
        );
        // A report that repeats an accepted one covers no new time and is not priced again.
        clear_events();
        add_nru_batch(vec![nru(exact, time_of(10), 54, GB)]);
        assert!(acknowledged().is_empty());
        assert_eq!(
            ContractBillingInformationByID::<Test>::get(exact).amount_unbilled as u128,
            nru_units(GB as u128, 54)
        );
    });
}

#[test]
fn attack_node_reports_a_future_timestamp() {
    run(|| {
        prepare_grid();
        let far = deploy(&charlie(), 1, 0);
        let near = deploy(&charlie(), 2, 0);
        let drift = deploy(&charlie(), 3, 0);
        go_to_block(10);
        let allowed: u64 = <Test as pallet_tfgrid::Config>::TimestampHintDrift::get();
        // Ten years ahead with a ten-year window; one second past the allowed drift; exactly
        // at the drift.
        add_nru_batch(vec![
            nru(far, time_of(10) + TEN_YEARS, TEN_YEARS, GB),
            nru(near, time_of(10) + allowed + 1, 54, GB),
            nru(drift, time_of(10) + allowed, 54, GB),
        ]);
        assert_eq!(
            acknowledged(),
            vec![nru(drift, time_of(10) + allowed, 54, GB)]
        );
        for id in [far, near] {
            let info = ContractBillingInformationByID::<Test>::get(id);
            assert_eq!((info.amount_unbilled, info.last_updated), (0, time_of(1)));
        }
        // The rejected report did not move the clock: the next honest report is accepted.
        go_to_block(20);
        clear_events();
        add_nru_batch(vec![nru(far, time_of(20), time_of(20) - time_of(1), GB)]);
        assert_eq!(acknowledged().len(), 1);
        assert_eq!(
            ContractBillingInformationByID::<Test>::get(far).amount_unbilled as u128,
            nru_units(GB as u128, (time_of(20) - time_of(1)) as u128)
        );
    });
}

#[test]
fn attack_node_reports_more_resources_than_it_has() {
    run(|| {
        prepare_grid();
        let inflated = deploy(&charlie(), 1, 0);
        let whole = deploy(&dave(), 2, 0);
        let huge = Resources {
            hru: u64::MAX,
            sru: u64::MAX,
            cru: u64::MAX,
            mru: u64::MAX,
        };
        report_resources(inflated, huge);
        report_resources(whole, node_resources());
        assert_eq!(
            NodeContractResources::<Test>::get(inflated).used,
            node_resources()
        );
        assert_eq!(
            last_event(),
            ContractEvent::UpdatedUsedResources(ContractResources {
                contract_id: whole,
                used: node_resources()
            })
        );
        // Just under the node on one field: kept as reported.
        let under = Resources {
            cru: 7,
            ..node_resources()
        };
        report_resources(whole, under);
        assert_eq!(NodeContractResources::<Test>::get(whole).used, under);
        report_resources(whole, node_resources());
        // The inflated contract pays for the whole node: 42 491.73 → 42 492 units-USD a minute
        // = 849 840 TFT units; 2 500 TFT cover 0.68 months of it: no discount.
        bill_at_block(11);
        let bills = bills_of(inflated);
        assert_eq!(bills.len(), 1);
        assert_eq!(bills[0].amount_billed, full_node_units(0, 60) * 20);
        assert_eq!(full_node_units(0, 60), 42_492);
    });
}

#[test]
fn attack_a_bill_that_would_take_the_whole_balance() {
    run(|| {
        prepare_grid();
        let id = deploy(&charlie(), 1, 1);
        // Thirty days later the contract is billed (for its IP); then the node reports, for the
        // whole time since the contract was created, the most traffic it may report.
        let thirty_days = 30 * 24 * 600;
        bill_at_block(1 + thirty_days);
        let first = bills_of(id);
        assert_eq!(first.len(), 1);
        go_to_block(10 + thirty_days);
        let window = time_of(10 + thirty_days) - time_of(1);
        add_nru_batch(vec![nru(
            id,
            time_of(10 + thirty_days),
            window,
            MAX_NRU_BYTES_PER_SECOND * window,
        )]);
        let unbilled = nru_units(
            MAX_NRU_BYTES_PER_SECOND as u128 * window as u128,
            window as u128,
        );
        assert!(
            unbilled * 20 > USER_BALANCE * 1_000,
            "the usage is worth far more than the balance"
        );
        let balance = free(&charlie());
        bill_at_block(11 + thirty_days);
        // The bill reserves its cap, stays out of grace and keeps the rest as debt.
        let cap = bill_cap(1, 60);
        let bills = bills_of(id);
        assert_eq!(bills.len(), 2);
        assert_eq!(bills[1].amount_billed, cap);
        assert_eq!(free(&charlie()), balance - cap);
        let state = payment(id);
        assert!(state.standard_overdraft > 0);
        assert_eq!(
            crate::Contracts::<Test>::get(id).unwrap().state,
            ContractState::Created
        );
        // The owner cancels 6 s later: the final bill is capped too and the rest is forgiven.
        go_to_block(12 + thirty_days);
        assert_ok!(SmartContractModule::cancel_contract(signed(&charlie()), id));
        let final_cap = bill_cap(1, 6);
        assert_eq!(bills_of(id)[2].amount_billed, final_cap);
        assert_eq!(free(&charlie()), balance - cap - final_cap);
        assert_eq!(reserved(&charlie()), 0);
        assert!(crate::Contracts::<Test>::get(id).is_none());
    });
}
