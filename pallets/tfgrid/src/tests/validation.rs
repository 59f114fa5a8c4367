//! Input validation helpers and the pallet's storage layout facts.

use super::run;
use crate::{
    node::is_valid_coordinate,
    terms_cond::is_valid_document_link,
    validation::{decode_signature_hex, validate_relay_address, verify_signature},
};
use codec::Encode;
use sp_core::Pair;

#[test]
fn relay_addresses_are_host_names_with_non_empty_labels() {
    run(|| {
        for valid in [
            &b"somerelay.io"[..],
            b"a.b",
            b"relay",
            b"relay-1_a.grid.tf",
            b"R.E.L.A.Y",
        ] {
            assert!(validate_relay_address(valid), "{valid:?}");
        }
        for invalid in [
            &b""[..],
            b".",
            b".relay",
            b"relay.",
            b"relay..io",
            b"relay.io:443",
            b"wss://relay",
            b"r/x",
        ] {
            assert!(!validate_relay_address(invalid), "{invalid:?}");
        }
    });
}

#[test]
fn signature_hex_decodes_either_case_and_rejects_everything_else() {
    run(|| {
        let bytes: Vec<u8> = (0..64).collect();
        let lower = super::hex(&bytes);
        assert_eq!(decode_signature_hex(&lower).unwrap().to_vec(), bytes);
        assert_eq!(
            decode_signature_hex(&lower.to_ascii_uppercase())
                .unwrap()
                .to_vec(),
            bytes
        );
        assert_eq!(decode_signature_hex(&lower[..126]), None);
        let mut invalid = lower.clone();
        invalid[5] = b'g';
        assert_eq!(decode_signature_hex(&invalid), None);
        assert_eq!(decode_signature_hex(&[]), None);
    });
}

#[test]
fn signatures_verify_for_ed25519_and_sr25519_signers_only() {
    run(|| {
        let message = b"message";
        let sr = sp_core::sr25519::Pair::from_string("//Alice", None).unwrap();
        let sr_account = sp_runtime::AccountId32::from(sr.public());
        let sr_signature: [u8; 64] = sr.sign(message).0;
        assert!(verify_signature(&sr_signature, message, &sr_account));
        assert!(!verify_signature(&sr_signature, b"other", &sr_account));
        let (ed, ed_account) = super::ed25519_signer("//Alice");
        let ed_signature: [u8; 64] = ed.sign(message).0;
        assert!(verify_signature(&ed_signature, message, &ed_account));
        assert!(!verify_signature(&ed_signature, message, &sr_account));
        // A signer whose encoding is not a 32-byte key never verifies.
        assert!(!verify_signature(&ed_signature, message, &7u64));
        assert_eq!(7u64.encode().len(), 8);
    });
}

#[test]
fn coordinates_follow_the_rust_float_grammar_within_their_bounds() {
    run(|| {
        for valid in [
            &b"Unknown"[..],
            b"0",
            b"-90",
            b"90",
            b"+5",
            b".5",
            b"1e1",
            b"51.0543422",
        ] {
            assert!(is_valid_coordinate(valid, 90.0), "{valid:?}");
        }
        for invalid in [
            &b"unknown"[..],
            b"90.0001",
            b"-91",
            b"30,35",
            b"NaN",
            b"inf",
            b"1e2",
            b"abc",
            b"\xff",
        ] {
            assert!(!is_valid_coordinate(invalid, 90.0), "{invalid:?}");
        }
        assert!(is_valid_coordinate(b"-180", 180.0));
        assert!(!is_valid_coordinate(b"180.5", 180.0));
    });
}

#[test]
fn document_links_allow_url_characters_only() {
    run(|| {
        assert!(is_valid_document_link(
            b"https://library.threefold.me/info/legal/#/tfgrid/terms_conditions_all3"
        ));
        assert!(is_valid_document_link(
            b"ipfs://Qm123?x=[1]&y=(2)*+,;=!$@~'"
        ));
        assert!(!is_valid_document_link(b"https://threefold.io/a b"));
        assert!(!is_valid_document_link(b"https://threefold.io/\"quoted\""));
        assert!(!is_valid_document_link(b"https://threefold.io/<tag>"));
    });
}
