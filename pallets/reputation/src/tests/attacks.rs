//! Attacks on the score (reports that claim more online time than they prove) and how uptime
//! reports prove online time: reboots, gaps, late first reports, short periods.

use super::*;
use crate::{
    mock::{online_times, update_node_state, Reputation},
    online::MAX_REPORT_GAP_SECS,
    pallet::NodeReputations,
    types::NodeRecord,
};

/// A script sends one uptime report a period, with an uptime that grows exactly with the clock
/// (as if the node never rebooted): one report a day proves nothing about the hours between.
#[test]
fn attack_one_scripted_report_a_day_earns_a_perfect_score() {
    run(|| {
        add_node(1, 1, 10);
        for period in 0..40 {
            go_to(period);
            let now = secs(period);
            // Booted at time 0, never rebooted.
            Reputation::node_uptime_reported(1, 1, now, now);
        }
        let reputation = reputation_at(1, 40);
        assert_eq!(reputation.availability_30_permill, 0);
        assert_eq!(reputation.availability_all_permill, 0);
        assert!(reputation.score_permill < 100);
    });
}

/// Node 1 sends the reports of one day 0, every two hours from `secs(0)`, with the uptimes given.
fn reports_of_day_0(uptimes: impl Fn(u64) -> u64) {
    for k in 0..PERIOD / REPORT_EVERY {
        let now = secs(0) + k * REPORT_EVERY;
        report_at(1, now, uptimes(now));
    }
}

#[test]
fn a_node_that_keeps_rebooting_is_unavailable() {
    run(|| {
        add_node(1, 1, 10);
        // Every report says the node booted 30 minutes ago: 11 × 30 min proven of day 0.
        reports_of_day_0(|_| 1800);
        let record = NodeReputations::<Test>::get(1).unwrap();
        assert_eq!(record.total_online_secs, 11 * 1800);
        assert_eq!(reputation_at(1, 1).availability_30_permill, 0);
    });
}

#[test]
fn a_reboot_counts_only_the_time_since_the_boot() {
    run(|| {
        add_node(1, 1, 10);
        // Up from time 0, down for 1 h 50 min before the report at 12 h, up again since then.
        let reboot = secs(0) + 6 * REPORT_EVERY - 600;
        reports_of_day_0(|now| if now < reboot { now } else { now - reboot });
        let record = NodeReputations::<Test>::get(1).unwrap();
        // 11 gaps of 2 h, one of which proves only the 10 minutes since the boot.
        assert_eq!(record.total_online_secs, 10 * REPORT_EVERY + 600);
        // About 20 h of 24 proven: the day is available.
        assert_eq!(reputation_at(1, 1).availability_30_permill, 1000);
    });
}

#[test]
fn uptime_growing_faster_than_the_clock_proves_nothing() {
    run(|| {
        add_node(1, 1, 10);
        // Each report claims ten more hours of uptime, two hours after the previous one.
        reports_of_day_0(|now| now * 5);
        assert_eq!(
            NodeReputations::<Test>::get(1).unwrap().total_online_secs,
            0
        );
        assert_eq!(reputation_at(1, 1).availability_30_permill, 0);
    });
}

#[test]
fn a_gap_of_more_than_two_report_intervals_is_offline_and_one_lost_report_is_not() {
    run(|| {
        add_node(1, 1, 10);
        add_node(2, 1, 10);
        for k in 0..=6 {
            let now = secs(0) + k * (MAX_REPORT_GAP_SECS + 1);
            report_at(1, now, now);
        }
        for k in 0..=6 {
            let now = secs(0) + k * MAX_REPORT_GAP_SECS;
            report_at(2, now, now);
        }
        assert_eq!(
            NodeReputations::<Test>::get(1).unwrap().total_online_secs,
            0
        );
        assert_eq!(
            NodeReputations::<Test>::get(2).unwrap().total_online_secs,
            6 * MAX_REPORT_GAP_SECS
        );
        assert_eq!(reputation_at(1, 1).availability_30_permill, 0);
        assert_eq!(reputation_at(2, 1).availability_30_permill, 1000);
    });
}

#[test]
fn a_period_first_reported_late_is_judged_from_the_first_report() {
    run(|| {
        add_node(1, 1, 10);
        // First report at 20 h of day 0, then every two hours: 4 h of day 0 are observable, and
        // the 3 h 59 min 50 s proven from 20 h 0 min 10 s on are enough.
        let first = PERIOD - 4 * 60 * 60;
        for k in 0..=4 {
            let now = first + 10 + k * REPORT_EVERY;
            report_at(1, now, now - first);
        }
        let reputation = reputation_at(1, 1);
        assert_eq!(reputation.counted_30, 1);
        assert_eq!(reputation.availability_30_permill, 1000);
    });
}

#[test]
fn the_dao_is_told_each_report_s_proven_online_time() {
    run(|| {
        add_node(1, 1, 10);
        update_node_state(1, |state| state.certified = true);
        report_at(1, secs(0), 100);
        report_at(1, secs(0) + REPORT_EVERY, 100 + REPORT_EVERY);
        report_at(1, secs(0) + 2 * REPORT_EVERY, 60);
        assert_eq!(
            online_times(),
            vec![
                (1, true, 0),
                (1, true, REPORT_EVERY),
                (1, true, REPORT_EVERY + 60)
            ]
        );
    });
}

/// On a chain whose periods are shorter than the gap between two reports (dev chains), the
/// periods a proven gap spans are available, and the one it starts in is judged on its share.
#[test]
fn a_proven_gap_spanning_short_periods_makes_them_available() {
    let period_secs = 18;
    // First report at 5 s (period 0), next at 100 s (period 5): 95 s proven.
    let mut record = NodeRecord::new(1, 0, 5, 1_000);
    record.record_report(100, 1_095, period_secs);
    assert_eq!(record.current_period, 5);
    // Period 0 (13 s observable, all proven) and 1..=4 available; 10 s of period 5 proven.
    assert_eq!(record.available, 0b11111);
    assert_eq!(record.online_secs, 10);
    // Then a report at 150 s after a reboot at 141 s: periods 5..=6 unproven, 7 (from 141 s,
    // 3 s of 18) not available; 6 s of period 8 proven.
    record.record_report(150, 9, period_secs);
    assert_eq!(record.current_period, 8);
    assert_eq!(record.available & 0b111, 0);
    assert_eq!(record.available >> 3, 0b11111);
    assert_eq!(record.online_secs, 6);
    assert_eq!(record.total_online_secs, 95 + 9);
}
