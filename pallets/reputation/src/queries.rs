//! Read-only answers for the runtime API, each reading a bounded part of the state:
//!
//! - [`Pallet::node_reputation`]: one record, scored as of the current period;
//! - [`Pallet::farm_reputation`]: the farm's own nodes ([`FarmNodes`], at most tfgrid's
//!   `MaxNodesPerFarm`), each scored as of the current period;
//! - [`Pallet::ranked_nodes`]: one page of the ranking index ([`NodeRanks`]): at most
//!   [`MAX_SCAN`] index entries, each with one [`NodeStatus::free_capacity`] call.

use crate::{
    pallet::{Config, FarmNodes, NodeRanks, NodeReputations, Pallet},
    types::{
        rank_key, rank_of, FarmReputation, NodeReputation, RankCursor, RankedNode, RankedPage,
    },
    NodeStatus,
};
use alloc::vec::Vec;
use frame_support::traits::Get;

/// Largest page of [`Pallet::ranked_nodes`]: a larger `page_size` is clamped to it (the RPC
/// rejects it with an error instead).
pub const MAX_PAGE_SIZE: u32 = 100;

/// Most ranking entries one page looks at, whether or not they pass the free-capacity filter;
/// a page that reaches it ends early, with a `next` cursor to go on from.
pub const MAX_SCAN: u32 = 2 * MAX_PAGE_SIZE;

impl<T: Config> Pallet<T> {
    /// The node's reputation now, or `None` when it never reported uptime.
    pub fn node_reputation(node_id: u32) -> Option<NodeReputation> {
        let mut record = NodeReputations::<T>::get(node_id)?;
        record.advance_to(Self::current_period(), T::PeriodSecs::get());
        Some(record.reputation(node_id))
    }

    /// The farm's reputation now: the capacity-weighted mean of its nodes' current scores, or
    /// `None` when none of its nodes has a reputation. Reads the farm's own nodes only.
    pub fn farm_reputation(farm_id: u32) -> Option<FarmReputation> {
        let period = Self::current_period();
        let mut farm = FarmReputation {
            farm_id,
            ..Default::default()
        };
        let mut weighted: u128 = 0;
        for node_id in FarmNodes::<T>::iter_key_prefix(farm_id) {
            let Some(mut record) = NodeReputations::<T>::get(node_id) else {
                continue;
            };
            record.advance_to(period, T::PeriodSecs::get());
            let score = record.reputation(node_id).score_permill;
            farm.nodes = farm.nodes.saturating_add(1);
            farm.capacity = farm.capacity.saturating_add(u128::from(record.capacity));
            weighted = weighted
                .saturating_add(u128::from(score).saturating_mul(u128::from(record.capacity)));
        }
        if farm.nodes == 0 {
            return None;
        }
        farm.score_permill = (weighted / farm.capacity.max(1)) as u32;
        Some(farm)
    }

    /// One page of the nodes whose score at their last observation (the stored `score`: every
    /// uptime report and power change rescores a node) is at least `min_score_permill` and that
    /// have at least `min_free_capacity` free, best score first, ties by node id.
    ///
    /// The page starts just after `after` (from the best node when `None`) and holds at most
    /// `page_size` nodes (clamped to 1..=[`MAX_PAGE_SIZE`]); it looks at no more than
    /// [`MAX_SCAN`] ranking entries, so it may hold fewer nodes than asked for and still have a
    /// `next`. `next` is `None` when no node after the page can pass the score filter.
    pub fn ranked_nodes(
        min_score_permill: u32,
        min_free_capacity: u64,
        after: Option<RankCursor>,
        page_size: u32,
    ) -> RankedPage {
        let size = page_size.clamp(1, MAX_PAGE_SIZE) as usize;
        let mut entries = match after {
            Some(cursor) => NodeRanks::<T>::iter_from(NodeRanks::<T>::hashed_key_for(rank_key(
                cursor.score_permill,
                cursor.node_id,
            ))),
            None => NodeRanks::<T>::iter(),
        }
        .map(|(key, farm_id)| (rank_of(&key), farm_id))
        .take_while(|((score, _), _)| *score >= min_score_permill)
        .peekable();
        let mut nodes = Vec::new();
        let mut last = None;
        let mut scanned: u32 = 0;
        while nodes.len() < size && scanned < MAX_SCAN {
            let Some(((score_permill, node_id), farm_id)) = entries.next() else {
                return RankedPage { nodes, next: None };
            };
            scanned = scanned.saturating_add(1);
            last = Some(RankCursor {
                score_permill,
                node_id,
            });
            match T::NodeStatus::free_capacity(node_id) {
                Some(free_capacity) if free_capacity >= min_free_capacity => {
                    nodes.push(RankedNode {
                        node_id,
                        farm_id,
                        score_permill,
                        free_capacity,
                    })
                }
                _ => {}
            }
        }
        let next = entries.peek().and(last);
        RankedPage { nodes, next }
    }
}
