//! Nodes: registration, update, deletion, public config, uptime and certification.

use super::*;
use crate::{AllowedNodeCertifiers, Error, NodeIdByTwinID, NodePower, Nodes, NodesByFarmID};
use frame_support::assert_noop;
use sp_runtime::DispatchError;
use tfchain_support::types::{NodeCertification, Power, PublicConfig, IP6};

fn node_ids(farm_id: u32) -> Vec<u32> {
    NodesByFarmID::<Test>::get(farm_id).to_vec()
}

fn create_with(
    who: &AccountId32,
    farm_id: u32,
    resources: Resources,
    location: LocationInputOf,
    interfaces: InterfaceInput<Test>,
    serial: Option<&[u8]>,
) -> sp_runtime::DispatchResult {
    TfgridModule::create_node(
        RuntimeOrigin::signed(who.clone()),
        farm_id,
        resources,
        location,
        interfaces,
        false,
        false,
        serial.map(b),
    )
}

fn update_with(
    who: &AccountId32,
    node_id: u32,
    farm_id: u32,
    resources: Resources,
) -> frame_support::dispatch::DispatchResultWithPostInfo {
    TfgridModule::update_node(
        RuntimeOrigin::signed(who.clone()),
        node_id,
        farm_id,
        resources,
        location(),
        interfaces(),
        false,
        true,
        None,
    )
}

fn interface(name: &[u8], mac: &[u8], ips: &[&[u8]]) -> InterfaceInput<Test> {
    BoundedVec::try_from(vec![Interface {
        name: b(name),
        mac: b(mac),
        ips: BoundedVec::try_from(ips.iter().map(|ip| b(ip)).collect::<Vec<_>>()).unwrap(),
    }])
    .unwrap()
}

fn location_with(
    city: &[u8],
    country: &[u8],
    latitude: &[u8],
    longitude: &[u8],
) -> LocationInputOf {
    LocationInput {
        city: b(city),
        country: b(country),
        latitude: b(latitude),
        longitude: b(longitude),
    }
}

#[test]
fn create_node_stores_the_node_and_its_indexes() {
    run(|| {
        let (farm_id, node_id) = farm_with_node();
        let node = Nodes::<Test>::get(node_id).unwrap();
        assert_eq!(node.version, TFGRID_NODE_VERSION);
        assert_eq!(node.id, 1);
        assert_eq!(node.farm_id, farm_id);
        assert_eq!(node.twin_id, 2);
        assert_eq!(node.resources, resources());
        assert_eq!(node.location.latitude.to_vec(), b"12.233213231".to_vec());
        assert_eq!(node.public_config, None);
        assert_eq!(node.created, START_MILLIS / 1000);
        // The DIY default policy: the farm and the node are not certified.
        assert_eq!(node.farming_policy_id, 1);
        assert_eq!(node.interfaces.len(), 1);
        assert_eq!(node.certification, NodeCertification::Diy);
        assert!(node.secure_boot && node.virtualized);
        assert!(node.serial_number.is_some());
        assert_eq!(node.connection_price, 80);
        assert_eq!(NodeID::<Test>::get(), 1);
        assert_eq!(NodeIdByTwinID::<Test>::get(2), node_id);
        assert_eq!(node_ids(farm_id), vec![node_id]);
        assert_eq!(
            node_hook_calls(),
            vec![NodeHookCall::Changed {
                old: None,
                new: node_id
            }]
        );
        assert_eq!(last_event(), TfgridEvent::NodeStored(node));
    });
}

#[test]
fn create_node_in_a_farm_of_another_twin_is_allowed() {
    // Nodes register themselves with their own twin: farm ownership is not required.
    run(|| {
        let (farm_id, _) = farm_with_node();
        create_twin(&charlie());
        create_node(&charlie(), farm_id);
        assert_eq!(node_ids(farm_id), vec![1, 2]);
    });
}

#[test]
fn create_node_accepts_an_hdd_only_node() {
    run(|| {
        let (farm_id, _) = farm_with_node();
        create_twin(&charlie());
        let hdd_only = Resources {
            hru: 100 * GIB,
            sru: 0,
            cru: 2,
            mru: 4 * GIB,
        };
        assert_ok!(create_with(
            &charlie(),
            farm_id,
            hdd_only,
            location(),
            interfaces(),
            None
        ));
    });
}

