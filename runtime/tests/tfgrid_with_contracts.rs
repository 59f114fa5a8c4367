//! TfgridModule and SmartContractModule together, as the runtime plugs them: the grid's hooks
//! (`PublicIpModifier`, `NodeActiveContracts`) reach the contracts pallet, which the pallets'
//! own mocks replace with `()` or recorders.

use frame_support::{assert_ok, BoundedVec};
use pallet_smart_contract::types::ContractData;
use sp_keyring::Sr25519Keyring;
use sp_runtime::BuildStorage;
use tfchain_runtime::{
    genesis_config_presets, AccountId, Runtime, RuntimeGenesisConfig, RuntimeOrigin,
    SmartContractModule, System, TfgridModule,
};
use tfchain_support::{
    resources::Resources,
    types::{Interface, IP4},
};

const GIB: u64 = 1024 * 1024 * 1024;

fn bounded<S: frame_support::traits::Get<u32>>(bytes: &[u8]) -> BoundedVec<u8, S> {
    BoundedVec::try_from(bytes.to_vec()).expect("test input fits its bound")
}

/// Recursively merges `patch` into `base` (objects key by key, everything else replaced), as
/// the node's chain-spec builder does with a preset.
fn merge_json(base: &mut serde_json::Value, patch: serde_json::Value) {
    match (base, patch) {
        (serde_json::Value::Object(base), serde_json::Value::Object(patch)) => {
            for (key, value) in patch {
                merge_json(base.entry(key).or_insert(serde_json::Value::Null), value);
            }
        }
        (base, patch) => *base = patch,
    }
}

/// Externalities of the development chain at block 1.
fn dev_chain() -> sp_io::TestExternalities {
    let preset = genesis_config_presets::get_preset(&sp_genesis_builder::DEV_RUNTIME_PRESET.into())
        .expect("the development preset exists");
    let mut config = serde_json::to_value(RuntimeGenesisConfig::default()).unwrap();
    merge_json(&mut config, serde_json::from_slice(&preset).unwrap());
    let genesis: RuntimeGenesisConfig = serde_json::from_value(config).unwrap();
    let mut ext = sp_io::TestExternalities::new(genesis.build_storage().unwrap());
    ext.execute_with(|| {
        System::set_block_number(1);
        // Written directly: `Timestamp::set` would make Aura check the slot of block 1.
        pallet_timestamp::Now::<Runtime>::put(1_700_000_000_000);
    });
    ext
}

/// Run `test` on the development chain, then check both pallets' invariants.
fn run(test: impl FnOnce()) {
    dev_chain().execute_with(|| {
        test();
        TfgridModule::do_try_state().expect("registry invariants hold");
        SmartContractModule::do_try_state().expect("contract invariants hold");
    });
}

fn signed(who: &AccountId) -> RuntimeOrigin {
    RuntimeOrigin::signed(who.clone())
}

fn twin_for(who: &AccountId) {
    assert_ok!(TfgridModule::user_accept_tc(
        signed(who),
        bounded(b"https://threefold.io/terms"),
        bounded(b"0x1234abcd")
    ));
    assert_ok!(TfgridModule::create_twin(
        signed(who),
        Some(bounded(b"somerelay.io")),
        None
    ));
}

