//! Expiry of withdrawals and refunds that did not complete within `RetryInterval` blocks.

use super::*;
use crate::{
    BurnTransactions, Error, ExecutedBurnTransactions, PendingWithdrawals, RefundTransactions,
};
use frame_support::assert_noop;
use frame_support::traits::Hooks;

/// The amount the withdrawal of these tests pays out (a withdrawal of 51 TFT).
const PAID_OUT: u64 = 50 * FEE;

#[test]
fn a_withdrawal_expires_after_the_retry_interval() {
    run(|| {
        let id = swap(51 * TFT);
        assert_ok!(sign_burn(1, id, PAID_OUT));
        assert_ok!(sign_burn(2, id, PAID_OUT));

        // Block 20 starts 19 blocks after the withdrawal.
        run_to_block(u64::from(RETRY_INTERVAL));
        assert_eq!(
            BurnTransactions::<Test>::get(id).unwrap().signatures.len(),
            2
        );

        // Block 21 starts 20 blocks after it.
        run_to_block(1 + u64::from(RETRY_INTERVAL));
        let burn = BurnTransactions::<Test>::get(id).unwrap();
        assert!(burn.signatures.is_empty());
        assert_eq!(burn.sequence_number, 0);
        assert_eq!(burn.block, 21);
        assert_eq!(
            last_event(),
            BridgeEvent::BurnTransactionExpired(id, Some(USER), b(STELLAR_ADDRESS), PAID_OUT)
        );
    });
}

#[test]
fn an_expired_withdrawal_is_signed_again() {
    run(|| {
        let id = swap(51 * TFT);
        for validator in [1, 2, 5] {
            assert_ok!(sign_burn(validator, id, PAID_OUT));
        }
        run_to_block(1 + u64::from(RETRY_INTERVAL));
        assert!(BurnTransactions::<Test>::get(id)
            .unwrap()
            .signatures
            .is_empty());

        for validator in [1, 2, 5] {
            assert_ok!(sign_burn(validator, id, PAID_OUT));
        }
        assert_eq!(last_event(), BridgeEvent::BurnTransactionReady(id));
    });
}

#[test]
fn a_refund_expires_after_the_retry_interval() {
    run(|| {
        assert_ok!(sign_refund(1, "deposit", 5 * FEE));

        run_to_block(1 + u64::from(RETRY_INTERVAL));

        let refund = RefundTransactions::<Test>::get(tx_id("deposit"));
        assert!(refund.signatures.is_empty());
        assert_eq!(refund.sequence_number, 0);
        assert_eq!(refund.block, 21);
        assert!(
            bridge_events().contains(&BridgeEvent::RefundTransactionExpired(
                tx_id("deposit"),
                b(STELLAR_ADDRESS),
                5 * FEE
            ))
        );
    });
}

#[test]
fn the_expiry_check_is_weighed_by_what_it_kept_and_expired() {
    run(|| {
        use crate::weights::WeightInfo;
        assert_eq!(
            TFTBridgeModule::on_initialize(2),
            <() as WeightInfo>::expire_transactions(0, 0, 0, 0)
        );
        swap(51 * TFT);
        assert_ok!(sign_refund(1, "deposit", 5 * FEE));
        assert_eq!(
            TFTBridgeModule::on_initialize(2),
            <() as WeightInfo>::expire_transactions(2, 0, 0, 0)
        );
        assert_eq!(
            TFTBridgeModule::on_initialize(1 + u64::from(RETRY_INTERVAL)),
            <() as WeightInfo>::expire_transactions(0, 2, 0, 0)
        );
        assert!(
            <() as WeightInfo>::expire_transactions(0, 2, 0, 0).ref_time()
                > <() as WeightInfo>::expire_transactions(2, 0, 0, 0).ref_time()
        );
    });
}

