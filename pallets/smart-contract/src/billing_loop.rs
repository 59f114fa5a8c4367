//! The chain's billing loop: every contract is billed once per billing cycle by the chain itself,
//! with no offchain worker or validator key involved.
//!
//! A contract sits in bucket `id % BillingFrequency` of `ContractsToBillAt`, and a bucket is due at
//! every block `n` with `n % BillingFrequency` equal to it. In each block's `on_initialize` —
//! before any transaction, with weight that full blocks cannot take (it is the block's mandatory
//! part) — the loop goes through the due buckets in order from where the previous block stopped
//! ([`BillingLoopCursor`]) and bills each contract of a bucket that was not billed since the
//! bucket's due block, within [`Config::BillingWeightPerBlock`]. What does not fit carries over
//! to the next block. A loop more than a whole cycle behind (more contracts due than blocks can
//! bill) goes on in the same bucket at the same place, at that bucket's latest due block: every
//! contract keeps its turn, later, and a bill covers all the time since the contract's last one.
//!
//! The chain's clock in `on_initialize` is still the parent block's (the timestamp inherent comes
//! after): a bill made by the loop covers the time up to the parent block. Its events are in the
//! block's `Initialization` phase, attributed to no transaction.
//!
//! Weight: `billing_loop_empty` per block, `billing_loop_bucket` per bucket visited (it reads the
//! bucket, up to 10 000 ids), `billing_loop_check` per id looked at, and per bill the worst path
//! of `bill_contract_for_block` ([`Pallet::bill_weight`]); a bill is started only if its worst
//! path fits in what is left of the budget.

use crate::{types::*, weights::WeightInfo, *};
use frame_support::{traits::Get, weights::WeightMeter};
use sp_runtime::traits::Zero;

