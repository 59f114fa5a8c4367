//! Benchmark of `burn_tft` (frame-benchmarking v2): the worst case keeps a full `Burns` with
//! messages of the maximum length and burns with such a message.

use crate::{types::*, *};
use alloc::vec;
use frame_benchmarking::v2::*;
use frame_support::{
    traits::{fungible::Mutate, Get},
    BoundedVec,
};
use frame_system::RawOrigin;
use sp_runtime::traits::Bounded;

fn longest_message<T: Config>() -> BurnMessageOf<T> {
    BoundedVec::truncate_from(vec![b'x'; T::MaxBurnMessageLength::get() as usize])
}

#[benchmarks]
mod benchmarks {
    use super::*;

    #[benchmark]
    fn burn_tft() {
        let caller: T::AccountId = whitelisted_caller();
        let balance = BalanceOf::<T>::max_value() / 2u32.into();
        T::Currency::set_balance(&caller, balance);
        let filler: T::AccountId = account("filler", 0, 0);
        let old_burn = Burn {
            target: filler,
            amount: 1u32.into(),
            block: frame_system::Pallet::<T>::block_number(),
            message: longest_message::<T>(),
        };
        let full = vec![old_burn; T::MaxBurns::get() as usize];
        Burns::<T>::put(BoundedVec::truncate_from(full));
        let amount: BalanceOf<T> = balance / 2u32.into();

        #[extrinsic_call]
        _(
            RawOrigin::Signed(caller.clone()),
            amount,
            longest_message::<T>(),
        );

        let burns = Burns::<T>::get().expect("burns recorded");
        assert_eq!(burns.last().map(|burn| &burn.target), Some(&caller));
    }

    impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
