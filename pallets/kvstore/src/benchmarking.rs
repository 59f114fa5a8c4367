//! Benchmarks of every call of pallet-kvstore (frame-benchmarking v2), with components for the
//! key length `k` and the value length `v` (set: the value written; delete: the value removed),
//! up to their bounds.

use crate::{types::*, *};
use alloc::vec;
use frame_benchmarking::v2::*;
use frame_system::RawOrigin;

#[benchmarks]
mod benchmarks {
    use super::*;

    #[benchmark]
    fn set(k: Linear<1, MAX_KEY_LENGTH>, v: Linear<0, MAX_VALUE_LENGTH>) {
        let caller: T::AccountId = whitelisted_caller();
        let key = vec![b'k'; k as usize];
        let value = vec![b'v'; v as usize];
        // Replacing a value at its bound.
        Pallet::<T>::do_set(
            caller.clone(),
            key.clone(),
            vec![b'o'; MAX_VALUE_LENGTH as usize],
        )
        .expect("entry within bounds");
        #[extrinsic_call]
        _(
            RawOrigin::Signed(caller.clone()),
            key.clone(),
            value.clone(),
        );
        let key = Key::try_from(key).expect("key within its bound");
        assert_eq!(KeyValueStore::<T>::get(&caller, &key).into_inner(), value);
    }

    #[benchmark]
    fn delete(k: Linear<1, MAX_KEY_LENGTH>, v: Linear<0, MAX_VALUE_LENGTH>) {
        let caller: T::AccountId = whitelisted_caller();
        let key = vec![b'k'; k as usize];
        let value = vec![b'v'; v as usize];
        Pallet::<T>::do_set(caller.clone(), key.clone(), value).expect("entry within bounds");
        #[extrinsic_call]
        _(RawOrigin::Signed(caller.clone()), key.clone());
        let key = Key::try_from(key).expect("key within its bound");
        assert!(!KeyValueStore::<T>::contains_key(&caller, &key));
    }

    impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
