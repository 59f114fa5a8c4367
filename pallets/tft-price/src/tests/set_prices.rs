//! `set_prices`: validators report the price; the pallet keeps it, its history and average.

use super::*;
use crate::{
    types::{HISTORY_LENGTH, MAX_REPORT_AGE, SUBMISSION_INTERVAL},
    AverageTftPrice, BufferRange, Error, LastBlockSet, MaxTftPrice, MinTftPrice, TftPrice,
    TftPriceHistory,
};
use frame_support::{assert_noop, dispatch::Pays};
use sp_runtime::{AccountId32, DispatchError};

#[test]
fn set_prices_stores_the_price_its_block_and_the_average() {
    run(|| {
        System::set_block_number(13);
        assert_ok!(TftPriceModule::set_prices(
            RuntimeOrigin::signed(alice()),
            500,
            12
        ));
        assert_eq!(TftPrice::<Test>::get(), 500);
        assert_eq!(LastBlockSet::<Test>::get(), 12);
        assert_eq!(AverageTftPrice::<Test>::get(), 500);
        assert_eq!(TftPriceHistory::<Test>::get(0), 500);
        assert_eq!(BufferRange::<Test>::get(), (0, 1));
        assert_eq!(
            price_events(),
            vec![
                PriceEvent::PriceStored(500),
                PriceEvent::AveragePriceStored(500)
            ]
        );
    });
}

#[test]
fn an_accepted_report_is_free_and_a_refused_one_pays_its_fee() {
    run(|| {
        System::set_block_number(11);
        let info = TftPriceModule::set_prices(RuntimeOrigin::signed(alice()), 500, 10)
            .expect("the validator in its turn may report");
        assert_eq!(info.pays_fee, Pays::No);
        // Declared for a full history, refunded to the history's length (one price).
        use crate::{types::HISTORY_LENGTH, weights::WeightInfo};
        use frame_support::dispatch::GetDispatchInfo;
        assert_eq!(info.actual_weight, Some(<() as WeightInfo>::set_prices(1)));
        let call = RuntimeCall::TftPriceModule(crate::Call::set_prices {
            price: 500,
            block_number: 10,
        });
        assert_eq!(
            call.get_dispatch_info().call_weight,
            <() as WeightInfo>::set_prices(HISTORY_LENGTH.into())
        );
        let refused = TftPriceModule::set_prices(RuntimeOrigin::signed(alice()), 500, 11)
            .expect_err("a second report within the interval is refused");
        assert_eq!(refused.post_info.pays_fee, Pays::Yes);
        assert_eq!(
            refused.error,
            Error::<Test>::ReportIntervalNotElapsed.into()
        );
    });
}

#[test]
fn the_first_report_comes_an_interval_after_genesis() {
    run(|| {
        let first = u64::from(SUBMISSION_INTERVAL);
        System::set_block_number(first);
        assert_noop!(
            TftPriceModule::set_prices(RuntimeOrigin::signed(alice()), 500, first - 1),
            Error::<Test>::ReportIntervalNotElapsed
        );
        assert_ok!(TftPriceModule::set_prices(
            RuntimeOrigin::signed(alice()),
            500,
            first
        ));
    });
}

#[test]
fn a_last_report_for_a_later_block_does_not_block_the_next_report() {
    run(|| {
        // Not reachable through set_prices; a state a migration could leave.
        LastBlockSet::<Test>::put(1_000);
        System::set_block_number(31);
        assert_ok!(TftPriceModule::set_prices(
            RuntimeOrigin::signed(alice()),
            500,
            30
        ));
        assert_eq!(LastBlockSet::<Test>::get(), 30);
    });
}

#[test]
fn turns_go_round_the_validators_every_interval() {
    run(|| {
        three_validators();
        let validators = [alice(), bob(), charlie()];
        for turn in 1..=6u64 {
            let block = 10 * turn + 9;
            System::set_block_number(block + 1);
            let in_turn = &validators[(turn % 3) as usize];
            assert_eq!(
                crate::price::reporter_for(&validators, block),
                Some(in_turn)
            );
            assert_ok!(TftPriceModule::set_prices(
                RuntimeOrigin::signed(in_turn.clone()),
                500,
                block
            ));
        }
        assert_eq!(
            crate::price::reporter_for::<AccountId32, u64>(&[], 10),
            None
        );
    });
}

