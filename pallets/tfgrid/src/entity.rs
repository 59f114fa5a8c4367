//! Entities: accounts of persons or companies, registered with their own signature over a
//! tagged, nonced message.

use crate::{
    node::{CityName, CountryName},
    types::*,
    validation, Config, Entities, EntityID, EntityIdByAccountID, EntityIdByName,
    EntityNonceByAccountID, Error, Event, Pallet,
};
use alloc::vec::Vec;
use codec::Encode;
use frame_support::ensure;
use sp_runtime::DispatchResult;

/// Domain tag that starts every tagged entity message.
pub const ENTITY_SIGNATURE_TAG: &[u8] = b"tfchain:entity:";

/// The message `target` signs to have an entity created for it: [`ENTITY_SIGNATURE_TAG`]
/// followed by the SCALE encoding of `(target, name, country, city, nonce)`, where `nonce` is the
/// number of entities created for `target` so far (`EntityNonceByAccountID`). The nonce makes a
/// signature good for one creation only; the tag keeps signatures made for anything else out.
pub fn entity_signature_message<AccountId: Encode>(
    target: &AccountId,
    name: &[u8],
    country: &[u8],
    city: &[u8],
    nonce: u32,
) -> Vec<u8> {
    let mut message = ENTITY_SIGNATURE_TAG.to_vec();
    (target, name, country, city, nonce).encode_to(&mut message);
    message
}

impl<T: Config> Pallet<T> {
    /// Create an entity for `target`, which signed, with its ed25519 or sr25519 key, the tagged
    /// [`entity_signature_message`]. Anyone may submit it.
    ///
    /// The bare TFChain 2.9 message `name ++ country ++ city` (raw bytes) is still accepted for
    /// the first entity of an account, for clients that sign it; once an entity was created for
    /// the account it no longer is, so a bare signature cannot re-create a deleted entity.
    pub(crate) fn do_create_entity(
        target: T::AccountId,
        name: EntityNameOf,
        country: CountryNameInput,
        city: CityNameInput,
        signature: SignatureOf,
    ) -> DispatchResult {
        ensure!(
            !EntityIdByName::<T>::contains_key(&name),
            Error::<T>::EntityWithNameExists
        );
        ensure!(
            !EntityIdByAccountID::<T>::contains_key(&target),
            Error::<T>::EntityWithPubkeyExists
        );
        ensure!(
            signature.len() == SIGNATURE_HEX_LENGTH as usize,
            Error::<T>::SignatureLengthIsIncorrect
        );
        let raw = validation::decode_signature_hex(&signature)
            .ok_or(Error::<T>::EntitySignatureDoesNotMatch)?;
        let nonce = EntityNonceByAccountID::<T>::get(&target);
        let tagged = entity_signature_message(&target, &name, &country, &city, nonce);
        let signed = validation::verify_signature(&raw, &tagged, &target)
            || (nonce == 0 && {
                let bare = [name.as_slice(), country.as_slice(), city.as_slice()].concat();
                validation::verify_signature(&raw, &bare, &target)
            });
        ensure!(signed, Error::<T>::EntitySignatureDoesNotMatch);
        let country = CountryName::<T>::try_from(country)?;
        let city = CityName::<T>::try_from(city)?;

        let id = EntityID::<T>::get()
            .checked_add(1)
            .ok_or(Error::<T>::StorageOverflow)?;
        let next_nonce = nonce.checked_add(1).ok_or(Error::<T>::StorageOverflow)?;
        let entity = TfgridEntity::<T> {
            version: TFGRID_ENTITY_VERSION,
            id,
            name: name.clone(),
            account_id: target.clone(),
            country,
            city,
        };
        Entities::<T>::insert(id, &entity);
        EntityIdByName::<T>::insert(name, id);
        EntityIdByAccountID::<T>::insert(&target, id);
        EntityNonceByAccountID::<T>::insert(target, next_nonce);
        EntityID::<T>::put(id);
        Self::deposit_event(Event::EntityStored(entity));
        Ok(())
    }

    /// Rename and relocate the entity of `who`. Its current name may be kept.
    pub(crate) fn do_update_entity(
        who: &T::AccountId,
        name: EntityNameOf,
        country: CountryNameInput,
        city: CityNameInput,
    ) -> DispatchResult {
        let own_id = EntityIdByAccountID::<T>::get(who);
        if EntityIdByName::<T>::contains_key(&name) {
            ensure!(
                own_id == Some(EntityIdByName::<T>::get(&name)),
                Error::<T>::EntityWithNameExists
            );
        }
        let id = own_id.ok_or(Error::<T>::EntityNotExists)?;
        let mut entity = Entities::<T>::get(id).ok_or(Error::<T>::EntityNotExists)?;
        ensure!(entity.account_id == *who, Error::<T>::CannotUpdateEntity);

        EntityIdByName::<T>::remove(&entity.name);
        entity.name = name.clone();
        entity.country = CountryName::<T>::try_from(country)?;
        entity.city = CityName::<T>::try_from(city)?;
        Entities::<T>::insert(id, &entity);
        EntityIdByName::<T>::insert(name, id);
        Self::deposit_event(Event::EntityUpdated(entity));
        Ok(())
    }

    /// Delete the entity of `who`. Proofs of it on twins stay, pointing at a missing entity.
    pub(crate) fn do_delete_entity(who: &T::AccountId) -> DispatchResult {
        let id = EntityIdByAccountID::<T>::get(who).ok_or(Error::<T>::EntityNotExists)?;
        let entity = Entities::<T>::get(id).ok_or(Error::<T>::EntityNotExists)?;
        ensure!(entity.account_id == *who, Error::<T>::CannotDeleteEntity);
        Entities::<T>::remove(id);
        EntityIdByName::<T>::remove(&entity.name);
        EntityIdByAccountID::<T>::remove(who);
        Self::deposit_event(Event::EntityDeleted(id));
        Ok(())
    }
}
