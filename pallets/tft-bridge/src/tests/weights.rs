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
        W::propose_or_vote_mint_transaction(1),
        W::propose_burn_transaction_or_add_sig(1),
        W::set_burn_transaction_executed(1),
        W::create_refund_transaction_or_add_sig(1),
        W::set_refund_transaction_executed(1),
        W::expire_transactions(0, 0, 0, 0),
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

#[test]
fn votes_and_signatures_declare_the_most_validators_and_report_the_actual_count() {
    use super::{signature_of, tx_id, validators, STELLAR_ADDRESS};
    use crate::{
        mock::{RuntimeCall, RuntimeOrigin, TFTBridgeModule},
        types::MAX_BRIDGE_VALIDATORS,
    };
    use frame_support::dispatch::GetDispatchInfo;
    run(|| {
        let count = validators().len() as u32;
        assert_eq!(TFTBridgeModule::validator_count(), count);
        let call = RuntimeCall::TFTBridgeModule(crate::Call::propose_or_vote_mint_transaction {
            transaction: tx_id("deposit").into_inner(),
            target: 42,
            amount: 100_000_000,
        });
        assert_eq!(
            call.get_dispatch_info().call_weight,
            <() as WeightInfo>::propose_or_vote_mint_transaction(MAX_BRIDGE_VALIDATORS)
        );
        let post = TFTBridgeModule::propose_or_vote_mint_transaction(
            RuntimeOrigin::signed(validators()[0]),
            tx_id("deposit").into_inner(),
            42,
            100_000_000,
        )
        .unwrap();
        assert_eq!(
            post.actual_weight,
            Some(<() as WeightInfo>::propose_or_vote_mint_transaction(count))
        );
        let signature = signature_of(validators()[0]);
        let post = TFTBridgeModule::create_refund_transaction_or_add_sig(
            RuntimeOrigin::signed(validators()[0]),
            tx_id("other deposit").into_inner(),
            STELLAR_ADDRESS.to_vec(),
            100_000_000,
            signature.signature.into_inner(),
            signature.stellar_pub_key.into_inner(),
            1,
        )
        .unwrap();
        assert_eq!(
            post.actual_weight,
            Some(<() as WeightInfo>::create_refund_transaction_or_add_sig(
                count
            ))
        );
    });
}
