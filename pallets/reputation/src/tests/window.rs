//! The fixed window of periods and its lazy rollover.

use super::*;
use crate::{pallet::NodeReputations, scoring::WINDOW_MASK, types::NodeRecord};

/// A record first reported at time 0 in period `period`, proven online for the whole period.
fn online_record(period: u32) -> NodeRecord {
    let mut record = NodeRecord::new(1, period, u64::from(period) * PERIOD, 0);
    record.online_secs = PERIOD;
    record
}

#[test]
fn several_reports_in_one_period_count_once() {
    run(|| {
        add_node(1, 1, 10);
        // Twelve reports in period 0, one in period 1.
        report(1, 0);
        report_at(1, secs(1), secs(1));
        let record = NodeReputations::<Test>::get(1).unwrap();
        assert_eq!(record.total_counted, 1);
        assert_eq!(record.total_available, 1);
        assert_eq!(record.current_period, 1);
        assert!(record.reported);
    });
}

#[test]
fn a_query_rolls_the_window_over_without_writing() {
    run(|| {
        add_node(1, 1, 10);
        report(1, 0);
        let stored = NodeReputations::<Test>::get(1).unwrap();
        assert_eq!(reputation_at(1, 5).counted_30, 5);
        assert_eq!(NodeReputations::<Test>::get(1), Some(stored));
    });
}

#[test]
fn periods_older_than_the_window_fall_out_of_it() {
    let mut record = online_record(0);
    record.advance_to(1, PERIOD);
    assert_eq!((record.counted, record.available), (1, 1));
    record.advance_to(30, PERIOD);
    assert_eq!(record.counted, WINDOW_MASK);
    assert_eq!(record.available, 1 << 29);
    record.advance_to(31, PERIOD);
    assert_eq!(record.available, 0);
    assert_eq!(record.total_counted, 31);
    assert_eq!(record.total_available, 1);
}

#[test]
fn a_gap_longer_than_the_window_rolls_over_in_one_step() {
    let mut record = online_record(0);
    record.has_contracts = true;
    record.advance_to(1_000_000, PERIOD);
    assert_eq!(record.counted, WINDOW_MASK);
    assert_eq!(record.available, 0);
    assert_eq!(record.sla_missed, WINDOW_MASK);
    assert_eq!(record.total_counted, 1_000_000);
    assert_eq!(record.total_sla_missed, 999_999);
}

#[test]
fn rolling_back_in_time_changes_nothing() {
    let mut record = online_record(10);
    let before = record.clone();
    record.advance_to(5, PERIOD);
    record.advance_to(10, PERIOD);
    assert_eq!(record, before);
}
