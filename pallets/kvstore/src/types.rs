//! Bounds and types of the keys and values of the store.
//!
//! Bounded vectors encode exactly like the plain byte vectors of upstream TFChain.

use frame_support::{traits::ConstU32, BoundedVec};

/// Maximum length of a key, in bytes.
pub const MAX_KEY_LENGTH: u32 = 512;
/// Maximum length of a value, in bytes.
pub const MAX_VALUE_LENGTH: u32 = 2048;

/// A key of the store.
pub type Key = BoundedVec<u8, ConstU32<MAX_KEY_LENGTH>>;
/// A value of the store.
pub type Value = BoundedVec<u8, ConstU32<MAX_VALUE_LENGTH>>;

/// The length of `bytes` as a weight component, capped at `bound` (longer input is refused
/// before any work that grows with it).
pub fn bounded_length(bytes: &[u8], bound: u32) -> u32 {
    u32::try_from(bytes.len()).unwrap_or(u32::MAX).min(bound)
}
