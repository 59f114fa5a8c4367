//! # Smart-contract pallet
//!
//! Contracts for IT on the ThreeFold Grid and their billing in TFT, mounted in the runtime as
//! `SmartContractModule` (index 26), with the storage names, layouts, calls, events and errors of
//! TFChain 2.9:
//!
//! - **contracts** ([`contract`]): node contracts (a deployment on a node, with public IPs taken
//!   from the node's farm), name contracts (a web-gateway name) and rent contracts (a whole node),
//!   their lifecycle and their cancellation by the owner or the council;
//! - **reports** ([`reports`]): capacity and network usage that nodes report for their contracts;
//! - **billing** ([`billing`], [`cost`], [`billing_loop`]): the chain bills every contract once
//!   per `BillingFrequency` blocks by itself, in each block's `on_initialize` (no offchain worker or
//!   validator key takes part); `bill_contract_for_block` stays for the workers of existing
//!   validators and does nothing for a contract already billed; the cost is reserved on the owner's
//!   account, unpaid cost becomes overdraft and sends the contract into a grace period, and the
//!   reserves are distributed to the staking pool, the foundation and the farmer every
//!   `DistributionFrequency` bills and when the contract ends;
//! - **service contracts** ([`service_contract`]) between two twins, and **solution providers**
//!   ([`solution_provider`]).
//!
//! The pallet answers pallet-tfgrid's hooks ([`grid_hooks`]) and provides the transaction
//! extension [`types::ContractIdProvides`] ([`extension`]).

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

pub mod billing;
pub mod billing_loop;
pub mod contract;
pub mod cost;
pub mod extension;
pub mod fixed;
pub mod grid_hooks;
mod invariants;
pub mod migrations;
pub mod reports;
pub mod service_contract;
pub mod solution_provider;
pub mod teardown;
pub mod types;
pub mod weights;

#[frame_support::pallet]
pub mod pallet {
    use crate::{
        types::{StorageVersion, *},
        weights::WeightInfo,
    };
    use alloc::vec::Vec;
    use frame_support::{
        pallet_prelude::*,
        dispatch::PostDispatchInfo,
        traits::{fungible, Contains, EnsureOrigin, ReservableCurrency},
    };
    use frame_system::pallet_prelude::*;
    use tfchain_support::traits::TftPriceProvider;

    /// The smart-contract pallet.
    #[pallet::pallet]
    pub struct Pallet<T>(_);

    /// Configuration of the smart-contract pallet.
    #[pallet::config]
    pub trait Config: frame_system::Config + pallet_tfgrid::Config {
        /// The overarching event type.
        #[allow(deprecated)]
        type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;

        /// TFT: contract costs are reserved on the owner's account and repatriated to the
        /// beneficiaries. `fungible::Inspect` gives the spendable balance (frozen funds and the
        /// existential deposit excluded).
        type Currency: ReservableCurrency<Self::AccountId> + fungible::Inspect<Self::AccountId>;

        /// The TFT price (average, minimum and maximum), in mUSD per TFT.
        type TftPrice: TftPriceProvider;

        /// The staking pool, which receives 10 % of every distribution.
        type StakingPoolAccount: Get<Self::AccountId>;

        /// Default of the `BillingFrequency` storage value, in blocks.
        type BillingFrequency: Get<u64>;

        /// Seconds the pricing policy's values are quoted for (an hour).
        type BillingReferencePeriod: Get<u64>;

        /// Bills between two distributions of the reserves.
        type DistributionFrequency: Get<u16>;

        /// Blocks a contract stays in its grace period before it is deleted.
        type GracePeriod: Get<u64>;

        /// Accounts whose `bill_contract_for_block` transactions pay no fee (the validators'
        /// billing keys).
        type BillingValidators: Contains<Self::AccountId>;

        /// Origin of the governance calls (Root or 3/5 of the council on tfchain).
        type RestrictedOrigin: EnsureOrigin<Self::RuntimeOrigin>;

        /// Most weight the billing loop uses per block (in `on_initialize`, before any
        /// transaction): at least one bucket visit plus the worst bill, which `integrity_test`
        /// checks.
        type BillingWeightPerBlock: Get<Weight>;

        /// Weights of the calls of this pallet.
        type WeightInfo: WeightInfo;

        /// Maximum length of a name-contract name.
        #[pallet::constant]
        type MaxNameContractNameLength: Get<u32>;

        /// Maximum length of the deployment data of a node contract.
        #[pallet::constant]
        type MaxDeploymentDataLength: Get<u32>;

