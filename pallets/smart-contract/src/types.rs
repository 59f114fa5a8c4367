//! Records of the pallet: contracts, their billing state, solution providers and service
//! contracts, with the bounds of the call arguments.
//!
//! Field order is SCALE order and matches TFChain 2.9; bounded vectors encode exactly like plain
//! vectors. Call arguments are declared as TFChain 2.9 declares them (plain `Vec`s except the
//! deployment data), and the calls check them against these bounds with named errors.

use crate::{fixed::U64F64, Config};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::marker::PhantomData;
use frame_support::{
    traits::{ConstU32, Currency},
    BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use scale_info::TypeInfo;
use tfchain_support::{resources::Resources, types::PublicIP};

/// Version written into every new contract.
pub const CONTRACT_VERSION: u32 = 4;
/// Maximum length of service-contract metadata.
pub const MAX_METADATA_LENGTH: u32 = 64;
/// Maximum length of the metadata of a service-contract bill.
pub const MAX_BILL_METADATA_LENGTH: u32 = 50;
/// Maximum number of providers of a solution provider.
pub const MAX_PROVIDERS: u32 = 16;
/// Maximum length of a solution provider's description and of its link.
pub const MAX_SOLUTION_PROVIDER_TEXT_LENGTH: u32 = 512;
/// Maximum number of reports in one `add_nru_reports` or `report_contract_resources` call.
pub const MAX_REPORTS: u32 = 1024;
/// Maximum number of node contracts active on one node.
pub const MAX_ACTIVE_NODE_CONTRACTS: u32 = 4096;
/// Maximum number of contracts in one billing-loop bucket.
pub const MAX_CONTRACTS_PER_BILLING_BUCKET: u32 = 10_000;

/// The account type of the runtime.
pub type AccountIdOf<T> = <T as frame_system::Config>::AccountId;
/// The balance type of the pallet's currency.
pub type BalanceOf<T> = <<T as Config>::Currency as Currency<AccountIdOf<T>>>::Balance;
/// The hash clients give a deployment (32 bytes).
pub type HexHash = [u8; 32];
/// Deployment data as submitted and stored.
pub type DeploymentDataInput<T> = BoundedVec<u8, <T as Config>::MaxDeploymentDataLength>;
/// Public IPs held by one node contract.
pub type PublicIpsOf<T> = BoundedVec<PublicIP, <T as Config>::MaxNodeContractPublicIps>;
/// Solution-provider text (description or link).
pub type SolutionProviderText = BoundedVec<u8, ConstU32<MAX_SOLUTION_PROVIDER_TEXT_LENGTH>>;
/// The providers of a solution provider.
pub type ProvidersOf<T> = BoundedVec<Provider<AccountIdOf<T>>, ConstU32<MAX_PROVIDERS>>;
/// Ids of the node contracts active on a node.
pub type ActiveContractIds = BoundedVec<u64, ConstU32<MAX_ACTIVE_NODE_CONTRACTS>>;
/// Ids of the contracts of one billing-loop bucket.
pub type BillingBucket = BoundedVec<u64, ConstU32<MAX_CONTRACTS_PER_BILLING_BUCKET>>;

/// Layout version of the pallet's storage. A fresh chain starts at `V12`, the 2.9 layout.
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
    /// Historical layout.
    V1,
    /// Historical layout.
    V2,
    /// Historical layout.
    V3,
    /// Historical layout.
    V4,
    /// Historical layout.
    V5,
    /// Historical layout.
    V6,
    /// Historical layout.
    V7,
    /// Historical layout.
    V8,
    /// Historical layout.
    V9,
    /// Historical layout.
    V10,
    /// Contract locks with an extra-fee amount.
    V11,
    /// Reserves and overdrafts in `ContractPaymentState` (TFChain 2.9).
    #[default]
    V12,
}

/// A contract: what a twin deploys and pays for.
#[derive(
    Encode,
    Decode,
    DecodeWithMemTracking,
    CloneNoBound,
    PartialEqNoBound,
    EqNoBound,
    DebugNoBound,
    TypeInfo,
    MaxEncodedLen,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct Contract<T: Config> {
    /// Record version ([`CONTRACT_VERSION`]).
    pub version: u32,
    /// Lifecycle state.
    pub state: ContractState,
    /// Id of the contract.
    pub contract_id: u64,
    /// The twin that owns and pays for the contract.
    pub twin_id: u32,
    /// What the contract is for.
    pub contract_type: ContractData<T>,
    /// The solution provider the contract was deployed through, if any.
    pub solution_provider_id: Option<u64>,
}

