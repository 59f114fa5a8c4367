//! Farms: creation, renaming, payout address, certification, dedication and public IPs.

use crate::{
    types::*, Config, Error, Event, FarmID, FarmIdByName, FarmPayoutV2AddressByFarmID, Farms,
    Pallet, Twins,
};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::marker::PhantomData;
use frame_support::{ensure, traits::Get, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound};
use scale_info::TypeInfo;
use sp_runtime::DispatchResult;
use tfchain_support::{
    traits::PublicIpModifier,
    types::{FarmCertification, Gw4Bytes, Ip4Bytes, PublicIP, IP4},
};

/// A validated farm name: 3 to `MaxFarmNameLength` bytes of `[a-zA-Z0-9-_]`.
#[derive(
    Encode,
    Decode,
    DecodeWithMemTracking,
    TypeInfo,
    MaxEncodedLen,
    CloneNoBound,
    PartialEqNoBound,
    EqNoBound,
    DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct FarmName<T: Config>(FarmNameInput<T>, PhantomData<T>);

impl<T: Config> TryFrom<FarmNameInput<T>> for FarmName<T> {
    type Error = Error<T>;

    fn try_from(name: FarmNameInput<T>) -> Result<Self, Self::Error> {
        ensure!(
            name.len() >= MIN_FARM_NAME_LENGTH as usize,
            Error::<T>::FarmNameTooShort
        );
        ensure!(
            name.len() <= T::MaxFarmNameLength::get() as usize,
            Error::<T>::FarmNameTooLong
        );
        ensure!(
            name.iter()
                .all(|c| c.is_ascii_alphanumeric() || *c == b'-' || *c == b'_'),
            Error::<T>::InvalidFarmName
        );
        Ok(FarmName(name, PhantomData))
    }
}

impl<T: Config> FarmName<T> {
    /// The name as bytes, which is also its key in `FarmIdByName`.
    pub fn as_input(&self) -> &FarmNameInput<T> {
        &self.0
    }
}

impl<T: Config> From<FarmName<T>> for alloc::vec::Vec<u8> {
    fn from(name: FarmName<T>) -> Self {
        name.0.into_inner()
    }
}

impl<T: Config> Pallet<T> {
    /// The farm `farm_id`, if the twin of `who` owns it.
    fn owned_farm(who: &T::AccountId, farm_id: u32) -> Result<FarmInfoOf<T>, Error<T>> {
        let twin_id = Self::twin_id_of(who)?;
        let farm = Farms::<T>::get(farm_id).ok_or(Error::<T>::FarmNotExists)?;
        ensure!(
            farm.twin_id == twin_id,
            Error::<T>::CannotUpdateFarmWrongTwin
        );
        Ok(farm)
    }

    /// The farm `farm_id`, if the account of the twin that owns it is `who` (the check the IP
    /// and public-config calls make, farm first).
    pub(crate) fn farm_of_owner_account(
        who: &T::AccountId,
        farm_id: u32,
    ) -> Result<FarmInfoOf<T>, Error<T>> {
        let farm = Farms::<T>::get(farm_id).ok_or(Error::<T>::FarmNotExists)?;
        let twin = Twins::<T>::get(farm.twin_id).ok_or(Error::<T>::TwinNotExists)?;
        ensure!(
            twin.account_id == *who,
            Error::<T>::CannotUpdateFarmWrongTwin
        );
        Ok(farm)
    }

    /// Create a farm named `name` for the twin of `who`, with the given public IPs (all free).
    pub(crate) fn do_create_farm(
        who: &T::AccountId,
        name: FarmNameInput<T>,
        public_ips: PublicIpListInput<T>,
    ) -> DispatchResult {
        let twin_id = Self::twin_id_of(who)?;
        let twin = Twins::<T>::get(twin_id).ok_or(Error::<T>::TwinNotExists)?;
        ensure!(
            twin.account_id == *who,
            Error::<T>::CannotCreateFarmWrongTwin
        );
        ensure!(
            !FarmIdByName::<T>::contains_key(&name),
            Error::<T>::FarmExists
        );
        let farm_name = FarmName::<T>::try_from(name.clone())?;

        let mut ips = PublicIpListOf::<T>::default();
        for ip in public_ips {
            ip.is_valid().map_err(|_| Error::<T>::InvalidPublicIP)?;
            ensure!(
                !ips.iter().any(|existing| existing.ip == ip.ip),
                Error::<T>::IpExists
            );
            ips.try_push(PublicIP {
                ip: ip.ip,
                gateway: ip.gw,
                contract_id: 0,
            })
            .map_err(|_| Error::<T>::InvalidPublicIP)?;
        }

        let id = FarmID::<T>::get()
            .checked_add(1)
            .ok_or(Error::<T>::StorageOverflow)?;
        let farm = FarmInfoOf::<T> {
            version: TFGRID_FARM_VERSION,
            id,
            name: farm_name,
            twin_id,
            pricing_policy_id: 1,
            certification: FarmCertification::NotCertified,
            public_ips: ips,
            dedicated_farm: false,
            farming_policy_limits: None,
        };
        Farms::<T>::insert(id, &farm);
        FarmIdByName::<T>::insert(name, id);
        FarmID::<T>::put(id);
        Self::deposit_event(Event::FarmStored(farm));
        Ok(())
    }

