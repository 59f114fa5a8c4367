//! Bridge transactions and the bounds of their fields.
//!
//! Field order is SCALE order; bounded vectors encode exactly like the plain vectors of the
//! public chain.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::ConstU32, BoundedVec};
use scale_info::TypeInfo;

/// Maximum number of bridge validators (and so of signatures on a transaction).
pub const MAX_BRIDGE_VALIDATORS: u32 = 100;
/// Maximum length of a Stellar transaction id or hash (64 hex characters on Stellar).
pub const MAX_TX_ID_LENGTH: u32 = 128;
/// Maximum length of a Stellar address as given by users (a valid one has 56 characters).
pub const MAX_STELLAR_ADDRESS_LENGTH: u32 = 128;
/// Maximum length of a signature (the bridge sends 88 base64 characters).
pub const MAX_SIGNATURE_LENGTH: u32 = 128;
/// Maximum length of a Stellar public key (a Stellar address of 56 characters).
pub const MAX_STELLAR_PUB_KEY_LENGTH: u32 = 128;

/// Id of a Stellar deposit (its transaction hash), naming the mint it asks for; or the hash of
/// the Stellar transaction a refund returns.
pub type TxId = BoundedVec<u8, ConstU32<MAX_TX_ID_LENGTH>>;
/// A Stellar address, as text.
pub type StellarAddress = BoundedVec<u8, ConstU32<MAX_STELLAR_ADDRESS_LENGTH>>;
/// A bridge validator's signature of a Stellar payment, as text.
pub type Signature = BoundedVec<u8, ConstU32<MAX_SIGNATURE_LENGTH>>;
/// The Stellar public key a signature was made with, as text.
pub type StellarPubKey = BoundedVec<u8, ConstU32<MAX_STELLAR_PUB_KEY_LENGTH>>;
/// The signatures collected on a Stellar payment.
pub type Signatures = BoundedVec<StellarSignature, ConstU32<MAX_BRIDGE_VALIDATORS>>;

/// Layout version of the stored burn transactions.
#[derive(
    Clone,
    Copy,
    PartialEq,
    Eq,
    Debug,
    Default,
    Encode,
    Decode,
    DecodeWithMemTracking,
    TypeInfo,
    MaxEncodedLen,
)]
pub enum StorageVersion {
    /// Burn transactions without `source`.
    #[default]
    V1,
    /// Burn transactions with `source` (the layout of this pallet).
    V2,
}

/// A mint asked for by a Stellar deposit, with the number of bridge validators that voted for
/// it.
#[derive(
    Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
pub struct MintTransaction<AccountId, BlockNumber> {
    /// Deposited amount, fee included (TFT units of 10^-7).
    pub amount: u64,
    /// The account credited.
    pub target: AccountId,
    /// Block of the proposal; block of the mint once executed.
    pub block: BlockNumber,
    /// Number of bridge validators that voted for it.
    pub votes: u32,
}

/// A proposal to mint `amount` to `target` for a Stellar deposit, with the bridge validators
/// that voted for it. Each deposit may have several, one per target and amount voted for.
#[derive(
    Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
pub struct MintProposal<AccountId, BlockNumber> {
    /// The account credited.
    pub target: AccountId,
    /// Deposited amount, fee included (TFT units of 10^-7).
    pub amount: u64,
    /// Block of the proposal.
    pub block: BlockNumber,
    /// The bridge validators that voted for it.
    pub voters: BoundedVec<AccountId, ConstU32<MAX_BRIDGE_VALIDATORS>>,
}

impl<AccountId: Clone, BlockNumber: Copy> MintProposal<AccountId, BlockNumber> {
    /// The proposal as a mint transaction, its voters counted.
    pub fn to_mint(&self) -> MintTransaction<AccountId, BlockNumber> {
        MintTransaction {
            amount: self.amount,
            target: self.target.clone(),
            block: self.block,
            votes: self.voters.len() as u32,
        }
    }
}

/// A signature of a Stellar payment by a bridge validator.
#[derive(
    Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
pub struct StellarSignature {
    /// The signature.
    pub signature: Signature,
    /// The Stellar public key it was made with.
    pub stellar_pub_key: StellarPubKey,
}

/// A withdrawal to Stellar: TFT burnt on tfchain, to be paid out on Stellar once enough bridge
/// validators signed the payment.
#[derive(
    Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
pub struct BurnTransaction<AccountId, BlockNumber> {
    /// Block of creation, or of the last expiry.
    pub block: BlockNumber,
    /// Amount paid out on Stellar, withdraw fee deducted (TFT units of 10^-7).
    pub amount: u64,
    /// The account the TFT were burnt from.
    pub source: Option<AccountId>,
    /// The Stellar address paid.
    pub target: StellarAddress,
    /// Signatures of the payment.
    pub signatures: Signatures,
    /// Sequence number of the bridge's Stellar account the payment was signed for.
    pub sequence_number: u64,
}

/// A refund on Stellar of a deposit the bridge could not mint.
#[derive(
    Clone,
    PartialEq,
    Eq,
    Debug,
    Default,
    Encode,
    Decode,
    DecodeWithMemTracking,
    TypeInfo,
    MaxEncodedLen,
)]
pub struct RefundTransaction<BlockNumber> {
    /// Block of creation, or of the last expiry.
    pub block: BlockNumber,
    /// Amount refunded (TFT units of 10^-7).
    pub amount: u64,
    /// The Stellar address refunded.
    pub target: StellarAddress,
    /// Hash of the Stellar deposit refunded.
    pub tx_hash: TxId,
    /// Signatures of the refund payment.
    pub signatures: Signatures,
    /// Sequence number of the bridge's Stellar account the payment was signed for.
    pub sequence_number: u64,
}
