//! Twins, entity proofs, bonded accounts and terms and conditions.

use super::*;
use crate::{
    Error, TwinBoundedAccountID, TwinIdByAccountID, TwinIdByBoundedAccountID, Twins,
    UsersTermsAndConditions,
};
use frame_support::assert_noop;
use sp_runtime::DispatchError;

#[test]
fn create_twin_stores_the_twin_and_indexes_it_by_account() {
    run(|| {
        accept_tc(&alice());
        assert_ok!(TfgridModule::create_twin(
            RuntimeOrigin::signed(alice()),
            Some(b(b"somerelay.io")),
            Some(b(b"some_pk"))
        ));
        let twin = Twins::<Test>::get(1).unwrap();
        assert_eq!(twin.id, 1);
        assert_eq!(twin.account_id, alice());
        assert_eq!(twin.relay.unwrap().to_vec(), b"somerelay.io".to_vec());
        assert_eq!(twin.pk.unwrap().to_vec(), b"some_pk".to_vec());
        assert!(twin.entities.is_empty());
        assert_eq!(TwinID::<Test>::get(), 1);
        assert_eq!(TwinIdByAccountID::<Test>::get(alice()), Some(1));
        assert_eq!(
            last_event(),
            TfgridEvent::TwinStored(Twins::<Test>::get(1).unwrap())
        );
    });
}

#[test]
fn create_twin_without_relay_or_pk_is_allowed() {
    run(|| {
        accept_tc(&alice());
        assert_ok!(TfgridModule::create_twin(
            RuntimeOrigin::signed(alice()),
            None,
            None
        ));
        let twin = Twins::<Test>::get(1).unwrap();
        assert_eq!((twin.relay, twin.pk), (None, None));
    });
}

#[test]
fn create_twin_requires_accepted_terms_and_conditions() {
    run(|| {
        assert_noop!(
            TfgridModule::create_twin(RuntimeOrigin::signed(alice()), None, None),
            Error::<Test>::UserDidNotSignTermsAndConditions
        );
    });
}

#[test]
fn create_twin_twice_for_one_account_fails() {
    run(|| {
        create_twin(&alice());
        assert_noop!(
            TfgridModule::create_twin(RuntimeOrigin::signed(alice()), None, None),
            Error::<Test>::TwinWithPubkeyExists
        );
    });
}

#[test]
fn create_twin_rejects_relays_that_are_not_host_names() {
    run(|| {
        accept_tc(&alice());
        for relay in [
            &b""[..],
            b"relay.io:8080",
            b"wss://relay.io",
            b".relay.io",
            b"relay.io.",
            b"relay..io",
            b"relay io",
        ] {
            assert_noop!(
                TfgridModule::create_twin(RuntimeOrigin::signed(alice()), Some(b(relay)), None),
                Error::<Test>::InvalidRelayAddress
            );
        }
    });
}

#[test]
fn create_twin_accepts_a_single_character_first_label() {
    // Upstream rejected "a.b" (deviation: every non-empty label is valid).
    run(|| {
        accept_tc(&alice());
        assert_ok!(TfgridModule::create_twin(
            RuntimeOrigin::signed(alice()),
            Some(b(b"a.b")),
            None
        ));
    });
}

#[test]
fn update_twin_replaces_relay_and_pk() {
    run(|| {
        let twin_id = create_twin(&alice());
        assert_ok!(TfgridModule::update_twin(
            RuntimeOrigin::signed(alice()),
            Some(b(b"other-relay.io")),
            None
        ));
        let twin = Twins::<Test>::get(twin_id).unwrap();
        assert_eq!(
            twin.relay.clone().unwrap().to_vec(),
            b"other-relay.io".to_vec()
        );
        assert_eq!(twin.pk, None);
        assert_eq!(last_event(), TfgridEvent::TwinUpdated(twin));
    });
}

#[test]
fn update_twin_without_a_twin_fails() {
    run(|| {
        assert_noop!(
            TfgridModule::update_twin(RuntimeOrigin::signed(alice()), None, None),
            Error::<Test>::TwinNotExists
        );
    });
}

#[test]
fn update_twin_rejects_an_invalid_relay() {
    run(|| {
        create_twin(&alice());
        assert_noop!(
            TfgridModule::update_twin(RuntimeOrigin::signed(alice()), Some(b(b"relay:1")), None),
            Error::<Test>::InvalidRelayAddress
        );
    });
}