        /// Maximum number of public IPs of a node contract.
        #[pallet::constant]
        type MaxNodeContractPublicIps: Get<u32>;

        /// Most public traffic, in bytes per second, a node may report for one contract: the
        /// `nru` of a network report is capped at this rate over the report's window.
        #[pallet::constant]
        type MaxNruBytesPerSecond: Get<u64>;

        /// One bill of a node contract reserves at most this multiple of its reference cost
        /// (its node's whole capacity, its IPs and the minimum charge over the billed time); the
        /// rest stays as overdraft.
        #[pallet::constant]
        type MaxBillMultiplier: Get<u32>;

        /// Least a node contract costs, in units-USD (10^-7 USD) per `BillingReferencePeriod`;
        /// node contracts on a rented node are exempt (the rent pays for the node).
        #[pallet::constant]
        type NodeContractMinimumCharge: Get<u64>;

        /// Seconds without a report from its node after which the node's farmer may cancel a
        /// node contract.
        #[pallet::constant]
        type NodeContractReportTimeout: Get<u64>;

        /// Node contracts one twin may hold on one node (the renter of a node is not limited on
        /// it).
        #[pallet::constant]
        type MaxNodeContractsPerTwinPerNode: Get<u32>;
    }

    /// Contracts by id.
    #[pallet::storage]
    pub type Contracts<T: Config> = StorageMap<_, Blake2_128Concat, u64, Contract<T>, OptionQuery>;

    /// Network usage of node contracts not billed yet.
    #[pallet::storage]
    pub type ContractBillingInformationByID<T: Config> =
        StorageMap<_, Blake2_128Concat, u64, ContractBillingInformation, ValueQuery>;

    /// Capacity node contracts use, as reported by their nodes.
    #[pallet::storage]
    pub type NodeContractResources<T: Config> =
        StorageMap<_, Blake2_128Concat, u64, ContractResources, ValueQuery>;

    /// Node contract id by node and deployment hash (0: none).
    #[pallet::storage]
    pub type ContractIDByNodeIDAndHash<T: Config> =
        StorageDoubleMap<_, Blake2_128Concat, u32, Blake2_128Concat, HexHash, u64, ValueQuery>;

    /// Ids of the node contracts running (created or in grace) on each node.
    #[pallet::storage]
    pub type ActiveNodeContracts<T: Config> =
        StorageMap<_, Blake2_128Concat, u32, ActiveContractIds, ValueQuery>;

    /// The billing loop: contract ids by bucket (`contract_id % BillingFrequency`); the bucket
    /// `block % BillingFrequency` is billed at each block.
    #[pallet::storage]
    pub type ContractsToBillAt<T: Config> =
        StorageMap<_, Blake2_128Concat, u64, BillingBucket, ValueQuery>;

    /// The 2.7 billing locks; no longer written (kept for interface parity).
    #[pallet::storage]
    pub type ContractLock<T: Config> =
        StorageMap<_, Blake2_128Concat, u64, crate::types::ContractLock<BalanceOf<T>>, ValueQuery>;

    /// Name contract id by name (0: none).
    #[pallet::storage]
    pub type ContractIDByNameRegistration<T: Config> =
        StorageMap<_, Blake2_128Concat, NameContractName<T>, u64, ValueQuery>;

    /// The rent contract of each rented node.
    #[pallet::storage]
    pub type ActiveRentContractForNode<T: Config> =
        StorageMap<_, Blake2_128Concat, u32, u64, OptionQuery>;

    /// Last contract id handed out.
    #[pallet::storage]
    pub type ContractID<T> = StorageValue<_, u64, ValueQuery>;

    /// Solution providers by id.
    #[pallet::storage]
    pub type SolutionProviders<T: Config> =
        StorageMap<_, Blake2_128Concat, u64, SolutionProvider<T::AccountId>, OptionQuery>;

    /// Last solution provider id handed out.
    #[pallet::storage]
    pub type SolutionProviderID<T> = StorageValue<_, u64, ValueQuery>;

    /// Storage layout version of the pallet.
    #[pallet::storage]
    pub type PalletVersion<T> = StorageValue<_, StorageVersion, ValueQuery>;

    /// Default of [`BillingFrequency`]: the configured value.
    #[pallet::type_value]
    pub fn DefaultBillingFrequency<T: Config>() -> u64 {
        T::BillingFrequency::get()
    }

