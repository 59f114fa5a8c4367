//! The genesis config.

use super::*;
use crate::{DepositFee, FeeAccount, GenesisConfig, PalletVersion, WithdrawFee};
use sp_runtime::BuildStorage;

#[test]
fn genesis_stores_the_validators_sorted() {
    run(|| {
        assert_eq!(validators(), vec![1, 2, 5, 6]);
        assert_eq!(TFTBridgeModule::quorum(), QUORUM as u32);
    });
}

#[test]
fn genesis_stores_the_fee_account_the_fees_and_the_layout_version() {
    run(|| {
        assert_eq!(FeeAccount::<Test>::get(), Some(FEE_ACCOUNT));
        assert_eq!(WithdrawFee::<Test>::get(), FEE);
        assert_eq!(DepositFee::<Test>::get(), FEE);
        assert_eq!(PalletVersion::<Test>::get(), StorageVersion::V2);
    });
}

#[test]
fn genesis_drops_duplicate_validators() {
    let storage = GenesisConfig::<Test> {
        validator_accounts: Some(vec![3, 1, 3]),
        ..genesis_config()
    }
    .build_storage()
    .unwrap();
    sp_io::TestExternalities::new(storage).execute_with(|| {
        assert_eq!(validators(), vec![1, 3]);
        TFTBridgeModule::do_try_state().unwrap();
    });
}

#[test]
fn the_default_genesis_has_no_validators_nor_fee_account() {
    let storage = GenesisConfig::<Test>::default().build_storage().unwrap();
    sp_io::TestExternalities::new(storage).execute_with(|| {
        assert!(validators().is_empty());
        assert_eq!(FeeAccount::<Test>::get(), None);
        assert_eq!(WithdrawFee::<Test>::get(), 0);
        TFTBridgeModule::do_try_state().unwrap();
    });
}

#[test]
fn the_genesis_config_reads_the_upstream_json_field_names() {
    let config: GenesisConfig<Test> = serde_json::from_str(
        r#"{"validatorAccounts":[5,1],"feeAccount":99,"withdrawFee":10000000,"depositFee":10000000}"#,
    )
    .unwrap();
    assert_eq!(config.validator_accounts, Some(vec![5, 1]));
    assert_eq!(config.fee_account, Some(99));
    assert_eq!((config.withdraw_fee, config.deposit_fee), (FEE, FEE));
    run(|| {});
}
