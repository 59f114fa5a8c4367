//! Unit tests of pallet-tfgrid, split by domain. Every test runs through [`run`], which checks
//! the registry's invariants ([`TfgridModule::do_try_state`]) after the test body.

mod encoding;
mod entity;
mod farm;
mod free_calls;
mod genesis;
mod invariants;
mod node;
mod policies;
mod power;
mod twin;
mod validation;

use crate::{mock::*, types::*, EntityID, Event as TfgridEvent, FarmID, NodeID, TwinID};
use frame_support::traits::Get;
use frame_support::{assert_ok, BoundedVec};
use sp_runtime::AccountId32;
use tfchain_support::{
    resources::Resources,
    types::{Interface, IP4},
};

/// One gibibyte.
pub const GIB: u64 = 1024 * 1024 * 1024;

/// Run `test` in fresh externalities, then check the registry's invariants.
pub fn run(test: impl FnOnce()) {
    new_test_ext().execute_with(|| {
        test();
        TfgridModule::do_try_state().expect("registry invariants hold");
    });
}

/// Bytes into any bounded vector (panics if too long: test inputs only).
pub fn b<S: Get<u32>>(bytes: &[u8]) -> BoundedVec<u8, S> {
    BoundedVec::try_from(bytes.to_vec()).expect("test input fits its bound")
}

/// The events this pallet deposited, in order.
pub fn tfgrid_events() -> Vec<TfgridEvent<Test>> {
    System::events()
        .into_iter()
        .filter_map(|record| match record.event {
            RuntimeEvent::TfgridModule(event) => Some(event),
            _ => None,
        })
        .collect()
}

/// The last event this pallet deposited.
pub fn last_event() -> TfgridEvent<Test> {
    tfgrid_events().pop().expect("an event was deposited")
}

/// Accept the test terms and conditions as `who`.
pub fn accept_tc(who: &AccountId32) {
    assert_ok!(TfgridModule::user_accept_tc(
        RuntimeOrigin::signed(who.clone()),
        b(b"https://threefold.io/terms"),
        b(b"0x1234abcd")
    ));
}

/// Accept the terms and conditions and create a twin for `who`; returns its id.
pub fn create_twin(who: &AccountId32) -> u32 {
    accept_tc(who);
    assert_ok!(TfgridModule::create_twin(
        RuntimeOrigin::signed(who.clone()),
        Some(b(b"somerelay.io")),
        Some(b(b"pk"))
    ));
    TwinID::<Test>::get()
}

/// A valid public IP `185.206.122.<last>/24` with gateway `185.206.122.1`.
pub fn public_ip(last: u8) -> IP4 {
    IP4 {
        ip: b(format!("185.206.122.{last}/24").as_bytes()),
        gw: b(b"185.206.122.1"),
    }
}

/// Create a farm named `name` owned by the twin of `who`, with public IP `.2`; returns its id.
pub fn create_farm(who: &AccountId32, name: &[u8]) -> u32 {
    assert_ok!(TfgridModule::create_farm(
        RuntimeOrigin::signed(who.clone()),
        b(name),
        BoundedVec::try_from(vec![public_ip(2)]).unwrap()
    ));
    FarmID::<Test>::get()
}

/// The capacity of the reference test node: cu 20, su 2.
pub fn resources() -> Resources {
    Resources {
        hru: 1024 * GIB,
        sru: 512 * GIB,
        cru: 8,
        mru: 16 * GIB,
    }
}

/// A valid location.
pub fn location() -> LocationInputOf {
    LocationInput {
        city: b(b"Ghent"),
        country: b(b"Belgium"),
        latitude: b(b"12.233213231"),
        longitude: b(b"32.323112123"),
    }
}

/// One valid interface with one address.
pub fn interfaces() -> InterfaceInput<Test> {
    BoundedVec::try_from(vec![Interface {
        name: b(b"zos"),
        mac: b(b"00:00:5e:00:53:af"),
        ips: BoundedVec::try_from(vec![b(b"10.2.3.3")]).unwrap(),
    }])
    .unwrap()
}

/// Register the twin of `who` as a node of `farm_id` with [`resources`]; returns its id.
pub fn create_node(who: &AccountId32, farm_id: u32) -> u32 {
    create_node_with(who, farm_id, resources())
}

/// Register the twin of `who` as a node of `farm_id` with the given capacity; returns its id.
pub fn create_node_with(who: &AccountId32, farm_id: u32, resources: Resources) -> u32 {
    assert_ok!(TfgridModule::create_node(
        RuntimeOrigin::signed(who.clone()),
        farm_id,
        resources,
        location(),
        interfaces(),
        true,
        true,
        Some(b(b"some_serial")),
    ));
    NodeID::<Test>::get()
}

/// Alice owns farm 1 ("alice_farm", twin 1); Bob's twin (2) is node 1 in it.
pub fn farm_with_node() -> (u32, u32) {
    create_twin(&alice());
    let farm_id = create_farm(&alice(), b"alice_farm");
    create_twin(&bob());
    let node_id = create_node(&bob(), farm_id);
    (farm_id, node_id)
}

/// Lower-case hex of `bytes`, as clients submit signatures.
pub fn hex(bytes: &[u8]) -> Vec<u8> {
    bytes
        .iter()
        .flat_map(|byte| format!("{byte:02x}").into_bytes())
        .collect()
}

/// An ed25519 key pair of a dev seed, and its account.
pub fn ed25519_signer(seed: &str) -> (sp_core::ed25519::Pair, AccountId32) {
    use sp_core::Pair;
    let pair = sp_core::ed25519::Pair::from_string(seed, None).unwrap();
    let account = AccountId32::new(pair.public().0);
    (pair, account)
}

/// The hex signature by `pair` of the entity message `name ++ country ++ city`.
pub fn entity_signature<P: sp_core::Pair>(
    pair: &P,
    name: &[u8],
    country: &[u8],
    city: &[u8],
) -> Vec<u8>
where
    P::Signature: AsRef<[u8]>,
{
    let message = [name, country, city].concat();
    hex(pair.sign(&message).as_ref())
}

/// The hex signature by `pair` of the twin-entity message `entity_id ++ twin_id` (big-endian).
pub fn twin_entity_signature<P: sp_core::Pair>(pair: &P, entity_id: u32, twin_id: u32) -> Vec<u8>
where
    P::Signature: AsRef<[u8]>,
{
    let message = [entity_id.to_be_bytes(), twin_id.to_be_bytes()].concat();
    hex(pair.sign(&message).as_ref())
}

/// Create an entity named `name` for the account of the sr25519 dev seed `seed`; returns its id.
pub fn create_entity(seed: &str, name: &[u8]) -> u32 {
    let pair = sr25519_pair(seed);
    let signature = entity_signature(&pair, name, b"Belgium", b"Ghent");
    assert_ok!(TfgridModule::create_entity(
        RuntimeOrigin::signed(alice()),
        account(seed),
        name.to_vec(),
        b(b"Belgium"),
        b(b"Ghent"),
        signature.to_vec(),
    ));
    EntityID::<Test>::get()
}

/// Country and city of an entity, as bytes.
pub trait EntityFields {
    /// `(country, city)`.
    fn encode_fields(&self) -> (Vec<u8>, Vec<u8>);
}

impl EntityFields for TfgridEntity<Test> {
    fn encode_fields(&self) -> (Vec<u8>, Vec<u8>) {
        use codec::Encode;
        // Both newtypes encode as their bytes with a compact length prefix of one byte.
        (
            self.country.encode()[1..].to_vec(),
            self.city.encode()[1..].to_vec(),
        )
    }
}
