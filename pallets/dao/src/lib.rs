//! # DAO pallet
//!
//! Farmer governance of the ThreeFold Grid, mounted in the runtime as `Dao` (index 43) with the
//! calls, storage, events and errors of TFChain 2.9:
//!
//! - a council member **proposes** a call ([`propose`]), with a vote threshold of at least
//!   [`types::MOTION_MIN_THRESHOLD`] and a voting period (`MotionDuration`, or between one and
//!   thirty days);
//! - farmers **vote** for or against it with their farms ([`voting`]), except the proposer's; a
//!   farm's vote weighs what the capacity of its trusted nodes (certified, or with 30 days of
//!   proven uptime) weighs ([`farm_weight`], kept up to date by pallet-tfgrid's node hooks and
//!   pallet-reputation's online-time hook), and needs at least `MIN_FARM_VOTE_WEIGHT`;
//! - council members may **veto** it ([`voting`]); `MinVetos` vetos reject it;
//! - a council member **closes** it ([`close`]) once the threshold of votes is reached or the
//!   period is over: it passes when the threshold is reached and the ayes outweigh the nays,
//!   and its call is then dispatched with the Root origin.
//!
//! The pallet asks the council membership (`CouncilMembers`) and the grid registry (`Tfgrid`)
//! through traits, and implements `tfchain_support::traits::ChangeNode` for pallet-tfgrid and
//! `tfchain_support::traits::NodeOnlineTime` for pallet-reputation.

#![cfg_attr(not(feature = "std"), no_std)]
#![warn(missing_docs)]

extern crate alloc;

pub use pallet::*;
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub mod close;
pub mod farm_weight;
mod invariants;
pub mod proposal;
pub mod propose;
pub mod types;
pub mod voting;
pub mod weights;

#[frame_support::pallet]
pub mod pallet {
    use crate::{proposal::DaoProposal, types::*, weights::WeightInfo};
    use alloc::{boxed::Box, vec::Vec};
    use frame_support::{
        dispatch::{GetDispatchInfo, PostDispatchInfo},
        pallet_prelude::*,
        traits::SortedMembers,
    };
    use frame_system::pallet_prelude::*;
    use sp_runtime::traits::Dispatchable;
    use tfchain_support::traits::Tfgrid;

    /// The DAO pallet.
    #[pallet::pallet]
    pub struct Pallet<T>(_);

    /// Configuration of the DAO pallet.
    #[pallet::config]
    pub trait Config: frame_system::Config {
        /// The overarching event type.
        #[allow(deprecated)]
        type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;

        /// The calls proposals carry (the runtime's `RuntimeCall`).
        type Proposal: Parameter
            + Dispatchable<
                RuntimeOrigin = <Self as frame_system::Config>::RuntimeOrigin,
                PostInfo = PostDispatchInfo,
            > + From<frame_system::Call<Self>>
            + GetDispatchInfo;

        /// The council, whose members propose, veto and close proposals.
        type CouncilMembers: SortedMembers<Self::AccountId>;

        /// The grid registry, asked who owns a farm.
        type Tfgrid: Tfgrid<Self::AccountId, Self::FarmName>;

        /// The farm-name type the registry's `Tfgrid` implementation is written for.
        type FarmName;

        /// Voting period of a proposal that does not ask for one, in blocks.
        type MotionDuration: Get<BlockNumberFor<Self>>;

        /// Number of council vetos that reject a proposal.
        type MinVetos: Get<u32>;

        /// Heaviest call a proposal may carry; `close` reserves this weight to dispatch it.
        type MaxProposalWeight: Get<Weight>;

        /// Weights of the calls of this pallet.
        type WeightInfo: WeightInfo;

        /// Builds the grid state the benchmarks need.
        #[cfg(feature = "runtime-benchmarks")]
        type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
    }

    /// The hashes of the open proposals, oldest first.
    #[pallet::storage]
    pub type ProposalList<T: Config> = StorageValue<_, ProposalHashes<T::Hash>, ValueQuery>;

    /// Index, description and link of each open proposal.
    #[pallet::storage]
    pub type Proposals<T: Config> = StorageMap<_, Identity, T::Hash, DaoProposal, OptionQuery>;

    /// The call of each open proposal (its encoding is at most `MAX_PROPOSAL_LENGTH` bytes).
    #[pallet::storage]
    #[pallet::unbounded]
    pub type ProposalOf<T: Config> =
        StorageMap<_, Identity, T::Hash, <T as Config>::Proposal, OptionQuery>;

