//! The `ContractIdProvides` transaction extension.

use super::*;
use codec::Encode;
use frame_support::{dispatch::GetDispatchInfo, pallet_prelude::TransactionSource};
use sp_runtime::traits::{TransactionExtension, TxBaseImplication};

#[test]
fn contract_id_provides_tags_billing_transactions_by_contract() {
    run(|| {
        let extension = ContractIdProvides::<Test>::new();
        assert!(extension.encode().is_empty());
        let validate = |call: &RuntimeCall| {
            extension
                .validate(
                    RuntimeOrigin::signed(validator()),
                    call,
                    &call.get_dispatch_info(),
                    0,
                    (),
                    &TxBaseImplication(()),
                    TransactionSource::External,
                )
                .expect("never rejects")
                .0
        };
        let bill = RuntimeCall::SmartContractModule(crate::Call::bill_contract_for_block {
            contract_id: 7,
        });
        assert_eq!(
            validate(&bill).provides,
            vec![("ContractIdProvides", 7u64).encode()]
        );
        let cancel =
            RuntimeCall::SmartContractModule(crate::Call::cancel_contract { contract_id: 7 });
        assert!(validate(&cancel).provides.is_empty());
    });
}
