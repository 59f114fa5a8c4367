//! Hooks between pallet-tfgrid and the pallets that build on the grid registry.
//!
//! pallet-tfgrid *calls* [`ChangeNode`], [`PublicIpModifier`] and [`NodeActiveContracts`] (the
//! runtime plugs in the smart-contract and DAO pallets, or `()` for nothing), and *implements*
//! [`Tfgrid`] for the pallets that need to ask it questions. [`TftPriceProvider`] gives the contracts
//! pallet the TFT price it bills with.

use crate::types::{Node, PublicIP};

/// Queries answered by the grid registry.
pub trait Tfgrid<AccountId, Name> {
    /// True when the farm exists and `who` is the account of the twin that owns it.
    fn is_farm_owner(farm_id: u32, who: AccountId) -> bool;
}

impl<AccountId, Name> Tfgrid<AccountId, Name> for () {
    fn is_farm_owner(_farm_id: u32, _who: AccountId) -> bool {
        false
    }
}

/// Notifications about nodes, sent by the grid registry after it changed its state.
pub trait ChangeNode<Location, Interfaces, SerialNumber> {
    /// A node was created (`old` is `None`) or updated (`old` is its previous record).
    fn node_changed(
        old: Option<&Node<Location, Interfaces, SerialNumber>>,
        new: &Node<Location, Interfaces, SerialNumber>,
    );
    /// A node is being deleted.
    fn node_deleted(node: &Node<Location, Interfaces, SerialNumber>);
    /// A node reported a new power state.
    fn node_power_state_changed(node: &Node<Location, Interfaces, SerialNumber>);

    /// Upper bound of the weight [`Self::node_changed`] consumes; the registry adds it to the
    /// weight of the calls that create or update a node. Zero unless the listener says more.
    fn node_changed_weight() -> sp_runtime::Weight {
        sp_runtime::Weight::zero()
    }
    /// Upper bound of the weight [`Self::node_deleted`] consumes at dispatch; the registry adds
    /// it to the weight of `delete_node` and `delete_node_farm`.
    fn node_deleted_weight() -> sp_runtime::Weight {
        sp_runtime::Weight::zero()
    }
    /// Upper bound of the weight [`Self::node_power_state_changed`] consumes; the registry adds
    /// it to the weight of `change_power_state`.
    fn node_power_state_changed_weight() -> sp_runtime::Weight {
        sp_runtime::Weight::zero()
    }
}

impl<Location, Interfaces, SerialNumber> ChangeNode<Location, Interfaces, SerialNumber> for () {
    fn node_changed(
        _old: Option<&Node<Location, Interfaces, SerialNumber>>,
        _new: &Node<Location, Interfaces, SerialNumber>,
    ) {
    }
    fn node_deleted(_node: &Node<Location, Interfaces, SerialNumber>) {}
    fn node_power_state_changed(_node: &Node<Location, Interfaces, SerialNumber>) {}
}

/// Both listeners are told, the first before the second, so the runtime can plug several pallets
/// into the registry.
impl<Location, Interfaces, SerialNumber, First, Second>
    ChangeNode<Location, Interfaces, SerialNumber> for (First, Second)
where
    First: ChangeNode<Location, Interfaces, SerialNumber>,
    Second: ChangeNode<Location, Interfaces, SerialNumber>,
{
    fn node_changed(
        old: Option<&Node<Location, Interfaces, SerialNumber>>,
        new: &Node<Location, Interfaces, SerialNumber>,
    ) {
        First::node_changed(old, new);
        Second::node_changed(old, new);
    }
    fn node_deleted(node: &Node<Location, Interfaces, SerialNumber>) {
        First::node_deleted(node);
        Second::node_deleted(node);
    }
    fn node_power_state_changed(node: &Node<Location, Interfaces, SerialNumber>) {
        First::node_power_state_changed(node);
        Second::node_power_state_changed(node);
    }
    fn node_changed_weight() -> sp_runtime::Weight {
        First::node_changed_weight().saturating_add(Second::node_changed_weight())
    }
    fn node_deleted_weight() -> sp_runtime::Weight {
        First::node_deleted_weight().saturating_add(Second::node_deleted_weight())
    }
    fn node_power_state_changed_weight() -> sp_runtime::Weight {
        First::node_power_state_changed_weight()
            .saturating_add(Second::node_power_state_changed_weight())
    }
}

/// Notification that a farm public IP was removed while a contract held it.
pub trait PublicIpModifier {
    /// `ip` (with the contract that held it) is no longer part of its farm.
    fn ip_removed(ip: &PublicIP);
    /// Upper bound of the weight [`Self::ip_removed`] consumes; zero unless the listener says
    /// more.
    fn ip_removed_weight() -> sp_runtime::Weight {
        sp_runtime::Weight::zero()
    }
}

impl PublicIpModifier for () {
    fn ip_removed(_ip: &PublicIP) {}
}

/// Query about the contracts running on a node.
pub trait NodeActiveContracts {
    /// True when no active contract runs on the node, so it may be powered down.
    fn node_has_no_active_contracts(node_id: u32) -> bool;
    /// Upper bound of the weight [`Self::node_has_no_active_contracts`] consumes; zero unless
    /// the implementation says more.
    fn node_has_no_active_contracts_weight() -> sp_runtime::Weight {
        sp_runtime::Weight::zero()
    }
}

