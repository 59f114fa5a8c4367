//! The validators' offchain worker: at every block it submits `bill_contract_for_block` for the
//! contracts of the block's billing-loop bucket, signed with each local `aura` key. The
//! [`ContractIdProvides`](crate::types::ContractIdProvides) extension lets the transaction pool
//! keep one of the copies that several validators send for the same contract.

use crate::{types::*, *};
use frame_system::{
    offchain::{SendSignedTransaction, Signer},
    pallet_prelude::BlockNumberFor,
};
use frame_support::traits::Get;
use sp_runtime::SaturatedConversion;

/// Key type of the billing keys: the validators' Aura keys.
pub const KEY_TYPE: sp_core::crypto::KeyTypeId = sp_core::crypto::KeyTypeId(*b"aura");

/// The sr25519 application crypto of the billing keys.
pub mod crypto {
    use super::KEY_TYPE;
    use sp_runtime::{
        app_crypto::{app_crypto, sr25519},
        MultiSignature, MultiSigner,
    };
    app_crypto!(sr25519, KEY_TYPE);

    /// The billing key type for `frame_system::offchain` signing.
    pub struct AuthId;

    impl frame_system::offchain::AppCrypto<MultiSigner, MultiSignature> for AuthId {
        type RuntimeAppPublic = Public;
        type GenericSignature = sp_core::sr25519::Signature;
        type GenericPublic = sp_core::sr25519::Public;
    }
}

impl<T: Config> Pallet<T> {
    /// Submit the bills of the contracts due at `block_number`.
    pub fn bill_contracts_for_block(block_number: BlockNumberFor<T>) {
        let frequency = BillingFrequency::<T>::get();
        let Some(index) = block_number.saturated_into::<u64>().checked_rem(frequency) else {
            return;
        };
        for id in ContractsToBillAt::<T>::get(index) {
            if !Self::should_bill_contract(id) {
                continue;
            }
            if let Err(error) = Self::submit_bill(id) {
                log::warn!(target: "runtime::smart-contract", "billing contract {id} not submitted: {error:?}");
            }
        }
    }

    /// Whether a bill of `id` could change anything: node contracts cost at least the minimum
    /// charge, except on a rented node, where those without IPs, capacity, unbilled usage or
    /// debt cost nothing.
    pub fn should_bill_contract(id: u64) -> bool {
        let Some(contract) = Contracts::<T>::get(id) else {
            return false;
        };
        let ContractData::NodeContract(node_contract) = &contract.contract_type else {
            return true;
        };
        let owes = crate::ContractPaymentState::<T>::get(id).is_some_and(|payment| {
            payment.standard_overdraft.saturated_into::<u128>() > 0
                || payment.additional_overdraft.saturated_into::<u128>() > 0
        });
        let minimum_charged = T::NodeContractMinimumCharge::get() > 0
            && !ActiveRentContractForNode::<T>::contains_key(node_contract.node_id);
        minimum_charged
            || node_contract.public_ips > 0
            || !NodeContractResources::<T>::get(id).used.is_empty()
            || ContractBillingInformationByID::<T>::get(id).amount_unbilled > 0
            || owes
    }

    /// Send `bill_contract_for_block(id)` signed by every local billing key.
    fn submit_bill(id: u64) -> Result<(), Error<T>> {
        let signer = Signer::<T, T::AuthorityId>::all_accounts();
        if !signer.can_sign() {
            return Err(Error::<T>::OffchainSignedTxCannotSign);
        }
        let results = signer.send_signed_transaction(|_| Call::bill_contract_for_block {
            contract_id: id,
        });
        if results.is_empty() {
            return Err(Error::<T>::OffchainSignedTxNoLocalAccountAvailable);
        }
        if results.iter().any(|(_, result)| result.is_ok()) {
            Ok(())
        } else {
            Err(Error::<T>::OffchainSignedTxAlreadySent)
        }
    }
}
