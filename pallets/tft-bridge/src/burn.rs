//! Withdrawals to Stellar: a user burns TFT; bridge validators sign the Stellar payment, and
//! mark the withdrawal executed once it is paid.

use crate::{
    pallet::{
        BalanceOf, BurnTransactionID, BurnTransactions, Config, Error, Event,
        ExecutedBurnTransactions, Pallet, WithdrawFee,
    },
    stellar,
    types::{BurnTransaction, StellarAddress, StellarSignature},
};
use frame_support::{
    ensure,
    traits::{
        fungible::{Balanced, Inspect},
        tokens::{Fortitude, Precision, Preservation},
        Get, Imbalance, OnUnbalanced,
    },
};
use sp_runtime::{traits::Saturating, ArithmeticError, DispatchResult, SaturatedConversion};

impl<T: Config> Pallet<T> {
    /// Burn `amount` from `source` for a payment to the Stellar account `target`: the withdraw
    /// fee goes to the fee account and the rest is recorded as a new withdrawal for the bridge
    /// validators to sign.
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
        Self::deposit_event(Event::BurnTransactionCreated(
            id,
            source.clone(),
            target.clone(),
            paid_out,
        ));
        BurnTransactions::<T>::insert(
            id,
            BurnTransaction {
                block: frame_system::Pallet::<T>::block_number(),
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

    /// Move withdrawal `id`, paid on Stellar, to the executed ones.
    pub(crate) fn do_set_burn_transaction_executed(
        validator: &T::AccountId,
        id: u64,
    ) -> DispatchResult {
        Self::ensure_bridge_validator(validator)?;
        ensure!(
            !ExecutedBurnTransactions::<T>::contains_key(id),
            Error::<T>::BurnTransactionAlreadyExecuted
        );
        let burn = BurnTransactions::<T>::take(id).ok_or(Error::<T>::BurnTransactionNotExists)?;
        ExecutedBurnTransactions::<T>::insert(id, &burn);
        Self::deposit_event(Event::BurnTransactionProcessed(burn));
        Ok(())
    }
}
