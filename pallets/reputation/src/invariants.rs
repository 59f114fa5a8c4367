//! The pallet's storage invariants, checked by the `try_state` hook and after every test.

use crate::{
    pallet::{Config, FarmNodes, FarmReputations, NodeRanks, NodeReputations, Pallet},
    scoring::WINDOW_MASK,
    types::{rank_key, FarmTotals, RankKey},
};
use alloc::collections::{btree_map::BTreeMap, btree_set::BTreeSet};
use frame_support::{ensure, traits::Get};
use sp_runtime::TryRuntimeError;

impl<T: Config> Pallet<T> {
    /// Check that every node record is consistent and that the farm totals are exactly the sums
    /// of their nodes' last scores:
    ///
    /// - window bitmaps use only the window's bits; available and SLA-missed periods are counted
    ///   ones, and an SLA-missed period is not an available one;
    /// - all-time counters agree the same way, and the first period is not after the current one;
    /// - the online time of the period in progress fits in a period, and the all-time online time
    ///   in the time between the first and the last report;
    /// - the stored score is at most 1000‰ and its threshold flag matches it;
    /// - `FarmReputations` holds, per farm, the node count, capacity and weighted score of its
    ///   nodes, and no farm without nodes;
    /// - `NodeRanks` holds exactly one entry per record, under its stored score, valued with its
    ///   farm, and `FarmNodes` exactly the `(farm, node)` pairs of the records.
    pub fn do_try_state() -> Result<(), TryRuntimeError> {
        let mut farms: BTreeMap<u32, FarmTotals> = BTreeMap::new();
        let mut ranks: BTreeMap<RankKey, u32> = BTreeMap::new();
        let mut farm_nodes: BTreeSet<(u32, u32)> = BTreeSet::new();
        for (node_id, record) in NodeReputations::<T>::iter() {
            ranks.insert(rank_key(record.score, node_id), record.farm_id);
            farm_nodes.insert((record.farm_id, node_id));
            for bits in [record.counted, record.available, record.sla_missed] {
                ensure!(bits & !WINDOW_MASK == 0, "window bitmap beyond the window");
            }
            ensure!(
                record.available & !record.counted == 0,
                "available period not counted"
            );
            ensure!(
                record.sla_missed & !record.counted == 0,
                "SLA miss not counted"
            );
            ensure!(
                record.sla_missed & record.available == 0,
                "SLA miss while available"
            );
            ensure!(
                record
                    .total_available
                    .saturating_add(record.total_sla_missed)
                    <= record.total_counted,
                "all-time counters disagree"
            );
            ensure!(
                record.first_period <= record.current_period,
                "first period in the future"
            );
            ensure!(record.capacity >= 1, "zero capacity");
            ensure!(
                record.online_secs <= T::PeriodSecs::get(),
                "more online time than the period lasts"
            );
            ensure!(
                record.first_report_secs <= record.last_report_secs,
                "last report before the first"
            );
            ensure!(
                record.total_online_secs
                    <= record
                        .last_report_secs
                        .saturating_sub(record.first_report_secs),
                "more online time than reported for"
            );
            ensure!(record.score <= 1000, "score above 1000 permill");
            ensure!(
                record.below_threshold == (record.score < T::LowScoreThreshold::get()),
                "threshold flag disagrees with the score"
            );
            let farm = farms.entry(record.farm_id).or_default();
            farm.nodes += 1;
            farm.capacity += u128::from(record.capacity);
            farm.weighted_score += Self::weighted(&record);
        }
        let stored: BTreeMap<u32, FarmTotals> = FarmReputations::<T>::iter().collect();
        ensure!(stored == farms, "farm totals disagree with their nodes");
        let stored: BTreeMap<RankKey, u32> = NodeRanks::<T>::iter().collect();
        ensure!(stored == ranks, "ranking index disagrees with the records");
        let stored: BTreeSet<(u32, u32)> = FarmNodes::<T>::iter_keys().collect();
        ensure!(
            stored == farm_nodes,
            "farm index disagrees with the records"
        );
        Ok(())
    }
}
