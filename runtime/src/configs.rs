//! The configuration of every pallet in the runtime, as the public TFChain configures it.

use crate::{
    fees::{DealWithFees, WeightToFee},
    weights,
    opaque::SessionKeys,
    AccountId, Aura, Balance, Balances, Block, BlockNumber, Council, Hash, Nonce, OriginCaller,
    PalletInfo, Runtime, RuntimeCall, RuntimeEvent, RuntimeFreezeReason, RuntimeHoldReason,
    Historical, RuntimeOrigin, RuntimeTask, System, ValidatorSet, EXISTENTIAL_DEPOSIT, HOURS,
    SLOT_DURATION, VERSION, CouncilMembership, Dao, Reputation, Session, SmartContractModule,
    TfgridModule, Timestamp,
    DAYS,
};
use core::cmp::Ordering;
use frame_support::{
    derive_impl,
    dispatch::DispatchClass,
    parameter_types,
    traits::{
        ConstBool, ConstU128, ConstU16, ConstU32, ConstU64, ConstU8, Contains, EitherOfDiverse,
        PrivilegeCmp, VariantCountOf,
    },
    weights::{constants::WEIGHT_REF_TIME_PER_SECOND, ConstantMultiplier, Weight},
};
use frame_system::{
    limits::{BlockLength, BlockWeights},
    EnsureRoot,
};
use pallet_transaction_payment::{ConstFeeMultiplier, FungibleAdapter, Multiplier};
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_runtime::{
    traits::{Convert, OpaqueKeys},
    DispatchResult, Perbill,
};

/// The council collective (pallet instance 1).
pub type CouncilCollective = pallet_collective::Instance1;

/// The governance origin of TFChain: Root, or at least 3/5 of the council.
pub type EnsureRootOrCouncilApproval = EitherOfDiverse<
    EnsureRoot<AccountId>,
    pallet_collective::EnsureProportionAtLeast<AccountId, CouncilCollective, 3, 5>,
>;

/// Normal extrinsics may fill at most this share of a block; the rest is kept for operational ones.
const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);
/// The share of a block's weight expected to go to `on_initialize` hooks.
const AVERAGE_ON_INITIALIZE_RATIO: Perbill = Perbill::from_percent(10);
/// A block may use two seconds of compute in its 6-second slot.
const MAXIMUM_BLOCK_WEIGHT: Weight = Weight::from_parts(2u64 * WEIGHT_REF_TIME_PER_SECOND, u64::MAX);

parameter_types! {
    pub const BlockHashCount: BlockNumber = 2400;
    pub const Version: sp_version::RuntimeVersion = VERSION;
    /// Two seconds of compute per 6-second block, no proof-size limit (a solo chain has no PoV),
    /// with the block and extrinsic base weights measured here (`weights::{block,extrinsic}_weights`).
    pub RuntimeBlockWeights: BlockWeights = BlockWeights::builder()
        .base_block(weights::BlockExecutionWeight::get())
        .for_class(DispatchClass::all(), |class| {
            class.base_extrinsic = weights::ExtrinsicBaseWeight::get();
        })
        .for_class(DispatchClass::Normal, |class| {
            class.max_total = Some(NORMAL_DISPATCH_RATIO * MAXIMUM_BLOCK_WEIGHT);
        })
        .for_class(DispatchClass::Operational, |class| {
            class.max_total = Some(MAXIMUM_BLOCK_WEIGHT);
            // Operational extrinsics may still be included when normal ones filled their share.
            class.reserved = Some(MAXIMUM_BLOCK_WEIGHT - NORMAL_DISPATCH_RATIO * MAXIMUM_BLOCK_WEIGHT);
        })
        .avg_block_initialization(AVERAGE_ON_INITIALIZE_RATIO)
        .build_or_panic();
    /// 5 MiB blocks, of which normal extrinsics may fill 75 %.
    pub RuntimeBlockLength: BlockLength = BlockLength::builder()
        .max_length(5 * 1024 * 1024)
        .modify_max_length_for_class(DispatchClass::Normal, |max| *max = NORMAL_DISPATCH_RATIO * *max)
        .build();
    pub const SS58Prefix: u16 = 42;
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
    type Block = Block;
    type BlockWeights = RuntimeBlockWeights;
    type BlockLength = RuntimeBlockLength;
    type AccountId = AccountId;
    type Nonce = Nonce;
    type Hash = Hash;
    type BlockHashCount = BlockHashCount;
    /// ParityDB's read and write costs, measured here (`weights::paritydb_weights`).
    type DbWeight = weights::ParityDbWeight;
    type SystemWeightInfo = weights::frame_system::WeightInfo<Runtime>;
    type ExtensionsWeightInfo = weights::frame_system_extensions::WeightInfo<Runtime>;
    type Version = Version;
    type AccountData = pallet_balances::AccountData<Balance>;
    type SS58Prefix = SS58Prefix;
    type MaxConsumers = ConstU32<16>;
}

