//! Billing (the TFChain 2.9 model): each bill prices the time since the previous bill, reserves
//! the cost on the owner's account, records what could not be reserved as overdraft, moves the
//! contract into or out of its grace period, distributes the reserves every
//! `DistributionFrequency` bills or when the contract ends, and removes ended contracts.

use crate::{types::*, *};
use frame_support::{
    dispatch::DispatchResult,
    traits::{
        fungible,
        tokens::{Fortitude, Preservation},
        BalanceStatus, Currency, Get, Imbalance, ReservableCurrency,
    },
};
use pallet_tfgrid::types::PricingPolicyOf;
use sp_runtime::{
    traits::{Saturating, Zero},
    Perbill, SaturatedConversion,
};
use tfchain_support::types::NodeCertification;

/// The pricing policy every contract is billed with.
pub const BILLING_PRICING_POLICY_ID: u32 = 1;

fn to_balance<T: Config>(amount: u128) -> BalanceOf<T> {
    amount.saturated_into()
}

fn to_u128<T: Config>(amount: BalanceOf<T>) -> u128 {
    amount.saturated_into()
}

/// Who shares in the distribution of a node or rent contract.
struct Farmer<AccountId> {
    account: AccountId,
}

impl<T: Config> Pallet<T> {
    /// What `who` can spend: its free balance minus what freezes and the existential deposit
    /// keep, in TFT units.
    pub fn usable_balance(who: &T::AccountId) -> u128 {
        <T::Currency as fungible::Inspect<T::AccountId>>::reducible_balance(
            who,
            Preservation::Preserve,
            Fortitude::Polite,
        )
        .saturated_into()
    }

