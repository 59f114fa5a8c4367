//! The invariants `do_try_state` checks catch broken state.

use super::*;
use crate::{types::Burn, Burns};

fn burn_at(block: u64) -> crate::types::BurnOf<Test> {
    Burn {
        target: ALICE,
        amount: 1,
        block,
        message: message("x"),
    }
}

#[test]
fn try_state_detects_burns_out_of_block_order() {
    run(|| {
        System::set_block_number(5);
        Burns::<Test>::put(BoundedVec::truncate_from(vec![burn_at(3), burn_at(2)]));
        assert!(BurningModule::do_try_state().is_err());
        Burns::<Test>::put(BoundedVec::truncate_from(vec![burn_at(2), burn_at(3)]));
    });
}

#[test]
fn try_state_detects_a_burn_from_a_future_block() {
    run(|| {
        Burns::<Test>::put(BoundedVec::truncate_from(vec![burn_at(9)]));
        assert!(BurningModule::do_try_state().is_err());
        Burns::<Test>::kill();
    });
}

#[test]
fn try_state_detects_an_empty_burn_list() {
    run(|| {
        Burns::<Test>::put(BoundedVec::truncate_from(vec![]));
        assert!(BurningModule::do_try_state().is_err());
        Burns::<Test>::kill();
    });
}
