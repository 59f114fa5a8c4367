//! Unsigned 64.64 fixed-point numbers, with the rounding the billing formulas are specified in:
//! multiplication and division truncate to 2^-64, [`U64F64::round`] rounds half up.
//!
//! Results that do not fit saturate instead of panicking; division by zero gives zero.

use sp_runtime::helpers_128bit::multiply_by_rational_with_rounding;
use sp_runtime::Rounding;

/// One, in bits.
const ONE: u128 = 1 << 64;

/// An unsigned fixed-point number with 64 integer and 64 fractional bits.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug, Default)]
pub struct U64F64(u128);

impl U64F64 {
    /// The largest value.
    pub const MAX: U64F64 = U64F64(u128::MAX);

    /// The number whose raw representation is `bits` (value `bits / 2^64`).
    pub const fn from_bits(bits: u128) -> Self {
        U64F64(bits)
    }

    /// The integer `n` (saturating above 2^64 − 1).
    pub fn from_int(n: u128) -> Self {
        if n >= ONE {
            Self::MAX
        } else {
            U64F64(n << 64)
        }
    }

    /// The raw representation.
    pub const fn to_bits(self) -> u128 {
        self.0
    }

    /// `self + other`, saturating.
    pub fn add(self, other: Self) -> Self {
        U64F64(self.0.saturating_add(other.0))
    }

    /// `self * other`, truncated to 2^-64, saturating.
    pub fn mul(self, other: Self) -> Self {
        U64F64(
            multiply_by_rational_with_rounding(self.0, other.0, ONE, Rounding::Down)
                .unwrap_or(u128::MAX),
        )
    }

    /// `self / other`, truncated to 2^-64, saturating; zero when `other` is zero.
    pub fn div(self, other: Self) -> Self {
        if other.0 == 0 {
            return U64F64(0);
        }
        U64F64(
            multiply_by_rational_with_rounding(self.0, ONE, other.0, Rounding::Down)
                .unwrap_or(u128::MAX),
        )
    }

    /// `self / n` for an integer `n`, truncated to 2^-64; zero when `n` is zero.
    pub fn div_int(self, n: u128) -> Self {
        U64F64(self.0.checked_div(n).unwrap_or(0))
    }

    /// `self * n` for an integer `n`, saturating.
    pub fn mul_int(self, n: u128) -> Self {
        U64F64(self.0.saturating_mul(n))
    }

    /// The smaller of two values.
    pub fn min(self, other: Self) -> Self {
        core::cmp::min(self, other)
    }

    /// The larger of two values.
    pub fn max(self, other: Self) -> Self {
        core::cmp::max(self, other)
    }

    /// The nearest integer, halves rounded up.
    pub fn round(self) -> u64 {
        let rounded = self.0.saturating_add(ONE >> 1) >> 64;
        u64::try_from(rounded).unwrap_or(u64::MAX)
    }
}

#[cfg(test)]
mod tests {
    use super::U64F64;

    #[test]
    fn arithmetic_truncates_and_round_goes_half_up() {
        let third = U64F64::from_int(1).div(U64F64::from_int(3));
        assert_eq!(third.to_bits(), (1u128 << 64) / 3);
        assert_eq!(third.mul(U64F64::from_int(3)).round(), 1);
        assert_eq!(U64F64::from_bits(1u128 << 63).round(), 1);
        assert_eq!(U64F64::from_bits((1u128 << 63) - 1).round(), 0);
        assert_eq!(U64F64::from_int(7).div_int(2).round(), 4);
        assert_eq!(U64F64::from_int(5).div(U64F64::from_int(0)), U64F64::from_int(0));
        assert_eq!(U64F64::from_int(u128::MAX), U64F64::MAX);
        assert_eq!(U64F64::MAX.mul(U64F64::from_int(2)), U64F64::MAX);
    }
}
