//! The records of a proposal: its description, its votes and the weight of one farm's vote.
//!
//! They live in this module so that their metadata paths are upstream's
//! (`pallet_dao::proposal::DaoProposal`, `DaoVotes`, `VoteWeight`). Field order is SCALE order;
//! bounded vectors encode exactly like plain vectors.

use crate::types::{Description, Link, ProposalIndex, MAX_VETOS, MAX_VOTES_PER_PROPOSAL};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::ConstU32, BoundedVec};
use scale_info::TypeInfo;

/// What a proposal is about, for people: stored next to the call it proposes.
#[derive(
    Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct DaoProposal {
    /// Index of the proposal.
    pub index: ProposalIndex,
    /// Free-form description.
    pub description: Description,
    /// Link to the discussion of the proposal.
    pub link: Link,
}

/// The state of the vote on a proposal.
#[derive(
    Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct DaoVotes<BlockNumber, AccountId> {
    /// Index of the proposal.
    pub index: ProposalIndex,
    /// Number of farm votes (ayes and nays) after which the proposal may be closed early.
    pub threshold: u32,
    /// The farms in favour, with their weight when they voted.
    pub ayes: BoundedVec<VoteWeight, ConstU32<MAX_VOTES_PER_PROPOSAL>>,
    /// The farms against, with their weight when they voted.
    pub nays: BoundedVec<VoteWeight, ConstU32<MAX_VOTES_PER_PROPOSAL>>,
    /// Last block of the voting period.
    pub end: BlockNumber,
    /// The council members who vetoed the proposal.
    pub vetos: BoundedVec<AccountId, ConstU32<MAX_VETOS>>,
}

/// One farm's vote and its weight.
#[derive(
    Encode,
    Decode,
    DecodeWithMemTracking,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Debug,
    TypeInfo,
    MaxEncodedLen,
)]
pub struct VoteWeight {
    /// The voting farm.
    pub farm_id: u32,
    /// The farm's weight (`FarmWeight`) when it voted.
    pub weight: u64,
}

impl<BlockNumber, AccountId> DaoVotes<BlockNumber, AccountId> {
    /// Number of farms that voted, ayes and nays together.
    pub fn vote_count(&self) -> u32 {
        // Both lists are bounded far below `u32::MAX`.
        self.ayes.len().saturating_add(self.nays.len()) as u32
    }

    /// True when `farm_id` voted, for or against.
    pub fn has_voted(&self, farm_id: u32) -> bool {
        self.ayes
            .iter()
            .chain(self.nays.iter())
            .any(|vote| vote.farm_id == farm_id)
    }
}
