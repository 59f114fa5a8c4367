//! Records owned by the pallet (entities, twins, policies) and the bounds and aliases of its
//! call arguments and storage values.
//!
//! Field order is SCALE order; bounded vectors encode exactly like plain vectors.

use crate::{
    farm::FarmName,
    interface::{InterfaceIp, InterfaceMac, InterfaceName},
    node::{CityName, CountryName, Location, SerialNumber},
    Config,
};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::ConstU32, BoundedVec};
use scale_info::TypeInfo;
use tfchain_support::types::{
    Farm, FarmCertification, Interface, Node, NodeCertification, PublicIP, IP4,
};

/// Version written into new entity records.
pub const TFGRID_ENTITY_VERSION: u32 = 1;
/// Version written into new farm records.
pub const TFGRID_FARM_VERSION: u32 = 4;
/// Version written into new node records.
pub const TFGRID_NODE_VERSION: u32 = 5;
/// Version written into pricing policies created by a call (the genesis policy has version 1).
pub const TFGRID_PRICING_POLICY_VERSION: u32 = 2;
/// Version written into farming policies created by a call (the genesis policies have version 1).
pub const TFGRID_FARMING_POLICY_VERSION: u32 = 2;

/// Maximum length of a twin's relay address.
pub const MAX_RELAY_LENGTH: u32 = 1024;
/// Maximum length of a twin's public key.
pub const MAX_PK_LENGTH: u32 = 128;
/// Maximum length of an entity name.
pub const MAX_ENTITY_NAME_LENGTH: u32 = 128;
/// Length of an entity signature: 64 bytes written as 128 hex characters.
pub const SIGNATURE_HEX_LENGTH: u32 = 128;
/// Maximum number of entity proofs on one twin.
pub const MAX_TWIN_ENTITIES: u32 = 32;
/// Maximum length of a pricing or farming policy name.
pub const MAX_POLICY_NAME_LENGTH: u32 = 128;
/// Maximum length of a farm's stellar payout address.
pub const MAX_STELLAR_ADDRESS_LENGTH: u32 = 128;
/// Maximum length of the ZOS version string.
pub const MAX_ZOS_VERSION_LENGTH: u32 = 256;
/// Maximum number of accepted terms and conditions kept per account (the oldest is dropped).
pub const MAX_TERMS_AND_CONDITIONS: u32 = 16;
/// Maximum number of accounts allowed to certify nodes.
pub const MAX_NODE_CERTIFIERS: u32 = 100;
/// Maximum number of farming policies (ids are never freed, so the id counter is the count):
/// choosing a node's policy reads them all.
pub const MAX_FARMING_POLICIES: u32 = 32;

/// Minimum length of a city name.
pub const MIN_CITY_NAME_LENGTH: u32 = 1;
/// Maximum length of a city name.
pub const MAX_CITY_NAME_LENGTH: u32 = 58;
/// Minimum length of a country name.
pub const MIN_COUNTRY_NAME_LENGTH: u32 = 2;
/// Maximum length of a country name.
pub const MAX_COUNTRY_NAME_LENGTH: u32 = 56;
/// Minimum length of a latitude or longitude.
pub const MIN_LATITUDE_LENGTH: u32 = 1;
/// Maximum length of a latitude or longitude.
pub const MAX_LATITUDE_LENGTH: u32 = 50;
/// Maximum length of a serial number.
pub const MAX_SERIAL_NUMBER_LENGTH: u32 = 128;
/// Minimum length of an interface name.
pub const MIN_INTERFACE_NAME_LENGTH: u32 = 3;
/// Maximum length of an interface name.
pub const MAX_INTERFACE_NAME_LENGTH: u32 = 20;
/// Length of a MAC address.
pub const INTERFACE_MAC_LENGTH: u32 = 17;
/// Minimum length of an interface address.
pub const MIN_INTERFACE_IP_LENGTH: u32 = 7;
/// Maximum length of an interface address.
pub const MAX_INTERFACE_IP_LENGTH: u32 = 42;
/// Minimum length of a farm name.
pub const MIN_FARM_NAME_LENGTH: u32 = 3;
/// Minimum length of a terms-and-conditions document link.
pub const MIN_DOCUMENT_LINK_LENGTH: u32 = 1;
/// Maximum length of a terms-and-conditions document link.
pub const MAX_DOCUMENT_LINK_LENGTH: u32 = 2048;
/// Minimum length of a terms-and-conditions document hash.
pub const MIN_DOCUMENT_HASH_LENGTH: u32 = 1;
/// Maximum length of a terms-and-conditions document hash.
pub const MAX_DOCUMENT_HASH_LENGTH: u32 = 50;

