//! Benchmarks of every call of pallet-kvstore (frame-benchmarking v2), with key and value at
//! their maximum lengths.

use crate::{types::*, *};
use alloc::vec;
use frame_benchmarking::v2::*;
use frame_system::RawOrigin;

#[benchmarks]
mod benchmarks {
    use super::*;

    #[benchmark]
    fn set() {
        let caller: T::AccountId = whitelisted_caller();
        let key = vec![b'k'; MAX_KEY_LENGTH as usize];
        let value = vec![b'v'; MAX_VALUE_LENGTH as usize];
        #[extrinsic_call]
        _(
            RawOrigin::Signed(caller.clone()),
            key.clone(),
            value.clone(),
        );
        let key = Key::try_from(key).expect("key at its bound");
        assert_eq!(KeyValueStore::<T>::get(&caller, &key).into_inner(), value);
    }

    #[benchmark]
    fn delete() {
        let caller: T::AccountId = whitelisted_caller();
        let key = vec![b'k'; MAX_KEY_LENGTH as usize];
        let value = vec![b'v'; MAX_VALUE_LENGTH as usize];
        Pallet::<T>::do_set(caller.clone(), key.clone(), value).expect("entry within bounds");
        #[extrinsic_call]
        _(RawOrigin::Signed(caller.clone()), key.clone());
        let key = Key::try_from(key).expect("key at its bound");
        assert!(!KeyValueStore::<T>::contains_key(&caller, &key));
    }

    impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
