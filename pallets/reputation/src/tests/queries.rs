//! The ranking of nodes.

use super::*;
use crate::{mock::set_free_capacity, types::RankedNode};

#[test]
fn nodes_are_ranked_by_score_then_id() {
    run(|| {
        add_node(1, 1, 10);
        add_node(2, 1, 10);
        add_node(3, 2, 10);
        report_in(1, (0..40).step_by(2));
        report_in(2, 0..40);
        report_in(3, 0..40);
        go_to(40);
        let ranked = Reputation::ranked_nodes(0, 0, 0, 10);
        let ids: Vec<u32> = ranked.iter().map(|node| node.node_id).collect();
        assert_eq!(ids, vec![2, 3, 1]);
        assert_eq!(
            ranked[0],
            RankedNode {
                node_id: 2,
                farm_id: 1,
                score_permill: 905,
                free_capacity: 10
            }
        );
    });
}

#[test]
fn the_ranking_filters_on_score_and_free_capacity() {
    run(|| {
        add_node(1, 1, 10);
        add_node(2, 1, 10);
        add_node(3, 1, 10);
        set_free_capacity(3, 2);
        report_in(1, (0..40).step_by(2));
        report_in(2, 0..40);
        report_in(3, 0..40);
        go_to(40);
        let ids = |nodes: Vec<RankedNode>| nodes.iter().map(|n| n.node_id).collect::<Vec<_>>();
        assert_eq!(ids(Reputation::ranked_nodes(900, 0, 0, 10)), vec![2, 3]);
        assert_eq!(ids(Reputation::ranked_nodes(900, 5, 0, 10)), vec![2]);
    });
}

#[test]
fn the_ranking_is_paged() {
    run(|| {
        for node_id in 1..=5 {
            add_node(node_id, 1, 10);
            report(node_id, 0);
        }
        let ids = |nodes: Vec<RankedNode>| nodes.iter().map(|n| n.node_id).collect::<Vec<_>>();
        assert_eq!(ids(Reputation::ranked_nodes(0, 0, 1, 2)), vec![3, 4]);
        assert_eq!(ids(Reputation::ranked_nodes(0, 0, 2, 2)), vec![5]);
        assert!(Reputation::ranked_nodes(0, 0, 3, 2).is_empty());
        assert_eq!(Reputation::ranked_nodes(0, 0, 0, u32::MAX).len(), 5);
    });
}
