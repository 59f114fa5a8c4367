use crate::mock::Test;
use crate::weights::{SubstrateWeight, WeightInfo};

#[test]
fn no_call_is_free() {
    for weight in [
        <() as WeightInfo>::add_validator(),
        <() as WeightInfo>::remove_validator(),
        <() as WeightInfo>::add_validator_again(),
        SubstrateWeight::<Test>::add_validator(),
        SubstrateWeight::<Test>::remove_validator(),
        SubstrateWeight::<Test>::add_validator_again(),
    ] {
        assert!(weight.ref_time() > 0 && weight.proof_size() > 0);
    }
}
