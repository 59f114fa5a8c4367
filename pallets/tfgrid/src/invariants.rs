//! The registry's storage invariants, checked by the `try_state` hook and after every test.

use crate::*;
use alloc::collections::btree_set::BTreeSet;
use frame_support::ensure;
use sp_runtime::TryRuntimeError;

impl<T: Config> Pallet<T> {
    /// Check that the registry's records and indexes agree:
    ///
    /// - every record is stored under its own id, and no id exceeds its counter;
    /// - `TwinIdByAccountID`, `EntityIdByAccountID` and the name indexes of farms, entities and
    ///   pricing policies map exactly the stored records (both ways);
    /// - every farm and node belongs to an existing twin, every node to an existing farm;
    /// - `NodesByFarmID` lists each node once, under its farm, and nothing else;
    /// - `NodeIdByTwinID`, `NodePower`, `NodeFreeCalls` and `TwinBoundedAccountID` only refer to
    ///   existing records;
    /// - `TwinIdByBoundedAccountID` is the exact reverse of `TwinBoundedAccountID`, and no bonded
    ///   stash has a twin of its own;
    /// - every entity's account has a non-zero entity nonce;
    /// - `FarmLimitsTakenByNode` only records existing nodes, under their own farm, which has
    ///   limits;
    /// - farm public IPs are unique per farm and the node certifiers are sorted and unique.
    pub fn do_try_state() -> Result<(), TryRuntimeError> {
        Self::check_twins()?;
        Self::check_entities()?;
        Self::check_farms()?;
        Self::check_nodes()?;
        Self::check_policies()?;
        Ok(())
    }

    fn check_twins() -> Result<(), TryRuntimeError> {
        let last_id = TwinID::<T>::get();
        for (id, twin) in Twins::<T>::iter() {
            ensure!(twin.id == id, "twin stored under another id");
            ensure!(id <= last_id, "twin id above TwinID");
            ensure!(
                TwinIdByAccountID::<T>::get(&twin.account_id) == Some(id),
                "twin not indexed by its account"
            );
        }
        for (account, id) in TwinIdByAccountID::<T>::iter() {
            let twin = Twins::<T>::get(id).ok_or("TwinIdByAccountID points to a missing twin")?;
            ensure!(
                twin.account_id == account,
                "TwinIdByAccountID points to another account's twin"
            );
        }
        for (id, stash) in TwinBoundedAccountID::<T>::iter() {
            ensure!(
                Twins::<T>::contains_key(id),
                "bonded account of a missing twin"
            );
            ensure!(
                TwinIdByBoundedAccountID::<T>::get(&stash) == Some(id),
                "bonded stash not indexed by its account"
            );
            ensure!(
                !TwinIdByAccountID::<T>::contains_key(&stash),
                "bonded stash has a twin of its own"
            );
        }
        for (stash, id) in TwinIdByBoundedAccountID::<T>::iter() {
            ensure!(
                TwinBoundedAccountID::<T>::get(id) == Some(stash),
                "TwinIdByBoundedAccountID points to a twin bonded to another account"
            );
        }
        Ok(())
    }

    fn check_entities() -> Result<(), TryRuntimeError> {
        let last_id = EntityID::<T>::get();
        for (id, entity) in Entities::<T>::iter() {
            ensure!(entity.id == id, "entity stored under another id");
            ensure!(id <= last_id, "entity id above EntityID");
            ensure!(
                EntityIdByAccountID::<T>::get(&entity.account_id) == Some(id),
                "entity not indexed by its account"
            );
            ensure!(
                EntityIdByName::<T>::get(&entity.name) == id,
                "entity not indexed by its name"
            );
            ensure!(
                EntityNonceByAccountID::<T>::get(&entity.account_id) > 0,
                "entity of an account whose entity nonce was not advanced"
            );
        }
        for (account, id) in EntityIdByAccountID::<T>::iter() {
            let entity =
                Entities::<T>::get(id).ok_or("EntityIdByAccountID points to a missing entity")?;
            ensure!(
                entity.account_id == account,
                "EntityIdByAccountID points to another entity"
            );
        }
        for (name, id) in EntityIdByName::<T>::iter() {
            let entity =
                Entities::<T>::get(id).ok_or("EntityIdByName points to a missing entity")?;
            ensure!(
                entity.name == name,
                "EntityIdByName points to another entity"
            );
        }
        Ok(())
    }