impl pallet_timestamp::Config for Runtime {
    type Moment = u64;
    type OnTimestampSet = Aura;
    type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
    type WeightInfo = weights::pallet_timestamp::WeightInfo<Runtime>;
}

impl pallet_utility::Config for Runtime {
    type RuntimeEvent = RuntimeEvent;
    type RuntimeCall = RuntimeCall;
    type PalletsOrigin = OriginCaller;
    type WeightInfo = weights::pallet_utility::WeightInfo<Runtime>;
}

parameter_types! {
    pub MaximumSchedulerWeight: Weight = Perbill::from_percent(80) * RuntimeBlockWeights::get().max_block;
}

/// Orders origins for the scheduler's "cancel a task scheduled by another origin" rule: Root
/// outranks everything, and two council origins compare by the share of members that approved.
pub struct OriginPrivilegeCmp;

impl PrivilegeCmp<OriginCaller> for OriginPrivilegeCmp {
    fn cmp_privilege(left: &OriginCaller, right: &OriginCaller) -> Option<Ordering> {
        use frame_system::RawOrigin as System;
        use pallet_collective::RawOrigin as Collective;
        if left == right {
            return Some(Ordering::Equal);
        }
        match (left, right) {
            (OriginCaller::system(System::Root), _) => Some(Ordering::Greater),
            (_, OriginCaller::system(System::Root)) => Some(Ordering::Less),
            (
                OriginCaller::Council(Collective::Members(left_yes, left_of)),
                OriginCaller::Council(Collective::Members(right_yes, right_of)),
            ) => {
                // left_yes / left_of against right_yes / right_of, without division.
                let left = u64::from(*left_yes).saturating_mul(u64::from(*right_of));
                let right = u64::from(*right_yes).saturating_mul(u64::from(*left_of));
                Some(left.cmp(&right))
            },
            _ => None,
        }
    }
}

impl pallet_scheduler::Config for Runtime {
    type RuntimeEvent = RuntimeEvent;
    type RuntimeOrigin = RuntimeOrigin;
    type PalletsOrigin = OriginCaller;
    type RuntimeCall = RuntimeCall;
    type MaximumWeight = MaximumSchedulerWeight;
    type ScheduleOrigin = EnsureRoot<AccountId>;
    type OriginPrivilegeCmp = OriginPrivilegeCmp;
    type MaxScheduledPerBlock = ConstU32<50>;
    type WeightInfo = weights::pallet_scheduler::WeightInfo<Runtime>;
    type Preimages = ();
    type BlockNumberProvider = System;
}

impl pallet_validator_set::Config for Runtime {
    type RuntimeEvent = RuntimeEvent;
    type AddRemoveOrigin = EnsureRootOrCouncilApproval;
    type MinAuthorities = ConstU32<1>;
    type MaxValidators = ConstU32<100>;
    type WeightInfo = pallet_validator_set::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
    /// One session lasts an hour; validator set changes take effect at session boundaries. Kept
    /// in storage under `twox128(":SessionPeriod:")` so that a chain spec (the end-to-end tests'
    /// local network) can shorten it; absent, it is 600 blocks.
    pub storage SessionPeriod: BlockNumber = HOURS;
    pub const SessionOffset: BlockNumber = 0;
}

