//! The cost of contracts: capacity, IPs and names priced by the pricing policy in units-USD
//! (10^-7 USD), converted to TFT units (10^-7 TFT) at the clamped TFT price, with the discount
//! for holding several months of the cost.
//!
//! The operation order and rounding follow TFChain: 64.64 fixed point, truncating `*` and `/`,
//! [`U64F64::round`] at the end of each formula.

use crate::{
    fixed::U64F64,
    types::{Contract, ContractData, DiscountLevel},
    Config, ContractBillingInformationByID, DedicatedNodesExtraFee, Error, NodeContractResources,
    Pallet,
};
use pallet_tfgrid::types::PricingPolicyOf;
use frame_support::traits::Get;
use sp_runtime::Percent;
use tfchain_support::{
    constants::time::{SECS_PER_HOUR, SECS_PER_MONTH},
    resources::Resources,
    traits::TftPriceProvider,
    types::NodeCertification,
};

/// units-USD in one mUSD.
pub const UNITS_PER_MUSD: u64 = 10_000;
/// TFT units in one TFT.
pub const UNITS_PER_TFT: u64 = 10_000_000;

fn f(n: u64) -> U64F64 {
    U64F64::from_int(n as u128)
}

/// Thresholds of the discount levels: months of cost the balance covers.
fn discount_level(months_covered: U64F64) -> DiscountLevel {
    let months = |num: u128, den: u128| U64F64::from_int(num).div(U64F64::from_int(den));
    if months_covered >= months(18, 1) {
        DiscountLevel::Gold
    } else if months_covered >= months(6, 1) {
        DiscountLevel::Silver
    } else if months_covered >= months(3, 1) {
        DiscountLevel::Bronze
    } else if months_covered >= months(3, 2) {
        DiscountLevel::Default
    } else {
        DiscountLevel::None
    }
}

impl<T: Config> Pallet<T> {
    /// Cost in units-USD of `resources` and `ipu` public IPs over `secs` seconds. Capacity is
    /// only priced when `bill_resources` (node contracts on a rented node pay IPs only).
    pub fn resources_cost_units_usd(
        resources: &Resources,
        ipu: u32,
        secs: u64,
        policy: &PricingPolicyOf<T>,
        bill_resources: bool,
    ) -> u64 {
        let reference = f(T::BillingReferencePeriod::get());
        let mut total = U64F64::default();
        if bill_resources {
            let hru = f(resources.hru).div_int(policy.su.factor_base_1024());
            let sru = f(resources.sru).div_int(policy.su.factor_base_1024());
            let mru = f(resources.mru).div_int(policy.cu.factor_base_1024());
            let cru = f(resources.cru);
            let su = hru.div_int(1200).add(sru.div_int(200));
            let cu = mru
                .div_int(4)
                .max(cru.div_int(2))
                .min(mru.div_int(8).max(cru))
                .min(mru.div_int(2).max(cru.div_int(4)));
            let su_cost = f(policy.su.value as u64)
                .div(reference)
                .mul(f(secs))
                .mul(su);
            let cu_cost = f(policy.cu.value as u64)
                .div(reference)
                .mul(f(secs))
                .mul(cu);
            total = su_cost.add(cu_cost);
        }
        if ipu > 0 {
            let ip_cost = f(ipu as u64)
                .mul(f(policy.ipu.value as u64).div(reference))
                .mul(f(secs));
            total = total.add(ip_cost);
        }
        total.round()
    }

    /// Cost in units-USD of `contract` over `secs` seconds, before discount.
    pub fn contract_cost_units_usd(
        contract: &Contract<T>,
        policy: &PricingPolicyOf<T>,
        secs: u64,
    ) -> Result<u64, Error<T>> {
        if secs == 0 {
            return Ok(0);
        }
        let reference = f(T::BillingReferencePeriod::get());
        Ok(match &contract.contract_type {
            ContractData::NodeContract(node_contract) => {
                ensure_node_exists::<T>(node_contract.node_id)?;
                let bill_resources =
                    !crate::ActiveRentContractForNode::<T>::contains_key(node_contract.node_id);
                let used = NodeContractResources::<T>::get(contract.contract_id).used;
                let cost = Self::resources_cost_units_usd(
                    &used,
                    node_contract.public_ips,
                    secs,
                    policy,
                    bill_resources,
                )
                .saturating_add(
                    ContractBillingInformationByID::<T>::get(contract.contract_id).amount_unbilled,
                );
                // The rent pays for a rented node; elsewhere a node contract costs at least the
                // minimum charge.
                if bill_resources {
                    cost.max(Self::minimum_charge_units_usd(secs))
                } else {
                    cost
                }
            }
            ContractData::RentContract(rent_contract) => {
                let (_, _, resources) = Self::node_facts(rent_contract.node_id)?;
                let full_cost = Self::resources_cost_units_usd(&resources, 0, secs, policy, true);
                Percent::from_percent(policy.discount_for_dedication_nodes) * full_cost
            }
            ContractData::NameContract(_) => f(policy.unique_name.value as u64)
                .div(reference)
                .mul(f(secs))
                .round(),
        })
    }

