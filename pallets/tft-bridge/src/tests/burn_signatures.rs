//! Signatures and execution of withdrawals: `propose_burn_transaction_or_add_sig` (call 7) and
//! `set_burn_transaction_executed` (call 8).

use super::*;
use crate::{BurnTransactions, Error, ExecutedBurnTransactions};
use frame_support::assert_noop;

/// The amount the withdrawal of these tests pays out (a withdrawal of 51 TFT).
const PAID_OUT: u64 = 50 * FEE;

/// Make the withdrawal of these tests; returns its id.
fn withdrawal() -> u64 {
    swap(51 * TFT)
}

#[test]
fn a_signature_is_added_with_the_sequence_number() {
    run(|| {
        let id = withdrawal();

        assert_ok!(sign_burn(1, id, PAID_OUT));

        let burn = BurnTransactions::<Test>::get(id).unwrap();
        assert_eq!(burn.signatures.into_inner(), vec![signature_of(1)]);
        assert_eq!(burn.sequence_number, 7);
        assert_eq!(
            last_event(),
            BridgeEvent::BurnTransactionSignatureAdded(id, signature_of(1))
        );
    });
}

#[test]
fn the_quorum_of_signatures_makes_the_withdrawal_ready() {
    run(|| {
        let id = withdrawal();
        assert_ok!(sign_burn(1, id, PAID_OUT));
        assert_ok!(sign_burn(2, id, PAID_OUT));
        System::reset_events();

        assert_ok!(sign_burn(5, id, PAID_OUT));

        assert_eq!(
            bridge_events(),
            vec![
                BridgeEvent::BurnTransactionSignatureAdded(id, signature_of(5)),
                BridgeEvent::BurnTransactionReady(id),
            ]
        );
        assert_eq!(
            BurnTransactions::<Test>::get(id).unwrap().signatures.len(),
            QUORUM
        );
    });
}

#[test]
fn a_signature_beyond_the_quorum_fails() {
    run(|| {
        let id = withdrawal();
        for validator in [1, 2, 5] {
            assert_ok!(sign_burn(validator, id, PAID_OUT));
        }
        assert_noop!(
            sign_burn(6, id, PAID_OUT),
            Error::<Test>::EnoughBurnSignaturesPresent
        );
    });
}

#[test]
fn a_signature_beyond_a_quorum_lowered_by_a_removal_fails() {
    run(|| {
        let id = withdrawal();
        for validator in [1, 2, 5] {
            assert_ok!(sign_burn(validator, id, PAID_OUT));
        }
        assert_ok!(TFTBridgeModule::remove_bridge_validator(
            RuntimeOrigin::root(),
            5
        ));
        assert_noop!(
            sign_burn(6, id, PAID_OUT),
            Error::<Test>::EnoughBurnSignaturesPresent
        );
    });
}

#[test]
fn a_repeated_key_or_signature_fails() {
    run(|| {
        let id = withdrawal();
        assert_ok!(sign_burn(1, id, PAID_OUT));
        let mut same_key = signature_of(2);
        same_key.stellar_pub_key = signature_of(1).stellar_pub_key;
        let mut same_signature = signature_of(2);
        same_signature.signature = signature_of(1).signature;
        for signature in [same_key, same_signature] {
            assert_noop!(
                TFTBridgeModule::propose_burn_transaction_or_add_sig(
                    RuntimeOrigin::signed(2),
                    id,
                    STELLAR_ADDRESS.to_vec(),
                    PAID_OUT,
                    signature.signature.into_inner(),
                    signature.stellar_pub_key.into_inner(),
                    7
                ),
                Error::<Test>::BurnSignatureExists
            );
        }
    });
}

#[test]
fn a_signature_for_other_parameters_fails() {
    run(|| {
        let id = withdrawal();
        assert_noop!(
            sign_burn(1, id, PAID_OUT + 1),
            Error::<Test>::WrongParametersProvided
        );
        let signature = signature_of(1);
        assert_noop!(
            TFTBridgeModule::propose_burn_transaction_or_add_sig(
                RuntimeOrigin::signed(1),
                id,
                OTHER_STELLAR_ADDRESS.to_vec(),
                PAID_OUT,
                signature.signature.into_inner(),
                signature.stellar_pub_key.into_inner(),
                7
            ),
            Error::<Test>::WrongParametersProvided
        );
    });
}

#[test]
fn a_signature_of_a_missing_withdrawal_fails() {
    run(|| {
        assert_noop!(
            sign_burn(1, 1, PAID_OUT),
            Error::<Test>::BurnTransactionNotExists
        );
    });
}

#[test]
fn a_signature_by_a_non_validator_fails() {
    run(|| {
        let id = withdrawal();
        assert_noop!(
            sign_burn(USER, id, PAID_OUT),
            Error::<Test>::ValidatorNotExists
        );
    });
}

