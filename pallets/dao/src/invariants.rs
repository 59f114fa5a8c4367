//! The DAO's storage invariants, checked by the `try_state` hook and after every test.

use crate::{types::*, *};
use alloc::collections::{btree_map::BTreeMap, btree_set::BTreeSet};
use frame_support::{ensure, traits::Get};
use sp_runtime::{traits::Hash, TryRuntimeError};

impl<T: Config> Pallet<T> {
    /// Check that the open proposals are consistent:
    ///
    /// - `ProposalList` lists each open proposal once, and every open proposal has its call
    ///   (stored under the call's hash), its description and its votes, with no leftovers;
    /// - description and votes carry the same index, below `ProposalCount`, and no two open
    ///   proposals share an index;
    /// - each proposal's threshold is at least `MOTION_MIN_THRESHOLD`, no farm votes twice and
    ///   no council member vetoes twice, and fewer than `MinVetos` vetos are recorded;
    /// - every open proposal has its proposer, and no other proposer is stored;
    /// - `FarmWeight` holds no zero entries, and each farm's weight is the sum of the weights of
    ///   its nodes that count (`NodeWeights`).
    pub fn do_try_state() -> Result<(), TryRuntimeError> {
        Self::check_proposals()?;
        ensure!(
            FarmWeight::<T>::iter_values().all(|weight| weight > 0),
            "a farm weight of 0 is stored"
        );
        let mut farms: BTreeMap<u32, u64> = BTreeMap::new();
        for node in NodeWeights::<T>::iter_values().filter(NodeWeight::counts) {
            let total = farms.entry(node.farm_id).or_default();
            *total = total.saturating_add(node.weight);
        }
        farms.retain(|_, weight| *weight > 0);
        let stored: BTreeMap<u32, u64> = FarmWeight::<T>::iter().collect();
        ensure!(
            stored == farms,
            "a farm weight is not the sum of its nodes that count"
        );
        Ok(())
    }

    fn check_proposals() -> Result<(), TryRuntimeError> {
        let hashes = ProposalList::<T>::get();
        let unique: BTreeSet<_> = hashes.iter().collect();
        ensure!(unique.len() == hashes.len(), "ProposalList repeats a hash");
        ensure!(
            ProposalOf::<T>::iter_keys().count() == hashes.len()
                && Proposals::<T>::iter_keys().count() == hashes.len()
                && Voting::<T>::iter_keys().count() == hashes.len(),
            "a proposal record is not in ProposalList"
        );
        ensure!(
            Proposers::<T>::iter_keys().count() == hashes.len()
                && hashes.iter().all(|hash| Proposers::<T>::contains_key(hash)),
            "an open proposal without its proposer, or a proposer without its proposal"
        );

        let count = ProposalCount::<T>::get();
        let mut indices = BTreeSet::new();
        for hash in hashes.iter() {
            let call = ProposalOf::<T>::get(hash).ok_or("listed proposal without its call")?;
            ensure!(
                T::Hashing::hash_of(&call) == *hash,
                "proposal call stored under another hash"
            );
            let proposal = Proposals::<T>::get(hash).ok_or("listed proposal without its record")?;
            let votes = Voting::<T>::get(hash).ok_or("listed proposal without its votes")?;
            ensure!(
                proposal.index == votes.index,
                "proposal and votes disagree on the index"
            );
            ensure!(
                proposal.index < count,
                "proposal index not below ProposalCount"
            );
            ensure!(
                indices.insert(proposal.index),
                "two proposals share an index"
            );
            ensure!(
                votes.threshold >= MOTION_MIN_THRESHOLD,
                "proposal threshold under the minimum"
            );
            let voters: BTreeSet<_> = votes
                .ayes
                .iter()
                .chain(votes.nays.iter())
                .map(|vote| vote.farm_id)
                .collect();
            ensure!(
                voters.len() == votes.vote_count() as usize,
                "a farm voted twice"
            );
            ensure!(
                votes.vote_count() <= MAX_VOTES_PER_PROPOSAL,
                "too many votes on a proposal"
            );
            let vetoers: BTreeSet<_> = votes.vetos.iter().collect();
            ensure!(vetoers.len() == votes.vetos.len(), "a member vetoed twice");
            ensure!(
                (votes.vetos.len() as u32) < T::MinVetos::get(),
                "a vetoed proposal is still open"
            );
        }
        Ok(())
    }
}
