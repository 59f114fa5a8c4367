//! Declared and actual weights (issue 11): each call declares its benchmark weight at the
//! component's bound and reports the weight for the actual count.

use super::*;
use crate::WeightInfo;
use frame_support::dispatch::GetDispatchInfo;

type W = ();

fn dispatch_weight_of(call: &RuntimeCall) -> frame_support::weights::Weight {
    call.get_dispatch_info().call_weight
}

#[test]
fn each_call_declares_its_weight_at_the_bound_of_its_component() {
    run(|| {
        let hash = hash_of(&remark(b"a"));
        let vote = RuntimeCall::Dao(crate::Call::vote {
            farm_id: 1,
            proposal_hash: hash,
            approve: true,
        });
        assert_eq!(dispatch_weight_of(&vote), W::vote(MAX_VOTES_PER_PROPOSAL));
        let veto = RuntimeCall::Dao(crate::Call::veto {
            proposal_hash: hash,
        });
        assert_eq!(dispatch_weight_of(&veto), W::veto(MAX_VOTES_PER_PROPOSAL));
        let propose = RuntimeCall::Dao(crate::Call::propose {
            threshold: MIN_THRESHOLD,
            action: Box::new(remark(b"a")),
            description: vec![],
            link: vec![],
            duration: None,
        });
        assert_eq!(
            dispatch_weight_of(&propose),
            W::propose(MAX_ACTIVE_PROPOSALS)
        );
        let close = RuntimeCall::Dao(crate::Call::close {
            proposal_hash: hash,
            proposal_index: 0,
        });
        assert_eq!(dispatch_weight_of(&close), Dao::close_weight_bound());
    });
}

#[test]
fn propose_vote_and_veto_report_the_weight_of_the_actual_counts() {
    run(|| {
        let first = propose(MIN_THRESHOLD, remark(b"a"));
        let post = Dao::propose(
            RuntimeOrigin::signed(alice()),
            MIN_THRESHOLD,
            Box::new(remark(b"b")),
            vec![],
            vec![],
            None,
        )
        .unwrap();
        assert_eq!(post.actual_weight, Some(W::propose(1)));

        let mut voters = farms(2).into_iter();
        let (owner, farm_id) = voters.next().unwrap();
        vote(&owner, farm_id, first, true);
        let (owner, farm_id) = voters.next().unwrap();
        let post = Dao::vote(RuntimeOrigin::signed(owner), farm_id, first, false).unwrap();
        assert_eq!(post.actual_weight, Some(W::vote(2)));

        let post = Dao::veto(RuntimeOrigin::signed(bob()), first).unwrap();
        assert_eq!(post.actual_weight, Some(W::veto(2)));
    });
}
