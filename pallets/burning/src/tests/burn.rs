//! `burn_tft`.

use super::*;
use crate::{types::Burn, Burns, Error};
use codec::{Decode, Encode};
use frame_support::{
    assert_noop, assert_ok,
    traits::{
        fungible::{Inspect, InspectFreeze, MutateFreeze},
        tokens::{Fortitude, Preservation},
        ReservableCurrency,
    },
};
use sp_runtime::DispatchError;

#[test]
fn burn_tft_burns_the_amount_and_records_the_burn() {
    run(|| {
        let issuance = Balances::total_issuance();
        assert_ok!(BurningModule::burn_tft(
            RuntimeOrigin::signed(ALICE),
            900_000_000_000,
            b"for the grid".to_vec()
        ));
        assert_eq!(Balances::balance(&ALICE), 100_000_000_000);
        assert_eq!(Balances::total_issuance(), issuance - 900_000_000_000);
        let burn = Burn {
            target: ALICE,
            amount: 900_000_000_000,
            block: 1,
            message: message("for the grid"),
        };
        assert_eq!(Burns::<Test>::get().map(|b| b.to_vec()), Some(vec![burn]));
        assert_eq!(
            burning_events(),
            vec![BurningEvent::BurnTransactionCreated(
                ALICE,
                900_000_000_000,
                1,
                message("for the grid")
            )]
        );
    });
}

#[test]
fn burn_tft_of_more_than_the_balance_fails() {
    run(|| {
        assert_noop!(
            BurningModule::burn_tft(
                RuntimeOrigin::signed(ALICE),
                INITIAL_BALANCE + 1,
                b"too much".to_vec()
            ),
            Error::<Test>::NotEnoughBalanceToBurn
        );
        assert_noop!(
            BurningModule::burn_tft(RuntimeOrigin::signed(3), 1, b"no account".to_vec()),
            Error::<Test>::NotEnoughBalanceToBurn
        );
    });
}

#[test]
fn burn_tft_may_burn_the_whole_balance() {
    run(|| {
        assert_ok!(BurningModule::burn_tft(
            RuntimeOrigin::signed(ALICE),
            INITIAL_BALANCE,
            b"all".to_vec()
        ));
        assert_eq!(Balances::balance(&ALICE), 0);
        assert!(!System::account_exists(&ALICE));
    });
}

#[test]
fn burn_tft_cannot_burn_frozen_funds() {
    run(|| {
        assert_ok!(Balances::set_freeze(&(), &ALICE, 600_000_000_000));
        assert_eq!(
            Balances::reducible_balance(&ALICE, Preservation::Expendable, Fortitude::Polite),
            400_000_000_000
        );
        assert_noop!(
            BurningModule::burn_tft(
                RuntimeOrigin::signed(ALICE),
                400_000_000_001,
                b"frozen".to_vec()
            ),
            Error::<Test>::NotEnoughBalanceToBurn
        );
        assert_ok!(BurningModule::burn_tft(
            RuntimeOrigin::signed(ALICE),
            400_000_000_000,
            b"free part".to_vec()
        ));
        assert_eq!(Balances::balance_frozen(&(), &ALICE), 600_000_000_000);
    });
}

#[test]
fn burn_tft_cannot_burn_reserved_funds() {
    run(|| {
        assert_ok!(Balances::reserve(&ALICE, 600_000_000_000));
        assert_noop!(
            BurningModule::burn_tft(
                RuntimeOrigin::signed(ALICE),
                400_000_000_001,
                b"held".to_vec()
            ),
            Error::<Test>::NotEnoughBalanceToBurn
        );
    });
}

#[test]
fn burn_tft_needs_a_signed_origin() {
    run(|| {
        assert_noop!(
            BurningModule::burn_tft(RuntimeOrigin::root(), 1, b"root".to_vec()),
            DispatchError::BadOrigin
        );
        assert_noop!(
            BurningModule::burn_tft(RuntimeOrigin::none(), 1, b"none".to_vec()),
            DispatchError::BadOrigin
        );
    });
}

#[test]
fn burns_keep_only_the_latest_ones() {
    run(|| {
        for (block, who) in [(1, ALICE), (2, BOB), (3, ALICE), (4, BOB)] {
            System::set_block_number(block);
            assert_ok!(BurningModule::burn_tft(
                RuntimeOrigin::signed(who),
                block as u128 * 1_000,
                b"burn".to_vec()
            ));
        }
        let burns = Burns::<Test>::get().expect("burns recorded");
        assert_eq!(burns.len() as u32, MAX_BURNS);
        let kept: Vec<(u64, u128, u64)> = burns
            .iter()
            .map(|burn| (burn.target, burn.amount, burn.block))
            .collect();
        assert_eq!(
            kept,
            vec![(BOB, 2_000, 2), (ALICE, 3_000, 3), (BOB, 4_000, 4)]
        );
        assert_eq!(burning_events().len(), 4);
    });
}

#[test]
fn burn_tft_with_an_empty_message_or_zero_amount_is_recorded() {
    run(|| {
        assert_ok!(BurningModule::burn_tft(
            RuntimeOrigin::signed(ALICE),
            0,
            b"".to_vec()
        ));
        assert_eq!(Balances::balance(&ALICE), INITIAL_BALANCE);
        assert_eq!(Burns::<Test>::get().map(|b| b.len()), Some(1));
    });
}

#[test]
fn an_oversized_message_decodes_and_fails_with_a_named_error() {
    run(|| {
        // The message is a plain `Vec<u8>`, as in TFChain 2.9: any length decodes.
        let long = vec![b'x'; MAX_MESSAGE_LENGTH as usize + 1];
        let encoded = (0u8, 1u128, long.clone()).encode();
        assert!(crate::Call::<Test>::decode(&mut &encoded[..]).is_ok());
        assert_noop!(
            BurningModule::burn_tft(RuntimeOrigin::signed(ALICE), 1, long),
            Error::<Test>::BurnMessageTooLong
        );
        let longest = vec![b'x'; MAX_MESSAGE_LENGTH as usize];
        assert_ok!(BurningModule::burn_tft(
            RuntimeOrigin::signed(ALICE),
            1,
            longest.clone()
        ));
        let burns = Burns::<Test>::get().unwrap();
        assert_eq!(burns.last().unwrap().message.to_vec(), longest);
    });
}

#[test]
fn the_weight_of_an_oversized_message_is_the_weight_of_the_longest() {
    use crate::weights::WeightInfo;
    use frame_support::dispatch::GetDispatchInfo;
    let weight = |length: u32| {
        crate::Call::<Test>::burn_tft {
            amount: 1,
            message: vec![b'x'; length as usize],
        }
        .get_dispatch_info()
        .call_weight
    };
    assert_eq!(weight(10), <() as WeightInfo>::burn_tft(10));
    assert_eq!(
        weight(MAX_MESSAGE_LENGTH + 100),
        <() as WeightInfo>::burn_tft(MAX_MESSAGE_LENGTH)
    );
}

#[test]
fn the_call_encodes_the_amount_as_a_plain_u128() {
    run(|| {
        let call = crate::Call::<Test>::burn_tft {
            amount: 5,
            message: b"hi".to_vec(),
        };
        let mut expected = vec![0u8];
        expected.extend_from_slice(&5u128.to_le_bytes());
        expected.extend_from_slice(&[2 << 2, b'h', b'i']);
        assert_eq!(call.encode(), expected);
    });
}
