//! Records of the grid registry that other pallets read: farms, their public IPs and farming
//! limits, nodes, their interfaces, public configuration, certification and power state.
//!
//! Field order is SCALE order and must not change: clients decode these records by position.

use crate::{
    net::{Cidr4, Cidr6, Ip4, Ip6},
    resources::Resources,
};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_runtime::{traits::ConstU32, BoundedVec};

/// Maximum length of an IPv4 address in CIDR notation (`255.255.255.255/32`).
pub const MAX_IP4_LENGTH: u32 = 18;
/// Maximum length of an IPv4 gateway address (`255.255.255.255`).
pub const MAX_GW4_LENGTH: u32 = 15;
/// Maximum length of an IPv6 address in CIDR notation.
pub const MAX_IP6_LENGTH: u32 = 43;
/// Maximum length of an IPv6 gateway address.
pub const MAX_GW6_LENGTH: u32 = 39;
/// Maximum length of a node's domain name.
pub const MAX_DOMAIN_NAME_LENGTH: u32 = 128;

/// An IPv4 address in CIDR notation, as bytes.
pub type Ip4Bytes = BoundedVec<u8, ConstU32<MAX_IP4_LENGTH>>;
/// An IPv4 gateway address, as bytes.
pub type Gw4Bytes = BoundedVec<u8, ConstU32<MAX_GW4_LENGTH>>;
/// An IPv6 address in CIDR notation, as bytes.
pub type Ip6Bytes = BoundedVec<u8, ConstU32<MAX_IP6_LENGTH>>;
/// An IPv6 gateway address, as bytes.
pub type Gw6Bytes = BoundedVec<u8, ConstU32<MAX_GW6_LENGTH>>;
/// A domain name, as bytes.
pub type DomainBytes = BoundedVec<u8, ConstU32<MAX_DOMAIN_NAME_LENGTH>>;

/// A farm. `Name` is the validated farm name; `PublicIps` the bounded list of its public IPs.
#[derive(
    PartialEq,
    Eq,
    Clone,
    Encode,
    Decode,
    DecodeWithMemTracking,
    Default,
    Debug,
    TypeInfo,
    MaxEncodedLen,
)]
pub struct Farm<Name, PublicIps> {
    /// Record version.
    pub version: u32,
    /// Farm id.
    pub id: u32,
    /// Unique farm name.
    pub name: Name,
    /// Twin that owns the farm.
    pub twin_id: u32,
    /// Pricing policy the farm is billed under.
    pub pricing_policy_id: u32,
    /// Certification of the farm.
    pub certification: FarmCertification,
    /// Public IPs of the farm, each possibly reserved by a contract.
    pub public_ips: PublicIps,
    /// Whether the farm only rents out whole nodes.
    pub dedicated_farm: bool,
    /// Limits of a non-default farming policy attached to the farm by the council.
    pub farming_policy_limits: Option<FarmingPolicyLimit>,
}

/// A public IPv4 address of a farm.
#[derive(
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Clone,
    Encode,
    Decode,
    DecodeWithMemTracking,
    Default,
    Debug,
    TypeInfo,
    MaxEncodedLen,
)]
pub struct PublicIP {
    /// The address in CIDR notation.
    pub ip: Ip4Bytes,
    /// The gateway of the address.
    pub gateway: Gw4Bytes,
    /// The contract that reserved the address, 0 when free.
    pub contract_id: u64,
}

/// Certification of a farm.
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
pub enum FarmCertification {
    /// Not certified.
    #[default]
    NotCertified,
    /// Gold-certified farm.
    Gold,
}

/// Limits under which the nodes of a farm are put on a (non-default) farming policy.
#[derive(
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Clone,
    Encode,
    Decode,
    DecodeWithMemTracking,
    Default,
    Debug,
    TypeInfo,
    MaxEncodedLen,
)]
pub struct FarmingPolicyLimit {
    /// The farming policy the limits apply to.
    pub farming_policy_id: u32,
    /// Compute units still available under the policy.
    pub cu: Option<u64>,
    /// Storage units still available under the policy.
    pub su: Option<u64>,
    /// Unix time (seconds) after which new nodes no longer get the policy.
    pub end: Option<u64>,
    /// Number of nodes that may still get the policy.
    pub node_count: Option<u32>,
    /// Recorded with the limits; has no effect on policy selection.
    pub node_certification: bool,
}