impl pallet_session::Config for Runtime {
    type RuntimeEvent = RuntimeEvent;
    type ValidatorId = AccountId;
    type ValidatorIdOf = pallet_validator_set::ValidatorOf<Runtime>;
    type ShouldEndSession = pallet_session::PeriodicSessions<SessionPeriod, SessionOffset>;
    type NextSessionRotation = pallet_session::PeriodicSessions<SessionPeriod, SessionOffset>;
    type SessionManager = pallet_session::historical::NoteHistoricalRoot<Runtime, ValidatorSet>;
    type SessionHandler = <SessionKeys as OpaqueKeys>::KeyTypeIdProviders;
    type Keys = SessionKeys;
    type DisablingStrategy = ();
    type WeightInfo = weights::pallet_session::WeightInfo<Runtime>;
    type Currency = Balances;
    type KeyDeposit = ConstU128<0>;
}

/// Identifies a validator for the historical session pallet: validators carry no exposure, so the
/// full identification is `()`.
pub struct UnitIdentification;

impl Convert<AccountId, Option<()>> for UnitIdentification {
    fn convert(_: AccountId) -> Option<()> {
        Some(())
    }
}

impl pallet_session::historical::Config for Runtime {
    type RuntimeEvent = RuntimeEvent;
    type FullIdentification = ();
    type FullIdentificationOf = UnitIdentification;
}

impl pallet_aura::Config for Runtime {
    type AuthorityId = AuraId;
    type MaxAuthorities = ConstU32<100>;
    type DisabledValidators = ();
    type AllowMultipleBlocksPerSlot = ConstBool<false>;
    type SlotDuration = ConstU64<SLOT_DURATION>;
}

parameter_types! {
    /// Blocks an equivocation report stays valid in the transaction pool: one hour.
    pub const EquivocationReportLongevity: u64 = 600;
}

/// GRANDPA equivocations are reported to `ValidatorSet`, which drops the offender at the next
/// session (never below `MinAuthorities`). Key ownership is proven against the session history, so
/// offences can be proven for a week of hourly sessions (`MaxSetIdSessionEntries`).
impl pallet_grandpa::Config for Runtime {
    type RuntimeEvent = RuntimeEvent;
    type WeightInfo = ();
    type MaxAuthorities = ConstU32<100>;
    type MaxNominators = ConstU32<0>;
    type MaxSetIdSessionEntries = ConstU64<168>;
    type KeyOwnerProof = sp_session::MembershipProof;
    type EquivocationReportSystem = pallet_grandpa::EquivocationReportSystem<
        Self,
        ValidatorSet,
        Historical,
        EquivocationReportLongevity,
    >;
}

impl pallet_authorship::Config for Runtime {
    type FindAuthor = pallet_session::FindAccountFromAuthorIndex<Self, Aura>;
    type EventHandler = ();
}

impl pallet_balances::Config for Runtime {
    type RuntimeEvent = RuntimeEvent;
    type RuntimeHoldReason = RuntimeHoldReason;
    type RuntimeFreezeReason = RuntimeFreezeReason;
    type WeightInfo = weights::pallet_balances::WeightInfo<Runtime>;
    type Balance = Balance;
    type DustRemoval = ();
    type ExistentialDeposit = ConstU128<EXISTENTIAL_DEPOSIT>;
    type AccountStore = System;
    type ReserveIdentifier = [u8; 8];
    type FreezeIdentifier = RuntimeFreezeReason;
    type MaxLocks = ConstU32<50>;
    type MaxReserves = ConstU32<50>;
    type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
    type DoneSlashHandler = ();
}

parameter_types! {
    pub FeeMultiplier: Multiplier = Multiplier::from_u32(1);
}

