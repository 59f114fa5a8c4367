//! Benchmark of `burn_tft` (frame-benchmarking v2): the worst case keeps a full `Burns` with
//! messages of the maximum length, and burns with a message of `m` bytes (up to
//! [`MAX_MESSAGE_LENGTH`], the runtime's `MaxBurnMessageLength`; a configuration with a shorter
//! bound measures its bound at the top of the range). pallet-burning has no hooks.

use crate::{types::*, *};
use alloc::vec;
use frame_benchmarking::v2::*;
use frame_support::{
    traits::{fungible::Mutate, Get},
    BoundedVec,
};
use frame_system::RawOrigin;
use sp_runtime::traits::Bounded;

/// Upper end of the message length's range: the runtime's `MaxBurnMessageLength`.
pub const MAX_MESSAGE_LENGTH: u32 = 512;

fn longest_message<T: Config>() -> BurnMessageOf<T> {
    message::<T>(T::MaxBurnMessageLength::get())
}

/// A message of `length` bytes, at most `MaxBurnMessageLength`.
fn message<T: Config>(length: u32) -> BurnMessageOf<T> {
    BoundedVec::truncate_from(vec![b'x'; length as usize])
}

#[benchmarks]
mod benchmarks {
    use super::*;

    #[benchmark]
    fn burn_tft(m: Linear<0, MAX_MESSAGE_LENGTH>) {
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
            message::<T>(m).into_inner(),
        );

        let burns = Burns::<T>::get().expect("burns recorded");
        let last = burns.last().expect("a burn recorded");
        assert_eq!(&last.target, &caller);
        assert_eq!(
            last.message.len() as u32,
            m.min(T::MaxBurnMessageLength::get())
        );
    }

    impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
