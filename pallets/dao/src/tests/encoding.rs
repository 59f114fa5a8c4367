//! Wire layout: call indices and encodings, event and error indices, storage names, hashers
//! and record encodings.

use super::*;
use crate::{Call, Error, FarmWeight, Voting};
use codec::{Compact, Encode};
use frame_support::traits::{GetCallIndex, GetCallName, StorageInfoTrait};
use sp_io::hashing::twox_128;

#[test]
fn calls_have_the_upstream_names_and_indices() {
    run(|| {
        assert_eq!(
            Call::<Test>::get_call_names(),
            &["propose", "vote", "veto", "close"]
        );
        assert_eq!(Call::<Test>::get_call_indices(), &[0, 1, 2, 3]);
    });
}

#[test]
fn propose_and_close_encode_their_arguments_in_upstream_order() {
    run(|| {
        let action = remark(b"a");
        let propose = Call::<Test>::propose {
            threshold: 5,
            action: Box::new(action.clone()),
            description: b"d".to_vec(),
            link: b"l".to_vec(),
            duration: Some(14_400),
        };
        assert_eq!(
            propose.encode(),
            [
                vec![0],
                Compact(5u32).encode(),
                action.encode(),
                b"d".to_vec().encode(),
                b"l".to_vec().encode(),
                Some(14_400u64).encode(),
            ]
            .concat()
        );
        let hash = hash_of(&action);
        let close = Call::<Test>::close {
            proposal_hash: hash,
            proposal_index: 300,
        };
        assert_eq!(
            close.encode(),
            [vec![3], hash.encode(), Compact(300u32).encode()].concat()
        );
    });
}

#[test]
fn events_and_errors_keep_their_upstream_indices() {
    run(|| {
        let hash = hash_of(&remark(b"a"));
        assert_eq!(
            DaoEvent::<Test>::Voted {
                account: alice(),
                proposal_hash: hash,
                voted: true,
                yes: 1,
                no: 2,
            }
            .encode(),
            [
                vec![0],
                alice().encode(),
                hash.encode(),
                true.encode(),
                1u32.encode(),
                2u32.encode()
            ]
            .concat()
        );
        assert_eq!(
            DaoEvent::<Test>::Executed {
                proposal_hash: hash,
                result: Ok(()),
            }
            .encode(),
            [vec![4], hash.encode(), vec![0]].concat()
        );
        assert_eq!(
            DaoEvent::<Test>::Closed {
                proposal_hash: hash,
                yes: 1,
                yes_weight: 2,
                no: 3,
                no_weight: 4,
            }
            .encode(),
            [
                vec![5],
                hash.encode(),
                1u32.encode(),
                2u64.encode(),
                3u32.encode(),
                4u64.encode()
            ]
            .concat()
        );
        assert_eq!(
            DaoEvent::<Test>::CouncilMemberVeto {
                proposal_hash: hash,
                who: bob(),
            }
            .encode()[0],
            7
        );
        assert_eq!(Error::<Test>::NoneValue.encode(), vec![0]);
        assert_eq!(Error::<Test>::NotCouncilMember.encode(), vec![3]);
        assert_eq!(
            Error::<Test>::OngoingVoteAndTresholdStillNotMet.encode(),
            vec![14]
        );
        assert_eq!(Error::<Test>::InvalidProposalDuration.encode(), vec![16]);
        assert_eq!(Error::<Test>::ThresholdTooLow.encode(), vec![17]);
        // Appended by tfchain (issue 12).
        assert_eq!(Error::<Test>::ProposerFarmCannotVote.encode(), vec![18]);
        assert_eq!(Error::<Test>::FarmWeightTooLow.encode(), vec![19]);
    });
}

#[test]
fn storage_items_have_the_upstream_names_and_only_the_call_is_unbounded() {
    run(|| {
        let info = <Dao as StorageInfoTrait>::storage_info();
        let names: Vec<String> = info
            .iter()
            .map(|item| String::from_utf8(item.storage_name.clone()).unwrap())
            .collect();
        assert_eq!(
            names,
            vec![
                "ProposalList",
                "Proposals",
                "ProposalOf",
                "Voting",
                "ProposalCount",
                "FarmWeight",
                // Added by tfchain (issue 12), after the upstream items.
                "NodeWeights",
                "Proposers"
            ]
        );
        for item in &info {
            assert_eq!(item.pallet_name, b"Dao".to_vec());
            assert_eq!(item.max_size.is_none(), item.storage_name == b"ProposalOf");
        }
    });
}

#[test]
fn votes_are_stored_under_the_raw_proposal_hash_with_the_upstream_layout() {
    run(|| {
        let hash = propose(MIN_THRESHOLD, remark(b"a"));
        let (owner, farm_id) = farm_with_node(1);
        vote(&owner, farm_id, hash, false);
        assert_ok!(Dao::veto(RuntimeOrigin::signed(bob()), hash));

        let key = [
            twox_128(b"Dao").to_vec(),
            twox_128(b"Voting").to_vec(),
            hash.encode(),
        ]
        .concat();
        let expected = [
            0u32.encode(),
            MIN_THRESHOLD.encode(),
            Vec::<(u32, u64)>::new().encode(),
            vec![(farm_id, NODE_WEIGHT)].encode(),
            (1 + MOTION_DURATION).encode(),
            vec![bob()].encode(),
        ]
        .concat();
        assert_eq!(
            sp_io::storage::get(&key).map(|bytes| bytes.to_vec()),
            Some(expected)
        );
        assert_eq!(Voting::<Test>::get(hash).unwrap().index, 0);
    });
}

#[test]
fn farm_weights_are_stored_under_the_raw_farm_id() {
    run(|| {
        let (_, farm_id) = farm_with_node(1);
        let key = [
            twox_128(b"Dao").to_vec(),
            twox_128(b"FarmWeight").to_vec(),
            farm_id.encode(),
        ]
        .concat();
        assert_eq!(
            sp_io::storage::get(&key).map(|bytes| bytes.to_vec()),
            Some(NODE_WEIGHT.encode())
        );
        assert_eq!(FarmWeight::<Test>::get(farm_id), NODE_WEIGHT);
    });
}
