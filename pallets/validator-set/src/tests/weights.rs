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

/// pallet-session charges the whole block for a rotation; the rotation's own work, bounded by
/// `MaxValidators`, must stay far below it.
#[test]
fn a_session_rotation_at_max_validators_fits_well_within_a_block() {
    use frame_support::traits::Get;
    let max = <Test as crate::Config>::MaxValidators::get();
    let block = frame_support::weights::Weight::from_parts(
        2 * frame_support::weights::constants::WEIGHT_REF_TIME_PER_SECOND,
        u64::MAX,
    );
    assert!(SubstrateWeight::<Test>::new_session(max)
        .saturating_mul(10)
        .all_lt(block));
    assert!(SubstrateWeight::<Test>::new_session(max).ref_time() > 0);
}
