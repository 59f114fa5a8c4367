//! Benchmarks of every call of pallet-smart-contract (frame-benchmarking v2).
//!
//! The grid (twins, a farm with a public IP, a node) is registered through pallet-tfgrid's
//! calls. Billing needs pricing policy 1 (the tfgrid genesis) and a non-zero TFT price.

use crate::{types::*, *};
use alloc::vec;
use frame_benchmarking::v2::*;
use frame_support::{
    traits::{Currency, EnsureOrigin, Get, Hooks, ReservableCurrency},
    weights::{Weight, WeightMeter},
    BoundedVec,
};
use tfchain_support::traits::{ChangeNode, NodeActiveContracts, PublicIpModifier};
use frame_system::RawOrigin;
use sp_runtime::SaturatedConversion;
use tfchain_support::{
    resources::Resources,
    types::{Interface, IP4},
};

const GIB: u64 = 1024 * 1024 * 1024;

fn bounded<S: Get<u32>>(bytes: &[u8]) -> BoundedVec<u8, S> {
    BoundedVec::truncate_from(bytes.to_vec())
}

/// A funded account with a twin.
fn funded_twin<T: Config>(name: &'static str, index: u32) -> T::AccountId {
    let who: T::AccountId = account(name, index, 0);
    T::Currency::make_free_balance_be(&who, (1_000_000u128 * 10_000_000).saturated_into());
    pallet_tfgrid::Pallet::<T>::user_accept_tc(
        RawOrigin::Signed(who.clone()).into(),
        bounded(b"https://threefold.io/tc"),
        bounded(b"hash"),
    )
    .expect("terms accepted");
    pallet_tfgrid::Pallet::<T>::create_twin(
        RawOrigin::Signed(who.clone()).into(),
        Some(bounded(b"relay.grid.tf")),
        Some(bounded(b"pk")),
    )
    .expect("twin created");
    who
}

/// A farmer with a farm holding one public IP, and a node in it; returns (farmer, node twin
/// account, node id).
fn grid<T: Config>() -> (T::AccountId, T::AccountId, u32) {
    let farmer = funded_twin::<T>("farmer", 0);
    let ip = IP4 {
        ip: bounded(b"185.206.122.2/24"),
        gw: bounded(b"185.206.122.1"),
    };
    pallet_tfgrid::Pallet::<T>::create_farm(
        RawOrigin::Signed(farmer.clone()).into(),
        bounded(b"benchmark_farm"),
        BoundedVec::truncate_from(vec![ip]),
    )
    .expect("farm created");
    let farm_id = pallet_tfgrid::FarmID::<T>::get();
    let node_twin = funded_twin::<T>("node", 0);
    pallet_tfgrid::Pallet::<T>::create_node(
        RawOrigin::Signed(node_twin.clone()).into(),
        farm_id,
        Resources {
            hru: 1024 * GIB,
            sru: 512 * GIB,
            cru: 8,
            mru: 16 * GIB,
        },
        pallet_tfgrid::types::LocationInput {
            city: bounded(b"Ghent"),
            country: bounded(b"Belgium"),
            latitude: bounded(b"12.233213231"),
            longitude: bounded(b"32.323112123"),
        },
        BoundedVec::truncate_from(vec![Interface {
            name: bounded(b"zos"),
            mac: bounded(b"00:00:5e:00:53:af"),
            ips: BoundedVec::truncate_from(vec![bounded(b"10.2.3.3")]),
        }]),
        true,
        true,
        Some(bounded(b"serial")),
    )
    .expect("node created");
    (farmer, node_twin, pallet_tfgrid::NodeID::<T>::get())
}

/// A user with a node contract holding the farm's IP; returns (user, node twin, contract id).
fn node_contract<T: Config>() -> (T::AccountId, T::AccountId, u64) {
    let (_, node_twin, node_id) = grid::<T>();
    let user = funded_twin::<T>("user", 0);
    Pallet::<T>::create_node_contract(
        RawOrigin::Signed(user.clone()).into(),
        node_id,
        [1u8; 32],
        bounded(b"data"),
        1,
        None,
    )
    .expect("node contract created");
    (user, node_twin, ContractID::<T>::get())
}

