//! Records kept per node and per farm, and the answers of the runtime API.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// What the runtime tells the pallet about a node at the moment it is observed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NodeState {
    /// True when the farmer put the node on standby (power target Down).
    pub standby: bool,
    /// True when at least one active contract runs on the node.
    pub has_active_contracts: bool,
    /// True when the node is certified.
    pub certified: bool,
    /// Total capacity of the node, in the runtime's capacity units (weighs the farm score).
    pub capacity: u64,
}

/// The bookkeeping of one node: the period in progress, a fixed window of the last
/// [`crate::scoring::WINDOW`] closed periods as bitmaps (bit 0 = most recent), and all-time counters.
#[derive(
    Clone,
    Debug,
    Default,
    PartialEq,
    Eq,
    Encode,
    Decode,
    DecodeWithMemTracking,
    TypeInfo,
    MaxEncodedLen,
)]
pub struct NodeRecord {
    /// The farm of the node, as last observed.
    pub farm_id: u32,
    /// Period of the node's first uptime report.
    pub first_period: u32,
    /// The period in progress (not yet scored).
    pub current_period: u32,
    /// The node reported during the period in progress.
    pub reported: bool,
    /// Seconds of the period in progress proven online by consecutive uptime reports.
    pub online_secs: u64,
    /// The node was seen on standby during the period in progress.
    pub standby_seen: bool,
    /// The node was seen with active contracts during the period in progress.
    pub contracts_seen: bool,
    /// Standby at the last observation; applies to the periods without any observation.
    pub standby: bool,
    /// Active contracts at the last observation; applies to the periods without any observation.
    pub has_contracts: bool,
    /// Certified at the last observation.
    pub certified: bool,
    /// Capacity at the last observation (at least 1).
    pub capacity: u64,
    /// Window bitmap: the period counted (the node was meant to be up).
    pub counted: u32,
    /// Window bitmap: the node was available (proven online for most of the period).
    pub available: u32,
    /// Window bitmap: the node was unavailable while it had active contracts.
    pub sla_missed: u32,
    /// Closed periods counted since the first report.
    pub total_counted: u32,
    /// Closed periods in which the node was available since the first report.
    pub total_available: u32,
    /// Closed SLA misses since the first report.
    pub total_sla_missed: u32,
    /// Score at the last observation, in permill.
    pub score: u32,
    /// The score was below the alert threshold at the last observation.
    pub below_threshold: bool,
    /// Chain time of the node's first uptime report, in seconds.
    pub first_report_secs: u64,
    /// Chain time of its last uptime report, in seconds.
    pub last_report_secs: u64,
    /// The uptime (seconds since boot) that report claimed.
    pub last_uptime_secs: u64,
    /// Seconds proven online since the first report (what the DAO's trust rule reads).
    pub total_online_secs: u64,
}

/// The capacity-weighted sum of the last observed scores of a farm's nodes.
#[derive(
    Clone,
    Debug,
    Default,
    PartialEq,
    Eq,
    Encode,
    Decode,
    DecodeWithMemTracking,
    TypeInfo,
    MaxEncodedLen,
)]
pub struct FarmTotals {
    /// Number of nodes with a record.
    pub nodes: u32,
    /// Sum of their capacities.
    pub capacity: u128,
    /// Sum of `score * capacity` over them.
    pub weighted_score: u128,
}

/// A node's reputation with its components, as returned by the runtime API.
#[derive(Clone, Debug, Default, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct NodeReputation {
    /// The node.
    pub node_id: u32,
    /// Its farm.
    pub farm_id: u32,
    /// The score, in permill.
    pub score_permill: u32,
    /// Availability over the last closed periods of the window, in permill.
    pub availability_30_permill: u32,
    /// Availability over all closed periods, in permill.
    pub availability_all_permill: u32,
    /// Periods of the window in which the node was unavailable with active contracts.
    pub sla_misses_30: u32,
    /// Such periods since the first report.
    pub sla_misses_all: u32,
    /// Periods since the first report.
    pub age_periods: u32,
    /// Whether the node is certified.
    pub certified: bool,
    /// Periods of the window that were counted (not on standby).
    pub counted_30: u32,
}

/// A farm's reputation, as returned by the runtime API.
#[derive(Clone, Debug, Default, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct FarmReputation {
    /// The farm.
    pub farm_id: u32,
    /// Capacity-weighted mean of its nodes' scores, in permill.
    pub score_permill: u32,
    /// Number of its nodes with a reputation.
    pub nodes: u32,
    /// Their total capacity.
    pub capacity: u128,
}

/// One entry of the ranking of nodes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct RankedNode {
    /// The node.
    pub node_id: u32,
    /// Its farm.
    pub farm_id: u32,
    /// Its score, in permill.
    pub score_permill: u32,
    /// Its free capacity.
    pub free_capacity: u64,
}

/// The key of a node in the ranking index ([`crate::pallet::NodeRanks`]): `1000 - score` then the
/// node id, both big-endian, so that the index (hashed with `Identity`) iterates best score first,
/// ties by node id.
pub type RankKey = [u8; 8];

/// The ranking key of `node_id` with a score of `score_permill` (above 1000 counts as 1000).
pub fn rank_key(score_permill: u32, node_id: u32) -> RankKey {
    let mut key = [0u8; 8];
    key[..4].copy_from_slice(&1000u32.saturating_sub(score_permill).to_be_bytes());
    key[4..].copy_from_slice(&node_id.to_be_bytes());
    key
}

/// The `(score_permill, node_id)` of a ranking key.
pub fn rank_of(key: &RankKey) -> (u32, u32) {
    let [a, b, c, d, e, f, g, h] = *key;
    (
        1000u32.saturating_sub(u32::from_be_bytes([a, b, c, d])),
        u32::from_be_bytes([e, f, g, h]),
    )
}

/// Where a page of the ranking starts: just after this entry (the `next` of the previous page).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct RankCursor {
    /// The score of the last entry looked at.
    pub score_permill: u32,
    /// Its node.
    pub node_id: u32,
}

/// A page of the ranking of nodes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct RankedPage {
    /// The nodes of the page, best score first, ties by node id.
    pub nodes: alloc::vec::Vec<RankedNode>,
    /// Where the next page starts, or `None` when the ranking ends here.
    pub next: Option<RankCursor>,
}