#[test]
fn create_node_without_storage_fails_with_invalid_storage_input() {
    run(|| {
        let (farm_id, _) = farm_with_node();
        create_twin(&charlie());
        let no_disk = Resources {
            hru: 99 * GIB,
            sru: 99 * GIB,
            cru: 2,
            mru: 4 * GIB,
        };
        assert_noop!(
            create_with(&charlie(), farm_id, no_disk, location(), interfaces(), None),
            Error::<Test>::InvalidStorageInput
        );
    });
}

#[test]
fn create_node_validates_cpu_and_memory() {
    run(|| {
        let (farm_id, _) = farm_with_node();
        create_twin(&charlie());
        let no_cpu = Resources {
            cru: 0,
            ..resources()
        };
        assert_noop!(
            create_with(&charlie(), farm_id, no_cpu, location(), interfaces(), None),
            Error::<Test>::InvalidCRUInput
        );
        let little_memory = Resources {
            mru: GIB,
            ..resources()
        };
        assert_noop!(
            create_with(
                &charlie(),
                farm_id,
                little_memory,
                location(),
                interfaces(),
                None
            ),
            Error::<Test>::InvalidMRUInput
        );
    });
}

#[test]
fn create_node_validates_the_location() {
    run(|| {
        let (farm_id, _) = farm_with_node();
        create_twin(&charlie());
        let cases: [(LocationInputOf, Error<Test>); 8] = [
            (
                location_with(b"", b"Belgium", b"1", b"1"),
                Error::<Test>::CityNameTooShort,
            ),
            (
                location_with(b"Ghent", b"B", b"1", b"1"),
                Error::<Test>::CountryNameTooShort,
            ),
            (
                location_with(b"Ghent", b"Belgium", b"", b"1"),
                Error::<Test>::LatitudeInputTooShort,
            ),
            (
                location_with(b"Ghent", b"Belgium", b"90.5", b"1"),
                Error::<Test>::InvalidLatitudeInput,
            ),
            (
                location_with(b"Ghent", b"Belgium", b"30,35", b"1"),
                Error::<Test>::InvalidLatitudeInput,
            ),
            (
                location_with(b"Ghent", b"Belgium", b"NaN", b"1"),
                Error::<Test>::InvalidLatitudeInput,
            ),
            (
                location_with(b"Ghent", b"Belgium", b"1", b""),
                Error::<Test>::LongitudeInputTooShort,
            ),
            (
                location_with(b"Ghent", b"Belgium", b"1", b"-180.1"),
                Error::<Test>::InvalidLongitudeInput,
            ),
        ];
        for (location, error) in cases {
            assert_noop!(
                create_with(
                    &charlie(),
                    farm_id,
                    resources(),
                    location,
                    interfaces(),
                    None
                ),
                error
            );
        }
        let unknown = location_with(b"Unknown", b"Unknown", b"Unknown", b"Unknown");
        assert_ok!(create_with(
            &charlie(),
            farm_id,
            resources(),
            unknown,
            interfaces(),
            None
        ));
    });
}

