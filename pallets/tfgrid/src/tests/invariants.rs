//! The registry invariants that `do_try_state` checks catch broken state.

use super::*;
use crate::{FarmIdByName, NodeIdByTwinID, NodePower, NodesByFarmID, TwinIdByAccountID};

#[test]
fn try_state_detects_a_node_missing_from_its_farm_list() {
    run(|| {
        let (farm_id, node_id) = farm_with_node();
        NodesByFarmID::<Test>::remove(farm_id);
        assert!(TfgridModule::do_try_state().is_err());
        NodesByFarmID::<Test>::insert(farm_id, BoundedVec::try_from(vec![node_id]).unwrap());
    });
}

#[test]
fn try_state_detects_a_stale_twin_to_node_index() {
    run(|| {
        let (_, node_id) = farm_with_node();
        NodeIdByTwinID::<Test>::insert(9, node_id);
        assert!(TfgridModule::do_try_state().is_err());
        NodeIdByTwinID::<Test>::remove(9);
    });
}

#[test]
fn try_state_detects_power_state_of_a_missing_node() {
    run(|| {
        NodePower::<Test>::insert(9, tfchain_support::types::NodePower::default());
        assert!(TfgridModule::do_try_state().is_err());
        NodePower::<Test>::remove(9);
    });
}

#[test]
fn try_state_detects_a_farm_name_index_pointing_elsewhere() {
    run(|| {
        create_twin(&alice());
        let farm_id = create_farm(&alice(), b"alice_farm");
        FarmIdByName::<Test>::insert(b::<frame_support::traits::ConstU32<40>>(b"ghost"), farm_id);
        assert!(TfgridModule::do_try_state().is_err());
        FarmIdByName::<Test>::remove(b::<frame_support::traits::ConstU32<40>>(b"ghost"));
    });
}

#[test]
fn try_state_detects_an_id_above_its_counter() {
    run(|| {
        create_twin(&alice());
        TwinID::<Test>::put(0);
        assert!(TfgridModule::do_try_state().is_err());
        TwinID::<Test>::put(1);
        TwinIdByAccountID::<Test>::insert(bob(), 1);
        assert!(TfgridModule::do_try_state().is_err());
        TwinIdByAccountID::<Test>::remove(bob());
    });
}

#[test]
fn id_counters_that_would_overflow_fail_instead_of_wrapping() {
    run(|| {
        accept_tc(&alice());
        TwinID::<Test>::put(u32::MAX);
        frame_support::assert_noop!(
            TfgridModule::create_twin(RuntimeOrigin::signed(alice()), None, None),
            crate::Error::<Test>::StorageOverflow
        );
    });
}
