//! `close` (call 3): early close once the threshold is met, close after the period, the
//! weighted tally and the execution of a passed proposal.

use super::*;
use crate::{Error, ProposalList, ProposalOf, Proposals, Voting};
use frame_support::{assert_noop, dispatch::Pays};
use sp_runtime::DispatchError;

/// `MIN_THRESHOLD` farms vote aye on `hash`.
fn threshold_of_ayes(hash: sp_core::H256) {
    for (owner, farm_id) in farms(MIN_THRESHOLD) {
        vote(&owner, farm_id, hash, true);
    }
}

/// True when no trace of the proposal is left.
fn is_removed(hash: sp_core::H256) -> bool {
    ProposalOf::<Test>::get(hash).is_none()
        && Proposals::<Test>::get(hash).is_none()
        && Voting::<Test>::get(hash).is_none()
        && !ProposalList::<Test>::get().contains(&hash)
}

#[test]
fn closing_before_the_end_with_the_threshold_met_executes_the_call_as_root() {
    run(|| {
        let hash = propose(MIN_THRESHOLD, set_connection_price(100));
        threshold_of_ayes(hash);
        System::reset_events();
        let post = Dao::close(RuntimeOrigin::signed(bob()), hash, 0).unwrap();
        assert_eq!(post.pays_fee, Pays::No);
        assert_eq!(pallet_tfgrid::ConnectionPrice::<Test>::get(), 100);
        assert_eq!(
            dao_events(),
            vec![
                DaoEvent::Closed {
                    proposal_hash: hash,
                    yes: MIN_THRESHOLD,
                    yes_weight: NODE_WEIGHT * MIN_THRESHOLD as u64,
                    no: 0,
                    no_weight: 0,
                },
                DaoEvent::Approved {
                    proposal_hash: hash
                },
                DaoEvent::Executed {
                    proposal_hash: hash,
                    result: Ok(()),
                },
            ]
        );
        assert!(is_removed(hash));
    });
}

#[test]
fn close_charges_only_the_weight_it_used() {
    run(|| {
        let hash = propose(MIN_THRESHOLD, remark(b"a"));
        threshold_of_ayes(hash);
        let post = Dao::close(RuntimeOrigin::signed(bob()), hash, 0).unwrap();
        let used = post.actual_weight.expect("close reports its weight");
        assert!(used.all_gte(<() as crate::WeightInfo>::close(MIN_THRESHOLD)));
        assert!(used.all_lt(<() as crate::WeightInfo>::close(MIN_THRESHOLD + 1)));
        assert!(used.all_lt(Dao::close_weight_bound()));
        assert_eq!(
            Dao::close_weight_bound(),
            <() as crate::WeightInfo>::close(crate::types::MAX_VOTES_PER_PROPOSAL)
                .saturating_add(MaxProposalWeight::get())
        );
    });
}

#[test]
fn a_passed_proposal_whose_call_fails_is_closed_with_the_error() {
    run(|| {
        // `remark_with_event` needs a signed origin, so it fails when dispatched as Root.
        let call = RuntimeCall::System(frame_system::Call::remark_with_event {
            remark: b"a".to_vec(),
        });
        let hash = propose(MIN_THRESHOLD, call);
        threshold_of_ayes(hash);
        assert_ok!(Dao::close(RuntimeOrigin::signed(bob()), hash, 0));
        assert_eq!(
            last_event(),
            DaoEvent::Executed {
                proposal_hash: hash,
                result: Err(DispatchError::BadOrigin),
            }
        );
        assert!(is_removed(hash));
    });
}

#[test]
fn closing_before_the_end_without_the_threshold_fails() {
    run(|| {
        let hash = propose(MIN_THRESHOLD, remark(b"a"));
        let (owner, farm_id) = farm_with_node(1);
        vote(&owner, farm_id, hash, true);
        go_to_block(MOTION_DURATION);
        assert_noop!(
            Dao::close(RuntimeOrigin::signed(bob()), hash, 0),
            Error::<Test>::OngoingVoteAndTresholdStillNotMet
        );
    });
}

