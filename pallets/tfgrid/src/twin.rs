//! Twins: creation and update, entity proofs, and the stash account bonded to a twin.

use crate::{
    types::*, validation, Config, Entities, Error, Event, Pallet, TwinBoundedAccountID, TwinID,
    TwinIdByAccountID, TwinIdByBoundedAccountID, Twins, UsersTermsAndConditions,
};
use frame_support::ensure;
use sp_runtime::DispatchResult;

impl<T: Config> Pallet<T> {
    fn ensure_valid_relay(relay: &Option<RelayOf>) -> Result<(), Error<T>> {
        if let Some(relay) = relay {
            ensure!(
                validation::validate_relay_address(relay),
                Error::<T>::InvalidRelayAddress
            );
        }
        Ok(())
    }

    /// The twin `twin_id`, if `who` owns it.
    fn owned_twin(who: &T::AccountId, twin_id: u32) -> Result<TwinOf<T>, Error<T>> {
        let twin = Twins::<T>::get(twin_id).ok_or(Error::<T>::TwinNotExists)?;
        ensure!(
            twin.account_id == *who,
            Error::<T>::UnauthorizedToUpdateTwin
        );
        Ok(twin)
    }

    /// Create the twin of `who`, which must have accepted the terms and conditions and must not
    /// be a bonded stash (its balance already backs another twin).
    pub(crate) fn do_create_twin(
        who: &T::AccountId,
        relay: Option<RelayOf>,
        pk: Option<PkOf>,
    ) -> DispatchResult {
        ensure!(
            UsersTermsAndConditions::<T>::contains_key(who),
            Error::<T>::UserDidNotSignTermsAndConditions
        );
        ensure!(
            !TwinIdByAccountID::<T>::contains_key(who),
            Error::<T>::TwinWithPubkeyExists
        );
        ensure!(
            !TwinIdByBoundedAccountID::<T>::contains_key(who),
            Error::<T>::StashAlreadyBonded
        );
        Self::ensure_valid_relay(&relay)?;

        let id = TwinID::<T>::get()
            .checked_add(1)
            .ok_or(Error::<T>::StorageOverflow)?;
        let twin = TwinOf::<T> {
            id,
            account_id: who.clone(),
            relay,
            entities: Default::default(),
            pk,
        };
        Twins::<T>::insert(id, &twin);
        TwinID::<T>::put(id);
        TwinIdByAccountID::<T>::insert(who, id);
        Self::deposit_event(Event::TwinStored(twin));
        Ok(())
    }

    /// Replace the relay and public key of the twin of `who`.
    pub(crate) fn do_update_twin(
        who: &T::AccountId,
        relay: Option<RelayOf>,
        pk: Option<PkOf>,
    ) -> DispatchResult {
        let twin_id = Self::twin_id_of(who)?;
        let mut twin = Self::owned_twin(who, twin_id)?;
        Self::ensure_valid_relay(&relay)?;
        twin.relay = relay;
        twin.pk = pk;
        Twins::<T>::insert(twin_id, &twin);
        Self::deposit_event(Event::TwinUpdated(twin));
        Ok(())
    }

    /// Add to a twin of `who` the signature by which an entity stands behind it. The entity
    /// signed `entity_id ++ twin_id`, both big-endian u32.
    pub(crate) fn do_add_twin_entity(
        who: &T::AccountId,
        twin_id: u32,
        entity_id: u32,
        signature: SignatureOf,
    ) -> DispatchResult {
        let entity = Entities::<T>::get(entity_id).ok_or(Error::<T>::EntityNotExists)?;
        let mut twin = Self::owned_twin(who, twin_id)?;
        let proof = EntityProof {
            entity_id,
            signature,
        };
        ensure!(
            !twin.entities.contains(&proof),
            Error::<T>::EntityWithSignatureAlreadyExists
        );

        ensure!(
            proof.signature.len() == SIGNATURE_HEX_LENGTH as usize,
            Error::<T>::SignatureLengthIsIncorrect
        );
        let raw = validation::decode_signature_hex(&proof.signature)
            .ok_or(Error::<T>::EntitySignatureDoesNotMatch)?;
        let mut message = entity_id.to_be_bytes().to_vec();
        message.extend_from_slice(&twin_id.to_be_bytes());
        ensure!(
            validation::verify_signature(&raw, &message, &entity.account_id),
            Error::<T>::EntitySignatureDoesNotMatch
        );

        let signature = proof.signature.clone().into_inner();
        twin.entities
            .try_push(proof)
            .map_err(|_| Error::<T>::StorageOverflow)?;
        Twins::<T>::insert(twin_id, &twin);
        Self::deposit_event(Event::TwinEntityStored(twin_id, entity_id, signature));
        Ok(())
    }

    /// Remove the (first) proof of `entity_id` from a twin of `who`.
    pub(crate) fn do_delete_twin_entity(
        who: &T::AccountId,
        twin_id: u32,
        entity_id: u32,
    ) -> DispatchResult {
        let mut twin = Self::owned_twin(who, twin_id)?;
        let index = twin
            .entities
            .iter()
            .position(|proof| proof.entity_id == entity_id)
            .ok_or(Error::<T>::EntityNotExists)?;
        twin.entities.remove(index);
        Twins::<T>::insert(twin_id, &twin);
        Self::deposit_event(Event::TwinEntityRemoved(twin_id, entity_id));
        Ok(())
    }

    /// Bond `who`, as stash account, to `twin_id`.
    ///
    /// The stash initiates the bond; its balance then counts towards the twin's billing
    /// discount. A stash backs one twin (`TwinIdByBoundedAccountID`), and an account with a twin
    /// of its own cannot be another twin's stash, since its balance already counts for its own
    /// twin. A twin keeps the stash that bonded first: another account cannot take it over. The
    /// twin's owner calling this on its own twin releases the bond, which is how the owner
    /// refuses a stash (the call names no stash, so the owner cannot approve one beforehand).
    pub(crate) fn do_bond_twin_account(who: T::AccountId, twin_id: u32) -> DispatchResult {
        let twin = Twins::<T>::get(twin_id).ok_or(Error::<T>::TwinNotExists)?;
        let bonded = TwinBoundedAccountID::<T>::get(twin_id);
        if twin.account_id == who {
            let stash = bonded.ok_or(Error::<T>::TwinCannotBoundToItself)?;
            TwinBoundedAccountID::<T>::remove(twin_id);
            TwinIdByBoundedAccountID::<T>::remove(&stash);
        } else {
            ensure!(
                bonded.as_ref().is_none_or(|bonded| *bonded == who),
                Error::<T>::UnauthorizedToUpdateTwin
            );
            ensure!(
                TwinIdByBoundedAccountID::<T>::get(&who).is_none_or(|backed| backed == twin_id),
                Error::<T>::StashAlreadyBonded
            );
            ensure!(
                !TwinIdByAccountID::<T>::contains_key(&who),
                Error::<T>::StashAlreadyBonded
            );
            TwinBoundedAccountID::<T>::insert(twin_id, &who);
            TwinIdByBoundedAccountID::<T>::insert(&who, twin_id);
        }
        Self::deposit_event(Event::TwinAccountBounded(twin_id, who));
        Ok(())
    }
}
