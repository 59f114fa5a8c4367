//! pallet-tfgrid's hooks: node deletion, active-contract queries and IP removal.

use super::*;
use crate::{ActiveRentContractForNode, Contracts};
use frame_support::{assert_noop, assert_ok, traits::ReservableCurrency};
use tfchain_support::traits::{NodeActiveContracts, PublicIpModifier};
use tfchain_support::types::Power;

#[test]
fn deleting_a_node_bills_and_removes_its_contracts() {
    run(|| {
        prepare_grid();
        let rent = create_rent_contract();
        let node_contract = create_node_contract(1);
        bill_at_block(11);
        go_to_block(15);
        assert_ok!(TfgridModule::delete_node(signed(&bob()), NODE));
        // Queued in the call, ended by `on_idle`.
        assert!(Contracts::<Test>::get(node_contract).is_some());
        idle();
        assert!(crate::NodesToTearDown::<Test>::get(NODE).is_none());
        assert!(Contracts::<Test>::get(rent).is_none());
        assert!(Contracts::<Test>::get(node_contract).is_none());
        assert!(ActiveRentContractForNode::<Test>::get(NODE).is_none());
        let events = contract_events();
        assert!(events.contains(&ContractEvent::RentContractCanceled { contract_id: rent }));
        assert!(events.contains(&ContractEvent::NodeContractCanceled {
            contract_id: node_contract,
            node_id: NODE,
            twin_id: CHARLIE_TWIN,
        }));
        assert_eq!(reserved(&charlie()), 0);
    });
}

#[test]
fn a_node_with_contracts_cannot_be_powered_down() {
    run(|| {
        prepare_grid();
        assert!(SmartContractModule::node_has_no_active_contracts(NODE));
        let id = create_node_contract(0);
        assert!(!SmartContractModule::node_has_no_active_contracts(NODE));
        assert_noop!(
            TfgridModule::change_power_target(signed(&alice()), NODE, Power::Down),
            pallet_tfgrid::Error::<Test>::NodeHasActiveContracts
        );
        assert_ok!(SmartContractModule::cancel_contract(signed(&charlie()), id));
        create_rent_contract();
        assert!(!SmartContractModule::node_has_no_active_contracts(NODE));
    });
}

#[test]
fn a_removed_ip_is_no_longer_held_nor_billed() {
    run(|| {
        prepare_grid();
        let id = create_node_contract(1);
        let mut farm = pallet_tfgrid::Farms::<Test>::get(FARM).unwrap();
        let ip = farm.public_ips[0].clone();
        farm.public_ips[0].contract_id = 0;
        pallet_tfgrid::Farms::<Test>::insert(FARM, farm);
        SmartContractModule::ip_removed(&ip);
        let contract = Contracts::<Test>::get(id).unwrap();
        let ContractData::NodeContract(node_contract) = contract.contract_type else {
            panic!("a node contract")
        };
        assert_eq!(node_contract.public_ips, 0);
        assert!(node_contract.public_ips_list.is_empty());
    });
}

#[test]
fn attack_a_failed_final_bill_on_node_deletion_strands_the_reserves() {
    run(|| {
        prepare_grid();
        let id = create_node_contract(1);
        bill_at_block(11);
        let held = reserved(&charlie());
        assert!(held > 0);
        // A zero TFT price makes the final bill fail: the contract is removed unbilled.
        set_tft_price(0, 0, 0);
        go_to_block(15);
        assert_ok!(TfgridModule::delete_node(signed(&bob()), NODE));
        idle();
        assert!(Contracts::<Test>::get(id).is_none());
        assert!(crate::ContractPaymentState::<Test>::get(id).is_none());
        // What it had reserved and not distributed goes back to Charlie.
        assert_eq!(reserved(&charlie()), 0);
        assert_eq!(free(&charlie()), USER_BALANCE);
    });
}

#[test]
fn try_state_flags_reserves_that_no_live_contract_accounts_for() {
    run(|| {
        prepare_grid();
        let id = create_name_contract(b"gateway");
        go_to_block(11);
        assert_ok!(SmartContractModule::bill_contract(id));
        assert!(reserved(&charlie()) > 0);
        assert_ok!(SmartContractModule::do_try_state());
        // A contract dropped without releasing its reserve.
        Contracts::<Test>::remove(id);
        crate::ContractPaymentState::<Test>::remove(id);
        crate::ContractsToBillAt::<Test>::mutate(1, |ids| ids.retain(|other| *other != id));
        crate::ContractIDByNameRegistration::<Test>::remove(NameContractName::<Test>(b(b"gateway")));
        assert!(SmartContractModule::do_try_state().is_err());
        // Released, the state is consistent again.
        let held = reserved(&charlie());
        Balances::unreserve(&charlie(), held);
        assert_ok!(SmartContractModule::do_try_state());
    });
}