#[test]
fn set_burn_transaction_executed_moves_the_withdrawal() {
    run(|| {
        let id = withdrawal();
        for validator in [1, 2, 5] {
            assert_ok!(sign_burn(validator, id, PAID_OUT));
        }
        let burn = BurnTransactions::<Test>::get(id).unwrap();

        assert_ok!(TFTBridgeModule::set_burn_transaction_executed(
            RuntimeOrigin::signed(6),
            id
        ));

        assert_eq!(BurnTransactions::<Test>::get(id), None);
        assert_eq!(
            ExecutedBurnTransactions::<Test>::get(id),
            Some(burn.clone())
        );
        assert_eq!(last_event(), BridgeEvent::BurnTransactionProcessed(burn));
    });
}

#[test]
fn an_executed_withdrawal_can_be_neither_signed_nor_executed_again() {
    run(|| {
        let id = withdrawal();
        for validator in [1, 2, 5] {
            assert_ok!(sign_burn(validator, id, PAID_OUT));
        }
        assert_ok!(TFTBridgeModule::set_burn_transaction_executed(
            RuntimeOrigin::signed(1),
            id
        ));
        assert_noop!(
            sign_burn(6, id, PAID_OUT),
            Error::<Test>::BurnTransactionAlreadyExecuted
        );
        assert_noop!(
            TFTBridgeModule::set_burn_transaction_executed(RuntimeOrigin::signed(2), id),
            Error::<Test>::BurnTransactionAlreadyExecuted
        );
    });
}

#[test]
fn set_burn_transaction_executed_errors() {
    run(|| {
        assert_noop!(
            TFTBridgeModule::set_burn_transaction_executed(RuntimeOrigin::signed(1), 1),
            Error::<Test>::BurnTransactionNotExists
        );
        let id = withdrawal();
        assert_noop!(
            TFTBridgeModule::set_burn_transaction_executed(RuntimeOrigin::signed(USER), id),
            Error::<Test>::ValidatorNotExists
        );
    });
}

#[test]
fn attack_one_validator_marks_a_withdrawal_executed_without_signatures() {
    run(|| {
        let id = withdrawal();
        assert_noop!(
            TFTBridgeModule::set_burn_transaction_executed(RuntimeOrigin::signed(1), id),
            Error::<Test>::NotEnoughSignatures
        );
        // One signature short of the quorum.
        assert_ok!(sign_burn(1, id, PAID_OUT));
        assert_ok!(sign_burn(2, id, PAID_OUT));
        assert_noop!(
            TFTBridgeModule::set_burn_transaction_executed(RuntimeOrigin::signed(1), id),
            Error::<Test>::NotEnoughSignatures
        );
        // At the quorum.
        assert_ok!(sign_burn(5, id, PAID_OUT));
        assert_ok!(TFTBridgeModule::set_burn_transaction_executed(
            RuntimeOrigin::signed(1),
            id
        ));
        assert!(ExecutedBurnTransactions::<Test>::contains_key(id));
    });
}

#[test]
fn a_withdrawal_whose_signatures_expired_cannot_be_executed() {
    run(|| {
        let id = withdrawal();
        for validator in [1, 2, 5] {
            assert_ok!(sign_burn(validator, id, PAID_OUT));
        }
        run_to_block(1 + u64::from(RETRY_INTERVAL));
        assert_noop!(
            TFTBridgeModule::set_burn_transaction_executed(RuntimeOrigin::signed(1), id),
            Error::<Test>::NotEnoughSignatures
        );
    });
}

#[test]
fn signature_inputs_are_plain_vectors_bounded_with_named_errors() {
    run(|| {
        let id = withdrawal();
        let sign = |target: Vec<u8>, signature: Vec<u8>, key: Vec<u8>| {
            TFTBridgeModule::propose_burn_transaction_or_add_sig(
                RuntimeOrigin::signed(1),
                id,
                target,
                PAID_OUT,
                signature,
                key,
                7,
            )
        };
        let text = |len: u32| vec![b'x'; len as usize];
        assert_noop!(
            sign(text(MAX_STELLAR_ADDRESS_LENGTH + 1), text(1), text(1)),
            Error::<Test>::StellarAddressTooLong
        );
        assert_noop!(
            sign(
                STELLAR_ADDRESS.to_vec(),
                text(MAX_SIGNATURE_LENGTH + 1),
                text(1)
            ),
            Error::<Test>::SignatureTooLong
        );
        assert_noop!(
            sign(
                STELLAR_ADDRESS.to_vec(),
                text(1),
                text(MAX_STELLAR_PUB_KEY_LENGTH + 1)
            ),
            Error::<Test>::StellarPubKeyTooLong
        );
        assert_ok!(sign(
            STELLAR_ADDRESS.to_vec(),
            text(MAX_SIGNATURE_LENGTH),
            text(MAX_STELLAR_PUB_KEY_LENGTH)
        ));
    });
}
