//! Price reports and the council's price bounds.

use crate::{
    ringbuffer::PriceHistory, AverageTftPrice, Config, Error, Event, LastBlockSet, MaxTftPrice,
    MinTftPrice, Pallet, TftPrice,
};
use frame_support::{ensure, traits::ValidatorSet};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{traits::Convert, DispatchResult};

/// Whether `min` and `max` are consistent bounds: `min < max`, or both unset (0).
pub fn bounds_are_consistent(min: u32, max: u32) -> bool {
    min < max || (min == 0 && max == 0)
}

impl<T: Config> Pallet<T> {
    /// Whether `who` is one of the current validators.
    pub fn is_validator(who: &T::AccountId) -> bool {
        let validator_id =
            <T::Validators as ValidatorSet<T::AccountId>>::ValidatorIdOf::convert(who.clone());
        validator_id.is_some_and(|id| T::Validators::validators().contains(&id))
    }

    /// `set_prices`: a validator reports `price` for `block_number`.
    pub fn do_set_prices(
        who: &T::AccountId,
        price: u32,
        block_number: BlockNumberFor<T>,
    ) -> DispatchResult {
        ensure!(
            Self::is_validator(who),
            Error::<T>::AccountUnauthorizedToSetPrice
        );
        Self::calculate_and_set_price(price, block_number);
        Ok(())
    }

    /// Record a reported price: the block it was reported for, the price (`PriceStored`), the
    /// price history and its new average (`AveragePriceStored`), then an event for each bound
    /// the average is outside of (below the minimum, then above the maximum). The bounds do not
    /// change the stored average.
    pub fn calculate_and_set_price(price: u32, block_number: BlockNumberFor<T>) {
        LastBlockSet::<T>::put(block_number);
        TftPrice::<T>::put(price);
        Self::deposit_event(Event::PriceStored(price));

        PriceHistory::<T>::push(price);
        let average = PriceHistory::<T>::average().unwrap_or(price);
        AverageTftPrice::<T>::put(average);
        Self::deposit_event(Event::AveragePriceStored(average));

        let min = MinTftPrice::<T>::get();
        if average < min {
            Self::deposit_event(Event::AveragePriceIsBelowMinPrice(average, min));
        }
        let max = MaxTftPrice::<T>::get();
        if average > max {
            Self::deposit_event(Event::AveragePriceIsAboveMaxPrice(average, max));
        }
    }

    /// `set_min_tft_price`: the minimum must stay strictly below the maximum.
    pub fn do_set_min_tft_price(price: u32) -> DispatchResult {
        ensure!(
            price < MaxTftPrice::<T>::get(),
            Error::<T>::MinPriceAboveMaxPriceError
        );
        MinTftPrice::<T>::put(price);
        Ok(())
    }

    /// `set_max_tft_price`: the maximum must stay strictly above the minimum.
    pub fn do_set_max_tft_price(price: u32) -> DispatchResult {
        ensure!(
            price > MinTftPrice::<T>::get(),
            Error::<T>::MaxPriceBelowMinPriceError
        );
        MaxTftPrice::<T>::put(price);
        Ok(())
    }
}
