//! Observations of nodes: uptime reports (with the online time they prove, see [`crate::online`]),
//! power-state changes and deletions, each O(1).

use crate::{
    pallet::{Config, Event, FarmNodes, FarmReputations, NodeRanks, NodeReputations, Pallet},
    scoring::period_index,
    types::{rank_key, FarmTotals, NodeRecord},
    NodeStatus, WeightInfo,
};
use frame_support::traits::{Get, UnixTime};
use sp_runtime::Weight;
use tfchain_support::{
    traits::{ChangeNode, NodeOnlineTime, NodeUptimeReported},
    types::Node,
};

impl<T: Config> Pallet<T> {
    /// The period that `now_secs` falls in.
    pub fn period_of(now_secs: u64) -> u32 {
        period_index(now_secs, T::PeriodSecs::get())
    }

    /// The period in progress.
    pub fn current_period() -> u32 {
        Self::period_of(T::Time::now().as_secs())
    }

    /// Roll the node's window over to the period of `now_secs`, record what is seen now (an
    /// uptime report of `uptime_secs` when `report` is `Some`), rescore it, update its farm and
    /// raise threshold events. After a report, the DAO (`Config::OnlineTime`) is told the
    /// node's proven online time.
    ///
    /// A node without a record gets one on its first report; other observations of it are
    /// ignored.
    pub(crate) fn observe(node_id: u32, farm_id: u32, now_secs: u64, report: Option<u64>) {
        let period_secs = T::PeriodSecs::get().max(1);
        let period = Self::period_of(now_secs);
        let old = NodeReputations::<T>::get(node_id);
        let mut record = match (old.clone(), report) {
            (Some(mut record), Some(uptime_secs)) => {
                record.record_report(now_secs, uptime_secs, period_secs);
                record
            }
            (Some(mut record), None) => {
                record.advance_to(period, period_secs);
                record
            }
            (None, Some(uptime_secs)) => NodeRecord::new(farm_id, period, now_secs, uptime_secs),
            (None, None) => return,
        };
        record.farm_id = farm_id;
        if let Some(state) = T::NodeStatus::node_state(node_id) {
            record.standby = state.standby;
            record.has_contracts = state.has_active_contracts;
            record.certified = state.certified;
            record.capacity = state.capacity.max(1);
        }
        record.standby_seen |= record.standby;
        record.contracts_seen |= record.has_contracts;

        let score = record.reputation(node_id).score_permill;
        let below = score < T::LowScoreThreshold::get();
        record.score = score;
        record.below_threshold = below;

        match &old {
            Some(old) if old.below_threshold != below => {
                let event = if below {
                    Event::NodeScoreBelowThreshold {
                        node_id,
                        score_permill: score,
                    }
                } else {
                    Event::NodeScoreRecovered {
                        node_id,
                        score_permill: score,
                    }
                };
                Self::deposit_event(event);
            }
            _ => {}
        }
        if let Some(old) = &old {
            Self::remove_from_farm(old);
            Self::unindex_node(node_id, old);
        }
        Self::add_to_farm(&record);
        Self::index_node(node_id, &record);
        if report.is_some() {
            T::OnlineTime::node_online_time(node_id, record.certified, record.total_online_secs);
        }
        NodeReputations::<T>::insert(node_id, record);
    }

    /// Take a node's last score out of its farm's totals.
    fn remove_from_farm(record: &NodeRecord) {
        FarmReputations::<T>::mutate_exists(record.farm_id, |totals| {
            if let Some(farm) = totals {
                farm.nodes = farm.nodes.saturating_sub(1);
                farm.capacity = farm.capacity.saturating_sub(u128::from(record.capacity));
                farm.weighted_score = farm.weighted_score.saturating_sub(Self::weighted(record));
                if farm.nodes == 0 {
                    *totals = None;
                }
            }
        });
    }

    /// Add a node's score to its farm's totals.
    fn add_to_farm(record: &NodeRecord) {
        FarmReputations::<T>::mutate(record.farm_id, |totals| {
            let farm = totals.get_or_insert_with(FarmTotals::default);
            farm.nodes = farm.nodes.saturating_add(1);
            farm.capacity = farm.capacity.saturating_add(u128::from(record.capacity));
            farm.weighted_score = farm.weighted_score.saturating_add(Self::weighted(record));
        });
    }

    /// Take a node out of the ranking and farm indexes, as of `record`.
    pub(crate) fn unindex_node(node_id: u32, record: &NodeRecord) {
        NodeRanks::<T>::remove(rank_key(record.score, node_id));
        FarmNodes::<T>::remove(record.farm_id, node_id);
    }

    /// Put a node in the ranking and farm indexes, as of `record`.
    pub(crate) fn index_node(node_id: u32, record: &NodeRecord) {
        NodeRanks::<T>::insert(rank_key(record.score, node_id), record.farm_id);
        FarmNodes::<T>::insert(record.farm_id, node_id, ());
    }

    /// A node's contribution to its farm's weighted score.
    pub(crate) fn weighted(record: &NodeRecord) -> u128 {
        u128::from(record.score).saturating_mul(u128::from(record.capacity))
    }

    /// Forget a deleted node.
    pub(crate) fn forget(node_id: u32) {
        if let Some(record) = NodeReputations::<T>::take(node_id) {
            Self::remove_from_farm(&record);
            Self::unindex_node(node_id, &record);
        }
    }
}

impl<T: Config> NodeUptimeReported for Pallet<T> {
    fn node_uptime_reported(node_id: u32, farm_id: u32, now_secs: u64, uptime_secs: u64) {
        Self::observe(node_id, farm_id, now_secs, Some(uptime_secs));
    }

    fn node_uptime_reported_weight() -> Weight {
        T::WeightInfo::node_uptime_reported()
            .saturating_add(T::OnlineTime::node_online_time_weight())
    }
}

/// Power-state changes mark a node's standby between reports; deleted nodes are forgotten.
impl<T: Config, Location, Interfaces, SerialNumber> ChangeNode<Location, Interfaces, SerialNumber>
    for Pallet<T>
{
    fn node_changed(
        _old: Option<&Node<Location, Interfaces, SerialNumber>>,
        _new: &Node<Location, Interfaces, SerialNumber>,
    ) {
    }

    fn node_deleted(node: &Node<Location, Interfaces, SerialNumber>) {
        Self::forget(node.id);
    }

    fn node_power_state_changed(node: &Node<Location, Interfaces, SerialNumber>) {
        Self::observe(node.id, node.farm_id, T::Time::now().as_secs(), None);
    }
}