    fn check_farms() -> Result<(), TryRuntimeError> {
        let last_id = FarmID::<T>::get();
        for (id, farm) in Farms::<T>::iter() {
            ensure!(farm.id == id, "farm stored under another id");
            ensure!(id <= last_id, "farm id above FarmID");
            ensure!(
                Twins::<T>::contains_key(farm.twin_id),
                "farm of a missing twin"
            );
            ensure!(
                FarmIdByName::<T>::get(farm.name.as_input()) == id,
                "farm not indexed by its name"
            );
            let mut ips = BTreeSet::new();
            for public_ip in farm.public_ips.iter() {
                ensure!(ips.insert(public_ip.ip.clone()), "farm holds an IP twice");
            }
        }
        for (name, id) in FarmIdByName::<T>::iter() {
            let farm = Farms::<T>::get(id).ok_or("FarmIdByName points to a missing farm")?;
            ensure!(
                *farm.name.as_input() == name,
                "FarmIdByName points to another farm"
            );
        }
        for (id, _) in FarmPayoutV2AddressByFarmID::<T>::iter() {
            ensure!(
                Farms::<T>::contains_key(id),
                "payout address of a missing farm"
            );
        }
        Ok(())
    }

    fn check_nodes() -> Result<(), TryRuntimeError> {
        let last_id = NodeID::<T>::get();
        let mut node_count = 0usize;
        for (id, node) in Nodes::<T>::iter() {
            node_count += 1;
            ensure!(node.id == id, "node stored under another id");
            ensure!(id <= last_id, "node id above NodeID");
            ensure!(
                Farms::<T>::contains_key(node.farm_id),
                "node of a missing farm"
            );
            ensure!(
                Twins::<T>::contains_key(node.twin_id),
                "node of a missing twin"
            );
            ensure!(
                NodeIdByTwinID::<T>::get(node.twin_id) == id,
                "node not indexed by its twin"
            );
            ensure!(
                NodesByFarmID::<T>::get(node.farm_id).contains(&id),
                "node not listed under its farm"
            );
        }
        let mut listed = BTreeSet::new();
        for (farm_id, node_ids) in NodesByFarmID::<T>::iter() {
            for node_id in node_ids {
                ensure!(listed.insert(node_id), "node listed twice in NodesByFarmID");
                let node = Nodes::<T>::get(node_id).ok_or("NodesByFarmID lists a missing node")?;
                ensure!(
                    node.farm_id == farm_id,
                    "NodesByFarmID lists a node of another farm"
                );
            }
        }
        ensure!(listed.len() == node_count, "NodesByFarmID misses nodes");
        for (twin_id, node_id) in NodeIdByTwinID::<T>::iter() {
            let node = Nodes::<T>::get(node_id).ok_or("NodeIdByTwinID points to a missing node")?;
            ensure!(
                node.twin_id == twin_id,
                "NodeIdByTwinID points to another twin's node"
            );
        }
        for (node_id, taken) in FarmLimitsTakenByNode::<T>::iter() {
            let node = Nodes::<T>::get(node_id).ok_or("limits taken by a missing node")?;
            ensure!(
                node.farm_id == taken.farm_id,
                "limits taken from a farm the node is not in"
            );
            let farm = Farms::<T>::get(taken.farm_id).ok_or("limits taken from a missing farm")?;
            ensure!(
                farm.farming_policy_limits.is_some(),
                "limits taken from a farm without limits"
            );
        }
        for (node_id, _) in NodePower::<T>::iter() {
            ensure!(
                Nodes::<T>::contains_key(node_id),
                "power state of a missing node"
            );
        }
        for (node_id, _) in NodeFreeCalls::<T>::iter() {
            ensure!(
                Nodes::<T>::contains_key(node_id),
                "free-call record of a missing node"
            );
        }
        Ok(())
    }

    fn check_policies() -> Result<(), TryRuntimeError> {
        let last_id = PricingPolicyID::<T>::get();
        for (id, policy) in PricingPolicies::<T>::iter() {
            ensure!(policy.id == id, "pricing policy stored under another id");
            ensure!(id <= last_id, "pricing policy id above PricingPolicyID");
            ensure!(
                PricingPolicyIdByName::<T>::get(&policy.name) == id,
                "pricing policy not indexed by its name"
            );
        }
        for (name, id) in PricingPolicyIdByName::<T>::iter() {
            let policy = PricingPolicies::<T>::get(id)
                .ok_or("PricingPolicyIdByName points to a missing policy")?;
            ensure!(
                policy.name == name,
                "PricingPolicyIdByName points to another policy"
            );
        }
        let last_id = FarmingPolicyID::<T>::get();
        for (id, policy) in FarmingPoliciesMap::<T>::iter() {
            ensure!(policy.id == id, "farming policy stored under another id");
            ensure!(id <= last_id, "farming policy id above FarmingPolicyID");
        }
        if let Some(certifiers) = AllowedNodeCertifiers::<T>::get() {
            ensure!(
                certifiers
                    .windows(2)
                    .all(|pair| matches!(pair, [a, b] if a < b)),
                "node certifiers not sorted and unique"
            );
        }
        Ok(())
    }
}
