//! Runtime API of pallet-reputation, called by the node's `reputation_*` JSON-RPC methods.

#![cfg_attr(not(feature = "std"), no_std)]
#![warn(missing_docs)]

extern crate alloc;

use alloc::vec::Vec;
pub use pallet_reputation::queries::{MAX_PAGE_SIZE, MAX_SCAN};
pub use pallet_reputation::types::{
    FarmReputation, NodeReputation, RankCursor, RankedNode, RankedPage,
};

sp_api::decl_runtime_apis! {
    /// Reputation of nodes and farms. Version 2 pages the ranking by cursor.
    #[api_version(2)]
    pub trait ReputationApi {
        /// The node's reputation, scored as of the current period, or `None` when it never
        /// reported uptime.
        fn node_reputation(node_id: u32) -> Option<NodeReputation>;
        /// The farm's reputation (its nodes scored as of the current period), or `None` when
        /// none of its nodes has one.
        fn farm_reputation(farm_id: u32) -> Option<FarmReputation>;
        /// Version 1: page `page` of the whole ranking (read every node).
        #[changed_in(2)]
        fn ranked_nodes(
            min_score_permill: u32,
            min_free_capacity: u64,
            page: u32,
            page_size: u32,
        ) -> Vec<RankedNode>;
        /// The page of at most `page_size` (clamped to 1..=100) nodes just after `after` (from
        /// the best when `None`) scoring at least `min_score_permill` at their last observation
        /// with at least `min_free_capacity` free, best first; it looks at most at
        /// [`MAX_SCAN`] nodes, and `next` says where the following page starts.
        fn ranked_nodes(
            min_score_permill: u32,
            min_free_capacity: u64,
            after: Option<RankCursor>,
            page_size: u32,
        ) -> RankedPage;
    }
}
