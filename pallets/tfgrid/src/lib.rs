//! # TFGrid pallet
//!
//! The registry of the ThreeFold Grid, mounted in the runtime as `TfgridModule` (index 25). It
//! keeps, under the storage names, hashers and layouts of TFChain 2.9:
//!
//! - **twins** ([`twin`]): the on-grid identity of an account (relay address, encryption key,
//!   entity proofs, bonded stash account), created after the account accepted the terms and
//!   conditions ([`terms_cond`]);
//! - **entities** ([`entity`]): persons or companies that prove ownership of an account with an
//!   ed25519 or sr25519 signature;
//! - **farms** ([`farm`]): named groups of nodes owned by a twin, with public IPv4 addresses,
//!   a payout address, certification and optional farming-policy limits;
//! - **nodes** ([`node`]): the capacity, location, interfaces and public configuration of each
//!   node, its certification, uptime reports and power state;
//! - **pricing and farming policies** ([`policies`]) and a few grid-wide settings (connection
//!   price, ZOS version, node certifiers), governed by `RestrictedOrigin` (the council).
//!
//! Every call checks its origin and delegates to one function of the module of its domain.
//! Other pallets hook in through the traits of `tfchain_support::traits`: the pallet notifies
//! [`Config::NodeChanged`], [`Config::PublicIpModifier`] and [`Config::UptimeReported`], asks
//! [`Config::NodeActiveContracts`] before a node may be powered down or change farm, and implements
//! [`tfchain_support::traits::Tfgrid`].

#![cfg_attr(not(feature = "std"), no_std)]
#![warn(missing_docs)]

extern crate alloc;

pub use pallet::*;
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub mod entity;
pub mod farm;
pub mod interface;
mod invariants;
pub mod node;
pub mod policies;
pub mod terms_cond;
pub mod twin;
pub mod types;
pub mod validation;
pub mod weights;

// The calls take the arguments of the upstream interface, some of them more than seven.
#[allow(clippy::too_many_arguments)]
#[frame_support::pallet]
pub mod pallet {
    use crate::{
        terms_cond::TermsAndConditions,
        types::{StorageVersion, *},
        weights::WeightInfo,
    };
    use alloc::vec::Vec;
    use frame_support::{pallet_prelude::*, traits::EnsureOrigin};
    use frame_system::pallet_prelude::*;
    use tfchain_support::{
        resources::Resources,
        traits::{ChangeNode, NodeActiveContracts, NodeUptimeReported, PublicIpModifier},
        types::{
            FarmCertification, FarmingPolicyLimit, NodeCertification, Power, PowerState,
            PublicConfig,
        },
    };

    /// The TFGrid pallet.
    #[pallet::pallet]
    pub struct Pallet<T>(_);

    /// Configuration of the TFGrid pallet.
    #[pallet::config]
    pub trait Config: frame_system::Config + pallet_timestamp::Config {
        /// The overarching event type.
        #[allow(deprecated)]
        type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;

        /// Origin of the governance calls (Root or 3/5 of the council on tfchain).
        type RestrictedOrigin: EnsureOrigin<Self::RuntimeOrigin>;

        /// Weights of the calls of this pallet.
        type WeightInfo: WeightInfo;

        /// Told about created, updated and deleted nodes and node power-state changes.
        type NodeChanged: ChangeNode<LocationOf<Self>, InterfacesOf<Self>, SerialNumberOf<Self>>;

        /// Told when a public IP held by a contract is taken back from it.
        type PublicIpModifier: PublicIpModifier;

        /// Asked whether a node runs contracts before its farmer may power it down or the node
        /// may move to another farm.
        type NodeActiveContracts: NodeActiveContracts;

        /// Told about every accepted uptime report (the reputation pallet, or `()`).
        type UptimeReported: NodeUptimeReported;

        /// Maximum length of a farm name.
        #[pallet::constant]
        type MaxFarmNameLength: Get<u32>;

        /// Maximum number of public IPs of a farm.
        #[pallet::constant]
        type MaxFarmPublicIps: Get<u32>;

        /// Maximum number of interfaces of a node.
        #[pallet::constant]
        type MaxInterfacesLength: Get<u32>;

        /// Maximum number of addresses of one node interface.
        #[pallet::constant]
        type MaxInterfaceIpsLength: Get<u32>;

        /// How far, in seconds, the timestamp hint of an uptime report may be from the chain's
        /// time.
        #[pallet::constant]
        type TimestampHintDrift: Get<u64>;

        /// Maximum number of nodes in one farm.
        #[pallet::constant]
        type MaxNodesPerFarm: Get<u32>;
    }

    /// Blocks of 6 s in 10 minutes: the rate of the free node calls (see `pallets/tfgrid/README.md`).
    pub const FREE_CALL_INTERVAL_BLOCKS: u32 = 100;

    frame_support::parameter_types! {
        /// The uptime-report interval in force: [`FREE_CALL_INTERVAL_BLOCKS`] unless a chain spec
        /// sets `twox128(":UptimeReportIntervalBlocks:")` (0: no limit, for test chains).
        pub storage UptimeReportIntervalBlocks: u32 = FREE_CALL_INTERVAL_BLOCKS;
        /// The free-node-call interval in force: [`FREE_CALL_INTERVAL_BLOCKS`] unless a chain spec
        /// sets `twox128(":FreeNodeCallIntervalBlocks:")` (0: no limit, for test chains).
        pub storage FreeNodeCallIntervalBlocks: u32 = FREE_CALL_INTERVAL_BLOCKS;
    }

    // The rate limits of the free calls are pallet constants rather than `Config` items so that
    // the test runtimes of the pallets built on this one need no change; both are exposed in the
    // metadata.
    #[pallet::extra_constants]
    impl<T: Config> Pallet<T> {
        /// Minimum number of blocks between two accepted uptime reports of a node
        /// (`report_uptime`, `report_uptime_v2`, sharing the limit); an earlier report fails
        /// with `UptimeReportTooSoon` and pays its fee. ZOS reports every 40 minutes (400
        /// blocks) and once at boot. This is the default; a chain spec may override it (see
        /// [`UptimeReportIntervalBlocks`]).
        #[allow(non_snake_case)]
        pub fn UptimeReportInterval() -> BlockNumberFor<T> {
            FREE_CALL_INTERVAL_BLOCKS.into()
        }

        /// Minimum number of blocks between two *free* `update_node` calls of a node, and
        /// between two free power-state changes (`change_power_state`); a call within the
        /// interval still takes effect but pays its fee. This is the default; a chain spec may
        /// override it (see [`FreeNodeCallIntervalBlocks`]).
        #[allow(non_snake_case)]
        pub fn FreeNodeCallInterval() -> BlockNumberFor<T> {
            FREE_CALL_INTERVAL_BLOCKS.into()
        }

