//! Making a proposal, and removing a proposal once it is decided.

use crate::{
    proposal::{DaoProposal, DaoVotes},
    types::*,
    Config, Error, Event, Pallet, ProposalCount, ProposalList, ProposalOf, Proposals, Proposers,
    Voting,
};
use alloc::vec::Vec;
use codec::Encode;
use frame_support::{dispatch::GetDispatchInfo, ensure, pallet_prelude::*, BoundedVec};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::{Hash, Saturating};

impl<T: Config> Pallet<T> {
    /// Record `action` as proposal number `ProposalCount`, open for votes until
    /// `now + duration` (or `now + MotionDuration`). Returns the number of proposals that were
    /// open before (below [`MAX_ACTIVE_PROPOSALS`], the `propose` benchmark's component).
    pub(crate) fn do_propose(
        who: T::AccountId,
        threshold: u32,
        action: <T as Config>::Proposal,
        description: Vec<u8>,
        link: Vec<u8>,
        duration: Option<BlockNumberFor<T>>,
    ) -> Result<u32, DispatchError> {
        ensure!(
            threshold >= MOTION_MIN_THRESHOLD,
            Error::<T>::ThresholdTooLow
        );
        let description =
            Description::try_from(description).map_err(|_| Error::<T>::WrongProposalLength)?;
        let link = Link::try_from(link).map_err(|_| Error::<T>::WrongProposalLength)?;
        ensure!(
            action.encoded_size() <= MAX_PROPOSAL_LENGTH as usize,
            Error::<T>::WrongProposalLength
        );
        ensure!(
            action
                .get_dispatch_info()
                .call_weight
                .all_lte(T::MaxProposalWeight::get()),
            Error::<T>::WrongProposalWeight
        );

        let proposal_hash = T::Hashing::hash_of(&action);
        ensure!(
            !ProposalOf::<T>::contains_key(proposal_hash),
            Error::<T>::DuplicateProposal
        );

        let duration = match duration {
            Some(duration) => {
                ensure!(
                    duration >= MIN_PROPOSAL_DURATION.into()
                        && duration < MAX_PROPOSAL_DURATION.into(),
                    Error::<T>::InvalidProposalDuration
                );
                duration
            }
            None => T::MotionDuration::get(),
        };
        let end = frame_system::Pallet::<T>::block_number().saturating_add(duration);

        let index = ProposalCount::<T>::get();
        let next_index = index.checked_add(1).ok_or(Error::<T>::StorageOverflow)?;
        let open = ProposalList::<T>::try_mutate(|hashes| {
            let open = hashes.len() as u32;
            hashes.try_push(proposal_hash).map(|_| open)
        })
        .map_err(|_| Error::<T>::StorageOverflow)?;
        ProposalCount::<T>::put(next_index);
        ProposalOf::<T>::insert(proposal_hash, action);
        Proposals::<T>::insert(
            proposal_hash,
            DaoProposal {
                index,
                description,
                link,
            },
        );
        Voting::<T>::insert(
            proposal_hash,
            DaoVotes {
                index,
                threshold,
                ayes: BoundedVec::new(),
                nays: BoundedVec::new(),
                end,
                vetos: BoundedVec::new(),
            },
        );

        Proposers::<T>::insert(proposal_hash, &who);

        Self::deposit_event(Event::Proposed {
            account: who,
            proposal_index: index,
            proposal_hash,
            threshold,
        });
        Ok(open)
    }

    /// Forget a decided proposal: its call, description, votes, proposer and list entry.
    pub(crate) fn remove_proposal(proposal_hash: T::Hash) {
        ProposalOf::<T>::remove(proposal_hash);
        Proposers::<T>::remove(proposal_hash);
        Proposals::<T>::remove(proposal_hash);
        Voting::<T>::remove(proposal_hash);
        ProposalList::<T>::mutate(|hashes| hashes.retain(|hash| *hash != proposal_hash));
    }

    /// The open proposal `proposal_hash` with the given index: its votes.
    pub(crate) fn open_proposal_votes(
        proposal_hash: T::Hash,
        proposal_index: ProposalIndex,
    ) -> Result<DaoVotesOf<T>, Error<T>> {
        let votes = Voting::<T>::get(proposal_hash).ok_or(Error::<T>::ProposalMissing)?;
        ensure!(votes.index == proposal_index, Error::<T>::WrongIndex);
        Ok(votes)
    }
}
