//! Verified online time: what two consecutive uptime reports prove about the time between them.
//!
//! A node reports its uptime (seconds since it booted) about every [`REPORT_INTERVAL_SECS`]. A
//! report proves the node online since the previous report when the reported uptime grew as the
//! chain's clock did; a smaller uptime means the node rebooted, and only the time since the boot
//! is online; a gap longer than [`MAX_REPORT_GAP_SECS`] proves nothing. The uptime itself is
//! self-attested (see `docs/reputation.md`).

/// How often a node sends an uptime report (ZOS: about every two hours).
pub const REPORT_INTERVAL_SECS: u64 = 2 * 60 * 60;
/// Longest gap between two reports whose time still counts as online: two intervals, so one
/// lost report costs nothing.
pub const MAX_REPORT_GAP_SECS: u64 = 2 * REPORT_INTERVAL_SECS;
/// Slack between the growth of the reported uptime and the chain's clock (inclusion delay of the
/// reports, timestamp granularity).
pub const UPTIME_TOLERANCE_SECS: u64 = 5 * 60;
/// Share of a period, in permill, that must be proven online for the period to count as
/// available (18 hours of a day). Before the node's first report a period is not held against it.
pub const AVAILABLE_PERMILL: u64 = 750;

/// The seconds before `now` that a report of `uptime` proves online, after a report at
/// `last_secs` of `last_uptime`:
///
/// - the whole gap when the uptime grew with the clock (within [`UPTIME_TOLERANCE_SECS`]);
/// - only `uptime` (at most the gap) when it grew less: the node rebooted in between;
/// - nothing when it grew more than the clock (not credible), when the gap is longer than
///   [`MAX_REPORT_GAP_SECS`], or when the clock did not move.
pub fn proven_secs(last_secs: u64, last_uptime: u64, now: u64, uptime: u64) -> u64 {
    let elapsed = match now.checked_sub(last_secs) {
        Some(elapsed) if elapsed > 0 && elapsed <= MAX_REPORT_GAP_SECS => elapsed,
        _ => return 0,
    };
    let expected = last_uptime.saturating_add(elapsed);
    if uptime.saturating_add(UPTIME_TOLERANCE_SECS) < expected {
        uptime.min(elapsed)
    } else if uptime > expected.saturating_add(UPTIME_TOLERANCE_SECS) {
        0
    } else {
        elapsed
    }
}

/// True when `online` seconds of period `period` (of `period_secs`) are enough for it to count as
/// available: [`AVAILABLE_PERMILL`] of its part from `first_report_secs` on.
pub fn is_available(period: u64, online: u64, period_secs: u64, first_report_secs: u64) -> bool {
    let start = period.saturating_mul(period_secs);
    let end = start.saturating_add(period_secs);
    let observable = end.saturating_sub(start.max(first_report_secs));
    online.saturating_mul(1000) >= observable.saturating_mul(AVAILABLE_PERMILL)
}