        /// Maximum number of farming policies: `create_farming_policy` beyond it fails with
        /// `StorageOverflow` (choosing a node's policy reads them all).
        #[allow(non_snake_case)]
        pub fn MaxFarmingPolicies() -> u32 {
            MAX_FARMING_POLICIES
        }
    }

    /// Farms by id.
    #[pallet::storage]
    pub type Farms<T: Config> = StorageMap<_, Blake2_128Concat, u32, FarmInfoOf<T>, OptionQuery>;

    /// Ids of the nodes of each farm, in registration order.
    #[pallet::storage]
    pub type NodesByFarmID<T: Config> =
        StorageMap<_, Blake2_128Concat, u32, BoundedVec<u32, T::MaxNodesPerFarm>, ValueQuery>;

    /// Farm id by farm name (0: no such farm).
    #[pallet::storage]
    pub type FarmIdByName<T: Config> =
        StorageMap<_, Blake2_128Concat, FarmNameInput<T>, u32, ValueQuery>;

    /// Stellar payout address of each farm.
    #[pallet::storage]
    pub type FarmPayoutV2AddressByFarmID<T: Config> =
        StorageMap<_, Blake2_128Concat, u32, StellarAddressOf, ValueQuery>;

    /// Nodes by id.
    #[pallet::storage]
    pub type Nodes<T: Config> = StorageMap<_, Blake2_128Concat, u32, TfgridNode<T>, OptionQuery>;

    /// Node id by the twin of the node (0: the twin has no node).
    #[pallet::storage]
    pub type NodeIdByTwinID<T: Config> = StorageMap<_, Blake2_128Concat, u32, u32, ValueQuery>;

    /// Entities by id.
    #[pallet::storage]
    pub type Entities<T: Config> =
        StorageMap<_, Blake2_128Concat, u32, TfgridEntity<T>, OptionQuery>;

    /// Entity id by the entity's account.
    #[pallet::storage]
    pub type EntityIdByAccountID<T: Config> =
        StorageMap<_, Blake2_128Concat, T::AccountId, u32, OptionQuery>;

    /// Entity id by entity name (0: no such entity).
    #[pallet::storage]
    pub type EntityIdByName<T: Config> =
        StorageMap<_, Blake2_128Concat, EntityNameOf, u32, ValueQuery>;

    /// Twins by id.
    #[pallet::storage]
    pub type Twins<T: Config> = StorageMap<_, Blake2_128Concat, u32, TwinOf<T>, OptionQuery>;

    /// Twin id by the twin's account.
    #[pallet::storage]
    pub type TwinIdByAccountID<T: Config> =
        StorageMap<_, Blake2_128Concat, T::AccountId, u32, OptionQuery>;

    /// The stash account bonded to each twin.
    #[pallet::storage]
    pub type TwinBoundedAccountID<T: Config> =
        StorageMap<_, Blake2_128Concat, u32, T::AccountId, OptionQuery>;

    /// Pricing policies by id.
    #[pallet::storage]
    pub type PricingPolicies<T: Config> =
        StorageMap<_, Blake2_128Concat, u32, PricingPolicyOf<T>, OptionQuery>;

    /// Pricing policy id by name (0: no such policy).
    #[pallet::storage]
    pub type PricingPolicyIdByName<T: Config> =
        StorageMap<_, Blake2_128Concat, PolicyNameOf, u32, ValueQuery>;

    /// Farming policies by id (a missing id reads as the all-default policy).
    #[pallet::storage]
    pub type FarmingPoliciesMap<T: Config> =
        StorageMap<_, Blake2_128Concat, u32, FarmingPolicyOf<T>, ValueQuery>;

    /// Terms and conditions each account accepted, oldest first.
    #[pallet::storage]
    pub type UsersTermsAndConditions<T: Config> = StorageMap<
        _,
        Blake2_128Concat,
        T::AccountId,
        BoundedVec<TermsAndConditions<T>, ConstU32<MAX_TERMS_AND_CONDITIONS>>,
        OptionQuery,
    >;

    /// Accounts allowed to set node certifications, sorted.
    #[pallet::storage]
    pub type AllowedNodeCertifiers<T: Config> =
        StorageValue<_, BoundedVec<T::AccountId, ConstU32<MAX_NODE_CERTIFIERS>>, OptionQuery>;

    /// Connection price given to nodes registered from now on.
    #[pallet::storage]
    pub type ConnectionPrice<T> = StorageValue<_, u32, ValueQuery>;

    /// Last farm id handed out.
    #[pallet::storage]
    pub type FarmID<T> = StorageValue<_, u32, ValueQuery>;

    /// Last node id handed out.
    #[pallet::storage]
    pub type NodeID<T> = StorageValue<_, u32, ValueQuery>;

    /// Last entity id handed out.
    #[pallet::storage]
    pub type EntityID<T> = StorageValue<_, u32, ValueQuery>;

    /// Last twin id handed out.
    #[pallet::storage]
    pub type TwinID<T> = StorageValue<_, u32, ValueQuery>;

    /// Last pricing policy id handed out.
    #[pallet::storage]
    pub type PricingPolicyID<T> = StorageValue<_, u32, ValueQuery>;

    /// Last farming policy id handed out.
    #[pallet::storage]
    pub type FarmingPolicyID<T> = StorageValue<_, u32, ValueQuery>;

    /// Storage layout version of the pallet.
    #[pallet::storage]
    pub type PalletVersion<T> = StorageValue<_, StorageVersion, ValueQuery>;

    /// The ZOS version nodes should run.
    #[pallet::storage]
    pub type ZosVersion<T> = StorageValue<_, ZosVersionOf, ValueQuery>;

    /// Power state and power target of each node.
    #[pallet::storage]
    pub type NodePower<T: Config> = StorageMap<
        _,
        Blake2_128Concat,
        u32,
        tfchain_support::types::NodePower<BlockNumberFor<T>>,
        ValueQuery,
    >;

    // New storage items (no upstream counterpart) come after the upstream ones.

    /// The twin each bonded stash account backs (the reverse of `TwinBoundedAccountID`): a
    /// stash backs one twin at a time.
    #[pallet::storage]
    pub type TwinIdByBoundedAccountID<T: Config> =
        StorageMap<_, Blake2_128Concat, T::AccountId, u32, OptionQuery>;

    /// Number of entities created so far for each account: the nonce of the next tagged entity
    /// signature of the account (see [`crate::entity::entity_signature_message`]).
    #[pallet::storage]
    pub type EntityNonceByAccountID<T: Config> =
        StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

    /// What each node took from its farm's farming-policy limits, given back when the node
    /// leaves the farm. Cleared for a farm's nodes when its limits are replaced.
    #[pallet::storage]
    pub type FarmLimitsTakenByNode<T: Config> =
        StorageMap<_, Blake2_128Concat, u32, FarmLimitsTaken, OptionQuery>;

