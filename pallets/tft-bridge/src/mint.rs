//! Deposits from Stellar: bridge validators vote for the mint a deposit asks for; a majority of
//! distinct validators mints it.

use crate::{
    pallet::{
        Config, DepositFee, Error, Event, ExecutedMintTransactions, MintTransactionOf,
        MintTransactionVoters, MintTransactions, Pallet,
    },
    types::{MintTransaction, TxId},
};
use frame_support::{
    ensure,
    traits::fungible::{Balanced, Mutate},
};
use sp_runtime::{DispatchResult, SaturatedConversion};

impl<T: Config> Pallet<T> {
    /// Record the vote of bridge validator `validator` for minting `amount` (deposit fee
    /// included) to `target` for the Stellar deposit `tx_id`, proposing the mint if it is the
    /// first vote, and mint once a majority voted.
    ///
    /// Every validator votes once, for the amount and target of the proposal. A validator that
    /// already voted may call again only to execute a mint whose votes reach the quorum (which
    /// happens when bridge validators were removed since).
    pub(crate) fn do_propose_or_vote_mint_transaction(
        validator: T::AccountId,
        tx_id: TxId,
        target: T::AccountId,
        amount: u64,
    ) -> DispatchResult {
        Self::ensure_bridge_validator(&validator)?;
        ensure!(
            !ExecutedMintTransactions::<T>::contains_key(&tx_id),
            Error::<T>::MintTransactionAlreadyExecuted
        );
        ensure!(
            amount > DepositFee::<T>::get(),
            Error::<T>::AmountIsLessThanDepositFee
        );
        let mut mint = match MintTransactions::<T>::get(&tx_id) {
            Some(mint) => {
                ensure!(
                    mint.target == target && mint.amount == amount,
                    Error::<T>::WrongParametersProvided
                );
                mint
            }
            None => {
                let mint = MintTransaction {
                    amount,
                    target: target.clone(),
                    block: frame_system::Pallet::<T>::block_number(),
                    votes: 0,
                };
                MintTransactions::<T>::insert(&tx_id, &mint);
                Self::deposit_event(Event::MintTransactionProposed(
                    tx_id.clone(),
                    target,
                    amount,
                ));
                mint
            }
        };

        let quorum = Self::quorum();
        let mut voters = MintTransactionVoters::<T>::get(&tx_id);
        if voters.contains(&validator) {
            ensure!(mint.votes >= quorum, Error::<T>::TransactionValidatorExists);
        } else {
            voters
                .try_push(validator)
                .map_err(|_| Error::<T>::TooManyValidators)?;
            mint.votes = voters.len() as u32;
            MintTransactionVoters::<T>::insert(&tx_id, voters);
            MintTransactions::<T>::insert(&tx_id, &mint);
            Self::deposit_event(Event::MintTransactionVoted(tx_id.clone()));
        }

        if mint.votes >= quorum {
            Self::execute_mint(tx_id, mint)?;
        }
        Ok(())
    }

    /// Mint the amount of `mint` minus the deposit fee to its target, credit the fee to the fee
    /// account, and move the mint to the executed ones.
    ///
    /// Fails (with the currency's error) if the target cannot receive the amount, for instance
    /// a new account and an amount below the existential deposit.
    fn execute_mint(tx_id: TxId, mut mint: MintTransactionOf<T>) -> DispatchResult {
        let fee = DepositFee::<T>::get();
        let credited = mint.amount.saturating_sub(fee);
        T::Currency::mint_into(&mint.target, credited.saturated_into())?;
        Self::credit_fee_account(T::Currency::issue(fee.saturated_into()));

        MintTransactions::<T>::remove(&tx_id);
        MintTransactionVoters::<T>::remove(&tx_id);
        mint.block = frame_system::Pallet::<T>::block_number();
        ExecutedMintTransactions::<T>::insert(&tx_id, &mint);
        Self::deposit_event(Event::MintCompleted(mint, tx_id));
        Ok(())
    }
}
