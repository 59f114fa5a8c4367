//! # Validator set pallet
//!
//! Keeps the list of block-producing validators of tfchain and hands it to `pallet-session` at
//! every session rotation, through its [`pallet_session::SessionManager`] implementation.
//!
//! - The council (`AddRemoveOrigin`) adds validators with [`Pallet::add_validator`] and removes
//!   them with [`Pallet::remove_validator`]. Adding a validator also approves it.
//! - Validators reported for an offence (see the [`ReportOffence`] implementation) are marked in
//!   `OfflineValidators` and dropped from the set at the next session, but stay approved: they
//!   can put themselves back with [`Pallet::add_validator_again`].
//! - The set never shrinks below `MinAuthorities` and never grows above `MaxValidators`.
//!
//! Changes to the set take effect with the session mechanics of `pallet-session`: a set returned
//! when session `n` is planned becomes active at session `n + 1`.

#![cfg_attr(not(feature = "std"), no_std)]
#![warn(missing_docs)]

extern crate alloc;

pub use pallet::*;
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(feature = "runtime-benchmarks")]
pub mod session_benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod weights;

use alloc::vec::Vec;
use core::marker::PhantomData;
use frame_support::traits::Get;
use sp_runtime::traits::Convert;
use sp_staking::{
    offence::{Offence, OffenceError, ReportOffence},
    SessionIndex,
};

/// Log target of this pallet.
const LOG_TARGET: &str = "runtime::validator-set";

#[frame_support::pallet]
pub mod pallet {
    use super::*;
    use frame_support::pallet_prelude::*;
    use frame_system::pallet_prelude::*;

    /// The validator set pallet.
    #[pallet::pallet]
    pub struct Pallet<T>(_);

    /// Configuration of the validator set pallet.
    #[pallet::config]
    pub trait Config: frame_system::Config + pallet_session::Config {
        /// The overarching event type.
        #[allow(deprecated)]
        type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;

        /// Origin allowed to add and remove validators (the council on tfchain).
        type AddRemoveOrigin: EnsureOrigin<Self::RuntimeOrigin>;

        /// The set never shrinks below this number of validators.
        #[pallet::constant]
        type MinAuthorities: Get<u32>;

        /// Maximum length of each validator list kept by this pallet. Must be larger than
        /// `MinAuthorities` and at least as large as the lists already stored on chain.
        #[pallet::constant]
        type MaxValidators: Get<u32>;

        /// Weights of the calls of this pallet.
        type WeightInfo: WeightInfo;
    }

    /// The current validator set, handed to `pallet-session` when a new session is planned.
    #[pallet::storage]
    pub type Validators<T: Config> =
        StorageValue<_, BoundedVec<T::AccountId, T::MaxValidators>, ValueQuery>;

    /// Validators approved by the council. Every member of `Validators` is approved; an approved
    /// account that is not in `Validators` may rejoin with `add_validator_again`.
    #[pallet::storage]
    pub type ApprovedValidators<T: Config> =
        StorageValue<_, BoundedVec<T::AccountId, T::MaxValidators>, ValueQuery>;

    /// Validators marked for removal at the next session (for instance after an offence report).
    /// Always a subset of `Validators`; emptied at every new session.
    #[pallet::storage]
    pub type OfflineValidators<T: Config> =
        StorageValue<_, BoundedVec<T::AccountId, T::MaxValidators>, ValueQuery>;

    /// Events of the validator set pallet.
    #[pallet::event]
    #[pallet::generate_deposit(pub(super) fn deposit_event)]
    pub enum Event<T: Config> {
        /// A validator was added to the set; it becomes active in a later session.
        ValidatorAdditionInitiated(T::AccountId),
        /// An account was removed from the validator set, if it was in it (the change takes
        /// effect in a later session), and its approval was revoked.
        ValidatorRemovalInitiated(T::AccountId),
    }

