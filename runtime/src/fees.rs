//! Transaction fees: 0.001 TFT for a base extrinsic, 1 unit per byte, and all of it to the block
//! author.

use crate::{weights::ExtrinsicBaseWeight, AccountId, Authorship, Balance, Balances, CENTS};
use frame_support::{
    traits::{
        fungible::{Balanced, Credit},
        Imbalance, OnUnbalanced,
    },
    weights::{
        WeightToFeeCoefficient, WeightToFeeCoefficients,
        WeightToFeePolynomial,
    },
};
use smallvec::smallvec;
use sp_runtime::Perbill;

/// Maps weight to fee with one linear term, so that [`ExtrinsicBaseWeight`] costs `CENTS / 10`
/// (0.001 TFT).
pub struct WeightToFee;

impl WeightToFeePolynomial for WeightToFee {
    type Balance = Balance;

    fn polynomial() -> WeightToFeeCoefficients<Self::Balance> {
        let fee_of_base_extrinsic: Balance = CENTS / 10;
        let base_ref_time = Balance::from(ExtrinsicBaseWeight::get().ref_time());
        smallvec![WeightToFeeCoefficient {
            degree: 1,
            negative: false,
            coeff_frac: Perbill::from_rational(fee_of_base_extrinsic % base_ref_time, base_ref_time),
            coeff_integer: fee_of_base_extrinsic / base_ref_time,
        }]
    }
}

/// Credits fees and tips to the author of the block. Nothing is burned and there is no treasury;
/// should the author be unknown, or the credit too small to create the author's account, it is
/// dropped and total issuance falls by that amount.
pub struct DealWithFees;

impl OnUnbalanced<Credit<AccountId, Balances>> for DealWithFees {
    fn on_unbalanceds(mut fees_then_tips: impl Iterator<Item = Credit<AccountId, Balances>>) {
        let Some(mut fees) = fees_then_tips.next() else { return };
        if let Some(tips) = fees_then_tips.next() {
            tips.merge_into(&mut fees);
        }
        if let Some(author) = Authorship::author() {
            let _ = <Balances as Balanced<AccountId>>::resolve(&author, fees);
        }
    }
}
