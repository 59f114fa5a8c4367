//! Pricing and farming policies, farm limits and policy selection, connection price, ZOS
//! version and the storage version.

use super::*;
use crate::{
    ConnectionPrice, Error, FarmingPoliciesMap, FarmingPolicyID, Farms, Nodes, PalletVersion,
    PricingPolicies, PricingPolicyID, PricingPolicyIdByName, ZosVersion,
};
use frame_support::assert_noop;
use sp_runtime::DispatchError;
use tfchain_support::types::{FarmCertification, FarmingPolicyLimit, NodeCertification};

fn policy(value: u32) -> Policy {
    Policy {
        value,
        unit: Unit::Gigabytes,
    }
}

fn create_pricing(name: &[u8]) -> sp_runtime::DispatchResult {
    TfgridModule::create_pricing_policy(
        RuntimeOrigin::root(),
        name.to_vec(),
        policy(1),
        policy(2),
        policy(3),
        policy(4),
        policy(5),
        policy(6),
        alice(),
        bob(),
        10,
    )
}

fn update_pricing(id: u32, name: &[u8]) -> sp_runtime::DispatchResult {
    TfgridModule::update_pricing_policy(
        RuntimeOrigin::root(),
        id,
        name.to_vec(),
        policy(10),
        policy(20),
        policy(30),
        policy(40),
        policy(50),
        policy(60),
        bob(),
        alice(),
        20,
    )
}

/// Create a farming policy as the council; returns its id.
fn create_farming(
    default: bool,
    immutable: bool,
    node: NodeCertification,
    farm: FarmCertification,
) -> u32 {
    assert_ok!(TfgridModule::create_farming_policy(
        RuntimeOrigin::root(),
        b"policy".to_vec(),
        12,
        15,
        10,
        8,
        95,
        0,
        immutable,
        default,
        node,
        farm,
    ));
    FarmingPolicyID::<Test>::get()
}

fn limits(policy_id: u32) -> FarmingPolicyLimit {
    FarmingPolicyLimit {
        farming_policy_id: policy_id,
        cu: Some(21),
        su: Some(10),
        end: None,
        node_count: Some(10),
        node_certification: false,
    }
}

#[test]
fn create_pricing_policy_stores_it_under_a_new_id() {
    run(|| {
        assert_ok!(create_pricing(b"policy_2"));
        let stored = PricingPolicies::<Test>::get(2).unwrap();
        assert_eq!(stored.version, TFGRID_PRICING_POLICY_VERSION);
        assert_eq!(stored.id, 2);
        assert_eq!(stored.name.to_vec(), b"policy_2".to_vec());
        assert_eq!(
            (stored.su, stored.cu, stored.nu, stored.ipu),
            (policy(1), policy(2), policy(3), policy(4))
        );
        assert_eq!(
            (stored.unique_name, stored.domain_name),
            (policy(5), policy(6))
        );
        assert_eq!(
            (
                stored.foundation_account.clone(),
                stored.certified_sales_account.clone()
            ),
            (alice(), bob())
        );
        assert_eq!(stored.discount_for_dedication_nodes, 10);
        assert_eq!(PricingPolicyID::<Test>::get(), 2);
        assert_eq!(PricingPolicyIdByName::<Test>::get(b(b"policy_2")), 2);
        assert_eq!(last_event(), TfgridEvent::PricingPolicyStored(stored));
    });
}

#[test]
fn create_pricing_policy_errors() {
    run(|| {
        assert_noop!(
            TfgridModule::create_pricing_policy(
                RuntimeOrigin::signed(alice()),
                b"x".to_vec(),
                policy(1),
                policy(1),
                policy(1),
                policy(1),
                policy(1),
                policy(1),
                alice(),
                alice(),
                0
            ),
            DispatchError::BadOrigin
        );
        assert_ok!(create_pricing(b"policy_2"));
        assert_noop!(
            create_pricing(b"policy_2"),
            Error::<Test>::PricingPolicyExists
        );
        // The genesis policy's name is indexed too (deviation).
        assert_noop!(
            create_pricing(b"threefold_default_pricing_policy"),
            Error::<Test>::PricingPolicyExists
        );
    });
}

