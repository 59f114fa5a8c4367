//! Weights generated on tfchain's reference machine by `scripts/bench/weights.sh`: the base weights
//! of a block and of an extrinsic (`benchmark overhead`), ParityDB's read and write costs
//! (`benchmark storage`) and the weights of the polkadot-sdk pallets the runtime configures
//! (`benchmark pallet`; session through the runtime's own benchmarks of it, see
//! `scripts/bench/weights.sh`). tfchain's own pallets keep theirs in `pallets/<name>/src/weights.rs`.

pub mod block_weights;
pub mod extrinsic_weights;
pub mod frame_system;
pub mod frame_system_extensions;
pub mod pallet_balances;
pub mod pallet_collective;
pub mod pallet_membership;
pub mod pallet_scheduler;
pub mod pallet_session;
pub mod pallet_timestamp;
pub mod pallet_transaction_payment;
pub mod pallet_utility;
pub mod paritydb_weights;

pub use block_weights::BlockExecutionWeight;
pub use extrinsic_weights::ExtrinsicBaseWeight;
pub use paritydb_weights::constants::ParityDbWeight;