#[test]
fn ten_reports_keep_ten_prices_and_their_average() {
    run(|| {
        for (i, price) in [495, 505, 490, 510, 500, 500, 498, 502, 499, 501]
            .into_iter()
            .enumerate()
        {
            report(price, 10 * (i as u64 + 1));
        }
        assert_eq!(TftPriceHistory::<Test>::iter().count(), 10);
        assert_eq!(BufferRange::<Test>::get(), (0, 10));
        assert_eq!(AverageTftPrice::<Test>::get(), 500);
        assert_eq!(TftPrice::<Test>::get(), 501);
        assert_eq!(LastBlockSet::<Test>::get(), 100);
    });
}

#[test]
fn set_prices_by_an_account_that_is_not_a_validator_fails() {
    run(|| {
        assert_noop!(
            TftPriceModule::set_prices(RuntimeOrigin::signed(bob()), 500, 1),
            Error::<Test>::AccountUnauthorizedToSetPrice
        );
    });
}

#[test]
fn set_prices_by_a_removed_validator_fails() {
    run(|| {
        report(500, 10);
        set_validators(vec![bob()]);
        System::set_block_number(21);
        assert_noop!(
            TftPriceModule::set_prices(RuntimeOrigin::signed(alice()), 600, 20),
            Error::<Test>::AccountUnauthorizedToSetPrice
        );
        assert_ok!(TftPriceModule::set_prices(
            RuntimeOrigin::signed(bob()),
            600,
            20
        ));
    });
}

#[test]
fn set_prices_needs_a_signed_origin() {
    run(|| {
        assert_noop!(
            TftPriceModule::set_prices(RuntimeOrigin::none(), 500, 1),
            DispatchError::BadOrigin
        );
        assert_noop!(
            TftPriceModule::set_prices(RuntimeOrigin::root(), 500, 1),
            DispatchError::BadOrigin
        );
    });
}

#[test]
fn an_average_below_the_minimum_is_stored_and_reported_after_it() {
    run(|| {
        report(5, 10);
        assert_eq!(AverageTftPrice::<Test>::get(), 5);
        assert_eq!(
            price_events(),
            vec![
                PriceEvent::PriceStored(5),
                PriceEvent::AveragePriceStored(5),
                PriceEvent::AveragePriceIsBelowMinPrice(5, GENESIS_MIN_PRICE),
            ]
        );
    });
}

#[test]
fn an_average_above_the_maximum_is_stored_and_reported_after_it() {
    run(|| {
        report(2_000, 10);
        assert_eq!(AverageTftPrice::<Test>::get(), 2_000);
        assert_eq!(
            price_events(),
            vec![
                PriceEvent::PriceStored(2_000),
                PriceEvent::AveragePriceStored(2_000),
                PriceEvent::AveragePriceIsAboveMaxPrice(2_000, GENESIS_MAX_PRICE),
            ]
        );
    });
}

#[test]
fn an_average_on_a_bound_raises_no_event() {
    run(|| {
        report(GENESIS_MIN_PRICE, 10);
        System::reset_events();
        report(GENESIS_MIN_PRICE, 20);
        assert_eq!(price_events().len(), 2);
        MinTftPrice::<Test>::put(1);
        MaxTftPrice::<Test>::put(GENESIS_MIN_PRICE);
        System::reset_events();
        report(GENESIS_MIN_PRICE, 30);
        assert_eq!(price_events().len(), 2);
    });
}

#[test]
fn the_bounds_are_compared_with_the_average_not_the_reported_price() {
    run(|| {
        report(900, 10);
        System::reset_events();
        report(1_050, 20);
        assert_eq!(AverageTftPrice::<Test>::get(), 975);
        assert_eq!(
            price_events(),
            vec![
                PriceEvent::PriceStored(1_050),
                PriceEvent::AveragePriceStored(975),
            ]
        );
    });
}

#[test]
fn with_unset_bounds_every_average_is_above_the_maximum() {
    let genesis = crate::GenesisConfig::<Test>::default();
    test_ext_with(genesis).execute_with(|| {
        report(50, 10);
        assert_eq!(
            price_events().last(),
            Some(&PriceEvent::AveragePriceIsAboveMaxPrice(50, 0))
        );
        TftPriceModule::do_try_state().expect("price invariants hold");
    });
}