    /// The votes and vetos of each open proposal.
    #[pallet::storage]
    pub type Voting<T: Config> = StorageMap<_, Identity, T::Hash, DaoVotesOf<T>, OptionQuery>;

    /// Number of proposals made so far (the index of the next one).
    #[pallet::storage]
    pub type ProposalCount<T: Config> = StorageValue<_, u32, ValueQuery>;

    /// Voting weight of each farm: the sum of the weights of its nodes that count (certified or
    /// with a real uptime history, see [`NodeWeights`]); 0 for a farm without such nodes.
    #[pallet::storage]
    pub type FarmWeight<T: Config> = StorageMap<_, Identity, u32, u64, ValueQuery>;

    /// Farm, weight and trust of each node, kept by the node hooks of pallet-tfgrid and the
    /// online-time hook of pallet-reputation.
    #[pallet::storage]
    pub type NodeWeights<T: Config> = StorageMap<_, Twox64Concat, u32, NodeWeight, OptionQuery>;

    /// The council member who made each open proposal (whose farms may not vote on it).
    #[pallet::storage]
    pub type Proposers<T: Config> = StorageMap<_, Identity, T::Hash, T::AccountId, OptionQuery>;

    /// Events of the DAO pallet.
    #[pallet::event]
    #[pallet::generate_deposit(pub(super) fn deposit_event)]
    pub enum Event<T: Config> {
        /// A farm voted on a proposal; `yes` and `no` count the farms on each side.
        Voted {
            /// The farmer's account.
            account: T::AccountId,
            /// The proposal.
            proposal_hash: T::Hash,
            /// True for an aye.
            voted: bool,
            /// Number of ayes.
            yes: u32,
            /// Number of nays.
            no: u32,
        },
        /// A council member made a proposal.
        Proposed {
            /// The council member.
            account: T::AccountId,
            /// Index of the proposal.
            proposal_index: ProposalIndex,
            /// Hash of the proposed call.
            proposal_hash: T::Hash,
            /// Vote threshold of the proposal.
            threshold: u32,
        },
        /// A proposal passed.
        Approved {
            /// The proposal.
            proposal_hash: T::Hash,
        },
        /// A proposal was rejected.
        Disapproved {
            /// The proposal.
            proposal_hash: T::Hash,
        },
        /// The call of a passed proposal was dispatched.
        Executed {
            /// The proposal.
            proposal_hash: T::Hash,
            /// What the call returned.
            result: DispatchResult,
        },
        /// A proposal was closed; the weights are the farms' weights at closing time.
        Closed {
            /// The proposal.
            proposal_hash: T::Hash,
            /// Number of ayes.
            yes: u32,
            /// Total weight of the ayes.
            yes_weight: u64,
            /// Number of nays.
            no: u32,
            /// Total weight of the nays.
            no_weight: u64,
        },
        /// Enough council members vetoed a proposal to reject it.
        ClosedByCouncil {
            /// The proposal.
            proposal_hash: T::Hash,
            /// The council members who vetoed it.
            vetos: Vec<T::AccountId>,
        },
        /// A council member vetoed a proposal.
        CouncilMemberVeto {
            /// The proposal.
            proposal_hash: T::Hash,
            /// The council member.
            who: T::AccountId,
        },
    }

    /// Errors of the DAO pallet.
    #[pallet::error]
    pub enum Error<T> {
        /// Not raised.
        NoneValue,
        /// Too many open proposals, votes on a proposal or vetos, or the proposal counter is
        /// exhausted.
        StorageOverflow,
        /// Not raised.
        FarmNotExists,
        /// The caller is not a council member.
        NotCouncilMember,
        /// The description, link or encoded call of the proposal is too long.
        WrongProposalLength,
        /// The same call is already proposed.
        DuplicateProposal,
        /// The caller does not own the farm.
        NotAuthorizedToVote,
        /// The proposal does not exist (or is closed).
        ProposalMissing,
        /// The proposal index does not match the proposal.
        WrongIndex,
        /// The farm already cast this vote.
        DuplicateVote,
        /// The council member already vetoed the proposal.
        DuplicateVeto,
        /// The proposed call is heavier than `MaxProposalWeight`.
        WrongProposalWeight,
        /// Not raised.
        TooEarly,
        /// The voting period of the proposal is over.
        TimeLimitReached,
        /// The voting period is not over and the threshold of votes is not reached.
        OngoingVoteAndTresholdStillNotMet,
        /// The farm has no node that counts (certified or with a real uptime history), so its
        /// vote would weigh nothing.
        FarmHasNoNodes,
        /// The requested voting period is under one day or not under thirty days.
        InvalidProposalDuration,
        /// The vote threshold is under `MOTION_MIN_THRESHOLD`.
        ThresholdTooLow,
        /// The farm belongs to the council member who made the proposal.
        ProposerFarmCannotVote,
        /// The farm's voting weight is under `MIN_FARM_VOTE_WEIGHT`.
        FarmWeightTooLow,
    }

