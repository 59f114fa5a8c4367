//! # Reputation pallet
//!
//! An on-chain, queryable reputation for every node and farm of the ThreeFold Grid, mounted in
//! the runtime as `Reputation` (index 32). It has no calls: it learns from the other pallets
//! through hooks —
//!
//! - [`tfchain_support::traits::NodeUptimeReported`], called by pallet-tfgrid on every accepted
//!   uptime report ([`observation`]); a period is available when consecutive reports prove the
//!   node online for most of it ([`online`]: gaps, reboots and the reported uptime count);
//! - [`tfchain_support::traits::ChangeNode`], for power-state changes (a node going to standby)
//!   and deleted nodes;
//!
//! and asks the runtime about a node's standby, contracts, certification and capacity through
//! [`Config::NodeStatus`]. Each node keeps a fixed window of the last [`scoring::WINDOW`] periods,
//! rolled over lazily on the next observation or query, so every update is O(1). The score
//! ([`scoring`], `docs/reputation.md`) is integer-only permill; farms aggregate their nodes'
//! scores weighted by capacity. Queries: the storage maps, and [`queries`] behind the
//! `ReputationApi` runtime API. After each report it tells [`Config::OnlineTime`] (the DAO) the
//! node's proven online time.

#![cfg_attr(not(feature = "std"), no_std)]
#![warn(missing_docs)]

extern crate alloc;

pub use pallet::*;
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod invariants;
#[cfg(test)]
mod mock;
pub mod observation;
pub mod online;
pub mod queries;
pub mod scoring;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

/// What the runtime knows about nodes, from the grid registry and the contracts pallet.
pub trait NodeStatus {
    /// The node's current state, or `None` when the node does not exist. Called on every
    /// observation, so it should read little.
    fn node_state(node_id: u32) -> Option<types::NodeState>;
    /// The node's capacity not used by contracts, in the units of [`types::NodeState::capacity`],
    /// or `None` when the node does not exist. Only called by the ranking query (off-chain), at
    /// most once per node looked at (at most [`queries::MAX_SCAN`] per page).
    fn free_capacity(node_id: u32) -> Option<u64>;
}

#[frame_support::pallet]
pub mod pallet {
    use crate::{
        types::{FarmTotals, NodeRecord, RankKey},
        NodeStatus, WeightInfo,
    };
    use frame_support::{pallet_prelude::*, traits::UnixTime};
    use frame_system::pallet_prelude::*;

    /// The reputation pallet.
    #[pallet::pallet]
    pub struct Pallet<T>(_);

    /// Configuration of the reputation pallet.
    #[pallet::config]
    pub trait Config: frame_system::Config {
        /// The overarching event type.
        #[allow(deprecated)]
        type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;

        /// Weights of the hooks of this pallet.
        type WeightInfo: WeightInfo;

        /// The chain's clock, to place observations and queries in periods.
        type Time: UnixTime;

        /// Standby, contracts, certification and capacity of nodes.
        type NodeStatus: NodeStatus;

        /// Told each node's proven online time after its uptime reports (the DAO, or `()`).
        type OnlineTime: tfchain_support::traits::NodeOnlineTime;

        /// Length of a period in seconds (one day on mainnet; shorter on dev chains).
        #[pallet::constant]
        type PeriodSecs: Get<u64>;

        /// A node whose score falls below this many permill raises
        /// [`Event::NodeScoreBelowThreshold`]; back at or above it, [`Event::NodeScoreRecovered`].
        #[pallet::constant]
        type LowScoreThreshold: Get<u32>;
    }

    /// The reputation record of each node that reported uptime at least once.
    #[pallet::storage]
    pub type NodeReputations<T: Config> = StorageMap<_, Twox64Concat, u32, NodeRecord, OptionQuery>;

    /// Per farm, the capacity-weighted sum of its nodes' scores as of their last observation.
    #[pallet::storage]
    pub type FarmReputations<T: Config> = StorageMap<_, Twox64Concat, u32, FarmTotals, OptionQuery>;

    /// The ranking index: one entry per node with a record, keyed by [`crate::types::rank_key`]
    /// of its score at its last observation, so that it iterates best score first (ties by node
    /// id); the value is the node's farm. Lets `ranked_nodes` read only the page it returns.
    #[pallet::storage]
    pub type NodeRanks<T: Config> = StorageMap<_, Identity, RankKey, u32, OptionQuery>;

    /// The nodes with a record, by farm (as last observed), so that a farm's score reads only its
    /// own nodes (at most tfgrid's `MaxNodesPerFarm`).
    #[pallet::storage]
    pub type FarmNodes<T: Config> =
        StorageDoubleMap<_, Twox64Concat, u32, Twox64Concat, u32, (), OptionQuery>;

    /// Events of the reputation pallet.
    #[pallet::event]
    #[pallet::generate_deposit(pub(super) fn deposit_event)]
    pub enum Event<T: Config> {
        /// A node's score fell below [`Config::LowScoreThreshold`].
        NodeScoreBelowThreshold {
            /// The node.
            node_id: u32,
            /// Its new score, in permill.
            score_permill: u32,
        },
        /// A node's score is back at or above [`Config::LowScoreThreshold`].
        NodeScoreRecovered {
            /// The node.
            node_id: u32,
            /// Its new score, in permill.
            score_permill: u32,
        },
    }

    #[pallet::hooks]
    impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
        fn integrity_test() {
            assert!(T::PeriodSecs::get() > 0, "PeriodSecs must not be zero");
            assert!(
                T::LowScoreThreshold::get() <= 1000,
                "LowScoreThreshold is in permill"
            );
        }

        #[cfg(feature = "try-runtime")]
        fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
            Self::do_try_state()
        }
    }
}