#[test]
fn update_pricing_policy_overwrites_it_and_renames_the_index() {
    run(|| {
        assert_ok!(create_pricing(b"policy_2"));
        assert_ok!(update_pricing(2, b"renamed"));
        let stored = PricingPolicies::<Test>::get(2).unwrap();
        assert_eq!(stored.version, TFGRID_PRICING_POLICY_VERSION);
        assert_eq!(stored.name.to_vec(), b"renamed".to_vec());
        assert_eq!(stored.su, policy(10));
        assert_eq!(stored.domain_name, policy(60));
        assert_eq!(stored.foundation_account, bob());
        assert_eq!(stored.discount_for_dedication_nodes, 20);
        assert!(!PricingPolicyIdByName::<Test>::contains_key(b(b"policy_2")));
        assert_eq!(PricingPolicyIdByName::<Test>::get(b(b"renamed")), 2);
        assert_eq!(last_event(), TfgridEvent::PricingPolicyStored(stored));
    });
}

#[test]
fn update_pricing_policy_does_not_rewind_the_id_counter() {
    // Upstream set PricingPolicyID to the updated id, so the next create overwrote a policy.
    run(|| {
        assert_ok!(create_pricing(b"policy_2"));
        assert_ok!(create_pricing(b"policy_3"));
        assert_ok!(update_pricing(1, b"threefold_default_pricing_policy"));
        assert_eq!(PricingPolicyID::<Test>::get(), 3);
        assert_ok!(create_pricing(b"policy_4"));
        assert_eq!(
            PricingPolicies::<Test>::get(2).unwrap().name.to_vec(),
            b"policy_2".to_vec()
        );
        assert_eq!(PricingPolicyID::<Test>::get(), 4);
    });
}

#[test]
fn update_pricing_policy_errors() {
    run(|| {
        assert_noop!(
            update_pricing(5, b"renamed"),
            Error::<Test>::PricingPolicyNotExists
        );
        assert_ok!(create_pricing(b"policy_2"));
        assert_noop!(
            update_pricing(2, b"threefold_default_pricing_policy"),
            Error::<Test>::PricingPolicyWithDifferentIdExists
        );
    });
}

#[test]
fn create_farming_policy_stores_it_with_the_creation_block() {
    run(|| {
        System::set_block_number(5);
        let id = create_farming(
            false,
            true,
            NodeCertification::Certified,
            FarmCertification::Gold,
        );
        assert_eq!(id, 3);
        let stored = FarmingPoliciesMap::<Test>::get(id);
        assert_eq!(stored.version, TFGRID_FARMING_POLICY_VERSION);
        assert_eq!(stored.name.to_vec(), b"policy".to_vec());
        // Arguments come su-first, the record stores cu first.
        assert_eq!(
            (stored.su, stored.cu, stored.nu, stored.ipv4),
            (12, 15, 10, 8)
        );
        assert_eq!(stored.minimal_uptime, 95);
        assert_eq!((stored.policy_created, stored.policy_end), (5, 0));
        assert!(stored.immutable && !stored.default);
        assert_eq!(stored.node_certification, NodeCertification::Certified);
        assert_eq!(stored.farm_certification, FarmCertification::Gold);
        assert_eq!(last_event(), TfgridEvent::FarmingPolicyStored(stored));
    });
}

#[test]
fn create_farming_policy_requires_the_restricted_origin() {
    run(|| {
        assert_noop!(
            TfgridModule::create_farming_policy(
                RuntimeOrigin::signed(alice()),
                b"policy".to_vec(),
                1,
                1,
                1,
                1,
                1,
                0,
                false,
                false,
                NodeCertification::Diy,
                FarmCertification::NotCertified
            ),
            DispatchError::BadOrigin
        );
    });
}

#[test]
fn update_farming_policy_overwrites_the_mutable_fields() {
    run(|| {
        System::set_block_number(5);
        let id = create_farming(
            false,
            false,
            NodeCertification::Diy,
            FarmCertification::NotCertified,
        );
        System::set_block_number(6);
        assert_ok!(TfgridModule::update_farming_policy(
            RuntimeOrigin::root(),
            id,
            b"renamed".to_vec(),
            1,
            2,
            3,
            4,
            50,
            100,
            true,
            NodeCertification::Certified,
            FarmCertification::Gold,
        ));
        let stored = FarmingPoliciesMap::<Test>::get(id);
        assert_eq!(stored.name.to_vec(), b"renamed".to_vec());
        assert_eq!(
            (
                stored.su,
                stored.cu,
                stored.nu,
                stored.ipv4,
                stored.minimal_uptime
            ),
            (1, 2, 3, 4, 50)
        );
        assert_eq!((stored.policy_created, stored.policy_end), (5, 100));
        assert!(stored.default && !stored.immutable);
        assert_eq!(last_event(), TfgridEvent::FarmingPolicyUpdated(stored));
    });
}