#[test]
fn add_twin_entity_with_an_sr25519_signature_stores_the_proof() {
    run(|| {
        let entity_id = create_entity("//Bob", b"bob_entity");
        let twin_id = create_twin(&alice());
        let signature = twin_entity_signature(&sr25519_pair("//Bob"), entity_id, twin_id);
        assert_ok!(TfgridModule::add_twin_entity(
            RuntimeOrigin::signed(alice()),
            twin_id,
            entity_id,
            signature.to_vec()
        ));
        let twin = Twins::<Test>::get(twin_id).unwrap();
        assert_eq!(twin.entities.len(), 1);
        assert_eq!(
            twin.entities[0],
            EntityProof {
                entity_id,
                signature: b(&signature)
            }
        );
        assert_eq!(
            last_event(),
            TfgridEvent::TwinEntityStored(twin_id, entity_id, signature)
        );
    });
}

#[test]
fn add_twin_entity_with_an_ed25519_signature_stores_the_proof() {
    run(|| {
        let (pair, entity_account) = ed25519_signer("//Bob");
        let signature = entity_signature(&pair, b"bob", b"Belgium", b"Ghent");
        assert_ok!(TfgridModule::create_entity(
            RuntimeOrigin::signed(alice()),
            entity_account,
            b"bob".to_vec(),
            b(b"Belgium"),
            b(b"Ghent"),
            signature.to_vec()
        ));
        let twin_id = create_twin(&alice());
        let proof = twin_entity_signature(&pair, 1, twin_id);
        assert_ok!(TfgridModule::add_twin_entity(
            RuntimeOrigin::signed(alice()),
            twin_id,
            1,
            proof.to_vec()
        ));
        assert_eq!(Twins::<Test>::get(twin_id).unwrap().entities.len(), 1);
    });
}

#[test]
fn add_twin_entity_of_a_missing_entity_fails() {
    run(|| {
        let twin_id = create_twin(&alice());
        let signature = twin_entity_signature(&sr25519_pair("//Bob"), 1, twin_id);
        assert_noop!(
            TfgridModule::add_twin_entity(
                RuntimeOrigin::signed(alice()),
                twin_id,
                1,
                signature.to_vec()
            ),
            Error::<Test>::EntityNotExists
        );
    });
}

#[test]
fn add_twin_entity_to_a_missing_twin_fails() {
    run(|| {
        let entity_id = create_entity("//Bob", b"bob_entity");
        let signature = twin_entity_signature(&sr25519_pair("//Bob"), entity_id, 5);
        assert_noop!(
            TfgridModule::add_twin_entity(
                RuntimeOrigin::signed(alice()),
                5,
                entity_id,
                signature.to_vec()
            ),
            Error::<Test>::TwinNotExists
        );
    });
}

#[test]
fn add_twin_entity_to_someone_elses_twin_fails() {
    run(|| {
        let entity_id = create_entity("//Bob", b"bob_entity");
        let twin_id = create_twin(&alice());
        let signature = twin_entity_signature(&sr25519_pair("//Bob"), entity_id, twin_id);
        assert_noop!(
            TfgridModule::add_twin_entity(
                RuntimeOrigin::signed(charlie()),
                twin_id,
                entity_id,
                signature.to_vec()
            ),
            Error::<Test>::UnauthorizedToUpdateTwin
        );
    });
}

#[test]
fn add_twin_entity_twice_with_the_same_signature_fails() {
    run(|| {
        let entity_id = create_entity("//Bob", b"bob_entity");
        let twin_id = create_twin(&alice());
        let signature = twin_entity_signature(&sr25519_pair("//Bob"), entity_id, twin_id);
        assert_ok!(TfgridModule::add_twin_entity(
            RuntimeOrigin::signed(alice()),
            twin_id,
            entity_id,
            signature.to_vec()
        ));
        assert_noop!(
            TfgridModule::add_twin_entity(
                RuntimeOrigin::signed(alice()),
                twin_id,
                entity_id,
                signature.to_vec()
            ),
            Error::<Test>::EntityWithSignatureAlreadyExists
        );
    });
}

