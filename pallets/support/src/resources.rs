//! Node capacity and the grid's capacity units.
//!
//! The arithmetic below is consensus-relevant: farming-policy limits are consumed in CU and SU
//! computed exactly this way, including its integer divisions and its quirks (see
//! [`Resources::get_cu`]).

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_runtime::Percent;

/// One gibibyte, in bytes.
pub const GIGABYTE: u128 = 1024 * 1024 * 1024;
/// Scale factor used by the capacity-unit formulas.
const ONE_THOUSAND: u128 = 1_000;
/// Minimum SSD (`sru`) or HDD (`hru`) size, in bytes, for the disk to count as node storage.
pub const MIN_STORAGE_BYTES: u64 = 100 * GIGABYTE as u64;
/// Minimum memory (`mru`) of a node, in bytes.
pub const MIN_MEMORY_BYTES: u64 = 2 * GIGABYTE as u64;

/// Capacity of a node. Field order is the SCALE order.
#[derive(
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Clone,
    Copy,
    Encode,
    Decode,
    DecodeWithMemTracking,
    Default,
    Debug,
    TypeInfo,
    MaxEncodedLen,
)]
pub struct Resources {
    /// HDD capacity, in bytes.
    pub hru: u64,
    /// SSD capacity, in bytes.
    pub sru: u64,
    /// CPU cores.
    pub cru: u64,
    /// Memory, in bytes.
    pub mru: u64,
}

impl Resources {
    /// All-zero capacity.
    pub fn empty() -> Resources {
        Resources::default()
    }

    /// Field-by-field sum, saturating at `u64::MAX`.
    // The name is the one other pallets know; `Resources` is not a number to implement `Add` for.
    #[allow(clippy::should_implement_trait)]
    pub fn add(mut self, other: &Resources) -> Resources {
        self.cru = self.cru.saturating_add(other.cru);
        self.sru = self.sru.saturating_add(other.sru);
        self.hru = self.hru.saturating_add(other.hru);
        self.mru = self.mru.saturating_add(other.mru);
        self
    }

    /// True when the HDD is large enough to serve as the node's storage (at least 100 GiB).
    pub fn validate_hru(&self) -> bool {
        self.hru >= MIN_STORAGE_BYTES
    }

    /// True when the SSD is large enough to serve as the node's storage (at least 100 GiB).
    pub fn validate_sru(&self) -> bool {
        self.sru >= MIN_STORAGE_BYTES
    }

    /// True when the node has at least one disk (HDD or SSD) of the minimum storage size.
    pub fn validate_storage(&self) -> bool {
        self.validate_hru() || self.validate_sru()
    }

    /// True when the node has at least one CPU core.
    pub fn validate_cru(&self) -> bool {
        self.cru >= 1
    }

    /// True when the node has at least 2 GiB of memory.
    pub fn validate_mru(&self) -> bool {
        self.mru >= MIN_MEMORY_BYTES
    }

    /// Compute units of the node: `2 * (min(cpu, memory, ssd) / GiB / 1000)`.
    ///
    /// The minimum is taken over three scaled terms: `cru * 2 GiB * 1000`,
    /// `(mru - 1) * GiB * 1000 / 4` and `sru * 1000 / 50`. Two consensus quirks are kept on
    /// purpose: the memory term multiplies a byte count by GiB again, and when no term is strictly
    /// the smallest (a tie) the result is 0.
    ///
    /// The terms are computed in `u128` and the result saturates at `u64::MAX`: nothing is
    /// truncated.
    pub fn get_cu(&self) -> u64 {
        let calculated_cu = 2u128.saturating_mul(self.calc_cu() / GIGABYTE / ONE_THOUSAND);
        saturate_to_u64(calculated_cu)
    }

    /// The strictly smallest of the three scaled CU terms, or 0 on a tie (see [`Self::get_cu`]).
    fn calc_cu(&self) -> u128 {
        let cru_min = u128::from(self.cru)
            .saturating_mul(2)
            .saturating_mul(GIGABYTE)
            .saturating_mul(ONE_THOUSAND);
        let mru_min = u128::from(self.mru.saturating_sub(1))
            .saturating_mul(GIGABYTE)
            .saturating_mul(ONE_THOUSAND)
            / 4;
        let sru_min = u128::from(self.sru).saturating_mul(ONE_THOUSAND) / 50;

        if cru_min < mru_min && cru_min < sru_min {
            cru_min
        } else if mru_min < cru_min && mru_min < sru_min {
            mru_min
        } else if sru_min < cru_min && sru_min < mru_min {
            sru_min
        } else {
            0
        }
    }

