//! The invariants `do_try_state` checks catch broken state.

use super::*;
use crate::{
    types::HISTORY_LENGTH, AverageTftPrice, BufferRange, MaxTftPrice, MinTftPrice, TftPriceHistory,
};

#[test]
fn try_state_detects_an_average_that_is_not_the_historys() {
    run(|| {
        report(500, 10);
        AverageTftPrice::<Test>::put(499);
        assert!(TftPriceModule::do_try_state().is_err());
        AverageTftPrice::<Test>::put(500);
    });
}

#[test]
fn try_state_detects_a_range_outside_the_buffer() {
    run(|| {
        BufferRange::<Test>::put((0, HISTORY_LENGTH));
        assert!(TftPriceModule::do_try_state().is_err());
        BufferRange::<Test>::put((0, 0));
    });
}

#[test]
fn try_state_detects_a_gap_in_the_history() {
    run(|| {
        report(500, 10);
        report(500, 20);
        TftPriceHistory::<Test>::remove(0);
        assert!(TftPriceModule::do_try_state().is_err());
        TftPriceHistory::<Test>::insert(0, 500);
    });
}

#[test]
fn try_state_detects_a_price_past_the_end_of_the_history() {
    run(|| {
        report(500, 10);
        TftPriceHistory::<Test>::insert(7, 500);
        assert!(TftPriceModule::do_try_state().is_err());
        TftPriceHistory::<Test>::remove(7);
    });
}

#[test]
fn try_state_detects_a_minimum_above_the_maximum() {
    run(|| {
        MinTftPrice::<Test>::put(2_000);
        assert!(TftPriceModule::do_try_state().is_err());
        MaxTftPrice::<Test>::put(3_000);
    });
}

#[test]
fn try_state_detects_a_last_report_after_the_current_block() {
    run(|| {
        report(500, 10);
        crate::LastBlockSet::<Test>::put(12);
        assert!(TftPriceModule::do_try_state().is_err());
        crate::LastBlockSet::<Test>::put(11);
    });
}
