//! The voting weight of farms: the sum of the weights of their nodes that count.
//!
//! A node weighs `2 * cu + su` of the capacity it reports (`Resources::get_node_weight`), which
//! the node states itself; so its weight counts only when the chain has a reason to trust it:
//! the node is certified, or the reputation pallet proved it online for at least
//! [`MIN_TRUSTED_ONLINE_SECS`]. [`NodeWeights`] keeps each node's farm, weight and trust, updated
//! by pallet-tfgrid's node hooks and by pallet-reputation after every uptime report;
//! [`FarmWeight`] is kept equal to the sum over the nodes that count.

use crate::{
    proposal::VoteWeight, types::*, weights::WeightInfo as _, Config, FarmWeight, NodeWeights, Pallet,
};
use frame_support::weights::Weight;
use tfchain_support::{
    traits::{ChangeNode, NodeOnlineTime},
    types::{Node, NodeCertification},
};

impl<T: Config> Pallet<T> {
    /// Total weight the farms of `votes` have now.
    pub fn current_weight(votes: &[VoteWeight]) -> u64 {
        votes.iter().fold(0u64, |total, vote| {
            total.saturating_add(FarmWeight::<T>::get(vote.farm_id))
        })
    }

    /// Replace what is known of node `node_id` with `new` (`None`: forget the node), moving
    /// its weight off its old farm and onto its new one as far as each counts.
    fn set_node_weight(node_id: u32, new: Option<NodeWeight>) {
        let old = NodeWeights::<T>::get(node_id);
        if old == new {
            return;
        }
        if let Some(old) = old.filter(NodeWeight::counts) {
            Self::remove_farm_weight(old.farm_id, old.weight);
        }
        if let Some(new) = new.filter(NodeWeight::counts) {
            Self::add_farm_weight(new.farm_id, new.weight);
        }
        match new {
            Some(new) => NodeWeights::<T>::insert(node_id, new),
            None => NodeWeights::<T>::remove(node_id),
        }
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
    /// A new or updated node takes the farm, weight and certification of its record; a proven
    /// uptime history stays with it.
    fn node_changed(
        _old: Option<&Node<Location, Interfaces, SerialNumber>>,
        new: &Node<Location, Interfaces, SerialNumber>,
    ) {
        let online_proven = NodeWeights::<T>::get(new.id).is_some_and(|node| node.online_proven);
        Self::set_node_weight(
            new.id,
            Some(NodeWeight {
                farm_id: new.farm_id,
                weight: new.resources.get_node_weight(),
                certified: new.certification == NodeCertification::Certified,
                online_proven,
            }),
        );
    }

    /// A deleted node takes its weight off its farm.
    fn node_deleted(node: &Node<Location, Interfaces, SerialNumber>) {
        Self::set_node_weight(node.id, None);
    }

    /// Power states do not change weights.
    fn node_power_state_changed(_node: &Node<Location, Interfaces, SerialNumber>) {}
}

/// After each uptime report: the node's certification as the registry says now (pallet-tfgrid
/// does not announce certification changes), and its proven online time, which makes it count
/// once it reaches [`MIN_TRUSTED_ONLINE_SECS`].
impl<T: Config> NodeOnlineTime for Pallet<T> {
    fn node_online_time(node_id: u32, certified: bool, online_secs: u64) {
        let Some(mut node) = NodeWeights::<T>::get(node_id) else {
            return;
        };
        node.certified = certified;
        node.online_proven |= online_secs >= MIN_TRUSTED_ONLINE_SECS;
        Self::set_node_weight(node_id, Some(node));
    }

    /// Benchmark `node_online_time`.
    fn node_online_time_weight() -> Weight {
        <T as Config>::WeightInfo::node_online_time()
    }
}
