//! Benchmarks of pallet-session's two calls, `set_keys` and `purge_keys`, as this runtime
//! configures them: the validator set (not pallet-staking) decides who validates, so the
//! benchmarks polkadot-sdk ships (which build staking validators) do not apply. The runtime lists
//! `Pallet` under `pallet_session` in its benchmarks, so the generated weights implement
//! `pallet_session::WeightInfo`.
//!
//! Worst case of `set_keys`: a validator rotating every key it has (each old key owner is cleared
//! and each new one written). `purge_keys` removes a full set of keys.

use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_system::RawOrigin;
use pallet_session::Pallet as Session;
use sp_runtime::traits::Convert;

/// Stands for pallet-session in the benchmark CLI, which needs a pallet type defined here.
pub struct Pallet<T: Config>(Session<T>);

/// What the session benchmarks need from the runtime beyond pallet-session's configuration.
pub trait Config: pallet_session::Config + crate::Config {
    /// New session keys for `owner`, with the proof that `owner` holds their private keys (the
    /// proof `set_keys` checks). Each call returns keys no account holds yet.
    fn generate_session_keys_and_proof(owner: Self::AccountId) -> (Self::Keys, Vec<u8>);
}

/// A benchmark account that exists (has a provider), as a validator's account does.
fn existing_account<T: Config>(name: &'static str) -> T::AccountId {
    let who: T::AccountId = account(name, 0, 0);
    frame_system::Pallet::<T>::inc_providers(&who);
    who
}

/// The session keys `who` has registered for the next session.
fn next_keys<T: Config>(who: &T::AccountId) -> Option<T::Keys> {
    let validator = <T as pallet_session::Config>::ValidatorIdOf::convert(who.clone())?;
    pallet_session::NextKeys::<T>::get(validator)
}

/// `who` with session keys registered.
fn with_keys<T: Config>(who: &T::AccountId) -> Result<(), BenchmarkError> {
    let (keys, proof) = T::generate_session_keys_and_proof(who.clone());
    Session::<T>::set_keys(RawOrigin::Signed(who.clone()).into(), keys, proof)
        .map_err(|_| BenchmarkError::Stop("set_keys failed in set-up"))?;
    Ok(())
}

#[benchmarks]
mod benchmarks {
    use super::*;

    #[benchmark]
    fn set_keys() -> Result<(), BenchmarkError> {
        let who = existing_account::<T>("validator");
        with_keys::<T>(&who)?;
        let (keys, proof) = T::generate_session_keys_and_proof(who.clone());
        let origin = RawOrigin::Signed(who.clone());

        #[block]
        {
            Session::<T>::set_keys(origin.into(), keys.clone(), proof)
                .map_err(|_| BenchmarkError::Stop("set_keys failed"))?;
        }

        assert!(next_keys::<T>(&who) == Some(keys));
        Ok(())
    }

    #[benchmark]
    fn purge_keys() -> Result<(), BenchmarkError> {
        let who = existing_account::<T>("validator");
        with_keys::<T>(&who)?;
        let origin = RawOrigin::Signed(who.clone());

        #[block]
        {
            Session::<T>::purge_keys(origin.into())
                .map_err(|_| BenchmarkError::Stop("purge_keys failed"))?;
        }

        assert!(next_keys::<T>(&who).is_none());
        Ok(())
    }

    impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
