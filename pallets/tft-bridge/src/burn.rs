//! Withdrawals to Stellar: a user burns TFT; bridge validators sign the Stellar payment, and
//! mark the withdrawal executed once a quorum signed it and it is paid.
//!
//! An account has at most `MaxPendingWithdrawalsPerAccount` pending withdrawals, and a
//! withdrawal still not paid `TransactionTimeout` blocks after its creation is refunded to its
//! source at its next expiry ([`crate::expiry`]), so that withdrawals the bridge cannot pay do
//! not hold the pending slots for ever.

use crate::{
    pallet::{
        BalanceOf, BurnTransactionID, BurnTransactionOf, BurnTransactions, Config, Error, Event,
        ExecutedBurnTransactions, Pallet, PendingWithdrawals, WithdrawFee,
    },
    stellar,
    types::{BurnTransaction, StellarAddress, StellarSignature},
};
use frame_support::{
    ensure,
    traits::{
        fungible::{Balanced, Inspect, Mutate},
        tokens::{Fortitude, Precision, Preservation},
        Get, Imbalance, OnUnbalanced,
    },
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{traits::Saturating, ArithmeticError, DispatchResult, SaturatedConversion};

impl<T: Config> Pallet<T> {
    /// Burn `amount` from `source` for a payment to the Stellar account `target`: the withdraw
    /// fee goes to the fee account and the rest is recorded as a new withdrawal for the bridge
    /// validators to sign. `source` may have at most `MaxPendingWithdrawalsPerAccount` pending
    /// withdrawals.
    pub(crate) fn do_swap_to_stellar(
        source: T::AccountId,
        target: StellarAddress,
        amount: BalanceOf<T>,
    ) -> DispatchResult {
        ensure!(
            stellar::is_valid_account_address(&target),
            Error::<T>::InvalidStellarPublicKey
        );
        let fee: BalanceOf<T> = WithdrawFee::<T>::get().saturated_into();
        ensure!(amount > fee, Error::<T>::AmountIsLessThanWithdrawFee);
        let spendable =
            T::Currency::reducible_balance(&source, Preservation::Preserve, Fortitude::Polite);
        ensure!(amount <= spendable, Error::<T>::NotEnoughBalanceToSwap);
        let paid_out: u64 = amount
            .saturating_sub(fee)
            .try_into()
            .map_err(|_| ArithmeticError::Overflow)?;
        ensure!(
            BurnTransactions::<T>::count() < T::MaxPendingTransactions::get(),
            Error::<T>::TooManyPendingTransactions
        );
        let id = BurnTransactionID::<T>::get()
            .checked_add(1)
            .ok_or(ArithmeticError::Overflow)?;
        let now = frame_system::Pallet::<T>::block_number();
        let mut pending = PendingWithdrawals::<T>::get(&source);
        pending
            .try_push((id, now))
            .map_err(|_| Error::<T>::TooManyPendingTransactions)?;

        let withdrawn = T::Currency::withdraw(
            &source,
            amount,
            Precision::Exact,
            Preservation::Preserve,
            Fortitude::Polite,
        )?;
        let (fee_credit, burnt) = withdrawn.split(fee);
        T::Burn::on_unbalanced(burnt);
        Self::credit_fee_account(fee_credit);

        BurnTransactionID::<T>::put(id);
        PendingWithdrawals::<T>::insert(&source, pending);
        Self::deposit_event(Event::BurnTransactionCreated(
            id,
            source.clone(),
            target.clone(),
            paid_out,
        ));
        BurnTransactions::<T>::insert(
            id,
            BurnTransaction {
                block: now,
                amount: paid_out,
                source: Some(source),
                target,
                signatures: Default::default(),
                sequence_number: 0,
            },
        );
        Ok(())
    }

    /// Add bridge validator `validator`'s signature of the payment of withdrawal `id`, signed
    /// for the bridge account's `sequence_number`. `target` and `amount` must be the
    /// withdrawal's.
    pub(crate) fn do_add_burn_signature(
        validator: T::AccountId,
        id: u64,
        target: StellarAddress,
        amount: u64,
        signature: StellarSignature,
        sequence_number: u64,
    ) -> DispatchResult {
        Self::ensure_bridge_validator(&validator)?;
        ensure!(
            !ExecutedBurnTransactions::<T>::contains_key(id),
            Error::<T>::BurnTransactionAlreadyExecuted
        );
        let mut burn =
            BurnTransactions::<T>::get(id).ok_or(Error::<T>::BurnTransactionNotExists)?;
        ensure!(
            burn.amount == amount && burn.target == target,
            Error::<T>::WrongParametersProvided
        );
        let ready = Self::add_signature(
            &mut burn.signatures,
            signature.clone(),
            Error::<T>::EnoughBurnSignaturesPresent,
            Error::<T>::BurnSignatureExists,
        )?;
        burn.sequence_number = sequence_number;
        BurnTransactions::<T>::insert(id, &burn);
        Self::deposit_event(Event::BurnTransactionSignatureAdded(id, signature));
        if ready {
            Self::deposit_event(Event::BurnTransactionReady(id));
        }
        Ok(())
    }

    /// Move withdrawal `id`, paid on Stellar, to the executed ones. It must hold a quorum of
    /// signatures.
    pub(crate) fn do_set_burn_transaction_executed(
        validator: &T::AccountId,
        id: u64,
    ) -> DispatchResult {
        Self::ensure_bridge_validator(validator)?;
        ensure!(
            !ExecutedBurnTransactions::<T>::contains_key(id),
            Error::<T>::BurnTransactionAlreadyExecuted
        );
        let burn = BurnTransactions::<T>::get(id).ok_or(Error::<T>::BurnTransactionNotExists)?;
        ensure!(
            burn.signatures.len() >= Self::quorum() as usize,
            Error::<T>::NotEnoughSignatures
        );
        Self::remove_pending_withdrawal(id, &burn);
        ExecutedBurnTransactions::<T>::insert(id, &burn);
        Self::deposit_event(Event::BurnTransactionProcessed(burn));
        Ok(())
    }

    /// Whether withdrawal `id` was made `TransactionTimeout` or more blocks before `now`.
    /// Withdrawals without a source (the layout before `V2`) never time out.
    pub(crate) fn withdrawal_timed_out(
        id: u64,
        burn: &BurnTransactionOf<T>,
        now: BlockNumberFor<T>,
    ) -> bool {
        let Some(source) = &burn.source else {
            return false;
        };
        let timeout = BlockNumberFor::<T>::from(T::TransactionTimeout::get());
        PendingWithdrawals::<T>::get(source)
            .iter()
            .any(|(pending, created)| *pending == id && now.saturating_sub(*created) >= timeout)
    }

    /// Remove withdrawal `id`, never paid, and mint its amount (the TFT burnt: the withdraw fee
    /// is not refunded) back to its source, announcing it with `BurnTransactionExpired`. If the
    /// source cannot receive it (a reaped account and an amount below the existential
    /// deposit), the TFT stay burnt.
    pub(crate) fn refund_withdrawal(id: u64, burn: BurnTransactionOf<T>) {
        Self::remove_pending_withdrawal(id, &burn);
        if let Some(source) = &burn.source {
            // Fails only for an amount the source cannot hold, which then stays burnt.
            let _ = T::Currency::mint_into(source, burn.amount.saturated_into());
        }
        Self::deposit_event(Event::BurnTransactionExpired(
            id,
            burn.source,
            burn.target,
            burn.amount,
        ));
    }

    /// Remove withdrawal `id` from the pending withdrawals, and from its source's.
    fn remove_pending_withdrawal(id: u64, burn: &BurnTransactionOf<T>) {
        BurnTransactions::<T>::remove(id);
        if let Some(source) = &burn.source {
            PendingWithdrawals::<T>::mutate_exists(source, |entry| {
                if let Some(pending) = entry {
                    pending.retain(|(pending_id, _)| *pending_id != id);
                    if pending.is_empty() {
                        *entry = None;
                    }
                }
            });
        }
    }
}
