//! The answers to pallet-tfgrid's hooks: node deletion ends the contracts on the node, a node
//! waking up restarts the billing clock of its rent, an IP taken back from a contract is freed,
//! and a node with contracts may not be powered down.

use crate::{types::*, *};
use tfchain_support::{
    traits::{ChangeNode, NodeActiveContracts, PublicIpModifier},
    types::{Node, PublicIP},
};

impl<T: Config, Location, Interfaces, SerialNumber> ChangeNode<Location, Interfaces, SerialNumber>
    for Pallet<T>
{
    fn node_changed(
        _old: Option<&Node<Location, Interfaces, SerialNumber>>,
        _new: &Node<Location, Interfaces, SerialNumber>,
    ) {
    }

    /// Every contract on the node gets its final bill and is removed (node contracts first,
    /// then the rent contract): queued here in O(1), ended by `on_idle` (see [`crate::teardown`]).
    /// Weight: [`Pallet::node_deleted_weight`].
    fn node_deleted(node: &Node<Location, Interfaces, SerialNumber>) {
        Self::queue_teardown(
            node.id,
            node.farm_id,
            node.certification,
            node.resources,
            Cause::CanceledByUser,
            true,
        );
    }

    /// O(1): the node is only queued (benchmark `node_deleted`).
    fn node_deleted_weight() -> frame_support::weights::Weight {
        Self::node_deleted_weight()
    }

    /// Benchmark `node_power_state_changed`: a rented node's rent restarts its clock.
    fn node_power_state_changed_weight() -> frame_support::weights::Weight {
        <T as Config>::WeightInfo::node_power_state_changed()
    }

    /// A rented node that is up again is billed from now on: its standby time is free.
    fn node_power_state_changed(node: &Node<Location, Interfaces, SerialNumber>) {
        if pallet_tfgrid::NodePower::<T>::get(node.id).is_standby() {
            return;
        }
        if let Some(rent_id) = ActiveRentContractForNode::<T>::get(node.id) {
            crate::ContractPaymentState::<T>::mutate(rent_id, |payment| {
                if let Some(payment) = payment {
                    payment.last_updated_seconds = Self::now_secs();
                }
            });
        }
    }
}

impl<T: Config> PublicIpModifier for Pallet<T> {
    /// The farm took `ip` back from its contract: the contract no longer holds (nor pays for)
    /// it.
    fn ip_removed(ip: &PublicIP) {
        let Some(mut contract) = Contracts::<T>::get(ip.contract_id) else {
            return;
        };
        let ContractData::NodeContract(node_contract) = &mut contract.contract_type else {
            return;
        };
        let before = node_contract.public_ips_list.len();
        node_contract
            .public_ips_list
            .retain(|held| held.ip != ip.ip);
        if node_contract.public_ips_list.len() == before {
            return;
        }
        node_contract.public_ips = node_contract.public_ips_list.len() as u32;
        Contracts::<T>::insert(ip.contract_id, contract);
    }

    /// Benchmark `ip_removed`: one contract read and written.
    fn ip_removed_weight() -> frame_support::weights::Weight {
        <T as Config>::WeightInfo::ip_removed()
    }
}

impl<T: Config> NodeActiveContracts for Pallet<T> {
    fn node_has_no_active_contracts(node_id: u32) -> bool {
        Self::has_no_active_contracts(node_id)
    }

    /// Benchmark `node_has_no_active_contracts`: a full list of node contracts read.
    fn node_has_no_active_contracts_weight() -> frame_support::weights::Weight {
        <T as Config>::WeightInfo::node_has_no_active_contracts()
    }
}
