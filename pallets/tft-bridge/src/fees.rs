//! Deposit and withdraw fees, credited to the fee account set by the council.

use crate::pallet::{Config, CreditOf, FeeAccount, Pallet};
use frame_support::traits::{fungible::Balanced, OnUnbalanced};

impl<T: Config> Pallet<T> {
    /// Credit `fee` to the fee account. Without a fee account, or if the fee account cannot
    /// receive it (a new account and a fee below the existential deposit), the fee goes to
    /// `Burn`.
    pub(crate) fn credit_fee_account(fee: CreditOf<T>) {
        let unpaid = match FeeAccount::<T>::get() {
            Some(account) => match T::Currency::resolve(&account, fee) {
                Ok(()) => return,
                Err(unpaid) => unpaid,
            },
            None => fee,
        };
        T::Burn::on_unbalanced(unpaid);
    }
}