    /// Blocks between two bills of a contract (the number of billing-loop buckets).
    #[pallet::storage]
    pub type BillingFrequency<T> = StorageValue<_, u64, ValueQuery, DefaultBillingFrequency<T>>;

    /// Service contracts by id.
    #[pallet::storage]
    pub type ServiceContracts<T: Config> =
        StorageMap<_, Blake2_128Concat, u64, ServiceContract, OptionQuery>;

    /// Last service contract id handed out.
    #[pallet::storage]
    pub type ServiceContractID<T> = StorageValue<_, u64, ValueQuery>;

    /// Stage of the historical v9 clean-up; never set on this chain (kept for interface parity).
    #[pallet::storage]
    pub type CurrentMigrationStage<T> = StorageValue<_, u8, OptionQuery>;

    /// Extra fee of dedicated nodes, in mUSD per month.
    #[pallet::storage]
    pub type DedicatedNodesExtraFee<T: Config> =
        StorageMap<_, Blake2_128Concat, u32, u64, ValueQuery>;

    /// Billing state (reserves, overdrafts, last bill, cycles) of each contract.
    #[pallet::storage]
    pub type ContractPaymentState<T: Config> = StorageMap<
        _,
        Blake2_128Concat,
        u64,
        crate::types::ContractPaymentState<BalanceOf<T>>,
        OptionQuery,
    >;

    /// Time (seconds) of the last report (capacity or network usage) the node of each node
    /// contract sent about it, or of the contract's creation.
    #[pallet::storage]
    pub type NodeContractLastReport<T: Config> =
        StorageMap<_, Blake2_128Concat, u64, u64, OptionQuery>;

    /// Number of node contracts of each twin (first key) on each node (second key).
    #[pallet::storage]
    pub type TwinNodeContractCount<T: Config> =
        StorageDoubleMap<_, Blake2_128Concat, u32, Blake2_128Concat, u32, u32, ValueQuery>;

    /// Block of the last `bill_contract_for_block` of each contract: it is billed once per
    /// billing cycle.
    #[pallet::storage]
    pub type ContractLastBilledBlock<T: Config> =
        StorageMap<_, Blake2_128Concat, u64, u64, OptionQuery>;

    /// Block of the last change of the fees or metadata of each service contract: no approval
    /// is accepted in that block.
    #[pallet::storage]
    pub type ServiceContractTermsChangedAt<T: Config> =
        StorageMap<_, Blake2_128Concat, u64, u64, OptionQuery>;

    /// Nodes whose contracts are being ended, a few per block in `on_idle` (node deletion, or
    /// the end of the node's rent), with what billing needs of the node meanwhile.
    #[pallet::storage]
    pub type NodesToTearDown<T: Config> = StorageMap<
        _,
        Blake2_128Concat,
        u32,
        crate::types::NodeTeardown<T::AccountId>,
        OptionQuery,
    >;

    /// A billing-frequency change whose contracts `on_idle` is still moving to their new
    /// buckets.
    #[pallet::storage]
    pub type PendingBillingFrequencyMove<T> =
        StorageValue<_, crate::types::BillingFrequencyMove, OptionQuery>;

    /// How far the chain's billing loop got (see [`billing_loop`](crate::billing_loop)); absent
    /// until its first block.
    #[pallet::storage]
    pub type BillingLoopCursor<T> = StorageValue<_, crate::types::BillingCursor, OptionQuery>;