/// Storage layout versions of the pallet, kept in `PalletVersion`.
#[derive(
    Encode,
    Decode,
    DecodeWithMemTracking,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Default,
    Debug,
    TypeInfo,
    MaxEncodedLen,
)]
pub enum StorageVersion {
    /// Layout version 1.
    V1Struct,
    /// Layout version 2.
    V2Struct,
    /// Layout version 3.
    V3Struct,
    /// Layout version 4.
    V4Struct,
    /// Layout version 5.
    V5Struct,
    /// Layout version 6.
    V6Struct,
    /// Layout version 7.
    V7Struct,
    /// Layout version 8.
    V8Struct,
    /// Layout version 9.
    V9Struct,
    /// Layout version 10.
    V10Struct,
    /// Layout version 11.
    V11Struct,
    /// Layout version 12.
    V12Struct,
    /// Layout version 13.
    V13Struct,
    /// Layout version 14.
    V14Struct,
    /// Layout version 15.
    V15Struct,
    /// Layout version 16.
    V16Struct,
    /// Layout version 17, the current one.
    #[default]
    V17Struct,
}

/// A relay address of a twin.
pub type RelayOf = BoundedVec<u8, ConstU32<MAX_RELAY_LENGTH>>;
/// The public key of a twin.
pub type PkOf = BoundedVec<u8, ConstU32<MAX_PK_LENGTH>>;
/// An entity name.
pub type EntityNameOf = BoundedVec<u8, ConstU32<MAX_ENTITY_NAME_LENGTH>>;
/// A hex-encoded 64-byte signature.
pub type SignatureOf = BoundedVec<u8, ConstU32<SIGNATURE_HEX_LENGTH>>;
/// A pricing or farming policy name.
pub type PolicyNameOf = BoundedVec<u8, ConstU32<MAX_POLICY_NAME_LENGTH>>;
/// A stellar payout address.
pub type StellarAddressOf = BoundedVec<u8, ConstU32<MAX_STELLAR_ADDRESS_LENGTH>>;
/// The ZOS version string.
pub type ZosVersionOf = BoundedVec<u8, ConstU32<MAX_ZOS_VERSION_LENGTH>>;

/// An entity: a person or company that proved ownership of an account by signature.
#[derive(
    Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct Entity<AccountId, City, Country> {
    /// Record version.
    pub version: u32,
    /// Entity id.
    pub id: u32,
    /// Unique name.
    pub name: EntityNameOf,
    /// Account of the entity.
    pub account_id: AccountId,
    /// Country of the entity.
    pub country: Country,
    /// City of the entity.
    pub city: City,
}

/// A twin: the on-grid identity of an account.
#[derive(
    Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct Twin<AccountId> {
    /// Twin id.
    pub id: u32,
    /// Account of the twin.
    pub account_id: AccountId,
    /// Relay address through which the twin is reachable.
    pub relay: Option<RelayOf>,
    /// Entities that signed that they stand behind this twin.
    pub entities: BoundedVec<EntityProof, ConstU32<MAX_TWIN_ENTITIES>>,
    /// Public key used for end-to-end encryption.
    pub pk: Option<PkOf>,
}

/// An entity's signature over `entity_id ++ twin_id`, stored on the twin.
#[derive(
    Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct EntityProof {
    /// The entity.
    pub entity_id: u32,
    /// The signature, as the hex string the entity submitted.
    pub signature: SignatureOf,
}

/// The blocks of a node's last rate-limited free calls (`None`: never).
#[derive(
    Encode,
    Decode,
    DecodeWithMemTracking,
    Clone,
    PartialEq,
    Eq,
    Debug,
    Default,
    TypeInfo,
    MaxEncodedLen,
)]
pub struct NodeFreeCallBlocks<BlockNumber> {
    /// Last accepted uptime report.
    pub uptime_report: Option<BlockNumber>,
    /// Last `update_node` that was free.
    pub update: Option<BlockNumber>,
    /// Last power-state change that was free.
    pub power_state: Option<BlockNumber>,
}

/// What one node took from its farm's farming-policy limits when it got the limits' policy.
#[derive(
    Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct FarmLimitsTaken {
    /// The farm whose limits were used.
    pub farm_id: u32,
    /// Compute units taken (0 when the limits do not count CU).
    pub cu: u64,
    /// Storage units taken (0 when the limits do not count SU).
    pub su: u64,
    /// Nodes taken: 1, or 0 when the limits do not count nodes.
    pub node_count: u32,
}

