//! The invariants that `do_try_state` checks catch broken state.

use super::*;
use crate::{proposal::VoteWeight, FarmWeight, ProposalList, ProposalOf, Proposals, Voting};
use frame_support::BoundedVec;

#[test]
fn try_state_detects_a_proposal_missing_from_the_list() {
    run(|| {
        let hash = propose(MIN_THRESHOLD, remark(b"a"));
        ProposalList::<Test>::kill();
        assert!(Dao::do_try_state().is_err());
        ProposalList::<Test>::put(BoundedVec::try_from(vec![hash]).unwrap());
    });
}

#[test]
fn try_state_detects_a_call_stored_under_another_hash() {
    run(|| {
        let hash = propose(MIN_THRESHOLD, remark(b"a"));
        ProposalOf::<Test>::insert(hash, remark(b"b"));
        assert!(Dao::do_try_state().is_err());
        ProposalOf::<Test>::insert(hash, remark(b"a"));
    });
}

#[test]
fn try_state_detects_disagreeing_indices() {
    run(|| {
        let hash = propose(MIN_THRESHOLD, remark(b"a"));
        Proposals::<Test>::mutate(hash, |proposal| proposal.as_mut().unwrap().index = 3);
        assert!(Dao::do_try_state().is_err());
        Proposals::<Test>::mutate(hash, |proposal| proposal.as_mut().unwrap().index = 0);
    });
}

#[test]
fn try_state_detects_a_farm_voting_on_both_sides() {
    run(|| {
        let hash = propose(MIN_THRESHOLD, remark(b"a"));
        let vote = VoteWeight {
            farm_id: 1,
            weight: 1,
        };
        Voting::<Test>::mutate(hash, |votes| {
            let votes = votes.as_mut().unwrap();
            votes.ayes.try_push(vote).unwrap();
            votes.nays.try_push(vote).unwrap();
        });
        assert!(Dao::do_try_state().is_err());
        Voting::<Test>::mutate(hash, |votes| {
            let votes = votes.as_mut().unwrap();
            votes.ayes.clear();
            votes.nays.clear();
        });
    });
}

#[test]
fn try_state_detects_an_open_proposal_with_enough_vetos() {
    run(|| {
        let hash = propose(MIN_THRESHOLD, remark(b"a"));
        Voting::<Test>::mutate(hash, |votes| {
            let vetos = &mut votes.as_mut().unwrap().vetos;
            vetos.try_push(bob()).unwrap();
            vetos.try_push(charlie()).unwrap();
        });
        assert!(Dao::do_try_state().is_err());
        Voting::<Test>::mutate(hash, |votes| votes.as_mut().unwrap().vetos.clear());
    });
}

#[test]
fn try_state_detects_a_stored_zero_farm_weight() {
    run(|| {
        FarmWeight::<Test>::insert(1, 0);
        assert!(Dao::do_try_state().is_err());
        FarmWeight::<Test>::remove(1);
    });
}
