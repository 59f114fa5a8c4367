//! Pricing and farming policies, the farming-policy selection of nodes, and the grid-wide
//! settings governed by the council (ZOS version).

use crate::{
    types::*, Config, ConnectionPrice, Error, Event, FarmLimitsTakenByNode, FarmingPoliciesMap,
    FarmingPolicyID, Farms, GenesisConfig, Nodes, NodesByFarmID, Pallet, PricingPolicies,
    PricingPolicyID, PricingPolicyIdByName, ZosVersion,
};
use frame_support::{ensure, BoundedVec};
use sp_runtime::{traits::Saturating, DispatchError, DispatchResult};
use tfchain_support::types::{FarmCertification, FarmingPolicyLimit, NodeCertification};

/// Name of the pricing policy created at genesis.
pub const DEFAULT_PRICING_POLICY_NAME: &[u8] = b"threefold_default_pricing_policy";
/// Name of the DIY farming policy created at genesis.
pub const DEFAULT_DIY_FARMING_POLICY_NAME: &[u8] = b"threefold_default_diy_farming_policy";
/// Name of the certified farming policy created at genesis.
pub const DEFAULT_CERTIFIED_FARMING_POLICY_NAME: &[u8] =
    b"threefold_default_certified_farming_policy";

fn policy_name(name: &[u8]) -> PolicyNameOf {
    BoundedVec::truncate_from(name.to_vec())
}

/// Write the genesis state: pricing policy 1 (when both accounts are given) and the DIY (1) and
/// certified (2) default farming policies.
pub(crate) fn build_genesis<T: Config>(config: &GenesisConfig<T>) {
    if let (Some(foundation_account), Some(sales_account)) = (
        config.foundation_account.clone(),
        config.sales_account.clone(),
    ) {
        let policy = PricingPolicyOf::<T> {
            version: 1,
            id: 1,
            name: policy_name(DEFAULT_PRICING_POLICY_NAME),
            su: Policy {
                value: config.su_price_value,
                unit: Unit::from_u32(config.su_price_unit),
            },
            cu: Policy {
                value: config.cu_price_value,
                unit: Unit::from_u32(config.cu_price_unit),
            },
            nu: Policy {
                value: config.nu_price_value,
                unit: Unit::from_u32(config.nu_price_unit),
            },
            ipu: Policy {
                value: config.ipu_price_value,
                unit: Unit::from_u32(config.ipu_price_unit),
            },
            unique_name: Policy {
                value: config.unique_name_price_value,
                unit: Unit::Gigabytes,
            },
            domain_name: Policy {
                value: config.domain_name_price_value,
                unit: Unit::Gigabytes,
            },
            foundation_account,
            certified_sales_account: sales_account,
            discount_for_dedication_nodes: config.discount_for_dedication_nodes,
        };
        PricingPolicyIdByName::<T>::insert(&policy.name, 1);
        PricingPolicies::<T>::insert(1, policy);
        PricingPolicyID::<T>::put(1);
    }

    let diy = FarmingPolicyOf::<T> {
        version: 1,
        id: 1,
        name: policy_name(DEFAULT_DIY_FARMING_POLICY_NAME),
        cu: config.farming_policy_diy_cu,
        su: config.farming_policy_diy_su,
        nu: config.farming_policy_diy_nu,
        ipv4: config.farming_policy_diy_ipu,
        minimal_uptime: config.farming_policy_diy_minimal_uptime,
        policy_created: Default::default(),
        policy_end: Default::default(),
        immutable: false,
        default: true,
        node_certification: NodeCertification::Diy,
        farm_certification: FarmCertification::NotCertified,
    };
    let certified = FarmingPolicyOf::<T> {
        id: 2,
        name: policy_name(DEFAULT_CERTIFIED_FARMING_POLICY_NAME),
        cu: config.farming_policy_certified_cu,
        su: config.farming_policy_certified_su,
        nu: config.farming_policy_certified_nu,
        ipv4: config.farming_policy_certified_ipu,
        minimal_uptime: config.farming_policy_certified_minimal_uptime,
        node_certification: NodeCertification::Certified,
        ..diy.clone()
    };
    FarmingPoliciesMap::<T>::insert(1, diy);
    FarmingPoliciesMap::<T>::insert(2, certified);
    FarmingPolicyID::<T>::put(2);
    ConnectionPrice::<T>::put(config.connection_price);
}