/// A node. `Location`, `Interfaces` (the bounded list of interfaces) and `SerialNumber` are the
/// validated types of pallet-tfgrid.
#[derive(
    PartialEq, Eq, Clone, Encode, Decode, DecodeWithMemTracking, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct Node<Location, Interfaces, SerialNumber> {
    /// Record version.
    pub version: u32,
    /// Node id.
    pub id: u32,
    /// Farm the node belongs to.
    pub farm_id: u32,
    /// Twin of the node itself (its identity key).
    pub twin_id: u32,
    /// Capacity of the node.
    pub resources: Resources,
    /// Where the node is.
    pub location: Location,
    /// Public network configuration, set by the farmer.
    pub public_config: Option<PublicConfig>,
    /// Unix time (seconds) of the registration.
    pub created: u64,
    /// Farming policy the node is rewarded under.
    pub farming_policy_id: u32,
    /// Network interfaces of the node.
    pub interfaces: Interfaces,
    /// Certification of the node.
    pub certification: NodeCertification,
    /// Whether the node booted with secure boot.
    pub secure_boot: bool,
    /// Whether the node runs virtualized.
    pub virtualized: bool,
    /// Serial number of the node's hardware.
    pub serial_number: Option<SerialNumber>,
    /// Connection price in force when the node registered.
    pub connection_price: u32,
}

/// A network interface of a node.
#[derive(
    PartialEq,
    Eq,
    Clone,
    Encode,
    Decode,
    DecodeWithMemTracking,
    Default,
    Debug,
    TypeInfo,
    MaxEncodedLen,
)]
pub struct Interface<Name, Mac, Ips> {
    /// Interface name.
    pub name: Name,
    /// MAC address.
    pub mac: Mac,
    /// Addresses of the interface.
    pub ips: Ips,
}

/// Public network configuration of a node.
#[derive(
    PartialEq,
    Eq,
    Clone,
    Encode,
    Decode,
    DecodeWithMemTracking,
    Default,
    Debug,
    TypeInfo,
    MaxEncodedLen,
)]
pub struct PublicConfig {
    /// IPv4 address and gateway.
    pub ip4: IP4,
    /// Optional IPv6 address and gateway.
    pub ip6: Option<IP6>,
    /// Optional domain name.
    pub domain: Option<DomainBytes>,
}

/// An IPv4 address (CIDR) with its gateway.
#[derive(
    PartialEq,
    Eq,
    Clone,
    Encode,
    Decode,
    DecodeWithMemTracking,
    Default,
    Debug,
    TypeInfo,
    MaxEncodedLen,
)]
pub struct IP4 {
    /// Address in CIDR notation, `a.b.c.d/m`.
    pub ip: Ip4Bytes,
    /// Gateway, a plain address.
    pub gw: Gw4Bytes,
}

/// An IPv6 address (CIDR) with its gateway.
#[derive(
    PartialEq,
    Eq,
    Clone,
    Encode,
    Decode,
    DecodeWithMemTracking,
    Default,
    Debug,
    TypeInfo,
    MaxEncodedLen,
)]
pub struct IP6 {
    /// Address in CIDR notation.
    pub ip: Ip6Bytes,
    /// Gateway, a plain address.
    pub gw: Gw6Bytes,
}

/// Why a public configuration is invalid. Not stored or encoded.
#[derive(PartialEq, Eq, Clone, Copy, Debug)]
pub enum PublicIpError {
    /// The IPv4 address is not a valid CIDR.
    InvalidIp4,
    /// The IPv4 gateway is not a valid address.
    InvalidGw4,
    /// The IPv6 address is not a valid CIDR.
    InvalidIp6,
    /// The IPv6 gateway is not a valid address.
    InvalidGw6,
    /// The address and gateway parse, but do not form a usable public configuration.
    InvalidPublicIp,
    /// The domain contains a character outside `[a-zA-Z0-9-.]`.
    InvalidDomain,
}

impl IP4 {
    /// Check that `gw` is a public unicast address inside the network `ip`, distinct from the
    /// address `ip` itself, which must be public unicast too.
    pub fn is_valid(&self) -> Result<(), PublicIpError> {
        let gw = Ip4::parse(&self.gw).map_err(|_| PublicIpError::InvalidGw4)?;
        let ip = Cidr4::parse(&self.ip).map_err(|_| PublicIpError::InvalidIp4)?;
        if ip.as_prefix() == gw
            || !gw.is_public()
            || !gw.is_unicast()
            || !ip.is_public()
            || !ip.is_unicast()
            || !ip.contains(&gw)
        {
            return Err(PublicIpError::InvalidPublicIp);
        }
        Ok(())
    }
}

