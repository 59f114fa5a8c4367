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
                request.description.into_inner(),
                request.tf_connect_id.into_inner(),
                request.info.into_inner()
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
                request.description.into_inner(),
                request.tf_connect_id.into_inner(),
                request.info.into_inner()
            ),
            DispatchError::BadOrigin
        );
    });
}

#[test]
fn create_validator_request_bounds_its_texts_with_named_errors() {
    use crate::types::{MAX_DESCRIPTION_LENGTH, MAX_INFO_LENGTH, MAX_TF_CONNECT_ID_LENGTH};
    run(|| {
        // Plain `Vec<u8>` arguments as in TFChain 2.9, checked against the stored bounds.
        let create = |description: u32, tf_connect_id: u32, info: u32| {
            Validator::create_validator_request(
                RuntimeOrigin::signed(10),
                node_of(10),
                stash_of(10),
                vec![b'd'; description as usize],
                vec![b't'; tf_connect_id as usize],
                vec![b'i'; info as usize],
            )
        };
        assert_noop!(
            create(MAX_DESCRIPTION_LENGTH + 1, 1, 1),
            Error::<Test>::DescriptionTooLong
        );
        assert_noop!(
            create(1, MAX_TF_CONNECT_ID_LENGTH + 1, 1),
            Error::<Test>::TfConnectIdTooLong
        );
        assert_noop!(
            create(1, 1, MAX_INFO_LENGTH + 1),
            Error::<Test>::InfoTooLong
        );
        assert_ok!(create(
            MAX_DESCRIPTION_LENGTH,
            MAX_TF_CONNECT_ID_LENGTH,
            MAX_INFO_LENGTH
        ));
        let stored = ValidatorRequests::<Test>::get(10).unwrap();
        assert_eq!(stored.description.len(), MAX_DESCRIPTION_LENGTH as usize);
        assert_eq!(stored.info.len(), MAX_INFO_LENGTH as usize);
    });
}
