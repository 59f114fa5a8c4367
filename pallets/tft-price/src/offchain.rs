//! The offchain worker: after each imported block `n`, a validator node reports the TFT price
//! when
//!
//! 1. at least [`SUBMISSION_INTERVAL`] blocks passed since the last report (`LastBlockSet`);
//! 2. its keystore holds the `aura` key of a current validator (else `NoLocalAcctForSigning` or
//!    `IsNotAnAuthority`);
//! 3. that validator follows the author of block `n` in the validator list, wrapping around
//!    (else `WrongAuthority`), so that one validator reports at a time; when the author is
//!    unknown every validator reports;
//! 4. the price source answers within [`FETCH_DEADLINE_MS`] with a valid quote (else
//!    `ErrFetchingPrice`).
//!
//! It then submits `set_prices(price, n)` signed with that key (`OffchainSignedTxError` if the
//! pool refuses it). The reasons not to report are only logged.

use crate::{horizon, types::*, Call, Config, Error, LastBlockSet, Pallet};
use alloc::vec::Vec;
use frame_support::traits::{FindAuthor, ValidatorSet};
use frame_system::{
    offchain::{Account, SendSignedTransaction, Signer},
    pallet_prelude::BlockNumberFor,
};
use sp_core::offchain::Duration;
use sp_runtime::{
    offchain::http,
    traits::{CheckedSub, Convert},
};

/// Converts an account to its validator id.
type ValidatorIdOf<T> = <<T as Config>::Validators as ValidatorSet<
    <T as frame_system::Config>::AccountId,
>>::ValidatorIdOf;

/// Log target of the offchain worker.
const LOG_TARGET: &str = "runtime::tft-price";

impl<T: Config> Pallet<T> {
    /// The offchain worker's run after block `block_number`: report the price if due, and log
    /// why not otherwise.
    pub fn run_offchain_worker(block_number: BlockNumberFor<T>) {
        if !Self::report_is_due(block_number) {
            return;
        }
        match Self::offchain_report_price(block_number) {
            Ok(price) => log::info!(target: LOG_TARGET, "reported TFT price {price} mUSD"),
            Err(Error::<T>::WrongAuthority | Error::<T>::IsNotAnAuthority) => {
                log::debug!(target: LOG_TARGET, "another validator reports the price")
            }
            Err(error) => log::warn!(target: LOG_TARGET, "no TFT price report: {error:?}"),
        }
    }

    /// Whether [`SUBMISSION_INTERVAL`] blocks passed since the block of the last report (a last
    /// report for a later block does not hold reports back).
    pub fn report_is_due(block_number: BlockNumberFor<T>) -> bool {
        block_number
            .checked_sub(&LastBlockSet::<T>::get())
            .is_none_or(|elapsed| elapsed >= SUBMISSION_INTERVAL.into())
    }

    /// Pick the reporting validator, fetch the price and submit `set_prices(price,
    /// block_number)`; returns the reported price.
    pub fn offchain_report_price(block_number: BlockNumberFor<T>) -> Result<u32, Error<T>> {
        let reporter = Self::local_reporter()?;
        let price = Self::fetch_price()?;
        let signer =
            Signer::<T, T::AuthorityId>::any_account().with_filter(alloc::vec![reporter.public]);
        match signer.send_signed_transaction(|_| Call::set_prices {
            price,
            block_number,
        }) {
            Some((_, Ok(()))) => Ok(price),
            Some((_, Err(()))) => Err(Error::<T>::OffchainSignedTxError),
            None => Err(Error::<T>::NoLocalAcctForSigning),
        }
    }

    /// The local validator account that reports this time: the first keystore key of a current
    /// validator, if that validator follows the block's author in the validator list.
    pub fn local_reporter() -> Result<Account<T>, Error<T>> {
        let accounts: Vec<Account<T>> = Signer::<T, T::AuthorityId>::keystore_accounts().collect();
        if accounts.is_empty() {
            return Err(Error::<T>::NoLocalAcctForSigning);
        }
        let validators = T::Validators::validators();
        let (reporter, validator_id) = accounts
            .into_iter()
            .find_map(|account| {
                let id = ValidatorIdOf::<T>::convert(account.id.clone())?;
                validators.contains(&id).then_some((account, id))
            })
            .ok_or(Error::<T>::IsNotAnAuthority)?;
        if let Some(author) = Self::block_author() {
            let author_position = validators.iter().position(|v| *v == author).unwrap_or(0);
            let next = validators.get((author_position + 1) % validators.len());
            if next != Some(&validator_id) {
                return Err(Error::<T>::WrongAuthority);
            }
        }
        Ok(reporter)
    }

    /// The author of the current block, from its pre-runtime digests.
    fn block_author() -> Option<T::AccountId> {
        let digest = frame_system::Pallet::<T>::digest();
        let pre_runtime = digest.logs.iter().filter_map(|item| item.as_pre_runtime());
        T::FindAuthor::find_author(pre_runtime)
    }

    /// Fetch the TFT price (mUSD) from [`horizon::PRICE_URL`] within [`FETCH_DEADLINE_MS`].
    pub fn fetch_price() -> Result<u32, Error<T>> {
        let deadline = sp_io::offchain::timestamp().add(Duration::from_millis(FETCH_DEADLINE_MS));
        let pending = http::Request::get(horizon::PRICE_URL)
            .deadline(deadline)
            .send()
            .map_err(|_| Error::<T>::ErrFetchingPrice)?;
        let response = pending
            .try_wait(deadline)
            .map_err(|_| Error::<T>::ErrFetchingPrice)?
            .map_err(|_| Error::<T>::ErrFetchingPrice)?;
        let mut body = response.body();
        body.deadline(deadline);
        let bytes: Vec<u8> = body.by_ref().take(MAX_RESPONSE_BYTES + 1).collect();
        if body.error().is_some() || bytes.len() > MAX_RESPONSE_BYTES {
            return Err(Error::<T>::ErrFetchingPrice);
        }
        horizon::tft_price_from_response(response.code, &bytes).ok_or(Error::<T>::ErrFetchingPrice)
    }
}
