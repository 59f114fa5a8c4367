//! Weights of the calls and hooks of pallet-tft-bridge.
//!
//! The call weights are **upstream TFChain's figures** (`ref_time` and `proof_size` benchmarked
//! for the TFChain v2.7.0 runtime), not measurements of this code on this machine, kept so that
//! fees match the public network. Their database accesses are this pallet's own, which differ
//! from upstream where storage was added:
//!
//! - `propose_or_vote_mint_transaction`: + 1 read and + 1 write of `MintTransactionVoters`
//!   (one vote per validator);
//! - `swap_to_stellar`, `set_burn_transaction_executed`, `create_refund_transaction_or_add_sig`
//!   and `set_refund_transaction_executed`: + 1 read and + 1 write of the counter of pending
//!   withdrawals or refunds.
//!
//! The vote, signature and executed calls get a per-validator term for their component `v` (the
//! number of bridge validators; a quorum of signatures is kept per transaction), declared at `MAX_BRIDGE_VALIDATORS` and refunded to the actual count.
//!
//! `expire_transactions(k, e, r, m)` (the expiry check at the start of every block: `k` pending
//! withdrawals and refunds kept, `e` reset, `r` withdrawals refunded at their timeout, `m`
//! deposits whose mint proposals are due) has no upstream figure: it is an estimate, pending
//! measurement, of 5 µs plus 10 µs and one read per pending transaction kept, 25 µs, one read
//! and one write per transaction reset, twice that per withdrawal refunded, 500 µs and 2 reads
//! and 3 writes per deposit due, plus the two pending counters and `MintExpiries`.
//!
//! Not yet counted (issue 12): the reads and writes of `MintProposals` and `MintExpiries` by
//! `propose_or_vote_mint_transaction`, of `PendingWithdrawals` by `swap_to_stellar` and
//! `set_burn_transaction_executed`.
//!
//! They are pending regeneration on the reference machine with
//! `tfchain benchmark pallet --pallet pallet_tft_bridge --extrinsic '*' --output pallets/tft-bridge/src/weights.rs`
//! (the benchmarks are in `benchmarking.rs`).

#![allow(missing_docs)]

use core::marker::PhantomData;
use frame_support::{
    traits::Get,
    weights::{constants::RocksDbWeight, RuntimeDbWeight, Weight},
};

/// Weight functions needed for pallet-tft-bridge: one per call, and the expiry hook.
pub trait WeightInfo {
    fn add_bridge_validator() -> Weight;
    fn remove_bridge_validator() -> Weight;
    fn set_fee_account() -> Weight;
    fn set_withdraw_fee() -> Weight;
    fn set_deposit_fee() -> Weight;
    fn swap_to_stellar() -> Weight;
    fn propose_or_vote_mint_transaction(v: u32) -> Weight;
    fn propose_burn_transaction_or_add_sig(v: u32) -> Weight;
    fn set_burn_transaction_executed(v: u32) -> Weight;
    fn create_refund_transaction_or_add_sig(v: u32) -> Weight;
    fn set_refund_transaction_executed(v: u32) -> Weight;
    /// Expiry check of pending withdrawals and refunds: `k` kept, `e` expired.
    fn expire_transactions(k: u32, e: u32, r: u32, m: u32) -> Weight;
}

/// Estimated base time of the expiry check, in picoseconds.
const EXPIRE_BASE_REF_TIME: u64 = 5_000_000;
/// Estimated time per pending transaction kept, in picoseconds.
const EXPIRE_KEPT_REF_TIME: u64 = 10_000_000;
/// Estimated time per pending transaction expired, in picoseconds.
const EXPIRE_EXPIRED_REF_TIME: u64 = 25_000_000;
/// Estimated proof size per pending transaction read.
const EXPIRE_PER_TX_PROOF_SIZE: u64 = 4_036;
/// Proof size of the two counters read by the expiry check.
const EXPIRE_BASE_PROOF_SIZE: u64 = 1_489;