impl IP6 {
    /// The IPv6 counterpart of [`IP4::is_valid`].
    pub fn is_valid(&self) -> Result<(), PublicIpError> {
        let gw = Ip6::parse(&self.gw).map_err(|_| PublicIpError::InvalidGw6)?;
        let ip = Cidr6::parse(&self.ip).map_err(|_| PublicIpError::InvalidIp6)?;
        if ip.as_ip() == gw
            || !gw.is_public()
            || !gw.is_unicast()
            || !ip.is_public()
            || !ip.is_unicast()
            || !ip.contains(&gw)
        {
            return Err(PublicIpError::InvalidPublicIp);
        }
        Ok(())
    }
}

/// True when every byte of `domain` is in `[a-zA-Z0-9-.]` (an empty domain is valid).
pub fn is_valid_domain(domain: &[u8]) -> bool {
    domain
        .iter()
        .all(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b'.')
}

impl PublicConfig {
    /// Check the domain, then the IPv4 part, then the IPv6 part if present.
    pub fn is_valid(&self) -> Result<(), PublicIpError> {
        if let Some(domain) = &self.domain {
            if !is_valid_domain(domain) {
                return Err(PublicIpError::InvalidDomain);
            }
        }
        self.ip4.is_valid()?;
        if let Some(ip6) = &self.ip6 {
            ip6.is_valid()?;
        }
        Ok(())
    }
}

/// Certification of a node.
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
pub enum NodeCertification {
    /// Do-it-yourself node.
    #[default]
    Diy,
    /// Certified hardware.
    Certified,
}

/// Power state of a node and the state its farmer wants it in.
#[derive(
    PartialEq,
    Eq,
    Clone,
    Encode,
    Decode,
    DecodeWithMemTracking,
    Default,
    Debug,
    TypeInfo,
    MaxEncodedLen,
)]
pub struct NodePower<B> {
    /// State the node reported.
    pub state: PowerState<B>,
    /// State the farmer asked for.
    pub target: Power,
}

impl<B> NodePower<B> {
    /// True when the node reported that it is down.
    pub fn is_standby(&self) -> bool {
        matches!(self.state, PowerState::Down(_))
    }

    /// True when the farmer asked the node to go down.
    pub fn is_switched_to_standby(&self) -> bool {
        self.target == Power::Down
    }

    /// True when the node is down or asked to go down.
    pub fn is_standby_phase(&self) -> bool {
        self.is_standby() || self.is_switched_to_standby()
    }
}

/// Reported power state of a node.
#[derive(
    PartialEq,
    Eq,
    Clone,
    Encode,
    Decode,
    DecodeWithMemTracking,
    Default,
    Debug,
    TypeInfo,
    MaxEncodedLen,
)]
pub enum PowerState<B> {
    /// The node is up.
    #[default]
    Up,
    /// The node went down at the given block.
    Down(B),
}

/// Requested power of a node.
#[derive(
    PartialEq,
    Eq,
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
pub enum Power {
    /// Up.
    #[default]
    Up,
    /// Down (standby).
    Down,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip4(ip: &[u8], gw: &[u8]) -> IP4 {
        IP4 {
            ip: ip.to_vec().try_into().unwrap(),
            gw: gw.to_vec().try_into().unwrap(),
        }
    }

    fn ip6(ip: &[u8], gw: &[u8]) -> IP6 {
        IP6 {
            ip: ip.to_vec().try_into().unwrap(),
            gw: gw.to_vec().try_into().unwrap(),
        }
    }