    /// The blocks of each node's last accepted uptime report, last free `update_node` and last
    /// free power-state change: the rate limits of the free calls. Removed with the node.
    #[pallet::storage]
    pub type NodeFreeCalls<T: Config> =
        StorageMap<_, Blake2_128Concat, u32, NodeFreeCallBlocks<BlockNumberFor<T>>, OptionQuery>;

    /// Events of the pallet, in upstream declaration order.
    #[pallet::event]
    #[pallet::generate_deposit(pub(super) fn deposit_event)]
    pub enum Event<T: Config> {
        /// A farm was created.
        FarmStored(FarmInfoOf<T>),
        /// A farm changed.
        FarmUpdated(FarmInfoOf<T>),
        /// Never emitted (farms cannot be deleted).
        FarmDeleted(u32),
        /// A node was registered.
        NodeStored(TfgridNode<T>),
        /// A node changed.
        NodeUpdated(TfgridNode<T>),
        /// A node was deleted.
        NodeDeleted(u32),
        /// A node reported its uptime: `(node_id, now in seconds, uptime)`.
        NodeUptimeReported(u32, u64, u64),
        /// The public config of a node was set or cleared.
        NodePublicConfigStored(u32, Option<PublicConfig>),
        /// An entity was created.
        EntityStored(TfgridEntity<T>),
        /// An entity changed.
        EntityUpdated(TfgridEntity<T>),
        /// An entity was deleted.
        EntityDeleted(u32),
        /// A twin was created.
        TwinStored(TwinOf<T>),
        /// A twin changed.
        TwinUpdated(TwinOf<T>),
        /// An entity proof was added to a twin: `(twin_id, entity_id, signature)`.
        TwinEntityStored(u32, u32, alloc::vec::Vec<u8>),
        /// An entity proof was removed from a twin: `(twin_id, entity_id)`.
        TwinEntityRemoved(u32, u32),
        /// Never emitted (twins cannot be deleted).
        TwinDeleted(u32),
        /// An account was bonded to a twin: `(twin_id, account)`.
        TwinAccountBounded(u32, T::AccountId),
        /// A pricing policy was created or updated.
        PricingPolicyStored(PricingPolicyOf<T>),
        /// A farming policy was created.
        FarmingPolicyStored(FarmingPolicyOf<T>),
        /// The payout address of a farm was set: `(farm_id, address)`.
        FarmPayoutV2AddressRegistered(u32, alloc::vec::Vec<u8>),
        /// Never emitted (`set_farm_dedicated` emits `FarmUpdated`).
        FarmMarkedAsDedicated(u32),
        /// The connection price changed.
        ConnectionPriceSet(u32),
        /// The certification of a node changed.
        NodeCertificationSet(u32, NodeCertification),
        /// An account may now certify nodes.
        NodeCertifierAdded(T::AccountId),
        /// An account may no longer certify nodes.
        NodeCertifierRemoved(T::AccountId),
        /// A farming policy changed.
        FarmingPolicyUpdated(FarmingPolicyOf<T>),
        /// Farming-policy limits were attached to (or, with `None`, detached from) a farm.
        FarmingPolicySet(u32, Option<FarmingPolicyLimit>),
        /// The certification of a farm changed.
        FarmCertificationSet(u32, FarmCertification),
        /// The ZOS version changed.
        ZosVersionUpdated(alloc::vec::Vec<u8>),
        /// A farmer asked a node to power up or down.
        PowerTargetChanged {
            /// Farm of the node.
            farm_id: u32,
            /// The node.
            node_id: u32,
            /// Requested power.
            power_target: Power,
        },
        /// A node reported a new power state.
        PowerStateChanged {
            /// Farm of the node.
            farm_id: u32,
            /// The node.
            node_id: u32,
            /// Reported state.
            power_state: PowerState<BlockNumberFor<T>>,
        },
    }

