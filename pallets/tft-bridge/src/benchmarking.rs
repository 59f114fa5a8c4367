//! Benchmarks of every call of pallet-tft-bridge (frame-benchmarking v2) and of the expiry
//! hook, each in its most expensive case: a full validator list (or `v` validators for the votes
//! and signatures, whose work grows with them), the vote or signature that completes a
//! transaction, and fee accounts that must be created.
//!
//! The expiry hook (`on_initialize`) is benchmarked as `expire_transactions(k, e, r, m)`, with
//! `k` pending withdrawals and refunds kept, `e` reset, `r` withdrawals refunded at their
//! timeout and `m` deposits whose mint proposals (one per validator, each expiring) are due.
//! Their ranges go to [`MAX_PENDING`], the runtime's `MaxPendingTransactions`: at most that many
//! withdrawals and that many refunds are pending and at most that many deposits are due in one
//! block. The benchmark creates at most `MaxPendingTransactions` due deposits (the bound of
//! `MintExpiries`), so in a configuration with a smaller bound the top of `m`'s range measures
//! that bound.

use crate::{
    types::{BurnTransaction, RefundTransaction, StellarSignature, TxId, MAX_BRIDGE_VALIDATORS},
    *,
};
use alloc::{format, vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::{
    traits::{fungible::Mutate, EnsureOrigin, Get},
    BoundedVec,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use sp_runtime::SaturatedConversion;

const SEED: u32 = 0;
/// Upper end of the expiry benchmark's ranges: the runtime's `MaxPendingTransactions`.
pub const MAX_PENDING: u32 = 256;
/// A valid Stellar account address.
const STELLAR_ADDRESS: &[u8] = b"GA5ZSEJYB37JRC5AVCIA5MOP4RHTM335X2KGX3IHOJAPP5RE34K4KZVN";
/// Deposit and withdraw fee of the benchmarks: 1 TFT.
const FEE: u64 = 10_000_000;

fn bounded<S: Get<u32>>(bytes: &[u8]) -> BoundedVec<u8, S> {
    BoundedVec::truncate_from(bytes.to_vec())
}

fn restricted_origin<T: Config>() -> Result<T::RuntimeOrigin, BenchmarkError> {
    T::RestrictedOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)
}

/// Make `count` accounts the bridge validators; returns them sorted.
fn set_validators<T: Config>(count: u32) -> Vec<T::AccountId> {
    let accounts = (0..count).map(|i| account("validator", i, SEED)).collect();
    let validators =
        Pallet::<T>::sorted_validators(accounts).expect("at most MAX_BRIDGE_VALIDATORS");
    Validators::<T>::put(&validators);
    validators.into_inner()
}

/// Fees of 1 TFT and a fee account that does not exist yet.
fn set_fees<T: Config>() {
    WithdrawFee::<T>::put(FEE);
    DepositFee::<T>::put(FEE);
    FeeAccount::<T>::put(account::<T::AccountId>("fee", 0, SEED));
}

/// A distinct signature by validator number `index`, of maximum length.
fn signature(index: usize) -> StellarSignature {
    let text = format!("{index:0>128}");
    StellarSignature {
        signature: bounded(text.as_bytes()),
        stellar_pub_key: bounded(text.as_bytes()),
    }
}

/// `count` distinct signatures.
fn signatures(count: usize) -> types::Signatures {
    BoundedVec::truncate_from((0..count).map(signature).collect())
}

/// A Stellar deposit id of maximum length.
fn tx_id(index: u32) -> TxId {
    bounded(format!("{index:0>128}").as_bytes())
}

/// A pending withdrawal `id` of `amount`, created at `block` by an account of its own, with
/// `signed` signatures.
fn burn<T: Config>(id: u64, amount: u64, block: BlockNumberFor<T>, signed: usize) {
    burn_created_at::<T>(id, amount, block, block, signed)
}

/// A pending withdrawal `id` as [`burn`], reset last at `block` but created at `created`.
fn burn_created_at<T: Config>(
    id: u64,
    amount: u64,
    block: BlockNumberFor<T>,
    created: BlockNumberFor<T>,
    signed: usize,
) {
    let source: T::AccountId = account("source", id as u32, SEED);
    PendingWithdrawals::<T>::insert(&source, BoundedVec::truncate_from(vec![(id, created)]));
    BurnTransactions::<T>::insert(
        id,
        BurnTransaction {
            block,
            amount,
            source: Some(source),
            target: bounded(STELLAR_ADDRESS),
            signatures: signatures(signed),
            sequence_number: 1,
        },
    );
    BurnTransactionID::<T>::put(id);
}

/// A pending refund of deposit `tx_hash` of `amount`, created at `block`, with `signed`
/// signatures.
fn refund<T: Config>(tx_hash: &TxId, amount: u64, block: BlockNumberFor<T>, signed: usize) {
    RefundTransactions::<T>::insert(
        tx_hash,
        RefundTransaction {
            block,
            amount,
            target: bounded(STELLAR_ADDRESS),
            tx_hash: tx_hash.clone(),
            signatures: signatures(signed),
            sequence_number: 1,
        },
    );
}

#[benchmarks]
mod benchmarks {
    use super::*;

    #[benchmark]
    fn add_bridge_validator() -> Result<(), BenchmarkError> {
        set_validators::<T>(MAX_BRIDGE_VALIDATORS - 1);
        let target: T::AccountId = account("new-validator", 0, SEED);
        let origin = restricted_origin::<T>()?;

        #[extrinsic_call]
        _(origin as T::RuntimeOrigin, target.clone());

        assert!(Validators::<T>::get().contains(&target));
        Ok(())
    }

    #[benchmark]
    fn remove_bridge_validator() -> Result<(), BenchmarkError> {
        let validators = set_validators::<T>(MAX_BRIDGE_VALIDATORS);
        let target = validators[0].clone();
        let origin = restricted_origin::<T>()?;

        #[extrinsic_call]
        _(origin as T::RuntimeOrigin, target.clone());

        assert!(!Validators::<T>::get().contains(&target));
        Ok(())
    }

    #[benchmark]
    fn set_fee_account() -> Result<(), BenchmarkError> {
        let target: T::AccountId = account("fee", 0, SEED);
        let origin = restricted_origin::<T>()?;

        #[extrinsic_call]
        _(origin as T::RuntimeOrigin, target.clone());

        assert_eq!(FeeAccount::<T>::get(), Some(target));
        Ok(())
    }

    #[benchmark]
    fn set_withdraw_fee() -> Result<(), BenchmarkError> {
        let origin = restricted_origin::<T>()?;

        #[extrinsic_call]
        _(origin as T::RuntimeOrigin, FEE);

        assert_eq!(WithdrawFee::<T>::get(), FEE);
        Ok(())
    }

    #[benchmark]
    fn set_deposit_fee() -> Result<(), BenchmarkError> {
        let origin = restricted_origin::<T>()?;

        #[extrinsic_call]
        _(origin as T::RuntimeOrigin, FEE);

        assert_eq!(DepositFee::<T>::get(), FEE);
        Ok(())
    }

    #[benchmark]
    fn swap_to_stellar() -> Result<(), BenchmarkError> {
        set_fees::<T>();
        let source: T::AccountId = whitelisted_caller();
        let amount: BalanceOf<T> = (100 * FEE).saturated_into();
        T::Currency::set_balance(&source, (200 * FEE).saturated_into());
        let count_before = BurnTransactions::<T>::count();

        #[extrinsic_call]
        _(RawOrigin::Signed(source), STELLAR_ADDRESS.to_vec(), amount);

        assert_eq!(BurnTransactions::<T>::count(), count_before + 1);
        Ok(())
    }

    /// The vote that completes the mint, with `v` validators.
    #[benchmark]
    fn propose_or_vote_mint_transaction(
        v: Linear<1, MAX_BRIDGE_VALIDATORS>,
    ) -> Result<(), BenchmarkError> {
        set_fees::<T>();
        let validators = set_validators::<T>(v);
        let quorum = Pallet::<T>::quorum() as usize;
        let target: T::AccountId = account("target", 0, SEED);
        let amount = 100 * FEE;
        let id = tx_id(0);
        for validator in validators.iter().take(quorum - 1) {
            Pallet::<T>::do_propose_or_vote_mint_transaction(
                validator.clone(),
                id.clone(),
                target.clone(),
                amount,
            )?;
        }
        let last = validators[quorum - 1].clone();

        #[extrinsic_call]
        _(
            RawOrigin::Signed(last),
            id.clone().into_inner(),
            target,
            amount,
        );

        assert!(ExecutedMintTransactions::<T>::contains_key(&id));
        Ok(())
    }

    /// The signature that completes the withdrawal, with `v` validators.
    #[benchmark]
    fn propose_burn_transaction_or_add_sig(
        v: Linear<1, MAX_BRIDGE_VALIDATORS>,
    ) -> Result<(), BenchmarkError> {
        let validators = set_validators::<T>(v);
        let quorum = Pallet::<T>::quorum() as usize;
        let amount = 100 * FEE;
        burn::<T>(
            1,
            amount,
            frame_system::Pallet::<T>::block_number(),
            quorum - 1,
        );
        let last = signature(quorum - 1);

        #[extrinsic_call]
        _(
            RawOrigin::Signed(validators[quorum - 1].clone()),
            1,
            STELLAR_ADDRESS.to_vec(),
            amount,
            last.signature.into_inner(),
            last.stellar_pub_key.into_inner(),
            2,
        );

        let burn = BurnTransactions::<T>::get(1).ok_or(BenchmarkError::Stop("no withdrawal"))?;
        assert_eq!(burn.signatures.len(), quorum);
        Ok(())
    }

    #[benchmark]
    fn set_burn_transaction_executed(
        v: Linear<1, MAX_BRIDGE_VALIDATORS>,
    ) -> Result<(), BenchmarkError> {
        let validators = set_validators::<T>(v);
        let quorum = Pallet::<T>::quorum() as usize;
        burn::<T>(
            1,
            100 * FEE,
            frame_system::Pallet::<T>::block_number(),
            quorum,
        );

        #[extrinsic_call]
        _(RawOrigin::Signed(validators[0].clone()), 1);

        assert!(ExecutedBurnTransactions::<T>::contains_key(1));
        Ok(())
    }

    /// The signature that completes the refund, with `v` validators.
    #[benchmark]
    fn create_refund_transaction_or_add_sig(
        v: Linear<1, MAX_BRIDGE_VALIDATORS>,
    ) -> Result<(), BenchmarkError> {
        let validators = set_validators::<T>(v);
        let quorum = Pallet::<T>::quorum() as usize;
        let amount = 100 * FEE;
        let tx_hash = tx_id(0);
        refund::<T>(
            &tx_hash,
            amount,
            frame_system::Pallet::<T>::block_number(),
            quorum - 1,
        );
        let last = signature(quorum - 1);

        #[extrinsic_call]
        _(
            RawOrigin::Signed(validators[quorum - 1].clone()),
            tx_hash.clone().into_inner(),
            STELLAR_ADDRESS.to_vec(),
            amount,
            last.signature.into_inner(),
            last.stellar_pub_key.into_inner(),
            2,
        );

        assert_eq!(
            RefundTransactions::<T>::get(&tx_hash).signatures.len(),
            quorum
        );
        Ok(())
    }

    #[benchmark]
    fn set_refund_transaction_executed(
        v: Linear<1, MAX_BRIDGE_VALIDATORS>,
    ) -> Result<(), BenchmarkError> {
        let validators = set_validators::<T>(v);
        let quorum = Pallet::<T>::quorum() as usize;
        let tx_hash = tx_id(0);
        refund::<T>(
            &tx_hash,
            100 * FEE,
            frame_system::Pallet::<T>::block_number(),
            quorum,
        );

        #[extrinsic_call]
        _(
            RawOrigin::Signed(validators[0].clone()),
            tx_hash.clone().into_inner(),
        );

        assert!(ExecutedRefundTransactions::<T>::contains_key(&tx_hash));
        Ok(())
    }

    /// The expiry check at the start of a block (`on_initialize`), with a full validator list:
    /// `k` pending withdrawals and refunds kept (a quorum of signatures each), `e` reset
    /// (withdrawals one signature short of the quorum, so their timeout is checked), `r`
    /// withdrawals refunded to their source at their timeout, and `m` deposits due, each with
    /// one expiring proposal per validator.
    #[benchmark]
    fn expire_transactions(
        k: Linear<0, { 2 * MAX_PENDING }>,
        e: Linear<0, { 2 * MAX_PENDING }>,
        r: Linear<0, MAX_PENDING>,
        m: Linear<0, MAX_PENDING>,
    ) {
        let validators = set_validators::<T>(MAX_BRIDGE_VALIDATORS);
        let quorum = Pallet::<T>::quorum() as usize;
        let retry: BlockNumberFor<T> = T::RetryInterval::get().into();
        let timeout: BlockNumberFor<T> = T::TransactionTimeout::get().into();
        let now = retry + timeout;
        let amount = 100 * FEE;
        let mut id = 0u64;
        let mut next_id = || {
            id += 1;
            id
        };
        for index in 0..k {
            let id = next_id();
            if index % 2 == 0 {
                burn::<T>(id, amount, now, quorum);
            } else {
                refund::<T>(&tx_id(id as u32), amount, now, quorum);
            }
        }
        // Reset `RetryInterval` blocks ago, created `RetryInterval` blocks ago: not timed out.
        for index in 0..e {
            let id = next_id();
            if index % 2 == 0 {
                burn::<T>(id, amount, timeout, quorum - 1);
            } else {
                refund::<T>(&tx_id(id as u32), amount, timeout, quorum);
            }
        }
        // Created `TransactionTimeout` blocks ago.
        for _ in 0..r {
            burn_created_at::<T>(next_id(), amount, timeout, retry, quorum - 1);
        }
        let due = m.min(T::MaxPendingTransactions::get());
        let mut deposits = Vec::new();
        for index in 0..due {
            let deposit = tx_id(1_000_000 + index);
            let proposals = validators
                .iter()
                .enumerate()
                .map(|(n, validator)| types::MintProposal {
                    target: account("target", n as u32, SEED),
                    amount: amount + n as u64,
                    block: retry,
                    voters: BoundedVec::truncate_from(vec![validator.clone()]),
                })
                .collect::<Vec<_>>();
            MintProposals::<T>::insert(&deposit, BoundedVec::truncate_from(proposals));
            MintTransactionVoters::<T>::insert(
                &deposit,
                BoundedVec::truncate_from(validators.clone()),
            );
            deposits.push(deposit);
        }
        MintExpiries::<T>::insert(now, BoundedVec::truncate_from(deposits.clone()));
        let counts;

        #[block]
        {
            counts = Pallet::<T>::expire_transactions(now);
        }

        assert_eq!(
            counts,
            crate::expiry::ExpiryCounts {
                kept: k,
                reset: e,
                refunded: r,
                mints: due,
            }
        );
        assert_eq!(
            BurnTransactions::<T>::count() + RefundTransactions::<T>::count(),
            k + e
        );
        assert!(BurnTransactions::<T>::iter_values().all(|burn| burn.block == now));
        assert!(RefundTransactions::<T>::iter_values().all(|refund| refund.block == now));
        assert!(deposits
            .iter()
            .all(|deposit| !MintProposals::<T>::contains_key(deposit)
                && !MintTransactionVoters::<T>::contains_key(deposit)));
    }

    impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