impl pallet_transaction_payment::Config for Runtime {
    type RuntimeEvent = RuntimeEvent;
    type OnChargeTransaction = FungibleAdapter<Balances, DealWithFees>;
    type WeightToFee = WeightToFee;
    type LengthToFee = ConstantMultiplier<Balance, ConstU128<1>>;
    type FeeMultiplierUpdate = ConstFeeMultiplier<FeeMultiplier>;
    type OperationalFeeMultiplier = ConstU8<5>;
    type WeightInfo = weights::pallet_transaction_payment::WeightInfo<Runtime>;
}

parameter_types! {
    /// Longest farm name, in bytes.
    pub const MaxFarmNameLength: u32 = 40;
    /// Most public IPs one farm may hold.
    pub const MaxFarmPublicIps: u32 = 512;
    /// Most interfaces one node may report.
    pub const MaxInterfacesLength: u32 = 10;
    /// Most addresses one node interface may carry.
    pub const MaxInterfaceIpsLength: u32 = 10;
    /// Most nodes in one farm.
    pub const MaxNodesPerFarm: u32 = 10_000;
}

impl pallet_tfgrid::Config for Runtime {
    type RuntimeEvent = RuntimeEvent;
    type RestrictedOrigin = EnsureRootOrCouncilApproval;
    type WeightInfo = pallet_tfgrid::weights::SubstrateWeight<Runtime>;
    // Contracts end with their node and follow its power state; the DAO keeps farm weights;
    // reputation notes standby and forgets deleted nodes.
    type NodeChanged = (SmartContractModule, (Dao, Reputation));
    type UptimeReported = Reputation;
    type PublicIpModifier = SmartContractModule;
    type NodeActiveContracts = SmartContractModule;
    type MaxFarmNameLength = MaxFarmNameLength;
    type MaxFarmPublicIps = MaxFarmPublicIps;
    type MaxInterfacesLength = MaxInterfacesLength;
    type MaxInterfaceIpsLength = MaxInterfaceIpsLength;
    /// An uptime report's timestamp hint may be at most one minute off the chain's time.
    type TimestampHintDrift = ConstU64<60>;
    type MaxNodesPerFarm = MaxNodesPerFarm;
}

parameter_types! {
    /// The staking pool, `5CNposRewardAccount11111111111111111111111111FSU` as on TFChain; it
    /// receives 10 % of every contract's payments.
    pub StakingPoolAccount: AccountId = AccountId::new([
        13, 209, 209, 166, 229, 163, 90, 168, 199, 245, 229, 126, 30, 221, 12, 63, 189, 106, 191,
        46, 170, 142, 244, 37, 72, 152, 110, 84, 162, 86, 32, 0,
    ]);
}

/// The TFT price contract billing converts with: the oracle's average, clamped by the council's
/// minimum and maximum.
pub struct TftPriceFromOracle;

impl tfchain_support::traits::TftPriceProvider for TftPriceFromOracle {
    fn average_tft_price() -> u32 {
        pallet_tft_price::AverageTftPrice::<Runtime>::get()
    }
    fn min_tft_price() -> u32 {
        pallet_tft_price::MinTftPrice::<Runtime>::get()
    }
    fn max_tft_price() -> u32 {
        pallet_tft_price::MaxTftPrice::<Runtime>::get()
    }
}

/// The billing keys: the accounts of the current Aura authorities, whose `bill_contract_for_block`
/// transactions (sent by the offchain workers of earlier releases) pay no fee.
pub struct AuraAuthorityAccounts;

impl Contains<AccountId> for AuraAuthorityAccounts {
    fn contains(account: &AccountId) -> bool {
        let account: &[u8] = account.as_ref();
        pallet_aura::Authorities::<Runtime>::get()
            .iter()
            .any(|authority| AsRef::<[u8]>::as_ref(authority) == account)
    }
}

parameter_types! {
    /// A fifth of a block for the chain's billing loop (run before the block's transactions):
    /// see pallets/smart-contract/README.md, "Billing by the chain".
    pub BillingWeightPerBlock: Weight = Perbill::from_percent(20) * MAXIMUM_BLOCK_WEIGHT;
}

