//! `vote` (call 1).

use super::*;
use crate::{proposal::VoteWeight, Error, Proposals, Voting};
use frame_support::{assert_noop, dispatch::Pays, BoundedVec};

#[test]
fn a_farmer_votes_with_the_weight_of_the_farm_and_pays_nothing_for_a_first_vote() {
    run(|| {
        let hash = propose(MIN_THRESHOLD, remark(b"a"));
        let (owner, farm_id) = farm_with_node(1);
        let post = Dao::vote(RuntimeOrigin::signed(owner.clone()), farm_id, hash, true).unwrap();
        assert_eq!(post.pays_fee, Pays::No);
        let votes = Voting::<Test>::get(hash).unwrap();
        assert_eq!(
            votes.ayes.into_inner(),
            vec![VoteWeight {
                farm_id,
                weight: NODE_WEIGHT
            }]
        );
        assert!(votes.nays.is_empty());
        assert_eq!(
            last_event(),
            DaoEvent::Voted {
                account: owner,
                proposal_hash: hash,
                voted: true,
                yes: 1,
                no: 0,
            }
        );
    });
}

#[test]
fn a_nay_is_recorded_on_the_nay_side() {
    run(|| {
        let hash = propose(MIN_THRESHOLD, remark(b"a"));
        let (owner, farm_id) = farm_with_node(1);
        vote(&owner, farm_id, hash, false);
        let votes = Voting::<Test>::get(hash).unwrap();
        assert!(votes.ayes.is_empty());
        assert_eq!(votes.nays.len(), 1);
        assert_eq!(
            last_event(),
            DaoEvent::Voted {
                account: owner,
                proposal_hash: hash,
                voted: false,
                yes: 0,
                no: 1,
            }
        );
    });
}

#[test]
fn changing_sides_moves_the_vote_and_is_paid() {
    run(|| {
        let hash = propose(MIN_THRESHOLD, remark(b"a"));
        let (owner, farm_id) = farm_with_node(1);
        vote(&owner, farm_id, hash, true);
        let post = Dao::vote(RuntimeOrigin::signed(owner), farm_id, hash, false).unwrap();
        assert_eq!(post.pays_fee, Pays::Yes);
        let votes = Voting::<Test>::get(hash).unwrap();
        assert!(votes.ayes.is_empty());
        assert_eq!(votes.nays.len(), 1);
    });
}

#[test]
fn only_the_owner_of_an_existing_farm_may_vote_with_it() {
    run(|| {
        let hash = propose(MIN_THRESHOLD, remark(b"a"));
        let (_, farm_id) = farm_with_node(1);
        assert_noop!(
            Dao::vote(RuntimeOrigin::signed(farmer(2)), farm_id, hash, true),
            Error::<Test>::NotAuthorizedToVote
        );
        assert_noop!(
            Dao::vote(RuntimeOrigin::signed(farmer(1)), 99, hash, true),
            Error::<Test>::NotAuthorizedToVote
        );
    });
}

#[test]
fn voting_on_a_missing_proposal_fails() {
    run(|| {
        let (owner, farm_id) = farm_with_node(1);
        assert_noop!(
            Dao::vote(
                RuntimeOrigin::signed(owner),
                farm_id,
                hash_of(&remark(b"a")),
                true
            ),
            Error::<Test>::ProposalMissing
        );
    });
}

#[test]
fn voting_fails_when_the_description_and_votes_disagree_on_the_index() {
    run(|| {
        let hash = propose(MIN_THRESHOLD, remark(b"a"));
        let (owner, farm_id) = farm_with_node(1);
        Proposals::<Test>::mutate(hash, |proposal| proposal.as_mut().unwrap().index = 7);
        assert_noop!(
            Dao::vote(RuntimeOrigin::signed(owner), farm_id, hash, true),
            Error::<Test>::WrongIndex
        );
        Proposals::<Test>::mutate(hash, |proposal| proposal.as_mut().unwrap().index = 0);
    });
}

