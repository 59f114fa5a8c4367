//! Unit tests of pallet-dao, split by call and concern. Every test runs through [`run`], which
//! checks the DAO's invariants ([`Dao::do_try_state`]) after the test body.

mod attacks;
mod close;
mod encoding;
mod farm_weight;
mod invariants;
mod propose;
mod veto;
mod vote;
mod weights;

use crate::{mock::*, types::*, Event as DaoEvent};
use frame_support::assert_ok;
use sp_runtime::{traits::Hash, AccountId32};

/// Run `test` in fresh externalities, then check the DAO's invariants.
pub fn run(test: impl FnOnce()) {
    new_test_ext().execute_with(|| {
        test();
        Dao::do_try_state().expect("DAO invariants hold");
    });
}

/// The events this pallet deposited, in order.
pub fn dao_events() -> Vec<DaoEvent<Test>> {
    System::events()
        .into_iter()
        .filter_map(|record| match record.event {
            RuntimeEvent::Dao(event) => Some(event),
            _ => None,
        })
        .collect()
}

/// The last event this pallet deposited.
pub fn last_event() -> DaoEvent<Test> {
    dao_events().pop().expect("an event was deposited")
}

/// A `system.remark` proposal with the given text.
pub fn remark(text: &[u8]) -> RuntimeCall {
    RuntimeCall::System(frame_system::Call::remark {
        remark: text.to_vec(),
    })
}

/// A proposal that sets the grid's connection price (a Root-only tfgrid call).
pub fn set_connection_price(price: u32) -> RuntimeCall {
    RuntimeCall::TfgridModule(pallet_tfgrid::Call::set_connection_price { price })
}

/// The hash a proposal of `call` is stored under.
pub fn hash_of(call: &RuntimeCall) -> sp_core::H256 {
    <Test as frame_system::Config>::Hashing::hash_of(call)
}

/// Alice proposes `call` with `threshold` and the default period; returns its hash.
pub fn propose(threshold: u32, call: RuntimeCall) -> sp_core::H256 {
    let hash = hash_of(&call);
    assert_ok!(Dao::propose(
        RuntimeOrigin::signed(alice()),
        threshold,
        Box::new(call),
        b"some description".to_vec(),
        b"www.example.com".to_vec(),
        None
    ));
    hash
}

/// Farmer `n` with a twin and a farm holding one trusted reference node (weight 42); returns
/// the farmer and the farm id.
pub fn farm_with_node(n: u32) -> (AccountId32, u32) {
    let (owner, farm_id) = throwaway_farm(n);
    trust(pallet_tfgrid::NodeID::<Test>::get());
    (owner, farm_id)
}

/// Register a node of `resources` in `farm_id` and give it a proven uptime history; returns
/// its id.
pub fn trusted_node(farm_id: u32, resources: tfchain_support::resources::Resources) -> u32 {
    let (node_id, _) = create_node(farm_id, resources);
    trust(node_id);
    node_id
}

/// The reputation pallet tells the DAO that uncertified node `node_id` was proven online for
/// `MIN_TRUSTED_ONLINE_SECS`.
pub fn trust(node_id: u32) {
    <Dao as tfchain_support::traits::NodeOnlineTime>::node_online_time(
        node_id,
        false,
        MIN_TRUSTED_ONLINE_SECS,
    );
}

/// `count` farms with one reference node each, owned by farmers 1..=count.
pub fn farms(count: u32) -> Vec<(AccountId32, u32)> {
    (1..=count).map(farm_with_node).collect()
}

/// The farm owned by `owner` votes on `hash`.
pub fn vote(owner: &AccountId32, farm_id: u32, hash: sp_core::H256, approve: bool) {
    assert_ok!(Dao::vote(
        RuntimeOrigin::signed(owner.clone()),
        farm_id,
        hash,
        approve
    ));
}

/// Move the chain to block `n` (the pallet has no block hooks).
pub fn go_to_block(n: u64) {
    System::set_block_number(n);
}

/// Weight of the reference node: cu 20 and su 2.
pub const NODE_WEIGHT: u64 = 42;

/// The DAO's smallest allowed threshold, for readability.
pub const MIN_THRESHOLD: u32 = MOTION_MIN_THRESHOLD;

/// Farmer `n` with a twin and a farm holding one freshly registered reference node: capacity
/// reported by the node itself, not certified, no uptime history.
pub fn throwaway_farm(n: u32) -> (AccountId32, u32) {
    let owner = farmer(n);
    create_twin(&owner);
    let farm_id = create_farm(&owner, format!("farm_{n}").as_bytes());
    create_node(farm_id, resources());
    (owner, farm_id)
}
