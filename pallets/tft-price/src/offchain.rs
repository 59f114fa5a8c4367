//! The offchain worker: after each imported block `n`, a validator node reports the TFT price
//! when
//!
//! 1. at least [`SUBMISSION_INTERVAL`] blocks passed since the last report (`LastBlockSet`);
//! 2. its keystore holds the `aura` key of a current validator (else `NoLocalAcctForSigning` or
//!    `IsNotAnAuthority`);
//! 3. it is that validator's turn to report for block `n` ([`reporter_for`]: turns of
//!    [`SUBMISSION_INTERVAL`] blocks go round the validator list), else `WrongAuthority`, so
//!    that one validator reports at a time and all take part;
//! 4. the price source answers within [`FETCH_DEADLINE_MS`] with a valid quote (else
//!    `ErrFetchingPrice`).
//!
//! It then submits `set_prices(price, n)` signed with that key (`OffchainSignedTxError` if the
//! pool refuses it). The reasons not to report are only logged. The chain checks the same
//! rules when the report is dispatched ([`Pallet::do_set_prices`]).

use crate::{horizon, price::reporter_for, types::*, Call, Config, Error, Pallet};
use alloc::vec::Vec;
use frame_support::traits::ValidatorSet;
use frame_system::{
    offchain::{Account, SendSignedTransaction, Signer},
    pallet_prelude::BlockNumberFor,
};
use sp_core::offchain::Duration;
use sp_runtime::{offchain::http, traits::Convert};

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
    /// report for a later block does not hold reports back), as the chain checks.
    pub fn report_is_due(block_number: BlockNumberFor<T>) -> bool {
        Self::interval_elapsed(block_number, block_number)
    }

    /// Pick the reporting validator, fetch the price and submit `set_prices(price,
    /// block_number)`; returns the reported price.
    pub fn offchain_report_price(block_number: BlockNumberFor<T>) -> Result<u32, Error<T>> {
        let reporter = Self::local_reporter(block_number)?;
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

    /// The local validator account that reports for `block_number`: the keystore key of the
    /// validator whose turn it is ([`reporter_for`]).
    pub fn local_reporter(block_number: BlockNumberFor<T>) -> Result<Account<T>, Error<T>> {
        let accounts: Vec<Account<T>> = Signer::<T, T::AuthorityId>::keystore_accounts().collect();
        if accounts.is_empty() {
            return Err(Error::<T>::NoLocalAcctForSigning);
        }
        let validators = T::Validators::validators();
        let in_turn = reporter_for(&validators, block_number);
        let mut holds_a_validator_key = false;
        for account in accounts {
            let Some(id) = ValidatorIdOf::<T>::convert(account.id.clone()) else {
                continue;
            };
            if in_turn == Some(&id) {
                return Ok(account);
            }
            holds_a_validator_key |= validators.contains(&id);
        }
        Err(if holds_a_validator_key {
            Error::<T>::WrongAuthority
        } else {
            Error::<T>::IsNotAnAuthority
        })
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