/// A deployment hash unique per `n`.
fn hash_of(n: u32) -> [u8; 32] {
    let mut hash = [0u8; 32];
    hash[..4].copy_from_slice(&n.to_le_bytes());
    hash[31] = 0xbe;
    hash
}

/// A user who rents the node of `grid` and holds `n` node contracts on it (a renter is not
/// limited per twin), the first with the farm's public IP; returns (user, node twin, node id,
/// rent contract id, node contract ids).
fn rented_node<T: Config>(
    n: u32,
) -> (T::AccountId, T::AccountId, u32, u64, alloc::vec::Vec<u64>) {
    let (_, node_twin, node_id) = grid::<T>();
    let user = funded_twin::<T>("user", 0);
    Pallet::<T>::create_rent_contract(RawOrigin::Signed(user.clone()).into(), node_id, None)
        .expect("rent contract created");
    let rent = ContractID::<T>::get();
    let ids = (0..n)
        .map(|i| {
            Pallet::<T>::create_node_contract(
                RawOrigin::Signed(user.clone()).into(),
                node_id,
                hash_of(i),
                bounded(b"data"),
                if i == 0 { 1 } else { 0 },
                None,
            )
            .expect("node contract created");
            ContractID::<T>::get()
        })
        .collect();
    (user, node_twin, node_id, rent, ids)
}

/// Fill `ActiveNodeContracts` of `node_id` up to the cap with ids of no contract (after the real
/// ones), for the proof size of reading the full list.
fn pad_active_node_contracts<T: Config>(node_id: u32) {
    ActiveNodeContracts::<T>::mutate(node_id, |ids| {
        let mut filler = u64::MAX / 2;
        while ids.try_push(filler).is_ok() {
            filler += 1;
        }
    });
}

/// Give contract `id` a reserve of `amount` on its owner's account, as bills would have.
fn with_reserve<T: Config>(owner: &T::AccountId, id: u64, amount: u128) {
    T::Currency::reserve(owner, amount.saturated_into()).expect("reserved");
    crate::ContractPaymentState::<T>::mutate(id, |payment| {
        if let Some(payment) = payment {
            payment.standard_reserve = amount.saturated_into();
        }
    });
}

/// Move to the next block in which contract `id` is due.
fn to_due_block<T: Config>(id: u64) {
    let frequency = BillingFrequency::<T>::get();
    let now: u64 = frame_system::Pallet::<T>::block_number().saturated_into();
    let wait = (Pallet::<T>::billing_loop_index(id) + frequency - now % frequency) % frequency;
    frame_system::Pallet::<T>::set_block_number((now + wait).saturated_into());
}

/// Move one minute forward. The clock is set directly: `set_timestamp` would run the runtime's
/// `OnTimestampSet` (Aura, which insists the time matches its slot).
fn a_minute_later<T: Config>() {
    let now = pallet_timestamp::Pallet::<T>::get();
    pallet_timestamp::Now::<T>::put(now + 60_000u32.into());
    frame_system::Pallet::<T>::set_block_number(
        frame_system::Pallet::<T>::block_number() + 10u32.into(),
    );
}

fn restricted<T: Config>() -> Result<T::RuntimeOrigin, BenchmarkError> {
    <T as Config>::RestrictedOrigin::try_successful_origin()
        .map_err(|_| BenchmarkError::Weightless)
}