#[test]
fn update_farming_policy_of_an_immutable_policy_fails() {
    // Upstream never enforced `immutable` (deviation).
    run(|| {
        let id = create_farming(
            false,
            true,
            NodeCertification::Diy,
            FarmCertification::NotCertified,
        );
        assert_noop!(
            TfgridModule::update_farming_policy(
                RuntimeOrigin::root(),
                id,
                b"renamed".to_vec(),
                1,
                2,
                3,
                4,
                50,
                100,
                true,
                NodeCertification::Certified,
                FarmCertification::Gold,
            ),
            Error::<Test>::FarmingPolicyImmutable
        );
    });
}

#[test]
fn update_farming_policy_of_a_missing_policy_fails() {
    run(|| {
        assert_noop!(
            TfgridModule::update_farming_policy(
                RuntimeOrigin::root(),
                9,
                b"renamed".to_vec(),
                1,
                2,
                3,
                4,
                50,
                100,
                true,
                NodeCertification::Certified,
                FarmCertification::Gold,
            ),
            Error::<Test>::FarmingPolicyNotExists
        );
    });
}

#[test]
fn default_policy_selection_picks_the_best_policy_the_node_and_farm_qualify_for() {
    run(|| {
        let (farm_id, node_id) = farm_with_node();
        assert_eq!(Nodes::<Test>::get(node_id).unwrap().farming_policy_id, 1);
        // A default policy for Gold farms: a Diy node on a Gold farm gets it.
        let gold = create_farming(true, false, NodeCertification::Diy, FarmCertification::Gold);
        assert_ok!(TfgridModule::set_farm_certification(
            RuntimeOrigin::root(),
            farm_id,
            FarmCertification::Gold
        ));
        create_twin(&charlie());
        let gold_node = create_node(&charlie(), farm_id);
        assert_eq!(
            Nodes::<Test>::get(gold_node).unwrap().farming_policy_id,
            gold
        );
        // Certifying a node on a default policy re-selects its policy.
        let gold_certified = create_farming(
            true,
            false,
            NodeCertification::Certified,
            FarmCertification::Gold,
        );
        assert_ok!(TfgridModule::set_node_certification(
            RuntimeOrigin::root(),
            gold_node,
            NodeCertification::Certified
        ));
        assert_eq!(
            Nodes::<Test>::get(gold_node).unwrap().farming_policy_id,
            gold_certified
        );
    });
}

#[test]
fn non_default_policies_are_never_selected_without_farm_limits() {
    run(|| {
        create_farming(
            false,
            false,
            NodeCertification::Diy,
            FarmCertification::NotCertified,
        );
        let (_, node_id) = farm_with_node();
        assert_eq!(Nodes::<Test>::get(node_id).unwrap().farming_policy_id, 1);
    });
}

#[test]
fn node_creation_fails_when_no_policy_fits() {
    run(|| {
        FarmingPoliciesMap::<Test>::remove(1);
        FarmingPoliciesMap::<Test>::remove(2);
        create_twin(&alice());
        let farm_id = create_farm(&alice(), b"alice_farm");
        create_twin(&bob());
        assert_noop!(
            TfgridModule::create_node(
                RuntimeOrigin::signed(bob()),
                farm_id,
                resources(),
                location(),
                interfaces(),
                false,
                false,
                None
            ),
            Error::<Test>::FarmingPolicyNotExists
        );
    });
}

#[test]
fn attach_policy_to_farm_sets_limits_and_moves_default_policy_nodes() {
    run(|| {
        let (farm_id, node_id) = farm_with_node();
        let id = create_farming(
            false,
            false,
            NodeCertification::Certified,
            FarmCertification::Gold,
        );
        System::reset_events();
        assert_ok!(TfgridModule::attach_policy_to_farm(
            RuntimeOrigin::root(),
            farm_id,
            Some(limits(id))
        ));
        let farm = Farms::<Test>::get(farm_id).unwrap();
        assert_eq!(farm.certification, FarmCertification::Gold);
        // The node (cu 20, su 2) consumed its share of the limits.
        let consumed = FarmingPolicyLimit {
            cu: Some(1),
            su: Some(8),
            node_count: Some(9),
            ..limits(id)
        };
        assert_eq!(farm.farming_policy_limits, Some(consumed));
        let node = Nodes::<Test>::get(node_id).unwrap();
        assert_eq!(node.farming_policy_id, id);
        assert_eq!(node.certification, NodeCertification::Certified);
        let events = tfgrid_events();
        assert_eq!(events.len(), 4);
        assert!(
            matches!(&events[0], TfgridEvent::FarmUpdated(f) if f.farming_policy_limits == Some(limits(id)))
        );
        assert_eq!(events[1], TfgridEvent::FarmUpdated(farm));
        assert_eq!(events[2], TfgridEvent::NodeUpdated(node));
        assert_eq!(
            events[3],
            TfgridEvent::FarmingPolicySet(farm_id, Some(limits(id)))
        );
    });
}

