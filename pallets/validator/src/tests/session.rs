//! The validator lifecycle seen from the session pallet: who authors blocks.

use super::*;

/// The accounts authoring blocks in the current session.
fn authors() -> Vec<u64> {
    Session::validators()
}

/// Run until two more sessions have started: a set change made now is then in force.
fn two_sessions_later() {
    let now = System::block_number();
    let next_start = (now / SESSION_PERIOD + 1) * SESSION_PERIOD;
    run_to_block(next_start + SESSION_PERIOD);
}

#[test]
fn an_activated_validator_authors_blocks_after_the_session_change() {
    run(|| {
        approved_request(10);
        two_sessions_later();
        assert_eq!(authors(), GENESIS_VALIDATORS.to_vec());

        assert_ok!(Validator::activate_validator_node(RuntimeOrigin::signed(
            10
        )));
        assert_eq!(authors(), GENESIS_VALIDATORS.to_vec());
        two_sessions_later();

        assert_eq!(authors(), vec![1, 2, node_of(10)]);
    });
}

#[test]
fn a_removed_validator_stops_authoring_after_the_session_change() {
    run(|| {
        active_validator(10);
        two_sessions_later();
        assert!(authors().contains(&node_of(10)));

        assert_ok!(Validator::remove_validator(RuntimeOrigin::root(), 10));
        two_sessions_later();

        assert_eq!(authors(), GENESIS_VALIDATORS.to_vec());
    });
}

#[test]
fn a_changed_node_account_authors_in_place_of_the_old_one() {
    run(|| {
        active_validator(10);
        two_sessions_later();

        assert_ok!(Validator::change_validator_node_account(
            RuntimeOrigin::signed(10),
            alt_node_of(10)
        ));
        two_sessions_later();

        assert_eq!(authors(), vec![1, 2, alt_node_of(10)]);
    });
}