#[test]
fn create_node_validates_the_interfaces() {
    run(|| {
        let (farm_id, _) = farm_with_node();
        create_twin(&charlie());
        let mac = &b"00:00:5e:00:53:af"[..];
        let ip = &b"10.2.3.3"[..];
        let cases: [(InterfaceInput<Test>, Error<Test>); 9] = [
            (
                interface(b"zo", mac, &[ip]),
                Error::<Test>::InterfaceNameTooShort,
            ),
            (
                interface(b"Zos", mac, &[ip]),
                Error::<Test>::InvalidInterfaceName,
            ),
            (
                interface(b"zos", b"00:00:5e:00:53", &[ip]),
                Error::<Test>::InterfaceMacTooShort,
            ),
            (
                interface(b"zos", b"00:00:5e:00:53:zz", &[ip]),
                Error::<Test>::InvalidMacAddress,
            ),
            (
                interface(b"zos", b"00-00-5e-00-53-af", &[ip]),
                Error::<Test>::InvalidMacAddress,
            ),
            (
                interface(b"zos", mac, &[b"1.1.1"]),
                Error::<Test>::InterfaceIpTooShort,
            ),
            (
                interface(b"zos", mac, &[b"10.2.3.3/24"]),
                Error::<Test>::InvalidInterfaceIP,
            ),
            (
                interface(b"zos", mac, &[b"10.2.3.256"]),
                Error::<Test>::InvalidInterfaceIP,
            ),
            (
                interface(b"zos", mac, &[b"2a10::1::2"]),
                Error::<Test>::InvalidInterfaceIP,
            ),
        ];
        for (interfaces, error) in cases {
            assert_noop!(
                create_with(
                    &charlie(),
                    farm_id,
                    resources(),
                    location(),
                    interfaces,
                    None
                ),
                error
            );
        }
        let ok = interface(b"eth0_1-a", mac, &[ip, b"2a10:b600:1::1"]);
        assert_ok!(create_with(
            &charlie(),
            farm_id,
            resources(),
            location(),
            ok,
            None
        ));
    });
}

#[test]
fn create_node_accepts_any_serial_number_up_to_128_bytes() {
    run(|| {
        let (farm_id, _) = farm_with_node();
        create_twin(&charlie());
        assert_ok!(create_with(
            &charlie(),
            farm_id,
            resources(),
            location(),
            interfaces(),
            Some(b"")
        ));
    });
}

#[test]
fn create_node_errors() {
    run(|| {
        create_twin(&alice());
        assert_noop!(
            create_with(&alice(), 1, resources(), location(), interfaces(), None),
            Error::<Test>::FarmNotExists
        );
        let farm_id = create_farm(&alice(), b"alice_farm");
        assert_noop!(
            create_with(&bob(), farm_id, resources(), location(), interfaces(), None),
            Error::<Test>::TwinNotExists
        );
        create_node(&alice(), farm_id);
        assert_noop!(
            create_with(
                &alice(),
                farm_id,
                resources(),
                location(),
                interfaces(),
                None
            ),
            Error::<Test>::NodeWithTwinIdExists
        );
    });
}

#[test]
fn create_node_in_a_full_farm_fails() {
    run(|| {
        create_twin(&alice());
        let farm_id = create_farm(&alice(), b"alice_farm");
        for i in 0..MAX_NODES_PER_FARM {
            let who = account(&format!("//node{i}"));
            create_twin(&who);
            create_node(&who, farm_id);
        }
        create_twin(&bob());
        assert_noop!(
            create_with(&bob(), farm_id, resources(), location(), interfaces(), None),
            Error::<Test>::StorageOverflow
        );
    });
}

#[test]
fn update_node_overwrites_the_submitted_fields() {
    run(|| {
        let (farm_id, node_id) = farm_with_node();
        let bigger = Resources {
            hru: 2048 * GIB,
            ..resources()
        };
        assert_ok!(update_with(&bob(), node_id, farm_id, bigger));
        let node = Nodes::<Test>::get(node_id).unwrap();
        assert_eq!(node.resources, bigger);
        assert!(!node.secure_boot && node.virtualized);
        assert_eq!(node.serial_number, None);
        assert_eq!(node.farming_policy_id, 1);
        assert_eq!(
            node_hook_calls().last(),
            Some(&NodeHookCall::Changed {
                old: Some(node_id),
                new: node_id
            })
        );
        assert_eq!(last_event(), TfgridEvent::NodeUpdated(node));
    });
}

#[test]
fn update_node_is_free_when_it_succeeds() {
    run(|| {
        let (farm_id, node_id) = farm_with_node();
        let info = update_with(&bob(), node_id, farm_id, resources()).unwrap();
        assert_eq!(info.pays_fee, frame_support::dispatch::Pays::No);
    });
}

