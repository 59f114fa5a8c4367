//! `propose` (call 0).

use super::*;
use crate::{
    proposal::{DaoProposal, DaoVotes},
    Error, ProposalCount, ProposalList, ProposalOf, Proposals, Voting,
};
use frame_support::{assert_noop, BoundedVec};
use sp_runtime::DispatchError;

/// Alice proposes `call` with the minimum threshold and the given duration.
fn propose_with(
    call: RuntimeCall,
    description: Vec<u8>,
    link: Vec<u8>,
    duration: Option<u64>,
) -> sp_runtime::DispatchResult {
    Dao::propose(
        RuntimeOrigin::signed(alice()),
        MIN_THRESHOLD,
        Box::new(call),
        description,
        link,
        duration,
    )
    .map(|_| ())
    .map_err(|error| error.error)
}

#[test]
fn propose_stores_the_call_its_description_and_empty_votes() {
    run(|| {
        let call = remark(b"hello");
        let hash = hash_of(&call);
        assert_ok!(Dao::propose(
            RuntimeOrigin::signed(alice()),
            5,
            Box::new(call.clone()),
            b"some description".to_vec(),
            b"www.example.com".to_vec(),
            None
        ));
        assert_eq!(ProposalOf::<Test>::get(hash), Some(call));
        assert_eq!(
            Proposals::<Test>::get(hash),
            Some(DaoProposal {
                index: 0,
                description: BoundedVec::try_from(b"some description".to_vec()).unwrap(),
                link: BoundedVec::try_from(b"www.example.com".to_vec()).unwrap(),
            })
        );
        assert_eq!(
            Voting::<Test>::get(hash),
            Some(DaoVotes {
                index: 0,
                threshold: 5,
                ayes: BoundedVec::new(),
                nays: BoundedVec::new(),
                end: 1 + MOTION_DURATION,
                vetos: BoundedVec::new(),
            })
        );
        assert_eq!(ProposalList::<Test>::get().into_inner(), vec![hash]);
        assert_eq!(ProposalCount::<Test>::get(), 1);
        assert_eq!(
            last_event(),
            DaoEvent::Proposed {
                account: alice(),
                proposal_index: 0,
                proposal_hash: hash,
                threshold: 5,
            }
        );
    });
}

#[test]
fn proposals_are_numbered_in_creation_order() {
    run(|| {
        let first = propose(MIN_THRESHOLD, remark(b"first"));
        let second = propose(MIN_THRESHOLD, remark(b"second"));
        assert_eq!(Proposals::<Test>::get(first).unwrap().index, 0);
        assert_eq!(Proposals::<Test>::get(second).unwrap().index, 1);
        assert_eq!(
            ProposalList::<Test>::get().into_inner(),
            vec![first, second]
        );
        assert_eq!(ProposalCount::<Test>::get(), 2);
    });
}

#[test]
fn a_requested_duration_sets_the_end_of_the_vote() {
    run(|| {
        let call = remark(b"hello");
        let hash = hash_of(&call);
        assert_ok!(propose_with(
            call,
            vec![],
            vec![],
            Some(MIN_PROPOSAL_DURATION as u64)
        ));
        assert_eq!(
            Voting::<Test>::get(hash).unwrap().end,
            1 + MIN_PROPOSAL_DURATION as u64
        );
    });
}

#[test]
fn durations_from_one_day_to_just_under_thirty_days_are_accepted() {
    run(|| {
        assert_ok!(propose_with(
            remark(b"a"),
            vec![],
            vec![],
            Some(MIN_PROPOSAL_DURATION as u64)
        ));
        assert_ok!(propose_with(
            remark(b"b"),
            vec![],
            vec![],
            Some(MAX_PROPOSAL_DURATION as u64 - 1)
        ));
    });
}

#[test]
fn propose_rejects_a_duration_under_one_day_or_of_thirty_days_and_more() {
    run(|| {
        for duration in [
            0,
            MIN_PROPOSAL_DURATION as u64 - 1,
            MAX_PROPOSAL_DURATION as u64,
            MAX_PROPOSAL_DURATION as u64 + 1,
        ] {
            assert_noop!(
                propose_with(remark(b"a"), vec![], vec![], Some(duration)),
                Error::<Test>::InvalidProposalDuration
            );
        }
    });
}

