//! The pallet's storage invariants, checked by the `try_state` hook and after every test.

use crate::{types::*, *};
use alloc::collections::btree_map::BTreeMap;
use frame_support::{ensure, traits::ReservableCurrency};
use sp_runtime::{SaturatedConversion, TryRuntimeError};

impl<T: Config> Pallet<T> {
    /// Check that contracts, their indexes, the farms' IPs and the reserves agree:
    ///
    /// - every contract is stored under its id (at most `ContractID`), is not deleted, has a
    ///   payment state and sits in its billing-loop bucket, and every bucket entry is a contract
    ///   of that bucket;
    /// - the node of every node and rent contract exists; node contracts are listed in
    ///   `ActiveNodeContracts` and `ContractIDByNodeIDAndHash`, rent contracts in
    ///   `ActiveRentContractForNode`, name contracts in `ContractIDByNameRegistration`, and these
    ///   indexes list nothing else;
    /// - the IPs a node contract holds are marked with its id on its node's farm, and every
    ///   farm IP marked with a contract id is held by that contract;
    /// - the reserved balance of every twin is exactly the reserves of its contracts, and the
    ///   billing records (`ContractLastBilledBlock`, `ServiceContractTermsChangedAt`) refer to
    ///   live contracts;
    /// - node contracts have a last-report time and are counted per twin and node.
    pub fn do_try_state() -> Result<(), TryRuntimeError> {
        Self::check_contracts()?;
        Self::check_indexes()?;
        Self::check_farm_ips()?;
        Self::check_reserves()?;
        Self::check_node_contract_bookkeeping()?;
        Ok(())
    }

    /// Every node contract has a last-report time and counts in `TwinNodeContractCount` of its
    /// twin and node; neither lists anything else.
    fn check_node_contract_bookkeeping() -> Result<(), TryRuntimeError> {
        let mut counts: BTreeMap<(u32, u32), u32> = BTreeMap::new();
        for (id, contract) in Contracts::<T>::iter() {
            if let ContractData::NodeContract(node_contract) = &contract.contract_type {
                ensure!(
                    NodeContractLastReport::<T>::contains_key(id),
                    "node contract without a last-report time"
                );
                let count = counts
                    .entry((contract.twin_id, node_contract.node_id))
                    .or_default();
                *count = count.saturating_add(1);
            }
        }
        for (id, _) in NodeContractLastReport::<T>::iter() {
            ensure!(
                Contracts::<T>::get(id)
                    .is_some_and(|c| matches!(c.contract_type, ContractData::NodeContract(_))),
                "last-report time of a missing node contract"
            );
        }
        let stored: BTreeMap<(u32, u32), u32> = TwinNodeContractCount::<T>::iter()
            .map(|(twin_id, node_id, count)| ((twin_id, node_id), count))
            .collect();
        ensure!(
            stored == counts,
            "TwinNodeContractCount differs from the node contracts"
        );
        Ok(())
    }

    fn check_contracts() -> Result<(), TryRuntimeError> {
        let last_id = ContractID::<T>::get();
        for (id, contract) in Contracts::<T>::iter() {
            ensure!(contract.contract_id == id, "contract stored under another id");
            ensure!(id <= last_id, "contract id above ContractID");
            ensure!(!contract.is_deleted(), "a deleted contract is still stored");
            ensure!(
                crate::ContractPaymentState::<T>::contains_key(id),
                "contract without payment state"
            );
            ensure!(
                ContractsToBillAt::<T>::get(Self::billing_loop_index(id)).contains(&id)
                    || Self::old_billing_loop_index(id)
                        .is_some_and(|old| ContractsToBillAt::<T>::get(old).contains(&id)),
                "contract missing from its billing-loop bucket"
            );
            match &contract.contract_type {
                ContractData::NodeContract(node_contract) => {
                    // A deleted node's contracts stay until `on_idle` ended them.
                    let (farm_id, _, _) = Self::node_facts(node_contract.node_id)
                        .map_err(|_| "node contract on a missing node")?;
                    ensure!(
                        ActiveNodeContracts::<T>::get(node_contract.node_id).contains(&id),
                        "node contract not in ActiveNodeContracts"
                    );
                    ensure!(
                        ContractIDByNodeIDAndHash::<T>::get(
                            node_contract.node_id,
                            node_contract.deployment_hash
                        ) == id,
                        "node contract not indexed by its hash"
                    );
                    ensure!(
                        node_contract.public_ips_list.len() as u32 == node_contract.public_ips,
                        "node contract holds another number of IPs than it pays for"
                    );
                    let farm = pallet_tfgrid::Farms::<T>::get(farm_id)
                        .ok_or("node contract on a node without farm")?;
                    for held in node_contract.public_ips_list.iter() {
                        ensure!(
                            farm.public_ips
                                .iter()
                                .any(|ip| ip.ip == held.ip && ip.contract_id == id),
                            "IP of a node contract not marked on its farm"
                        );
                    }
                }
                ContractData::RentContract(rent) => {
                    ensure!(
                        Self::node_facts(rent.node_id).is_ok(),
                        "rent contract on a missing node"
                    );
                    ensure!(
                        ActiveRentContractForNode::<T>::get(rent.node_id) == Some(id),
                        "rent contract not in ActiveRentContractForNode"
                    );
                }
                ContractData::NameContract(name_contract) => ensure!(
                    ContractIDByNameRegistration::<T>::get(&name_contract.name) == id,
                    "name contract not indexed by its name"
                ),
            }
        }
        for (id, _) in crate::ContractPaymentState::<T>::iter() {
            ensure!(
                Contracts::<T>::contains_key(id),
                "payment state of a missing contract"
            );
        }
        for (index, ids) in ContractsToBillAt::<T>::iter() {
            for id in ids {
                ensure!(
                    Contracts::<T>::contains_key(id)
                        && (Self::billing_loop_index(id) == index
                            || Self::old_billing_loop_index(id) == Some(index)),
                    "billing loop lists a missing contract or one of another bucket"
                );
            }
        }
        Ok(())
    }