impl<T: Config> Contract<T> {
    /// The node of a node or rent contract; 0 for a name contract.
    pub fn get_node_id(&self) -> u32 {
        match &self.contract_type {
            ContractData::NodeContract(node_contract) => node_contract.node_id,
            ContractData::RentContract(rent_contract) => rent_contract.node_id,
            ContractData::NameContract(_) => 0,
        }
    }

    /// True once the contract was cancelled or ran out of funds.
    pub fn is_deleted(&self) -> bool {
        matches!(self.state, ContractState::Deleted(_))
    }

    /// True while the contract is in its grace period.
    pub fn is_in_grace(&self) -> bool {
        matches!(self.state, ContractState::GracePeriod(_))
    }

    /// True for a rent contract.
    pub fn is_rent(&self) -> bool {
        matches!(self.contract_type, ContractData::RentContract(_))
    }
}

/// A deployment on a node.
#[derive(
    Encode,
    Decode,
    DecodeWithMemTracking,
    CloneNoBound,
    PartialEqNoBound,
    EqNoBound,
    DebugNoBound,
    TypeInfo,
    MaxEncodedLen,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct NodeContract<T: Config> {
    /// The node the deployment runs on.
    pub node_id: u32,
    /// Hash of the deployment, unique per node among live contracts.
    pub deployment_hash: HexHash,
    /// Opaque deployment data.
    pub deployment_data: DeploymentDataInput<T>,
    /// Number of public IPs the contract holds.
    pub public_ips: u32,
    /// The farm's public IPs reserved for the contract.
    pub public_ips_list: PublicIpsOf<T>,
}

/// A web-gateway name.
#[derive(
    Encode,
    Decode,
    DecodeWithMemTracking,
    CloneNoBound,
    PartialEqNoBound,
    EqNoBound,
    DebugNoBound,
    TypeInfo,
    MaxEncodedLen,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct NameContract<T: Config> {
    /// The registered name.
    pub name: NameContractName<T>,
}

/// A whole node rented as a dedicated node.
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
pub struct RentContract {
    /// The rented node.
    pub node_id: u32,
}

/// What a contract is for.
#[derive(
    Encode,
    Decode,
    DecodeWithMemTracking,
    CloneNoBound,
    PartialEqNoBound,
    EqNoBound,
    DebugNoBound,
    TypeInfo,
    MaxEncodedLen,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub enum ContractData<T: Config> {
    /// A deployment on a node.
    NodeContract(NodeContract<T>),
    /// A web-gateway name.
    NameContract(NameContract<T>),
    /// A rented node.
    RentContract(RentContract),
}

/// A validated name-contract name: 3 to `MaxNameContractNameLength` bytes of `a-z`, `0-9`, `-`
/// and `_`. Encodes as its bytes.
#[derive(
    Encode,
    Decode,
    DecodeWithMemTracking,
    CloneNoBound,
    PartialEqNoBound,
    EqNoBound,
    DebugNoBound,
    TypeInfo,
    MaxEncodedLen,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct NameContractName<T: Config>(pub BoundedVec<u8, T::MaxNameContractNameLength>);

/// Usage reported for a node contract and not billed yet (NU), in units-USD.
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
pub struct ContractBillingInformation {
    /// Never updated (kept for layout parity).
    pub previous_nu_reported: u64,
    /// Timestamp (seconds) of the last NRU report taken into account.
    pub last_updated: u64,
    /// Reported network usage not billed yet, in units-USD.
    pub amount_unbilled: u64,
}

/// Lifecycle state of a contract.
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
pub enum ContractState {
    /// Live and paid for.
    #[default]
    Created,
    /// Cancelled or out of funds; removed by the same bill.
    Deleted(Cause),
    /// Out of funds since the given block; deleted when the grace period elapses.
    GracePeriod(u64),
}

/// Why a contract ended.
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
pub enum Cause {
    /// Its owner cancelled it (or its node was deleted).
    #[default]
    CanceledByUser,
    /// The grace period elapsed without the debt being paid.
    OutOfFunds,
    /// The council cancelled it.
    CanceledByCollective,
}

/// Discount given for holding several months of the contract's cost.
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
pub enum DiscountLevel {
    /// Less than 1.5 months of balance: full price.
    #[default]
    None,
    /// 1.5 to 3 months: 20 % off.
    Default,
    /// 3 to 6 months: 30 % off.
    Bronze,
    /// 6 to 18 months: 40 % off.
    Silver,
    /// 18 months or more: 60 % off.
    Gold,
}

