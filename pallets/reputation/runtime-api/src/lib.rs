//! Runtime API of pallet-reputation, called by the node's `reputation_*` JSON-RPC methods.

#![cfg_attr(not(feature = "std"), no_std)]
#![warn(missing_docs)]

extern crate alloc;

use alloc::vec::Vec;
pub use pallet_reputation::types::{FarmReputation, NodeReputation, RankedNode};

sp_api::decl_runtime_apis! {
    /// Reputation of nodes and farms, scored as of the current period.
    pub trait ReputationApi {
        /// The node's reputation, or `None` when it never reported uptime.
        fn node_reputation(node_id: u32) -> Option<NodeReputation>;
        /// The farm's reputation, or `None` when none of its nodes has one.
        fn farm_reputation(farm_id: u32) -> Option<FarmReputation>;
        /// Page `page` (from 0, at most 100 entries) of the nodes scoring at least
        /// `min_score_permill` with at least `min_free_capacity` free, best first.
        fn ranked_nodes(
            min_score_permill: u32,
            min_free_capacity: u64,
            page: u32,
            page_size: u32,
        ) -> Vec<RankedNode>;
    }
}
