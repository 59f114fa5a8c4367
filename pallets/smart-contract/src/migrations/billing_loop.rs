//! From billing by validators' offchain workers to the chain's billing loop.
//!
//! Chains of the earlier design have the same buckets (`ContractsToBillAt`), which the loop goes
//! through as its queue: the migration only places the loop's cursor at the upgrade block. The
//! buckets due earlier in the current cycle were billed by the validators' workers; bills they
//! still send for the block before the upgrade land in the upgrade block and are billed by
//! `bill_contract_for_block` as before (due, not billed yet). Running it again changes nothing.

use crate::{types::BillingCursor, BillingLoopCursor, Config, Pallet};
use frame_support::{
    traits::{Get, OnRuntimeUpgrade},
    weights::Weight,
};

/// Starts the billing loop at the upgrade block, unless it already runs.
pub struct InitBillingLoop<T>(core::marker::PhantomData<T>);

impl<T: Config> OnRuntimeUpgrade for InitBillingLoop<T> {
    fn on_runtime_upgrade() -> Weight {
        let db = T::DbWeight::get();
        if BillingLoopCursor::<T>::exists() {
            return db.reads(1);
        }
        let now = Pallet::<T>::current_block();
        BillingLoopCursor::<T>::put(BillingCursor { due_block: now, position: 0 });
        log::info!(target: "runtime::smart-contract", "billing loop starts at block {now}");
        db.reads_writes(1, 1)
    }

    #[cfg(feature = "try-runtime")]
    fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
        use codec::Encode;
        Ok(BillingLoopCursor::<T>::get().encode())
    }

    #[cfg(feature = "try-runtime")]
    fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
        use codec::Decode;
        let before = Option::<BillingCursor>::decode(&mut &state[..])
            .map_err(|_| "the pre-upgrade state does not decode")?;
        let after = BillingLoopCursor::<T>::get().ok_or("the billing loop has no cursor")?;
        match before {
            Some(before) => frame_support::ensure!(before == after, "a running loop was moved"),
            None => frame_support::ensure!(
                after == BillingCursor { due_block: Pallet::<T>::current_block(), position: 0 },
                "the loop does not start at the upgrade block"
            ),
        }
        Ok(())
    }
}