    /// Events of the pallet, in upstream declaration order.
    #[pallet::event]
    #[pallet::generate_deposit(pub(super) fn deposit_event)]
    pub enum Event<T: Config> {
        /// A contract was created.
        ContractCreated(Contract<T>),
        /// A contract changed.
        ContractUpdated(Contract<T>),
        /// A node contract ended.
        NodeContractCanceled {
            /// The contract.
            contract_id: u64,
            /// Its node.
            node_id: u32,
            /// Its owner.
            twin_id: u32,
        },
        /// A name contract ended.
        NameContractCanceled {
            /// The contract.
            contract_id: u64,
        },
        /// Never emitted.
        IPsReserved {
            /// The contract.
            contract_id: u64,
            /// The IPs.
            public_ips: PublicIpsOf<T>,
        },
        /// The public IPs of a node contract went back to the farm.
        IPsFreed {
            /// The contract.
            contract_id: u64,
            /// The IPs.
            public_ips: PublicIpsOf<T>,
        },
        /// Deprecated; never emitted.
        ContractDeployed(u64, T::AccountId),
        /// Deprecated; never emitted.
        ConsumptionReportReceived(Consumption),
        /// A bill reserved funds.
        ContractBilled(ContractBill),
        /// No longer emitted (nothing is burned since TFChain 2.9).
        TokensBurned {
            /// The contract.
            contract_id: u64,
            /// TFT units burned.
            amount: BalanceOf<T>,
        },
        /// A node reported the capacity a contract uses.
        UpdatedUsedResources(ContractResources),
        /// A node reported the network usage of a contract.
        NruConsumptionReportReceived(NruConsumption),
        /// A rent contract ended.
        RentContractCanceled {
            /// The contract.
            contract_id: u64,
        },
        /// A contract could not pay and entered its grace period.
        ContractGracePeriodStarted {
            /// The contract.
            contract_id: u64,
            /// Its node (0 for a name contract).
            node_id: u32,
            /// Its owner.
            twin_id: u32,
            /// Block the grace period started at.
            block_number: u64,
        },
        /// A contract paid its debt and left its grace period.
        ContractGracePeriodEnded {
            /// The contract.
            contract_id: u64,
            /// Its node (0 for a name contract).
            node_id: u32,
            /// Its owner.
            twin_id: u32,
        },
        /// A solution provider was created.
        SolutionProviderCreated(SolutionProvider<T::AccountId>),
        /// A solution provider was approved or disapproved.
        SolutionProviderApproved(u64, bool),
        /// A service contract was created.
        ServiceContractCreated(ServiceContract),
        /// The metadata of a service contract was set.
        ServiceContractMetadataSet(ServiceContract),
        /// The fees of a service contract were set.
        ServiceContractFeesSet(ServiceContract),
        /// A party approved a service contract.
        ServiceContractApproved(ServiceContract),
        /// A service contract ended.
        ServiceContractCanceled {
            /// The service contract.
            service_contract_id: u64,
            /// Why.
            cause: Cause,
        },
        /// A service contract was billed.
        ServiceContractBilled {
            /// The service contract after the bill.
            service_contract: ServiceContract,
            /// The bill.
            bill: ServiceContractBill,
            /// TFT units transferred to the service.
            amount: BalanceOf<T>,
        },
        /// The billing frequency changed.
        BillingFrequencyChanged(u64),
        /// The extra fee of a dedicated node was set.
        NodeExtraFeeSet {
            /// The node.
            node_id: u32,
            /// mUSD per month.
            extra_fee: u64,
        },
        /// A rent contract was not billed because its node is in standby.
        RentWaived {
            /// The contract.
            contract_id: u64,
        },
        /// A contract's grace period elapsed; the contract is deleted.
        ContractGracePeriodElapsed {
            /// The contract.
            contract_id: u64,
            /// Blocks since the grace period started.
            grace_period: u64,
        },
        /// A bill could only reserve part of the cost; the rest is overdraft.
        ContractPaymentOverdrawn {
            /// The contract.
            contract_id: u64,
            /// Bill time, in seconds.
            timestamp: u64,
            /// TFT units reserved by this bill.
            partially_billed_amount: BalanceOf<T>,
            /// TFT units of this period's cost left unpaid.
            overdraft: BalanceOf<T>,
        },
        /// The reserves of a contract were paid out to the beneficiaries.
        RewardDistributed {
            /// The contract.
            contract_id: u64,
            /// Standard reserve distributed.
            standard_rewards: BalanceOf<T>,
            /// Extra-fee reserve paid to the farmer.
            additional_rewards: BalanceOf<T>,
        },
    }