    #[test]
    fn ip4_config_requires_a_public_gateway_inside_the_network() {
        assert_eq!(
            ip4(b"185.206.122.33/24", b"185.206.122.1").is_valid(),
            Ok(())
        );
        // The address itself cannot be the gateway.
        assert_eq!(
            ip4(b"185.206.122.1/24", b"185.206.122.1").is_valid(),
            Err(PublicIpError::InvalidPublicIp)
        );
        // Gateway outside the network.
        assert_eq!(
            ip4(b"185.206.122.33/24", b"185.206.123.1").is_valid(),
            Err(PublicIpError::InvalidPublicIp)
        );
        // Private addresses.
        assert_eq!(
            ip4(b"10.0.0.2/24", b"10.0.0.1").is_valid(),
            Err(PublicIpError::InvalidPublicIp)
        );
        // Parse errors: the gateway is checked first.
        assert_eq!(
            ip4(b"185.206.122.33", b"185.206.122").is_valid(),
            Err(PublicIpError::InvalidGw4)
        );
        assert_eq!(
            ip4(b"185.206.122.33", b"185.206.122.1").is_valid(),
            Err(PublicIpError::InvalidIp4)
        );
    }

    #[test]
    fn ip6_config_requires_a_public_gateway_inside_the_network() {
        assert_eq!(
            ip6(b"2a10:b600:1::0cc4:7a30:65b5/64", b"2a10:b600:1::1").is_valid(),
            Ok(())
        );
        assert_eq!(
            ip6(b"2a10:b600:1::1/64", b"2a10:b600:1::1").is_valid(),
            Err(PublicIpError::InvalidPublicIp)
        );
        assert_eq!(
            ip6(b"2a10:b600:1::0cc4:7a30:65b5/64", b"2a10:b600:2::1").is_valid(),
            Err(PublicIpError::InvalidPublicIp)
        );
        assert_eq!(
            ip6(b"fd00::2/64", b"fd00::1").is_valid(),
            Err(PublicIpError::InvalidPublicIp)
        );
        assert_eq!(
            ip6(b"2a10::2/64", b"2a10:::1").is_valid(),
            Err(PublicIpError::InvalidGw6)
        );
        assert_eq!(
            ip6(b"2a10::2", b"2a10::1").is_valid(),
            Err(PublicIpError::InvalidIp6)
        );
    }

    #[test]
    fn public_config_checks_domain_then_ip4_then_ip6() {
        let good = PublicConfig {
            ip4: ip4(b"185.206.122.33/24", b"185.206.122.1"),
            ip6: Some(ip6(b"2a10:b600:1::0cc4:7a30:65b5/64", b"2a10:b600:1::1")),
            domain: Some(b"some-domain.example.com".to_vec().try_into().unwrap()),
        };
        assert_eq!(good.is_valid(), Ok(()));
        let empty_domain = PublicConfig {
            domain: Some(Default::default()),
            ..good.clone()
        };
        assert_eq!(empty_domain.is_valid(), Ok(()));
        let bad_domain = PublicConfig {
            domain: Some(b"bad domain".to_vec().try_into().unwrap()),
            ip4: ip4(b"x", b"y"),
            ..good.clone()
        };
        assert_eq!(bad_domain.is_valid(), Err(PublicIpError::InvalidDomain));
        let bad_ip6 = PublicConfig {
            ip6: Some(ip6(b"2a10::2/64", b"x")),
            ..good.clone()
        };
        assert_eq!(bad_ip6.is_valid(), Err(PublicIpError::InvalidGw6));
        let no_ip6 = PublicConfig {
            ip6: None,
            domain: None,
            ..good
        };
        assert_eq!(no_ip6.is_valid(), Ok(()));
    }

    #[test]
    fn node_power_phases() {
        let up = NodePower::<u32>::default();
        assert_eq!(
            up,
            NodePower {
                state: PowerState::Up,
                target: Power::Up
            }
        );
        assert!(!up.is_standby_phase());
        let asked_down = NodePower::<u32> {
            state: PowerState::Up,
            target: Power::Down,
        };
        assert!(
            asked_down.is_switched_to_standby()
                && !asked_down.is_standby()
                && asked_down.is_standby_phase()
        );
        let down = NodePower::<u32> {
            state: PowerState::Down(7),
            target: Power::Up,
        };
        assert!(down.is_standby() && down.is_standby_phase());
    }

    #[test]
    fn enums_encode_as_upstream_indices() {
        assert_eq!(FarmCertification::Gold.encode(), vec![1]);
        assert_eq!(NodeCertification::Certified.encode(), vec![1]);
        assert_eq!(Power::Down.encode(), vec![1]);
        assert_eq!(PowerState::Down(5u32).encode(), vec![1, 5, 0, 0, 0]);
        assert!(FarmCertification::NotCertified < FarmCertification::Gold);
        assert!(NodeCertification::Diy < NodeCertification::Certified);
    }
}
