//! Unit tests of pallet-reputation, split by concern. Every test runs through [`run`], which
//! checks the pallet's invariants ([`Reputation::do_try_state`]) after the test body.

mod attacks;
mod events;
mod farms;
mod queries;
mod scores;
mod window;

use crate::{
    mock::*,
    types::{NodeReputation, NodeState},
};
use tfchain_support::traits::NodeUptimeReported;

/// Run `test` on fresh storage, then check the invariants.
pub fn run(test: impl FnOnce()) {
    new_test_ext().execute_with(|| {
        test();
        Reputation::do_try_state().expect("invariants hold");
    });
}

/// A time (in seconds) inside `period`.
pub fn secs(period: u32) -> u64 {
    u64::from(period) * PERIOD + 10
}

/// Move the chain's clock into `period`.
pub fn go_to(period: u32) {
    Timestamp::set_timestamp(secs(period) * 1000);
}

/// Declare node `node_id` of `farm_id` with `capacity`, up, without contracts, uncertified.
pub fn add_node(node_id: u32, farm_id: u32, capacity: u64) {
    set_farm(node_id, farm_id);
    set_node_state(
        node_id,
        NodeState {
            capacity,
            ..Default::default()
        },
    );
}

/// Seconds between two uptime reports of a node that is up (as ZOS sends them).
pub const REPORT_EVERY: u64 = 2 * 60 * 60;

/// Node `node_id` is up during `period`: it reports its uptime every [`REPORT_EVERY`] seconds
/// from [`secs`]`(period)` on, 12 reports, its uptime growing with the clock (booted at time 0).
pub fn report(node_id: u32, period: u32) {
    for k in 0..PERIOD / REPORT_EVERY {
        report_at(
            node_id,
            secs(period) + k * REPORT_EVERY,
            secs(period) + k * REPORT_EVERY,
        );
    }
}

/// Node `node_id` sends one uptime report of `uptime` at chain time `now` (the clock moves there).
pub fn report_at(node_id: u32, now: u64, uptime: u64) {
    Timestamp::set_timestamp(now * 1000);
    Reputation::node_uptime_reported(node_id, farm_of(node_id), now, uptime);
}

/// Node `node_id` reports in every period of `periods`.
pub fn report_in(node_id: u32, periods: impl IntoIterator<Item = u32>) {
    for period in periods {
        report(node_id, period);
    }
}

/// The reputation of `node_id` with the clock in `period`.
pub fn reputation_at(node_id: u32, period: u32) -> NodeReputation {
    go_to(period);
    Reputation::node_reputation(node_id).expect("the node has a reputation")
}
