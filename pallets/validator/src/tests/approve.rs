//! `approve_validator` (call 4).

use super::*;
use crate::Error;
use frame_support::assert_noop;
use sp_runtime::DispatchError;

#[test]
fn attack_a_single_council_member_seats_sock_puppets_on_the_council() {
    run(|| {
        // One member approving its own candidates would give them council seats, and with
        // enough seats it could pass motions (a runtime upgrade) alone.
        for candidate in CANDIDATES {
            create_request(candidate);
            assert_noop!(
                Validator::approve_validator(RuntimeOrigin::signed(COUNCIL[0]), candidate),
                Error::<Test>::BadOrigin
            );
            assert_eq!(
                stored_request(candidate).map(|r| r.state),
                Some(ValidatorRequestState::Created)
            );
        }
        assert_eq!(council(), COUNCIL.to_vec());
    });
}

#[test]
fn approve_validator_by_a_council_decision_approves_and_seats_the_candidate() {
    run(|| {
        create_request(10);

        assert_ok!(Validator::approve_validator(RuntimeOrigin::root(), 10));

        let approved = request_of(10, ValidatorRequestState::Approved);
        assert_eq!(stored_request(10), Some(approved.clone()));
        assert!(council().contains(&10));
        assert_eq!(
            last_event(),
            ValidatorEvent::ValidatorRequestApproved(approved)
        );
        // Approval alone does not make a block author.
        assert!(!consensus_set().contains(&node_of(10)));
    });
}

#[test]
fn approve_validator_by_a_non_member_fails() {
    run(|| {
        create_request(10);
        assert_noop!(
            Validator::approve_validator(RuntimeOrigin::signed(20), 10),
            Error::<Test>::NotCouncilMember
        );
    });
}

#[test]
fn approve_validator_unsigned_fails() {
    run(|| {
        create_request(10);
        assert_noop!(
            Validator::approve_validator(RuntimeOrigin::none(), 10),
            DispatchError::BadOrigin
        );
    });
}

#[test]
fn approve_validator_without_a_request_fails() {
    run(|| {
        assert_noop!(
            Validator::approve_validator(RuntimeOrigin::root(), 10),
            Error::<Test>::ValidatorNotFound
        );
    });
}

#[test]
fn approve_validator_of_an_active_validator_fails() {
    run(|| {
        active_validator(10);
        assert_noop!(
            Validator::approve_validator(RuntimeOrigin::root(), 10),
            Error::<Test>::ValidatorValidatingAlready
        );
    });
}

#[test]
fn approve_validator_of_a_council_member_keeps_its_seat() {
    run(|| {
        let member = COUNCIL[1];
        let request = request_of(10, ValidatorRequestState::Created);
        assert_ok!(Validator::create_validator_request(
            RuntimeOrigin::signed(member),
            request.validator_node_account,
            request.stash_account,
            request.description.into_inner(),
            request.tf_connect_id.into_inner(),
            request.info.into_inner()
        ));

        assert_ok!(Validator::approve_validator(RuntimeOrigin::root(), member));

        assert_eq!(council(), COUNCIL.to_vec());
        assert_eq!(
            stored_request(member).map(|r| r.state),
            Some(ValidatorRequestState::Approved)
        );
    });
}

#[test]
fn approve_validator_when_the_council_is_full_fails() {
    run(|| {
        for member in 200..208 {
            assert_ok!(CouncilMembership::add_member(RuntimeOrigin::root(), member));
        }
        create_request(10);
        assert_noop!(
            Validator::approve_validator(RuntimeOrigin::root(), 10),
            pallet_membership::Error::<Test, pallet_membership::Instance1>::TooManyMembers
        );
    });
}
