//! Types, constants and traits shared by the tfchain pallets and the runtime.
//!
//! Pallets depend on this crate instead of on each other, so that cross-pallet coupling goes through
//! the traits declared here.
#![cfg_attr(not(feature = "std"), no_std)]

pub mod constants;
