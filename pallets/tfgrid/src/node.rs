//! Nodes: registration, updates, deletion, public config, uptime reports, power state and
//! target, certification and the accounts allowed to certify.

use crate::{
    interface::validate_interfaces, types::*, AllowedNodeCertifiers, Config, ConnectionPrice,
    Error, Event, FarmingPoliciesMap, Farms, NodeFreeCalls, NodeID, NodeIdByTwinID, NodePower,
    Nodes, NodesByFarmID, Pallet,
};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::marker::PhantomData;
use frame_support::dispatch::Pays;
use frame_support::{
    ensure, traits::Get, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;
use sp_runtime::{traits::ConstU32, DispatchError, DispatchResult};
use tfchain_support::{
    resources::Resources,
    traits::{ChangeNode, NodeActiveContracts, NodeUptimeReported},
    types::{NodeCertification, Power, PowerState, PublicConfig},
};

/// The latitude or longitude of a location that is not known.
const UNKNOWN: &[u8] = b"Unknown";

/// A validated city name: 1 to 58 bytes.
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
pub struct CityName<T: Config>(CityNameInput, PhantomData<T>);

impl<T: Config> TryFrom<CityNameInput> for CityName<T> {
    type Error = Error<T>;

    fn try_from(city: CityNameInput) -> Result<Self, Self::Error> {
        ensure!(
            city.len() >= MIN_CITY_NAME_LENGTH as usize,
            Error::<T>::CityNameTooShort
        );
        ensure!(
            city.len() <= MAX_CITY_NAME_LENGTH as usize,
            Error::<T>::CityNameTooLong
        );
        Ok(CityName(city, PhantomData))
    }
}

/// A validated country name: 2 to 56 bytes.
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
pub struct CountryName<T: Config>(CountryNameInput, PhantomData<T>);

impl<T: Config> TryFrom<CountryNameInput> for CountryName<T> {
    type Error = Error<T>;

    fn try_from(country: CountryNameInput) -> Result<Self, Self::Error> {
        ensure!(
            country.len() >= MIN_COUNTRY_NAME_LENGTH as usize,
            Error::<T>::CountryNameTooShort
        );
        ensure!(
            country.len() <= MAX_COUNTRY_NAME_LENGTH as usize,
            Error::<T>::CountryNameTooLong
        );
        Ok(CountryName(country, PhantomData))
    }
}

/// A validated node location.
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
pub struct Location<T: Config> {
    /// City.
    pub city: CityName<T>,
    /// Country.
    pub country: CountryName<T>,
    /// Latitude: `Unknown` or decimal degrees in [-90, 90].
    pub latitude: BoundedVec<u8, ConstU32<MAX_LATITUDE_LENGTH>>,
    /// Longitude: `Unknown` or decimal degrees in [-180, 180].
    pub longitude: BoundedVec<u8, ConstU32<MAX_LATITUDE_LENGTH>>,
    _marker: PhantomData<T>,
}

/// True when `value` is `Unknown` or a number (Rust `f32` syntax) within `[-bound, bound]`.
pub fn is_valid_coordinate(value: &[u8], bound: f32) -> bool {
    if value == UNKNOWN {
        return true;
    }
    core::str::from_utf8(value)
        .ok()
        .and_then(|text| text.parse::<f32>().ok())
        .is_some_and(|number| (-bound..=bound).contains(&number))
}

impl<T: Config> TryFrom<LocationInputOf> for Location<T> {
    type Error = Error<T>;

    fn try_from(location: LocationInputOf) -> Result<Self, Self::Error> {
        let city = CityName::<T>::try_from(location.city)?;
        let country = CountryName::<T>::try_from(location.country)?;
        let latitude = location.latitude;
        ensure!(
            latitude.len() >= MIN_LATITUDE_LENGTH as usize,
            Error::<T>::LatitudeInputTooShort
        );
        ensure!(
            latitude.len() <= MAX_LATITUDE_LENGTH as usize,
            Error::<T>::LatitudeInputTooLong
        );
        ensure!(
            is_valid_coordinate(&latitude, 90.0),
            Error::<T>::InvalidLatitudeInput
        );
        let longitude = location.longitude;
        ensure!(
            longitude.len() >= MIN_LATITUDE_LENGTH as usize,
            Error::<T>::LongitudeInputTooShort
        );
        ensure!(
            longitude.len() <= MAX_LATITUDE_LENGTH as usize,
            Error::<T>::LongitudeInputTooLong
        );
        ensure!(
            is_valid_coordinate(&longitude, 180.0),
            Error::<T>::InvalidLongitudeInput
        );
        Ok(Location {
            city,
            country,
            latitude,
            longitude,
            _marker: PhantomData,
        })
    }
}

/// A validated serial number: at most 128 bytes, anything goes.
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
pub struct SerialNumber<T: Config>(SerialNumberInput, PhantomData<T>);

impl<T: Config> TryFrom<SerialNumberInput> for SerialNumber<T> {
    type Error = Error<T>;

    fn try_from(serial: SerialNumberInput) -> Result<Self, Self::Error> {
        ensure!(
            serial.len() <= MAX_SERIAL_NUMBER_LENGTH as usize,
            Error::<T>::SerialNumberTooLong
        );
        Ok(SerialNumber(serial, PhantomData))
    }
}

/// Check the node's capacity: a disk (HDD or SSD) of at least 100 GiB, a CPU core, 2 GiB of
/// memory.
pub fn validate_resources<T: Config>(resources: &Resources) -> Result<(), Error<T>> {
    ensure!(
        resources.validate_storage(),
        Error::<T>::InvalidStorageInput
    );
    ensure!(resources.validate_cru(), Error::<T>::InvalidCRUInput);
    ensure!(resources.validate_mru(), Error::<T>::InvalidMRUInput);
    Ok(())
}

/// The submitted node fields, validated.
struct NodeFields<T: Config> {
    location: LocationOf<T>,
    interfaces: InterfacesOf<T>,
    serial_number: Option<SerialNumberOf<T>>,
}

fn validate_node_fields<T: Config>(
    resources: &Resources,
    location: LocationInputOf,
    interfaces: InterfaceInput<T>,
    serial_number: Option<SerialNumberInput>,
) -> Result<NodeFields<T>, Error<T>> {
    validate_resources::<T>(resources)?;
    let location = Location::<T>::try_from(location)?;
    let interfaces = validate_interfaces::<T>(interfaces)?;
    let serial_number = serial_number.map(SerialNumber::<T>::try_from).transpose()?;
    Ok(NodeFields {
        location,
        interfaces,
        serial_number,
    })
}

impl<T: Config> Pallet<T> {
    /// Register the twin of `who` as a node of `farm_id` (any farm: nodes pick their farm).
    /// Only a node of the farm's own twin may take the farm's farming-policy limits here; any
    /// other node gets a default policy (see [`Self::get_farming_policy`]).
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn do_create_node(
        who: &T::AccountId,
        farm_id: u32,
        resources: Resources,
        location: LocationInputOf,
        interfaces: InterfaceInput<T>,
        secure_boot: bool,
        virtualized: bool,
        serial_number: Option<SerialNumberInput>,
    ) -> DispatchResult {
        let farm = Farms::<T>::get(farm_id).ok_or(Error::<T>::FarmNotExists)?;
        let twin_id = Self::twin_id_of(who)?;
        ensure!(
            !NodeIdByTwinID::<T>::contains_key(twin_id),
            Error::<T>::NodeWithTwinIdExists
        );
        let fields = validate_node_fields::<T>(&resources, location, interfaces, serial_number)?;

        let id = NodeID::<T>::get()
            .checked_add(1)
            .ok_or(Error::<T>::StorageOverflow)?;
        let mut node = TfgridNode::<T> {
            version: TFGRID_NODE_VERSION,
            id,
            farm_id,
            twin_id,
            resources,
            location: fields.location,
            public_config: None,
            created: Self::now_secs(),
            farming_policy_id: 0,
            interfaces: fields.interfaces,
            certification: NodeCertification::Diy,
            secure_boot,
            virtualized,
            serial_number: fields.serial_number,
            connection_price: ConnectionPrice::<T>::get(),
        };
        let policy = Self::get_farming_policy(&node, farm.twin_id == twin_id)?;
        node.farming_policy_id = policy.id;
        node.certification = policy.node_certification;

        NodesByFarmID::<T>::try_mutate(farm_id, |nodes| nodes.try_push(id))
            .map_err(|_| Error::<T>::StorageOverflow)?;
        Nodes::<T>::insert(id, &node);
        NodeID::<T>::put(id);
        NodeIdByTwinID::<T>::insert(twin_id, id);
        T::NodeChanged::node_changed(None, &node);
        Self::deposit_event(Event::NodeStored(node));
        Ok(())
    }

    /// Update the node of the twin of `who`, possibly moving it to another farm. A Certified node
    /// whose capacity changes by more than 1% becomes Diy.
    ///
    /// A node running contracts cannot change farm: their public IPs belong to the current farm
    /// and their terms to its pricing. A moving node gives back what it took from the old farm's
    /// limits and gets its farming policy chosen anew in the new farm, as at registration.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn do_update_node(
        who: &T::AccountId,
        node_id: u32,
        farm_id: u32,
        resources: Resources,
        location: LocationInputOf,
        interfaces: InterfaceInput<T>,
        secure_boot: bool,
        virtualized: bool,
        serial_number: Option<SerialNumberInput>,
    ) -> Result<(Pays, u32), DispatchError> {
        let old_node = Nodes::<T>::get(node_id).ok_or(Error::<T>::NodeNotExists)?;
        let twin_id = Self::twin_id_of(who)?;
        ensure!(
            old_node.twin_id == twin_id,
            Error::<T>::NodeUpdateNotAuthorized
        );
        let farm = Farms::<T>::get(farm_id).ok_or(Error::<T>::FarmNotExists)?;
        let moves = old_node.farm_id != farm_id;
        let mut farm_nodes = 0u32;

        if moves {
            ensure!(
                T::NodeActiveContracts::node_has_no_active_contracts(node_id),
                Error::<T>::NodeHasActiveContracts
            );
            NodesByFarmID::<T>::mutate(old_node.farm_id, |nodes| {
                farm_nodes = nodes.len() as u32;
                nodes.retain(|id| *id != node_id)
            });
            NodesByFarmID::<T>::try_mutate(farm_id, |nodes| {
                farm_nodes = farm_nodes.max(nodes.len() as u32);
                nodes.try_push(node_id)
            })
            .map_err(|_| Error::<T>::StorageOverflow)?;
        }

        let fields = validate_node_fields::<T>(&resources, location, interfaces, serial_number)?;

        let mut node = old_node.clone();
        if Resources::has_changed(&old_node.resources, &resources, 1)
            && node.certification == NodeCertification::Certified
        {
            node.certification = NodeCertification::Diy;
            Self::deposit_event(Event::NodeCertificationSet(node_id, NodeCertification::Diy));
        }
        node.farm_id = farm_id;
        node.resources = resources;
        node.location = fields.location;
        node.interfaces = fields.interfaces;
        node.secure_boot = secure_boot;
        node.virtualized = virtualized;
        node.serial_number = fields.serial_number;
        if moves {
            Self::give_back_farm_limits(node_id);
            node.farming_policy_id = Self::get_farming_policy(&node, farm.twin_id == twin_id)?.id;
        }

        Nodes::<T>::insert(node_id, &node);
        T::NodeChanged::node_changed(Some(&old_node), &node);
        Self::deposit_event(Event::NodeUpdated(node));

        // Free at most once per `FreeNodeCallInterval` blocks.
        let mut calls = NodeFreeCalls::<T>::get(node_id).unwrap_or_default();
        let pays = if Self::interval_passed(
            calls.update,
            crate::FreeNodeCallIntervalBlocks::get().into(),
        ) {
            calls.update = Some(frame_system::Pallet::<T>::block_number());
            NodeFreeCalls::<T>::insert(node_id, calls);
            Pays::No
        } else {
            Pays::Yes
        };
        Ok((pays, farm_nodes))
    }

    /// True when `last` is `None` or at least `interval` blocks ago.
    pub(crate) fn interval_passed(
        last: Option<BlockNumberFor<T>>,
        interval: BlockNumberFor<T>,
    ) -> bool {
        let now = frame_system::Pallet::<T>::block_number();
        last.is_none_or(|last| now >= sp_runtime::Saturating::saturating_add(last, interval))
    }

    /// Set the certification of a node. A node on a default farming policy gets the policy that
    /// fits its new certification, which may be its farm's limits: a certifier vouches for the
    /// node, so it may take them.
    pub(crate) fn do_set_node_certification(
        node_id: u32,
        certification: NodeCertification,
    ) -> DispatchResult {
        let mut node = Nodes::<T>::get(node_id).ok_or(Error::<T>::NodeNotExists)?;
        node.certification = certification;
        if FarmingPoliciesMap::<T>::get(node.farming_policy_id).default {
            Self::give_back_farm_limits(node_id);
            node.farming_policy_id = Self::get_farming_policy(&node, true)?.id;
        }
        Nodes::<T>::insert(node_id, &node);
        Self::deposit_event(Event::NodeUpdated(node));
        Self::deposit_event(Event::NodeCertificationSet(node_id, certification));
        Ok(())
    }

    /// The node of the twin of `who`.
    fn node_of_caller(who: &T::AccountId) -> Result<TfgridNode<T>, Error<T>> {
        let twin_id = Self::twin_id_of(who)?;
        ensure!(
            NodeIdByTwinID::<T>::contains_key(twin_id),
            Error::<T>::NodeNotExists
        );
        Nodes::<T>::get(NodeIdByTwinID::<T>::get(twin_id)).ok_or(Error::<T>::NodeNotExists)
    }

    /// Record an uptime report of the node of `who`, whose clock read `timestamp_hint`.
    pub(crate) fn do_report_uptime(
        who: &T::AccountId,
        uptime: u64,
        timestamp_hint: u64,
    ) -> DispatchResult {
        let node = Self::node_of_caller(who)?;
        let now = Self::now_secs();
        let drift = T::TimestampHintDrift::get();
        ensure!(
            now.saturating_sub(drift) <= timestamp_hint
                && timestamp_hint <= now.saturating_add(drift),
            Error::<T>::InvalidTimestampHint
        );
        let mut calls = NodeFreeCalls::<T>::get(node.id).unwrap_or_default();
        ensure!(
            Self::interval_passed(
                calls.uptime_report,
                crate::UptimeReportIntervalBlocks::get().into()
            ),
            Error::<T>::UptimeReportTooSoon
        );
        calls.uptime_report = Some(frame_system::Pallet::<T>::block_number());
        NodeFreeCalls::<T>::insert(node.id, calls);
        T::UptimeReported::node_uptime_reported(node.id, node.farm_id, now, uptime);
        Self::deposit_event(Event::NodeUptimeReported(node.id, now, uptime));
        Ok(())
    }

    /// Set or clear the public config of a node in a farm of `who`.
    pub(crate) fn do_add_node_public_config(
        who: &T::AccountId,
        farm_id: u32,
        node_id: u32,
        public_config: Option<PublicConfig>,
    ) -> DispatchResult {
        Self::farm_of_owner_account(who, farm_id)?;
        let mut node = Nodes::<T>::get(node_id).ok_or(Error::<T>::NodeNotExists)?;
        ensure!(node.farm_id == farm_id, Error::<T>::NodeUpdateNotAuthorized);
        if let Some(config) = &public_config {
            config
                .is_valid()
                .map_err(|_| Error::<T>::InvalidPublicConfig)?;
        }
        node.public_config = public_config.clone();
        Nodes::<T>::insert(node_id, &node);
        Self::deposit_event(Event::NodePublicConfigStored(node_id, public_config));
        Ok(())
    }

    /// Remove a node and every index entry that refers to it, and give back what it took from
    /// its farm's limits.
    /// Returns the number of nodes the farm had (the size of the list searched).
    fn remove_node(node: &TfgridNode<T>) -> u32 {
        Self::give_back_farm_limits(node.id);
        let mut farm_nodes = 0u32;
        NodesByFarmID::<T>::mutate(node.farm_id, |nodes| {
            farm_nodes = nodes.len() as u32;
            nodes.retain(|id| *id != node.id)
        });
        T::NodeChanged::node_deleted(node);
        Nodes::<T>::remove(node.id);
        NodeIdByTwinID::<T>::remove(node.twin_id);
        NodePower::<T>::remove(node.id);
        NodeFreeCalls::<T>::remove(node.id);
        Self::deposit_event(Event::NodeDeleted(node.id));
        farm_nodes
    }

    /// Delete the node of the twin of `who`; returns the number of nodes its farm had.
    pub(crate) fn do_delete_node(who: &T::AccountId, node_id: u32) -> Result<u32, DispatchError> {
        let node = Nodes::<T>::get(node_id).ok_or(Error::<T>::NodeNotExists)?;
        let twin_id = Self::twin_id_of(who)?;
        ensure!(node.twin_id == twin_id, Error::<T>::NodeUpdateNotAuthorized);
        Ok(Self::remove_node(&node))
    }

    /// Delete a node of a farm of `who`; returns the number of nodes the farm had.
    pub(crate) fn do_delete_node_farm(
        who: &T::AccountId,
        node_id: u32,
    ) -> Result<u32, DispatchError> {
        let twin_id = Self::twin_id_of(who)?;
        let node = Nodes::<T>::get(node_id).ok_or(Error::<T>::NodeNotExists)?;
        let farm = Farms::<T>::get(node.farm_id).ok_or(Error::<T>::FarmNotExists)?;
        ensure!(farm.twin_id == twin_id, Error::<T>::FarmerNotAuthorized);
        Ok(Self::remove_node(&node))
    }

    /// Record the power state the node of `who` reports. Free only when the state changes, at
    /// most once per `FreeNodeCallInterval` blocks.
    pub(crate) fn do_change_power_state(
        who: &T::AccountId,
        power: Power,
    ) -> Result<Pays, DispatchError> {
        let node = Self::node_of_caller(who)?;
        let state = match power {
            Power::Up => PowerState::Up,
            Power::Down => PowerState::Down(frame_system::Pallet::<T>::block_number()),
        };
        let mut node_power = NodePower::<T>::get(node.id);
        if node_power.state != state {
            node_power.state = state.clone();
            NodePower::<T>::insert(node.id, node_power);
            T::NodeChanged::node_power_state_changed(&node);
            Self::deposit_event(Event::PowerStateChanged {
                farm_id: node.farm_id,
                node_id: node.id,
                power_state: state,
            });
            let mut calls = NodeFreeCalls::<T>::get(node.id).unwrap_or_default();
            if Self::interval_passed(
                calls.power_state,
                crate::FreeNodeCallIntervalBlocks::get().into(),
            ) {
                calls.power_state = Some(frame_system::Pallet::<T>::block_number());
                NodeFreeCalls::<T>::insert(node.id, calls);
                return Ok(Pays::No);
            }
        }
        Ok(Pays::Yes)
    }

    /// Record the power a farmer asks a node of its farm to be in. A node running contracts
    /// cannot be asked to go down.
    pub(crate) fn do_change_power_target(
        who: &T::AccountId,
        node_id: u32,
        power_target: Power,
    ) -> DispatchResult {
        let twin_id = Self::twin_id_of(who)?;
        let node = Nodes::<T>::get(node_id).ok_or(Error::<T>::NodeNotExists)?;
        let farm = Farms::<T>::get(node.farm_id).ok_or(Error::<T>::FarmNotExists)?;
        ensure!(
            farm.twin_id == twin_id,
            Error::<T>::UnauthorizedToChangePowerTarget
        );
        if power_target == Power::Down {
            ensure!(
                T::NodeActiveContracts::node_has_no_active_contracts(node_id),
                Error::<T>::NodeHasActiveContracts
            );
        }
        NodePower::<T>::mutate(node_id, |node_power| node_power.target = power_target);
        Self::deposit_event(Event::PowerTargetChanged {
            farm_id: node.farm_id,
            node_id,
            power_target,
        });
        Ok(())
    }

    /// True when `who` is allowed to certify nodes.
    pub fn is_node_certifier(who: &T::AccountId) -> bool {
        AllowedNodeCertifiers::<T>::get()
            .is_some_and(|certifiers| certifiers.binary_search(who).is_ok())
    }

    /// Allow `certifier` to certify nodes.
    pub(crate) fn do_add_node_certifier(certifier: T::AccountId) -> DispatchResult {
        let mut certifiers = AllowedNodeCertifiers::<T>::get().unwrap_or_default();
        let index = match certifiers.binary_search(&certifier) {
            Ok(_) => return Err(Error::<T>::AlreadyCertifier.into()),
            Err(index) => index,
        };
        certifiers
            .try_insert(index, certifier.clone())
            .map_err(|_| Error::<T>::StorageOverflow)?;
        AllowedNodeCertifiers::<T>::put(certifiers);
        Self::deposit_event(Event::NodeCertifierAdded(certifier));
        Ok(())
    }

    /// Stop `certifier` from certifying nodes.
    pub(crate) fn do_remove_node_certifier(certifier: T::AccountId) -> DispatchResult {
        let mut certifiers = AllowedNodeCertifiers::<T>::get().ok_or(Error::<T>::NotCertifier)?;
        let index = certifiers
            .binary_search(&certifier)
            .map_err(|_| Error::<T>::NotCertifier)?;
        certifiers.remove(index);
        AllowedNodeCertifiers::<T>::put(certifiers);
        Self::deposit_event(Event::NodeCertifierRemoved(certifier));
        Ok(())
    }
}
