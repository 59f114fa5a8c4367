//! Parsers for the network addresses the grid registry stores.
//!
//! The grammar is deliberately strict and consensus-relevant (a transaction is accepted or
//! rejected on it), so it is spelled out here instead of relying on `core::net`:
//!
//! - IPv4: 7 to 15 bytes, exactly four decimal octets separated by `.`, each at most 255, without
//!   leading zeros (`0` is fine, `01` is not).
//! - IPv4 CIDR: at most 18 bytes, `ip/mask` with a mask of 1 or 2 digits, at most 32, without a
//!   leading zero.
//! - IPv6: 2 to 39 bytes, `:`-separated groups of 1 to 4 hex digits (either case), with at most
//!   one `::`. The dotted IPv4-suffix form is not accepted.
//! - IPv6 CIDR: at most 43 bytes, mask of 1 to 3 digits, at most 128, without a leading zero.
//! - MAC: exactly 17 bytes, six groups of two hex digits separated by `:`.

/// A parsed IPv4 address.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ip4([u8; 4]);

/// A parsed IPv4 network: the address as written (host bits kept) and the prefix length.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cidr4 {
    ip: Ip4,
    prefix: u8,
}

/// A parsed IPv6 address.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ip6([u8; 16]);

/// A parsed IPv6 network: the address as written (host bits kept) and the prefix length.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cidr6 {
    ip: Ip6,
    prefix: u8,
}

/// A parsed MAC address.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mac(pub [u8; 6]);

/// Why an address failed to parse.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParseError {
    /// The input is shorter or longer than the format allows.
    Length,
    /// The input does not follow the format.
    Format,
    /// The prefix length is missing, too large or badly written.
    Mask,
}

/// Parse a decimal number of at most `max_digits` digits and at most `max` in value, without a
/// leading zero.
fn parse_decimal(bytes: &[u8], max_digits: usize, max: u32) -> Option<u32> {
    if bytes.is_empty() || bytes.len() > max_digits {
        return None;
    }
    if bytes.len() > 1 && bytes.first() == Some(&b'0') {
        return None;
    }
    let mut value: u32 = 0;
    for b in bytes {
        if !b.is_ascii_digit() {
            return None;
        }
        value = value.checked_mul(10)?.checked_add(u32::from(b - b'0'))?;
    }
    (value <= max).then_some(value)
}

/// Split `ip/mask` at the first `/`.
fn split_mask(input: &[u8]) -> Option<(&[u8], &[u8])> {
    let slash = input.iter().position(|b| *b == b'/')?;
    let (ip, rest) = input.split_at(slash);
    Some((ip, rest.get(1..)?))
}

/// The network mask of a prefix length, for `bits`-wide addresses (32 or 128) held in a `u128`.
fn mask_u128(prefix: u8, bits: u32) -> u128 {
    let prefix = u32::from(prefix).min(bits);
    let full: u128 = u128::MAX.checked_shr(128 - bits).unwrap_or(0);
    full & !full.checked_shr(prefix).unwrap_or(0)
}