    /// Bill contract `id` for the time since its last bill (see the module documentation).
    pub fn bill_contract(id: u64) -> DispatchResult {
        let mut contract = Contracts::<T>::get(id).ok_or(Error::<T>::ContractNotExists)?;
        let twin =
            pallet_tfgrid::Twins::<T>::get(contract.twin_id).ok_or(Error::<T>::TwinNotExists)?;
        let policy = pallet_tfgrid::PricingPolicies::<T>::get(BILLING_PRICING_POLICY_ID)
            .ok_or(Error::<T>::PricingPolicyNotExists)?;
        let (farmer, certification) = Self::farmer_of(&contract)?;
        let mut payment = crate::ContractPaymentState::<T>::get(id)
            .ok_or(Error::<T>::ContractPaymentStateNotExists)?;

        let twin_usable = Self::usable_balance(&twin.account_id);
        let stash_usable = pallet_tfgrid::TwinBoundedAccountID::<T>::get(contract.twin_id)
            .map(|stash| Self::usable_balance(&stash))
            .unwrap_or(0);
        let total_usable = twin_usable.saturating_add(stash_usable);
        let now = Self::billing_now(&contract);
        let seconds_elapsed = now.saturating_sub(payment.last_updated_seconds);

        let mut waived = false;
        if let ContractData::RentContract(rent) = &contract.contract_type {
            if Self::node_is_standby(rent.node_id) {
                Self::deposit_event(Event::RentWaived { contract_id: id });
                if contract.state == ContractState::Created {
                    return Ok(());
                }
                waived = true;
            }
        }

        let (standard_due, discount_level) = if waived {
            (0, DiscountLevel::None)
        } else {
            Self::calculate_contract_cost_tft(
                &contract,
                &policy,
                total_usable,
                seconds_elapsed,
                certification,
            )?
        };
        let additional_due = match &contract.contract_type {
            ContractData::RentContract(rent) if !waived => {
                Self::extra_fee_cost_tft(rent.node_id, seconds_elapsed)?
            }
            _ => 0,
        };
        let standard_due = standard_due as u128;
        let additional_due = additional_due as u128;
        let total_due = standard_due.saturating_add(additional_due);

        let standard_overdraft = to_u128::<T>(payment.standard_overdraft);
        let additional_overdraft = to_u128::<T>(payment.additional_overdraft);
        let has_overdraft = standard_overdraft > 0 || additional_overdraft > 0;
        if total_due == 0 && !contract.is_deleted() && !has_overdraft {
            return Ok(());
        }

        let standard_to_reserve = standard_due.saturating_add(standard_overdraft);
        let additional_to_reserve = additional_due.saturating_add(additional_overdraft);
        let total_to_reserve = standard_to_reserve.saturating_add(additional_to_reserve);
        // A node contract's bill is capped (`bill_cap_tft`); the rest stays as overdraft for
        // the next bills, and is forgiven if the contract ends.
        let billable = match Self::bill_cap_tft(&contract, &policy, seconds_elapsed)? {
            Some(cap) => total_to_reserve.min(cap as u128),
            None => total_to_reserve,
        };
        let sufficient = billable <= twin_usable;

        Self::manage_contract_state(&mut contract, sufficient)?;

        let reservable = if sufficient { billable } else { twin_usable };
        T::Currency::reserve(&twin.account_id, to_balance::<T>(reservable))?;
        // Debts are paid extra fee first, then standard cost.
        let additional_paid = additional_to_reserve.min(reservable);
        let standard_paid = standard_to_reserve.min(reservable.saturating_sub(additional_paid));
        payment.additional_reserve = payment
            .additional_reserve
            .saturating_add(to_balance::<T>(additional_paid));
        payment.standard_reserve = payment
            .standard_reserve
            .saturating_add(to_balance::<T>(standard_paid));
        payment.additional_overdraft =
            to_balance::<T>(additional_to_reserve.saturating_sub(additional_paid));
        payment.standard_overdraft =
            to_balance::<T>(standard_to_reserve.saturating_sub(standard_paid));
        if sufficient {
            Self::deposit_event(Event::ContractBilled(ContractBill {
                contract_id: id,
                timestamp: now,
                discount_level,
                amount_billed: reservable,
            }));
        } else {
            Self::deposit_event(Event::ContractPaymentOverdrawn {
                contract_id: id,
                timestamp: now,
                partially_billed_amount: to_balance::<T>(reservable),
                overdraft: to_balance::<T>(total_due.saturating_sub(reservable)),
            });
        }

        Self::remit_funds(&contract, &mut payment, &policy, farmer.as_ref())?;

        if contract.is_deleted() {
            // What the distribution left reserved is released with the contract.
            crate::ContractPaymentState::<T>::insert(id, &payment);
            return Self::remove_contract(id);
        }
        if matches!(contract.contract_type, ContractData::NodeContract(_)) {
            ContractBillingInformationByID::<T>::mutate(id, |info| info.amount_unbilled = 0);
        }
        payment.last_updated_seconds = now;
        crate::ContractPaymentState::<T>::insert(id, payment);
        Ok(())
    }

    /// The farmer (twin account of the node's farm) and the node's certification, for node and
    /// rent contracts.
    fn farmer_of(
        contract: &Contract<T>,
    ) -> Result<(Option<Farmer<T::AccountId>>, NodeCertification), Error<T>> {
        if matches!(contract.contract_type, ContractData::NameContract(_)) {
            return Ok((None, NodeCertification::Diy));
        }
        let Some(node) = pallet_tfgrid::Nodes::<T>::get(contract.get_node_id()) else {
            // A deleted node whose contracts are being ended (see `crate::teardown`).
            let (_, certification, _) = Self::node_facts(contract.get_node_id())?;
            let account = Self::farmer_of_deleted_node(contract.get_node_id())?;
            return Ok((Some(Farmer { account }), certification));
        };
        let farm = pallet_tfgrid::Farms::<T>::get(node.farm_id).ok_or(Error::<T>::FarmNotExists)?;
        let farmer_twin =
            pallet_tfgrid::Twins::<T>::get(farm.twin_id).ok_or(Error::<T>::TwinNotExists)?;
        Ok((
            Some(Farmer {
                account: farmer_twin.account_id,
            }),
            node.certification,
        ))
    }

