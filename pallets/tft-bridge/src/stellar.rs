//! Validation of Stellar account addresses (StrKey `G…` public keys).
//!
//! A Stellar account address is 56 characters of RFC 4648 base32 (upper case, no padding)
//! encoding 35 bytes: the version byte `6 << 3` (ed25519 public key), the 32-byte key, and a
//! CRC16-XModem checksum of the first 33 bytes, little-endian.

/// Length of an encoded Stellar account address.
pub const STELLAR_ADDRESS_LENGTH: usize = 56;
/// Version byte of an ed25519 public key (account id) StrKey.
const ACCOUNT_ID_VERSION_BYTE: u8 = 6 << 3;
/// Length of the decoded StrKey: version byte, 32-byte key, 2-byte checksum.
const DECODED_LENGTH: usize = 35;

/// Whether `address` is a valid Stellar account address.
pub fn is_valid_account_address(address: &[u8]) -> bool {
    if address.len() != STELLAR_ADDRESS_LENGTH {
        return false;
    }
    let Some(decoded) = decode_base32(address) else {
        return false;
    };
    let (payload, checksum) = decoded.split_at(DECODED_LENGTH - 2);
    decoded[0] == ACCOUNT_ID_VERSION_BYTE && crc16_xmodem(payload).to_le_bytes() == checksum
}

/// The value of an RFC 4648 base32 digit.
fn base32_value(digit: u8) -> Option<u8> {
    match digit {
        b'A'..=b'Z' => Some(digit - b'A'),
        b'2'..=b'7' => Some(digit - b'2' + 26),
        _ => None,
    }
}

/// Decode the 56 base32 digits of an address into its 35 bytes.
fn decode_base32(address: &[u8]) -> Option<[u8; DECODED_LENGTH]> {
    let mut decoded = [0u8; DECODED_LENGTH];
    let mut buffer: u16 = 0;
    let mut bits: u32 = 0;
    let mut index = 0;
    for digit in address {
        buffer = (buffer << 5) | u16::from(base32_value(*digit)?);
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            *decoded.get_mut(index)? = (buffer >> bits) as u8;
            buffer &= (1 << bits) - 1;
            index += 1;
        }
    }
    (index == DECODED_LENGTH).then_some(decoded)
}

/// CRC16-XModem (polynomial 0x1021, initial value 0) of `bytes`.
fn crc16_xmodem(bytes: &[u8]) -> u16 {
    bytes.iter().fold(0u16, |crc, byte| {
        (0..8).fold(crc ^ (u16::from(*byte) << 8), |crc, _| {
            if crc & 0x8000 != 0 {
                (crc << 1) ^ 0x1021
            } else {
                crc << 1
            }
        })
    })
}
