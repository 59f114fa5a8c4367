//! Governance of the fees: `set_fee_account` (call 2), `set_withdraw_fee` (call 3) and
//! `set_deposit_fee` (call 4).

use super::*;
use crate::{DepositFee, FeeAccount, WithdrawFee};
use frame_support::assert_noop;
use sp_runtime::DispatchError;

#[test]
fn set_fee_account_sets_it() {
    run(|| {
        assert_ok!(TFTBridgeModule::set_fee_account(RuntimeOrigin::root(), 42));
        assert_eq!(FeeAccount::<Test>::get(), Some(42));
        assert!(bridge_events().is_empty());
    });
}

#[test]
fn set_withdraw_fee_sets_it() {
    run(|| {
        assert_ok!(TFTBridgeModule::set_withdraw_fee(RuntimeOrigin::root(), 5));
        assert_eq!(WithdrawFee::<Test>::get(), 5);
        assert!(bridge_events().is_empty());
    });
}

#[test]
fn set_deposit_fee_sets_it() {
    run(|| {
        assert_ok!(TFTBridgeModule::set_deposit_fee(RuntimeOrigin::root(), 6));
        assert_eq!(DepositFee::<Test>::get(), 6);
        assert!(bridge_events().is_empty());
    });
}

#[test]
fn fee_calls_need_the_restricted_origin() {
    run(|| {
        let user = RuntimeOrigin::signed(USER);
        assert_noop!(
            TFTBridgeModule::set_fee_account(user.clone(), 42),
            DispatchError::BadOrigin
        );
        assert_noop!(
            TFTBridgeModule::set_withdraw_fee(user.clone(), 5),
            DispatchError::BadOrigin
        );
        assert_noop!(
            TFTBridgeModule::set_deposit_fee(user, 6),
            DispatchError::BadOrigin
        );
    });
}
