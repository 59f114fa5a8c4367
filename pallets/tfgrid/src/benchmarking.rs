//! Benchmarks of every call of pallet-tfgrid (frame-benchmarking v2).
//!
//! Signatures are precomputed with a fixed ed25519 key ([`ENTITY_PUBLIC_KEY`]), so the entity
//! benchmarks pin the entity and twin ids they sign over by setting the id counters first.

use crate::{types::*, *};
use alloc::vec;
use codec::Decode;
use frame_benchmarking::v2::*;
use frame_support::{
    traits::{EnsureOrigin, Get},
    BoundedVec,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use tfchain_support::{
    resources::Resources,
    types::{
        FarmCertification, FarmingPolicyLimit, Interface, NodeCertification, Power, PowerState,
        PublicConfig, IP4, IP6,
    },
};

/// The ed25519 public key of the benchmark entity.
const ENTITY_PUBLIC_KEY: &str = "0f1c236c7d81589880acde33162c8ddebd0c60ceab0d74663ff3edb8073fc380";
/// Name, country and city of the benchmark entity.
const ENTITY_NAME: &[u8] = b"benchmark-entity";
const ENTITY_COUNTRY: &[u8] = b"Belgium";
const ENTITY_CITY: &[u8] = b"Ghent";
/// The entity's signature of `name ++ country ++ city`.
const ENTITY_SIGNATURE: &[u8] = b"83168cced9bf3858492a8a69b71907a1478efd9ea5d82f32bab0c0561833da53e104e1e5f7c8b0f19c72e63b91a3d2e27218aba0369ff947b1b5cd288539a803";
/// The entity id and twin id the twin-entity signature is made for.
const PROOF_ENTITY_ID: u32 = 1000;
const PROOF_TWIN_ID: u32 = 2000;
/// The entity's signature of `PROOF_ENTITY_ID ++ PROOF_TWIN_ID` (big-endian).
const TWIN_ENTITY_SIGNATURE: &[u8] = b"8932cff5a2c08e746352d7ede936fe2398c3fd35840da675d12c29c330537ebed23df956a8193b1d202ae73e4cdd8110096341b630742c78d9efe7e1e5367d05";

const GIB: u64 = 1024 * 1024 * 1024;

fn bounded<S: Get<u32>>(bytes: &[u8]) -> BoundedVec<u8, S> {
    BoundedVec::truncate_from(bytes.to_vec())
}

fn entity_account<T: Config>() -> T::AccountId {
    let mut raw = [0u8; 32];
    for (byte, pair) in raw
        .iter_mut()
        .zip(ENTITY_PUBLIC_KEY.as_bytes().chunks_exact(2))
    {
        let hi = tfchain_support::net::hex_value(pair[0]).unwrap_or(0);
        let lo = tfchain_support::net::hex_value(pair[1]).unwrap_or(0);
        *byte = (hi << 4) | lo;
    }
    T::AccountId::decode(&mut &raw[..]).expect("a 32-byte account id")
}

fn restricted_origin<T: Config>() -> Result<T::RuntimeOrigin, BenchmarkError> {
    T::RestrictedOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)
}

/// Give `who` a twin (accepting the terms and conditions first).
fn twin_for<T: Config>(who: &T::AccountId) -> u32 {
    Pallet::<T>::do_user_accept_tc(
        who.clone(),
        bounded(b"https://threefold.io/tc"),
        bounded(b"hash"),
    )
    .expect("valid terms and conditions");
    Pallet::<T>::do_create_twin(who, Some(bounded(b"relay.grid.tf")), Some(bounded(b"pk")))
        .expect("twin created");
    TwinID::<T>::get()
}

fn public_ip(last: u8) -> IP4 {
    let ip = alloc::format!("185.206.122.{}/24", last);
    IP4 {
        ip: bounded(ip.as_bytes()),
        gw: bounded(b"185.206.122.1"),
    }
}

/// Create a farm named `name` for `owner`, with one public IP.
fn farm_for<T: Config>(owner: &T::AccountId, name: &[u8]) -> u32 {
    let ips = BoundedVec::truncate_from(vec![public_ip(2)]);
    Pallet::<T>::do_create_farm(owner, bounded(name), ips).expect("farm created");
    FarmID::<T>::get()
}

