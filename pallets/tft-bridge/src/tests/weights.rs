//! The weights of the calls and of the expiry hook.

use super::run;
use crate::mock::Test;
use crate::weights::{SubstrateWeight, WeightInfo};
use frame_support::weights::Weight;

fn all<W: WeightInfo>() -> [Weight; 12] {
    [
        W::add_bridge_validator(),
        W::remove_bridge_validator(),
        W::set_fee_account(),
        W::set_withdraw_fee(),
        W::set_deposit_fee(),
        W::swap_to_stellar(),
        W::propose_or_vote_mint_transaction(),
        W::propose_burn_transaction_or_add_sig(),
        W::set_burn_transaction_executed(),
        W::create_refund_transaction_or_add_sig(),
        W::set_refund_transaction_executed(),
        W::expire_transactions(0, 0),
    ]
}

#[test]
fn no_call_weighs_nothing() {
    run(|| {
        for weight in all::<SubstrateWeight<Test>>()
            .into_iter()
            .chain(all::<()>())
        {
            assert!(weight.ref_time() > 0);
        }
    });
}
