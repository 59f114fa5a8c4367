//! Types of the burning pallet.

use crate::Config;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::fungible, BoundedVec};
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;

/// The balance type of the burned currency.
pub type BalanceOf<T> =
    <<T as Config>::Currency as fungible::Inspect<<T as frame_system::Config>::AccountId>>::Balance;

/// A burn message: bytes, at most `MaxBurnMessageLength` of them.
pub type BurnMessageOf<T> = BoundedVec<u8, <T as Config>::MaxBurnMessageLength>;

/// A burn as `Burns` keeps it.
pub type BurnOf<T> =
    Burn<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>, BurnMessageOf<T>>;

/// A burn: who burned how much, in which block, and why (field order = SCALE order, as
/// upstream).
#[derive(
    Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen, Clone, PartialEq, Eq, Debug,
)]
pub struct Burn<AccountId, Balance, BlockNumber, Message> {
    /// The account whose TFT were burned.
    pub target: AccountId,
    /// The amount burned.
    pub amount: Balance,
    /// The block of the burn.
    pub block: BlockNumber,
    /// The burner's message.
    pub message: Message,
}