#[test]
fn add_twin_entity_with_a_short_signature_fails_instead_of_panicking() {
    run(|| {
        let entity_id = create_entity("//Bob", b"bob_entity");
        let twin_id = create_twin(&alice());
        assert_noop!(
            TfgridModule::add_twin_entity(
                RuntimeOrigin::signed(alice()),
                twin_id,
                entity_id,
                b"abcd".to_vec()
            ),
            Error::<Test>::SignatureLengthIsIncorrect
        );
        // A plain `Vec<u8>` as in TFChain 2.9: a longer one decodes and gets the same error.
        assert_noop!(
            TfgridModule::add_twin_entity(
                RuntimeOrigin::signed(alice()),
                twin_id,
                entity_id,
                vec![b'0'; SIGNATURE_HEX_LENGTH as usize + 1]
            ),
            Error::<Test>::SignatureLengthIsIncorrect
        );
    });
}

#[test]
fn add_twin_entity_with_invalid_hex_fails_instead_of_panicking() {
    run(|| {
        let entity_id = create_entity("//Bob", b"bob_entity");
        let twin_id = create_twin(&alice());
        assert_noop!(
            TfgridModule::add_twin_entity(
                RuntimeOrigin::signed(alice()),
                twin_id,
                entity_id,
                [b'z'; 128].to_vec()
            ),
            Error::<Test>::EntitySignatureDoesNotMatch
        );
    });
}

#[test]
fn add_twin_entity_signed_by_another_key_fails() {
    run(|| {
        let entity_id = create_entity("//Bob", b"bob_entity");
        let twin_id = create_twin(&alice());
        let signature = twin_entity_signature(&sr25519_pair("//Charlie"), entity_id, twin_id);
        assert_noop!(
            TfgridModule::add_twin_entity(
                RuntimeOrigin::signed(alice()),
                twin_id,
                entity_id,
                signature.to_vec()
            ),
            Error::<Test>::EntitySignatureDoesNotMatch
        );
    });
}

#[test]
fn add_twin_entity_beyond_the_proof_limit_fails() {
    run(|| {
        let entity_id = create_entity("//Bob", b"bob_entity");
        let twin_id = create_twin(&alice());
        // sr25519 signatures are randomised: each one is a new proof.
        for _ in 0..MAX_TWIN_ENTITIES {
            let signature = twin_entity_signature(&sr25519_pair("//Bob"), entity_id, twin_id);
            assert_ok!(TfgridModule::add_twin_entity(
                RuntimeOrigin::signed(alice()),
                twin_id,
                entity_id,
                signature.to_vec()
            ));
        }
        let signature = twin_entity_signature(&sr25519_pair("//Bob"), entity_id, twin_id);
        assert_noop!(
            TfgridModule::add_twin_entity(
                RuntimeOrigin::signed(alice()),
                twin_id,
                entity_id,
                signature.to_vec()
            ),
            Error::<Test>::StorageOverflow
        );
    });
}

#[test]
fn delete_twin_entity_removes_the_proof() {
    run(|| {
        let entity_id = create_entity("//Bob", b"bob_entity");
        let twin_id = create_twin(&alice());
        let signature = twin_entity_signature(&sr25519_pair("//Bob"), entity_id, twin_id);
        assert_ok!(TfgridModule::add_twin_entity(
            RuntimeOrigin::signed(alice()),
            twin_id,
            entity_id,
            signature.to_vec()
        ));
        assert_ok!(TfgridModule::delete_twin_entity(
            RuntimeOrigin::signed(alice()),
            twin_id,
            entity_id
        ));
        assert!(Twins::<Test>::get(twin_id).unwrap().entities.is_empty());
        assert_eq!(
            last_event(),
            TfgridEvent::TwinEntityRemoved(twin_id, entity_id)
        );
    });
}

#[test]
fn delete_twin_entity_errors() {
    run(|| {
        assert_noop!(
            TfgridModule::delete_twin_entity(RuntimeOrigin::signed(alice()), 1, 1),
            Error::<Test>::TwinNotExists
        );
        let twin_id = create_twin(&alice());
        assert_noop!(
            TfgridModule::delete_twin_entity(RuntimeOrigin::signed(bob()), twin_id, 1),
            Error::<Test>::UnauthorizedToUpdateTwin
        );
        assert_noop!(
            TfgridModule::delete_twin_entity(RuntimeOrigin::signed(alice()), twin_id, 1),
            Error::<Test>::EntityNotExists
        );
    });
}

