//! Benchmarks of every call of pallet-dao (frame-benchmarking v2), each on its heaviest path:
//! a proposal with description and link at their bounds, a vote that moves a farm to the other
//! side, the veto that rejects a proposal, and a close that dispatches the proposed call.

use crate::{types::*, *};
use alloc::{boxed::Box, vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::traits::{Get, SortedMembers};
use frame_system::RawOrigin;
use sp_runtime::traits::Hash;

/// The weight given to the benchmark farms: one reference node (cu 20, su 2).
const FARM_WEIGHT: u64 = 42;

/// A council member, added to `CouncilMembers`.
fn council_member<T: Config>(index: u32) -> T::AccountId {
    let member: T::AccountId = account("council", index, 0);
    T::CouncilMembers::add(&member);
    member
}

/// A remark call, `size` bytes long, as a proposal.
fn remark<T: Config>(size: usize) -> <T as Config>::Proposal {
    frame_system::Call::<T>::remark {
        remark: vec![1u8; size],
    }
    .into()
}

/// Open a proposal of `action` made by `proposer`; returns its hash.
fn open_proposal<T: Config>(proposer: T::AccountId, action: <T as Config>::Proposal) -> T::Hash {
    let hash = T::Hashing::hash_of(&action);
    Pallet::<T>::do_propose(
        proposer,
        MOTION_MIN_THRESHOLD,
        action,
        b"description".to_vec(),
        b"link".to_vec(),
        None,
    )
    .expect("valid proposal");
    hash
}

#[benchmarks]
mod benchmarks {
    use super::*;

    #[benchmark]
    fn propose() {
        let caller = council_member::<T>(0);
        let action = remark::<T>(64);
        let hash = T::Hashing::hash_of(&action);
        let description: Vec<u8> = vec![b'd'; MAX_DESCRIPTION_LENGTH as usize];
        let link: Vec<u8> = vec![b'l'; MAX_LINK_LENGTH as usize];
        #[extrinsic_call]
        _(
            RawOrigin::Signed(caller),
            MOTION_MIN_THRESHOLD,
            Box::new(action),
            description,
            link,
            Some(MIN_PROPOSAL_DURATION.into()),
        );
        assert!(Voting::<T>::contains_key(hash));
        assert_eq!(ProposalCount::<T>::get(), 1);
    }

    #[benchmark]
    fn vote() {
        let hash = open_proposal::<T>(council_member::<T>(0), remark::<T>(64));
        let farmer: T::AccountId = whitelisted_caller();
        let farm_id = T::BenchmarkHelper::create_farm(&farmer, 0);
        FarmWeight::<T>::insert(farm_id, FARM_WEIGHT);
        Pallet::<T>::do_vote(farmer.clone(), farm_id, hash, false).expect("first vote");
        #[extrinsic_call]
        _(RawOrigin::Signed(farmer), farm_id, hash, true);
        let votes = Voting::<T>::get(hash).expect("proposal open");
        assert_eq!((votes.ayes.len(), votes.nays.len()), (1, 0));
    }

    #[benchmark]
    fn veto() {
        let hash = open_proposal::<T>(council_member::<T>(0), remark::<T>(64));
        for index in 1..T::MinVetos::get() {
            Pallet::<T>::do_veto(council_member::<T>(index), hash).expect("first veto");
        }
        let caller = council_member::<T>(T::MinVetos::get());
        #[extrinsic_call]
        _(RawOrigin::Signed(caller), hash);
        assert!(!Voting::<T>::contains_key(hash));
    }

    #[benchmark]
    fn close() {
        let caller = council_member::<T>(0);
        let hash = open_proposal::<T>(caller.clone(), remark::<T>(64));
        for farm_id in 1..=MOTION_MIN_THRESHOLD {
            FarmWeight::<T>::insert(farm_id, FARM_WEIGHT);
            let farmer: T::AccountId = account("farmer", farm_id, 0);
            Pallet::<T>::do_vote(farmer, farm_id, hash, true).expect("vote");
        }
        #[extrinsic_call]
        _(RawOrigin::Signed(caller), hash, 0);
        assert!(!Voting::<T>::contains_key(hash));
        frame_system::Pallet::<T>::assert_last_event(
            <T as Config>::RuntimeEvent::from(Event::<T>::Executed {
                proposal_hash: hash,
                result: Ok(()),
            })
            .into(),
        );
    }

    impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
