//! Types and constants of the TFT price pallet.

/// A slot of the price ring buffer.
pub type BufferIndex = u16;

/// Number of prices the ring buffer holds: a day of reports at one report a minute.
pub const HISTORY_LENGTH: BufferIndex = 1440;

/// Minimum number of blocks between two reports of the offchain workers.
pub const SUBMISSION_INTERVAL: u32 = 10;

/// How many blocks old the block a report names may be: `set_prices(price, n)` is accepted in
/// blocks `n..=n + MAX_REPORT_AGE`.
pub const MAX_REPORT_AGE: u32 = 5;

/// How long the offchain worker waits for the price source, in milliseconds.
pub const FETCH_DEADLINE_MS: u64 = 2_000;

/// Largest price-source response the offchain worker reads, in bytes.
pub const MAX_RESPONSE_BYTES: usize = 256 * 1024;
