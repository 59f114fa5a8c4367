//! Entities: creation with ed25519 or sr25519 signatures, update, deletion.

use super::*;
use crate::{Entities, EntityIdByAccountID, EntityIdByName, Error};
use frame_support::assert_noop;

fn create(target: AccountId32, name: &[u8], signature: &[u8]) -> sp_runtime::DispatchResult {
    TfgridModule::create_entity(
        RuntimeOrigin::signed(alice()),
        target,
        name.to_vec(),
        b(b"Belgium"),
        b(b"Ghent"),
        signature.to_vec(),
    )
}

#[test]
fn create_entity_with_an_sr25519_signature_stores_it() {
    run(|| {
        let signature = entity_signature(&sr25519_pair("//Bob"), b"foobar", b"Belgium", b"Ghent");
        assert_ok!(create(bob(), b"foobar", &signature));
        let entity = Entities::<Test>::get(1).unwrap();
        assert_eq!(entity.version, TFGRID_ENTITY_VERSION);
        assert_eq!(entity.id, 1);
        assert_eq!(entity.name.to_vec(), b"foobar".to_vec());
        assert_eq!(entity.account_id, bob());
        assert_eq!(
            entity.encode_fields(),
            (b"Belgium".to_vec(), b"Ghent".to_vec())
        );
        assert_eq!(EntityID::<Test>::get(), 1);
        assert_eq!(EntityIdByName::<Test>::get(b(b"foobar")), 1);
        assert_eq!(EntityIdByAccountID::<Test>::get(bob()), Some(1));
        assert_eq!(last_event(), TfgridEvent::EntityStored(entity));
    });
}

#[test]
fn create_entity_with_an_ed25519_signature_stores_it() {
    run(|| {
        let (pair, target) = ed25519_signer("//Bob");
        let signature = entity_signature(&pair, b"foobar", b"Belgium", b"Ghent");
        assert_ok!(create(target.clone(), b"foobar", &signature));
        assert_eq!(EntityIdByAccountID::<Test>::get(target), Some(1));
    });
}

#[test]
fn create_entity_accepts_upper_case_hex() {
    run(|| {
        let signature = entity_signature(&sr25519_pair("//Bob"), b"foobar", b"Belgium", b"Ghent");
        assert_ok!(create(bob(), b"foobar", &signature.to_ascii_uppercase()));
    });
}

#[test]
fn create_entity_with_a_taken_name_fails() {
    run(|| {
        create_entity("//Bob", b"foobar");
        let signature =
            entity_signature(&sr25519_pair("//Charlie"), b"foobar", b"Belgium", b"Ghent");
        assert_noop!(
            create(charlie(), b"foobar", &signature),
            Error::<Test>::EntityWithNameExists
        );
    });
}

#[test]
fn create_entity_for_an_account_that_has_one_fails() {
    run(|| {
        create_entity("//Bob", b"foobar");
        let signature = entity_signature(&sr25519_pair("//Bob"), b"other", b"Belgium", b"Ghent");
        assert_noop!(
            create(bob(), b"other", &signature),
            Error::<Test>::EntityWithPubkeyExists
        );
    });
}

#[test]
fn create_entity_with_a_signature_of_the_wrong_length_fails() {
    run(|| {
        assert_noop!(
            create(bob(), b"foobar", b"abcdef"),
            Error::<Test>::SignatureLengthIsIncorrect
        );
    });
}

#[test]
fn create_entity_with_invalid_hex_fails_instead_of_panicking() {
    run(|| {
        assert_noop!(
            create(bob(), b"foobar", &[b'x'; 128]),
            Error::<Test>::EntitySignatureDoesNotMatch
        );
    });
}

#[test]
fn create_entity_signed_by_another_account_fails() {
    run(|| {
        let signature =
            entity_signature(&sr25519_pair("//Charlie"), b"foobar", b"Belgium", b"Ghent");
        assert_noop!(
            create(bob(), b"foobar", &signature),
            Error::<Test>::EntitySignatureDoesNotMatch
        );
    });
}

#[test]
fn create_entity_checks_country_then_city_after_the_signature() {
    run(|| {
        let pair = sr25519_pair("//Bob");
        let signature = entity_signature(&pair, b"foobar", b"B", b"Ghent");
        assert_noop!(
            TfgridModule::create_entity(
                RuntimeOrigin::signed(alice()),
                bob(),
                b"foobar".to_vec(),
                b(b"B"),
                b(b"Ghent"),
                signature.to_vec()
            ),
            Error::<Test>::CountryNameTooShort
        );
        let signature = entity_signature(&pair, b"foobar", b"Belgium", b"");
        assert_noop!(
            TfgridModule::create_entity(
                RuntimeOrigin::signed(alice()),
                bob(),
                b"foobar".to_vec(),
                b(b"Belgium"),
                b(b""),
                signature.to_vec()
            ),
            Error::<Test>::CityNameTooShort
        );
    });
}

