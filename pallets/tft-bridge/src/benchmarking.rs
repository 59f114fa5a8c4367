//! Benchmarks of every call of pallet-tft-bridge (frame-benchmarking v2) and of the expiry
//! hook, each in its most expensive case: a full validator list, the vote or signature that
//! completes a transaction, and fee accounts that must be created.

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
    let source: T::AccountId = account("source", id as u32, SEED);
    PendingWithdrawals::<T>::insert(&source, BoundedVec::truncate_from(vec![(id, block)]));
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
        _(RawOrigin::Signed(source), bounded(STELLAR_ADDRESS), amount);

        assert_eq!(BurnTransactions::<T>::count(), count_before + 1);
        Ok(())
    }

    /// The vote that completes the mint, with a full validator list.
    #[benchmark]
    fn propose_or_vote_mint_transaction() -> Result<(), BenchmarkError> {
        set_fees::<T>();
        let validators = set_validators::<T>(MAX_BRIDGE_VALIDATORS);
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
        _(RawOrigin::Signed(last), id.clone(), target, amount);

        assert!(ExecutedMintTransactions::<T>::contains_key(&id));
        Ok(())
    }

    /// The signature that completes the withdrawal, with a full validator list.
    #[benchmark]
    fn propose_burn_transaction_or_add_sig() -> Result<(), BenchmarkError> {
        let validators = set_validators::<T>(MAX_BRIDGE_VALIDATORS);
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
            bounded(STELLAR_ADDRESS),
            amount,
            last.signature,
            last.stellar_pub_key,
            2,
        );

        let burn = BurnTransactions::<T>::get(1).ok_or(BenchmarkError::Stop("no withdrawal"))?;
        assert_eq!(burn.signatures.len(), quorum);
        Ok(())
    }

    #[benchmark]
    fn set_burn_transaction_executed() -> Result<(), BenchmarkError> {
        let validators = set_validators::<T>(MAX_BRIDGE_VALIDATORS);
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

    /// The signature that completes the refund, with a full validator list.
    #[benchmark]
    fn create_refund_transaction_or_add_sig() -> Result<(), BenchmarkError> {
        let validators = set_validators::<T>(MAX_BRIDGE_VALIDATORS);
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
            tx_hash.clone(),
            bounded(STELLAR_ADDRESS),
            amount,
            last.signature,
            last.stellar_pub_key,
            2,
        );

        assert_eq!(
            RefundTransactions::<T>::get(&tx_hash).signatures.len(),
            quorum
        );
        Ok(())
    }

    #[benchmark]
    fn set_refund_transaction_executed() -> Result<(), BenchmarkError> {
        let validators = set_validators::<T>(MAX_BRIDGE_VALIDATORS);
        let quorum = Pallet::<T>::quorum() as usize;
        let tx_hash = tx_id(0);
        refund::<T>(
            &tx_hash,
            100 * FEE,
            frame_system::Pallet::<T>::block_number(),
            quorum,
        );

        #[extrinsic_call]
        _(RawOrigin::Signed(validators[0].clone()), tx_hash.clone());

        assert!(ExecutedRefundTransactions::<T>::contains_key(&tx_hash));
        Ok(())
    }

    /// `k` pending withdrawals and refunds that are kept and `e` that expire, each with a full
    /// list of signatures.
    #[benchmark]
    fn expire_transactions(k: Linear<0, 1_000>, e: Linear<0, 1_000>) {
        let created: BlockNumberFor<T> = 1u32.into();
        let now = created + T::RetryInterval::get().into();
        let full = MAX_BRIDGE_VALIDATORS as usize;
        for index in 0..(k + e) {
            let block = if index < k { now } else { created };
            if index % 2 == 0 {
                burn::<T>(u64::from(index) + 1, 100 * FEE, block, full);
            } else {
                refund::<T>(&tx_id(index), 100 * FEE, block, full);
            }
        }

        #[block]
        {
            Pallet::<T>::expire_transactions(now);
        }

        assert!(BurnTransactions::<T>::iter_values().all(|burn| burn.block == now));
        assert!(RefundTransactions::<T>::iter_values().all(|refund| refund.block == now));
    }

    impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
