//! Validation helpers of the pallet's inputs that are not tied to one stored type: relay
//! addresses, hex-encoded signatures and their verification.

use codec::Encode;
use sp_core::{ed25519, sr25519};
use tfchain_support::net::hex_value;

/// True when `relay` is a host name: non-empty, only `[a-zA-Z0-9-_.]`, with non-empty labels
/// (no leading, trailing or doubled `.`).
pub fn validate_relay_address(relay: &[u8]) -> bool {
    !relay.is_empty()
        && relay
            .iter()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.'))
        && relay.split(|c| *c == b'.').all(|label| !label.is_empty())
}

/// Decode a 64-byte signature written as 128 hex characters of either case.
pub fn decode_signature_hex(hex: &[u8]) -> Option<[u8; 64]> {
    if hex.len() != 128 {
        return None;
    }
    let mut out = [0u8; 64];
    for (byte, pair) in out.iter_mut().zip(hex.chunks_exact(2)) {
        let (hi, lo) = match pair {
            [hi, lo] => (hex_value(*hi)?, hex_value(*lo)?),
            _ => return None,
        };
        *byte = (hi << 4) | lo;
    }
    Some(out)
}

/// True when `signature` is a valid ed25519 or sr25519 signature of `message` by `signer`,
/// whose SCALE encoding must be a 32-byte public key.
pub fn verify_signature<AccountId: Encode>(
    signature: &[u8; 64],
    message: &[u8],
    signer: &AccountId,
) -> bool {
    let Ok(public) = <[u8; 32]>::try_from(signer.encode().as_slice()) else {
        return false;
    };
    sp_io::crypto::ed25519_verify(
        &ed25519::Signature::from_raw(*signature),
        message,
        &ed25519::Public::from_raw(public),
    ) || sp_io::crypto::sr25519_verify(
        &sr25519::Signature::from_raw(*signature),
        message,
        &sr25519::Public::from_raw(public),
    )
}