    /// Errors of the pallet, in upstream declaration order. Variants that no call raises are kept
    /// so that the indices of the others do not move.
    #[pallet::error]
    pub enum Error<T> {
        /// The twin does not exist (or the caller has none).
        TwinNotExists,
        /// The node does not exist.
        NodeNotExists,
        /// The farm does not exist.
        FarmNotExists,
        /// The farm has fewer public IPs than requested.
        FarmHasNotEnoughPublicIPs,
        /// The farm has not enough free public IPs.
        FarmHasNotEnoughPublicIPsFree,
        /// The contract's IP list is full.
        FailedToReserveIP,
        /// Not raised.
        FailedToFreeIPs,
        /// The contract does not exist.
        ContractNotExists,
        /// Only the owner may update the contract.
        TwinNotAuthorizedToUpdateContract,
        /// Only the owner may cancel the contract.
        TwinNotAuthorizedToCancelContract,
        /// Not raised.
        NodeNotAuthorizedToDeployContract,
        /// The contract does not run on the reporting node.
        NodeNotAuthorizedToComputeReport,
        /// The pricing policy does not exist.
        PricingPolicyNotExists,
        /// A live contract with this deployment hash exists on the node.
        ContractIsNotUnique,
        /// The contract is not in its billing-loop bucket, or not due: `bill_contract_for_block`
        /// bills a contract in the first blocks of its billing cycle, once per cycle.
        ContractWrongBillingLoopIndex,
        /// The name is taken.
        NameExists,
        /// The name has characters other than `a-z`, `0-9`, `-` and `_`.
        NameNotValid,
        /// The operation does not apply to this kind of contract.
        InvalidContractType,
        /// The TFT price is zero.
        TFTPriceValueError,
        /// Not raised.
        NotEnoughResourcesOnNode,
        /// Not raised.
        NodeNotAuthorizedToReportResources,
        /// Not raised.
        MethodIsDeprecated,
        /// The node runs contracts.
        NodeHasActiveContracts,
        /// The node is rented.
        NodeHasRentContract,
        /// Not raised.
        FarmIsNotDedicated,
        /// The node is in standby, dedicated or rented by another twin.
        NodeNotAvailableToDeploy,
        /// The contract is in its grace period.
        CannotUpdateContractInGraceState,
        /// A counter or a bounded list of the pallet is full.
        NumOverflow,
        /// Offchain worker only: no key to sign with.
        OffchainSignedTxCannotSign,
        /// Offchain worker only: the transaction could not be submitted.
        OffchainSignedTxAlreadySent,
        /// Offchain worker only: no local account.
        OffchainSignedTxNoLocalAccountAvailable,
        /// The name is shorter than 3 bytes.
        NameContractNameTooShort,
        /// The name is longer than `MaxNameContractNameLength`.
        NameContractNameTooLong,
        /// The takes of the providers exceed 50 %.
        InvalidProviderConfiguration,
        /// The solution provider does not exist.
        NoSuchSolutionProvider,
        /// The solution provider is not approved.
        SolutionProviderNotApproved,
        /// The caller is not a party of the service contract.
        TwinNotAuthorized,
        /// The service contract does not exist.
        ServiceContractNotExists,
        /// A twin cannot contract with itself.
        ServiceContractCreationNotAllowed,
        /// Both parties approved; the service contract can no longer change.
        ServiceContractModificationNotAllowed,
        /// The service contract is not ready for approval.
        ServiceContractApprovalNotAllowed,
        /// The service contract is not ready for rejection.
        ServiceContractRejectionNotAllowed,
        /// The service contract is not approved by both parties.
        ServiceContractBillingNotApprovedByBoth,
        /// The variable amount exceeds the variable fee of the window.
        ServiceContractBillingVariableAmountTooHigh,
        /// The bill metadata is longer than 50 bytes.
        ServiceContractBillMetadataTooLong,
        /// The metadata is longer than 64 bytes.
        ServiceContractMetadataTooLong,
        /// The consumer cannot pay the bill.
        ServiceContractNotEnoughFundsToPayBill,
        /// The billing frequency can only increase.
        CanOnlyIncreaseFrequency,
        /// Not raised.
        IsNotAnAuthority,
        /// Not raised.
        WrongAuthority,
        /// The caller may not attach a solution provider to this contract.
        UnauthorizedToChangeSolutionProviderId,
        /// Only the farmer may set the extra fee of a node.
        UnauthorizedToSetExtraFee,
        /// A beneficiary received less than its share.
        RewardDistributionError,
        /// The contract has no billing state.
        ContractPaymentStateNotExists,
        /// The twin holds `MaxNodeContractsPerTwinPerNode` node contracts on the node.
        TwinHasTooManyContractsOnNode,
        /// The contracts of the last billing-frequency change are still being moved.
        BillingFrequencyChangeInProgress,
        /// A call carries more than `MAX_REPORTS` (1 024) reports.
        TooManyReports,
        /// A solution provider has more than `MAX_PROVIDERS` (16) providers.
        TooManyProviders,
        /// A solution provider's description is longer than 512 bytes.
        SolutionProviderDescriptionTooLong,
        /// A solution provider's link is longer than 512 bytes.
        SolutionProviderLinkTooLong,
    }

    /// Genesis: the billing frequency.
    #[pallet::genesis_config]
    #[derive(frame_support::DefaultNoBound)]
    pub struct GenesisConfig<T: Config> {
        /// Blocks between two bills of a contract (0: the configured default).
        pub billing_frequency: u64,
        #[serde(skip)]
        /// Marker.
        pub _config: core::marker::PhantomData<T>,
    }

