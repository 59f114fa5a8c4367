//! The score: pure integer arithmetic on a [`NodeRecord`] (see `docs/reputation.md`).

use crate::{
    online,
    types::{NodeRecord, NodeReputation},
};
use sp_runtime::SaturatedConversion;

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

/// The period that `secs` falls in, for periods of `period_secs` (at least 1) seconds.
pub fn period_index(secs: u64, period_secs: u64) -> u32 {
    (secs / period_secs.max(1)).saturated_into()
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
    /// A record for a node whose first uptime report (of `uptime_secs`) came at `now_secs`, in
    /// `period`.
    pub fn new(farm_id: u32, period: u32, now_secs: u64, uptime_secs: u64) -> Self {
        NodeRecord {
            farm_id,
            first_period: period,
            current_period: period,
            reported: true,
            capacity: 1,
            first_report_secs: now_secs,
            last_report_secs: now_secs,
            last_uptime_secs: uptime_secs,
            ..Default::default()
        }
    }

    /// Close `count` periods with the given status.
    fn close(
        &mut self,
        count: u32,
        reported: bool,
        available: bool,
        standby: bool,
        contracts: bool,
    ) {
        if count == 0 {
            return;
        }
        let counted = available || reported || !standby;
        let sla_missed = counted && !available && contracts;
        self.counted = push(self.counted, counted, count);
        self.available = push(self.available, available, count);
        self.sla_missed = push(self.sla_missed, sla_missed, count);
        if counted {
            self.total_counted = self.total_counted.saturating_add(count);
        }
        if available {
            self.total_available = self.total_available.saturating_add(count);
        }
        if sla_missed {
            self.total_sla_missed = self.total_sla_missed.saturating_add(count);
        }
    }

    /// Record an uptime report of `uptime_secs` at `now_secs`: credit the online time it proves
    /// since the previous report ([`online::proven_secs`]) to the periods it covers, closing
    /// the periods that ended since, in O(1).
    /// A report dated before the previous one (the chain's clock never goes back) only marks
    /// the period as reported.
    pub fn record_report(&mut self, now_secs: u64, uptime_secs: u64, period_secs: u64) {
        if now_secs < self.last_report_secs {
            self.reported = true;
            return;
        }
        let proven = online::proven_secs(
            self.last_report_secs,
            self.last_uptime_secs,
            now_secs,
            uptime_secs,
        );
        let online_from = (proven > 0).then(|| now_secs.saturating_sub(proven));
        let period = period_index(now_secs, period_secs);
        self.advance(period, online_from, period_secs);
        if let Some(from) = online_from {
            let start = u64::from(period).saturating_mul(period_secs);
            self.online_secs = self
                .online_secs
                .saturating_add(now_secs.saturating_sub(from.max(start)));
        }
        self.total_online_secs = self.total_online_secs.saturating_add(proven);
        self.last_report_secs = now_secs;
        self.last_uptime_secs = uptime_secs;
        self.reported = true;
    }

    /// Close the period in progress and every period up to `period` (exclusive), in O(1), with
    /// no online time proven since the last report.
    ///
    /// The period in progress is scored with what was seen during it; the periods without any
    /// observation take the standby and contract state of the last observation.
    pub fn advance_to(&mut self, period: u32, period_secs: u64) {
        self.advance(period, None, period_secs);
    }

    /// [`Self::advance_to`], with the time from `online_from` on proven online.
    fn advance(&mut self, period: u32, online_from: Option<u64>, period_secs: u64) {
        if period <= self.current_period {
            return;
        }
        let current = u64::from(self.current_period);
        let start = current.saturating_mul(period_secs);
        let end = start.saturating_add(period_secs);
        if let Some(from) = online_from {
            self.online_secs = self
                .online_secs
                .saturating_add(end.saturating_sub(from.max(start)));
        }
        let available = self.available_with(current, self.online_secs, period_secs);
        self.close(
            1,
            self.reported,
            available,
            self.standby_seen,
            self.contracts_seen,
        );

        // The periods in between: unproven up to the one `online_from` falls in (which is
        // proven from there on), proven after it.
        let (standby, contracts) = (self.standby, self.has_contracts);
        let first_gap = self.current_period.saturating_add(1);
        let (partial, first_proven) = match online_from {
            Some(from) => {
                let from_period = period_index(from, period_secs);
                if from_period >= first_gap && from_period < period {
                    let online = u64::from(from_period)
                        .saturating_add(1)
                        .saturating_mul(period_secs)
                        .saturating_sub(from);
                    (Some((from_period, online)), from_period.saturating_add(1))
                } else {
                    (None, from_period.clamp(first_gap, period))
                }
            }
            None => (None, period),
        };
        let unproven_end = partial.map_or(first_proven, |(from_period, _)| from_period);
        self.close(
            unproven_end.saturating_sub(first_gap),
            false,
            false,
            standby,
            contracts,
        );
        if let Some((from_period, online)) = partial {
            let available = self.available_with(u64::from(from_period), online, period_secs);
            self.close(1, false, available, standby, contracts);
        }
        self.close(
            period.saturating_sub(first_proven),
            false,
            true,
            standby,
            contracts,
        );

        self.current_period = period;
        self.reported = false;
        self.online_secs = 0;
        self.standby_seen = self.standby;
        self.contracts_seen = self.has_contracts;
    }

    /// Whether `online` seconds make period `period` of this node available.
    fn available_with(&self, period: u64, online: u64, period_secs: u64) -> bool {
        online::is_available(period, online, period_secs, self.first_report_secs)
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
