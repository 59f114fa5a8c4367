//! Farm voting weights: only nodes that are certified or proven online count, kept up to date by
//! pallet-tfgrid's node hooks and pallet-reputation's online-time hook.

use super::*;
use crate::{FarmWeight, NodeWeights};
use tfchain_support::{
    resources::Resources,
    traits::{ChangeNode, NodeOnlineTime},
    types::{Node, NodeCertification, Power},
};

/// A node record of `farm_id` with the given capacity, as the hooks receive it.
fn node_record(farm_id: u32, resources: Resources) -> Node<(), (), ()> {
    Node {
        version: 5,
        id: 1,
        farm_id,
        twin_id: 1,
        resources,
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
fn a_node_weighs_twice_its_compute_units_plus_its_storage_units() {
    run(|| {
        // hru 1 TiB, sru 512 GiB, cru 8, mru 16 GiB: cu 20, su 2.
        assert_eq!(resources().get_cu(), 20);
        assert_eq!(resources().get_su(), 2);
        let (_, farm_id) = farm_with_node(1);
        assert_eq!(FarmWeight::<Test>::get(farm_id), NODE_WEIGHT);
    });
}

#[test]
fn a_farm_weighs_the_sum_of_its_nodes() {
    run(|| {
        let (_, farm_id) = farm_with_node(1);
        trusted_node(farm_id, resources());
        assert_eq!(FarmWeight::<Test>::get(farm_id), 2 * NODE_WEIGHT);
    });
}

#[test]
fn a_farm_without_nodes_weighs_nothing() {
    run(|| {
        let owner = farmer(1);
        create_twin(&owner);
        let farm_id = create_farm(&owner, b"empty_farm");
        assert_eq!(FarmWeight::<Test>::get(farm_id), 0);
        assert!(!FarmWeight::<Test>::contains_key(farm_id));
    });
}

#[test]
fn deleting_a_node_takes_its_weight_off_its_farm() {
    run(|| {
        let (owner, farm_id) = farm_with_node(1);
        let second = trusted_node(farm_id, resources());
        assert_ok!(TfgridModule::delete_node_farm(
            RuntimeOrigin::signed(owner),
            second
        ));
        assert_eq!(FarmWeight::<Test>::get(farm_id), NODE_WEIGHT);
        assert_ok!(TfgridModule::delete_node(
            RuntimeOrigin::signed(account("//Node1")),
            1
        ));
        assert!(!FarmWeight::<Test>::contains_key(farm_id));
        assert!(!NodeWeights::<Test>::contains_key(1));
    });
}

#[test]
fn updating_a_node_replaces_its_weight() {
    run(|| {
        let (_, farm_id) = farm_with_node(1);
        let mut bigger = resources();
        bigger.cru = 16;
        bigger.sru = 1024 * GIB;
        assert_ok!(TfgridModule::update_node(
            RuntimeOrigin::signed(account("//Node1")),
            1,
            farm_id,
            bigger,
            location(),
            interfaces(),
            true,
            true,
            None,
        ));
        assert_eq!(FarmWeight::<Test>::get(farm_id), bigger.get_node_weight());
        assert!(bigger.get_node_weight() > NODE_WEIGHT);
    });
}

#[test]
fn moving_a_node_moves_its_weight_to_the_new_farm() {
    run(|| {
        let (_, first_farm) = farm_with_node(1);
        let (_, second_farm) = farm_with_node(2);
        assert_ok!(TfgridModule::update_node(
            RuntimeOrigin::signed(account("//Node1")),
            1,
            second_farm,
            resources(),
            location(),
            interfaces(),
            true,
            true,
            None,
        ));
        assert!(!FarmWeight::<Test>::contains_key(first_farm));
        assert_eq!(FarmWeight::<Test>::get(second_farm), 2 * NODE_WEIGHT);
    });
}

#[test]
fn power_state_changes_leave_the_weight_alone() {
    run(|| {
        let (_, farm_id) = farm_with_node(1);
        assert_ok!(TfgridModule::change_power_state(
            RuntimeOrigin::signed(account("//Node1")),
            Power::Down
        ));
        assert_eq!(FarmWeight::<Test>::get(farm_id), NODE_WEIGHT);
    });
}

#[test]
fn a_fresh_node_with_self_reported_capacity_does_not_count() {
    run(|| {
        let (_, farm_id) = throwaway_farm(1);
        assert!(!FarmWeight::<Test>::contains_key(farm_id));
        assert_eq!(
            NodeWeights::<Test>::get(1),
            Some(NodeWeight {
                farm_id,
                weight: NODE_WEIGHT,
                certified: false,
                online_proven: false
            })
        );
    });
}

#[test]
fn a_node_counts_once_proven_online_for_thirty_days() {
    run(|| {
        let (_, farm_id) = throwaway_farm(1);
        <Dao as NodeOnlineTime>::node_online_time(1, false, MIN_TRUSTED_ONLINE_SECS - 1);
        assert!(!FarmWeight::<Test>::contains_key(farm_id));
        <Dao as NodeOnlineTime>::node_online_time(1, false, MIN_TRUSTED_ONLINE_SECS);
        assert_eq!(FarmWeight::<Test>::get(farm_id), NODE_WEIGHT);
        // The history stays with the node when it is updated or moved.
        let (_, other_farm) = throwaway_farm(2);
        assert_ok!(TfgridModule::update_node(
            RuntimeOrigin::signed(account("//Node1")),
            1,
            other_farm,
            resources(),
            location(),
            interfaces(),
            true,
            true,
            None,
        ));
        assert!(!FarmWeight::<Test>::contains_key(farm_id));
        assert_eq!(FarmWeight::<Test>::get(other_farm), NODE_WEIGHT);
    });
}

#[test]
fn a_certified_node_counts_and_stops_counting_when_decertified() {
    run(|| {
        let (_, farm_id) = throwaway_farm(1);
        assert_ok!(TfgridModule::set_node_certification(
            RuntimeOrigin::root(),
            1,
            NodeCertification::Certified
        ));
        // pallet-tfgrid does not announce certifications: the DAO learns them from the node's
        // next update or uptime report.
        <Dao as NodeOnlineTime>::node_online_time(1, true, 0);
        assert_eq!(FarmWeight::<Test>::get(farm_id), NODE_WEIGHT);
        <Dao as NodeOnlineTime>::node_online_time(1, false, 0);
        assert!(!FarmWeight::<Test>::contains_key(farm_id));
        assert_ok!(TfgridModule::set_node_certification(
            RuntimeOrigin::root(),
            1,
            NodeCertification::Certified
        ));
        assert_ok!(TfgridModule::update_node(
            RuntimeOrigin::signed(account("//Node1")),
            1,
            farm_id,
            resources(),
            location(),
            interfaces(),
            true,
            true,
            None,
        ));
        assert_eq!(FarmWeight::<Test>::get(farm_id), NODE_WEIGHT);
    });
}

#[test]
fn the_online_time_of_a_node_the_dao_never_saw_changes_nothing() {
    run(|| {
        <Dao as NodeOnlineTime>::node_online_time(7, true, MIN_TRUSTED_ONLINE_SECS);
        assert!(!NodeWeights::<Test>::contains_key(7));
        assert_eq!(FarmWeight::<Test>::iter().count(), 0);
        <Dao as ChangeNode<(), (), ()>>::node_deleted(&node_record(7, resources()));
        assert_eq!(FarmWeight::<Test>::iter().count(), 0);
    });
}

#[test]
fn a_node_of_no_capacity_leaves_no_zero_weight() {
    run(|| {
        let node = node_record(8, Resources::empty());
        <Dao as ChangeNode<(), (), ()>>::node_changed(None, &node);
        <Dao as NodeOnlineTime>::node_online_time(1, false, MIN_TRUSTED_ONLINE_SECS);
        assert!(!FarmWeight::<Test>::contains_key(8));
        let bigger = node_record(8, resources());
        <Dao as ChangeNode<(), (), ()>>::node_changed(Some(&node), &bigger);
        assert_eq!(FarmWeight::<Test>::get(8), NODE_WEIGHT);
        <Dao as ChangeNode<(), (), ()>>::node_changed(Some(&bigger), &node);
        assert!(!FarmWeight::<Test>::contains_key(8));
    });
}
