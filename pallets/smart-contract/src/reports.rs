//! Reports nodes send about their contracts: the capacity each contract uses, billed by the
//! hour, and its public network usage, priced when reported and billed with the next bill.
//! Reports are bounded: capacity by the node's, traffic by `MaxNruBytesPerSecond` over a window
//! that may not reach before the previous report nor after the chain's time.

use crate::{fixed::U64F64, types::*, *};
use alloc::vec::Vec;
use frame_support::{dispatch::DispatchResult, ensure, traits::Get};
use tfchain_support::resources::Resources;

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
    /// contracts that no longer exist are skipped, and so are reports that
    /// [`bounded_nru_report`](Self::bounded_nru_report) rejects: one bad report does not fail
    /// the batch. Only the reports that are priced are acknowledged (with
    /// `NruConsumptionReportReceived`, carrying the traffic that was priced). More than
    /// [`MAX_REPORTS`] reports fail with `TooManyReports`.
    pub(crate) fn do_add_nru_reports(
        who: &T::AccountId,
        reports: Vec<NruConsumption>,
    ) -> DispatchResult {
        ensure!(
            reports.len() <= MAX_REPORTS as usize,
            Error::<T>::TooManyReports
        );
        let node = Self::reporting_node(who)?;
        let farm =
            pallet_tfgrid::Farms::<T>::get(node.farm_id).ok_or(Error::<T>::FarmNotExists)?;
        let policy = pallet_tfgrid::PricingPolicies::<T>::get(farm.pricing_policy_id)
            .ok_or(Error::<T>::PricingPolicyNotExists)?;
        let reference = U64F64::from_int(T::BillingReferencePeriod::get() as u128);
        let now = Self::now_secs();
        for report in reports {
            let Some(contract) = Contracts::<T>::get(report.contract_id) else {
                continue;
            };
            if !ContractBillingInformationByID::<T>::contains_key(report.contract_id) {
                continue;
            }
            Self::ensure_node_contract_on(&contract, node.id)?;
            let mut info = ContractBillingInformationByID::<T>::get(report.contract_id);
            let Some(report) = Self::bounded_nru_report(report, info.last_updated, now) else {
                continue;
            };
            let cost = U64F64::from_int(report.nru as u128)
                .div_int(policy.nu.factor_base_1000())
                .mul(U64F64::from_int(policy.nu.value as u128).div(reference))
                .mul(U64F64::from_int(report.window as u128))
                .round();
            let Some(unbilled) = info.amount_unbilled.checked_add(cost) else {
                continue;
            };
            info.amount_unbilled = unbilled;
            info.last_updated = report.timestamp;
            ContractBillingInformationByID::<T>::insert(report.contract_id, info);
            NodeContractLastReport::<T>::insert(report.contract_id, now);
            Self::deposit_event(Event::NruConsumptionReportReceived(report));
        }
        Ok(())
    }

    /// The part of a network report that may be priced, `now` being the chain time and
    /// `last_updated` the timestamp of the contract's last priced report (or its creation):
    ///
    /// - a timestamp more than tfgrid's `TimestampHintDrift` after `now` is rejected;
    /// - a timestamp before `last_updated`, or a window longer than the time from
    ///   `last_updated` to the timestamp, is rejected (reports may not cover time twice);
    /// - the traffic is capped at `MaxNruBytesPerSecond` over the window.
    pub fn bounded_nru_report(
        report: NruConsumption,
        last_updated: u64,
        now: u64,
    ) -> Option<NruConsumption> {
        let latest = now.saturating_add(<T as pallet_tfgrid::Config>::TimestampHintDrift::get());
        if report.timestamp > latest {
            return None;
        }
        let covered = report.timestamp.checked_sub(last_updated)?;
        if report.window > covered {
            return None;
        }
        // A bound, not an amount: saturating only widens the cap.
        let most = T::MaxNruBytesPerSecond::get().saturating_mul(report.window);
        Some(NruConsumption {
            nru: report.nru.min(most),
            ..report
        })
    }

    /// Record the capacity the node of `who` reports for its contracts, each field capped at
    /// the node's own capacity. Reports for contracts that no longer exist are skipped. More
    /// than [`MAX_REPORTS`] reports fail with `TooManyReports`.
    pub(crate) fn do_report_contract_resources(
        who: &T::AccountId,
        reports: Vec<ContractResources>,
    ) -> DispatchResult {
        ensure!(
            reports.len() <= MAX_REPORTS as usize,
            Error::<T>::TooManyReports
        );
        let twin_id = Self::twin_id_of(who)?;
        let node_id = pallet_tfgrid::NodeIdByTwinID::<T>::get(twin_id);
        let node = pallet_tfgrid::Nodes::<T>::get(node_id).ok_or(Error::<T>::NodeNotExists)?;
        let now = Self::now_secs();
        for report in reports {
            let Some(contract) = Contracts::<T>::get(report.contract_id) else {
                continue;
            };
            Self::ensure_node_contract_on(&contract, node_id)?;
            let report = ContractResources {
                contract_id: report.contract_id,
                used: within(&report.used, &node.resources),
            };
            NodeContractResources::<T>::insert(report.contract_id, &report);
            NodeContractLastReport::<T>::insert(report.contract_id, now);
            Self::deposit_event(Event::UpdatedUsedResources(report));
        }
        Ok(())
    }
}

/// `used`, each field capped at `capacity`.
fn within(used: &Resources, capacity: &Resources) -> Resources {
    Resources {
        hru: used.hru.min(capacity.hru),
        sru: used.sru.min(capacity.sru),
        cru: used.cru.min(capacity.cru),
        mru: used.mru.min(capacity.mru),
    }
}