#[test]
fn update_node_moves_the_node_between_farms() {
    run(|| {
        let (farm_id, node_id) = farm_with_node();
        let other_farm = create_farm(&alice(), b"other_farm");
        assert_ok!(update_with(&bob(), node_id, other_farm, resources()));
        assert_eq!(Nodes::<Test>::get(node_id).unwrap().farm_id, other_farm);
        assert!(node_ids(farm_id).is_empty());
        assert_eq!(node_ids(other_farm), vec![node_id]);
    });
}

#[test]
fn attack_moving_a_node_with_contracts_strands_their_ips_in_the_old_farm() {
    // Upstream moved the node: the contracts' IPs stayed taken in the old farm, and cancelling
    // the contracts later freed nothing there (they look in the node's new farm).
    run(|| {
        let (farm_id, node_id) = farm_with_node();
        let other_farm = create_farm(&alice(), b"other_farm");
        set_node_has_contracts(node_id);
        assert_noop!(
            update_with(&bob(), node_id, other_farm, resources()),
            Error::<Test>::NodeHasActiveContracts
        );
        assert_eq!(Nodes::<Test>::get(node_id).unwrap().farm_id, farm_id);
        assert_eq!(node_ids(farm_id), vec![node_id]);
    });
}

#[test]
fn update_node_with_contracts_in_the_same_farm_works() {
    run(|| {
        let (farm_id, node_id) = farm_with_node();
        set_node_has_contracts(node_id);
        assert_ok!(update_with(&bob(), node_id, farm_id, resources()));
        assert_eq!(Nodes::<Test>::get(node_id).unwrap().farm_id, farm_id);
    });
}

#[test]
fn update_node_downgrades_a_certified_node_whose_capacity_changed() {
    run(|| {
        let (farm_id, node_id) = farm_with_node();
        assert_ok!(TfgridModule::set_node_certification(
            RuntimeOrigin::root(),
            node_id,
            NodeCertification::Certified
        ));
        System::reset_events();
        let more_cpu = Resources {
            cru: 16,
            ..resources()
        };
        assert_ok!(update_with(&bob(), node_id, farm_id, more_cpu));
        let node = Nodes::<Test>::get(node_id).unwrap();
        assert_eq!(node.certification, NodeCertification::Diy);
        assert_eq!(
            tfgrid_events(),
            vec![
                TfgridEvent::NodeCertificationSet(node_id, NodeCertification::Diy),
                TfgridEvent::NodeUpdated(node)
            ]
        );
    });
}

#[test]
fn update_node_keeps_the_certification_when_the_capacity_barely_changes() {
    run(|| {
        let (farm_id, node_id) = farm_with_node();
        assert_ok!(TfgridModule::set_node_certification(
            RuntimeOrigin::root(),
            node_id,
            NodeCertification::Certified
        ));
        let same = Resources {
            hru: 1024 * GIB + GIB,
            ..resources()
        };
        assert_ok!(update_with(&bob(), node_id, farm_id, same));
        assert_eq!(
            Nodes::<Test>::get(node_id).unwrap().certification,
            NodeCertification::Certified
        );
    });
}

#[test]
fn update_node_errors() {
    run(|| {
        assert_noop!(
            update_with(&bob(), 1, 1, resources()),
            Error::<Test>::NodeNotExists
        );
        let (farm_id, node_id) = farm_with_node();
        assert_noop!(
            update_with(&charlie(), node_id, farm_id, resources()),
            Error::<Test>::TwinNotExists
        );
        assert_noop!(
            update_with(&alice(), node_id, farm_id, resources()),
            Error::<Test>::NodeUpdateNotAuthorized
        );
        assert_noop!(
            update_with(&bob(), node_id, 9, resources()),
            Error::<Test>::FarmNotExists
        );
        let no_disk = Resources {
            hru: 0,
            sru: 0,
            ..resources()
        };
        assert_noop!(
            update_with(&bob(), node_id, farm_id, no_disk),
            Error::<Test>::InvalidStorageInput
        );
        assert_noop!(
            TfgridModule::update_node(
                RuntimeOrigin::signed(bob()),
                node_id,
                farm_id,
                resources(),
                location_with(b"Ghent", b"Belgium", b"91", b"1"),
                interfaces(),
                false,
                false,
                None,
            ),
            Error::<Test>::InvalidLatitudeInput
        );
        assert_noop!(
            TfgridModule::update_node(
                RuntimeOrigin::signed(bob()),
                node_id,
                farm_id,
                resources(),
                location(),
                interface(b"zos", b"00:00:5e:00:53:af", &[b"10.2.3"]),
                false,
                false,
                None,
            ),
            Error::<Test>::InterfaceIpTooShort
        );
    });
}