    #[pallet::hooks]
    impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
        #[cfg(feature = "try-runtime")]
        fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
            Self::do_try_state()
        }
    }

    #[pallet::call]
    impl<T: Config> Pallet<T> {
        /// Propose `action` to the farmers (council members only). `threshold` is the number of
        /// farm votes after which the proposal may be closed before its period ends;
        /// `duration` overrides `MotionDuration`.
        #[pallet::call_index(0)]
        #[pallet::weight((
            <T as Config>::WeightInfo::propose(MAX_ACTIVE_PROPOSALS),
            DispatchClass::Operational
        ))]
        pub fn propose(
            origin: OriginFor<T>,
            #[pallet::compact] threshold: u32,
            action: Box<<T as Config>::Proposal>,
            description: Vec<u8>,
            link: Vec<u8>,
            duration: Option<BlockNumberFor<T>>,
        ) -> DispatchResultWithPostInfo {
            let who = ensure_signed(origin)?;
            Self::ensure_council_member(&who)?;
            let open = Self::do_propose(who, threshold, *action, description, link, duration)?;
            Ok(Some(<T as Config>::WeightInfo::propose(open)).into())
        }

        /// Vote for (`approve`) or against a proposal with one of the caller's farms, not on the
        /// caller's own proposal. Free for the farm's first vote on the proposal; changing sides
        /// and a refused vote are paid.
        #[pallet::call_index(1)]
        #[pallet::weight((
            <T as Config>::WeightInfo::vote(MAX_VOTES_PER_PROPOSAL),
            DispatchClass::Operational
        ))]
        pub fn vote(
            origin: OriginFor<T>,
            farm_id: u32,
            proposal_hash: T::Hash,
            approve: bool,
        ) -> DispatchResultWithPostInfo {
            let who = ensure_signed(origin)?;
            ensure!(
                T::Tfgrid::is_farm_owner(farm_id, who.clone()),
                Error::<T>::NotAuthorizedToVote
            );
            let (pays, votes) = Self::do_vote(who, farm_id, proposal_hash, approve)?;
            Ok(PostDispatchInfo {
                actual_weight: Some(<T as Config>::WeightInfo::vote(votes)),
                pays_fee: pays,
            })
        }

        /// Veto a proposal (council members only); `MinVetos` vetos reject it. Free.
        #[pallet::call_index(2)]
        #[pallet::weight((
            <T as Config>::WeightInfo::veto(MAX_VOTES_PER_PROPOSAL),
            DispatchClass::Operational
        ))]
        pub fn veto(origin: OriginFor<T>, proposal_hash: T::Hash) -> DispatchResultWithPostInfo {
            let who = ensure_signed(origin)?;
            Self::ensure_council_member(&who)?;
            let votes = Self::do_veto(who, proposal_hash)?;
            Ok(PostDispatchInfo {
                actual_weight: Some(<T as Config>::WeightInfo::veto(votes)),
                pays_fee: Pays::No,
            })
        }

        /// Close a proposal (council members only) once its threshold of votes is reached or
        /// its period is over, dispatching its call with the Root origin if it passed. Free.
        #[pallet::call_index(3)]
        #[pallet::weight((Pallet::<T>::close_weight_bound(), DispatchClass::Operational))]
        pub fn close(
            origin: OriginFor<T>,
            proposal_hash: T::Hash,
            #[pallet::compact] proposal_index: ProposalIndex,
        ) -> DispatchResultWithPostInfo {
            let who = ensure_signed(origin)?;
            Self::ensure_council_member(&who)?;
            let actual_weight = Self::do_close(proposal_hash, proposal_index)?;
            Ok(PostDispatchInfo {
                actual_weight: Some(actual_weight),
                pays_fee: Pays::No,
            })
        }
    }
}

impl<T: Config> Pallet<T> {
    /// Fail with `NotCouncilMember` unless `who` is a council member.
    pub fn ensure_council_member(who: &T::AccountId) -> Result<(), Error<T>> {
        use frame_support::traits::SortedMembers;
        if T::CouncilMembers::contains(who) {
            Ok(())
        } else {
            Err(Error::<T>::NotCouncilMember)
        }
    }
}
