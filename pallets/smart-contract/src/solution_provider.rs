//! Solution providers: groups of accounts that deploy contracts for others, approved by the
//! council and attached to contracts. Since TFChain 2.9 they no longer share in the rewards.

use crate::{types::*, *};
use alloc::vec::Vec;
use frame_support::{dispatch::DispatchResult, ensure};

/// The most the providers of a solution provider may take together, in percent.
pub const MAX_PROVIDERS_TAKE: u32 = 50;

impl<T: Config> Pallet<T> {
    /// Register a solution provider, not approved yet. The description and the link hold at
    /// most [`MAX_SOLUTION_PROVIDER_TEXT_LENGTH`] bytes, the providers at most
    /// [`MAX_PROVIDERS`] accounts.
    pub(crate) fn do_create_solution_provider(
        description: Vec<u8>,
        link: Vec<u8>,
        providers: Vec<Provider<T::AccountId>>,
    ) -> DispatchResult {
        let description = SolutionProviderText::try_from(description)
            .map_err(|_| Error::<T>::SolutionProviderDescriptionTooLong)?;
        let link = SolutionProviderText::try_from(link)
            .map_err(|_| Error::<T>::SolutionProviderLinkTooLong)?;
        let providers =
            ProvidersOf::<T>::try_from(providers).map_err(|_| Error::<T>::TooManyProviders)?;
        let total_take: u32 = providers.iter().map(|provider| provider.take as u32).sum();
        ensure!(
            total_take <= MAX_PROVIDERS_TAKE,
            Error::<T>::InvalidProviderConfiguration
        );
        let id = SolutionProviderID::<T>::get()
            .checked_add(1)
            .ok_or(Error::<T>::NumOverflow)?;
        let solution_provider = SolutionProvider {
            solution_provider_id: id,
            providers,
            description,
            link,
            approved: false,
        };
        SolutionProviderID::<T>::put(id);
        SolutionProviders::<T>::insert(id, &solution_provider);
        Self::deposit_event(Event::SolutionProviderCreated(solution_provider));
        Ok(())
    }

    /// Approve or disapprove a solution provider.
    pub(crate) fn do_approve_solution_provider(id: u64, approve: bool) -> DispatchResult {
        SolutionProviders::<T>::try_mutate(id, |provider| {
            let provider = provider
                .as_mut()
                .ok_or(Error::<T>::NoSuchSolutionProvider)?;
            provider.approved = approve;
            Ok::<(), Error<T>>(())
        })?;
        Self::deposit_event(Event::SolutionProviderApproved(id, approve));
        Ok(())
    }

    /// Attach an approved solution provider to a contract of the twin of `who` that has none.
    pub(crate) fn do_attach_solution_provider_id(
        who: &T::AccountId,
        contract_id: u64,
        solution_provider_id: u64,
    ) -> DispatchResult {
        let provider = SolutionProviders::<T>::get(solution_provider_id)
            .ok_or(Error::<T>::NoSuchSolutionProvider)?;
        ensure!(provider.approved, Error::<T>::SolutionProviderNotApproved);
        let mut contract = Contracts::<T>::get(contract_id).ok_or(Error::<T>::ContractNotExists)?;
        let twin_id = Self::twin_id_of(who)?;
        ensure!(
            contract.twin_id == twin_id && contract.solution_provider_id.is_none(),
            Error::<T>::UnauthorizedToChangeSolutionProviderId
        );
        contract.solution_provider_id = Some(solution_provider_id);
        Contracts::<T>::insert(contract_id, &contract);
        Self::deposit_event(Event::ContractUpdated(contract));
        Ok(())
    }

    /// Set the monthly extra fee of a node of the farm of `who`. The node must run no contract.
    pub(crate) fn do_set_dedicated_node_extra_fee(
        who: &T::AccountId,
        node_id: u32,
        extra_fee: u64,
    ) -> DispatchResult {
        let twin_id = Self::twin_id_of(who)?;
        let node = pallet_tfgrid::Nodes::<T>::get(node_id).ok_or(Error::<T>::NodeNotExists)?;
        let farm =
            pallet_tfgrid::Farms::<T>::get(node.farm_id).ok_or(Error::<T>::FarmNotExists)?;
        ensure!(farm.twin_id == twin_id, Error::<T>::UnauthorizedToSetExtraFee);
        ensure!(
            Self::has_no_active_contracts(node_id),
            Error::<T>::NodeHasActiveContracts
        );
        DedicatedNodesExtraFee::<T>::insert(node_id, extra_fee);
        Self::deposit_event(Event::NodeExtraFeeSet { node_id, extra_fee });
        Ok(())
    }

    /// True when neither node contracts nor a rent contract run on the node.
    pub fn has_no_active_contracts(node_id: u32) -> bool {
        ActiveNodeContracts::<T>::get(node_id).is_empty()
            && !ActiveRentContractForNode::<T>::contains_key(node_id)
    }
}
