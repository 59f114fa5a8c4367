//! Entities: accounts of persons or companies, registered with their own signature.

use crate::{
    node::{CityName, CountryName},
    types::*,
    validation, Config, Entities, EntityID, EntityIdByAccountID, EntityIdByName, Error, Event,
    Pallet,
};
use frame_support::ensure;
use sp_runtime::DispatchResult;

impl<T: Config> Pallet<T> {
    /// Create an entity for `target`, which signed `name ++ country ++ city` (raw bytes) with
    /// its ed25519 or sr25519 key. Anyone may submit it.
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
        let mut message = name.to_vec();
        message.extend_from_slice(&country);
        message.extend_from_slice(&city);
        ensure!(
            validation::verify_signature(&raw, &message, &target),
            Error::<T>::EntitySignatureDoesNotMatch
        );
        let country = CountryName::<T>::try_from(country)?;
        let city = CityName::<T>::try_from(city)?;

        let id = EntityID::<T>::get()
            .checked_add(1)
            .ok_or(Error::<T>::StorageOverflow)?;
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
        EntityIdByAccountID::<T>::insert(target, id);
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
