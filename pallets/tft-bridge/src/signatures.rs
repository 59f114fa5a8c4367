//! Signatures of Stellar payments (withdrawals and refunds) collected from bridge validators.

use crate::{
    pallet::{Config, Error, Pallet},
    types::{Signatures, StellarSignature},
};
use frame_support::ensure;

impl<T: Config> Pallet<T> {
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
