//! Benchmarks of every call of pallet-validator (frame-benchmarking v2), each in its most
//! expensive case: full-length texts, approvals that seat a new council member, and removals
//! and node changes of active validators, with the consensus validator set and the council
//! filled to their bounds (`MaxValidators` of pallet-validator-set and `MaxMembers` of the
//! council membership, whose list operations grow with them) but for the places the call needs.
//! pallet-validator has no hooks.

use crate::{
    traits::{ConsensusValidators, CouncilMembership},
    types::{Description, Info, TfConnectId, Validator, ValidatorRequestState},
    *,
};
use frame_benchmarking::v2::*;
use frame_support::{
    traits::{EnsureOrigin, Get},
    BoundedVec,
};
use frame_system::RawOrigin;
use sp_runtime::{traits::StaticLookup, DispatchResult};

const SEED: u32 = 0;
/// Most accounts the fills add: the runtime's `MaxValidators` and council `MaxMembers` (100).
const MAX_FILL: u32 = 100;

/// Add accounts with `add` until it refuses one (the list is full) or `MAX_FILL` were added,
/// then take the last `free` of them out again with `remove`, leaving `free` places.
fn fill<T: Config>(
    name: &'static str,
    free: u32,
    add: fn(&T::AccountId) -> DispatchResult,
    remove: fn(&T::AccountId) -> DispatchResult,
) {
    let mut added = alloc::vec::Vec::new();
    for index in 0..MAX_FILL {
        let who: T::AccountId = account(name, index, SEED);
        if add(&who).is_err() {
            break;
        }
        added.push(who);
    }
    for who in added.iter().rev().take(free as usize) {
        remove(who).expect("an added account can be removed");
    }
}

/// Fill the consensus validator set but for `free` places.
fn fill_validators<T: Config>(free: u32) {
    fill::<T>(
        "filler-validator",
        free,
        T::ConsensusValidators::add_validator,
        T::ConsensusValidators::remove_validator,
    )
}

/// Fill the council but for `free` seats.
fn fill_council<T: Config>(free: u32) {
    fill::<T>(
        "filler-member",
        free,
        T::CouncilMembership::add_member,
        T::CouncilMembership::remove_member,
    )
}

/// A bounded text of the maximum length.
fn full_text<S: Get<u32>>() -> BoundedVec<u8, S> {
    BoundedVec::truncate_from(alloc::vec![b'x'; S::get() as usize])
}

/// A request of maximum size with node account `node`, in state `state`.
fn request<T: Config>(node: T::AccountId, state: ValidatorRequestState) -> ValidatorOf<T> {
    Validator {
        validator_node_account: node,
        stash_account: account("stash", 0, SEED),
        description: full_text(),
        tf_connect_id: full_text(),
        info: full_text(),
        state,
    }
}

/// File and approve a request for `candidate`, seating it on the council.
fn approved<T: Config>(candidate: &T::AccountId, node: T::AccountId) {
    ValidatorRequests::<T>::insert(
        candidate,
        request::<T>(node, ValidatorRequestState::Created),
    );
    Pallet::<T>::do_approve_validator(candidate).expect("the candidate can be approved");
}

/// The origin of a council decision.
fn council_decision<T: Config>() -> Result<T::RuntimeOrigin, BenchmarkError> {
    T::CouncilOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)
}

fn assert_last_event<T: Config>(event: Event<T>) {
    frame_system::Pallet::<T>::assert_last_event(<T as Config>::RuntimeEvent::from(event).into());
}

#[benchmarks]
mod benchmarks {
    use super::*;

    #[benchmark]
    fn create_validator_request() {
        let caller: T::AccountId = whitelisted_caller();
        let node: T::AccountId = account("node", 0, SEED);
        let stash: T::AccountId = account("stash", 0, SEED);
        let description: Description = full_text();
        let tf_connect_id: TfConnectId = full_text();
        let info: Info = full_text();

        #[extrinsic_call]
        _(
            RawOrigin::Signed(caller.clone()),
            node,
            stash,
            description.into_inner(),
            tf_connect_id.into_inner(),
            info.into_inner(),
        );

        assert!(ValidatorRequests::<T>::contains_key(&caller));
    }

    #[benchmark]
    fn activate_validator_node() {
        let caller: T::AccountId = whitelisted_caller();
        fill_validators::<T>(1);
        fill_council::<T>(1);
        approved::<T>(&caller, account("node", 0, SEED));

        #[extrinsic_call]
        _(RawOrigin::Signed(caller.clone()));

        let active = ValidatorRequests::<T>::get(&caller).expect("request stored");
        assert_eq!(active.state, ValidatorRequestState::Validating);
        assert_last_event::<T>(Event::ValidatorActivated(active));
    }

    #[benchmark]
    fn change_validator_node_account() {
        let caller: T::AccountId = whitelisted_caller();
        fill_validators::<T>(2);
        fill_council::<T>(1);
        approved::<T>(&caller, account("node", 0, SEED));
        Pallet::<T>::do_activate_validator_node(&caller).expect("the validator activates");
        let new_node: T::AccountId = account("node", 1, SEED);

        #[extrinsic_call]
        _(RawOrigin::Signed(caller.clone()), new_node.clone());

        assert_last_event::<T>(Event::NodeValidatorChanged(new_node));
    }

    #[benchmark]
    fn bond() {
        let stash: T::AccountId = whitelisted_caller();
        let validator: T::AccountId = account("validator", 0, SEED);

        #[extrinsic_call]
        _(
            RawOrigin::Signed(stash.clone()),
            T::Lookup::unlookup(validator.clone()),
        );

        assert_eq!(Bonded::<T>::get(&stash), Some(validator));
    }

    #[benchmark]
    fn approve_validator() -> Result<(), BenchmarkError> {
        let origin = council_decision::<T>()?;
        fill_council::<T>(1);
        let candidate: T::AccountId = account("candidate", 0, SEED);
        ValidatorRequests::<T>::insert(
            &candidate,
            request::<T>(account("node", 0, SEED), ValidatorRequestState::Created),
        );

        #[extrinsic_call]
        _(
            origin as T::RuntimeOrigin,
            T::Lookup::unlookup(candidate.clone()),
        );

        assert!(T::CouncilMembership::is_member(&candidate));
        let approved = ValidatorRequests::<T>::get(&candidate).expect("request stored");
        assert_last_event::<T>(Event::ValidatorRequestApproved(approved));
        Ok(())
    }

    #[benchmark]
    fn remove_validator() -> Result<(), BenchmarkError> {
        let origin = council_decision::<T>()?;
        fill_validators::<T>(1);
        fill_council::<T>(1);
        let candidate: T::AccountId = account("candidate", 0, SEED);
        approved::<T>(&candidate, account("node", 0, SEED));
        Pallet::<T>::do_activate_validator_node(&candidate).expect("the validator activates");

        #[extrinsic_call]
        _(
            origin as T::RuntimeOrigin,
            T::Lookup::unlookup(candidate.clone()),
        );

        assert!(!ValidatorRequests::<T>::contains_key(&candidate));
        assert!(!T::CouncilMembership::is_member(&candidate));
        Ok(())
    }

    impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
