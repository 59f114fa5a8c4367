//! Farm votes and council vetos on an open proposal.

use crate::{
    proposal::VoteWeight, types::*, Config, Error, Event, FarmWeight, Pallet, Proposals, Proposers,
    Voting,
};
use frame_support::{dispatch::Pays, ensure, pallet_prelude::*};

impl<T: Config> Pallet<T> {
    /// Record the vote of `farm_id` (owned by `who`, who did not make the proposal) on a
    /// proposal, replacing its vote on the other side if any. The farm must weigh at least
    /// [`MIN_FARM_VOTE_WEIGHT`]. Returns whether the caller pays: not for the farm's first vote
    /// (a refused vote is paid: the error keeps the default `Pays::Yes`), and the number of
    /// votes on the proposal afterwards (at most [`MAX_VOTES_PER_PROPOSAL`], the `vote`
    /// benchmark's component).
    pub(crate) fn do_vote(
        who: T::AccountId,
        farm_id: u32,
        proposal_hash: T::Hash,
        approve: bool,
    ) -> Result<(Pays, u32), DispatchError> {
        let mut votes = Self::described_proposal_votes(proposal_hash)?;
        ensure!(
            frame_system::Pallet::<T>::block_number() <= votes.end,
            Error::<T>::TimeLimitReached
        );

        ensure!(
            Proposers::<T>::get(proposal_hash).as_ref() != Some(&who),
            Error::<T>::ProposerFarmCannotVote
        );

        let first_vote = !votes.has_voted(farm_id);
        let (side, other_side) = if approve {
            (&mut votes.ayes, &mut votes.nays)
        } else {
            (&mut votes.nays, &mut votes.ayes)
        };
        ensure!(
            !side.iter().any(|vote| vote.farm_id == farm_id),
            Error::<T>::DuplicateVote
        );
        let weight = FarmWeight::<T>::get(farm_id);
        ensure!(weight > 0, Error::<T>::FarmHasNoNodes);
        ensure!(weight >= MIN_FARM_VOTE_WEIGHT, Error::<T>::FarmWeightTooLow);
        side.try_push(VoteWeight { farm_id, weight })
            .map_err(|_| Error::<T>::StorageOverflow)?;
        if let Some(position) = other_side.iter().position(|vote| vote.farm_id == farm_id) {
            other_side.swap_remove(position);
        }
        ensure!(
            votes.vote_count() <= MAX_VOTES_PER_PROPOSAL,
            Error::<T>::StorageOverflow
        );

        Self::deposit_event(Event::Voted {
            account: who,
            proposal_hash,
            voted: approve,
            yes: votes.ayes.len() as u32,
            no: votes.nays.len() as u32,
        });
        let vote_count = votes.vote_count();
        Voting::<T>::insert(proposal_hash, votes);
        Ok((if first_vote { Pays::No } else { Pays::Yes }, vote_count))
    }

    /// Record the veto of council member `who` on a proposal; with `MinVetos` vetos the
    /// proposal is rejected and removed. Returns the number of farm votes on the proposal (the
    /// `veto` benchmark's component).
    pub(crate) fn do_veto(who: T::AccountId, proposal_hash: T::Hash) -> Result<u32, DispatchError> {
        let mut votes = Self::described_proposal_votes(proposal_hash)?;
        let vote_count = votes.vote_count();
        ensure!(!votes.vetos.contains(&who), Error::<T>::DuplicateVeto);
        votes
            .vetos
            .try_push(who.clone())
            .map_err(|_| Error::<T>::StorageOverflow)?;
        Self::deposit_event(Event::CouncilMemberVeto { proposal_hash, who });

        if votes.vetos.len() as u32 >= T::MinVetos::get() {
            Self::deposit_event(Event::ClosedByCouncil {
                proposal_hash,
                vetos: votes.vetos.into_inner(),
            });
            Self::deposit_event(Event::Disapproved { proposal_hash });
            Self::remove_proposal(proposal_hash);
        } else {
            Voting::<T>::insert(proposal_hash, votes);
        }
        Ok(vote_count)
    }

    /// The votes of an open proposal, checked against the index of its description.
    fn described_proposal_votes(proposal_hash: T::Hash) -> Result<DaoVotesOf<T>, Error<T>> {
        let proposal = Proposals::<T>::get(proposal_hash).ok_or(Error::<T>::ProposalMissing)?;
        Self::open_proposal_votes(proposal_hash, proposal.index)
    }
}