#[test]
fn propose_accepts_the_minimum_threshold_and_rejects_a_lower_one() {
    run(|| {
        assert_noop!(
            Dao::propose(
                RuntimeOrigin::signed(alice()),
                MIN_THRESHOLD - 1,
                Box::new(remark(b"a")),
                vec![],
                vec![],
                None
            ),
            Error::<Test>::ThresholdTooLow
        );
        assert_ok!(Dao::propose(
            RuntimeOrigin::signed(alice()),
            MIN_THRESHOLD,
            Box::new(remark(b"a")),
            vec![],
            vec![],
            None
        ));
    });
}

#[test]
fn only_council_members_may_propose() {
    run(|| {
        assert_noop!(
            Dao::propose(
                RuntimeOrigin::signed(dave()),
                MIN_THRESHOLD,
                Box::new(remark(b"a")),
                vec![],
                vec![],
                None
            ),
            Error::<Test>::NotCouncilMember
        );
        assert_noop!(
            Dao::propose(
                RuntimeOrigin::root(),
                MIN_THRESHOLD,
                Box::new(remark(b"a")),
                vec![],
                vec![],
                None
            ),
            DispatchError::BadOrigin
        );
    });
}

#[test]
fn the_same_call_cannot_be_proposed_twice_while_open() {
    run(|| {
        propose(MIN_THRESHOLD, remark(b"a"));
        assert_noop!(
            propose_with(remark(b"a"), b"other".to_vec(), vec![], None),
            Error::<Test>::DuplicateProposal
        );
    });
}

#[test]
fn propose_rejects_a_description_link_or_call_over_its_bound() {
    run(|| {
        assert_noop!(
            propose_with(
                remark(b"a"),
                vec![b'd'; MAX_DESCRIPTION_LENGTH as usize + 1],
                vec![],
                None
            ),
            Error::<Test>::WrongProposalLength
        );
        assert_noop!(
            propose_with(
                remark(b"a"),
                vec![],
                vec![b'l'; MAX_LINK_LENGTH as usize + 1],
                None
            ),
            Error::<Test>::WrongProposalLength
        );
        assert_noop!(
            propose_with(
                remark(&[b'r'; MAX_PROPOSAL_LENGTH as usize]),
                vec![],
                vec![],
                None
            ),
            Error::<Test>::WrongProposalLength
        );
        assert_ok!(propose_with(
            remark(b"a"),
            vec![b'd'; MAX_DESCRIPTION_LENGTH as usize],
            vec![b'l'; MAX_LINK_LENGTH as usize],
            None
        ));
    });
}

#[test]
fn propose_rejects_a_call_heavier_than_max_proposal_weight() {
    run(|| {
        // `set_code` declares a whole block.
        let heavy = RuntimeCall::System(frame_system::Call::set_code { code: vec![0; 8] });
        assert_noop!(
            propose_with(heavy, vec![], vec![], None),
            Error::<Test>::WrongProposalWeight
        );
    });
}

#[test]
fn propose_fails_when_the_list_of_open_proposals_is_full() {
    run(|| {
        let filler: Vec<_> = (0..MAX_ACTIVE_PROPOSALS)
            .map(|i| propose(MIN_THRESHOLD, remark(&i.to_le_bytes())))
            .collect();
        assert_eq!(filler.len(), MAX_ACTIVE_PROPOSALS as usize);
        assert_noop!(
            propose_with(remark(b"one too many"), vec![], vec![], None),
            Error::<Test>::StorageOverflow
        );
    });
}

#[test]
fn propose_fails_instead_of_wrapping_the_proposal_counter() {
    run(|| {
        ProposalCount::<Test>::put(u32::MAX);
        assert_noop!(
            propose_with(remark(b"a"), vec![], vec![], None),
            Error::<Test>::StorageOverflow
        );
        ProposalCount::<Test>::put(0);
    });
}
