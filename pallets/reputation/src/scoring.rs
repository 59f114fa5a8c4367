//! The score: pure integer arithmetic on a [`NodeRecord`] (see `docs/reputation.md`).

use crate::types::{NodeRecord, NodeReputation};

/// Closed periods kept in the window.
pub const WINDOW: u32 = 30;
/// Bits of the window bitmaps.
pub const WINDOW_MASK: u32 = (1 << WINDOW) - 1;
/// Weight of the availability over the window, in permill of the score.
pub const WEIGHT_AVAILABILITY_30: u64 = 700;
/// Weight of the all-time availability.
pub const WEIGHT_AVAILABILITY_ALL: u64 = 200;
/// Weight of the age.
pub const WEIGHT_AGE: u64 = 50;
/// Weight of the certification.
pub const WEIGHT_CERTIFICATION: u64 = 50;
/// Age, in periods, at which the age component is full.
pub const AGE_FULL_PERIODS: u32 = 360;
/// Permill taken off the score for each SLA miss in the window.
pub const SLA_MISS_PENALTY: u32 = 15;

/// `part * 1000 / whole`, or 1000 when nothing was counted yet.
fn permill(part: u32, whole: u32) -> u32 {
    if whole == 0 {
        return 1000;
    }
    (u64::from(part).saturating_mul(1000) / u64::from(whole)) as u32
}

/// Shift `count` periods with the same bit into a window bitmap.
fn push(bits: u32, set: bool, count: u32) -> u32 {
    if count >= WINDOW {
        return if set { WINDOW_MASK } else { 0 };
    }
    let fill = if set { (1u32 << count) - 1 } else { 0 };
    ((bits << count) | fill) & WINDOW_MASK
}

impl NodeRecord {
    /// A record for a node first seen in `period`.
    pub fn new(farm_id: u32, period: u32) -> Self {
        NodeRecord {
            farm_id,
            first_period: period,
            current_period: period,
            capacity: 1,
            ..Default::default()
        }
    }

    /// Close `count` periods with the given status.
    fn close(&mut self, count: u32, reported: bool, standby: bool, contracts: bool) {
        let counted = reported || !standby;
        let sla_missed = counted && !reported && contracts;
        self.counted = push(self.counted, counted, count);
        self.available = push(self.available, reported, count);
        self.sla_missed = push(self.sla_missed, sla_missed, count);
        if counted {
            self.total_counted = self.total_counted.saturating_add(count);
        }
        if reported {
            self.total_available = self.total_available.saturating_add(count);
        }
        if sla_missed {
            self.total_sla_missed = self.total_sla_missed.saturating_add(count);
        }
    }

    /// Close the period in progress and every period up to `period` (exclusive), in O(1).
    ///
    /// The period in progress is scored with what was seen during it; the periods without any
    /// observation take the standby and contract state of the last observation.
    pub fn advance_to(&mut self, period: u32) {
        if period <= self.current_period {
            return;
        }
        self.close(1, self.reported, self.standby_seen, self.contracts_seen);
        let gap = period - self.current_period - 1;
        if gap > 0 {
            self.close(gap, false, self.standby, self.has_contracts);
        }
        self.current_period = period;
        self.reported = false;
        self.standby_seen = self.standby;
        self.contracts_seen = self.has_contracts;
    }

    /// The score and its components, with the window as it stands (call [`Self::advance_to`]
    /// first to score as of a later period).
    pub fn reputation(&self, node_id: u32) -> NodeReputation {
        let counted_30 = self.counted.count_ones();
        let availability_30 = permill(self.available.count_ones(), counted_30);
        let availability_all = permill(self.total_available, self.total_counted);
        let sla_misses_30 = self.sla_missed.count_ones();
        let age_periods = self.current_period.saturating_sub(self.first_period);
        let age = permill(age_periods.min(AGE_FULL_PERIODS), AGE_FULL_PERIODS);
        let certification = if self.certified { 1000 } else { 0 };
        let weighted = (WEIGHT_AVAILABILITY_30 * u64::from(availability_30)
            + WEIGHT_AVAILABILITY_ALL * u64::from(availability_all)
            + WEIGHT_AGE * u64::from(age)
            + WEIGHT_CERTIFICATION * certification)
            / 1000;
        let score =
            (weighted as u32).saturating_sub(SLA_MISS_PENALTY.saturating_mul(sla_misses_30));
        NodeReputation {
            node_id,
            farm_id: self.farm_id,
            score_permill: score,
            availability_30_permill: availability_30,
            availability_all_permill: availability_all,
            sla_misses_30,
            sla_misses_all: self.total_sla_missed,
            age_periods,
            certified: self.certified,
            counted_30,
        }
    }
}
