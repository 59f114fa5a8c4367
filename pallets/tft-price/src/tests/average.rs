//! The price history ring buffer and its average.

use super::*;
use crate::{
    ringbuffer::{next_slot, rounded_mean, PriceHistory},
    types::HISTORY_LENGTH,
    AverageTftPrice, BufferRange, TftPriceHistory,
};

#[test]
fn the_average_rounds_half_away_from_zero() {
    run(|| {
        let prices = [499, 500, 500, 500, 499, 499, 499];
        let averages = [499, 500, 500, 500, 500, 500, 499];
        for (i, (price, average)) in prices.into_iter().zip(averages).enumerate() {
            report(price, 10 * i as u64);
            assert_eq!(AverageTftPrice::<Test>::get(), average, "after report {i}");
        }
    });
}

#[test]
fn rounded_mean_rounds_to_the_nearest_integer_with_halves_up() {
    run(|| {
        assert_eq!(rounded_mean(999, 2), Some(500));
        assert_eq!(rounded_mean(998, 2), Some(499));
        assert_eq!(rounded_mean(1_000, 3), Some(333));
        assert_eq!(rounded_mean(1_001, 3), Some(334));
        assert_eq!(rounded_mean(7, 1), Some(7));
        assert_eq!(rounded_mean(u32::MAX, 1), Some(u32::MAX));
        assert_eq!(rounded_mean(0, 0), None);
    });
}

#[test]
fn the_sum_of_the_history_saturates() {
    run(|| {
        report(u32::MAX, 1);
        report(u32::MAX, 11);
        // u32::MAX / 2 = 2147483647.5, rounded up.
        assert_eq!(AverageTftPrice::<Test>::get(), 2_147_483_648);
    });
}

#[test]
fn slots_wrap_after_the_last_one() {
    run(|| {
        assert_eq!(next_slot(0), 1);
        assert_eq!(next_slot(HISTORY_LENGTH - 2), HISTORY_LENGTH - 1);
        assert_eq!(next_slot(HISTORY_LENGTH - 1), 0);
    });
}

#[test]
fn the_history_fills_its_slots_in_order() {
    run(|| {
        for price in 1..=5 {
            PriceHistory::<Test>::push(price);
        }
        assert_eq!(BufferRange::<Test>::get(), (0, 5));
        assert_eq!(PriceHistory::<Test>::len(), 5);
        assert!(!PriceHistory::<Test>::is_full());
        let stored: Vec<u32> = (0..5).map(TftPriceHistory::<Test>::get).collect();
        assert_eq!(stored, vec![1, 2, 3, 4, 5]);
        assert_eq!(PriceHistory::<Test>::average(), Some(3));
        AverageTftPrice::<Test>::put(3);
    });
}

#[test]
fn a_full_history_overwrites_its_oldest_price() {
    run(|| {
        for _ in 0..HISTORY_LENGTH {
            PriceHistory::<Test>::push(100);
        }
        assert_eq!(BufferRange::<Test>::get(), (1, 0));
        assert!(PriceHistory::<Test>::is_full());
        assert_eq!(PriceHistory::<Test>::len(), HISTORY_LENGTH);

        report(1_540, 1);
        assert_eq!(TftPriceHistory::<Test>::get(0), 1_540);
        assert_eq!(BufferRange::<Test>::get(), (2, 1));
        assert_eq!(
            TftPriceHistory::<Test>::iter().count(),
            HISTORY_LENGTH as usize
        );
        // (1439 * 100 + 1540) / 1440 = 101.
        assert_eq!(AverageTftPrice::<Test>::get(), 101);
    });
}

#[test]
fn a_full_history_whose_start_wrapped_to_slot_zero_is_still_full() {
    run(|| {
        for _ in 0..(2 * HISTORY_LENGTH - 1) {
            PriceHistory::<Test>::push(200);
        }
        assert_eq!(BufferRange::<Test>::get(), (0, HISTORY_LENGTH - 1));
        assert_eq!(PriceHistory::<Test>::len(), HISTORY_LENGTH);
        report(200, 1);
        assert_eq!(BufferRange::<Test>::get(), (1, 0));
        assert_eq!(AverageTftPrice::<Test>::get(), 200);
    });
}
