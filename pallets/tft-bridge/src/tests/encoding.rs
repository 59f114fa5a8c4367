//! The SCALE layouts and storage keys clients rely on.

use super::*;
use crate::{Error, MintTransactions};
use codec::Encode;
use sp_io::hashing::{blake2_128, twox_128};

#[test]
fn mint_transaction_encodes_amount_target_block_votes() {
    run(|| {
        let mint = MintTransaction::<u64, u64> {
            amount: 5,
            target: 7,
            block: 9,
            votes: 3,
        };
        let expected = [5u64.encode(), 7u64.encode(), 9u64.encode(), 3u32.encode()].concat();
        assert_eq!(mint.encode(), expected);
    });
}

#[test]
fn burn_transaction_encodes_in_upstream_field_order() {
    run(|| {
        let burn = BurnTransaction::<u64, u64> {
            block: 1,
            amount: 2,
            source: Some(3),
            target: b(b"G"),
            signatures: BoundedVec::try_from(vec![signature_of(1)]).unwrap(),
            sequence_number: 4,
        };
        let signature = signature_of(1);
        let expected = [
            1u64.encode(),
            2u64.encode(),
            Some(3u64).encode(),
            b"G".to_vec().encode(),
            vec![(
                signature.signature.to_vec(),
                signature.stellar_pub_key.to_vec(),
            )]
            .encode(),
            4u64.encode(),
        ]
        .concat();
        assert_eq!(burn.encode(), expected);
    });
}

#[test]
fn mint_transactions_are_keyed_by_the_blake2_128_concat_of_the_id_bytes() {
    run(|| {
        let id = b"stellar-tx".to_vec().encode();
        let expected = [
            twox_128(b"TFTBridgeModule").to_vec(),
            twox_128(b"MintTransactions").to_vec(),
            blake2_128(&id).to_vec(),
            id,
        ]
        .concat();
        assert_eq!(
            MintTransactions::<Test>::hashed_key_for(tx_id("stellar-tx")),
            expected
        );
    });
}

#[test]
fn errors_keep_their_upstream_indices() {
    run(|| {
        let index = |error: Error<Test>| error.encode()[0];
        assert_eq!(index(Error::<Test>::ValidatorExists), 0);
        assert_eq!(index(Error::<Test>::TransactionValidatorExists), 2);
        assert_eq!(index(Error::<Test>::MintTransactionAlreadyExecuted), 5);
        assert_eq!(index(Error::<Test>::InvalidStellarPublicKey), 20);
        assert_eq!(index(Error::<Test>::TooManyValidators), 21);
        assert_eq!(index(Error::<Test>::TooManyPendingTransactions), 22);
        assert_eq!(index(Error::<Test>::NotEnoughSignatures), 23);
        assert_eq!(index(Error::<Test>::TransactionIdTooLong), 24);
        assert_eq!(index(Error::<Test>::StellarAddressTooLong), 25);
        assert_eq!(index(Error::<Test>::SignatureTooLong), 26);
        assert_eq!(index(Error::<Test>::StellarPubKeyTooLong), 27);
    });
}