impl pallet_smart_contract::Config for Runtime {
    type RuntimeEvent = RuntimeEvent;
    type Currency = Balances;
    type TftPrice = TftPriceFromOracle;
    type StakingPoolAccount = StakingPoolAccount;
    type BillingFrequency = ConstU64<600>;
    type BillingReferencePeriod = ConstU64<3600>;
    type DistributionFrequency = ConstU16<24>;
    /// 14 days of 6-second blocks.
    type GracePeriod = ConstU64<{ 14 * DAYS as u64 }>;
    type BillingValidators = AuraAuthorityAccounts;
    type RestrictedOrigin = EnsureRootOrCouncilApproval;
    type BillingWeightPerBlock = BillingWeightPerBlock;
    type WeightInfo = pallet_smart_contract::weights::SubstrateWeight<Runtime>;
    type MaxNameContractNameLength = ConstU32<64>;
    type MaxDeploymentDataLength = ConstU32<512>;
    type MaxNodeContractPublicIps = ConstU32<512>;
    /// 10 Gbit/s of public traffic per contract.
    type MaxNruBytesPerSecond = ConstU64<1_250_000_000>;
    /// A node contract's bill takes at most twice the cost of its whole node and its IPs.
    type MaxBillMultiplier = ConstU32<2>;
    /// 0.00025 USD an hour (about 0.18 USD a month, the genesis price of a name).
    type NodeContractMinimumCharge = ConstU64<2_500>;
    /// A day without a report from the node.
    type NodeContractReportTimeout = ConstU64<{ 24 * 3600 }>;
    type MaxNodeContractsPerTwinPerNode = ConstU32<128>;
}

impl pallet_kvstore::Config for Runtime {
    type RuntimeEvent = RuntimeEvent;
    type WeightInfo = pallet_kvstore::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
    /// How long farmers may vote on a DAO proposal unless it says otherwise.
    pub const DaoMotionDuration: BlockNumber = 7 * DAYS;
    /// Council vetoes that reject a DAO proposal.
    pub const DaoMinVetos: u32 = 3;
}

impl pallet_dao::Config for Runtime {
    type RuntimeEvent = RuntimeEvent;
    type Proposal = RuntimeCall;
    type CouncilMembers = CouncilMembership;
    type Tfgrid = TfgridModule;
    type FarmName = pallet_tfgrid::farm::FarmName<Runtime>;
    type MotionDuration = DaoMotionDuration;
    type MinVetos = DaoMinVetos;
    type MaxProposalWeight = MaxCouncilProposalWeight;
    type WeightInfo = pallet_dao::weights::SubstrateWeight<Runtime>;
    #[cfg(feature = "runtime-benchmarks")]
    type BenchmarkHelper = DaoBenchmarkHelper;
}

/// Creates the farms the DAO benchmarks vote with.
#[cfg(feature = "runtime-benchmarks")]
pub struct DaoBenchmarkHelper;

#[cfg(feature = "runtime-benchmarks")]
impl pallet_dao::types::BenchmarkHelper<AccountId> for DaoBenchmarkHelper {
    fn create_farm(owner: &AccountId, seed: u32) -> u32 {
        use frame_support::{assert_ok, BoundedVec};
        let origin = RuntimeOrigin::signed(owner.clone());
        assert_ok!(TfgridModule::user_accept_tc(
            origin.clone(),
            BoundedVec::truncate_from(b"https://threefold.io/terms".to_vec()),
            BoundedVec::truncate_from(b"0x1234abcd".to_vec())
        ));
        assert_ok!(TfgridModule::create_twin(
            origin.clone(),
            Some(BoundedVec::truncate_from(b"relay.grid.tf".to_vec())),
            Some(BoundedVec::truncate_from(b"pk".to_vec()))
        ));
        assert_ok!(TfgridModule::create_farm(
            origin,
            BoundedVec::truncate_from(alloc::format!("dao_bench_farm_{seed}").into_bytes()),
            BoundedVec::new()
        ));
        pallet_tfgrid::FarmID::<Runtime>::get()
    }
}

