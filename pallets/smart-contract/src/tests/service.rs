//! Service contracts: negotiation, approval, billing and cancellation, with every error.

use super::{billing::round_div, *};
use crate::{Error, ServiceContracts};
use frame_support::{assert_noop, assert_ok};

/// Dave serves Charlie: service contract 1.
fn create_service_contract() -> u64 {
    prepare_grid();
    assert_ok!(SmartContractModule::service_contract_create(
        signed(&dave()),
        dave(),
        charlie()
    ));
    1
}

fn ready_service_contract() -> u64 {
    let id = create_service_contract();
    assert_ok!(SmartContractModule::service_contract_set_fees(
        signed(&dave()),
        id,
        1_000,
        2_000
    ));
    assert_ok!(SmartContractModule::service_contract_set_metadata(
        signed(&charlie()),
        id,
        b"some metadata".to_vec()
    ));
    id
}

/// Approved by both at block 2 (approvals are refused in the block the terms changed in).
fn approved_service_contract() -> u64 {
    let id = ready_service_contract();
    go_to_block(2);
    assert_ok!(SmartContractModule::service_contract_approve(signed(&dave()), id));
    assert_ok!(SmartContractModule::service_contract_approve(signed(&charlie()), id));
    id
}

#[test]
fn service_contract_create_opens_a_contract() {
    run(|| {
        let id = create_service_contract();
        let contract = ServiceContracts::<Test>::get(id).unwrap();
        assert_eq!(contract.service_twin_id, 4);
        assert_eq!(contract.consumer_twin_id, CHARLIE_TWIN);
        assert_eq!(contract.state, ServiceContractState::Created);
        assert_eq!(last_event(), ContractEvent::ServiceContractCreated(contract));
    });
}

#[test]
fn service_contract_create_errors() {
    run(|| {
        prepare_grid();
        let create = |who: &AccountId32, service: AccountId32, consumer: AccountId32| {
            SmartContractModule::service_contract_create(signed(who), service, consumer)
        };
        assert_noop!(create(&ferdie(), dave(), charlie()), Error::<Test>::TwinNotExists);
        assert_noop!(create(&dave(), ferdie(), charlie()), Error::<Test>::TwinNotExists);
        assert_noop!(create(&alice(), dave(), charlie()), Error::<Test>::TwinNotAuthorized);
        assert_noop!(
            create(&dave(), dave(), dave()),
            Error::<Test>::ServiceContractCreationNotAllowed
        );
    });
}

#[test]
fn fees_and_metadata_make_the_agreement_ready_and_both_approvals_start_billing() {
    run(|| {
        let id = ready_service_contract();
        let contract = ServiceContracts::<Test>::get(id).unwrap();
        assert_eq!(contract.state, ServiceContractState::AgreementReady);
        assert_eq!((contract.base_fee, contract.variable_fee), (1_000, 2_000));
        assert_eq!(last_event(), ContractEvent::ServiceContractMetadataSet(contract));
        go_to_block(3);
        assert_ok!(SmartContractModule::service_contract_approve(signed(&dave()), id));
        assert!(ServiceContracts::<Test>::get(id).unwrap().accepted_by_service);
        assert_ok!(SmartContractModule::service_contract_approve(signed(&charlie()), id));
        let contract = ServiceContracts::<Test>::get(id).unwrap();
        assert_eq!(contract.state, ServiceContractState::ApprovedByBoth);
        assert_eq!(contract.last_bill, time_of(3));
        assert_eq!(last_event(), ContractEvent::ServiceContractApproved(contract));
    });
}