/// An approved solution provider; returns its id.
fn approved_provider<T: Config>() -> Result<u64, BenchmarkError> {
    let provider: T::AccountId = account("provider", 0, 0);
    Pallet::<T>::create_solution_provider(
        RawOrigin::Signed(provider.clone()).into(),
        b"description".to_vec(),
        b"link".to_vec(),
        vec![Provider {
            who: provider,
            take: 10,
        }],
    )
    .expect("provider created");
    let id = SolutionProviderID::<T>::get();
    Pallet::<T>::approve_solution_provider(restricted::<T>()?, id, true)
        .expect("provider approved");
    Ok(id)
}

/// A service contract between a service and a consumer, approved by both when `approved`;
/// returns (service, consumer, id).
fn service_contract<T: Config>(
    ready: bool,
    approved: bool,
) -> (T::AccountId, T::AccountId, u64) {
    let service = funded_twin::<T>("service", 0);
    let consumer = funded_twin::<T>("consumer", 0);
    Pallet::<T>::service_contract_create(
        RawOrigin::Signed(service.clone()).into(),
        service.clone(),
        consumer.clone(),
    )
    .expect("service contract created");
    let id = ServiceContractID::<T>::get();
    if ready {
        Pallet::<T>::service_contract_set_fees(RawOrigin::Signed(service.clone()).into(), id, 10, 10)
            .expect("fees set");
        Pallet::<T>::service_contract_set_metadata(
            RawOrigin::Signed(service.clone()).into(),
            id,
            b"metadata".to_vec(),
        )
        .expect("metadata set");
        // Approvals are refused in the block the terms changed in.
        frame_system::Pallet::<T>::set_block_number(
            frame_system::Pallet::<T>::block_number() + 1u32.into(),
        );
    }
    if approved {
        Pallet::<T>::service_contract_approve(RawOrigin::Signed(service.clone()).into(), id)
            .expect("approved by the service");
        Pallet::<T>::service_contract_approve(RawOrigin::Signed(consumer.clone()).into(), id)
            .expect("approved by the consumer");
    }
    (service, consumer, id)
}

#[benchmarks]
mod benchmarks {
    use super::*;

    #[benchmark]
    fn create_node_contract() {
        let (_, _, node_id) = grid::<T>();
        let user = funded_twin::<T>("user", 0);
        #[extrinsic_call]
        _(RawOrigin::Signed(user), node_id, [1u8; 32], bounded(b"data"), 1, None);
        assert_eq!(ContractID::<T>::get(), 1);
    }

    #[benchmark]
    fn update_node_contract() {
        let (user, _, id) = node_contract::<T>();
        #[extrinsic_call]
        _(RawOrigin::Signed(user), id, [2u8; 32], bounded(b"new data"));
        assert!(ContractIDByNodeIDAndHash::<T>::get(1, [2u8; 32]) == id);
    }

    #[benchmark]
    fn cancel_contract() {
        let (user, _, id) = node_contract::<T>();
        a_minute_later::<T>();
        #[extrinsic_call]
        _(RawOrigin::Signed(user), id);
        assert!(Contracts::<T>::get(id).is_none());
    }

    #[benchmark]
    fn create_name_contract() {
        let user = funded_twin::<T>("user", 0);
        #[extrinsic_call]
        _(RawOrigin::Signed(user), b"benchmark-name".to_vec());
        assert_eq!(ContractID::<T>::get(), 1);
    }

    #[benchmark]
    fn cancel_name_contract() {
        let user = funded_twin::<T>("user", 0);
        Pallet::<T>::create_name_contract(
            RawOrigin::Signed(user.clone()).into(),
            b"benchmark-name".to_vec(),
        )
        .expect("name contract created");
        let id = ContractID::<T>::get();
        a_minute_later::<T>();
        #[extrinsic_call]
        cancel_contract(RawOrigin::Signed(user), id);
        assert!(Contracts::<T>::get(id).is_none());
    }