#[test]
fn bond_twin_account_bonds_the_caller_as_stash() {
    run(|| {
        let twin_id = create_twin(&alice());
        assert_ok!(TfgridModule::bond_twin_account(
            RuntimeOrigin::signed(bob()),
            twin_id
        ));
        assert_eq!(TwinBoundedAccountID::<Test>::get(twin_id), Some(bob()));
        assert_eq!(
            last_event(),
            TfgridEvent::TwinAccountBounded(twin_id, bob())
        );
        // Bonding again with the same stash is idempotent.
        assert_ok!(TfgridModule::bond_twin_account(
            RuntimeOrigin::signed(bob()),
            twin_id
        ));
    });
}

#[test]
fn bond_twin_account_to_a_missing_twin_fails() {
    run(|| {
        assert_noop!(
            TfgridModule::bond_twin_account(RuntimeOrigin::signed(bob()), 1),
            Error::<Test>::TwinNotExists
        );
    });
}

#[test]
fn bond_twin_account_to_itself_without_a_bond_fails() {
    run(|| {
        let twin_id = create_twin(&alice());
        assert_noop!(
            TfgridModule::bond_twin_account(RuntimeOrigin::signed(alice()), twin_id),
            Error::<Test>::TwinCannotBoundToItself
        );
    });
}

#[test]
fn bond_twin_account_cannot_take_over_another_stash() {
    // Upstream let anyone overwrite a twin's bond (deviation).
    run(|| {
        let twin_id = create_twin(&alice());
        assert_ok!(TfgridModule::bond_twin_account(
            RuntimeOrigin::signed(bob()),
            twin_id
        ));
        assert_noop!(
            TfgridModule::bond_twin_account(RuntimeOrigin::signed(charlie()), twin_id),
            Error::<Test>::UnauthorizedToUpdateTwin
        );
    });
}

#[test]
fn bond_twin_account_by_the_owner_releases_the_bond() {
    run(|| {
        let twin_id = create_twin(&alice());
        assert_ok!(TfgridModule::bond_twin_account(
            RuntimeOrigin::signed(bob()),
            twin_id
        ));
        assert_ok!(TfgridModule::bond_twin_account(
            RuntimeOrigin::signed(alice()),
            twin_id
        ));
        assert_eq!(TwinBoundedAccountID::<Test>::get(twin_id), None);
        assert_eq!(
            last_event(),
            TfgridEvent::TwinAccountBounded(twin_id, alice())
        );
        assert_ok!(TfgridModule::bond_twin_account(
            RuntimeOrigin::signed(charlie()),
            twin_id
        ));
        assert_eq!(TwinBoundedAccountID::<Test>::get(twin_id), Some(charlie()));
    });
}

#[test]
fn attack_one_stash_backs_many_twins() {
    // Upstream let one stash bond to every twin, so its balance earned the billing discount of
    // each of them.
    run(|| {
        let first = create_twin(&alice());
        let second = create_twin(&charlie());
        assert_ok!(TfgridModule::bond_twin_account(
            RuntimeOrigin::signed(bob()),
            first
        ));
        assert_noop!(
            TfgridModule::bond_twin_account(RuntimeOrigin::signed(bob()), second),
            Error::<Test>::StashAlreadyBonded
        );
        assert_eq!(TwinBoundedAccountID::<Test>::get(second), None);
        assert_eq!(TwinIdByBoundedAccountID::<Test>::get(bob()), Some(first));
        assert_eq!(TwinBoundedAccountID::<Test>::get(first), Some(bob()));
    });
}

#[test]
fn attack_a_twin_owner_bonds_as_stash_of_another_twin() {
    // The owner's balance already counts for its own twin's contracts.
    run(|| {
        create_twin(&alice());
        let other = create_twin(&charlie());
        assert_noop!(
            TfgridModule::bond_twin_account(RuntimeOrigin::signed(alice()), other),
            Error::<Test>::StashAlreadyBonded
        );
        assert_eq!(TwinBoundedAccountID::<Test>::get(other), None);
    });
}

