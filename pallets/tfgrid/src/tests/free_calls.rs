//! The free (`Pays::No`) calls are free only when valid and within their rate; otherwise they
//! pay. Fees are judged as `pallet-transaction-payment` does: the call's declared `Pays` (from
//! `get_dispatch_info`) combined with the `Pays` of the post-dispatch info of the result.

use super::*;
use crate::mock::{FREE_NODE_CALL_INTERVAL as FREE, UPTIME_REPORT_INTERVAL as UPTIME};
use crate::{weights::WeightInfo, Call, Error, NodeFreeCalls, NodesByFarmID};
use frame_support::{
    assert_noop,
    dispatch::{DispatchResultWithPostInfo, GetDispatchInfo, Pays},
    traits::UnfilteredDispatchable,
};
use tfchain_support::types::Power;

/// Dispatch `call` as `who`; returns the result and whether the sender really pays the fee.
fn dispatch(who: &AccountId32, call: Call<Test>) -> (DispatchResultWithPostInfo, Pays) {
    let info = call.get_dispatch_info();
    // Every free call declares `Pays::Yes`: the fee is withdrawn before dispatch and only
    // refunded when the post-dispatch info says `Pays::No`.
    assert_eq!(info.pays_fee, Pays::Yes);
    let result = call.dispatch_bypass_filter(RuntimeOrigin::signed(who.clone()));
    let post = match &result {
        Ok(post) => *post,
        Err(error) => error.post_info,
    };
    (result, post.pays_fee(&info))
}

fn report(uptime: u64) -> Call<Test> {
    Call::report_uptime { uptime }
}

fn report_v2(uptime: u64, timestamp_hint: u64) -> Call<Test> {
    Call::report_uptime_v2 {
        uptime,
        timestamp_hint,
    }
}

fn power(power_state: Power) -> Call<Test> {
    Call::change_power_state { power_state }
}

fn update(node_id: u32, farm_id: u32, cru: u64) -> Call<Test> {
    Call::update_node {
        node_id,
        farm_id,
        resources: Resources { cru, ..resources() },
        location: location(),
        interfaces: interfaces(),
        secure_boot: true,
        virtualized: true,
        serial_number: None,
    }
}

fn now() -> u64 {
    START_MILLIS / 1000
}

#[test]
fn uptime_reports_are_free_once_per_interval_and_pay_when_too_soon() {
    run(|| {
        farm_with_node();
        let (result, pays) = dispatch(&bob(), report(100));
        assert!(result.is_ok());
        assert_eq!(pays, Pays::No);

        // One block short of the interval: refused, not told to the hook, and paid.
        System::set_block_number(UPTIME);
        let (result, pays) = dispatch(&bob(), report_v2(200, now()));
        assert_eq!(
            result.map_err(|e| e.error),
            Err(Error::<Test>::UptimeReportTooSoon.into())
        );
        assert_eq!(pays, Pays::Yes);
        assert_eq!(uptime_reports().len(), 1);

        // At the interval: accepted and free again (v1 and v2 share the limit).
        System::set_block_number(1 + UPTIME);
        let (result, pays) = dispatch(&bob(), report_v2(300, now()));
        assert!(result.is_ok());
        assert_eq!(pays, Pays::No);
        let (result, pays) = dispatch(&bob(), report(400));
        assert!(result.is_err());
        assert_eq!(pays, Pays::Yes);
        assert_eq!(uptime_reports().len(), 2);
    });
}

#[test]
fn invalid_uptime_reports_pay() {
    run(|| {
        create_twin(&charlie());
        // No node.
        let (result, pays) = dispatch(&charlie(), report(100));
        assert!(result.is_err());
        assert_eq!(pays, Pays::Yes);
        // A timestamp hint beyond the drift.
        farm_with_node();
        let (result, pays) = dispatch(&bob(), report_v2(100, now() + 61));
        assert_eq!(
            result.map_err(|e| e.error),
            Err(Error::<Test>::InvalidTimestampHint.into())
        );
        assert_eq!(pays, Pays::Yes);
        // A refused report does not use up the node's free report.
        let (result, pays) = dispatch(&bob(), report_v2(100, now()));
        assert!(result.is_ok());
        assert_eq!(pays, Pays::No);
    });
}