    /// Errors of the validator set pallet.
    #[pallet::error]
    pub enum Error<T> {
        /// The change would leave fewer than `MinAuthorities` validators.
        TooLowValidatorCount,
        /// The account is already a validator.
        Duplicate,
        /// The account is not approved: it was never added by the council, or its approval was
        /// revoked by `remove_validator`.
        ValidatorNotApproved,
        /// The signer of `add_validator_again` is not the validator it names.
        BadOrigin,
        /// A validator list would grow beyond `MaxValidators`.
        TooManyValidators,
    }

    /// Genesis configuration of the validator set pallet.
    #[pallet::genesis_config]
    #[derive(frame_support::DefaultNoBound)]
    pub struct GenesisConfig<T: Config> {
        /// The validators of the first session. They are also approved.
        ///
        /// Building fails if the list has fewer than `MinAuthorities` or more than
        /// `MaxValidators` accounts, or a duplicate. An empty list (the default config) builds
        /// nothing, so that the runtime's default genesis config stays buildable.
        pub initial_validators: Vec<T::AccountId>,
    }

    #[pallet::genesis_build]
    impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
        fn build(&self) {
            if self.initial_validators.is_empty() {
                return;
            }
            let count = self.initial_validators.len();
            let min = T::MinAuthorities::get();
            let max = T::MaxValidators::get();
            assert!(
                count >= min as usize,
                "ValidatorSet genesis: {count} initial validators, fewer than MinAuthorities ({min})",
            );
            assert!(
                Pallet::<T>::has_no_duplicates(&self.initial_validators),
                "ValidatorSet genesis: the initial validators contain a duplicate",
            );
            let validators: BoundedVec<T::AccountId, T::MaxValidators> =
                self.initial_validators.clone().try_into().unwrap_or_else(|_| {
                    panic!("ValidatorSet genesis: {count} initial validators, more than MaxValidators ({max})")
                });
            Validators::<T>::put(&validators);
            ApprovedValidators::<T>::put(&validators);
        }
    }

    #[pallet::hooks]
    impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
        fn integrity_test() {
            assert!(
                T::MinAuthorities::get() >= 1,
                "MinAuthorities must be at least 1"
            );
            assert!(
                T::MinAuthorities::get() < T::MaxValidators::get(),
                "MaxValidators must be larger than MinAuthorities, or the set could never change",
            );
        }

        #[cfg(feature = "try-runtime")]
        fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
            Self::do_try_state()
        }
    }

    #[pallet::call]
    impl<T: Config> Pallet<T> {
        /// Add `validator_id` to the validator set and approve it.
        ///
        /// The origin must be `AddRemoveOrigin`. Adding an account that is already approved (for
        /// instance a validator that was dropped after an offence) is allowed; only an account
        /// that is already in the set is refused, with `Duplicate`.
        #[pallet::call_index(0)]
        #[pallet::weight(<T as Config>::WeightInfo::add_validator())]
        pub fn add_validator(origin: OriginFor<T>, validator_id: T::AccountId) -> DispatchResult {
            T::AddRemoveOrigin::ensure_origin(origin)?;
            let validators = Self::with_validator(&validator_id)?;
            let mut approved = ApprovedValidators::<T>::get();
            if !approved.contains(&validator_id) {
                approved
                    .try_push(validator_id.clone())
                    .map_err(|_| Error::<T>::TooManyValidators)?;
                ApprovedValidators::<T>::put(approved);
            }
            Validators::<T>::put(validators);
            Self::deposit_event(Event::ValidatorAdditionInitiated(validator_id));
            Ok(())
        }

        /// Remove `validator_id` from the validator set and revoke its approval, so it cannot
        /// rejoin with `add_validator_again`.
        ///
        /// The origin must be `AddRemoveOrigin`. Fails with `ValidatorNotApproved` if the account
        /// is neither a validator nor approved, and with `TooLowValidatorCount` if removing an
        /// active validator would leave fewer than `MinAuthorities`. An account that is approved
        /// but not in the set only loses its approval.
        #[pallet::call_index(1)]
        #[pallet::weight(<T as Config>::WeightInfo::remove_validator())]
        pub fn remove_validator(
            origin: OriginFor<T>,
            validator_id: T::AccountId,
        ) -> DispatchResult {
            T::AddRemoveOrigin::ensure_origin(origin)?;
            let mut validators = Validators::<T>::get();
            let mut approved = ApprovedValidators::<T>::get();
            let is_validator = validators.contains(&validator_id);
            let is_approved = approved.contains(&validator_id);
            ensure!(
                is_validator || is_approved,
                Error::<T>::ValidatorNotApproved
            );

            if is_validator {
                ensure!(
                    validators.len().saturating_sub(1) >= T::MinAuthorities::get() as usize,
                    Error::<T>::TooLowValidatorCount
                );
                validators.retain(|v| v != &validator_id);
                Validators::<T>::put(validators);
                OfflineValidators::<T>::mutate(|offline| offline.retain(|v| v != &validator_id));
            }
            if is_approved {
                approved.retain(|v| v != &validator_id);
                ApprovedValidators::<T>::put(approved);
            }
            Self::deposit_event(Event::ValidatorRemovalInitiated(validator_id));
            Ok(())
        }

        /// Put an approved validator back into the set, for instance after it was dropped
        /// following an offence report.
        ///
        /// Must be signed by `validator_id` itself (`BadOrigin` otherwise). Fails with
        /// `ValidatorNotApproved` if the account is not approved and with `Duplicate` if it is
        /// already in the set.
        #[pallet::call_index(2)]
        #[pallet::weight(<T as Config>::WeightInfo::add_validator_again())]
        pub fn add_validator_again(
            origin: OriginFor<T>,
            validator_id: T::AccountId,
        ) -> DispatchResult {
            let who = ensure_signed(origin)?;
            ensure!(who == validator_id, Error::<T>::BadOrigin);
            ensure!(
                ApprovedValidators::<T>::get().contains(&validator_id),
                Error::<T>::ValidatorNotApproved
            );
            let validators = Self::with_validator(&validator_id)?;
            Validators::<T>::put(validators);
            Self::deposit_event(Event::ValidatorAdditionInitiated(validator_id));
            Ok(())
        }
    }
}