/// Prices of the grid's resources.
#[derive(
    Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct PricingPolicy<AccountId> {
    /// Record version.
    pub version: u32,
    /// Policy id.
    pub id: u32,
    /// Unique name.
    pub name: PolicyNameOf,
    /// Storage-unit price.
    pub su: Policy,
    /// Compute-unit price.
    pub cu: Policy,
    /// Network-unit price.
    pub nu: Policy,
    /// Public-IP price.
    pub ipu: Policy,
    /// Unique-name price.
    pub unique_name: Policy,
    /// Domain-name price.
    pub domain_name: Policy,
    /// Account of the foundation.
    pub foundation_account: AccountId,
    /// Account receiving the sales of certified capacity.
    pub certified_sales_account: AccountId,
    /// Discount, in percent, for dedicated nodes.
    pub discount_for_dedication_nodes: u8,
}

/// A price and the unit it applies to.
#[derive(
    Encode,
    Decode,
    DecodeWithMemTracking,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Default,
    Debug,
    TypeInfo,
    MaxEncodedLen,
)]
pub struct Policy {
    /// Price per unit.
    pub value: u32,
    /// Unit of the price.
    pub unit: Unit,
}

/// A size unit.
#[derive(
    Encode,
    Decode,
    DecodeWithMemTracking,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Default,
    Debug,
    TypeInfo,
    MaxEncodedLen,
)]
pub enum Unit {
    /// Bytes.
    Bytes,
    /// Kilobytes.
    Kilobytes,
    /// Megabytes.
    Megabytes,
    /// Gigabytes.
    #[default]
    Gigabytes,
    /// Terabytes (the upstream spelling is kept: it is the name clients see).
    Terrabytes,
}

impl Unit {
    /// The 1-based unit numbering of the genesis config: 1 Bytes … 5 Terrabytes; anything else
    /// is Gigabytes.
    pub fn from_u32(unit: u32) -> Unit {
        match unit {
            1 => Unit::Bytes,
            2 => Unit::Kilobytes,
            3 => Unit::Megabytes,
            4 => Unit::Gigabytes,
            5 => Unit::Terrabytes,
            _ => Unit::Gigabytes,
        }
    }

    fn exponent(&self) -> u32 {
        match self {
            Unit::Bytes => 0,
            Unit::Kilobytes => 1,
            Unit::Megabytes => 2,
            Unit::Gigabytes => 3,
            Unit::Terrabytes => 4,
        }
    }
}

impl Policy {
    /// Size of one unit in bytes, counting in powers of 1000.
    pub fn factor_base_1000(&self) -> u128 {
        1000u128.pow(self.unit.exponent())
    }

    /// Size of one unit in bytes, counting in powers of 1024.
    pub fn factor_base_1024(&self) -> u128 {
        1024u128.pow(self.unit.exponent())
    }
}

/// Reward rates of farmed capacity and the certifications they require.
#[derive(
    Encode,
    Decode,
    DecodeWithMemTracking,
    Clone,
    PartialEq,
    Eq,
    Default,
    Debug,
    TypeInfo,
    MaxEncodedLen,
)]
pub struct FarmingPolicy<BlockNumber> {
    /// Record version.
    pub version: u32,
    /// Policy id.
    pub id: u32,
    /// Name of the policy.
    pub name: PolicyNameOf,
    /// Reward per compute unit.
    pub cu: u32,
    /// Reward per storage unit.
    pub su: u32,
    /// Reward per network unit.
    pub nu: u32,
    /// Reward per public IPv4 address.
    pub ipv4: u32,
    /// Minimal uptime, in percent, to earn rewards.
    pub minimal_uptime: u16,
    /// Block the policy was created at.
    pub policy_created: BlockNumber,
    /// Number of blocks after creation during which the policy can be attached (0: forever).
    pub policy_end: BlockNumber,
    /// Whether the policy may no longer be updated.
    pub immutable: bool,
    /// Whether nodes without farm limits may be put on this policy.
    pub default: bool,
    /// Node certification the policy requires (default policies) or grants (attached ones).
    pub node_certification: NodeCertification,
    /// Farm certification the policy requires (default policies) or grants (attached ones).
    pub farm_certification: FarmCertification,
}

impl<BlockNumber> FarmingPolicy<BlockNumber> {
    /// The key policies are ranked by, highest first: default policies before the others, then
    /// the most certified farm, then the most certified node, then the highest id.
    pub fn rank(&self) -> (bool, FarmCertification, NodeCertification, u32) {
        (
            self.default,
            self.farm_certification,
            self.node_certification,
            self.id,
        )
    }
}

