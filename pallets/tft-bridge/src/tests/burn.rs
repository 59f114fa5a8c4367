//! Withdrawals to Stellar: `swap_to_stellar` (call 5).

use super::*;
use crate::{BurnTransactionID, BurnTransactions, Error, FeeAccount, PendingWithdrawals};
use frame_support::{
    assert_noop,
    traits::{LockableCurrency, WithdrawReasons},
};

/// A withdrawal of 51 TFT: 50 TFT paid out, 1 TFT fee.
const AMOUNT: u128 = 51 * TFT;
/// What a withdrawal of [`AMOUNT`] pays out on Stellar.
const PAID_OUT: u64 = 50 * FEE;

#[test]
fn swap_to_stellar_burns_the_amount_and_records_the_withdrawal() {
    run(|| {
        let issuance = Balances::total_issuance();

        let id = swap(AMOUNT);

        assert_eq!(id, 1);
        assert_eq!(balance(USER), USER_BALANCE - AMOUNT);
        assert_eq!(balance(FEE_ACCOUNT), u128::from(FEE));
        assert_eq!(Balances::total_issuance(), issuance - u128::from(PAID_OUT));
        assert_eq!(
            BurnTransactions::<Test>::get(1),
            Some(BurnTransaction {
                block: 1,
                amount: PAID_OUT,
                source: Some(USER),
                target: b(STELLAR_ADDRESS),
                signatures: Default::default(),
                sequence_number: 0,
            })
        );
        assert_eq!(
            last_event(),
            BridgeEvent::BurnTransactionCreated(1, USER, b(STELLAR_ADDRESS), PAID_OUT)
        );
    });
}

#[test]
fn swap_to_stellar_numbers_withdrawals_in_order() {
    run(|| {
        assert_eq!(swap(AMOUNT), 1);
        assert_eq!(swap(AMOUNT), 2);
        assert_eq!(BurnTransactionID::<Test>::get(), 2);
    });
}

#[test]
fn swap_to_stellar_without_a_fee_account_burns_the_fee_too() {
    run(|| {
        FeeAccount::<Test>::kill();
        let issuance = Balances::total_issuance();
        swap(AMOUNT);
        assert_eq!(Balances::total_issuance(), issuance - AMOUNT);
        assert_eq!(balance(FEE_ACCOUNT), 0);
    });
}

#[test]
fn swap_to_stellar_to_an_invalid_address_fails() {
    run(|| {
        let invalid: [&[u8]; 6] = [
            b"",
            b"GA5ZSEJYB37JRC5AVCIA5MOP4RHTM335X2KGX3IHOJAPP5RE34K4KZV",
            b"ga5zsejyb37jrc5avcia5mop4rhtm335x2kgx3ihojapp5re34k4kzvn",
            b"GA5ZSEJYB37JRC5AVCIA5MOP4RHTM335X2KGX3IHOJAPP5RE34K4KZVM",
            b"SAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAABSU2",
            b"0x5ZSEJYB37JRC5AVCIA5MOP4RHTM335X2KGX3IHOJAPP5RE34K4KZVN",
        ];
        for address in invalid {
            assert_noop!(
                TFTBridgeModule::swap_to_stellar(
                    RuntimeOrigin::signed(USER),
                    address.to_vec(),
                    AMOUNT
                ),
                Error::<Test>::InvalidStellarPublicKey
            );
        }
    });
}

#[test]
fn swap_to_stellar_not_above_the_withdraw_fee_fails() {
    run(|| {
        for amount in [u128::from(FEE), u128::from(FEE) - 1, 0] {
            assert_noop!(
                TFTBridgeModule::swap_to_stellar(
                    RuntimeOrigin::signed(USER),
                    STELLAR_ADDRESS.to_vec(),
                    amount
                ),
                Error::<Test>::AmountIsLessThanWithdrawFee
            );
        }
    });
}