impl<T: Config> Pallet<T> {
    /// Mark `validator_id` for removal from the set at the next session.
    ///
    /// Accounts that are not validators, or are already marked, are ignored. The validator stays
    /// approved and may rejoin with `add_validator_again`.
    pub fn mark_for_removal(validator_id: T::AccountId) {
        if !Validators::<T>::get().contains(&validator_id) {
            return;
        }
        OfflineValidators::<T>::mutate(|offline| {
            if offline.contains(&validator_id) {
                return;
            }
            if offline.try_push(validator_id).is_err() {
                log::error!(
                    target: LOG_TARGET,
                    "OfflineValidators is full although it is a subset of Validators",
                );
            }
        });
    }

    /// The current validator list with `validator_id` appended, without writing it.
    ///
    /// Fails with `Duplicate` if the account is already a validator and with `TooManyValidators`
    /// if the list is full.
    fn with_validator(
        validator_id: &T::AccountId,
    ) -> Result<frame_support::BoundedVec<T::AccountId, T::MaxValidators>, Error<T>> {
        let mut validators = Validators::<T>::get();
        if validators.contains(validator_id) {
            return Err(Error::<T>::Duplicate);
        }
        validators
            .try_push(validator_id.clone())
            .map_err(|_| Error::<T>::TooManyValidators)?;
        Ok(validators)
    }

    /// Drop the validators marked in `OfflineValidators` from the set and clear the marks.
    ///
    /// Never takes the set below `MinAuthorities`: marked validators beyond that limit stay in
    /// the set (their marks are cleared anyway).
    fn remove_offline_validators() {
        let offline = OfflineValidators::<T>::take();
        if offline.is_empty() {
            return;
        }
        let min = T::MinAuthorities::get() as usize;
        Validators::<T>::mutate(|validators| {
            for id in offline.iter() {
                if validators.len() <= min {
                    log::warn!(
                        target: LOG_TARGET,
                        "keeping offline validator {id:?}: the set is at MinAuthorities ({min})",
                    );
                    continue;
                }
                validators.retain(|v| v != id);
            }
        });
    }

