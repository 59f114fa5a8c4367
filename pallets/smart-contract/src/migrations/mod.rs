//! Storage migrations of pallet-smart-contract, for the runtime's `Executive`.

pub mod billing_loop;

pub use billing_loop::InitBillingLoop;
