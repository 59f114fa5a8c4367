//! Closing a proposal: tallying the votes and dispatching the call of a passed proposal.

use crate::{types::*, weights::WeightInfo, Config, Error, Event, Pallet, ProposalOf};
use frame_support::{
    dispatch::{extract_actual_weight, GetDispatchInfo},
    ensure,
    pallet_prelude::*,
};
use sp_runtime::traits::Dispatchable;

impl<T: Config> Pallet<T> {
    /// Close proposal `proposal_hash` (number `proposal_index`) if its threshold of votes is
    /// reached or its period is over. It passes when the threshold is reached and the ayes
    /// outweigh the nays, the farms weighing what they weigh now. Returns the weight used.
    pub(crate) fn do_close(
        proposal_hash: T::Hash,
        proposal_index: ProposalIndex,
    ) -> Result<Weight, DispatchError> {
        let votes = Self::open_proposal_votes(proposal_hash, proposal_index)?;
        let threshold_met = votes.vote_count() >= votes.threshold;
        let expired = frame_system::Pallet::<T>::block_number() >= votes.end;
        ensure!(
            threshold_met || expired,
            Error::<T>::OngoingVoteAndTresholdStillNotMet
        );

        let yes_weight = Self::current_weight(&votes.ayes);
        let no_weight = Self::current_weight(&votes.nays);
        let mut used = T::WeightInfo::close(votes.vote_count());
        Self::deposit_event(Event::Closed {
            proposal_hash,
            yes: votes.ayes.len() as u32,
            yes_weight,
            no: votes.nays.len() as u32,
            no_weight,
        });

        if threshold_met && yes_weight > no_weight {
            let call = ProposalOf::<T>::get(proposal_hash).ok_or(Error::<T>::ProposalMissing)?;
            Self::deposit_event(Event::Approved { proposal_hash });
            Self::remove_proposal(proposal_hash);
            let info = call.get_dispatch_info();
            let result = call.dispatch(frame_system::RawOrigin::Root.into());
            used = used.saturating_add(extract_actual_weight(&result, &info));
            Self::deposit_event(Event::Executed {
                proposal_hash,
                result: result.map(|_| ()).map_err(|error| error.error),
            });
        } else {
            Self::deposit_event(Event::Disapproved { proposal_hash });
            Self::remove_proposal(proposal_hash);
        }
        Ok(used)
    }

    /// The weight `close` declares: its own with the most votes a proposal may have (each
    /// farm's weight is read), and the heaviest call a proposal may carry. The unused part is
    /// refunded.
    pub fn close_weight_bound() -> Weight {
        T::WeightInfo::close(MAX_VOTES_PER_PROPOSAL).saturating_add(T::MaxProposalWeight::get())
    }
}