    /// `n` priced reports, each about another contract of the node.
    #[benchmark]
    fn add_nru_reports(n: Linear<1, MAX_REPORTS>) {
        let (_, node_twin, _, _, ids) = rented_node::<T>(n);
        a_minute_later::<T>();
        let now = Pallet::<T>::now_secs();
        let reports: alloc::vec::Vec<NruConsumption> = ids
            .iter()
            .map(|id| NruConsumption {
                contract_id: *id,
                timestamp: now,
                window: 60,
                nru: 10 * GIB,
            })
            .collect();
        #[extrinsic_call]
        _(RawOrigin::Signed(node_twin), reports);
        assert!(ids
            .iter()
            .all(|id| ContractBillingInformationByID::<T>::get(id).amount_unbilled > 0));
    }

    /// `n` reports, each about another contract of the node.
    #[benchmark]
    fn report_contract_resources(n: Linear<1, MAX_REPORTS>) {
        let (_, node_twin, _, _, ids) = rented_node::<T>(n);
        let used = Resources {
            hru: 0,
            sru: 60 * GIB,
            cru: 2,
            mru: 2 * GIB,
        };
        let reports: alloc::vec::Vec<ContractResources> = ids
            .iter()
            .map(|id| ContractResources {
                contract_id: *id,
                used,
            })
            .collect();
        #[extrinsic_call]
        _(RawOrigin::Signed(node_twin), reports);
        assert!(ids
            .iter()
            .all(|id| NodeContractResources::<T>::get(id).used == used));
    }

    #[benchmark]
    fn create_rent_contract() {
        let (_, _, node_id) = grid::<T>();
        let user = funded_twin::<T>("user", 0);
        #[extrinsic_call]
        _(RawOrigin::Signed(user), node_id, None);
        assert!(ActiveRentContractForNode::<T>::contains_key(node_id));
    }

    /// A rent contract can only be cancelled once its node has no node contracts
    /// (`NodeHasActiveContracts`), so the cancel touches no other contract: no component.
    #[benchmark]
    fn cancel_rent_contract() {
        let (_, _, node_id) = grid::<T>();
        let user = funded_twin::<T>("user", 0);
        Pallet::<T>::create_rent_contract(RawOrigin::Signed(user.clone()).into(), node_id, None)
            .expect("rent contract created");
        let id = ContractID::<T>::get();
        a_minute_later::<T>();
        #[extrinsic_call]
        cancel_contract(RawOrigin::Signed(user), id);
        assert!(!ActiveRentContractForNode::<T>::contains_key(node_id));
        assert!(Contracts::<T>::get(id).is_none());
    }

    #[benchmark]
    fn create_solution_provider() {
        let provider: T::AccountId = account("provider", 0, 0);
        let providers = vec![Provider {
            who: provider.clone(),
            take: 10,
        }];
        #[extrinsic_call]
        _(
            RawOrigin::Signed(provider),
            b"description".to_vec(),
            b"link".to_vec(),
            providers,
        );
        assert!(SolutionProviders::<T>::contains_key(1));
    }

    #[benchmark]
    fn approve_solution_provider() -> Result<(), BenchmarkError> {
        let provider: T::AccountId = account("provider", 0, 0);
        Pallet::<T>::create_solution_provider(
            RawOrigin::Signed(provider.clone()).into(),
            b"description".to_vec(),
            b"link".to_vec(),
            vec![Provider {
                who: provider,
                take: 10,
            }],
        )
        .expect("provider created");
        let origin = restricted::<T>()?;
        #[extrinsic_call]
        _(origin as T::RuntimeOrigin, 1, true);
        assert!(SolutionProviders::<T>::get(1).is_some_and(|provider| provider.approved));
        Ok(())
    }

