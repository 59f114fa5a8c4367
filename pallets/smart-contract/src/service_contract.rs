//! Service contracts: an agreement between a service twin and a consumer twin on an hourly base
//! fee and a variable fee, which the service bills to the consumer directly in TFT.

use crate::{cost::UNITS_PER_MUSD, fixed::U64F64, types::*, *};
use alloc::vec::Vec;
use frame_support::{
    dispatch::DispatchResult,
    ensure,
    traits::{Currency, ExistenceRequirement, Get},
    BoundedVec,
};
use sp_runtime::SaturatedConversion;

impl<T: Config> Pallet<T> {
    /// The service contract `id` and the twin of `who`, which must be one of its parties.
    fn service_contract_of_party(
        who: &T::AccountId,
        id: u64,
    ) -> Result<(ServiceContract, u32), Error<T>> {
        let twin_id = Self::twin_id_of(who)?;
        let contract = ServiceContracts::<T>::get(id).ok_or(Error::<T>::ServiceContractNotExists)?;
        ensure!(
            twin_id == contract.service_twin_id || twin_id == contract.consumer_twin_id,
            Error::<T>::TwinNotAuthorized
        );
        Ok((contract, twin_id))
    }

    /// Open a service contract; the caller is the service or the consumer.
    pub(crate) fn do_service_contract_create(
        who: &T::AccountId,
        service: &T::AccountId,
        consumer: &T::AccountId,
    ) -> DispatchResult {
        let caller_twin = Self::twin_id_of(who)?;
        let service_twin_id = Self::twin_id_of(service)?;
        let consumer_twin_id = Self::twin_id_of(consumer)?;
        ensure!(
            caller_twin == service_twin_id || caller_twin == consumer_twin_id,
            Error::<T>::TwinNotAuthorized
        );
        ensure!(
            service_twin_id != consumer_twin_id,
            Error::<T>::ServiceContractCreationNotAllowed
        );
        let id = ServiceContractID::<T>::get()
            .checked_add(1)
            .ok_or(Error::<T>::NumOverflow)?;
        let contract = ServiceContract {
            service_contract_id: id,
            service_twin_id,
            consumer_twin_id,
            ..Default::default()
        };
        ServiceContractID::<T>::put(id);
        ServiceContracts::<T>::insert(id, &contract);
        Self::deposit_event(Event::ServiceContractCreated(contract));
        Ok(())
    }

    /// New terms (fees or metadata) void both approvals: each party approves the terms as they
    /// are now, and not in the block they changed in (see [`Self::do_service_contract_approve`]).
    fn terms_changed(contract: &mut ServiceContract) {
        contract.accepted_by_service = false;
        contract.accepted_by_consumer = false;
        ServiceContractTermsChangedAt::<T>::insert(
            contract.service_contract_id,
            Self::current_block(),
        );
    }

    /// Set the metadata (not once both parties approved); with fees already set the contract
    /// is ready for approval. Both approvals are voided.
    pub(crate) fn do_service_contract_set_metadata(
        who: &T::AccountId,
        id: u64,
        metadata: Vec<u8>,
    ) -> DispatchResult {
        let (mut contract, _) = Self::service_contract_of_party(who, id)?;
        ensure!(
            contract.state != ServiceContractState::ApprovedByBoth,
            Error::<T>::ServiceContractModificationNotAllowed
        );
        contract.metadata = BoundedVec::try_from(metadata)
            .map_err(|_| Error::<T>::ServiceContractMetadataTooLong)?;
        if contract.base_fee != 0 {
            contract.state = ServiceContractState::AgreementReady;
        }
        Self::terms_changed(&mut contract);
        ServiceContracts::<T>::insert(id, &contract);
        Self::deposit_event(Event::ServiceContractMetadataSet(contract));
        Ok(())
    }

    /// Set the fees (service only, not once both parties approved); with metadata already set
    /// the contract is ready for approval. Both approvals are voided.
    pub(crate) fn do_service_contract_set_fees(
        who: &T::AccountId,
        id: u64,
        base_fee: u64,
        variable_fee: u64,
    ) -> DispatchResult {
        let (mut contract, twin_id) = Self::service_contract_of_party(who, id)?;
        ensure!(
            twin_id == contract.service_twin_id,
            Error::<T>::TwinNotAuthorized
        );
        ensure!(
            contract.state != ServiceContractState::ApprovedByBoth,
            Error::<T>::ServiceContractModificationNotAllowed
        );
        contract.base_fee = base_fee;
        contract.variable_fee = variable_fee;
        if !contract.metadata.is_empty() {
            contract.state = ServiceContractState::AgreementReady;
        }
        Self::terms_changed(&mut contract);
        ServiceContracts::<T>::insert(id, &contract);
        Self::deposit_event(Event::ServiceContractFeesSet(contract));
        Ok(())
    }

