//! Scores of nodes that report always, never, half the time, on standby, with contracts, and
//! the worked example of `docs/reputation.md`.

use super::*;
use crate::mock::{update_node_state, Reputation};
use tfchain_support::{
    resources::Resources,
    traits::ChangeNode,
    types::{Node, NodeCertification},
};

fn grid_node(id: u32, farm_id: u32) -> Node<(), (), ()> {
    Node {
        version: 5,
        id,
        farm_id,
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

#[test]
fn a_node_that_always_reports_scores_full_availability() {
    run(|| {
        add_node(1, 1, 10);
        report_in(1, 0..40);
        let reputation = reputation_at(1, 40);
        assert_eq!(reputation.availability_30_permill, 1000);
        assert_eq!(reputation.availability_all_permill, 1000);
        assert_eq!(reputation.age_periods, 40);
        assert_eq!(reputation.sla_misses_30, 0);
        // (700·1000 + 200·1000 + 50·111) / 1000
        assert_eq!(reputation.score_permill, 905);
    });
}

#[test]
fn a_node_that_never_reports_again_drops_to_almost_nothing() {
    run(|| {
        add_node(1, 1, 10);
        report(1, 0);
        let reputation = reputation_at(1, 31);
        assert_eq!(reputation.availability_30_permill, 0);
        assert_eq!(reputation.availability_all_permill, 32);
        assert_eq!(reputation.counted_30, 30);
        // (200·32 + 50·86) / 1000
        assert_eq!(reputation.score_permill, 10);
    });
}

#[test]
fn a_node_without_reports_has_no_reputation() {
    run(|| {
        add_node(1, 1, 10);
        assert_eq!(Reputation::node_reputation(1), None);
    });
}

#[test]
fn a_node_that_reports_half_the_time_scores_half_availability() {
    run(|| {
        add_node(1, 1, 10);
        report_in(1, (0..40).step_by(2));
        let reputation = reputation_at(1, 40);
        assert_eq!(reputation.availability_30_permill, 500);
        assert_eq!(reputation.availability_all_permill, 500);
        // (700·500 + 200·500 + 50·111) / 1000
        assert_eq!(reputation.score_permill, 455);
    });
}

#[test]
fn a_node_on_standby_is_not_penalized() {
    run(|| {
        add_node(1, 1, 10);
        add_node(2, 1, 10);
        report_in(1, 0..10);
        report_in(2, 0..10);
        // The farmer puts node 1 on standby; it reports its power state and goes silent.
        update_node_state(1, |state| state.standby = true);
        Reputation::node_power_state_changed(&grid_node(1, 1));
        let standby = reputation_at(1, 40);
        let silent = reputation_at(2, 40);
        assert_eq!(standby.counted_30, 0);
        assert_eq!(standby.availability_30_permill, 1000);
        assert_eq!(standby.availability_all_permill, 1000);
        assert_eq!(standby.score_permill, 905);
        assert_eq!(silent.availability_30_permill, 0);
        assert!(silent.score_permill < 100);
    });
}

#[test]
fn a_node_woken_from_standby_is_counted_again() {
    run(|| {
        add_node(1, 1, 10);
        report_in(1, 0..10);
        update_node_state(1, |state| state.standby = true);
        Reputation::node_power_state_changed(&grid_node(1, 1));
        update_node_state(1, |state| state.standby = false);
        report(1, 20);
        let reputation = reputation_at(1, 25);
        // Periods 10..19 excused, 20 available, 21..24 missed.
        assert_eq!(reputation.counted_30, 15);
        assert_eq!(reputation.availability_30_permill, 733);
    });
}

#[test]
fn missed_periods_with_contracts_weigh_more() {
    run(|| {
        add_node(1, 1, 10);
        add_node(2, 1, 10);
        update_node_state(2, |state| state.has_active_contracts = true);
        report_in(1, 0..30);
        report_in(2, 0..30);
        let without = reputation_at(1, 35);
        let with = reputation_at(2, 35);
        assert_eq!(without.sla_misses_30, 0);
        assert_eq!(with.sla_misses_30, 5);
        assert_eq!(with.sla_misses_all, 5);
        assert_eq!(
            without.availability_30_permill,
            with.availability_30_permill
        );
        // (700·833 + 200·857 + 50·97) / 1000, and 5 × 15 less with contracts.
        assert_eq!(without.score_permill, 759);
        assert_eq!(with.score_permill, 684);
    });
}

#[test]
fn certification_adds_to_the_score() {
    run(|| {
        add_node(1, 1, 10);
        update_node_state(1, |state| state.certified = true);
        report_in(1, 0..40);
        assert_eq!(reputation_at(1, 40).score_permill, 955);
    });
}

/// The worked example of `docs/reputation.md`, number for number.
#[test]
fn the_documented_worked_example() {
    run(|| {
        add_node(7, 3, 10);
        report_in(7, (0..30).chain(33..37));
        update_node_state(7, |state| state.has_active_contracts = true);
        report(7, 36);
        update_node_state(7, |state| state.has_active_contracts = false);
        report_in(7, 38..40);
        let reputation = reputation_at(7, 40);
        assert_eq!(
            reputation,
            NodeReputation {
                node_id: 7,
                farm_id: 3,
                score_permill: 776,
                availability_30_permill: 866,
                availability_all_permill: 900,
                sla_misses_30: 1,
                sla_misses_all: 1,
                age_periods: 40,
                certified: false,
                counted_30: 30,
            }
        );
    });
}
