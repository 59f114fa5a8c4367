//! Solution providers: creation, approval and attachment to contracts.

use super::*;
use crate::{Contracts, Error, SolutionProviders};
use frame_support::{assert_noop, assert_ok};

fn providers(takes: &[u8]) -> Vec<Provider<AccountId32>> {
    takes
        .iter()
        .map(|take| Provider {
            who: alice(),
            take: *take,
        })
        .collect()
}

fn create_provider(takes: &[u8]) -> frame_support::dispatch::DispatchResult {
    SmartContractModule::create_solution_provider(
        signed(&dave()),
        b"a solution".to_vec(),
        b"https://example.com".to_vec(),
        providers(takes),
    )
}

#[test]
fn create_and_approve_a_solution_provider() {
    run(|| {
        assert_ok!(create_provider(&[30, 20]));
        let provider = SolutionProviders::<Test>::get(1).unwrap();
        assert!(!provider.approved);
        assert_eq!(last_event(), ContractEvent::SolutionProviderCreated(provider));
        assert_ok!(SmartContractModule::approve_solution_provider(
            RuntimeOrigin::root(),
            1,
            true
        ));
        assert!(SolutionProviders::<Test>::get(1).unwrap().approved);
        assert_eq!(last_event(), ContractEvent::SolutionProviderApproved(1, true));
    });
}

#[test]
fn solution_provider_inputs_are_bounded_with_named_errors() {
    run(|| {
        let create = |description: Vec<u8>, link: Vec<u8>, count: u32| {
            SmartContractModule::create_solution_provider(
                signed(&dave()),
                description,
                link,
                providers(&vec![0; count as usize]),
            )
        };
        let text = |len: u32| vec![b'a'; len as usize];
        let max = MAX_SOLUTION_PROVIDER_TEXT_LENGTH;
        assert_ok!(create(text(max), text(max), MAX_PROVIDERS));
        assert_eq!(SolutionProviders::<Test>::get(1).unwrap().providers.len(), MAX_PROVIDERS as usize);
        assert_noop!(
            create(text(1), text(1), MAX_PROVIDERS + 1),
            Error::<Test>::TooManyProviders
        );
        assert_noop!(
            create(text(max + 1), text(1), 1),
            Error::<Test>::SolutionProviderDescriptionTooLong
        );
        assert_noop!(
            create(text(1), text(max + 1), 1),
            Error::<Test>::SolutionProviderLinkTooLong
        );
    });
}

#[test]
fn solution_provider_errors() {
    run(|| {
        assert_noop!(
            create_provider(&[30, 21]),
            Error::<Test>::InvalidProviderConfiguration
        );
        assert_noop!(
            create_provider(&[200, 200]),
            Error::<Test>::InvalidProviderConfiguration
        );
        assert_noop!(
            SmartContractModule::approve_solution_provider(signed(&dave()), 1, true),
            sp_runtime::DispatchError::BadOrigin
        );
        assert_noop!(
            SmartContractModule::approve_solution_provider(RuntimeOrigin::root(), 1, true),
            Error::<Test>::NoSuchSolutionProvider
        );
    });
}

#[test]
fn attach_solution_provider_id_to_a_contract() {
    run(|| {
        prepare_grid();
        let id = create_node_contract(0);
        let attach = |who: &AccountId32, provider: u64| {
            SmartContractModule::attach_solution_provider_id(signed(who), id, provider)
        };
        assert_noop!(attach(&charlie(), 1), Error::<Test>::NoSuchSolutionProvider);
        assert_ok!(create_provider(&[10]));
        assert_noop!(attach(&charlie(), 1), Error::<Test>::SolutionProviderNotApproved);
        assert_noop!(
            SmartContractModule::create_node_contract(
                signed(&charlie()),
                NODE,
                hash(2),
                b(b"d"),
                0,
                Some(1)
            ),
            Error::<Test>::SolutionProviderNotApproved
        );
        assert_ok!(SmartContractModule::approve_solution_provider(
            RuntimeOrigin::root(),
            1,
            true
        ));
        assert_noop!(
            SmartContractModule::attach_solution_provider_id(signed(&charlie()), 99, 1),
            Error::<Test>::ContractNotExists
        );
        assert_noop!(attach(&ferdie(), 1), Error::<Test>::TwinNotExists);
        assert_noop!(
            attach(&dave(), 1),
            Error::<Test>::UnauthorizedToChangeSolutionProviderId
        );
        assert_ok!(attach(&charlie(), 1));
        let contract = Contracts::<Test>::get(id).unwrap();
        assert_eq!(contract.solution_provider_id, Some(1));
        assert_eq!(last_event(), ContractEvent::ContractUpdated(contract));
        assert_noop!(
            attach(&charlie(), 1),
            Error::<Test>::UnauthorizedToChangeSolutionProviderId
        );
    });
}
