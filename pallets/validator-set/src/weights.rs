//! Weights for `pallet_validator_set`.
//!
//! PLACEHOLDER FIGURES: these weights were NOT produced by the benchmarking CLI. They are
//! hand-written estimates (about 20 µs of execution plus the database accesses each call makes,
//! with a proof size covering a list of about 100 32-byte account ids per list read) so that the
//! pallet is never free to call. Replace this file by running the benchmarks in `benchmarking.rs` on the
//! reference hardware, for example:
//!
//! ```text
//! tfchain benchmark pallet --chain dev --pallet pallet_validator_set --extrinsic '*' \
//!     --steps 50 --repeat 20 --output pallets/validator-set/src/weights.rs
//! ```
//!
//! Database accesses counted per call (each storage item is one `StorageValue`):
//! - `add_validator`: reads `Validators`, `ApprovedValidators`; writes both.
//! - `remove_validator`: reads `Validators`, `ApprovedValidators`, `OfflineValidators`; writes
//!   all three.
//! - `add_validator_again`: reads `ApprovedValidators`, `Validators`; writes `Validators`.
//! - `new_session(o)` (session rotation, `o` offline validators removed): reads and writes
//!   `OfflineValidators` and `Validators`. pallet-session cannot take this weight from its
//!   `SessionManager` (the interface returns none): it charges the whole block
//!   (`BlockWeights::max_block`) for every rotation, and this work is bounded by
//!   `MaxValidators`; a test checks that `new_session(MaxValidators)` stays far below a block.

use core::marker::PhantomData;
use frame_support::{
    traits::Get,
    weights::{constants::RocksDbWeight, Weight},
};

/// Weight functions needed by `pallet_validator_set`.
pub trait WeightInfo {
    /// Weight of the `add_validator` call.
    fn add_validator() -> Weight;
    /// Weight of the `remove_validator` call.
    fn remove_validator() -> Weight;
    /// Weight of the `add_validator_again` call.
    fn add_validator_again() -> Weight;
    /// Weight of a session rotation's `new_session` (the `SessionManager` hook) removing `o`
    /// offline validators from a full set.
    fn new_session(o: u32) -> Weight;
}

/// Estimated execution time of `add_validator`, in picoseconds.
const ADD_VALIDATOR_REF_TIME: u64 = 20_000_000;
/// Estimated execution time of `remove_validator`, in picoseconds.
const REMOVE_VALIDATOR_REF_TIME: u64 = 22_000_000;
/// Estimated execution time of `add_validator_again`, in picoseconds.
const ADD_VALIDATOR_AGAIN_REF_TIME: u64 = 18_000_000;
/// Estimated execution time of `new_session` besides its removals, in picoseconds.
const NEW_SESSION_REF_TIME: u64 = 10_000_000;
/// Estimated execution time per offline validator removed by `new_session` (a scan of the set),
/// in picoseconds.
const NEW_SESSION_PER_OFFLINE_REF_TIME: u64 = 1_000_000;
/// Estimated proof size of one read of a validator list, in bytes.
const LIST_PROOF_SIZE: u64 = 3_300;

/// Weights for `pallet_validator_set`, using the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);

impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
    fn add_validator() -> Weight {
        Weight::from_parts(ADD_VALIDATOR_REF_TIME, LIST_PROOF_SIZE.saturating_mul(2))
            .saturating_add(T::DbWeight::get().reads(2))
            .saturating_add(T::DbWeight::get().writes(2))
    }

    fn remove_validator() -> Weight {
        Weight::from_parts(REMOVE_VALIDATOR_REF_TIME, LIST_PROOF_SIZE.saturating_mul(3))
            .saturating_add(T::DbWeight::get().reads(3))
            .saturating_add(T::DbWeight::get().writes(3))
    }

    fn add_validator_again() -> Weight {
        Weight::from_parts(
            ADD_VALIDATOR_AGAIN_REF_TIME,
            LIST_PROOF_SIZE.saturating_mul(2),
        )
        .saturating_add(T::DbWeight::get().reads(2))
        .saturating_add(T::DbWeight::get().writes(1))
    }

    fn new_session(o: u32) -> Weight {
        Weight::from_parts(NEW_SESSION_REF_TIME, LIST_PROOF_SIZE.saturating_mul(2))
            .saturating_add(
                Weight::from_parts(NEW_SESSION_PER_OFFLINE_REF_TIME, 0).saturating_mul(o.into()),
            )
            .saturating_add(T::DbWeight::get().reads(2))
            .saturating_add(T::DbWeight::get().writes(2))
    }
}

/// Weights for tests and for runtimes without their own database weights, using RocksDB figures.
impl WeightInfo for () {
    fn add_validator() -> Weight {
        Weight::from_parts(ADD_VALIDATOR_REF_TIME, LIST_PROOF_SIZE.saturating_mul(2))
            .saturating_add(RocksDbWeight::get().reads(2))
            .saturating_add(RocksDbWeight::get().writes(2))
    }

    fn remove_validator() -> Weight {
        Weight::from_parts(REMOVE_VALIDATOR_REF_TIME, LIST_PROOF_SIZE.saturating_mul(3))
            .saturating_add(RocksDbWeight::get().reads(3))
            .saturating_add(RocksDbWeight::get().writes(3))
    }

    fn add_validator_again() -> Weight {
        Weight::from_parts(
            ADD_VALIDATOR_AGAIN_REF_TIME,
            LIST_PROOF_SIZE.saturating_mul(2),
        )
        .saturating_add(RocksDbWeight::get().reads(2))
        .saturating_add(RocksDbWeight::get().writes(1))
    }

    fn new_session(o: u32) -> Weight {
        Weight::from_parts(NEW_SESSION_REF_TIME, LIST_PROOF_SIZE.saturating_mul(2))
            .saturating_add(
                Weight::from_parts(NEW_SESSION_PER_OFFLINE_REF_TIME, 0).saturating_mul(o.into()),
            )
            .saturating_add(RocksDbWeight::get().reads(2))
            .saturating_add(RocksDbWeight::get().writes(2))
    }
}
