//! Expiry, at the start of every block:
//!
//! - withdrawals and refunds whose Stellar payment did not complete within `RetryInterval`
//!   blocks: their signatures are dropped so that the bridge validators sign them again (for a
//!   new sequence number of the bridge's Stellar account);
//! - except withdrawals made `TransactionTimeout` or more blocks earlier that do not hold a
//!   quorum of signatures: they are refunded to their source and removed;
//! - mint proposals made `TransactionTimeout` blocks earlier that did not reach the quorum:
//!   they are dropped and their voters may vote again ([`crate::mint`]).

//!
//! The work is bounded per block by `MaxPendingTransactions`: at most that many withdrawals and
//! that many refunds are pending (both counted maps refuse more), and at most that many
//! deposits get a mint proposal in one block (`MintExpiries` is bounded by it). The hook's
//! weight is [`ExpiryCounts::weight`], from the `expire_transactions` benchmark, whose
//! components are those four counts.

use crate::{
    pallet::{BurnTransactions, Config, Event, Pallet, RefundTransactions},
    weights::WeightInfo,
};
use alloc::vec::Vec;
use frame_support::traits::Get;
use frame_support::weights::Weight;
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::Saturating;

/// What one expiry check did: the components of the `expire_transactions` benchmark.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ExpiryCounts {
    /// Pending withdrawals and refunds read and kept (not yet `RetryInterval` old).
    pub kept: u32,
    /// Withdrawals and refunds whose signatures were dropped for a new round.
    pub reset: u32,
    /// Withdrawals past `TransactionTimeout` without a quorum, refunded to their source.
    pub refunded: u32,
    /// Deposits whose mint proposals were due for expiry (`MintExpiries` of the block).
    pub mints: u32,
}

impl ExpiryCounts {
    /// The weight of the check, from the benchmark.
    pub fn weight<W: WeightInfo>(&self) -> Weight {
        W::expire_transactions(self.kept, self.reset, self.refunded, self.mints)
    }
}

impl<T: Config> Pallet<T> {
    /// Reset, at block `now`, the withdrawals and refunds created or reset `RetryInterval` or
    /// more blocks ago, and announce each with an `…Expired` event; refund instead the
    /// withdrawals that timed out; drop the mint proposals that timed out.
    ///
    /// Returns what it did, to weigh it.
    pub(crate) fn expire_transactions(now: BlockNumberFor<T>) -> ExpiryCounts {
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
        // Both maps hold at most `MaxPendingTransactions` entries.
        let expired = (expired_burns.len() + expired_refunds.len()) as u32;
        let quorum = Self::quorum() as usize;
        let mut refunded = 0u32;

        for (id, mut burn) in expired_burns {
            if burn.signatures.len() < quorum && Self::withdrawal_timed_out(id, &burn, now) {
                Self::refund_withdrawal(id, burn);
                refunded = refunded.saturating_add(1);
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
        let mints = Self::expire_mint_proposals(now);
        ExpiryCounts {
            kept: pending.saturating_sub(expired),
            reset: expired.saturating_sub(refunded),
            refunded,
            mints,
        }
    }
}