    /// Rename a farm of `who`. Renaming to its current name is a no-op.
    pub(crate) fn do_update_farm(
        who: &T::AccountId,
        farm_id: u32,
        name: FarmNameInput<T>,
    ) -> DispatchResult {
        let mut farm = Self::owned_farm(who, farm_id)?;
        let new_name = FarmName::<T>::try_from(name.clone())?;
        match FarmIdByName::<T>::get(&name) {
            0 => {}
            id if id == farm_id => return Ok(()),
            _ => return Err(Error::<T>::InvalidFarmName.into()),
        }
        FarmIdByName::<T>::remove(farm.name.as_input());
        FarmIdByName::<T>::insert(&name, farm_id);
        farm.name = new_name;
        Farms::<T>::insert(farm_id, &farm);
        Self::deposit_event(Event::FarmUpdated(farm));
        Ok(())
    }

    /// Set the stellar payout address of a farm of `who`.
    pub(crate) fn do_add_stellar_payout_v2address(
        who: &T::AccountId,
        farm_id: u32,
        stellar_address: StellarAddressOf,
    ) -> DispatchResult {
        Self::owned_farm(who, farm_id)?;
        FarmPayoutV2AddressByFarmID::<T>::insert(farm_id, &stellar_address);
        Self::deposit_event(Event::FarmPayoutV2AddressRegistered(
            farm_id,
            stellar_address.into_inner(),
        ));
        Ok(())
    }

    /// Set the certification of a farm.
    pub(crate) fn do_set_farm_certification(
        farm_id: u32,
        certification: FarmCertification,
    ) -> DispatchResult {
        Farms::<T>::try_mutate(farm_id, |farm| -> DispatchResult {
            let farm = farm.as_mut().ok_or(Error::<T>::FarmNotExists)?;
            farm.certification = certification;
            Ok(())
        })?;
        Self::deposit_event(Event::FarmCertificationSet(farm_id, certification));
        Ok(())
    }

    /// Add a free public IP to a farm of `who`. An IP can be in a farm only once, whatever its
    /// gateway.
    pub(crate) fn do_add_farm_ip(
        who: &T::AccountId,
        farm_id: u32,
        ip: Ip4Bytes,
        gw: Gw4Bytes,
    ) -> DispatchResult {
        let mut farm = Self::farm_of_owner_account(who, farm_id)?;
        let new_ip = IP4 { ip, gw };
        new_ip.is_valid().map_err(|_| Error::<T>::InvalidPublicIP)?;
        ensure!(
            !farm
                .public_ips
                .iter()
                .any(|existing| existing.ip == new_ip.ip),
            Error::<T>::IpExists
        );
        farm.public_ips
            .try_push(PublicIP {
                ip: new_ip.ip,
                gateway: new_ip.gw,
                contract_id: 0,
            })
            .map_err(|_| Error::<T>::InvalidPublicIP)?;
        Farms::<T>::insert(farm_id, &farm);
        Self::deposit_event(Event::FarmUpdated(farm));
        Ok(())
    }

    /// Remove a free public IP from a farm of `who`. An IP held by a contract stays.
    pub(crate) fn do_remove_farm_ip(
        who: &T::AccountId,
        farm_id: u32,
        ip: Ip4Bytes,
    ) -> DispatchResult {
        let mut farm = Self::farm_of_owner_account(who, farm_id)?;
        let index = farm
            .public_ips
            .iter()
            .position(|public_ip| public_ip.ip == ip && public_ip.contract_id == 0)
            .ok_or(Error::<T>::IpNotExists)?;
        farm.public_ips.remove(index);
        Farms::<T>::insert(farm_id, &farm);
        Self::deposit_event(Event::FarmUpdated(farm));
        Ok(())
    }

    /// Mark a farm as dedicated (or not).
    pub(crate) fn do_set_farm_dedicated(farm_id: u32, dedicated: bool) -> DispatchResult {
        let mut farm = Farms::<T>::get(farm_id).ok_or(Error::<T>::FarmNotExists)?;
        farm.dedicated_farm = dedicated;
        Farms::<T>::insert(farm_id, &farm);
        Self::deposit_event(Event::FarmUpdated(farm));
        Ok(())
    }

    /// Mark a public IP of a farm as free again. The contract that held it is told
    /// (`PublicIpModifier::ip_removed`), so it no longer holds nor pays for it.
    pub(crate) fn do_force_reset_farm_ip(farm_id: u32, ip: Ip4Bytes) -> DispatchResult {
        let mut farm = Farms::<T>::get(farm_id).ok_or(Error::<T>::FarmNotExists)?;
        let public_ip = farm
            .public_ips
            .iter_mut()
            .find(|public_ip| public_ip.ip == ip)
            .ok_or(Error::<T>::IpNotExists)?;
        let held = (public_ip.contract_id != 0).then(|| public_ip.clone());
        public_ip.contract_id = 0;
        Farms::<T>::insert(farm_id, &farm);
        if let Some(held) = held {
            T::PublicIpModifier::ip_removed(&held);
        }
        Self::deposit_event(Event::FarmUpdated(farm));
        Ok(())
    }
}
