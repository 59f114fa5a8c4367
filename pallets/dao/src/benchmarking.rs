//! Benchmarks of every call of pallet-dao (frame-benchmarking v2), each on its heaviest path and
//! with a component for the state its work grows with:
//!
//! - `propose(p)`: `p` proposals already open (the list of open proposals is decoded and
//!   re-encoded), description, link and call at their length bounds;
//! - `vote(v)`: `v` votes on the proposal afterwards, the caller's farm moving from the nays to
//!   the end of the ayes (both lists scanned);
//! - `veto(v)`: the veto that rejects a proposal carrying `v` votes, with the list of open
//!   proposals full;
//! - `close(v)`: closing a passed proposal with `v` ayes (each farm's current weight is read),
//!   the list of open proposals full, dispatching the proposed call.
//!
//! - `node_online_time`: pallet-reputation's callback after an uptime report, on the path that
//!   moves a node's weight onto its farm (declared by pallet-reputation's calls).
//!
//! DAO has no `on_initialize`/`on_finalize`/`on_idle` hook (only `try_state`); the `ChangeNode`
//! callbacks run inside pallet-tfgrid's calls, benchmarked there with the runtime's listeners.

use crate::{proposal::VoteWeight, types::*, *};
use alloc::{boxed::Box, vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::traits::{Get, SortedMembers};
use frame_system::RawOrigin;
use sp_runtime::traits::Hash;
use tfchain_support::traits::NodeOnlineTime;

/// The weight given to the benchmark farms: one reference node (cu 20, su 2).
const FARM_WEIGHT: u64 = 42;

/// Farm ids of the benchmark's other voters start here, away from the farms the helper creates.
const FIRST_OTHER_FARM: u32 = 1_000_000;

/// A council member, added to `CouncilMembers`.
fn council_member<T: Config>(index: u32) -> T::AccountId {
    let member: T::AccountId = account("council", index, 0);
    T::CouncilMembers::add(&member);
    member
}

/// A remark call as a proposal: `size` bytes, all equal to `seed` (distinct seeds and sizes
/// give distinct proposals).
fn remark<T: Config>(size: usize, seed: u8) -> <T as Config>::Proposal {
    frame_system::Call::<T>::remark {
        remark: vec![seed; size],
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

/// Open `count` small proposals besides the benchmarked one.
fn open_other_proposals<T: Config>(proposer: &T::AccountId, count: u32) {
    for index in 0..count {
        // Sizes 1.. keep the calls distinct from the 64-byte benchmarked ones.
        open_proposal::<T>(proposer.clone(), remark::<T>(index as usize + 1, 2));
    }
}

/// Record `count` ayes of farms `FIRST_OTHER_FARM..`, each weighing `FARM_WEIGHT`.
fn add_ayes<T: Config>(hash: T::Hash, count: u32) {
    let mut votes = Voting::<T>::get(hash).expect("proposal open");
    for farm_id in FIRST_OTHER_FARM..FIRST_OTHER_FARM + count {
        FarmWeight::<T>::insert(farm_id, FARM_WEIGHT);
        votes
            .ayes
            .try_push(VoteWeight {
                farm_id,
                weight: FARM_WEIGHT,
            })
            .expect("within MAX_VOTES_PER_PROPOSAL");
    }
    Voting::<T>::insert(hash, votes);
}

/// Record the vetos of `count` council members `1..=count`.
fn add_vetos<T: Config>(hash: T::Hash, count: u32) {
    for index in 1..=count {
        Pallet::<T>::do_veto(council_member::<T>(index), hash).expect("first veto");
    }
}

#[benchmarks]
mod benchmarks {
    use super::*;

    #[benchmark]
    fn propose(p: Linear<0, { MAX_ACTIVE_PROPOSALS - 1 }>) {
        let caller = council_member::<T>(0);
        open_other_proposals::<T>(&caller, p);
        // The longest call within MAX_PROPOSAL_LENGTH (a few bytes of call index and length).
        let action = remark::<T>(MAX_PROPOSAL_LENGTH as usize - 16, 1);
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
        assert_eq!(ProposalCount::<T>::get(), p + 1);
        assert_eq!(ProposalList::<T>::get().len() as u32, p + 1);
    }

    #[benchmark]
    fn vote(v: Linear<1, MAX_VOTES_PER_PROPOSAL>) {
        let hash = open_proposal::<T>(council_member::<T>(0), remark::<T>(64, 1));
        add_ayes::<T>(hash, v - 1);
        let farmer: T::AccountId = whitelisted_caller();
        let farm_id = T::BenchmarkHelper::create_farm(&farmer, 0);
        FarmWeight::<T>::insert(farm_id, FARM_WEIGHT);
        Pallet::<T>::do_vote(farmer.clone(), farm_id, hash, false).expect("first vote");
        #[extrinsic_call]
        _(RawOrigin::Signed(farmer), farm_id, hash, true);
        let votes = Voting::<T>::get(hash).expect("proposal open");
        assert_eq!((votes.ayes.len() as u32, votes.nays.len()), (v, 0));
        assert_eq!(votes.ayes.last().map(|last| last.farm_id), Some(farm_id));
    }

    #[benchmark]
    fn veto(v: Linear<0, MAX_VOTES_PER_PROPOSAL>) {
        let proposer = council_member::<T>(0);
        let hash = open_proposal::<T>(proposer.clone(), remark::<T>(64, 1));
        open_other_proposals::<T>(&proposer, MAX_ACTIVE_PROPOSALS - 1);
        add_ayes::<T>(hash, v);
        add_vetos::<T>(hash, T::MinVetos::get().saturating_sub(1));
        let caller = council_member::<T>(T::MinVetos::get());
        #[extrinsic_call]
        _(RawOrigin::Signed(caller), hash);
        assert!(!Voting::<T>::contains_key(hash));
        assert_eq!(
            ProposalList::<T>::get().len() as u32,
            MAX_ACTIVE_PROPOSALS - 1
        );
    }

    #[benchmark]
    fn close(v: Linear<MOTION_MIN_THRESHOLD, MAX_VOTES_PER_PROPOSAL>) {
        let caller = council_member::<T>(0);
        let hash = open_proposal::<T>(caller.clone(), remark::<T>(64, 1));
        open_other_proposals::<T>(&caller, MAX_ACTIVE_PROPOSALS - 1);
        add_ayes::<T>(hash, v);
        add_vetos::<T>(hash, T::MinVetos::get().saturating_sub(1));
        #[extrinsic_call]
        _(RawOrigin::Signed(caller), hash, 0);
        assert!(!Voting::<T>::contains_key(hash));
        frame_system::Pallet::<T>::assert_has_event(
            <T as Config>::RuntimeEvent::from(Event::<T>::Closed {
                proposal_hash: hash,
                yes: v,
                yes_weight: FARM_WEIGHT * v as u64,
                no: 0,
                no_weight: 0,
            })
            .into(),
        );
        frame_system::Pallet::<T>::assert_last_event(
            <T as Config>::RuntimeEvent::from(Event::<T>::Executed {
                proposal_hash: hash,
                result: Ok(()),
            })
            .into(),
        );
    }

    /// pallet-reputation's report of a node's online time, on the heaviest path: an untrusted
    /// node of a farm with weight becomes trusted, so its weight moves onto the farm.
    #[benchmark]
    fn node_online_time() {
        let node_id = 1;
        let farm_id = 1;
        let node = NodeWeight { farm_id, weight: FARM_WEIGHT, certified: false, online_proven: false };
        NodeWeights::<T>::insert(node_id, node);
        FarmWeight::<T>::insert(farm_id, FARM_WEIGHT);
        #[block]
        {
            <Pallet<T> as NodeOnlineTime>::node_online_time(node_id, true, MIN_TRUSTED_ONLINE_SECS);
        }
        assert_eq!(FarmWeight::<T>::get(farm_id), 2 * FARM_WEIGHT);
        assert!(NodeWeights::<T>::get(node_id).is_some_and(|node| node.online_proven));
    }

    impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
