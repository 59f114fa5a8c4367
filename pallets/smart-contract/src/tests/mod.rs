//! Unit tests of pallet-smart-contract, split by concern. Every test runs through [`run`], which
//! checks the pallet's invariants ([`SmartContractModule::do_try_state`]) and that every twin's
//! reserved balance equals the reserves of its contracts after the test body.

mod billing;
mod billing_loop;
mod contracts;
mod cost;
mod extension;
mod grace;
mod hooks;
mod rent;
mod report_bounds;
mod reports;
mod service;
mod solution_provider;
mod squatting;
mod teardown;

use crate::{mock::*, types::*, ContractID, Event as ContractEvent};
use frame_support::{assert_ok, traits::Get, BoundedVec};
use sp_runtime::AccountId32;
use tfchain_support::{
    resources::Resources,
    types::{Interface, IP4},
};

/// One gibibyte.
pub const GIB: u64 = 1024 * 1024 * 1024;

/// Run `test` in fresh externalities, then check the invariants.
pub fn run(test: impl FnOnce()) {
    new_test_ext().execute_with(|| {
        test();
        check_invariants();
    });
}

/// The pallet's invariants and exact reserves.
pub fn check_invariants() {
    SmartContractModule::do_try_state().expect("smart-contract invariants hold");
    TfgridModule::do_try_state().expect("registry invariants hold");
    for (twin_id, (reserved, reserves)) in SmartContractModule::reserves_by_twin() {
        assert_eq!(reserved, reserves, "reserved balance of twin {twin_id}");
    }
}

/// Bytes into any bounded vector (panics if too long: test inputs only).
pub fn b<S: Get<u32>>(bytes: &[u8]) -> BoundedVec<u8, S> {
    BoundedVec::try_from(bytes.to_vec()).expect("test input fits its bound")
}

/// The events this pallet deposited, in order.
pub fn contract_events() -> Vec<ContractEvent<Test>> {
    System::events()
        .into_iter()
        .filter_map(|record| match record.event {
            RuntimeEvent::SmartContractModule(event) => Some(event),
            _ => None,
        })
        .collect()
}

/// The last event this pallet deposited.
pub fn last_event() -> ContractEvent<Test> {
    contract_events().pop().expect("an event was deposited")
}

/// Forget the events so far.
pub fn clear_events() {
    System::reset_events();
}

/// Signed origin of `who`.
pub fn signed(who: &AccountId32) -> RuntimeOrigin {
    RuntimeOrigin::signed(who.clone())
}

/// Accept the terms and conditions and create a twin for `who`; returns its id.
pub fn create_twin(who: &AccountId32) -> u32 {
    assert_ok!(TfgridModule::user_accept_tc(
        signed(who),
        b(b"https://threefold.io/terms"),
        b(b"0x1234abcd")
    ));
    assert_ok!(TfgridModule::create_twin(
        signed(who),
        Some(b(b"somerelay.io")),
        Some(b(b"pk"))
    ));
    pallet_tfgrid::TwinID::<Test>::get()
}

/// A valid public IP `185.206.122.<last>/24`.
pub fn public_ip(last: u8) -> IP4 {
    IP4 {
        ip: b(format!("185.206.122.{last}/24").as_bytes()),
        gw: b(b"185.206.122.1"),
    }
}

/// The capacity of the test node: 8 cores, 16 GiB memory, 1 TiB SSD, 2 TiB HDD.
pub fn node_resources() -> Resources {
    Resources {
        hru: 2048 * GIB,
        sru: 1024 * GIB,
        cru: 8,
        mru: 16 * GIB,
    }
}

/// Register the twin of `who` as a node of `farm_id`; returns its id.
pub fn create_node(who: &AccountId32, farm_id: u32) -> u32 {
    assert_ok!(TfgridModule::create_node(
        signed(who),
        farm_id,
        node_resources(),
        pallet_tfgrid::types::LocationInput {
            city: b(b"Ghent"),
            country: b(b"Belgium"),
            latitude: b(b"12.233213231"),
            longitude: b(b"32.323112123"),
        },
        BoundedVec::try_from(vec![Interface {
            name: b(b"zos"),
            mac: b(b"00:00:5e:00:53:af"),
            ips: BoundedVec::try_from(vec![b(b"10.2.3.3")]).unwrap(),
        }])
        .unwrap(),
        true,
        true,
        Some(b(b"some_serial")),
    ));
    pallet_tfgrid::NodeID::<Test>::get()
}