    /// Whether `items` contains no element twice.
    fn has_no_duplicates(items: &[T::AccountId]) -> bool {
        let mut seen = alloc::collections::BTreeSet::new();
        items.iter().all(|item| seen.insert(item))
    }
}

#[cfg(any(feature = "try-runtime", test))]
impl<T: Config> Pallet<T> {
    /// Check the invariants of the pallet's storage.
    ///
    /// - no list contains an account twice;
    /// - the set has at least `MinAuthorities` validators;
    /// - every validator is approved;
    /// - every validator marked offline is a validator.
    pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
        use frame_support::ensure;

        let validators = Validators::<T>::get();
        let approved = ApprovedValidators::<T>::get();
        let offline = OfflineValidators::<T>::get();
        ensure!(
            Self::has_no_duplicates(&validators),
            "Validators contains a duplicate"
        );
        ensure!(
            Self::has_no_duplicates(&approved),
            "ApprovedValidators contains a duplicate"
        );
        ensure!(
            Self::has_no_duplicates(&offline),
            "OfflineValidators contains a duplicate"
        );
        ensure!(
            validators.len() >= T::MinAuthorities::get() as usize,
            "Validators has fewer than MinAuthorities entries (or does not decode)"
        );
        ensure!(
            validators.iter().all(|v| approved.contains(v)),
            "a validator is not in ApprovedValidators"
        );
        ensure!(
            offline.iter().all(|v| validators.contains(v)),
            "an offline validator is not in Validators"
        );
        Ok(())
    }
}

impl<T: Config> pallet_session::SessionManager<T::AccountId> for Pallet<T> {
    /// Drop the validators marked offline, then return the whole set.
    fn new_session(_new_index: SessionIndex) -> Option<Vec<T::AccountId>> {
        Self::remove_offline_validators();
        Some(Validators::<T>::get().into_inner())
    }

    fn end_session(_end_index: SessionIndex) {}

    fn start_session(_start_index: SessionIndex) {}
}

/// Used with `pallet_session::historical`, whose full identification is `()` on tfchain.
impl<T: Config> pallet_session::historical::SessionManager<T::AccountId, ()> for Pallet<T> {
    fn new_session(new_index: SessionIndex) -> Option<Vec<(T::AccountId, ())>> {
        <Self as pallet_session::SessionManager<_>>::new_session(new_index)
            .map(|validators| validators.into_iter().map(|id| (id, ())).collect())
    }

    fn start_session(start_index: SessionIndex) {
        <Self as pallet_session::SessionManager<_>>::start_session(start_index)
    }

    fn end_session(end_index: SessionIndex) {
        <Self as pallet_session::SessionManager<_>>::end_session(end_index)
    }
}

/// Marks the offenders of a reported offence for removal at the next session (see
/// [`Pallet::mark_for_removal`]). Offenders are identified as `(account, ())`, the
/// identification tuple of `pallet_session::historical` with a unit full identification.
impl<T, Reporter, O> ReportOffence<Reporter, (T::AccountId, ()), O> for Pallet<T>
where
    T: Config,
    O: Offence<(T::AccountId, ())>,
{
    fn report_offence(_reporters: Vec<Reporter>, offence: O) -> Result<(), OffenceError> {
        for (offender, ()) in offence.offenders() {
            Self::mark_for_removal(offender);
        }
        Ok(())
    }

    /// An offence is known when reporting it again would change nothing: every offender is
    /// already marked, or is not a validator.
    fn is_known_offence(offenders: &[(T::AccountId, ())], _time_slot: &O::Slot) -> bool {
        let validators = Validators::<T>::get();
        let offline = OfflineValidators::<T>::get();
        offenders
            .iter()
            .all(|(id, ())| offline.contains(id) || !validators.contains(id))
    }
}

/// Converts an account into its validator id, which on tfchain is the account itself. Used as
/// `pallet_session::Config::ValidatorIdOf`.
pub struct ValidatorOf<T>(PhantomData<T>);

impl<T: Config> Convert<T::AccountId, Option<T::AccountId>> for ValidatorOf<T> {
    fn convert(account: T::AccountId) -> Option<T::AccountId> {
        Some(account)
    }
}
