//! What this pallet needs from the rest of the runtime, plugged in by the runtime's `Config`.
//!
//! tfchain implements [`ConsensusValidators`] with the `ValidatorSet` pallet and
//! [`CouncilMembership`] with the council's `pallet_membership` instance.

use sp_runtime::DispatchResult;

/// The set of block-producing validators handed to the session pallet.
///
/// Changes take effect at a later session change, as the session pallet rotates the set.
pub trait ConsensusValidators<AccountId> {
    /// Add `who` to the set. Fails if it is already in it.
    fn add_validator(who: &AccountId) -> DispatchResult;
    /// Remove `who` from the set, with any standing it has there (such as an approval to
    /// rejoin). Succeeds without change if `who` has no standing in the set (for instance
    /// because the council removed it directly); fails if the set would become too small.
    fn remove_validator(who: &AccountId) -> DispatchResult;
}

/// The members of the council.
pub trait CouncilMembership<AccountId> {
    /// Whether `who` sits on the council.
    fn is_member(who: &AccountId) -> bool;
    /// Give `who` a council seat. Fails if the council is full or `who` already sits on it.
    fn add_member(who: &AccountId) -> DispatchResult;
    /// Take `who`'s council seat. Fails if `who` does not sit on the council.
    fn remove_member(who: &AccountId) -> DispatchResult;
}