/// The value of a hex digit of either case.
pub fn hex_value(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

impl Ip4 {
    /// Parse a dotted-quad IPv4 address.
    pub fn parse(input: &[u8]) -> Result<Ip4, ParseError> {
        if input.len() < 7 || input.len() > 15 {
            return Err(ParseError::Length);
        }
        let mut octets = [0u8; 4];
        let mut count = 0usize;
        for part in input.split(|b| *b == b'.') {
            let slot = octets.get_mut(count).ok_or(ParseError::Format)?;
            let value = parse_decimal(part, 3, 255).ok_or(ParseError::Format)?;
            *slot = value as u8;
            count += 1;
        }
        if count != 4 {
            return Err(ParseError::Format);
        }
        Ok(Ip4(octets))
    }

    /// The four octets.
    pub fn octets(&self) -> [u8; 4] {
        self.0
    }

    fn as_u128(&self) -> u128 {
        u128::from(u32::from_be_bytes(self.0))
    }

    /// True for addresses below the multicast range (first octet below 224).
    pub fn is_unicast(&self) -> bool {
        self.0[0] < 224
    }

    /// True unless the address is in a reserved, private, loopback, link-local, shared,
    /// documentation or benchmarking range, or is the broadcast address.
    pub fn is_public(&self) -> bool {
        const RESERVED: [([u8; 4], u8); 12] = [
            ([0, 0, 0, 0], 8),
            ([10, 0, 0, 0], 8),
            ([100, 64, 0, 0], 10),
            ([127, 0, 0, 0], 8),
            ([169, 254, 0, 0], 16),
            ([172, 16, 0, 0], 12),
            ([192, 0, 2, 0], 24),
            ([192, 168, 0, 0], 16),
            ([198, 18, 0, 0], 15),
            ([198, 51, 100, 0], 24),
            ([203, 0, 113, 0], 24),
            ([255, 255, 255, 255], 32),
        ];
        !RESERVED.iter().any(|(net, prefix)| {
            Cidr4 {
                ip: Ip4(*net),
                prefix: *prefix,
            }
            .contains(self)
        })
    }
}

impl Cidr4 {
    /// Parse `a.b.c.d/m`.
    pub fn parse(input: &[u8]) -> Result<Cidr4, ParseError> {
        if input.len() > 18 {
            return Err(ParseError::Length);
        }
        let (ip, mask) = split_mask(input).ok_or(ParseError::Mask)?;
        let prefix = parse_decimal(mask, 2, 32).ok_or(ParseError::Mask)? as u8;
        Ok(Cidr4 {
            ip: Ip4::parse(ip)?,
            prefix,
        })
    }

    /// The address as written, host bits included (not masked).
    pub fn as_prefix(&self) -> Ip4 {
        self.ip
    }

    /// The prefix length.
    pub fn prefix(&self) -> u8 {
        self.prefix
    }

    /// True when `ip` is inside this network.
    pub fn contains(&self, ip: &Ip4) -> bool {
        let mask = mask_u128(self.prefix, 32);
        ip.as_u128() & mask == self.ip.as_u128() & mask
    }

    /// See [`Ip4::is_public`], applied to the address as written.
    pub fn is_public(&self) -> bool {
        self.ip.is_public()
    }

    /// See [`Ip4::is_unicast`], applied to the address as written.
    pub fn is_unicast(&self) -> bool {
        self.ip.is_unicast()
    }
}

/// Parse `:`-separated hex groups into `out`, returning how many there were. An empty input is
/// zero groups; an empty group (leading, trailing or doubled `:`) is an error.
fn parse_groups(input: &[u8], out: &mut [u16; 8]) -> Result<usize, ParseError> {
    if input.is_empty() {
        return Ok(0);
    }
    let mut count = 0usize;
    for part in input.split(|b| *b == b':') {
        if part.is_empty() || part.len() > 4 {
            return Err(ParseError::Format);
        }
        let mut value: u16 = 0;
        for b in part {
            value = (value << 4) | u16::from(hex_value(*b).ok_or(ParseError::Format)?);
        }
        let slot = out.get_mut(count).ok_or(ParseError::Format)?;
        *slot = value;
        count += 1;
    }
    Ok(count)
}

impl Ip6 {
    /// Parse a colon-hex IPv6 address, with at most one `::`.
    pub fn parse(input: &[u8]) -> Result<Ip6, ParseError> {
        if input.len() < 2 || input.len() > 39 {
            return Err(ParseError::Length);
        }
        // A second `::` (or a `:::`) leaves an empty group in the tail, which fails to parse.
        let (head, tail) = match input.windows(2).position(|w| w == b"::") {
            Some(at) => (
                input.get(..at).unwrap_or_default(),
                Some(input.get(at + 2..).unwrap_or_default()),
            ),
            None => (input, None),
        };
        let mut head_groups = [0u16; 8];
        let head_count = parse_groups(head, &mut head_groups)?;
        let groups = match tail {
            None if head_count == 8 => head_groups,
            None => return Err(ParseError::Format),
            Some(tail) => {
                let mut tail_groups = [0u16; 8];
                let tail_count = parse_groups(tail, &mut tail_groups)?;
                // `::` stands for at least one zero group.
                if head_count + tail_count > 7 {
                    return Err(ParseError::Format);
                }
                let mut groups = [0u16; 8];
                for (slot, group) in groups.iter_mut().zip(head_groups.iter().take(head_count)) {
                    *slot = *group;
                }
                for (slot, group) in groups
                    .iter_mut()
                    .skip(8 - tail_count)
                    .zip(tail_groups.iter().take(tail_count))
                {
                    *slot = *group;
                }
                groups
            }
        };
        let mut octets = [0u8; 16];
        for (pair, group) in octets.chunks_exact_mut(2).zip(groups.iter()) {
            pair.copy_from_slice(&group.to_be_bytes());
        }
        Ok(Ip6(octets))
    }

    /// The sixteen octets.
    pub fn octets(&self) -> [u8; 16] {
        self.0
    }

    fn as_u128(&self) -> u128 {
        u128::from_be_bytes(self.0)
    }

    /// True unless the address is multicast (`ff00::/8`).
    pub fn is_unicast(&self) -> bool {
        self.0[0] != 0xff
    }

    /// True unless the address is in the discard-only (`100::/64`), unique-local (`fc00::/7`) or
    /// link-local (`fe80::/10`) range.
    pub fn is_public(&self) -> bool {
        let in_net = |net: u128, prefix: u8| {
            let mask = mask_u128(prefix, 128);
            self.as_u128() & mask == net & mask
        };
        !(in_net(0x0100u128 << 112, 64)
            || in_net(0xfc00u128 << 112, 7)
            || in_net(0xfe80u128 << 112, 10))
    }
}

impl Cidr6 {
    /// Parse `ipv6/mask`.
    pub fn parse(input: &[u8]) -> Result<Cidr6, ParseError> {
        if input.len() > 43 {
            return Err(ParseError::Length);
        }
        let (ip, mask) = split_mask(input).ok_or(ParseError::Mask)?;
        let prefix = parse_decimal(mask, 3, 128).ok_or(ParseError::Mask)? as u8;
        Ok(Cidr6 {
            ip: Ip6::parse(ip)?,
            prefix,
        })
    }

    /// The address as written, host bits included (not masked).
    pub fn as_ip(&self) -> Ip6 {
        self.ip
    }

    /// The prefix length.
    pub fn prefix(&self) -> u8 {
        self.prefix
    }

    /// True when `ip` is inside this network.
    pub fn contains(&self, ip: &Ip6) -> bool {
        let mask = mask_u128(self.prefix, 128);
        ip.as_u128() & mask == self.ip.as_u128() & mask
    }

    /// See [`Ip6::is_public`], applied to the address as written.
    pub fn is_public(&self) -> bool {
        self.ip.is_public()
    }

    /// See [`Ip6::is_unicast`], applied to the address as written.
    pub fn is_unicast(&self) -> bool {
        self.ip.is_unicast()
    }
}

impl Mac {
    /// Parse `aa:bb:cc:dd:ee:ff`.
    pub fn parse(input: &[u8]) -> Result<Mac, ParseError> {
        if input.len() != 17 {
            return Err(ParseError::Length);
        }
        let mut octets = [0u8; 6];
        for (i, (octet, chunk)) in octets.iter_mut().zip(input.chunks(3)).enumerate() {
            let (hi, lo) = match chunk {
                [hi, lo] if i == 5 => (*hi, *lo),
                [hi, lo, b':'] if i < 5 => (*hi, *lo),
                _ => return Err(ParseError::Format),
            };
            let hi = hex_value(hi).ok_or(ParseError::Format)?;
            let lo = hex_value(lo).ok_or(ParseError::Format)?;
            *octet = (hi << 4) | lo;
        }
        Ok(Mac(octets))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ip4_parse_accepts_dotted_quads_only() {
        assert_eq!(
            Ip4::parse(b"185.206.122.1").unwrap().octets(),
            [185, 206, 122, 1]
        );
        assert!(Ip4::parse(b"0.0.0.0").is_ok());
        assert!(Ip4::parse(b"255.255.255.255").is_ok());
        assert_eq!(Ip4::parse(b"1.1.1"), Err(ParseError::Length));
        assert_eq!(Ip4::parse(b"1.1.1.1.1"), Err(ParseError::Format));
        assert_eq!(Ip4::parse(b"01.1.1.1"), Err(ParseError::Format));
        assert_eq!(Ip4::parse(b"256.1.1.1"), Err(ParseError::Format));
        assert_eq!(Ip4::parse(b"1.1.1.a"), Err(ParseError::Format));
        assert_eq!(Ip4::parse(b"1..1.11"), Err(ParseError::Format));
        assert_eq!(Ip4::parse(b"1.1.1.1/"), Err(ParseError::Format));
        assert_eq!(Ip4::parse(b"1111.1.1.1"), Err(ParseError::Format));
    }

    #[test]
    fn cidr4_parse_requires_a_mask_without_leading_zero() {
        let cidr = Cidr4::parse(b"185.206.122.33/24").unwrap();
        assert_eq!(cidr.prefix(), 24);
        assert_eq!(cidr.as_prefix().octets(), [185, 206, 122, 33]);
        assert_eq!(Cidr4::parse(b"185.206.122.33"), Err(ParseError::Mask));
        assert_eq!(Cidr4::parse(b"185.206.122.33/33"), Err(ParseError::Mask));
        assert_eq!(Cidr4::parse(b"185.206.12.33/08"), Err(ParseError::Mask));
        assert_eq!(
            Cidr4::parse(b"185.206.122.133/124"),
            Err(ParseError::Length)
        );
        assert!(Cidr4::parse(b"1.1.1.1/0").is_ok());
    }

    #[test]
    fn cidr4_contains_compares_the_masked_networks() {
        let cidr = Cidr4::parse(b"185.206.122.33/24").unwrap();
        assert!(cidr.contains(&Ip4::parse(b"185.206.122.1").unwrap()));
        assert!(!cidr.contains(&Ip4::parse(b"185.206.123.1").unwrap()));
        let host = Cidr4::parse(b"185.206.122.33/32").unwrap();
        assert!(!host.contains(&Ip4::parse(b"185.206.122.34").unwrap()));
        let all = Cidr4::parse(b"1.1.1.1/0").unwrap();
        assert!(all.contains(&Ip4::parse(b"9.9.9.9").unwrap()));
    }

    #[test]
    fn ip4_public_and_unicast_ranges() {
        let private: [&[u8]; 14] = [
            b"10.0.0.1",
            b"100.64.0.1",
            b"127.0.0.1",
            b"169.254.1.1",
            b"172.16.0.1",
            b"172.31.255.255",
            b"192.0.2.1",
            b"192.168.1.1",
            b"198.18.0.1",
            b"198.19.0.1",
            b"198.51.100.1",
            b"203.0.113.1",
            b"255.255.255.255",
            b"0.1.2.3",
        ];
        for ip in private {
            assert!(!Ip4::parse(ip).unwrap().is_public(), "{ip:?}");
        }
        let public: [&[u8]; 4] = [b"1.1.1.1", b"172.32.0.1", b"100.128.0.1", b"185.206.122.1"];
        for ip in public {
            assert!(Ip4::parse(ip).unwrap().is_public(), "{ip:?}");
        }
        assert!(Ip4::parse(b"223.255.255.255").unwrap().is_unicast());
        assert!(!Ip4::parse(b"224.0.0.1").unwrap().is_unicast());
    }

    #[test]
    fn ip6_parse_accepts_compressed_forms() {
        assert_eq!(Ip6::parse(b"::").unwrap().octets(), [0; 16]);
        assert_eq!(Ip6::parse(b"::1").unwrap().octets()[15], 1);
        let full = Ip6::parse(b"2a10:b600:1:0:ec4:7aff:fe30:8235").unwrap();
        assert_eq!(&full.octets()[..4], &[0x2a, 0x10, 0xb6, 0x00]);
        assert_eq!(
            Ip6::parse(b"2A10:B600::1").unwrap(),
            Ip6::parse(b"2a10:b600:0:0:0:0:0:1").unwrap()
        );
        assert!(Ip6::parse(b"1:2:3:4:5:6:7::").is_ok());
        assert!(Ip6::parse(b"1::").is_ok());
        assert_eq!(Ip6::parse(b":"), Err(ParseError::Length));
        assert_eq!(Ip6::parse(b"1:2:3:4:5:6:7"), Err(ParseError::Format));
        assert_eq!(Ip6::parse(b"1:2:3:4:5:6:7:8:9"), Err(ParseError::Format));
        assert_eq!(Ip6::parse(b"1::2::3"), Err(ParseError::Format));
        assert_eq!(Ip6::parse(b":::1"), Err(ParseError::Format));
        assert_eq!(Ip6::parse(b":1::2"), Err(ParseError::Format));
        assert_eq!(Ip6::parse(b"12345::1"), Err(ParseError::Format));
        assert_eq!(Ip6::parse(b"g::1"), Err(ParseError::Format));
        assert_eq!(Ip6::parse(b"::ffff:1.2.3.4"), Err(ParseError::Format));
        assert_eq!(Ip6::parse(b"1:2:3:4:5:6:7:8::"), Err(ParseError::Format));
    }

    #[test]
    fn cidr6_parse_and_contains() {
        let cidr = Cidr6::parse(b"2a10:b600:1::0cc4:7a30:65b5/64").unwrap();
        assert_eq!(cidr.prefix(), 64);
        assert!(cidr.contains(&Ip6::parse(b"2a10:b600:1::1").unwrap()));
        assert!(!cidr.contains(&Ip6::parse(b"2a10:b600:2::1").unwrap()));
        assert_eq!(Cidr6::parse(b"2a10::1/129"), Err(ParseError::Mask));
        assert_eq!(Cidr6::parse(b"2a10::1/064"), Err(ParseError::Mask));
        assert_eq!(Cidr6::parse(b"2a10::1"), Err(ParseError::Mask));
        let host = Cidr6::parse(b"2a10::1/128").unwrap();
        assert!(host.contains(&Ip6::parse(b"2a10::1").unwrap()));
        assert!(!host.contains(&Ip6::parse(b"2a10::2").unwrap()));
    }

    #[test]
    fn ip6_public_and_unicast_ranges() {
        assert!(!Ip6::parse(b"fd00::1").unwrap().is_public());
        assert!(!Ip6::parse(b"fc00::1").unwrap().is_public());
        assert!(!Ip6::parse(b"fe80::1").unwrap().is_public());
        assert!(!Ip6::parse(b"100::1").unwrap().is_public());
        assert!(Ip6::parse(b"100:0:0:1::1").unwrap().is_public());
        assert!(Ip6::parse(b"2a10:b600::1").unwrap().is_public());
        assert!(!Ip6::parse(b"ff02::1").unwrap().is_unicast());
        assert!(Ip6::parse(b"2a10::1").unwrap().is_unicast());
    }

    #[test]
    fn mac_parse_requires_six_hex_pairs() {
        assert_eq!(
            Mac::parse(b"00:25:90:a5:c3:Ff").unwrap().0,
            [0, 0x25, 0x90, 0xa5, 0xc3, 0xff]
        );
        assert_eq!(Mac::parse(b"00:25:90:a5:c3"), Err(ParseError::Length));
        assert_eq!(Mac::parse(b"00-25-90-a5-c3-ff"), Err(ParseError::Format));
        assert_eq!(Mac::parse(b"00:25:90:a5:c3:fg"), Err(ParseError::Format));
        assert_eq!(Mac::parse(b"0:025:90:a5:c3:ff"), Err(ParseError::Format));
    }
}