    /// A rent contract in grace, with `n` node contracts in grace on its node, whose owner can
    /// pay again: the bill reserves its cost and debt, distributes the reserves (the
    /// `DistributionFrequency`th bill, extra fee to the farmer) and takes the rent and its `n`
    /// node contracts out of grace.
    #[benchmark]
    fn bill_contract_for_block(n: Linear<0, MAX_ACTIVE_NODE_CONTRACTS>) -> Result<(), BenchmarkError> {
        let (farmer, _, node_id) = grid::<T>();
        Pallet::<T>::set_dedicated_node_extra_fee(RawOrigin::Signed(farmer).into(), node_id, 1_000)
            .expect("extra fee set");
        let user = funded_twin::<T>("user", 0);
        Pallet::<T>::create_rent_contract(RawOrigin::Signed(user.clone()).into(), node_id, None)
            .expect("rent contract created");
        let rent = ContractID::<T>::get();
        let ids: alloc::vec::Vec<u64> = (0..n)
            .map(|i| {
                Pallet::<T>::create_node_contract(
                    RawOrigin::Signed(user.clone()).into(),
                    node_id,
                    hash_of(i),
                    bounded(b"data"),
                    0,
                    None,
                )
                .expect("node contract created");
                ContractID::<T>::get()
            })
            .collect();
        let start = Pallet::<T>::current_block();
        for id in ids.iter().chain(core::iter::once(&rent)) {
            Contracts::<T>::mutate(id, |contract| {
                if let Some(contract) = contract {
                    contract.state = ContractState::GracePeriod(start);
                }
            });
        }
        with_reserve::<T>(&user, rent, 10_000_000);
        crate::ContractPaymentState::<T>::mutate(rent, |payment| {
            if let Some(payment) = payment {
                payment.standard_overdraft = 1_000_000u128.saturated_into();
                payment.cycles = T::DistributionFrequency::get().saturating_sub(1);
            }
        });
        a_minute_later::<T>();
        to_due_block::<T>(rent);
        #[extrinsic_call]
        bill_contract_for_block(RawOrigin::Signed(user), rent);
        assert!(Contracts::<T>::get(rent).is_some_and(|c| c.state == ContractState::Created));
        assert!(ids
            .iter()
            .all(|id| Contracts::<T>::get(id).is_some_and(|c| c.state == ContractState::Created)));
        assert!(crate::ContractPaymentState::<T>::get(rent)
            .is_some_and(|p| p.cycles == 0 && p.standard_overdraft == 0u32.into()));
        Ok(())
    }

    /// A rent contract (extra fee) whose grace period elapsed and whose owner still cannot
    /// pay: the bill reserves what it can, the contract is deleted, its reserves distributed
    /// and its node's (full list of) node contracts queued for teardown.
    #[benchmark]
    fn bill_contract_for_block_grace_end() {
        let (farmer, _, node_id) = grid::<T>();
        Pallet::<T>::set_dedicated_node_extra_fee(RawOrigin::Signed(farmer).into(), node_id, 1_000)
            .expect("extra fee set");
        let user = funded_twin::<T>("user", 0);
        Pallet::<T>::create_rent_contract(RawOrigin::Signed(user.clone()).into(), node_id, None)
            .expect("rent contract created");
        let rent = ContractID::<T>::get();
        Pallet::<T>::create_node_contract(
            RawOrigin::Signed(user.clone()).into(),
            node_id,
            hash_of(0),
            bounded(b"data"),
            1,
            None,
        )
        .expect("node contract created");
        pad_active_node_contracts::<T>(node_id);
        let start = Pallet::<T>::current_block();
        Contracts::<T>::mutate(rent, |contract| {
            if let Some(contract) = contract {
                contract.state = ContractState::GracePeriod(start);
            }
        });
        with_reserve::<T>(&user, rent, 10_000_000);
        T::Currency::make_free_balance_be(&user, (T::Currency::minimum_balance() * 2u32.into()).max(1_000u32.into()));
        frame_system::Pallet::<T>::set_block_number(
            frame_system::Pallet::<T>::block_number() + T::GracePeriod::get().saturated_into(),
        );
        a_minute_later::<T>();
        to_due_block::<T>(rent);
        #[extrinsic_call]
        bill_contract_for_block(RawOrigin::Signed(user), rent);
        assert!(Contracts::<T>::get(rent).is_none());
        assert!(NodesToTearDown::<T>::contains_key(node_id));
    }

