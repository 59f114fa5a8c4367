//! Reports nodes send about their contracts: the capacity each contract uses, billed by the
//! hour, and its public network usage, priced when reported and billed with the next bill.

use crate::{fixed::U64F64, types::*, *};
use frame_support::{dispatch::DispatchResult, ensure, traits::Get};

impl<T: Config> Pallet<T> {
    /// The node of the twin of `who`.
    fn reporting_node(who: &T::AccountId) -> Result<pallet_tfgrid::types::TfgridNode<T>, Error<T>> {
        let twin_id = Self::twin_id_of(who)?;
        let node_id = pallet_tfgrid::NodeIdByTwinID::<T>::get(twin_id);
        pallet_tfgrid::Nodes::<T>::get(node_id).ok_or(Error::<T>::NodeNotExists)
    }

    /// The node contract `contract_id` must run on `node_id`.
    fn ensure_node_contract_on(contract: &Contract<T>, node_id: u32) -> Result<(), Error<T>> {
        let ContractData::NodeContract(node_contract) = &contract.contract_type else {
            return Err(Error::<T>::InvalidContractType);
        };
        ensure!(
            node_contract.node_id == node_id,
            Error::<T>::NodeNotAuthorizedToComputeReport
        );
        Ok(())
    }

    /// Record the network usage the node of `who` reports for its contracts. Reports for
    /// contracts that no longer exist are skipped.
    pub(crate) fn do_add_nru_reports(who: &T::AccountId, reports: NruReports) -> DispatchResult {
        let node = Self::reporting_node(who)?;
        let farm =
            pallet_tfgrid::Farms::<T>::get(node.farm_id).ok_or(Error::<T>::FarmNotExists)?;
        let policy = pallet_tfgrid::PricingPolicies::<T>::get(farm.pricing_policy_id)
            .ok_or(Error::<T>::PricingPolicyNotExists)?;
        let reference = U64F64::from_int(T::BillingReferencePeriod::get() as u128);
        for report in reports {
            let Some(contract) = Contracts::<T>::get(report.contract_id) else {
                continue;
            };
            if !ContractBillingInformationByID::<T>::contains_key(report.contract_id) {
                continue;
            }
            Self::ensure_node_contract_on(&contract, node.id)?;
            let mut info = ContractBillingInformationByID::<T>::get(report.contract_id);
            if report.timestamp >= info.last_updated {
                let cost = U64F64::from_int(report.nru as u128)
                    .div_int(policy.nu.factor_base_1000())
                    .mul(U64F64::from_int(policy.nu.value as u128).div(reference))
                    .mul(U64F64::from_int(report.window as u128))
                    .round();
                info.amount_unbilled = info.amount_unbilled.saturating_add(cost);
                info.last_updated = report.timestamp;
                ContractBillingInformationByID::<T>::insert(report.contract_id, info);
            }
            Self::deposit_event(Event::NruConsumptionReportReceived(report));
        }
        Ok(())
    }

    /// Record the capacity the node of `who` reports for its contracts. Reports for contracts
    /// that no longer exist are skipped.
    pub(crate) fn do_report_contract_resources(
        who: &T::AccountId,
        reports: ResourceReports,
    ) -> DispatchResult {
        let twin_id = Self::twin_id_of(who)?;
        let node_id = pallet_tfgrid::NodeIdByTwinID::<T>::get(twin_id);
        ensure!(
            pallet_tfgrid::Nodes::<T>::contains_key(node_id),
            Error::<T>::NodeNotExists
        );
        for report in reports {
            let Some(contract) = Contracts::<T>::get(report.contract_id) else {
                continue;
            };
            Self::ensure_node_contract_on(&contract, node_id)?;
            NodeContractResources::<T>::insert(report.contract_id, &report);
            Self::deposit_event(Event::UpdatedUsedResources(report));
        }
        Ok(())
    }
}