    /// The minimum charge of a node contract over `secs` seconds, in units-USD.
    pub fn minimum_charge_units_usd(secs: u64) -> u64 {
        f(T::NodeContractMinimumCharge::get())
            .div(f(T::BillingReferencePeriod::get()))
            .mul(f(secs))
            .round()
    }

    /// The most one bill of `contract` may reserve for `secs` seconds, in TFT units (`None`:
    /// no cap). A node contract's bill takes at most `MaxBillMultiplier` times the cost of its
    /// node's whole capacity, its IPs and the minimum charge, at the billing price and without
    /// discount: what a node reports cannot take more. Rent and name contracts are not capped
    /// (nothing in their cost is reported by a node).
    pub fn bill_cap_tft(
        contract: &Contract<T>,
        policy: &PricingPolicyOf<T>,
        secs: u64,
    ) -> Result<Option<u64>, Error<T>> {
        let ContractData::NodeContract(node_contract) = &contract.contract_type else {
            return Ok(None);
        };
        let (_, _, resources) = Self::node_facts(node_contract.node_id)?;
        let reference = Self::resources_cost_units_usd(
            &resources,
            node_contract.public_ips,
            secs,
            policy,
            true,
        )
        .saturating_add(Self::minimum_charge_units_usd(secs));
        // A bound, not an amount: saturating only widens the cap.
        let cap = reference.saturating_mul(T::MaxBillMultiplier::get() as u64);
        Ok(Some(Self::units_usd_to_tft(cap)?))
    }

    /// The TFT price billing uses, in units-USD per TFT: the average clamped between the
    /// minimum and maximum prices.
    pub fn tft_price_units_usd() -> Result<u64, Error<T>> {
        let price = T::TftPrice::average_tft_price()
            .max(T::TftPrice::min_tft_price())
            .min(T::TftPrice::max_tft_price());
        let units = (price as u64).saturating_mul(UNITS_PER_MUSD);
        if units == 0 {
            return Err(Error::<T>::TFTPriceValueError);
        }
        Ok(units)
    }

    /// `cost` units-USD in TFT units at the billing price.
    pub fn units_usd_to_tft(cost: u64) -> Result<u64, Error<T>> {
        let price = Self::tft_price_units_usd()?;
        Ok(f(cost).div(f(price)).mul(f(UNITS_PER_TFT)).round())
    }

    /// `amount` TFT units for `secs` seconds, with the discount that `balance` earns and the
    /// certified-capacity premium.
    pub fn apply_discount(
        amount: u64,
        secs: u64,
        balance: u128,
        certification: NodeCertification,
    ) -> (u64, DiscountLevel) {
        if amount == 0 {
            return (0, DiscountLevel::None);
        }
        let hourly = f(amount).mul(f(SECS_PER_HOUR)).div(f(secs));
        let monthly = hourly.mul_int(24).mul_int(30).round();
        let level = if monthly == 0 {
            DiscountLevel::None
        } else {
            discount_level(U64F64::from_int(balance).div(f(monthly)))
        };
        let mut discounted = f(amount).mul(level.price_multiplier());
        if certification == NodeCertification::Certified {
            discounted = discounted.mul(U64F64::from_bits(5u128 << 62));
        }
        (discounted.round(), level)
    }

    /// Standard cost in TFT units of `contract` over `secs` seconds, and its discount level,
    /// for an owner holding `balance`.
    pub fn calculate_contract_cost_tft(
        contract: &Contract<T>,
        policy: &PricingPolicyOf<T>,
        balance: u128,
        secs: u64,
        certification: NodeCertification,
    ) -> Result<(u64, DiscountLevel), Error<T>> {
        let units_usd = Self::contract_cost_units_usd(contract, policy, secs)?;
        if units_usd == 0 {
            return Ok((0, DiscountLevel::None));
        }
        let tft = Self::units_usd_to_tft(units_usd)?;
        Ok(Self::apply_discount(tft, secs, balance, certification))
    }

    /// Dedicated-node extra fee in TFT units over `secs` seconds (no discount).
    pub fn extra_fee_cost_tft(node_id: u32, secs: u64) -> Result<u64, Error<T>> {
        let fee = DedicatedNodesExtraFee::<T>::get(node_id);
        if fee == 0 {
            return Ok(0);
        }
        let units = f(fee
            .saturating_mul(UNITS_PER_MUSD)
            .saturating_mul(secs))
        .div(f(SECS_PER_MONTH))
        .round();
        Self::units_usd_to_tft(units)
    }
}

fn ensure_node_exists<T: Config>(node_id: u32) -> Result<(), Error<T>> {
    Pallet::<T>::node_facts(node_id).map(|_| ())
}
