//! Tests of the runtime upgrade pallet.

use crate::mock::*;
use frame_support::{
    assert_noop, assert_ok,
    dispatch::{DispatchClass, GetDispatchInfo, Pays},
};
use frame_system::weights::WeightInfo;
use sp_core::storage::well_known_keys;
use sp_runtime::{
    traits::{BlakeTwo256, Hash},
    DispatchError,
};

/// A code blob from which the fake reader can read a version.
fn readable_code() -> Vec<u8> {
    [FAKE_WASM_PREFIX, b"new runtime"].concat()
}

/// The code currently stored under `:code`.
fn stored_code() -> Option<Vec<u8>> {
    sp_io::storage::get(well_known_keys::CODE).map(|code| code.to_vec())
}

#[test]
fn set_code_stores_the_code_and_pays_no_fee() {
    upgradable_ext().execute_with(|| {
        let code = readable_code();

        let post_info =
            RuntimeUpgrade::set_code(RuntimeOrigin::signed(Council::get()), code.clone())
                .expect("the council may set a valid code");

        assert_eq!(post_info.pays_fee, Pays::No);
        assert_eq!(stored_code(), Some(code.clone()));
        System::assert_last_event(
            frame_system::Event::CodeUpdated {
                hash: BlakeTwo256::hash(&code),
            }
            .into(),
        );
    });
}

#[test]
fn set_code_is_an_operational_call_weighted_like_system_set_code() {
    let call = crate::Call::<Test>::set_code {
        code: readable_code(),
    };
    let info = call.get_dispatch_info();

    assert_eq!(info.class, DispatchClass::Operational);
    assert_eq!(info.call_weight, <() as WeightInfo>::set_code());
}

#[test]
fn set_code_rejects_other_origins() {
    upgradable_ext().execute_with(|| {
        for origin in [
            RuntimeOrigin::signed(1),
            RuntimeOrigin::root(),
            RuntimeOrigin::none(),
        ] {
            assert_noop!(
                RuntimeUpgrade::set_code(origin, readable_code()),
                DispatchError::BadOrigin
            );
        }
    });
}

#[test]
fn rejected_calls_pay_the_fee() {
    upgradable_ext().execute_with(|| {
        let bad_origin = RuntimeUpgrade::set_code(RuntimeOrigin::signed(1), readable_code())
            .expect_err("only the council may set the code");
        let bad_code = RuntimeUpgrade::set_code(RuntimeOrigin::signed(Council::get()), vec![1])
            .expect_err("the code has no runtime version");

        assert_eq!(bad_origin.post_info.pays_fee, Pays::Yes);
        assert_eq!(bad_code.post_info.pays_fee, Pays::Yes);
    });
}

#[test]
fn set_code_rejects_code_without_a_runtime_version() {
    upgradable_ext().execute_with(|| {
        assert_noop!(
            RuntimeUpgrade::set_code(RuntimeOrigin::signed(Council::get()), vec![1, 2, 3]),
            frame_system::Error::<Test>::FailedToExtractRuntimeVersion
        );
    });
}

#[test]
fn set_code_rejects_another_spec_name() {
    let current = System::runtime_version();
    new_test_ext("another-chain".into(), current.spec_version + 1).execute_with(|| {
        assert_noop!(
            RuntimeUpgrade::set_code(RuntimeOrigin::signed(Council::get()), readable_code()),
            frame_system::Error::<Test>::InvalidSpecName
        );
    });
}

#[test]
fn set_code_rejects_a_spec_version_that_does_not_increase() {
    let current = System::runtime_version();
    new_test_ext(current.spec_name, current.spec_version).execute_with(|| {
        assert_noop!(
            RuntimeUpgrade::set_code(RuntimeOrigin::signed(Council::get()), readable_code()),
            frame_system::Error::<Test>::SpecVersionNeedsToIncrease
        );
    });
}

#[test]
fn set_code_signals_the_new_runtime_in_the_block_digest() {
    upgradable_ext().execute_with(|| {
        assert_ok!(RuntimeUpgrade::set_code(
            RuntimeOrigin::signed(Council::get()),
            readable_code()
        ));

        assert!(System::digest()
            .logs
            .contains(&sp_runtime::generic::DigestItem::RuntimeEnvironmentUpdated));
    });
}