#[test]
fn add_node_public_config_sets_and_clears_the_config() {
    run(|| {
        let (farm_id, node_id) = farm_with_node();
        let config = PublicConfig {
            ip4: IP4 {
                ip: b(b"185.206.122.33/24"),
                gw: b(b"185.206.122.1"),
            },
            ip6: Some(IP6 {
                ip: b(b"2a10:b600:1::0cc4:7a30:65b5/64"),
                gw: b(b"2a10:b600:1::1"),
            }),
            domain: Some(b(b"some-domain.com")),
        };
        assert_ok!(TfgridModule::add_node_public_config(
            RuntimeOrigin::signed(alice()),
            farm_id,
            node_id,
            Some(config.clone())
        ));
        assert_eq!(
            Nodes::<Test>::get(node_id).unwrap().public_config,
            Some(config.clone())
        );
        assert_eq!(
            last_event(),
            TfgridEvent::NodePublicConfigStored(node_id, Some(config))
        );
        assert_ok!(TfgridModule::add_node_public_config(
            RuntimeOrigin::signed(alice()),
            farm_id,
            node_id,
            None
        ));
        assert_eq!(Nodes::<Test>::get(node_id).unwrap().public_config, None);
        assert_eq!(
            last_event(),
            TfgridEvent::NodePublicConfigStored(node_id, None)
        );
    });
}

#[test]
fn add_node_public_config_errors() {
    run(|| {
        let set = |who: AccountId32, farm_id: u32, node_id: u32, config: Option<PublicConfig>| {
            TfgridModule::add_node_public_config(
                RuntimeOrigin::signed(who),
                farm_id,
                node_id,
                config,
            )
        };
        assert_noop!(set(alice(), 1, 1, None), Error::<Test>::FarmNotExists);
        let (farm_id, node_id) = farm_with_node();
        assert_noop!(
            set(bob(), farm_id, node_id, None),
            Error::<Test>::CannotUpdateFarmWrongTwin
        );
        assert_noop!(set(alice(), farm_id, 9, None), Error::<Test>::NodeNotExists);
        let other_farm = create_farm(&alice(), b"other_farm");
        assert_noop!(
            set(alice(), other_farm, node_id, None),
            Error::<Test>::NodeUpdateNotAuthorized
        );
        let invalid = PublicConfig {
            ip4: IP4 {
                ip: b(b"185.206.122.33/24"),
                gw: b(b"185.206.123.1"),
            },
            ip6: None,
            domain: None,
        };
        assert_noop!(
            set(alice(), farm_id, node_id, Some(invalid)),
            Error::<Test>::InvalidPublicConfig
        );
    });
}

#[test]
fn delete_node_removes_the_node_and_every_index() {
    run(|| {
        let (farm_id, node_id) = farm_with_node();
        assert_ok!(TfgridModule::change_power_state(
            RuntimeOrigin::signed(bob()),
            Power::Down
        ));
        assert_ok!(TfgridModule::delete_node(
            RuntimeOrigin::signed(bob()),
            node_id
        ));
        assert!(!Nodes::<Test>::contains_key(node_id));
        assert!(node_ids(farm_id).is_empty());
        // Upstream left these two behind (deviation).
        assert!(!NodeIdByTwinID::<Test>::contains_key(2));
        assert!(!NodePower::<Test>::contains_key(node_id));
        assert_eq!(
            node_hook_calls().last(),
            Some(&NodeHookCall::Deleted(node_id))
        );
        assert_eq!(last_event(), TfgridEvent::NodeDeleted(node_id));
    });
}