/// Make sure a default farming policy exists, as the genesis config provides.
fn ensure_default_policy<T: Config>() {
    if FarmingPoliciesMap::<T>::iter().next().is_none() {
        Pallet::<T>::do_create_farming_policy(farming_policy::<T>(true, false))
            .expect("policy created");
    }
}

fn farming_policy<T: Config>(default: bool, immutable: bool) -> FarmingPolicyOf<T> {
    FarmingPolicy {
        version: TFGRID_FARMING_POLICY_VERSION,
        id: 0,
        name: bounded(b"benchmark-policy"),
        cu: 10,
        su: 10,
        nu: 10,
        ipv4: 10,
        minimal_uptime: 95,
        policy_created: frame_system::Pallet::<T>::block_number(),
        policy_end: Default::default(),
        immutable,
        default,
        node_certification: NodeCertification::Diy,
        farm_certification: FarmCertification::NotCertified,
    }
}

fn resources() -> Resources {
    Resources {
        hru: 1024 * GIB,
        sru: 512 * GIB,
        cru: 8,
        mru: 16 * GIB,
    }
}

fn location() -> LocationInputOf {
    LocationInput {
        city: bounded(b"Ghent"),
        country: bounded(b"Belgium"),
        latitude: bounded(b"51.05"),
        longitude: bounded(b"3.71"),
    }
}

/// The largest interface list the input type allows.
fn interfaces<T: Config>() -> InterfaceInput<T> {
    let ips: InterfaceIpsInput<T> = BoundedVec::truncate_from(
        (0..T::MaxInterfaceIpsLength::get())
            .map(|i| bounded(alloc::format!("10.2.{}.2", i % 250).as_bytes()))
            .collect(),
    );
    BoundedVec::truncate_from(
        (0..T::MaxInterfacesLength::get())
            .map(|_| Interface {
                name: bounded(b"zos"),
                mac: bounded(b"00:25:90:a5:c3:ff"),
                ips: ips.clone(),
            })
            .collect(),
    )
}

/// `count` distinct public IPs.
fn public_ips(count: u32) -> alloc::vec::Vec<IP4> {
    (0..count)
        .map(|i| {
            let ip = alloc::format!("185.206.{}.{}/16", (i / 250) % 250, i % 250 + 2);
            IP4 {
                ip: bounded(ip.as_bytes()),
                gw: bounded(b"185.206.0.1"),
            }
        })
        .collect()
}

/// Set the public IPs of `farm_id` to `count` distinct addresses.
fn fill_farm_ips<T: Config>(farm_id: u32, count: u32) {
    Farms::<T>::mutate(farm_id, |farm| {
        if let Some(farm) = farm {
            farm.public_ips = BoundedVec::truncate_from(
                public_ips(count)
                    .into_iter()
                    .map(|ip| tfchain_support::types::PublicIP {
                        ip: ip.ip,
                        gateway: ip.gw,
                        contract_id: 0,
                    })
                    .collect(),
            );
        }
    });
}

/// Put `count` other node ids first in the node list of `farm_id` (the ids of nodes that do not
/// exist: only the length of the list matters to the calls that search it).
fn fill_farm_nodes<T: Config>(farm_id: u32, count: u32) {
    NodesByFarmID::<T>::mutate(farm_id, |nodes| {
        let mut filled: alloc::vec::Vec<u32> = (0..count).map(|i| u32::MAX - i).collect();
        filled.extend(nodes.iter().copied());
        *nodes = BoundedVec::truncate_from(filled);
    });
}

/// Fill the farming policies up to `MAX_FARMING_POLICIES` with policies no benchmark node
/// qualifies for (Certified nodes on Gold farms): choosing a node's policy reads them all.
fn fill_farming_policies<T: Config>() {
    ensure_default_policy::<T>();
    let mut policy = farming_policy::<T>(false, false);
    policy.node_certification = NodeCertification::Certified;
    policy.farm_certification = FarmCertification::Gold;
    while FarmingPolicyID::<T>::get() < MAX_FARMING_POLICIES {
        Pallet::<T>::do_create_farming_policy(policy.clone()).expect("room for the policy");
    }
}