    #[benchmark]
    fn service_contract_create() {
        let service = funded_twin::<T>("service", 0);
        let consumer = funded_twin::<T>("consumer", 0);
        #[extrinsic_call]
        _(RawOrigin::Signed(service.clone()), service.clone(), consumer);
        assert!(ServiceContracts::<T>::contains_key(1));
    }

    #[benchmark]
    fn service_contract_set_metadata() {
        let (service, _, id) = service_contract::<T>(false, false);
        #[extrinsic_call]
        _(RawOrigin::Signed(service), id, b"metadata".to_vec());
        assert!(ServiceContracts::<T>::get(id).is_some_and(|sc| !sc.metadata.is_empty()));
    }

    #[benchmark]
    fn service_contract_set_fees() {
        let (service, _, id) = service_contract::<T>(false, false);
        #[extrinsic_call]
        _(RawOrigin::Signed(service), id, 10, 10);
        assert!(ServiceContracts::<T>::get(id).is_some_and(|sc| sc.base_fee == 10));
    }

    #[benchmark]
    fn service_contract_approve() {
        let (service, _, id) = service_contract::<T>(true, false);
        #[extrinsic_call]
        _(RawOrigin::Signed(service), id);
        assert!(ServiceContracts::<T>::get(id).is_some_and(|sc| sc.accepted_by_service));
    }

    #[benchmark]
    fn service_contract_reject() {
        let (_, consumer, id) = service_contract::<T>(true, false);
        #[extrinsic_call]
        _(RawOrigin::Signed(consumer), id);
        assert!(!ServiceContracts::<T>::contains_key(id));
    }

    #[benchmark]
    fn service_contract_cancel() {
        let (service, _, id) = service_contract::<T>(true, true);
        #[extrinsic_call]
        _(RawOrigin::Signed(service), id);
        assert!(!ServiceContracts::<T>::contains_key(id));
    }

    #[benchmark]
    fn service_contract_bill() {
        let (service, _, id) = service_contract::<T>(true, true);
        a_minute_later::<T>();
        #[extrinsic_call]
        _(RawOrigin::Signed(service), id, 0, b"bill".to_vec());
        assert!(ServiceContracts::<T>::get(id).is_some_and(|sc| sc.last_bill > 0));
    }

    /// O(1): the contracts move in `on_idle` (`on_idle_move_contract` each).
    #[benchmark]
    fn change_billing_frequency() -> Result<(), BenchmarkError> {
        let origin = restricted::<T>()?;
        let old_frequency = BillingFrequency::<T>::get();
        let frequency = old_frequency + 1;
        #[extrinsic_call]
        _(origin as T::RuntimeOrigin, frequency);
        assert_eq!(BillingFrequency::<T>::get(), frequency);
        assert_eq!(
            PendingBillingFrequencyMove::<T>::get(),
            Some(BillingFrequencyMove { old_frequency, next_bucket: 0 })
        );
        Ok(())
    }

    #[benchmark]
    fn attach_solution_provider_id() -> Result<(), BenchmarkError> {
        let (user, _, id) = node_contract::<T>();
        let provider = approved_provider::<T>()?;
        #[extrinsic_call]
        _(RawOrigin::Signed(user), id, provider);
        assert!(Contracts::<T>::get(id).is_some_and(|c| c.solution_provider_id == Some(provider)));
        Ok(())
    }

    #[benchmark]
    fn set_dedicated_node_extra_fee() {
        let (farmer, _, node_id) = grid::<T>();
        #[extrinsic_call]
        _(RawOrigin::Signed(farmer), node_id, 1_000);
        assert_eq!(DedicatedNodesExtraFee::<T>::get(node_id), 1_000);
    }

    #[benchmark]
    fn cancel_contract_collective() -> Result<(), BenchmarkError> {
        let (_, _, id) = node_contract::<T>();
        a_minute_later::<T>();
        let origin = restricted::<T>()?;
        #[extrinsic_call]
        _(origin as T::RuntimeOrigin, id);
        assert!(Contracts::<T>::get(id).is_none());
        Ok(())
    }