/// The grid of most tests: Alice (twin 1) owns farm 1 with 2 public IPs, Bob (twin 2) is its
/// node 1, Charlie (twin 3) and Dave (twin 4) are users.
pub fn prepare_grid() {
    create_twin(&alice());
    assert_ok!(TfgridModule::create_farm(
        signed(&alice()),
        b(b"alice_farm"),
        BoundedVec::try_from(vec![public_ip(2), public_ip(3)]).unwrap()
    ));
    create_twin(&bob());
    create_node(&bob(), 1);
    create_twin(&charlie());
    create_twin(&dave());
}

/// The farm node 1 belongs to.
pub const FARM: u32 = 1;
/// The node of the test grid.
pub const NODE: u32 = 1;
/// Charlie's twin id.
pub const CHARLIE_TWIN: u32 = 3;

/// A deployment hash derived from `seed`.
pub fn hash(seed: u8) -> HexHash {
    [seed; 32]
}

/// Create a node contract on node 1 for Charlie with `public_ips` IPs; returns its id.
pub fn create_node_contract(public_ips: u32) -> u64 {
    assert_ok!(SmartContractModule::create_node_contract(
        signed(&charlie()),
        NODE,
        hash(1),
        b(b"some_data"),
        public_ips,
        None
    ));
    ContractID::<Test>::get()
}

/// Create a name contract `name` for Charlie; returns its id.
pub fn create_name_contract(name: &[u8]) -> u64 {
    assert_ok!(SmartContractModule::create_name_contract(
        signed(&charlie()),
        name.to_vec()
    ));
    ContractID::<Test>::get()
}

/// Rent node 1 for Charlie; returns the contract id.
pub fn create_rent_contract() -> u64 {
    assert_ok!(SmartContractModule::create_rent_contract(
        signed(&charlie()),
        NODE,
        None
    ));
    ContractID::<Test>::get()
}

/// Report `used` capacity for contract `id` as the node (Bob).
pub fn report_resources(id: u64, used: Resources) {
    assert_ok!(SmartContractModule::report_contract_resources(
        signed(&bob()),
        vec![ContractResources {
            contract_id: id,
            used
        }]
    ));
}

/// Unix time (seconds) of block `n`.
pub fn time_of(n: u64) -> u64 {
    START_MILLIS / 1000 + (n - 1) * 6
}

/// Move to block `n` (six seconds per block).
pub fn go_to_block(n: u64) {
    System::set_block_number(n);
    Timestamp::set_timestamp(START_MILLIS + (n - 1) * 6000);
}

/// Move to block `n` and run the chain's billing loop of that block (`on_initialize`). The clock
/// is block `n`'s here (on chain it is still the parent's then: see `billing_loop`).
pub fn bill_at_block(n: u64) {
    use frame_support::traits::Hooks;
    go_to_block(n);
    SmartContractModule::on_initialize(n);
}

/// Bill every block from the current one (exclusive) to `n` (inclusive).
pub fn bill_until(n: u64) {
    let current = System::block_number();
    for block in current + 1..=n {
        bill_at_block(block);
    }
}

/// Run the pallet's `on_idle` of the current block with all the weight it wants (it ends
/// queued teardowns and moves contracts after a billing-frequency change); returns the weight
/// used.
pub fn idle() -> frame_support::weights::Weight {
    use frame_support::traits::Hooks;
    SmartContractModule::on_idle(System::block_number(), frame_support::weights::Weight::MAX)
}

/// Free balance of `who`.
pub fn free(who: &AccountId32) -> u128 {
    Balances::free_balance(who)
}

/// Reserved balance of `who`.
pub fn reserved(who: &AccountId32) -> u128 {
    Balances::reserved_balance(who)
}

/// The payment state of contract `id`.
pub fn payment(id: u64) -> ContractPaymentState<u128> {
    crate::ContractPaymentState::<Test>::get(id).expect("contract has a payment state")
}