#[test]
fn nodes_created_under_farm_limits_consume_them_before_node_stored() {
    run(|| {
        create_twin(&alice());
        let farm_id = create_farm(&alice(), b"alice_farm");
        let id = create_farming(
            false,
            false,
            NodeCertification::Diy,
            FarmCertification::NotCertified,
        );
        assert_ok!(TfgridModule::attach_policy_to_farm(
            RuntimeOrigin::root(),
            farm_id,
            Some(limits(id))
        ));
        System::reset_events();
        // The farm's own twin registers the node.
        let node_id = create_node(&alice(), farm_id);
        assert_eq!(Nodes::<Test>::get(node_id).unwrap().farming_policy_id, id);
        let events = tfgrid_events();
        assert!(matches!(
            events[events.len() - 2],
            TfgridEvent::FarmUpdated(_)
        ));
        assert!(matches!(
            events[events.len() - 1],
            TfgridEvent::NodeStored(_)
        ));
    });
}

#[test]
fn nodes_beyond_the_farm_limits_fall_back_to_a_default_policy_they_qualify_for() {
    // Upstream's fallback ignored certification and gave a Diy node the certified policy.
    run(|| {
        create_twin(&alice());
        let farm_id = create_farm(&alice(), b"alice_farm");
        let id = create_farming(
            false,
            false,
            NodeCertification::Diy,
            FarmCertification::NotCertified,
        );
        let exhausted = FarmingPolicyLimit {
            cu: Some(5),
            ..limits(id)
        };
        assert_ok!(TfgridModule::attach_policy_to_farm(
            RuntimeOrigin::root(),
            farm_id,
            Some(exhausted.clone())
        ));
        create_twin(&bob());
        let node_id = create_node(&bob(), farm_id);
        let node = Nodes::<Test>::get(node_id).unwrap();
        assert_eq!(node.farming_policy_id, 1);
        assert_eq!(node.certification, NodeCertification::Diy);
        // Nothing was consumed.
        assert_eq!(
            Farms::<Test>::get(farm_id).unwrap().farming_policy_limits,
            Some(exhausted)
        );
    });
}

#[test]
fn farm_limits_past_their_end_or_node_count_fall_back_to_a_default_policy() {
    run(|| {
        create_twin(&alice());
        let farm_id = create_farm(&alice(), b"alice_farm");
        let id = create_farming(
            false,
            false,
            NodeCertification::Diy,
            FarmCertification::NotCertified,
        );
        let ended = FarmingPolicyLimit {
            end: Some(START_MILLIS / 1000 - 1),
            ..limits(id)
        };
        assert_ok!(TfgridModule::attach_policy_to_farm(
            RuntimeOrigin::root(),
            farm_id,
            Some(ended)
        ));
        create_twin(&bob());
        assert_eq!(
            Nodes::<Test>::get(create_node(&bob(), farm_id))
                .unwrap()
                .farming_policy_id,
            1
        );
        let no_nodes_left = FarmingPolicyLimit {
            node_count: Some(0),
            ..limits(id)
        };
        assert_ok!(TfgridModule::attach_policy_to_farm(
            RuntimeOrigin::root(),
            farm_id,
            Some(no_nodes_left)
        ));
        create_twin(&charlie());
        assert_eq!(
            Nodes::<Test>::get(create_node(&charlie(), farm_id))
                .unwrap()
                .farming_policy_id,
            1
        );
    });
}

#[test]
fn attach_policy_to_farm_with_none_detaches_the_limits() {
    // Upstream ignored `None` (deviation).
    run(|| {
        create_twin(&alice());
        let farm_id = create_farm(&alice(), b"alice_farm");
        let id = create_farming(
            false,
            false,
            NodeCertification::Diy,
            FarmCertification::NotCertified,
        );
        assert_ok!(TfgridModule::attach_policy_to_farm(
            RuntimeOrigin::root(),
            farm_id,
            Some(limits(id))
        ));
        assert_ok!(TfgridModule::attach_policy_to_farm(
            RuntimeOrigin::root(),
            farm_id,
            None
        ));
        let farm = Farms::<Test>::get(farm_id).unwrap();
        assert_eq!(farm.farming_policy_limits, None);
        assert_eq!(last_event(), TfgridEvent::FarmingPolicySet(farm_id, None));
    });
}

#[test]
fn attach_policy_to_farm_with_a_missing_policy_fails() {
    // Upstream accepted it while the farm had no node on a default policy (deviation).
    run(|| {
        create_twin(&alice());
        let farm_id = create_farm(&alice(), b"alice_farm");
        assert_noop!(
            TfgridModule::attach_policy_to_farm(RuntimeOrigin::root(), farm_id, Some(limits(9))),
            Error::<Test>::FarmingPolicyNotExists
        );
    });
}

