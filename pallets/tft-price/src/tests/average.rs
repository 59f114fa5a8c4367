//! The price history ring buffer and its median, the average price.

use super::*;
use crate::{
    ringbuffer::{next_slot, rounded_midpoint, PriceHistory},
    types::HISTORY_LENGTH,
    AverageTftPrice, BufferRange, TftPriceHistory,
};

#[test]
fn the_median_of_an_even_history_rounds_half_up() {
    run(|| {
        let prices = [499, 500, 500, 500, 499, 499, 499];
        let averages = [499, 500, 500, 500, 500, 500, 499];
        for (i, (price, average)) in prices.into_iter().zip(averages).enumerate() {
            report(price, 10 * (i as u64 + 1));
            assert_eq!(AverageTftPrice::<Test>::get(), average, "after report {i}");
        }
    });
}

#[test]
fn rounded_midpoint_rounds_halves_up_without_overflow() {
    run(|| {
        assert_eq!(rounded_midpoint(499, 500), 500);
        assert_eq!(rounded_midpoint(500, 499), 500);
        assert_eq!(rounded_midpoint(498, 500), 499);
        assert_eq!(rounded_midpoint(0, 0), 0);
        assert_eq!(rounded_midpoint(u32::MAX - 1, u32::MAX), u32::MAX);
        assert_eq!(rounded_midpoint(u32::MAX, u32::MAX), u32::MAX);
    });
}

#[test]
fn the_median_of_maximal_prices_does_not_overflow() {
    run(|| {
        report(u32::MAX, 10);
        report(u32::MAX, 20);
        assert_eq!(AverageTftPrice::<Test>::get(), u32::MAX);
    });
}

#[test]
fn the_median_ignores_a_wild_price() {
    run(|| {
        for (i, price) in [50, 52, 1_000_000, 51, 0].into_iter().enumerate() {
            report(price, 10 * (i as u64 + 1));
        }
        // Sorted 0, 50, 51, 52, 1 000 000: the middle one.
        assert_eq!(AverageTftPrice::<Test>::get(), 51);
        assert_eq!(PriceHistory::<Test>::median(), Some(51));
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
        assert_eq!(PriceHistory::<Test>::median(), Some(3));
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

        report(1_540, 10);
        assert_eq!(TftPriceHistory::<Test>::get(0), 1_540);
        assert_eq!(BufferRange::<Test>::get(), (2, 1));
        assert_eq!(
            TftPriceHistory::<Test>::iter().count(),
            HISTORY_LENGTH as usize
        );
        // The median of 1439 times 100 and one 1540.
        assert_eq!(AverageTftPrice::<Test>::get(), 100);
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
        report(200, 10);
        assert_eq!(BufferRange::<Test>::get(), (1, 0));
        assert_eq!(AverageTftPrice::<Test>::get(), 200);
    });
}
