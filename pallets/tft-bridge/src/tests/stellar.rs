//! Validation of Stellar account addresses.

use super::*;
use crate::stellar::is_valid_account_address;

#[test]
fn real_stellar_account_addresses_are_valid() {
    run(|| {
        assert!(is_valid_account_address(STELLAR_ADDRESS));
        assert!(is_valid_account_address(OTHER_STELLAR_ADDRESS));
        // The all-zero key.
        assert!(is_valid_account_address(
            b"GAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAWHF"
        ));
    });
}

#[test]
fn addresses_with_a_wrong_checksum_are_invalid() {
    run(|| {
        assert!(!is_valid_account_address(
            b"GA5ZSEJYB37JRC5AVCIA5MOP4RHTM335X2KGX3IHOJAPP5RE34K4KZVM"
        ));
        assert!(!is_valid_account_address(
            b"GAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAWHG"
        ));
    });
}

#[test]
fn other_strkeys_are_invalid() {
    run(|| {
        // A secret seed with a valid checksum.
        assert!(!is_valid_account_address(
            b"SAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAABSU2"
        ));
    });
}

#[test]
fn malformed_addresses_are_invalid() {
    run(|| {
        assert!(!is_valid_account_address(b""));
        assert!(!is_valid_account_address(&STELLAR_ADDRESS[..55]));
        assert!(!is_valid_account_address(&[STELLAR_ADDRESS, b"A"].concat()));
        assert!(!is_valid_account_address(
            &STELLAR_ADDRESS.to_ascii_lowercase()
        ));
        assert!(!is_valid_account_address(
            b"GA5ZSEJYB37JRC5AVCIA5MOP4RHTM335X2KGX3IHOJAPP5RE34K4KZV1"
        ));
        assert!(!is_valid_account_address(
            b"GA5ZSEJYB37JRC5AVCIA5MOP4RHTM335X2KGX3IHOJAPP5RE34K4KZV="
        ));
    });
}
