//! Wire layout: call indices, event and error indices, storage names, record encodings.

use super::*;
use crate::{Call, Error, Farms, Nodes};
use codec::Encode;
use frame_support::traits::{GetCallIndex, GetCallName, StorageInfoTrait};
use tfchain_support::types::{Power, PowerState};

#[test]
fn calls_have_the_upstream_names_and_indices() {
    run(|| {
        let expected = [
            ("set_storage_version", 0),
            ("create_farm", 1),
            ("update_farm", 2),
            ("add_stellar_payout_v2address", 3),
            ("set_farm_certification", 4),
            ("add_farm_ip", 5),
            ("remove_farm_ip", 6),
            ("create_node", 8),
            ("update_node", 9),
            ("set_node_certification", 10),
            ("report_uptime", 11),
            ("add_node_public_config", 12),
            ("delete_node", 13),
            ("create_entity", 14),
            ("update_entity", 15),
            ("delete_entity", 16),
            ("create_twin", 17),
            ("update_twin", 18),
            ("add_twin_entity", 19),
            ("delete_twin_entity", 20),
            ("create_pricing_policy", 22),
            ("update_pricing_policy", 23),
            ("create_farming_policy", 24),
            ("user_accept_tc", 25),
            ("delete_node_farm", 26),
            ("set_farm_dedicated", 27),
            ("force_reset_farm_ip", 28),
            ("set_connection_price", 29),
            ("add_node_certifier", 30),
            ("remove_node_certifier", 31),
            ("update_farming_policy", 32),
            ("attach_policy_to_farm", 33),
            ("set_zos_version", 34),
            ("change_power_state", 35),
            ("change_power_target", 36),
            ("bond_twin_account", 37),
            ("report_uptime_v2", 38),
        ];
        let actual: Vec<(&str, u8)> = Call::<Test>::get_call_names()
            .iter()
            .copied()
            .zip(Call::<Test>::get_call_indices().iter().copied())
            .collect();
        assert_eq!(actual, expected.to_vec());
        let call = Call::<Test>::report_uptime_v2 {
            uptime: 1,
            timestamp_hint: 2,
        };
        assert_eq!(
            call.encode(),
            [vec![38], 1u64.encode(), 2u64.encode()].concat()
        );
    });
}

#[test]
fn events_and_errors_keep_their_upstream_indices() {
    run(|| {
        assert_eq!(TfgridEvent::<Test>::FarmDeleted(1).encode()[0], 2);
        assert_eq!(
            TfgridEvent::<Test>::TwinAccountBounded(1, alice()).encode()[0],
            16
        );
        assert_eq!(
            TfgridEvent::<Test>::PowerTargetChanged {
                farm_id: 1,
                node_id: 2,
                power_target: Power::Down
            }
            .encode(),
            [vec![29], 1u32.encode(), 2u32.encode(), vec![1]].concat()
        );
        assert_eq!(
            TfgridEvent::<Test>::PowerStateChanged {
                farm_id: 1,
                node_id: 2,
                power_state: PowerState::Up
            }
            .encode()[0],
            30
        );
        assert_eq!(Error::<Test>::StorageOverflow.encode(), vec![1]);
        assert_eq!(Error::<Test>::InvalidTimestampHint.encode(), vec![114]);
        assert_eq!(Error::<Test>::InvalidStorageInput.encode(), vec![115]);
        assert_eq!(Error::<Test>::FarmingPolicyImmutable.encode(), vec![116]);
        assert_eq!(Error::<Test>::StashAlreadyBonded.encode(), vec![117]);
        assert_eq!(Error::<Test>::UptimeReportTooSoon.encode(), vec![118]);
        assert_eq!(Error::<Test>::EntityNameTooLong.encode(), vec![119]);
        assert_eq!(Error::<Test>::PolicyNameTooLong.encode(), vec![120]);
        assert_eq!(Error::<Test>::StellarAddressTooLong.encode(), vec![121]);
        assert_eq!(Error::<Test>::ZosVersionTooLong.encode(), vec![122]);
    });
}

#[test]
fn storage_items_have_the_upstream_names_in_order_and_are_bounded() {
    run(|| {
        let info = <TfgridModule as StorageInfoTrait>::storage_info();
        let names: Vec<String> = info
            .iter()
            .map(|item| String::from_utf8(item.storage_name.clone()).unwrap())
            .collect();
        assert_eq!(
            names,
            vec![
                "Farms",
                "NodesByFarmID",
                "FarmIdByName",
                "FarmPayoutV2AddressByFarmID",
                "Nodes",
                "NodeIdByTwinID",
                "Entities",
                "EntityIdByAccountID",
                "EntityIdByName",
                "Twins",
                "TwinIdByAccountID",
                "TwinBoundedAccountID",
                "PricingPolicies",
                "PricingPolicyIdByName",
                "FarmingPoliciesMap",
                "UsersTermsAndConditions",
                "AllowedNodeCertifiers",
                "ConnectionPrice",
                "FarmID",
                "NodeID",
                "EntityID",
                "TwinID",
                "PricingPolicyID",
                "FarmingPolicyID",
                "PalletVersion",
                "ZosVersion",
                "NodePower",
                // New (issue 12), after the upstream items.
                "TwinIdByBoundedAccountID",
                "EntityNonceByAccountID",
                "FarmLimitsTakenByNode",
                // New (issue 11): rate limits of the free calls.
                "NodeFreeCalls",
            ]
        );
        assert!(info
            .iter()
            .all(|item| item.pallet_name == b"TfgridModule".to_vec() && item.max_size.is_some()));
    });
}

#[test]
fn farm_and_node_records_encode_field_by_field_like_upstream() {
    run(|| {
        let (farm_id, node_id) = farm_with_node();
        let farm = Farms::<Test>::get(farm_id).unwrap();
        let ip = &farm.public_ips[0];
        let expected_farm = [
            4u32.encode(),
            1u32.encode(),
            b"alice_farm".to_vec().encode(),
            1u32.encode(),
            1u32.encode(),
            vec![0],
            vec![(ip.ip.to_vec(), ip.gateway.to_vec(), 0u64)].encode(),
            false.encode(),
            None::<()>.encode(),
        ]
        .concat();
        assert_eq!(farm.encode(), expected_farm);

        let node = Nodes::<Test>::get(node_id).unwrap();
        let expected_node = [
            5u32.encode(),
            1u32.encode(),
            1u32.encode(),
            2u32.encode(),
            (1024 * GIB, 512 * GIB, 8u64, 16 * GIB).encode(),
            (
                b"Ghent".to_vec(),
                b"Belgium".to_vec(),
                b"12.233213231".to_vec(),
                b"32.323112123".to_vec(),
            )
                .encode(),
            None::<()>.encode(),
            (START_MILLIS / 1000).encode(),
            1u32.encode(),
            vec![(
                b"zos".to_vec(),
                b"00:00:5e:00:53:af".to_vec(),
                vec![b"10.2.3.3".to_vec()],
            )]
            .encode(),
            vec![0],
            true.encode(),
            true.encode(),
            Some(b"some_serial".to_vec()).encode(),
            80u32.encode(),
        ]
        .concat();
        assert_eq!(node.encode(), expected_node);
    });
}