/// Without a contracts pallet, no node has active contracts.
impl NodeActiveContracts for () {
    fn node_has_no_active_contracts(_node_id: u32) -> bool {
        true
    }
}

/// The TFT price that contract billing converts USD costs with, in mUSD (10^-3 USD) per TFT.
///
/// Implemented by the runtime on top of the price oracle; the contracts pallet clamps the average
/// between the minimum and maximum before using it.
pub trait TftPriceProvider {
    /// The moving average of the TFT price.
    fn average_tft_price() -> u32;
    /// The lowest price billing may use.
    fn min_tft_price() -> u32;
    /// The highest price billing may use.
    fn max_tft_price() -> u32;
}

/// Notification that a node sent an uptime report, for pallets that judge node reliability.
pub trait NodeUptimeReported {
    /// Node `node_id` of farm `farm_id` reported `uptime_secs` of uptime at chain time `now_secs`.
    fn node_uptime_reported(node_id: u32, farm_id: u32, now_secs: u64, uptime_secs: u64);
    /// Upper bound of the weight [`Self::node_uptime_reported`] consumes; the reporting call
    /// adds it to its own weight.
    fn node_uptime_reported_weight() -> sp_runtime::Weight;
}

/// Nobody listens.
impl NodeUptimeReported for () {
    fn node_uptime_reported(_node_id: u32, _farm_id: u32, _now_secs: u64, _uptime_secs: u64) {}
    fn node_uptime_reported_weight() -> sp_runtime::Weight {
        sp_runtime::Weight::zero()
    }
}

/// The verified online time of nodes, told by the reputation pallet after each uptime report it
/// scores, for pallets that only trust nodes with a real history (the DAO's voting weights).
pub trait NodeOnlineTime {
    /// Node `node_id`, `certified` or not as the registry says now, has been seen online for
    /// `online_secs` seconds in total since its first report, as far as consistent uptime reports
    /// show (self-attested: see `docs/reputation.md`).
    fn node_online_time(node_id: u32, certified: bool, online_secs: u64);
    /// Upper bound of the weight [`Self::node_online_time`] consumes; the reporting call adds it
    /// to its own weight.
    fn node_online_time_weight() -> sp_runtime::Weight;
}

/// Nobody listens.
impl NodeOnlineTime for () {
    fn node_online_time(_node_id: u32, _certified: bool, _online_secs: u64) {}
    fn node_online_time_weight() -> sp_runtime::Weight {
        sp_runtime::Weight::zero()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{resources::Resources, types::NodeCertification};
    use std::{cell::RefCell, vec::Vec};

    std::thread_local! {
        static HEARD: RefCell<Vec<(&'static str, &'static str, u32)>> = const { RefCell::new(Vec::new()) };
    }

    type TestNode = Node<(), (), ()>;

    fn node(id: u32) -> TestNode {
        Node {
            version: 5,
            id,
            farm_id: 1,
            twin_id: 1,
            resources: Resources::default(),
            location: (),
            public_config: None,
            created: 0,
            farming_policy_id: 1,
            interfaces: (),
            certification: NodeCertification::Diy,
            secure_boot: false,
            virtualized: false,
            serial_number: None,
            connection_price: 80,
        }
    }

    /// A listener that records what it was told, under its name.
    struct Listener<const FIRST: bool>;

    impl<const FIRST: bool> Listener<FIRST> {
        fn record(event: &'static str, node: &TestNode) {
            let name = if FIRST { "first" } else { "second" };
            HEARD.with(|heard| heard.borrow_mut().push((name, event, node.id)));
        }
    }

    impl<const FIRST: bool> ChangeNode<(), (), ()> for Listener<FIRST> {
        fn node_changed(_old: Option<&TestNode>, new: &TestNode) {
            Self::record("changed", new);
        }
        fn node_deleted(node: &TestNode) {
            Self::record("deleted", node);
        }
        fn node_power_state_changed(node: &TestNode) {
            Self::record("power", node);
        }
        fn node_deleted_weight() -> sp_runtime::Weight {
            sp_runtime::Weight::from_parts(if FIRST { 1 } else { 2 }, 10)
        }
    }

    #[test]
    fn a_pair_of_node_listeners_declares_the_sum_of_their_weights() {
        type Both = (Listener<true>, Listener<false>);
        assert_eq!(
            Both::node_deleted_weight(),
            sp_runtime::Weight::from_parts(3, 20)
        );
        assert_eq!(Both::node_changed_weight(), sp_runtime::Weight::zero());
        assert_eq!(
            <() as ChangeNode<(), (), ()>>::node_power_state_changed_weight(),
            sp_runtime::Weight::zero()
        );
    }

    #[test]
    fn a_pair_of_node_listeners_tells_both_in_order() {
        type Both = (Listener<true>, Listener<false>);
        Both::node_changed(None, &node(1));
        Both::node_deleted(&node(2));
        Both::node_power_state_changed(&node(3));
        let heard = HEARD.with(|heard| heard.borrow().clone());
        assert_eq!(
            heard,
            [
                ("first", "changed", 1),
                ("second", "changed", 1),
                ("first", "deleted", 2),
                ("second", "deleted", 2),
                ("first", "power", 3),
                ("second", "power", 3),
            ]
        );
    }
}
