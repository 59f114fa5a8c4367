//! Bounds of the proposals, votes and vetos, and aliases of the pallet's stored values.

use crate::proposal::DaoVotes;
use codec::{Decode, Encode, MaxEncodedLen};
use frame_support::{traits::ConstU32, BoundedVec};
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;
use tfchain_support::constants::time::DAYS;

/// Index of a proposal: proposals are numbered from 0 in creation order.
pub type ProposalIndex = u32;

/// The lowest vote threshold a proposal may ask for (upstream `MotionMinThreshold`).
pub const MOTION_MIN_THRESHOLD: u32 = 5;
/// The shortest voting period a proposal may ask for, in blocks (one day), inclusive.
pub const MIN_PROPOSAL_DURATION: u32 = DAYS;
/// The voting period a proposal must stay under, in blocks (30 days), exclusive.
pub const MAX_PROPOSAL_DURATION: u32 = 30 * DAYS;

/// Maximum length of a proposal's description, in bytes.
pub const MAX_DESCRIPTION_LENGTH: u32 = 2048;
/// Maximum length of a proposal's link, in bytes.
pub const MAX_LINK_LENGTH: u32 = 512;
/// Maximum length of a proposal's encoded call, in bytes.
pub const MAX_PROPOSAL_LENGTH: u32 = 4096;
/// Maximum number of proposals open at the same time.
pub const MAX_ACTIVE_PROPOSALS: u32 = 100;
/// Maximum number of farms voting on one proposal (ayes and nays together).
pub const MAX_VOTES_PER_PROPOSAL: u32 = 5_000;
/// Maximum number of vetos on one proposal (the council has at most 100 members).
pub const MAX_VETOS: u32 = 100;

/// Proven online time (consistent uptime reports, measured by the reputation pallet) after which
/// an uncertified node's capacity counts in its farm's voting weight: 30 days.
pub const MIN_TRUSTED_ONLINE_SECS: u64 = 30 * 24 * 60 * 60;
/// The smallest voting weight a farm needs to vote: about half of the smallest real node (2
/// cores, 4 GiB of memory and 250 GB of SSD weigh 17).
pub const MIN_FARM_VOTE_WEIGHT: u64 = 10;

/// What the DAO knows of a node: where its weight goes and whether it can be trusted.
#[derive(Encode, Decode, Clone, Copy, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen)]
pub struct NodeWeight {
    /// The node's farm.
    pub farm_id: u32,
    /// The node's weight, `2 * cu + su` of the capacity it reports.
    pub weight: u64,
    /// The node is certified.
    pub certified: bool,
    /// The node was proven online for at least [`MIN_TRUSTED_ONLINE_SECS`].
    pub online_proven: bool,
}

impl NodeWeight {
    /// True when the node's weight counts in its farm's voting weight: it is certified or has
    /// a real uptime history.
    pub fn counts(&self) -> bool {
        self.certified || self.online_proven
    }
}

/// A proposal's description.
pub type Description = BoundedVec<u8, ConstU32<MAX_DESCRIPTION_LENGTH>>;
/// A proposal's link.
pub type Link = BoundedVec<u8, ConstU32<MAX_LINK_LENGTH>>;
/// The hashes of the open proposals.
pub type ProposalHashes<Hash> = BoundedVec<Hash, ConstU32<MAX_ACTIVE_PROPOSALS>>;
/// The votes of a proposal, as stored.
pub type DaoVotesOf<T> = DaoVotes<BlockNumberFor<T>, <T as frame_system::Config>::AccountId>;

/// Creates the grid state the benchmarks need, which only the runtime can build.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
    /// Create a farm owned by `owner` (with whatever `owner` needs first, such as a twin) and
    /// return its id; `seed` makes the farm's name unique.
    fn create_farm(owner: &AccountId, seed: u32) -> u32;
}