impl<T: Config> Pallet<T> {
    /// Create a pricing policy with a new id and a unique name.
    pub(crate) fn do_create_pricing_policy(mut policy: PricingPolicyOf<T>) -> DispatchResult {
        ensure!(
            !PricingPolicyIdByName::<T>::contains_key(&policy.name),
            Error::<T>::PricingPolicyExists
        );
        let id = PricingPolicyID::<T>::get()
            .checked_add(1)
            .ok_or(Error::<T>::StorageOverflow)?;
        policy.id = id;
        PricingPolicies::<T>::insert(id, &policy);
        PricingPolicyIdByName::<T>::insert(&policy.name, id);
        PricingPolicyID::<T>::put(id);
        Self::deposit_event(Event::PricingPolicyStored(policy));
        Ok(())
    }

    /// Overwrite every field of pricing policy `update.id` except its version.
    pub(crate) fn do_update_pricing_policy(update: PricingPolicyOf<T>) -> DispatchResult {
        let id = update.id;
        let existing = PricingPolicies::<T>::get(id).ok_or(Error::<T>::PricingPolicyNotExists)?;
        if PricingPolicyIdByName::<T>::contains_key(&update.name) {
            ensure!(
                PricingPolicyIdByName::<T>::get(&update.name) == id,
                Error::<T>::PricingPolicyWithDifferentIdExists
            );
        }
        if existing.name != update.name {
            PricingPolicyIdByName::<T>::remove(&existing.name);
        }
        let policy = PricingPolicyOf::<T> {
            version: existing.version,
            ..update
        };
        PricingPolicies::<T>::insert(id, &policy);
        PricingPolicyIdByName::<T>::insert(&policy.name, id);
        Self::deposit_event(Event::PricingPolicyStored(policy));
        Ok(())
    }

    /// Create a farming policy with a new id.
    pub(crate) fn do_create_farming_policy(mut policy: FarmingPolicyOf<T>) -> DispatchResult {
        let id = FarmingPolicyID::<T>::get()
            .checked_add(1)
            .filter(|id| *id <= MAX_FARMING_POLICIES)
            .ok_or(Error::<T>::StorageOverflow)?;
        policy.id = id;
        FarmingPoliciesMap::<T>::insert(id, &policy);
        FarmingPolicyID::<T>::put(id);
        Self::deposit_event(Event::FarmingPolicyStored(policy));
        Ok(())
    }