    /// Storage units of the node: `(hru * 1000 / 1200 + sru * 1000 / 250) / GiB / 1000`, with
    /// integer division at every step (in `u128`, saturating at `u64::MAX`).
    pub fn get_su(&self) -> u64 {
        let hru = u128::from(self.hru).saturating_mul(ONE_THOUSAND) / 1200;
        let sru = u128::from(self.sru).saturating_mul(ONE_THOUSAND) / 250;
        saturate_to_u64(hru.saturating_add(sru) / GIGABYTE / ONE_THOUSAND)
    }

    /// The weight of a node: `2 * cu + su`.
    pub fn get_node_weight(&self) -> u64 {
        self.get_cu()
            .saturating_mul(2)
            .saturating_add(self.get_su())
    }

    /// True when any of cru, sru, hru or mru moved by more than `tolerance` percent of its
    /// `before` value (rounded as `Percent * u64` rounds: to nearest, ties down).
    pub fn has_changed(before: &Resources, after: &Resources, tolerance: u8) -> bool {
        let changed = |a: u64, b: u64| a.abs_diff(b) > Percent::from_percent(tolerance) * a;
        changed(before.cru, after.cru)
            || changed(before.sru, after.sru)
            || changed(before.hru, after.hru)
            || changed(before.mru, after.mru)
    }

    /// True when all four fields are 0.
    pub fn is_empty(&self) -> bool {
        self.cru == 0 && self.sru == 0 && self.hru == 0 && self.mru == 0
    }
}