#[test]
fn set_fees_and_metadata_errors() {
    run(|| {
        let id = create_service_contract();
        assert_noop!(
            SmartContractModule::service_contract_set_fees(signed(&ferdie()), id, 1, 1),
            Error::<Test>::TwinNotExists
        );
        assert_noop!(
            SmartContractModule::service_contract_set_fees(signed(&dave()), 9, 1, 1),
            Error::<Test>::ServiceContractNotExists
        );
        assert_noop!(
            SmartContractModule::service_contract_set_fees(signed(&charlie()), id, 1, 1),
            Error::<Test>::TwinNotAuthorized
        );
        assert_noop!(
            SmartContractModule::service_contract_set_metadata(signed(&alice()), id, b"m".to_vec()),
            Error::<Test>::TwinNotAuthorized
        );
        assert_noop!(
            SmartContractModule::service_contract_set_metadata(signed(&dave()), id, [b'm'; 65].to_vec()),
            Error::<Test>::ServiceContractMetadataTooLong
        );
        assert_noop!(
            SmartContractModule::service_contract_set_metadata(signed(&dave()), id, vec![b'm'; 1000]),
            Error::<Test>::ServiceContractMetadataTooLong
        );
        assert_ok!(SmartContractModule::service_contract_set_fees(signed(&dave()), id, 1, 1));
        assert_eq!(
            last_event(),
            ContractEvent::ServiceContractFeesSet(ServiceContracts::<Test>::get(id).unwrap())
        );
        assert_ok!(SmartContractModule::service_contract_set_metadata(signed(&dave()), id, b"m".to_vec()));
        go_to_block(2);
        assert_ok!(SmartContractModule::service_contract_approve(signed(&dave()), id));
        assert_ok!(SmartContractModule::service_contract_approve(signed(&charlie()), id));
        assert_noop!(
            SmartContractModule::service_contract_set_fees(signed(&dave()), id, 1, 1),
            Error::<Test>::ServiceContractModificationNotAllowed
        );
        assert_noop!(
            SmartContractModule::service_contract_set_metadata(signed(&dave()), id, b"n".to_vec()),
            Error::<Test>::ServiceContractModificationNotAllowed
        );
    });
}

#[test]
fn approve_and_reject_errors() {
    run(|| {
        let id = create_service_contract();
        assert_noop!(
            SmartContractModule::service_contract_approve(signed(&ferdie()), id),
            Error::<Test>::TwinNotExists
        );
        assert_noop!(
            SmartContractModule::service_contract_approve(signed(&dave()), 9),
            Error::<Test>::ServiceContractNotExists
        );
        assert_noop!(
            SmartContractModule::service_contract_approve(signed(&dave()), id),
            Error::<Test>::ServiceContractApprovalNotAllowed
        );
        assert_noop!(
            SmartContractModule::service_contract_reject(signed(&dave()), 9),
            Error::<Test>::ServiceContractNotExists
        );
        assert_noop!(
            SmartContractModule::service_contract_reject(signed(&dave()), id),
            Error::<Test>::ServiceContractRejectionNotAllowed
        );
        assert_ok!(SmartContractModule::service_contract_set_fees(signed(&dave()), id, 1, 1));
        assert_ok!(SmartContractModule::service_contract_set_metadata(signed(&dave()), id, b"m".to_vec()));
        assert_noop!(
            SmartContractModule::service_contract_approve(signed(&alice()), id),
            Error::<Test>::TwinNotAuthorized
        );
        assert_noop!(
            SmartContractModule::service_contract_reject(signed(&alice()), id),
            Error::<Test>::TwinNotAuthorized
        );
        assert_ok!(SmartContractModule::service_contract_reject(signed(&charlie()), id));
        assert!(ServiceContracts::<Test>::get(id).is_none());
        assert_eq!(
            last_event(),
            ContractEvent::ServiceContractCanceled {
                service_contract_id: id,
                cause: Cause::CanceledByUser
            }
        );
    });
}

#[test]
fn service_contract_cancel_removes_it() {
    run(|| {
        let id = approved_service_contract();
        assert_noop!(
            SmartContractModule::service_contract_cancel(signed(&ferdie()), id),
            Error::<Test>::TwinNotExists
        );
        assert_noop!(
            SmartContractModule::service_contract_cancel(signed(&dave()), 9),
            Error::<Test>::ServiceContractNotExists
        );
        assert_noop!(
            SmartContractModule::service_contract_cancel(signed(&alice()), id),
            Error::<Test>::TwinNotAuthorized
        );
        assert_ok!(SmartContractModule::service_contract_cancel(signed(&dave()), id));
        assert!(ServiceContracts::<Test>::get(id).is_none());
    });
}

