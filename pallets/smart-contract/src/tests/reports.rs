//! Capacity and network-usage reports of nodes.

use super::{billing::round_div, *};
use crate::{ContractBillingInformationByID, Error, NodeContractResources};
use frame_support::{assert_noop, assert_ok};

fn nru_report(contract_id: u64, timestamp: u64, nru: u64) -> NruConsumption {
    NruConsumption {
        contract_id,
        timestamp,
        window: 60,
        nru,
    }
}

fn add_nru(who: &AccountId32, report: NruConsumption) -> frame_support::dispatch::DispatchResultWithPostInfo {
    SmartContractModule::add_nru_reports(signed(who), vec![report])
}

#[test]
fn report_contract_resources_stores_the_usage() {
    run(|| {
        prepare_grid();
        let id = create_node_contract(0);
        let used = super::billing::deployment();
        report_resources(id, used);
        let report = ContractResources { contract_id: id, used };
        assert_eq!(NodeContractResources::<Test>::get(id), report);
        assert_eq!(last_event(), ContractEvent::UpdatedUsedResources(report));
    });
}

#[test]
fn report_contract_resources_errors() {
    run(|| {
        prepare_grid();
        create_twin(&ferdie());
        create_node(&ferdie(), FARM);
        let on_node_2 = {
            assert_ok!(SmartContractModule::create_node_contract(
                signed(&charlie()),
                2,
                hash(1),
                b(b"d"),
                0,
                None
            ));
            ContractID::<Test>::get()
        };
        let name = create_name_contract(b"gateway");
        let report = |who: &AccountId32, id: u64| {
            SmartContractModule::report_contract_resources(
                signed(who),
                vec![ContractResources {
                    contract_id: id,
                    used: Resources::default(),
                }],
            )
        };
        assert_noop!(report(&validator(), 1), Error::<Test>::TwinNotExists);
        assert_noop!(report(&charlie(), 1), Error::<Test>::NodeNotExists);
        assert_noop!(report(&bob(), name), Error::<Test>::InvalidContractType);
        assert_noop!(
            report(&bob(), on_node_2),
            Error::<Test>::NodeNotAuthorizedToComputeReport
        );
        assert_ok!(report(&bob(), 99));
    });
}

#[test]
fn nru_reports_are_priced_and_billed_with_the_next_bill() {
    run(|| {
        prepare_grid();
        let id = create_node_contract(0);
        // 10 GB over the 60 s since the contract was created, at 50 000 units-USD per
        // GB-hour: 8 333.33 → 8 333 units-USD.
        let unbilled = round_div(10 * 50_000 * 60, 3_600);
        go_to_block(11);
        assert_ok!(add_nru(&bob(), nru_report(id, time_of(11), 10_000_000_000)));
        assert_eq!(
            last_event(),
            ContractEvent::NruConsumptionReportReceived(nru_report(id, time_of(11), 10_000_000_000))
        );
        let info = ContractBillingInformationByID::<Test>::get(id);
        assert_eq!(info.amount_unbilled as u128, unbilled);
        assert_eq!(info.last_updated, time_of(11));
        // An older report is neither acknowledged nor priced.
        clear_events();
        assert_ok!(add_nru(&bob(), nru_report(id, time_of(10), 10_000_000_000)));
        assert!(contract_events().is_empty());
        assert_eq!(
            ContractBillingInformationByID::<Test>::get(id).amount_unbilled as u128,
            unbilled
        );
        bill_at_block(11);
        // 166 660 TFT units; 2 500 TFT hold 3.47 months of it: Bronze (×0.7).
        let billed = round_div(unbilled * 20 * 7, 10);
        assert_eq!(reserved(&charlie()), billed);
        assert_eq!(ContractBillingInformationByID::<Test>::get(id).amount_unbilled, 0);
    });
}

#[test]
fn add_nru_reports_errors() {
    run(|| {
        prepare_grid();
        let id = create_node_contract(0);
        let name = create_name_contract(b"gateway");
        assert_noop!(add_nru(&validator(), nru_report(id, 0, 1)), Error::<Test>::TwinNotExists);
        assert_noop!(add_nru(&charlie(), nru_report(id, 0, 1)), Error::<Test>::NodeNotExists);
        // Contracts without network billing (name and rent contracts) are skipped.
        clear_events();
        assert_ok!(add_nru(&bob(), nru_report(name, 0, 1)));
        assert!(contract_events().is_empty());
        create_twin(&ferdie());
        create_node(&ferdie(), FARM);
        assert_noop!(
            add_nru(&ferdie(), nru_report(id, 0, 1)),
            Error::<Test>::NodeNotAuthorizedToComputeReport
        );
        pallet_tfgrid::Farms::<Test>::mutate(FARM, |farm| {
            farm.as_mut().unwrap().pricing_policy_id = 7
        });
        assert_noop!(add_nru(&bob(), nru_report(id, 0, 1)), Error::<Test>::PricingPolicyNotExists);
        pallet_tfgrid::Farms::<Test>::mutate(FARM, |farm| {
            farm.as_mut().unwrap().pricing_policy_id = 1
        });
        let node = pallet_tfgrid::Nodes::<Test>::get(NODE).unwrap();
        let farm = pallet_tfgrid::Farms::<Test>::take(node.farm_id).unwrap();
        assert_noop!(add_nru(&bob(), nru_report(id, 0, 1)), Error::<Test>::FarmNotExists);
        pallet_tfgrid::Farms::<Test>::insert(node.farm_id, farm);
    });
}

#[test]
fn a_call_carries_at_most_max_reports_reports() {
    run(|| {
        prepare_grid();
        let max = MAX_REPORTS as usize;
        // Reports about a contract that does not exist are skipped: only the count matters.
        let nru = |count: usize| vec![nru_report(99, 0, 1); count];
        assert_ok!(SmartContractModule::add_nru_reports(signed(&bob()), nru(max)));
        assert_noop!(
            SmartContractModule::add_nru_reports(signed(&bob()), nru(max + 1)),
            Error::<Test>::TooManyReports
        );
        let used = |count: usize| {
            vec![
                ContractResources {
                    contract_id: 99,
                    used: Resources::default(),
                };
                count
            ]
        };
        assert_ok!(SmartContractModule::report_contract_resources(signed(&bob()), used(max)));
        assert_noop!(
            SmartContractModule::report_contract_resources(signed(&bob()), used(max + 1)),
            Error::<Test>::TooManyReports
        );
    });
}

#[test]
fn report_weights_stop_growing_at_max_reports() {
    use crate::weights::WeightInfo;
    use frame_support::dispatch::GetDispatchInfo;
    type W = <Test as crate::Config>::WeightInfo;
    let nru = |count: usize| {
        crate::Call::<Test>::add_nru_reports {
            reports: vec![nru_report(1, 0, 1); count],
        }
        .get_dispatch_info()
        .call_weight
    };
    assert_eq!(nru(3), <W as WeightInfo>::add_nru_reports(3));
    assert_eq!(nru(MAX_REPORTS as usize + 1), <W as WeightInfo>::add_nru_reports(MAX_REPORTS));
    let used = |count: usize| {
        crate::Call::<Test>::report_contract_resources {
            contract_resources: vec![
                ContractResources {
                    contract_id: 1,
                    used: Resources::default(),
                };
                count
            ],
        }
        .get_dispatch_info()
        .call_weight
    };
    assert_eq!(used(3), <W as WeightInfo>::report_contract_resources(3));
    assert_eq!(
        used(MAX_REPORTS as usize + 1),
        <W as WeightInfo>::report_contract_resources(MAX_REPORTS)
    );
}