/// Add `count` more nodes (copies of node `template` under new ids and twin ids) to its farm.
fn copy_nodes<T: Config>(template: u32, count: u32) {
    let Some(node) = Nodes::<T>::get(template) else {
        return;
    };
    for k in 0..count {
        let id = NodeID::<T>::get() + 1;
        let mut copy = node.clone();
        copy.id = id;
        copy.twin_id = u32::MAX - k;
        Nodes::<T>::insert(id, &copy);
        NodeIdByTwinID::<T>::insert(copy.twin_id, id);
        NodesByFarmID::<T>::mutate(copy.farm_id, |nodes| {
            let _ = nodes.try_push(id);
        });
        NodeID::<T>::put(id);
    }
}

/// `count` interfaces, each with the largest address list.
fn interfaces_of<T: Config>(count: u32) -> InterfaceInput<T> {
    let mut all = interfaces::<T>().into_inner();
    all.truncate(count as usize);
    BoundedVec::truncate_from(all)
}

/// Register the twin of `who` as a node of `farm_id`.
fn node_for<T: Config>(who: &T::AccountId, farm_id: u32) -> u32 {
    ensure_default_policy::<T>();
    Pallet::<T>::do_create_node(
        who,
        farm_id,
        resources(),
        location(),
        interfaces::<T>(),
        true,
        false,
        Some(bounded(b"serial")),
    )
    .expect("node created");
    NodeID::<T>::get()
}

/// A farmer with a farm and a node (on another twin) in it: `(farmer, farm_id, node_account, node_id)`.
fn farm_with_node<T: Config>() -> (T::AccountId, u32, T::AccountId, u32) {
    let farmer: T::AccountId = account("farmer", 0, 0);
    twin_for::<T>(&farmer);
    let farm_id = farm_for::<T>(&farmer, b"benchmark-farm");
    let node_account: T::AccountId = account("node", 0, 0);
    twin_for::<T>(&node_account);
    let node_id = node_for::<T>(&node_account, farm_id);
    (farmer, farm_id, node_account, node_id)
}

fn create_benchmark_entity<T: Config>() -> u32 {
    Pallet::<T>::do_create_entity(
        entity_account::<T>(),
        bounded(ENTITY_NAME),
        bounded(ENTITY_COUNTRY),
        bounded(ENTITY_CITY),
        bounded(ENTITY_SIGNATURE),
    )
    .expect("entity created");
    EntityID::<T>::get()
}

fn policy(value: u32) -> Policy {
    Policy {
        value,
        unit: Unit::Gigabytes,
    }
}

#[benchmarks]
mod benchmarks {
    use super::*;

    #[benchmark]
    fn set_storage_version() -> Result<(), BenchmarkError> {
        let origin = restricted_origin::<T>()?;
        #[extrinsic_call]
        _(origin as T::RuntimeOrigin, StorageVersion::V16Struct);
        assert_eq!(PalletVersion::<T>::get(), StorageVersion::V16Struct);
        Ok(())
    }

    /// `i`: public IPs given (each checked against the others).
    #[benchmark]
    fn create_farm(i: Linear<0, { T::MaxFarmPublicIps::get() }>) {
        let caller: T::AccountId = whitelisted_caller();
        twin_for::<T>(&caller);
        let ips = BoundedVec::truncate_from(public_ips(i));
        #[extrinsic_call]
        _(RawOrigin::Signed(caller), bounded(b"benchmark-farm"), ips);
        let farm = Farms::<T>::get(FarmID::<T>::get()).expect("farm created");
        assert_eq!(farm.public_ips.len() as u32, i);
    }

    #[benchmark]
    fn update_farm() {
        let caller: T::AccountId = whitelisted_caller();
        twin_for::<T>(&caller);
        let farm_id = farm_for::<T>(&caller, b"benchmark-farm");
        #[extrinsic_call]
        _(RawOrigin::Signed(caller), farm_id, bounded(b"renamed-farm"));
        assert_eq!(
            FarmIdByName::<T>::get(BoundedVec::truncate_from(b"renamed-farm".to_vec())),
            farm_id
        );
    }

    #[benchmark]
    fn add_stellar_payout_v2address() {
        let caller: T::AccountId = whitelisted_caller();
        twin_for::<T>(&caller);
        let farm_id = farm_for::<T>(&caller, b"benchmark-farm");
        let address = b"GDHJP6TF3UXYXTNEZ2P36J5FH7W4BJJQ4AYYAXC66I2Q2AH5B6O6BCFG";
        #[extrinsic_call]
        _(RawOrigin::Signed(caller), farm_id, address.to_vec());
        assert_eq!(
            FarmPayoutV2AddressByFarmID::<T>::get(farm_id).to_vec(),
            address.to_vec()
        );
    }

