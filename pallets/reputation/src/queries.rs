//! Read-only answers for the runtime API, scored as of the current period without writing.

use crate::{
    pallet::{Config, NodeReputations, Pallet},
    types::{FarmReputation, NodeReputation, RankedNode},
    NodeStatus,
};
use alloc::vec::Vec;
use frame_support::traits::Get;

/// Largest page of [`Pallet::ranked_nodes`].
pub const MAX_PAGE_SIZE: u32 = 100;

impl<T: Config> Pallet<T> {
    /// The node's reputation now, or `None` when it never reported uptime.
    pub fn node_reputation(node_id: u32) -> Option<NodeReputation> {
        let mut record = NodeReputations::<T>::get(node_id)?;
        record.advance_to(Self::current_period(), T::PeriodSecs::get());
        Some(record.reputation(node_id))
    }

    /// The farm's reputation now: the capacity-weighted mean of its nodes' current scores, or
    /// `None` when none of its nodes has a reputation. Reads every node record (off-chain only).
    pub fn farm_reputation(farm_id: u32) -> Option<FarmReputation> {
        let period = Self::current_period();
        let mut farm = FarmReputation {
            farm_id,
            ..Default::default()
        };
        let mut weighted: u128 = 0;
        for (node_id, mut record) in NodeReputations::<T>::iter() {
            if record.farm_id != farm_id {
                continue;
            }
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

    /// Page `page` (from 0) of the nodes scoring at least `min_score_permill` with at least
    /// `min_free_capacity` free, best score first (ties by node id); at most [`MAX_PAGE_SIZE`]
    /// entries. Reads every node record (off-chain only).
    pub fn ranked_nodes(
        min_score_permill: u32,
        min_free_capacity: u64,
        page: u32,
        page_size: u32,
    ) -> Vec<RankedNode> {
        let period = Self::current_period();
        let mut ranked: Vec<RankedNode> = NodeReputations::<T>::iter()
            .filter_map(|(node_id, mut record)| {
                record.advance_to(period, T::PeriodSecs::get());
                let score_permill = record.reputation(node_id).score_permill;
                if score_permill < min_score_permill {
                    return None;
                }
                let free_capacity = T::NodeStatus::free_capacity(node_id)?;
                (free_capacity >= min_free_capacity).then_some(RankedNode {
                    node_id,
                    farm_id: record.farm_id,
                    score_permill,
                    free_capacity,
                })
            })
            .collect();
        ranked.sort_by(|a, b| {
            b.score_permill
                .cmp(&a.score_permill)
                .then(a.node_id.cmp(&b.node_id))
        });
        let size = page_size.min(MAX_PAGE_SIZE) as usize;
        ranked
            .into_iter()
            .skip((page as usize).saturating_mul(size))
            .take(size)
            .collect()
    }
}