#[test]
fn attach_policy_to_farm_of_an_expired_policy_fails() {
    run(|| {
        create_twin(&alice());
        let farm_id = create_farm(&alice(), b"alice_farm");
        assert_ok!(TfgridModule::create_farming_policy(
            RuntimeOrigin::root(),
            b"short".to_vec(),
            1,
            1,
            1,
            1,
            1,
            10,
            false,
            false,
            NodeCertification::Diy,
            FarmCertification::NotCertified,
        ));
        let id = FarmingPolicyID::<Test>::get();
        System::set_block_number(11);
        assert_noop!(
            TfgridModule::attach_policy_to_farm(RuntimeOrigin::root(), farm_id, Some(limits(id))),
            Error::<Test>::FarmingPolicyExpired
        );
        System::set_block_number(10);
        assert_ok!(TfgridModule::attach_policy_to_farm(
            RuntimeOrigin::root(),
            farm_id,
            Some(limits(id))
        ));
    });
}

#[test]
fn attach_policy_to_farm_errors() {
    run(|| {
        assert_noop!(
            TfgridModule::attach_policy_to_farm(RuntimeOrigin::signed(alice()), 1, None),
            DispatchError::BadOrigin
        );
        assert_noop!(
            TfgridModule::attach_policy_to_farm(RuntimeOrigin::root(), 1, Some(limits(1))),
            Error::<Test>::FarmNotExists
        );
        assert_noop!(
            TfgridModule::attach_policy_to_farm(RuntimeOrigin::root(), 1, None),
            Error::<Test>::FarmNotExists
        );
    });
}

#[test]
fn set_connection_price_applies_to_nodes_registered_afterwards() {
    run(|| {
        let (farm_id, node_id) = farm_with_node();
        assert_ok!(TfgridModule::set_connection_price(
            RuntimeOrigin::root(),
            100
        ));
        assert_eq!(ConnectionPrice::<Test>::get(), 100);
        assert_eq!(last_event(), TfgridEvent::ConnectionPriceSet(100));
        create_twin(&charlie());
        let new_node = create_node(&charlie(), farm_id);
        assert_eq!(Nodes::<Test>::get(node_id).unwrap().connection_price, 80);
        assert_eq!(Nodes::<Test>::get(new_node).unwrap().connection_price, 100);
        assert_noop!(
            TfgridModule::set_connection_price(RuntimeOrigin::signed(alice()), 1),
            DispatchError::BadOrigin
        );
    });
}

#[test]
fn set_zos_version_stores_a_new_version() {
    run(|| {
        assert_ok!(TfgridModule::set_zos_version(
            RuntimeOrigin::root(),
            b"v3.10.0".to_vec()
        ));
        assert_eq!(ZosVersion::<Test>::get().to_vec(), b"v3.10.0".to_vec());
        assert_eq!(
            last_event(),
            TfgridEvent::ZosVersionUpdated(b"v3.10.0".to_vec())
        );
    });
}

#[test]
fn set_zos_version_to_the_current_version_fails() {
    run(|| {
        assert_ok!(TfgridModule::set_zos_version(
            RuntimeOrigin::root(),
            b"v3.10.0".to_vec()
        ));
        assert_noop!(
            TfgridModule::set_zos_version(RuntimeOrigin::root(), b"v3.10.0".to_vec()),
            Error::<Test>::InvalidZosVersion
        );
        assert_noop!(
            TfgridModule::set_zos_version(RuntimeOrigin::signed(alice()), b"v4".to_vec()),
            DispatchError::BadOrigin
        );
    });
}