#[test]
fn closing_after_the_end_without_the_threshold_rejects_the_proposal() {
    run(|| {
        let hash = propose(MIN_THRESHOLD, set_connection_price(100));
        let (owner, farm_id) = farm_with_node(1);
        vote(&owner, farm_id, hash, true);
        go_to_block(1 + MOTION_DURATION);
        System::reset_events();
        assert_ok!(Dao::close(RuntimeOrigin::signed(bob()), hash, 0));
        assert_eq!(
            dao_events(),
            vec![
                DaoEvent::Closed {
                    proposal_hash: hash,
                    yes: 1,
                    yes_weight: NODE_WEIGHT,
                    no: 0,
                    no_weight: 0,
                },
                DaoEvent::Disapproved {
                    proposal_hash: hash
                },
            ]
        );
        assert_eq!(pallet_tfgrid::ConnectionPrice::<Test>::get(), 80);
        assert!(is_removed(hash));
    });
}

#[test]
fn closing_after_the_end_with_the_threshold_and_more_aye_weight_passes() {
    run(|| {
        let hash = propose(MIN_THRESHOLD, set_connection_price(100));
        let voters = farms(MIN_THRESHOLD);
        for (owner, farm_id) in &voters[..3] {
            vote(owner, *farm_id, hash, true);
        }
        for (owner, farm_id) in &voters[3..] {
            vote(owner, *farm_id, hash, false);
        }
        go_to_block(10 + MOTION_DURATION);
        assert_ok!(Dao::close(RuntimeOrigin::signed(bob()), hash, 0));
        assert_eq!(pallet_tfgrid::ConnectionPrice::<Test>::get(), 100);
        assert!(is_removed(hash));
    });
}

#[test]
fn the_heavier_side_wins_not_the_larger_one() {
    run(|| {
        let hash = propose(MIN_THRESHOLD, set_connection_price(100));
        let voters = farms(MIN_THRESHOLD);
        // The last farm gets a big second node, so that its single nay outweighs four ayes.
        let (nay_owner, nay_farm) = voters[MIN_THRESHOLD as usize - 1].clone();
        let mut big = resources();
        big.cru = 64;
        big.sru = 4096 * GIB;
        trusted_node(nay_farm, big);
        for (owner, farm_id) in &voters[..MIN_THRESHOLD as usize - 1] {
            vote(owner, *farm_id, hash, true);
        }
        vote(&nay_owner, nay_farm, hash, false);
        let ayes_weight = NODE_WEIGHT * (MIN_THRESHOLD as u64 - 1);
        let nay_weight = crate::FarmWeight::<Test>::get(nay_farm);
        assert!(nay_weight > ayes_weight);

        System::reset_events();
        assert_ok!(Dao::close(RuntimeOrigin::signed(bob()), hash, 0));
        assert_eq!(
            dao_events(),
            vec![
                DaoEvent::Closed {
                    proposal_hash: hash,
                    yes: MIN_THRESHOLD - 1,
                    yes_weight: ayes_weight,
                    no: 1,
                    no_weight: nay_weight,
                },
                DaoEvent::Disapproved {
                    proposal_hash: hash
                },
            ]
        );
        assert_eq!(pallet_tfgrid::ConnectionPrice::<Test>::get(), 80);
    });
}

#[test]
fn equal_weights_reject_the_proposal() {
    run(|| {
        let hash = propose(MIN_THRESHOLD, set_connection_price(100));
        let voters = farms(MIN_THRESHOLD + 1);
        for (index, (owner, farm_id)) in voters.iter().enumerate() {
            vote(owner, *farm_id, hash, index % 2 == 0);
        }
        assert_ok!(Dao::close(RuntimeOrigin::signed(bob()), hash, 0));
        assert_eq!(
            last_event(),
            DaoEvent::Disapproved {
                proposal_hash: hash
            }
        );
    });
}

#[test]
fn the_tally_uses_the_farm_weights_at_closing_time() {
    run(|| {
        let hash = propose(MIN_THRESHOLD, set_connection_price(100));
        let voters = farms(MIN_THRESHOLD);
        for (owner, farm_id) in &voters {
            vote(owner, *farm_id, hash, true);
        }
        // Every farm's node leaves the grid before the proposal is closed.
        for node_id in 1..=MIN_THRESHOLD {
            let node_account = account(&format!("//Node{node_id}"));
            assert_ok!(TfgridModule::delete_node(
                RuntimeOrigin::signed(node_account),
                node_id
            ));
        }
        System::reset_events();
        assert_ok!(Dao::close(RuntimeOrigin::signed(bob()), hash, 0));
        assert_eq!(
            dao_events()[0],
            DaoEvent::Closed {
                proposal_hash: hash,
                yes: MIN_THRESHOLD,
                yes_weight: 0,
                no: 0,
                no_weight: 0,
            }
        );
        assert_eq!(pallet_tfgrid::ConnectionPrice::<Test>::get(), 80);
    });
}

