//! The key the offchain worker signs price reports with: the validator's `aura` sr25519 key,
//! the same key it authors blocks with.

use sp_core::crypto::KeyTypeId;
use sp_runtime::{MultiSignature, MultiSigner};

/// The key type of price reports: `aura`.
pub const KEY_TYPE: KeyTypeId = KeyTypeId(*b"aura");

/// The application crypto of price reports: sr25519 keys of type [`KEY_TYPE`].
pub mod app {
    use super::KEY_TYPE;
    use sp_runtime::app_crypto::{app_crypto, sr25519};

    app_crypto!(sr25519, KEY_TYPE);
}

/// Signs price reports with the keystore's `aura` keys for accounts of the runtime's
/// `MultiSigner`/`MultiSignature` types (`Config::AuthorityId` on tfchain).
pub struct AuthId;

impl frame_system::offchain::AppCrypto<MultiSigner, MultiSignature> for AuthId {
    type RuntimeAppPublic = app::Public;
    type GenericSignature = sp_core::sr25519::Signature;
    type GenericPublic = sp_core::sr25519::Public;
}