impl pallet_tft_price::Config for Runtime {
    type RuntimeEvent = RuntimeEvent;
    type AuthorityId = pallet_tft_price::AuthId;
    type RestrictedOrigin = EnsureRootOrCouncilApproval;
    type WeightInfo = pallet_tft_price::weights::SubstrateWeight<Runtime>;
    type Validators = Session;
}

impl pallet_burning::Config for Runtime {
    type RuntimeEvent = RuntimeEvent;
    type Currency = Balances;
    /// Burned TFT leave the total issuance.
    type Burn = ();
    type WeightInfo = pallet_burning::weights::SubstrateWeight<Runtime>;
    type MaxBurnMessageLength = ConstU32<512>;
    type MaxBurns = ConstU32<100>;
}

impl pallet_tft_bridge::Config for Runtime {
    type RuntimeEvent = RuntimeEvent;
    type Currency = Balances;
    /// Bridge fees that are burned leave the total issuance.
    type Burn = ();
    type RestrictedOrigin = EnsureRootOrCouncilApproval;
    type RetryInterval = ConstU32<20>;
    type MaxPendingTransactions = ConstU32<256>;
    /// A user rarely has more than one withdrawal in flight; the cap keeps one account from
    /// holding the pending slots.
    type MaxPendingWithdrawalsPerAccount = ConstU32<5>;
    /// One hour: mint proposals short of the quorum are dropped, unpaid withdrawals refunded.
    type TransactionTimeout = ConstU32<600>;
    type WeightInfo = pallet_tft_bridge::weights::SubstrateWeight<Runtime>;
}

/// `ValidatorSet` as pallet-validator drives it: activated validators join, removed ones leave.
pub struct ValidatorSetOfRequests;

impl pallet_validator::ConsensusValidators<AccountId> for ValidatorSetOfRequests {
    fn add_validator(who: &AccountId) -> DispatchResult {
        ValidatorSet::add_validator(RuntimeOrigin::root(), who.clone())
    }
    fn remove_validator(who: &AccountId) -> DispatchResult {
        match ValidatorSet::remove_validator(RuntimeOrigin::root(), who.clone()) {
            // No standing in the set (the council removed it directly): nothing to undo.
            Err(error)
                if error == pallet_validator_set::Error::<Runtime>::ValidatorNotApproved.into() =>
                Ok(()),
            result => result,
        }
    }
}

/// The council seats that pallet-validator gives approved validators.
pub struct CouncilSeats;

impl pallet_validator::CouncilMembership<AccountId> for CouncilSeats {
    fn is_member(who: &AccountId) -> bool {
        pallet_membership::Members::<Runtime, pallet_membership::Instance1>::get().contains(who)
    }
    fn add_member(who: &AccountId) -> DispatchResult {
        CouncilMembership::add_member(RuntimeOrigin::root(), who.clone().into())
            .map(|_| ())
            .map_err(|error| error.error)
    }
    fn remove_member(who: &AccountId) -> DispatchResult {
        CouncilMembership::remove_member(RuntimeOrigin::root(), who.clone().into())
            .map(|_| ())
            .map_err(|error| error.error)
    }
}

impl pallet_validator::Config for Runtime {
    type RuntimeEvent = RuntimeEvent;
    type CouncilOrigin = EnsureRootOrCouncilApproval;
    type ConsensusValidators = ValidatorSetOfRequests;
    type CouncilMembership = CouncilSeats;
    type WeightInfo = pallet_validator::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
    /// Length of a reputation period: one day. Kept in storage under
    /// `twox128(":ReputationPeriodSecs:")` so that a chain spec (the end-to-end tests' dev chain)
    /// can shorten it; it must not change after the first uptime report.
    pub storage ReputationPeriodSecs: u64 = 24 * 60 * 60;
}

/// Node facts for the reputation pallet, from the registry and the contracts pallet.
pub struct ReputationNodeStatus;

/// Bytes in a GiB: reputation weighs capacity in GiB of memory.
const GIB: u64 = 1024 * 1024 * 1024;