#[test]
fn policy_names_and_the_zos_version_are_bounded_with_named_errors() {
    run(|| {
        let name = |len: u32| vec![b'p'; len as usize];
        let max = MAX_POLICY_NAME_LENGTH;
        assert_ok!(create_pricing(&name(max)));
        let id = PricingPolicyID::<Test>::get();
        assert_noop!(
            create_pricing(&name(max + 1)),
            Error::<Test>::PolicyNameTooLong
        );
        assert_ok!(update_pricing(id, &name(max - 1)));
        assert_noop!(
            update_pricing(id, &name(max + 1)),
            Error::<Test>::PolicyNameTooLong
        );
        let create_farming_named = |name: Vec<u8>| {
            TfgridModule::create_farming_policy(
                RuntimeOrigin::root(),
                name,
                12,
                15,
                10,
                8,
                95,
                0,
                false,
                false,
                NodeCertification::Diy,
                FarmCertification::NotCertified,
            )
        };
        assert_ok!(create_farming_named(name(max)));
        let farming_id = FarmingPolicyID::<Test>::get();
        assert_noop!(
            create_farming_named(name(max + 1)),
            Error::<Test>::PolicyNameTooLong
        );
        let update_farming_named = |name: Vec<u8>| {
            TfgridModule::update_farming_policy(
                RuntimeOrigin::root(),
                farming_id,
                name,
                1,
                2,
                3,
                4,
                50,
                100,
                false,
                NodeCertification::Diy,
                FarmCertification::NotCertified,
            )
        };
        assert_ok!(update_farming_named(name(max - 1)));
        assert_noop!(
            update_farming_named(name(max + 1)),
            Error::<Test>::PolicyNameTooLong
        );
        let zos = |len: u32| vec![b'v'; len as usize];
        assert_ok!(TfgridModule::set_zos_version(
            RuntimeOrigin::root(),
            zos(MAX_ZOS_VERSION_LENGTH)
        ));
        assert_noop!(
            TfgridModule::set_zos_version(RuntimeOrigin::root(), zos(MAX_ZOS_VERSION_LENGTH + 1)),
            Error::<Test>::ZosVersionTooLong
        );
    });
}

#[test]
fn set_storage_version_stores_it() {
    run(|| {
        assert_eq!(PalletVersion::<Test>::get(), StorageVersion::V17Struct);
        assert_ok!(TfgridModule::set_storage_version(
            RuntimeOrigin::root(),
            StorageVersion::V16Struct
        ));
        assert_eq!(PalletVersion::<Test>::get(), StorageVersion::V16Struct);
        assert!(tfgrid_events().is_empty());
        assert_noop!(
            TfgridModule::set_storage_version(
                RuntimeOrigin::signed(alice()),
                StorageVersion::V1Struct
            ),
            DispatchError::BadOrigin
        );
    });
}

#[test]
fn governance_calls_reject_signed_origins() {
    run(|| {
        let signed = || RuntimeOrigin::signed(alice());
        assert_noop!(
            TfgridModule::update_pricing_policy(
                signed(),
                1,
                b"x".to_vec(),
                policy(1),
                policy(1),
                policy(1),
                policy(1),
                policy(1),
                policy(1),
                alice(),
                alice(),
                0
            ),
            DispatchError::BadOrigin
        );
        assert_noop!(
            TfgridModule::update_farming_policy(
                signed(),
                1,
                b"x".to_vec(),
                1,
                1,
                1,
                1,
                1,
                0,
                true,
                NodeCertification::Diy,
                FarmCertification::NotCertified
            ),
            DispatchError::BadOrigin
        );
        assert_noop!(
            TfgridModule::set_zos_version(signed(), b"v1".to_vec()),
            DispatchError::BadOrigin
        );
        assert_noop!(
            TfgridModule::set_connection_price(signed(), 1),
            DispatchError::BadOrigin
        );
    });
}

#[test]
fn set_node_certification_keeps_a_non_default_policy() {
    run(|| {
        let (farm_id, node_id) = farm_with_node();
        let id = create_farming(
            false,
            false,
            NodeCertification::Diy,
            FarmCertification::NotCertified,
        );
        assert_ok!(TfgridModule::attach_policy_to_farm(
            RuntimeOrigin::root(),
            farm_id,
            Some(limits(id))
        ));
        assert_eq!(Nodes::<Test>::get(node_id).unwrap().farming_policy_id, id);
        assert_ok!(TfgridModule::set_node_certification(
            RuntimeOrigin::root(),
            node_id,
            NodeCertification::Certified
        ));
        let node = Nodes::<Test>::get(node_id).unwrap();
        assert_eq!(node.farming_policy_id, id);
        assert_eq!(node.certification, NodeCertification::Certified);
    });
}

/// A farm of Alice (twin 1) with limits of a new non-default Diy policy allowing exactly one
/// node; returns `(farm_id, policy_id, limits)`.
fn farm_with_one_limited_slot() -> (u32, u32, FarmingPolicyLimit) {
    create_twin(&alice());
    let farm_id = create_farm(&alice(), b"alice_farm");
    let id = create_farming(
        false,
        false,
        NodeCertification::Diy,
        FarmCertification::NotCertified,
    );
    let one_slot = FarmingPolicyLimit {
        node_count: Some(1),
        ..limits(id)
    };
    assert_ok!(TfgridModule::attach_policy_to_farm(
        RuntimeOrigin::root(),
        farm_id,
        Some(one_slot.clone())
    ));
    (farm_id, id, one_slot)
}