    #[benchmark]
    fn set_farm_certification() -> Result<(), BenchmarkError> {
        let owner: T::AccountId = account("owner", 0, 0);
        twin_for::<T>(&owner);
        let farm_id = farm_for::<T>(&owner, b"benchmark-farm");
        let origin = restricted_origin::<T>()?;
        #[extrinsic_call]
        _(origin as T::RuntimeOrigin, farm_id, FarmCertification::Gold);
        assert_eq!(
            Farms::<T>::get(farm_id).map(|f| f.certification),
            Some(FarmCertification::Gold)
        );
        Ok(())
    }

    /// `i`: IPs the farm has (the new one is checked against each).
    #[benchmark]
    fn add_farm_ip(i: Linear<0, { T::MaxFarmPublicIps::get().saturating_sub(1) }>) {
        let caller: T::AccountId = whitelisted_caller();
        twin_for::<T>(&caller);
        let farm_id = farm_for::<T>(&caller, b"benchmark-farm");
        fill_farm_ips::<T>(farm_id, i);
        let ip = public_ip(3);
        #[extrinsic_call]
        _(RawOrigin::Signed(caller), farm_id, ip.ip, ip.gw);
        assert_eq!(
            Farms::<T>::get(farm_id).map(|f| f.public_ips.len() as u32),
            Some(i + 1)
        );
    }

    /// `i`: IPs the farm has; the removed one is the last searched.
    #[benchmark]
    fn remove_farm_ip(i: Linear<1, { T::MaxFarmPublicIps::get() }>) {
        let caller: T::AccountId = whitelisted_caller();
        twin_for::<T>(&caller);
        let farm_id = farm_for::<T>(&caller, b"benchmark-farm");
        fill_farm_ips::<T>(farm_id, i);
        let last = public_ips(i).pop().expect("i >= 1");
        #[extrinsic_call]
        _(RawOrigin::Signed(caller), farm_id, last.ip);
        assert_eq!(
            Farms::<T>::get(farm_id).map(|f| f.public_ips.len() as u32),
            Some(i - 1)
        );
    }

    /// `i`: interfaces given; `n`: nodes the farm has.
    #[benchmark]
    fn create_node(
        i: Linear<0, { T::MaxInterfacesLength::get() }>,
        n: Linear<0, { T::MaxNodesPerFarm::get().saturating_sub(1) }>,
    ) {
        let farmer: T::AccountId = account("farmer", 0, 0);
        twin_for::<T>(&farmer);
        let farm_id = farm_for::<T>(&farmer, b"benchmark-farm");
        fill_farm_nodes::<T>(farm_id, n);
        fill_farming_policies::<T>();
        let caller: T::AccountId = whitelisted_caller();
        twin_for::<T>(&caller);
        #[extrinsic_call]
        _(
            RawOrigin::Signed(caller),
            farm_id,
            resources(),
            location(),
            interfaces_of::<T>(i),
            true,
            false,
            Some(bounded(b"serial")),
        );
        assert_eq!(NodesByFarmID::<T>::get(farm_id).len() as u32, n + 1);
        assert!(Nodes::<T>::contains_key(NodeID::<T>::get()));
    }

    /// `i`: interfaces given; `n`: nodes in each of the two farms the node moves between (the
    /// worst case: it leaves one list and joins the other).
    #[benchmark]
    fn update_node(
        i: Linear<0, { T::MaxInterfacesLength::get() }>,
        n: Linear<1, { T::MaxNodesPerFarm::get().saturating_sub(1) }>,
    ) {
        let (farmer, old_farm, node_account, node_id) = farm_with_node::<T>();
        fill_farm_nodes::<T>(old_farm, n - 1);
        let farm_id = farm_for::<T>(&farmer, b"other-farm");
        fill_farm_nodes::<T>(farm_id, n);
        fill_farming_policies::<T>();
        let bigger = Resources {
            cru: 16,
            ..resources()
        };
        #[extrinsic_call]
        _(
            RawOrigin::Signed(node_account),
            node_id,
            farm_id,
            bigger,
            location(),
            interfaces_of::<T>(i),
            true,
            false,
            Some(bounded(b"serial")),
        );
        let node = Nodes::<T>::get(node_id).expect("node kept");
        assert_eq!((node.farm_id, node.resources.cru), (farm_id, 16));
        assert_eq!(node.interfaces.len() as u32, i);
    }

