//! Node, name and rent contracts: creation, update, state changes, cancellation and removal,
//! the public IPs node contracts take from their farm, and the billing loop they are placed in.

use crate::{types::*, *};
use alloc::vec::Vec;
use frame_support::{dispatch::DispatchResult, ensure, traits::Get, BoundedVec};
use pallet_tfgrid::types::FarmInfoOf;
use tfchain_support::types::PublicIP;

impl<T: Config> TryFrom<Vec<u8>> for NameContractName<T> {
    type Error = Error<T>;

    /// Validate a name: 3 to `MaxNameContractNameLength` bytes of `a-z`, `0-9`, `-` and `_`.
    fn try_from(name: Vec<u8>) -> Result<Self, Self::Error> {
        ensure!(name.len() >= 3, Error::<T>::NameContractNameTooShort);
        let bounded =
            BoundedVec::try_from(name).map_err(|_| Error::<T>::NameContractNameTooLong)?;
        ensure!(
            bounded
                .iter()
                .all(|c| matches!(c, b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_')),
            Error::<T>::NameNotValid
        );
        Ok(NameContractName(bounded))
    }
}

impl<T: Config> Pallet<T> {
    /// Create a node contract for the twin of `who`.
    pub(crate) fn do_create_node_contract(
        who: &T::AccountId,
        node_id: u32,
        deployment_hash: HexHash,
        deployment_data: DeploymentDataInput<T>,
        public_ips: u32,
        solution_provider_id: Option<u64>,
    ) -> DispatchResult {
        let twin_id = Self::twin_id_of(who)?;
        let node = pallet_tfgrid::Nodes::<T>::get(node_id).ok_or(Error::<T>::NodeNotExists)?;
        ensure!(
            !pallet_tfgrid::NodePower::<T>::get(node_id).is_standby_phase(),
            Error::<T>::NodeNotAvailableToDeploy
        );
        let farm = pallet_tfgrid::Farms::<T>::get(node.farm_id).ok_or(Error::<T>::FarmNotExists)?;

        match ActiveRentContractForNode::<T>::get(node_id) {
            Some(rent_id) => {
                let rent = Contracts::<T>::get(rent_id).ok_or(Error::<T>::ContractNotExists)?;
                ensure!(
                    rent.twin_id == twin_id && rent.state == ContractState::Created,
                    Error::<T>::NodeNotAvailableToDeploy
                );
            }
            None => ensure!(
                !Self::is_dedicated(node_id, &farm),
                Error::<T>::NodeNotAvailableToDeploy
            ),
        }

        let existing = ContractIDByNodeIDAndHash::<T>::get(node_id, deployment_hash);
        if existing != 0 {
            let contract = Contracts::<T>::get(existing).ok_or(Error::<T>::ContractNotExists)?;
            ensure!(contract.is_deleted(), Error::<T>::ContractIsNotUnique);
        }
        // Past the checks above, a rented node is rented by this twin: it is not limited there.
        let held = TwinNodeContractCount::<T>::get(twin_id, node_id);
        ensure!(
            ActiveRentContractForNode::<T>::contains_key(node_id)
                || held < T::MaxNodeContractsPerTwinPerNode::get(),
            Error::<T>::TwinHasTooManyContractsOnNode
        );

        let node_contract = NodeContract {
            node_id,
            deployment_hash,
            deployment_data,
            public_ips,
            public_ips_list: Default::default(),
        };
        let contract = Self::create_contract(
            twin_id,
            ContractData::NodeContract(node_contract),
            solution_provider_id,
        )?;
        let id = contract.contract_id;
        ContractBillingInformationByID::<T>::insert(
            id,
            ContractBillingInformation {
                previous_nu_reported: 0,
                last_updated: Self::now_secs(),
                amount_unbilled: 0,
            },
        );
        ContractIDByNodeIDAndHash::<T>::insert(node_id, deployment_hash, id);
        ActiveNodeContracts::<T>::try_mutate(node_id, |ids| ids.try_push(id))
            .map_err(|_| Error::<T>::NumOverflow)?;
        TwinNodeContractCount::<T>::insert(
            twin_id,
            node_id,
            held.checked_add(1).ok_or(Error::<T>::NumOverflow)?,
        );
        NodeContractLastReport::<T>::insert(id, Self::now_secs());
        Self::deposit_event(Event::ContractCreated(contract));
        Ok(())
    }

    /// A node is dedicated when it has an extra fee or its farm is dedicated: only a renter may
    /// deploy on it.
    pub fn is_dedicated(node_id: u32, farm: &FarmInfoOf<T>) -> bool {
        DedicatedNodesExtraFee::<T>::get(node_id) > 0 || farm.dedicated_farm
    }

    /// Change the deployment hash and data of a node contract of the twin of `who`.
    pub(crate) fn do_update_node_contract(
        who: &T::AccountId,
        contract_id: u64,
        deployment_hash: HexHash,
        deployment_data: DeploymentDataInput<T>,
    ) -> DispatchResult {
        let mut contract = Contracts::<T>::get(contract_id).ok_or(Error::<T>::ContractNotExists)?;
        let twin = pallet_tfgrid::Twins::<T>::get(contract.twin_id)
            .ok_or(Error::<T>::TwinNotExists)?;
        ensure!(
            twin.account_id == *who,
            Error::<T>::TwinNotAuthorizedToUpdateContract
        );
        ensure!(
            !contract.is_in_grace(),
            Error::<T>::CannotUpdateContractInGraceState
        );
        let ContractData::NodeContract(node_contract) = &mut contract.contract_type else {
            return Err(Error::<T>::InvalidContractType.into());
        };
        if node_contract.deployment_hash != deployment_hash {
            ensure!(
                ContractIDByNodeIDAndHash::<T>::get(node_contract.node_id, deployment_hash) == 0,
                Error::<T>::ContractIsNotUnique
            );
            ContractIDByNodeIDAndHash::<T>::remove(
                node_contract.node_id,
                node_contract.deployment_hash,
            );
            ContractIDByNodeIDAndHash::<T>::insert(
                node_contract.node_id,
                deployment_hash,
                contract_id,
            );
        }
        node_contract.deployment_hash = deployment_hash;
        node_contract.deployment_data = deployment_data;
        Contracts::<T>::insert(contract_id, &contract);
        Self::deposit_event(Event::ContractUpdated(contract));
        Ok(())
    }

    /// Register a name for the twin of `who`.
    pub(crate) fn do_create_name_contract(who: &T::AccountId, name: Vec<u8>) -> DispatchResult {
        let twin_id = Self::twin_id_of(who)?;
        let name = NameContractName::<T>::try_from(name)?;
        ensure!(
            !ContractIDByNameRegistration::<T>::contains_key(&name),
            Error::<T>::NameExists
        );
        let contract = Self::create_contract(
            twin_id,
            ContractData::NameContract(NameContract { name: name.clone() }),
            None,
        )?;
        ContractIDByNameRegistration::<T>::insert(&name, contract.contract_id);
        Self::deposit_event(Event::ContractCreated(contract));
        Ok(())
    }

    /// Rent a node for the twin of `who`.
    pub(crate) fn do_create_rent_contract(
        who: &T::AccountId,
        node_id: u32,
        solution_provider_id: Option<u64>,
    ) -> DispatchResult {
        ensure!(
            !ActiveRentContractForNode::<T>::contains_key(node_id),
            Error::<T>::NodeHasRentContract
        );
        let node = pallet_tfgrid::Nodes::<T>::get(node_id).ok_or(Error::<T>::NodeNotExists)?;
        let farm = pallet_tfgrid::Farms::<T>::get(node.farm_id).ok_or(Error::<T>::FarmNotExists)?;
        ensure!(
            farm.dedicated_farm || ActiveNodeContracts::<T>::get(node_id).is_empty(),
            Error::<T>::NodeNotAvailableToDeploy
        );
        let twin_id = Self::twin_id_of(who)?;
        let contract = Self::create_contract(
            twin_id,
            ContractData::RentContract(RentContract { node_id }),
            solution_provider_id,
        )?;
        ActiveRentContractForNode::<T>::insert(node_id, contract.contract_id);
        Self::deposit_event(Event::ContractCreated(contract));
        Ok(())
    }

    /// Store a new contract with the next id: reserve its IPs, check its solution provider,
    /// place it in the billing loop and start its billing state now.
    pub(crate) fn create_contract(
        twin_id: u32,
        mut contract_type: ContractData<T>,
        solution_provider_id: Option<u64>,
    ) -> Result<Contract<T>, Error<T>> {
        let id = ContractID::<T>::get()
            .checked_add(1)
            .ok_or(Error::<T>::NumOverflow)?;
        if let ContractData::NodeContract(node_contract) = &mut contract_type {
            Self::reserve_ip(id, node_contract)?;
        }
        Self::validate_solution_provider(solution_provider_id)?;
        Self::insert_contract_in_billing_loop(id)?;
        let contract = Contract {
            version: CONTRACT_VERSION,
            state: ContractState::Created,
            contract_id: id,
            twin_id,
            contract_type,
            solution_provider_id,
        };
        Contracts::<T>::insert(id, &contract);
        ContractID::<T>::put(id);
        crate::ContractPaymentState::<T>::insert(
            id,
            crate::types::ContractPaymentState {
                last_updated_seconds: Self::now_secs(),
                ..Default::default()
            },
        );
        Ok(contract)
    }

    /// Take `public_ips` free IPs of the node's farm for contract `id`, in farm order.
    fn reserve_ip(id: u64, node_contract: &mut NodeContract<T>) -> Result<(), Error<T>> {
        if node_contract.public_ips == 0 {
            return Ok(());
        }
        let node = pallet_tfgrid::Nodes::<T>::get(node_contract.node_id)
            .ok_or(Error::<T>::NodeNotExists)?;
        let mut farm =
            pallet_tfgrid::Farms::<T>::get(node.farm_id).ok_or(Error::<T>::FarmNotExists)?;
        ensure!(
            farm.public_ips.len() as u64 >= node_contract.public_ips as u64,
            Error::<T>::FarmHasNotEnoughPublicIPs
        );
        let mut taken: PublicIpsOf<T> = Default::default();
        for ip in farm.public_ips.iter_mut() {
            if taken.len() as u64 == node_contract.public_ips as u64 {
                break;
            }
            if ip.contract_id == 0 {
                ip.contract_id = id;
                taken
                    .try_push(ip.clone())
                    .map_err(|_| Error::<T>::FailedToReserveIP)?;
            }
        }
        ensure!(
            taken.len() as u64 == node_contract.public_ips as u64,
            Error::<T>::FarmHasNotEnoughPublicIPsFree
        );
        node_contract.public_ips_list = taken;
        pallet_tfgrid::Farms::<T>::insert(node.farm_id, farm);
        Ok(())
    }

    /// Give the IPs of contract `id` back to the farm of its node and tell it with `IPsFreed`.
    pub(crate) fn free_ip(id: u64, node_contract: &NodeContract<T>) -> Result<(), Error<T>> {
        let (farm_id, _, _) = Self::node_facts(node_contract.node_id)?;
        let mut farm = pallet_tfgrid::Farms::<T>::get(farm_id).ok_or(Error::<T>::FarmNotExists)?;
        let mut freed: PublicIpsOf<T> = Default::default();
        for ip in farm.public_ips.iter_mut().filter(|ip| ip.contract_id == id) {
            ip.contract_id = 0;
            let _ = freed.try_push(PublicIP {
                ip: ip.ip.clone(),
                gateway: ip.gateway.clone(),
                contract_id: 0,
            });
        }
        pallet_tfgrid::Farms::<T>::insert(farm_id, farm);
        Self::deposit_event(Event::IPsFreed {
            contract_id: id,
            public_ips: freed,
        });
        Ok(())
    }

    /// A given solution provider must exist and be approved.
    fn validate_solution_provider(solution_provider_id: Option<u64>) -> Result<(), Error<T>> {
        if let Some(id) = solution_provider_id {
            let provider =
                SolutionProviders::<T>::get(id).ok_or(Error::<T>::NoSuchSolutionProvider)?;
            ensure!(provider.approved, Error::<T>::SolutionProviderNotApproved);
        }
        Ok(())
    }

    /// The billing-loop bucket of contract `id`.
    pub fn billing_loop_index(id: u64) -> u64 {
        id.checked_rem(BillingFrequency::<T>::get()).unwrap_or(0)
    }

    /// Place contract `id` in its billing-loop bucket.
    fn insert_contract_in_billing_loop(id: u64) -> Result<(), Error<T>> {
        ContractsToBillAt::<T>::try_mutate(Self::billing_loop_index(id), |ids| {
            if ids.contains(&id) {
                Ok(())
            } else {
                ids.try_push(id).map_err(|_| Error::<T>::NumOverflow)
            }
        })
    }

    /// Take contract `id` out of its billing-loop bucket.
    /// (Also looks in its old bucket while a billing-frequency change is being moved.)
    fn remove_contract_from_billing_loop(id: u64) -> Result<(), Error<T>> {
        let take = |index: u64| {
            ContractsToBillAt::<T>::try_mutate(index, |ids| {
                let position = ids
                    .iter()
                    .position(|other| *other == id)
                    .ok_or(Error::<T>::ContractWrongBillingLoopIndex)?;
                ids.remove(position);
                Self::note_billing_bucket_removal(index, position);
                Ok(())
            })
        };
        take(Self::billing_loop_index(id)).or_else(|error| match Self::old_billing_loop_index(id) {
            Some(old) => take(old),
            None => Err(error),
        })
    }

    /// Increase the billing frequency. O(1): `on_idle` moves the contracts to their new buckets
    /// (see [`crate::teardown`]); a new change waits until that is done.
    pub(crate) fn do_change_billing_frequency(frequency: u64) -> DispatchResult {
        ensure!(
            !PendingBillingFrequencyMove::<T>::exists(),
            Error::<T>::BillingFrequencyChangeInProgress
        );
        let old_frequency = BillingFrequency::<T>::get();
        ensure!(frequency > old_frequency, Error::<T>::CanOnlyIncreaseFrequency);
        BillingFrequency::<T>::put(frequency);
        PendingBillingFrequencyMove::<T>::put(BillingFrequencyMove {
            old_frequency,
            next_bucket: 0,
        });
        Self::deposit_event(Event::BillingFrequencyChanged(frequency));
        Ok(())
    }

    /// Move a contract to `state` (a contract already in grace keeps its start block) and keep
    /// `ActiveNodeContracts` in step: a deleted node contract leaves it, a created one is in it.
    pub(crate) fn update_contract_state(
        contract: &mut Contract<T>,
        state: ContractState,
    ) -> DispatchResult {
        if contract.is_in_grace() && matches!(state, ContractState::GracePeriod(_)) {
            return Ok(());
        }
        if contract.state == state {
            return Ok(());
        }
        let was_in_grace = contract.is_in_grace();
        contract.state = state;
        Contracts::<T>::insert(contract.contract_id, &*contract);
        // A contract in grace stays listed: entering or leaving grace leaves the list alone
        // (one read and write per contract, not of the whole list).
        let touches_list = match contract.state {
            ContractState::Deleted(_) => true,
            ContractState::Created => !was_in_grace,
            ContractState::GracePeriod(_) => false,
        };
        if !touches_list {
            return Ok(());
        }
        if let ContractData::NodeContract(node_contract) = &contract.contract_type {
            let id = contract.contract_id;
            ActiveNodeContracts::<T>::try_mutate(node_contract.node_id, |ids| {
                let present = ids.contains(&id);
                match contract.state {
                    ContractState::Deleted(_) if present => ids.retain(|other| *other != id),
                    ContractState::Created if !present => {
                        ids.try_push(id).map_err(|_| Error::<T>::NumOverflow)?
                    }
                    _ => {}
                }
                Ok::<(), Error<T>>(())
            })?;
        }
        Ok(())
    }

    /// Cancel a contract of the twin of `who`, or, as the farmer of its node, a node contract
    /// that its node has not reported on for `NodeContractReportTimeout`.
    pub(crate) fn do_cancel_contract_of(who: &T::AccountId, contract_id: u64) -> DispatchResult {
        let contract = Contracts::<T>::get(contract_id).ok_or(Error::<T>::ContractNotExists)?;
        let twin = pallet_tfgrid::Twins::<T>::get(contract.twin_id)
            .ok_or(Error::<T>::TwinNotExists)?;
        ensure!(
            twin.account_id == *who || Self::farmer_may_cancel(who, &contract),
            Error::<T>::TwinNotAuthorizedToCancelContract
        );
        Self::do_cancel_contract(contract, Cause::CanceledByUser)
    }

    /// Whether `who` is the farmer of the node of node contract `contract` and the node has
    /// not reported on it (capacity or network usage) for `NodeContractReportTimeout` seconds
    /// (counted from its creation when it never did).
    fn farmer_may_cancel(who: &T::AccountId, contract: &Contract<T>) -> bool {
        let ContractData::NodeContract(node_contract) = &contract.contract_type else {
            return false;
        };
        let farmer_twin = pallet_tfgrid::Nodes::<T>::get(node_contract.node_id)
            .and_then(|node| pallet_tfgrid::Farms::<T>::get(node.farm_id))
            .map(|farm| farm.twin_id);
        let is_farmer = farmer_twin.is_some() && Self::twin_id_of(who).ok() == farmer_twin;
        let id = contract.contract_id;
        let last_report = NodeContractLastReport::<T>::get(id)
            .unwrap_or_else(|| ContractBillingInformationByID::<T>::get(id).last_updated);
        is_farmer
            && Self::now_secs().saturating_sub(last_report) >= T::NodeContractReportTimeout::get()
    }

    /// End a contract: mark it deleted, bill its last period, distribute its reserves and remove
    /// it. A rented node must have no node contracts left.
    pub(crate) fn do_cancel_contract(mut contract: Contract<T>, cause: Cause) -> DispatchResult {
        if let ContractData::RentContract(rent) = &contract.contract_type {
            ensure!(
                ActiveNodeContracts::<T>::get(rent.node_id).is_empty(),
                Error::<T>::NodeHasActiveContracts
            );
        }
        Self::update_contract_state(&mut contract, ContractState::Deleted(cause))?;
        Self::bill_contract(contract.contract_id)
    }

    /// Delete `id` because its node or its rent ended: bill it one last time, or, if that fails,
    /// remove it unbilled.
    pub(crate) fn end_contract(id: u64, cause: Cause) {
        let Some(mut contract) = Contracts::<T>::get(id) else {
            return;
        };
        // All or nothing: a final bill that fails leaves no partial change behind.
        let billed = frame_support::storage::with_transaction(|| {
            let result = Self::update_contract_state(&mut contract, ContractState::Deleted(cause))
                .and_then(|_| Self::bill_contract(id));
            if result.is_ok() {
                frame_support::storage::TransactionOutcome::Commit(result)
            } else {
                frame_support::storage::TransactionOutcome::Rollback(result)
            }
        });
        if let Err(error) = billed {
            log::error!(target: "runtime::smart-contract", "final bill of contract {id} failed: {error:?}");
            // Removed unbilled: its reserves go back to its owner.
            if let Err(error) = Self::remove_contract(id) {
                log::error!(target: "runtime::smart-contract", "removing contract {id} failed: {error:?}");
            }
        }
    }

    /// Remove a deleted contract and everything that refers to it; what its payment state still
    /// holds in reserve goes back to its owner. The node contracts of a rented node get their
    /// final bill first.
    pub(crate) fn remove_contract(id: u64) -> DispatchResult {
        let contract = Contracts::<T>::get(id).ok_or(Error::<T>::ContractNotExists)?;
        match &contract.contract_type {
            ContractData::NodeContract(node_contract) => {
                if node_contract.public_ips > 0 {
                    if let Err(error) = Self::free_ip(id, node_contract) {
                        log::error!(target: "runtime::smart-contract", "freeing the IPs of contract {id} failed: {error:?}");
                    }
                }
                ActiveNodeContracts::<T>::mutate(node_contract.node_id, |ids| {
                    ids.retain(|other| *other != id)
                });
                if ContractIDByNodeIDAndHash::<T>::get(
                    node_contract.node_id,
                    node_contract.deployment_hash,
                ) == id
                {
                    ContractIDByNodeIDAndHash::<T>::remove(
                        node_contract.node_id,
                        node_contract.deployment_hash,
                    );
                }
                NodeContractResources::<T>::remove(id);
                ContractBillingInformationByID::<T>::remove(id);
                NodeContractLastReport::<T>::remove(id);
                let (twin_id, node_id) = (contract.twin_id, node_contract.node_id);
                let held = TwinNodeContractCount::<T>::get(twin_id, node_id).saturating_sub(1);
                if held == 0 {
                    TwinNodeContractCount::<T>::remove(twin_id, node_id);
                } else {
                    TwinNodeContractCount::<T>::insert(twin_id, node_id, held);
                }
                Self::deposit_event(Event::NodeContractCanceled {
                    contract_id: id,
                    node_id: node_contract.node_id,
                    twin_id: contract.twin_id,
                });
            }
            ContractData::NameContract(name_contract) => {
                ContractIDByNameRegistration::<T>::remove(&name_contract.name);
                Self::deposit_event(Event::NameContractCanceled { contract_id: id });
            }
            ContractData::RentContract(rent) => {
                let cause = match contract.state {
                    ContractState::Deleted(cause) => cause,
                    _ => Cause::CanceledByUser,
                };
                // The renter's node contracts end in `on_idle` (bounded work per block).
                if !ActiveNodeContracts::<T>::get(rent.node_id).is_empty() {
                    match Self::node_facts(rent.node_id) {
                        Ok((farm_id, certification, resources)) => Self::queue_teardown(
                            rent.node_id,
                            farm_id,
                            certification,
                            resources,
                            cause,
                            false,
                        ),
                        Err(error) => {
                            log::error!(target: "runtime::smart-contract", "node contracts of rent {id} cannot be queued: {error:?}")
                        }
                    }
                }
                ActiveRentContractForNode::<T>::remove(rent.node_id);
                Self::deposit_event(Event::RentContractCanceled { contract_id: id });
            }
        }
        Contracts::<T>::remove(id);
        if let Some(payment) = crate::ContractPaymentState::<T>::take(id) {
            Self::release_reserves(contract.twin_id, &payment);
        }
        crate::ContractLock::<T>::remove(id);
        ContractLastBilledBlock::<T>::remove(id);
        Self::remove_contract_from_billing_loop(id)?;
        Ok(())
    }
}