#[test]
fn service_contract_bill_pays_the_service() {
    run(|| {
        let id = approved_service_contract();
        go_to_block(102);
        assert_ok!(SmartContractModule::service_contract_bill(
            signed(&dave()),
            id,
            100,
            b"bill".to_vec()
        ));
        // 600 s: 1 000 mUSD/h × 600/3600 + 100 mUSD = 266.67 mUSD = 2 666 667 units-USD
        // = 53 333 340 TFT units at 50 mUSD.
        let units = round_div(1_000 * 10_000 * 600 + 100 * 10_000 * 3_600, 3_600);
        let amount = units * 20;
        assert_eq!(amount, 53_333_340);
        assert_eq!(free(&charlie()), USER_BALANCE - amount);
        assert_eq!(free(&dave()), USER_BALANCE + amount);
        let contract = ServiceContracts::<Test>::get(id).unwrap();
        assert_eq!(contract.last_bill, time_of(102));
        assert_eq!(
            last_event(),
            ContractEvent::ServiceContractBilled {
                service_contract: contract,
                bill: ServiceContractBill {
                    variable_amount: 100,
                    window: 600,
                    metadata: b(b"bill"),
                },
                amount,
            }
        );
    });
}

#[test]
fn service_contract_bill_errors() {
    run(|| {
        let id = ready_service_contract();
        let bill = |who: &AccountId32, id: u64, variable: u64, metadata: &[u8]| {
            SmartContractModule::service_contract_bill(signed(who), id, variable, metadata.to_vec())
        };
        assert_noop!(bill(&ferdie(), id, 0, b""), Error::<Test>::TwinNotExists);
        assert_noop!(bill(&dave(), 9, 0, b""), Error::<Test>::ServiceContractNotExists);
        assert_noop!(bill(&charlie(), id, 0, b""), Error::<Test>::TwinNotAuthorized);
        assert_noop!(
            bill(&dave(), id, 0, b""),
            Error::<Test>::ServiceContractBillingNotApprovedByBoth
        );
        go_to_block(2);
        assert_ok!(SmartContractModule::service_contract_approve(signed(&dave()), id));
        assert_ok!(SmartContractModule::service_contract_approve(signed(&charlie()), id));
        go_to_block(102);
        // At most 2 000 × 600/3600 = 333 mUSD of variable fee for 600 s.
        assert_noop!(
            bill(&dave(), id, 334, b""),
            Error::<Test>::ServiceContractBillingVariableAmountTooHigh
        );
        assert_noop!(
            bill(&dave(), id, 333, &[b'm'; 51]),
            Error::<Test>::ServiceContractBillMetadataTooLong
        );
        assert_ok!(Balances::force_set_balance(RuntimeOrigin::root(), charlie(), ED + 1));
        assert_noop!(
            bill(&dave(), id, 333, b""),
            Error::<Test>::ServiceContractNotEnoughFundsToPayBill
        );
    });
}

#[test]
fn attack_service_raises_its_fees_after_the_consumer_approved() {
    run(|| {
        let id = ready_service_contract();
        go_to_block(2);
        assert_ok!(SmartContractModule::service_contract_approve(signed(&charlie()), id));
        // The service raises the variable fee to the maximum and approves the new terms itself.
        go_to_block(3);
        assert_ok!(SmartContractModule::service_contract_set_fees(
            signed(&dave()),
            id,
            1_000,
            u64::MAX
        ));
        let contract = ServiceContracts::<Test>::get(id).unwrap();
        assert!(!contract.accepted_by_consumer && !contract.accepted_by_service);
        assert_eq!(contract.state, ServiceContractState::AgreementReady);
        go_to_block(4);
        assert_ok!(SmartContractModule::service_contract_approve(signed(&dave()), id));
        assert_eq!(
            ServiceContracts::<Test>::get(id).unwrap().state,
            ServiceContractState::AgreementReady
        );
        go_to_block(601);
        assert_noop!(
            SmartContractModule::service_contract_bill(signed(&dave()), id, 120_000, b"".to_vec()),
            Error::<Test>::ServiceContractBillingNotApprovedByBoth
        );
        assert_eq!(free(&charlie()), USER_BALANCE);
    });
}

