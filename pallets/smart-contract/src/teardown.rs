//! Work that cannot be bounded in the call that causes it, done in `on_idle` within the block's
//! remaining weight:
//!
//! - **teardown**: when a node is deleted (up to 4 096 node contracts and a rent contract) or a
//!   rent contract ends (up to 4 096 node contracts of its renter), the node is queued in
//!   `NodesToTearDown` in O(1); `on_idle` ends its contracts one by one, each with the final
//!   bill, events and release of reserves that ending it inline gave. The final bills stop at
//!   the time the teardown was queued, and a bill sent meanwhile bills up to that time only, so
//!   nothing is charged twice nor for the time spent in the queue;
//! - **billing-frequency moves**: `change_billing_frequency` only records the change; `on_idle`
//!   moves contracts one by one from their old bucket to `id % BillingFrequency`.

use crate::{types::*, *};
use crate::weights::WeightInfo;
use frame_support::weights::Weight;
use tfchain_support::{resources::Resources, types::NodeCertification};

impl<T: Config> Pallet<T> {
    /// Queue the contracts of node `node_id` (ids up to `ContractID` now) for teardown, with
    /// the node's farm, certification and capacity; `with_rent`: its rent contract ends too,
    /// after them. Nothing is queued when there is nothing to end. A node already queued keeps
    /// its end time and cause and has its range extended.
    pub(crate) fn queue_teardown(
        node_id: u32,
        farm_id: u32,
        certification: NodeCertification,
        resources: Resources,
        cause: Cause,
        with_rent: bool,
    ) {
        let has_node_contracts = !ActiveNodeContracts::<T>::get(node_id).is_empty();
        let has_rent = with_rent && ActiveRentContractForNode::<T>::contains_key(node_id);
        if !has_node_contracts && !has_rent {
            return;
        }
        let farmer = pallet_tfgrid::Farms::<T>::get(farm_id)
            .and_then(|farm| pallet_tfgrid::Twins::<T>::get(farm.twin_id))
            .map(|twin| twin.account_id);
        let last_id = ContractID::<T>::get();
        let standby = pallet_tfgrid::NodePower::<T>::get(node_id).is_standby();
        NodesToTearDown::<T>::mutate(node_id, |entry| match entry {
            Some(entry) => {
                entry.last_id = last_id;
                entry.with_rent |= with_rent;
                entry.farm_id = farm_id;
                entry.farmer = farmer;
                entry.certification = certification;
                entry.resources = resources;
                entry.standby = standby;
            }
            None => {
                *entry = Some(NodeTeardown {
                    farm_id,
                    farmer,
                    certification,
                    resources,
                    ended_at: Self::now_secs(),
                    last_id,
                    cause,
                    with_rent,
                    standby,
                })
            }
        });
    }

    /// The teardown entry that covers `contract`, if it is queued for teardown.
    pub fn teardown_of(contract: &Contract<T>) -> Option<NodeTeardown<T::AccountId>> {
        let covered = |entry: &NodeTeardown<T::AccountId>| contract.contract_id <= entry.last_id;
        match &contract.contract_type {
            ContractData::NodeContract(node_contract) => {
                NodesToTearDown::<T>::get(node_contract.node_id).filter(covered)
            }
            ContractData::RentContract(rent) => NodesToTearDown::<T>::get(rent.node_id)
                .filter(|entry| entry.with_rent && covered(entry)),
            ContractData::NameContract(_) => None,
        }
    }

    /// The time `contract` is billed up to: now, or the end time of its teardown.
    pub fn billing_now(contract: &Contract<T>) -> u64 {
        let now = Self::now_secs();
        match Self::teardown_of(contract) {
            Some(entry) => now.min(entry.ended_at),
            None => now,
        }
    }

    /// Farm, certification and capacity of node `node_id`: from the registry, or, for a
    /// deleted node whose contracts are still being ended, from its teardown entry.
    pub fn node_facts(node_id: u32) -> Result<(u32, NodeCertification, Resources), Error<T>> {
        if let Some(node) = pallet_tfgrid::Nodes::<T>::get(node_id) {
            return Ok((node.farm_id, node.certification, node.resources));
        }
        NodesToTearDown::<T>::get(node_id)
            .map(|entry| (entry.farm_id, entry.certification, entry.resources))
            .ok_or(Error::<T>::NodeNotExists)
    }

    /// Whether node `node_id` is in standby (for a deleted node: when it was queued).
    pub fn node_is_standby(node_id: u32) -> bool {
        if pallet_tfgrid::Nodes::<T>::contains_key(node_id) {
            return pallet_tfgrid::NodePower::<T>::get(node_id).is_standby();
        }
        NodesToTearDown::<T>::get(node_id).is_some_and(|entry| entry.standby)
    }

    /// The farmer account of a node that is gone, from its teardown entry.
    pub(crate) fn farmer_of_deleted_node(node_id: u32) -> Result<T::AccountId, Error<T>> {
        let entry = NodesToTearDown::<T>::get(node_id).ok_or(Error::<T>::NodeNotExists)?;
        entry.farmer.ok_or(Error::<T>::TwinNotExists)
    }

