//! The voting weight of farms, kept equal to the sum of their nodes' weights through the node
//! hooks of pallet-tfgrid.
//!
//! A node weighs `2 * cu + su` of its capacity (`Resources::get_node_weight`).

use crate::{proposal::VoteWeight, Config, FarmWeight, Pallet};
use tfchain_support::{traits::ChangeNode, types::Node};

impl<T: Config> Pallet<T> {
    /// Total weight the farms of `votes` have now.
    pub fn current_weight(votes: &[VoteWeight]) -> u64 {
        votes.iter().fold(0u64, |total, vote| {
            total.saturating_add(FarmWeight::<T>::get(vote.farm_id))
        })
    }

    /// Add `weight` to the weight of `farm_id`.
    fn add_farm_weight(farm_id: u32, weight: u64) {
        if weight > 0 {
            FarmWeight::<T>::mutate(farm_id, |total| *total = total.saturating_add(weight));
        }
    }

    /// Take `weight` off the weight of `farm_id` (not below 0; a farm at 0 has no entry).
    fn remove_farm_weight(farm_id: u32, weight: u64) {
        let remaining = FarmWeight::<T>::get(farm_id).saturating_sub(weight);
        if remaining == 0 {
            FarmWeight::<T>::remove(farm_id);
        } else {
            FarmWeight::<T>::insert(farm_id, remaining);
        }
    }
}

impl<T: Config, Location, Interfaces, SerialNumber> ChangeNode<Location, Interfaces, SerialNumber>
    for Pallet<T>
{
    /// A new node adds its weight to its farm; an updated node moves from its old weight (and
    /// farm) to its new one.
    fn node_changed(
        old: Option<&Node<Location, Interfaces, SerialNumber>>,
        new: &Node<Location, Interfaces, SerialNumber>,
    ) {
        if let Some(old) = old {
            Self::remove_farm_weight(old.farm_id, old.resources.get_node_weight());
        }
        Self::add_farm_weight(new.farm_id, new.resources.get_node_weight());
    }

    /// A deleted node takes its weight off its farm.
    fn node_deleted(node: &Node<Location, Interfaces, SerialNumber>) {
        Self::remove_farm_weight(node.farm_id, node.resources.get_node_weight());
    }

    /// Power states do not change weights.
    fn node_power_state_changed(_node: &Node<Location, Interfaces, SerialNumber>) {}
}
