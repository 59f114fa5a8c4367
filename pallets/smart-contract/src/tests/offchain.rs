//! The validators' offchain worker and the `ContractIdProvides` transaction extension.

use super::*;
use crate::offchain::KEY_TYPE;
use codec::{Decode, Encode};
use frame_support::{dispatch::GetDispatchInfo, pallet_prelude::TransactionSource, traits::Hooks};
use sp_core::offchain::{
    testing::{TestOffchainExt, TestTransactionPoolExt},
    OffchainDbExt, OffchainWorkerExt, TransactionPoolExt,
};
use sp_keystore::{testing::MemoryKeystore, Keystore, KeystoreExt};
use sp_runtime::traits::{TransactionExtension, TxBaseImplication};

/// Externalities with an offchain worker, a transaction pool and (optionally) the validator's
/// aura key, and a reader of the pool's transactions.
fn ext_with_pool(with_key: bool) -> (sp_io::TestExternalities, impl Fn() -> Vec<Extrinsic>) {
    let mut ext = new_test_ext();
    let (offchain, _) = TestOffchainExt::new();
    let (pool, pool_state) = TestTransactionPoolExt::new();
    let keystore = MemoryKeystore::new();
    if with_key {
        keystore
            .sr25519_generate_new(KEY_TYPE, Some("//Validator"))
            .expect("key generated");
    }
    ext.register_extension(OffchainWorkerExt::new(offchain.clone()));
    ext.register_extension(OffchainDbExt::new(offchain));
    ext.register_extension(TransactionPoolExt::new(pool));
    ext.register_extension(KeystoreExt::new(std::sync::Arc::new(keystore)));
    let transactions = move || {
        pool_state
            .read()
            .transactions
            .iter()
            .map(|tx| Extrinsic::decode(&mut &tx[..]).expect("an extrinsic"))
            .collect()
    };
    (ext, transactions)
}

#[test]
fn the_offchain_worker_submits_the_bills_due_signed_by_the_aura_key() {
    let (mut ext, transactions) = ext_with_pool(true);
    ext.execute_with(|| {
        prepare_grid();
        let name = create_name_contract(b"gateway");
        let idle_node_contract = create_node_contract(0);
        create_twin(&ferdie());
        create_node(&ferdie(), FARM);
        assert_ok!(SmartContractModule::create_rent_contract(signed(&dave()), 2, None));
        assert_ok!(SmartContractModule::create_node_contract(
            signed(&dave()),
            2,
            hash(2),
            b(b"d"),
            0,
            None
        ));
        let idle_on_rented_node = ContractID::<Test>::get();
        <SmartContractModule as Hooks<u64>>::offchain_worker(10 + name);
        let txs = transactions();
        assert_eq!(txs.len(), 1);
        assert_eq!(
            txs[0].function,
            RuntimeCall::SmartContractModule(crate::Call::bill_contract_for_block {
                contract_id: name
            })
        );
        let sp_runtime::generic::Preamble::Signed(signer, _, _) = &txs[0].preamble else {
            panic!("a signed transaction")
        };
        assert_eq!(*signer, validator());
        // An idle node contract pays the minimum charge; on a rented node, a node contract
        // without IPs, capacity, usage or debt costs nothing and is not billed.
        <SmartContractModule as Hooks<u64>>::offchain_worker(10 + idle_node_contract);
        assert_eq!(transactions().len(), 2);
        <SmartContractModule as Hooks<u64>>::offchain_worker(10 + idle_on_rented_node);
        assert_eq!(transactions().len(), 2);
        check_invariants();
    });
}

#[test]
fn the_offchain_worker_without_a_key_submits_nothing() {
    let (mut ext, transactions) = ext_with_pool(false);
    ext.execute_with(|| {
        prepare_grid();
        let name = create_name_contract(b"gateway");
        <SmartContractModule as Hooks<u64>>::offchain_worker(10 + name);
        assert!(transactions().is_empty());
    });
}

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
