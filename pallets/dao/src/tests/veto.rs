//! `veto` (call 2).

use super::*;
use crate::{Error, ProposalList, ProposalOf, Proposals, Voting};
use frame_support::{assert_noop, dispatch::Pays};

#[test]
fn a_council_member_vetoes_for_free() {
    run(|| {
        let hash = propose(MIN_THRESHOLD, remark(b"a"));
        let post = Dao::veto(RuntimeOrigin::signed(bob()), hash).unwrap();
        assert_eq!(post.pays_fee, Pays::No);
        assert_eq!(
            Voting::<Test>::get(hash).unwrap().vetos.into_inner(),
            vec![bob()]
        );
        assert_eq!(
            last_event(),
            DaoEvent::CouncilMemberVeto {
                proposal_hash: hash,
                who: bob(),
            }
        );
    });
}

#[test]
fn min_vetos_reject_and_remove_the_proposal() {
    run(|| {
        let hash = propose(MIN_THRESHOLD, remark(b"a"));
        assert_ok!(Dao::veto(RuntimeOrigin::signed(bob()), hash));
        System::reset_events();
        assert_ok!(Dao::veto(RuntimeOrigin::signed(charlie()), hash));
        assert_eq!(
            dao_events(),
            vec![
                DaoEvent::CouncilMemberVeto {
                    proposal_hash: hash,
                    who: charlie(),
                },
                DaoEvent::ClosedByCouncil {
                    proposal_hash: hash,
                    vetos: vec![bob(), charlie()],
                },
                DaoEvent::Disapproved {
                    proposal_hash: hash
                },
            ]
        );
        assert!(ProposalOf::<Test>::get(hash).is_none());
        assert!(Proposals::<Test>::get(hash).is_none());
        assert!(Voting::<Test>::get(hash).is_none());
        assert!(ProposalList::<Test>::get().is_empty());
    });
}

#[test]
fn a_council_member_cannot_veto_twice() {
    run(|| {
        let hash = propose(MIN_THRESHOLD, remark(b"a"));
        assert_ok!(Dao::veto(RuntimeOrigin::signed(bob()), hash));
        assert_noop!(
            Dao::veto(RuntimeOrigin::signed(bob()), hash),
            Error::<Test>::DuplicateVeto
        );
    });
}

#[test]
fn only_council_members_may_veto() {
    run(|| {
        let hash = propose(MIN_THRESHOLD, remark(b"a"));
        assert_noop!(
            Dao::veto(RuntimeOrigin::signed(dave()), hash),
            Error::<Test>::NotCouncilMember
        );
    });
}

#[test]
fn vetoing_a_missing_proposal_fails() {
    run(|| {
        assert_noop!(
            Dao::veto(RuntimeOrigin::signed(bob()), hash_of(&remark(b"a"))),
            Error::<Test>::ProposalMissing
        );
    });
}

#[test]
fn vetoing_fails_when_the_description_and_votes_disagree_on_the_index() {
    run(|| {
        let hash = propose(MIN_THRESHOLD, remark(b"a"));
        Proposals::<Test>::mutate(hash, |proposal| proposal.as_mut().unwrap().index = 7);
        assert_noop!(
            Dao::veto(RuntimeOrigin::signed(bob()), hash),
            Error::<Test>::WrongIndex
        );
        Proposals::<Test>::mutate(hash, |proposal| proposal.as_mut().unwrap().index = 0);
    });
}

#[test]
fn a_full_veto_list_refuses_more_vetos() {
    run(|| {
        let hash = propose(MIN_THRESHOLD, remark(b"a"));
        Voting::<Test>::mutate(hash, |votes| {
            let votes = votes.as_mut().unwrap();
            for n in 0..MAX_VETOS {
                votes
                    .vetos
                    .try_push(account(&format!("//Vetoer{n}")))
                    .unwrap();
            }
        });
        assert_noop!(
            Dao::veto(RuntimeOrigin::signed(bob()), hash),
            Error::<Test>::StorageOverflow
        );
        Voting::<Test>::mutate(hash, |votes| votes.as_mut().unwrap().vetos.clear());
    });
}
