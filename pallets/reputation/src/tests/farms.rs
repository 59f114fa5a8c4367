//! Farm scores: nodes' scores weighted by capacity.

use super::*;
use crate::{pallet::FarmReputations, types::FarmTotals};
use tfchain_support::{
    resources::Resources,
    traits::ChangeNode,
    types::{Node, NodeCertification},
};

#[test]
fn a_farm_scores_the_capacity_weighted_mean_of_its_nodes() {
    run(|| {
        add_node(1, 1, 30);
        add_node(2, 1, 10);
        add_node(3, 2, 10);
        report_in(1, 0..40);
        report_in(2, (0..40).step_by(2));
        report_in(3, 0..40);
        go_to(40);
        let farm = Reputation::farm_reputation(1).unwrap();
        assert_eq!(farm.nodes, 2);
        assert_eq!(farm.capacity, 40);
        // (905·30 + 455·10) / 40
        assert_eq!(farm.score_permill, 792);
        assert_eq!(Reputation::farm_reputation(2).unwrap().score_permill, 905);
        assert_eq!(Reputation::farm_reputation(9), None);
    });
}

#[test]
fn farm_totals_follow_each_report() {
    run(|| {
        add_node(1, 1, 30);
        add_node(2, 1, 10);
        report(1, 0);
        report(2, 0);
        assert_eq!(
            FarmReputations::<Test>::get(1),
            Some(FarmTotals {
                nodes: 2,
                capacity: 40,
                weighted_score: 900 * 40
            })
        );
    });
}

#[test]
fn a_deleted_node_leaves_its_farm() {
    run(|| {
        add_node(1, 1, 30);
        report(1, 0);
        let node = Node::<(), (), ()> {
            version: 5,
            id: 1,
            farm_id: 1,
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
        };
        Reputation::node_deleted(&node);
        assert_eq!(Reputation::node_reputation(1), None);
        assert_eq!(FarmReputations::<Test>::get(1), None);
    });
}
