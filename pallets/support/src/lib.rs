//! Types, constants and traits shared by the tfchain pallets and the runtime.
//!
//! Pallets depend on this crate instead of on each other, so that cross-pallet coupling goes through
//! the traits declared here.
//!
//! - [`constants`]: currency and block-time constants.
//! - [`resources`]: node capacity ([`resources::Resources`]) with the grid's CU/SU arithmetic.
//! - [`net`]: parsers for IPv4/IPv6 addresses, CIDRs and MAC addresses, with the address-range
//!   predicates the registry validates against.
//! - [`types`]: the farm and node records of the grid registry, shared with the pallets that bill
//!   and govern them.
//! - [`traits`]: the hooks that pallet-tfgrid calls and the queries it answers.
#![cfg_attr(not(feature = "std"), no_std)]
#![warn(missing_docs)]

pub mod constants;
pub mod net;
pub mod resources;
pub mod traits;
pub mod types;