impl<T: Config> Pallet<T> {
    /// Bill the contracts due up to block `now`, within `BillingWeightPerBlock` and what `meter`
    /// has left, starting where the last block stopped.
    pub fn bill_due_contracts(now: u64, meter: &mut WeightMeter) {
        let budget = T::BillingWeightPerBlock::get().min(meter.remaining());
        let mut used = WeightMeter::with_limit(budget);
        if used.try_consume(<T as Config>::WeightInfo::billing_loop_empty()).is_err() {
            return;
        }
        let frequency = BillingFrequency::<T>::get();
        if frequency == 0 {
            meter.consume(used.consumed());
            return;
        }
        let oldest_due = now.saturating_sub(frequency.saturating_sub(1));
        let mut cursor = match BillingLoopCursor::<T>::get() {
            // More than a cycle behind: the same bucket, where the loop stands in it, is due
            // again within the last cycle. The loop goes on there, so that every contract keeps
            // its turn (a bill covers all the time since the previous one).
            Some(mut cursor) => {
                if cursor.due_block < oldest_due {
                    let cycles = (oldest_due - cursor.due_block).div_ceil(frequency);
                    cursor.due_block = cursor.due_block.saturating_add(cycles.saturating_mul(frequency));
                }
                cursor
            }
            // The loop's first block (a new chain, or the first block after the upgrade that
            // introduced it, whose earlier buckets the validators' workers billed).
            None => BillingCursor { due_block: now, position: 0 },
        };
        'buckets: while cursor.due_block <= now {
            if used.try_consume(<T as Config>::WeightInfo::billing_loop_bucket()).is_err() {
                break;
            }
            let bucket = cursor.due_block % frequency;
            let ids = ContractsToBillAt::<T>::get(bucket);
            // Ids this loop removed from the bucket before `cursor.position` (deleted at the end
            // of their grace period): the stored position counts the bucket as it is then.
            let mut removed_before_cursor = 0u32;
            while let Some(&id) = ids.get(cursor.position.saturating_add(removed_before_cursor) as usize) {
                if used.try_consume(<T as Config>::WeightInfo::billing_loop_check()).is_err() {
                    break 'buckets;
                }
                if !Self::is_due_in_loop(id, bucket, cursor.due_block) {
                    cursor.position = cursor.position.saturating_add(1);
                    continue;
                }
                let bill = Self::bill_weight(Self::node_contracts_under_rent(id));
                if used.try_consume(bill).is_err() {
                    break 'buckets;
                }
                if Self::bill_in_loop(id, now) {
                    cursor.position = cursor.position.saturating_add(1);
                } else {
                    removed_before_cursor = removed_before_cursor.saturating_add(1);
                }
            }
            cursor = BillingCursor { due_block: cursor.due_block.saturating_add(1), position: 0 };
        }
        BillingLoopCursor::<T>::put(cursor);
        meter.consume(used.consumed());
    }

    /// Whether contract `id`, found in `bucket` (due at `due_block`), gets a bill now: it
    /// belongs there (not a contract still waiting to be moved after a billing-frequency
    /// change), was not billed since `due_block`, time passed since its last bill (not so for a
    /// contract created in the parent block), and a bill could change anything.
    pub(crate) fn is_due_in_loop(id: u64, bucket: u64, due_block: u64) -> bool {
        Self::billing_loop_index(id) == bucket
            && ContractLastBilledBlock::<T>::get(id).is_none_or(|billed| billed < due_block)
            && crate::ContractPaymentState::<T>::get(id)
                .is_none_or(|payment| payment.last_updated_seconds < Self::now_secs())
            && Self::should_bill_contract(id)
    }

    /// Bill contract `id` at block `now`; a failed bill changes nothing and is logged. Whether
    /// the contract still exists (a bill at the end of its grace period deletes it).
    fn bill_in_loop(id: u64, now: u64) -> bool {
        frame_support::storage::with_storage_layer(|| Self::bill_and_record(id, now)).unwrap_or_else(|error| {
            log::error!(target: "runtime::smart-contract", "billing contract {id} failed: {error:?}");
            true
        })
    }

    /// Keep the loop's place in `bucket` when the id at `position` is taken out of it.
    pub(crate) fn note_billing_bucket_removal(bucket: u64, position: usize) {
        let frequency = BillingFrequency::<T>::get();
        BillingLoopCursor::<T>::mutate(|cursor| {
            if let Some(cursor) = cursor {
                if cursor.due_block.checked_rem(frequency) == Some(bucket)
                    && (position as u64) < u64::from(cursor.position)
                {
                    cursor.position = cursor.position.saturating_sub(1);
                }
            }
        });
    }

    /// Whether a bill of `id` could change anything: node contracts cost at least the minimum
    /// charge, except on a rented node, where those without IPs, capacity, unbilled usage or
    /// debt cost nothing.
    pub fn should_bill_contract(id: u64) -> bool {
        let Some(contract) = Contracts::<T>::get(id) else {
            return false;
        };
        let ContractData::NodeContract(node_contract) = &contract.contract_type else {
            return true;
        };
        let owes = crate::ContractPaymentState::<T>::get(id).is_some_and(|payment| {
            !payment.standard_overdraft.is_zero() || !payment.additional_overdraft.is_zero()
        });
        let minimum_charged = T::NodeContractMinimumCharge::get() > 0
            && !ActiveRentContractForNode::<T>::contains_key(node_contract.node_id);
        minimum_charged
            || node_contract.public_ips > 0
            || !NodeContractResources::<T>::get(id).used.is_empty()
            || ContractBillingInformationByID::<T>::get(id).amount_unbilled > 0
            || owes
    }

    /// `integrity_test`: the budget holds a block's base cost, a bucket visit, an id check and
    /// the worst bill (a rent contract whose node has the most node contracts), so that the loop
    /// always makes progress.
    pub(crate) fn check_billing_budget() {
        let least = <T as Config>::WeightInfo::billing_loop_empty()
            .saturating_add(<T as Config>::WeightInfo::billing_loop_bucket())
            .saturating_add(<T as Config>::WeightInfo::billing_loop_check())
            .saturating_add(Self::bill_weight(crate::types::MAX_ACTIVE_NODE_CONTRACTS));
        assert!(
            T::BillingWeightPerBlock::get().all_gte(least),
            "BillingWeightPerBlock must hold at least one worst-case bill: {least:?}"
        );
    }
}
