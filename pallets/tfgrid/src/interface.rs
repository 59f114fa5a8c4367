//! Network interfaces of a node: validated name, MAC address and addresses.

use crate::{types::*, Config, Error};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::marker::PhantomData;
use frame_support::{ensure, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound};
use scale_info::TypeInfo;
use tfchain_support::{
    net::{Ip4, Ip6, Mac},
    types::Interface,
};

/// A validated interface name: 3 to 20 bytes of `[a-z0-9-_]`.
#[derive(
    Encode,
    Decode,
    DecodeWithMemTracking,
    TypeInfo,
    MaxEncodedLen,
    CloneNoBound,
    PartialEqNoBound,
    EqNoBound,
    DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct InterfaceName<T: Config>(InterfaceNameInput, PhantomData<T>);

impl<T: Config> TryFrom<InterfaceNameInput> for InterfaceName<T> {
    type Error = Error<T>;

    fn try_from(name: InterfaceNameInput) -> Result<Self, Self::Error> {
        ensure!(
            name.len() >= MIN_INTERFACE_NAME_LENGTH as usize,
            Error::<T>::InterfaceNameTooShort
        );
        ensure!(
            name.len() <= MAX_INTERFACE_NAME_LENGTH as usize,
            Error::<T>::InterfaceNameTooLong
        );
        ensure!(
            name.iter()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-' || *c == b'_'),
            Error::<T>::InvalidInterfaceName
        );
        Ok(InterfaceName(name, PhantomData))
    }
}

/// A validated MAC address: `xx:xx:xx:xx:xx:xx` in hex.
#[derive(
    Encode,
    Decode,
    DecodeWithMemTracking,
    TypeInfo,
    MaxEncodedLen,
    CloneNoBound,
    PartialEqNoBound,
    EqNoBound,
    DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct InterfaceMac<T: Config>(InterfaceMacInput, PhantomData<T>);

impl<T: Config> TryFrom<InterfaceMacInput> for InterfaceMac<T> {
    type Error = Error<T>;

    fn try_from(mac: InterfaceMacInput) -> Result<Self, Self::Error> {
        ensure!(
            mac.len() >= INTERFACE_MAC_LENGTH as usize,
            Error::<T>::InterfaceMacTooShort
        );
        ensure!(
            mac.len() <= INTERFACE_MAC_LENGTH as usize,
            Error::<T>::InterfaceMacTooLong
        );
        Mac::parse(&mac).map_err(|_| Error::<T>::InvalidMacAddress)?;
        Ok(InterfaceMac(mac, PhantomData))
    }
}

/// A validated interface address: a plain IPv4 or IPv6 address, without mask.
#[derive(
    Encode,
    Decode,
    DecodeWithMemTracking,
    TypeInfo,
    MaxEncodedLen,
    CloneNoBound,
    PartialEqNoBound,
    EqNoBound,
    DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct InterfaceIp<T: Config>(InterfaceIpInput, PhantomData<T>);

impl<T: Config> TryFrom<InterfaceIpInput> for InterfaceIp<T> {
    type Error = Error<T>;

    fn try_from(ip: InterfaceIpInput) -> Result<Self, Self::Error> {
        ensure!(
            ip.len() >= MIN_INTERFACE_IP_LENGTH as usize,
            Error::<T>::InterfaceIpTooShort
        );
        ensure!(
            ip.len() <= MAX_INTERFACE_IP_LENGTH as usize,
            Error::<T>::InterfaceIpTooLong
        );
        ensure!(
            Ip4::parse(&ip).is_ok() || Ip6::parse(&ip).is_ok(),
            Error::<T>::InvalidInterfaceIP
        );
        Ok(InterfaceIp(ip, PhantomData))
    }
}

/// Validate submitted interfaces: for each interface its name, then its MAC, then each address.
pub fn validate_interfaces<T: Config>(
    input: InterfaceInput<T>,
) -> Result<InterfacesOf<T>, Error<T>> {
    let mut interfaces = InterfacesOf::<T>::default();
    for interface in input {
        let name = InterfaceName::<T>::try_from(interface.name)?;
        let mac = InterfaceMac::<T>::try_from(interface.mac)?;
        let mut ips = BoundedVec::default();
        for ip in interface.ips {
            ips.try_push(InterfaceIp::<T>::try_from(ip)?)
                .map_err(|_| Error::<T>::InvalidInterfaceIP)?;
        }
        interfaces
            .try_push(Interface { name, mac, ips })
            .map_err(|_| Error::<T>::InvalidInterfaceIP)?;
    }
    Ok(interfaces)
}