    #[benchmark]
    fn set_node_certification() -> Result<(), BenchmarkError> {
        let (_, _, _, node_id) = farm_with_node::<T>();
        fill_farming_policies::<T>();
        let origin = restricted_origin::<T>()?;
        #[extrinsic_call]
        _(
            origin as T::RuntimeOrigin,
            node_id,
            NodeCertification::Certified,
        );
        assert_eq!(
            Nodes::<T>::get(node_id).map(|n| n.certification),
            Some(NodeCertification::Certified)
        );
        Ok(())
    }

    /// An accepted report: the listener (`UptimeReported`) runs and the rate-limit record is
    /// written.
    #[benchmark]
    fn report_uptime() {
        let (_, _, node_account, node_id) = farm_with_node::<T>();
        #[extrinsic_call]
        _(RawOrigin::Signed(node_account), 500);
        assert!(NodeFreeCalls::<T>::get(node_id).is_some_and(|c| c.uptime_report.is_some()));
    }

    #[benchmark]
    fn add_node_public_config() {
        let (farmer, farm_id, _, node_id) = farm_with_node::<T>();
        let config = PublicConfig {
            ip4: public_ip(10),
            ip6: Some(IP6 {
                ip: bounded(b"2a10:b600:1::0cc4:7a30:65b5/64"),
                gw: bounded(b"2a10:b600:1::1"),
            }),
            domain: Some(bounded(b"node.grid.tf")),
        };
        #[extrinsic_call]
        _(
            RawOrigin::Signed(farmer),
            farm_id,
            node_id,
            Some(config.clone()),
        );
        assert_eq!(
            Nodes::<T>::get(node_id).and_then(|n| n.public_config),
            Some(config)
        );
    }

    /// `n`: nodes the farm has; the deleted one is the last searched. The listeners the runtime
    /// wires (`NodeChanged::node_deleted`) run too.
    #[benchmark]
    fn delete_node(n: Linear<1, { T::MaxNodesPerFarm::get() }>) {
        let (_, farm_id, node_account, node_id) = farm_with_node::<T>();
        fill_farm_nodes::<T>(farm_id, n - 1);
        #[extrinsic_call]
        _(RawOrigin::Signed(node_account), node_id);
        assert!(!Nodes::<T>::contains_key(node_id));
    }

    #[benchmark]
    fn create_entity() {
        let caller: T::AccountId = whitelisted_caller();
        #[extrinsic_call]
        _(
            RawOrigin::Signed(caller),
            entity_account::<T>(),
            ENTITY_NAME.to_vec(),
            bounded(ENTITY_COUNTRY),
            bounded(ENTITY_CITY),
            ENTITY_SIGNATURE.to_vec(),
        );
        assert!(EntityIdByAccountID::<T>::contains_key(entity_account::<T>()));
    }

    #[benchmark]
    fn update_entity() {
        let id = create_benchmark_entity::<T>();
        #[extrinsic_call]
        _(
            RawOrigin::Signed(entity_account::<T>()),
            b"renamed-entity".to_vec(),
            bounded(b"Egypt"),
            bounded(b"Cairo"),
        );
        assert_eq!(
            EntityIdByName::<T>::get(BoundedVec::truncate_from(b"renamed-entity".to_vec())),
            id
        );
    }

    #[benchmark]
    fn delete_entity() {
        let id = create_benchmark_entity::<T>();
        #[extrinsic_call]
        _(RawOrigin::Signed(entity_account::<T>()));
        assert!(!Entities::<T>::contains_key(id));
    }

    #[benchmark]
    fn create_twin() {
        let caller: T::AccountId = whitelisted_caller();
        Pallet::<T>::do_user_accept_tc(
            caller.clone(),
            bounded(b"https://threefold.io/tc"),
            bounded(b"hash"),
        )
        .expect("valid terms and conditions");
        #[extrinsic_call]
        _(
            RawOrigin::Signed(caller.clone()),
            Some(bounded(b"relay.grid.tf")),
            Some(bounded(b"pk")),
        );
        assert!(TwinIdByAccountID::<T>::contains_key(caller));
    }