#[test]
fn the_same_vote_twice_fails() {
    run(|| {
        let hash = propose(MIN_THRESHOLD, remark(b"a"));
        let (owner, farm_id) = farm_with_node(1);
        vote(&owner, farm_id, hash, true);
        assert_noop!(
            Dao::vote(RuntimeOrigin::signed(owner.clone()), farm_id, hash, true),
            Error::<Test>::DuplicateVote
        );
        vote(&owner, farm_id, hash, false);
        assert_noop!(
            Dao::vote(RuntimeOrigin::signed(owner), farm_id, hash, false),
            Error::<Test>::DuplicateVote
        );
    });
}

#[test]
fn votes_after_the_end_of_the_period_fail() {
    run(|| {
        let hash = propose(MIN_THRESHOLD, remark(b"a"));
        let (owner, farm_id) = farm_with_node(1);
        go_to_block(1 + MOTION_DURATION);
        vote(&owner, farm_id, hash, true);
        go_to_block(2 + MOTION_DURATION);
        assert_noop!(
            Dao::vote(RuntimeOrigin::signed(owner), farm_id, hash, false),
            Error::<Test>::TimeLimitReached
        );
    });
}

#[test]
fn a_farm_without_nodes_cannot_vote() {
    run(|| {
        let hash = propose(MIN_THRESHOLD, remark(b"a"));
        let owner = farmer(1);
        create_twin(&owner);
        let farm_id = create_farm(&owner, b"empty_farm");
        assert_noop!(
            Dao::vote(RuntimeOrigin::signed(owner), farm_id, hash, true),
            Error::<Test>::FarmHasNoNodes
        );
    });
}

#[test]
fn a_new_voter_is_refused_once_a_proposal_holds_the_maximum_of_votes() {
    run(|| {
        let hash = propose(MIN_THRESHOLD, remark(b"a"));
        let (owner, farm_id) = farm_with_node(1);
        let full: Vec<VoteWeight> = (1000..1000 + MAX_VOTES_PER_PROPOSAL)
            .map(|farm_id| VoteWeight { farm_id, weight: 1 })
            .collect();
        Voting::<Test>::mutate(hash, |votes| {
            votes.as_mut().unwrap().nays = BoundedVec::try_from(full).unwrap()
        });
        assert_noop!(
            Dao::vote(RuntimeOrigin::signed(owner), farm_id, hash, true),
            Error::<Test>::StorageOverflow
        );
    });
}

#[test]
fn a_farm_under_the_minimum_weight_cannot_vote_and_one_at_it_can() {
    run(|| {
        let hash = propose(MIN_THRESHOLD, remark(b"a"));
        let tiny = |sru_gib: u64| tfchain_support::resources::Resources {
            hru: 0,
            sru: sru_gib * GIB,
            cru: 1,
            mru: 2 * GIB,
        };
        assert_eq!(tiny(250).get_node_weight(), MIN_FARM_VOTE_WEIGHT - 1);
        assert_eq!(tiny(500).get_node_weight(), MIN_FARM_VOTE_WEIGHT);

        let small = farmer(1);
        create_twin(&small);
        let small_farm = create_farm(&small, b"small_farm");
        trusted_node(small_farm, tiny(250));
        assert_noop!(
            Dao::vote(RuntimeOrigin::signed(small), small_farm, hash, true),
            Error::<Test>::FarmWeightTooLow
        );

        let enough = farmer(2);
        create_twin(&enough);
        let enough_farm = create_farm(&enough, b"enough_farm");
        trusted_node(enough_farm, tiny(500));
        vote(&enough, enough_farm, hash, true);
    });
}

#[test]
fn a_refused_vote_is_paid() {
    run(|| {
        let hash = propose(MIN_THRESHOLD, remark(b"a"));
        let (owner, farm_id) = farm_with_node(1);
        vote(&owner, farm_id, hash, true);
        let refused = Dao::vote(RuntimeOrigin::signed(owner), farm_id, hash, true).unwrap_err();
        assert_eq!(refused.error, Error::<Test>::DuplicateVote.into());
        assert_eq!(refused.post_info.pays_fee, Pays::Yes);
    });
}