#[test]
fn a_twin_can_register_a_new_node_after_deleting_its_node() {
    run(|| {
        let (farm_id, node_id) = farm_with_node();
        assert_ok!(TfgridModule::delete_node(
            RuntimeOrigin::signed(bob()),
            node_id
        ));
        let new_id = create_node(&bob(), farm_id);
        assert_eq!(new_id, node_id + 1);
        assert_eq!(NodeIdByTwinID::<Test>::get(2), new_id);
    });
}

#[test]
fn delete_node_of_a_node_moved_between_farms_finds_it_in_its_new_farm() {
    // Upstream's binary search could miss nodes in a list that moves left unsorted.
    run(|| {
        let (farm_id, node_id) = farm_with_node();
        let other_farm = create_farm(&alice(), b"other_farm");
        create_twin(&charlie());
        let other_node = create_node(&charlie(), other_farm);
        assert_ok!(update_with(&bob(), node_id, other_farm, resources()));
        assert_eq!(node_ids(other_farm), vec![other_node, node_id]);
        assert_ok!(TfgridModule::delete_node(
            RuntimeOrigin::signed(charlie()),
            other_node
        ));
        assert_eq!(node_ids(other_farm), vec![node_id]);
        assert!(node_ids(farm_id).is_empty());
    });
}

#[test]
fn delete_node_errors() {
    run(|| {
        assert_noop!(
            TfgridModule::delete_node(RuntimeOrigin::signed(bob()), 1),
            Error::<Test>::NodeNotExists
        );
        let (_, node_id) = farm_with_node();
        assert_noop!(
            TfgridModule::delete_node(RuntimeOrigin::signed(charlie()), node_id),
            Error::<Test>::TwinNotExists
        );
        assert_noop!(
            TfgridModule::delete_node(RuntimeOrigin::signed(alice()), node_id),
            Error::<Test>::NodeUpdateNotAuthorized
        );
    });
}

#[test]
fn delete_node_farm_lets_the_farmer_delete_a_node() {
    run(|| {
        let (farm_id, node_id) = farm_with_node();
        assert_ok!(TfgridModule::change_power_target(
            RuntimeOrigin::signed(alice()),
            node_id,
            Power::Down
        ));
        assert_ok!(TfgridModule::delete_node_farm(
            RuntimeOrigin::signed(alice()),
            node_id
        ));
        assert!(!Nodes::<Test>::contains_key(node_id));
        assert!(node_ids(farm_id).is_empty());
        assert!(!NodeIdByTwinID::<Test>::contains_key(2));
        assert!(!NodePower::<Test>::contains_key(node_id));
        assert_eq!(
            node_hook_calls().last(),
            Some(&NodeHookCall::Deleted(node_id))
        );
        assert_eq!(last_event(), TfgridEvent::NodeDeleted(node_id));
    });
}

#[test]
fn delete_node_farm_errors() {
    run(|| {
        assert_noop!(
            TfgridModule::delete_node_farm(RuntimeOrigin::signed(alice()), 1),
            Error::<Test>::TwinNotExists
        );
        let (_, node_id) = farm_with_node();
        assert_noop!(
            TfgridModule::delete_node_farm(RuntimeOrigin::signed(alice()), 9),
            Error::<Test>::NodeNotExists
        );
        assert_noop!(
            TfgridModule::delete_node_farm(RuntimeOrigin::signed(bob()), node_id),
            Error::<Test>::FarmerNotAuthorized
        );
    });
}

#[test]
fn report_uptime_emits_the_uptime_with_the_chain_time() {
    run(|| {
        let (_, node_id) = farm_with_node();
        let info = TfgridModule::report_uptime(RuntimeOrigin::signed(bob()), 500).unwrap();
        assert_eq!(info.pays_fee, frame_support::dispatch::Pays::No);
        assert_eq!(
            last_event(),
            TfgridEvent::NodeUptimeReported(node_id, START_MILLIS / 1000, 500)
        );
    });
}