#[test]
fn a_node_moved_to_another_farm_after_a_vote_counts_once() {
    run(|| {
        let hash = propose(MIN_THRESHOLD, set_connection_price(100));
        let voters = farms(4);
        let (first_owner, first_farm) = voters[0].clone();
        let (second_owner, second_farm) = voters[1].clone();
        // Farm 1 votes aye with node 1, which then moves to farm 2, which votes aye too.
        vote(&first_owner, first_farm, hash, true);
        assert_ok!(TfgridModule::update_node(
            RuntimeOrigin::signed(account("//Node1")),
            1,
            second_farm,
            resources(),
            location(),
            interfaces(),
            true,
            true,
            None,
        ));
        vote(&second_owner, second_farm, hash, true);
        // Nays: two reference farms and a farm with a smaller node (weight 21).
        let small_owner = farmer(5);
        create_twin(&small_owner);
        let small_farm = create_farm(&small_owner, b"small_farm");
        let mut small = resources();
        small.hru = 0;
        small.sru = 256 * GIB;
        trusted_node(small_farm, small);
        assert_eq!(crate::FarmWeight::<Test>::get(small_farm), 21);
        for (owner, farm_id) in &voters[2..] {
            vote(owner, *farm_id, hash, false);
        }
        vote(&small_owner, small_farm, hash, false);

        // Vote-time snapshots would give the ayes 42 + 84 = 126 against 105 and pass the
        // proposal; node 1 counts once: 0 + 84 against 105.
        System::reset_events();
        assert_ok!(Dao::close(RuntimeOrigin::signed(bob()), hash, 0));
        assert_eq!(
            dao_events(),
            vec![
                DaoEvent::Closed {
                    proposal_hash: hash,
                    yes: 2,
                    yes_weight: 2 * NODE_WEIGHT,
                    no: 3,
                    no_weight: 2 * NODE_WEIGHT + 21,
                },
                DaoEvent::Disapproved {
                    proposal_hash: hash
                },
            ]
        );
        assert_eq!(pallet_tfgrid::ConnectionPrice::<Test>::get(), 80);
    });
}

#[test]
fn only_council_members_may_close() {
    run(|| {
        let hash = propose(MIN_THRESHOLD, remark(b"a"));
        threshold_of_ayes(hash);
        assert_noop!(
            Dao::close(RuntimeOrigin::signed(dave()), hash, 0),
            Error::<Test>::NotCouncilMember
        );
    });
}

#[test]
fn closing_a_missing_proposal_fails() {
    run(|| {
        assert_noop!(
            Dao::close(RuntimeOrigin::signed(bob()), hash_of(&remark(b"a")), 0),
            Error::<Test>::ProposalMissing
        );
    });
}

#[test]
fn closing_with_another_proposals_index_fails() {
    run(|| {
        let hash = propose(MIN_THRESHOLD, remark(b"a"));
        threshold_of_ayes(hash);
        assert_noop!(
            Dao::close(RuntimeOrigin::signed(bob()), hash, 1),
            Error::<Test>::WrongIndex
        );
    });
}

#[test]
fn a_passed_proposal_without_its_call_fails_to_close() {
    run(|| {
        let call = remark(b"a");
        let hash = propose(MIN_THRESHOLD, call.clone());
        threshold_of_ayes(hash);
        ProposalOf::<Test>::remove(hash);
        assert_noop!(
            Dao::close(RuntimeOrigin::signed(bob()), hash, 0),
            Error::<Test>::ProposalMissing
        );
        ProposalOf::<Test>::insert(hash, call);
    });
}

#[test]
fn a_closed_proposal_can_be_proposed_again() {
    run(|| {
        let hash = propose(MIN_THRESHOLD, remark(b"a"));
        go_to_block(1 + MOTION_DURATION);
        assert_ok!(Dao::close(RuntimeOrigin::signed(bob()), hash, 0));
        let again = propose(MIN_THRESHOLD, remark(b"a"));
        assert_eq!(again, hash);
        assert_eq!(Proposals::<Test>::get(hash).unwrap().index, 1);
    });
}