#[test]
fn attack_replaying_a_deleted_entitys_signature_recreates_it() {
    // The bare message has no nonce: upstream let anyone re-create a deleted entity from the
    // signature of its first creation.
    run(|| {
        let signature = entity_signature(&sr25519_pair("//Bob"), b"foobar", b"Belgium", b"Ghent");
        assert_ok!(create(bob(), b"foobar", &signature));
        assert_ok!(TfgridModule::delete_entity(RuntimeOrigin::signed(bob())));
        assert_noop!(
            create(bob(), b"foobar", &signature),
            Error::<Test>::EntitySignatureDoesNotMatch
        );
    });
}

#[test]
fn attack_a_twin_entity_proof_registers_an_entity() {
    // The bare message has no domain tag: any short message the account signed, such as the
    // 8-byte twin proof published in `TwinEntityStored`, splits into a name, country and city.
    run(|| {
        let pair = sr25519_pair("//Dave");
        let entity_id = create_entity("//Dave", b"dave");
        let twin_id = create_twin(&charlie());
        let proof = twin_entity_signature(&pair, entity_id, twin_id);
        assert_ok!(TfgridModule::add_twin_entity(
            RuntimeOrigin::signed(charlie()),
            twin_id,
            entity_id,
            proof.to_vec()
        ));
        assert_ok!(TfgridModule::delete_entity(RuntimeOrigin::signed(account(
            "//Dave"
        ))));
        let message = [entity_id.to_be_bytes(), twin_id.to_be_bytes()].concat();
        let forged = TfgridModule::create_entity(
            RuntimeOrigin::signed(alice()),
            account("//Dave"),
            message[..5].to_vec(),
            b(&message[5..7]),
            b(&message[7..]),
            proof.to_vec(),
        );
        assert_eq!(
            forged,
            Err(Error::<Test>::EntitySignatureDoesNotMatch.into())
        );
        assert_eq!(EntityIdByAccountID::<Test>::get(account("//Dave")), None);
    });
}

/// The hex signature by `pair` of the tagged entity message for `target` with `nonce`.
fn tagged_signature(
    pair: &sp_core::sr25519::Pair,
    target: &AccountId32,
    name: &[u8],
    nonce: u32,
) -> Vec<u8> {
    use sp_core::Pair;
    let message =
        crate::entity::entity_signature_message(target, name, b"Belgium", b"Ghent", nonce);
    hex(pair.sign(&message).as_ref())
}

#[test]
fn create_entity_accepts_the_tagged_signature() {
    run(|| {
        let signature = tagged_signature(&sr25519_pair("//Bob"), &bob(), b"foobar", 0);
        assert_ok!(create(bob(), b"foobar", &signature));
        assert_eq!(EntityIdByAccountID::<Test>::get(bob()), Some(1));
        assert_eq!(crate::EntityNonceByAccountID::<Test>::get(bob()), 1);
    });
}

#[test]
fn a_deleted_entity_is_re_created_with_a_tagged_signature_of_the_next_nonce_only() {
    run(|| {
        let pair = sr25519_pair("//Bob");
        let first = tagged_signature(&pair, &bob(), b"foobar", 0);
        assert_ok!(create(bob(), b"foobar", &first));
        assert_ok!(TfgridModule::delete_entity(RuntimeOrigin::signed(bob())));
        assert_noop!(
            create(bob(), b"foobar", &first),
            Error::<Test>::EntitySignatureDoesNotMatch
        );
        let bare = entity_signature(&pair, b"foobar", b"Belgium", b"Ghent");
        assert_noop!(
            create(bob(), b"foobar", &bare),
            Error::<Test>::EntitySignatureDoesNotMatch
        );
        let second = tagged_signature(&pair, &bob(), b"foobar", 1);
        assert_ok!(create(bob(), b"foobar", &second));
        assert_eq!(crate::EntityNonceByAccountID::<Test>::get(bob()), 2);
    });
}

#[test]
fn a_tagged_signature_for_another_account_fails() {
    run(|| {
        // Bob signs a message naming Charlie as the target: it does not verify for Charlie's key,
        // and Bob's own entity needs a message naming Bob.
        let signature = tagged_signature(&sr25519_pair("//Bob"), &charlie(), b"foobar", 0);
        assert_noop!(
            create(bob(), b"foobar", &signature),
            Error::<Test>::EntitySignatureDoesNotMatch
        );
    });
}