    #[benchmark]
    fn update_twin() {
        let caller: T::AccountId = whitelisted_caller();
        let twin_id = twin_for::<T>(&caller);
        #[extrinsic_call]
        _(
            RawOrigin::Signed(caller),
            Some(bounded(b"other.relay.grid.tf")),
            None,
        );
        assert_eq!(Twins::<T>::get(twin_id).and_then(|t| t.pk), None);
    }

    #[benchmark]
    fn add_twin_entity() {
        EntityID::<T>::put(PROOF_ENTITY_ID - 1);
        create_benchmark_entity::<T>();
        TwinID::<T>::put(PROOF_TWIN_ID - 1);
        let caller: T::AccountId = whitelisted_caller();
        let twin_id = twin_for::<T>(&caller);
        #[extrinsic_call]
        _(
            RawOrigin::Signed(caller),
            twin_id,
            PROOF_ENTITY_ID,
            TWIN_ENTITY_SIGNATURE.to_vec(),
        );
        assert_eq!(Twins::<T>::get(twin_id).map(|t| t.entities.len()), Some(1));
    }

    #[benchmark]
    fn delete_twin_entity() {
        EntityID::<T>::put(PROOF_ENTITY_ID - 1);
        create_benchmark_entity::<T>();
        TwinID::<T>::put(PROOF_TWIN_ID - 1);
        let caller: T::AccountId = whitelisted_caller();
        let twin_id = twin_for::<T>(&caller);
        Pallet::<T>::do_add_twin_entity(
            &caller,
            twin_id,
            PROOF_ENTITY_ID,
            bounded(TWIN_ENTITY_SIGNATURE),
        )
        .expect("proof added");
        #[extrinsic_call]
        _(RawOrigin::Signed(caller), twin_id, PROOF_ENTITY_ID);
        assert_eq!(Twins::<T>::get(twin_id).map(|t| t.entities.len()), Some(0));
    }

    #[benchmark]
    fn create_pricing_policy() -> Result<(), BenchmarkError> {
        let origin = restricted_origin::<T>()?;
        let account: T::AccountId = account("foundation", 0, 0);
        #[extrinsic_call]
        _(
            origin as T::RuntimeOrigin,
            b"benchmark-pricing".to_vec(),
            policy(1),
            policy(2),
            policy(3),
            policy(4),
            policy(5),
            policy(6),
            account.clone(),
            account,
            50,
        );
        assert!(PricingPolicies::<T>::contains_key(
            PricingPolicyID::<T>::get()
        ));
        Ok(())
    }

    #[benchmark]
    fn update_pricing_policy() -> Result<(), BenchmarkError> {
        let account: T::AccountId = account("foundation", 0, 0);
        Pallet::<T>::do_create_pricing_policy(PricingPolicy {
            version: TFGRID_PRICING_POLICY_VERSION,
            id: 0,
            name: bounded(b"benchmark-pricing"),
            su: policy(1),
            cu: policy(1),
            nu: policy(1),
            ipu: policy(1),
            unique_name: policy(1),
            domain_name: policy(1),
            foundation_account: account.clone(),
            certified_sales_account: account.clone(),
            discount_for_dedication_nodes: 10,
        })
        .expect("policy created");
        let id = PricingPolicyID::<T>::get();
        let origin = restricted_origin::<T>()?;
        #[extrinsic_call]
        _(
            origin as T::RuntimeOrigin,
            id,
            b"renamed-pricing".to_vec(),
            policy(1),
            policy(2),
            policy(3),
            policy(4),
            policy(5),
            policy(6),
            account.clone(),
            account,
            50,
        );
        assert_eq!(
            PricingPolicyIdByName::<T>::get(BoundedVec::truncate_from(b"renamed-pricing".to_vec())),
            id
        );
        Ok(())
    }

    #[benchmark]
    fn create_farming_policy() -> Result<(), BenchmarkError> {
        let origin = restricted_origin::<T>()?;
        let end: BlockNumberFor<T> = 1000u32.into();
        #[extrinsic_call]
        _(
            origin as T::RuntimeOrigin,
            b"benchmark-farming".to_vec(),
            12,
            15,
            10,
            8,
            95,
            end,
            false,
            false,
            NodeCertification::Certified,
            FarmCertification::Gold,
        );
        assert_eq!(
            FarmingPoliciesMap::<T>::get(FarmingPolicyID::<T>::get()).su,
            12
        );
        Ok(())
    }