    /// tfgrid's `delete_node` hook on a rented node with a full list of node contracts: it
    /// queues them (O(1) besides reading the list).
    #[benchmark]
    fn node_deleted() {
        let (_, _, node_id, _, _) = rented_node::<T>(1);
        pad_active_node_contracts::<T>(node_id);
        let node = pallet_tfgrid::Nodes::<T>::get(node_id).expect("node exists");
        #[block]
        {
            <Pallet<T> as ChangeNode<_, _, _>>::node_deleted(&node);
        }
        assert!(NodesToTearDown::<T>::get(node_id).is_some_and(|entry| entry.with_rent));
    }

    /// tfgrid's power-state hook on a rented node that is up: the rent's billing clock restarts.
    #[benchmark]
    fn node_power_state_changed() {
        let (_, _, node_id, rent, _) = rented_node::<T>(1);
        a_minute_later::<T>();
        let node = pallet_tfgrid::Nodes::<T>::get(node_id).expect("node exists");
        #[block]
        {
            <Pallet<T> as ChangeNode<_, _, _>>::node_power_state_changed(&node);
        }
        let payment = crate::ContractPaymentState::<T>::get(rent).expect("rent is billed");
        assert_eq!(payment.last_updated_seconds, Pallet::<T>::now_secs());
    }

    /// tfgrid's hook when a farm takes back the public IP a node contract holds.
    #[benchmark]
    fn ip_removed() {
        let (_, _, id) = node_contract::<T>();
        let ip = match Contracts::<T>::get(id).expect("contract exists").contract_type {
            ContractData::NodeContract(contract) => contract.public_ips_list[0].clone(),
            _ => panic!("a node contract"),
        };
        #[block]
        {
            <Pallet<T> as PublicIpModifier>::ip_removed(&ip);
        }
        let Some(Contract { contract_type: ContractData::NodeContract(contract), .. }) =
            Contracts::<T>::get(id)
        else {
            panic!("a node contract");
        };
        assert!(contract.public_ips_list.is_empty());
    }

    /// tfgrid's question before a node may go down: a rented node with a full list of node
    /// contracts.
    #[benchmark]
    fn node_has_no_active_contracts() {
        let (_, _, node_id, _, _) = rented_node::<T>(1);
        pad_active_node_contracts::<T>(node_id);
        let idle;
        #[block]
        {
            idle = <Pallet<T> as NodeActiveContracts>::node_has_no_active_contracts(node_id);
        }
        assert!(!idle);
    }

    /// `on_idle` with nothing to do.
    #[benchmark]
    fn on_idle_empty() {
        let used;
        #[block]
        {
            used = Pallet::<T>::on_idle(1u32.into(), Weight::MAX);
        }
        assert_eq!(used, <T as Config>::WeightInfo::on_idle_empty());
    }

    /// One teardown step of `on_idle`: the final bill of a node contract with a public IP and
    /// a reserve to distribute, on a deleted node (facts from the teardown entry) whose list of
    /// node contracts is full.
    #[benchmark]
    fn on_idle_teardown_contract() {
        let (user, node_twin, node_id, _, ids) = rented_node::<T>(1);
        let id = ids[0];
        with_reserve::<T>(&user, id, 10_000_000);
        pad_active_node_contracts::<T>(node_id);
        a_minute_later::<T>();
        pallet_tfgrid::Pallet::<T>::delete_node(RawOrigin::Signed(node_twin).into(), node_id)
            .expect("node deleted");
        assert!(!pallet_tfgrid::Nodes::<T>::contains_key(node_id));
        let entry = NodesToTearDown::<T>::get(node_id).expect("queued");
        #[block]
        {
            Pallet::<T>::teardown_step(node_id, &entry);
        }
        assert!(Contracts::<T>::get(id).is_none());
        assert_eq!(ActiveNodeContracts::<T>::get(node_id).len() as u32, MAX_ACTIVE_NODE_CONTRACTS - 1);
        assert!(crate::ContractPaymentState::<T>::get(id).is_none());
    }