fn farm_limits(farm_id: u32) -> Option<FarmingPolicyLimit> {
    Farms::<Test>::get(farm_id).unwrap().farming_policy_limits
}

#[test]
fn attack_a_strangers_node_uses_up_the_farms_limited_policy_slots() {
    // Upstream: any twin registering a node in the farm took the farm's last limited slot.
    run(|| {
        let (farm_id, _, one_slot) = farm_with_one_limited_slot();
        create_twin(&bob());
        let node_id = create_node(&bob(), farm_id);
        let node = Nodes::<Test>::get(node_id).unwrap();
        assert_eq!(node.farming_policy_id, 1);
        assert_eq!(node.certification, NodeCertification::Diy);
        assert_eq!(farm_limits(farm_id), Some(one_slot));
    });
}

#[test]
fn attack_deleting_nodes_never_gives_the_farm_limits_back() {
    run(|| {
        let (farm_id, id, one_slot) = farm_with_one_limited_slot();
        // The farm's own twin takes the only slot...
        let node_id = create_node(&alice(), farm_id);
        assert_eq!(Nodes::<Test>::get(node_id).unwrap().farming_policy_id, id);
        assert_eq!(
            farm_limits(farm_id),
            Some(FarmingPolicyLimit {
                cu: Some(1),
                su: Some(8),
                node_count: Some(0),
                ..one_slot.clone()
            })
        );
        // ...and gives it back when the node goes.
        assert_ok!(TfgridModule::delete_node(
            RuntimeOrigin::signed(alice()),
            node_id
        ));
        assert_eq!(farm_limits(farm_id), Some(one_slot.clone()));
        assert_eq!(last_event(), TfgridEvent::NodeDeleted(node_id));
        let again = create_node(&alice(), farm_id);
        assert_eq!(Nodes::<Test>::get(again).unwrap().farming_policy_id, id);
    });
}

#[test]
fn attack_a_farmer_deleting_a_node_never_gets_the_farm_limits_back() {
    run(|| {
        let (farm_id, node_id) = farm_with_node();
        let id = create_farming(
            false,
            false,
            NodeCertification::Diy,
            FarmCertification::NotCertified,
        );
        let one_slot = FarmingPolicyLimit {
            node_count: Some(1),
            ..limits(id)
        };
        // The council attaching limits moves the farm's nodes onto them.
        assert_ok!(TfgridModule::attach_policy_to_farm(
            RuntimeOrigin::root(),
            farm_id,
            Some(one_slot.clone())
        ));
        assert_eq!(Nodes::<Test>::get(node_id).unwrap().farming_policy_id, id);
        assert_ok!(TfgridModule::delete_node_farm(
            RuntimeOrigin::signed(alice()),
            node_id
        ));
        assert_eq!(farm_limits(farm_id), Some(one_slot));
    });
}

#[test]
fn attack_moving_a_node_keeps_the_old_farms_limits_used_up() {
    run(|| {
        let (farm_id, id, one_slot) = farm_with_one_limited_slot();
        let node_id = create_node(&alice(), farm_id);
        assert_eq!(Nodes::<Test>::get(node_id).unwrap().farming_policy_id, id);
        let other_farm = create_farm(&alice(), b"other_farm");
        assert_ok!(TfgridModule::update_node(
            RuntimeOrigin::signed(alice()),
            node_id,
            other_farm,
            resources(),
            location(),
            interfaces(),
            true,
            true,
            None,
        ));
        assert_eq!(farm_limits(farm_id), Some(one_slot));
        // The node does not carry the old farm's limited policy into a farm without limits.
        assert_eq!(Nodes::<Test>::get(node_id).unwrap().farming_policy_id, 1);
    });
}

#[test]
fn re_attached_farm_limits_are_not_topped_up_by_nodes_that_took_the_old_ones() {
    run(|| {
        let (farm_id, _, one_slot) = farm_with_one_limited_slot();
        let node_id = create_node(&alice(), farm_id);
        // The council grants a fresh budget; the node that took the old one keeps its policy.
        assert_ok!(TfgridModule::attach_policy_to_farm(
            RuntimeOrigin::root(),
            farm_id,
            Some(one_slot.clone())
        ));
        assert_ok!(TfgridModule::delete_node(
            RuntimeOrigin::signed(alice()),
            node_id
        ));
        assert_eq!(farm_limits(farm_id), Some(one_slot));
    });
}

