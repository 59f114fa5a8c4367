//! Benchmarks of every call of pallet-tft-price (frame-benchmarking v2).
//!
//! `set_prices(h)` runs on a history of `h` prices before the report (the median reads every
//! slot; at `HISTORY_LENGTH` the report overwrites the oldest price) and is called by
//! the first current validator in its turn, so the runtime's benchmark genesis needs one (the
//! development preset has Alice). The offchain worker has no on-chain weight: it submits
//! `set_prices` as a signed transaction, weighed by this benchmark.

use crate::{
    ringbuffer::PriceHistory,
    types::{HISTORY_LENGTH, SUBMISSION_INTERVAL},
    *,
};
use frame_benchmarking::v2::*;
use frame_support::traits::{EnsureOrigin, ValidatorSet};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};

fn restricted_origin<T: Config>() -> Result<T::RuntimeOrigin, BenchmarkError> {
    T::RestrictedOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)
}

#[benchmarks]
mod benchmarks {
    use super::*;

    #[benchmark]
    fn set_prices(h: Linear<0, { HISTORY_LENGTH as u32 }>) -> Result<(), BenchmarkError> {
        let validators = T::Validators::validators();
        let validator = validators
            .first()
            .cloned()
            .ok_or(BenchmarkError::Stop("set_prices needs a current validator"))?;
        for price in 0..h {
            PriceHistory::<T>::push(500u32.saturating_add(price % 7));
        }
        MinTftPrice::<T>::put(10);
        MaxTftPrice::<T>::put(20);
        LastBlockSet::<T>::kill();
        // Ten rounds of turns after genesis: the first validator's turn again.
        let rounds = u32::try_from(validators.len()).unwrap_or(u32::MAX);
        let block_number: BlockNumberFor<T> = SUBMISSION_INTERVAL
            .saturating_mul(rounds)
            .saturating_mul(10)
            .into();
        frame_system::Pallet::<T>::set_block_number(block_number);

        #[extrinsic_call]
        _(RawOrigin::Signed(validator), 2_000, block_number);

        assert_eq!(TftPrice::<T>::get(), 2_000);
        assert_eq!(LastBlockSet::<T>::get(), block_number);
        let expected = (h + 1).min(u32::from(HISTORY_LENGTH));
        assert_eq!(u32::from(PriceHistory::<T>::len()), expected);
        Ok(())
    }

    #[benchmark]
    fn set_min_tft_price() -> Result<(), BenchmarkError> {
        let origin = restricted_origin::<T>()?;
        MaxTftPrice::<T>::put(1_000);

        #[extrinsic_call]
        _(origin as T::RuntimeOrigin, 20);

        assert_eq!(MinTftPrice::<T>::get(), 20);
        Ok(())
    }

    #[benchmark]
    fn set_max_tft_price() -> Result<(), BenchmarkError> {
        let origin = restricted_origin::<T>()?;
        MinTftPrice::<T>::put(10);

        #[extrinsic_call]
        _(origin as T::RuntimeOrigin, 2_000);

        assert_eq!(MaxTftPrice::<T>::get(), 2_000);
        Ok(())
    }

    impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
