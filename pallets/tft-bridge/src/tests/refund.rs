//! Refunds: `create_refund_transaction_or_add_sig` (call 9) and
//! `set_refund_transaction_executed` (call 10).

use super::*;
use crate::{Error, ExecutedRefundTransactions, RefundTransactions};
use frame_support::assert_noop;

/// The amount refunded in these tests.
const AMOUNT: u64 = 20 * FEE;

#[test]
fn the_first_signature_creates_the_refund() {
    run(|| {
        assert_ok!(sign_refund(1, "deposit", AMOUNT));

        assert_eq!(
            RefundTransactions::<Test>::get(tx_id("deposit")),
            RefundTransaction {
                block: 1,
                amount: AMOUNT,
                target: b(STELLAR_ADDRESS),
                tx_hash: tx_id("deposit"),
                signatures: BoundedVec::try_from(vec![signature_of(1)]).unwrap(),
                sequence_number: 9,
            }
        );
        assert_eq!(
            bridge_events(),
            vec![
                BridgeEvent::RefundTransactionsignatureAdded(tx_id("deposit"), signature_of(1)),
                BridgeEvent::RefundTransactionCreated(tx_id("deposit"), b(STELLAR_ADDRESS), AMOUNT),
            ]
        );
    });
}

#[test]
fn the_quorum_of_signatures_makes_the_refund_ready() {
    run(|| {
        assert_ok!(sign_refund(1, "deposit", AMOUNT));
        assert_ok!(sign_refund(2, "deposit", AMOUNT));
        System::reset_events();

        assert_ok!(sign_refund(5, "deposit", AMOUNT));

        assert_eq!(
            bridge_events(),
            vec![
                BridgeEvent::RefundTransactionsignatureAdded(tx_id("deposit"), signature_of(5)),
                BridgeEvent::RefundTransactionReady(tx_id("deposit")),
            ]
        );
        assert_eq!(
            RefundTransactions::<Test>::get(tx_id("deposit"))
                .signatures
                .len(),
            QUORUM
        );
    });
}

#[test]
fn a_refund_signature_beyond_the_quorum_fails() {
    run(|| {
        for validator in [1, 2, 5] {
            assert_ok!(sign_refund(validator, "deposit", AMOUNT));
        }
        assert_noop!(
            sign_refund(6, "deposit", AMOUNT),
            Error::<Test>::EnoughRefundSignaturesPresent
        );
    });
}

#[test]
fn a_repeated_refund_signature_fails() {
    run(|| {
        assert_ok!(sign_refund(1, "deposit", AMOUNT));
        assert_noop!(
            sign_refund(1, "deposit", AMOUNT),
            Error::<Test>::RefundSignatureExists
        );
    });
}

#[test]
fn a_refund_signature_by_a_non_validator_fails() {
    run(|| {
        assert_noop!(
            sign_refund(USER, "deposit", AMOUNT),
            Error::<Test>::ValidatorNotExists
        );
    });
}

#[test]
fn a_refund_with_too_many_pending_refunds_fails() {
    run(|| {
        for index in 0..MAX_PENDING {
            assert_ok!(sign_refund(1, &format!("deposit-{index}"), AMOUNT));
        }
        assert_noop!(
            sign_refund(1, "one-too-many", AMOUNT),
            Error::<Test>::TooManyPendingTransactions
        );
        // Pending refunds still collect signatures.
        assert_ok!(sign_refund(2, "deposit-0", AMOUNT));
    });
}

#[test]
fn set_refund_transaction_executed_moves_the_refund() {
    run(|| {
        for validator in [1, 2, 5] {
            assert_ok!(sign_refund(validator, "deposit", AMOUNT));
        }
        let refund = RefundTransactions::<Test>::get(tx_id("deposit"));

        assert_ok!(TFTBridgeModule::set_refund_transaction_executed(
            RuntimeOrigin::signed(6),
            tx_id("deposit").into_inner()
        ));

        assert!(!RefundTransactions::<Test>::contains_key(tx_id("deposit")));
        assert_eq!(
            ExecutedRefundTransactions::<Test>::get(tx_id("deposit")),
            refund.clone()
        );
        assert_eq!(
            last_event(),
            BridgeEvent::RefundTransactionProcessed(refund)
        );
    });
}

#[test]
fn an_executed_refund_cannot_be_created_again() {
    run(|| {
        for validator in [1, 2, 5] {
            assert_ok!(sign_refund(validator, "deposit", AMOUNT));
        }
        assert_ok!(TFTBridgeModule::set_refund_transaction_executed(
            RuntimeOrigin::signed(1),
            tx_id("deposit").into_inner()
        ));
        assert_noop!(
            sign_refund(6, "deposit", AMOUNT),
            Error::<Test>::RefundTransactionAlreadyExecuted
        );
    });
}