    /// Approve as the service or the consumer; with both approvals billing starts now. The
    /// call cannot name the terms it approves, so it is refused in the block the terms changed
    /// in: a change put in front of an approval in the same block voids it instead of
    /// inheriting it.
    pub(crate) fn do_service_contract_approve(who: &T::AccountId, id: u64) -> DispatchResult {
        let twin_id = Self::twin_id_of(who)?;
        let mut contract =
            ServiceContracts::<T>::get(id).ok_or(Error::<T>::ServiceContractNotExists)?;
        ensure!(
            contract.state == ServiceContractState::AgreementReady,
            Error::<T>::ServiceContractApprovalNotAllowed
        );
        ensure!(
            twin_id == contract.service_twin_id || twin_id == contract.consumer_twin_id,
            Error::<T>::TwinNotAuthorized
        );
        ensure!(
            ServiceContractTermsChangedAt::<T>::get(id) != Some(Self::current_block()),
            Error::<T>::ServiceContractApprovalNotAllowed
        );
        if twin_id == contract.service_twin_id {
            contract.accepted_by_service = true;
        } else {
            contract.accepted_by_consumer = true;
        }
        if contract.accepted_by_service && contract.accepted_by_consumer {
            contract.state = ServiceContractState::ApprovedByBoth;
            contract.last_bill = Self::now_secs();
            // The terms are final now.
            ServiceContractTermsChangedAt::<T>::remove(id);
        }
        ServiceContracts::<T>::insert(id, &contract);
        Self::deposit_event(Event::ServiceContractApproved(contract));
        Ok(())
    }

    /// Reject a contract that is ready for approval: it is removed.
    pub(crate) fn do_service_contract_reject(who: &T::AccountId, id: u64) -> DispatchResult {
        let contract = ServiceContracts::<T>::get(id).ok_or(Error::<T>::ServiceContractNotExists)?;
        ensure!(
            contract.state == ServiceContractState::AgreementReady,
            Error::<T>::ServiceContractRejectionNotAllowed
        );
        Self::do_service_contract_cancel(who, id, Cause::CanceledByUser)
    }

    /// Remove a service contract as one of its parties.
    pub(crate) fn do_service_contract_cancel(
        who: &T::AccountId,
        id: u64,
        cause: Cause,
    ) -> DispatchResult {
        Self::service_contract_of_party(who, id)?;
        ServiceContracts::<T>::remove(id);
        ServiceContractTermsChangedAt::<T>::remove(id);
        Self::deposit_event(Event::ServiceContractCanceled {
            service_contract_id: id,
            cause,
        });
        Ok(())
    }

    /// Bill the consumer (service only) the base fee of the time since the last bill (at most
    /// an hour) and a variable amount up to the variable fee of that time.
    pub(crate) fn do_service_contract_bill(
        who: &T::AccountId,
        id: u64,
        variable_amount: u64,
        metadata: Vec<u8>,
    ) -> DispatchResult {
        let twin_id = Self::twin_id_of(who)?;
        let mut contract =
            ServiceContracts::<T>::get(id).ok_or(Error::<T>::ServiceContractNotExists)?;
        ensure!(
            twin_id == contract.service_twin_id,
            Error::<T>::TwinNotAuthorized
        );
        ensure!(
            contract.state == ServiceContractState::ApprovedByBoth,
            Error::<T>::ServiceContractBillingNotApprovedByBoth
        );
        let now = Self::now_secs();
        let reference = T::BillingReferencePeriod::get();
        let window = now.saturating_sub(contract.last_bill).min(reference);
        let f = |n: u64| U64F64::from_int(n as u128);
        let max_variable = f(window)
            .div(f(reference))
            .mul(f(contract.variable_fee))
            .round();
        ensure!(
            variable_amount <= max_variable,
            Error::<T>::ServiceContractBillingVariableAmountTooHigh
        );
        let metadata = BoundedVec::try_from(metadata)
            .map_err(|_| Error::<T>::ServiceContractBillMetadataTooLong)?;
        let in_units = |musd: u64| {
            musd.checked_mul(UNITS_PER_MUSD)
                .ok_or(Error::<T>::NumOverflow)
        };
        let units = f(in_units(contract.base_fee)?)
            .mul(f(window))
            .div(f(reference))
            .add(f(in_units(variable_amount)?))
            .round();
        let amount: u128 = if units == 0 {
            0
        } else {
            Self::units_usd_to_tft(units)? as u128
        };
        let service = pallet_tfgrid::Twins::<T>::get(contract.service_twin_id)
            .ok_or(Error::<T>::TwinNotExists)?;
        let consumer = pallet_tfgrid::Twins::<T>::get(contract.consumer_twin_id)
            .ok_or(Error::<T>::TwinNotExists)?;
        ensure!(
            Self::usable_balance(&consumer.account_id) >= amount,
            Error::<T>::ServiceContractNotEnoughFundsToPayBill
        );
        let amount: BalanceOf<T> = amount.saturated_into();
        T::Currency::transfer(
            &consumer.account_id,
            &service.account_id,
            amount,
            ExistenceRequirement::KeepAlive,
        )?;
        contract.last_bill = now;
        ServiceContracts::<T>::insert(id, &contract);
        Self::deposit_event(Event::ServiceContractBilled {
            service_contract: contract,
            bill: ServiceContractBill {
                variable_amount,
                window,
                metadata,
            },
            amount,
        });
        Ok(())
    }
}