    /// End the next contract of the teardown of `node_id`: its first node contract covered by
    /// the entry, else its rent contract (if covered), else drop the entry.
    pub(crate) fn teardown_step(node_id: u32, entry: &NodeTeardown<T::AccountId>) {
        let next = ActiveNodeContracts::<T>::get(node_id)
            .into_iter()
            .find(|id| *id <= entry.last_id);
        if let Some(id) = next {
            Self::end_contract(id, entry.cause);
            // A contract that could not be removed must not stall the queue.
            if ActiveNodeContracts::<T>::get(node_id).contains(&id) {
                log::error!(target: "runtime::smart-contract", "contract {id} of node {node_id} could not be ended");
                ActiveNodeContracts::<T>::mutate(node_id, |ids| ids.retain(|other| *other != id));
            }
            return;
        }
        if entry.with_rent {
            if let Some(rent_id) =
                ActiveRentContractForNode::<T>::get(node_id).filter(|id| *id <= entry.last_id)
            {
                Self::end_contract(rent_id, entry.cause);
                if ActiveRentContractForNode::<T>::get(node_id) == Some(rent_id) {
                    log::error!(target: "runtime::smart-contract", "rent contract {rent_id} of node {node_id} could not be ended");
                    ActiveRentContractForNode::<T>::remove(node_id);
                }
                return;
            }
        }
        NodesToTearDown::<T>::remove(node_id);
    }

    /// One step of the move after a billing-frequency change: move one contract of the next
    /// old bucket to its new bucket, or go to the next old bucket, or finish. `false`: nothing
    /// could be done (the new bucket is full; retried in a later block).
    pub fn billing_move_step(mut pending: BillingFrequencyMove) -> bool {
        if pending.next_bucket >= pending.old_frequency {
            PendingBillingFrequencyMove::<T>::kill();
            return true;
        }
        let bucket = pending.next_bucket;
        let mut ids = ContractsToBillAt::<T>::get(bucket);
        let Some(position) = ids
            .iter()
            .position(|id| Self::billing_loop_index(*id) != bucket)
        else {
            pending.next_bucket = bucket.saturating_add(1);
            PendingBillingFrequencyMove::<T>::put(pending);
            return true;
        };
        let id = ids.remove(position);
        let target = Self::billing_loop_index(id);
        let moved = ContractsToBillAt::<T>::try_mutate(target, |target_ids| {
            if target_ids.contains(&id) {
                Ok(())
            } else {
                target_ids.try_push(id)
            }
        });
        if moved.is_err() {
            log::error!(target: "runtime::smart-contract", "billing bucket {target} is full: contract {id} stays in bucket {bucket} for now");
            return false;
        }
        ContractsToBillAt::<T>::insert(bucket, ids);
        Self::note_billing_bucket_removal(bucket, position);
        true
    }

    /// The bucket contract `id` sat in before the pending billing-frequency change, if it may
    /// still be there.
    pub fn old_billing_loop_index(id: u64) -> Option<u64> {
        let pending = PendingBillingFrequencyMove::<T>::get()?;
        let index = id.checked_rem(pending.old_frequency)?;
        (index >= pending.next_bucket).then_some(index)
    }

    /// `on_idle`: teardown steps first, then billing moves, each only if its benchmarked
    /// weight still fits in `remaining`. Returns the weight used (at most `remaining`).
    pub fn do_on_idle(remaining: Weight) -> Weight {
        let mut used = <T as Config>::WeightInfo::on_idle_empty();
        if remaining.any_lt(used) {
            return Weight::zero();
        }
        let teardown = <T as Config>::WeightInfo::on_idle_teardown_contract();
        while remaining.all_gte(used.saturating_add(teardown)) {
            let Some((node_id, entry)) = NodesToTearDown::<T>::iter().next() else {
                break;
            };
            Self::teardown_step(node_id, &entry);
            used = used.saturating_add(teardown);
        }
        let moving = <T as Config>::WeightInfo::on_idle_move_contract();
        while remaining.all_gte(used.saturating_add(moving)) {
            let Some(pending) = PendingBillingFrequencyMove::<T>::get() else {
                break;
            };
            used = used.saturating_add(moving);
            if !Self::billing_move_step(pending) {
                break;
            }
        }
        used
    }

    /// Weight pallet-tfgrid's node deletion must count for this pallet's `node_deleted` hook
    /// (it only queues the node's contracts: O(1)).
    pub fn node_deleted_weight() -> Weight {
        <T as Config>::WeightInfo::node_deleted()
    }

    /// Declared weight of `cancel_contract`: the worst of the node, name and rent variants
    /// (a rent contract can only be cancelled once its node has no node contracts).
    pub fn cancel_weight() -> Weight {
        <T as Config>::WeightInfo::cancel_contract()
            .max(<T as Config>::WeightInfo::cancel_name_contract())
            .max(<T as Config>::WeightInfo::cancel_rent_contract())
    }

    /// Weight of `bill_contract_for_block` of a contract whose grace entry or exit touches
    /// `node_contracts` node contracts (those of a rented node), or that is deleted at the end
    /// of its grace period.
    pub fn bill_weight(node_contracts: u32) -> Weight {
        <T as Config>::WeightInfo::bill_contract_for_block(node_contracts)
            .max(<T as Config>::WeightInfo::bill_contract_for_block_grace_end())
    }

    /// The number of node contracts a bill of contract `id` may touch: those of its node if it
    /// is a rent contract.
    pub fn node_contracts_under_rent(id: u64) -> u32 {
        match Contracts::<T>::get(id).map(|contract| contract.contract_type) {
            Some(ContractData::RentContract(rent)) => {
                ActiveNodeContracts::<T>::decode_len(rent.node_id).unwrap_or(0) as u32
            }
            _ => 0,
        }
    }
}