impl DiscountLevel {
    /// The price factor of the level, as the 64.64 fixed-point value nearest to 1, 0.8, 0.7, 0.6
    /// or 0.4.
    pub fn price_multiplier(&self) -> U64F64 {
        match self {
            DiscountLevel::None => U64F64::from_int(1),
            DiscountLevel::Default => U64F64::from_bits(14_757_395_258_967_642_112),
            DiscountLevel::Bronze => U64F64::from_bits(12_912_720_851_596_685_312),
            DiscountLevel::Silver => U64F64::from_bits(11_068_046_444_225_730_560),
            DiscountLevel::Gold => U64F64::from_bits(7_378_697_629_483_821_056),
        }
    }
}

/// A deprecated consumption report (kept for the event of the same name).
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
pub struct Consumption {
    /// The contract.
    pub contract_id: u64,
    /// Report time, in seconds.
    pub timestamp: u64,
    /// CPU cores.
    pub cru: u64,
    /// SSD bytes.
    pub sru: u64,
    /// HDD bytes.
    pub hru: u64,
    /// Memory bytes.
    pub mru: u64,
    /// Network bytes.
    pub nru: u64,
}

/// Network usage a node reports for one of its contracts.
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
pub struct NruConsumption {
    /// The contract.
    pub contract_id: u64,
    /// Report time, in seconds.
    pub timestamp: u64,
    /// Seconds the report covers.
    pub window: u64,
    /// Bytes of public traffic.
    pub nru: u64,
}

/// What one bill reserved.
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
pub struct ContractBill {
    /// The contract.
    pub contract_id: u64,
    /// Bill time, in seconds.
    pub timestamp: u64,
    /// Discount applied to the standard cost.
    pub discount_level: DiscountLevel,
    /// TFT units reserved by this bill (this period plus any debt settled).
    pub amount_billed: u128,
}

/// Capacity a node contract uses, as its node reports it.
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
pub struct ContractResources {
    /// The contract.
    pub contract_id: u64,
    /// Used capacity.
    pub used: Resources,
}

/// The 2.7 billing lock, still declared (and always empty) for interface parity.
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
pub struct ContractLock<Balance> {
    /// Amount locked for the standard cost.
    pub amount_locked: Balance,
    /// Amount locked for the extra fee.
    pub extra_amount_locked: Balance,
    /// Last bill, in seconds.
    pub lock_updated: u64,
    /// Cycles since the last distribution.
    pub cycles: u16,
}

/// Billing state of a contract (TFChain 2.9): funds reserved on the owner's account and waiting
/// for distribution, and debt not covered yet.
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
pub struct ContractPaymentState<Balance> {
    /// Reserved for the standard cost, awaiting distribution.
    pub standard_reserve: Balance,
    /// Reserved for the dedicated-node extra fee, awaiting distribution to the farmer.
    pub additional_reserve: Balance,
    /// Standard cost due but not reserved yet.
    pub standard_overdraft: Balance,
    /// Extra fee due but not reserved yet.
    pub additional_overdraft: Balance,
    /// Time of the last bill, in seconds.
    pub last_updated_seconds: u64,
    /// Bills since the last distribution.
    pub cycles: u16,
}

/// A group of accounts that deploy contracts for others and share in their revenue.
#[derive(
    Encode,
    Decode,
    DecodeWithMemTracking,
    Clone,
    PartialEq,
    Eq,
    Debug,
    TypeInfo,
    MaxEncodedLen,
)]
pub struct SolutionProvider<AccountId> {
    /// Id of the solution provider.
    pub solution_provider_id: u64,
    /// The accounts and their takes.
    pub providers: BoundedVec<Provider<AccountId>, ConstU32<MAX_PROVIDERS>>,
    /// Free text.
    pub description: SolutionProviderText,
    /// A link to the solution.
    pub link: SolutionProviderText,
    /// Whether the council approved it.
    pub approved: bool,
}

/// One account of a solution provider and its take, in percent.
#[derive(
    Encode,
    Decode,
    DecodeWithMemTracking,
    Clone,
    PartialEq,
    Eq,
    Debug,
    TypeInfo,
    MaxEncodedLen,
)]
pub struct Provider<AccountId> {
    /// The account.
    pub who: AccountId,
    /// Its take, in percent.
    pub take: u8,
}

