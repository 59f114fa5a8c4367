//! `create_validator_request` (call 0).

use super::*;
use crate::Error;
use frame_support::assert_noop;
use sp_runtime::DispatchError;

#[test]
fn create_validator_request_stores_a_created_request() {
    run(|| {
        create_request(10);

        let request = request_of(10, ValidatorRequestState::Created);
        assert_eq!(stored_request(10), Some(request.clone()));
        assert_eq!(
            last_event(),
            ValidatorEvent::ValidatorRequestCreated(10, request)
        );
    });
}

#[test]
fn create_validator_request_twice_fails() {
    run(|| {
        create_request(10);
        let request = request_of(10, ValidatorRequestState::Created);
        assert_noop!(
            Validator::create_validator_request(
                RuntimeOrigin::signed(10),
                alt_node_of(10),
                request.stash_account,
                request.description,
                request.tf_connect_id,
                request.info
            ),
            Error::<Test>::DuplicateValidator
        );
    });
}

#[test]
fn create_validator_request_must_be_signed() {
    run(|| {
        let request = request_of(10, ValidatorRequestState::Created);
        assert_noop!(
            Validator::create_validator_request(
                RuntimeOrigin::root(),
                request.validator_node_account,
                request.stash_account,
                request.description,
                request.tf_connect_id,
                request.info
            ),
            DispatchError::BadOrigin
        );
    });
}
