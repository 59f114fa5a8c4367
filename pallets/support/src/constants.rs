//! Chain-wide constants: the TFT currency and the block clock.

/// TFT amounts. TFT has 7 decimals: one TFT is 10^7 units.
pub mod currency {
    /// The balance type of the chain.
    pub type Balance = u128;

    /// One TFT, in units.
    pub const DOLLARS: Balance = 10_000_000;
    /// Alias of [`DOLLARS`]; the name upstream TFChain uses.
    pub const DOTS: Balance = DOLLARS;
    /// A hundredth of a TFT.
    pub const CENTS: Balance = DOLLARS / 100;
    /// A thousandth of a [`CENTS`].
    pub const MILLICENTS: Balance = CENTS / 1_000;

    /// The smallest balance an account may hold: 500 units (0.00005 TFT).
    pub const EXISTENTIAL_DEPOSIT: Balance = 500;
}

/// Block time and durations, in seconds, milliseconds and blocks.
pub mod time {
    /// The block number type of the chain.
    pub type BlockNumber = u32;

    /// Target seconds between blocks.
    pub const SECS_PER_BLOCK: u64 = 6;
    /// Target milliseconds between blocks.
    pub const MILLISECS_PER_BLOCK: u64 = SECS_PER_BLOCK * 1_000;
    /// The Aura slot: one block per slot.
    pub const SLOT_DURATION: u64 = MILLISECS_PER_BLOCK;

    /// Seconds in an hour.
    pub const SECS_PER_HOUR: u64 = 3_600;
    /// Seconds in a day.
    pub const SECS_PER_DAY: u64 = SECS_PER_HOUR * 24;
    /// Seconds in a (30-day) billing month.
    pub const SECS_PER_MONTH: u64 = SECS_PER_DAY * 30;

    /// Blocks in a minute.
    pub const MINUTES: BlockNumber = 60_000 / (MILLISECS_PER_BLOCK as BlockNumber);
    /// Blocks in an hour.
    pub const HOURS: BlockNumber = MINUTES * 60;
    /// Blocks in a day.
    pub const DAYS: BlockNumber = HOURS * 24;
    /// Blocks in a session (validator set rotation period).
    pub const EPOCH_DURATION_IN_BLOCKS: BlockNumber = HOURS;
}

#[cfg(test)]
mod tests {
    use super::{currency::*, time::*};

    #[test]
    fn tft_has_seven_decimals() {
        assert_eq!(DOLLARS, 10u128.pow(7));
        assert_eq!(CENTS * 100, DOLLARS);
        assert_eq!(MILLICENTS, 100);
    }

    #[test]
    fn block_clock_matches_six_second_blocks() {
        assert_eq!(MINUTES, 10);
        assert_eq!(HOURS, 600);
        assert_eq!(DAYS, 14_400);
        assert_eq!(SECS_PER_MONTH, 2_592_000);
    }
}