/// An agreement between a service twin and a consumer twin, billed by the service.
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
pub struct ServiceContract {
    /// Id of the service contract.
    pub service_contract_id: u64,
    /// The twin that provides the service and bills it.
    pub service_twin_id: u32,
    /// The twin that pays.
    pub consumer_twin_id: u32,
    /// Fixed fee per hour, in mUSD.
    pub base_fee: u64,
    /// Maximum variable fee per hour, in mUSD.
    pub variable_fee: u64,
    /// Free metadata.
    pub metadata: BoundedVec<u8, ConstU32<MAX_METADATA_LENGTH>>,
    /// The service accepted the terms.
    pub accepted_by_service: bool,
    /// The consumer accepted the terms.
    pub accepted_by_consumer: bool,
    /// Time of the last bill, in seconds.
    pub last_bill: u64,
    /// Negotiation state.
    pub state: ServiceContractState,
}

/// One bill of a service contract.
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
pub struct ServiceContractBill {
    /// Variable amount billed, in mUSD.
    pub variable_amount: u64,
    /// Seconds the bill covers.
    pub window: u64,
    /// Free metadata of the bill.
    pub metadata: BoundedVec<u8, ConstU32<MAX_BILL_METADATA_LENGTH>>,
}

/// Negotiation state of a service contract.
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
pub enum ServiceContractState {
    /// Created; fees or metadata missing.
    #[default]
    Created,
    /// Fees and metadata set; waiting for both approvals.
    AgreementReady,
    /// Both parties approved; the service may bill.
    ApprovedByBoth,
}

/// The ninth transaction extension of TFChain 2.9: adds nothing to the extrinsic or to the
/// signed payload; it makes the transaction pool keep a single `bill_contract_for_block` per
/// contract (see `extension.rs`).
#[derive(Encode, Decode, DecodeWithMemTracking, Clone, Eq, PartialEq, TypeInfo)]
pub struct ContractIdProvides<T: Config + Send + Sync>(pub PhantomData<T>);

/// What billing and teardown need of a node whose contracts are being ended over the next
/// blocks (`NodesToTearDown`): the node itself may already be gone (node deletion), so its farm,
/// farmer, certification and capacity are kept here until its last contract ended.
#[derive(
    Encode,
    Decode,
    DecodeWithMemTracking,
    Clone,
    PartialEq,
    Eq,
    Debug,
    TypeInfo,
    MaxEncodedLen,
)]
pub struct NodeTeardown<AccountId> {
    /// The node's farm (its IPs go back there).
    pub farm_id: u32,
    /// Account of the farm's twin (shares in the distributions), if it still exists.
    pub farmer: Option<AccountId>,
    /// The node's certification (certified nodes cost 25 % more).
    pub certification: tfchain_support::types::NodeCertification,
    /// The node's registered capacity (base of the bill cap and of the rent).
    pub resources: Resources,
    /// Time (seconds) the contracts ended at: their final bills stop there.
    pub ended_at: u64,
    /// Contracts with an id up to this one are ended; later ones (created after the
    /// teardown was queued) are not.
    pub last_id: u64,
    /// Why the contracts end.
    pub cause: Cause,
    /// Whether the node's rent contract ends too (node deletion), after its node contracts.
    pub with_rent: bool,
    /// Whether the node was in standby when queued (its rent is waived then).
    pub standby: bool,
}

/// A `change_billing_frequency` whose contracts are still being moved to their new buckets:
/// buckets `next_bucket..old_frequency` may still hold contracts of the old layout.
#[derive(
    Encode,
    Decode,
    DecodeWithMemTracking,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Debug,
    Default,
    TypeInfo,
    MaxEncodedLen,
)]
pub struct BillingFrequencyMove {
    /// The frequency before the change.
    pub old_frequency: u64,
    /// The next old bucket to move contracts out of.
    pub next_bucket: u64,
}

/// Where the chain's billing loop stands: the bucket due at `due_block` is billed up to (not
/// including) its `position`-th id; every bucket due before `due_block` is done.
#[derive(
    Encode,
    Decode,
    DecodeWithMemTracking,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Debug,
    Default,
    TypeInfo,
    MaxEncodedLen,
)]
pub struct BillingCursor {
    /// The block whose bucket (`due_block % BillingFrequency`) is being billed.
    pub due_block: u64,
    /// Ids of that bucket already gone through.
    pub position: u32,
}
