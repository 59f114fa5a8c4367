//! Expiry of withdrawals and refunds that did not complete within `RetryInterval` blocks.

use super::*;
use crate::{BurnTransactions, RefundTransactions};
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
            <() as WeightInfo>::expire_transactions(0, 0)
        );
        swap(51 * TFT);
        assert_ok!(sign_refund(1, "deposit", 5 * FEE));
        assert_eq!(
            TFTBridgeModule::on_initialize(2),
            <() as WeightInfo>::expire_transactions(2, 0)
        );
        assert_eq!(
            TFTBridgeModule::on_initialize(1 + u64::from(RETRY_INTERVAL)),
            <() as WeightInfo>::expire_transactions(0, 2)
        );
        assert!(
            <() as WeightInfo>::expire_transactions(0, 2).ref_time()
                > <() as WeightInfo>::expire_transactions(2, 0).ref_time()
        );
    });
}