    #[benchmark]
    fn user_accept_tc() {
        let caller: T::AccountId = whitelisted_caller();
        #[extrinsic_call]
        _(
            RawOrigin::Signed(caller.clone()),
            bounded(b"https://threefold.io/tc"),
            bounded(b"hash"),
        );
        assert!(UsersTermsAndConditions::<T>::contains_key(caller));
    }

    /// `n`: nodes the farm has; the deleted one is the last searched.
    #[benchmark]
    fn delete_node_farm(n: Linear<1, { T::MaxNodesPerFarm::get() }>) {
        let (farmer, farm_id, _, node_id) = farm_with_node::<T>();
        fill_farm_nodes::<T>(farm_id, n - 1);
        #[extrinsic_call]
        _(RawOrigin::Signed(farmer), node_id);
        assert!(!Nodes::<T>::contains_key(node_id));
        assert_eq!(NodesByFarmID::<T>::get(farm_id).len() as u32, n - 1);
    }

    #[benchmark]
    fn set_farm_dedicated() -> Result<(), BenchmarkError> {
        let owner: T::AccountId = account("owner", 0, 0);
        twin_for::<T>(&owner);
        let farm_id = farm_for::<T>(&owner, b"benchmark-farm");
        let origin = restricted_origin::<T>()?;
        #[extrinsic_call]
        _(origin as T::RuntimeOrigin, farm_id, true);
        assert_eq!(
            Farms::<T>::get(farm_id).map(|f| f.dedicated_farm),
            Some(true)
        );
        Ok(())
    }

    /// `i`: IPs the farm has; the reset one is the last searched.
    #[benchmark]
    fn force_reset_farm_ip(
        i: Linear<1, { T::MaxFarmPublicIps::get() }>,
    ) -> Result<(), BenchmarkError> {
        let owner: T::AccountId = account("owner", 0, 0);
        twin_for::<T>(&owner);
        let farm_id = farm_for::<T>(&owner, b"benchmark-farm");
        fill_farm_ips::<T>(farm_id, i);
        let last = (i - 1) as usize;
        Farms::<T>::mutate(farm_id, |farm| {
            if let Some(ip) = farm.as_mut().and_then(|farm| farm.public_ips.get_mut(last)) {
                ip.contract_id = 1;
            }
        });
        let ip = public_ips(i).pop().expect("i >= 1").ip;
        let origin = restricted_origin::<T>()?;
        #[extrinsic_call]
        _(origin as T::RuntimeOrigin, farm_id, ip);
        assert_eq!(
            Farms::<T>::get(farm_id).and_then(|f| f.public_ips.get(last).map(|ip| ip.contract_id)),
            Some(0)
        );
        Ok(())
    }

    #[benchmark]
    fn set_connection_price() -> Result<(), BenchmarkError> {
        let origin = restricted_origin::<T>()?;
        #[extrinsic_call]
        _(origin as T::RuntimeOrigin, 100);
        assert_eq!(ConnectionPrice::<T>::get(), 100);
        Ok(())
    }

    #[benchmark]
    fn add_node_certifier() -> Result<(), BenchmarkError> {
        let certifier: T::AccountId = account("certifier", 0, 0);
        let origin = restricted_origin::<T>()?;
        #[extrinsic_call]
        _(origin as T::RuntimeOrigin, certifier.clone());
        assert!(Pallet::<T>::is_node_certifier(&certifier));
        Ok(())
    }

    #[benchmark]
    fn remove_node_certifier() -> Result<(), BenchmarkError> {
        let certifier: T::AccountId = account("certifier", 0, 0);
        Pallet::<T>::do_add_node_certifier(certifier.clone()).expect("certifier added");
        let origin = restricted_origin::<T>()?;
        #[extrinsic_call]
        _(origin as T::RuntimeOrigin, certifier.clone());
        assert!(!Pallet::<T>::is_node_certifier(&certifier));
        Ok(())
    }