/// Estimated time per deposit whose mint proposals expire (all its proposals), in picoseconds.
const EXPIRE_MINT_REF_TIME: u64 = 500_000_000;
/// Estimated proof size of the proposals and voters of one deposit.
const EXPIRE_MINT_PROOF_SIZE: u64 = 12_000;
/// Estimated time per bridge validator of a vote or signature, in picoseconds.
const PER_VALIDATOR_REF_TIME: u64 = 200_000;
/// Estimated proof size per bridge validator of a mint vote (its account as a voter).
const VOTER_PROOF_SIZE: u64 = 64;
/// Estimated proof size per bridge validator of a signature (account and signature).
const SIGNER_PROOF_SIZE: u64 = 300;

/// The part of a vote or signature that grows with the `v` bridge validators.
fn per_validator(v: u32, proof_size: u64) -> Weight {
    Weight::from_parts(PER_VALIDATOR_REF_TIME, proof_size).saturating_mul(v.into())
}

/// `Weight::from_parts(ref_time, proof_size)` plus `reads` and `writes` database accesses.
fn weight(ref_time: u64, proof_size: u64, reads: u64, writes: u64, db: RuntimeDbWeight) -> Weight {
    Weight::from_parts(ref_time, proof_size)
        .saturating_add(db.reads(reads))
        .saturating_add(db.writes(writes))
}

/// The weights, with database accesses priced by the given database weight.
struct Weights(RuntimeDbWeight);

impl Weights {
    fn add_bridge_validator(&self) -> Weight {
        weight(20_233_000, 1_774, 1, 1, self.0)
    }
    fn remove_bridge_validator(&self) -> Weight {
        weight(17_998_000, 1_807, 1, 1, self.0)
    }
    fn set_fee_account(&self) -> Weight {
        weight(5_051_000, 0, 0, 1, self.0)
    }
    fn set_withdraw_fee(&self) -> Weight {
        weight(4_493_000, 0, 0, 1, self.0)
    }
    fn set_deposit_fee(&self) -> Weight {
        weight(4_876_000, 0, 0, 1, self.0)
    }
    fn swap_to_stellar(&self) -> Weight {
        weight(76_009_000, 3_593, 5, 4, self.0)
    }
    fn propose_or_vote_mint_transaction(&self, v: u32) -> Weight {
        weight(113_671_000, 3_997, 7, 4, self.0).saturating_add(per_validator(v, VOTER_PROOF_SIZE))
    }
    fn propose_burn_transaction_or_add_sig(&self, v: u32) -> Weight {
        weight(42_948_000, 4_096, 3, 1, self.0).saturating_add(per_validator(v, SIGNER_PROOF_SIZE))
    }
    fn set_burn_transaction_executed(&self, v: u32) -> Weight {
        weight(29_777_000, 4_036, 4, 3, self.0).saturating_add(per_validator(v, SIGNER_PROOF_SIZE))
    }
    fn create_refund_transaction_or_add_sig(&self, v: u32) -> Weight {
        weight(37_525_000, 3_883, 3, 2, self.0).saturating_add(per_validator(v, SIGNER_PROOF_SIZE))
    }
    fn set_refund_transaction_executed(&self, v: u32) -> Weight {
        weight(35_316_000, 4_058, 4, 3, self.0).saturating_add(per_validator(v, SIGNER_PROOF_SIZE))
    }
    fn expire_transactions(&self, kept: u32, reset: u32, refunded: u32, mints: u32) -> Weight {
        let expired = u64::from(reset).saturating_add(refunded.into());
        let (kept, refunded, mints) = (u64::from(kept), u64::from(refunded), u64::from(mints));
        weight(EXPIRE_BASE_REF_TIME, EXPIRE_BASE_PROOF_SIZE, 2, 0, self.0)
            .saturating_add(
                Weight::from_parts(EXPIRE_KEPT_REF_TIME, EXPIRE_PER_TX_PROOF_SIZE)
                    .saturating_mul(kept),
            )
            .saturating_add(
                Weight::from_parts(EXPIRE_EXPIRED_REF_TIME, EXPIRE_PER_TX_PROOF_SIZE)
                    .saturating_mul(expired),
            )
            .saturating_add(self.0.reads_writes(kept.saturating_add(expired), expired))
            // A refunded withdrawal: its source's pending withdrawals and account.
            .saturating_add(
                Weight::from_parts(EXPIRE_EXPIRED_REF_TIME, EXPIRE_PER_TX_PROOF_SIZE)
                    .saturating_mul(refunded),
            )
            .saturating_add(self.0.reads_writes(2, 2).saturating_mul(refunded))
            // A deposit due: its proposals (each expiring, with an event) and voters.
            .saturating_add(
                Weight::from_parts(EXPIRE_MINT_REF_TIME, EXPIRE_MINT_PROOF_SIZE)
                    .saturating_mul(mints),
            )
            .saturating_add(self.0.reads_writes(2, 3).saturating_mul(mints))
            .saturating_add(self.0.reads_writes(1, 1))
    }
}