    /// Errors of the pallet, in upstream declaration order. Variants that no call raises are kept
    /// so that the indices of the others do not move.
    #[pallet::error]
    pub enum Error<T> {
        /// Not raised.
        NoneValue,
        /// A bounded list of the registry is full.
        StorageOverflow,
        /// Not raised.
        CannotCreateNode,
        /// The node does not exist.
        NodeNotExists,
        /// The twin already has a node.
        NodeWithTwinIdExists,
        /// Not raised.
        CannotDeleteNode,
        /// Not raised.
        NodeDeleteNotAuthorized,
        /// The caller may not change this node.
        NodeUpdateNotAuthorized,
        /// A farm with this name exists.
        FarmExists,
        /// The farm does not exist.
        FarmNotExists,
        /// The caller's twin does not belong to the caller.
        CannotCreateFarmWrongTwin,
        /// The caller does not own the farm.
        CannotUpdateFarmWrongTwin,
        /// Not raised.
        CannotDeleteFarm,
        /// Not raised.
        CannotDeleteFarmWithPublicIPs,
        /// Not raised.
        CannotDeleteFarmWithNodesAssigned,
        /// Not raised.
        CannotDeleteFarmWrongTwin,
        /// The farm already has this IP.
        IpExists,
        /// The farm has no such (free) IP.
        IpNotExists,
        /// An entity with this name exists.
        EntityWithNameExists,
        /// The account already is an entity.
        EntityWithPubkeyExists,
        /// The entity does not exist.
        EntityNotExists,
        /// The signature is not valid for the entity.
        EntitySignatureDoesNotMatch,
        /// The twin already holds this entity proof.
        EntityWithSignatureAlreadyExists,
        /// The caller may not update the entity.
        CannotUpdateEntity,
        /// The caller may not delete the entity.
        CannotDeleteEntity,
        /// A signature must be 128 hex characters.
        SignatureLengthIsIncorrect,
        /// Not raised.
        TwinExists,
        /// The twin does not exist.
        TwinNotExists,
        /// The account already has a twin.
        TwinWithPubkeyExists,
        /// Not raised.
        CannotCreateTwin,
        /// The caller may not change the twin.
        UnauthorizedToUpdateTwin,
        /// A twin cannot be bonded to its own account while nothing else is bonded to it.
        TwinCannotBoundToItself,
        /// A pricing policy with this name exists.
        PricingPolicyExists,
        /// The pricing policy does not exist.
        PricingPolicyNotExists,
        /// Another pricing policy has this name.
        PricingPolicyWithDifferentIdExists,
        /// Not raised.
        CertificationCodeExists,
        /// Not raised.
        FarmingPolicyAlreadyExists,
        /// Not raised.
        FarmPayoutAdressAlreadyRegistered,
        /// Not raised.
        FarmerDoesNotHaveEnoughFunds,
        /// The account must accept the terms and conditions first.
        UserDidNotSignTermsAndConditions,
        /// Not raised.
        FarmerDidNotSignTermsAndConditions,
        /// The caller does not own the node's farm.
        FarmerNotAuthorized,
        /// The farm name has a character outside `[a-zA-Z0-9-_]`, or belongs to another farm.
        InvalidFarmName,
        /// The account already is a node certifier.
        AlreadyCertifier,
        /// The account is not a node certifier.
        NotCertifier,
        /// The caller may not certify nodes.
        NotAllowedToCertifyNode,
        /// No farming policy fits.
        FarmingPolicyNotExists,
        /// Not raised.
        RelayTooShort,
        /// Not raised.
        RelayTooLong,
        /// Not raised.
        InvalidRelay,
        /// The farm name is shorter than 3 bytes.
        FarmNameTooShort,
        /// The farm name is longer than `MaxFarmNameLength`.
        FarmNameTooLong,
        /// The public IP or its gateway is invalid, or the farm has no room for it.
        InvalidPublicIP,
        /// Not raised.
        PublicIPTooShort,
        /// Not raised.
        PublicIPTooLong,
        /// Not raised.
        GatewayIPTooShort,
        /// Not raised.
        GatewayIPTooLong,
        /// Not raised.
        IP4TooShort,
        /// Not raised.
        IP4TooLong,
        /// Not raised.
        InvalidIP4,
        /// Not raised.
        GW4TooShort,
        /// Not raised.
        GW4TooLong,
        /// Not raised.
        InvalidGW4,
        /// Not raised.
        IP6TooShort,
        /// Not raised.
        IP6TooLong,
        /// Not raised.
        InvalidIP6,
        /// Not raised.
        GW6TooShort,
        /// Not raised.
        GW6TooLong,
        /// Not raised.
        InvalidGW6,
        /// Not raised.
        DomainTooShort,
        /// Not raised.
        DomainTooLong,
        /// Not raised.
        InvalidDomain,
        /// Not raised.
        MethodIsDeprecated,
        /// The interface name is shorter than 3 bytes.
        InterfaceNameTooShort,
        /// The interface name is longer than 20 bytes.
        InterfaceNameTooLong,
        /// The interface name has a character outside `[a-z0-9-_]`.
        InvalidInterfaceName,
        /// The MAC address is shorter than 17 bytes.
        InterfaceMacTooShort,
        /// The MAC address is longer than 17 bytes.
        InterfaceMacTooLong,
        /// The MAC address is not `xx:xx:xx:xx:xx:xx` hex.
        InvalidMacAddress,
        /// The interface address is shorter than 7 bytes.
        InterfaceIpTooShort,
        /// The interface address is longer than 42 bytes.
        InterfaceIpTooLong,
        /// The interface address is not a plain IPv4 or IPv6 address.
        InvalidInterfaceIP,
        /// The ZOS version is already the current one.
        InvalidZosVersion,
        /// The farming policy can no longer be attached.
        FarmingPolicyExpired,
        /// Not raised (HDD-only nodes are accepted, see `InvalidStorageInput`).
        InvalidHRUInput,
        /// Not raised (SSD-less nodes are accepted, see `InvalidStorageInput`).
        InvalidSRUInput,
        /// The node has no CPU core.
        InvalidCRUInput,
        /// The node has less than 2 GiB of memory.
        InvalidMRUInput,
        /// The latitude is empty.
        LatitudeInputTooShort,
        /// The latitude is longer than 50 bytes.
        LatitudeInputTooLong,
        /// The latitude is not a number between -90 and 90.
        InvalidLatitudeInput,
        /// The longitude is empty.
        LongitudeInputTooShort,
        /// The longitude is longer than 50 bytes.
        LongitudeInputTooLong,
        /// The longitude is not a number between -180 and 180.
        InvalidLongitudeInput,
        /// The country name is shorter than 2 bytes.
        CountryNameTooShort,
        /// The country name is longer than 56 bytes.
        CountryNameTooLong,
        /// Not raised.
        InvalidCountryName,
        /// The city name is empty.
        CityNameTooShort,
        /// The city name is longer than 58 bytes.
        CityNameTooLong,
        /// Not raised.
        InvalidCityName,
        /// Not raised.
        InvalidCountryCityPair,
        /// Not raised.
        SerialNumberTooShort,
        /// The serial number is longer than 128 bytes.
        SerialNumberTooLong,
        /// Not raised.
        InvalidSerialNumber,
        /// The document link is empty.
        DocumentLinkInputTooShort,
        /// The document link is longer than 2048 bytes.
        DocumentLinkInputTooLong,
        /// The document link has a character not allowed in a URL.
        InvalidDocumentLinkInput,
        /// The document hash is empty.
        DocumentHashInputTooShort,
        /// The document hash is longer than 50 bytes.
        DocumentHashInputTooLong,
        /// The document hash has a character outside `[a-zA-Z0-9-_]`.
        InvalidDocumentHashInput,
        /// The public config of the node is invalid.
        InvalidPublicConfig,
        /// The caller does not own the node's farm.
        UnauthorizedToChangePowerTarget,
        /// The node runs contracts, so it cannot be powered down.
        NodeHasActiveContracts,
        /// The relay is not a dot-separated host name of `[a-zA-Z0-9-_]` labels.
        InvalidRelayAddress,
        /// The timestamp hint is more than `TimestampHintDrift` away from the chain's time.
        InvalidTimestampHint,
        /// The node has neither an HDD nor an SSD of at least 100 GiB.
        InvalidStorageInput,
        /// The farming policy is immutable.
        FarmingPolicyImmutable,
        /// The account already backs a twin with its balance: it is the bonded stash of a twin
        /// (one twin per stash), or, for `bond_twin_account`, it has a twin of its own.
        StashAlreadyBonded,
        /// The node's previous uptime report was accepted less than `UptimeReportInterval`
        /// blocks ago.
        UptimeReportTooSoon,
        /// The entity name is longer than 128 bytes.
        EntityNameTooLong,
        /// The pricing or farming policy name is longer than 128 bytes.
        PolicyNameTooLong,
        /// The stellar payout address is longer than 128 bytes.
        StellarAddressTooLong,
        /// The ZOS version is longer than 256 bytes.
        ZosVersionTooLong,
    }