#[test]
fn change_power_state_is_free_only_for_a_change_once_per_interval() {
    run(|| {
        farm_with_node();
        // Already up: nothing changes, and the caller pays.
        let (result, pays) = dispatch(&bob(), power(Power::Up));
        assert!(result.is_ok());
        assert_eq!(pays, Pays::Yes);
        // A change: free.
        let (result, pays) = dispatch(&bob(), power(Power::Down));
        assert!(result.is_ok());
        assert_eq!(pays, Pays::No);
        // Another change (Down in a later block is a new state) one block short of the
        // interval: recorded and told, but paid.
        System::set_block_number(FREE);
        let (result, pays) = dispatch(&bob(), power(Power::Up));
        assert!(result.is_ok());
        assert_eq!(pays, Pays::Yes);
        assert_eq!(
            crate::NodePower::<Test>::get(1).state,
            tfchain_support::types::PowerState::Up
        );
        // At the interval after the last free change: free again.
        System::set_block_number(1 + FREE);
        let (result, pays) = dispatch(&bob(), power(Power::Down));
        assert!(result.is_ok());
        assert_eq!(pays, Pays::No);
    });
}

#[test]
fn invalid_change_power_state_pays() {
    run(|| {
        create_twin(&charlie());
        let (result, pays) = dispatch(&charlie(), power(Power::Down));
        assert!(result.is_err());
        assert_eq!(pays, Pays::Yes);
    });
}

#[test]
fn update_node_is_free_once_per_interval() {
    run(|| {
        let (farm_id, node_id) = farm_with_node();
        let (result, pays) = dispatch(&bob(), update(node_id, farm_id, 8));
        assert!(result.is_ok());
        assert_eq!(pays, Pays::No);
        // One block short of the interval: applied, but paid.
        System::set_block_number(FREE);
        let (result, pays) = dispatch(&bob(), update(node_id, farm_id, 9));
        assert!(result.is_ok());
        assert_eq!(pays, Pays::Yes);
        assert_eq!(crate::Nodes::<Test>::get(node_id).unwrap().resources.cru, 9);
        // At the interval: free again.
        System::set_block_number(1 + FREE);
        let (result, pays) = dispatch(&bob(), update(node_id, farm_id, 10));
        assert!(result.is_ok());
        assert_eq!(pays, Pays::No);
    });
}

#[test]
fn invalid_update_node_pays() {
    run(|| {
        let (farm_id, node_id) = farm_with_node();
        // Not the node's twin.
        let (result, pays) = dispatch(&alice(), update(node_id, farm_id, 8));
        assert!(result.is_err());
        assert_eq!(pays, Pays::Yes);
        // Invalid capacity.
        let (result, pays) = dispatch(&bob(), update(node_id, farm_id, 0));
        assert!(result.is_err());
        assert_eq!(pays, Pays::Yes);
        // Refused updates do not use up the free one.
        let (result, pays) = dispatch(&bob(), update(node_id, farm_id, 8));
        assert!(result.is_ok());
        assert_eq!(pays, Pays::No);
    });
}

#[test]
fn deleting_a_node_forgets_its_free_call_record() {
    run(|| {
        let (_, node_id) = farm_with_node();
        assert_ok!(TfgridModule::report_uptime(RuntimeOrigin::signed(bob()), 1));
        assert!(NodeFreeCalls::<Test>::contains_key(node_id));
        assert_ok!(TfgridModule::delete_node(
            RuntimeOrigin::signed(bob()),
            node_id
        ));
        assert!(!NodeFreeCalls::<Test>::contains_key(node_id));
    });
}

