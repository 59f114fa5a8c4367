//! The weights of the calls.

use super::run;
use crate::mock::Test;
use crate::weights::{SubstrateWeight, WeightInfo};
use frame_support::weights::Weight;

fn all<W: WeightInfo>() -> [Weight; 6] {
    [
        W::create_validator_request(),
        W::activate_validator_node(),
        W::change_validator_node_account(),
        W::bond(),
        W::approve_validator(),
        W::remove_validator(),
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
            assert!(weight.proof_size() > 0);
        }
    });
}
