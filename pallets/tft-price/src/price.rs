//! Price reports and the council's price bounds.

use crate::{
    ringbuffer::PriceHistory,
    types::{MAX_REPORT_AGE, SUBMISSION_INTERVAL},
    AverageTftPrice, Config, Error, Event, LastBlockSet, MaxTftPrice, MinTftPrice, Pallet,
    TftPrice,
};
use frame_support::{ensure, traits::ValidatorSet};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
    traits::{CheckedSub, Convert, UniqueSaturatedInto},
    DispatchResult,
};

/// Whether `min` and `max` are consistent bounds: `min < max`, or both unset (0).
pub fn bounds_are_consistent(min: u32, max: u32) -> bool {
    min < max || (min == 0 && max == 0)
}

/// The validator whose turn it is to report the price for `block_number`: a turn lasts
/// [`SUBMISSION_INTERVAL`] blocks, and the turns go round `validators` in their order, so that
/// each validator feeds an equal share of the history. `None` without validators.
pub fn reporter_for<AccountId, BlockNumber>(
    validators: &[AccountId],
    block_number: BlockNumber,
) -> Option<&AccountId>
where
    BlockNumber: UniqueSaturatedInto<u64>,
{
    let count = u64::try_from(validators.len())
        .ok()
        .filter(|count| *count > 0)?;
    let turn = block_number.unique_saturated_into() / u64::from(SUBMISSION_INTERVAL);
    validators.get(usize::try_from(turn % count).ok()?)
}

impl<T: Config> Pallet<T> {
    /// The validator id of `who`, if `who` is one of the current `validators`.
    fn as_validator(who: &T::AccountId, validators: &[T::AccountId]) -> Option<T::AccountId> {
        <T::Validators as ValidatorSet<T::AccountId>>::ValidatorIdOf::convert(who.clone())
            .filter(|id| validators.contains(id))
    }

    /// Whether a report for `block_number`, in block `now`, comes at least
    /// [`SUBMISSION_INTERVAL`] blocks after the block of the last accepted report. A last
    /// report for a block after `now` (not reachable through `set_prices`) holds nothing back.
    pub fn interval_elapsed(block_number: BlockNumberFor<T>, now: BlockNumberFor<T>) -> bool {
        let last = LastBlockSet::<T>::get();
        match block_number.checked_sub(&last) {
            Some(elapsed) => elapsed >= SUBMISSION_INTERVAL.into(),
            None => last > now,
        }
    }

    /// `set_prices`: a validator reports `price` for `block_number`. The report is accepted
    /// only from a current validator (`AccountUnauthorizedToSetPrice`), for the current block
    /// or one of the last [`MAX_REPORT_AGE`] blocks (`ReportNotForRecentBlock`), in the
    /// reporter's turn ([`reporter_for`], `WrongAuthority`) and at least
    /// [`SUBMISSION_INTERVAL`] blocks after the last accepted report
    /// (`ReportIntervalNotElapsed`): what the offchain worker does, enforced on chain.
    pub fn do_set_prices(
        who: &T::AccountId,
        price: u32,
        block_number: BlockNumberFor<T>,
    ) -> DispatchResult {
        let validators = T::Validators::validators();
        let reporter = Self::as_validator(who, &validators)
            .ok_or(Error::<T>::AccountUnauthorizedToSetPrice)?;
        let now = frame_system::Pallet::<T>::block_number();
        let age = now.checked_sub(&block_number);
        ensure!(
            age.is_some_and(|age| age <= MAX_REPORT_AGE.into()),
            Error::<T>::ReportNotForRecentBlock
        );
        ensure!(
            reporter_for(&validators, block_number) == Some(&reporter),
            Error::<T>::WrongAuthority
        );
        ensure!(
            Self::interval_elapsed(block_number, now),
            Error::<T>::ReportIntervalNotElapsed
        );
        Self::calculate_and_set_price(price, block_number);
        Ok(())
    }

    /// Record a reported price: the block it was reported for, the price (`PriceStored`), the
    /// price history and, as the new average price, the history's median
    /// (`AveragePriceStored`), then an event for each bound the average is outside of (below
    /// the minimum, then above the maximum). The bounds do not change the stored average.
    pub fn calculate_and_set_price(price: u32, block_number: BlockNumberFor<T>) {
        LastBlockSet::<T>::put(block_number);
        TftPrice::<T>::put(price);
        Self::deposit_event(Event::PriceStored(price));

        PriceHistory::<T>::push(price);
        let average = PriceHistory::<T>::median().unwrap_or(price);
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