    /// Move the contract into or out of its grace period, or delete it when the grace period
    /// elapsed. `sufficient`: the bill (with the debt) can be reserved in full.
    fn manage_contract_state(contract: &mut Contract<T>, sufficient: bool) -> DispatchResult {
        let current_block = Self::current_block();
        match contract.state {
            ContractState::GracePeriod(start) => {
                if sufficient && !Self::rent_of_node_contract_in_grace(contract) {
                    Self::update_contract_state(contract, ContractState::Created)?;
                    Self::deposit_grace_ended(contract);
                    if let ContractData::RentContract(rent) = &contract.contract_type {
                        for id in ActiveNodeContracts::<T>::get(rent.node_id) {
                            Self::end_grace_of_node_contract(id)?;
                        }
                    }
                } else if current_block.saturating_sub(start) >= T::GracePeriod::get() {
                    Self::deposit_event(Event::ContractGracePeriodElapsed {
                        contract_id: contract.contract_id,
                        grace_period: current_block.saturating_sub(start),
                    });
                    Self::update_contract_state(
                        contract,
                        ContractState::Deleted(Cause::OutOfFunds),
                    )?;
                }
            }
            ContractState::Created if !sufficient => {
                Self::start_grace(contract, current_block)?;
                if let ContractData::RentContract(rent) = &contract.contract_type {
                    for id in ActiveNodeContracts::<T>::get(rent.node_id) {
                        if let Some(mut node_contract) = Contracts::<T>::get(id) {
                            if node_contract.state == ContractState::Created {
                                Self::start_grace(&mut node_contract, current_block)?;
                            }
                        }
                    }
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn start_grace(contract: &mut Contract<T>, block: u64) -> DispatchResult {
        Self::update_contract_state(contract, ContractState::GracePeriod(block))?;
        Self::deposit_event(Event::ContractGracePeriodStarted {
            contract_id: contract.contract_id,
            node_id: contract.get_node_id(),
            twin_id: contract.twin_id,
            block_number: block,
        });
        Ok(())
    }

    fn deposit_grace_ended(contract: &Contract<T>) {
        Self::deposit_event(Event::ContractGracePeriodEnded {
            contract_id: contract.contract_id,
            node_id: contract.get_node_id(),
            twin_id: contract.twin_id,
        });
    }

    /// A node contract of a rented node whose rent left its grace period leaves its own, unless
    /// it still owes money.
    fn end_grace_of_node_contract(id: u64) -> DispatchResult {
        let Some(mut node_contract) = Contracts::<T>::get(id) else {
            return Ok(());
        };
        if !node_contract.is_in_grace() {
            return Ok(());
        }
        let owes = crate::ContractPaymentState::<T>::get(id).is_some_and(|payment| {
            !payment.standard_overdraft.is_zero() || !payment.additional_overdraft.is_zero()
        });
        if owes {
            return Ok(());
        }
        Self::update_contract_state(&mut node_contract, ContractState::Created)?;
        Self::deposit_grace_ended(&node_contract);
        Ok(())
    }

    /// A node contract may not leave its grace period while the rent of its node is in grace.
    fn rent_of_node_contract_in_grace(contract: &Contract<T>) -> bool {
        let ContractData::NodeContract(node_contract) = &contract.contract_type else {
            return false;
        };
        ActiveRentContractForNode::<T>::get(node_contract.node_id)
            .and_then(Contracts::<T>::get)
            .is_some_and(|rent| rent.is_in_grace())
    }

    /// Count the bill, and distribute the reserves every `DistributionFrequency` bills and when
    /// the contract ends. Distribution errors only abort the bill of a live contract.
    fn remit_funds(
        contract: &Contract<T>,
        payment: &mut crate::types::ContractPaymentState<BalanceOf<T>>,
        policy: &PricingPolicyOf<T>,
        farmer: Option<&Farmer<T::AccountId>>,
    ) -> DispatchResult {
        payment.cycles = payment.cycles.saturating_add(1);
        let due = payment.cycles >= T::DistributionFrequency::get() || contract.is_deleted();
        let reserved = payment
            .standard_reserve
            .saturating_add(payment.additional_reserve);
        if !due || reserved.is_zero() {
            return Ok(());
        }
        let standard = payment.standard_reserve;
        let additional = payment.additional_reserve;
        let payer = pallet_tfgrid::Twins::<T>::get(contract.twin_id).map(|twin| twin.account_id);
        let reserved_before = payer.as_ref().map(T::Currency::reserved_balance);
        if let Err(error) = Self::distribute(contract, standard, additional, policy, farmer) {
            if !contract.is_deleted() {
                return Err(error);
            }
            log::error!(target: "runtime::smart-contract", "distribution of contract {} failed: {error:?}", contract.contract_id);
            // An ended contract keeps nothing reserved: what was not paid out goes back to its
            // owner.
            if let (Some(payer), Some(before)) = (payer, reserved_before) {
                let paid = before.saturating_sub(T::Currency::reserved_balance(&payer));
                T::Currency::unreserve(&payer, reserved.saturating_sub(paid));
            }
            payment.standard_reserve = Zero::zero();
            payment.additional_reserve = Zero::zero();
            payment.cycles = 0;
            return Ok(());
        }
        payment.standard_reserve = Zero::zero();
        payment.additional_reserve = Zero::zero();
        payment.cycles = 0;
        Self::deposit_event(Event::RewardDistributed {
            contract_id: contract.contract_id,
            standard_rewards: standard,
            additional_rewards: additional,
        });
        Ok(())
    }

    /// Pay out the reserves of a contract from its owner's reserved balance: the extra fee to
    /// the farmer; of the standard reserve 10 % to the staking pool, then (node and rent
    /// contracts) 50 % to the farmer and the rest (40 %) to the foundation, or (name contracts)
    /// the rest (90 %) to the foundation.
    fn distribute(
        contract: &Contract<T>,
        standard: BalanceOf<T>,
        additional: BalanceOf<T>,
        policy: &PricingPolicyOf<T>,
        farmer: Option<&Farmer<T::AccountId>>,
    ) -> DispatchResult {
        let twin =
            pallet_tfgrid::Twins::<T>::get(contract.twin_id).ok_or(Error::<T>::TwinNotExists)?;
        let payer = &twin.account_id;
        if let Some(farmer) = farmer {
            Self::pay_from_reserve(payer, &farmer.account, additional)?;
        }
        let staking = Perbill::from_percent(10) * standard;
        Self::pay_from_reserve(payer, &T::StakingPoolAccount::get(), staking)?;
        let foundation = match farmer {
            Some(farmer) => {
                let foundation_share = Perbill::from_percent(40) * standard;
                let farmer_share = standard
                    .saturating_sub(staking)
                    .saturating_sub(foundation_share);
                Self::pay_from_reserve(payer, &farmer.account, farmer_share)?;
                foundation_share
            }
            None => standard.saturating_sub(staking),
        };
        Self::pay_from_reserve(payer, &policy.foundation_account, foundation)
    }

    /// Move `amount` from the reserved balance of `from` to the free balance of `to`. An account
    /// that does not exist yet is created, unless `amount` is below the existential deposit
    /// (the dust is burned).
    fn pay_from_reserve(
        from: &T::AccountId,
        to: &T::AccountId,
        amount: BalanceOf<T>,
    ) -> DispatchResult {
        if amount.is_zero() {
            return Ok(());
        }
        if !T::Currency::total_balance(to).is_zero() {
            let unpaid = T::Currency::repatriate_reserved(from, to, amount, BalanceStatus::Free)?;
            frame_support::ensure!(unpaid.is_zero(), Error::<T>::RewardDistributionError);
            return Ok(());
        }
        let (slashed, unslashed) = T::Currency::slash_reserved(from, amount);
        frame_support::ensure!(unslashed.is_zero(), Error::<T>::RewardDistributionError);
        let created = T::Currency::deposit_creating(to, slashed.peek());
        drop(slashed.offset(created));
        Ok(())
    }
}

/// Blocks after the start of its billing cycle (the block of its billing-loop bucket) in which
/// `bill_contract_for_block` may bill a contract that the chain's billing loop has not billed
/// yet (the loop bills it at that block unless it is behind).
pub const BILLING_WINDOW_BLOCKS: u64 = 10;

/// The billing window under the current `BillingFrequency`: [`BILLING_WINDOW_BLOCKS`], and at
/// most half a cycle.
pub fn billing_window<T: Config>() -> u64 {
    BILLING_WINDOW_BLOCKS.min(BillingFrequency::<T>::get() / 2)
}

impl<T: Config> Pallet<T> {
    /// `bill_contract_for_block` sent by `who`. Nothing happens for a contract already billed
    /// in its current cycle (by the chain's billing loop or an earlier call). Otherwise contract
    /// `id` is billed if it is due, i.e. its billing cycle started at most [`billing_window`]
    /// blocks ago, or if `who` owns it and it is in its grace period (to leave it after a
    /// top-up; once per block). Anything else is `ContractWrongBillingLoopIndex`.
    pub(crate) fn do_bill_contract_for_block(who: &T::AccountId, id: u64) -> DispatchResult {
        let contract = Contracts::<T>::get(id).ok_or(Error::<T>::ContractNotExists)?;
        let now = Self::current_block();
        let last_billed = ContractLastBilledBlock::<T>::get(id);
        let cycle_start = Self::billing_cycle_start(id, now);
        let billed_this_cycle = cycle_start
            .is_some_and(|start| last_billed.is_some_and(|block| block >= start));
        let owner_in_grace = contract.is_in_grace()
            && last_billed.is_none_or(|block| block < now)
            && pallet_tfgrid::Twins::<T>::get(contract.twin_id)
                .is_some_and(|twin| twin.account_id == *who);
        if billed_this_cycle && !owner_in_grace {
            return Ok(());
        }
        let due = cycle_start.is_some_and(|start| now - start <= billing_window::<T>());
        frame_support::ensure!(
            due || owner_in_grace,
            Error::<T>::ContractWrongBillingLoopIndex
        );
        Self::bill_and_record(id, now).map(|_| ())
    }

    /// Bill contract `id` and, if the bill did not end it, record block `now` as its last bill
    /// (it is billed once per cycle); whether the contract still exists.
    pub(crate) fn bill_and_record(id: u64, now: u64) -> Result<bool, sp_runtime::DispatchError> {
        Self::bill_contract(id)?;
        let exists = Contracts::<T>::contains_key(id);
        if exists {
            ContractLastBilledBlock::<T>::insert(id, now);
        }
        Ok(exists)
    }

    /// The block at which the current billing cycle of contract `id` started: the last block
    /// up to `now` of its bucket (`None` before the chain reached one).
    pub(crate) fn billing_cycle_start(id: u64, now: u64) -> Option<u64> {
        let frequency = BillingFrequency::<T>::get();
        let bucket = Self::billing_loop_index(id);
        let offset = match now.checked_rem(frequency) {
            Some(index) if index >= bucket => index - bucket,
            Some(index) => frequency.checked_sub(bucket - index)?,
            None => 0,
        };
        now.checked_sub(offset)
    }

    /// Give the owner of a contract that is removed the reserves its payment state still holds.
    pub(crate) fn release_reserves(
        twin_id: u32,
        payment: &crate::types::ContractPaymentState<BalanceOf<T>>,
    ) {
        let held = payment
            .standard_reserve
            .saturating_add(payment.additional_reserve);
        if held.is_zero() {
            return;
        }
        let Some(twin) = pallet_tfgrid::Twins::<T>::get(twin_id) else {
            log::error!(target: "runtime::smart-contract", "reserves of a contract of missing twin {twin_id} cannot be released");
            return;
        };
        let missing = T::Currency::unreserve(&twin.account_id, held);
        if !missing.is_zero() {
            log::error!(target: "runtime::smart-contract", "twin {twin_id} had {missing:?} less reserved than its contract");
        }
    }
}