/// Alice's farm 1 with one public IP, and Bob's node 1 in it; returns the IP.
fn farm_with_one_ip_and_a_node() -> IP4 {
    let alice = Sr25519Keyring::Alice.to_account_id();
    let bob = Sr25519Keyring::Bob.to_account_id();
    twin_for(&alice);
    let ip = IP4 {
        ip: bounded(b"185.206.122.2/24"),
        gw: bounded(b"185.206.122.1"),
    };
    assert_ok!(TfgridModule::create_farm(
        signed(&alice),
        bounded(b"alice_farm"),
        BoundedVec::try_from(vec![ip.clone()]).unwrap()
    ));
    twin_for(&bob);
    assert_ok!(TfgridModule::create_node(
        signed(&bob),
        1,
        Resources {
            hru: 1024 * GIB,
            sru: 512 * GIB,
            cru: 8,
            mru: 16 * GIB,
        },
        pallet_tfgrid::types::LocationInput {
            city: bounded(b"Ghent"),
            country: bounded(b"Belgium"),
            latitude: bounded(b"12.233213231"),
            longitude: bounded(b"32.323112123"),
        },
        BoundedVec::try_from(vec![Interface {
            name: bounded(b"zos"),
            mac: bounded(b"00:00:5e:00:53:af"),
            ips: BoundedVec::try_from(vec![bounded(b"10.2.3.3")]).unwrap(),
        }])
        .unwrap(),
        false,
        false,
        None,
    ));
    ip
}

/// Create a node contract on node 1 with one public IP as `who`; returns its id.
fn contract_with_one_ip(who: &AccountId, hash: u8) -> u64 {
    assert_ok!(SmartContractModule::create_node_contract(
        signed(who),
        1,
        [hash; 32],
        bounded(b"deployment"),
        1,
        None
    ));
    pallet_smart_contract::ContractID::<Runtime>::get()
}

/// The IPs node contract `id` holds, and how many it is billed for.
fn held_ips(id: u64) -> (Vec<Vec<u8>>, u32) {
    let contract = pallet_smart_contract::Contracts::<Runtime>::get(id).expect("contract exists");
    let ContractData::NodeContract(node_contract) = contract.contract_type else {
        panic!("contract {id} is a node contract");
    };
    let ips = node_contract
        .public_ips_list
        .iter()
        .map(|ip| ip.ip.to_vec())
        .collect();
    (ips, node_contract.public_ips)
}

#[test]
fn attack_force_reset_farm_ip_leaves_the_contract_paying_for_an_ip_another_contract_takes() {
    // Upstream's force_reset_farm_ip freed the farm side only: the first contract kept the IP in
    // its list (and paid for it) while the farm gave it to the next contract.
    run(|| {
        let ip = farm_with_one_ip_and_a_node();
        let alice = Sr25519Keyring::Alice.to_account_id();
        let bob = Sr25519Keyring::Bob.to_account_id();
        let first = contract_with_one_ip(&alice, 1);
        assert_eq!(held_ips(first), (vec![ip.ip.to_vec()], 1));

        assert_ok!(TfgridModule::force_reset_farm_ip(
            RuntimeOrigin::root(),
            1,
            ip.ip.clone()
        ));
        let second = contract_with_one_ip(&bob, 2);

        assert_eq!(held_ips(second), (vec![ip.ip.to_vec()], 1));
        assert_eq!(held_ips(first), (vec![], 0));
    });
}

#[test]
fn a_node_with_contracts_cannot_move_to_another_farm() {
    run(|| {
        farm_with_one_ip_and_a_node();
        let alice = Sr25519Keyring::Alice.to_account_id();
        let bob = Sr25519Keyring::Bob.to_account_id();
        assert_ok!(TfgridModule::create_farm(
            signed(&alice),
            bounded(b"other_farm"),
            BoundedVec::new()
        ));
        contract_with_one_ip(&alice, 1);
        let node = pallet_tfgrid::Nodes::<Runtime>::get(1).unwrap();
        let moved = TfgridModule::update_node(
            signed(&bob),
            1,
            2,
            node.resources,
            pallet_tfgrid::types::LocationInput {
                city: bounded(b"Ghent"),
                country: bounded(b"Belgium"),
                latitude: bounded(b"12.233213231"),
                longitude: bounded(b"32.323112123"),
            },
            BoundedVec::new(),
            false,
            false,
            None,
        );
        assert_eq!(
            moved.map_err(|e| e.error),
            Err(pallet_tfgrid::Error::<Runtime>::NodeHasActiveContracts.into())
        );
        assert_eq!(pallet_tfgrid::Nodes::<Runtime>::get(1).unwrap().farm_id, 1);
    });
}