    /// Overwrite the mutable fields of a farming policy that is not immutable.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn do_update_farming_policy(
        id: u32,
        name: PolicyNameOf,
        su: u32,
        cu: u32,
        nu: u32,
        ipv4: u32,
        minimal_uptime: u16,
        policy_end: frame_system::pallet_prelude::BlockNumberFor<T>,
        default: bool,
        node_certification: NodeCertification,
        farm_certification: FarmCertification,
    ) -> DispatchResult {
        ensure!(
            FarmingPoliciesMap::<T>::contains_key(id),
            Error::<T>::FarmingPolicyNotExists
        );
        let mut policy = FarmingPoliciesMap::<T>::get(id);
        ensure!(!policy.immutable, Error::<T>::FarmingPolicyImmutable);
        policy.name = name;
        policy.su = su;
        policy.cu = cu;
        policy.nu = nu;
        policy.ipv4 = ipv4;
        policy.minimal_uptime = minimal_uptime;
        policy.policy_end = policy_end;
        policy.default = default;
        policy.node_certification = node_certification;
        policy.farm_certification = farm_certification;
        FarmingPoliciesMap::<T>::insert(id, &policy);
        Self::deposit_event(Event::FarmingPolicyUpdated(policy));
        Ok(())
    }

    /// Attach farming-policy limits to a farm (the farm takes the policy's farm certification,
    /// and its nodes on a default policy are re-assigned and may take the limits), or detach
    /// them with `None`. Either way, what the farm's nodes took from the previous limits is
    /// forgotten, so it is never given back into the new ones.
    /// Returns the number of nodes of the farm it went through.
    pub(crate) fn do_attach_policy_to_farm(
        farm_id: u32,
        limits: Option<FarmingPolicyLimit>,
    ) -> Result<u32, DispatchError> {
        let Some(limits) = limits else {
            let mut farm = Farms::<T>::get(farm_id).ok_or(Error::<T>::FarmNotExists)?;
            farm.farming_policy_limits = None;
            Farms::<T>::insert(farm_id, &farm);
            let node_ids = NodesByFarmID::<T>::get(farm_id);
            for node_id in &node_ids {
                FarmLimitsTakenByNode::<T>::remove(node_id);
            }
            Self::deposit_event(Event::FarmUpdated(farm));
            Self::deposit_event(Event::FarmingPolicySet(farm_id, None));
            return Ok(node_ids.len() as u32);
        };

        ensure!(
            FarmingPoliciesMap::<T>::contains_key(limits.farming_policy_id),
            Error::<T>::FarmingPolicyNotExists
        );
        let policy = FarmingPoliciesMap::<T>::get(limits.farming_policy_id);
        let now = frame_system::Pallet::<T>::block_number();
        ensure!(
            policy.policy_end == Default::default()
                || now < policy.policy_created.saturating_add(policy.policy_end),
            Error::<T>::FarmingPolicyExpired
        );

        let mut farm = Farms::<T>::get(farm_id).ok_or(Error::<T>::FarmNotExists)?;
        farm.farming_policy_limits = Some(limits.clone());
        farm.certification = policy.farm_certification;
        Farms::<T>::insert(farm_id, &farm);
        Self::deposit_event(Event::FarmUpdated(farm));

        let node_ids = NodesByFarmID::<T>::get(farm_id);
        let farm_nodes = node_ids.len() as u32;
        for node_id in node_ids {
            // The new limits are a fresh budget: what nodes took from the old ones is not
            // given back into them.
            FarmLimitsTakenByNode::<T>::remove(node_id);
            let Some(mut node) = Nodes::<T>::get(node_id) else {
                continue;
            };
            if !FarmingPoliciesMap::<T>::get(node.farming_policy_id).default {
                continue;
            }
            let selected = Self::get_farming_policy(&node, true)?;
            node.farming_policy_id = selected.id;
            node.certification = selected.node_certification;
            Nodes::<T>::insert(node_id, &node);
            Self::deposit_event(Event::NodeUpdated(node));
        }

        Self::deposit_event(Event::FarmingPolicySet(farm_id, Some(limits)));
        Ok(farm_nodes)
    }

    /// Set the ZOS version; it must differ from the current one.
    pub(crate) fn do_set_zos_version(zos_version: ZosVersionOf) -> DispatchResult {
        ensure!(
            ZosVersion::<T>::get() != zos_version,
            Error::<T>::InvalidZosVersion
        );
        ZosVersion::<T>::put(&zos_version);
        Self::deposit_event(Event::ZosVersionUpdated(zos_version.into_inner()));
        Ok(())
    }

    /// The best policy matching `filter`: default policies first, then the most certified farm,
    /// then the most certified node, then the highest id.
    fn best_policy(filter: impl Fn(&FarmingPolicyOf<T>) -> bool) -> Option<FarmingPolicyOf<T>> {
        FarmingPoliciesMap::<T>::iter_values()
            .filter(|p| filter(p))
            .max_by_key(|p| p.rank())
    }

    /// Select the farming policy of `node` (which may be new, not yet stored).
    ///
    /// - If the farm has limits and `may_take_limits` (the farm's owner, a certifier or the
    ///   council vouches for the node), the limits' policy is used while they last: the node's CU
    ///   and SU and one node are taken from the limits, which are written back to the farm
    ///   (`FarmUpdated`), and what was taken is recorded in `FarmLimitsTakenByNode` to be given
    ///   back when the node leaves. When the limits have ended or are too small, or the node may
    ///   not take them, the node falls back to the best default policy it qualifies for.
    /// - Otherwise the best policy whose node and farm certification requirements the node and
    ///   farm meet is used.
    ///
    /// The node must not hold a record in `FarmLimitsTakenByNode` (callers give it back first).
    pub fn get_farming_policy(
        node: &TfgridNode<T>,
        may_take_limits: bool,
    ) -> Result<FarmingPolicyOf<T>, DispatchError> {
        let mut farm = Farms::<T>::get(node.farm_id).ok_or(Error::<T>::FarmNotExists)?;
        let qualifies = |p: &FarmingPolicyOf<T>| {
            p.node_certification <= node.certification && p.farm_certification <= farm.certification
        };

        let Some(mut limits) = farm.farming_policy_limits.clone() else {
            return Self::best_policy(qualifies)
                .ok_or_else(|| Error::<T>::FarmingPolicyNotExists.into());
        };
        ensure!(
            FarmingPoliciesMap::<T>::contains_key(limits.farming_policy_id),
            Error::<T>::FarmingPolicyNotExists
        );
        let fallback = || {
            Self::best_policy(|p| p.default && qualifies(p))
                .ok_or_else(|| DispatchError::from(Error::<T>::FarmingPolicyNotExists))
        };

        if !may_take_limits || limits.end.is_some_and(|end| Self::now_secs() > end) {
            return fallback();
        }
        let mut taken = FarmLimitsTaken {
            farm_id: farm.id,
            cu: 0,
            su: 0,
            node_count: 0,
        };
        if let Some(cu) = limits.cu {
            let node_cu = node.resources.get_cu();
            let Some(left) = cu.checked_sub(node_cu) else {
                return fallback();
            };
            limits.cu = Some(left);
            taken.cu = node_cu;
        }
        if let Some(su) = limits.su {
            let node_su = node.resources.get_su();
            let Some(left) = su.checked_sub(node_su) else {
                return fallback();
            };
            limits.su = Some(left);
            taken.su = node_su;
        }
        if let Some(count) = limits.node_count {
            let Some(left) = count.checked_sub(1) else {
                return fallback();
            };
            limits.node_count = Some(left);
            taken.node_count = 1;
        }

        let policy_id = limits.farming_policy_id;
        farm.farming_policy_limits = Some(limits);
        Farms::<T>::insert(farm.id, &farm);
        FarmLimitsTakenByNode::<T>::insert(node.id, taken);
        Self::deposit_event(Event::FarmUpdated(farm));
        Ok(FarmingPoliciesMap::<T>::get(policy_id))
    }

    /// Give back to its farm's limits what node `node_id` took from them, if anything
    /// (`FarmUpdated`). Called when the node leaves the farm or has its policy chosen anew.
    pub(crate) fn give_back_farm_limits(node_id: u32) {
        let Some(taken) = FarmLimitsTakenByNode::<T>::take(node_id) else {
            return;
        };
        let Some(mut farm) = Farms::<T>::get(taken.farm_id) else {
            return;
        };
        let Some(limits) = farm.farming_policy_limits.as_mut() else {
            return;
        };
        // The sums cannot exceed what the council granted; saturation only guards the types.
        limits.cu = limits.cu.map(|cu| cu.saturating_add(taken.cu));
        limits.su = limits.su.map(|su| su.saturating_add(taken.su));
        limits.node_count = limits
            .node_count
            .map(|count| count.saturating_add(taken.node_count));
        Farms::<T>::insert(taken.farm_id, &farm);
        Self::deposit_event(Event::FarmUpdated(farm));
    }
}
