//! # Validator pallet
//!
//! Admission of new block-producing validators on tfchain, mounted in the runtime as `Validator`
//! (index 50) with the calls, events, errors and storage of TFChain 2.9:
//!
//! - a candidate files a **validator request** ([`request`]) naming the node account that will
//!   author blocks and a stash account, and may **bond** a stash to it ([`bond`]);
//! - the **council approves** the request by a decision ([`Config::CouncilOrigin`], a motion),
//!   which gives the candidate a council seat;
//! - the candidate **activates** its node ([`activation`]): the node account joins the
//!   consensus validator set ([`Config::ConsensusValidators`]) and authors blocks from a later
//!   session on, once its session keys are set; it may later **change its node account**;
//! - the candidate or a council decision **removes** the request: the node account leaves the
//!   validator set and the candidate its council seat.
//!
//! Every call checks its origin and delegates to one function of the module of its domain. The
//! validator set and the council are reached only through the traits of [`traits`].

#![cfg_attr(not(feature = "std"), no_std)]
#![warn(missing_docs)]

extern crate alloc;

pub use pallet::*;
pub use traits::{ConsensusValidators, CouncilMembership};
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub mod activation;
pub mod bond;
mod invariants;
pub mod request;
pub mod traits;
pub mod types;
pub mod weights;

#[frame_support::pallet]
pub mod pallet {
    use crate::{
        traits::{ConsensusValidators, CouncilMembership},
        types::{Description, Info, TfConnectId, Validator, ValidatorRequestState},
        weights::WeightInfo,
    };
    use alloc::vec::Vec;
    use frame_support::{pallet_prelude::*, traits::EnsureOrigin};
    use frame_system::pallet_prelude::*;
    use sp_runtime::traits::StaticLookup;

    /// A validator request of this runtime.
    pub type ValidatorOf<T> = Validator<<T as frame_system::Config>::AccountId>;
    /// The address form of an account taken by the calls (`MultiAddress` on tfchain).
    pub type AccountIdLookupOf<T> = <<T as frame_system::Config>::Lookup as StaticLookup>::Source;

    /// The validator pallet.
    #[pallet::pallet]
    pub struct Pallet<T>(_);

    /// Configuration of the validator pallet.
    #[pallet::config]
    pub trait Config: frame_system::Config {
        /// The overarching event type.
        #[allow(deprecated)]
        type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;

        /// Origin of a council decision (Root or 3/5 of the council on tfchain), the only origin
        /// that may approve requests or remove another account's request.
        type CouncilOrigin: EnsureOrigin<Self::RuntimeOrigin>;

        /// The consensus validator set that activated node accounts join.
        type ConsensusValidators: ConsensusValidators<Self::AccountId>;

        /// The council: approved candidates get a seat on it.
        type CouncilMembership: CouncilMembership<Self::AccountId>;

        /// Weights of the calls of this pallet.
        type WeightInfo: WeightInfo;
    }

    /// Validator requests, by the account that made them.
    #[pallet::storage]
    #[pallet::storage_prefix = "Validator"]
    pub type ValidatorRequests<T: Config> =
        StorageMap<_, Twox64Concat, T::AccountId, ValidatorOf<T>, OptionQuery>;

    /// The validator each stash account is bonded to.
    #[pallet::storage]
    pub type Bonded<T: Config> =
        StorageMap<_, Twox64Concat, T::AccountId, T::AccountId, OptionQuery>;

    /// Events of the pallet, in upstream declaration order.
    #[pallet::event]
    #[pallet::generate_deposit(pub(super) fn deposit_event)]
    pub enum Event<T: Config> {
        /// A stash account was bonded to a validator (the stash is given).
        Bonded(T::AccountId),
        /// A validator request was made: `(account, request)`.
        ValidatorRequestCreated(T::AccountId, ValidatorOf<T>),
        /// The council approved a validator request.
        ValidatorRequestApproved(ValidatorOf<T>),
        /// A validator activated its node: the node account joins the validator set.
        ValidatorActivated(ValidatorOf<T>),
        /// A validator request was removed (the record as it was).
        ValidatorRemoved(ValidatorOf<T>),
        /// A node account joined the validator set in place of the previous one.
        NodeValidatorChanged(T::AccountId),
        /// A node account left the validator set because its validator changed it.
        NodeValidatorRemoved(T::AccountId),
    }

    /// Errors of the pallet, in upstream declaration order. Variants that no call raises are kept
    /// so that the indices of the others do not move.
    #[pallet::error]
    pub enum Error<T> {
        /// The caller may not approve or remove this request: it takes a council decision.
        BadOrigin,
        /// The caller does not sit on the council (and only the council decides).
        NotCouncilMember,
        /// The stash account is already bonded.
        AlreadyBonded,
        /// Not raised.
        StashNotBonded,
        /// Not raised.
        StashBondedWithWrongValidator,
        /// Not raised.
        CannotBondWithSameAccount,
        /// The account already made a validator request.
        DuplicateValidator,
        /// No validator request for this account.
        ValidatorNotFound,
        /// The request is not approved yet.
        ValidatorNotApproved,
        /// Not raised.
        UnauthorizedToActivateValidator,
        /// The validator is already active.
        ValidatorValidatingAlready,
        /// Not raised.
        ValidatorNotValidating,
        /// The request's description is longer than 1 024 bytes.
        DescriptionTooLong,
        /// The request's TF Connect id is longer than 256 bytes.
        TfConnectIdTooLong,
        /// The request's info is longer than 1 024 bytes.
        InfoTooLong,
    }

