//! The validator request record and the bounds of its free-text fields.
//!
//! Field order is SCALE order; bounded vectors encode exactly like the plain vectors of the
//! public chain.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::ConstU32, BoundedVec};
use scale_info::TypeInfo;

/// Maximum length of a request's description.
pub const MAX_DESCRIPTION_LENGTH: u32 = 1024;
/// Maximum length of a request's ThreeFold Connect id.
pub const MAX_TF_CONNECT_ID_LENGTH: u32 = 256;
/// Maximum length of a request's extra information (typically a link).
pub const MAX_INFO_LENGTH: u32 = 1024;

/// Free-text description of a validator candidate.
pub type Description = BoundedVec<u8, ConstU32<MAX_DESCRIPTION_LENGTH>>;
/// ThreeFold Connect id of a validator candidate.
pub type TfConnectId = BoundedVec<u8, ConstU32<MAX_TF_CONNECT_ID_LENGTH>>;
/// Extra information about a validator candidate.
pub type Info = BoundedVec<u8, ConstU32<MAX_INFO_LENGTH>>;

/// A validator request, stored under the account that made it.
#[derive(
    Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
pub struct Validator<AccountId> {
    /// The account whose session keys author blocks once the validator is active.
    pub validator_node_account: AccountId,
    /// The stash account backing the validator.
    pub stash_account: AccountId,
    /// Free-text description.
    pub description: Description,
    /// ThreeFold Connect id of the operator.
    pub tf_connect_id: TfConnectId,
    /// Extra information, typically a link to the candidate's motivation.
    pub info: Info,
    /// How far the request went.
    pub state: ValidatorRequestState,
}

/// The lifecycle of a validator request.
#[derive(
    Clone,
    Copy,
    PartialEq,
    Eq,
    Debug,
    Encode,
    Decode,
    DecodeWithMemTracking,
    TypeInfo,
    MaxEncodedLen,
)]
pub enum ValidatorRequestState {
    /// Made, waiting for the council.
    Created,
    /// Approved by the council; the candidate may activate its node.
    Approved,
    /// Activated: the node account is in the consensus validator set.
    Validating,
}