    /// Genesis state: the default pricing policy and the two default farming policies.
    #[pallet::genesis_config]
    #[derive(frame_support::DefaultNoBound)]
    pub struct GenesisConfig<T: Config> {
        /// Storage-unit price.
        pub su_price_value: u32,
        /// Storage-unit price unit (1 Bytes … 5 Terabytes, other values Gigabytes).
        pub su_price_unit: u32,
        /// Network-unit price.
        pub nu_price_value: u32,
        /// Network-unit price unit.
        pub nu_price_unit: u32,
        /// Public-IP price.
        pub ipu_price_value: u32,
        /// Public-IP price unit.
        pub ipu_price_unit: u32,
        /// Compute-unit price.
        pub cu_price_value: u32,
        /// Compute-unit price unit.
        pub cu_price_unit: u32,
        /// Domain-name price.
        pub domain_name_price_value: u32,
        /// Unique-name price.
        pub unique_name_price_value: u32,
        /// Foundation account of the default pricing policy.
        pub foundation_account: Option<T::AccountId>,
        /// Certified-sales account of the default pricing policy.
        pub sales_account: Option<T::AccountId>,
        /// Discount, in percent, for dedicated nodes.
        pub discount_for_dedication_nodes: u8,
        /// DIY farming policy: reward per CU.
        pub farming_policy_diy_cu: u32,
        /// DIY farming policy: reward per NU.
        pub farming_policy_diy_nu: u32,
        /// DIY farming policy: reward per SU.
        pub farming_policy_diy_su: u32,
        /// DIY farming policy: reward per IPv4.
        pub farming_policy_diy_ipu: u32,
        /// DIY farming policy: minimal uptime.
        pub farming_policy_diy_minimal_uptime: u16,
        /// Certified farming policy: reward per CU.
        pub farming_policy_certified_cu: u32,
        /// Certified farming policy: reward per NU.
        pub farming_policy_certified_nu: u32,
        /// Certified farming policy: reward per SU.
        pub farming_policy_certified_su: u32,
        /// Certified farming policy: reward per IPv4.
        pub farming_policy_certified_ipu: u32,
        /// Certified farming policy: minimal uptime.
        pub farming_policy_certified_minimal_uptime: u16,
        /// Connection price of new nodes.
        pub connection_price: u32,
    }

