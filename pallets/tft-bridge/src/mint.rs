//! Deposits from Stellar: bridge validators vote for the mint a deposit asks for; a majority of
//! distinct validators voting for the same target and amount mints it.
//!
//! Votes are kept per proposal, that is per target and amount voted for ([`MintProposals`]):
//! a wrong first proposal does not stop the others. Each validator votes once per deposit, and
//! a proposal that did not reach the quorum within `TransactionTimeout` blocks expires, which
//! frees its voters to vote again.

use crate::{
    pallet::{
        BridgeValidators, Config, DepositFee, Error, Event, ExecutedMintTransactions,
        ExecutedRefundTransactions, MintExpiries, MintProposals, MintProposalsOf,
        MintTransactionOf, MintTransactionVoters, MintTransactions, Pallet,
    },
    types::{MintProposal, MintTransaction, TxId},
};
use frame_support::{
    ensure,
    traits::{
        fungible::{Balanced, Mutate},
        Get,
    },
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{traits::Saturating, DispatchResult, SaturatedConversion};

impl<T: Config> Pallet<T> {
    /// Record the vote of bridge validator `validator` for minting `amount` (deposit fee
    /// included) to `target` for the Stellar deposit `tx_id`, proposing these parameters if
    /// nobody did yet, and mint once a majority voted for them.
    ///
    /// Every validator votes once per deposit. A validator that already voted may call again
    /// only to execute the proposal it voted for once its votes reach the quorum (which
    /// happens when bridge validators were removed since). A deposit that was refunded is not
    /// minted.
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
            !ExecutedRefundTransactions::<T>::contains_key(&tx_id),
            Error::<T>::RefundTransactionAlreadyExecuted
        );
        ensure!(
            amount > DepositFee::<T>::get(),
            Error::<T>::AmountIsLessThanDepositFee
        );

        let mut proposals = MintProposals::<T>::get(&tx_id);
        let mut voters = MintTransactionVoters::<T>::get(&tx_id);
        let already_voted = voters.contains(&validator);
        let index = match proposals
            .iter()
            .position(|proposal| proposal.target == target && proposal.amount == amount)
        {
            Some(index) => index,
            None => {
                ensure!(!already_voted, Error::<T>::TransactionValidatorExists);
                let now = frame_system::Pallet::<T>::block_number();
                Self::schedule_mint_expiry(&tx_id, now)?;
                proposals
                    .try_push(MintProposal {
                        target: target.clone(),
                        amount,
                        block: now,
                        voters: Default::default(),
                    })
                    .map_err(|_| Error::<T>::TooManyValidators)?;
                Self::deposit_event(Event::MintTransactionProposed(
                    tx_id.clone(),
                    target,
                    amount,
                ));
                proposals.len() - 1
            }
        };

        let quorum = Self::quorum();
        let proposal = &mut proposals[index];
        if already_voted {
            ensure!(
                proposal.voters.contains(&validator) && proposal.voters.len() as u32 >= quorum,
                Error::<T>::TransactionValidatorExists
            );
        } else {
            voters
                .try_push(validator.clone())
                .map_err(|_| Error::<T>::TooManyValidators)?;
            proposal
                .voters
                .try_push(validator)
                .map_err(|_| Error::<T>::TooManyValidators)?;
            Self::deposit_event(Event::MintTransactionVoted(tx_id.clone()));
        }

        if proposal.voters.len() as u32 >= quorum {
            let mint = proposal.to_mint();
            return Self::execute_mint(tx_id, mint);
        }
        Self::store_mint_proposals(&tx_id, proposals, voters);
        Ok(())
    }

    /// Drop, at the start of block `now`, the mint proposals made `TransactionTimeout` blocks
    /// earlier that are still pending, freeing their voters, and announce each with
    /// `MintTransactionExpired`.
    ///
    /// Returns how many deposits were checked.
    pub(crate) fn expire_mint_proposals(now: BlockNumberFor<T>) -> u32 {
        let timeout = BlockNumberFor::<T>::from(T::TransactionTimeout::get());
        let due = MintExpiries::<T>::take(now);
        for tx_id in due.iter() {
            let mut proposals = MintProposals::<T>::get(tx_id);
            if proposals.is_empty() {
                // Executed, or already expired.
                continue;
            }
            let mut voters = MintTransactionVoters::<T>::get(tx_id);
            proposals.retain(|proposal| {
                let expired = now.saturating_sub(proposal.block) >= timeout;
                if expired {
                    voters.retain(|voter| !proposal.voters.contains(voter));
                    Self::deposit_event(Event::MintTransactionExpired(
                        tx_id.clone(),
                        proposal.amount,
                        proposal.target.clone(),
                    ));
                }
                !expired
            });
            Self::store_mint_proposals(tx_id, proposals, voters);
        }
        due.len() as u32
    }

    /// Schedule the expiry of a mint proposal made for `tx_id` at block `now`.
    ///
    /// Fails with `TooManyPendingTransactions` if `MaxPendingTransactions` deposits already
    /// got a proposal in this block.
    fn schedule_mint_expiry(tx_id: &TxId, now: BlockNumberFor<T>) -> DispatchResult {
        let at = now.saturating_add(T::TransactionTimeout::get().into());
        MintExpiries::<T>::try_mutate(at, |due| {
            if due.contains(tx_id) {
                return Ok(());
            }
            due.try_push(tx_id.clone())
                .map_err(|_| Error::<T>::TooManyPendingTransactions.into())
        })
    }

    /// Store the pending `proposals` of deposit `tx_id` and their `voters`, with the proposal
    /// with the most votes (the first on a tie) as its `MintTransactions` entry; remove them
    /// all if no proposal is left.
    fn store_mint_proposals(
        tx_id: &TxId,
        proposals: MintProposalsOf<T>,
        voters: BridgeValidators<T>,
    ) {
        match leading_mint(&proposals) {
            Some(mint) => {
                MintTransactions::<T>::insert(tx_id, mint);
                MintProposals::<T>::insert(tx_id, proposals);
                MintTransactionVoters::<T>::insert(tx_id, voters);
            }
            None => Self::remove_mint_proposals(tx_id),
        }
    }

    /// Remove the pending proposals of deposit `tx_id`, their voters and its
    /// `MintTransactions` entry.
    fn remove_mint_proposals(tx_id: &TxId) {
        MintTransactions::<T>::remove(tx_id);
        MintProposals::<T>::remove(tx_id);
        MintTransactionVoters::<T>::remove(tx_id);
    }

    /// Mint the amount of `mint` minus the deposit fee to its target, credit the fee to the fee
    /// account, drop the deposit's proposals and move the mint to the executed ones.
    ///
    /// Fails (with the currency's error) if the target cannot receive the amount, for instance
    /// a new account and an amount below the existential deposit.
    fn execute_mint(tx_id: TxId, mut mint: MintTransactionOf<T>) -> DispatchResult {
        let fee = DepositFee::<T>::get();
        let credited = mint.amount.saturating_sub(fee);
        T::Currency::mint_into(&mint.target, credited.saturated_into())?;
        Self::credit_fee_account(T::Currency::issue(fee.saturated_into()));

        Self::remove_mint_proposals(&tx_id);
        mint.block = frame_system::Pallet::<T>::block_number();
        ExecutedMintTransactions::<T>::insert(&tx_id, &mint);
        Self::deposit_event(Event::MintCompleted(mint, tx_id));
        Ok(())
    }
}

/// The leading proposal of `proposals` as a mint transaction (the most votes, the first on a
/// tie); `None` if there is none.
pub(crate) fn leading_mint<AccountId: Clone, BlockNumber: Copy>(
    proposals: &[MintProposal<AccountId, BlockNumber>],
) -> Option<MintTransaction<AccountId, BlockNumber>> {
    proposals
        .iter()
        .fold(
            None,
            |leading: Option<&MintProposal<_, _>>, proposal| match leading {
                Some(best) if best.voters.len() >= proposal.voters.len() => Some(best),
                _ => Some(proposal),
            },
        )
        .map(MintProposal::to_mint)
}