/// Weights for pallet-tft-bridge using the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
    fn add_bridge_validator() -> Weight {
        Weights(T::DbWeight::get()).add_bridge_validator()
    }
    fn remove_bridge_validator() -> Weight {
        Weights(T::DbWeight::get()).remove_bridge_validator()
    }
    fn set_fee_account() -> Weight {
        Weights(T::DbWeight::get()).set_fee_account()
    }
    fn set_withdraw_fee() -> Weight {
        Weights(T::DbWeight::get()).set_withdraw_fee()
    }
    fn set_deposit_fee() -> Weight {
        Weights(T::DbWeight::get()).set_deposit_fee()
    }
    fn swap_to_stellar() -> Weight {
        Weights(T::DbWeight::get()).swap_to_stellar()
    }
    fn propose_or_vote_mint_transaction(v: u32) -> Weight {
        Weights(T::DbWeight::get()).propose_or_vote_mint_transaction(v)
    }
    fn propose_burn_transaction_or_add_sig(v: u32) -> Weight {
        Weights(T::DbWeight::get()).propose_burn_transaction_or_add_sig(v)
    }
    fn set_burn_transaction_executed(v: u32) -> Weight {
        Weights(T::DbWeight::get()).set_burn_transaction_executed(v)
    }
    fn create_refund_transaction_or_add_sig(v: u32) -> Weight {
        Weights(T::DbWeight::get()).create_refund_transaction_or_add_sig(v)
    }
    fn set_refund_transaction_executed(v: u32) -> Weight {
        Weights(T::DbWeight::get()).set_refund_transaction_executed(v)
    }
    fn expire_transactions(k: u32, e: u32, r: u32, m: u32) -> Weight {
        Weights(T::DbWeight::get()).expire_transactions(k, e, r, m)
    }
}

/// The same figures with RocksDB database weights, for tests.
impl WeightInfo for () {
    fn add_bridge_validator() -> Weight {
        Weights(RocksDbWeight::get()).add_bridge_validator()
    }
    fn remove_bridge_validator() -> Weight {
        Weights(RocksDbWeight::get()).remove_bridge_validator()
    }
    fn set_fee_account() -> Weight {
        Weights(RocksDbWeight::get()).set_fee_account()
    }
    fn set_withdraw_fee() -> Weight {
        Weights(RocksDbWeight::get()).set_withdraw_fee()
    }
    fn set_deposit_fee() -> Weight {
        Weights(RocksDbWeight::get()).set_deposit_fee()
    }
    fn swap_to_stellar() -> Weight {
        Weights(RocksDbWeight::get()).swap_to_stellar()
    }
    fn propose_or_vote_mint_transaction(v: u32) -> Weight {
        Weights(RocksDbWeight::get()).propose_or_vote_mint_transaction(v)
    }
    fn propose_burn_transaction_or_add_sig(v: u32) -> Weight {
        Weights(RocksDbWeight::get()).propose_burn_transaction_or_add_sig(v)
    }
    fn set_burn_transaction_executed(v: u32) -> Weight {
        Weights(RocksDbWeight::get()).set_burn_transaction_executed(v)
    }
    fn create_refund_transaction_or_add_sig(v: u32) -> Weight {
        Weights(RocksDbWeight::get()).create_refund_transaction_or_add_sig(v)
    }
    fn set_refund_transaction_executed(v: u32) -> Weight {
        Weights(RocksDbWeight::get()).set_refund_transaction_executed(v)
    }
    fn expire_transactions(k: u32, e: u32, r: u32, m: u32) -> Weight {
        Weights(RocksDbWeight::get()).expire_transactions(k, e, r, m)
    }
}
