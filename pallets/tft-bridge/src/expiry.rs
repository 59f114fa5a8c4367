//! Expiry, at the start of every block:
//!
//! - withdrawals and refunds whose Stellar payment did not complete within `RetryInterval`
//!   blocks: their signatures are dropped so that the bridge validators sign them again (for a
//!   new sequence number of the bridge's Stellar account);
//! - except withdrawals made `TransactionTimeout` or more blocks earlier that do not hold a
//!   quorum of signatures: they are refunded to their source and removed;
//! - mint proposals made `TransactionTimeout` blocks earlier that did not reach the quorum:
//!   they are dropped and their voters may vote again ([`crate::mint`]).

use crate::pallet::{BurnTransactions, Config, Event, Pallet, RefundTransactions};
use alloc::vec::Vec;
use frame_support::traits::Get;
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::Saturating;

impl<T: Config> Pallet<T> {
    /// Reset, at block `now`, the withdrawals and refunds created or reset `RetryInterval` or
    /// more blocks ago, and announce each with an `…Expired` event; refund instead the
    /// withdrawals that timed out; drop the mint proposals that timed out.
    ///
    /// Returns how many pending transactions were kept and how many expired (the deposits
    /// whose mint proposals were checked counted as expired).
    pub(crate) fn expire_transactions(now: BlockNumberFor<T>) -> (u32, u32) {
        let interval = BlockNumberFor::<T>::from(T::RetryInterval::get());
        let is_expired = |block: BlockNumberFor<T>| now.saturating_sub(block) >= interval;
        let pending =
            BurnTransactions::<T>::count().saturating_add(RefundTransactions::<T>::count());

        let expired_burns: Vec<_> = BurnTransactions::<T>::iter()
            .filter(|(_, burn)| is_expired(burn.block))
            .collect();
        let expired_refunds: Vec<_> = RefundTransactions::<T>::iter()
            .filter(|(_, refund)| is_expired(refund.block))
            .collect();
        let expired = (expired_burns.len() + expired_refunds.len()) as u32;
        let quorum = Self::quorum() as usize;

        for (id, mut burn) in expired_burns {
            if burn.signatures.len() < quorum && Self::withdrawal_timed_out(id, &burn, now) {
                Self::refund_withdrawal(id, burn);
                continue;
            }
            burn.signatures = Default::default();
            burn.sequence_number = 0;
            burn.block = now;
            BurnTransactions::<T>::insert(id, &burn);
            Self::deposit_event(Event::BurnTransactionExpired(
                id,
                burn.source,
                burn.target,
                burn.amount,
            ));
        }
        for (tx_hash, mut refund) in expired_refunds {
            refund.signatures = Default::default();
            refund.sequence_number = 0;
            refund.block = now;
            RefundTransactions::<T>::insert(&tx_hash, &refund);
            Self::deposit_event(Event::RefundTransactionExpired(
                tx_hash,
                refund.target,
                refund.amount,
            ));
        }
        let mint_deposits = Self::expire_mint_proposals(now);
        (
            pending.saturating_sub(expired),
            expired.saturating_add(mint_deposits),
        )
    }
}
