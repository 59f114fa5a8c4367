//! The invariants checked by `do_try_state`.

use super::*;
use crate::{MintTransactionVoters, MintTransactions};

#[test]
fn do_try_state_rejects_unsorted_validators() {
    new_test_ext().execute_with(|| {
        Validators::<Test>::put(BoundedVec::try_from(vec![5, 1]).unwrap());
        assert!(TFTBridgeModule::do_try_state().is_err());
    });
}

#[test]
fn do_try_state_rejects_a_vote_count_that_differs_from_the_voters() {
    new_test_ext().execute_with(|| {
        assert_ok!(vote(1, "deposit", 42, 2 * FEE));
        MintTransactions::<Test>::mutate(tx_id("deposit"), |mint| {
            if let Some(mint) = mint {
                mint.votes = 2;
            }
        });
        assert!(TFTBridgeModule::do_try_state().is_err());
    });
}

#[test]
fn do_try_state_rejects_voters_of_a_mint_that_is_not_pending() {
    new_test_ext().execute_with(|| {
        MintTransactionVoters::<Test>::insert(
            tx_id("deposit"),
            BoundedVec::try_from(vec![1]).unwrap(),
        );
        assert!(TFTBridgeModule::do_try_state().is_err());
    });
}

#[test]
fn do_try_state_accepts_a_busy_bridge() {
    run(|| {
        assert_ok!(vote(1, "deposit", 42, 2 * FEE));
        let id = swap(51 * TFT);
        assert_ok!(sign_burn(1, id, 50 * FEE));
        assert_ok!(sign_refund(2, "refund", FEE));
    });
}

#[test]
fn do_try_state_rejects_a_pending_withdrawal_missing_from_its_account() {
    new_test_ext().execute_with(|| {
        swap(51 * TFT);
        crate::PendingWithdrawals::<Test>::remove(USER);
        assert!(TFTBridgeModule::do_try_state().is_err());
    });
}

#[test]
fn do_try_state_rejects_a_pending_mint_that_is_not_the_leading_proposal() {
    new_test_ext().execute_with(|| {
        assert_ok!(vote(1, "deposit", 42, 2 * FEE));
        assert_ok!(vote(2, "deposit", 43, 2 * FEE));
        assert_ok!(vote(5, "deposit", 43, 2 * FEE));
        MintTransactions::<Test>::mutate(tx_id("deposit"), |mint| {
            if let Some(mint) = mint {
                mint.target = 42;
                mint.votes = 1;
            }
        });
        assert!(TFTBridgeModule::do_try_state().is_err());
    });
}

#[test]
fn do_try_state_rejects_a_deposit_both_minted_and_refunded() {
    run(|| {
        for validator in [1, 2, 5] {
            assert_ok!(vote(validator, "deposit", 42, 2 * FEE));
        }
        crate::ExecutedRefundTransactions::<Test>::insert(
            tx_id("deposit"),
            RefundTransaction::default(),
        );
        assert!(TFTBridgeModule::do_try_state().is_err());
        crate::ExecutedRefundTransactions::<Test>::remove(tx_id("deposit"));
    });
}
