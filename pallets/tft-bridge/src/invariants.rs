//! The pallet's storage invariants, checked by the `try_state` hook and after every test.

use crate::{
    mint::leading_mint,
    pallet::{
        BurnTransactionID, BurnTransactions, Config, ExecutedBurnTransactions,
        ExecutedMintTransactions, ExecutedRefundTransactions, MintExpiries, MintProposals,
        MintTransactionVoters, MintTransactions, Pallet, PalletVersion, PendingWithdrawals,
        RefundTransactions, Validators,
    },
    types::{Signatures, StorageVersion},
};
use alloc::collections::btree_set::BTreeSet;
use frame_support::{ensure, traits::Get};
use sp_runtime::{traits::Saturating, TryRuntimeError};

impl<T: Config> Pallet<T> {
    /// Check that:
    ///
    /// - the bridge validators are sorted and unique, and the layout version is `V2`;
    /// - no mint, withdrawal or refund is both pending and executed;
    /// - every withdrawal id is at most `BurnTransactionID`;
    /// - the counters of pending withdrawals and refunds match their entries;
    /// - each pending deposit has mint proposals for distinct targets and amounts, each with
    ///   voters; no validator voted twice for a deposit, its voters are those of its
    ///   proposals, its `MintTransactions` entry is its leading proposal, and only pending
    ///   deposits have proposals or voters; every proposal's expiry is scheduled;
    /// - no deposit is both minted and refunded;
    /// - the pending withdrawals of each account are pending withdrawals of that account, at
    ///   most `MaxPendingWithdrawalsPerAccount`, and every pending withdrawal with a source is
    ///   listed for it;
    /// - no payment holds two signatures with the same key or the same signature.
    pub fn do_try_state() -> Result<(), TryRuntimeError> {
        let validators = Validators::<T>::get();
        ensure!(
            validators.windows(2).all(|pair| pair[0] < pair[1]),
            "bridge validators are not sorted and unique"
        );
        ensure!(
            PalletVersion::<T>::get() == StorageVersion::V2,
            "the layout version is not V2"
        );

        for (tx_id, mint) in MintTransactions::<T>::iter() {
            ensure!(
                !ExecutedMintTransactions::<T>::contains_key(&tx_id),
                "a mint is both pending and executed"
            );
            let proposals = MintProposals::<T>::get(&tx_id);
            ensure!(
                leading_mint(&proposals) == Some(mint),
                "a pending mint is not its deposit's leading proposal"
            );
            let mut parameters = BTreeSet::new();
            let mut proposal_voters = BTreeSet::new();
            for proposal in proposals.iter() {
                ensure!(
                    parameters.insert((&proposal.target, proposal.amount)),
                    "two mint proposals of a deposit have the same target and amount"
                );
                ensure!(!proposal.voters.is_empty(), "a mint proposal has no voter");
                let expiry = proposal
                    .block
                    .saturating_add(T::TransactionTimeout::get().into());
                ensure!(
                    MintExpiries::<T>::get(expiry).contains(&tx_id),
                    "a mint proposal's expiry is not scheduled"
                );
                for voter in proposal.voters.iter() {
                    ensure!(
                        proposal_voters.insert(voter),
                        "a validator voted twice for a deposit"
                    );
                }
            }
            let voters = MintTransactionVoters::<T>::get(&tx_id);
            ensure!(
                voters.len() == proposal_voters.len()
                    && voters.iter().all(|voter| proposal_voters.contains(voter)),
                "a deposit's voters differ from its proposals' voters"
            );
        }
        for tx_id in MintTransactionVoters::<T>::iter_keys().chain(MintProposals::<T>::iter_keys())
        {
            ensure!(
                MintTransactions::<T>::contains_key(&tx_id),
                "voters or proposals of a mint that is not pending"
            );
        }
        for tx_id in ExecutedMintTransactions::<T>::iter_keys() {
            ensure!(
                !ExecutedRefundTransactions::<T>::contains_key(&tx_id),
                "a deposit is both minted and refunded"
            );
        }

        let last_id = BurnTransactionID::<T>::get();
        let mut pending_burns = 0u32;
        for (id, burn) in BurnTransactions::<T>::iter() {
            pending_burns += 1;
            ensure!(id <= last_id, "a withdrawal id is above BurnTransactionID");
            ensure!(
                !ExecutedBurnTransactions::<T>::contains_key(id),
                "a withdrawal is both pending and executed"
            );
            Self::check_signatures(&burn.signatures)?;
        }
        for id in ExecutedBurnTransactions::<T>::iter_keys() {
            ensure!(id <= last_id, "a withdrawal id is above BurnTransactionID");
        }
        ensure!(
            pending_burns == BurnTransactions::<T>::count(),
            "the withdrawal counter is wrong"
        );
        let mut listed = 0u32;
        for (source, pending) in PendingWithdrawals::<T>::iter() {
            ensure!(!pending.is_empty(), "an empty list of pending withdrawals");
            for (id, _) in pending.iter() {
                listed += 1;
                ensure!(
                    BurnTransactions::<T>::get(id).and_then(|burn| burn.source)
                        == Some(source.clone()),
                    "a listed pending withdrawal is not pending for its account"
                );
            }
        }
        let with_source = BurnTransactions::<T>::iter_values()
            .filter(|burn| burn.source.is_some())
            .count() as u32;
        ensure!(
            listed == with_source,
            "a pending withdrawal is not listed for its account"
        );

        let mut pending_refunds = 0u32;
        for (tx_hash, refund) in RefundTransactions::<T>::iter() {
            pending_refunds += 1;
            ensure!(
                !ExecutedRefundTransactions::<T>::contains_key(&tx_hash),
                "a refund is both pending and executed"
            );
            Self::check_signatures(&refund.signatures)?;
        }
        ensure!(
            pending_refunds == RefundTransactions::<T>::count(),
            "the refund counter is wrong"
        );
        Ok(())
    }

    fn check_signatures(signatures: &Signatures) -> Result<(), TryRuntimeError> {
        let keys: BTreeSet<_> = signatures.iter().map(|s| &s.stellar_pub_key).collect();
        let values: BTreeSet<_> = signatures.iter().map(|s| &s.signature).collect();
        ensure!(
            keys.len() == signatures.len() && values.len() == signatures.len(),
            "a payment holds a signature twice"
        );
        Ok(())
    }
}
