//! Node power state (reported by the node) and power target (asked by the farmer).

use super::*;
use crate::{Error, NodePower};
use frame_support::{assert_noop, dispatch::Pays};
use tfchain_support::types::{NodePower as NodePowerOf, Power, PowerState};

#[test]
fn change_power_state_down_records_the_block_and_notifies() {
    run(|| {
        let (farm_id, node_id) = farm_with_node();
        System::set_block_number(7);
        let info =
            TfgridModule::change_power_state(RuntimeOrigin::signed(bob()), Power::Down).unwrap();
        assert_eq!(info.pays_fee, Pays::No);
        assert_eq!(
            NodePower::<Test>::get(node_id),
            NodePowerOf {
                state: PowerState::Down(7),
                target: Power::Up
            }
        );
        assert_eq!(
            node_hook_calls().last(),
            Some(&NodeHookCall::PowerStateChanged(node_id))
        );
        assert_eq!(
            last_event(),
            TfgridEvent::PowerStateChanged {
                farm_id,
                node_id,
                power_state: PowerState::Down(7)
            }
        );
    });
}

#[test]
fn change_power_state_to_the_current_state_does_nothing() {
    run(|| {
        farm_with_node();
        let events = tfgrid_events().len();
        assert_ok!(TfgridModule::change_power_state(
            RuntimeOrigin::signed(bob()),
            Power::Up
        ));
        assert_eq!(tfgrid_events().len(), events);
        assert!(!node_hook_calls()
            .iter()
            .any(|call| matches!(call, NodeHookCall::PowerStateChanged(_))));
    });
}

#[test]
fn change_power_state_down_again_in_a_later_block_is_a_change() {
    run(|| {
        let (_, node_id) = farm_with_node();
        assert_ok!(TfgridModule::change_power_state(
            RuntimeOrigin::signed(bob()),
            Power::Down
        ));
        System::set_block_number(9);
        assert_ok!(TfgridModule::change_power_state(
            RuntimeOrigin::signed(bob()),
            Power::Down
        ));
        assert_eq!(NodePower::<Test>::get(node_id).state, PowerState::Down(9));
    });
}

#[test]
fn change_power_state_errors() {
    run(|| {
        assert_noop!(
            TfgridModule::change_power_state(RuntimeOrigin::signed(bob()), Power::Down),
            Error::<Test>::TwinNotExists
        );
        create_twin(&bob());
        assert_noop!(
            TfgridModule::change_power_state(RuntimeOrigin::signed(bob()), Power::Down),
            Error::<Test>::NodeNotExists
        );
    });
}

#[test]
fn change_power_target_sets_the_target() {
    run(|| {
        let (farm_id, node_id) = farm_with_node();
        assert_ok!(TfgridModule::change_power_target(
            RuntimeOrigin::signed(alice()),
            node_id,
            Power::Down
        ));
        assert_eq!(
            NodePower::<Test>::get(node_id),
            NodePowerOf {
                state: PowerState::Up,
                target: Power::Down
            }
        );
        assert_eq!(
            last_event(),
            TfgridEvent::PowerTargetChanged {
                farm_id,
                node_id,
                power_target: Power::Down
            }
        );
        // Emitted even when the target does not change.
        assert_ok!(TfgridModule::change_power_target(
            RuntimeOrigin::signed(alice()),
            node_id,
            Power::Down
        ));
        assert_eq!(
            last_event(),
            TfgridEvent::PowerTargetChanged {
                farm_id,
                node_id,
                power_target: Power::Down
            }
        );
    });
}

#[test]
fn change_power_target_down_of_a_node_with_contracts_fails() {
    run(|| {
        let (_, node_id) = farm_with_node();
        set_node_has_contracts(node_id);
        assert_noop!(
            TfgridModule::change_power_target(RuntimeOrigin::signed(alice()), node_id, Power::Down),
            Error::<Test>::NodeHasActiveContracts
        );
        assert_ok!(TfgridModule::change_power_target(
            RuntimeOrigin::signed(alice()),
            node_id,
            Power::Up
        ));
    });
}

#[test]
fn change_power_target_errors() {
    run(|| {
        assert_noop!(
            TfgridModule::change_power_target(RuntimeOrigin::signed(alice()), 1, Power::Down),
            Error::<Test>::TwinNotExists
        );
        let (_, node_id) = farm_with_node();
        assert_noop!(
            TfgridModule::change_power_target(RuntimeOrigin::signed(alice()), 9, Power::Down),
            Error::<Test>::NodeNotExists
        );
        assert_noop!(
            TfgridModule::change_power_target(RuntimeOrigin::signed(bob()), node_id, Power::Down),
            Error::<Test>::UnauthorizedToChangePowerTarget
        );
    });
}
