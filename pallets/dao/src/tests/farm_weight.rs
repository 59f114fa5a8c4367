//! Farm voting weights, kept up to date by pallet-tfgrid's node hooks.

use super::*;
use crate::FarmWeight;
use tfchain_support::{
    resources::Resources,
    traits::ChangeNode,
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
        create_node(farm_id, resources());
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
        let (second, _) = create_node(farm_id, resources());
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
fn removing_more_weight_than_a_farm_has_stops_at_zero() {
    run(|| {
        FarmWeight::<Test>::insert(7, 10);
        <Dao as ChangeNode<(), (), ()>>::node_deleted(&node_record(7, resources()));
        assert!(!FarmWeight::<Test>::contains_key(7));
        let old = node_record(8, resources());
        let new = node_record(8, Resources::empty());
        <Dao as ChangeNode<(), (), ()>>::node_changed(Some(&old), &new);
        assert!(!FarmWeight::<Test>::contains_key(8));
    });
}