#[test]
fn update_entity_renames_and_relocates_it() {
    run(|| {
        let id = create_entity("//Bob", b"foobar");
        assert_ok!(TfgridModule::update_entity(
            RuntimeOrigin::signed(bob()),
            b"newfoo".to_vec(),
            b(b"Egypt"),
            b(b"Cairo")
        ));
        let entity = Entities::<Test>::get(id).unwrap();
        assert_eq!(entity.name.to_vec(), b"newfoo".to_vec());
        assert_eq!(
            entity.encode_fields(),
            (b"Egypt".to_vec(), b"Cairo".to_vec())
        );
        assert!(!EntityIdByName::<Test>::contains_key(b(b"foobar")));
        assert_eq!(EntityIdByName::<Test>::get(b(b"newfoo")), id);
        assert_eq!(last_event(), TfgridEvent::EntityUpdated(entity));
    });
}

#[test]
fn update_entity_may_keep_its_own_name() {
    // Upstream failed with EntityWithNameExists (deviation).
    run(|| {
        let id = create_entity("//Bob", b"foobar");
        assert_ok!(TfgridModule::update_entity(
            RuntimeOrigin::signed(bob()),
            b"foobar".to_vec(),
            b(b"Egypt"),
            b(b"Cairo")
        ));
        assert_eq!(EntityIdByName::<Test>::get(b(b"foobar")), id);
    });
}

#[test]
fn update_entity_to_another_entitys_name_fails() {
    run(|| {
        create_entity("//Bob", b"foobar");
        create_entity("//Charlie", b"other");
        assert_noop!(
            TfgridModule::update_entity(
                RuntimeOrigin::signed(bob()),
                b"other".to_vec(),
                b(b"Egypt"),
                b(b"Cairo")
            ),
            Error::<Test>::EntityWithNameExists
        );
    });
}

#[test]
fn update_entity_without_an_entity_fails() {
    run(|| {
        assert_noop!(
            TfgridModule::update_entity(
                RuntimeOrigin::signed(bob()),
                b"foobar".to_vec(),
                b(b"Egypt"),
                b(b"Cairo")
            ),
            Error::<Test>::EntityNotExists
        );
    });
}

#[test]
fn update_entity_validates_country_and_city() {
    run(|| {
        create_entity("//Bob", b"foobar");
        assert_noop!(
            TfgridModule::update_entity(
                RuntimeOrigin::signed(bob()),
                b"foobar".to_vec(),
                b(b"E"),
                b(b"Cairo")
            ),
            Error::<Test>::CountryNameTooShort
        );
        assert_noop!(
            TfgridModule::update_entity(
                RuntimeOrigin::signed(bob()),
                b"foobar".to_vec(),
                b(b"Egypt"),
                b(b"")
            ),
            Error::<Test>::CityNameTooShort
        );
    });
}

#[test]
fn delete_entity_removes_it_and_its_indexes() {
    run(|| {
        let id = create_entity("//Bob", b"foobar");
        assert_ok!(TfgridModule::delete_entity(RuntimeOrigin::signed(bob())));
        assert!(!Entities::<Test>::contains_key(id));
        assert!(!EntityIdByName::<Test>::contains_key(b(b"foobar")));
        assert_eq!(EntityIdByAccountID::<Test>::get(bob()), None);
        assert_eq!(last_event(), TfgridEvent::EntityDeleted(id));
    });
}

#[test]
fn delete_entity_without_an_entity_fails() {
    run(|| {
        assert_noop!(
            TfgridModule::delete_entity(RuntimeOrigin::signed(bob())),
            Error::<Test>::EntityNotExists
        );
    });
}

#[test]
fn entity_names_and_signatures_are_bounded_with_named_errors() {
    run(|| {
        let pair = sr25519_pair("//Bob");
        let name = [b'n'; MAX_ENTITY_NAME_LENGTH as usize];
        let signature = entity_signature(&pair, &name, b"Belgium", b"Ghent");
        assert_noop!(
            create(
                bob(),
                &[b'n'; MAX_ENTITY_NAME_LENGTH as usize + 1],
                &signature
            ),
            Error::<Test>::EntityNameTooLong
        );
        assert_noop!(
            create(bob(), &name, &[b'0'; SIGNATURE_HEX_LENGTH as usize + 1]),
            Error::<Test>::SignatureLengthIsIncorrect
        );
        assert_ok!(create(bob(), &name, &signature));
        let update = |len: usize| {
            TfgridModule::update_entity(
                RuntimeOrigin::signed(bob()),
                vec![b'm'; len],
                b(b"Egypt"),
                b(b"Cairo"),
            )
        };
        assert_noop!(
            update(MAX_ENTITY_NAME_LENGTH as usize + 1),
            Error::<Test>::EntityNameTooLong
        );
        assert_ok!(update(MAX_ENTITY_NAME_LENGTH as usize));
    });
}
