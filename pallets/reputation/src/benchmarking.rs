//! Benchmarks of the hooks of pallet-reputation (frame-benchmarking v2), each on its worst
//! case: an existing record whose window rolls over, whose score crosses the threshold and whose
//! farm changes (two farm totals, two ranking keys and two farm-index entries to update).
//! Every hook is O(1) (a fixed-size record, a fixed number of map entries), so none has a
//! component; the `NodeStatus` reads are the runtime's, measured in the runtime's benchmarks.

use crate::{
    pallet::{Config, FarmNodes, FarmReputations, NodeRanks, NodeReputations, Pallet},
    types::{rank_key, NodeRecord},
};
use frame_benchmarking::v2::*;
use frame_support::traits::Get;
use tfchain_support::{
    resources::Resources,
    traits::{ChangeNode, NodeUptimeReported},
    types::{Node, NodeCertification},
};

const NODE_ID: u32 = 1;
const OLD_FARM: u32 = 1;
const NEW_FARM: u32 = 2;

/// A perfect record of [`NODE_ID`] in [`OLD_FARM`], last observed in period 100.
fn seed<T: Config>() {
    let period_secs = T::PeriodSecs::get();
    let mut record = NodeRecord::new(OLD_FARM, 0, 0, 0);
    for period in 1..=100 {
        record.reported = true;
        record.online_secs = period_secs;
        record.advance_to(period, period_secs);
    }
    record.score = record.reputation(NODE_ID).score_permill;
    record.below_threshold = record.score < T::LowScoreThreshold::get();
    FarmReputations::<T>::insert(
        OLD_FARM,
        crate::types::FarmTotals {
            nodes: 1,
            capacity: u128::from(record.capacity),
            weighted_score: Pallet::<T>::weighted(&record),
        },
    );
    Pallet::<T>::index_node(NODE_ID, &record);
    NodeReputations::<T>::insert(NODE_ID, record);
}

/// Seconds well past the seeded period, so the whole window rolls over.
fn later<T: Config>() -> u64 {
    T::PeriodSecs::get().saturating_mul(200)
}

fn node() -> Node<(), (), ()> {
    Node {
        version: 5,
        id: NODE_ID,
        farm_id: NEW_FARM,
        twin_id: 1,
        resources: Resources::default(),
        location: (),
        public_config: None,
        created: 0,
        farming_policy_id: 1,
        interfaces: (),
        certification: NodeCertification::Diy,
        secure_boot: false,
        virtualized: false,
        serial_number: None,
        connection_price: 80,
    }
}

#[benchmarks]
mod benchmarks {
    use super::*;

    #[benchmark]
    fn node_uptime_reported() {
        seed::<T>();
        let now = later::<T>();
        #[block]
        {
            <Pallet<T> as NodeUptimeReported>::node_uptime_reported(NODE_ID, NEW_FARM, now, 0);
        }
        assert_eq!(
            NodeReputations::<T>::get(NODE_ID).map(|r| r.farm_id),
            Some(NEW_FARM)
        );
        assert!(FarmNodes::<T>::contains_key(NEW_FARM, NODE_ID));
        assert!(!FarmNodes::<T>::contains_key(OLD_FARM, NODE_ID));
        let score = NodeReputations::<T>::get(NODE_ID).map_or(0, |r| r.score);
        assert_eq!(
            NodeRanks::<T>::get(rank_key(score, NODE_ID)),
            Some(NEW_FARM)
        );
        assert_eq!(NodeRanks::<T>::iter_keys().count(), 1);
    }

    #[benchmark]
    fn node_power_state_changed() {
        seed::<T>();
        let node = node();
        #[block]
        {
            <Pallet<T> as ChangeNode<(), (), ()>>::node_power_state_changed(&node);
        }
        assert_eq!(
            NodeReputations::<T>::get(NODE_ID).map(|r| r.farm_id),
            Some(NEW_FARM)
        );
    }

    #[benchmark]
    fn node_deleted() {
        seed::<T>();
        let node = node();
        #[block]
        {
            <Pallet<T> as ChangeNode<(), (), ()>>::node_deleted(&node);
        }
        assert!(!NodeReputations::<T>::contains_key(NODE_ID));
        assert!(!FarmReputations::<T>::contains_key(OLD_FARM));
        assert!(!FarmNodes::<T>::contains_key(OLD_FARM, NODE_ID));
        assert_eq!(NodeRanks::<T>::iter_keys().count(), 0);
    }

    impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