impl pallet_reputation::NodeStatus for ReputationNodeStatus {
    fn node_state(node_id: u32) -> Option<pallet_reputation::types::NodeState> {
        use tfchain_support::{
            traits::NodeActiveContracts,
            types::{NodeCertification, Power},
        };
        let node = pallet_tfgrid::Nodes::<Runtime>::get(node_id)?;
        Some(pallet_reputation::types::NodeState {
            standby: pallet_tfgrid::NodePower::<Runtime>::get(node_id).target == Power::Down,
            has_active_contracts: !SmartContractModule::node_has_no_active_contracts(node_id),
            certified: node.certification == NodeCertification::Certified,
            capacity: (node.resources.mru / GIB).max(1),
        })
    }

    /// Called by the ranking query at most once per node looked at (at most
    /// `pallet_reputation::queries::MAX_SCAN` per page): the node, its `ActiveNodeContracts` and one
    /// `NodeContractResources` per active contract (at most `MAX_ACTIVE_NODE_CONTRACTS`). An
    /// aggregate of used resources per node in the contracts pallet would make it O(1).
    fn free_capacity(node_id: u32) -> Option<u64> {
        let node = pallet_tfgrid::Nodes::<Runtime>::get(node_id)?;
        let used = pallet_smart_contract::ActiveNodeContracts::<Runtime>::get(node_id)
            .iter()
            .map(|id| pallet_smart_contract::NodeContractResources::<Runtime>::get(id).used.mru)
            .fold(0u64, |sum, mru| sum.saturating_add(mru));
        Some(node.resources.mru.saturating_sub(used) / GIB)
    }
}

impl pallet_reputation::Config for Runtime {
    type RuntimeEvent = RuntimeEvent;
    type WeightInfo = pallet_reputation::weights::SubstrateWeight<Runtime>;
    type Time = Timestamp;
    type OnlineTime = Dao;
    type NodeStatus = ReputationNodeStatus;
    type PeriodSecs = ReputationPeriodSecs;
    type LowScoreThreshold = ConstU32<900>;
}

impl pallet_runtime_upgrade::Config for Runtime {
    type SetCodeOrigin = EnsureRootOrCouncilApproval;
    type WeightInfo = weights::frame_system::WeightInfo<Runtime>;
}

parameter_types! {
    pub const CouncilMotionDuration: BlockNumber = 2 * HOURS;
    pub MaxCouncilProposalWeight: Weight = Perbill::from_percent(50) * RuntimeBlockWeights::get().max_block;
}

impl pallet_collective::Config<CouncilCollective> for Runtime {
    type RuntimeOrigin = RuntimeOrigin;
    type Proposal = RuntimeCall;
    type RuntimeEvent = RuntimeEvent;
    type MotionDuration = CouncilMotionDuration;
    type MaxProposals = ConstU32<100>;
    type MaxMembers = ConstU32<100>;
    type DefaultVote = pallet_collective::PrimeDefaultVote;
    type WeightInfo = weights::pallet_collective::WeightInfo<Runtime>;
    type SetMembersOrigin = EnsureRoot<AccountId>;
    type MaxProposalWeight = MaxCouncilProposalWeight;
    type DisapproveOrigin = EnsureRootOrCouncilApproval;
    type KillOrigin = EnsureRootOrCouncilApproval;
    type Consideration = ();
}

impl pallet_membership::Config<pallet_membership::Instance1> for Runtime {
    type RuntimeEvent = RuntimeEvent;
    type AddOrigin = EnsureRootOrCouncilApproval;
    type RemoveOrigin = EnsureRootOrCouncilApproval;
    type SwapOrigin = EnsureRootOrCouncilApproval;
    type ResetOrigin = EnsureRootOrCouncilApproval;
    type PrimeOrigin = EnsureRootOrCouncilApproval;
    type MembershipInitialized = Council;
    type MembershipChanged = Council;
    type MaxMembers = ConstU32<100>;
    type WeightInfo = weights::pallet_membership::WeightInfo<Runtime>;
}