    /// One move of `on_idle` after a billing-frequency change: the misplaced contract is the
    /// last of a full old bucket and its new bucket holds all but one id.
    #[benchmark]
    fn on_idle_move_contract() -> Result<(), BenchmarkError> {
        let old = BillingFrequency::<T>::get();
        Pallet::<T>::change_billing_frequency(restricted::<T>()?, 2 * old)
            .expect("frequency changed");
        let cap = MAX_CONTRACTS_PER_BILLING_BUCKET as u64;
        // Bucket 0: ids 2·old·k (staying), then one id old·(2k+1) (moving to bucket `old`).
        let mut source: alloc::vec::Vec<u64> = (1..cap).map(|k| 2 * old * k).collect();
        let moving = old * (2 * cap + 1);
        source.push(moving);
        ContractsToBillAt::<T>::insert(0, BillingBucket::truncate_from(source));
        ContractsToBillAt::<T>::insert(
            old,
            BillingBucket::truncate_from((1..cap).map(|k| old * (2 * k + 1)).collect::<alloc::vec::Vec<_>>()),
        );
        let pending = PendingBillingFrequencyMove::<T>::get().expect("pending");
        let moved;
        #[block]
        {
            moved = Pallet::<T>::billing_move_step(pending);
        }
        assert!(moved);
        assert!(ContractsToBillAt::<T>::get(old).contains(&moving));
        assert_eq!(ContractsToBillAt::<T>::get(0).len() as u64, cap - 1);
        Ok(())
    }

    /// The billing loop of a block with nothing due: the cursor is past the current block.
    #[benchmark]
    fn billing_loop_empty() {
        let now: u64 = frame_system::Pallet::<T>::block_number().saturated_into();
        BillingLoopCursor::<T>::put(BillingCursor { due_block: now + 1, position: 0 });
        let mut meter = WeightMeter::new();
        #[block]
        {
            Pallet::<T>::bill_due_contracts(now, &mut meter);
        }
        assert_eq!(BillingLoopCursor::<T>::get(), Some(BillingCursor { due_block: now + 1, position: 0 }));
    }

    /// One bucket visit of the billing loop: reading a full bucket (10 000 ids).
    #[benchmark]
    fn billing_loop_bucket() {
        let cap = MAX_CONTRACTS_PER_BILLING_BUCKET as u64;
        let frequency = BillingFrequency::<T>::get();
        ContractsToBillAt::<T>::insert(
            0,
            BillingBucket::truncate_from((1..=cap).map(|k| frequency * k).collect::<alloc::vec::Vec<_>>()),
        );
        let ids;
        #[block]
        {
            ids = ContractsToBillAt::<T>::get(0);
        }
        assert_eq!(ids.len() as u64, cap);
    }

    /// Looking at one id in the billing loop, worst case: a node contract on a rented node with
    /// nothing to bill, a minute after its creation, for which every fact `is_due_in_loop` and
    /// `should_bill_contract` read is read.
    #[benchmark]
    fn billing_loop_check() {
        let (_, _, _, _, ids) = rented_node::<T>(2);
        let id = ids[1];
        let bucket = Pallet::<T>::billing_loop_index(id);
        a_minute_later::<T>();
        let payment = crate::ContractPaymentState::<T>::get(id).expect("a payment state");
        assert!(payment.last_updated_seconds < Pallet::<T>::now_secs(), "time passed since its last bill");
        assert!(ContractLastBilledBlock::<T>::get(id).is_none());
        let due;
        #[block]
        {
            due = Pallet::<T>::is_due_in_loop(id, bucket, 1);
        }
        assert!(!due);
    }

    impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