    #[pallet::genesis_build]
    impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
        fn build(&self) {
            if self.billing_frequency > 0 {
                BillingFrequency::<T>::put(self.billing_frequency);
            }
            PalletVersion::<T>::put(StorageVersion::V12);
        }
    }

    #[pallet::hooks]
    impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
        /// Ends the contracts of deleted nodes and ended rents, then moves contracts to their
        /// buckets after a billing-frequency change, within `remaining_weight`.
        fn on_idle(_n: BlockNumberFor<T>, remaining_weight: Weight) -> Weight {
            Self::do_on_idle(remaining_weight)
        }

        /// Bills the contracts due, before any transaction, within `BillingWeightPerBlock` (see
        /// [`billing_loop`](crate::billing_loop)).
        fn on_initialize(_n: BlockNumberFor<T>) -> Weight {
            let mut meter = frame_support::weights::WeightMeter::with_limit(T::BillingWeightPerBlock::get());
            Self::bill_due_contracts(Self::current_block(), &mut meter);
            meter.consumed()
        }

        fn integrity_test() {
            Self::check_billing_budget();
        }

        #[cfg(feature = "try-runtime")]
        fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
            Self::do_try_state()
        }
    }

    #[pallet::call]
    impl<T: Config> Pallet<T> {
        /// Deploy on a node: a unique deployment hash per node, with `public_ips` IPs taken from
        /// the node's farm.
        #[pallet::call_index(0)]
        #[pallet::weight(<T as Config>::WeightInfo::create_node_contract())]
        pub fn create_node_contract(
            origin: OriginFor<T>,
            node_id: u32,
            deployment_hash: HexHash,
            deployment_data: DeploymentDataInput<T>,
            public_ips: u32,
            solution_provider_id: Option<u64>,
        ) -> DispatchResult {
            let who = ensure_signed(origin)?;
            Self::do_create_node_contract(
                &who,
                node_id,
                deployment_hash,
                deployment_data,
                public_ips,
                solution_provider_id,
            )
        }

        /// Change the deployment of a node contract.
        #[pallet::call_index(1)]
        #[pallet::weight(<T as Config>::WeightInfo::update_node_contract())]
        pub fn update_node_contract(
            origin: OriginFor<T>,
            contract_id: u64,
            deployment_hash: HexHash,
            deployment_data: DeploymentDataInput<T>,
        ) -> DispatchResult {
            let who = ensure_signed(origin)?;
            Self::do_update_node_contract(&who, contract_id, deployment_hash, deployment_data)
        }

        /// Cancel a contract of the caller; its last period is billed.
        #[pallet::call_index(2)]
        #[pallet::weight(Pallet::<T>::cancel_weight())]
        pub fn cancel_contract(origin: OriginFor<T>, contract_id: u64) -> DispatchResult {
            let who = ensure_signed(origin)?;
            Self::do_cancel_contract_of(&who, contract_id)
        }

        /// Register a web-gateway name.
        #[pallet::call_index(4)]
        #[pallet::weight(<T as Config>::WeightInfo::create_name_contract())]
        pub fn create_name_contract(origin: OriginFor<T>, name: Vec<u8>) -> DispatchResult {
            let who = ensure_signed(origin)?;
            Self::do_create_name_contract(&who, name)
        }

        /// Network usage of contracts on the caller's node, at most `MAX_REPORTS` reports.
        /// Free of fees.
        #[pallet::call_index(5)]
        #[pallet::weight(<T as Config>::WeightInfo::add_nru_reports(
            reports.len().min(MAX_REPORTS as usize) as u32
        ))]
        pub fn add_nru_reports(
            origin: OriginFor<T>,
            reports: Vec<NruConsumption>,
        ) -> DispatchResultWithPostInfo {
            let who = ensure_signed(origin)?;
            Self::do_add_nru_reports(&who, reports)?;
            Ok(Pays::No.into())
        }

        /// Capacity used by contracts on the caller's node, at most `MAX_REPORTS` reports.
        /// Free of fees.
        #[pallet::call_index(6)]
        #[pallet::weight(<T as Config>::WeightInfo::report_contract_resources(
            contract_resources.len().min(MAX_REPORTS as usize) as u32
        ))]
        pub fn report_contract_resources(
            origin: OriginFor<T>,
            contract_resources: Vec<ContractResources>,
        ) -> DispatchResultWithPostInfo {
            let who = ensure_signed(origin)?;
            Self::do_report_contract_resources(&who, contract_resources)?;
            Ok(Pays::No.into())
        }

        /// Rent a whole node.
        #[pallet::call_index(7)]
        #[pallet::weight(<T as Config>::WeightInfo::create_rent_contract())]
        pub fn create_rent_contract(
            origin: OriginFor<T>,
            node_id: u32,
            solution_provider_id: Option<u64>,
        ) -> DispatchResult {
            let who = ensure_signed(origin)?;
            Self::do_create_rent_contract(&who, node_id, solution_provider_id)
        }

        /// Register a solution provider (approved later by the council).
        #[pallet::call_index(8)]
        #[pallet::weight(<T as Config>::WeightInfo::create_solution_provider())]
        pub fn create_solution_provider(
            origin: OriginFor<T>,
            description: Vec<u8>,
            link: Vec<u8>,
            providers: Vec<Provider<T::AccountId>>,
        ) -> DispatchResult {
            ensure_signed(origin)?;
            Self::do_create_solution_provider(description, link, providers)
        }

        /// Approve or disapprove a solution provider.
        #[pallet::call_index(9)]
        #[pallet::weight(<T as Config>::WeightInfo::approve_solution_provider())]
        pub fn approve_solution_provider(
            origin: OriginFor<T>,
            solution_provider_id: u64,
            approve: bool,
        ) -> DispatchResult {
            <T as Config>::RestrictedOrigin::ensure_origin(origin)?;
            Self::do_approve_solution_provider(solution_provider_id, approve)
        }

        /// Bill a contract that is due and not billed in its current cycle yet (the chain's
        /// billing loop bills every contract at the start of its cycle; validators' offchain
        /// workers of earlier releases still send this): nothing happens for a contract already
        /// billed. Its owner may also bill it while it is in its grace period. Free of fees for
        /// the billing validators only.
        #[pallet::call_index(10)]
        #[pallet::weight(Pallet::<T>::bill_weight(crate::types::MAX_ACTIVE_NODE_CONTRACTS))]
        pub fn bill_contract_for_block(
            origin: OriginFor<T>,
            contract_id: u64,
        ) -> DispatchResultWithPostInfo {
            let who = ensure_signed(origin)?;
            let touched = Self::node_contracts_under_rent(contract_id);
            // A failed bill is charged for what it touched, not for the declared bound.
            Self::do_bill_contract_for_block(&who, contract_id).map_err(|error| {
                sp_runtime::DispatchErrorWithPostInfo {
                    post_info: PostDispatchInfo {
                        actual_weight: Some(Self::bill_weight(touched)),
                        pays_fee: Pays::Yes,
                    },
                    error,
                }
            })?;
            let pays = if T::BillingValidators::contains(&who) {
                Pays::No
            } else {
                Pays::Yes
            };
            Ok(PostDispatchInfo {
                actual_weight: Some(Self::bill_weight(touched)),
                pays_fee: pays,
            })
        }

        /// Open a service contract between a service and a consumer (the caller is one of them).
        #[pallet::call_index(11)]
        #[pallet::weight(<T as Config>::WeightInfo::service_contract_create())]
        pub fn service_contract_create(
            origin: OriginFor<T>,
            service_account: T::AccountId,
            consumer_account: T::AccountId,
        ) -> DispatchResult {
            let who = ensure_signed(origin)?;
            Self::do_service_contract_create(&who, &service_account, &consumer_account)
        }

        /// Set the metadata of a service contract.
        #[pallet::call_index(12)]
        #[pallet::weight(<T as Config>::WeightInfo::service_contract_set_metadata())]
        pub fn service_contract_set_metadata(
            origin: OriginFor<T>,
            service_contract_id: u64,
            metadata: Vec<u8>,
        ) -> DispatchResult {
            let who = ensure_signed(origin)?;
            Self::do_service_contract_set_metadata(&who, service_contract_id, metadata)
        }

        /// Set the fees of a service contract (service only).
        #[pallet::call_index(13)]
        #[pallet::weight(<T as Config>::WeightInfo::service_contract_set_fees())]
        pub fn service_contract_set_fees(
            origin: OriginFor<T>,
            service_contract_id: u64,
            base_fee: u64,
            variable_fee: u64,
        ) -> DispatchResult {
            let who = ensure_signed(origin)?;
            Self::do_service_contract_set_fees(&who, service_contract_id, base_fee, variable_fee)
        }

        /// Approve a service contract as one of its parties.
        #[pallet::call_index(14)]
        #[pallet::weight(<T as Config>::WeightInfo::service_contract_approve())]
        pub fn service_contract_approve(
            origin: OriginFor<T>,
            service_contract_id: u64,
        ) -> DispatchResult {
            let who = ensure_signed(origin)?;
            Self::do_service_contract_approve(&who, service_contract_id)
        }

        /// Reject a service contract ready for approval (removes it).
        #[pallet::call_index(15)]
        #[pallet::weight(<T as Config>::WeightInfo::service_contract_reject())]
        pub fn service_contract_reject(
            origin: OriginFor<T>,
            service_contract_id: u64,
        ) -> DispatchResult {
            let who = ensure_signed(origin)?;
            Self::do_service_contract_reject(&who, service_contract_id)
        }

        /// Cancel a service contract as one of its parties.
        #[pallet::call_index(16)]
        #[pallet::weight(<T as Config>::WeightInfo::service_contract_cancel())]
        pub fn service_contract_cancel(
            origin: OriginFor<T>,
            service_contract_id: u64,
        ) -> DispatchResult {
            let who = ensure_signed(origin)?;
            Self::do_service_contract_cancel(&who, service_contract_id, Cause::CanceledByUser)
        }

        /// Bill the consumer of a service contract (service only).
        #[pallet::call_index(17)]
        #[pallet::weight(<T as Config>::WeightInfo::service_contract_bill())]
        pub fn service_contract_bill(
            origin: OriginFor<T>,
            service_contract_id: u64,
            variable_amount: u64,
            metadata: Vec<u8>,
        ) -> DispatchResult {
            let who = ensure_signed(origin)?;
            Self::do_service_contract_bill(&who, service_contract_id, variable_amount, metadata)
        }

        /// Increase the billing frequency; contracts move to their new billing-loop buckets.
        #[pallet::call_index(18)]
        #[pallet::weight(<T as Config>::WeightInfo::change_billing_frequency())]
        pub fn change_billing_frequency(origin: OriginFor<T>, frequency: u64) -> DispatchResult {
            <T as Config>::RestrictedOrigin::ensure_origin(origin)?;
            Self::do_change_billing_frequency(frequency)
        }

        /// Attach an approved solution provider to a contract of the caller.
        #[pallet::call_index(19)]
        #[pallet::weight(<T as Config>::WeightInfo::attach_solution_provider_id())]
        pub fn attach_solution_provider_id(
            origin: OriginFor<T>,
            contract_id: u64,
            solution_provider_id: u64,
        ) -> DispatchResult {
            let who = ensure_signed(origin)?;
            Self::do_attach_solution_provider_id(&who, contract_id, solution_provider_id)
        }

        /// Set the monthly extra fee (mUSD) of a node of the caller's farm, making it dedicated.
        #[pallet::call_index(20)]
        #[pallet::weight(<T as Config>::WeightInfo::set_dedicated_node_extra_fee())]
        pub fn set_dedicated_node_extra_fee(
            origin: OriginFor<T>,
            node_id: u32,
            extra_fee: u64,
        ) -> DispatchResult {
            let who = ensure_signed(origin)?;
            Self::do_set_dedicated_node_extra_fee(&who, node_id, extra_fee)
        }

        /// Cancel any contract (council).
        #[pallet::call_index(21)]
        #[pallet::weight(<T as Config>::WeightInfo::cancel_contract_collective().max(Pallet::<T>::cancel_weight()))]
        pub fn cancel_contract_collective(
            origin: OriginFor<T>,
            contract_id: u64,
        ) -> DispatchResult {
            <T as Config>::RestrictedOrigin::ensure_origin(origin)?;
            let contract = Contracts::<T>::get(contract_id).ok_or(Error::<T>::ContractNotExists)?;
            Self::do_cancel_contract(contract, Cause::CanceledByCollective)
        }
    }
}

impl<T: Config> Pallet<T> {
    /// Chain time in seconds.
    pub fn now_secs() -> u64 {
        pallet_tfgrid::Pallet::<T>::now_secs()
    }

    /// The current block number as `u64`.
    pub fn current_block() -> u64 {
        use sp_runtime::SaturatedConversion;
        frame_system::Pallet::<T>::block_number().saturated_into::<u64>()
    }

    /// The twin id of `who`.
    pub fn twin_id_of(who: &T::AccountId) -> Result<u32, Error<T>> {
        pallet_tfgrid::TwinIdByAccountID::<T>::get(who).ok_or(Error::<T>::TwinNotExists)
    }
}