#[test]
fn attack_unpayable_withdrawals_block_withdrawals_forever() {
    run(|| {
        // Withdrawals to addresses the bridge cannot pay fill every pending slot.
        swap(51 * TFT);
        swap(51 * TFT);
        assert_ok!(swap_of(OTHER_USER, 51 * TFT));
        assert_eq!(BurnTransactions::<Test>::count(), MAX_PENDING);
        assert_noop!(
            swap_of(OTHER_USER, 51 * TFT),
            Error::<Test>::TooManyPendingTransactions
        );
        let issuance = Balances::total_issuance();

        // Reset at each retry interval until the timeout.
        run_to_block(u64::from(TRANSACTION_TIMEOUT));
        assert_eq!(BurnTransactions::<Test>::count(), MAX_PENDING);
        System::reset_events();
        run_to_block(1 + u64::from(TRANSACTION_TIMEOUT));

        assert_eq!(BurnTransactions::<Test>::count(), 0);
        assert_eq!(PendingWithdrawals::<Test>::iter().count(), 0);
        assert!(!ExecutedBurnTransactions::<Test>::contains_key(1));
        // The amount burnt comes back; the withdraw fee does not.
        assert_eq!(balance(USER), USER_BALANCE - 2 * u128::from(FEE));
        assert_eq!(balance(OTHER_USER), USER_BALANCE - u128::from(FEE));
        assert_eq!(
            Balances::total_issuance(),
            issuance + 3 * u128::from(PAID_OUT)
        );
        // One event each (in storage order).
        let mut expired = bridge_events();
        expired.sort_by_key(|event| match event {
            BridgeEvent::BurnTransactionExpired(id, ..) => *id,
            _ => 0,
        });
        assert_eq!(
            expired,
            vec![
                BridgeEvent::BurnTransactionExpired(1, Some(USER), b(STELLAR_ADDRESS), PAID_OUT),
                BridgeEvent::BurnTransactionExpired(2, Some(USER), b(STELLAR_ADDRESS), PAID_OUT),
                BridgeEvent::BurnTransactionExpired(
                    3,
                    Some(OTHER_USER),
                    b(STELLAR_ADDRESS),
                    PAID_OUT
                ),
            ]
        );
        assert_ok!(swap_of(OTHER_USER, 51 * TFT));
    });
}

#[test]
fn a_timed_out_withdrawal_holding_a_quorum_is_reset_not_refunded() {
    run(|| {
        let id = swap(51 * TFT);
        // Signed again after every expiry, the quorum reached just before the timeout.
        run_to_block(1 + 2 * u64::from(RETRY_INTERVAL));
        for validator in [1, 2, 5] {
            assert_ok!(sign_burn(validator, id, PAID_OUT));
        }
        run_to_block(1 + u64::from(TRANSACTION_TIMEOUT));
        let burn = BurnTransactions::<Test>::get(id).expect("still pending");
        assert!(burn.signatures.is_empty());
        assert_eq!(balance(USER), USER_BALANCE - 51 * TFT);

        // Its next expiry, without a quorum, refunds it.
        run_to_block(1 + u64::from(TRANSACTION_TIMEOUT + RETRY_INTERVAL));
        assert!(!BurnTransactions::<Test>::contains_key(id));
        assert_eq!(balance(USER), USER_BALANCE - u128::from(FEE));
    });
}

#[test]
fn a_refund_the_reaped_source_cannot_receive_stays_burnt() {
    run(|| {
        // A withdrawal paying out 100 units, less than the existential deposit.
        assert_ok!(swap_of(OTHER_USER, u128::from(FEE) + 100));
        assert_ok!(Balances::transfer_all(
            RuntimeOrigin::signed(OTHER_USER),
            USER,
            false
        ));
        assert!(!System::account_exists(&OTHER_USER));

        run_to_block(1 + u64::from(TRANSACTION_TIMEOUT));

        assert_eq!(BurnTransactions::<Test>::count(), 0);
        assert_eq!(balance(OTHER_USER), 0);
        assert_eq!(
            last_event(),
            BridgeEvent::BurnTransactionExpired(1, Some(OTHER_USER), b(STELLAR_ADDRESS), 100)
        );
    });
}

#[test]
fn the_expiry_check_at_its_bound_refunds_every_pending_withdrawal_and_expires_every_due_deposit() {
    run(|| {
        use crate::{weights::WeightInfo, MintProposals};
        // `MaxPendingTransactions` withdrawals, and as many deposits proposed in one block.
        swap(51 * TFT);
        swap(51 * TFT);
        assert_ok!(swap_of(OTHER_USER, 51 * TFT));
        let deposits = ["d1", "d2", "d3"];
        assert_eq!(deposits.len() as u32, MAX_PENDING);
        for deposit in deposits {
            assert_ok!(vote(validators()[0], deposit, OTHER_USER, 100 * FEE));
        }
        assert_noop!(
            vote(validators()[0], "d4", OTHER_USER, 100 * FEE),
            Error::<Test>::TooManyPendingTransactions
        );
        run_to_block(u64::from(TRANSACTION_TIMEOUT));
        let now = 1 + u64::from(TRANSACTION_TIMEOUT);
        System::set_block_number(now);
        assert_eq!(
            TFTBridgeModule::on_initialize(now),
            <() as WeightInfo>::expire_transactions(0, 0, MAX_PENDING, MAX_PENDING)
        );
        assert_eq!(BurnTransactions::<Test>::count(), 0);
        assert!(deposits
            .iter()
            .all(|deposit| MintProposals::<Test>::get(tx_id(deposit)).is_empty()));
    });
}
