//! Benchmarks of the validator set pallet, measuring each call in its worst case: the lists it
//! reads are as long as `MaxValidators` allows and the account it looks for is at their end,
//! and the session rotation hook (`SessionManager::new_session`) removing `o` offline
//! validators from a full set.

use crate::*;
use frame_benchmarking::v2::*;
use frame_support::{traits::EnsureOrigin, BoundedVec};
use frame_system::RawOrigin;
use pallet_session::SessionManager;

/// Upper end of `new_session`'s range: the runtime's `MaxValidators` (the benchmark marks at
/// most `MaxValidators` validators offline).
pub const MAX_VALIDATORS: u32 = 100;

/// Seed of the benchmark accounts.
const SEED: u32 = 0;

/// `count` distinct benchmark accounts.
fn accounts<T: Config>(count: u32) -> Vec<T::AccountId> {
    (0..count).map(|i| account("validator", i, SEED)).collect()
}

/// `list` as a bounded validator list.
fn bounded<T: Config>(
    list: Vec<T::AccountId>,
) -> Result<BoundedVec<T::AccountId, T::MaxValidators>, BenchmarkError> {
    list.try_into()
        .map_err(|_| BenchmarkError::Stop("more accounts than MaxValidators"))
}

/// Check that the last event deposited is `event`.
fn assert_last_event<T: Config>(event: Event<T>) {
    frame_system::Pallet::<T>::assert_last_event(<T as Config>::RuntimeEvent::from(event).into());
}

#[benchmarks]
mod benchmarks {
    use super::*;

    /// A set one short of full, all approved; adds a new account.
    #[benchmark]
    fn add_validator() -> Result<(), BenchmarkError> {
        let max = T::MaxValidators::get();
        let existing = bounded::<T>(accounts::<T>(max.saturating_sub(1)))?;
        Validators::<T>::put(&existing);
        ApprovedValidators::<T>::put(&existing);
        let new: T::AccountId = account("candidate", 0, SEED);
        let origin =
            T::AddRemoveOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

        #[extrinsic_call]
        _(origin as T::RuntimeOrigin, new.clone());

        assert!(Validators::<T>::get().contains(&new));
        assert!(ApprovedValidators::<T>::get().contains(&new));
        assert_last_event::<T>(Event::ValidatorAdditionInitiated(new));
        Ok(())
    }

    /// A full set, all approved and all marked offline; removes the last validator.
    #[benchmark]
    fn remove_validator() -> Result<(), BenchmarkError> {
        let all = bounded::<T>(accounts::<T>(T::MaxValidators::get()))?;
        let target = all
            .last()
            .cloned()
            .ok_or(BenchmarkError::Stop("MaxValidators is 0"))?;
        Validators::<T>::put(&all);
        ApprovedValidators::<T>::put(&all);
        OfflineValidators::<T>::put(&all);
        let origin =
            T::AddRemoveOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

        #[extrinsic_call]
        _(origin as T::RuntimeOrigin, target.clone());

        assert!(!Validators::<T>::get().contains(&target));
        assert!(!ApprovedValidators::<T>::get().contains(&target));
        assert!(!OfflineValidators::<T>::get().contains(&target));
        assert_last_event::<T>(Event::ValidatorRemovalInitiated(target));
        Ok(())
    }

    /// A full approved list whose last account is not in the set; that account rejoins.
    #[benchmark]
    fn add_validator_again() -> Result<(), BenchmarkError> {
        let mut all = accounts::<T>(T::MaxValidators::get());
        let approved = bounded::<T>(all.clone())?;
        let caller = all
            .pop()
            .ok_or(BenchmarkError::Stop("MaxValidators is 0"))?;
        Validators::<T>::put(bounded::<T>(all)?);
        ApprovedValidators::<T>::put(&approved);

        #[extrinsic_call]
        _(RawOrigin::Signed(caller.clone()), caller.clone());

        assert!(Validators::<T>::get().contains(&caller));
        assert_last_event::<T>(Event::ValidatorAdditionInitiated(caller));
        Ok(())
    }

    /// A full set with `o` validators marked offline: the rotation removes them (as far as
    /// `MinAuthorities` allows) and returns the set.
    #[benchmark]
    fn new_session(o: Linear<0, MAX_VALIDATORS>) -> Result<(), BenchmarkError> {
        let max = T::MaxValidators::get();
        let all = bounded::<T>(accounts::<T>(max))?;
        let offline_count = o.min(max);
        // The last validators are marked: each removal scans the whole set.
        let offline = bounded::<T>(all[(max - offline_count) as usize..].to_vec())?;
        Validators::<T>::put(&all);
        ApprovedValidators::<T>::put(&all);
        OfflineValidators::<T>::put(&offline);
        let removed = offline_count.min(max.saturating_sub(T::MinAuthorities::get()));
        let set;

        #[block]
        {
            set = <Pallet<T> as SessionManager<T::AccountId>>::new_session(1);
        }

        let set = set.ok_or(BenchmarkError::Stop("no new set"))?;
        assert_eq!(set.len() as u32, max - removed);
        assert_eq!(Validators::<T>::get().into_inner(), set);
        assert!(OfflineValidators::<T>::get().is_empty());
        Ok(())
    }

    impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