#[test]
fn report_uptime_tells_the_uptime_hook_and_pays_for_it() {
    run(|| {
        let (farm_id, node_id) = farm_with_node();
        let now = START_MILLIS / 1000;
        assert_ok!(TfgridModule::report_uptime(
            RuntimeOrigin::signed(bob()),
            500
        ));
        System::set_block_number(1 + crate::mock::UPTIME_REPORT_INTERVAL);
        assert_ok!(TfgridModule::report_uptime_v2(
            RuntimeOrigin::signed(bob()),
            600,
            now
        ));
        assert_eq!(
            uptime_reports(),
            vec![(node_id, farm_id, now, 500), (node_id, farm_id, now, 600)]
        );
        use crate::weights::WeightInfo;
        use frame_support::dispatch::GetDispatchInfo;
        let v1 = crate::Call::<Test>::report_uptime { uptime: 500 }.get_dispatch_info();
        assert_eq!(
            v1.call_weight,
            <() as WeightInfo>::report_uptime() + UPTIME_HOOK_WEIGHT
        );
        let v2 = crate::Call::<Test>::report_uptime_v2 {
            uptime: 600,
            timestamp_hint: now,
        }
        .get_dispatch_info();
        assert_eq!(
            v2.call_weight,
            <() as WeightInfo>::report_uptime_v2() + UPTIME_HOOK_WEIGHT
        );
    });
}

#[test]
fn report_uptime_v2_accepts_a_hint_within_the_drift() {
    run(|| {
        let (_, node_id) = farm_with_node();
        let now = START_MILLIS / 1000;
        for (k, hint) in [now - 60, now, now + 60].into_iter().enumerate() {
            System::set_block_number(1 + k as u64 * crate::mock::UPTIME_REPORT_INTERVAL);
            assert_ok!(TfgridModule::report_uptime_v2(
                RuntimeOrigin::signed(bob()),
                500,
                hint
            ));
            assert_eq!(
                last_event(),
                TfgridEvent::NodeUptimeReported(node_id, now, 500)
            );
        }
    });
}

#[test]
fn report_uptime_v2_rejects_a_hint_beyond_the_drift() {
    run(|| {
        farm_with_node();
        let now = START_MILLIS / 1000;
        for hint in [now - 61, now + 61, now + 100] {
            assert_noop!(
                TfgridModule::report_uptime_v2(RuntimeOrigin::signed(bob()), 500, hint),
                Error::<Test>::InvalidTimestampHint
            );
        }
    });
}

#[test]
fn report_uptime_errors() {
    run(|| {
        assert_noop!(
            TfgridModule::report_uptime(RuntimeOrigin::signed(bob()), 500),
            Error::<Test>::TwinNotExists
        );
        create_twin(&bob());
        assert_noop!(
            TfgridModule::report_uptime(RuntimeOrigin::signed(bob()), 500),
            Error::<Test>::NodeNotExists
        );
        assert_noop!(
            TfgridModule::report_uptime_v2(RuntimeOrigin::signed(bob()), 500, START_MILLIS / 1000),
            Error::<Test>::NodeNotExists
        );
    });
}

#[test]
fn report_uptime_after_delete_node_fails_with_node_not_exists() {
    run(|| {
        let (_, node_id) = farm_with_node();
        assert_ok!(TfgridModule::delete_node(
            RuntimeOrigin::signed(bob()),
            node_id
        ));
        assert_noop!(
            TfgridModule::report_uptime(RuntimeOrigin::signed(bob()), 500),
            Error::<Test>::NodeNotExists
        );
    });
}

#[test]
fn add_node_certifier_keeps_the_list_sorted() {
    run(|| {
        assert_ok!(TfgridModule::add_node_certifier(
            RuntimeOrigin::root(),
            bob()
        ));
        assert_eq!(last_event(), TfgridEvent::NodeCertifierAdded(bob()));
        assert_ok!(TfgridModule::add_node_certifier(
            RuntimeOrigin::root(),
            alice()
        ));
        assert_ok!(TfgridModule::add_node_certifier(
            RuntimeOrigin::root(),
            charlie()
        ));
        let mut expected = vec![alice(), bob(), charlie()];
        expected.sort();
        assert_eq!(
            AllowedNodeCertifiers::<Test>::get().unwrap().to_vec(),
            expected
        );
    });
}

