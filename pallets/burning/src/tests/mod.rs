//! Unit tests of pallet-burning. Every test runs through [`run`], which checks the pallet's
//! invariants ([`BurningModule::do_try_state`]) after the test body.

mod burn;
mod invariants;

use crate::{mock::*, types::BurnMessageOf, Event as BurningEvent};
use frame_support::BoundedVec;

/// Run `test` in fresh externalities, then check the invariants.
pub fn run(test: impl FnOnce()) {
    new_test_ext().execute_with(|| {
        test();
        BurningModule::do_try_state().expect("burning invariants hold");
    });
}

/// A burn message (panics if too long: test inputs only).
pub fn message(text: &str) -> BurnMessageOf<Test> {
    BoundedVec::try_from(text.as_bytes().to_vec()).expect("test message fits its bound")
}

/// The events this pallet deposited, in order.
pub fn burning_events() -> Vec<BurningEvent<Test>> {
    System::events()
        .into_iter()
        .filter_map(|record| match record.event {
            RuntimeEvent::BurningModule(event) => Some(event),
            _ => None,
        })
        .collect()
}