/// Location of a node, as submitted.
#[derive(
    Encode,
    Decode,
    DecodeWithMemTracking,
    Clone,
    PartialEq,
    Eq,
    Default,
    Debug,
    TypeInfo,
    MaxEncodedLen,
)]
pub struct LocationInput<City, Country, Latitude, Longitude> {
    /// City.
    pub city: City,
    /// Country.
    pub country: Country,
    /// Latitude, decimal degrees.
    pub latitude: Latitude,
    /// Longitude, decimal degrees.
    pub longitude: Longitude,
}

/// A farm name, as submitted.
pub type FarmNameInput<T> = BoundedVec<u8, <T as Config>::MaxFarmNameLength>;
/// The public IPs of a new farm, as submitted.
pub type PublicIpListInput<T> = BoundedVec<IP4, <T as Config>::MaxFarmPublicIps>;
/// The stored public IPs of a farm.
pub type PublicIpListOf<T> = BoundedVec<PublicIP, <T as Config>::MaxFarmPublicIps>;
/// An interface name, as submitted.
pub type InterfaceNameInput = BoundedVec<u8, ConstU32<MAX_INTERFACE_NAME_LENGTH>>;
/// A MAC address, as submitted.
pub type InterfaceMacInput = BoundedVec<u8, ConstU32<INTERFACE_MAC_LENGTH>>;
/// An interface address, as submitted.
pub type InterfaceIpInput = BoundedVec<u8, ConstU32<MAX_INTERFACE_IP_LENGTH>>;
/// The addresses of one interface, as submitted.
pub type InterfaceIpsInput<T> = BoundedVec<InterfaceIpInput, <T as Config>::MaxInterfaceIpsLength>;
/// The interfaces of a node, as submitted.
pub type InterfaceInput<T> = BoundedVec<
    Interface<InterfaceNameInput, InterfaceMacInput, InterfaceIpsInput<T>>,
    <T as Config>::MaxInterfacesLength,
>;
/// A city name, as submitted.
pub type CityNameInput = BoundedVec<u8, ConstU32<MAX_CITY_NAME_LENGTH>>;
/// A country name, as submitted.
pub type CountryNameInput = BoundedVec<u8, ConstU32<MAX_COUNTRY_NAME_LENGTH>>;
/// A latitude, as submitted.
pub type LatitudeInput = BoundedVec<u8, ConstU32<MAX_LATITUDE_LENGTH>>;
/// A longitude, as submitted.
pub type LongitudeInput = BoundedVec<u8, ConstU32<MAX_LATITUDE_LENGTH>>;
/// A node location, as submitted.
pub type LocationInputOf =
    LocationInput<CityNameInput, CountryNameInput, LatitudeInput, LongitudeInput>;
/// A serial number, as submitted.
pub type SerialNumberInput = BoundedVec<u8, ConstU32<MAX_SERIAL_NUMBER_LENGTH>>;
/// A terms-and-conditions document link, as submitted.
pub type DocumentLinkInput = BoundedVec<u8, ConstU32<MAX_DOCUMENT_LINK_LENGTH>>;
/// A terms-and-conditions document hash, as submitted.
pub type DocumentHashInput = BoundedVec<u8, ConstU32<MAX_DOCUMENT_HASH_LENGTH>>;

/// A stored farm.
pub type FarmInfoOf<T> = Farm<FarmName<T>, PublicIpListOf<T>>;
/// The stored location of a node.
pub type LocationOf<T> = Location<T>;
/// The stored serial number of a node.
pub type SerialNumberOf<T> = SerialNumber<T>;
/// The stored addresses of one interface.
pub type InterfaceIpsOf<T> = BoundedVec<InterfaceIp<T>, <T as Config>::MaxInterfaceIpsLength>;
/// One stored interface of a node.
pub type InterfaceOf<T> = Interface<InterfaceName<T>, InterfaceMac<T>, InterfaceIpsOf<T>>;
/// The stored interfaces of a node.
pub type InterfacesOf<T> = BoundedVec<InterfaceOf<T>, <T as Config>::MaxInterfacesLength>;
/// A stored node.
pub type TfgridNode<T> = Node<LocationOf<T>, InterfacesOf<T>, SerialNumberOf<T>>;
/// A stored entity.
pub type TfgridEntity<T> =
    Entity<<T as frame_system::Config>::AccountId, CityName<T>, CountryName<T>>;
/// A stored twin.
pub type TwinOf<T> = Twin<<T as frame_system::Config>::AccountId>;
/// A stored pricing policy.
pub type PricingPolicyOf<T> = PricingPolicy<<T as frame_system::Config>::AccountId>;
/// A stored farming policy.
pub type FarmingPolicyOf<T> = FarmingPolicy<frame_system::pallet_prelude::BlockNumberFor<T>>;