    #[pallet::hooks]
    impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
        #[cfg(feature = "try-runtime")]
        fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
            Self::do_try_state()
        }
    }

    #[pallet::call]
    impl<T: Config> Pallet<T> {
        /// Ask to become a validator, naming the node account that will author blocks and the
        /// stash account backing it. One request per account.
        #[pallet::call_index(0)]
        #[pallet::weight(<T as Config>::WeightInfo::create_validator_request())]
        pub fn create_validator_request(
            origin: OriginFor<T>,
            validator_node_account: T::AccountId,
            stash_account: T::AccountId,
            description: Vec<u8>,
            tf_connect_id: Vec<u8>,
            info: Vec<u8>,
        ) -> DispatchResult {
            let who = ensure_signed(origin)?;
            let request = Validator {
                validator_node_account,
                stash_account,
                description: Description::try_from(description)
                    .map_err(|_| Error::<T>::DescriptionTooLong)?,
                tf_connect_id: TfConnectId::try_from(tf_connect_id)
                    .map_err(|_| Error::<T>::TfConnectIdTooLong)?,
                info: Info::try_from(info).map_err(|_| Error::<T>::InfoTooLong)?,
                state: ValidatorRequestState::Created,
            };
            Self::do_create_validator_request(who, request)
        }

        /// Activate the caller's approved request: its node account joins the validator set and
        /// authors blocks from a later session on.
        #[pallet::call_index(1)]
        #[pallet::weight(<T as Config>::WeightInfo::activate_validator_node())]
        pub fn activate_validator_node(origin: OriginFor<T>) -> DispatchResult {
            let who = ensure_signed(origin)?;
            Self::do_activate_validator_node(&who)
        }

        /// Change the node account of the caller's request; an active validator's new node
        /// account takes the old one's place in the validator set.
        #[pallet::call_index(2)]
        #[pallet::weight(<T as Config>::WeightInfo::change_validator_node_account())]
        pub fn change_validator_node_account(
            origin: OriginFor<T>,
            new_node_validator_account: T::AccountId,
        ) -> DispatchResult {
            let who = ensure_signed(origin)?;
            Self::do_change_validator_node_account(&who, new_node_validator_account)
        }

        /// Bond the caller, as a stash account, to `validator`.
        #[pallet::call_index(3)]
        #[pallet::weight(<T as Config>::WeightInfo::bond())]
        pub fn bond(origin: OriginFor<T>, validator: AccountIdLookupOf<T>) -> DispatchResult {
            let stash = ensure_signed(origin)?;
            let validator = T::Lookup::lookup(validator)?;
            Self::do_bond(stash, validator)
        }

        /// Approve a validator request and give its author a council seat. The origin is a
        /// council decision (`CouncilOrigin`); a single council member may not approve.
        #[pallet::call_index(4)]
        #[pallet::weight(<T as Config>::WeightInfo::approve_validator())]
        pub fn approve_validator(
            origin: OriginFor<T>,
            validator_account: AccountIdLookupOf<T>,
        ) -> DispatchResult {
            Self::ensure_council_decision(origin)?;
            let validator = T::Lookup::lookup(validator_account)?;
            Self::do_approve_validator(&validator)
        }

        /// Remove a validator request: an active validator leaves the validator set and the
        /// author of the request its council seat. The origin is the author of the request or a
        /// council decision (`CouncilOrigin`); a single council member may not remove another's
        /// request.
        #[pallet::call_index(5)]
        #[pallet::weight(<T as Config>::WeightInfo::remove_validator())]
        pub fn remove_validator(
            origin: OriginFor<T>,
            validator_account: AccountIdLookupOf<T>,
        ) -> DispatchResult {
            let signer = Self::signer_unless_council(origin)?;
            let validator = T::Lookup::lookup(validator_account)?;
            if let Some(who) = signer {
                ensure!(who == validator, Error::<T>::BadOrigin);
            }
            Self::do_remove_validator(&validator)
        }
    }
}

impl<T: Config> Pallet<T> {
    /// `None` for a council decision (`CouncilOrigin`), else the signer of a signed origin.
    /// Any other origin is refused with `DispatchError::BadOrigin`.
    fn signer_unless_council(
        origin: frame_system::pallet_prelude::OriginFor<T>,
    ) -> Result<Option<T::AccountId>, sp_runtime::DispatchError> {
        use frame_support::traits::EnsureOrigin;
        match T::CouncilOrigin::try_origin(origin) {
            Ok(_) => Ok(None),
            Err(origin) => Ok(Some(frame_system::ensure_signed(origin)?)),
        }
    }

    /// Accept only a council decision (`CouncilOrigin`). A signed council member acting alone is
    /// refused with `BadOrigin`, any other signer with `NotCouncilMember` (as upstream refused
    /// non-members), an unsigned origin with `DispatchError::BadOrigin`.
    fn ensure_council_decision(
        origin: frame_system::pallet_prelude::OriginFor<T>,
    ) -> sp_runtime::DispatchResult {
        match Self::signer_unless_council(origin)? {
            None => Ok(()),
            Some(who) if T::CouncilMembership::is_member(&who) => Err(Error::<T>::BadOrigin.into()),
            Some(_) => Err(Error::<T>::NotCouncilMember.into()),
        }
    }
}
