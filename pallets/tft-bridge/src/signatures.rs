//! Signatures of Stellar payments (withdrawals and refunds) collected from bridge validators.

use crate::{
    pallet::{Config, Error, Pallet},
    types::{Signature, Signatures, StellarAddress, StellarPubKey, StellarSignature},
};
use alloc::vec::Vec;
use frame_support::ensure;

impl<T: Config> Pallet<T> {
    /// The Stellar target address a call was given, within its bound.
    pub(crate) fn stellar_address_input(target: Vec<u8>) -> Result<StellarAddress, Error<T>> {
        StellarAddress::try_from(target).map_err(|_| Error::<T>::StellarAddressTooLong)
    }

    /// The signature and Stellar public key a call was given, within their bounds.
    pub(crate) fn signature_input(
        signature: Vec<u8>,
        stellar_pub_key: Vec<u8>,
    ) -> Result<StellarSignature, Error<T>> {
        Ok(StellarSignature {
            signature: Signature::try_from(signature).map_err(|_| Error::<T>::SignatureTooLong)?,
            stellar_pub_key: StellarPubKey::try_from(stellar_pub_key)
                .map_err(|_| Error::<T>::StellarPubKeyTooLong)?,
        })
    }

    /// Add `signature` to `signatures`, and tell whether they now reach the quorum.
    ///
    /// Fails with `enough` if the quorum was already reached, and with `exists` if the
    /// signature, or a signature with the same key, is already there.
    pub(crate) fn add_signature(
        signatures: &mut Signatures,
        signature: StellarSignature,
        enough: Error<T>,
        exists: Error<T>,
    ) -> Result<bool, Error<T>> {
        let quorum = Self::quorum() as usize;
        ensure!(signatures.len() < quorum, enough);
        ensure!(
            !signatures.iter().any(|known| {
                known.stellar_pub_key == signature.stellar_pub_key
                    || known.signature == signature.signature
            }),
            exists
        );
        signatures.try_push(signature).map_err(|_| enough)?;
        Ok(signatures.len() >= quorum)
    }
}
