//! Attacks on the vote: throwaway farms filling the vote list, the proposer voting for itself.

use super::*;
use crate::{proposal::VoteWeight, Error, FarmWeight, Voting};
use frame_support::{assert_noop, dispatch::Pays, BoundedVec};

/// Farms whose only node is a fresh registration with self-reported capacity (not certified, no
/// uptime history) try to take every one of the `MAX_VOTES_PER_PROPOSAL` places of a proposal.
#[test]
fn attack_throwaway_farms_with_self_reported_capacity_fill_the_vote_list() {
    run(|| {
        let hash = propose(MIN_THRESHOLD, remark(b"a"));
        for n in 1..=MAX_VOTES_PER_PROPOSAL {
            let (owner, farm_id) = throwaway_farm(n);
            let refused = Dao::vote(RuntimeOrigin::signed(owner), farm_id, hash, true).unwrap_err();
            assert_eq!(refused.error, Error::<Test>::FarmHasNoNodes.into());
            assert_eq!(
                refused.post_info.pays_fee,
                Pays::Yes,
                "a refused vote is paid"
            );
            assert_eq!(FarmWeight::<Test>::get(farm_id), 0);
        }
        assert_eq!(Voting::<Test>::get(hash).unwrap().vote_count(), 0);
    });
}

/// The council member who proposed a call votes for it with a farm of its own.
#[test]
fn attack_the_proposer_votes_for_its_own_proposal_with_its_farm() {
    run(|| {
        create_twin(&alice());
        let farm_id = create_farm(&alice(), b"alice_farm");
        create_node(farm_id, resources());
        let hash = propose(MIN_THRESHOLD, remark(b"a"));
        trust(1);
        assert_noop!(
            Dao::vote(RuntimeOrigin::signed(alice()), farm_id, hash, true),
            Error::<Test>::ProposerFarmCannotVote
        );
        // Another council member's farm may vote.
        create_twin(&bob());
        let bob_farm = create_farm(&bob(), b"bob_farm");
        trusted_node(bob_farm, resources());
        vote(&bob(), bob_farm, hash, true);
    });
}

/// With `MAX_VOTES_PER_PROPOSAL - 1` places taken, a throwaway farm cannot take the last one, a
/// trusted farm can, and then nobody else.
#[test]
fn only_trusted_farms_fill_the_vote_list_to_its_bound() {
    run(|| {
        let hash = propose(MIN_THRESHOLD, remark(b"a"));
        let taken: Vec<VoteWeight> = (1000..999 + MAX_VOTES_PER_PROPOSAL)
            .map(|farm_id| VoteWeight { farm_id, weight: 1 })
            .collect();
        Voting::<Test>::mutate(hash, |votes| {
            votes.as_mut().unwrap().nays = BoundedVec::try_from(taken).unwrap()
        });
        let (throwaway, throwaway_farm_id) = throwaway_farm(1);
        assert_noop!(
            Dao::vote(
                RuntimeOrigin::signed(throwaway),
                throwaway_farm_id,
                hash,
                true
            ),
            Error::<Test>::FarmHasNoNodes
        );
        let (owner, farm_id) = farm_with_node(2);
        vote(&owner, farm_id, hash, true);
        assert_eq!(
            Voting::<Test>::get(hash).unwrap().vote_count(),
            MAX_VOTES_PER_PROPOSAL
        );
        let (late, late_farm) = farm_with_node(3);
        assert_noop!(
            Dao::vote(RuntimeOrigin::signed(late), late_farm, hash, true),
            Error::<Test>::StorageOverflow
        );
    });
}