#[test]
fn changing_the_metadata_clears_both_approvals() {
    run(|| {
        let id = ready_service_contract();
        go_to_block(2);
        assert_ok!(SmartContractModule::service_contract_approve(signed(&dave()), id));
        assert_ok!(SmartContractModule::service_contract_set_metadata(
            signed(&dave()),
            id,
            b"other terms".to_vec()
        ));
        let contract = ServiceContracts::<Test>::get(id).unwrap();
        assert!(!contract.accepted_by_service && !contract.accepted_by_consumer);
        assert_eq!(contract.state, ServiceContractState::AgreementReady);
        assert_eq!(last_event(), ContractEvent::ServiceContractMetadataSet(contract));
    });
}

#[test]
fn attack_service_front_runs_the_consumer_approval_with_new_fees() {
    run(|| {
        let id = ready_service_contract();
        go_to_block(2);
        assert_ok!(SmartContractModule::service_contract_approve(signed(&dave()), id));
        // Block 3: the service sees the consumer's approval in the pool and puts new fees and its
        // own approval before it.
        go_to_block(3);
        assert_ok!(SmartContractModule::service_contract_set_fees(
            signed(&dave()),
            id,
            1_000,
            u64::MAX
        ));
        assert_noop!(
            SmartContractModule::service_contract_approve(signed(&dave()), id),
            Error::<Test>::ServiceContractApprovalNotAllowed
        );
        assert_noop!(
            SmartContractModule::service_contract_approve(signed(&charlie()), id),
            Error::<Test>::ServiceContractApprovalNotAllowed
        );
        // From the next block on, the terms can be approved knowingly.
        go_to_block(4);
        assert_ok!(SmartContractModule::service_contract_approve(signed(&charlie()), id));
        assert_ok!(SmartContractModule::service_contract_approve(signed(&dave()), id));
        let contract = ServiceContracts::<Test>::get(id).unwrap();
        assert_eq!(contract.state, ServiceContractState::ApprovedByBoth);
        assert_eq!(contract.variable_fee, u64::MAX);
    });
}

#[test]
fn a_service_bill_never_exceeds_one_hour_of_the_agreed_fees() {
    run(|| {
        let id = approved_service_contract();
        // Ten hours without a bill: only one hour of fees can be billed.
        go_to_block(1 + 6_000);
        assert_noop!(
            SmartContractModule::service_contract_bill(signed(&dave()), id, 2_001, b"".to_vec()),
            Error::<Test>::ServiceContractBillingVariableAmountTooHigh
        );
        assert_ok!(SmartContractModule::service_contract_bill(
            signed(&dave()),
            id,
            2_000,
            b"".to_vec()
        ));
        // 1 000 + 2 000 mUSD = 30 000 000 units-USD = 60 TFT at 50 mUSD.
        let amount = (1_000 + 2_000) * 10_000 * 20;
        assert_eq!(free(&charlie()), USER_BALANCE - amount);
        // Billing again right away: the window is empty, so is the bill.
        assert_noop!(
            SmartContractModule::service_contract_bill(signed(&dave()), id, 1, b"".to_vec()),
            Error::<Test>::ServiceContractBillingVariableAmountTooHigh
        );
    });
}

#[test]
fn a_service_fee_too_large_to_price_is_refused_not_saturated() {
    run(|| {
        prepare_grid();
        // The largest base fee that converts to units-USD, and one more.
        let largest = u64::MAX / 10_000;
        for (base_fee, error) in [
            (largest, Error::<Test>::ServiceContractNotEnoughFundsToPayBill),
            (largest + 1, Error::<Test>::NumOverflow),
        ] {
            assert_ok!(SmartContractModule::service_contract_create(
                signed(&dave()),
                dave(),
                charlie()
            ));
            let id = crate::ServiceContractID::<Test>::get();
            assert_ok!(SmartContractModule::service_contract_set_fees(
                signed(&dave()),
                id,
                base_fee,
                0
            ));
            assert_ok!(SmartContractModule::service_contract_set_metadata(
                signed(&charlie()),
                id,
                b"terms".to_vec()
            ));
            go_to_block(System::block_number() + 1);
            assert_ok!(SmartContractModule::service_contract_approve(signed(&dave()), id));
            assert_ok!(SmartContractModule::service_contract_approve(signed(&charlie()), id));
            go_to_block(System::block_number() + 600);
            assert_noop!(
                SmartContractModule::service_contract_bill(signed(&dave()), id, 0, b"".to_vec()),
                error
            );
        }
        assert_eq!(free(&charlie()), USER_BALANCE);
    });
}
