//! # Runtime upgrade pallet
//!
//! tfchain has no sudo pallet, so `frame_system::set_code` (which needs the root origin) cannot
//! be called directly. This pallet exposes a `set_code` call guarded by a configurable origin
//! (the council on tfchain) and forwards it to `frame_system` with the root origin. The checks
//! of the new code (readable runtime version, same spec name, higher spec version), the storage
//! of the code and the `System::CodeUpdated` event are all `frame_system`'s.

#![cfg_attr(not(feature = "std"), no_std)]
#![warn(missing_docs)]

extern crate alloc;

pub use pallet::*;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

#[frame_support::pallet]
pub mod pallet {
    use alloc::vec::Vec;
    use frame_support::{dispatch::Pays, pallet_prelude::*};
    use frame_system::{pallet_prelude::*, weights::WeightInfo as _};

    /// The runtime upgrade pallet.
    #[pallet::pallet]
    pub struct Pallet<T>(_);

    /// Configuration of the runtime upgrade pallet.
    #[pallet::config]
    pub trait Config: frame_system::Config {
        /// Origin allowed to replace the runtime code (the council on tfchain).
        type SetCodeOrigin: EnsureOrigin<Self::RuntimeOrigin>;

        /// Weights of `frame_system`, whose `set_code` weight is used for this pallet's call.
        type WeightInfo: frame_system::weights::WeightInfo;
    }

    #[pallet::call]
    impl<T: Config> Pallet<T> {
        /// Replace the runtime code with `code`, through `frame_system::set_code`.
        ///
        /// The origin must be `SetCodeOrigin`. Fails with `frame_system`'s errors when the code
        /// is not acceptable (`FailedToExtractRuntimeVersion`, `InvalidSpecName`,
        /// `SpecVersionNeedsToIncrease`, `MultiBlockMigrationsOngoing`). A successful upgrade
        /// pays no fee.
        #[pallet::call_index(0)]
        #[pallet::weight((<T as Config>::WeightInfo::set_code(), DispatchClass::Operational))]
        pub fn set_code(origin: OriginFor<T>, code: Vec<u8>) -> DispatchResultWithPostInfo {
            T::SetCodeOrigin::ensure_origin(origin)?;
            frame_system::Pallet::<T>::set_code(frame_system::RawOrigin::Root.into(), code)?;
            Ok(Pays::No.into())
        }
    }
}