    fn check_indexes() -> Result<(), TryRuntimeError> {
        for (node_id, ids) in ActiveNodeContracts::<T>::iter() {
            for id in ids {
                let contract =
                    Contracts::<T>::get(id).ok_or("ActiveNodeContracts lists a missing contract")?;
                ensure!(
                    matches!(&contract.contract_type, ContractData::NodeContract(nc) if nc.node_id == node_id),
                    "ActiveNodeContracts lists a contract of another node"
                );
            }
        }
        for (node_id, id) in ActiveRentContractForNode::<T>::iter() {
            let contract = Contracts::<T>::get(id)
                .ok_or("ActiveRentContractForNode points to a missing contract")?;
            ensure!(
                matches!(&contract.contract_type, ContractData::RentContract(rent) if rent.node_id == node_id),
                "ActiveRentContractForNode points to another contract"
            );
        }
        for (node_id, hash, id) in ContractIDByNodeIDAndHash::<T>::iter() {
            let contract = Contracts::<T>::get(id)
                .ok_or("ContractIDByNodeIDAndHash points to a missing contract")?;
            ensure!(
                matches!(&contract.contract_type, ContractData::NodeContract(nc) if nc.node_id == node_id && nc.deployment_hash == hash),
                "ContractIDByNodeIDAndHash points to another contract"
            );
        }
        for (name, id) in ContractIDByNameRegistration::<T>::iter() {
            let contract = Contracts::<T>::get(id)
                .ok_or("ContractIDByNameRegistration points to a missing contract")?;
            ensure!(
                matches!(&contract.contract_type, ContractData::NameContract(nc) if nc.name == name),
                "ContractIDByNameRegistration points to another contract"
            );
        }
        Ok(())
    }

    fn check_farm_ips() -> Result<(), TryRuntimeError> {
        for (_, farm) in pallet_tfgrid::Farms::<T>::iter() {
            for ip in farm.public_ips.iter().filter(|ip| ip.contract_id != 0) {
                let contract = Contracts::<T>::get(ip.contract_id)
                    .ok_or("farm IP marked with a missing contract")?;
                ensure!(
                    matches!(&contract.contract_type, ContractData::NodeContract(nc) if nc.public_ips_list.iter().any(|held| held.ip == ip.ip)),
                    "farm IP marked with a contract that does not hold it"
                );
            }
        }
        Ok(())
    }

    /// Nothing else reserves funds on this chain, so every twin's reserved balance is exactly
    /// the reserves of its live contracts: a reserve left behind by a removed contract shows.
    /// Billing records refer to live (service) contracts.
    fn check_reserves() -> Result<(), TryRuntimeError> {
        let mut reserves: BTreeMap<u32, u128> = BTreeMap::new();
        for (id, payment) in crate::ContractPaymentState::<T>::iter() {
            let Some(contract) = Contracts::<T>::get(id) else {
                continue;
            };
            let reserved = payment
                .standard_reserve
                .saturated_into::<u128>()
                .saturating_add(payment.additional_reserve.saturated_into::<u128>());
            let total = reserves.entry(contract.twin_id).or_default();
            *total = total.saturating_add(reserved);
        }
        for (twin_id, twin) in pallet_tfgrid::Twins::<T>::iter() {
            let expected = reserves.remove(&twin_id).unwrap_or(0);
            ensure!(
                T::Currency::reserved_balance(&twin.account_id).saturated_into::<u128>() == expected,
                "a twin's reserved balance differs from its contracts' reserves"
            );
        }
        ensure!(reserves.is_empty(), "contract of a missing twin");
        for (id, _) in ContractLastBilledBlock::<T>::iter() {
            ensure!(
                Contracts::<T>::contains_key(id),
                "last bill block of a missing contract"
            );
        }
        for (id, _) in ServiceContractTermsChangedAt::<T>::iter() {
            ensure!(
                ServiceContracts::<T>::contains_key(id),
                "terms change of a missing service contract"
            );
        }
        Ok(())
    }

    /// For each twin with contracts: its reserved balance and the reserves of its contracts.
    pub fn reserves_by_twin() -> BTreeMap<u32, (u128, u128)> {
        let mut reserves: BTreeMap<u32, (u128, u128)> = BTreeMap::new();
        for (id, payment) in crate::ContractPaymentState::<T>::iter() {
            let Some(contract) = Contracts::<T>::get(id) else {
                continue;
            };
            let entry = reserves.entry(contract.twin_id).or_default();
            entry.1 = entry
                .1
                .saturating_add(payment.standard_reserve.saturated_into::<u128>())
                .saturating_add(payment.additional_reserve.saturated_into::<u128>());
        }
        for (twin_id, entry) in reserves.iter_mut() {
            if let Some(twin) = pallet_tfgrid::Twins::<T>::get(twin_id) {
                entry.0 = T::Currency::reserved_balance(&twin.account_id).saturated_into();
            }
        }
        reserves
    }
}