#[test]
fn attack_a_bonded_stash_creates_a_twin_of_its_own() {
    run(|| {
        let twin_id = create_twin(&alice());
        assert_ok!(TfgridModule::bond_twin_account(
            RuntimeOrigin::signed(bob()),
            twin_id
        ));
        accept_tc(&bob());
        assert_noop!(
            TfgridModule::create_twin(RuntimeOrigin::signed(bob()), Some(b(b"somerelay.io")), None),
            Error::<Test>::StashAlreadyBonded
        );
        assert_eq!(TwinIdByAccountID::<Test>::get(bob()), None);
    });
}

#[test]
fn a_stash_released_by_the_twin_owner_may_bond_to_another_twin() {
    run(|| {
        let first = create_twin(&alice());
        let second = create_twin(&charlie());
        assert_ok!(TfgridModule::bond_twin_account(
            RuntimeOrigin::signed(bob()),
            first
        ));
        assert_ok!(TfgridModule::bond_twin_account(
            RuntimeOrigin::signed(alice()),
            first
        ));
        assert_ok!(TfgridModule::bond_twin_account(
            RuntimeOrigin::signed(bob()),
            second
        ));
        assert_eq!(TwinBoundedAccountID::<Test>::get(first), None);
        assert_eq!(TwinBoundedAccountID::<Test>::get(second), Some(bob()));
        assert_eq!(TwinIdByBoundedAccountID::<Test>::get(bob()), Some(second));
    });
}

#[test]
fn user_accept_tc_records_the_document_and_the_time() {
    run(|| {
        accept_tc(&alice());
        let accepted = UsersTermsAndConditions::<Test>::get(alice()).unwrap();
        assert_eq!(accepted.len(), 1);
        assert_eq!(accepted[0].account_id, alice());
        assert_eq!(accepted[0].timestamp, START_MILLIS / 1000);
        assert_eq!(
            accepted[0].document_link.to_vec(),
            b"https://threefold.io/terms".to_vec()
        );
        assert_eq!(accepted[0].document_hash.to_vec(), b"0x1234abcd".to_vec());
        assert!(tfgrid_events().is_empty());
    });
}

#[test]
fn user_accept_tc_validates_link_then_hash() {
    run(|| {
        let accept = |link: &[u8], hash: &[u8]| {
            TfgridModule::user_accept_tc(RuntimeOrigin::signed(alice()), b(link), b(hash))
        };
        assert_noop!(
            accept(b"", b"hash"),
            Error::<Test>::DocumentLinkInputTooShort
        );
        assert_noop!(
            accept(b"https://threefold.io/a b", b"hash"),
            Error::<Test>::InvalidDocumentLinkInput
        );
        assert_noop!(
            accept(b"https://threefold.io", b""),
            Error::<Test>::DocumentHashInputTooShort
        );
        assert_noop!(
            accept(b"https://threefold.io", b"ha.sh"),
            Error::<Test>::InvalidDocumentHashInput
        );
        assert_ok!(accept(
            b"https://x.io/p?a=1&b=[2]#f~'()*+,;=@!$",
            b"Hash-_09"
        ));
    });
}

#[test]
fn user_accept_tc_keeps_only_the_latest_documents() {
    // Upstream kept an unbounded list (deviation: the oldest entry is dropped).
    run(|| {
        for i in 0..MAX_TERMS_AND_CONDITIONS + 1 {
            let link = format!("https://threefold.io/terms/{i}");
            assert_ok!(TfgridModule::user_accept_tc(
                RuntimeOrigin::signed(alice()),
                b(link.as_bytes()),
                b(b"hash")
            ));
        }
        let accepted = UsersTermsAndConditions::<Test>::get(alice()).unwrap();
        assert_eq!(accepted.len() as u32, MAX_TERMS_AND_CONDITIONS);
        assert_eq!(
            accepted[0].document_link.to_vec(),
            b"https://threefold.io/terms/1".to_vec()
        );
    });
}

#[test]
fn signed_calls_reject_unsigned_origins() {
    run(|| {
        assert_noop!(
            TfgridModule::create_twin(RuntimeOrigin::none(), None, None),
            DispatchError::BadOrigin
        );
        assert_noop!(
            TfgridModule::bond_twin_account(RuntimeOrigin::root(), 1),
            DispatchError::BadOrigin
        );
    });
}
