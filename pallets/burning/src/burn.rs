//! Burning TFT.

use crate::{types::*, Burns, Config, Error, Event, Pallet};
use frame_support::{
    ensure,
    traits::{
        fungible::{Balanced, Inspect},
        tokens::{Fortitude, Precision, Preservation},
        OnUnbalanced,
    },
};
use sp_runtime::DispatchResult;

impl<T: Config> Pallet<T> {
    /// `burn_tft`: withdraw exactly `amount` from `who` (who may spend it all, closing the
    /// account, but not locked or reserved funds), hand it to `Config::Burn`, record the burn
    /// and emit `BurnTransactionCreated`.
    pub fn do_burn_tft(
        who: &T::AccountId,
        amount: BalanceOf<T>,
        message: BurnMessageOf<T>,
    ) -> DispatchResult {
        let spendable =
            T::Currency::reducible_balance(who, Preservation::Expendable, Fortitude::Polite);
        ensure!(spendable >= amount, Error::<T>::NotEnoughBalanceToBurn);
        let burned = T::Currency::withdraw(
            who,
            amount,
            Precision::Exact,
            Preservation::Expendable,
            Fortitude::Polite,
        )
        .map_err(|_| Error::<T>::NotEnoughBalanceToBurn)?;
        T::Burn::on_unbalanced(burned);

        let block = frame_system::Pallet::<T>::block_number();
        Self::record_burn(Burn {
            target: who.clone(),
            amount,
            block,
            message: message.clone(),
        });
        Self::deposit_event(Event::BurnTransactionCreated(
            who.clone(),
            amount,
            block,
            message,
        ));
        Ok(())
    }

    /// Append `burn` to `Burns`, dropping the oldest burn when `MaxBurns` are kept already.
    fn record_burn(burn: BurnOf<T>) {
        Burns::<T>::mutate(|stored| {
            let mut burns = stored.take().unwrap_or_default();
            // Only fails when `MaxBurns` is 0, which keeps no burns at all.
            let _ = burns.force_insert_keep_right(burns.len(), burn);
            *stored = (!burns.is_empty()).then_some(burns);
        });
    }
}
