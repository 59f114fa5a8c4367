//! Refunds on Stellar of deposits the bridge could not mint, signed by the bridge validators.
//!
//! Every signature is for the refund's target and amount; a refund whose signatures were
//! dropped by its expiry takes the target and amount of the next signature, so that a wrong
//! first refund does not hold the deposit for ever. A minted deposit is not refunded, and a
//! refund is executed only with a quorum of signatures.

use crate::{
    pallet::{
        Config, Error, Event, ExecutedMintTransactions, ExecutedRefundTransactions, Pallet,
        RefundTransactions,
    },
    types::{RefundTransaction, StellarAddress, StellarSignature, TxId},
};
use frame_support::{ensure, traits::Get};
use sp_runtime::DispatchResult;

impl<T: Config> Pallet<T> {
    /// Add bridge validator `validator`'s signature of the refund of the Stellar deposit
    /// `tx_hash`, creating the refund of `amount` to `target` if it is the first signature.
    /// `target` and `amount` must be the refund's, unless it holds no signature (its
    /// signatures expired): then they replace the refund's. A refund already paid cannot be
    /// created again, nor the refund of a minted deposit.
    pub(crate) fn do_create_refund_or_add_signature(
        validator: T::AccountId,
        tx_hash: TxId,
        target: StellarAddress,
        amount: u64,
        signature: StellarSignature,
        sequence_number: u64,
    ) -> DispatchResult {
        Self::ensure_bridge_validator(&validator)?;
        ensure!(
            !ExecutedRefundTransactions::<T>::contains_key(&tx_hash),
            Error::<T>::RefundTransactionAlreadyExecuted
        );
        ensure!(
            !ExecutedMintTransactions::<T>::contains_key(&tx_hash),
            Error::<T>::MintTransactionAlreadyExecuted
        );
        let exists = RefundTransactions::<T>::contains_key(&tx_hash);
        let mut refund = if !exists {
            ensure!(
                RefundTransactions::<T>::count() < T::MaxPendingTransactions::get(),
                Error::<T>::TooManyPendingTransactions
            );
            RefundTransaction {
                block: frame_system::Pallet::<T>::block_number(),
                amount,
                target: target.clone(),
                tx_hash: tx_hash.clone(),
                signatures: Default::default(),
                sequence_number,
            }
        } else {
            RefundTransactions::<T>::get(&tx_hash)
        };
        let same_parameters = refund.target == target && refund.amount == amount;
        if !same_parameters {
            ensure!(
                refund.signatures.is_empty(),
                Error::<T>::WrongParametersProvided
            );
            refund.target = target.clone();
            refund.amount = amount;
        }
        let created = !exists || !same_parameters;
        let ready = Self::add_signature(
            &mut refund.signatures,
            signature.clone(),
            Error::<T>::EnoughRefundSignaturesPresent,
            Error::<T>::RefundSignatureExists,
        )?;
        refund.sequence_number = sequence_number;
        RefundTransactions::<T>::insert(&tx_hash, &refund);
        Self::deposit_event(Event::RefundTransactionsignatureAdded(
            tx_hash.clone(),
            signature,
        ));
        if ready {
            Self::deposit_event(Event::RefundTransactionReady(tx_hash.clone()));
        }
        if created {
            Self::deposit_event(Event::RefundTransactionCreated(tx_hash, target, amount));
        }
        Ok(())
    }

    /// Move the refund of `tx_hash`, paid on Stellar, to the executed ones. It must hold a
    /// quorum of signatures.
    pub(crate) fn do_set_refund_transaction_executed(
        validator: &T::AccountId,
        tx_hash: TxId,
    ) -> DispatchResult {
        Self::ensure_bridge_validator(validator)?;
        ensure!(
            !ExecutedRefundTransactions::<T>::contains_key(&tx_hash),
            Error::<T>::RefundTransactionAlreadyExecuted
        );
        ensure!(
            RefundTransactions::<T>::contains_key(&tx_hash),
            Error::<T>::RefundTransactionNotExists
        );
        let refund = RefundTransactions::<T>::get(&tx_hash);
        ensure!(
            refund.signatures.len() >= Self::quorum() as usize,
            Error::<T>::NotEnoughSignatures
        );
        RefundTransactions::<T>::remove(&tx_hash);
        ExecutedRefundTransactions::<T>::insert(&tx_hash, &refund);
        Self::deposit_event(Event::RefundTransactionProcessed(refund));
        Ok(())
    }
}