#[test]
fn declared_weights_include_the_listeners_and_the_bounds() {
    run(|| {
        let max_nodes = MAX_NODES_PER_FARM;
        assert_eq!(
            power(Power::Down).get_dispatch_info().call_weight,
            <() as WeightInfo>::change_power_state() + POWER_HOOK_WEIGHT
        );
        assert_eq!(
            Call::<Test>::delete_node { node_id: 1 }
                .get_dispatch_info()
                .call_weight,
            <() as WeightInfo>::delete_node(max_nodes) + NODE_DELETED_HOOK_WEIGHT
        );
        assert_eq!(
            Call::<Test>::delete_node_farm { node_id: 1 }
                .get_dispatch_info()
                .call_weight,
            <() as WeightInfo>::delete_node_farm(max_nodes) + NODE_DELETED_HOOK_WEIGHT
        );
        assert_eq!(
            update(1, 1, 8).get_dispatch_info().call_weight,
            <() as WeightInfo>::update_node(1, max_nodes) + NODE_CHANGED_HOOK_WEIGHT
        );
        let create = Call::<Test>::create_node {
            farm_id: 1,
            resources: resources(),
            location: location(),
            interfaces: interfaces(),
            secure_boot: true,
            virtualized: true,
            serial_number: None,
        };
        assert_eq!(
            create.get_dispatch_info().call_weight,
            <() as WeightInfo>::create_node(1, max_nodes) + NODE_CHANGED_HOOK_WEIGHT
        );
        let ips = BoundedVec::try_from(vec![public_ip(2), public_ip(3)]).unwrap();
        assert_eq!(
            Call::<Test>::create_farm {
                name: b(b"farm"),
                public_ips: ips
            }
            .get_dispatch_info()
            .call_weight,
            <() as WeightInfo>::create_farm(2)
        );
    });
}

#[test]
fn delete_node_returns_the_weight_of_the_farm_it_searched() {
    run(|| {
        let (farm_id, node_id) = farm_with_node();
        assert_eq!(NodesByFarmID::<Test>::get(farm_id).len(), 1);
        let post = TfgridModule::delete_node(RuntimeOrigin::signed(bob()), node_id).unwrap();
        assert_eq!(
            post.actual_weight,
            Some(<() as WeightInfo>::delete_node(1) + NODE_DELETED_HOOK_WEIGHT)
        );
        // An update that stays in its farm searches no farm list.
        create_twin(&charlie());
        let node_id = create_node(&charlie(), farm_id);
        let post = TfgridModule::update_node(
            RuntimeOrigin::signed(charlie()),
            node_id,
            farm_id,
            resources(),
            location(),
            interfaces(),
            true,
            true,
            None,
        )
        .unwrap();
        assert_eq!(
            post.actual_weight,
            Some(<() as WeightInfo>::update_node(1, 0) + NODE_CHANGED_HOOK_WEIGHT)
        );
        assert_noop!(
            TfgridModule::report_uptime_v2(RuntimeOrigin::signed(charlie()), 1, now() + 3600),
            Error::<Test>::InvalidTimestampHint
        );
    });
}

#[test]
fn the_rate_limits_are_constants_in_the_metadata() {
    run(|| {
        let constants = TfgridModule::pallet_constants_metadata();
        for name in ["UptimeReportInterval", "FreeNodeCallInterval"] {
            let constant = constants
                .iter()
                .find(|c| c.name == name)
                .expect("constant in the metadata");
            assert_eq!(constant.value, codec::Encode::encode(&100u64));
        }
    });
}

#[test]
fn a_chain_spec_may_lift_the_rate_limits() {
    run(|| {
        farm_with_node();
        crate::UptimeReportIntervalBlocks::set(&0);
        crate::FreeNodeCallIntervalBlocks::set(&0);
        for uptime in [1, 2, 3] {
            let (result, pays) = dispatch(&bob(), report(uptime));
            assert!(result.is_ok());
            assert_eq!(pays, Pays::No);
        }
        for state in [Power::Down, Power::Up, Power::Down] {
            let (result, pays) = dispatch(&bob(), power(state));
            assert!(result.is_ok());
            assert_eq!(pays, Pays::No);
        }
        assert_eq!(
            sp_io::storage::get(&sp_io::hashing::twox_128(b":UptimeReportIntervalBlocks:")),
            Some(codec::Encode::encode(&0u32).into())
        );
    });
}