#[test]
fn a_strangers_node_certified_by_a_certifier_takes_the_farm_limits() {
    run(|| {
        let (farm_id, id, one_slot) = farm_with_one_limited_slot();
        create_twin(&bob());
        let node_id = create_node(&bob(), farm_id);
        assert_eq!(Nodes::<Test>::get(node_id).unwrap().farming_policy_id, 1);
        assert_ok!(TfgridModule::set_node_certification(
            RuntimeOrigin::root(),
            node_id,
            NodeCertification::Certified
        ));
        assert_eq!(Nodes::<Test>::get(node_id).unwrap().farming_policy_id, id);
        assert_eq!(
            farm_limits(farm_id),
            Some(FarmingPolicyLimit {
                cu: Some(1),
                su: Some(8),
                node_count: Some(0),
                ..one_slot.clone()
            })
        );
        // The farmer evicting it gets the slot back.
        assert_ok!(TfgridModule::delete_node_farm(
            RuntimeOrigin::signed(alice()),
            node_id
        ));
        assert_eq!(farm_limits(farm_id), Some(one_slot));
    });
}

#[test]
fn recertifying_a_node_on_a_default_limited_policy_does_not_take_the_limits_twice() {
    run(|| {
        create_twin(&alice());
        let farm_id = create_farm(&alice(), b"alice_farm");
        // The limits are of a default policy, so the node stays on a default policy.
        let id = create_farming(
            true,
            false,
            NodeCertification::Diy,
            FarmCertification::NotCertified,
        );
        let one_slot = FarmingPolicyLimit {
            node_count: Some(1),
            ..limits(id)
        };
        assert_ok!(TfgridModule::attach_policy_to_farm(
            RuntimeOrigin::root(),
            farm_id,
            Some(one_slot.clone())
        ));
        let node_id = create_node(&alice(), farm_id);
        assert_eq!(Nodes::<Test>::get(node_id).unwrap().farming_policy_id, id);
        let taken = farm_limits(farm_id);
        assert_ok!(TfgridModule::set_node_certification(
            RuntimeOrigin::root(),
            node_id,
            NodeCertification::Diy
        ));
        assert_eq!(Nodes::<Test>::get(node_id).unwrap().farming_policy_id, id);
        assert_eq!(farm_limits(farm_id), taken);
        assert_ok!(TfgridModule::delete_node(
            RuntimeOrigin::signed(alice()),
            node_id
        ));
        assert_eq!(farm_limits(farm_id), Some(one_slot));
    });
}

#[test]
fn detaching_farm_limits_forgets_what_nodes_took() {
    run(|| {
        let (farm_id, id, _) = farm_with_one_limited_slot();
        let node_id = create_node(&alice(), farm_id);
        assert_ok!(TfgridModule::attach_policy_to_farm(
            RuntimeOrigin::root(),
            farm_id,
            None
        ));
        assert!(!crate::FarmLimitsTakenByNode::<Test>::contains_key(node_id));
        assert_eq!(Nodes::<Test>::get(node_id).unwrap().farming_policy_id, id);
        assert_ok!(TfgridModule::delete_node(
            RuntimeOrigin::signed(alice()),
            node_id
        ));
        assert_eq!(farm_limits(farm_id), None);
    });
}

#[test]
fn create_farming_policy_beyond_the_policy_limit_fails() {
    run(|| {
        // The genesis policies count.
        while FarmingPolicyID::<Test>::get() < crate::types::MAX_FARMING_POLICIES {
            create_farming(
                false,
                false,
                NodeCertification::Diy,
                FarmCertification::NotCertified,
            );
        }
        assert_noop!(
            TfgridModule::create_farming_policy(
                RuntimeOrigin::root(),
                b"policy".to_vec(),
                1,
                1,
                1,
                1,
                1,
                0,
                false,
                false,
                NodeCertification::Diy,
                FarmCertification::NotCertified
            ),
            Error::<Test>::StorageOverflow
        );
    });
}

#[test]
fn attach_policy_to_farm_is_weighed_by_the_farms_nodes() {
    use crate::weights::WeightInfo;
    use frame_support::dispatch::GetDispatchInfo;
    run(|| {
        let (farm_id, _) = farm_with_node();
        create_twin(&charlie());
        create_node(&charlie(), farm_id);
        let policy_id = create_farming(
            false,
            false,
            NodeCertification::Diy,
            FarmCertification::NotCertified,
        );
        let call = crate::Call::<Test>::attach_policy_to_farm {
            farm_id,
            limits: Some(limits(policy_id)),
        };
        assert_eq!(
            call.get_dispatch_info().call_weight,
            <() as WeightInfo>::attach_policy_to_farm(2)
        );
        let post =
            TfgridModule::attach_policy_to_farm(RuntimeOrigin::root(), farm_id, None).unwrap();
        assert_eq!(
            post.actual_weight,
            Some(<() as WeightInfo>::attach_policy_to_farm(2))
        );
    });
}