#[test]
fn add_node_certifier_errors() {
    run(|| {
        assert_noop!(
            TfgridModule::add_node_certifier(RuntimeOrigin::signed(alice()), bob()),
            DispatchError::BadOrigin
        );
        assert_ok!(TfgridModule::add_node_certifier(
            RuntimeOrigin::root(),
            bob()
        ));
        assert_noop!(
            TfgridModule::add_node_certifier(RuntimeOrigin::root(), bob()),
            Error::<Test>::AlreadyCertifier
        );
        for i in 1..MAX_NODE_CERTIFIERS {
            assert_ok!(TfgridModule::add_node_certifier(
                RuntimeOrigin::root(),
                account(&format!("//certifier{i}"))
            ));
        }
        assert_noop!(
            TfgridModule::add_node_certifier(RuntimeOrigin::root(), alice()),
            Error::<Test>::StorageOverflow
        );
    });
}

#[test]
fn remove_node_certifier_removes_it() {
    run(|| {
        assert_ok!(TfgridModule::add_node_certifier(
            RuntimeOrigin::root(),
            bob()
        ));
        assert_ok!(TfgridModule::remove_node_certifier(
            RuntimeOrigin::root(),
            bob()
        ));
        assert!(AllowedNodeCertifiers::<Test>::get().unwrap().is_empty());
        assert_eq!(last_event(), TfgridEvent::NodeCertifierRemoved(bob()));
    });
}

#[test]
fn remove_node_certifier_errors() {
    run(|| {
        assert_noop!(
            TfgridModule::remove_node_certifier(RuntimeOrigin::signed(alice()), bob()),
            DispatchError::BadOrigin
        );
        // Upstream returned Ok without an event while the list was empty (deviation).
        assert_noop!(
            TfgridModule::remove_node_certifier(RuntimeOrigin::root(), bob()),
            Error::<Test>::NotCertifier
        );
        assert_ok!(TfgridModule::add_node_certifier(
            RuntimeOrigin::root(),
            alice()
        ));
        assert_noop!(
            TfgridModule::remove_node_certifier(RuntimeOrigin::root(), bob()),
            Error::<Test>::NotCertifier
        );
    });
}

#[test]
fn set_node_certification_by_the_council_moves_the_node_to_the_certified_default_policy() {
    run(|| {
        let (_, node_id) = farm_with_node();
        System::reset_events();
        assert_ok!(TfgridModule::set_node_certification(
            RuntimeOrigin::root(),
            node_id,
            NodeCertification::Certified
        ));
        let node = Nodes::<Test>::get(node_id).unwrap();
        assert_eq!(node.certification, NodeCertification::Certified);
        assert_eq!(node.farming_policy_id, 2);
        assert_eq!(
            tfgrid_events(),
            vec![
                TfgridEvent::NodeUpdated(node),
                TfgridEvent::NodeCertificationSet(node_id, NodeCertification::Certified)
            ]
        );
    });
}

#[test]
fn set_node_certification_by_an_allowed_certifier_works() {
    run(|| {
        let (_, node_id) = farm_with_node();
        assert_ok!(TfgridModule::add_node_certifier(
            RuntimeOrigin::root(),
            charlie()
        ));
        assert_ok!(TfgridModule::set_node_certification(
            RuntimeOrigin::signed(charlie()),
            node_id,
            NodeCertification::Certified
        ));
        assert_eq!(
            Nodes::<Test>::get(node_id).unwrap().certification,
            NodeCertification::Certified
        );
    });
}

#[test]
fn set_node_certification_errors() {
    run(|| {
        let (_, node_id) = farm_with_node();
        assert_noop!(
            TfgridModule::set_node_certification(
                RuntimeOrigin::signed(charlie()),
                node_id,
                NodeCertification::Certified
            ),
            Error::<Test>::NotAllowedToCertifyNode
        );
        assert_noop!(
            TfgridModule::set_node_certification(
                RuntimeOrigin::none(),
                node_id,
                NodeCertification::Certified
            ),
            DispatchError::BadOrigin
        );
        assert_noop!(
            TfgridModule::set_node_certification(
                RuntimeOrigin::root(),
                9,
                NodeCertification::Certified
            ),
            Error::<Test>::NodeNotExists
        );
    });
}
