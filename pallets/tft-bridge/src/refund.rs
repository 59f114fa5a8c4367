//! Refunds on Stellar of deposits the bridge could not mint, signed by the bridge validators.

use crate::{
    pallet::{Config, Error, Event, ExecutedRefundTransactions, Pallet, RefundTransactions},
    types::{RefundTransaction, StellarAddress, StellarSignature, TxId},
};
use frame_support::{ensure, traits::Get};
use sp_runtime::DispatchResult;

impl<T: Config> Pallet<T> {
    /// Add bridge validator `validator`'s signature of the refund of the Stellar deposit
    /// `tx_hash`, creating the refund of `amount` to `target` if it is the first signature.
    /// A refund already paid cannot be created again.
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
        let created = !RefundTransactions::<T>::contains_key(&tx_hash);
        let mut refund = if created {
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

    /// Move the refund of `tx_hash`, paid on Stellar, to the executed ones.
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
        let refund = RefundTransactions::<T>::take(&tx_hash);
        ExecutedRefundTransactions::<T>::insert(&tx_hash, &refund);
        Self::deposit_event(Event::RefundTransactionProcessed(refund));
        Ok(())
    }
}