#[test]
fn swap_to_stellar_of_more_than_the_spendable_balance_fails() {
    run(|| {
        // The whole balance would reap the account.
        for amount in [USER_BALANCE + 1, USER_BALANCE] {
            assert_noop!(
                TFTBridgeModule::swap_to_stellar(
                    RuntimeOrigin::signed(USER),
                    STELLAR_ADDRESS.to_vec(),
                    amount
                ),
                Error::<Test>::NotEnoughBalanceToSwap
            );
        }
        assert_ok!(TFTBridgeModule::swap_to_stellar(
            RuntimeOrigin::signed(USER),
            STELLAR_ADDRESS.to_vec(),
            USER_BALANCE - EXISTENTIAL_DEPOSIT
        ));
    });
}

#[test]
fn swap_to_stellar_of_locked_tokens_fails() {
    run(|| {
        Balances::set_lock(
            *b"stakelck",
            &USER,
            USER_BALANCE - 10 * TFT,
            WithdrawReasons::all(),
        );
        assert_noop!(
            TFTBridgeModule::swap_to_stellar(
                RuntimeOrigin::signed(USER),
                STELLAR_ADDRESS.to_vec(),
                AMOUNT
            ),
            Error::<Test>::NotEnoughBalanceToSwap
        );
        assert_ok!(TFTBridgeModule::swap_to_stellar(
            RuntimeOrigin::signed(USER),
            STELLAR_ADDRESS.to_vec(),
            5 * TFT
        ));
    });
}

#[test]
fn swap_to_stellar_with_too_many_pending_withdrawals_fails() {
    run(|| {
        for _ in 0..MAX_PENDING_PER_ACCOUNT {
            swap(AMOUNT);
        }
        for _ in MAX_PENDING_PER_ACCOUNT..MAX_PENDING {
            assert_ok!(swap_of(OTHER_USER, AMOUNT));
        }
        assert_eq!(BurnTransactions::<Test>::count(), MAX_PENDING);
        assert_noop!(
            swap_of(OTHER_USER, AMOUNT),
            Error::<Test>::TooManyPendingTransactions
        );
        for validator in [1, 2, 5] {
            assert_ok!(sign_burn(validator, 1, PAID_OUT));
        }
        assert_ok!(TFTBridgeModule::set_burn_transaction_executed(
            RuntimeOrigin::signed(1),
            1
        ));
        assert_eq!(swap(AMOUNT), 4);
        assert_eq!(
            PendingWithdrawals::<Test>::get(USER).into_inner(),
            vec![(2, 1), (4, 1)]
        );
    });
}

#[test]
fn swap_to_stellar_must_be_signed() {
    run(|| {
        assert_noop!(
            TFTBridgeModule::swap_to_stellar(
                RuntimeOrigin::root(),
                STELLAR_ADDRESS.to_vec(),
                AMOUNT
            ),
            sp_runtime::DispatchError::BadOrigin
        );
    });
}

#[test]
fn attack_one_account_fills_the_pending_withdrawals() {
    run(|| {
        for _ in 0..MAX_PENDING_PER_ACCOUNT {
            swap(AMOUNT);
        }
        assert_noop!(
            swap_of(USER, AMOUNT),
            Error::<Test>::TooManyPendingTransactions
        );
        // Others still withdraw.
        assert_ok!(swap_of(OTHER_USER, AMOUNT));
        assert_eq!(
            PendingWithdrawals::<Test>::get(USER).len() as u32,
            MAX_PENDING_PER_ACCOUNT
        );
    });
}

#[test]
fn swap_to_stellar_to_an_address_longer_than_its_bound_is_an_invalid_address() {
    run(|| {
        assert_noop!(
            TFTBridgeModule::swap_to_stellar(
                RuntimeOrigin::signed(USER),
                vec![b'G'; MAX_STELLAR_ADDRESS_LENGTH as usize + 1],
                AMOUNT
            ),
            Error::<Test>::InvalidStellarPublicKey
        );
    });
}