/// `value`, or `u64::MAX` when it does not fit.
fn saturate_to_u64(value: u128) -> u64 {
    u64::try_from(value).unwrap_or(u64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GIB: u64 = GIGABYTE as u64;
    const TIB: u64 = 1024 * GIB;

    #[test]
    fn cu_is_limited_by_cpu_when_cpu_is_the_smallest_term() {
        let r = Resources {
            hru: 4 * TIB,
            cru: 64,
            mru: 64 * TIB,
            sru: 12 * TIB,
        };
        assert_eq!(r.get_cu(), 256);
    }

    #[test]
    fn cu_multiplies_memory_bytes_by_gib_again() {
        // 8 *bytes* of memory make memory the smallest term: the upstream formula is kept.
        let r = Resources {
            hru: 4 * TIB,
            cru: 4,
            mru: 8,
            sru: 12 * TIB,
        };
        assert_eq!(r.get_cu(), 2);
    }

    #[test]
    fn cu_is_limited_by_ssd_for_the_reference_test_node() {
        let r = Resources {
            hru: 1024 * GIB,
            sru: 512 * GIB,
            cru: 8,
            mru: 16 * GIB,
        };
        assert_eq!(r.get_cu(), 20);
        assert_eq!(r.get_su(), 2);
        assert_eq!(r.get_node_weight(), 42);
    }

    #[test]
    fn cu_is_zero_when_the_smallest_term_is_tied() {
        // Every term is 0: no strict minimum.
        assert_eq!(Resources::empty().get_cu(), 0);
        // cpu term == ssd term: 1 core gives 2 GiB * 1000, an SSD of 100 GiB gives 2 GiB * 1000.
        let r = Resources {
            hru: 0,
            sru: 100 * GIB,
            cru: 1,
            mru: 1024 * GIB,
        };
        assert_eq!(r.get_cu(), 0);
    }

    #[test]
    fn su_adds_hdd_and_ssd_terms() {
        let r = Resources {
            hru: 4 * TIB,
            sru: 12 * TIB,
            cru: 0,
            mru: 0,
        };
        assert_eq!(r.get_su(), 52);
    }

    #[test]
    fn su_of_ssd_only() {
        let r = Resources {
            hru: 0,
            sru: 12 * TIB,
            cru: 0,
            mru: 0,
        };
        assert_eq!(r.get_su(), 49);
    }

    #[test]
    fn su_of_hdd_only() {
        let r = Resources {
            hru: 4 * TIB,
            sru: 0,
            cru: 0,
            mru: 0,
        };
        assert_eq!(r.get_su(), 3);
    }

    #[test]
    fn cu_and_su_never_panic_on_maximal_values() {
        let r = Resources {
            hru: u64::MAX,
            sru: u64::MAX,
            cru: u64::MAX,
            mru: u64::MAX,
        };
        // The result is meaningless for such inputs, but computing it must not panic.
        let _ = r.get_cu();
        assert!(r.get_su() > 0);
        let _ = r.get_node_weight();
    }

    #[test]
    fn attack_a_capacity_whose_smallest_cu_term_exceeds_u64_wraps_to_almost_nothing() {
        // The SSD term (sru * 1000 / 50) is the smallest and just above u64::MAX; the CPU and
        // memory terms are larger still. Truncating it to u64 left 4, i.e. 0 CU.
        let sru = u64::MAX / 20 + 1;
        let r = Resources {
            hru: 0,
            sru,
            cru: u64::MAX,
            mru: u64::MAX,
        };
        let ssd_term = u128::from(sru) * 1000 / 50;
        assert!(ssd_term > u128::from(u64::MAX));
        assert_eq!(u128::from(r.get_cu()), 2 * (ssd_term / GIGABYTE / 1000));
        // More SSD never gives fewer CU.
        let smaller = Resources {
            sru: u64::MAX / 20,
            ..r
        };
        assert!(r.get_cu() >= smaller.get_cu());
        assert!(r.get_node_weight() >= smaller.get_node_weight());
    }

    #[test]
    fn has_changed_uses_the_tolerance_of_the_before_value() {
        let before = Resources {
            hru: 1000,
            sru: 1000,
            cru: 100,
            mru: 1000,
        };
        // 1% of 1000 is 10: a change of 10 is within the tolerance, 11 is not.
        let within = Resources {
            hru: 1010,
            sru: 990,
            cru: 101,
            mru: 1000,
        };
        assert!(!Resources::has_changed(&before, &within, 1));
        let beyond = Resources {
            mru: 1011,
            ..before
        };
        assert!(Resources::has_changed(&before, &beyond, 1));
        // 1% of 100 cores is 1: two more cores is a change.
        let cpu = Resources { cru: 102, ..before };
        assert!(Resources::has_changed(&before, &cpu, 1));
        // From zero every increase is a change.
        let one_core = Resources {
            cru: 1,
            ..Default::default()
        };
        assert!(Resources::has_changed(&Resources::empty(), &one_core, 1));
        assert!(!Resources::has_changed(&before, &before, 0));
    }

    #[test]
    fn storage_is_valid_with_either_a_large_hdd_or_a_large_ssd() {
        let hdd_only = Resources {
            hru: 100 * GIB,
            sru: 0,
            cru: 1,
            mru: 2 * GIB,
        };
        let ssd_only = Resources {
            hru: 0,
            sru: 100 * GIB,
            cru: 1,
            mru: 2 * GIB,
        };
        let too_small = Resources {
            hru: 100 * GIB - 1,
            sru: 100 * GIB - 1,
            cru: 1,
            mru: 2 * GIB,
        };
        assert!(hdd_only.validate_storage() && hdd_only.validate_hru() && !hdd_only.validate_sru());
        assert!(ssd_only.validate_storage() && ssd_only.validate_sru() && !ssd_only.validate_hru());
        assert!(!too_small.validate_storage());
        assert!(too_small.validate_cru() && too_small.validate_mru());
        assert!(!Resources::empty().validate_cru());
        assert!(!Resources {
            mru: 2 * GIB - 1,
            ..Default::default()
        }
        .validate_mru());
    }

    #[test]
    fn add_sums_field_by_field_and_is_empty_detects_zero() {
        let a = Resources {
            hru: 1,
            sru: 2,
            cru: 3,
            mru: 4,
        };
        assert_eq!(
            a.add(&a),
            Resources {
                hru: 2,
                sru: 4,
                cru: 6,
                mru: 8
            }
        );
        assert!(Resources::empty().is_empty());
        assert!(!a.is_empty());
        let max = Resources {
            hru: u64::MAX,
            sru: 0,
            cru: 0,
            mru: 0,
        };
        assert_eq!(max.add(&a).hru, u64::MAX);
    }
}