    #[pallet::genesis_build]
    impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
        fn build(&self) {
            crate::policies::build_genesis::<T>(self);
        }
    }

    #[pallet::hooks]
    impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
        #[cfg(feature = "try-runtime")]
        fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
            Self::do_try_state()
        }
    }

    #[pallet::call]
    impl<T: Config> Pallet<T> {
        /// Set the recorded storage layout version (governance).
        #[pallet::call_index(0)]
        #[pallet::weight(<T as Config>::WeightInfo::set_storage_version())]
        pub fn set_storage_version(
            origin: OriginFor<T>,
            version: StorageVersion,
        ) -> DispatchResult {
            T::RestrictedOrigin::ensure_origin(origin)?;
            PalletVersion::<T>::put(version);
            Ok(())
        }

        /// Create a farm owned by the caller's twin.
        #[pallet::call_index(1)]
        #[pallet::weight(<T as Config>::WeightInfo::create_farm(public_ips.len() as u32))]
        pub fn create_farm(
            origin: OriginFor<T>,
            name: FarmNameInput<T>,
            public_ips: PublicIpListInput<T>,
        ) -> DispatchResult {
            let who = ensure_signed(origin)?;
            Self::do_create_farm(&who, name, public_ips)
        }

        /// Rename a farm of the caller.
        #[pallet::call_index(2)]
        #[pallet::weight(<T as Config>::WeightInfo::update_farm())]
        pub fn update_farm(
            origin: OriginFor<T>,
            farm_id: u32,
            name: FarmNameInput<T>,
        ) -> DispatchResult {
            let who = ensure_signed(origin)?;
            Self::do_update_farm(&who, farm_id, name)
        }

        /// Set the stellar payout address of a farm of the caller.
        #[pallet::call_index(3)]
        #[pallet::weight(<T as Config>::WeightInfo::add_stellar_payout_v2address())]
        pub fn add_stellar_payout_v2address(
            origin: OriginFor<T>,
            farm_id: u32,
            stellar_address: Vec<u8>,
        ) -> DispatchResult {
            let who = ensure_signed(origin)?;
            let stellar_address = StellarAddressOf::try_from(stellar_address)
                .map_err(|_| Error::<T>::StellarAddressTooLong)?;
            Self::do_add_stellar_payout_v2address(&who, farm_id, stellar_address)
        }

        /// Set the certification of a farm (governance).
        #[pallet::call_index(4)]
        #[pallet::weight(<T as Config>::WeightInfo::set_farm_certification())]
        pub fn set_farm_certification(
            origin: OriginFor<T>,
            farm_id: u32,
            certification: FarmCertification,
        ) -> DispatchResult {
            T::RestrictedOrigin::ensure_origin(origin)?;
            Self::do_set_farm_certification(farm_id, certification)
        }

        /// Add a public IP to a farm of the caller.
        #[pallet::call_index(5)]
        #[pallet::weight(<T as Config>::WeightInfo::add_farm_ip(T::MaxFarmPublicIps::get()))]
        pub fn add_farm_ip(
            origin: OriginFor<T>,
            farm_id: u32,
            ip: tfchain_support::types::Ip4Bytes,
            gw: tfchain_support::types::Gw4Bytes,
        ) -> DispatchResult {
            let who = ensure_signed(origin)?;
            Self::do_add_farm_ip(&who, farm_id, ip, gw)
        }

        /// Remove a free public IP from a farm of the caller.
        #[pallet::call_index(6)]
        #[pallet::weight(<T as Config>::WeightInfo::remove_farm_ip(T::MaxFarmPublicIps::get()))]
        pub fn remove_farm_ip(
            origin: OriginFor<T>,
            farm_id: u32,
            ip: tfchain_support::types::Ip4Bytes,
        ) -> DispatchResult {
            let who = ensure_signed(origin)?;
            Self::do_remove_farm_ip(&who, farm_id, ip)
        }

        /// Register the caller's twin as a node of a farm.
        #[pallet::call_index(8)]
        #[pallet::weight(<T as Config>::WeightInfo::create_node(
            interfaces.len() as u32,
            T::MaxNodesPerFarm::get(),
        ).saturating_add(T::NodeChanged::node_changed_weight()))]
        pub fn create_node(
            origin: OriginFor<T>,
            farm_id: u32,
            resources: Resources,
            location: LocationInputOf,
            interfaces: InterfaceInput<T>,
            secure_boot: bool,
            virtualized: bool,
            serial_number: Option<SerialNumberInput>,
        ) -> DispatchResult {
            let who = ensure_signed(origin)?;
            Self::do_create_node(
                &who,
                farm_id,
                resources,
                location,
                interfaces,
                secure_boot,
                virtualized,
                serial_number,
            )
        }

        /// Update the node of the caller's twin. Free when it succeeds, at most once per
        /// `FreeNodeCallInterval` blocks.
        #[pallet::call_index(9)]
        #[pallet::weight(Pallet::<T>::update_node_weight(
            interfaces.len() as u32,
            T::MaxNodesPerFarm::get(),
        ))]
        pub fn update_node(
            origin: OriginFor<T>,
            node_id: u32,
            farm_id: u32,
            resources: Resources,
            location: LocationInputOf,
            interfaces: InterfaceInput<T>,
            secure_boot: bool,
            virtualized: bool,
            serial_number: Option<SerialNumberInput>,
        ) -> DispatchResultWithPostInfo {
            let who = ensure_signed(origin)?;
            let interfaces_len = interfaces.len() as u32;
            Self::do_update_node(
                &who,
                node_id,
                farm_id,
                resources,
                location,
                interfaces,
                secure_boot,
                virtualized,
                serial_number,
            )
            .map(
                |(pays, farm_nodes)| frame_support::dispatch::PostDispatchInfo {
                    actual_weight: Some(Self::update_node_weight(interfaces_len, farm_nodes)),
                    pays_fee: pays,
                },
            )
            .map_err(|error| error.into())
        }

        /// Set the certification of a node (governance or an allowed certifier).
        #[pallet::call_index(10)]
        #[pallet::weight(<T as Config>::WeightInfo::set_node_certification())]
        pub fn set_node_certification(
            origin: OriginFor<T>,
            node_id: u32,
            node_certification: NodeCertification,
        ) -> DispatchResult {
            if T::RestrictedOrigin::ensure_origin(origin.clone()).is_err() {
                let who = ensure_signed(origin)?;
                ensure!(
                    Self::is_node_certifier(&who),
                    Error::<T>::NotAllowedToCertifyNode
                );
            }
            Self::do_set_node_certification(node_id, node_certification)
        }

        /// Report the uptime of the caller's node. Free when it succeeds; at most one report per
        /// `UptimeReportInterval` blocks is accepted.
        #[pallet::call_index(11)]
        #[pallet::weight(<T as Config>::WeightInfo::report_uptime()
            .saturating_add(T::UptimeReported::node_uptime_reported_weight()))]
        pub fn report_uptime(origin: OriginFor<T>, uptime: u64) -> DispatchResultWithPostInfo {
            let who = ensure_signed(origin)?;
            Self::do_report_uptime(&who, uptime, Self::now_secs())?;
            Ok(Pays::No.into())
        }

        /// Set or clear the public config of a node in a farm of the caller.
        #[pallet::call_index(12)]
        #[pallet::weight(<T as Config>::WeightInfo::add_node_public_config())]
        pub fn add_node_public_config(
            origin: OriginFor<T>,
            farm_id: u32,
            node_id: u32,
            public_config: Option<PublicConfig>,
        ) -> DispatchResult {
            let who = ensure_signed(origin)?;
            Self::do_add_node_public_config(&who, farm_id, node_id, public_config)
        }

        /// Delete the node of the caller's twin.
        #[pallet::call_index(13)]
        #[pallet::weight(<T as Config>::WeightInfo::delete_node(T::MaxNodesPerFarm::get())
            .saturating_add(T::NodeChanged::node_deleted_weight()))]
        pub fn delete_node(origin: OriginFor<T>, node_id: u32) -> DispatchResultWithPostInfo {
            let who = ensure_signed(origin)?;
            let farm_nodes = Self::do_delete_node(&who, node_id)?;
            Ok(Some(
                <T as Config>::WeightInfo::delete_node(farm_nodes)
                    .saturating_add(T::NodeChanged::node_deleted_weight()),
            )
            .into())
        }

        /// Create an entity for `target`, which signed the tagged entity message (or, for its
        /// first entity only, the bare `name ++ country ++ city`).
        #[pallet::call_index(14)]
        #[pallet::weight(<T as Config>::WeightInfo::create_entity())]
        pub fn create_entity(
            origin: OriginFor<T>,
            target: T::AccountId,
            name: Vec<u8>,
            country: CountryNameInput,
            city: CityNameInput,
            signature: Vec<u8>,
        ) -> DispatchResult {
            ensure_signed(origin)?;
            let name = EntityNameOf::try_from(name).map_err(|_| Error::<T>::EntityNameTooLong)?;
            let signature = SignatureOf::try_from(signature)
                .map_err(|_| Error::<T>::SignatureLengthIsIncorrect)?;
            Self::do_create_entity(target, name, country, city, signature)
        }

        /// Rename and relocate the caller's entity.
        #[pallet::call_index(15)]
        #[pallet::weight(<T as Config>::WeightInfo::update_entity())]
        pub fn update_entity(
            origin: OriginFor<T>,
            name: Vec<u8>,
            country: CountryNameInput,
            city: CityNameInput,
        ) -> DispatchResult {
            let who = ensure_signed(origin)?;
            let name = EntityNameOf::try_from(name).map_err(|_| Error::<T>::EntityNameTooLong)?;
            Self::do_update_entity(&who, name, country, city)
        }

        /// Delete the caller's entity.
        #[pallet::call_index(16)]
        #[pallet::weight(<T as Config>::WeightInfo::delete_entity())]
        pub fn delete_entity(origin: OriginFor<T>) -> DispatchResult {
            let who = ensure_signed(origin)?;
            Self::do_delete_entity(&who)
        }

        /// Create the caller's twin.
        #[pallet::call_index(17)]
        #[pallet::weight(<T as Config>::WeightInfo::create_twin())]
        pub fn create_twin(
            origin: OriginFor<T>,
            relay: Option<RelayOf>,
            pk: Option<PkOf>,
        ) -> DispatchResult {
            let who = ensure_signed(origin)?;
            Self::do_create_twin(&who, relay, pk)
        }

        /// Set the relay and public key of the caller's twin.
        #[pallet::call_index(18)]
        #[pallet::weight(<T as Config>::WeightInfo::update_twin())]
        pub fn update_twin(
            origin: OriginFor<T>,
            relay: Option<RelayOf>,
            pk: Option<PkOf>,
        ) -> DispatchResult {
            let who = ensure_signed(origin)?;
            Self::do_update_twin(&who, relay, pk)
        }

        /// Add to the caller's twin the proof that an entity stands behind it.
        #[pallet::call_index(19)]
        #[pallet::weight(<T as Config>::WeightInfo::add_twin_entity())]
        pub fn add_twin_entity(
            origin: OriginFor<T>,
            twin_id: u32,
            entity_id: u32,
            signature: Vec<u8>,
        ) -> DispatchResult {
            let who = ensure_signed(origin)?;
            let signature = SignatureOf::try_from(signature)
                .map_err(|_| Error::<T>::SignatureLengthIsIncorrect)?;
            Self::do_add_twin_entity(&who, twin_id, entity_id, signature)
        }

        /// Remove an entity proof from the caller's twin.
        #[pallet::call_index(20)]
        #[pallet::weight(<T as Config>::WeightInfo::delete_twin_entity())]
        pub fn delete_twin_entity(
            origin: OriginFor<T>,
            twin_id: u32,
            entity_id: u32,
        ) -> DispatchResult {
            let who = ensure_signed(origin)?;
            Self::do_delete_twin_entity(&who, twin_id, entity_id)
        }

        /// Create a pricing policy (governance).
        #[pallet::call_index(22)]
        #[pallet::weight(<T as Config>::WeightInfo::create_pricing_policy())]
        pub fn create_pricing_policy(
            origin: OriginFor<T>,
            name: Vec<u8>,
            su: Policy,
            cu: Policy,
            nu: Policy,
            ipu: Policy,
            unique_name: Policy,
            domain_name: Policy,
            foundation_account: T::AccountId,
            certified_sales_account: T::AccountId,
            discount_for_dedication_nodes: u8,
        ) -> DispatchResult {
            T::RestrictedOrigin::ensure_origin(origin)?;
            let name = PolicyNameOf::try_from(name).map_err(|_| Error::<T>::PolicyNameTooLong)?;
            Self::do_create_pricing_policy(PricingPolicy {
                version: TFGRID_PRICING_POLICY_VERSION,
                id: 0,
                name,
                su,
                cu,
                nu,
                ipu,
                unique_name,
                domain_name,
                foundation_account,
                certified_sales_account,
                discount_for_dedication_nodes,
            })
        }

        /// Update a pricing policy (governance).
        #[pallet::call_index(23)]
        #[pallet::weight(<T as Config>::WeightInfo::update_pricing_policy())]
        pub fn update_pricing_policy(
            origin: OriginFor<T>,
            pricing_policy_id: u32,
            name: Vec<u8>,
            su: Policy,
            cu: Policy,
            nu: Policy,
            ipu: Policy,
            unique_name: Policy,
            domain_name: Policy,
            foundation_account: T::AccountId,
            certified_sales_account: T::AccountId,
            discount_for_dedication_nodes: u8,
        ) -> DispatchResult {
            T::RestrictedOrigin::ensure_origin(origin)?;
            let name = PolicyNameOf::try_from(name).map_err(|_| Error::<T>::PolicyNameTooLong)?;
            Self::do_update_pricing_policy(PricingPolicy {
                version: TFGRID_PRICING_POLICY_VERSION,
                id: pricing_policy_id,
                name,
                su,
                cu,
                nu,
                ipu,
                unique_name,
                domain_name,
                foundation_account,
                certified_sales_account,
                discount_for_dedication_nodes,
            })
        }

        /// Create a farming policy (governance).
        #[pallet::call_index(24)]
        #[pallet::weight(<T as Config>::WeightInfo::create_farming_policy())]
        pub fn create_farming_policy(
            origin: OriginFor<T>,
            name: Vec<u8>,
            su: u32,
            cu: u32,
            nu: u32,
            ipv4: u32,
            minimal_uptime: u16,
            policy_end: BlockNumberFor<T>,
            immutable: bool,
            default: bool,
            node_certification: NodeCertification,
            farm_certification: FarmCertification,
        ) -> DispatchResult {
            T::RestrictedOrigin::ensure_origin(origin)?;
            let name = PolicyNameOf::try_from(name).map_err(|_| Error::<T>::PolicyNameTooLong)?;
            Self::do_create_farming_policy(FarmingPolicy {
                version: TFGRID_FARMING_POLICY_VERSION,
                id: 0,
                name,
                cu,
                su,
                nu,
                ipv4,
                minimal_uptime,
                policy_created: frame_system::Pallet::<T>::block_number(),
                policy_end,
                immutable,
                default,
                node_certification,
                farm_certification,
            })
        }

        /// Record that the caller accepted a terms-and-conditions document.
        #[pallet::call_index(25)]
        #[pallet::weight(<T as Config>::WeightInfo::user_accept_tc())]
        pub fn user_accept_tc(
            origin: OriginFor<T>,
            document_link: DocumentLinkInput,
            document_hash: DocumentHashInput,
        ) -> DispatchResult {
            let who = ensure_signed(origin)?;
            Self::do_user_accept_tc(who, document_link, document_hash)
        }

        /// Delete a node of a farm of the caller.
        #[pallet::call_index(26)]
        #[pallet::weight(<T as Config>::WeightInfo::delete_node_farm(T::MaxNodesPerFarm::get())
            .saturating_add(T::NodeChanged::node_deleted_weight()))]
        pub fn delete_node_farm(origin: OriginFor<T>, node_id: u32) -> DispatchResultWithPostInfo {
            let who = ensure_signed(origin)?;
            let farm_nodes = Self::do_delete_node_farm(&who, node_id)?;
            Ok(Some(
                <T as Config>::WeightInfo::delete_node_farm(farm_nodes)
                    .saturating_add(T::NodeChanged::node_deleted_weight()),
            )
            .into())
        }

        /// Mark a farm as dedicated or not (governance).
        #[pallet::call_index(27)]
        #[pallet::weight(<T as Config>::WeightInfo::set_farm_dedicated())]
        pub fn set_farm_dedicated(
            origin: OriginFor<T>,
            farm_id: u32,
            dedicated: bool,
        ) -> DispatchResult {
            T::RestrictedOrigin::ensure_origin(origin)?;
            Self::do_set_farm_dedicated(farm_id, dedicated)
        }

        /// Free a farm IP held by a contract (governance).
        #[pallet::call_index(28)]
        #[pallet::weight(<T as Config>::WeightInfo::force_reset_farm_ip(T::MaxFarmPublicIps::get())
            .saturating_add(T::PublicIpModifier::ip_removed_weight()))]
        pub fn force_reset_farm_ip(
            origin: OriginFor<T>,
            farm_id: u32,
            ip: tfchain_support::types::Ip4Bytes,
        ) -> DispatchResult {
            T::RestrictedOrigin::ensure_origin(origin)?;
            Self::do_force_reset_farm_ip(farm_id, ip)
        }

        /// Set the connection price of nodes registered from now on (governance).
        #[pallet::call_index(29)]
        #[pallet::weight(<T as Config>::WeightInfo::set_connection_price())]
        pub fn set_connection_price(origin: OriginFor<T>, price: u32) -> DispatchResult {
            T::RestrictedOrigin::ensure_origin(origin)?;
            ConnectionPrice::<T>::put(price);
            Self::deposit_event(Event::ConnectionPriceSet(price));
            Ok(())
        }

        /// Allow an account to certify nodes (governance).
        #[pallet::call_index(30)]
        #[pallet::weight(<T as Config>::WeightInfo::add_node_certifier())]
        pub fn add_node_certifier(origin: OriginFor<T>, certifier: T::AccountId) -> DispatchResult {
            T::RestrictedOrigin::ensure_origin(origin)?;
            Self::do_add_node_certifier(certifier)
        }

        /// Stop an account from certifying nodes (governance).
        #[pallet::call_index(31)]
        #[pallet::weight(<T as Config>::WeightInfo::remove_node_certifier())]
        pub fn remove_node_certifier(
            origin: OriginFor<T>,
            certifier: T::AccountId,
        ) -> DispatchResult {
            T::RestrictedOrigin::ensure_origin(origin)?;
            Self::do_remove_node_certifier(certifier)
        }

        /// Update a farming policy (governance).
        #[pallet::call_index(32)]
        #[pallet::weight(<T as Config>::WeightInfo::update_farming_policy())]
        pub fn update_farming_policy(
            origin: OriginFor<T>,
            farming_policy_id: u32,
            name: Vec<u8>,
            su: u32,
            cu: u32,
            nu: u32,
            ipv4: u32,
            minimal_uptime: u16,
            policy_end: BlockNumberFor<T>,
            default: bool,
            node_certification: NodeCertification,
            farm_certification: FarmCertification,
        ) -> DispatchResult {
            T::RestrictedOrigin::ensure_origin(origin)?;
            let name = PolicyNameOf::try_from(name).map_err(|_| Error::<T>::PolicyNameTooLong)?;
            Self::do_update_farming_policy(
                farming_policy_id,
                name,
                su,
                cu,
                nu,
                ipv4,
                minimal_uptime,
                policy_end,
                default,
                node_certification,
                farm_certification,
            )
        }

        /// Attach farming-policy limits to a farm, or detach them with `None` (governance).
        #[pallet::call_index(33)]
        ///
        /// Weighed by the farm's node count, read when the call is weighed (the list is bounded by
        /// `MaxNodesPerFarm`, whose full weight would not fit a block).
        #[pallet::weight(<T as Config>::WeightInfo::attach_policy_to_farm(
            NodesByFarmID::<T>::decode_len(farm_id).unwrap_or(0) as u32,
        ))]
        pub fn attach_policy_to_farm(
            origin: OriginFor<T>,
            farm_id: u32,
            limits: Option<FarmingPolicyLimit>,
        ) -> DispatchResultWithPostInfo {
            T::RestrictedOrigin::ensure_origin(origin)?;
            let farm_nodes = Self::do_attach_policy_to_farm(farm_id, limits)?;
            Ok(Some(<T as Config>::WeightInfo::attach_policy_to_farm(farm_nodes)).into())
        }

        /// Set the ZOS version nodes should run (governance).
        #[pallet::call_index(34)]
        #[pallet::weight(<T as Config>::WeightInfo::set_zos_version())]
        pub fn set_zos_version(origin: OriginFor<T>, zos_version: Vec<u8>) -> DispatchResult {
            T::RestrictedOrigin::ensure_origin(origin)?;
            let zos_version =
                ZosVersionOf::try_from(zos_version).map_err(|_| Error::<T>::ZosVersionTooLong)?;
            Self::do_set_zos_version(zos_version)
        }

        /// Report the power state of the caller's node. Free when the state changes, at most once
        /// per `FreeNodeCallInterval` blocks.
        #[pallet::call_index(35)]
        #[pallet::weight(<T as Config>::WeightInfo::change_power_state()
            .saturating_add(T::NodeChanged::node_power_state_changed_weight()))]
        pub fn change_power_state(
            origin: OriginFor<T>,
            power_state: Power,
        ) -> DispatchResultWithPostInfo {
            let who = ensure_signed(origin)?;
            let pays = Self::do_change_power_state(&who, power_state)?;
            Ok(pays.into())
        }

        /// Ask a node of a farm of the caller to power up or down.
        #[pallet::call_index(36)]
        #[pallet::weight(<T as Config>::WeightInfo::change_power_target()
            .saturating_add(T::NodeActiveContracts::node_has_no_active_contracts_weight()))]
        pub fn change_power_target(
            origin: OriginFor<T>,
            node_id: u32,
            power_target: Power,
        ) -> DispatchResult {
            let who = ensure_signed(origin)?;
            Self::do_change_power_target(&who, node_id, power_target)
        }

        /// Bond the caller, as stash account, to a twin (one twin per stash); the twin's owner
        /// calling it on its own twin releases the bond.
        #[pallet::call_index(37)]
        #[pallet::weight(<T as Config>::WeightInfo::bond_twin_account())]
        pub fn bond_twin_account(origin: OriginFor<T>, twin_id: u32) -> DispatchResult {
            let who = ensure_signed(origin)?;
            Self::do_bond_twin_account(who, twin_id)
        }

        /// Report the uptime of the caller's node with the node's own clock. Free when it
        /// succeeds; at most one report per `UptimeReportInterval` blocks is accepted.
        #[pallet::call_index(38)]
        #[pallet::weight(<T as Config>::WeightInfo::report_uptime_v2()
            .saturating_add(T::UptimeReported::node_uptime_reported_weight()))]
        pub fn report_uptime_v2(
            origin: OriginFor<T>,
            uptime: u64,
            timestamp_hint: u64,
        ) -> DispatchResultWithPostInfo {
            let who = ensure_signed(origin)?;
            Self::do_report_uptime(&who, uptime, timestamp_hint)?;
            Ok(Pays::No.into())
        }
    }
}

