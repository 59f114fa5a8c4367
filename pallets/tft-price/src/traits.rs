//! What other pallets may ask the TFT price pallet.

use crate::{AverageTftPrice, Config, MaxTftPrice, MinTftPrice, Pallet};

/// Read access to the TFT price, for billing. Prices are in mUSD (1/1000 USD) per TFT.
pub trait TftPriceProvider {
    /// The median of the last reported prices (the genesis price before the first
    /// report; 0 when neither exists).
    fn average_tft_price() -> u32;

    /// The council's lower bound of the billing price.
    fn min_tft_price() -> u32;

    /// The council's upper bound of the billing price.
    fn max_tft_price() -> u32;

    /// The price billing uses: the average price raised to the minimum, then capped at the
    /// maximum (`avg.max(min).min(max)`, as upstream billing).
    fn billing_tft_price() -> u32 {
        Self::average_tft_price()
            .max(Self::min_tft_price())
            .min(Self::max_tft_price())
    }
}

impl<T: Config> TftPriceProvider for Pallet<T> {
    fn average_tft_price() -> u32 {
        AverageTftPrice::<T>::get()
    }

    fn min_tft_price() -> u32 {
        MinTftPrice::<T>::get()
    }

    fn max_tft_price() -> u32 {
        MaxTftPrice::<T>::get()
    }
}