#[test]
fn set_refund_transaction_executed_errors() {
    run(|| {
        assert_noop!(
            TFTBridgeModule::set_refund_transaction_executed(
                RuntimeOrigin::signed(1),
                tx_id("deposit").into_inner()
            ),
            Error::<Test>::RefundTransactionNotExists
        );
        for validator in [1, 2, 5] {
            assert_ok!(sign_refund(validator, "deposit", AMOUNT));
        }
        assert_noop!(
            TFTBridgeModule::set_refund_transaction_executed(
                RuntimeOrigin::signed(USER),
                tx_id("deposit").into_inner()
            ),
            Error::<Test>::ValidatorNotExists
        );
        assert_ok!(TFTBridgeModule::set_refund_transaction_executed(
            RuntimeOrigin::signed(1),
            tx_id("deposit").into_inner()
        ));
        assert_noop!(
            TFTBridgeModule::set_refund_transaction_executed(
                RuntimeOrigin::signed(1),
                tx_id("deposit").into_inner()
            ),
            Error::<Test>::RefundTransactionAlreadyExecuted
        );
    });
}

#[test]
fn attack_one_validator_marks_a_refund_executed_without_signatures() {
    run(|| {
        // One signature short of the quorum.
        assert_ok!(sign_refund(1, "deposit", AMOUNT));
        assert_ok!(sign_refund(2, "deposit", AMOUNT));
        assert_noop!(
            TFTBridgeModule::set_refund_transaction_executed(
                RuntimeOrigin::signed(1),
                tx_id("deposit").into_inner()
            ),
            Error::<Test>::NotEnoughSignatures
        );
        // At the quorum.
        assert_ok!(sign_refund(5, "deposit", AMOUNT));
        assert_ok!(TFTBridgeModule::set_refund_transaction_executed(
            RuntimeOrigin::signed(1),
            tx_id("deposit").into_inner()
        ));
    });
}

#[test]
fn attack_refund_signatures_for_another_target_or_amount_count_for_the_first() {
    run(|| {
        assert_ok!(sign_refund(1, "deposit", AMOUNT));
        // Validator 2 signs a refund of ten times the amount, to another address.
        let signature = signature_of(2);
        assert_noop!(
            TFTBridgeModule::create_refund_transaction_or_add_sig(
                RuntimeOrigin::signed(2),
                tx_id("deposit").into_inner(),
                OTHER_STELLAR_ADDRESS.to_vec(),
                AMOUNT,
                signature.signature.clone().into_inner(),
                signature.stellar_pub_key.clone().into_inner(),
                9,
            ),
            Error::<Test>::WrongParametersProvided
        );
        assert_noop!(
            sign_refund(2, "deposit", 10 * AMOUNT),
            Error::<Test>::WrongParametersProvided
        );
        assert_eq!(
            RefundTransactions::<Test>::get(tx_id("deposit"))
                .signatures
                .len(),
            1
        );
    });
}

#[test]
fn attack_refund_a_minted_deposit() {
    run(|| {
        for validator in [1, 2, 5] {
            assert_ok!(vote(validator, "deposit", 42, AMOUNT));
        }
        assert_noop!(
            sign_refund(1, "deposit", AMOUNT),
            Error::<Test>::MintTransactionAlreadyExecuted
        );
    });
}

#[test]
fn a_wrong_refund_takes_the_next_parameters_once_its_signatures_expired() {
    run(|| {
        // Validator 6 creates the refund for ten times the amount.
        assert_ok!(sign_refund(6, "deposit", 10 * AMOUNT));
        assert_noop!(
            sign_refund(1, "deposit", AMOUNT),
            Error::<Test>::WrongParametersProvided
        );
        run_to_block(1 + u64::from(RETRY_INTERVAL));
        System::reset_events();

        assert_ok!(sign_refund(1, "deposit", AMOUNT));

        let refund = RefundTransactions::<Test>::get(tx_id("deposit"));
        assert_eq!(
            (refund.amount, refund.signatures.into_inner()),
            (AMOUNT, vec![signature_of(1)])
        );
        assert_eq!(
            last_event(),
            BridgeEvent::RefundTransactionCreated(tx_id("deposit"), b(STELLAR_ADDRESS), AMOUNT)
        );
        assert_noop!(
            sign_refund(6, "deposit", 10 * AMOUNT),
            Error::<Test>::WrongParametersProvided
        );
    });
}

#[test]
fn refund_inputs_are_plain_vectors_bounded_with_named_errors() {
    run(|| {
        let signature = signature_of(1);
        let refund = |tx_hash: Vec<u8>, target: Vec<u8>| {
            TFTBridgeModule::create_refund_transaction_or_add_sig(
                RuntimeOrigin::signed(1),
                tx_hash,
                target,
                AMOUNT,
                signature.signature.clone().into_inner(),
                signature.stellar_pub_key.clone().into_inner(),
                9,
            )
        };
        let text = |len: u32| vec![b'x'; len as usize];
        assert_noop!(
            refund(text(MAX_TX_ID_LENGTH + 1), STELLAR_ADDRESS.to_vec()),
            Error::<Test>::TransactionIdTooLong
        );
        assert_noop!(
            refund(text(MAX_TX_ID_LENGTH), text(MAX_STELLAR_ADDRESS_LENGTH + 1)),
            Error::<Test>::StellarAddressTooLong
        );
        assert_ok!(refund(text(MAX_TX_ID_LENGTH), STELLAR_ADDRESS.to_vec()));
        assert_noop!(
            TFTBridgeModule::set_refund_transaction_executed(
                RuntimeOrigin::signed(1),
                text(MAX_TX_ID_LENGTH + 1)
            ),
            Error::<Test>::TransactionIdTooLong
        );
    });
}