    #[benchmark]
    fn update_farming_policy() -> Result<(), BenchmarkError> {
        Pallet::<T>::do_create_farming_policy(farming_policy::<T>(false, false))
            .expect("policy created");
        let id = FarmingPolicyID::<T>::get();
        let origin = restricted_origin::<T>()?;
        let end: BlockNumberFor<T> = 1000u32.into();
        #[extrinsic_call]
        _(
            origin as T::RuntimeOrigin,
            id,
            b"renamed-farming".to_vec(),
            12,
            15,
            10,
            8,
            95,
            end,
            false,
            NodeCertification::Certified,
            FarmCertification::Gold,
        );
        assert_eq!(FarmingPoliciesMap::<T>::get(id).cu, 15);
        Ok(())
    }

    /// `n`: nodes in the farm, all on a default policy, so each gets its policy chosen anew;
    /// the limits allow no node, so each falls back to reading every policy.
    #[benchmark]
    fn attach_policy_to_farm(
        n: Linear<1, { T::MaxNodesPerFarm::get() }>,
    ) -> Result<(), BenchmarkError> {
        let (_, farm_id, _, node_id) = farm_with_node::<T>();
        copy_nodes::<T>(node_id, n - 1);
        Pallet::<T>::do_create_farming_policy(farming_policy::<T>(false, false))
            .expect("policy created");
        let policy_id = FarmingPolicyID::<T>::get();
        fill_farming_policies::<T>();
        let limits = FarmingPolicyLimit {
            farming_policy_id: policy_id,
            cu: None,
            su: None,
            end: None,
            node_count: Some(0),
            node_certification: false,
        };
        let origin = restricted_origin::<T>()?;
        #[extrinsic_call]
        _(origin as T::RuntimeOrigin, farm_id, Some(limits));
        let nodes = NodesByFarmID::<T>::get(farm_id);
        assert_eq!(nodes.len() as u32, n);
        assert!(nodes.iter().all(|id| Nodes::<T>::get(id)
            .is_some_and(|node| FarmingPoliciesMap::<T>::get(node.farming_policy_id).default)));
        assert_eq!(
            Farms::<T>::get(farm_id)
                .and_then(|f| f.farming_policy_limits.map(|l| l.farming_policy_id)),
            Some(policy_id)
        );
        Ok(())
    }

    #[benchmark]
    fn set_zos_version() -> Result<(), BenchmarkError> {
        let origin = restricted_origin::<T>()?;
        #[extrinsic_call]
        _(origin as T::RuntimeOrigin, b"v3.10.0".to_vec());
        assert_eq!(ZosVersion::<T>::get().to_vec(), b"v3.10.0".to_vec());
        Ok(())
    }

    /// A real change (Up to Down), so the listeners the runtime wires
    /// (`NodeChanged::node_power_state_changed`) run, and the rate-limit record is written.
    #[benchmark]
    fn change_power_state() {
        let (_, _, node_account, node_id) = farm_with_node::<T>();
        #[extrinsic_call]
        _(RawOrigin::Signed(node_account), Power::Down);
        assert_eq!(
            NodePower::<T>::get(node_id).state,
            PowerState::Down(frame_system::Pallet::<T>::block_number())
        );
        assert!(NodeFreeCalls::<T>::get(node_id).is_some_and(|c| c.power_state.is_some()));
    }

    #[benchmark]
    fn change_power_target() {
        let (farmer, _, _, node_id) = farm_with_node::<T>();
        #[extrinsic_call]
        _(RawOrigin::Signed(farmer), node_id, Power::Down);
        assert_eq!(NodePower::<T>::get(node_id).target, Power::Down);
    }

    #[benchmark]
    fn bond_twin_account() {
        let owner: T::AccountId = account("owner", 0, 0);
        let twin_id = twin_for::<T>(&owner);
        let stash: T::AccountId = whitelisted_caller();
        #[extrinsic_call]
        _(RawOrigin::Signed(stash.clone()), twin_id);
        assert_eq!(TwinBoundedAccountID::<T>::get(twin_id), Some(stash));
    }

    /// An accepted report, as `report_uptime`.
    #[benchmark]
    fn report_uptime_v2() {
        let (_, _, node_account, node_id) = farm_with_node::<T>();
        let hint = Pallet::<T>::now_secs();
        #[extrinsic_call]
        _(RawOrigin::Signed(node_account), 500, hint);
        assert!(NodeFreeCalls::<T>::get(node_id).is_some_and(|c| c.uptime_report.is_some()));
    }

    impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