impl<T: Config> Pallet<T> {
    /// The chain's time in seconds.
    pub fn now_secs() -> u64 {
        use sp_runtime::SaturatedConversion;
        pallet_timestamp::Pallet::<T>::get().saturated_into::<u64>() / 1000
    }

    /// The weight of `update_node` with `interfaces` interfaces in a farm of `farm_nodes` nodes
    /// (0 when the node stays in its farm), with the listeners it calls.
    pub fn update_node_weight(interfaces: u32, farm_nodes: u32) -> frame_support::weights::Weight {
        use tfchain_support::traits::{ChangeNode, NodeActiveContracts};
        <T as Config>::WeightInfo::update_node(interfaces, farm_nodes)
            .saturating_add(T::NodeChanged::node_changed_weight())
            .saturating_add(T::NodeActiveContracts::node_has_no_active_contracts_weight())
    }

    /// The twin of `who`, if it has one.
    pub fn twin_id_of(who: &T::AccountId) -> Result<u32, Error<T>> {
        TwinIdByAccountID::<T>::get(who).ok_or(Error::<T>::TwinNotExists)
    }
}

impl<T: Config> tfchain_support::traits::Tfgrid<T::AccountId, farm::FarmName<T>> for Pallet<T> {
    fn is_farm_owner(farm_id: u32, who: T::AccountId) -> bool {
        Farms::<T>::get(farm_id)
            .and_then(|farm| Twins::<T>::get(farm.twin_id))
            .is_some_and(|twin| twin.account_id == who)
    }
}
