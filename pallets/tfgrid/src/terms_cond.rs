//! Terms and conditions: the documents an account accepted before it may create a twin.

use crate::{types::*, Config, Error, Pallet, UsersTermsAndConditions};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::marker::PhantomData;
use frame_support::{ensure, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound};
use scale_info::TypeInfo;
use sp_runtime::DispatchResult;

/// Characters allowed in a document link, besides ASCII letters and digits (the URL characters
/// of RFC 3986).
const DOCUMENT_LINK_SYMBOLS: &[u8] = b"-._~:/?#[]@!$&'()*+,;=";

/// A terms-and-conditions document an account accepted, and when.
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
pub struct TermsAndConditions<T: Config> {
    /// The account that accepted the document.
    pub account_id: T::AccountId,
    /// When it accepted it, in unix seconds.
    pub timestamp: u64,
    /// Link to the document.
    pub document_link: DocumentLinkInput,
    /// Hash of the document.
    pub document_hash: DocumentHashInput,
    _marker: PhantomData<T>,
}

impl<T: Config> TermsAndConditions<T> {
    /// Validate the link (1 to 2048 URL characters) and the hash (1 to 50 bytes of
    /// `[a-zA-Z0-9-_]`), in that order.
    pub fn new(
        account_id: T::AccountId,
        timestamp: u64,
        document_link: DocumentLinkInput,
        document_hash: DocumentHashInput,
    ) -> Result<Self, Error<T>> {
        ensure!(
            document_link.len() >= MIN_DOCUMENT_LINK_LENGTH as usize,
            Error::<T>::DocumentLinkInputTooShort
        );
        ensure!(
            document_link.len() <= MAX_DOCUMENT_LINK_LENGTH as usize,
            Error::<T>::DocumentLinkInputTooLong
        );
        ensure!(
            is_valid_document_link(&document_link),
            Error::<T>::InvalidDocumentLinkInput
        );
        ensure!(
            document_hash.len() >= MIN_DOCUMENT_HASH_LENGTH as usize,
            Error::<T>::DocumentHashInputTooShort
        );
        ensure!(
            document_hash.len() <= MAX_DOCUMENT_HASH_LENGTH as usize,
            Error::<T>::DocumentHashInputTooLong
        );
        ensure!(
            document_hash
                .iter()
                .all(|c| c.is_ascii_alphanumeric() || *c == b'-' || *c == b'_'),
            Error::<T>::InvalidDocumentHashInput
        );
        Ok(TermsAndConditions {
            account_id,
            timestamp,
            document_link,
            document_hash,
            _marker: PhantomData,
        })
    }
}

/// True when every byte of `link` is an ASCII letter, digit or URL symbol.
pub fn is_valid_document_link(link: &[u8]) -> bool {
    link.iter()
        .all(|c| c.is_ascii_alphanumeric() || DOCUMENT_LINK_SYMBOLS.contains(c))
}

impl<T: Config> Pallet<T> {
    /// Record that `who` accepted a document now. When the account's list is full, its oldest
    /// entry is dropped.
    pub(crate) fn do_user_accept_tc(
        who: T::AccountId,
        document_link: DocumentLinkInput,
        document_hash: DocumentHashInput,
    ) -> DispatchResult {
        let accepted = TermsAndConditions::<T>::new(
            who.clone(),
            Self::now_secs(),
            document_link,
            document_hash,
        )?;
        UsersTermsAndConditions::<T>::mutate(&who, |list| {
            let list = list.get_or_insert_with(Default::default);
            if list.is_full() {
                list.remove(0);
            }
            list.force_push(accepted);
        });
        Ok(())
    }
}