/// Three validators take turns: Alice reports for blocks whose `block / 10` is 0 modulo 3, Bob
/// for 1, Charlie for 2.
fn three_validators() {
    set_validators(vec![alice(), bob(), charlie()]);
}

#[test]
fn attack_one_validator_rewrites_the_price_history_in_one_block() {
    run(|| {
        three_validators();
        fill_history(50);
        // Block 10 000 is in Bob's turn (1000 % 3 == 1).
        System::set_block_number(10_000);
        let (attacker, first) = (bob(), 10_000 - 10 * u64::from(HISTORY_LENGTH / 2));
        let accepted = (0..u64::from(HISTORY_LENGTH))
            .filter(|i| {
                let origin = RuntimeOrigin::signed(attacker.clone());
                TftPriceModule::set_prices(origin, 1_000_000, first + 10 * i).is_ok()
            })
            .count();
        // Only the report for the current block, in Bob's turn, gets in.
        assert_eq!(accepted, 1);
        assert_eq!(AverageTftPrice::<Test>::get(), 50);
    });
}

#[test]
fn attack_a_validator_reports_in_another_validators_turn() {
    run(|| {
        three_validators();
        System::set_block_number(10_001);
        assert_noop!(
            TftPriceModule::set_prices(RuntimeOrigin::signed(charlie()), 1_000_000, 10_000),
            Error::<Test>::WrongAuthority
        );
        assert_noop!(
            TftPriceModule::set_prices(RuntimeOrigin::signed(alice()), 1_000_000, 10_000),
            Error::<Test>::WrongAuthority
        );
        assert_ok!(TftPriceModule::set_prices(
            RuntimeOrigin::signed(bob()),
            50,
            10_000
        ));
    });
}

#[test]
fn attack_a_report_for_a_block_that_is_not_recent() {
    run(|| {
        System::set_block_number(100);
        let oldest = 100 - u64::from(MAX_REPORT_AGE);
        for block in [oldest - 1, 101, u64::from(u32::MAX)] {
            assert_noop!(
                TftPriceModule::set_prices(RuntimeOrigin::signed(alice()), 1_000_000, block),
                Error::<Test>::ReportNotForRecentBlock
            );
        }
        assert_ok!(TftPriceModule::set_prices(
            RuntimeOrigin::signed(alice()),
            50,
            oldest
        ));
        assert_eq!(LastBlockSet::<Test>::get(), oldest);
    });
}

#[test]
fn attack_a_validator_repeats_its_report_within_the_interval() {
    run(|| {
        report(50, 20);
        let next = 20 + u64::from(SUBMISSION_INTERVAL);
        System::set_block_number(next);
        assert_noop!(
            TftPriceModule::set_prices(RuntimeOrigin::signed(alice()), 1_000_000, next - 1),
            Error::<Test>::ReportIntervalNotElapsed
        );
        assert_ok!(TftPriceModule::set_prices(
            RuntimeOrigin::signed(alice()),
            60,
            next
        ));
    });
}

#[test]
fn attack_one_of_three_validators_reports_an_absurd_price_all_day() {
    run(|| {
        three_validators();
        // A day of reports, each validator in its turn (turn t is validator t % 3's); Bob lies
        // every time. All but the last three are written to the history directly.
        let (alice, bob, charlie) = (alice(), bob(), charlie());
        let turn_report = |turn: u64| match turn % 3 {
            0 => (alice.clone(), 50),
            1 => (bob.clone(), 1_000_000),
            _ => (charlie.clone(), 52),
        };
        let day = u64::from(HISTORY_LENGTH);
        for turn in 1..=day - 3 {
            crate::ringbuffer::PriceHistory::<Test>::push(turn_report(turn).1);
        }
        LastBlockSet::<Test>::put(10 * (day - 3));
        for turn in day - 2..=day {
            let (reporter, price) = turn_report(turn);
            System::set_block_number(10 * turn + 1);
            assert_ok!(TftPriceModule::set_prices(
                RuntimeOrigin::signed(reporter),
                price,
                10 * turn
            ));
        }
        assert!(crate::ringbuffer::PriceHistory::<Test>::is_full());
        // The day's median is an honest price.
        assert_eq!(AverageTftPrice::<Test>::get(), 52);
    });
}
