//! The pallet's storage invariants, checked by the `try_state` hook and after every test.

use crate::{
    pallet::{
        BurnTransactionID, BurnTransactions, Config, ExecutedBurnTransactions,
        ExecutedMintTransactions, ExecutedRefundTransactions, MintTransactionVoters,
        MintTransactions, Pallet, PalletVersion, RefundTransactions, Validators,
    },
    types::{Signatures, StorageVersion},
};
use alloc::collections::btree_set::BTreeSet;
use frame_support::ensure;
use sp_runtime::TryRuntimeError;

impl<T: Config> Pallet<T> {
    /// Check that:
    ///
    /// - the bridge validators are sorted and unique, and the layout version is `V2`;
    /// - no mint, withdrawal or refund is both pending and executed;
    /// - every withdrawal id is at most `BurnTransactionID`;
    /// - the counters of pending withdrawals and refunds match their entries;
    /// - each pending mint's vote count is the number of its distinct voters, and only pending
    ///   mints have voters;
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
            let voters = MintTransactionVoters::<T>::get(&tx_id);
            ensure!(
                voters.iter().collect::<BTreeSet<_>>().len() == voters.len(),
                "a validator voted twice for a mint"
            );
            ensure!(
                mint.votes as usize == voters.len(),
                "a mint's votes differ from its voters"
            );
        }
        for tx_id in MintTransactionVoters::<T>::iter_keys() {
            ensure!(
                MintTransactions::<T>::contains_key(&tx_id),
                "voters of a mint that is not pending"
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
